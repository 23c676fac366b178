"""The runner: call the stages in order and record what each one cut or mended.

The cascade, one module per stage:

0. ``_decode``     bytes to text (the decoding is a repair); binary is refused;
                   HTML goes through ``_html`` (trafilatura) first.
1. ``_normalize``  ftfy on suspicious lines, invisible and control characters,
                   NBSP and whitespace; keeps an offset map back to the input.
2. ``_segment``    lines, grouped in paragraphs by blank lines.
3. ``_content``    the article's stretch in a full-page dump, judged on the page as
                   scraped (mostly clean text is kept whole); on an article extracted
                   from HTML, only the reader comments and related links under it.
4. ``_rules``      boilerplate phrase lists and shapes, per language (data files).
5. ``_glue``       whitespace put back between glued words in the lines kept, in their
                   language, so metadata and language see repaired words (and a second
                   run finds none). On HTML only when the text is dense with glue: there
                   the words are spaced as the page shows them (so ``clean`` of an HTML
                   page's body, as text, may still split a word the page ran together).
6. ``_metadata``   title, subtitle, date, author, source; header lines leave the body.
7. ``_language``   ISO 639-1 code of the body from a bounded sample.

Stages never build :class:`~newsclean.Removal` or :class:`~newsclean.Repair`
themselves: they return cuts (spans of the normalised text with a rule id) or
splits, and only this runner turns them into records with input offsets, so
nothing leaves the body without a record. A cut whose rule the options disable
is dropped here, in one place.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import compress
from operator import itemgetter, not_

from ._content import comment_section_start, is_paragraph, select_main_content
from ._decode import Decoded, decode_bytes, looks_like_html
from ._document import Document, Removal, Repair
from ._glue import dense_with_glue, find_glue_splits
from ._html import extract_html, related_box_start
from ._language import detect_language, spaced_scripts_only
from ._metadata import HEADER_WINDOW, extract_metadata, header_cuts
from ._normalize import Normalized, normalize, without_surrogates
from ._offsets import Edit, EditList
from ._options import Options
from ._rules import Cut, apply_rules
from ._segment import Line, join_lines, joined_starts, segment_lines

_START = itemgetter(0)  # Line.start and Line.end without a Python call per line
_END = itemgetter(1)
_TEXT = itemgetter(2)


@dataclass(frozen=True, slots=True)
class _Trail:
    """Removals and repairs collected while the stages run."""

    removed: list[Removal]
    repairs: list[Repair]


def subtract(lines: Sequence[Line], cuts: Iterable[Cut]) -> tuple[Line, ...]:
    """The lines with the cut spans taken out; a line cut in the middle keeps both pieces.

    ``lines`` are in text order and do not overlap (as ``segment_lines`` gives them).

    >>> from newsclean._segment import segment_lines
    >>> ls = segment_lines("keep this\\n\\ndrop\\n\\ndate 2024 tail")
    >>> [ln.text for ln in subtract(ls, [Cut(11, 15, "r"), Cut(17, 26, "r")])]
    ['keep this', 'tail']
    """
    spans = _union(sorted((c.start, c.end) for c in cuts))
    if not spans:
        return tuple(lines)
    # Span by span, not line by line: the lines between spans are kept and the lines
    # inside one are dropped as slices; only a line a span cuts into is looked at.
    starts = list(map(_START, lines))
    ends = list(map(_END, lines))
    span_ends = [e for _, e in spans]
    out: list[Line] = []
    i = 0  # the first line not yet kept or dropped
    for s, e in spans:
        a = bisect_right(ends, s)  # lines before this one end before the span
        if a > i:
            out.extend(lines[i:a])
            i = a
        b = bisect_left(starts, e)  # lines from this one start after it
        for k in range(i, b):
            if s <= starts[k] and ends[k] <= e:
                continue  # inside the span
            ln = lines[k]
            pos = ln.start
            j = bisect_right(span_ends, pos)
            while j < len(spans) and spans[j][0] < ln.end:
                cs, ce = spans[j]
                if cs > pos:
                    piece = ln.trimmed(pos, cs)
                    if piece.text:
                        out.append(piece)
                pos = max(pos, ce)
                j += 1
            if pos < ln.end:
                piece = ln.trimmed(pos, ln.end) if pos > ln.start else ln
                if piece.text:
                    out.append(piece)
        i = max(i, b)
    out.extend(lines[i:])
    return tuple(out)


def _union(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with the overlapping and touching ones merged (an empty span left
    alone splits a line in two, as it did before: a cut of nothing between two halves).

    >>> _union([(0, 4), (2, 6), (6, 8), (10, 10), (12, 14)])
    [(0, 8), (10, 10), (12, 14)]
    """
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _runs(cuts: Sequence[Cut], text: str) -> list[tuple[int, int, str]]:
    """The cuts as (start, end, rule) spans, a run of one rule's cuts with nothing but
    whitespace between them joined into one: a menu's lines, or 100,000 copies of a junk
    line, are one record (the same characters, and far fewer records to keep).

    >>> _runs([Cut(0, 4, "nav"), Cut(5, 10, "nav"), Cut(12, 15, "ad")], "Home\\nWorld\\n\\nAd!")
    [(0, 10, 'nav'), (12, 15, 'ad')]
    """
    out: list[tuple[int, int, str]] = []
    for c in sorted(cuts, key=lambda c: (c.start, c.end)):
        if out:
            start, end, rule = out[-1]
            if rule == c.rule and c.start >= end and not text[end : c.start].strip():
                out[-1] = (start, max(end, c.end), rule)
                continue
        out.append((c.start, c.end, c.rule))
    return out


