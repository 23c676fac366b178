"""The HTML path: trafilatura finds the article, newsclean's text stages finish it.

``extract_html`` parses the page once (lxml, through trafilatura's loader) and
works on that one tree (large pages aside, see the end; readability edits the tree
itself, so the precision extraction, when it runs, parses the page again):

* metadata: trafilatura's meta-tag, JSON-LD, title and URL readers, its byline readers
  restated for speed (``_AUTHOR_READERS``), plus
  htmldate without its extensive search (free-text dates through dateparser: seconds
  on some pages, ~45 MB once loaded); categories, tags and licence, which newsclean
  does not use, are skipped;
* the article: trafilatura in recall mode without its fallbacks. A long text that
  reads as prose and has no list items or table rows (where related-story lists hide,
  their entries often sentence-length) stands; otherwise it is checked against readability
  (trafilatura's fork, a different algorithm). When the two agree the recall text
  stands; when they disagree, trafilatura's precision mode (with its fallbacks) runs too and whichever
  of the two agrees better with readability wins, unless both are prose and readability's
  text has more than twice the words: then readability found the rest of the article and
  its text wins as it is. Otherwise trailing lines readability does not
  share (related-story lists, tag lines, comments) are then cut from the winner, and
  lines that one paragraph of the page's source merely wraps are joined again;
* when all that finds next to nothing, the page's visible text (block elements on
  their own lines) goes down the full-page text path instead, where the
  main-content stage picks the article; unless what was found is the article's header
  alone (headline, byline: a photo or video post), whose page has no article text;
* memory: on a large page (``_LARGE_HTML``) the tree is dropped once metadata and the
  visible text are read, and trafilatura parses the string itself instead of copying
  the tree; a page with a very long visible text (``_HUGE_TEXT``) skips trafilatura's
  cascade for readability alone, whose working set is a fraction of it.

No network access; no state kept between calls (trafilatura's and htmldate's
memoising caches are pure, so results do not depend on call order). One process-wide
side effect: before trafilatura's first fallback extraction, its all-language justext
stoplist (``trafilatura.external.JT_STOPLIST``, unset until then) is set to an object
that reads justext's files when iterated (``_install_justext_stoplist``), instead of the
~13 MB tuple trafilatura would build; justext turns either into the same frozenset of
words, so trafilatura's results, newsclean's and those of a host application's own
trafilatura calls are unchanged (a test checks the two sets are equal).
"""

from __future__ import annotations

import contextlib
import copy
import functools
import itertools
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import regex

from ._content import NOT_PARAGRAPH, is_end_heading, is_paragraph
from ._decode import c1_as_windows_1252
from ._metadata import byline_author, date_near, headline_of_title_tag, site_in_title_line

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_XML_DECLARATION = regex.compile(r"\A\s*<\?xml[^>]*\?>")
_MIN_EXTRACTED_CHARS = 50  # below this, trafilatura found next to nothing
# From this many characters of HTML on, trafilatura gets the page as a string and newsclean
# drops its own tree first: given a tree, trafilatura copies it and keeps four copies alive in
# its cascade (a 1 MB page: ~8 MB each), given a string it parses its own and copies less.
# Smaller pages keep the one shared tree (parsing again costs time).
_LARGE_HTML = 250_000
# A large page with this much visible text is left to readability alone: trafilatura's
# copies of such a tree (a long Wikipedia article: ~30 MB) would set the worker's peak memory.
_HUGE_TEXT = 100_000
# Script and style elements of a large page: code, not text (no extractor reads it), yet often
# most of the page, and every parse holds transient copies of the whole string.
_CODE_OPEN = regex.compile(r"<(script|style)\b[^>]{0,1000}>", regex.IGNORECASE)  # bounded: linear
_CODE_CLOSE = {
    "script": regex.compile(r"</script\s*>", regex.IGNORECASE),
    "style": regex.compile(r"</style\s*>", regex.IGNORECASE),
}
# A line break in the page's source is a space to a browser, outside the elements that show
# them; trafilatura keeps the breaks of text written straight into a <div>, so a wrapped
# paragraph would reach the text stages as a dozen short lines (headline-like to the metadata
# stage). Such breaks are found in the tree (``_source_wraps``) and undone in the article.
_LINE_BREAK = regex.compile(r"\r\n?|\n")
_WRAP_PIECE = 30  # characters of each side of a break matched against the article's lines
# Text nodes of at least two words with a line break (whitespace between tags has no words;
# this test first, in libxml2, keeps the Python side to a few dozen nodes a page).
_WRAPPED_TEXT = "//body//text()[contains(normalize-space(.), ' ')][contains(., '\n')]"
# A line starting in lower case: a sentence going on, as after a wrap (see ``_unwrapped``).
_CONTINUED_LINE = regex.compile(r"\n[ \t]*\p{Ll}")
_NOT_PROSE_TAGS = frozenset(["script", "style", "noscript", "template"])
_KEEPS_BREAKS_TAGS = frozenset(["pre", "textarea", "listing", "xmp", "plaintext"])
_MAX_DATE = "2099-12-31"  # htmldate's upper bound, fixed so answers never depend on the day
# Below this agreement (Dice overlap of 4-word shingles) between trafilatura's recall text
# and readability's, the precision extraction is run as a second candidate.
_AGREEMENT = 0.7
# ... and when readability's text, prose, has more than this many times the words of the
# chosen one, also prose, readability's stands: it found the rest of the article (trafilatura's
# own fallback takes readability's text from twice the length on).
_READABILITY_LONGER = 2.0
_SHINGLE = 4
_WORD = regex.compile(r"\w+")
# A trailing line of the chosen text is "readability's too" when more than this share of its
# shingles occur in readability's text; the unshared tail is cut only when it is at least this
# share of the text's words (a stray caption or credit line is not worth a cut).
_TAIL_SUPPORT = 0.5
_TAIL_MIN_CUT = 0.05
# ... unless the unshared tail reads as prose: this share of its characters in paragraphs
# (sentence-length lines that are no list item or table row, ``_content.is_paragraph``).
_PROSE_SHARE = 0.9
# A recall text this long that reads as prose and has no list item or table row is an article:
# readability is not consulted.
_PROSE_MIN_CHARS = 1000
_RELATED_AFTER = 400  # characters of the article before a related-links box can open
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
        root = lxml.html.document_fromstring(_XML_DECLARATION.sub("", html, count=1))
    except (etree.ParserError, ValueError):
        return ""
    return _visible_text_of(root)


