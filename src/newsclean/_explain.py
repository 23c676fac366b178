"""Show what newsclean cut: ``newsclean explain`` and the ``clean --report`` page.

Three views of the same audit trail:

* :func:`render_terminal` -- the input with removed spans struck through and
  coloured by rule (ANSI), or marked ``[-text-]{rule}`` without colour; repairs
  marked ``[~before=>after~]{rule}``; then the metadata found and a count per rule;
* :func:`render_html` -- the same view as one self-contained HTML page (inline
  CSS, no script needed), with a legend of rules and their colours; hovering a
  struck span shows its rule;
* :class:`ReportCollector` and :func:`render_report` -- the batch report of
  ``newsclean clean --report``: totals, removals by rule and by language, the
  documents with the largest share removed and the empty ones, each with its
  explain view embedded, and two inline SVG charts.

Offsets in a :class:`~newsclean.Document` refer to the text handed to
:func:`~newsclean.clean` after decoding, or for HTML to the text extracted from
the page, so :func:`explain` recovers that text (:func:`input_text`) and every
view shows it. Everything from the input is escaped: HTML-escaped in the pages,
and control, bidi and other invisible characters shown as ``\\x1b`` or
``<U+202E>`` in both views, so an input cannot inject markup or terminal codes.
"""

from __future__ import annotations

import argparse
import colorsys
import heapq
import html
import itertools
import os
import sys
import unicodedata
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from ._api import clean
from ._batch import (
    DocumentTimeout,
    EmptyInputError,
    Failure,
    InputTooLargeError,
    Job,
    Outcome,
    read_document,
    time_limit,
)
from ._decode import decode_bytes, looks_like_html
from ._document import Document, Removal, Repair
from ._html import extract_html
from ._options import Options

__all__ = [
    "Explained",
    "ReportCollector",
    "bars_svg",
    "explain",
    "explain_main",
    "histogram_svg",
    "input_text",
    "render_fragment",
    "render_html",
    "render_report",
    "render_terminal",
    "rule_colors",
    "visible",
]

TOP_DOCUMENTS = 20
EMPTY_LISTED = 200
HISTOGRAM_BINS = 10
BAR_RULES = 15

_PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#b8860b",
    "#b07aa1",
    "#ff6f91",
    "#9c755f",
    "#17becf",
    "#8c8c00",
    "#6a3d9a",
)
_ANSI = (31, 32, 33, 34, 35, 36, 91, 92, 93, 94, 95, 96)
_RESET = "\x1b[0m"

# --------------------------------------------------------------------------- the input


@dataclass(frozen=True, slots=True)
class Explained:
    """A cleaned document together with the text its offsets refer to.

    ``is_html``: the input was a page and ``text`` is the text extracted from it;
    ``encoding``: how bytes were decoded (None for ``str`` input).
    """

    text: str
    doc: Document
    name: str = ""
    is_html: bool = False
    encoding: str | None = None


def input_text(data: str | bytes, url: str | None = None) -> tuple[str, bool, str | None]:
    """The text a Document's offsets refer to: ``(text, is_html, encoding)``.

    Bytes are decoded as :func:`~newsclean.clean` decodes them; a page's HTML is
    replaced by the text extracted from it.

    >>> input_text("Views: 0\\n\\nBody.")
    ('Views: 0\\n\\nBody.', False, None)
    >>> input_text("Caf\\u00e9".encode("utf-8"))
    ('Café', False, 'utf-8')
    """
    encoding: str | None = None
    if isinstance(data, (bytes, bytearray, memoryview)):
        decoded = decode_bytes(bytes(data))
        text, encoding = decoded.text, decoded.encoding
    else:
        text = data
    if looks_like_html(text):
        return extract_html(text, url).text, True, encoding
    return text, False, encoding


def explain(
    data: str | bytes,
    *,
    options: Options | None = None,
    url: str | None = None,
    name: str = "",
) -> Explained:
    """Clean ``data`` and keep the text its offsets refer to, ready to render.

    >>> ex = explain("Views: 0\\n\\nThe council approved the budget on Tuesday.")
    >>> ex.doc.body, [r.rule for r in ex.doc.removed]
    ('The council approved the budget on Tuesday.', ['en.counter'])
    """
    doc = clean(data, options=options, url=url)
    text, is_html, encoding = input_text(data, url)
    return Explained(text, doc, name, is_html, encoding)


# --------------------------------------------------------------------------- pieces

_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


# What clean() reads as a line break besides \n (see _normalize).
_LINE_BREAKS = frozenset("\r\u2028\u2029\x0b\x0c\x85")