def _language(text: str, options: Options, hints: Mapping[str, str | None]) -> str | None:
    """``options.language``, else the language detected in ``text``, else the one the page
    declares (``hints``: an HTML page's ``lang``; templates often declare one language for
    every page, so the text is asked first)."""
    if options.language:
        return options.language
    if not options.detect_language:  # no language, no dictionary: glue leaves words alone
        return None
    return detect_language(text, options.language_detector) or hints.get("language")


def _judge(
    kept_text: str, options: Options, hints: Mapping[str, str | None]
) -> tuple[str, str | None]:
    """The text the language of the kept lines is judged on, and that language. Only
    scripts written with spaces count (glue touches nothing else), so a Chinese comment
    form does not hide an English article."""
    spaced = spaced_scripts_only(kept_text[:20_000])
    return spaced, _language(spaced, options, hints)


def _content_cuts(text: str, lines: Sequence[Line], language: str | None) -> list[Cut]:
    """One cut per run of dropped lines that nothing else has cut into."""
    flags = select_main_content(list(map(_TEXT, lines)), language)
    cuts: list[Cut] = []
    first = last = -1  # the run of dropped lines so far
    for k in compress(range(len(lines)), map(not_, flags)):  # the dropped lines
        if last >= 0 and (k > last + 1 or text[lines[last].end : lines[k].start].strip()):
            cuts.append(Cut(lines[first].start, lines[last].end, "content.boilerplate"))
            last = -1
        if last < 0:
            first = k
        last = k
    if last >= 0:
        cuts.append(Cut(lines[first].start, lines[last].end, "content.boilerplate"))
    return cuts


def _cut_prose(page: Sequence[Line], content_cuts: Sequence[Cut]) -> bool:
    """Is a paragraph among the lines of ``page`` that the content stage cut?"""
    starts = [c.start for c in content_cuts]
    for ln in page:
        at = bisect_right(starts, ln.start) - 1
        if at >= 0 and ln.end <= content_cuts[at].end and is_paragraph(ln.text):
            return True
    return False