def _visible_text_of(root: HtmlElement) -> str:
    """:func:`visible_text` of an already parsed page (the tree is only read)."""
    # Blocks are ended with NUL (which no parsed text contains) so that the source's own line
    # breaks, spaces to a browser, can all become spaces at once; <pre> keeps them as ends.
    parts: list[str] = []
    title = _first_title(root)
    if title is not None and title.text_content().strip():
        parts.append(title.text_content().strip())
        parts.append("\0")
    body = root.find("body")
    # Iterative walk (a deeply nested page must not hit the recursion limit): an entry
    # (el, keep) opens the element, a string is what closing one adds (block break, tail),
    # pushed only when there is any; ``keep``: inside an element that shows its source's
    # line breaks (<pre>).
    stack: list[str | tuple[Any, bool]] = [(body if body is not None else root, False)]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        el, keep = item
        tag = el.tag
        if not isinstance(tag, str):
            tag = ""
        tail = el.tail
        if tail and keep:
            tail = _LINE_BREAK.sub("\0", tail)
        if tag in _SKIP_TAGS:
            if tail:
                parts.append(tail)
            continue
        block = tag in _BLOCK_TAGS
        if block:
            parts.append("\0")
        inner = keep or tag in _KEEPS_BREAKS_TAGS
        text = el.text
        if text and tag:
            parts.append(_LINE_BREAK.sub("\0", text) if inner else text)
        closing = ("\0" + tail if tail else "\0") if block else (tail or "")
        if len(el):
            if closing:
                stack.append(closing)
            stack.extend([(child, inner) for child in reversed(el)])
        elif closing:
            parts.append(closing)
    # (spaces are squeezed in one pass: no run of them spans a block's end)
    text = _SPACES.sub(" ", "".join(parts).replace("\r", " ").replace("\n", " "))
    lines = (ln.strip() for ln in text.split("\0"))
    return "\n".join(ln for ln in lines if ln)


def _below(root: HtmlElement, tag: str) -> Iterator[HtmlElement]:
    """``root.iter(tag)`` without ``root`` itself, in document order, searched from each of
    its children: lxml's iterator looks for the next match as it hands one out, so the first
    <title> asked of the root walks the rest of the page for a second one (~0.14 ms a page),
    while from the root's children that walk ends with <head>.

    >>> import lxml.html
    >>> page = lxml.html.fromstring("<html><head><title>A</title></head><body><title>B</title>")
    >>> [t.text for t in _below(page, "title")]
    ['A', 'B']
    """
    for child in root:
        if isinstance(child.tag, str):  # (not a comment or processing instruction)
            yield from child.iter(tag)


def _first_title(root: HtmlElement) -> HtmlElement | None:
    """``root.find(".//title")``, the page's first <title> element (see ``_below``)."""
    return next(_below(root, "title"), None)


def _without_code(html: str) -> str:
    """``html`` without the contents of its script and style elements; JSON data (JSON-LD
    metadata) is kept. Linear: each element is searched to its end tag once, and an element
    left open keeps the rest of the page as it is.

    >>> _without_code("<p>a</p><SCRIPT>var x = '<p>';</script ><style>p{}</style><p>b</p>")
    '<p>a</p><SCRIPT></script ><style></style><p>b</p>'
    >>> _without_code('<script type="application/ld+json">{"a": 1}</script>')
    '<script type="application/ld+json">{"a": 1}</script>'
    """
    parts: list[str] = []
    pos = 0
    for opening in _CODE_OPEN.finditer(html):
        if opening.start() < pos:  # inside an element already skipped
            continue
        if "json" in opening[0].casefold():
            continue
        closing = _CODE_CLOSE[opening[1].casefold()].search(html, opening.end())
        if closing is None:
            break
        parts.extend(_pieces(html, pos, opening.end()))
        pos = closing.start()
    if not parts:
        return html
    parts.extend(_pieces(html, pos, len(html)))
    return "".join(parts)


# Kept pieces of a page are sliced at most this long: a slice is stored as compactly as its own
# characters allow, so one emoji in a 1 MB page makes the page 4 bytes a character, but only
# its own piece of the slices held until the join.
_PIECE_CHARS = 1 << 16