def visible(text: str, *, spaces: bool = False) -> str:
    """``text`` safe to print or embed: control, format and private characters made visible.

    Newlines and tabs stay; the other line breaks clean() reads as one (``\\r\\n``,
    ``\\r``, U+2028...) become ``\\n``; other control characters become ``\\xNN``;
    format (zero-width, bidi), surrogate and private-use characters become ``<U+XXXX>``;
    with ``spaces=True`` so do spaces other than U+0020 and line breaks other than
    ``\\n`` (to show what a repair changed).

    >>> visible("a\\x1b[31mb\\u202ec\\r\\nd")
    'a\\\\x1b[31mb<U+202E>c\\nd'
    >>> visible("1\\u00a02"), visible("1\\u00a02", spaces=True)
    ('1\\xa02', '1<U+00A0>2')
    >>> visible("one\\rtwo\\u2028three")
    'one\\ntwo\\nthree'
    """
    out: list[str] = []
    for ch in text.replace("\r\n", "\n"):
        if ch in "\n\t":
            out.append(ch)
            continue
        if ch in _LINE_BREAKS and not spaces:
            out.append("\n")
            continue
        cat = unicodedata.category(ch)
        if cat == "Cc":
            out.append(f"\\x{ord(ch):02x}")
        elif (
            cat in ("Cf", "Cs", "Co", "Cn", "Zl", "Zp")
            or ch in _BIDI
            or (spaces and cat == "Zs" and ch != " ")
        ):
            out.append(f"<U+{ord(ch):04X}>")
        else:
            out.append(ch)
    return "".join(out)


class _Piece(NamedTuple):
    start: int
    end: int
    removal: int  # index into the removals, -1 for kept text
    repair: int  # index into the repairs, -1 for none


def _is_whole_text(repair: Repair) -> bool:
    """The decoding repair covers the whole input: it is shown with the metadata."""
    return repair.stage == "decode"


def _disjoint(spans: Iterable[tuple[int, int]], size: int) -> list[tuple[int, int, int]]:
    """``(start, end, index)`` of spans clipped to the text and to each other, in order."""
    out: list[tuple[int, int, int]] = []
    last = 0
    for start, end, i in sorted((s, e, i) for i, (s, e) in enumerate(spans)):
        start, end = max(start, last, 0), min(end, size)
        if end > start:
            out.append((start, end, i))
            last = end
    return out


def _pieces(text: str, removed: Sequence[Removal], repairs: Sequence[Repair]) -> list[_Piece]:
    """The text cut at every span boundary, each piece tagged with its removal and repair."""
    size = len(text)
    rems = _disjoint(((r.start, r.end) for r in removed), size)
    reps = _disjoint(((r.start, r.end) if not _is_whole_text(r) else (0, 0) for r in repairs), size)
    bounds = sorted({0, size, *(x for s, e, _ in rems + reps for x in (s, e))})
    out: list[_Piece] = []
    i = j = 0
    for start, end in itertools.pairwise(bounds):
        while i < len(rems) and rems[i][1] <= start:
            i += 1
        while j < len(reps) and reps[j][1] <= start:
            j += 1
        rem = rems[i][2] if i < len(rems) and rems[i][0] <= start else -1
        rep = reps[j][2] if j < len(reps) and reps[j][0] <= start else -1
        out.append(_Piece(start, end, rem, rep))
    return out


class _RuleCount(NamedTuple):
    rule: str
    spans: int
    chars: int


def _rule_counts(text: str, removed: Sequence[Removal]) -> list[_RuleCount]:
    """Spans and input characters removed per rule, most characters first."""
    spans: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    for r in removed:
        spans[r.rule] += 1
        chars[r.rule] += max(0, min(r.end, len(text)) - max(r.start, 0))
    return sorted(
        (_RuleCount(rule, n, chars[rule]) for rule, n in spans.items()),
        key=lambda c: (-c.chars, c.rule),
    )


def _removed_chars(text: str, removed: Sequence[Removal]) -> int:
    return sum(e - s for s, e, _ in _disjoint(((r.start, r.end) for r in removed), len(text)))


def _metadata(ex: Explained) -> list[tuple[str, str]]:
    d = ex.doc
    fields = [
        ("title", d.title),
        ("subtitle", d.subtitle),
        ("date", d.date),
        ("author", d.author),
        ("source", d.source),
        ("language", d.language),
        ("url", d.url),
    ]
    out = [(k, v) for k, v in fields if v]
    if ex.encoding:
        out.append(("decoded as", ex.encoding))
    if d.error:
        out.append(("error", d.error))
    return out


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "0.0%"


# --------------------------------------------------------------------------- terminal


def _ansi(rules: Iterable[str]) -> dict[str, int]:
    return {rule: _ANSI[i % len(_ANSI)] for i, rule in enumerate(sorted(set(rules)))}


def _paint(text: str, codes: str) -> str:
    """Wrap each line of ``text`` in an SGR sequence (so pagers keep the colour)."""
    return "\n".join(f"\x1b[{codes}m{line}{_RESET}" if line else "" for line in text.split("\n"))


