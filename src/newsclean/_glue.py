"""Re-insert whitespace that scrapers dropped at tag and line boundaries ("glued" words).

Scraped text often loses the space between two words that sat in different HTML
elements or on different lines: ``"withUkraine"``, ``"theinitial"``, ``"Troopsin"``,
``"neighbor.South Korea’s"``, ``"desperation.”The"``.  This module finds such sites and
re-inserts exactly one space.  It only ever *inserts* whitespace.

Design
------
* A cheap pass over the *distinct* whitespace tokens of the text: one set difference
  drops every frequent safe word (and its capitalised form), a strip and a look-up
  drop known words between punctuation; only the few remaining candidates get the
  expensive checks.
* Evidence instead of guesses: word frequencies from :mod:`wordfreq` (per language),
  the token's repetitions in the same document (glue falls at random places, while
  names, brands and jargon repeat: a word written solid twice is a word, see
  ``_written_solid``), whether the split form or its parts also occur in the
  document, where the token stands (running text or a title-case heading; a text
  about code, ``_in_code``), and the structure of the token (URL, e-mail, handle,
  hashtag, file name, code identifier, ALLCAPS, initials, decimals, units, domains are
  never split).  In-document evidence is asked for on demand (``_Doc``), never
  computed up front.
* Clean text is the common case, so the weaker two-word readings (two content words,
  a capitalised function word and a word, two capitalised words in running text)
  need the text to show glue first (``_Doc.ask_dense``) or the word before the cut
  to be complete (inflected: "votersagree", "nationalpark"): a solid compound starts with
  a bare noun ("toolbelt", "treewall").
* English gets every rule.  Other languages with a wordfreq dictionary only get the
  sentence-boundary rule with dictionary evidence on both sides; compounds are never
  split there.  Languages without a dictionary and scripts written without spaces
  pass through untouched.
* ``find_glue_splits`` runs to a fixpoint (splits that only show once others are
  made); later rounds look only at the new pieces and at tokens whose decision
  rested on document evidence that changed (``_Changes``: only the questions about
  strings near an inserted space are asked again).
* A text "dense" with glue (3+ splits, 8+ per 1,000 tokens: a scraper that lost
  spaces at many tag boundaries) is searched again with more readily accepted rules
  (``_Doc.ask_dense``): two frequent words glued once in running text, "a"/"an" before a
  word that fits its sound, a lower-case word then a colon and a capitalised word,
  and the like; clean text never gets there.

Vocabularies (compact, loaded once per process through :func:`functools.lru_cache`)
--------------------------------------------------------------------------------------
* English: ``data/glue_en.bin.gz``, built from wordfreq by
  ``tools/build_glue_vocab.py``: the words of Zipf >= 2.0 (every word-part rule needs
  that much) as a ``dict`` sharing one float per wordfreq band, and the rarer words
  (only ever looked up as a whole token) as a sorted table of 64-bit keys (52-bit
  hash, "safe" flag, band).  About 18 MB in memory, loaded in well under 0.1 s.
* Other languages: read from wordfreq's own list, streamed band by band down to
  Zipf 2.5 (what the sentence rule can use) into the same kind of hashed table; a
  few MB at most.

All of it is immutable after loading (never changed; ``frozenset``, read-only
``memoryview``) and results never depend on call order, so this is read-only
caching, not mutable module state.
"""

from __future__ import annotations

import array
import bisect
import collections
import functools
import gzip
import itertools
import json
import math
import re
import struct
import sys
import types
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

__all__ = ["GlueSplit", "dense_with_glue", "find_glue_splits", "unglue"]


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
_VETO = re.compile("[" + re.escape("".join(sorted(_VETO_CHARS))) + "]")

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

# Words that typically start a line after a heading, byline or label ("ProspectsBy",
# "WastelandThe"); not "This", "Them", "Up", "In" ... that end UI labels and brands
# ("BlogThis", "SignUp", "LogIn").
_LINE_STARTERS = frozenset(
    [
        "by",
        "the",
        "if",
        "with",
        "at",
        "and",
        "how",
        "what",
        "when",
        "where",
        "why",
        "who",
        "as",
        "for",
        "from",
        "after",
        "but",
        "so",
        "there",
        "we",
        "you",
        "he",
        "she",
        "i",
    ]
)

