"""Re-insert whitespace that scrapers dropped at tag and line boundaries ("glued" words).

Scraped text often loses the space between two words that sat in different HTML
elements or on different lines: ``"withUkraine"``, ``"theinitial"``, ``"Troopsin"``,
``"neighbor.South Korea’s"``, ``"desperation.”The"``.  This module finds such sites and
re-inserts exactly one space.  It only ever *inserts* whitespace.

Design
------
* A cheap pass over the *distinct* whitespace tokens of the text skips every token
  that is a known word (plain ``set``/``dict`` look-ups); only the few remaining
  candidates get the expensive checks.
* Evidence instead of guesses: word frequencies from :mod:`wordfreq` (per language),
  the token's repetitions in the same document (names and brands repeat), whether the
  split form also occurs in the document, and the structure of the token (URL,
  e-mail, handle, hashtag, file name, code identifier, ALLCAPS, initials, decimals,
  domains are never split).
* English gets every rule.  Other languages with a wordfreq dictionary only get the
  sentence-boundary rule with dictionary evidence on both sides; compounds are never
  split there.  Languages without a dictionary and scripts written without spaces
  pass through untouched.

The vocabularies are loaded once per process through :func:`functools.lru_cache`.
They are immutable (``MappingProxyType`` / ``frozenset``) and results never depend on
call order, so this is read-only caching, not mutable module state.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
import types
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["GlueSplit", "find_glue_splits", "unglue"]


@dataclass(frozen=True, slots=True)
class GlueSplit:
    """One place where a single space should be inserted.

    ``offset`` is an index into the input text: the repaired text is
    ``text[:offset] + " " + text[offset:]``.  ``rule`` names the rule that fired and
    ``token`` is the whitespace-delimited token as it appeared in the input.
    """

    offset: int
    rule: str
    token: str


# --------------------------------------------------------------------------- constants

RULE_LOWER_LOWER = "glue.lower_lower"
RULE_LOWER_TITLE = "glue.lower_title"
RULE_TITLE_LOWER = "glue.title_lower"
RULE_TITLE_TITLE = "glue.title_title"
RULE_SENTENCE = "glue.sentence"
RULE_LINE = "glue.line"

# Languages written without spaces between words: never touched.
_NO_SPACE_LANGS = frozenset({"zh", "ja", "th", "lo", "km", "my", "bo"})
_NO_SPACE_SCRIPT = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
)

_EDGE = "\"'“”‘’«»()[]{}<>.,;:!?*•·…–—-/|"
_CLOSERS = frozenset("”’»)]")
_OPENERS = frozenset("“‘«([")
_STRAIGHT_QUOTES = frozenset("\"'")
_VETO_CHARS = frozenset("@_\\={}<>|~^`#$&+/")

# Country-code and common generic top-level domains: "News.Az", "Example.Com".
_TLDS = frozenset(
    [
        "ac",
        "ad",
        "ae",
        "af",
        "ag",
        "ai",
        "al",
        "am",
        "ao",
        "ar",
        "as",
        "at",
        "au",
        "aw",
        "az",
        "ba",
        "bb",
        "bd",
        "be",
        "bf",
        "bg",
        "bh",
        "bi",
        "bj",
        "bm",
        "bn",
        "bo",
        "br",
        "bs",
        "bt",
        "bw",
        "by",
        "bz",
        "ca",
        "cc",
        "cd",
        "cf",
        "cg",
        "ch",
        "ci",
        "ck",
        "cl",
        "cm",
        "cn",
        "co",
        "cr",
        "cu",
        "cv",
        "cw",
        "cx",
        "cy",
        "cz",
        "de",
        "dj",
        "dk",
        "dm",
        "do",
        "dz",
        "ec",
        "ee",
        "eg",
        "es",
        "et",
        "eu",
        "fi",
        "fj",
        "fk",
        "fm",
        "fo",
        "fr",
        "ga",
        "gd",
        "ge",
        "gg",
        "gh",
        "gi",
        "gl",
        "gm",
        "gn",
        "gp",
        "gr",
        "gt",
        "gu",
        "gy",
        "hk",
        "hn",
        "hr",
        "ht",
        "hu",
        "id",
        "ie",
        "il",
        "im",
        "in",
        "io",
        "iq",
        "ir",
        "is",
        "it",
        "je",
        "jm",
        "jo",
        "jp",
        "ke",
        "kg",
        "kh",
        "ki",
        "km",
        "kn",
        "kr",
        "kw",
        "ky",
        "kz",
        "la",
        "lb",
        "lc",
        "li",
        "lk",
        "lr",
        "ls",
        "lt",
        "lu",
        "lv",
        "ly",
        "ma",
        "mc",
        "md",
        "me",
        "mg",
        "mk",
        "ml",
        "mm",
        "mn",
        "mo",
        "mr",
        "ms",
        "mt",
        "mu",
        "mv",
        "mw",
        "mx",
        "my",
        "mz",
        "na",
        "nc",
        "ne",
        "nf",
        "ng",
        "ni",
        "nl",
        "no",
        "np",
        "nr",
        "nu",
        "nz",
        "om",
        "pa",
        "pe",
        "pf",
        "pg",
        "ph",
        "pk",
        "pl",
        "pr",
        "ps",
        "pt",
        "pw",
        "py",
        "qa",
        "re",
        "ro",
        "rs",
        "ru",
        "rw",
        "sa",
        "sb",
        "sc",
        "sd",
        "se",
        "sg",
        "sh",
        "si",
        "sk",
        "sl",
        "sm",
        "sn",
        "so",
        "sr",
        "st",
        "su",
        "sv",
        "sy",
        "sz",
        "tc",
        "td",
        "tg",
        "th",
        "tj",
        "tk",
        "tl",
        "tm",
        "tn",
        "to",
        "tr",
        "tt",
        "tv",
        "tw",
        "tz",
        "ua",
        "ug",
        "uk",
        "us",
        "uy",
        "uz",
        "va",
        "vc",
        "ve",
        "vg",
        "vi",
        "vn",
        "vu",
        "ws",
        "ye",
        "za",
        "zm",
        "zw",
        "com",
        "org",
        "net",
        "edu",
        "gov",
        "mil",
        "int",
        "biz",
        "info",
        "news",
        "online",
        "site",
        "tech",
        "app",
        "dev",
    ]
)

# Surname particles that start camel-case names: McCain, MacBook, DeSantis, LeBron ...
_NAME_PREFIXES = frozenset(
    [
        "mc",
        "mac",
        "de",
        "di",
        "le",
        "la",
        "da",
        "du",
        "van",
        "von",
        "der",
        "den",
        "ten",
        "ter",
        "o",
        "st",
        "fitz",
        "al",
        "el",
        "ben",
        "abu",
        "ibn",
    ]
)

# Word-forming prefixes: "reinflated", "nonprofit" are words, not glue.
_PREFIXES = frozenset(
    [
        "re",
        "un",
        "non",
        "pre",
        "co",
        "de",
        "dis",
        "mis",
        "anti",
        "multi",
        "semi",
        "sub",
        "super",
        "ultra",
        "mega",
        "micro",
        "cyber",
        "inter",
        "hyper",
        "post",
        "mid",
        "self",
        "pro",
        "counter",
        "ex",
        "bi",
        "tri",
        "auto",
        "eco",
        "geo",
        "tele",
        "trans",
        "cross",
    ]
)

# Frequent content words: not evidence of glue the way function words are.
_CONTENT_WORDS = frozenset(
    [
        "time",
        "people",
        "good",
        "new",
        "first",
        "one",
        "two",
        "three",
        "work",
        "year",
        "years",
        "day",
        "days",
        "life",
        "world",
        "man",
        "home",
        "love",
        "great",
        "best",
        "long",
        "way",
        "right",
        "back",
        "well",
        "know",
        "think",
        "see",
        "make",
        "take",
        "want",
        "need",
        "go",
        "get",
        "got",
        "made",
        "say",
        "said",
        "like",
        "really",
        "going",
        "last",
        "still",
        "never",
        "little",
        "old",
        "big",
        "thing",
        "things",
        "look",
        "come",
    ]
)

# Determiners/prepositions that start a title phrase ("TheBoss") but rarely a brand.
_TITLE_STARTERS = frozenset(
    [
        "the",
        "a",
        "an",
        "to",
        "of",
        "and",
        "for",
        "by",
        "with",
        "from",
        "your",
        "my",
        "his",
        "her",
        "their",
        "our",
        "its",
    ]
)

# Function words that are also word-forming prefixes ("inhumility", "outgrow").
_PREFIX_LIKE = frozenset(["in", "a", "an", "be", "on", "out", "over", "under", "up"])

# Prefix-like function words that rarely build new words before a frequent word.
_WEAK_PREFIX_LIKE = frozenset(["a", "be", "on"])

# Compound tails that are also frequent words on their own ("lasttime", "newpeople").
_WORD_TAILS = frozenset(["time", "times", "day", "days", "people", "person", "world"])

# Second parts that usually form solid compounds or derivations ("guitarwork",
# "partymen", "homeless"): split only when the first part is a function word.
_COMPOUND_TAILS = frozenset(
    [
        "less",
        "ful",
        "ness",
        "ship",
        "hood",
        "like",
        "wise",
        "ward",
        "wards",
        "man",
        "men",
        "woman",
        "women",
        "work",
        "works",
        "ware",
        "ism",
        "ist",
        "ish",
        "able",
        "ible",
        "ment",
        "ments",
        "ly",
        "er",
        "ers",
        "ed",
        "ing",
        "ion",
        "ions",
        "al",
        "ally",
        "proof",
        "free",
        "fold",
        "house",
        "land",
        "side",
        "line",
        "lines",
        "way",
        "ways",
        "book",
        "books",
        "time",
        "times",
        "day",
        "days",
        "person",
        "people",
        "son",
        "sons",
        "ton",
        "ford",
        "field",
        "wood",
        "well",
        "wells",
        "berg",
        "burg",
        "stein",
        "worth",
        "ley",
        "by",
        "bury",
        "more",
        "mouth",
        "port",
        "ville",
        "dale",
        "stone",
        "brook",
        "ridge",
        "water",
        "world",
        "star",
        "head",
        "heads",
    ]
)

# Parts that often build brand names in camel case (YouTube, NewsGuard, SoftBank).
_BRAND_PARTS = frozenset(
    [
        "book",
        "books",
        "pods",
        "pod",
        "hub",
        "point",
        "press",
        "post",
        "tube",
        "bank",
        "rock",
        "berry",
        "chat",
        "dash",
        "strike",
        "guard",
        "station",
        "script",
        "pad",
        "phone",
        "phones",
        "net",
        "soft",
        "cloud",
        "card",
        "spot",
        "box",
        "space",
        "mail",
        "gate",
        "link",
        "lab",
        "labs",
        "works",
        "ware",
        "tech",
        "pay",
        "app",
        "apps",
        "tok",
        "cast",
        "feed",
        "flix",
        "base",
        "force",
        "bit",
        "coin",
        "star",
        "mart",
        "store",
        "shop",
        "stream",
        "zone",
        "fire",
        "wire",
        "desk",
        "drive",
        "sense",
        "mind",
        "verse",
        "deck",
        "tv",
        "max",
        "bot",
        "bots",
        "craft",
    ]
)

# Suffixes used to recognise inflected/derived forms of known words ("checkups").
_SUFFIXES = (
    "s",
    "es",
    "ed",
    "d",
    "ing",
    "er",
    "ers",
    "est",
    "ly",
    "ness",
    "ish",
    "ism",
    "ist",
    "ists",
    "able",
    "less",
    "ful",
    "ment",
    "ments",
    "ize",
    "izes",
    "ized",
    "y",
    "ie",
    "ies",
)

_LETTER_RUN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_PUNCT_RUN = re.compile(r"(?<=[\w)\]%])[.!?:;]+")
_URLISH = re.compile(
    r"(?i)(?:mailto:|//|www\.|\.(?:com|org|net|gov|edu|html?|php|aspx?|pdf|jpe?g"
    r"|png|gif|py|js|json|xml|txt|docx?|xlsx?|csv|zip|exe|mp[34])(?:$|\W))"
)
_DOTTED_CODE = re.compile(r"[^\W\d_]\.[a-zà-ÿ]|\(\)|\((?:at|dot)\)")


# --------------------------------------------------------------------------- models


@dataclass(frozen=True, slots=True)
class _Model:
    lang: str
    vocab: Mapping[str, float]  # word (lower case, ASCII apostrophe) -> Zipf frequency
    function_words: frozenset[str]
    two_letter: frozenset[str]  # two-letter words allowed as a part of a split
    full: bool  # all rules (English) or only the sentence rule
    safe: frozenset[str]  # alphabetic words frequent enough never to be glue


def _fw_pair(word: str, z: float, vocab: Mapping[str, float], fw: frozenset[str]) -> bool:
    """Could ``word`` be read as two glued words, one of them a function word?

    Words for which this is False are never split, so they skip all further checks.
    """
    n = len(word)
    for i in range(1, min(n, 8)):
        a, b = word[:i], word[i:]
        if a in fw and vocab.get(b, 0.0) >= 3.0:
            return True
        a, b = word[: n - i], word[n - i :]
        if b in fw and vocab.get(a, 0.0) >= 3.0:
            return True
    return False


@functools.lru_cache(maxsize=64)
def _load_model(lang: str) -> _Model | None:
    """Load the (immutable) vocabulary of ``lang`` once per process."""
    if lang in _NO_SPACE_LANGS:
        return None
    try:
        import wordfreq

        if lang not in wordfreq.available_languages():
            return None
        freqs = wordfreq.get_frequency_dict(lang)
        top = wordfreq.top_n_list(lang, 150)
        top3000 = wordfreq.top_n_list(lang, 3000)
    except Exception:  # no dictionary for this language
        return None
    if not freqs:
        return None
    vocab = {w: math.log10(f) + 9.0 for w, f in freqs.items() if f > 0}
    function_words = frozenset(
        w for w in top if w.isalpha() and (len(w) > 1 or w in "ai") and w not in _CONTENT_WORDS
    )
    if lang == "en":
        top_set = frozenset(function_words)
        safe = frozenset(
            w
            for w, z in vocab.items()
            if z >= 1.5
            and w.replace("'", "").isalpha()
            and (z >= 3.5 or not _fw_pair(w, z, vocab, top_set))
        )
    else:  # only the sentence rule runs: a plain frequency cut-off is enough
        safe = frozenset(w for w, z in vocab.items() if z >= 3.0 and w.isalpha())
    two = frozenset(
        w
        for w in top3000
        if len(w) == 2 and w.isalpha() and vocab.get(w, 0.0) >= 5.0 and w not in _PREFIXES
    )
    return _Model(
        lang=lang,
        vocab=types.MappingProxyType(vocab),
        function_words=function_words,
        two_letter=two,
        full=lang == "en",
        safe=safe,
    )


# Distinctive function words for the light language guess used when language=None.
_STOPWORDS: Mapping[str, frozenset[str]] = types.MappingProxyType(
    {
        "en": frozenset(
            [
                "the",
                "and",
                "of",
                "to",
                "is",
                "that",
                "with",
                "was",
                "for",
                "are",
                "this",
                "have",
                "from",
                "they",
                "which",
                "would",
                "been",
                "their",
                "has",
                "were",
                "there",
                "what",
                "about",
                "when",
                "will",
                "into",
                "said",
                "its",
                "than",
            ]
        ),
        "de": frozenset(
            [
                "der",
                "die",
                "und",
                "das",
                "ist",
                "nicht",
                "mit",
                "den",
                "von",
                "sich",
                "des",
                "auf",
                "für",
                "dem",
                "ein",
                "eine",
                "auch",
                "wird",
                "nach",
                "bei",
                "oder",
                "sind",
                "wurde",
            ]
        ),
        "fr": frozenset(
            [
                "le",
                "la",
                "les",
                "des",
                "est",
                "une",
                "pour",
                "que",
                "qui",
                "dans",
                "pas",
                "sur",
                "avec",
                "sont",
                "ont",
                "aux",
                "par",
                "ce",
                "cette",
                "mais",
                "été",
                "comme",
            ]
        ),
        "es": frozenset(
            [
                "el",
                "los",
                "las",
                "del",
                "que",
                "una",
                "por",
                "con",
                "para",
                "es",
                "está",
                "pero",
                "como",
                "más",
                "fue",
                "sus",
                "al",
                "también",
                "entre",
                "sobre",
            ]
        ),
        "pt": frozenset(
            [
                "os",
                "das",
                "dos",
                "uma",
                "para",
                "com",
                "não",
                "que",
                "por",
                "mais",
                "foi",
                "são",
                "pelo",
                "pela",
                "ao",
                "também",
                "como",
                "está",
                "entre",
            ]
        ),
        "it": frozenset(
            [
                "il",
                "che",
                "della",
                "di",
                "delle",
                "degli",
                "per",
                "una",
                "sono",
                "con",
                "non",
                "gli",
                "anche",
                "più",
                "dal",
                "alla",
                "nella",
                "questo",
            ]
        ),
        "nl": frozenset(
            [
                "het",
                "een",
                "van",
                "de",
                "en",
                "is",
                "niet",
                "dat",
                "op",
                "zijn",
                "voor",
                "met",
                "ook",
                "wordt",
                "bij",
                "aan",
                "naar",
                "dit",
                "maar",
                "werd",
            ]
        ),
        "other": frozenset(
            [
                "och",
                "att",
                "det",
                "som",
                "inte",
                "jag",
                "af",
                "og",
                "er",
                "ikke",
                "til",
                "ja",
                "na",
                "się",
                "nie",
                "jest",
                "że",
                "jak",
                "je",
                "se",
                "že",
                "ve",
                "pro",
                "od",
                "ei",
            ]
        ),
    }
)


def _detect_language(text: str, uniq: set[str]) -> str | None:
    """A light, conservative guess: ``"en"`` only when the text is plainly English."""
    head = text[:2000]
    if not head.isascii() and _NO_SPACE_SCRIPT.search(head):
        return None
    scores = {lang: len(uniq & words) for lang, words in _STOPWORDS.items()}
    en = scores.pop("en")
    rest = max(scores.values())
    if en >= 2 and en >= 3 * rest:
        return "en"
    return None


# --------------------------------------------------------------------------- helpers


def _title_end(s: str, k: int) -> int:
    """End of a Title-case word (capital, small letter, letters/apostrophes) at ``k``, or -1."""
    n = len(s)
    if k + 1 >= n or not (s[k].isupper() and s[k + 1].islower()):
        return -1
    j = k + 2
    while j < n and (s[j].isalpha() or s[j] in "'’"):
        j += 1
    return j


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


def _zipf(model: _Model, word: str) -> float:
    return model.vocab.get(_norm(word), 0.0)


def _is_derived(model: _Model, low: str) -> bool:
    """True when ``low`` looks like an inflected/derived form of a known word."""
    vocab = model.vocab
    for suf in _SUFFIXES:
        if low.endswith(suf) and len(low) - len(suf) >= 3:
            stem = low[: -len(suf)]
            if vocab.get(stem, 0.0) >= 2.0:
                return True
            if suf in ("ed", "er", "ers", "est", "ing") and vocab.get(stem + "e", 0.0) >= 2.0:
                return True
    return False


def _part_ok(model: _Model, part: str, z: float) -> bool:
    n = len(part)
    if n == 1:
        return part == "a"
    if n == 2:
        return part in model.two_letter
    if n == 3:
        return z >= 4.0
    if n <= 5:
        return z >= 3.0
    return z >= 2.3


def _best_split(model: _Model, low: str) -> tuple[int, float, float] | None:
    """Best single split of a lower-case word into two known words (max zipf sum)."""
    vocab = model.vocab
    best: tuple[float, int, float, float] | None = None
    for i in range(1, len(low)):
        a, b = low[:i], low[i:]
        if a[-1] == "'" or b[0] == "'":
            continue
        za = vocab.get(a, 0.0)
        if za <= 0.0:
            continue
        zb = vocab.get(b, 0.0)
        if zb <= 0.0:
            continue
        if not (_part_ok(model, a, za) and _part_ok(model, b, zb)):
            continue
        score = za + zb
        if best is None or score > best[0]:
            best = (score, i, za, zb)
    if best is None:
        return None
    return best[1], best[2], best[3]


# --------------------------------------------------------------------------- rules


def _known_glued(za: float, zb: float, zwhole: float, a_fw: bool, b_fw: bool, title: bool) -> bool:
    """Is a known (dictionary) word really two glued words, e.g. "ofthe", "wouldbe"?"""
    if not (a_fw or b_fw) or min(za, zb) < 3.0:
        return False
    margin = za + zb - 9.0 - zwhole
    if title:
        return a_fw and zwhole < 2.5 and margin >= 2.5
    if zwhole < 2.0:
        return margin >= 1.0
    if a_fw and b_fw:
        return margin >= 2.0 and zwhole < 3.5
    return margin >= 2.5 and zwhole < 3.0


def _split3(model: _Model, low: str) -> tuple[int, int] | None:
    """Two cuts for an unknown word made of three glued words ("sothatpeople")."""
    vocab = model.vocab
    fw = model.function_words
    best: tuple[float, int, int] | None = None
    n = len(low)
    for i in range(1, n - 1):
        a = low[:i]
        za = vocab.get(a, 0.0)
        if za <= 0.0 or not _part_ok(model, a, za):
            continue
        for j in range(i + 1, n):
            b, c = low[i:j], low[j:]
            zb = vocab.get(b, 0.0)
            if zb <= 0.0 or not _part_ok(model, b, zb):
                continue
            zc = vocab.get(c, 0.0)
            if zc <= 0.0 or not _part_ok(model, c, zc):
                continue
            parts = ((a, za), (b, zb), (c, zc))
            nfw = sum(p in fw for p, _ in parts)
            if nfw == 0 or c in _COMPOUND_TAILS or b in _COMPOUND_TAILS:
                continue
            if any(p not in fw and (len(p) < 4 or z < 3.3) for p, z in parts):
                continue
            if b not in fw and (a not in fw or c not in fw or a in _PREFIX_LIKE):
                continue  # "on|thor|stand", "over|billing|for": no function word inside
            if a in _PREFIXES:
                continue
            score = za + zb + zc
            if best is None or score > best[0]:
                best = (score, i, j)
    if best is None:
        return None
    return best[1], best[2]


_WORD = re.compile(r"[^\W\d_]+")


class _Doc:
    """The text plus word counts built lazily, only when a candidate needs evidence."""

    __slots__ = ("_exact", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._exact: dict[str, int] | None = None

    def _counts(self) -> dict[str, int]:
        if self._exact is None:
            counts: dict[str, int] = {}
            for w in _WORD.findall(self.text):
                counts[w] = counts.get(w, 0) + 1
            self._exact = counts
        return self._exact

    def has(self, word: str) -> bool:
        """Does ``word`` occur as a word of its own (exact case)?"""
        return word in self._counts()

    def count(self, word: str) -> int:
        """How often ``word`` occurs as a word of its own, in any of its usual cases."""
        counts = self._counts()
        low = word.lower()
        forms = {word, low, low.capitalize(), word.upper()}
        return sum(counts.get(f, 0) for f in forms)

    def spaced(self, run: str, i: int) -> bool:
        """Does the two-word reading of ``run`` (cut at ``i``) occur spaced in the text?"""
        text = self.text
        a, b = run[:i], run[i:]
        n_text = len(text)
        for needle in {f"{a} {b}", f"{a.lower()} {b.lower()}", f"{a.capitalize()} {b.lower()}"}:
            k = text.find(needle)
            while k >= 0:
                e = k + len(needle)
                if (k == 0 or not text[k - 1].isalpha()) and (e >= n_text or not text[e].isalpha()):
                    return True
                k = text.find(needle, k + 1)
        return False


_CONTRACTION = re.compile(r"([^\W\d_]+)'(s|m|re|ve|d|ll|t)([^\W\d_]+)")


def _contraction_split(model: _Model, run: str, low: str) -> tuple[int, str] | None:
    """A contraction or possessive glued to the next word: "I'mlooking", "Sandy'simpact"."""
    m = _CONTRACTION.fullmatch(low)
    if m is None:
        return None
    stem, suf, rest = m.groups()
    left = f"{stem}'{suf}"
    zr = model.vocab.get(rest, 0.0)
    if not ((len(rest) >= 2 and zr >= 3.5) or rest == "a"):
        return None
    if rest in _COMPOUND_TAILS and rest not in model.function_words:
        return None
    if model.vocab.get(left, 0.0) < 3.0 and not (suf == "s" and len(stem) >= 2):
        return None
    return m.end(2), RULE_TITLE_LOWER if run[0].isupper() else RULE_LOWER_LOWER


def _is_typo(model: _Model, low: str) -> bool:
    """Is ``low`` one wrong letter away from a frequent word ("somethink")?"""
    if len(low) < 6:
        return False
    vocab = model.vocab
    for k in range(len(low)):
        head, tail = low[:k], low[k + 1 :]
        for c in "abcdefghijklmnopqrstuvwxyz":
            if c != low[k] and vocab.get(head + c + tail, 0.0) >= 4.5:
                return True
    return False


def _split_plain_run(model: _Model, run: str, doc: _Doc) -> tuple[int, str] | None:
    """lower+lower / Title+lower split of a letter run without inner capitals."""
    low = _norm(run)
    if len(low) < 3:
        return None
    title = run[0].isupper()
    zwhole = model.vocab.get(low, 0.0)
    if title and run[0] == "I" and run[1:] in model.safe and run[1] not in "nst":
        # "Ihad", "Istarted": the pronoun glued to a verb-like word.
        zr = model.vocab.get(run[1:], 0.0)
        if zr >= 4.3 and zwhole < 2.5 and len(run) >= 4:
            return 1, RULE_TITLE_LOWER
    if "'" in low:
        return _contraction_split(model, run, low)
    found = _best_split(model, low)
    if found is None:
        return None
    if len(low) == 3:
        # "ata", "ofa", "toa": only two glued function words, in lower case
        fw = model.function_words
        i = found[0]
        if title or low[:i] not in fw or low[i:] not in fw:
            return None
    return _judge_split(model, run, low, zwhole, found, doc)


def _split_plain_runs(model: _Model, run: str, doc: _Doc) -> tuple[tuple[int, str], ...]:
    """Cuts for a letter run without inner capitals (two or three glued words)."""
    one = _split_plain_run(model, run, doc)
    if one is not None:
        return (one,)
    low = _norm(run)
    if len(low) < 7 or not run.islower() or model.vocab.get(low, 0.0) > 0.0:
        return ()
    if _best_split(model, low) is not None or _is_derived(model, low):
        return ()
    cuts = _split3(model, low)
    if cuts is None:
        return ()
    return ((cuts[0], RULE_LOWER_LOWER), (cuts[1], RULE_LOWER_LOWER))


def _judge_split(
    model: _Model,
    run: str,
    low: str,
    zwhole: float,
    found: tuple[int, float, float],
    doc: _Doc,
) -> tuple[int, str] | None:
    title = run[0].isupper()
    rule = RULE_TITLE_LOWER if title else RULE_LOWER_LOWER
    i, za, zb = found
    a, b = low[:i], low[i:]
    fw = model.function_words
    a_fw, b_fw = a in fw, b in fw
    if zwhole > 0.0:
        # A known word, often a frequent glued form like "inthe": split only when the
        # two-word reading is far more likely than the word itself.
        if _known_glued(za, zb, zwhole, a_fw, b_fw, title) and not _is_typo(model, low):
            return i, rule
        if (
            not title
            and (a_fw or b_fw)
            and zwhole < 3.5
            and min(za, zb) >= 3.0
            and za + zb - 9.0 - zwhole >= 0.5
            and doc.spaced(run, i)
            and doc.count(run) == 1
        ):
            return i, rule  # "upto" once, "up to" elsewhere in the same text
        return None
    spaced = doc.spaced(run, i)
    if title:
        # Capitalised unknown words are mostly names: demand strong evidence.
        if a_fw or b_fw:
            other = zb if a_fw else za
            if other < 3.5 or (b in _COMPOUND_TAILS and not a_fw):
                return None
            if len(b) <= 2 and za < 4.5:
                return None
            return i, rule
        if spaced and min(za, zb) >= 3.0 and len(b) >= 3:
            return i, rule
        if len(a) >= 5 and len(b) >= 4 and min(za, zb) >= 4.0 and len(low) >= 10:
            if b in _COMPOUND_TAILS or _is_derived(model, low):
                return None
            return i, rule
        return None
    if spaced and min(za, zb) >= 2.5 and (a_fw or b_fw or min(len(a), len(b)) >= 3):
        return i, rule  # the same two words occur spaced elsewhere in the text
    if a_fw or b_fw:
        if a in _PREFIXES and not b_fw:
            return None
        if b in _COMPOUND_TAILS and not a_fw and not (b_fw and a.endswith("ed")):
            return None
        if a in _PREFIX_LIKE and not b_fw:
            limit = 3.3 if a in _WEAK_PREFIX_LIKE else 4.5
            if zb < limit or _is_derived(model, low):
                return None  # also word-forming prefixes ("inhumility", "amoral", "outgrow")
        if not a_fw and _is_derived(model, low):
            return None
        return i, rule
    # Two content words: the token could be a solid compound, a derivation or a typo.
    if a in _PREFIXES or _is_derived(model, low):
        return None
    if b in _COMPOUND_TAILS and (b not in _WORD_TAILS or len(a) < 4 or za < 4.0):
        return None
    if len(a) < 3 or len(b) < 3 or len(low) < 7 or min(za, zb) < 3.3:
        return None
    if len(a) == 3 and za < 5.0:
        return None
    if len(low) < 9 and min(za, zb) < 4.5:
        return None
    if min(za, zb) < 4.5 and doc.count(a) == 0 and doc.count(b) == 0:
        return None  # rare words never seen on their own in the text: a compound or a typo
    return i, rule


def _split_camel_run(model: _Model, run: str, text: str, count: int) -> tuple[int, str] | None:
    """lower+Title / Title+Title split at the single lower->upper transition of a run."""
    humps = [i for i in range(1, len(run)) if run[i].isupper() and run[i - 1].islower()]
    if len(humps) != 1:
        return None  # camelCaseVariable, getElementById: code, not glue
    i = humps[0]
    left, right = run[:i], run[i:]
    if model.vocab.get(_norm(run), 0.0) > 0.0:
        return None  # YouTube, LinkedIn: known as a whole
    head = re.split(r"['’]", right, maxsplit=1)[0]
    if not (_title_end(head, 0) == len(head) or head == "I"):
        return None  # macOS, BioNTech, SpaceX, PhD
    if count >= 2:
        return None  # repeated camel case: a name
    lz = _zipf(model, left)
    rz = _zipf(model, head)
    left_low = _norm(left)
    right_low = _norm(head)
    fw = model.function_words
    if left.islower():
        if len(left) == 1 and left != "a":
            return None  # iPhone, eBay
        if len(left) == 2 and left_low not in model.two_letter:
            return None
        if lz < 3.0:
            return None
        if left_low not in fw and rz < 2.0:
            return None  # "aimClearians": an unknown name after a content word
        return i, RULE_LOWER_TITLE
    # Title+Title
    if not left[1:].islower() or left_low in _NAME_PREFIXES:
        return None
    if f"{left} {right}" in text:
        return i, RULE_TITLE_TITLE
    if lz < 3.5 or rz < 3.0 or right_low in _BRAND_PARTS or left_low in _BRAND_PARTS:
        return None
    if left_low in _TITLE_STARTERS and len(head) >= 3:
        return i, RULE_TITLE_TITLE  # "TheBoss", "YourDad"
    if (
        len(left) >= 5
        and len(head) >= 5
        and len(run) >= 11
        and rz >= 3.5
        and right_low not in _COMPOUND_TAILS
    ):
        return i, RULE_TITLE_TITLE
    return None


_Cut = tuple[int, str, int]  # (offset, rule, alternative offset if a straight quote closes)


def _sentence_splits(model: _Model, core: str, text: str) -> list[_Cut]:
    """Splits after sentence punctuation: "neighbor.South", "desperation.”The"."""
    out: list[_Cut] = []
    n = len(core)
    for m in _PUNCT_RUN.finditer(core):
        punct = m.group()
        if ".." in punct:
            continue  # "radio...At": an ellipsis is a style, not lost whitespace
        j = m.end()
        while j < n and core[j] in _CLOSERS:
            j += 1
        q0 = j
        while j < n and core[j] in _STRAIGHT_QUOTES:
            j += 1
        q1 = j
        k = j
        while k < n and core[k] in _OPENERS:
            k += 1
        if k >= n:
            continue
        last = punct[-1]
        if core[k] == "•" and last in ".!?":
            out.append((k, RULE_LINE, -1))
            continue
        if not core[k].isupper():
            continue
        end = _title_end(core, k)
        if end < 0:
            # a single capital is a word only as "I" / "A"
            if core[k] not in "IA" or (k + 1 < n and (core[k + 1].isalnum() or core[k + 1] == ".")):
                continue
            right = core[k]
        else:
            right = core[k:end]
        s = m.start()
        b = s
        while b > 0 and core[b - 1].isalpha():
            b -= 1
        left = core[b:s]
        if last in ":;" and (
            end < 0
            or len(left) < 3
            or not left.islower()
            or _zipf(model, left) < 3.0
            or _zipf(model, right) < 4.5
        ):
            continue  # "17:19", "Date:November", "Category:Eye" are labels, not glue
        if end < 0 and len(left) <= 1:
            continue  # initials: "U.S.A", "J.R."
        if "." in punct and end >= 0:
            r_low = _norm(right)
            if (
                r_low in _TLDS
                and len(r_low) <= 4
                and model.vocab.get(r_low, 0.0) < 4.5
                and (end >= n or not core[end].isalpha())
            ):
                continue  # News.Az
        if not model.full:
            if not (left.islower() or (len(left) >= 5 and _zipf(model, right) >= 4.5)):
                continue  # "Football.London": a dotted name
            if len(left) < 2 or _zipf(model, left) < 2.5 or _zipf(model, right) < 3.0:
                continue
            if left[0].isupper() and len(left) <= 4:
                continue  # St.Gallen, Nr.
        if punct == "." and left and _zipf(model, right) < 5.0 and text.count(core) >= 2:
            continue  # repeated dotted name
        if q1 - q0 == 2 and core[q0] == core[q0 + 1]:
            out.append((q0 + 1, RULE_SENTENCE, -1))  # '.""There': closing + opening
        elif q1 > q0:
            out.append((q0, RULE_SENTENCE, q1))  # straight quote: opening or closing
        else:
            out.append((j, RULE_SENTENCE, -1))
    return out


def _symbol_splits(core: str) -> list[_Cut]:
    """Curly quotes and bullets glued to a neighbouring word: ``boyd“Knock``."""
    out: list[_Cut] = []
    n = len(core)
    for i in range(1, n - 1):
        c = core[i]
        if c == "“" and core[i - 1].isalpha() and core[i + 1].isalpha():
            out.append((i, RULE_LINE, -1))
        elif c == "”" and core[i - 1].isalpha() and core[i + 1].isupper():
            out.append((i + 1, RULE_LINE, -1))
    return out


_BULLET_AFTER = re.compile(r"(?<=[^\s•*\-–—])(?=•)|(?<=[.!?:;”\"’')])(?=\*{3}|[-–—]$)")
_NUM_TITLE = re.compile(r"(?<![\w.,])[-+]?\d[\d.,]*%?(?=[A-Z])")
_WORD_NUM = re.compile(r"(?<![^\W\d_])([a-z]{3,})(?=(?:[½¼¾⅓⅔]|\d/\d)$)")
_CAPS_TITLE = re.compile(r"(?<![^\W\d_])([A-Z]{2,})([A-Z][a-z]{2,})(?![^\W\d_])")
_CAPS_LOWER = re.compile(r"(?<![^\W\d_])([A-Z]{2,})([a-z]{2,})(?![^\W\d_])")
_LOWER_CAPS = re.compile(r"(?<![^\W\d_])([a-z]{2,})([A-Z]{2,})(?![a-z])")
_TITLE_TITLE = re.compile(r"(?<![^\W\d_])([A-Z][a-z]+)([A-Z][a-z]+)(?![^\W\d_])")


def _extra_splits(model: _Model, tok: str, doc: _Doc) -> list[_Cut]:
    """Line-break glue next to bullets, numbers and capitals, with in-document evidence."""
    out: list[_Cut] = []
    for m in _BULLET_AFTER.finditer(tok):
        out.append((m.start(), RULE_LINE, -1))
    vocab = model.vocab
    m2 = _NUM_TITLE.search(tok)
    if m2 is not None:
        num = m2.group()
        end = _title_end(tok, m2.end())
        if end < 0 and tok[m2.end() :].isalpha() and tok[m2.end() :].isupper():
            end = len(tok)  # "2012LONDON"
        if end > 0 and len(num.strip("-+")) >= 2:
            word = tok[m2.end() : end]
            if len(word) >= 3 and vocab.get(_norm(word), 0.0) >= 3.0:
                out.append((m2.end(), RULE_LINE, -1))
    m3 = _WORD_NUM.search(tok)
    if m3 is not None and vocab.get(m3.group(1), 0.0) >= 3.5 and len(m3.group(1)) >= 4:
        out.append((m3.end(), RULE_LINE, -1))  # "sugar1/2", "bitter½": recipe lines
    for rx in (_CAPS_TITLE, _CAPS_LOWER, _LOWER_CAPS, _TITLE_TITLE):
        for m4 in rx.finditer(tok):
            left, right = m4.group(1), m4.group(2)
            if _glued_pair_evidence(model, left, right, m4.group(), doc):
                out.append((m4.start(2), RULE_LINE, -1))
    return out


def _glued_pair_evidence(model: _Model, left: str, right: str, run: str, doc: _Doc) -> bool:
    """Both parts occur on their own in the text, the glued form only once."""
    if _norm(run) in model.vocab or right.lower() in _SUFFIXES:
        return False
    if left.isupper() or right.isupper():
        short = left if left.isupper() else right
        other = right if left.isupper() else left
        if vocab_z(model, other) < (3.5 if other.islower() else 4.0):
            return False
        if not doc.has(short):
            return False
        if not (other.islower() or doc.has(other)):
            return False
    else:
        if _norm(left) in _NAME_PREFIXES or len(left) < 3 or len(right) < 2:
            return False
        if not (doc.has(left) and doc.has(right)):
            return False
        if min(vocab_z(model, left), vocab_z(model, right)) < 2.5:
            return False
    return doc.count(run) == 1


def vocab_z(model: _Model, word: str) -> float:
    return model.vocab.get(_norm(word), 0.0)


def _analyze_token(model: _Model, tok: str, doc: _Doc) -> tuple[_Cut, ...]:
    text = doc.text
    """Split offsets (relative to ``tok``) for one whitespace token."""
    if tok[0] in "#@" or any(c in _VETO_CHARS for c in tok):
        return ()
    if _URLISH.search(tok) or _DOTTED_CODE.search(tok):
        return ()
    lead = len(tok) - len(tok.lstrip(_EDGE))
    core = tok.strip(_EDGE)
    if len(core) < 2:
        return ()
    if core.endswith("•") and len(core) > 1 and core[-2].isalpha():
        pass
    found: list[_Cut] = []
    found.extend(
        (o + lead, r, a + lead if a >= 0 else -1) for o, r, a in _sentence_splits(model, core, text)
    )
    bullet = tok.find("•")
    if bullet > 0 and tok[bullet - 1].isalpha():
        found.append((bullet, RULE_LINE, -1))
    if model.full:
        found.extend((o + lead, r, -1) for o, r, _ in _symbol_splits(core))
        found.extend(_extra_splits(model, tok, doc))
        for m in _LETTER_RUN.finditer(core):
            run = m.group()
            if len(run) < 4 or run.isupper():
                continue
            if not run[1:].islower() and any(
                run[i].isupper() and run[i - 1].islower() for i in range(1, len(run))
            ):
                res = _split_camel_run(model, run, text, text.count(run))
            elif run.islower() or run[1:].islower():
                if run in model.safe or (run[0].isupper() and run.lower() in model.safe):
                    continue
                found.extend(
                    (o + m.start() + lead, r, -1) for o, r in _split_plain_runs(model, run, doc)
                )
                continue
            else:
                continue
            if res is not None:
                found.append((res[0] + m.start() + lead, res[1], -1))
    if not found:
        return ()
    seen: dict[int, _Cut] = {}
    for cut in found:
        if 0 < cut[0] < len(tok) and cut[0] not in seen:
            seen[cut[0]] = cut
    return tuple(seen[k] for k in sorted(seen))


# --------------------------------------------------------------------------- public API


def _resolve_model(text: str, language: str | None, uniq: set[str]) -> _Model | None:
    if language is None:
        lang = _detect_language(text, uniq)
    else:
        lang = language.strip().lower().replace("_", "-").split("-")[0]
    if not lang:
        return None
    return _load_model(lang)


def find_glue_splits(text: str, language: str | None = None) -> tuple[GlueSplit, ...]:
    """Find places where whitespace was lost between two words.

    ``language`` is an ISO 639-1 code, or ``None`` to guess it conservatively from the
    text (text that is not plainly in a supported language is left alone).  The
    result is sorted by offset; each split means "insert one space at ``offset``".

    >>> find_glue_splits("Troops were sent withUkraine in mind.", language="en")
    (GlueSplit(offset=21, rule='glue.lower_title', token='withUkraine'),)
    >>> [s.rule for s in find_glue_splits("He left.Then theinitial claims rose.", "en")]
    ['glue.sentence', 'glue.lower_lower']
    >>> find_glue_splits("They use YouTube, iPhone and News.Az daily.", language="en")
    ()
    >>> find_glue_splits("Die Bundesregierung plant ein Sondervermögen.", language="de")
    ()
    """
    if not isinstance(text, str) or len(text) < 4:
        return ()
    try:
        return _find_to_fixpoint(text, language)
    except Exception:  # pragma: no cover - defensive: never raise on odd input
        return ()


def _find_to_fixpoint(text: str, language: str | None, rounds: int = 3) -> tuple[GlueSplit, ...]:
    """Splits, plus those that only show once the first ones are made ("aKorda’saa" → …).

    Running again on the repaired text makes ``unglue`` idempotent; offsets found in the
    repaired text are mapped back to ``text`` (each earlier space shifts them by one).
    """
    splits = list(_find(text, language))
    for _ in range(rounds):
        if not splits:
            break
        offsets = sorted(s.offset for s in splits)
        repaired = _apply(text, offsets)
        more = _find(repaired, language)
        if not more:
            break
        shifted = [o + i for i, o in enumerate(offsets)]  # where each inserted space now sits
        for s in more:
            before = bisect.bisect_left(shifted, s.offset)
            splits.append(GlueSplit(s.offset - before, s.rule, s.token))
    unique = {s.offset: s for s in splits}
    return tuple(unique[o] for o in sorted(unique))


def _apply(text: str, offsets: list[int]) -> str:
    pieces: list[str] = []
    last = 0
    for o in offsets:
        pieces.append(text[last:o])
        pieces.append(" ")
        last = o
    pieces.append(text[last:])
    return "".join(pieces)


def _is_plain_known(core: str, safe: frozenset[str]) -> bool:
    """Known words joined only by apostrophes/hyphens: "don't", "little-known"."""
    low = core.replace("’", "'").lower()
    if low in safe:
        return True
    if "-" not in low:
        return False
    return all(part in safe or not part for part in low.split("-"))


def _closes_quote(text: str, pos: int) -> bool:
    """Does the straight quote at ``pos`` close a quotation opened shortly before?"""
    q = text[pos]
    prev = text.rfind(q, max(0, pos - 1500), pos)
    if prev < 0:
        return False
    before = text[prev - 1] if prev > 0 else " "
    return before.isspace() or before in "([{-—–"


def _find(text: str, language: str | None) -> tuple[GlueSplit, ...]:
    uniq = set(text.split())
    model = _resolve_model(text, language, uniq)
    if model is None:
        return ()
    safe = model.safe
    edge = _EDGE
    doc = _Doc(text)
    decisions: dict[str, tuple[_Cut, ...]] = {}
    for tok in uniq:
        if tok in safe or len(tok) < 3:
            continue
        core = tok.strip(edge)
        if core in safe:
            continue
        if core.isalpha():
            if core.lower() in safe:
                continue
            if core[1:].islower() and not any(c in _VETO_CHARS for c in tok):
                # plain word between punctuation: only the two/three-word rules apply
                rel = tuple(
                    (o + tok.index(core), r, -1) for o, r in _split_plain_runs(model, core, doc)
                )
                if rel and model.full:
                    decisions[tok] = rel
                continue
        elif core.upper() == core.lower():
            continue  # no letters at all: numbers, times, symbols
        elif _is_plain_known(core, safe):
            continue
        rel = _analyze_token(model, tok, doc)
        if rel:
            decisions[tok] = rel
    if not decisions:
        return ()
    out: list[GlueSplit] = []
    n_text = len(text)
    for tok, rel in decisions.items():
        n = len(tok)
        start = 0
        while True:
            i = text.find(tok, start)
            if i < 0:
                break
            start = i + 1
            if (i == 0 or text[i - 1].isspace()) and (i + n == n_text or text[i + n].isspace()):
                for off, rule, alt in rel:
                    if alt >= 0 and _closes_quote(text, i + off):
                        off = alt  # the straight quote closes a quotation
                    out.append(GlueSplit(i + off, rule, tok))
    out.sort(key=lambda s: s.offset)
    return tuple(out)


def unglue(text: str, language: str | None = None) -> str:
    """Return ``text`` with one space inserted at every glue site found.

    Only whitespace is inserted; every other character is kept as it was.

    >>> unglue("He spoke withUkraine about theinitial claims.Troopsin the south.", "en")
    'He spoke with Ukraine about the initial claims. Troops in the south.'
    >>> unglue("Visit News.Az or Amazon.com, e.g. at 17:19 on 3.5 GHz.", "en")
    'Visit News.Az or Amazon.com, e.g. at 17:19 on 3.5 GHz.'
    """
    if not isinstance(text, str):
        return text
    offsets = sorted({s.offset for s in find_glue_splits(text, language) if s.offset > 0})
    return _apply(text, offsets) if offsets else text
