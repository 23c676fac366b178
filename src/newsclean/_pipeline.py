"""The runner: call the stages in order and record what each one cut or mended.

The cascade, one module per stage:

0. ``_decode``     bytes to text (the decoding is a repair); binary is refused;
                   HTML goes through ``_html`` (trafilatura) first.
1. ``_normalize``  ftfy on suspicious lines, invisible and control characters,
                   NBSP and whitespace; keeps an offset map back to the input.
2. ``_segment``    lines, grouped in paragraphs by blank lines.
3. ``_rules``      boilerplate phrase lists and shapes, per language (data files).
4. ``_content``    the article's stretch in a full-page dump (keeps clean text whole).
5. ``_metadata``   title, subtitle, date, author, source; header lines leave the body.
6. ``_language``   ISO 639-1 code from a bounded sample (the glue stage needs it).
7. ``_glue``       whitespace put back between glued words.

Stages never build :class:`~newsclean.Removal` or :class:`~newsclean.Repair`
themselves: they return cuts (spans of the normalised text with a rule id) or
splits, and only this runner turns them into records with input offsets, so
nothing leaves the body without a record. A cut whose rule the options disable
is dropped here, in one place.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ._content import select_main_content
from ._decode import Decoded, decode_bytes, looks_like_html
from ._document import Document, Removal, Repair
from ._glue import GlueSplit, find_glue_splits
from ._html import extract_html
from ._language import detect_language
from ._metadata import extract_metadata
from ._normalize import Normalized, normalize
from ._options import Options
from ._rules import Cut, apply_rules
from ._segment import Line, join_lines, segment_lines


@dataclass(frozen=True, slots=True)
class _Trail:
    """Removals and repairs collected while the stages run."""

    removed: list[Removal]
    repairs: list[Repair]


def subtract(lines: Sequence[Line], cuts: Iterable[Cut]) -> tuple[Line, ...]:
    """The lines with the cut spans taken out; a line cut in the middle keeps both pieces.

    >>> from newsclean._segment import segment_lines
    >>> ls = segment_lines("keep this\\n\\ndrop\\n\\ndate 2024 tail")
    >>> [ln.text for ln in subtract(ls, [Cut(11, 15, "r"), Cut(17, 26, "r")])]
    ['keep this', 'tail']
    """
    spans = sorted((c.start, c.end) for c in cuts)
    if not spans:
        return tuple(lines)
    out: list[Line] = []
    k = 0
    for ln in lines:
        while k < len(spans) and spans[k][1] <= ln.start:
            k += 1
        pos = ln.start
        j = k
        while j < len(spans) and spans[j][0] < ln.end:
            s, e = spans[j]
            if s > pos:
                piece = ln.trimmed(pos, s)
                if piece.text:
                    out.append(piece)
            pos = max(pos, e)
            j += 1
        if pos < ln.end:
            piece = ln.trimmed(pos, ln.end) if pos > ln.start else ln
            if piece.text:
                out.append(piece)
    return tuple(out)


def _content_cuts(text: str, lines: Sequence[Line], language: str | None) -> list[Cut]:
    """One cut per run of dropped lines that nothing else has cut into."""
    flags = select_main_content([ln.text for ln in lines], language)
    cuts: list[Cut] = []
    run: list[Line] = []
    for ln, keep in zip(lines, flags, strict=True):
        if run and (keep or text[run[-1].end : ln.start].strip()):
            cuts.append(Cut(run[0].start, run[-1].end, "content.boilerplate"))
            run = []
        if not keep:
            run.append(ln)
    if run:
        cuts.append(Cut(run[0].start, run[-1].end, "content.boilerplate"))
    return cuts


def run_text(
    text: str,
    options: Options,
    *,
    url: str | None = None,
    first_repairs: Sequence[Repair] = (),
    hints: dict[str, str | None] | None = None,
    select_content: bool = True,
) -> Document:
    """Run every text stage over ``text``; offsets in the result refer to ``text``."""
    norm = normalize(text)
    trail = _Trail([], list(first_repairs))
    for r in norm.repairs:
        if options.is_enabled(r.rule):
            trail.repairs.append(Repair("normalize", r.rule, r.before, r.after, r.start, r.end))

    def record(stage: str, cuts: Iterable[Cut]) -> list[Cut]:
        applied = [c for c in cuts if c.end > c.start and options.is_enabled(c.rule)]
        for c in applied:
            start = norm.offsets.to_input(c.start)
            end = norm.offsets.to_input(c.end, is_end=True)
            trail.removed.append(Removal(stage, c.rule, norm.text[c.start : c.end], start, end))
        return applied

    page = segment_lines(norm.text)
    ruled = apply_rules(page, options.ruleset)
    earlier = record("rules", ruled.cuts)
    lines = subtract(page, earlier)

    preceding: tuple[Line, ...] = ()
    if options.main_content and select_content and lines:
        content_cuts = record("content", _content_cuts(norm.text, lines, options.language))
        before = lines
        lines = subtract(lines, content_cuts)
        earlier += content_cuts
        if lines:
            preceding = tuple(ln for ln in before if ln.end <= lines[0].start)[-6:]

    hints = hints or {}
    title = subtitle = date = author = None
    source: str | None = None
    if options.metadata:
        earliest = min((c.start for c in earlier), default=None)
        meta = extract_metadata(
            lines,
            page_lines=page,
            cut_before=earliest,
            sources=ruled.sources,
            known_title=hints.get("title"),
            preceding=preceding,
        )
        lines = subtract(lines, record("metadata", meta.cuts))
        m = meta.metadata
        title, subtitle, date, author, source = m.title, m.subtitle, m.date, m.author, m.source

    body = join_lines(lines)
    language = options.language or hints.get("language")
    if language is None and options.detect_language:
        language = detect_language(body, options.language_detector)

    if options.unglue and options.is_enabled("glue") and body:
        body, title = _unglue(body, title, lines, language, norm, trail, options)

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


def _insert_spaces(text: str, offsets: Iterable[int]) -> str:
    pieces: list[str] = []
    last = 0
    for offset in offsets:
        pieces.append(text[last:offset])
        pieces.append(" ")
        last = offset
    pieces.append(text[last:])
    return "".join(pieces)


def _unglue(
    body: str,
    title: str | None,
    lines: Sequence[Line],
    language: str | None,
    norm: Normalized,
    trail: _Trail,
    options: Options,
) -> tuple[str, str | None]:
    """Split glued words in the body (recorded as repairs) and in the title.

    The title goes through the same call as the body, so a glued headline gets the
    document's evidence ("TargetThird" is split because "Target Third" occurs below).
    """
    head = f"{title}\n\n" if title else ""
    found = [s for s in find_glue_splits(head + body, language) if options.is_enabled(s.rule)]
    if title:
        title = _insert_spaces(title, [s.offset for s in found if s.offset < len(title)])
    splits = [
        GlueSplit(s.offset - len(head), s.rule, s.token) for s in found if s.offset >= len(head)
    ]
    if not splits:
        return body, title
    # Where each line starts in the body, to map body offsets to normalised ones.
    starts: list[int] = []
    pos = 0
    prev_para: int | None = None
    for ln in lines:
        if prev_para is not None:
            pos += 1 if ln.para == prev_para else 2
        starts.append(pos)
        pos += len(ln.text)
        prev_para = ln.para

    def to_input(offset: int, *, is_end: bool = False) -> int:
        i = max(bisect_right(starts, offset) - 1, 0)
        return norm.offsets.to_input(lines[i].start + offset - starts[i], is_end=is_end)

    for s in splits:
        tok_start = s.offset
        while tok_start > 0 and not body[tok_start - 1].isspace():
            tok_start -= 1
        tok_end = s.offset
        while tok_end < len(body) and not body[tok_end].isspace():
            tok_end += 1
        before = body[tok_start:tok_end]
        after = before[: s.offset - tok_start] + " " + before[s.offset - tok_start :]
        trail.repairs.append(
            Repair(
                "glue", s.rule, before, after, to_input(tok_start), to_input(tok_end, is_end=True)
            )
        )
    return _insert_spaces(body, [s.offset for s in splits]), title


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
        ex = extract_html(text, url)
        hints = {
            "title": ex.title,
            "date": ex.date,
            "author": ex.author,
            "source": ex.source,
            "language": ex.language if not options.language else None,
        }
        # Offsets now refer to the extracted text. trafilatura already chose the article's
        # blocks, so the main-content stage only runs on the fallback (whole visible text).
        return run_text(ex.text, options, url=url, hints=hints, select_content=ex.fallback)
    return run_text(text, options, url=url, first_repairs=repairs)
