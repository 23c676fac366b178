"""Find the article inside a flattened full-page text dump.

Scrapers often flatten a whole page (navigation, teasers, related links, footers,
comments, cookie banners) with ``html_text``, ``inscriptis``, BeautifulSoup
``get_text()`` or ``innerText``.  :func:`select_main_content` returns one keep flag
per line so that only the article (headline, byline, body, subheadings, lists,
quotes) survives.  It uses only what the text still carries; no model is
downloaded and no network is used.

The cascade
-----------
1. **Language.**  Stopwords are wordfreq's most frequent words of the language
   (``top_n_list(lang, 120, wordlist="small")``).  When ``language`` is not given,
   or wordfreq does not know it, the language is guessed from the share of the
   page's long-line tokens covered by each language's stopword set.  Lines made of
   CJK characters, and pages in no known language, fall back to sentence
   punctuation instead of stopword density.
2. **Blocks.**  ``get_text("\\n")``-style flatteners put every link or ``<em>`` on
   its own line, cutting paragraphs into fragments.  Consecutive lines are
   re-joined into one block when the first does not end a sentence and the second
   plainly continues it (starts in lower case or with punctuation, or the first
   ends with a comma, dash or a stopword).  Comment meta lines (times, "Reply")
   are never joined.
3. **Block classes** (jusText-like, generalised past English): *bad* = link-like
   (URLs, ``a | b | c`` separators), copyright lines, short lines repeated on the
   page, short lines carrying a clock time, and stopword-poor text; *short* = under
   40 characters; *good* = at least 100 characters with stopword density >= 0.30;
   *near* = stopword density >= 0.20 (and bulleted list items with real words).
4. **Scores.**  A good block scores its length, a near block 0.3 x its length;
   short and bad blocks cost a penalty that grows along a run of consecutive
   non-content blocks, so a menu of twenty items costs far more than a lone
   "Advertisement" line inside the article.
5. **Comment section.**  Reader comments (Dragnet-style gold leaves them out) look
   like article text.  The comment zone starts at the first comment heading
   ("37 comments", "Leave a reply", "Kommentare" ...) or time-stamped meta line
   that comes after at least 400 characters of good text and is followed by two
   more meta lines; positive scores inside the zone are scaled by 0.1.
6. **Densest stretch.**  The article is taken to be one contiguous stretch: the
   maximum-sum run of block scores (Kadane, linear time).  Short lines inside it
   (subheadings, list items, quotes, photo credits) are kept.  The stretch is cut
   at a comment heading inside it, and trailing negative blocks are trimmed.
7. **Headline.**  If the first line is the page ``<title>`` and a line within 40
   blocks above the stretch repeats it, that line and the header lines between it
   and the stretch (byline, date; not single-word menu items or links) are kept.
   Otherwise up to three plausible header blocks directly above are kept.
8. **Do no harm.**  Inputs of at most three lines are kept whole.  When the best
   stretch is weak (score <= 200, i.e. no real paragraph anywhere), when at most
   10 blocks or 20% of the blocks would be dropped (an already clean article), or
   when anything unexpected happens, every line is kept: leaving junk in is
   cheaper than cutting content.

Everything runs in time linear in the input size and holds no mutable state at
module level (only read-only, lru-cached stopword sets).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

__all__ = ["BlockFeatures", "Label", "score_blocks", "select_main_content"]

Label = Literal["good", "near", "short", "bad"]

# ---------------------------------------------------------------- tuned constants
_STOPWORDS_N = 120  # wordfreq top-N words used as a language's stopwords
_GOOD_DENSITY = 0.30  # stopword density of a body paragraph
_GOOD_LEN = 100  # characters (CJK characters count 3)
_NEAR_DENSITY = 0.20
_SHORT_LEN = 40
_NEAR_WEIGHT = 0.3  # near blocks add this share of their length
_SHORT_PENALTY = 20.0
_BAD_PENALTY = 20.0
_BAD_WEIGHT = 0.3  # ... plus this share of their length
_RUN_GROWTH = 0.5  # the k-th junk block in a row costs (1 + 0.5 * min(k - 1, 10)) times more
_RUN_CAP = 10
_WEAK_MASS = 200.0  # best stretch scoring at most this: no article found, keep all
_ZONE_MIN_GOOD = 400  # good characters needed before a comment zone can start
_ZONE_WINDOW = 40  # blocks searched for confirming comment meta lines
_ZONE_META = 2  # ... and how many are needed
_ZONE_DISCOUNT = 0.1
_TITLE_WINDOW = 40  # blocks searched above the stretch for the headline
_TITLE_SHARE = 0.8  # share of a line's tokens that must occur in the <title>
_BACK_BLOCKS = 3  # header blocks kept above the stretch when no title matches
_KEEP_ALL_DROPS = 10  # dropping at most this many blocks ...
_KEEP_ALL_SHARE = 0.2  # ... or this share of them means the input was clean already
_LANG_MIN_SHARE = 0.08  # stopword coverage needed to accept a guessed language

# ---------------------------------------------------------------- patterns
_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_SENT_END = re.compile(r"[.!?。！？…;:][\"'”’»)\]]*$")
_URLISH = re.compile(r"https?://|www\.|\.(?:com|org|net|html?|php)\b|@\w+\.", re.I)
_SEP = re.compile(r"\s[|•·»›/\\]\s|\s[-–—]\s")
_TIME = re.compile(
    r"\b\d{1,2}[:.h]\d{2}\s*(?:[ap]\.?m\b|uhr\b|utc\b|gmt\b|[ecmp][sd]t\b)|\b\d{1,2}:\d{2}\b",
    re.I,
)
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved", re.I)
_BULLET = re.compile(r"^(?:[-–—*•·▪►✓]|\d{1,2}[.)]|[a-z][.)])\s")
_COMMENT_HEAD = re.compile(
    r"^[{(\[]?\s*(?:\d+\s+)?(?:reader\s+|all\s+|recent\s+|user\s+)?"
    r"(?:comments?|responses?|replies|kommentare?|commentaires?|comentarios?|comentários"
    r"|commenti|reacties|komentarze?|комментари\w*|评论|コメント|댓글|yorumlar)\b"
    r"|^(?:leave|post|add|write|submit|join)\s+(?:a\s+|your\s+|new\s+|the\s+)?"
    r"(?:comment|reply|response|discussion)"
    r"|^\d+\s+thoughts\s+on\b|^discuss\s+this\b",
    re.I,
)
_REPLY = re.compile(
    r"^\W*(?:reply|report|like|antworten|répondre|responder|rispondi|ответить)\W*$"
    r"|\breply\b.{0,20}$"
    r"|\b(?:writes|wrote|says|said|schreibt|escribió|scrive|пишет)\s*:\s*$",
    re.I,
)
_JOIN_END = re.compile(r"[,(\[/\-–—&+]$")
_JOIN_START = re.compile(r"^[a-z,.;:)\]!?'’”%]")


# ---------------------------------------------------------------- stopwords
# lru_cache on pure functions of an immutable argument returning immutable values:
# a read-only memo (the word lists ship inside wordfreq's wheel), not shared state.
@lru_cache(maxsize=64)
def _stopwords(lang: str) -> frozenset[str]:
    try:
        from wordfreq import top_n_list

        words = top_n_list(lang, _STOPWORDS_N, wordlist="small")
    except Exception:  # unknown language or wordfreq data missing
        return frozenset()
    return frozenset(w for w in words if not w.isdigit())


@lru_cache(maxsize=1)
def _stopword_index() -> dict[str, tuple[str, ...]]:
    try:
        from wordfreq import available_languages

        langs = sorted(available_languages("small"))
    except Exception:
        return {}
    index: dict[str, list[str]] = {}
    for lang in langs:
        for w in _stopwords(lang):
            index.setdefault(w, []).append(lang)
    return {w: tuple(v) for w, v in index.items()}


def _guess_language(lines: Sequence[str]) -> str | None:
    """The wordfreq language whose stopwords cover most tokens of the long lines."""
    counts: Counter[str] = Counter()
    total = 0
    for ln in lines:
        toks = _WORD.findall(ln)
        if len(toks) >= 6:
            counts.update(t.lower() for t in toks)
            total += len(toks)
            if total > 5000:
                break
    if total < 20:
        return None
    index = _stopword_index()
    cover: Counter[str] = Counter()
    for tok, c in counts.items():
        for lang in index.get(tok, ()):
            cover[lang] += c
    if not cover:
        return None
    lang, hits = max(cover.items(), key=lambda kv: (kv[1], kv[0]))
    return lang if hits >= _LANG_MIN_SHARE * total else None


def _stopwords_for(lines: Sequence[str], language: str | None) -> frozenset[str]:
    if language:
        stops = _stopwords(re.split(r"[-_]", language.strip(), maxsplit=1)[0].lower())
        if stops:
            return stops
    guessed = _guess_language(lines)
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


def _is_meta(line: str) -> bool:
    """A comment/byline meta line: a clock time, "Reply", "X writes:"."""
    return len(line) < 120 and bool(_TIME.search(line) or _REPLY.search(line))


def _is_comment_head(line: str) -> bool:
    return len(line) <= 80 and bool(_COMMENT_HEAD.search(line))


def _group(
    lines: Sequence[str], meta: Sequence[bool], stops: frozenset[str]
) -> list[tuple[int, int]]:
    """Spans of lines to re-join: inline fragments that a flattener split apart."""
    spans: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(lines) + 1):
        if i < len(lines):
            prev, nxt = lines[i - 1], lines[i]
            if (
                not _SENT_END.search(prev)
                and len(prev) + len(nxt) < 2000
                and not meta[i - 1]
                and not meta[i]
            ):
                last = prev.rsplit(" ", 1)[-1].lower()
                first = nxt.split(" ", 1)[0]
                if (
                    _JOIN_START.search(nxt)
                    or _JOIN_END.search(prev)
                    or (last in stops and len(prev) > 30)
                    or (first.islower() and first in stops)
                ):
                    continue
        spans.append((start, i))
        start = i
    return spans


def _classify(
    text: str, start: int, end: int, repeats: int, stops: frozenset[str]
) -> BlockFeatures:
    cjk = len(_CJK.findall(text))
    length = len(text) + 2 * cjk
    toks = _WORD.findall(text)
    words = len(toks)
    density = sum(1 for t in toks if t.lower() in stops) / words if words and stops else 0.0
    ends = bool(_SENT_END.search(text))
    seps = len(_SEP.findall(text))
    link_like = (bool(_URLISH.search(text)) and length < 120) or (seps >= 3 and words < 6 * seps)
    if cjk * 2 >= len(text):  # no word boundaries: sentence punctuation stands in
        density = 0.35 if ends or "，" in text or "、" in text else 0.1
    elif not stops:
        density = 0.35 if ends else 0.15
    label: Label
    if (
        link_like
        or _COPYRIGHT.search(text)
        or (repeats > 1 and length < 100)
        or (length < 120 and _TIME.search(text))
    ):
        label = "bad"
    elif _BULLET.match(text) and words >= 3 and density >= _NEAR_DENSITY:
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
        score = float(length)
    elif label == "near":
        score = _NEAR_WEIGHT * length if length >= _SHORT_LEN else 0.0
    elif label == "short":
        score = -_SHORT_PENALTY
    else:
        score = -_BAD_PENALTY - _BAD_WEIGHT * length
    return BlockFeatures(
        start, end, text, length, words, density, ends, link_like, repeats, label, score
    )


def _score_blocks(
    lines: Sequence[str], meta: Sequence[bool], stops: frozenset[str]
) -> tuple[BlockFeatures, ...]:
    spans = _group(lines, meta, stops)
    texts = [" ".join(lines[a:b]) for a, b in spans]
    # Whitespace is left out of the repetition key: a later glue repair must not turn two
    # "different" lines into repeats (that would make cleaning twice cut more).
    keys = ["".join(t.casefold().split()) for t in texts]
    counts = Counter(keys)
    return tuple(
        _classify(t, a, b, counts[k], stops)
        for t, k, (a, b) in zip(texts, keys, spans, strict=True)
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
    meta = [_is_meta(ln) for ln in lines]
    return _score_blocks(lines, meta, _stopwords_for(lines, language))


# ---------------------------------------------------------------- selection
def _run_scores(feats: Sequence[BlockFeatures]) -> list[float]:
    """Block scores, with runs of non-content blocks (menus, link lists) costing more."""
    out: list[float] = []
    run = 0
    for f in feats:
        if f.score < 0:
            run += 1
            out.append(f.score * (1.0 + _RUN_GROWTH * min(run - 1, _RUN_CAP)))
        else:
            run = 0
            out.append(f.score)
    return out


def _best_stretch(scores: Sequence[float]) -> tuple[int, int, float]:
    """Maximum-sum contiguous run (Kadane): (first, last, sum)."""
    best, best_s, best_e = float("-inf"), 0, -1
    cur, cur_s = 0.0, 0
    for i, sc in enumerate(scores):
        if cur <= 0:
            cur, cur_s = sc, i
        else:
            cur += sc
        if cur > best:
            best, best_s, best_e = cur, cur_s, i
    return best_s, best_e, best


def _comment_zone(feats: Sequence[BlockFeatures], line_meta: Sequence[bool]) -> int:
    """Index of the block where a reader-comment section starts (len(feats) if none)."""
    n = len(feats)
    meta = [sum(line_meta[f.start : f.end]) for f in feats]
    prefix = [0]
    for m in meta:
        prefix.append(prefix[-1] + m)
    good = 0
    for i, f in enumerate(feats):
        if f.label == "good":
            good += f.length
            continue
        if good < _ZONE_MIN_GOOD or not (meta[i] or _is_comment_head(f.text)):
            continue
        later = prefix[min(n, i + 1 + _ZONE_WINDOW)] - prefix[i + 1] + max(meta[i] - 1, 0)
        if later >= _ZONE_META:
            return i
    return n


def _headline_anchor(feats: Sequence[BlockFeatures], title: str, s: int) -> int:
    """Block above ``s`` that repeats the page title (first line), or -1."""
    title_toks = set(_WORD.findall(title.lower()))
    for j in range(s - 1, max(0, s - _TITLE_WINDOW), -1):
        toks = _WORD.findall(feats[j].text.lower())
        if len(toks) >= 3 and sum(t in title_toks for t in toks) >= _TITLE_SHARE * len(toks):
            return j
    return -1


def _select(lines: Sequence[str], language: str | None) -> tuple[bool, ...]:
    n_lines = len(lines)
    line_meta = [_is_meta(ln) for ln in lines]
    feats = _score_blocks(lines, line_meta, _stopwords_for(lines, language))
    n = len(feats)
    scores = _run_scores(feats)
    zone = _comment_zone(feats, line_meta)
    for i in range(zone, n):
        if scores[i] > 0:
            scores[i] *= _ZONE_DISCOUNT
    s, e, mass = _best_stretch(scores)
    if e < s or mass <= _WEAK_MASS:
        return (True,) * n_lines
    good = 0
    for i in range(s, e + 1):
        if feats[i].label == "good":
            good += feats[i].length
        elif good >= _ZONE_MIN_GOOD and _is_comment_head(feats[i].text):
            e = i - 1
            break
    while e > s and feats[e].score < 0:
        e -= 1
    keep = [s <= i <= e for i in range(n)]
    anchor = _headline_anchor(feats, lines[0], s)
    if anchor >= 0:
        keep[anchor] = True
        for j in range(anchor + 1, s):
            keep[j] = feats[j].words >= 3 and not feats[j].link_like
    else:
        j = s - 1
        while j >= max(0, s - _BACK_BLOCKS):
            f = feats[j]
            if f.words < 3 or f.link_like or f.repeats > 1:
                break
            keep[j] = True
            j -= 1
    dropped = n - sum(keep)
    if dropped <= _KEEP_ALL_DROPS or dropped <= _KEEP_ALL_SHARE * n:
        return (True,) * n_lines
    flags = [False] * n_lines
    for f, k in zip(feats, keep, strict=True):
        if k:
            flags[f.start : f.end] = [True] * (f.end - f.start)
    return tuple(flags)


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