def _pieces(text: str, start: int, end: int) -> Iterator[str]:
    """``text[start:end]`` in slices of at most ``_PIECE_CHARS`` characters."""
    for at in range(start, end, _PIECE_CHARS):
        yield text[at : min(end, at + _PIECE_CHARS)]


@functools.cache
def _wrapped_text_xpath() -> Any:
    """The compiled ``_WRAPPED_TEXT`` query, compiled once, on first use (read-only)."""
    from lxml.etree import XPath

    return XPath(_WRAPPED_TEXT)


# The line breaks of a page's running text (see ``_source_wraps``).
_Wraps = dict[str, list[tuple[str, str]]]


def _source_wraps(tree: HtmlElement) -> _Wraps:
    """The line breaks inside the page's running text (not in <pre>, scripts and the like):
    for each, the end of the text before it and the start of the text after it, filed under
    the first word after it. The tree is only read.

    >>> import lxml.html
    >>> _source_wraps(lxml.html.fromstring("<div><p>One two\\n  three four</p></div>"))
    {'three': [('One two', 'three four')]}
    """
    wraps: dict[str, list[tuple[str, str]]] = {}
    for text in _wrapped_text_xpath()(tree):
        owner = text.getparent()
        if text.is_tail and owner is not None:
            owner = owner.getparent()
        if owner is None or any(
            el.tag in _KEEPS_BREAKS_TAGS or el.tag in _NOT_PROSE_TAGS
            for el in (owner, *owner.iterancestors())
            if isinstance(el.tag, str)
        ):
            continue
        pieces = [p for p in (_SPACES.sub(" ", x).strip() for x in _LINE_BREAK.split(text)) if p]
        for before, after in itertools.pairwise(pieces):
            key = after.split(" ", 1)[0]
            wraps.setdefault(key, []).append((before[-_WRAP_PIECE:], after[:_WRAP_PIECE]))
    return wraps


def _join_wrapped(text: str, wraps: _Wraps) -> str:
    """``text`` with each line that continues the one above across a line break of the page's
    source (``_source_wraps``) joined to it, as a browser shows the paragraph.

    >>> _join_wrapped("Title\\nOne two\\n  three four", {"three": [("One two", "three four")]})
    'Title\\nOne two three four'
    """
    if not wraps:
        return text
    lines = text.split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        head = _SPACES.sub(" ", line).strip()
        above = _SPACES.sub(" ", out[-1]).rstrip()
        if any(
            head.startswith(after) and above.endswith(before)
            for before, after in wraps.get(head.split(" ", 1)[0], ())
        ):
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
        else:
            out.append(line)
    return "\n".join(out)


def _unwrapped(text: str, html: str, wraps: _Wraps | None = None) -> str:
    """``text`` with the lines that merely continue the one above across a line break of the
    page's source joined to it (see ``_source_wraps``). Only a text with a line starting in
    lower case (a sentence going on) is looked at, with ``wraps`` if they were read before
    an extractor edited the tree, else in a fresh tree of the page (most pages never need it).
    """
    if not _CONTINUED_LINE.search(text):
        return text
    if wraps is None:
        tree = _parse(html)
        if tree is None:
            return text
        wraps = _source_wraps(tree)
    return _join_wrapped(text, wraps)


def _opt(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _parse(html: str) -> HtmlElement | None:
    """The page's tree, parsed once (trafilatura's loader: repairs, encoding declarations)."""
    try:
        tree = _load_html(html)
    except Exception:  # a parser error on a broken page: no tree
        return None
    return tree if tree is not None and len(tree) else None


def _load_html(html: str) -> HtmlElement | None:
    """``trafilatura.utils.load_html(html)`` with fewer copies of the page, parsed with
    :func:`_html_parser` (load_html's parser settings, lxml's own element lookup).

    Its repair step rebuilds the page around the first line whenever the page starts with
    a doctype (most do): the rest of the page, then the whole page again, while the caller
    holds the original (on a 1 MB page of four-byte characters, 8 MB beside the tree). On a
    page without the control characters or the self-closing ``<html/>`` it also repairs,
    that step comes to the page itself or, when it drops a doctype with a slash in it, the
    page after that doctype: that is taken as one slice. Any other page is repaired by
    load_html's own step. Then load_html's steps after the repair, restated.
    """
    from lxml.html import fromstring
    from trafilatura.utils import load_html

    try:  # load_html's own parts (not public API: a release without them gets load_html)
        from trafilatura.utils import (
            DOCTYPE_TAG,
            INVALID_XML_CHARS,
            is_dubious_html,
            repair_faulty_html,
        )
    except ImportError:
        return load_html(html)
    beginning = html[:50].lower()
    first_line_end = html.find("\n")
    if first_line_end < 0 or INVALID_XML_CHARS.search(html) is not None:
        repaired = repair_faulty_html(html, beginning)  # (the doctype repair adds a line break)
    else:
        repaired = html
        if "doctype" in beginning:
            # DOCTYPE_TAG.sub("", first line, count=1) + "\n" + the rest: the match is anchored
            doctype = DOCTYPE_TAG.search(html, 0, first_line_end)
            if doctype is not None:
                repaired = html[doctype.end() :]
        if any("<html" in ln and ln.endswith("/>") for ln in repaired[:4096].splitlines()[:4]):
            repaired = repair_faulty_html(html, beginning)
    # load_html's steps after the repair
    check_flag = is_dubious_html(beginning)
    fallback_parse = False
    tree = None
    try:
        tree = fromstring(repaired, parser=_html_parser())
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        tree = _parse_bytes(repaired)
        fallback_parse = True
    except Exception:  # load_html logs and goes on
        tree = None
    if (tree is None or len(tree) < 1) and not fallback_parse:
        tree = _parse_bytes(repaired)
    if tree is not None and check_flag is True and len(tree) < 2:
        return None  # not HTML (load_html's answer too)
    return tree


def _parse_bytes(html: str) -> HtmlElement | None:
    """``trafilatura.utils.fromstring_bytes``: the page parsed from its UTF-8 bytes, or None."""
    from lxml.html import fromstring

    try:
        return fromstring(html.encode("utf8", "surrogatepass"), parser=_html_parser())
    except Exception:  # a parser error: no tree
        return None


@functools.lru_cache(maxsize=1)
def _html_parser() -> Any:
    """trafilatura's HTML parser (``utils.HTML_PARSER``, same settings) with lxml's own element
    lookup in place of lxml.html's: every element object made for a tree it parsed (in
    newsclean's readers, trafilatura's cascade, readability, htmldate) is then an
    ``HtmlElement`` chosen in C, where lxml.html's lookup calls back into Python for each one
    (4-10% of extract_html's time on dev pages). The one difference: form controls (form, input,
    select, textarea, label) are plain ``HtmlElement``s, without lxml.html's form API, which
    none of these readers use. And ``huge_tree``: libxml2 otherwise stops building the tree
    at depth 256, and a page that leaves ``<font>`` open per paragraph lost the rest of its
    text (with it, 2048). Made once, on first use (as trafilatura's, one parser serves
    every call; what it parsed before does not change what it parses next).

    >>> type(_html_parser().makeelement("input")).__name__
    'HtmlElement'
    """
    from lxml import etree
    from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction

    parser = etree.HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
    )
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=HtmlElement,
            comment=HtmlComment,
            pi=HtmlProcessingInstruction,
            entity=HtmlEntity,
        )
    )
    return parser


