"""Find the article inside a flattened full-page text dump.

Scrapers often flatten a whole page (navigation, teasers, related links, footers,
comments, cookie banners) with ``html_text``, ``inscriptis``, BeautifulSoup
``get_text()`` or ``innerText``.  :func:`select_main_content` returns one keep flag
per line so that only the article (headline, byline, body, subheadings, lists,
quotes) survives.  It uses only what the text still carries; no model is
downloaded and no network is used.

The words it looks for (comment headings, "Related posts" headings, reply links, author
bios, boilerplate cue words) are per-language lists in ``data/phrases.json``, read by
:mod:`newsclean._phrases`; each pattern below names the section it is built from.

The cascade
-----------
1. **Language.**  Stopwords are wordfreq's most frequent words of the language
   (``top_n_list(lang, 120, wordlist="small")``, shipped in ``data/stopwords.json``
   by ``tools/build_stopwords.py``).  When ``language`` is not given,
   or wordfreq does not know it, the language is guessed from the share of the
   page's long-line tokens (the first 2,000 of them) covered by each language's
   stopword set.  Lines made of CJK characters, and pages in no known language,
   fall back to sentence punctuation instead of stopword density.
2. **Blocks.**  ``get_text("\\n")``-style flatteners put every link or ``<em>`` on
   its own line, cutting paragraphs into fragments.  Consecutive lines are
   re-joined into one block when the first does not end a sentence and the second
   plainly continues it (starts in lower case or with punctuation, or the first
   ends with a comma, dash or a stopword).  Comment meta lines (times, "Reply")
   are never joined.  A line ending in "..." or "…" (a teaser cut short) does not
   end a sentence.
3. **Block classes** (jusText-like, generalised past English): *bad* = link-like
   (URLs, ``a | b | c`` separators), copyright lines, short lines repeated on the
   page, short lines carrying a clock time (not a duration: "2:04:38", "44:58"),
   stopword-poor text, author bios under 600 characters ("Jane Doe is a senior
   editor ...", "About the author: ...") and, once a good block without such
   words has been seen (so a consent banner above the article is left to the
   phrase rules), boilerplate paragraphs: two or more words of browser notices,
   legal footers, subscribe and advertising blurbs ("browser", "cookies",
   "subscribe", "reproduced", "permission", "privacy" ...);
   *short* = under 40 characters; *good* = at least 100 characters with stopword
   density >= 0.30; *near* = stopword density >= 0.20 (and bulleted list items
   with real words).
4. **Scores.**  A good block scores its length (0.6 x its length when it does not
   end a sentence: teasers, captions cut short; nothing when it ends in a feed
   excerpt's "[...]"), a near block 0.3 x its length;
   short and bad blocks cost a penalty that grows along a run of consecutive
   non-content blocks, so a menu of twenty items costs far more than a lone
   "Advertisement" line inside the article.
5. **Comment section.**  Reader comments (Dragnet-style gold leaves them out) look
   like article text.  The comment zone starts at the first comment heading
   ("37 comments", "Leave a reply", "Kommentare" ...) or time-stamped meta line
   that comes after at least 400 characters of good text and is followed by two
   more meta lines; positive scores inside the zone are scaled by 0.1.  A single
   time-stamped line with more than 1,000 characters of good text under it before
   the next one is an article's dateline, not a comment's, and opens no zone.  A blog
   theme's post footer ("This entry was posted on ... and is filed under ...", "...
   Bookmark the permalink.") after 400 good characters opens the zone at once, and the
   stretch ends above it: comments under it need no time-stamps to be left out.
   An article extracted from HTML skips this cascade, but a thread of comments signed
   "Posted by: NAME | DATE" under it (blog platforms' comment markup, which extractors
   take for the article's) or a heading that counts them ("4 Responses to ...") is found
   by :func:`comment_section_start`.
6. **Densest stretch.**  The article is taken to be one contiguous stretch: the
   maximum-sum run of block scores (Kadane, linear time).  A short line heading the
   boxes under an article ("Related posts", "You might also like", "Most popular",
   "About the author", "Ähnliche Artikel" ...) costs at least 300, so teasers
   beyond it are not pulled in while an article that goes on past an inline box
   still does; the paragraph under "About the author" counts as junk.  When the
   first line is the page ``<title>``, a stretch may also open at the first block
   repeating it (the headline) with a credit of 300, and wins when it beats every
   other stretch with that credit and holds content of its own: a short post
   under its headline beats a longer sidebar, footer or comment block elsewhere.
   Short lines inside it (subheadings, list items, quotes, photo credits) are kept.  The stretch is cut
   at a comment heading inside it, and trailing negative blocks are trimmed.  A
   bulleted list right after it (two or more items of three or more words, maybe
   under a short heading ending with ":", e.g. "References:") is kept with it.
   A run of kept blocks repeating earlier kept blocks word for word, with a
   paragraph among them, is dropped: the template printed the article twice.
7. **Headline.**  If the first line is the page ``<title>`` and a line within 40
   blocks above the stretch repeats it, that line and the header lines between it
   and the stretch (byline, date; not single-word menu items or links) are kept.
   Otherwise up to three plausible header blocks directly above are kept.
8. **Short posts.**  When the best stretch is weak (score <= 200, i.e. no real
   paragraph anywhere: a video, photo or one-line post), the page is read as a
   short post under its headline: each block whose first line repeats most of
   the page ``<title>`` (the first line), and does not recur more than twice
   elsewhere (a site name does), starts a candidate that runs on until three
   non-content blocks in a row, or a comment or related-posts heading (which ends the
   search: headlines below it are teasers); the candidate followed by the most words (at
   least eight) is kept.  With no such headline, every line is kept.
9. **Do no harm.**  Inputs of at most three lines are kept whole.  When at most
   10 blocks or 20% of the blocks would be dropped (an already clean article), or
   when anything unexpected happens, every line is kept: leaving junk in is
   cheaper than cutting content.

Everything runs in time linear in the input size and holds no mutable state at
module level (only read-only, lru-cached stopword sets).  Per-line work is kept
cheap: the words of each distinct line come from ``str.split`` once a
``bytes.translate`` of the page has made its non-word characters spaces (stopwords
counted with ``sum(map(set.__contains__, ...))``), rare features (URLs, clock times, "Reply"
lines, copyright marks, separators, boilerplate words) come from one scan of the
lower-cased page (clock times, "Reply" lines and URLs: of its short lines) mapped
back to line numbers, the other per-line features come from whole-list passes in C
(``map``, ``compress``), and blocks are parallel lists, not objects.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import accumulate, chain, compress, pairwise, repeat
from operator import add, itemgetter, not_, or_
from types import MappingProxyType
from typing import Literal

import regex

from ._dates import first_date
from ._phrases import alternation, phrases

__all__ = [
    "BlockFeatures",
    "Label",
    "comment_section_start",
    "is_end_heading",
    "score_blocks",
    "select_main_content",
]

Label = Literal["good", "near", "short", "bad"]
_SHORT: Label = "short"
_BAD: Label = "bad"

# ---------------------------------------------------------------- tuned constants
_GOOD_DENSITY = 0.30  # stopword density of a body paragraph
_GOOD_LEN = 100  # characters (CJK characters count 3)
_NEAR_DENSITY = 0.20
_SHORT_LEN = 40
_NEAR_WEIGHT = 0.3  # near blocks add this share of their length
_SHORT_PENALTY = 20.0
_SHORT_SCORE = -_SHORT_PENALTY
_BAD_PENALTY = 20.0
_BAD_WEIGHT = 0.3  # ... plus this share of their length
_RUN_GROWTH = 0.5  # the k-th junk block in a row costs (1 + 0.5 * min(k - 1, 10)) times more
_RUN_CAP = 10
_WEAK_MASS = 200.0  # best stretch scoring at most this: no paragraph, read as a short post
_ZONE_MIN_GOOD = 400  # good characters needed before a comment zone can start
_ZONE_WINDOW = 40  # blocks searched for confirming comment meta lines
_ZONE_META = 2  # ... and how many are needed
_ZONE_DISCOUNT = 0.1
_ZONE_GAP = 1000  # good characters under a time-stamp before the next: more is an article
_TITLE_WINDOW = 40  # blocks searched above the stretch for the headline
_TITLE_SHARE = 0.8  # share of a line's tokens that must occur in the <title>
_BACK_BLOCKS = 3  # header blocks kept above the stretch when no title matches
_KEEP_ALL_DROPS = 10  # dropping at most this many blocks ...
_KEEP_ALL_SHARE = 0.2  # ... or this share of them means the input was clean already
_LANG_MIN_SHARE = 0.08  # stopword coverage needed to accept a guessed language
_LANG_SAMPLE = 2000  # words of long lines sampled for the guess
_NOEND_WEIGHT = 0.6  # a good block not ending a sentence scores this share of its length
_BOILER_HITS = 2  # boilerplate cue words that make a block "bad"
_POST_RUN = 3  # non-content blocks in a row that end a short post
_POST_MIN_WORDS = 8  # words a short post needs below its headline
_POST_CANDIDATES = 20  # headline candidates looked at
_BIO_LEN = 600  # an author bio is shorter than this
_END_PENALTY = 300.0  # a "Related posts" / "Most popular" heading costs at least this
_HEAD_CREDIT = 300.0  # a stretch opening right under the headline starts with this credit

# ---------------------------------------------------------------- patterns
# Patterns marked "page" run once over the lower-cased, "\n"-joined page and their hits are
# mapped back to line numbers, so a rare feature costs one C-level scan instead of one
# Python call per line.  "[^\S\n]" is a space that cannot cross into the next line.
_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# every byte but those leading the UTF-8 encoding of a _CJK character (E3-E9, EF)
_NOT_CJK_LEAD = bytes(b for b in range(256) if not (0xE3 <= b <= 0xE9 or b == 0xEF))
_SENT_ENDERS = frozenset(".!?。！？…;:")
_CLOSERS = "\"'”’»)]"
_END_CHARS = _SENT_ENDERS | frozenset(_CLOSERS)
_TRUNCATED = ("...", "…", "[...]", "[…]")  # a teaser cut short does not end a sentence
_EXCERPT = ("[...]", "[…]")  # a feed excerpt: never the article's own text
_URLISH = re.compile(r"https?://|www\.|\.(?:com|org|net|html?|php)\b|@\w+\.")  # page
_SEP = re.compile(r" [|•·»›/\\\-–—] ")  # page; lines are whitespace-normalised
# page; a candidate for _TIME: "\d[:.h]\d\d", found from its separator (a bitmap test per
# character in the scan, cheaper than a digit test), the digit before it looked back at
_TIME_CORE = re.compile(r"[:.h](?<=\d[:.h])\d\d")
# A bare "h:mm" is a clock time only when it could be one (hours 0-23, minutes 0-59) and is
# no part of a longer duration: race splits and results ("2:04:38", "44:58") are not stamps.
_TIME = re.compile(
    r"\b\d{1,2}[:.h]\d{2}\s*(?:"
    + "".join(w + r"\b|" for w in phrases("clock_words"))
    + r"utc\b|gmt\b|[ecmp][sd]t\b)|(?<![\d:.])\b(?:[01]?\d|2[0-3]):[0-5]\d\b(?![:.]\d)",
    re.I,
)
_COPYRIGHT = ("©", "(c)", *phrases("copyright_phrases"))
_COPYRIGHT_C = re.compile(r"\(c\)\s*\d{4}")
_BULLET = re.compile(r"(?:[-–—*•·▪►✓]|\d{1,2}[.)]|[a-z][.)])\s")
# Phrase lists come from data/phrases.json (see _phrases); the sections are named below.
# A comment heading: [count] [qualifier] comment word ("37 comments", "{ 12 Kommentare }"),
# or a call to comment ("Leave a reply", "5 thoughts on ...").
_COMMENT_HEAD = re.compile(
    r"[{(\[]?\s*(?:\d+\s+)?(?:"
    + "|".join(q + r"\s+" for q in phrases("comment_heading_qualifiers"))
    + r")?(?:"
    + alternation("comment_heading_words")
    + r")\b|"
    + alternation("comment_heading_phrases"),
    re.I,
)
_REPLY_WORDS = phrases("reply_words")  # a comment's action links
_REPLY_LINE = re.compile(rf"^\W*(?:{'|'.join(_REPLY_WORDS)})\W*$", re.M)  # page
# "... reply" near a line's end; the leading literal lets the scan jump from "reply" to
# "reply" (a leading "\b" would test every position), the lookbehind restores the "\b".
_REPLY_END = re.compile(r"reply(?<=\breply)\b[^\n]{0,20}$", re.M)  # page
# Headings of the boxes under an article (related and popular posts, the author box), as a
# whole short line.  Inline "Related: <headline>" lines inside news stories are left alone.
_END_HEAD = re.compile(alternation("end_headings"), re.I)
_AUTHOR_HEAD = re.compile(alternation("author_headings"), re.I)
# The post footer of blog themes ("This entry was posted on ... and is filed under ...",
# "... Bookmark the permalink."): the article ends above it; comments and teasers follow.
_POST_FOOTER = re.compile(alternation("post_footers"))
_FOOTER_NEEDLES = phrases("post_footer_needles")  # one is in every _POST_FOOTER match
_SAYS = re.compile(rf"\b(?:{alternation('says_words')})\s*:\s*$", re.I)  # "Ann wrote:"
_COLON_END = re.compile(r":[^\S\n]*$", re.M)  # page; a candidate for _SAYS
# browser notices, legal footers, subscribe blurbs, ad disclosures
_BOILER = frozenset(phrases("boilerplate_words"))
# "Jane Doe is a senior editor at ...", "About Jane Doe: ..."
_BIO = re.compile(rf"(?:{alternation('author_bios')})")
_JOIN_END = frozenset(",([/-–—&+")  # a line's last character
_FIRST_CHAR = itemgetter(slice(None, 1))  # ln[:1] and ln[-1:] without a Python call per line
_LAST_CHAR = itemgetter(slice(-1, None))
_JOIN_START = frozenset("abcdefghijklmnopqrstuvwxyz,.;:)]!?'’”%")  # a line's first character


# ASCII bytes that are no word character (``\w``) become spaces; "\n" and non-ASCII stay.
_ASCII_NONWORD = bytes(c if c >= 128 or c == 10 or _WORD.match(chr(c)) else 32 for c in range(256))
# Frequent non-ASCII punctuation (all ``\W``), made spaces too so that its lines still split.
_COMMON_NONWORD = "’‘“”—–…»«•·©®™►▪›‹→←─│"


def _line_words(lines: Sequence[str]) -> list[list[str]]:
    r"""``_WORD.findall`` of each line, for a page's lines at a time.

    Regex scanning costs ~15 ns a character, ``str.split`` far less.  With every ``\W``
    character of a line made a space, its words are its whitespace-separated runs: the
    ASCII ones become spaces in one ``bytes.translate`` of the page, the frequent
    non-ASCII ones by ``str.replace``.  A line keeping other non-ASCII characters is
    split too when every run is alphanumeric (``\w`` is "alphanumeric or _", and no
    whitespace is alphanumeric), else read with the regex.

    >>> _line_words(["a b_c, d’e", "x²—y", "¿qué?"])
    [['a', 'b_c', 'd', 'e'], ['x²', 'y'], ['qué']]
    """
    text = "\n".join(lines)
    spaced = text.encode("utf-8", "surrogatepass").translate(_ASCII_NONWORD)
    conv = spaced.decode("utf-8", "surrogatepass")
    if not conv.isascii():
        for ch in _COMMON_NONWORD:
            if ch in conv:
                conv = conv.replace(ch, " ")
    parts = conv.split("\n")
    if len(parts) != len(lines):  # a line holding "\n"
        return list(map(_WORD.findall, lines))
    out = list(map(str.split, parts))
    if not conv.isascii():
        isalnum = str.isalnum
        for i in compress(range(len(parts)), map(not_, map(str.isascii, parts))):
            if not all(map(isalnum, out[i])):
                out[i] = _WORD.findall(lines[i])
    return out


def _find_all(text: str, needle: str) -> list[int]:
    """Start offsets of the non-overlapping occurrences of ``needle`` (str.find speed)."""
    out: list[int] = []
    i = text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + len(needle))
    return out


def _count_upto(text: str, needle: str, limit: int) -> int:
    """Non-overlapping occurrences of ``needle`` (as ``str.count``), counted up to
    ``limit + 1``: a line repeated all over a huge page costs little to rule out."""
    n = 0
    i = text.find(needle)
    while i >= 0 and n <= limit:
        n += 1
        i = text.find(needle, i + len(needle))
    return n


# ---------------------------------------------------------------- stopwords
@lru_cache(maxsize=1)
def _stopword_lists() -> Mapping[str, frozenset[str]]:
    """Each language's stopwords, read once from the shipped ``data/stopwords.json``.

    That file holds wordfreq's 120 most frequent words per language (numbers left out;
    ``tools/build_stopwords.py``); reading wordfreq's own lists at run time would load
    every language's full list (~150 MB resident) to guess one page's language.
    """
    raw = resources.files("newsclean").joinpath("data/stopwords.json").read_text("utf-8")
    return MappingProxyType({lang: frozenset(ws) for lang, ws in json.loads(raw).items()})


def _stopwords(lang: str) -> frozenset[str]:
    return _stopword_lists().get(lang, frozenset())


@lru_cache(maxsize=1)
def _stopword_index() -> Mapping[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for lang, words in sorted(_stopword_lists().items()):
        for w in words:
            index.setdefault(w, []).append(lang)
    return MappingProxyType({w: tuple(v) for w, v in index.items()})


_LANG_FIELD = 16  # bits of one language's count in a packed count


@lru_cache(maxsize=1)
def _packed_stopwords() -> tuple[tuple[str, ...], Callable[[str], int | None]]:
    """The languages, and a lookup giving each stopword one int with a 1 in the 16-bit
    field of every language it is a stopword of (``None`` for other words): summing
    a sample's ints counts every language's stopwords at once, in C.  (The dict is
    reachable only through its ``get``: read-only.)"""
    langs = tuple(sorted(_stopword_lists()))
    field = {lang: _LANG_FIELD * i for i, lang in enumerate(langs)}
    packed = {w: sum(1 << field[lang] for lang in v) for w, v in _stopword_index().items()}
    return langs, packed.get


def _guess_language(tokens: Sequence[list[str]]) -> str | None:
    """The wordfreq language whose stopwords cover most tokens of the long lines.

    ``tokens`` are the lower-cased words of each line; only lines of six or more words
    are sampled, and only until 2,000 words are seen.
    """
    sample: list[list[str]] = []
    total = 0
    for toks in tokens:
        if len(toks) >= 6:
            sample.append(toks)
            total += len(toks)
            if total > _LANG_SAMPLE:
                break
    if total < 20:
        return None
    cover: dict[str, int] = {}
    if total < 1 << _LANG_FIELD:  # no count can overflow its field
        langs, packed = _packed_stopwords()
        summed = sum(filter(None, map(packed, chain.from_iterable(sample))))
        mask = (1 << _LANG_FIELD) - 1
        for i, lang in enumerate(langs):
            hits = (summed >> (_LANG_FIELD * i)) & mask
            if hits:
                cover[lang] = hits
    else:  # a huge line in the sample
        counts = Counter(chain.from_iterable(sample))  # one C-level count, not one per line
        index = _stopword_index()
        for tok in counts.keys() & index.keys():
            c = counts[tok]
            for lang in index[tok]:
                cover[lang] = cover.get(lang, 0) + c
    if not cover:
        return None
    lang, hits = max(cover.items(), key=lambda kv: (kv[1], kv[0]))
    return lang if hits >= _LANG_MIN_SHARE * total else None


def _stopwords_for(tokens: Sequence[list[str]], language: str | None) -> frozenset[str]:
    if language:
        stops = _stopwords(re.split(r"[-_]", language.strip(), maxsplit=1)[0].lower())
        if stops:
            return stops
    guessed = _guess_language(tokens)
    return _stopwords(guessed) if guessed else frozenset()


# ---------------------------------------------------------------- blocks
@dataclass(frozen=True)
class BlockFeatures:
    """Features, class and score of one block (a run of re-joined input lines).

    ``start``/``end`` index the input lines (``lines[start:end]``); ``length`` counts
    characters with CJK characters weighted 3; ``score`` is the block's contribution
    to the densest-stretch search (positive = content-like).
    """

    start: int
    end: int
    text: str
    length: int
    words: int
    stop_density: float
    ends_sentence: bool
    link_like: bool
    repeats: int
    label: Label
    score: float


class _Page:
    """Per-line and per-block features of one page, computed in a few passes.

    Every regular expression runs once over the "\\n"-joined page and its hits are
    mapped back to line numbers; the per-line Python work is a handful of list
    operations.  Blocks are kept as parallel lists (no object per block).
    """

    __slots__ = (
        "boiler",
        "density",
        "ends",
        "keys",
        "label",
        "length",
        "lines",
        "link_like",
        "low",
        "meta",
        "n",
        "repeats",
        "score",
        "spans",
        "stops",
        "text",
        "texts",
        "toks",
        "words",
    )  # fmt: skip

    def __init__(self, lines: Sequence[str], language: str | None) -> None:
        self.lines = lines
        n_lines = len(lines)
        # One lower() of the page (a line's lower case does not depend on its neighbours:
        # the final-sigma rule stops at a newline)
        text = "\n".join(lines).lower()
        low = text.split("\n")
        if len(low) != n_lines:  # a line holding "\n": one per line
            low = list(map(str.lower, lines))
            text = "\n".join(low)
        # Words and stopword counts per distinct line: a menu item repeated down the page
        # is read once (the word lists are shared, and never changed).
        distinct = list(dict.fromkeys(low))
        words_of = dict(zip(distinct, _line_words(distinct), strict=True))
        toks = self.toks = list(map(words_of.__getitem__, low))
        stops = self.stops = _stopwords_for(toks, language)
        nw = list(map(len, toks))
        if stops:
            has = stops.__contains__
            stop_count = {t: sum(map(has, ws)) for t, ws in words_of.items()}
            ns = list(map(stop_count.__getitem__, low))
        else:
            ns = [0] * n_lines
        llen = list(map(len, lines))
        self.text = text
        self.low = low
        raw = text.encode("utf-8", "surrogatepass")
        # Where each line starts, built on the first hit that needs it (a page may have
        # none); lower() may change a line's length: offsets follow ``text``.
        starts: list[int] = []

        def line_of(offsets: Iterable[int]) -> list[int]:
            found = list(offsets)
            if found and not starts:
                starts.extend(accumulate(map(add, map(len, low), repeat(1)), initial=0))
            return [bisect_right(starts, o) - 1 for o in found]

        longest = max(llen, default=0)
        short = [True] * n_lines if longest < 120 else list(map((120).__gt__, llen))
        # Clock times, "Reply" lines and URLs only count on lines under 120 characters:
        # scan just those (most of a page's characters sit in its long lines).
        stext = text if longest < 120 else "\n".join(compress(low, short))
        short_idx: list[int] = []
        sstarts: list[int] = []

        def short_line_of(offsets: Iterable[int]) -> set[int]:
            found = list(offsets)
            if found and not sstarts:
                short_idx.extend(compress(range(n_lines), short))
                sstarts.extend(
                    accumulate(map(add, map(len, compress(low, short)), repeat(1)), initial=0)
                )
            return {short_idx[bisect_right(sstarts, o) - 1] for o in found}

        times = {
            i
            for i in short_line_of(m.start() for m in _TIME_CORE.finditer(stext))
            if _TIME.search(lines[i])
        }
        # (a substring search per word first: the pattern tries every line start)
        reply_words = any(w in stext for w in _REPLY_WORDS)
        whole = [m.span() for m in _REPLY_LINE.finditer(stext)] if reply_words else []
        replies = short_line_of(a for a, _ in whole)
        # As in one scan of both patterns (the same lines): an end hit inside a whole-line
        # match (whose "\W*" can run over lines) does not count.
        wstarts = [a for a, _ in whole]

        def outside_whole(q: int) -> bool:
            j = bisect_right(wstarts, q) - 1
            return j < 0 or q >= whole[j][1]

        end_hits = (m.start() for m in _REPLY_END.finditer(stext))
        replies |= short_line_of(q for q in end_hits if outside_whole(q))
        replies |= {
            i
            for i in short_line_of(m.start() for m in _COLON_END.finditer(stext))
            if _SAYS.search(lines[i])
        }
        urls = short_line_of(m.start() for m in _URLISH.finditer(stext))
        copy: set[int] = set()
        for needle in _COPYRIGHT:
            if needle in text:
                hit = set(line_of(_find_all(text, needle)))
                copy |= hit if needle != "(c)" else {i for i in hit if _COPYRIGHT_C.search(low[i])}
        # Distinct cues by stem: an article about subscriptions says "subscription" and
        # "subscribers"; a boilerplate blurb says "subscribe", "newsletter", "privacy".
        cued = {t for t, ws in words_of.items() if not _BOILER.isdisjoint(ws)}
        boiler = self.boiler = {
            i: len({w[:6] for w in toks[i] if w in _BOILER})
            for i in (compress(range(n_lines), map(cued.__contains__, low)) if cued else ())
        }
        seps = Counter(line_of(m.start() for m in _SEP.finditer(text)))
        firsts = list(map(_FIRST_CHAR, lines))
        lasts = list(map(_LAST_CHAR, lines))
        ends = {
            i
            for i in compress(range(n_lines), map(_END_CHARS.__contains__, lasts))
            if lines[i].rstrip(_CLOSERS)[-1:] in _SENT_ENDERS and not lines[i].endswith(_TRUNCATED)
        }
        # (no byte that leads a UTF-8 character in U+3000-U+9FFF or U+F000-U+FFFF: no CJK
        # character, found by one bytes.translate instead of a regex scan)
        cjk_page = bool(raw.translate(None, _NOT_CJK_LEAD)) and _CJK.search(text) is not None
        cjk = [len(_CJK.findall(ln)) for ln in lines] if cjk_page else [0] * n_lines
        meta_lines = {i for i in times | replies if short[i]}
        meta = [False] * n_lines
        for i in meta_lines:
            meta[i] = True
        self.meta = meta

        # Blocks: re-join inline fragments that a flattener split apart. Line i joins
        # line i - 1 unless either is a meta line, line i - 1 ends a sentence or the two
        # are too long together; then when line i starts with a continuation, line i - 1
        # ends with one, or a stopword sits at the seam (looked up only where needed).
        apart = meta_lines | {i + 1 for i in meta_lines} | {i + 1 for i in ends}
        if longest >= 1000:  # else no two lines reach 2,000 characters
            apart.update(compress(range(1, n_lines), map((2000).__le__, map(add, llen, llen[1:]))))
        glued = list(
            map(or_, map(_JOIN_START.__contains__, firsts[1:]), map(_JOIN_END.__contains__, lasts))
        )
        for i in compress(range(1, n_lines), map(not_, glued)):
            if i not in apart and (
                (llen[i - 1] > 30 and low[i - 1].rpartition(" ")[2] in stops)
                or (firsts[i].islower() and low[i].partition(" ")[0] in stops)
            ):
                glued[i - 1] = True
        for i in apart:
            if 0 < i < n_lines:
                glued[i - 1] = False
        cuts = [0, *compress(range(1, n_lines), map(not_, glued)), n_lines] if n_lines else [0]
        spans = list(pairwise(cuts))
        self.spans = spans
        self.n = len(spans)
        texts = [lines[a] if b - a == 1 else " ".join(lines[a:b]) for a, b in spans]
        # Whitespace is left out of the repetition key: a later glue repair must not turn
        # two "different" lines into repeats (that would make cleaning twice cut more).
        # (UTF-8 bytes: equal keys for equal lines, and deleting a byte is cheaper than
        # str.replace)
        squeezed = raw.translate(None, b" ").split(b"\n")
        if len(squeezed) != n_lines:  # a line holding "\n": fall back to one per line
            squeezed = [ln.replace(" ", "").encode("utf-8", "surrogatepass") for ln in low]
        keys = self.keys = [
            squeezed[a] if b - a == 1 else b"".join(squeezed[a:b]) for a, b in spans
        ]
        counts = Counter(keys)
        self.texts = texts
        self.repeats = [counts[k] for k in keys]
        bios = {
            i
            for i in (compress(range(n_lines), map((40).__le__, llen)) if longest >= 40 else ())
            if llen[i] < _BIO_LEN
            and ("is" in toks[i][1:7] or "was" in toks[i][1:7] or toks[i][:1] == ["about"])
            and _BIO.match(low[i])
        }
        special = urls | copy | times | seps.keys() | boiler.keys() | bios
        if cjk_page:
            special.update(i for i, c in enumerate(cjk) if c)
        stopless = not stops
        rows: list[tuple[int, int, float, bool, bool, Label, float]] = []
        seen_good = False
        repeats = self.repeats
        for k, (a, b) in enumerate(spans):
            if not seen_good and k and rows[-1][5] == "good":
                pa, pb = spans[k - 1]
                seen_good = not any(i in boiler for i in range(pa, pb))
            if b - a == 1 and a not in special:
                length, words, ends_sentence = llen[a], nw[a], a in ends
                if stopless:
                    density = 0.35 if ends_sentence else 0.15
                else:
                    density = ns[a] / words if words else 0.0
                if repeats[k] > 1 and length < 100:
                    # a menu item repeated down the page (as _label scores it), without a call
                    score = -_BAD_PENALTY - _BAD_WEIGHT * length
                    rows.append((length, words, density, ends_sentence, False, _BAD, score))
                elif (
                    length < _SHORT_LEN
                    and repeats[k] == 1
                    and (words < 3 or density < _NEAR_DENSITY)
                ):
                    # the common menu item, without a call
                    rows.append(
                        (length, words, density, ends_sentence, False, _SHORT, _SHORT_SCORE)
                    )
                else:
                    rows.append(self._label(k, length, words, density, ends_sentence, False, False))
                continue
            chars = sum(llen[a:b]) + (b - a - 1)
            c = sum(cjk[a:b])
            words = sum(nw[a:b])
            rng = range(a, b)
            sep = sum(seps[i] for i in rng) if seps else 0
            length = chars + 2 * c
            ends_sentence = (b - 1) in ends
            if c * 2 >= chars:  # no word boundaries: sentence punctuation stands in
                text = texts[k]
                density = 0.35 if ends_sentence or "，" in text or "、" in text else 0.1
            elif stopless:
                density = 0.35 if ends_sentence else 0.15
            else:
                density = sum(ns[a:b]) / words if words else 0.0
            link_like = (length < 120 and not urls.isdisjoint(rng)) or (
                sep >= 3 and words < 6 * sep
            )
            bad = (
                link_like
                or (a in bios and length < _BIO_LEN)
                # a consent banner above the article is left to the phrase rules
                or (seen_good and boiler and sum(boiler.get(i, 0) for i in rng) >= _BOILER_HITS)
                or not copy.isdisjoint(rng)
                or (length < 120 and not times.isdisjoint(rng))
            )
            rows.append(self._label(k, length, words, density, ends_sentence, link_like, bad))
        cols = list(zip(*rows, strict=True)) if rows else [()] * 7
        self.length = list(cols[0])
        self.words = list(cols[1])
        self.density = list(cols[2])
        self.ends = list(cols[3])
        self.link_like = list(cols[4])
        self.label = list(cols[5])
        self.score = list(cols[6])

    def _label(
        self,
        k: int,
        length: int,
        words: int,
        density: float,
        ends_sentence: bool,
        link_like: bool,
        bad: bool,
    ) -> tuple[int, int, float, bool, bool, Label, float]:
        """Class and score of block ``k`` (jusText-like, see the module docstring)."""
        label: Label
        if bad or (length < 100 and self.repeats[k] > 1):
            label = "bad"
        elif words >= 3 and density >= _NEAR_DENSITY and _BULLET.match(self.texts[k]):
            label = "near"
        elif length < _SHORT_LEN:
            label = "short"
        elif density >= _GOOD_DENSITY and length >= _GOOD_LEN:
            label = "good"
        elif density >= _NEAR_DENSITY:
            label = "near"
        else:
            label = "bad"
        if label == "good":
            if ends_sentence:
                score = float(length)
            elif self.texts[k].endswith(_EXCERPT):
                score = 0.0
            else:
                score = _NOEND_WEIGHT * length
        elif label == "near":
            score = _NEAR_WEIGHT * length if length >= _SHORT_LEN else 0.0
        elif label == "short":
            score = -_SHORT_PENALTY
        else:
            score = -_BAD_PENALTY - _BAD_WEIGHT * length
        return length, words, density, ends_sentence, link_like, label, score

    def features(self) -> tuple[BlockFeatures, ...]:
        return tuple(
            BlockFeatures(
                a,
                b,
                self.texts[k],
                self.length[k],
                self.words[k],
                self.density[k],
                self.ends[k],
                self.link_like[k],
                self.repeats[k],
                self.label[k],
                self.score[k],
            )
            for k, (a, b) in enumerate(self.spans)
        )


def score_blocks(lines: Sequence[str], language: str | None = None) -> tuple[BlockFeatures, ...]:
    """Group ``lines`` into blocks and classify and score each block.

    ``language`` is an ISO 639-1 code (``"en"``, ``"pt-BR"``); when it is ``None`` or
    unknown to wordfreq, it is guessed from the text.

    >>> blocks = score_blocks([
    ...     "Home",
    ...     "The council voted on Tuesday to close the old bridge, and the mayor said that"
    ...     " the work would start in the spring if the money is there.",
    ... ], language="en")
    >>> [(b.label, b.start, b.end) for b in blocks]
    [('short', 0, 1), ('good', 1, 2)]
    """
    return _Page(lines, language).features()


# ---------------------------------------------------------------- selection
def _run_scores(scores: Sequence[float]) -> list[float]:
    """Block scores, with runs of non-content blocks (menus, link lists) costing more."""
    out: list[float] = []
    run = 0
    for sc in scores:
        if sc < 0:
            run += 1
            out.append(sc * (1.0 + _RUN_GROWTH * min(run - 1, _RUN_CAP)))
        else:
            run = 0
            out.append(sc)
    return out


def _best_stretch(scores: Sequence[float], head: int = -1) -> tuple[int, int, float]:
    """Maximum-sum contiguous run (Kadane): (first, last, sum).

    With a ``head`` block, a run may also start there with ``_HEAD_CREDIT`` instead of
    the head's own score (the credit is included in the returned sum).
    """
    best, best_s, best_e = float("-inf"), 0, -1
    cur, cur_s = 0.0, 0
    for i, sc in enumerate(scores):
        if i == head and cur + sc < _HEAD_CREDIT:
            cur, cur_s = _HEAD_CREDIT, i
        elif cur <= 0:
            cur, cur_s = sc, i
        else:
            cur += sc
        if cur > best:
            best, best_s, best_e = cur, cur_s, i
    return best_s, best_e, best


def _comment_zone(p: _Page, footers: set[int]) -> int:
    """Index of the block where a reader-comment section starts (p.n if none).

    A blog theme's post footer (``footers``) after the first 400 good characters starts
    it at once: what follows is comments and teasers, whatever they look like.
    """
    n = p.n
    line_meta = p.meta
    if True in line_meta:
        meta = [sum(line_meta[a:b]) if b - a > 1 else int(line_meta[a]) for a, b in p.spans]
    else:  # (most pages: no time-stamp or "Reply" line)
        meta = [0] * n
    prefix = list(accumulate(meta, initial=0))
    good = 0
    for i in range(n):
        if good >= _ZONE_MIN_GOOD and i in footers:
            return i
        if p.label[i] == "good":
            good += p.length[i]
            continue
        if good < _ZONE_MIN_GOOD or not (meta[i] or _is_comment_head(p, i)):
            continue
        later = prefix[min(n, i + 1 + _ZONE_WINDOW)] - prefix[i + 1] + max(meta[i] - 1, 0)
        if later >= _ZONE_META and (meta[i] != 1 or _meta_gap(p, meta, i) <= _ZONE_GAP):
            return i
    return n


def _meta_gap(p: _Page, meta: Sequence[int], i: int) -> int:
    """Characters of good text between block ``i`` and the next meta line below it.

    A comment's time-stamp is soon followed by the next one; an article's dateline is
    followed by the article.
    """
    gap = 0
    for j in range(i + 1, p.n):
        if meta[j]:
            break
        if p.label[j] == "good":
            gap += p.length[j]
            if gap > _ZONE_GAP:
                break
    return gap


def is_end_heading(text: str, words: int | None = None) -> bool:
    """A short line heading the related-posts or author box under an article ("Related
    posts", "More from Football", "Also on HuffPost:"); ``words``: its word count, if known.

    >>> is_end_heading("More from Jane Doe"), is_end_heading("The related posts were deleted.")
    (True, False)
    """
    if len(text) > 50:
        return False
    if not 0 < (len(_WORD.findall(text)) if words is None else words) <= 7:
        return False
    m = _END_HEAD.match(text)
    # "More from Jane Doe" is a heading; "More on this later." is a sentence.
    return m is not None and "." not in text[m.end() :].strip(" :»›>-–—.…")


def _post_footers(p: _Page) -> set[int]:
    """Blocks opening with a blog theme's post footer (see ``_POST_FOOTER``)."""
    lines: set[int] = set()
    for needle in _FOOTER_NEEDLES:
        i = p.text.find(needle)
        while i >= 0:
            lines.add(p.text.count("\n", 0, i))
            i = p.text.find(needle, i + len(needle))
    if not lines:
        return set()
    first = {a: k for k, (a, _) in enumerate(p.spans)}
    return {first[i] for i in lines if i in first and _POST_FOOTER.match(p.low[i])}


def is_comment_heading(text: str) -> bool:
    """ "12 Comments", "Leave a reply": where reader comments start on a page.

    >>> is_comment_heading("37 comments"), is_comment_heading("The council closed the comments.")
    (True, False)
    """
    return len(text) <= 80 and _COMMENT_HEAD.match(text) is not None


# A reader comment's sign-off on blog platforms (Movable Type, TypePad): "Posted by: Ann |
# May 3, 2007 1:11 PM", "Posted by: Ann at May 3, 2012 11:40 AM"; the colon sets it apart
# from the post's own "Posted by Ann at ...". A date follows the name.
_COMMENT_SIGN_OFF = re.compile(alternation("comment_sign_offs"), re.I)
_SIGN_OFF_LEN = 150  # characters of a sign-off line
_THREAD_MIN = 2  # sign-offs that make a comment thread
_THREAD_REACH = 30  # lines above the first sign-off searched for where the thread begins
_BOUNDARY_WORDS = 15  # a dated line above the first comment this short ends what precedes it


def _is_comment_sign_off(text: str) -> bool:
    m = _COMMENT_SIGN_OFF.match(text) if len(text) <= _SIGN_OFF_LEN else None
    return m is not None and first_date(text[m.end() :]) is not None


_CALL_TO_COMMENT = re.compile(rf"(?:{alternation('comment_calls')})\b", re.I)
# the count opens the heading ("4 Responses to ...", "{ 12 comments }") or closes it ("Comments (7)")
_COMMENT_COUNT = re.compile(r"^\W{0,2}\d|\(\d+\)\W{0,2}$")


def _counted_comment_heading(text: str) -> bool:
    """A comment heading that counts the comments or asks for one ("4 Responses to ...",
    "Comments (7)", "Leave a Reply"), not a bare word that may head a section or open a
    sentence ("Comment", "Response codes ...")."""
    return (
        is_comment_heading(text)
        and not text.rstrip().endswith(".")
        and (_COMMENT_COUNT.search(text) is not None or _CALL_TO_COMMENT.match(text) is not None)
    )


_PARAGRAPH_WORDS = 10  # words of a sentence-length line
# trafilatura writes an <li> as "- ..." and a <tr> as "| ... |": on a page laid out in lists or
# tables, menus and teasers are sentence-length too, so a list item or row is no paragraph.
NOT_PARAGRAPH = ("- ", "* ", "\u2022 ", "|")
_PARAGRAPH_WORD = regex.compile(r"\w+")  # (regex's \w: a word keeps its combining marks)


def is_paragraph(line: str) -> bool:
    """A sentence-length line of an extracted article that is no list item or table row.

    >>> is_paragraph("The council met on Monday and voted to raise the rates again."), is_paragraph(
    ...     "- Another story about the council and what it decided this week")
    (True, False)
    """
    return len(_PARAGRAPH_WORD.findall(line)) >= _PARAGRAPH_WORDS and not line.lstrip().startswith(
        NOT_PARAGRAPH
    )


_COMMENT_MARK_REACH = 20  # lines under a comment heading searched for a comment's marks


def _comments_follow(texts: Sequence[str], i: int) -> bool:
    """Is what follows the comment heading at ``i`` not the article going on? A subheading
    of the article that happens to read like one ("3 responses to the crisis") has a
    paragraph right under it and no comment's marks (a date, a sign-off, "Ann wrote:", a
    "Reply" link) in the lines below; comments, a form or the page's sidebar do not.

    >>> _comments_follow(["4 Responses", "Ann on May 3, 2012 at 9:01 am", "Great post!"], 0)
    True
    >>> _comments_follow(["3 responses to the crisis", "The council met on Monday. " * 30], 0)
    False
    """
    rest = [text for text in texts[i + 1 :] if text.strip()]
    if not rest or not is_paragraph(rest[0]):
        return True
    return any(
        _is_comment_sign_off(text)
        or _SAYS.search(text)
        or _REPLY_LINE.search(text)
        or (len(text) <= _SIGN_OFF_LEN and first_date(text) is not None)
        for text in rest[:_COMMENT_MARK_REACH]
    )


def comment_section_start(texts: Sequence[str]) -> int:
    """Index of the line where reader comments begin under an article extracted from HTML
    (comments the extractor took for the article's own), ``len(texts)`` if none.

    After 400 characters of text, the comments begin at a heading that counts them or asks
    for one ("4 Responses to ...", "Comments (7)", "Leave a Reply") with comments or a form
    under it (``_comments_follow``), or at a thread of
    comments each signed "Posted by: NAME | DATE" under its text, whichever comes first. The
    first signed comment begins under the nearest line above its sign-off that is a comment
    heading (the section then begins there) or a short dated line: the post's own sign-off
    ("Posted by Ann at ..."), a trackback's date; with no such line close above, the thread
    is left alone.

    >>> lines = ["A paragraph of the post that goes on for a while. " * 10,
    ...          "Posted by Ann Lee at May 3, 2012 9:01 AM", "Great post!",
    ...          "Posted by: Bob at May 3, 2012 11:40 AM", "I disagree.",
    ...          "Posted by: Cy | May 4, 2012 08:02 PM"]
    >>> comment_section_start(lines)
    2
    >>> comment_section_start(lines[:4])
    4
    >>> comment_section_start([lines[0], "2 Responses to “The post”", "Nice."])
    1
    """
    n = len(texts)
    heading = n
    seen = 0
    for i, text in enumerate(texts):
        if seen >= _ZONE_MIN_GOOD and _counted_comment_heading(text) and _comments_follow(texts, i):
            heading = i
            break
        seen += len(text)
    signs = [i for i, text in enumerate(texts[:heading]) if _is_comment_sign_off(text)]
    if len(signs) < _THREAD_MIN:
        return heading
    first = signs[0]
    for b in range(first - 1, max(-1, first - 1 - _THREAD_REACH), -1):
        text = texts[b]
        if is_comment_heading(text) or (
            len(_WORD.findall(text)) <= _BOUNDARY_WORDS and first_date(text) is not None
        ):
            start = b if is_comment_heading(text) else b + 1
            break
    else:
        return heading
    return start if sum(len(t) for t in texts[:start]) >= _ZONE_MIN_GOOD else heading


def _is_comment_head(p: _Page, i: int) -> bool:
    return is_comment_heading(p.texts[i])


def _is_title_block(p: _Page, k: int, title: set[str]) -> bool:
    """Block ``k`` starts with a line repeating most of the page title: a headline."""
    toks = p.toks[p.spans[k][0]]
    if not 3 <= len(toks) <= 2 * len(title) + 2:
        return False
    inside = sum(map(title.__contains__, toks))
    return inside >= _TITLE_SHARE * len(toks) and 2 * len(title.intersection(toks)) >= len(title)


def _title_heads(p: _Page, zone: int, start: int = 1) -> Iterable[int]:
    """Blocks in ``start:zone`` whose first line repeats most of the page title (first line).

    A line that recurs more than twice outside the title is the site's name part of the
    title ("... - The Craft Corner", in menus and footers), not a headline.
    """
    if p.spans[0] != (0, 1):
        return
    title = set(p.toks[0])
    if len(title) < 3:
        return
    head = p.low[0]
    toks, spans, most = p.toks, p.spans, 2 * len(title) + 2
    for k in range(max(start, 1), zone):
        # (_is_title_block's word-count test first: no call for most blocks)
        if 3 <= len(toks[spans[k][0]]) <= most and _is_title_block(p, k, title):
            name = p.low[p.spans[k][0]]
            limit = head.count(name) + 2
            if _count_upto(p.text, name, limit) <= limit:
                yield k


def _short_post(p: _Page, zone: int) -> tuple[int, int] | None:
    """On a page with no real paragraph: the headline and the short post below it.

    Each block repeating the page title is a candidate headline, unless its line recurs
    more than twice outside the title (the site's name); the post runs on from it until
    three non-content blocks in a row, a comment heading or a related-posts heading ("0
    Comments", "Related posts").  The candidate followed by the most words (at least
    eight) wins, the later one on a tie; None when there is none.  A post that ends at
    such a heading ends the search: a headline repeated under a post's comments is a
    teaser of it ("Recent posts"), however many teasers follow.
    """
    best: tuple[int, int, int] | None = None
    walked = k = 0
    for _ in range(_POST_CANDIDATES):
        # the next headline below the last post: one that a post walked over is not
        # looked at (its recurrence count scans the page: keep this linear)
        k = next(iter(_title_heads(p, zone, max(k + 1, walked))), -1)
        if k < 0:
            break
        words, run, last, closed = 0, 0, k, False
        j = k + 1
        while j < zone and run < _POST_RUN:
            text = p.texts[j]
            if len(text) <= 80 and (is_comment_heading(text) or is_end_heading(text, p.words[j])):
                closed = True  # the post's comments or a box of related posts under it
                break
            if (p.words[j] >= 3 and p.score[j] >= 0) or (p.words[j] >= 5 and not p.link_like[j]):
                words += p.words[j]
                run = 0
                last = j
            else:
                run += 1
            j += 1
        walked = j
        if words >= _POST_MIN_WORDS and (best is None or words >= best[0]):
            best = (words, k, last)
        if closed and best is not None and best[1] == k:
            break  # headlines below a post's comment heading are teasers, not posts
    return None if best is None else (best[1], best[2])


def _flags(p: _Page, keep: Sequence[bool], n_lines: int) -> tuple[bool, ...]:
    """Line flags from block flags; every line is kept when few blocks would go."""
    dropped = p.n - sum(keep)
    if dropped <= _KEEP_ALL_DROPS or dropped <= _KEEP_ALL_SHARE * p.n:
        return (True,) * n_lines
    flags = [False] * n_lines
    for (a, b), k in zip(p.spans, keep, strict=True):
        if k:
            flags[a:b] = [True] * (b - a)
    return tuple(flags)


def _headline_anchor(p: _Page, title: str, s: int) -> int:
    """Block above ``s`` that repeats the page title (first line), or -1."""
    title_toks = set(_WORD.findall(title.lower()))
    for j in range(s - 1, max(0, s - _TITLE_WINDOW), -1):
        if p.words[j] < 3:
            continue
        toks = _WORD.findall(p.texts[j].lower())
        if sum(map(title_toks.__contains__, toks)) >= _TITLE_SHARE * len(toks):
            return j
    return -1


def _trailing_list(p: _Page, e: int) -> int:
    """Extend the stretch over a bulleted list right after it ("References:", "Sources:").

    Items must start with a bullet, carry three or more words and not look like links;
    one short heading line ending with ":" may precede them; two items are needed.
    """
    j = e + 1
    if j < p.n and p.words[j] <= 4 and p.texts[j].endswith(":"):
        j += 1
    items = 0
    while j < p.n and p.words[j] >= 3 and not p.link_like[j] and _BULLET.match(p.texts[j]):
        items += 1
        j += 1
    return j - 1 if items >= 2 else e


def _select(lines: Sequence[str], language: str | None) -> tuple[bool, ...]:
    n_lines = len(lines)
    p = _Page(lines, language)
    n = p.n
    scores = _run_scores(p.score)
    footers = _post_footers(p)
    zone = _comment_zone(p, footers)
    for i in range(zone, n):
        if scores[i] > 0:
            scores[i] *= _ZONE_DISCOUNT
    for i, text in enumerate(p.texts):
        if len(text) <= 50 and is_end_heading(text, p.words[i]):  # the length test first: no call
            scores[i] = min(scores[i], -_END_PENALTY)
            if _AUTHOR_HEAD.match(p.texts[i]):
                # the paragraph under "About the author" is the bio, whatever its words
                for j in range(i + 1, min(n, i + 4)):
                    if p.label[j] == "good":
                        scores[j] = -scores[j]
                        break
    s, e, mass = _best_stretch(scores)
    # The first headline (a line repeating the page title) gives a stretch opening under
    # it a head start: a short post beats a longer sidebar or footer further down.  It is
    # taken only when it holds content of its own (positive mass without the credit).
    head = next(iter(_title_heads(p, zone)), -1)
    if head >= 0:
        hs, he, hmass = _best_stretch(scores, head)
        if hs == head and hmass > _HEAD_CREDIT:
            s, e, mass = hs + 1, he, max(hmass - _HEAD_CREDIT, _WEAK_MASS + 1)
            while s < e and p.score[s] < 0:
                s += 1
    if e < s or mass <= _WEAK_MASS:
        post = _short_post(p, zone)
        if post is None:
            return (True,) * n_lines
        return _flags(p, [post[0] <= i <= post[1] for i in range(n)], n_lines)
    good = 0
    for i in range(s, e + 1):
        if good >= _ZONE_MIN_GOOD and i in footers:  # the footer itself goes too
            e = i - 1
            break
        if p.label[i] == "good":
            good += p.length[i]
        elif good >= _ZONE_MIN_GOOD and _is_comment_head(p, i):
            e = i - 1
            break
    while e > s and p.score[e] < 0:
        e -= 1
    e = _trailing_list(p, e)
    keep = [s <= i <= e for i in range(n)]
    anchor = _headline_anchor(p, lines[0], s)
    if anchor >= 0:
        keep[anchor] = True
        for j in range(anchor + 1, s):
            keep[j] = p.words[j] >= 3 and not p.link_like[j]
    else:
        j = s - 1
        while j >= max(0, s - _BACK_BLOCKS):
            if p.words[j] < 3 or p.link_like[j] or p.repeats[j] > 1:
                break
            keep[j] = True
            j -= 1
    _drop_copies(p, keep)
    return _flags(p, keep, n_lines)


def _drop_copies(p: _Page, keep: list[bool]) -> None:
    """Drop a run of kept blocks that repeats earlier kept blocks word for word.

    An article does not print its own paragraphs twice; a page template that prints the
    article twice (a print copy, a hidden tab) does.  The run must hold a paragraph
    ("good" block): a list or a caption may be printed twice on purpose.
    """
    if not any(compress(map((1).__lt__, p.repeats), keep)):
        return  # (most pages: no kept block occurs twice on the page)
    seen: set[bytes] = set()
    run: list[int] = []
    for k in range(p.n + 1):
        if k < p.n and not keep[k]:
            continue
        key = p.keys[k] if k < p.n else None
        if key is not None and p.repeats[k] > 1 and key in seen:
            run.append(k)
            continue
        if run and any(p.label[j] == "good" for j in run):
            for j in run:
                keep[j] = False
        run = []
        if key is not None:
            seen.add(key)


def select_main_content(lines: Sequence[str], language: str | None = None) -> tuple[bool, ...]:
    """Return one keep flag per line: ``True`` for the article, ``False`` for page chrome.

    ``lines`` are whitespace-normalised, stripped and non-empty (one per flattened
    block of the page).  ``language`` is an optional ISO 639-1 code; it is guessed
    when missing.  Clean articles come back untouched; the function never raises,
    is deterministic and runs in linear time.  See the module docstring for the
    cascade.

    >>> page = ["Home", "World", "Sports", "Weather", "Contact us"] * 3 + [
    ...     "Bridge to close for repairs",
    ...     "The council voted on Tuesday to close the old bridge for a year, and the mayor"
    ...     " said that the work would start in the spring.",
    ...     "Residents who use the bridge every day said they were worried about the"
    ...     " long detour, but most of them agreed that the repairs were needed.",
    ... ] + ["Privacy policy", "Terms of use", "Advertise", "Jobs", "Site map"] * 3
    >>> flags = select_main_content(page, language="en")
    >>> [line[:27] for line, keep in zip(page, flags) if keep]
    ['Bridge to close for repairs', 'The council voted on Tuesda', 'Residents who use the bridg']
    >>> select_main_content(["A headline", "One paragraph of text.", "Another one."])
    (True, True, True)
    """
    n = len(lines)
    if n <= 3:
        return (True,) * n
    try:
        return _select(lines, language)
    except Exception:  # pragma: no cover - defensive: never lose the article to a bug
        return (True,) * n