def run_text(
    text: str,
    options: Options,
    *,
    url: str | None = None,
    first_repairs: Sequence[Repair] = (),
    hints: dict[str, str | None] | None = None,
    select_content: bool = True,
    glue_if_dense: bool = False,
) -> Document:
    """Run every text stage over ``text``; offsets in the result refer to ``text``.

    ``glue_if_dense``: repair glued words only when the kept text is dense with them.
    """
    hints = hints or {}
    norm = normalize(text, None if not options.disable else options.is_enabled)
    trail = _Trail([], list(first_repairs))
    for r in norm.repairs:
        if options.is_enabled(r.rule):
            trail.repairs.append(Repair("normalize", r.rule, r.before, r.after, r.start, r.end))

    def record(stage: str, cuts: Iterable[Cut]) -> list[Cut]:
        enabled: dict[str, bool] = {}  # asked once per rule, not once per cut

        def on(rule: str) -> bool:
            ok = enabled.get(rule)
            if ok is None:
                ok = enabled[rule] = options.is_enabled(rule)
            return ok

        applied = [c for c in cuts if c.end > c.start and on(c.rule)]
        for start, end, rule in _runs(applied, norm.text):
            text = norm.text[start:end]
            start, end = norm.offsets.to_input(start), norm.offsets.to_input(end, is_end=True)
            trail.removed.append(Removal(stage, rule, text, start, end))
        return applied

    page = segment_lines(norm.text)
    # Main content first: it judges the page as the scraper saw it (menus, banners and all),
    # then the phrase rules clean what it kept.
    lines: tuple[Line, ...] = page
    earlier: list[Cut] = []
    preceding: tuple[Line, ...] = ()
    if options.main_content and not select_content and lines:
        # An extracted article (HTML) can still carry the reader comments and a box of
        # related links under it.
        for find, rule in (
            (comment_section_start, "content.comments"),
            (related_box_start, "content.related"),
        ):
            at = find([ln.text for ln in lines])
            if at < len(lines):
                cut = record("content", [Cut(lines[at].start, lines[-1].end, rule)])
                earlier += cut
                lines = subtract(lines, cut)
            if not lines:
                break
    before_content = len(trail.removed)
    if options.main_content and select_content and lines:
        earlier = record("content", _content_cuts(norm.text, lines, options.language))
        lines = subtract(lines, earlier)
        if lines:
            # the article's header is often cut with the page chrome: metadata looks here
            # (the page's lines ending before the first kept one are a prefix of it)
            above = bisect_right(page, lines[0].start, key=_END)
            preceding = page[max(0, above - HEADER_WINDOW) : above]
    ruled = apply_rules(lines, options.ruleset, norm.text)
    rule_cuts = record("rules", ruled.cuts)
    lines = subtract(lines, rule_cuts)
    if (
        select_content
        and earlier
        and rule_cuts
        and not any(map(is_paragraph, map(_TEXT, lines)))  # (stops at the first paragraph)
        and _cut_prose(page, earlier)
    ):
        # The stretch the content stage kept was chrome the rules then cut (a comment-form
        # notice): no paragraph is left, and one went with the rest of the page.  Better
        # the page with its junk than no article: redo without the content stage (only
        # such pages pay for it).
        del trail.removed[before_content:]
        earlier, preceding = [], ()
        ruled = apply_rules(page, options.ruleset, norm.text)
        rule_cuts = record("rules", ruled.cuts)
        lines = subtract(page, rule_cuts)
    earlier += rule_cuts
    if preceding:
        preceding = subtract(preceding, apply_rules(preceding, options.ruleset).cuts)

    earliest = min((c.start for c in earlier), default=None)
    judged: tuple[str, str | None] | None = None  # (text, its language) when glue asked
    mended: set[Line] = set()  # lines glue put spaces into: the rules have not read them so
    if options.unglue and options.is_enabled("glue") and lines:
        # Glue runs on what the article kept: a page's menus and footers are most of its
        # text (and all of the cost), and repairing words there helps nobody.
        kept_text = join_lines(lines)
        judged = _judge(kept_text, options, hints)
        language = judged[1]
        if language is not None:  # no language, no dictionary: leave the words alone
            norm, spaces = _unglue(
                norm, lines, kept_text, language, trail, options, if_dense=glue_if_dense
            )
            if spaces:
                split_in = {bisect_right(lines, at, key=_START) - 1 for at in spaces}
                lines = _shifted(lines, spaces, norm.text)
                mended = {lines[i] for i in split_in}
                preceding = _shifted(preceding, spaces, norm.text)
                page = segment_lines(norm.text)
                if earliest is not None:
                    earliest += bisect_left(spaces, earliest)

    title = subtitle = date = author = None
    source: str | None = None
    unread = lines
    if options.metadata:
        if judged is None and lines and options.detect_language and not options.language:
            # (glue did not run: the language is judged here, so a date reads the same
            # with glue on or off; only a page cleaned without glue pays for it)
            judged = _judge(join_lines(lines), options, hints)
        meta = extract_metadata(
            lines,
            page_lines=page,
            cut_before=earliest,
            sources=ruled.sources,
            known_title=hints.get("title"),
            preceding=preceding,
            # (the language glue judged, else the one given or declared: how dates are read)
            language=judged[1] if judged else options.language or hints.get("language"),
        )
        lines = subtract(lines, record("metadata", meta.cuts))
        m = meta.metadata
        title, subtitle, date, author, source = m.title, m.subtitle, m.date, m.author, m.source
        # Read the body again as if it were the input (as clean(doc.body) would): whatever
        # header that still finds goes now, so cleaning the body a second time cuts nothing.
        for _ in range(3):
            again = header_cuts(lines)  # (the cuts of extract_metadata(lines, page_lines=lines))
            if not again:
                break
            lines = subtract(lines, record("metadata", again))
    # A line the rules have not read as it now stands (glue mended it, or metadata cut a date
    # off it and left "Views: 74") is read now, as clean(doc.body) would read it.
    # Each run of such lines on its own: a block rule opening on one ("Comments", once its
    # date is cut) must not reach a mended line paragraphs below and cut all between.
    before = set(unread)
    is_fresh = [ln in mended or ln not in before for ln in lines]
    if any(is_fresh):
        fresh_cuts = [
            cut
            for fresh, run in itertools.groupby(zip(is_fresh, lines, strict=True), itemgetter(0))
            if fresh
            for cut in apply_rules([ln for _, ln in run], options.ruleset).cuts
        ]
        if fresh_cuts:
            lines = subtract(lines, record("rules", fresh_cuts))

    body = join_lines(lines)
    # (the body is often the very text glue judged: no need to ask again)
    language = judged[1] if judged and judged[0] == body else _language(body, options, hints)

    trail.removed.sort(key=lambda r: (r.start, r.end))
    trail.repairs.sort(key=lambda r: (r.start, r.end))
    return Document(
        body=body,
        title=hints.get("title") or title,
        subtitle=subtitle,
        date=hints.get("date") or date,
        author=hints.get("author") or author,
        source=hints.get("source") or source,
        language=language,
        url=url,
        removed=tuple(trail.removed),
        repairs=tuple(trail.repairs),
    )