def _any_of(words: tuple[str, ...], test: str = "contains") -> str:
    return " or ".join(f"{test}(., '{w}')" for w in words)


# trafilatura's byline readers (``metadata.extract_author``: its AUTHOR_XPATHS run on a copy of
# the page pruned by AUTHOR_DISCARD_XPATHS) restated for speed, same answers: each ``re:test``
# became the ``contains``/``starts-with`` tests its pattern spells out (an EXSLT regex calls
# back into Python for every element); the readers select attributes, then their elements
# (libxml2 walks a page's few attributes of a name faster than testing every element); and
# instead of pruning a copy of the page, a match inside a discarded element is skipped.
# ``_byline_candidates`` finds what these select in one walk; they still answer on a page
# it leaves to them, and the tests hold the two to the same selections.
_AUTHOR_DISCARD = (
    "(self::a or self::div or self::section or self::span) and (@id='comments' or "
    "@class='comments' or @class='title' or @class='date' or starts-with(@id, 'comments') or "
    "contains(@id, 'comment-list') or contains(@id, 'commentlist') or "
    "contains(@id, 'ProductReviews') or starts-with(@class, 'Comments') or "
    "starts-with(@class, 'comments') or "
    + " or ".join(
        f"contains(@class, '{w}')"
        for w in (
            "commentlist",
            "comments-list",
            "sidebar",
            "is-hidden",
            "quote",
            "embedly-instagram",
            "article-share",
            "article-support",
            "print",
            "category",
            "meta-date",
            "meta-reviewer",
        )
    )
    + " or contains(@data-component, 'Figure')) or self::time or self::figure"
)
_AUTHOR_READERS = (
    "(//@rel[.='author'] | //@id[.='author'] | //@itemprop[.='author name'] | "
    "//@data-testid[.='AuthorCard' or .='AuthorURL'] | //rel[.='me'] | //@class[.='author' or "
    + _any_of(("author-name", "authorname", "AuthorName", "authorName"))
    + "])/parent::*[self::a or self::address or self::div or self::link or self::p or self::span or "
    "self::strong] | //author",
    "(//@class[.='byline' or .='username' or .='byl' or .='BBL' or "
    + _any_of(
        (
            "author",
            "channel-name",
            "zuozhe",
            "bianji",
            "xiaobian",
            "submitted-by",
            "posted-by",
            "journalist-name",
        )
    )
    + "] | //@itemprop[contains(., 'author')] | //@id["
    + _any_of(("author", "zuozhe", "bianji", "xiaobian"))
    + "])/parent::*[self::a or self::div or self::h3 or self::h4 or self::p or self::span]",
    "(//@data-component[contains(., 'Byline')] | //@itemprop[contains(., 'author')] | //@id["
    + _any_of(("Author", "author"))
    + "] | //@class["
    + _any_of(("Author", "author", "screenname", "writer", "Byline", "byline"))
    + "])/parent::*",
)
_AUTHOR_MAX_CHARS = 120  # trafilatura's limit for a byline's text