# Months that are no other word ("May", "March" are): a date line starts ("PressJuly").
_MONTHS = frozenset(
    [
        "january",
        "february",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
# Contracted line starters: the camel-case head is cut at the apostrophe.
_CONTRACTED = frozenset(["what", "we", "let", "it", "that", "there", "here", "i", "you"])

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
_PUNCT_RUN = re.compile(r"(?<=[\w)\]%])[”’]?[.!?:;]+")  # also after a closing quote
_URLISH = re.compile(
    r"(?i)(?:mailto:|//|www\.|\.(?:com|org|net|gov|edu|html?|php|aspx?|pdf|jpe?g"
    r"|png|gif|py|js|json|xml|txt|docx?|xlsx?|csv|zip|exe|mp[34])(?:$|\W))"
)
_DOTTED_CODE = re.compile(r"[^\W\d_]\.[a-zà-ÿ]|\(\)|\((?:at|dot)\)")


# --------------------------------------------------------------------------- models

# Zipf value of wordfreq's centibel band ``i`` (computed exactly as ``math.log10`` of
# ``wordfreq.cB_to_freq(-i)`` + 9, so thresholds compare as with wordfreq's own floats).
_LEVELS: tuple[float, ...] = tuple(math.log10(10 ** (-i / 100)) + 9.0 for i in range(1024))
# English: bands with Zipf >= 2.0 are kept as a dict (every word-part rule needs >= 2.0);
# rarer words are only ever looked up as a whole token and live in a packed hash table.
_FREQUENT_BAND = 700
# Other languages: only the sentence rule runs, and it needs Zipf >= 2.5 on both sides.
_SENTENCE_BAND = 650
_MAGIC = b"NCGLUE1\n"
_DATA_EN = "glue_en.bin.gz"
_LOOKUP_SHAPE = re.compile(r"(?:[^\W\d_]|')+")


def _word_hash(word: str) -> int:
    """A 52-bit hash of ``word`` that is the same in every process (unlike ``hash``)."""
    b = word.encode("utf-8", "surrogatepass")
    return (zlib.crc32(b) << 20) ^ zlib.crc32(b[::-1])


_DIR_SHIFT = 47  # keys are < 2**63: 2**16 directory buckets


class _Packed:
    """Sorted 64-bit keys ``hash52 << 11 | safe << 10 | band``: ~8 bytes per word.

    A directory of where each 2**47-wide key range starts makes a look-up one hash and
    a search among a handful of keys.  Words are stored lower case only.
    """

    __slots__ = ("_dir", "_keys")

    def __init__(self, keys: Sequence[int]) -> None:
        self._keys = keys
        counts = array.array("I", bytes(4 * ((1 << (63 - _DIR_SHIFT)) + 1)))
        for k in keys:
            counts[(k >> _DIR_SHIFT) + 1] += 1
        self._dir = array.array("I", itertools.accumulate(counts))

    def __len__(self) -> int:
        return len(self._keys)

    def find(self, word: str) -> int:
        """``safe << 10 | band`` of ``word``, or -1 when it is not in the table."""
        h = _word_hash(word)
        key = h << 11
        b = key >> _DIR_SHIFT
        d = self._dir
        hi = d[b + 1]
        keys = self._keys
        j = bisect.bisect_left(keys, key, d[b], hi)
        if j < hi:
            k = keys[j]
            if k >> 11 == h:
                return int(k & 0x7FF)
        return -1


@dataclass(frozen=True, slots=True)
class _Model:
    lang: str
    # frequent words (lower case, ASCII apostrophe) -> Zipf; a plain dict for speed,
    # never changed after loading
    vocab: Mapping[str, float]
    rare: _Packed  # the other words the rules may look up as a whole (see _lookup)
    function_words: frozenset[str]
    two_letter: frozenset[str]  # two-letter words allowed as a part of a split
    full: bool  # all rules (English) or only the sentence rule
    # frequent words never to be split, and their capitalised forms if Zipf >= 3.0 (all
    # safe words: see _is_safe)
    safe: frozenset[str]
    # for _is_typo: each Zipf >= 4.5 word with one letter a-z replaced by "\0" -> the
    # letters found there (one look-up per position instead of 26)
    typo_keys: Mapping[str, str]


def _lookup(model: _Model, low: str) -> float:
    """Zipf frequency of the normalised word ``low`` (0.0 when unknown), over both tiers."""
    z = model.vocab.get(low)
    if z is not None:
        return z
    if model.full and low.lower() != low:
        return 0.0  # the English rare tier holds lower-case words only
    found = model.rare.find(low)
    return _LEVELS[found & 0x3FF] if found >= 0 else 0.0


def _is_safe(model: _Model, low: str) -> bool:
    """Is ``low`` a word never to be split (frequent, or rare but not function-word glue)?"""
    if low in model.safe:
        return True
    if not model.full:
        return low.isalpha() and _lookup(model, low) >= 3.0
    # the rare tier holds lower-case words only (tools/build_glue_vocab.py)
    return low not in model.vocab and low.lower() == low and model.rare.find(low) >= 0x400


@functools.lru_cache(maxsize=64)
def _load_model(lang: str) -> _Model | None:
    """Load the (immutable) vocabulary of ``lang`` once per process."""
    if lang in _NO_SPACE_LANGS:
        return None
    try:
        if lang == "en":
            return _load_english()
        return _load_sentence_model(lang)
    except Exception:  # no dictionary for this language
        return None


def _load_english() -> _Model:
    """English: the package-data file built by tools/build_glue_vocab.py from wordfreq."""
    from importlib import resources

    with (
        resources.files("newsclean").joinpath(f"data/{_DATA_EN}").open("rb") as fz,
        gzip.GzipFile(fileobj=fz) as f,
    ):
        if f.read(len(_MAGIC)) != _MAGIC:
            raise ValueError(f"{_DATA_EN}: not a glue vocabulary")
        header = json.loads(f.read(struct.unpack("<I", f.read(4))[0]))
        text = f.read(struct.unpack("<I", f.read(4))[0]).decode("utf-8")
        keys = f.read(struct.unpack("<I", f.read(4))[0] * 8)
    vocab: dict[str, float] = {}
    safe: list[str] = []
    for line in text.splitlines():
        band, safe_words, other_words = line.split("\t")
        level = _LEVELS[int(band)]
        if safe_words:
            words = safe_words.split(" ")
            vocab.update(dict.fromkeys(words, level))
            safe.extend(words)
        if other_words:
            vocab.update(dict.fromkeys(other_words.split(" "), level))
    del text
    # Capitalised forms of frequent safe words ("The", "When") are dismissed by the same
    # set difference as the words themselves (their lower-case form is safe anyway).
    level3 = _LEVELS[600]
    titles = [
        t for w in safe if vocab[w] >= level3 and (t := w.capitalize()) != w and t.lower() == w
    ]
    if sys.byteorder == "big":  # pragma: no cover - the file is little-endian
        swapped = array.array("q", keys)
        swapped.byteswap()
        keys = swapped.tobytes()
    return _Model(
        lang="en",
        vocab=vocab,
        rare=_Packed(memoryview(keys).cast("q")),
        function_words=frozenset(header["function_words"]),
        two_letter=frozenset(header["two_letter"]),
        full=True,
        safe=frozenset(safe + titles),
        typo_keys=_typo_keys(vocab),
    )


def _typo_keys(vocab: Mapping[str, float]) -> dict[str, str]:
    keys: dict[str, str] = {}
    for w, z in vocab.items():
        if z < _TYPO_ZIPF:
            continue
        for k, c in enumerate(w):
            if "a" <= c <= "z":
                key = f"{w[:k]}\0{w[k + 1 :]}"
                keys[key] = keys.get(key, "") + c
    return keys


def _wordfreq_file(lang: str) -> str | None:
    """wordfreq's best list for ``lang`` (as ``wordfreq.available_languages()``)."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    data = Path(next(iter(spec.submodule_search_locations))) / "data"
    for name in (f"large_{lang}.msgpack.gz", f"small_{lang}.msgpack.gz"):
        if (data / name).is_file():
            return str(data / name)
    return None


def _load_sentence_model(lang: str) -> _Model | None:
    """Other languages: only the words the sentence rule can use, hashed (Zipf >= 2.5).

    The wordfreq list is streamed band by band and only read down to Zipf 2.5, so no
    full list is ever held in memory.
    """
    path = _wordfreq_file(lang)
    if path is None:
        return None
    import importlib

    msgpack = importlib.import_module("msgpack")  # wordfreq's own reader; no type stubs
    keys: list[int] = []
    shape = _LOOKUP_SHAPE
    with gzip.open(path, "rb") as f:
        unpacker = msgpack.Unpacker(f, raw=False)
        n = unpacker.read_array_header()
        header = unpacker.unpack()
        if not isinstance(header, dict) or header.get("format") != "cB":
            return None
        for i in range(min(n - 1, _SENTENCE_BAND + 1)):
            bucket = unpacker.unpack()
            keys.extend(_word_hash(w) << 11 | i for w in bucket if shape.fullmatch(w))
    if not keys:
        return None
    keys.sort()
    packed = array.array("q", keys)
    del keys
    return _Model(
        lang=lang,
        vocab={},
        rare=_Packed(memoryview(packed.tobytes()).cast("q")),
        function_words=frozenset(),
        two_letter=frozenset(),
        full=False,
        safe=frozenset(),
        typo_keys={},
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
    return _lookup(model, _norm(word))


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
    two = model.two_letter
    best: tuple[float, int, float, float] | None = None
    n = len(low)
    for i in range(1, n):
        a, b = low[:i], low[i:]
        if a[-1] == "'" or b[0] == "'":
            continue
        # short parts first, without a look-up (as _part_ok would judge them)
        if (i == 1 and a != "a") or (i == 2 and a not in two):
            continue
        if (i == n - 1 and b != "a") or (i == n - 2 and b not in two):
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


_Cuts3 = tuple[int, int] | None


def _split3(model: _Model, low: str) -> tuple[_Cuts3, _Cuts3, list[tuple[float, int, int]]]:
    """Two cuts for an unknown word made of three glued words ("sothatpeople").

    Returns the best cuts; the best cuts if the word sits inside running text
    (``_Doc.in_prose``), where one function word at an end of two frequent words is
    enough ("moving|back|into"); and the candidates (score, cuts) for a text full of
    glue, a function word and two frequent words of three letters or more anywhere
    ("saw|their|income"), for ``_best_dense3``.  One pass finds all three, so the
    caller asks the document only when it needs to.
    """
    vocab = model.vocab
    fw = model.function_words
    best: tuple[float, int, int] | None = None
    best_prose: tuple[float, int, int] | None = None
    dense: list[tuple[float, int, int]] = []
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
            if (a == "an" and not _fits_an(b, fw)) or (b == "an" and not _fits_an(c, fw)):
                continue  # "we|an|her" is no English: "wean|her"
            if a in _PREFIXES:
                continue
            if all(p in fw or (len(p) >= 3 and z >= 4.0) for p, z in parts):
                dense.append((za + zb + zc, i, j))
            if any(p not in fw and (len(p) < 4 or z < 3.3) for p, z in parts):
                continue
            plain = b in fw or (a in fw and c in fw and a not in _PREFIX_LIKE)
            if not plain and not (
                (  # "the|description|points" (not "the|selling|valley", a name)
                    a in fw
                    and a not in _PREFIX_LIKE
                    and min(zb, zc) >= 4.0
                    and len(b) >= 5
                    and _is_inflected(model, c)
                )
                or (c in fw and min(za, zb) >= 4.0 and len(a) >= 4 and len(b) >= 4)
                # "start|typing|the": an inflected word before the function word
                or (
                    c in fw
                    and len(a) >= 4
                    and len(b) >= 5
                    and a not in _PREFIX_LIKE  # "over|billing|for" is "overbilling|for"
                    and _is_inflected(model, b)
                )
            ):
                continue  # "on|thor|stand", "over|billing|for": no function word inside
            score = za + zb + zc
            if plain and (best is None or score > best[0]):
                best = (score, i, j)
            if best_prose is None or score > best_prose[0]:
                best_prose = (score, i, j)
    return (
        None if best is None else (best[1], best[2]),
        None if best_prose is None else (best_prose[1], best_prose[2]),
        dense,
    )


def _loose3(model: _Model, low: str, pronoun: bool = False) -> _Cuts3:
    """Two cuts for a text full of glue, when ``_split3`` finds none: three words of
    three letters or more (Zipf >= 4.3 for three letters, 3.0 for longer ones) or
    function words ("so|that|people", "the|first|seminar", "our|tireless|employees",
    "centered|social|network"), no two neighbours a word together (unless the first is
    a function word: "thefirst" is glue) and no word-forming prefix first ("on",
    "over"), nor "i" unless the run starts with the pronoun "I" (``pronoun``); the best
    by Zipf sum."""
    vocab = model.vocab
    fw = model.function_words
    best: tuple[float, int, int] | None = None
    n = len(low)

    def zipf_ok(p: str) -> float:
        z = vocab.get(p, 0.0)
        if p in fw:
            return z
        if len(p) < 3 or z < (4.3 if len(p) == 3 else 3.0):  # (not "compost|it|ion")
            return 0.0
        return z

    # the possible last words first: one look-up each instead of one per cut pair
    ends = [(j, zc) for j in range(2, n) if (zc := zipf_ok(low[j:])) > 0.0]
    if not ends:
        return None
    for i in range(1, n - 1):
        a = low[:i]
        za = zipf_ok(a)
        if za <= 0.0 or a in _PREFIXES or a in _PREFIX_LIKE or (a == "i" and not pronoun):
            continue  # "on|thor|stand" is "onthorstand"; "i" is written "I"
        for j, zc in ends:
            if j <= i:
                continue
            b, c = low[i:j], low[j:]
            zb = zipf_ok(b)
            if zb <= 0.0 or (a in fw and b in fw and c in fw):
                continue
            if (a == "an" and not _fits_an(b, fw)) or (b == "an" and not _fits_an(c, fw)):
                continue
            score = za + zb + zc
            if best is not None and score <= best[0]:
                continue
            # "to|fly|out": "flyout" is a word (but "thefirst", "sothat" are glue)
            if (a not in fw or a in _PREFIX_LIKE) and _lookup(model, low[:j]) > 0.0:
                continue
            if (b not in fw or b in _PREFIX_LIKE) and _lookup(model, low[i:]) > 0.0:
                continue
            best = (score, i, j)
    return None if best is None else (best[1], best[2])


def _fits_an(word: str, fw: frozenset[str]) -> bool:
    """Can ``word`` follow the article "an" (a vowel sound, no function word)?"""
    return word[0] in "aeiouh" and word not in fw


def _best_dense3(model: _Model, low: str, found: list[tuple[float, int, int]]) -> _Cuts3:
    """The best of ``_split3``'s candidates for a text full of glue whose two adjacent
    words are no word together ("for|copy|writers", "as|hit|table" are not glue)."""
    # by score, the first found first among equal scores (as a running maximum would)
    for _, i, j in sorted(found, key=lambda c: -c[0]):
        if _lookup(model, low[:j]) == 0.0 and _lookup(model, low[i:]) == 0.0:
            return i, j
    return None


_WORD = re.compile(r"[^\W\d_]+")

_Query = tuple[str, str, int, int]  # (kind, argument, index, answer)
# a lower-case word and one space right before (same line, no comma: not a list)
_PROSE_BEFORE = re.compile(r"(?<![^\s(“\"])([a-z]+) \Z")
# then a space and a lower-case word (or an aside: " (the"), or sentence punctuation and
# a space / the end
_PROSE_AFTER = re.compile(r" \(?[a-z]|[.,;:!?](?:\s|\Z)")
# Marks of program code in a text: an assignment or comparison, a brace, an empty call
# "f()", a shell prompt, an identifier of three or more humps ("getElementById"); a
# text with this many is (partly) about code.
_CODE_STRINGS = (" = ", " == ", " != ", "{", "}", "()", "\n$ ")
_HUMPS = re.compile(r"[a-z][A-Z][a-z\d]+[A-Z]")
_IDENTIFIER = re.compile(r"[a-z]+(?:[A-Z][a-z\d]+){2,}")
_CODE_MARKS = 3
_HEADING_WORDS = 10  # words before a glued word on a heading line, at most
# The lower-case words of a title-case heading or a byline.
_HEADING_LOWER = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "of",
        "in",
        "on",
        "at",
        "to",
        "by",
        "for",
        "with",
        "from",
        "as",
        "vs",
        "via",
        "into",
        "over",
        "de",
        "del",
        "la",
        "le",
        "van",
        "von",
        "der",
    ]
)
# the word right before (same line; after opening quotes and brackets)
_WORD_BEFORE = re.compile(r"(?<![^\s“‘\"'(])[“‘\"'(]*([^\W\d_][^\s]*) +\Z")


def _is_word_char(c: str) -> bool:
    """Is ``c`` a letter of a word as ``_WORD`` reads it (alphanumeric, not a digit)?"""
    return c.isalnum() and not c.isdecimal()


def _whole_word_spans(text: str, word: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each occurrence of ``word`` in ``text`` not inside a longer word.

    >>> list(_whole_word_spans("ann, anne and ann", "ann"))
    [(0, 3), (14, 17)]
    """
    n = len(word)
    n_text = len(text)
    k = text.find(word)
    while k >= 0:
        e = k + n
        if (k == 0 or not _is_word_char(text[k - 1])) and (
            e >= n_text or not _is_word_char(text[e])
        ):
            yield k, e
        k = text.find(word, k + 1)


class _Doc:
    """In-document evidence, answered on demand (no word counts built up front).

    Every answer is remembered, and while ``log`` is a list each question and its
    answer are appended to it: a token's decision depends on the document only through
    those answers, so the fixpoint can reuse it when they are unchanged.
    """

    __slots__ = (
        "_ascii",
        "_dense",
        "_heads",
        "_lines",
        "_lower",
        "_memo",
        "_scans",
        "_words",
        "asked_dense",
        "log",
        "text",
    )

    def __init__(self, text: str, dense: bool = False) -> None:
        self.text = text
        # the text already showed much glue (see _find_to_fixpoint): fixed for a whole
        # search, so not logged as a question; ``asked_dense`` notes that it was read
        self._dense = dense
        self.asked_dense = False
        self._lines: tuple[list[int], dict[int, bool]] | None = None
        self._memo: dict[tuple[str, str, int], int] = {}
        self.log: list[_Query] | None = None
        self._words: dict[str, int] | None = None  # word counts, once asked often
        self._scans = 0
        self._lower: str | None = None
        self._ascii: str | None = None
        self._heads: frozenset[str] | None = None

    def ask_dense(self) -> bool:
        """Is the text dense with glue?  Records that the decision asked (``asked_dense``):
        the search repeated for a dense text only redoes the decisions that asked."""
        self.asked_dense = True
        return self._dense

    def set_dense(self, value: bool) -> None:
        self._dense = value

    def _ask(self, kind: str, arg: str, i: int = 0) -> int:
        key = (kind, arg, i)
        memo = self._memo
        if key in memo:
            answer = memo[key]
        else:
            answer = memo[key] = self._answer(kind, arg, i)
        if self.log is not None:
            self.log.append((kind, arg, i, answer))
        return answer

    def same_answers(self, log: tuple[_Query, ...]) -> bool:
        """Would this text answer the logged questions as before?"""
        saved, self.log = self.log, None
        try:
            return all(self._ask(k, a, i) == ans for k, a, i, ans in log)
        finally:
            self.log = saved

    def _answer(self, kind: str, arg: str, i: int) -> int:
        text = self.text
        if kind == "word":
            return self._word_count(arg)
        if kind == "count":
            return self._count_forms(arg)
        if kind == "prose":
            return int(self._in_prose(arg))
        if kind == "before":
            return int(self._before_lower(arg))
        if kind == "code":
            return self._code_marks()
        if kind == "capital":
            return int(self._in_title_case(arg))
        if kind == "sentence":
            return int(self._in_sentence(arg))
        if kind == "spaced":
            return int(self._spaced(arg, i))
        if kind == "sub":
            return text.count(arg)
        if kind == "line":
            return int(self._starts_line(arg))
        if kind == "heading":
            return int(self._after_heading(arg))
        return int(arg in text)  # "in"

    def _word_count(self, word: str) -> int:
        """Occurrences of ``word`` as a whole ``_WORD`` run (exact case)."""
        text = self.text
        if not word or _WORD.fullmatch(word) is None:
            return 0
        if self._words is None and self._scans >= 24:
            self._words = collections.Counter(_WORD.findall(text))
        if self._words is not None:
            return self._words.get(word, 0)
        self._scans += 1
        return sum(1 for _ in _whole_word_spans(text, word))

    def has(self, word: str) -> bool:
        """Does ``word`` occur as a word of its own (exact case)?"""
        return bool(self._ask("word", word))

    def count(self, word: str) -> int:
        """How often ``word`` occurs as a word of its own, in any of its usual cases."""
        return self._ask("count", word)

    def _count_forms(self, word: str) -> int:
        low = word.lower()
        forms = {word, low, low.capitalize(), word.upper()}
        if self._words is not None and word.isascii():
            # the word counts are there: the same sum as below (ASCII forms have one
            # length and no context-dependent case)
            return sum(self._word_count(f) for f in forms)
        n = len(word)
        lowered = self._ascii_lowered() if word.isascii() else self._lowered()
        if (
            lowered is None
            or any(len(f) != n or f.lower() != low for f in forms)
            or _WORD.fullmatch(low) is None
        ):
            return sum(self._word_count(f) for f in forms)
        # one scan of the lower-cased text instead of one per form
        text = self.text
        n_text = len(text)
        count = 0
        k = lowered.find(low)
        while k >= 0:
            e = k + n
            if (
                (k == 0 or not _is_word_char(text[k - 1]))
                and (e >= n_text or not _is_word_char(text[e]))
                and text[k:e] in forms
            ):
                count += 1
            k = lowered.find(low, k + 1)
        return count

    def _ascii_lowered(self) -> str:
        """The text with ASCII letters in lower case and other characters as "?".

        Enough to find ASCII words in any case (the matches are checked in the text),
        and much faster than lower-casing a text that is not all ASCII.
        """
        if self._ascii is None:
            text = self.text
            if not text.isascii():
                text = text.encode("ascii", "replace").decode("ascii")
            self._ascii = text.lower()
        return self._ascii

    def _lowered(self) -> str | None:
        """The text in lower case if that keeps every offset (else None)."""
        if self._lower is None:
            low = self.text.lower()
            self._lower = low if len(low) == len(self.text) else ""
        return self._lower or None

    def substring_count(self, s: str) -> int:
        return self._ask("sub", s)

    def in_prose(self, word: str) -> bool:
        """Does every occurrence of ``word`` sit inside a sentence, after a lower-case word?

        Glue in running text does; user names, tags and labels stand on a line of
        their own, in comma lists, after "by"/"from" or before "says:".
        """
        return bool(self._ask("prose", word))

    def _in_prose(self, word: str) -> bool:
        text = self.text
        found = False
        for k, e in _whole_word_spans(text, word):
            m = _PROSE_BEFORE.search(text, max(0, k - 30), k)
            if m is None or m.group(1) in ("by", "from", "via", "says", "@"):
                return False
            if _PROSE_AFTER.match(text, e) is None:
                return False
            found = True
        return found

    def before_lower(self, word: str) -> bool:
        """Is every occurrence of ``word`` followed by a space and a lower-case letter?

        Sentence text goes on so ("Bothcompanies are"); names in lists, menus and
        headings do not ("Johnblue, Zgirlly", "Openswitch RSS").
        """
        return bool(self._ask("before", word))

    def _before_lower(self, word: str) -> bool:
        text = self.text
        found = False
        for _, e in _whole_word_spans(text, word):
            if not (text[e : e + 1] == " " and "a" <= text[e + 1 : e + 2] <= "z"):
                return False
            found = True
        return found

    def in_title_case(self, word: str) -> bool:
        """Does every occurrence of ``word`` have a capitalised word right before it on its
        line, or right after it (a heading in title case: "Six Easy StepsWinter",
        "TargetThird Parties"), unlike a name in running text ("the BrightHarbor fund")?
        """
        return bool(self._ask("capital", word))

    def _in_title_case(self, word: str) -> bool:
        text = self.text
        found = False
        for k, e in _whole_word_spans(text, word):
            if not (text[e : e + 1] == " " and text[e + 1 : e + 2].isupper()):
                m = _WORD_BEFORE.search(text, max(0, k - 30), k)
                if m is None or not m.group(1)[0].isupper():
                    return False
            found = True
        return found

    def code_marks(self) -> int:
        """How many code marks (``_CODE_STRINGS``, identifiers) the text holds, up to
        ``_CODE_MARKS``."""
        return self._ask("code", "")

    def _code_marks(self) -> int:
        text = self.text
        n = sum(map(text.count, _CODE_STRINGS)) + text.startswith("$ ")
        if n < _CODE_MARKS:
            # identifiers: a cheap search for their middle, then the whole word checked
            for m in _HUMPS.finditer(text):
                k, e = m.start(), m.end()
                while k > 0 and text[k - 1].isalnum():
                    k -= 1
                while e < len(text) and text[e].isalnum():
                    e += 1
                if (k == 0 or text[k - 1] != ".") and _IDENTIFIER.fullmatch(text, k, e):
                    n += 1
                    if n >= _CODE_MARKS:
                        break
        return min(n, _CODE_MARKS)

    def in_sentence(self, word: str) -> bool:
        """Does every occurrence of ``word`` sit on a line of running English text (a line
        with two or more common function words, one word in ten at least: not a tag
        cloud, a menu or a list of user names)?"""
        return bool(self._ask("sentence", word))

    def _in_sentence(self, word: str) -> bool:
        text = self.text
        if self._lines is None:
            # where each line starts, once per text; whether a line reads as running text
            # is worked out for the lines asked about only
            starts = [0, *itertools.accumulate(len(line) + 1 for line in text.split("\n"))]
            self._lines = (starts, {})
        starts, prose = self._lines
        found = False
        for k, _ in _whole_word_spans(text, word):
            at = bisect.bisect_right(starts, k) - 1
            is_prose = prose.get(at)
            if is_prose is None:
                is_prose = prose[at] = _enough_function_words(text[starts[at] : starts[at + 1] - 1])
            if not is_prose:
                return False
            found = True
        return found

    def after_heading(self, word: str) -> bool:
        """Does every occurrence of ``word`` end a short line of capitalised words (a
        heading or a byline: "November 12, 2012 by Linda BustosProduct knowledge") and
        go on with more words, as a heading glued to the line after it does, unlike a
        name inside a sentence or a menu item on a line of its own?"""
        return bool(self._ask("heading", word))

    def _after_heading(self, word: str) -> bool:
        text = self.text
        found = False
        for k, e in _whole_word_spans(text, word):
            end = text.find("\n", e, e + 200)
            if _WORD.search(text, e, end if end >= 0 else e + 200) is None:
                return False  # no word follows on the line: a menu item, a list
            # (right after a sentence end glued to it, a lost line break: "insightful.
            # SidebarAmazon has")
            glued_start = k > 1 and text[k - 1] in ".!?" and text[k - 2].isalpha()
            if glued_start:
                before = []
            else:
                start = text.rfind("\n", max(0, k - 200), k)
                if start < 0 and k > 200:
                    return False  # a long line: running text
                before = text[start + 1 : k].split()
            if len(before) > _HEADING_WORDS or (before and before[-1].endswith(",")):
                return False  # (a comma before: an item of a list, "Mia, JoRay, ...")
            for w in before:
                core = w.strip(_EDGE)
                if core[:1].islower() and core not in _HEADING_LOWER:
                    return False
            found = True
        return found

    def contains(self, s: str) -> bool:
        return bool(self._ask("in", s))

    def starts_line(self, s: str) -> bool:
        """Does some line of the text start with ``s`` (after spaces or tabs)?"""
        return bool(self._ask("line", s))

    def _starts_line(self, s: str) -> bool:
        if self._heads is None:
            # the first word of every line that goes on after it, once per text
            heads = (line.split(None, 1) for line in self.text.split("\n"))
            self._heads = frozenset(h[0] for h in heads if len(h) == 2)
        return s.rstrip(" ") in self._heads

    def spaced(self, run: str, i: int) -> bool:
        """Does the two-word reading of ``run`` (cut at ``i``) occur spaced in the text?"""
        return bool(self._ask("spaced", run, i))

    def _spaced(self, run: str, i: int) -> bool:
        text = self.text
        a, b = run[:i], run[i:]
        n_text = len(text)
        needles = {f"{a} {b}", f"{a.lower()} {b.lower()}", f"{a.capitalize()} {b.lower()}"}
        tails = {nd[1:] for nd in needles}
        if len(needles) > 1 and len(tails) == 1 and len({len(nd) for nd in needles}) == 1:
            # the forms differ in their first letter only: one scan of the text for the rest
            tail = tails.pop()
            size = len(tail) + 1
            k = text.find(tail, 1)
            while k >= 0:
                s, e = k - 1, k - 1 + size
                if (
                    text[s:e] in needles
                    and (s == 0 or not text[s - 1].isalpha())
                    and (e >= n_text or not text[e].isalpha())
                ):
                    return True
                k = text.find(tail, k + 1)
            return False
        for needle in needles:
            k = text.find(needle)
            while k >= 0:
                e = k + len(needle)
                if (k == 0 or not text[k - 1].isalpha()) and (e >= n_text or not text[e].isalpha()):
                    return True
                k = text.find(needle, k + 1)
        return False


# an abbreviation's possessive glued to the next word: "the FBI'scrime figures"
_CAPS_POSSESSIVE = re.compile(r"[A-Z]{2,}['’]s[a-z]{3,}")
_CONTRACTION = re.compile(r"([^\W\d_]+)'(s|m|re|ve|d|ll|t)([^\W\d_]+)")


def _contraction_split(model: _Model, run: str, low: str) -> tuple[int, str] | None:
    """A contraction or possessive glued to the next word: "I'mlooking", "Sandy'simpact"."""
    m = _CONTRACTION.fullmatch(low)
    if m is None:
        return None
    stem, suf, rest = m.groups()
    left = f"{stem}'{suf}"
    zr = model.vocab.get(rest, 0.0)
    zleft = model.vocab.get(left, 0.0)
    # (a long word may be rarer: "she'scollaborated", "it'sresonating")
    if not ((len(rest) >= 2 and zr >= 3.5) or rest == "a" or (len(rest) >= 6 and zr >= 2.3)):
        return None
    if (
        rest in _COMPOUND_TAILS
        and rest not in model.function_words
        and not (zr >= 5.0 and zleft >= 3.0)  # "that'speople", "game'sworth"
    ):
        return None
    if zleft < 3.0 and not (suf == "s" and len(stem) >= 2):
        return None
    return m.end(2), RULE_TITLE_LOWER if run[0].isupper() else RULE_LOWER_LOWER


_ENDS_IN_CONTRACTION = re.compile(r"([^\W\d_]{4,})'(?:s|m|re|ve|d|ll|t)")


def _word_then_contraction(model: _Model, run: str, low: str, doc: _Doc) -> tuple[int, str] | None:
    """A word glued to a contraction or possessive: "maybeit's", "ofday's", "whatyou're".

    The part before the apostrophe is judged as a plain glued run.
    """
    m = _ENDS_IN_CONTRACTION.fullmatch(low)
    if m is None:
        return None
    stem = m.group(1)
    if _lookup(model, low) > 0.0:
        return None  # a known form
    vocab = model.vocab
    fw = model.function_words
    title = run[0].isupper()
    if title and low.endswith("'s"):
        return None  # a name's possessive: "Melbrook's", "Datavine's"
    for i in range(len(stem) - 1, 0, -1):  # a frequent contraction: "it|wasn't", "if|you'd"
        a = stem[:i]
        za = vocab.get(a, 0.0)
        if vocab.get(low[i:], 0.0) >= 4.5 and (
            a in fw or (not title and len(a) >= 3 and _part_ok(model, a, za) and za >= 3.5)
        ):
            # (capitalised, only a pronoun or the like: "Hedidn't", "Ican't")
            return i, RULE_TITLE_LOWER if title else RULE_LOWER_LOWER
    if title or _lookup(model, stem) > 0.0:
        return None  # "someone's": a known word
    found = _best_split(model, stem)
    if found is None:
        return None
    return _judge_split(model, run[: len(stem)], stem, 0.0, found, doc)


def _is_inflected(model: _Model, word: str) -> bool:
    """Does ``word`` end in an inflection of a known stem ("surrounding", "economists")?

    Such a word rarely starts a solid compound, so glue after it needs less evidence.
    """
    vocab = model.vocab
    for suf in ("ing", "ed", "ly", "es", "s"):
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            stem = word[: -len(suf)]
            if stem.endswith(suf[0]) and suf == "s":
                return False  # "glass", "boss"
            if vocab.get(stem, 0.0) >= 3.0:
                return True
            if suf in ("ing", "ed") and vocab.get(stem + "e", 0.0) >= 3.0:
                return True
    return False


# Adjective endings: such a word is complete and rarely the first part of a solid compound.
_ADJECTIVE_ENDINGS = ("ful", "ous", "ish", "ic", "al", "ive", "ent", "ant", "ary", "less", "able")


def _inflects_word(model: _Model, low: str) -> bool:
    """Is ``low`` an inflected form of a known word of four letters or more, even a rare
    one ("inroads" → "inroad", "besets", "ascribing")?  Glue makes no known word that way."""
    for suf in ("s", "es", "ed", "ing"):
        if low.endswith(suf) and len(low) - len(suf) >= 4:
            stem = low[: -len(suf)]
            if _lookup(model, stem) > 0.0:
                return True
            if suf in ("ed", "ing") and _lookup(model, stem + "e") > 0.0:
                return True
    return False


def _is_head_word(model: _Model, word: str) -> bool:
    """Does ``word`` look inflected or adjectival ("finally", "assigning", "careful")?

    Glued after such a word, another word is glue far more often than a compound:
    solid compounds start with bare nouns ("guitar", "baseball", "party").
    """
    if len(word) >= 6 and word.endswith(_ADJECTIVE_ENDINGS):
        return True
    # (not plurals: surnames and handles end so: "hayesstephen", "watersmusic"; and a
    # stem of four letters or more: "fri|ed" is no inflection)
    for suf in ("ing", "ed", "ly"):
        if word.endswith(suf) and len(word) - len(suf) >= 4:
            return _is_inflected(model, word)
    return False


def _is_typo(model: _Model, low: str) -> bool:
    """Is ``low`` one wrong or missing letter away from a frequent word ("somethink",
    "athough")?"""
    if len(low) < 6:
        return False
    keys = model.typo_keys
    for k in range(len(low)):
        found = keys.get(f"{low[:k]}\0{low[k + 1 :]}")
        if found is not None and found.replace(low[k], ""):
            return True  # a frequent word with another letter a-z at ``k``
    # (the same keys: a frequent word with one more letter at ``k``)
    return any(f"{low[:k]}\0{low[k:]}" in keys for k in range(len(low) + 1))


_TYPO_ZIPF = 4.5
# A known solid form rarer than this ("southafrica" 1.4, "loksabha" 1.7) is split when
# its two words occur spaced in the same text.
_RARE_SOLID = 2.8


_NOT_YET: tuple[int, float, float] = (-1, 0.0, 0.0)


def _split_plain_run(
    model: _Model, run: str, low: str, zwhole: float, doc: _Doc
) -> tuple[tuple[int, str] | None, tuple[int, float, float] | None]:
    """lower+lower / Title+lower split of a letter run without inner capitals.

    Returns the cut (or None) and the best two-word split if it was computed
    (``_NOT_YET`` otherwise).
    """
    title = run[0].isupper()
    if (
        title
        and run[0] == "I"
        and run[1:] in model.safe
        # "Inever", "Istill" (but not "Itunes", "Instore", "Itouch"): n/s/t start many
        # names and brands, so only with a very frequent word after the "I"
        and (run[1] not in "nst" or (zwhole < 2.0 and model.vocab.get(run[1:], 0.0) >= 5.1))
    ):
        # "Ihad", "Istarted": the pronoun glued to a verb-like word.
        zr = model.vocab.get(run[1:], 0.0)
        if zr >= 4.3 and zwhole < 2.5 and len(run) >= 4:
            return (1, RULE_TITLE_LOWER), _NOT_YET
    if "'" in low:
        cut = _contraction_split(model, run, low)
        if cut is None and run[1:].islower():
            cut = _word_then_contraction(model, run, low, doc)
        return cut, _NOT_YET
    found = _best_split(model, low)
    if found is None:
        return None, None
    if len(low) == 3:
        # "ata", "ofa", "toa": only two glued function words, in lower case
        fw = model.function_words
        i = found[0]
        if title or low[:i] not in fw or low[i:] not in fw:
            return None, found
    return _judge_split(model, run, low, zwhole, found, doc), found


def _split_plain_runs(
    model: _Model, run: str, doc: _Doc, zwhole: float = -1.0, word_follows: bool = False
) -> tuple[tuple[int, str], ...]:
    """Cuts for a letter run without inner capitals (two or three glued words).

    ``zwhole`` is the run's Zipf frequency if the caller already looked it up;
    ``word_follows``: the run ends its token (no punctuation after it).
    """
    low = _norm(run)
    if len(low) < 3:
        return ()
    if zwhole < 0.0:
        zwhole = _lookup(model, low)
    one, found = _split_plain_run(model, run, low, zwhole, doc)
    if one is not None:
        return () if _written_solid(model, run, low, one[0], doc) else (one,)
    if found is None and zwhole == 0.0 and len(low) >= 5 and run.islower() and doc.ask_dense():
        i = (
            (_function_word_then_rare(model, low) or _rare_then_function_word(model, low))
            if len(low) >= 8
            else _function_word_then_short(model, low)
        )
        if i and _dense_glue(run, doc):
            return ((i, RULE_LOWER_LOWER),)  # "thenewsworthiness", in a text full of glue
    if word_follows and zwhole == 0.0 and run[0].isupper() and run[1:].islower():
        named = _name_fw_split(model, run, low, doc)
        if named is not None:
            return (named,)
    if len(low) < 7 or zwhole > 0.0:
        return ()
    # a capitalised run only in a text full of glue ("Thefirstseminar", "Hoganreportsthat")
    title = not run.islower()
    if title and not (run[1:].islower() and doc.ask_dense()):
        return ()
    if found is _NOT_YET:
        found = _best_split(model, low)
    if found is not None or _is_derived(model, low):
        return ()
    cuts, in_prose, dense = _split3(model, low)
    if title:
        cuts = cuts or in_prose or (dense and _best_dense3(model, low, dense)) or None
        if cuts is None and not _is_typo(model, low):
            cuts = _loose3(model, low, run[0] == "I")
        if (
            cuts is None
            or not (low[: cuts[0]] in model.function_words or _zipf(model, low[: cuts[0]]) >= 3.0)
            or not _dense_glue(run, doc)
        ):
            return ()
        return ((cuts[0], RULE_TITLE_LOWER), (cuts[1], RULE_LOWER_LOWER))
    if cuts is None and in_prose is not None and doc.in_prose(run):
        cuts = in_prose
    if cuts is None and doc.ask_dense():
        cuts = _best_dense3(model, low, dense) if dense else None
        if cuts is None and not _is_typo(model, low):
            cuts = _loose3(model, low)  # (not "mispelling": a letter too many)
        if cuts is not None and not _dense_glue(run, doc):
            cuts = None
    if cuts is None or doc.count(run) >= 2:
        return ()  # (written so twice: a term, see _written_solid)
    return ((cuts[0], RULE_LOWER_LOWER), (cuts[1], RULE_LOWER_LOWER))


def _function_word_then_rare(model: _Model, low: str) -> int:
    """Where a function word ends, if ``low`` is one glued to a long known word too rare
    for the two-word split ("the|newsworthiness", "for|copywriters"); else 0.

    Not a word-forming prefix ("over", "out", "in"), and "a" only before a consonant.
    """
    fw = model.function_words
    for i in range(min(5, len(low) - 6), 0, -1):
        head, rest = low[:i], low[i:]
        if head not in fw or rest in fw:
            continue
        if head in _PREFIX_LIKE and not (head == "a" and rest[0] not in "aeiou"):
            continue
        if _lookup(model, rest) > 0.0 and not _is_typo(model, low):
            return i
    return 0


def _function_word_then_short(model: _Model, low: str) -> int:
    """Where a function word of two letters or more ends, if ``low`` is one glued to a
    three-letter word too rare for the two-word split ("to|soy", "that|gem"); else 0."""
    head, rest = low[:-3], low[-3:]
    if (
        len(head) >= 2
        and head in model.function_words
        and head not in _PREFIX_LIKE
        and rest not in model.function_words
        and model.vocab.get(rest, 0.0) >= 3.5
        and not _is_typo(model, low)
    ):
        return len(head)
    return 0


def _rare_then_function_word(model: _Model, low: str) -> int:
    """Where a long known word too rare for the two-word split ends, if ``low`` is one
    glued to a function word of two letters or more ("publicness|in",
    "overbilling|for"); else 0."""
    fw = model.function_words
    for k in range(2, min(5, len(low) - 6) + 1):
        head, tail = low[:-k], low[-k:]
        if tail in fw and _lookup(model, head) > 0.0 and not _is_typo(model, low):
            return len(head)
    return 0


def _written_solid(model: _Model, run: str, low: str, i: int, doc: _Doc) -> bool:
    """Is ``run`` written as one word more than once in the text (a name, brand or
    term: "Stonewe", "patchsets")?  Twice is enough unless the second word is a
    function word and the two words (cut at ``i``) also occur spaced.

    Glue is lost whitespace at random places, so the same glued pair rarely recurs;
    names and jargon do.  A scraper that drops the space after a tag drops it at every
    such tag, though: a function word glued to the next word ("ofthe", "theinitial")
    is glue however often, unless it is written in capitals (a name: "Stonewe") or is
    also a word-forming prefix ("outrun", "inbox").
    """
    fw = model.function_words
    a = low[:i]
    if (a in fw and low[i:] in fw) or (run.islower() and a in fw and a not in _PREFIX_LIKE):
        return False  # "ofthe", "theinitial": glue however often (but "outrun", "inbox")
    n = doc.count(run)
    # (twice, and spaced elsewhere: "pairof", "longerthan" glue, but "teamblog" a term)
    return n >= 3 or (n == 2 and not (low[i:] in fw and doc.spaced(run, i)))


def _starts_with_function_word(model: _Model, low: str) -> bool:
    """Is ``low`` best read as a function word and another word ("weare")?"""
    found = _best_split(model, low)
    return found is not None and low[: found[0]] in model.function_words


def _name_fw_split(model: _Model, run: str, low: str, doc: _Doc) -> tuple[int, str] | None:
    """An unknown capitalised word = a name seen on its own in the text + a function word.

    "Cadenceis", "Dublinto", "Caterpillarand": names are unknown to the dictionary, so
    the two-word split cannot be scored; the evidence is the name itself elsewhere in
    the text (exact case), the glued form occurring only once, and (checked by the
    caller) no punctuation after the function word ("Bennetto," is a name).
    """
    fw = model.function_words
    n = len(low)
    for k in range(min(5, n - 4), 1, -1):
        suffix = low[n - k :]
        if suffix not in fw or (suffix in _PREFIX_LIKE and k < 3):
            continue
        left = run[: n - k]
        if doc.count(run) == 1 and doc.has(left) and (k >= 3 or doc.count(left) >= 2):
            return n - k, RULE_TITLE_LOWER
        if (
            k >= 3
            and len(left) >= 5
            and model.vocab.get(low[: n - k], 0.0) >= 2.0
            and not _starts_with_function_word(model, low[: n - k])  # "Weare|not"
            and doc.ask_dense()
            and doc.count(run) == 1
            and doc.in_sentence(run)
        ):
            return n - k, RULE_TITLE_LOWER  # "Neutrogenaand Clearasil", in a text full of glue
    # "Obamasays", "Zuckerbergfirst": a name used on its own twice (and never in lower
    # case), then a frequent word that is no word-forming tail ("Obamacare", "Googlephone")
    vocab = model.vocab
    for i in range(n - 4, 4, -1):  # a name of five letters or more ("Webtext", "Techsource")
        tail = low[i:]
        if (
            vocab.get(tail, 0.0) >= 4.0
            and tail not in _COMPOUND_TAILS
            and tail not in _BRAND_PARTS
            and tail not in _SUFFIXES
            and doc.count(run[:i]) >= 2
            and doc.has(run[:i])
            and not doc.has(low[:i])  # a name is never written in lower case ("Linklove")
            and doc.count(run) == 1
        ):
            return i, RULE_TITLE_LOWER
    return None


def _enough_function_words(line: str) -> bool:
    """Two or more common function words, one word in ten at least (see in_sentence)."""
    stop = _STOPWORDS["en"]
    # (lower-casing never makes or removes an _EDGE character: the same cores)
    words = line.lower().split()
    n = len(words)
    hits = sum(map(stop.__contains__, words))  # bare stop words, at C speed
    if hits < 2 or hits * 10 < n:
        # those with punctuation at their edges too ("the," "(and"): never fewer
        hits = sum(t.strip(_EDGE) in stop for t in words)
    return hits >= 2 and hits * 10 >= n


def _dense_evidence(model: _Model, run: str, low: str, doc: _Doc) -> bool:
    """What a looser reading of a lower-case glued run asks first: a text full of glue
    (asked last of the cheap tests, so only such readings depend on it), no typo of a
    frequent word, and the run once in running text (``_dense_glue``)."""
    return doc.ask_dense() and not _is_typo(model, low) and _dense_glue(run, doc)


def _dense_glue(run: str, doc: _Doc) -> bool:
    """The in-document evidence a text full of glue asks of a lower-case glued run: it
    occurs once, in running text (not in a list of names or tags)."""
    return doc.count(run) == 1 and doc.in_sentence(run)


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
        if (
            _known_glued(za, zb, zwhole, a_fw, b_fw, title)
            and not _is_typo(model, low)
            and not (a_fw and not b_fw and _inflects_word(model, low))
            and not _in_code(doc)  # "init", "typeof"
        ):
            return i, rule
        if (
            a_fw
            and b_fw
            and not title
            and zwhole < 3.5
            and za + zb - 9.0 - zwhole >= 1.5
            and _dense_evidence(model, run, low, doc)
        ):
            return i, rule  # "allover", "foreach" once, in a text full of glue
        if (
            zwhole < 1.5
            and min(za, zb) >= 4.5
            and min(len(a), len(b)) >= 2
            and b != "in"  # "stuffin’", "nothin’": a dropped g
            and za + zb - 9.0 - zwhole >= 1.0
            and doc.ask_dense()
            and not _is_typo(model, low)
            and doc.count(run) == 1
            and ((doc.before_lower(run) or doc.in_sentence(run)) if title else doc.in_prose(run))
        ):
            # "lastyear", "callit": wordfreq knows such forms only from glued web text
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
    if title:
        # Capitalised unknown words are mostly names: demand strong evidence.
        if a_fw or b_fw:
            other = zb if a_fw else za
            word = b if a_fw else a
            if (
                other < 3.5
                and not (a_fw and b_fw)
                and len(word) >= 5
                and doc.has(word)
                and doc.count(run) == 1
            ):
                return i, rule  # "Robustnessand": the word is written in lower case elsewhere
            if (
                b_fw
                and len(b) <= 3
                and len(a) >= 5
                and za >= 3.5
                and doc.ask_dense()
                and doc.count(run) == 1
                and (doc.before_lower(run) or doc.in_sentence(run))
            ):
                return i, rule  # "Spotlightto launch", in a text full of glue
            if other < 3.5 or (
                b in _COMPOUND_TAILS
                and not a_fw
                and not (b_fw and za >= 4.5 and doc.ask_dense() and doc.count(run) == 1)
            ):
                return None
            if len(b) <= 2 and za < 4.5:
                return None
            if a_fw and not b_fw and not doc.ask_dense():
                return None
            return i, rule
        if min(za, zb) >= 3.0 and len(b) >= 3 and doc.spaced(run, i):
            return i, rule
        if len(a) >= 5 and len(b) >= 4 and min(za, zb) >= 4.0 and len(low) >= 10:
            if b in _COMPOUND_TAILS or _is_derived(model, low):
                return None
            if not (_is_inflected(model, a) or doc.ask_dense()):
                return None
            return i, rule
        if (
            len(a) >= 4
            and len(b) >= 3
            and min(za, zb) >= (4.5 if len(b) == 3 else 4.0)
            and b not in _COMPOUND_TAILS
            and doc.ask_dense()
            and not _is_derived(model, low)
            and not _is_typo(model, low)
            and doc.count(run) == 1
            and doc.before_lower(run)
        ):
            return i, rule  # "Bothcompanies are" in a text full of glue
        return None
    if min(za, zb) >= 2.5 and (a_fw or b_fw or min(len(a), len(b)) >= 3) and doc.spaced(run, i):
        return i, rule  # the same two words occur spaced elsewhere in the text
    if a_fw or b_fw:
        if a in _PREFIXES and not b_fw:
            return None
        tail_ok = (
            b_fw
            and (
                a.endswith("ed")  # "heldby in" too, in a text full of glue
                or (len(a) >= 4 and za >= 4.5 and doc.ask_dense() and _dense_glue(run, doc))
            )
        ) or (  # "getmore", "mightwork": two very frequent words, in a text full of glue
            min(za, zb) >= 5.5 and doc.ask_dense() and _dense_glue(run, doc)
        )
        if b in _COMPOUND_TAILS and not a_fw and not tail_ok:
            return None
        if (
            not b_fw
            and zb >= 3.0
            and len(b) >= 3
            and (a, b[0] in "aeiou") in (("a", False), ("an", True))
            and doc.ask_dense()
            and _dense_glue(run, doc)
        ):
            return i, rule  # "akid", "anelement": the article fits the next word's sound
        if a in _PREFIX_LIKE and not b_fw:
            limit = 3.3 if a in _WEAK_PREFIX_LIKE else 4.5
            if zb < limit or _is_derived(model, low):
                return None  # also word-forming prefixes ("inhumility", "amoral", "outgrow")
        if not a_fw and _is_derived(model, low):
            return None
        if (
            a_fw
            and not b_fw
            and ((zb < 5.0 and _is_typo(model, low)) or _inflects_word(model, low))
        ):
            return None  # "atention", "abases": a word, not "at tension", "a bases"
        return i, rule
    # Two content words: the token could be a solid compound, a derivation or a typo.
    if a in _PREFIXES or _is_derived(model, low):
        return None
    if (
        b in _COMPOUND_TAILS
        and (b not in _WORD_TAILS or len(a) < 4 or za < 4.0)
        and not (  # but "newpeople to" in a text full of glue
            (
                (b in _WORD_TAILS and za >= 5.0)
                or min(za, zb) >= 5.5  # "mightwork": two very frequent words
                # solid compounds take the singular: "operatorsline", "scamslike" are glue
                or (za >= 3.0 and a.endswith("s") and _is_inflected(model, a))
            )
            and doc.ask_dense()
            and _dense_glue(run, doc)
        )
    ):
        return None
    if (
        len(a) >= 5
        and len(b) >= 4
        and min(za, zb) >= 3.0
        and _is_head_word(model, a)
        and b not in _COMPOUND_TAILS
        and not _is_typo(model, low)
    ):
        return i, rule  # "finallyagreeing", "carefulorganisation": no compound starts so
    if (
        len(a) >= 3
        and len(b) >= 3
        and min(za, zb) >= 4.0
        and (len(a) >= 4 or za >= 5.0 or len(low) >= 8)
        and _dense_evidence(model, run, low, doc)
    ):
        return i, rule  # "gunlegislation", "yearshy" in a text full of glue
    if (
        zwhole == 0.0
        and len(a) >= 4
        # (a short second word makes compounds and puns, "froggive", unless the first
        # is inflected, so complete: "vendorskeen", "projecteddebt")
        and (len(b) >= 5 or (len(b) == 4 and _is_inflected(model, a)))
        and (min(za, zb) >= 3.0 or (min(za, zb) >= 2.3 and min(len(a), len(b)) >= 7))
        and _dense_evidence(model, run, low, doc)
        # in a sentence (not a user name after "by": "by randfish on")
        and (doc.in_prose(run) or (doc.before_lower(run) and not doc.contains(f"by {run}")))
    ):
        return i, rule  # "discoverieshelped": a word unknown even as a rare one, made
        # of two long words, in a text full of glue
    if (
        len(a) >= 4
        and len(b) >= 4
        and max(za, zb) >= 5.0
        and min(za, zb) >= 3.5
        and doc.ask_dense()
        and (_is_inflected(model, a) or _is_inflected(model, b))
        and not _is_typo(model, low)
        and _dense_glue(run, doc)
    ):
        return i, rule  # "peopleexpressing", "plansdeferred": an inflected word is complete
    if len(a) < 3 or len(b) < 3 or len(low) < 7 or min(za, zb) < 3.3:
        return None
    if len(a) == 3 and za < 5.0:
        return None
    if len(low) < 9 and min(za, zb) < 4.5:
        return None
    if (
        min(za, zb) < 4.5
        and not (len(a) >= 5 and zb >= 5.0 and _is_inflected(model, a))
        and doc.count(a) == 0
        and doc.count(b) == 0
    ):
        return None  # rare words never seen on their own in the text: a compound or a typo
    if not (
        _is_inflected(model, a)
        or _is_head_word(model, a)
        # "diesel|engine ... the engine": the head noun alone, the modifier never
        or (doc.count(b) >= 1 and doc.count(a) == 0)
        or doc.ask_dense()
    ):
        return None  # a solid compound starts with a bare noun ("toolbelt", "treewall")
    if doc.contains(f"by {run}"):
        return None  # a user name in a byline ("by baseballgirl on Aug 8")
    return i, rule


def _split_camel_run(model: _Model, run: str, doc: _Doc) -> tuple[int, str] | None:
    """lower+Title / Title+Title split at the single lower->upper transition of a run."""
    humps = [i for i in range(1, len(run)) if run[i].isupper() and run[i - 1].islower()]
    if len(humps) >= 2 and len(run) >= 8:
        return _multi_camel_cut(model, run, humps, doc)
    if len(humps) != 1:
        return None  # camelCaseVariable, getElementById: code, not glue
    i = humps[0]
    right = run[i:]
    head = re.split(r"['’]", right, maxsplit=1)[0]
    zrun = _lookup(model, _norm(run))
    if (
        zrun > 0.0
        and not (head == "I" and run[1:i].islower() and zrun < 3.0)
        and not (  # "SouthAfrica" once, "South Africa" elsewhere, in a text full of glue
            zrun < _RARE_SOLID
            and run[0].isupper()
            and doc.contains(f"{run[:i]} {right}")
            and doc.substring_count(run) == 1
            and doc.ask_dense()  # (a writer may well write "SanFran" and "San Fran")
        )
        and not (
            zrun < 3.5
            and run[:i].islower()
            and _norm(run[:i]) in model.function_words
            and doc.ask_dense()
            and doc.count(run) == 1
        )
    ):
        return None  # YouTube, LinkedIn: known as a whole (but "asI", "ifI" are glue,
        # and "theSame", "asWell" in a text full of glue)
    if not (_title_end(head, 0) == len(head) or head == "I"):
        if (
            len(right) == 1
            and run[0].isupper()
            and doc.ask_dense()
            and doc.contains(f"{run[:i]} {right}")
            and doc.substring_count(run) == 1
        ):
            return i, RULE_TITLE_TITLE  # "WiiU" once, "Wii U" elsewhere, in a text full of glue
        return None  # macOS, BioNTech, SpaceX, PhD
    cut = _camel_cut(model, run, i, head, doc)
    if cut is not None and doc.substring_count(run) >= 2:
        return None  # repeated camel case: a name
    if cut is not None and _in_code(doc):
        return None  # "withHeaders", "onLoad" in a post about code
    return cut


def _multi_camel_cut(
    model: _Model, run: str, humps: Sequence[int], doc: _Doc
) -> tuple[int, str] | None:
    """The first cut of a run with several capitals inside, in a text full of glue:
    at a capital where the word before is a function word or stands alone in the text,
    and the rest stands alone too or has capitals inside still ("fromPollyPeck",
    "AdWordsProduct", "andDirectX"); later rounds cut the rest.  A camel-case identifier
    (getElementById) has no such parts; a text about code is left alone."""
    fw = model.function_words
    if (
        not doc.ask_dense()
        or doc.substring_count(run) != 1
        # in running text: not in a list of user names ("TheHollyTree, KittyMina3")
        or not doc.in_sentence(run)
        or _in_code(doc)
    ):
        return None
    for h in humps:
        left, right = run[:h], run[h:]
        left_ok = (left.islower() and left in fw) or (len(left) >= 3 and doc.has(left))
        if not left_ok:
            continue
        right_ok = len(right) >= 3 and (
            doc.has(right)
            or any(right[k].isupper() and right[k - 1].islower() for k in range(1, len(right)))
        )
        if not right_ok:
            continue
        return h, RULE_LOWER_TITLE if left.islower() else RULE_TITLE_TITLE
    return None


def _in_code(doc: _Doc) -> bool:
    """Is the text about code (several code marks: "x = 1", "{", "getElementById"), so
    that a camel-case or known word is an identifier ("withHeaders", "init")?

    Not asked of a text full of glue, where glued words make such shapes ("ofTheYear").
    """
    return doc.code_marks() >= _CODE_MARKS and not doc.ask_dense()


def _camel_cut(model: _Model, run: str, i: int, head: str, doc: _Doc) -> tuple[int, str] | None:
    left, right = run[:i], run[i:]
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
            if (
                len(left) >= 4
                and (
                    (head == right and right_low in _LINE_STARTERS)
                    or (head != right and right_low in _CONTRACTED)
                )
                # a rare word or two glued words before (not "gtgsgrhfyxThe": spam)
                and (lz > 0.0 or _best_split(model, left_low) is not None)
                and doc.ask_dense()
                and doc.substring_count(run) == 1
            ):
                return i, RULE_LOWER_TITLE  # "reloadedIf you", "hugesurpriseIf": a new
                # line starts, in a text full of glue (the word before is judged alone)
            return None
        if left_low not in fw and rz < 2.0:
            if (
                head == right
                and doc.ask_dense()
                and doc.has(right)
                and doc.count(run) == 1
                and doc.in_sentence(run)  # (not "novelDaydreamer," in a list of names)
            ):
                return i, RULE_LOWER_TITLE  # "agoAsil Nadir": the name also stands alone
            return None  # "aimClearians": an unknown name after a content word
        return i, RULE_LOWER_TITLE
    # Title+Title
    if not left[1:].islower() or left_low in _NAME_PREFIXES:
        return None
    if doc.contains(f"{left} {right}"):
        return i, RULE_TITLE_TITLE
    if (
        head == right
        and lz >= 3.5
        and left_low not in fw  # "OnStartups" is a name, "AndyCoulson" glue
        and len(right) >= 4
        and rz < 3.5
        and right_low not in _BRAND_PARTS
        and (
            doc.count(right) >= 2
            # once is enough in running text or a heading, in a text full of glue (not
            # "MidnightFenrir," in a list of user names)
            or (
                doc.count(right) == 1
                and doc.ask_dense()
                and (doc.in_sentence(run) or doc.after_heading(run))
            )
        )
        and doc.has(right)
    ):
        return i, RULE_TITLE_TITLE  # "AndyCoulson": the rare name recurs on its own
    if (
        head == right
        and lz >= 3.5
        and len(left) >= 3
        and left_low not in fw
        and len(right) >= 4
        and right_low not in _BRAND_PARTS
        and left_low not in _BRAND_PARTS
        and doc.ask_dense()
        and doc.substring_count(run) == 1
        and doc.contains(f"by {run}")
    ):
        return i, RULE_TITLE_TITLE  # "by DanielScocco", a byline in a text full of glue
    if (
        (
            (head == right and (right_low in _LINE_STARTERS or right_low in _MONTHS))
            or (head != right and right_low in _CONTRACTED)  # "FutureWhat's", "AtWe’ve"
        )
        and len(left) >= 3
        and (lz >= 3.0 or doc.has(left) or (len(left) >= 6 and right_low in ("the", "by")))
    ):
        return i, RULE_TITLE_TITLE  # "ProspectsBy", "StarrAt": a new line starts
    if (
        head == right
        and len(right) >= 2
        and right_low in fw
        and len(left) >= 3
        and left_low not in fw
        and doc.ask_dense()
        and doc.count(run) == 1
        and doc.before_lower(run)
    ):
        return i, RULE_TITLE_TITLE  # "BokehThe more": a new line, in a text full of glue
    if (
        head == right
        and left_low in fw
        and len(left) == 2  # a preposition (not "IntoX", "TooX": brands)
        and len(right) >= 3
        and right_low not in _BRAND_PARTS
        and doc.count(run) == 1
        and doc.has(right)
        and not doc.has(right_low)  # a name, not a noun ("OnDesign": "design")
    ):
        return i, RULE_TITLE_TITLE  # "OnChile", "AtNokia": the name alone elsewhere
    if (
        head == right
        and len(left) >= 3
        and len(right) >= 4
        and rz >= 3.5
        and left_low not in fw
        and right_low not in _BRAND_PARTS
        and right_low not in _COMPOUND_TAILS
        and left_low not in _BRAND_PARTS
        and doc.ask_dense()
        and doc.substring_count(run) == 1
        and doc.after_heading(run)
    ):
        return i, RULE_TITLE_TITLE  # "BustosProduct knowledge": a heading or byline ended
        # a line, in a text full of glue
    if lz < 3.5 or rz < 3.0 or right_low in _BRAND_PARTS or left_low in _BRAND_PARTS:
        return None
    if (
        head == right
        and min(lz, rz) >= 4.0
        and left_low not in fw
        and right_low not in _COMPOUND_TAILS
        and doc.ask_dense()
        and doc.substring_count(run) == 1
        and doc.before_lower(run)
    ):
        return i, RULE_TITLE_TITLE  # "ChargesSeen as", in a text full of glue (not a name
        # in a list or a menu: "AirQuotes, octavia", "CoolHunting⏎")
    if left_low in _TITLE_STARTERS and len(head) >= 3:
        return i, RULE_TITLE_TITLE  # "TheBoss", "YourDad"
    if (
        len(left) >= 5
        and len(head) >= 5
        and len(run) >= 11
        and rz >= 3.5
        and right_low not in _COMPOUND_TAILS
        # in running text a name ("the BrightHarbor fund"); in a text full of glue, or
        # in a heading ("Easy StepsWinter"), glue
        and (doc.in_title_case(run) or doc.ask_dense())
    ):
        return i, RULE_TITLE_TITLE
    return None


_Cut = tuple[int, str, int]  # (offset, rule, alternative offset if a straight quote closes)


def _sentence_splits(model: _Model, core: str, doc: _Doc) -> list[_Cut]:
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
        if end < 0 and model.full and last in ".!?" and k == m.end():
            cut = _caps_after_sentence(model, core, m.start(), k, doc)
            if cut:
                out.append(_sentence_cut(core, j, q0, q1))
                continue
        if end < 0:
            # a single capital is a word only as "I" / "A"
            if core[k] not in "IA" or (k + 1 < n and (core[k + 1].isalnum() or core[k + 1] == ".")):
                continue
            right = core[k]
        else:
            right = core[k:end]
        s = m.start()
        if core[s] in "”’":  # 'tricks”.I’ve': the word is before the quote
            if last not in ".!?":
                continue
            s += 1
            punct = punct[1:]
        b = s - 1 if core[s - 1] in "”’" else s
        b0 = b
        while b > 0 and core[b - 1].isalpha():
            b -= 1
        left = core[b:b0]
        if (
            last in ":;"
            and (
                end < 0
                or len(left) < 3
                or not left.islower()
                or _zipf(model, left) < 3.0
                or _zipf(model, right) < 4.5
            )
            and not (  # but "include:Jonathan" in a text full of glue
                punct == ":"
                and end >= 0
                and len(left) >= 2
                and left.islower()
                and _zipf(model, left) >= 3.0
                and doc.ask_dense()
            )
        ):
            continue  # "17:19", "Date:November", "Category:Eye" are labels, not glue
        if (
            end < 0
            and len(left) <= 1
            and not (s >= 2 and core[s - 2 : s].isdigit() and doc.ask_dense())
        ):
            continue  # initials: "U.S.A", "J.R." (but "of 27,664.A price war": a number,
            # in a text full of glue)
        if "." in punct and end >= 0:
            r_low = _norm(right)
            if (
                r_low in _TLDS
                and len(r_low) <= 4
                and _lookup(model, r_low) < 4.5
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
        if (
            punct == "."
            and left
            and (len(left) == 1 or _zipf(model, right) < 5.0)
            and doc.substring_count(core) >= 2
        ):
            continue  # repeated dotted name ("K.Shop", "A.Ba.Co.")
        if q1 - q0 == 2 and core[q0] == core[q0 + 1]:
            out.append((q0 + 1, RULE_SENTENCE, -1))  # '.""There': closing + opening
        elif q1 > q0:
            out.append((q0, RULE_SENTENCE, q1))  # straight quote: opening or closing
        else:
            out.append((j, RULE_SENTENCE, -1))
    return out


def _sentence_cut(core: str, j: int, q0: int, q1: int) -> _Cut:
    """Where to cut after sentence punctuation, given the straight quotes at q0:q1."""
    if q1 - q0 == 2 and core[q0] == core[q0 + 1]:
        return (q0 + 1, RULE_SENTENCE, -1)  # '.""There': closing + opening
    if q1 > q0:
        return (q0, RULE_SENTENCE, q1)  # straight quote: opening or closing
    return (j, RULE_SENTENCE, -1)


def _caps_after_sentence(model: _Model, core: str, s: int, k: int, doc: _Doc) -> bool:
    """An all-caps word glued after a sentence end: "equipment.BMW", "here.NBC".

    The word before is a known lower-case word and the capitals occur on their own
    elsewhere in the text (so "file.PDF" or "e.g.US" do not qualify by themselves).
    """
    n = len(core)
    e = k
    while e < n and core[e].isupper():
        e += 1
    if e - k < 2 or (e < n and core[e].isalpha()):
        return False
    b = s
    while b > 0 and core[b - 1].isalpha():
        b -= 1
    left = core[b:s]
    caps = core[k:e]
    if len(left) < 3 or not left.islower() or _zipf(model, left) < 3.0:
        return False
    return caps.lower() not in _TLDS and doc.has(caps)


_LIST_ITEM = re.compile(r"(?<=[^\W\d_]{3}[.!?:])\d{1,2}[.)](?!\w)|(?<=[^\W_]\))[A-Z][a-z]")


def _list_splits(model: _Model, tok: str) -> list[_Cut]:
    """A lost line break before a list number or after a closing parenthesis.

    "recall.8. Learning", "race.3) A world", "(dates)Field Mouse", "(AP)At least": the
    word before the number is a known lower-case word; the word after ")" a known word.
    """
    out: list[_Cut] = []
    for m in _LIST_ITEM.finditer(tok):
        k = m.start()
        if tok[k].isdigit():
            b = k - 1
            while b > 0 and tok[b - 1].isalpha():
                b -= 1
            left = tok[b : k - 1]
            if left.islower() and _zipf(model, left) >= 3.0:
                out.append((k, RULE_LINE, -1))
        else:
            end = _title_end(tok, k)
            if end > 0 and _zipf(model, tok[k:end]) >= 3.0:
                out.append((k, RULE_LINE, -1))
    return out


def _symbol_splits(core: str) -> list[_Cut]:
    """Curly quotes and bullets glued to a neighbouring word: ``boyd“Knock``."""
    out: list[_Cut] = []
    if "“" not in core and "”" not in core:
        return out
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
_FRACTIONS = "½¼¾⅓⅔"
_WORD_NUM = re.compile(r"(?<![^\W\d_])([a-z]{3,})(?=(?:[" + _FRACTIONS + r"]|\d/\d)$)")
_DIGIT = re.compile(r"\d")
_QUOTE_AFTER_WORD = re.compile(r'(?<=[^\W\d_]{2})"(?=[A-Z][a-z])')
# a word then a number ending the token: a lost line break before a list or ingredient line
_WORD_THEN_NUMBER = re.compile(
    r"[(“\"]?([A-Za-z][a-z]{2,}|[a-z]{2,}[.)])(\d{1,4}(?:/\d{1,2})?)(\.?)"
)
_TIME_ZONES = frozenset(
    ["AM", "PM", "ET", "PT", "EDT", "EST", "PDT", "PST", "CDT", "CST", "GMT", "UTC"]
)
# a time zone at the start of a token, glued to a capitalised word of three letters+
_ZONE_THEN_WORD = re.compile(
    "(" + "|".join(sorted(_TIME_ZONES, key=len, reverse=True)) + r")([A-Z][^\W\d_]{2,})(?![\w])"
)
_CAPS_TITLE = re.compile(r"(?<![^\W\d_])([A-Z]{2,})([A-Z][a-z]{2,})(?![^\W\d_])")
_CAPS_LOWER = re.compile(r"(?<![^\W\d_])([A-Z]{2,})([a-z]{2,})(?![^\W\d_])")
_LOWER_CAPS = re.compile(r"(?<![^\W\d_])([a-z]{2,})([A-Z]{2,})(?![a-z])")
_TITLE_CAPS = re.compile(r"(?<![^\W\d_])([A-Z][a-z]{2,})([A-Z]{2,})(?![^\W\d_])")
_TITLE_TITLE = re.compile(r"(?<![^\W\d_])([A-Z][a-z]+)([A-Z][a-z]+)(?![^\W\d_])")
_UPPER_AFTER_LETTER = re.compile(r"[A-Za-z][A-Z]")


def _extra_splits(model: _Model, tok: str, doc: _Doc, digit: bool) -> list[_Cut]:
    """Line-break glue next to bullets, numbers and capitals, with in-document evidence.

    ``digit``: does ``tok`` hold a decimal digit (else the number patterns cannot match)?
    """
    out: list[_Cut] = []
    if "•" in tok or "***" in tok or tok[-1] in "-–—":
        for m in _BULLET_AFTER.finditer(tok):
            c = tok[m.start()]
            if c in "-–—" and not doc.starts_line(c + " "):
                continue  # "complete.-" is written so; "crashes.-" before a list of "- " lines
            out.append((m.start(), RULE_LINE, -1))
        dash = tok[-1]
        if (
            not out
            and dash in "-–—"
            and tok[:-1].isalpha()
            and tok[0].isupper()
            and doc.ask_dense()
            and doc.starts_line(dash + " ")
            and doc.substring_count(tok) == 1
            and doc.after_heading(tok[:-1])
        ):
            # "Zoom Length– Focusing", "MESSAGING- Improvement": a heading or list item
            # lost its line break before a "- " item, in a text full of glue whose lines
            # start so (not "Cook until softened- about", a dash in a sentence)
            out.append((len(tok) - 1, RULE_LINE, -1))
    vocab = model.vocab
    m2 = _NUM_TITLE.search(tok) if digit else None
    if m2 is not None:
        num = m2.group()
        end = _title_end(tok, m2.end())
        if end < 0 and tok[m2.end() :].isalpha() and tok[m2.end() :].isupper():
            end = len(tok)  # "2012LONDON"
        if end > 0 and len(num.strip("-+")) >= 2:
            word = tok[m2.end() : end]
            if (
                # not a unit: "90FPS", "2.4Ghz"
                len(word) >= (4 if word.isupper() or (num[-1].isdigit() and "." in num) else 3)
                and vocab.get(_norm(word), 0.0) >= 3.0
                and doc.substring_count(num + word) == 1  # "3DMark" again: a name
            ):
                out.append((m2.end(), RULE_LINE, -1))
    m3 = _WORD_NUM.search(tok) if digit or tok[-1] in _FRACTIONS else None
    if m3 is not None and vocab.get(m3.group(1), 0.0) >= 3.5 and len(m3.group(1)) >= 4:
        out.append((m3.end(), RULE_LINE, -1))  # "sugar1/2", "bitter½": recipe lines
    if m3 is None and (tok[-1:].isdigit() or tok[-2:-1].isdigit()):
        out.extend(_number_line_split(model, tok, doc))
    m5 = _ZONE_THEN_WORD.match(tok) if tok[:1] in "AEPCGU" else None
    if m5 is not None and doc.substring_count(m5.group()) == 1:
        right = m5.group(2)
        if (right[1:].islower() and vocab_z(model, right) >= 3.0) or doc.has(right):
            # "AMWriting at", "PSTVINCI Curriculum", "PTWhatsApp": a time stamp ended a
            # line (a known word, or one the text also has on its own)
            out.append((m5.start(2), RULE_LINE, -1))
    if tok.islower() or tok.isupper() or _UPPER_AFTER_LETTER.search(tok) is None:
        return out  # none of the four patterns below can match (each needs both cases)
    for rx in (_CAPS_TITLE, _CAPS_LOWER, _LOWER_CAPS, _TITLE_TITLE, _TITLE_CAPS):
        for m4 in rx.finditer(tok):
            left, right = m4.group(1), m4.group(2)
            if _glued_pair_evidence(model, left, right, m4.group(), doc) and (
                (rx is not _TITLE_TITLE and rx is not _TITLE_CAPS)
                or doc.in_title_case(m4.group())
                or doc.ask_dense()
            ):
                out.append((m4.start(2), RULE_LINE, -1))
    return out


def _number_line_split(model: _Model, tok: str, doc: _Doc) -> list[_Cut]:
    """A word glued to the number that started the next line: "onion1", "polenta1/4",
    "interior.1932", "alcohol5.", when the text has lines that start so (an ingredient
    list, a numbered list); "Core77", "Windows7", "format2." have no such lines, and a
    bare number follows an English word only ("xfce4", "schwit1" are names)."""
    m = _WORD_THEN_NUMBER.fullmatch(tok)
    if m is None:
        return []
    num, dot = m.group(2), m.group(3)
    if dot:  # "alcohol5.", "sauce)8.": the list item numbered one less or more starts a line
        if not num.isdigit():
            return []
        n = int(num)
        lost = doc.starts_line(f"{n - 1}. ") or doc.starts_line(f"{n + 1}. ")
    else:  # lines start with this number (and a space), after an English word
        word = _norm(m.group(1).rstrip(".)"))
        z = model.vocab.get(word, 0.0)
        lost = (
            (z >= 3.0 or (z >= 2.0 and doc.ask_dense()))
            and doc.starts_line(num + " ")
            and doc.substring_count(m.group(1) + num) == 1  # "draft2" again: a name
        )
        if not lost and "/" in num and z >= 3.0 and m.group(1).islower() and doc.ask_dense():
            # "sugar1/2": a recipe line, in a text full of glue (``count`` only counts
            # letter words, never this token)
            lost = doc.substring_count(tok) == 1
    return [(m.start(2), RULE_LINE, -1)] if lost else []


def _glued_pair_evidence(model: _Model, left: str, right: str, run: str, doc: _Doc) -> bool:
    """Both parts occur on their own in the text, the glued form only once."""
    if right.lower() in _SUFFIXES or (
        _lookup(model, _norm(run)) > 0.0
        # (but "theUS": a known word only as glue in lower case)
        and not (left.islower() and left in model.function_words and right.isupper())
    ):
        return False
    if left in _TIME_ZONES and right[1:].islower() and vocab_z(model, right) >= 3.0:
        return doc.count(run) == 1  # "PMPosted", "EDTFirst": a time stamp ended a line
    if left.isupper() or right.isupper():
        short = left if left.isupper() else right
        other = right if left.isupper() else left
        if vocab_z(model, other) < (3.5 if other.islower() else 4.0):
            return False
        if not doc.has(short) and not (
            # "theUS", "CEOof": a function word, in a text full of glue
            other.islower() and other in model.function_words and doc.ask_dense()
        ):
            return False
        if not (other.islower() or doc.has(other)):
            return False
    else:
        if _norm(left) in _NAME_PREFIXES or len(left) < 3 or len(right) < 2:
            return False
        if min(vocab_z(model, left), vocab_z(model, right)) < 2.5 and not (
            # "ThursdayMendham": names, seen alone below (not "MidnightFenrir," in a
            # list of user names)
            len(right) >= 3 and doc.ask_dense() and not doc.substring_count(run + ",")
        ):
            return False
        if not (
            doc.has(left)
            and (
                doc.has(right)
                # "NadirMoney": a frequent word, seen in lower case, in a text full of glue
                # (in running text, not in a list of user names: "MiniMonster,")
                or (
                    vocab_z(model, right) >= 3.5
                    and doc.ask_dense()
                    and doc.count(right) >= 1
                    and doc.in_sentence(run)
                )
            )
        ):
            return False
    return doc.count(run) == 1


def vocab_z(model: _Model, word: str) -> float:
    return model.vocab.get(_norm(word), 0.0)


def _analyze_token(model: _Model, tok: str, doc: _Doc) -> tuple[_Cut, ...]:
    """Split offsets (relative to ``tok``) for one whitespace token."""
    if tok[0] in "#@":
        return ()
    if not _VETO_CHARS.isdisjoint(tok):
        # "polenta1/4": the slash of a fraction vetoes everything else
        return tuple(_number_line_split(model, tok, doc)) if "/" in tok and model.full else ()
    # (the regular expressions are only run on tokens with the characters they need:
    # each costs about as much as the rest of the checks on a plain token)
    if ("." in tok or ":" in tok or "(" in tok) and (
        _URLISH.search(tok) or _DOTTED_CODE.search(tok)
    ):
        return ()  # ("//" vetoed above)
    lead = len(tok) - len(tok.lstrip(_EDGE))
    core = tok.strip(_EDGE)
    if len(core) < 2:
        return ()
    found: list[_Cut] = []
    plain = core.isalnum()  # no sentence punctuation or quotes inside
    if not plain:
        found.extend(
            (o + lead, r, a + lead if a >= 0 else -1)
            for o, r, a in _sentence_splits(model, core, doc)
        )
    bullet = tok.find("•")
    if bullet > 0 and tok[bullet - 1].isalpha():
        found.append((bullet, RULE_LINE, -1))
    if model.full:
        if not plain:
            found.extend((o + lead, r, -1) for o, r, _ in _symbol_splits(core))
        digit = not tok.isalpha() and _DIGIT.search(tok) is not None
        if digit or ")" in tok:
            found.extend(_list_splits(model, tok))
        found.extend(_extra_splits(model, tok, doc, digit))
        if '"' in tok and doc.ask_dense():
            # 'rates"If we': a quotation opened on a new line, in a text full of glue (cut
            # after the quote instead if it closes a quotation)
            found.extend((m.start(), RULE_LINE, m.end()) for m in _QUOTE_AFTER_WORD.finditer(tok))
        for m in _LETTER_RUN.finditer(core):
            run = m.group()
            if (len(run) < 4 and not (len(run) == 3 and run[2] == "I")) or run.isupper():
                continue
            if not run[1:].islower() and any(
                run[i].isupper() and run[i - 1].islower() for i in range(1, len(run))
            ):
                res = _split_camel_run(model, run, doc)
            elif run.islower() or run[1:].islower() or _CAPS_POSSESSIVE.fullmatch(run):
                if _is_safe(model, run) or (run[0].isupper() and _is_safe(model, run.lower())):
                    continue
                s, e = m.start() + lead, m.end() + lead
                if (s > 0 and tok[s - 1].isdigit()) or (
                    e < len(tok) and (tok[e].isdigit() or (tok[e] in "'’" and run.endswith("in")))
                ):
                    continue  # a name with digits ("Web2go"), a dropped g ("nothin’")
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
        if len(text) > _CHUNK:
            return _find_in_chunks(text, language)
        return _find_to_fixpoint(text, language)
    except Exception:  # pragma: no cover - defensive: never raise on odd input
        return ()


# A token is weighed against the rest of its text (repetitions, the same word alone
# elsewhere): each such question scans the text, so a huge text is judged in pieces of
# about this size, which keeps the search linear; an article is far shorter.
_CHUNK = 50_000


def _find_in_chunks(text: str, language: str | None, size: int = _CHUNK) -> tuple[GlueSplit, ...]:
    """find_glue_splits for a text longer than ``size``: each piece on its own, in the
    language guessed for the whole text."""
    if language is None:
        model = _resolve_model(text, None, set(text.split()))
        if model is None:
            return ()
        language = model.lang
    return tuple(
        GlueSplit(base + s.offset, s.rule, s.token)
        for base, piece in _chunks(text, size)
        for s in _find_to_fixpoint(piece, language)
    )


def _chunks(text: str, size: int) -> list[tuple[int, str]]:
    """``text`` in pieces of at most ``size`` characters, as (offset, piece), cut at a
    paragraph break, else a line break, else a space (the pipeline's cut).

    >>> _chunks("aa bb\\n\\ncc dd ee", size=7)
    [(0, 'aa bb'), (7, 'cc dd'), (13, 'ee')]
    """
    out: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > size:
        end = start + size
        cut = text.rfind("\n\n", start, end)
        if cut <= start:
            cut = text.rfind("\n", start, end)
        if cut <= start:
            cut = text.rfind(" ", start, end)
        if cut <= start:
            cut = end  # no whitespace at all: one long token, cut anywhere
        out.append((start, text[start:cut]))
        start = cut
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text) or not out:
        out.append((start, text[start:]))
    return out


# A text "dense" with glue: this many splits found, and this many per 1,000 tokens (clean
# text has none or one or two, and far fewer per 1,000 tokens; a page glued at its tag
# boundaries, dozens; a short glued text, a few).
_DENSE_MIN = 3
_DENSE_PER_1000 = 8


def dense_with_glue(splits: int, text: str) -> bool:
    """``splits`` found in ``text`` make it "dense" with glue: a scraper lost spaces at many
    tag boundaries, not an author's odd typo or a name the rules took for two words.

    >>> dense_with_glue(3, "a few words"), dense_with_glue(3, "word " * 1000)
    (True, False)
    """
    return splits >= _DENSE_MIN and splits * 1000 >= _DENSE_PER_1000 * len(text.split())


def _find_to_fixpoint(
    text: str, language: str | None, rounds: int = 3, shortcut: bool = True
) -> tuple[GlueSplit, ...]:
    """Splits, plus those that only show once the first ones are made ("aKorda’saa" → …).

    Running again on the repaired text makes ``unglue`` idempotent; offsets found in the
    repaired text are mapped back to ``text`` (each earlier space shifts them by one).
    A later round only looks at the new pieces of split tokens and at tokens whose
    decision rested on in-document evidence (reused when that evidence is unchanged);
    every other token was decided without the document and had nothing to split.

    A text found "dense" with glue is searched again with the rules for such texts
    (``_Doc.ask_dense``); that search reuses the first round's decisions that did not
    look at the density, and is skipped when it decides as the first one did
    (``shortcut``: tests turn that off to compare).
    """
    uniq = set(text.split())
    model = _resolve_model(text, language, uniq)
    if model is None:
        return ()
    memo: dict[str, _Decision] = {}
    doc = _Doc(text)
    first = _find(text, _to_check(model, uniq), model, memo, doc=doc)
    round1 = dict(memo)
    # each text's answers hold for both searches: the dense one meets the same repaired
    # texts as long as it makes the same splits
    docs = {text: doc}
    splits, later = _rounds(text, language, model, uniq, memo, first, rounds, False, docs)
    if not dense_with_glue(len(splits), text):
        return splits
    # A scraper that lost this many spaces lost more: look again, taking two frequent
    # words glued together as glue more readily.
    asked = first.asked_dense
    memo = {t: d for t, d in round1.items() if t not in asked}
    doc.set_dense(True)
    seed = {t: c for t, c in first.cuts.items() if t not in asked}
    again = _find(text, asked, model, memo, dense=True, doc=doc, seed=seed)
    if (
        shortcut
        and not later
        and again.cuts == first.cuts
        and all(memo.get(t) == round1.get(t) for t in asked)
    ):
        # the same decisions and memo as the first search, whose later rounds never
        # looked at the density: the later rounds would run just as they did
        return splits
    again = again._replace(fresh=again.fresh | (first.fresh - asked))
    return _rounds(text, language, model, uniq, memo, again, rounds, True, docs)[0]


def _rounds(
    text: str,
    language: str | None,
    model: _Model,
    uniq: set[str],
    memo: dict[str, _Decision],
    first: _Found,
    rounds: int,
    dense: bool,
    docs: dict[str, _Doc],
) -> tuple[tuple[GlueSplit, ...], bool]:
    """The fixpoint rounds after the ``first`` (see _find_to_fixpoint); ``docs``: the
    ``_Doc`` of each text seen so far, to share its answers.  Also returns whether a
    decision of a later round looked at ``_Doc.ask_dense``."""
    found, decided, pieces, fresh = first.splits, set(first.cuts), first.pieces, first.fresh
    splits = list(found)
    prev, new = text, found
    later = False
    for _ in range(rounds):
        if not splits:
            break
        offsets = sorted(s.offset for s in splits)
        repaired = _apply(text, offsets)
        uniq = (uniq - decided) | pieces  # == set(repaired.split())
        again = _resolve_model(repaired, language, uniq)
        if again is None:
            break
        if again is not model:  # pragma: no cover - language=None only ever picks English
            model, memo = again, {}
            check = _to_check(model, uniq)
        else:
            check = _to_check(model, pieces)
            check.update(t for t, (_, log) in memo.items() if log and t in uniq)
        changes = _Changes.of(prev, repaired, new, fresh)
        doc = docs.get(repaired)
        if doc is None:
            doc = docs[repaired] = _Doc(repaired, dense)
        doc.set_dense(dense)
        step = _find(repaired, check, model, memo, changes, dense, doc)
        later = later or bool(step.asked_dense)
        more, decided, pieces, fresh = step.splits, set(step.cuts), step.pieces, step.fresh
        prev, new = repaired, more
        if not more:
            break
        shifted = [o + i for i, o in enumerate(offsets)]  # where each inserted space now sits
        for s in more:
            before = bisect.bisect_left(shifted, s.offset)
            splits.append(GlueSplit(s.offset - before, s.rule, s.token))
    unique = {s.offset: s for s in splits}
    return tuple(unique[o] for o in sorted(unique)), later


def _to_check(model: _Model, tokens: set[str]) -> set[str]:
    """The tokens that need a look: not frequent safe words / with a sentence site."""
    if model.full:
        return tokens - model.safe
    site = _SENTENCE_SITE.search
    return {t for t in tokens if site(t) is not None}


def _apply(text: str, offsets: list[int]) -> str:
    pieces: list[str] = []
    last = 0
    for o in offsets:
        pieces.append(text[last:o])
        pieces.append(" ")
        last = o
    pieces.append(text[last:])
    return "".join(pieces)


def _is_plain_known(core: str, model: _Model) -> bool:
    """Known words joined only by apostrophes/hyphens: "don't", "little-known"."""
    low = core.replace("’", "'").lower()
    if _is_safe(model, low):
        return True
    if "-" not in low:
        return False
    return all(not part or _is_safe(model, part) for part in low.split("-"))


def _closes_quote(text: str, pos: int) -> bool:
    """Does the straight quote at ``pos`` close a quotation opened shortly before?"""
    q = text[pos]
    prev = text.rfind(q, max(0, pos - 1500), pos)
    if prev < 0:
        return False
    before = text[prev - 1] if prev > 0 else " "
    # (a quote glued to the colon that introduces it opens too: 'said:"Go."')
    return before.isspace() or before in "([{-—–:"


# Bullets and "***" start a new line: glued after a sentence end or a word ("Marketing•"),
# they are not edges.  (Not after a short abbreviation: "Nov• 01•12" is a date style;
# and a final dash is not enough: "complete.-" is written so.)
_LINE_MARK = re.compile(
    r"[.!?:;][\"”’')]*(?:•|\*\*\*|[-–—]$)|[^\W\d_]{4}•$|(?<![^\W\d_])[A-Z][^\W\d_]{2,}[-–—]$"
)
# A token's cuts and the in-document questions (with answers) its decision rests on.
_Decision = tuple[tuple[_Cut, ...], tuple[_Query, ...]]
# Tokens without one of these characters have no site for the sentence/bullet rules.
_SENTENCE_SITE = re.compile(r"[.!?:;•]")


def _decide(model: _Model, tok: str, doc: _Doc) -> tuple[_Cut, ...]:
    """Split offsets (relative to ``tok``) for one whitespace token not in ``model.safe``."""
    if len(tok) < 3:
        return ()
    core = tok.strip(_EDGE)
    if (
        len(core) < len(tok)
        and ("•" in tok or "***" in tok or tok[-1] in "-–—")
        and _LINE_MARK.search(tok) is not None
    ):
        return _analyze_token(model, tok, doc)  # "include:•", "Ohio.***": a lost line break
    if core in model.safe or (not model.full and _is_safe(model, core)):
        return ()
    if core.isalpha():
        low = core.lower()
        if not model.full:
            if _is_safe(model, low):
                return ()
        elif low in model.safe:
            return ()
        zwhole = model.vocab.get(low)
        if zwhole is None:
            found = model.rare.find(low) if low.lower() == low else -1
            if found >= 0x400:
                return ()  # a rare safe word
            zwhole = _LEVELS[found & 0x3FF] if found >= 0 else 0.0
        if core[1:].islower() and _VETO_CHARS.isdisjoint(tok):
            if not model.full:
                return ()
            # plain word between punctuation: only the two/three-word rules apply
            lead = tok.index(core)
            if core.endswith("in") and tok[lead + len(core) : lead + len(core) + 1] in ("'", "’"):
                return ()  # a dropped g: "stuffin’", "nothin'"
            cuts = _split_plain_runs(model, core, doc, zwhole, tok.endswith(core))
            return tuple((o + lead, r, -1) for o, r in cuts)
    elif core.upper() == core.lower():
        return ()  # no letters at all: numbers, times, symbols
    elif _is_plain_known(core, model):
        return ()
    return _analyze_token(model, tok, doc)


class _Found(NamedTuple):
    """What ``_find`` found: the splits, the tokens split (with their cuts) and their
    pieces, the tokens whose ``memo`` entry holds for the text, and those whose
    decision looked at ``_Doc.ask_dense``."""

    splits: tuple[GlueSplit, ...]
    cuts: dict[str, tuple[_Cut, ...]]
    pieces: set[str]
    fresh: set[str]
    asked_dense: set[str]


class _Changes:
    """The spaces one fixpoint round inserted, to re-check logged answers cheaply.

    Every question ``_Doc`` answers looks at the occurrences of a few short strings and
    at most 31 characters before and 3 after each.  An occurrence far from every
    inserted space reads the same in both texts, so a question none of whose strings
    occurs near an inserted space (in the text before or after) has the same answer;
    the others are asked again.  ``fresh``: the tokens whose logged answers held for
    the text before.

    The questions about a whole word (``_WORD``) only count its occurrences as a whole
    word, so for them "near an inserted space" is "among the words near one" (in the
    text before or after): a set look-up instead of a scan of the stretches.
    """

    __slots__ = ("_words", "fresh", "split", "windows")

    _RADIUS = 64  # room for a string of up to 28 characters and its context
    _LONGEST = _RADIUS - 36

    def __init__(self, windows: str, split: frozenset[str], fresh: frozenset[str]) -> None:
        self.windows = windows
        self.split = split
        self.fresh = fresh
        self._words: frozenset[str] | None = None

    def _near(self, word: str) -> bool:
        """Does ``word`` occur near an inserted space (as a whole word if it is one)?"""
        if len(word) > self._LONGEST or "\0" in word:
            return True
        if _WORD.fullmatch(word) is None:
            return word in self.windows
        if self._words is None:
            self._words = frozenset(_WORD.findall(self.windows))
        return word in self._words

    @classmethod
    def of(
        cls, before: str, after: str, new: Sequence[GlueSplit], fresh: set[str]
    ) -> _Changes | None:
        """The changes from ``before`` to ``after`` (``new`` gives the inserted spaces,
        as offsets into ``before``), or None when ``after`` is not just that."""
        at = sorted({s.offset for s in new})
        if not at or _apply(before, at) != after:
            return None
        r = cls._RADIUS
        # the inserted spaces as offsets into ``after``
        spaced = [o + k for k, o in enumerate(at)]
        windows = [*_windows(before, at, r), *_windows(after, spaced, r)]
        return cls("\0".join(windows), frozenset(s.token for s in new), frozenset(fresh))

    def same_answers(self, log: tuple[_Query, ...], doc: _Doc) -> bool:
        """``doc.same_answers(log)`` for a log that held for the text before."""
        return all(
            not self._touched(k, a, i) or doc.same_answers(((k, a, i, ans),))
            for k, a, i, ans in log
        )

    def _touched(self, kind: str, arg: str, i: int) -> bool:
        if kind in ("sentence", "code", "heading"):
            return True  # looks at a whole line / the whole text: asked again
        if kind in ("word", "prose", "before", "capital"):
            return self._near(arg)
        if kind in ("sub", "in"):
            return len(arg) > self._LONGEST or "\0" in arg or arg in self.windows
        if kind == "line":
            # only a split token that started a line changes the line starts
            head = arg.rstrip(" ")
            return any(t.startswith(head) for t in self.split)
        if kind == "count":
            low = arg.lower()
            return any(self._near(f) for f in {arg, low, low.capitalize(), arg.upper()})
        needles: Sequence[str]
        if kind == "spaced":
            a, b = arg[:i], arg[i:]
            needles = (f"{a} {b}", f"{a.lower()} {b.lower()}", f"{a.capitalize()} {b.lower()}")
        else:
            needles = (arg,)
        windows = self.windows
        return any(len(n) > self._LONGEST or "\0" in n or n in windows for n in needles)


def _windows(text: str, at: list[int], r: int) -> list[str]:
    """The stretches of ``text`` within ``r`` characters of the sorted offsets ``at``."""
    out: list[str] = []
    start = end = -1
    for o in at:
        lo, hi = max(0, o - r), o + r + 1
        if lo > end:
            if end > start:
                out.append(text[start:end])
            start = lo
        end = hi
    if end > start:
        out.append(text[start:end])
    return out


def _find(
    text: str,
    check: set[str],
    model: _Model,
    memo: dict[str, _Decision],
    changes: _Changes | None = None,
    dense: bool = False,
    doc: _Doc | None = None,
    seed: Mapping[str, tuple[_Cut, ...]] | None = None,
) -> _Found:
    """Splits in ``text`` for the distinct tokens ``check`` (see _Found).

    ``memo`` keeps each decision with the document questions it asked, for the next
    round of the fixpoint; ``changes``: what the last round changed (see _Changes);
    ``doc``: the text's ``_Doc`` if there is one already (its answers are kept);
    ``seed``: cuts of other tokens of ``text``, decided already.
    """
    if doc is None:
        doc = _Doc(text, dense)
    fresh: set[str] = set()
    asked: set[str] = set()
    decisions: dict[str, tuple[_Cut, ...]] = dict(seed) if seed else {}
    safe = model.safe
    edge = _EDGE
    full = model.full
    for tok in check:
        if full:
            # the common case, cheaply: a known word between punctuation
            if len(tok) < 3:
                continue
            core = tok.strip(edge)
            if len(core) == len(tok):
                # ``check`` holds no safe word, so only the lower-case form can be one
                low = core.lower()
                if low != core and low in safe:
                    continue
            elif (core in safe or core.lower() in safe) and (
                ("•" not in tok and "***" not in tok and tok[-1] not in "-–—")
                or _LINE_MARK.search(tok) is None
            ):
                continue
            if not core.isalpha() and core.upper() == core.lower():
                continue  # no letters at all: numbers, times, symbols
        known = memo.get(tok)
        if known is not None and (
            not known[1]
            or (
                changes.same_answers(known[1], doc)
                if changes is not None and tok in changes.fresh
                else doc.same_answers(known[1])
            )
        ):
            cuts = known[0]
            fresh.add(tok)
        else:
            doc.log = []
            doc.asked_dense = False
            cuts = _decide(model, tok, doc)
            if cuts or doc.log:
                memo[tok] = (cuts, tuple(doc.log))
                fresh.add(tok)
            if doc.asked_dense:
                asked.add(tok)
            doc.log = None
        if cuts:
            decisions[tok] = cuts
    if not decisions:
        return _Found((), {}, set(), fresh, asked)
    out: list[GlueSplit] = []
    pieces: set[str] = set()
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
                cut_at: list[int] = []
                for off, rule, alt in rel:
                    if alt >= 0 and _closes_quote(text, i + off):
                        off = alt  # the straight quote closes a quotation
                    out.append(GlueSplit(i + off, rule, tok))
                    cut_at.append(off)
                pieces.update(_apply(tok, sorted(cut_at)).split())
    out.sort(key=lambda s: s.offset)
    return _Found(tuple(out), decisions, pieces, fresh, asked)


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