def _unglue(
    norm: Normalized,
    lines: Sequence[Line],
    kept_text: str,
    language: str,
    trail: _Trail,
    options: Options,
    *,
    if_dense: bool = False,
) -> tuple[Normalized, list[int]]:
    """Put back lost whitespace inside ``lines`` (``kept_text`` is ``join_lines(lines)``).

    Returns the normalised text with the spaces inserted (its offset map extended by one
    pass) and the offsets of the old text where they went, recorded as repairs. The glue
    stage judges ``kept_text`` as a whole (repetitions in the document are evidence), so
    cleaning a body a second time finds nothing new to split (``unglue`` is idempotent).
    With ``if_dense`` (HTML), a text not dense with glue is left as it is (see ``run``); the
    body of such a page, cleaned again as text, is judged without that condition.
    """
    starts = joined_starts(lines)  # where each line starts in kept_text
    text = norm.text
    offsets: list[int] = []
    # (find_glue_splits judges a huge text in pieces, which keeps it linear)
    found = [(s.offset, s.rule) for s in find_glue_splits(kept_text, language)]
    if if_dense and not dense_with_glue(len(found), kept_text):
        found = []
    splits: list[tuple[int, str]] = []
    for offset, rule in found:
        if options.is_enabled(rule):
            k = bisect_right(starts, offset) - 1
            # inside a word: never on a line break
            splits.append((lines[k].start + offset - starts[k], rule))
    # A repair shows the word around its split: from the space (or the split) before it to
    # the space (or the split) after it. Not the whole run without spaces: a run split in
    # thousands of places ("Word.Word.Word...") made every record a copy of the run.
    bounds = [0, *(at for at, _ in splits), len(text)]
    for i, (at, rule) in enumerate(splits):
        tok_start = at
        while tok_start > bounds[i] and not text[tok_start - 1].isspace():
            tok_start -= 1
        tok_end = at
        while tok_end < bounds[i + 2] and not text[tok_end].isspace():
            tok_end += 1
        before = text[tok_start:tok_end]
        after = before[: at - tok_start] + " " + before[at - tok_start :]
        start = norm.offsets.to_input(tok_start)
        end = norm.offsets.to_input(tok_end, is_end=True)
        trail.repairs.append(Repair("glue", rule, before, after, start, end))
        offsets.append(at)
    if not offsets:
        return norm, offsets
    edits = [Edit(at, at, at + i, at + i + 1) for i, at in enumerate(offsets)]
    pieces = [text[a:b] for a, b in itertools.pairwise((0, *offsets, len(text)))]
    fixed = Normalized(" ".join(pieces), norm.offsets.then(EditList.of(edits)), norm.repairs)
    return fixed, offsets