# The same readers in one walk of the page (``_byline_candidates``): an element is a candidate of
# a reader when one of its attributes passes one of that reader's tests (the XPath's per-attribute
# tests, restated) and, for the first two, its tag is one the reader takes. Every test needs one
# of ``_BYLINE_CUE`` in the value, so most attributes are passed over after one search.
_BYLINE_CUE = regex.compile(
    "uthor|yline|byl|BBL|writer|screenname|channel-name|zuozhe|bianji|xiaobian|submitted-by|"
    "posted-by|journalist-name|username"
)
_BYLINE_ATTRIBUTES = frozenset(["class", "id", "itemprop", "rel", "data-testid", "data-component"])
_FIRST_READER_TAGS = frozenset(["a", "address", "div", "link", "p", "span", "strong"])
_SECOND_READER_TAGS = frozenset(["a", "div", "h3", "h4", "p", "span"])
_FIRST_CLASS_PARTS = ("author-name", "authorname", "AuthorName", "authorName")
_SECOND_CLASSES = frozenset(["byline", "username", "byl", "BBL"])
_SECOND_CLASS_PARTS = (
    "author",
    "channel-name",
    "zuozhe",
    "bianji",
    "xiaobian",
    "submitted-by",
    "posted-by",
    "journalist-name",
)
_SECOND_ID_PARTS = ("author", "zuozhe", "bianji", "xiaobian")
_THIRD_CLASS_PARTS = ("Author", "author", "screenname", "writer", "Byline", "byline")


@functools.cache
def _author_xpaths() -> tuple[tuple[Any, ...], Any, Any]:
    """The compiled byline readers, the test for a match in a discarded element and the test
    for a discarded element in a match; compiled once, on first use (read-only)."""
    from lxml.etree import XPath

    return (
        tuple(XPath(x) for x in _AUTHOR_READERS),
        XPath(f"boolean(ancestor-or-self::*[{_AUTHOR_DISCARD}])"),
        XPath(f"boolean(.//*[{_AUTHOR_DISCARD}])"),
    )


def _byline_candidates(tree: HtmlElement) -> list[list[HtmlElement]] | None:
    """What each of ``_AUTHOR_READERS`` selects in ``tree``'s page, in document order, found in
    one walk of the page instead of the readers' fifteen (each ``contains`` test costs libxml2
    a copy of the value); None on a page with a ``<rel>`` element, whose reader selects the
    element's parent, not the element (rare: the readers themselves answer there).

    >>> import lxml.html
    >>> page = lxml.html.fromstring('<div class="byline"><a rel="author">A</a></div><b class="writer">')
    >>> [[el.tag for el in found] for found in _byline_candidates(page)]
    [['a'], ['div'], ['div', 'b']]
    """
    from lxml.etree import Element

    first: list[HtmlElement] = []
    second: list[HtmlElement] = []
    third: list[HtmlElement] = []
    cue = _BYLINE_CUE.search
    # (the whole page: lxml.html.fromstring may hand back an element inside it)
    for el in tree.getroottree().getroot().iter(Element):
        tag = el.tag
        if tag == "rel":
            return None
        in_first = tag == "author"
        in_second = in_third = False
        for name, value in el.items():
            if name not in _BYLINE_ATTRIBUTES or not cue(value):
                continue
            if name == "class":
                in_first = in_first or value == "author" or _has_any(value, _FIRST_CLASS_PARTS)
                in_second = (
                    in_second or value in _SECOND_CLASSES or _has_any(value, _SECOND_CLASS_PARTS)
                )
                in_third = in_third or _has_any(value, _THIRD_CLASS_PARTS)
            elif name == "id":
                in_first = in_first or value == "author"
                in_second = in_second or _has_any(value, _SECOND_ID_PARTS)
                in_third = in_third or "author" in value or "Author" in value
            elif name == "itemprop":
                in_first = in_first or value == "author name"
                if "author" in value:
                    in_second = in_third = True
            elif name == "rel":
                in_first = in_first or value == "author"
            elif name == "data-testid":
                in_first = in_first or value in ("AuthorCard", "AuthorURL")
            else:  # data-component
                in_third = in_third or "Byline" in value
        if in_first and (tag == "author" or tag in _FIRST_READER_TAGS):
            first.append(el)
        if in_second and tag in _SECOND_READER_TAGS:
            second.append(el)
        if in_third:
            third.append(el)
    return [first, second, third]


def _has_any(value: str, parts: tuple[str, ...]) -> bool:
    return any(part in value for part in parts)


def _author(tree: HtmlElement) -> str | None:
    """trafilatura's ``extract_author`` (see ``_AUTHOR_READERS``): the first byline element
    with a plausible text, normalised; None if none."""
    from trafilatura.htmlprocessing import prune_unwanted_nodes
    from trafilatura.json_metadata import normalize_authors
    from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS

    readers, discarded, has_discarded = _author_xpaths()
    found = _byline_candidates(tree)
    for candidates in (reader(tree) for reader in readers) if found is None else found:
        for elem in candidates:
            if discarded(elem):
                continue
            if has_discarded(elem):  # rare: its text is read as trafilatura's pruned copy has it
                elem = prune_unwanted_nodes(copy.deepcopy(elem), AUTHOR_DISCARD_XPATHS)
            content = " ".join(" ".join(elem.itertext()).split())
            if content and 2 < len(content) < _AUTHOR_MAX_CHARS:
                return normalize_authors(None, content)
    return None