def render_terminal(ex: Explained, *, color: bool = False) -> str:
    """The terminal view: the input with cuts struck through (or marked), metadata, counts.

    Without colour, a removed span reads ``[-text-]{rule}`` and a repair
    ``[~before=>after~]{rule}``.

    >>> doc = Document(body="Body.", title="T",
    ...                removed=(Removal("rules", "en.views", "Views: 0", 0, 8),))
    >>> print(render_terminal(Explained("Views: 0\\n\\nBody.", doc, name="a.txt")))
    == a.txt
    [-Views: 0-]{en.views}
    <BLANKLINE>
    Body.
    -- metadata
      title: T
    -- removed: 1 span, 8 of 15 characters (53.3%); body 5 characters
      en.views  1 span  8 chars
    >>> "\\x1b[9;31mViews: 0\\x1b[0m" in render_terminal(Explained("Views: 0\\n\\nBody.", doc),
    ...                                                color=True)
    True
    """
    text, doc = ex.text, ex.doc
    codes = _ansi(r.rule for r in doc.removed)
    out: list[str] = []
    for rem, group in itertools.groupby(
        _pieces(text, doc.removed, doc.repairs), lambda p: p.removal
    ):
        pieces = list(group)
        if rem >= 0:
            r = doc.removed[rem]
            cut = visible(text[pieces[0].start : pieces[-1].end])
            if color:
                out.append(_paint(cut, f"9;{codes[r.rule]}"))
            else:
                out.append(f"[-{cut}-]{{{visible(r.rule)}}}")
            continue
        for rep, sub in itertools.groupby(pieces, lambda p: p.repair):
            subs = list(sub)
            shown = text[subs[0].start : subs[-1].end]
            if rep < 0:
                out.append(visible(shown))
                continue
            fix = doc.repairs[rep]
            before, after = visible(shown, spaces=True), visible(fix.after, spaces=True)
            if color:
                out.append(_paint(before, "4;1") + f"\x1b[2m\u2192{after}{_RESET}")
            else:
                out.append(f"[~{before}=>{after}~]{{{visible(fix.rule)}}}")
    lines = [f"== {visible(ex.name)}" if ex.name else "== newsclean explain"]
    if ex.is_html:
        lines.append("(HTML input: shown is the text extracted from the page; offsets refer to it)")
    lines.append("".join(out))
    meta = _metadata(ex)
    if meta:
        lines.append("-- metadata")
        lines.extend(f"  {k}: {visible(v)}" for k, v in meta)
    counts = _rule_counts(text, doc.removed)
    removed = _removed_chars(text, doc.removed)
    n = len(doc.removed)
    lines.append(
        f"-- removed: {n} span{'s' if n != 1 else ''}, {removed} of {len(text)} characters "
        f"({_share(removed, len(text))}); body {len(doc.body)} characters"
    )
    width = max((len(c.rule) for c in counts), default=0)
    spans = [f"{c.spans} span{'s' if c.spans != 1 else ''}" for c in counts]
    spans_width = max(map(len, spans), default=0)
    for c, n_spans in zip(counts, spans, strict=True):
        name = visible(c.rule).ljust(width)
        if color:
            name = f"\x1b[9;{codes[c.rule]}m{name}{_RESET}"
        lines.append(f"  {name}  {n_spans.ljust(spans_width)}  {c.chars} chars")
    fixes = Counter(r.rule for r in doc.repairs if not _is_whole_text(r))
    if fixes:
        lines.append(f"-- repairs: {sum(fixes.values())}")
        width = max(len(rule) for rule in fixes)
        lines.extend(f"  {visible(rule).ljust(width)}  {k}" for rule, k in sorted(fixes.items()))
    return "\n".join(lines)


# --------------------------------------------------------------------------- HTML


def _esc(text: str, *, spaces: bool = False) -> str:
    return html.escape(visible(text, spaces=spaces), quote=True)


def rule_colors(rules: Iterable[str]) -> dict[str, str]:
    """A colour per rule (``#rrggbb``), fixed by the rules' sorted order.

    >>> rule_colors(["b.rule", "a.rule", "b.rule"])
    {'a.rule': '#4e79a7', 'b.rule': '#f28e2b'}
    """
    out: dict[str, str] = {}
    for i, rule in enumerate(sorted(set(rules))):
        if i < len(_PALETTE):
            out[rule] = _PALETTE[i]
        else:
            r, g, b = colorsys.hls_to_rgb((i * 0.381966) % 1.0, 0.45, 0.6)
            out[rule] = f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"
    return out


def _swatch(color: str) -> str:
    return f'<span class="sw" style="background:{color}"></span>'


