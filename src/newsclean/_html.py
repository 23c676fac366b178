"""The HTML path: trafilatura finds the article, newsclean's text stages finish it.

``extract_html`` runs ``trafilatura.bare_extraction`` (metadata on, comments
off, no network) and returns its text and metadata. When trafilatura finds
little or nothing, the page's visible text (block elements on their own lines)
goes down the full-page text path instead, where the main-content stage picks
the article.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex

_MIN_EXTRACTED_CHARS = 50  # below this, trafilatura found next to nothing
_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "td",
        "th",
        "tr",
        "ul",
        "title",
        "option",
        "button",
        "label",
    ]
)
_SKIP_TAGS = frozenset(
    ["script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "head"]
)
_SPACES = regex.compile(r"[ \t\r\f\v\u00a0]+")


@dataclass(frozen=True, slots=True)
class HtmlExtraction:
    text: str
    title: str | None = None
    date: str | None = None
    author: str | None = None
    source: str | None = None
    language: str | None = None
    fallback: bool = False


def visible_text(html: str) -> str:
    """The page's visible text, one block element per line (like a browser's innerText).

    >>> visible_text("<html><head><title>T</title></head><body><p>One <b>two</b></p><div>Three</div>"
    ...              "<script>x()</script></body></html>")
    'T\\nOne two\\nThree'
    """
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    parts: list[str] = []
    title = root.find(".//title")
    if title is not None and title.text_content().strip():
        parts.append(title.text_content().strip())
        parts.append("\n")

    def walk(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP_TAGS:
            if el.tail:
                parts.append(el.tail)
            return
        block = tag in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text and tag:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    body = root.find("body")
    walk(body if body is not None else root)
    lines = (_SPACES.sub(" ", ln).strip() for ln in "".join(parts).split("\n"))
    return "\n".join(ln for ln in lines if ln)


def _opt(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def extract_html(html: str, url: str | None = None) -> HtmlExtraction:
    """Article text and metadata from a page's HTML; never fetches anything.

    >>> page = ("<html><head><title>Big news | Daily</title></head><body><nav>Home | News</nav>"
    ...         "<article><h1>Big news</h1><p>" + "A long enough sentence of the story. " * 8 +
    ...         "</p></article></body></html>")
    >>> ex = extract_html(page)
    >>> ex.title, ex.text.splitlines()[1].startswith("A long enough sentence"), ex.fallback
    ('Big news', True, False)
    """
    import trafilatura

    doc = None
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_precision=True,
            deduplicate=False,
        )
    except Exception:  # trafilatura raises a variety of parser errors on broken pages
        doc = None
    text = str(getattr(doc, "text", "") or "") if doc is not None else ""
    extraction = HtmlExtraction(
        text,
        title=_opt(getattr(doc, "title", None)),
        date=_opt(getattr(doc, "date", None)),
        author=_opt(getattr(doc, "author", None)),
        source=_opt(getattr(doc, "sitename", None)),
        language=_opt(getattr(doc, "language", None)),
    )
    if len(text.strip()) < _MIN_EXTRACTED_CHARS:
        page_text = visible_text(html)
        if len(page_text) > len(text):
            return replace(extraction, text=page_text, fallback=True)
    return extraction