def _metadata(tree: HtmlElement, url: str | None) -> dict[str, str | None]:
    """Title, date, author, source of a page, without the parts newsclean does not use.

    A reader that breaks on a page costs only the fields not read yet.
    """
    try:
        from htmldate import find_date
        from trafilatura import metadata as tm

        md = tm.Document()
    except Exception:  # a trafilatura without these helpers
        return {}
    try:
        md = tm.examine_meta(tree)
        if md.author and " " not in md.author:
            md.author = None
        with contextlib.suppress(Exception):  # trafilatura's own guard: JSON-LD reader bugs
            md = tm.extract_meta_json(tree, md)
        if not md.title:
            md.title = tm.extract_title(tree)
        if not md.author:
            md.author = _author(tree)
        if not md.url:
            md.url = tm.extract_url(tree, url)
        # No extensive search: it sends free-text candidates to dateparser, which tries
        # every locale (about 0.1 s a string, seconds a page, ~45 MB once loaded) and
        # recovers a date on only ~3% of pages.
        md.date = find_date(
            tree,
            extensive_search=False,
            original_date=True,
            url=md.url,
            # A fixed bound, not today: the same page must give the same answer next year.
            max_date=_MAX_DATE,
        )
        if not md.sitename:
            md.sitename = tm.extract_sitename(tree)
        if md.sitename:
            md.sitename = md.sitename.lstrip("@")
            if md.sitename and "." not in md.sitename and not md.sitename[0].isupper():
                md.sitename = md.sitename.title()
        elif md.url and (m := tm.META_URL.match(md.url)):
            md.sitename = m[1]
    except Exception:  # a reader broke on this page: keep what was read before it
        pass
    with contextlib.suppress(Exception):
        md.clean_and_trim()
    tag = _first_title(tree)
    if tag is not None:
        # trafilatura takes a page's only <h1>, on a blog often the blog's name.
        text = " ".join(tag.text_content().split())
        md.title = headline_of_title_tag(_opt(md.title), text, _opt(md.sitename))
        if not md.sitename and md.title:  # no og:site_name, no URL: "Headline | Site"
            md.sitename = site_in_title_line(text, md.title) or None
    return {
        "title": _opt(md.title),
        "date": _opt(md.date),
        "author": _opt(md.author),
        "source": _opt(md.sitename),
        "language": declared_language(tree),
    }


# "en", "en-US", "pt_BR": the ISO 639-1 code leads a language tag.
_LANGUAGE_TAG = regex.compile(r"\s*([a-z]{2})(?:[-_][a-z0-9]+)*\s*$", regex.IGNORECASE)


def declared_language(tree: HtmlElement) -> str | None:
    """The ISO 639-1 code the page declares in ``<html lang>`` (or ``xml:lang``, or a
    ``content-language`` meta tag), or ``None``. Templates often declare one language
    for every page, so this only stands in when the text cannot tell.

    >>> import lxml.html
    >>> declared_language(lxml.html.fromstring('<html lang="pt-BR"><body><p>x</p></body></html>'))
    'pt'
    >>> declared_language(lxml.html.fromstring('<html lang="x-klingon"><body></body></html>')) is None
    True
    """
    root = tree.getroottree().getroot()
    candidates = [root.get("lang"), root.get("{http://www.w3.org/XML/1998/namespace}lang")]
    for meta in _below(root, "meta"):
        if (meta.get("http-equiv") or "").lower() == "content-language":
            candidates.append(meta.get("content"))
    for value in candidates:
        m = _LANGUAGE_TAG.match(value or "")
        if m is not None:
            return m.group(1).lower()
    return None


class _AllJustextStoplists:
    """Every word of every justext stoplist, read from justext's files each time it is
    iterated: what trafilatura's fallback gives justext when the page's language is not
    set, and justext only iterates it once, into its own cached lower-case frozenset.

    trafilatura's own form of it (``jt_stoplist_init``) is a tuple of the union, ~13 MB
    held beside justext's frozenset for the life of the process; this object holds nothing,
    and justext's frozenset is the same set of words either way, so results are unchanged.
    """

    __slots__ = ()

    def __iter__(self) -> Iterator[str]:
        from justext.utils import get_stoplist, get_stoplists

        for language in sorted(get_stoplists()):
            yield from get_stoplist(language)


@functools.lru_cache(maxsize=1)
def _install_justext_stoplist() -> None:
    """Give trafilatura :class:`_AllJustextStoplists` as its all-language stoplist, once per
    process, before its first fallback extraction (left alone if it built its own)."""
    with contextlib.suppress(Exception):  # a trafilatura without this global: nothing to do
        from trafilatura import external

        if external.JT_STOPLIST is None:
            external.JT_STOPLIST = _AllJustextStoplists()  # type: ignore[assignment]


def _trafilatura_text(
    tree: HtmlElement | str,
    url: str | None,
    *,
    favor_recall: bool = False,
    favor_precision: bool = False,
    fast: bool = False,
) -> str:
    """trafilatura's article text for ``tree`` (which it copies, never changes) or for the
    page's HTML; "" if none."""
    import trafilatura

    if not fast:  # the fallbacks run, justext's among them
        _install_justext_stoplist()
    try:
        doc = trafilatura.bare_extraction(
            tree,
            url=url,
            include_comments=False,
            include_tables=True,
            deduplicate=False,
            with_metadata=False,
            favor_recall=favor_recall,
            favor_precision=favor_precision,
            fast=fast,
        )
    except Exception:  # trafilatura raises a variety of parser errors on broken pages
        return ""
    return str(getattr(doc, "text", "") or "") if doc is not None else ""