_CSS = """
:root{color-scheme:light;--fg:#1d1d1f;--mute:#5f6368;--line:#dadce0;--bg2:#f6f7f9}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);
margin:0 auto;max-width:1100px;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:28px 0 8px}h3{font-size:16px}
.mute{color:var(--mute)}.note{background:#fff8e1;border-left:4px solid #f2b01e;padding:6px 10px}
table{border-collapse:collapse;margin:6px 0 12px}
th,td{border-bottom:1px solid var(--line);padding:3px 10px;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
code,pre{font:13px/1.55 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre.text{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--bg2);
border:1px solid var(--line);border-radius:6px;padding:12px 14px}
del.cut{text-decoration-line:line-through;text-decoration-thickness:2px;border-radius:3px;
color:#444}
mark.fix{background:#c8f7c5;border-bottom:2px solid #2e7d32;border-radius:3px}
.sw{display:inline-block;width:14px;height:14px;border-radius:3px;vertical-align:-2px;
margin-right:6px}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:6px 0}
dl.meta dt{color:var(--mute)}dl.meta dd{margin:0}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:10px 0}
.card{border:1px solid var(--line);border-radius:8px;padding:8px 12px;min-width:108px}
.card b{display:block;font-size:22px;font-variant-numeric:tabular-nums}
.card span{color:var(--mute);font-size:13px}
.charts{display:flex;flex-wrap:wrap;gap:24px}
figure{margin:0}figcaption{color:var(--mute);font-size:13px}
details.view{border:1px solid var(--line);border-radius:8px;margin:10px 0;padding:4px 12px}
details.view>summary{cursor:pointer;font-weight:600;padding:4px 0}
details.view:target{outline:3px solid #4e79a7}
"""


def _legend(counts: Sequence[_RuleCount], colors: Mapping[str, str]) -> str:
    if not counts:
        return '<p class="mute">Nothing was removed.</p>'
    rows = "".join(
        f'<tr data-rule="{_esc(c.rule)}"><td>{_swatch(colors[c.rule])}<code>{_esc(c.rule)}</code>'
        f'</td><td class="n">{c.spans}</td><td class="n">{c.chars}</td></tr>'
        for c in counts
    )
    return (
        '<table class="legend"><thead><tr><th>rule (colour)</th><th class="n">spans</th>'
        f'<th class="n">characters</th></tr></thead><tbody>{rows}</tbody></table>'
    )


def _marked_text(ex: Explained, colors: Mapping[str, str]) -> str:
    text, doc = ex.text, ex.doc
    out: list[str] = []
    for rem, group in itertools.groupby(
        _pieces(text, doc.removed, doc.repairs), lambda p: p.removal
    ):
        pieces = list(group)
        inner: list[str] = []
        for rep, sub in itertools.groupby(pieces, lambda p: p.repair):
            subs = list(sub)
            shown = text[subs[0].start : subs[-1].end]
            if rep < 0 or rem >= 0:
                inner.append(_esc(shown))
                continue
            fix = doc.repairs[rep]
            tip = f"{fix.rule}: {visible(fix.before, spaces=True)} \u2192 {visible(fix.after, spaces=True)}"
            inner.append(
                f'<mark class="fix" data-rule="{_esc(fix.rule)}" title="{_esc(tip)}">'
                f"{_esc(shown, spaces=True)}</mark>"
            )
        if rem < 0:
            out.extend(inner)
            continue
        r = doc.removed[rem]
        color = colors[r.rule]
        out.append(
            f'<del class="cut" data-rule="{_esc(r.rule)}" title="{_esc(r.rule)} '
            f'(removed by the {_esc(r.stage)} stage)" style="background:{color}2e;'
            f'text-decoration-color:{color}">{"".join(inner)}</del>'
        )
    return f'<pre class="text">{"".join(out)}</pre>'


def render_fragment(
    ex: Explained, *, colors: Mapping[str, str] | None = None, heading: str = "h2"
) -> str:
    """The explain view of one document as an HTML fragment (for a page or the report).

    >>> doc = Document(body="Body.", removed=(Removal("rules", "en.views", "<b>0</b>", 0, 8),))
    >>> frag = render_fragment(Explained("<b>0</b>\\n\\nBody.", doc))
    >>> 'title="en.views (removed by the rules stage)"' in frag, "&lt;b&gt;0&lt;/b&gt;" in frag
    (True, True)
    """
    text, doc = ex.text, ex.doc
    counts = _rule_counts(text, doc.removed)
    colors = colors if colors is not None else rule_colors(c.rule for c in counts)
    removed = _removed_chars(text, doc.removed)
    parts: list[str] = []
    if ex.is_html:
        parts.append(
            '<p class="note">HTML input: shown is the <b>text newsclean extracted from the '
            "page</b> (the removal and repair offsets refer to it), not the markup.</p>"
        )
    parts.append(
        f'<p class="summary">Removed <b class="n-spans">{len(doc.removed)}</b> spans, '
        f'<b class="n-removed">{removed}</b> of <b class="n-input">{len(text)}</b> characters '
        f'({_share(removed, len(text))}); body <b class="n-body">{len(doc.body)}</b> characters; '
        f"{sum(1 for r in doc.repairs if not _is_whole_text(r))} repairs.</p>"
    )
    meta = _metadata(ex)
    if meta:
        items = "".join(f"<dt>{_esc(k)}</dt><dd>{_esc(v)}</dd>" for k, v in meta)
        parts.append(f'<{heading}>Metadata found</{heading}><dl class="meta">{items}</dl>')
    parts.append(f"<{heading}>Removed, by rule</{heading}>{_legend(counts, colors)}")
    parts.append(
        f"<{heading}>Text</{heading}>"
        '<p class="mute">Struck through: removed (hover for the rule). '
        '<mark class="fix">Highlighted</mark>: repaired in place (hover for the change).</p>'
        + _marked_text(ex, colors)
    )
    return "\n".join(parts)