def _shifted(lines: Sequence[Line], spaces: Sequence[int], text: str) -> tuple[Line, ...]:
    """``lines`` of the text before ``spaces`` were inserted, as lines of ``text`` (after).

    >>> ls = segment_lines("ab cd\\n\\nef")
    >>> _shifted(ls, [1, 4], "a b c d\\n\\nef")
    (Line(start=0, end=7, text='a b c d', para=0), Line(start=9, end=11, text='ef', para=1))
    """
    out = []
    for ln in lines:
        start = ln.start + bisect_left(spaces, ln.start)
        end = ln.end + bisect_left(spaces, ln.end)
        out.append(Line(start, end, text[start:end], ln.para))
    return tuple(out)


def run(
    data: str | bytes,
    options: Options,
    *,
    url: str | None = None,
) -> Document:
    """Decode, route HTML through trafilatura, and run the text stages."""
    repairs: list[Repair] = []
    if isinstance(data, (bytes, bytearray, memoryview)):
        decoded: Decoded = decode_bytes(bytes(data))
        text = decoded.text
        repairs.append(
            Repair("decode", "decode.charset", "bytes", str(decoded.encoding), 0, len(text))
        )
    else:
        text = data
    if looks_like_html(text):
        # (offsets refer to the extracted text: a surrogate is mended before parsing)
        ex = extract_html(without_surrogates(text), url)
        hints = {
            "title": ex.title,
            "date": ex.date,
            "author": ex.author,
            "source": ex.source,
            "language": ex.language,
        }
        # Offsets now refer to the extracted text. trafilatura already chose the article's
        # blocks, so the main-content stage only runs on the fallback (whole visible text).
        # The text keeps the page's own spacing: a word run together there is written so on
        # the page (a typo, a brand, jargon; on 1,495 dev pages nearly every split was one of
        # those), so glue only repairs a text that shows lost spaces densely.
        return run_text(
            ex.text,
            options,
            url=url,
            hints=hints,
            select_content=ex.fallback,
            glue_if_dense=True,
        )
    return run_text(text, options, url=url, first_repairs=repairs)