def _readability(tree: HtmlElement) -> tuple[str, str]:
    """The article readability (trafilatura's fork) finds in ``tree``, which it edits: its
    text flattened with a space between all pieces (what the extractions are compared on),
    and one block a line, as a browser shows it; ("", "") if none."""
    try:
        from trafilatura.external import try_readability

        summary = try_readability(tree)
        return " ".join(summary.itertext()), _visible_text_of(summary)
    except Exception:  # no such helper in this trafilatura, or readability failed on the page
        return "", ""


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text.casefold())
    if len(words) <= _SHINGLE:
        return Counter([tuple(words)]) if words else Counter()
    # the shorter slices end the zip: one shingle per window of _SHINGLE words
    return Counter(zip(*(words[i:] for i in range(_SHINGLE)), strict=False))


def _agreement(a: Counter[tuple[str, ...]], b: Counter[tuple[str, ...]]) -> float:
    """Dice overlap of two shingle multisets: 1.0 same words in the same order, 0.0 none shared.

    >>> round(_agreement(_shingles("a b c d e f"), _shingles("a b c d e f g")), 2)
    0.86
    """
    total = sum(a.values()) + sum(b.values())
    return 2 * sum((a & b).values()) / total if total else 0.0


def _article_text(
    html: str, tree: HtmlElement | None, url: str | None
) -> tuple[str, _Wraps | None]:
    """The article's text: trafilatura's recall and precision modes, readability as arbiter
    (and, when both extractions are prose and readability's has more than twice the words of
    the better one, readability's own text); and the page's ``_source_wraps`` when they were
    read from ``tree`` before readability edited it: when a line of the recall text starts in
    lower case (the final text then nearly always has one too), or when that text stands.

    ``tree`` is the parsed ``html``, this call's to spoil (readability edits it), or None on a
    large page (each step parses its own). Readability gets the tree itself rather than a copy:
    the precision extraction, which runs on one page in ten, parses the page again instead.
    """
    text = _trafilatura_text(html if tree is None else tree, url, favor_recall=True, fast=True)
    if len(text) >= _PROSE_MIN_CHARS:
        lines = text.split("\n")
        if _reads_as_prose(lines) and not any(
            ln.lstrip().startswith(NOT_PARAGRAPH) for ln in lines
        ):
            # nothing for an arbiter to correct (and trafilatura copies the tree)
            return text, _wraps_if_continued(text, tree)
    if tree is None:
        tree = _parse(html)
    wraps = _wraps_if_continued(text, tree)
    arbiter, article = _readability(tree) if tree is not None else ("", "")
    del tree  # spoilt, and not kept alive through the precision extraction below
    if not arbiter:
        return text, wraps
    ref = _shingles(arbiter)
    if not ref:
        return text, wraps
    agree = _agreement(_shingles(text), ref)
    if agree < _AGREEMENT:
        other = _trafilatura_text(html, url, favor_precision=True)
        if _agreement(_shingles(other), ref) > agree:
            text = other
        if (
            len(_WORD.findall(arbiter)) > _READABILITY_LONGER * len(_WORD.findall(text))
            and _reads_as_prose(text.split("\n"))
            and _reads_as_prose(article.split("\n"))
        ):
            return article, wraps
    return _trim_tail(text, ref), wraps


def _wraps_if_continued(text: str, tree: HtmlElement | None) -> _Wraps | None:
    """``_source_wraps`` of ``tree`` when ``text`` has a line starting in lower case."""
    if tree is None or not _CONTINUED_LINE.search(text):
        return None
    return _source_wraps(tree)


def _reads_as_prose(lines: list[str]) -> bool:
    """Nearly all in sentence-length lines that are not list items or table rows (trafilatura
    writes an ``<li>`` as "- ...", a ``<tr>`` as "| ... |"): paragraphs, not a list of links
    or related stories.

    >>> _reads_as_prose(["A sentence that has more than ten words in it, as prose does."])
    True
    >>> _reads_as_prose(["- A related story whose title is long enough to count as prose"])
    False
    >>> _reads_as_prose(["| Home | News | A teaser whose text is long enough to count as prose |"])
    False
    """
    total = sum(len(ln) for ln in lines)
    prose = sum(len(ln) for ln in lines if is_paragraph(ln))
    return total > 0 and prose >= _PROSE_SHARE * total


def _trim_tail(text: str, ref: Counter[tuple[str, ...]]) -> str:
    """``text`` without its trailing lines that the other extractor (shingles ``ref``) left out.

    Two different algorithms agreeing where the article ends is the better bet: what only one
    of them appends is mostly related-story lists, tag lines and comments. Lines are kept up
    to the last one the other text shares; the start is left alone (headline and byline lines
    are often missing from readability's text but belong to the article). Each shingle of the
    other text backs one line only: a repeat of the article's opening at the end of a page
    (a "recent posts" list starting with this one) is not shared a second time.

    >>> ref = _shingles("one two three four five six seven eight")
    >>> _trim_tail("one two three four five six\\nRelated: nine ten eleven twelve", ref)
    'one two three four five six'
    """
    lines = text.split("\n")
    unused = ref.copy()
    last = -1
    for n, line in enumerate(lines):
        own = _shingles(line)
        # (not Counter's & and -=: those walk all of ``unused`` for every line)
        shared = [(sh, min(k, left)) for sh, k in own.items() if (left := unused.get(sh, 0))]
        if sum(k for _, k in shared) > _TAIL_SUPPORT * sum(own.values()):
            for sh, k in shared:
                unused[sh] -= k
            last = n
    if last < 0:  # nothing shared: not a question of where the article ends
        return text
    if _reads_as_prose(lines[last + 1 :]):  # the article going on where the other one stopped
        return text
    kept = "\n".join(lines[: last + 1])
    cut_words = len(_WORD.findall(text)) - len(_WORD.findall(kept))
    return kept if cut_words >= _TAIL_MIN_CUT * len(_WORD.findall(text)) else text