def _page(title: str, body: str, *, script: str = "") -> str:
    js = f"<script>{script}</script>" if script else ""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{_esc(title)}</title><style>{_CSS}</style></head>\n<body>\n{body}\n{js}</body></html>\n"
    )


def render_html(ex: Explained) -> str:
    """The explain view as one self-contained HTML page (inline CSS, no script, no assets).

    >>> doc = Document(body="Body.", removed=(Removal("rules", "en.views", "Views: 0", 0, 8),))
    >>> page = render_html(Explained("Views: 0\\n\\nBody.", doc, name="a.txt"))
    >>> page.startswith("<!DOCTYPE html>"), '<del class="cut" data-rule="en.views"' in page
    (True, True)
    """
    name = ex.name or "document"
    body = (
        f"<h1>newsclean explain: <code>{_esc(name)}</code></h1>\n"
        + render_fragment(ex)
        + '\n<p class="mute">Made by <code>newsclean explain</code>.</p>'
    )
    return _page(f"newsclean explain: {name}", body)


# --------------------------------------------------------------------------- charts


def histogram_svg(counts: Sequence[int], *, width: int = 520, height: int = 220) -> str:
    """Documents per bin of share removed (bin ``i`` of ``n`` covers ``i/n`` to ``(i+1)/n``).

    >>> svg = histogram_svg([3, 0, 1, 0])
    >>> svg.count("<rect"), "0–25%: 3 documents" in svg
    (4, True)
    """
    n = max(len(counts), 1)
    top = max(counts, default=0) or 1
    left, bottom, pad = 40, 36, 12
    plot_w, plot_h = width - left - pad, height - bottom - pad
    bar_w = plot_w / n
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="hist" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="share removed per document">',
        f'<line x1="{left}" y1="{pad + plot_h}" x2="{left + plot_w}" y2="{pad + plot_h}" '
        'stroke="#999"/>',
        f'<text x="{left - 6}" y="{pad + 4}" text-anchor="end" font-size="11">{top}</text>',
        f'<text x="{left - 6}" y="{pad + plot_h}" text-anchor="end" font-size="11">0</text>',
    ]
    for i, k in enumerate(counts):
        lo, hi = round(100 * i / n), round(100 * (i + 1) / n)
        h = plot_h * k / top
        x = left + i * bar_w
        out.append(
            f'<rect x="{x + 1:.1f}" y="{pad + plot_h - h:.1f}" width="{bar_w - 2:.1f}" '
            f'height="{h:.1f}" fill="#4e79a7"><title>{lo}–{hi}%: {k} documents</title></rect>'
        )
        if k:
            out.append(
                f'<text x="{x + bar_w / 2:.1f}" y="{pad + plot_h - h - 3:.1f}" '
                f'text-anchor="middle" font-size="11">{k}</text>'
            )
        if i % max(1, n // 5) == 0:
            out.append(
                f'<text x="{x:.1f}" y="{pad + plot_h + 14}" text-anchor="middle" '
                f'font-size="11">{lo}%</text>'
            )
    out.append(
        f'<text x="{left + plot_w:.1f}" y="{pad + plot_h + 14}" text-anchor="end" '
        'font-size="11">100%</text>'
    )
    out.append(
        f'<text x="{left + plot_w / 2:.1f}" y="{height - 4}" text-anchor="middle" '
        'font-size="12" fill="#5f6368">share of characters removed</text></svg>'
    )
    return "".join(out)


def bars_svg(
    items: Sequence[tuple[str, int]],
    colors: Mapping[str, str] | None = None,
    *,
    width: int = 520,
) -> str:
    """Horizontal bars, one per ``(label, value)``, labels escaped.

    >>> svg = bars_svg([("en.views", 40), ("<x>", 10)])
    >>> svg.count("<rect"), "&lt;x&gt;" in svg, "<x>" in svg
    (2, True, False)
    """
    row, label_w, pad = 22, 190, 60
    height = max(len(items), 1) * row + 8
    top = max((v for _, v in items), default=0) or 1
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bars" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="characters removed by rule">'
    ]
    for i, (label, value) in enumerate(items):
        y = 4 + i * row
        w = (width - label_w - pad) * value / top
        color = (colors or {}).get(label, "#4e79a7")
        name = label if len(label) <= 28 else label[:27] + "…"
        out.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" font-size="12">'
            f"{_esc(name)}</text>"
            f'<rect x="{label_w}" y="{y + 3}" width="{max(w, 1):.1f}" height="{row - 6}" '
            f'fill="{color}"><title>{_esc(label)}: {value}</title></rect>'
            f'<text x="{label_w + w + 4:.1f}" y="{y + 15}" font-size="11">{value}</text>'
        )
    out.append("</svg>")
    return "".join(out)


