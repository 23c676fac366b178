"""Stage 6, language: an ISO 639-1 code for the body, deterministic.

Two detectors, both fed a bounded sample of the body (the start, and a slice of
the middle for long texts), so the cost does not grow with the document:

``fast`` (the default)
    the script decides for scripts that belong to one language (Han, kana,
    Hangul, Thai, Greek, Hebrew, Devanagari, Bengali, Tamil); for Latin,
    Cyrillic and Arabic script, the text's words are scored against the 300
    most frequent words of each of wordfreq's languages
    (``data/language_profiles.json``, built by ``tools/build_language_profiles.py``).
    About a hundred times faster than langdetect; see docs/benchmarks.md.
``langdetect``
    langdetect's n-gram profiles. langdetect is randomised: each call builds its
    own detector with a fixed seed, so the answer never depends on what ran
    before. Its profiles load once per process into a read-only factory.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any

import regex

SAMPLE_CHARS = 1500
_MIN_PROSE_CHARS = 40
_MIN_HITS = 3
_WORDS = regex.compile(r"\p{L}+")
# Scripts that identify one language (at the share of letters given).
_SCRIPTS: tuple[tuple[regex.Pattern[str], str, float], ...] = (
    (regex.compile(r"[\p{Hiragana}\p{Katakana}]"), "ja", 0.05),
    (regex.compile(r"\p{Hangul}"), "ko", 0.3),
    (regex.compile(r"\p{Han}"), "zh", 0.3),
    (regex.compile(r"\p{Thai}"), "th", 0.3),
    (regex.compile(r"\p{Greek}"), "el", 0.3),
    (regex.compile(r"\p{Hebrew}"), "he", 0.3),
    (regex.compile(r"\p{Devanagari}"), "hi", 0.3),
    (regex.compile(r"\p{Bengali}"), "bn", 0.3),
    (regex.compile(r"\p{Tamil}"), "ta", 0.3),
)


@lru_cache(maxsize=1)
def _word_index() -> tuple[tuple[str, ...], Mapping[str, tuple[tuple[int, float], ...]]]:
    """The profiles' languages, and word -> ((slot of a language, weight), ...), built
    once from the shipped profiles (read-only)."""
    raw = resources.files("newsclean").joinpath("data/language_profiles.json").read_text("utf-8")
    profiles = json.loads(raw)
    languages = tuple(profiles)
    index: dict[str, list[tuple[int, float]]] = {}
    for slot, lang in enumerate(languages):
        for word, freq in profiles[lang].items():
            index.setdefault(word, []).append((slot, math.log1p(freq * 1e6)))
    return languages, MappingProxyType({w: tuple(v) for w, v in index.items()})


def detect_language_fast(text: str) -> str | None:
    """The language of ``text`` from its script and its most frequent words.

    >>> detect_language_fast("Der Stadtrat hat den neuen Haushalt am Dienstag beschlossen, sagte sie.")
    'de'
    >>> detect_language_fast("市议会周二批准了新的交通预算，结束了数月来的争论。")
    'zh'
    """
    sample = language_sample(text)
    latin = _OUTSIDE_LATIN_TEXT.search(sample) is None  # (most samples: see below)
    words = (_LATIN_WORDS if latin else _WORDS).findall(sample.lower())
    # Lower-casing never changes how many letters a text has (tests check every code
    # point), so the words of the lower-cased sample count them too.
    letters = sum(map(len, words))
    if letters < _MIN_LETTERS:
        return None
    # (no script below can count in a Latin text, nor in one without a non-Latin letter)
    if not latin and _NON_LATIN_LETTER.search(sample) is not None:
        # The scripts below share no character with Latin, Common or Inherited, so counting
        # in what is left without those gives the same numbers on a far shorter string.
        rest = _NO_SCRIPT_OF_OURS.sub("", sample)
        for pattern, code, share in _SCRIPTS:
            if len(pattern.findall(rest)) >= share * letters:
                return code
    languages, index = _word_index()
    found = [entries for entries in map(index.get, words) if entries is not None]
    if len(found) < _MIN_HITS:
        return None
    # Each language's score adds its words' weights in text order, as before in a dict
    # (the same floats), in a list slot: no string hashed per addition.
    scores = [0.0] * len(languages)
    for entries in found:
        for slot, weight in entries:
            scores[slot] += weight
    # (every weight is positive: a language no word named scores 0.0 and cannot win;
    # a tie goes to the code last in alphabetical order)
    return max(zip(scores, languages, strict=True))[1]


_MIN_LETTERS = 20
# Text made only of these characters (ASCII, the Latin-1 signs, Latin letters up to the
# IPA block, general punctuation, currency signs) holds no letter of another script and
# lower-cases into them again, and its letters are exactly _LATIN_WORDS' (tests check
# every character): most samples, scanned by the stdlib engine, which runs such plain
# classes several times faster than \p{L}. (Left out: "µ", a Greek letter, and the three
# capitals whose lower case falls outside.)
_OUTSIDE_LATIN_TEXT = re.compile(
    "[^\x00-\u00b4\u00b6-\u012f\u0131-\u0239\u023b-\u023d\u023f-\u02af\u2000-\u206f\u20a0-\u20cf]"
)
_LATIN_WORDS = re.compile("[A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02af]+")
_LETTERS = regex.compile(r"\p{L}")
_NON_LATIN_LETTER = regex.compile(r"[\p{L}--\p{Latin}]", regex.VERSION1)
_NO_SCRIPT_OF_OURS = regex.compile(r"[\p{Latin}\p{Common}\p{Inherited}]+")


@lru_cache(maxsize=1)
def _factory() -> Any:
    # Loaded once, read-only afterwards: detection results never depend on call order.
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    return factory


def prose_lines(text: str) -> str:
    """The lines of six words or more, when they hold enough text to judge by.

    Short lines (site names, menus, "News.Az") say little about the language and can
    tip a small sample ("az" is Hungarian's "the"); sentences decide instead.

    >>> prose_lines("News.Az\\nNews.Az\\n" + "The ministry said the reports were credible, officials added." * 3)[:12]
    'The ministry'
    """
    kept = [ln for ln in text.split("\n") if ln.count(" ") >= 5]
    joined = "\n".join(kept)
    return joined if len(joined) >= _MIN_PROSE_CHARS else text


def language_sample(text: str, size: int = SAMPLE_CHARS) -> str:
    """A bounded sample: the start and, for long texts, a slice from the middle.

    >>> len(language_sample("x" * 10_000))
    1500
    """
    if len(text) <= size:
        return text
    half = size // 2
    mid = len(text) // 2
    return text[:half] + "\n" + text[mid : mid + size - half - 1]


# Scripts written without spaces between words (no glue to repair in them).
UNSPACED_SCRIPTS = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}]+")
# Every character of UNSPACED_SCRIPTS starts its UTF-8 form with one of these lead bytes, or
# with one of these lead bytes followed by one of the second bytes given (tests check both).
_UNSPACED_LEADS = (b"\xe3", b"\xe4", b"\xe5", b"\xe6", b"\xe7", b"\xe8", b"\xe9", b"\xf0")
_UNSPACED_PAIRS = (
    (0xE0, frozenset(range(0xB8, 0xBC))),  # Thai, Lao
    (0xE1, frozenset((0x9E, 0x9F, 0xA7))),  # Khmer
    (0xE2, frozenset(range(0xBA, 0xC0))),  # CJK radicals
    (0xEF, frozenset((*range(0xA4, 0xAC), 0xBD, 0xBE))),  # compatibility Han, half-width kana
)


def may_hold_unspaced_script(text: str) -> bool:
    """False when ``text`` surely holds no Han, kana, Thai, Lao or Khmer character.

    A regex scan for those scripts runs at ~40 MB/s; this looks for their UTF-8 lead
    bytes with ``bytes.find`` (memchr), twenty times faster, and may answer True for
    text that holds none (an emoji), never False for text that holds one.

    >>> may_hold_unspaced_script("The “quoted” café — 3 km")
    False
    >>> may_hold_unspaced_script("The city 市 council")
    True
    """
    if text.isascii():
        return False
    utf8 = text.encode("utf-8", "surrogatepass")
    if any(lead in utf8 for lead in _UNSPACED_LEADS):
        return True
    for lead, seconds in _UNSPACED_PAIRS:
        i = utf8.find(lead)
        while i >= 0:
            if utf8[i + 1] in seconds:  # a lead byte here always has continuation bytes
                return True
            i = utf8.find(lead, i + 3)
    return False


def spaced_scripts_only(text: str) -> str:
    """``text`` with each run of Han, kana, Thai, Lao or Khmer replaced by one space.

    >>> spaced_scripts_only("News 市议会 today")
    'News   today'
    """
    if not may_hold_unspaced_script(text):
        return text
    return UNSPACED_SCRIPTS.sub(" ", text)


def detect_language(text: str, method: str = "fast") -> str | None:
    """The language of ``text`` as an ISO 639-1 code, or ``None`` if it cannot tell.

    ``method`` is ``"fast"`` (the default) or ``"langdetect"``.

    >>> detect_language("The ministry summoned the ambassador over reports of troops being sent abroad.")
    'en'
    >>> detect_language("Министерство вызвало посла в связи с сообщениями о переброске войск.")
    'ru'
    >>> detect_language("12345 !!!", method="langdetect") is None
    True
    """
    # Judge by the sentences first; short lines only when the sentences cannot tell.
    prose = prose_lines(text)
    code = _detect(prose, method)
    if code is None and prose is not text:
        code = _detect(text, method)
    return code


def _detect(text: str, method: str) -> str | None:
    if method == "fast":
        return detect_language_fast(text)
    if method != "langdetect":
        raise ValueError(f"language detector must be 'fast' or 'langdetect', not {method!r}")
    sample = language_sample(text)
    if len(_LETTERS.findall(sample)) < _MIN_LETTERS:
        return None
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.seed = 0  # langdetect samples n-grams at random; a fixed seed makes it repeatable
    detector.append(sample)
    try:
        code = str(detector.detect())
    except LangDetectException:
        return None
    if code == "unknown":
        return None
    return code.split("-")[0]  # zh-cn / zh-tw -> zh