def extract_html(html: str, url: str | None = None) -> HtmlExtraction:
    """Article text and metadata from a page's HTML; never fetches anything.

    >>> page = ("<html><head><title>Big news | Daily</title></head><body><nav>Home | News</nav>"
    ...         "<article><h1>Big news</h1><p>" + "A long enough sentence of the story. " * 8 +
    ...         "</p></article></body></html>")
    >>> ex = extract_html(page)
    >>> ex.title, "A long enough sentence" in ex.text, ex.fallback
    ('Big news', True, False)
    """
    # lxml refuses a str that declares its encoding, and trafilatura's loader rejects
    # such a page without <head>: the declaration means nothing once decoded, so it goes.
    html = _XML_DECLARATION.sub("", html, count=1)
    # A page decoded as Latin-1 carries its curly quotes, dashes and euro signs as C1
    # controls, which the parser drops: they are read as windows-1252, as browsers do.
    html = c1_as_windows_1252(html)
    if len(html) >= _LARGE_HTML:
        html = _without_code(html)
    parsed = _parse(html)
    if parsed is None:
        dump = visible_text(html)
        return HtmlExtraction(dump, fallback=bool(dump))
    meta = _metadata(parsed, url)
    tree: HtmlElement | None = parsed
    del parsed
    page_text: str | None = None
    if len(html) >= _LARGE_HTML or meta.get("date") is None:
        # Read before the article's extractors spoil the tree (and a large page's tree goes).
        page_text = _visible_text_of(tree)
    if page_text is not None and len(html) >= _LARGE_HTML:  # see _LARGE_HTML
        if len(page_text) >= _HUGE_TEXT:
            text = _readability(tree)[1]  # one block a line already
            tree = None  # spoilt
        else:
            tree = None
            text, wraps = _article_text(html, None, url)
            text = _unwrapped(text, html, wraps)
    else:
        text, wraps = _article_text(html, tree, url)
        tree = None  # spoilt, and gone before _unwrapped parses the page again
        text = _unwrapped(text, html, wraps)
    extraction = HtmlExtraction(
        text,
        title=meta.get("title"),
        date=meta.get("date"),
        author=meta.get("author"),
        source=meta.get("source"),
        language=meta.get("language"),
    )
    short = len(text.strip()) < _MIN_EXTRACTED_CHARS
    if not short and extraction.date is not None:
        return extraction
    if page_text is None:  # a short text on a dated page (rare): the tree is parsed again
        fresh = _parse(html)
        page_text = _visible_text_of(fresh) if fresh is not None else ""
    if short and len(page_text) > len(text) and not _header_only(text, extraction.title):
        return replace(extraction, text=page_text, fallback=True)
    if extraction.date is None:  # no date in the markup: the one the page shows
        extraction = replace(extraction, date=_shown_date(page_text, text))
    return extraction


def related_box_start(lines: Sequence[str]) -> int:
    """Index of the line heading a box of related or more-from links under an article
    extracted from HTML ("Related posts", "More from Football", "Also on HuffPost:"), after
    400 characters of text and with no paragraph under it (a box inside the article, which
    goes on past it, is left: cutting to the end there would lose the rest of the article);
    ``len(lines)`` if none.

    >>> text = ["A paragraph of the post that goes on for a while. " * 10, "More from Sport",
    ...         "- Cup final tickets", "- Transfer news"]
    >>> related_box_start(text), related_box_start(text + [text[0]])
    (1, 5)
    """
    seen = 0
    for i, line in enumerate(lines):
        if (
            seen >= _RELATED_AFTER
            and is_end_heading(line.strip())
            and not any(map(is_paragraph, lines[i + 1 :]))
        ):
            return i
        seen += len(line)
    return len(lines)


def _header_only(text: str, title: str | None) -> bool:
    """``text`` is an article's header alone: its headline (the page's title) and byline.
    Then the extractor found the article and it has no text (a photo or video post): the
    rest of the page (comments, sidebars) is not it, and the full-page path is not taken.

    >>> _header_only("Almost There\\nBy Lim Cheng Soon, 28 May 2010", "Almost There")
    True
    >>> _header_only("Almost There\\nabc def", "Almost There"), _header_only("", None)
    (False, False)
    """
    lines = [" ".join(ln.split()) for ln in text.split("\n") if ln.strip()]
    wanted = " ".join(title.split()).casefold() if title else None
    return bool(lines) and all(
        ln.casefold() == wanted or byline_author(ln) is not None for ln in lines
    )


def _shown_date(page_text: str, article: str) -> str | None:
    """The date the page shows for the article: newsclean's own search (nearest above
    the article's first line, else in the article) over the page's visible lines."""
    lines = [ln.strip() for ln in page_text.split("\n") if ln.strip()]
    first = next((ln.strip() for ln in article.split("\n") if ln.strip()), None)
    if first not in lines:
        return None
    start = lines.index(first)
    return date_near(lines[:start], lines[start:])