# --------------------------------------------------------------------------- the report


class DocStat(NamedTuple):
    """One cleaned document of a batch, in numbers."""

    id: str
    language: str | None
    kept: int
    removed: int
    top_rule: str | None

    @property
    def share(self) -> float:
        """Characters removed over characters removed plus the body's."""
        whole = self.kept + self.removed
        return self.removed / whole if whole else 0.0


class ReportCollector:
    """Collects what ``clean --report`` needs while the batch runs, in bounded memory.

    Counts per rule and per language, a histogram of the share removed, the
    ``top`` documents with the largest share removed and the first ``top``
    empty ones (their jobs, to explain them again at the end), and the ids of
    up to :data:`EMPTY_LISTED` empty documents. Bodies are never kept.
    Use :meth:`track` on the jobs going to the workers and :meth:`add` on each
    outcome, in the same order; :meth:`render` makes the page.
    """

    def __init__(
        self,
        options: Options,
        *,
        top: int = TOP_DOCUMENTS,
        max_bytes: int = 20_000_000,
        timeout: float | None = None,
        title: str = "",
    ) -> None:
        self.options = options
        self.top = top
        self.max_bytes = max_bytes
        self.timeout = timeout
        self.title = title
        self.in_flight: deque[Job] = deque()
        self.docs = 0
        self.kept = 0
        self.removed = 0
        self.bins = [0] * HISTOGRAM_BINS
        self.rule_chars: Counter[str] = Counter()
        self.rule_docs: Counter[str] = Counter()
        self.lang_docs: Counter[str] = Counter()
        self.lang_kept: Counter[str] = Counter()
        self.lang_removed: Counter[str] = Counter()
        self.lang_empty: Counter[str] = Counter()
        self.largest: list[tuple[float, int, int, DocStat, Job | None]] = []
        self.empty: list[tuple[DocStat, Job | None]] = []
        self.empty_count = 0
        self.seq = 0

    def track(self, jobs: Iterable[Job]) -> Iterator[Job]:
        """Pass the jobs through, remembering those in flight (bounded by the pool's window)."""
        for job in jobs:
            self.in_flight.append(job)
            yield job

    def _job_for(self, outcome: Outcome) -> Job | None:
        while self.in_flight:
            job = self.in_flight.popleft()
            if job.id == outcome.id:
                return job
        return None

    def add(self, outcome: Outcome) -> None:
        """Count one outcome (failures are counted by the run's stats, not here)."""
        job = self._job_for(outcome)
        record = outcome.record
        if record is None:
            return
        self.seq += 1
        lang = str(record.get("language") or "unknown")
        rules = outcome.removed_chars
        top_rule = max(rules, key=lambda k: rules[k]) if rules else None
        stat = DocStat(
            outcome.id, lang, len(str(record.get("body") or "")), sum(rules.values()), top_rule
        )
        self.docs += 1
        self.kept += stat.kept
        self.removed += stat.removed
        self.rule_chars.update(rules)
        self.rule_docs.update(rules.keys())
        self.lang_docs[lang] += 1
        self.lang_kept[lang] += stat.kept
        self.lang_removed[lang] += stat.removed
        self.bins[min(int(stat.share * HISTOGRAM_BINS), HISTOGRAM_BINS - 1)] += 1
        if stat.kept == 0:
            self.lang_empty[lang] += 1
            self.empty_count += 1
            if len(self.empty) < EMPTY_LISTED:
                self.empty.append((stat, job if len(self.empty) < self.top else None))
            return
        entry = (stat.share, stat.removed, -self.seq, stat, job)
        if len(self.largest) < self.top:
            heapq.heappush(self.largest, entry)
        elif entry[:3] > self.largest[0][:3]:
            heapq.heapreplace(self.largest, entry)

    def _explain_job(self, job: Job | None) -> Explained | str:
        """Clean a job again in full, for its explain view (or say why not)."""
        if job is None:
            return "the input is no longer available"
        try:
            with time_limit(self.timeout):
                data = (
                    job.text
                    if job.text is not None
                    else read_document(job.source, job.gz, self.max_bytes)
                )
                return explain(data, options=self.options, url=job.url, name=job.id)
        except (Exception, DocumentTimeout) as exc:
            return Failure.of(exc).describe()

    def render(self, stats: Mapping[str, Any]) -> str:
        """The report page; ``stats`` is the run's ``--stats`` summary."""
        largest = [(s, j) for *_, s, j in sorted(self.largest, reverse=True)]
        views: list[tuple[DocStat, Explained | str]] = [
            (s, self._explain_job(j)) for s, j in largest
        ]
        views += [(s, self._explain_job(j)) for s, j in self.empty if j is not None]
        return render_report(self, stats, views)


def _table(head: Sequence[str], rows: Iterable[Sequence[str]], *, cls: str = "") -> str:
    """A table; cells are already HTML; a header ending in ``#`` is numeric."""
    ths = "".join(
        f'<th class="n">{h[:-1]}</th>' if h.endswith("#") else f"<th>{h}</th>" for h in head
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="n">{c}</td>' if h.endswith("#") else f"<td>{c}</td>"
            for h, c in zip(head, row, strict=True)
        )
        + "</tr>"
        for row in rows
    )
    return f'<table class="{cls}"><thead><tr>{ths}</tr></thead><tbody>{body}</tbody></table>'


def _card(ident: str, value: object, label: str) -> str:
    return f'<div class="card"><b id="{ident}">{value}</b><span>{label}</span></div>'


_OPEN_TARGET = (
    "function o(){var e=document.getElementById(decodeURIComponent(location.hash.slice(1)));"
    "if(e&&e.tagName==='DETAILS'){e.open=true;}}"
    "addEventListener('hashchange',o);o();"
)


def render_report(
    c: ReportCollector,
    stats: Mapping[str, Any],
    views: Sequence[tuple[DocStat, Explained | str]],
) -> str:
    """The batch report page from a collector, the run's stats and the explain views.

    >>> c = ReportCollector(Options())
    >>> c.add(Outcome("a", "a.txt", {"body": "abc", "language": "en"}, None, {"en.x": 3}))
    >>> page = render_report(c, {"read": 1, "cleaned": 1}, [])
    >>> '<b id="stat-docs">1</b>' in page, '<b id="stat-share">50.0%</b>' in page
    (True, True)
    """
    anchors: dict[str, str] = {}
    for i, (s, _) in enumerate(views, 1):
        anchors.setdefault(s.id, f"doc-{i}")

    def link(s: DocStat) -> str:
        name = f"<code>{_esc(s.id)}</code>"
        return f'<a href="#{anchors[s.id]}">{name}</a>' if s.id in anchors else name

    def num(key: str) -> int:
        value = stats.get(key, 0)
        return value if isinstance(value, int) else 0

    all_rules = set(c.rule_chars)
    for _, v in views:
        if isinstance(v, Explained):
            all_rules.update(r.rule for r in v.doc.removed)
    colors = rule_colors(all_rules)
    parts = [
        "<h1>newsclean report</h1>",
        f'<p class="mute">{_esc(c.title)}</p>' if c.title else "",
    ]
    if stats.get("interrupted"):
        parts.append(
            '<p class="note">The run was interrupted: the report covers what was done.</p>'
        )
    parts.append(
        '<div class="cards">'
        + _card("stat-docs", c.docs, "documents")
        + _card("stat-empty", c.empty_count, "came out empty")
        + _card("stat-failed", num("failed"), "failed")
        + _card("stat-skipped", num("skipped"), "files skipped")
        + _card("stat-kept", c.kept, "characters kept")
        + _card("stat-removed", c.removed, "characters removed")
        + _card("stat-share", _share(c.removed, c.kept + c.removed), "share removed")
        + "</div>"
    )
    by_rule = c.rule_chars.most_common()
    parts.append(
        '<h2 id="charts">Charts</h2><div class="charts">'
        f"<figure>{histogram_svg(c.bins)}<figcaption>Documents by share of characters "
        "removed</figcaption></figure>"
        f"<figure>{bars_svg(by_rule[:BAR_RULES], colors)}<figcaption>Characters removed by rule"
        + (f" (top {BAR_RULES})" if len(by_rule) > BAR_RULES else "")
        + "</figcaption></figure></div>"
    )
    parts.append('<h2 id="by-rule">Removals by rule</h2>')
    parts.append(
        _table(
            ["rule", "characters#", "documents#", "share of removed#"],
            (
                [
                    f"{_swatch(colors[rule])}<code>{_esc(rule)}</code>",
                    str(n),
                    str(c.rule_docs[rule]),
                    _share(n, c.removed),
                ]
                for rule, n in by_rule
            ),
            cls="by-rule",
        )
        if by_rule
        else '<p class="mute">Nothing was removed.</p>'
    )
    parts.append('<h2 id="by-language">By language</h2>')
    langs = sorted(c.lang_docs, key=lambda k: (-c.lang_docs[k], k))
    parts.append(
        _table(
            ["language", "documents#", "empty#", "characters kept#", "removed#", "share removed#"],
            (
                [
                    f"<code>{_esc(k)}</code>",
                    str(c.lang_docs[k]),
                    str(c.lang_empty[k]),
                    str(c.lang_kept[k]),
                    str(c.lang_removed[k]),
                    _share(c.lang_removed[k], c.lang_kept[k] + c.lang_removed[k]),
                ]
                for k in langs
            ),
            cls="by-language",
        )
    )
    largest = [s for s, _ in views if s.kept > 0]
    parts.append(f'<h2 id="largest">Largest share removed (top {c.top})</h2>')
    parts.append(
        _table(
            ["document", "language", "kept#", "removed#", "share#", "main rule"],
            (
                [
                    link(s),
                    _esc(s.language or ""),
                    str(s.kept),
                    str(s.removed),
                    _share(s.removed, s.kept + s.removed),
                    f"<code>{_esc(s.top_rule or '')}</code>",
                ]
                for s in largest
            ),
            cls="largest",
        )
        if largest
        else '<p class="mute">No document with a body.</p>'
    )
    parts.append(f'<h2 id="empty">Came out empty ({c.empty_count})</h2>')
    if c.empty:
        parts.append(
            _table(
                ["document", "language", "removed#", "main rule"],
                (
                    [
                        link(s),
                        _esc(s.language or ""),
                        str(s.removed),
                        f"<code>{_esc(s.top_rule or '')}</code>",
                    ]
                    for s, _ in c.empty
                ),
                cls="empty",
            )
        )
        if c.empty_count > len(c.empty):
            parts.append(f'<p class="mute">and {c.empty_count - len(c.empty)} more.</p>')
    else:
        parts.append('<p class="mute">None.</p>')
    failures = stats.get("failures_by_type") or {}
    if isinstance(failures, Mapping) and failures:
        parts.append('<h2 id="failures">Failures</h2>')
        parts.append(
            _table(
                ["kind", "documents#"],
                ([f"<code>{_esc(str(k))}</code>", _esc(str(n))] for k, n in failures.items()),
                cls="failures",
            )
        )
    parts.append('<h2 id="views">Explain views</h2>')
    if not views:
        parts.append('<p class="mute">No document to show.</p>')
    for i, (s, v) in enumerate(views, 1):
        inner = (
            render_fragment(v, colors=colors, heading="h3")
            if isinstance(v, Explained)
            else f'<p class="note">Cannot show this document: {_esc(v)}</p>'
        )
        parts.append(
            f'<details class="view" id="doc-{i}"><summary><code>{_esc(s.id)}</code> '
            f'<span class="mute">{_share(s.removed, s.kept + s.removed)} removed</span>'
            f"</summary>{inner}</details>"
        )
    parts.append(
        '<p class="mute">Made by <code>newsclean clean --report</code>. '
        "Shares are characters removed over characters removed plus the body's.</p>"
    )
    return _page("newsclean report", "\n".join(p for p in parts if p), script=_OPEN_TARGET)


# --------------------------------------------------------------------------- the command

_RECORD_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


def _read_input(path: str, max_bytes: int) -> bytes:
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputTooLargeError(f"larger than {max_bytes} bytes (--max-bytes)")
        if not data.strip():
            raise EmptyInputError("the input is empty")
        return data
    return read_document(path, path.lower().endswith(".gz"), max_bytes)


def _use_color(choice: bool | None) -> bool:
    if choice is not None:
        return choice
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def explain_main(args: argparse.Namespace, options: Options) -> int:
    """``newsclean explain FILE``: 0 shown, 1 the document could not be cleaned, 2 usage error."""
    path: str = args.input
    if path != "-":
        if path.lower().endswith(_RECORD_SUFFIXES):
            sys.stderr.write(
                f"newsclean: error: {path}: explain takes one text or HTML document, not JSONL "
                "(pipe one record's text in instead, e.g. jq -r .text)\n"
            )
            return 2
        if not os.path.isfile(path):
            sys.stderr.write(f"newsclean: error: {path}: no such file\n")
            return 2
    name = "<stdin>" if path == "-" else path
    try:
        data = _read_input(path, args.max_bytes)
        ex = explain(data, options=options, url=args.url, name=name)
    except Exception as exc:
        failure = Failure.of(exc)
        sys.stderr.write(f"newsclean: {visible(name)}: {failure.kind}: {failure.describe()}\n")
        return 1
    try:
        if args.html is None:
            out = render_terminal(ex, color=_use_color(args.color)) + "\n"
            encoding = sys.stdout.encoding or "utf-8"
            sys.stdout.flush()
            sys.stdout.buffer.write(out.encode(encoding, "replace"))
            sys.stdout.buffer.flush()
        elif args.html == "-":
            sys.stdout.buffer.write(render_html(ex).encode("utf-8", "replace"))
            sys.stdout.buffer.flush()
        else:
            with open(args.html, "wb") as f:
                f.write(render_html(ex).encode("utf-8", "replace"))
            sys.stderr.write(f"newsclean: wrote {args.html}\n")
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as exc:
        sys.stderr.write(f"newsclean: error: {exc}\n")
        return 1
    return 0
