from __future__ import annotations

import pytest

from newsclean import clean
from newsclean._html import extract_html, visible_text

PARAGRAPH = "The council approved the new budget on Tuesday after a long and heated debate. "
PAGE = (
    "<!DOCTYPE html><html lang='en'><head><title>Budget passes | Daily Planet</title>"
    "<meta name='author' content='Jane Smith'><meta property='article:published_time' content='2024-10-21'>"
    "</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Budget passes</h1>"
    f"<p>{PARAGRAPH * 3}</p><p>{PARAGRAPH * 2}</p></article>"
    "<footer>© 2024 Daily Planet. All rights reserved.</footer></body></html>"
)


def test_html_goes_through_trafilatura_with_metadata() -> None:
    doc = clean(PAGE)
    assert doc.body.startswith("The council approved")
    assert "Home" not in doc.body and "rights reserved" not in doc.body
    assert doc.title == "Budget passes"
    assert doc.author == "Jane Smith"
    assert doc.date == "2024-10-21"
    assert doc.language == "en"


def test_html_bytes_with_declared_charset() -> None:
    page = PAGE.replace("<head>", "<head><meta charset='windows-1252'>").replace("debate", "débat")
    assert "débat" in clean(page.encode("cp1252")).body


_LATIN_1_PAGE = (
    '<html><head><meta charset="iso-8859-1"></head><body><article><p>The council\u2019s budget'
    " was approved on Tuesday after a long debate \u2014 officials called it \u201cfinal\u201d"
    " and set aside \u20ac4 million.</p></article></body></html>"
)
_LATIN_1_BODY = (
    "The council\u2019s budget was approved on Tuesday after a long debate \u2014 officials"
    " called it \u201cfinal\u201d and set aside \u20ac4 million."
)


def test_a_page_declared_latin_1_keeps_its_quotes_dashes_and_euro_signs() -> None:
    # (the parser dropped them as C1 controls: "The councils budget ... 4 million")
    assert clean(_LATIN_1_PAGE.encode("cp1252")).body == _LATIN_1_BODY
    assert clean(_LATIN_1_PAGE.encode("cp1252").decode("latin-1")).body == _LATIN_1_BODY


def test_tiny_page_keeps_what_there_is() -> None:
    ex = extract_html(
        "<html><body><div>Short note.</div><div>Another line here.</div></body></html>"
    )
    assert ex.text == "Short note.\nAnother line here."


def test_page_trafilatura_rejects_falls_back_to_visible_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: None)
    ex = extract_html(PAGE)
    assert ex.fallback
    assert ex.text.splitlines()[:3] == [
        "Budget passes | Daily Planet",
        "Home News",
        "Budget passes",
    ]
    doc = clean(PAGE)
    assert "The council approved" in doc.body


def test_visible_text_puts_blocks_on_lines() -> None:
    assert (
        visible_text("<html><body><h1>A</h1><p>b <i>c</i></p><ul><li>d</li></ul></body></html>")
        == "A\nb c\nd"
    )


def test_html_is_parsed_once_and_trafilatura_gets_the_tree(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import lxml.html
    import trafilatura

    seen: list[object] = []
    real = trafilatura.bare_extraction

    def spy(filecontent: object, *args: object, **kwargs: object) -> object:
        seen.append(filecontent)
        return real(filecontent, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(trafilatura, "bare_extraction", spy)
    ex = extract_html(PAGE)
    assert "The council approved" in ex.text
    assert seen and all(isinstance(t, lxml.html.HtmlElement) for t in seen)


def test_recall_text_stands_when_readability_agrees(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclean import _html

    calls: list[dict[str, bool]] = []

    def fake(tree: object, url: object, **mode: bool) -> str:
        calls.append(mode)
        return "recall " + PARAGRAPH * 3 if mode.get("favor_recall") else "precision " + PARAGRAPH

    monkeypatch.setattr(_html, "_trafilatura_text", fake)
    monkeypatch.setattr(_html, "_readability", lambda tree: (PARAGRAPH * 3,) * 2)
    ex = extract_html(PAGE)
    assert ex.text.startswith("recall ")
    assert calls == [{"favor_recall": True, "fast": True}]  # precision mode never ran


def test_precision_text_wins_when_it_agrees_better_with_readability(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newsclean import _html

    sidebar = "\n".join(f"- Related story number {n} about something else" for n in range(30))

    def fake(tree: object, url: object, **mode: bool) -> str:
        return sidebar if mode.get("favor_recall") else PARAGRAPH * 3

    monkeypatch.setattr(_html, "_trafilatura_text", fake)
    monkeypatch.setattr(_html, "_readability", lambda tree: (PARAGRAPH * 3,) * 2)
    assert extract_html(PAGE).text == PARAGRAPH * 3
    # ... and the recall text stays when precision agrees no better
    monkeypatch.setattr(_html, "_readability", lambda tree: ("Something else entirely. " * 9,) * 2)
    assert extract_html(PAGE).text == sidebar


def test_without_readability_the_recall_text_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclean import _html

    modes: list[dict[str, bool]] = []

    def fake(tree: object, url: object, **mode: bool) -> str:
        modes.append(mode)
        return PARAGRAPH * 2

    monkeypatch.setattr(_html, "_trafilatura_text", fake)
    monkeypatch.setattr(_html, "_readability", lambda tree: ("",) * 2)
    assert extract_html(PAGE).text == PARAGRAPH * 2
    assert len(modes) == 1


def test_visible_text_fallback_reads_the_parsed_tree() -> None:
    from newsclean._html import _parse, _visible_text_of

    tree = _parse(PAGE)
    assert tree is not None
    assert _visible_text_of(tree) == visible_text(PAGE)


def test_date_from_markup_only() -> None:
    assert extract_html(PAGE).date == "2024-10-21"
    undated = PAGE.replace(
        "<meta property='article:published_time' content='2024-10-21'>", ""
    ).replace("© 2024 ", "")
    assert extract_html(undated).date is None
    dated_tag = undated.replace(
        "<h1>Budget passes</h1>", "<h1>Budget passes</h1><time>2023-03-03</time>"
    )
    assert extract_html(dated_tag).date == "2023-03-03"


def test_html_path_does_not_load_dateparser() -> None:
    import subprocess
    import sys

    # a fresh interpreter: the page comes on stdin
    script = (
        "import sys, newsclean; newsclean.clean(sys.stdin.read()); "
        "print('dateparser' in sys.modules)"
    )
    # no date in the markup, one in the text: htmldate's extensive search would load dateparser
    page = PAGE.replace("<meta property='article:published_time' content='2024-10-21'>", "")
    page = page.replace(
        "<h1>Budget passes</h1>", "<h1>Budget passes</h1><p>Posted on 3 March 2023</p>"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], input=page, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    "page",
    [
        "",
        "<html></html>",
        "<html><body></body></html>",
        "<html><body>" + "<div>" * 3000 + "deep text" + "</div>" * 3000 + "</body></html>",
        "<html><body>" + "<b>" * 5000 + "unclosed",
        "<html><head><meta charset='utf-8'><title>x</title></head><body>\x00\x01 <p>a</p>",
        "<?xml version='1.0' encoding='utf-8'?><html><body><p>xml declared</p></body></html>",
        "<html><body><table>" + "<tr><td>cell</td></tr>" * 2000 + "</table></body></html>",
    ],
)
def test_broken_pages_never_raise(page: str) -> None:
    ex = extract_html(page)
    assert isinstance(ex.text, str)
    assert isinstance(clean(page).body, str)


def test_a_broken_metadata_reader_keeps_the_fields_read_before_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from trafilatura import metadata

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("reader bug")

    monkeypatch.setattr(metadata, "extract_url", broken)
    ex = extract_html(PAGE)
    assert ex.title == "Budget passes" and ex.author == "Jane Smith"
    assert ex.date is None  # read after the broken one
    assert "The council approved" in ex.text


def test_date_shown_above_the_article_when_the_markup_has_none() -> None:
    story = "<p>" + "The council approved the new budget after a long debate. " * 6 + "</p>"
    page = (
        "<html><body><div>Archive: 1 January 2001</div><div>Menu</div>"
        "<div>Posted on August 9th, 2012 by lucky</div>"
        f"<article>{story}</article></body></html>"
    )
    assert extract_html(page).date == "2012-08-09"


def test_a_future_date_in_the_markup_does_not_depend_on_today() -> None:
    page = (
        '<html><head><meta property="article:published_time" content="2031-05-04"></head>'
        "<body><article><p>" + "A long enough sentence of the story. " * 8 + "</p></article>"
        "</body></html>"
    )
    assert extract_html(page).date == "2031-05-04"


def test_page_with_an_xml_declaration_and_no_head() -> None:
    story = "The council approved the new budget after a long debate. " * 6
    page = f"<?xml version='1.0' encoding='utf-8'?><html><body><p>{story}</p></body></html>"
    assert "approved the new budget" in clean(page).body
    assert "approved the new budget" in visible_text(page)


def test_trailing_lines_readability_leaves_out_are_cut() -> None:
    from newsclean._html import _shingles, _trim_tail

    story = [
        "The harbour reopened on Monday after three weeks of repairs to the main pier.",
        "Fishing boats were the first to return, followed by the ferry to the islands.",
    ]
    related = [
        "- Storm closes harbour for the third time this year, officials say",
        "- Ferry timetable changes from next month: what you need to know",
    ]
    ref = _shingles(" ".join(story))
    assert _trim_tail("\n".join(story + related), ref) == "\n".join(story)
    # a headline readability left out stays: only the end is trimmed
    headed = ["Harbour reopens", *story, *related]
    assert _trim_tail("\n".join(headed), ref) == "\n".join(headed[:3])
    # nothing shared, or a cut under 5% of the words: the text is left alone
    assert _trim_tail("\n".join(related), ref) == "\n".join(related)
    long_story = [story[0]] * 30 + ["Photo: Jane Smith"]
    assert _trim_tail("\n".join(long_story), ref) == "\n".join(long_story)


def test_large_page_gives_trafilatura_the_string(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    from newsclean import _html

    seen: list[type] = []
    real = trafilatura.bare_extraction

    def spy(source: object, *args: object, **kwargs: object) -> object:
        seen.append(type(source))
        return real(source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(trafilatura, "bare_extraction", spy)
    small = extract_html(PAGE)
    assert seen and all(t is not str for t in seen)
    seen.clear()
    monkeypatch.setattr(_html, "_LARGE_HTML", 100)
    large = extract_html(PAGE)
    assert seen and all(t is str for t in seen)
    assert large == small


def test_huge_page_goes_to_readability_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    from newsclean import _html

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("trafilatura's extraction ran on a huge page")

    monkeypatch.setattr(trafilatura, "bare_extraction", fail)
    monkeypatch.setattr(_html, "_LARGE_HTML", 100)
    monkeypatch.setattr(_html, "_HUGE_TEXT", 100)
    ex = extract_html(PAGE)
    assert not ex.fallback
    assert "The council approved" in ex.text
    assert "rights reserved" not in ex.text
    assert ex.author == "Jane Smith" and ex.date == "2024-10-21"


def test_a_blog_name_in_the_only_h1_is_not_the_title() -> None:
    # trafilatura takes a page's only <h1>; on many blogs that is the blog's name.
    page = (
        "<html><head><title>Why budgets pass late | Rand's Blog</title>"
        "<meta property='og:site_name' content=\"Rand's Blog\"></head><body>"
        f"<h1>Rand's Blog</h1><article><h2>Why budgets pass late</h2><p>{PARAGRAPH * 4}</p>"
        "</article></body></html>"
    )
    assert clean(page).title == "Why budgets pass late"
    assert clean(PAGE).title == "Budget passes"  # an <h1> that is the headline stays


BYLINE_PAGES = [
    # each reader of trafilatura's cascade, a discarded ancestor, a discarded descendant
    '<p><span class="author-name">Ann Lee</span></p>',
    '<div><a rel="author" href="/a">Bob Ray</a></div><span class="byline">By Cy Do</span>',
    '<div id="comments"><span class="author">Dee Fox</span></div><p class="byline">Eve Ng</p>',
    '<h4 class="post-author">Fay Li <time>2020-01-02</time> Gu</h4>',
    '<section><em data-component="Byline">Hal Ito</em></section>',
    '<span itemprop="author">Ian Moe</span><div class="sidebar"><b class="writer">Al X</b></div>',
    '<div class="quote"><p class="AuthorName">Jo Kim</p></div><em class="Byline">Kay Oz</em>',
    '<p>No byline here, only <a href="/authors">a link</a>.</p>',
    # attributes, tags and elements that only some readers take
    '<h3 class="author">Lu Ma</h3><li id="author-box">Mo Po</li><author>Ned Ow</author>',
    '<div data-testid="AuthorCard">Oli Pa</div><span itemprop="author name">Pat Qu</span>',
    '<td id="author">Quin Ro</td><strong class="authorName">Rae Su</strong>',
    '<address class="zuozhe">Sam Tu</address><p class="BBL">Tia Vo</p><i class="screenname">x</i>',
    '<span class="username">Uma Wu</span><div id="xiaobian">Val Xi</div><a class="submitted-by">Y</a>',
    '<link rel="author" href="/w"><div><rel>me</rel>Wes Yu</div>',
]


@pytest.mark.parametrize("fragment", BYLINE_PAGES)
def test_author_readers_answer_as_trafilatura_does(fragment: str) -> None:
    from trafilatura.metadata import extract_author

    from newsclean._html import _author, _parse

    tree = _parse(f"<html><head><title>t</title></head><body>{fragment}</body></html>")
    assert tree is not None
    assert _author(tree) == extract_author(tree)


@pytest.mark.parametrize("fragment", BYLINE_PAGES)
def test_byline_candidates_are_what_the_readers_select(fragment: str) -> None:
    from newsclean._html import _author_xpaths, _byline_candidates, _parse

    tree = _parse(f"<html><head><title>t</title></head><body>{fragment}</body></html>")
    assert tree is not None
    found = _byline_candidates(tree)
    if "<rel>" in fragment:  # the readers themselves answer on such a page
        assert found is None
    else:
        assert found == [reader(tree) for reader in _author_xpaths()[0]]


def test_a_repeat_of_the_opening_after_a_sidebar_is_cut() -> None:
    from newsclean._html import _shingles, _trim_tail

    story = [
        "The harbour reopened on Monday after three weeks of repairs to the main pier.",
        "Fishing boats were the first to return, followed by the ferry to the islands.",
    ]
    sidebar = ["Popular posts", "Subscribe to our newsletter", "Search this blog"]
    ref = _shingles(" ".join(story))
    # the recent-posts list opens with this very story: readability's words back it once
    page = [*story, *sidebar, story[0]]
    assert _trim_tail("\n".join(page), ref) == "\n".join(story)


def test_an_unshared_tail_that_reads_as_prose_stays() -> None:
    from newsclean._html import _shingles, _trim_tail

    story = [
        "The harbour reopened on Monday after three weeks of repairs to the main pier.",
        "Fishing boats were the first to return, followed by the ferry to the islands.",
    ]
    more = [
        "Repairs are expected to continue through the summer while divers inspect the pilings.",
        "The council said the cost would be met from the reserve fund set aside last year.",
    ]
    ref = _shingles(story[0])  # readability stopped early
    assert _trim_tail("\n".join(story + more), ref) == "\n".join(story + more)
    # the same sentences as list items are a list of stories, not the article going on
    items = [f"- {line}" for line in more]
    assert _trim_tail("\n".join([story[0], *items]), ref) == story[0]


@pytest.mark.parametrize(
    ("paragraph", "related"),
    [
        # related stories as list items under an article
        ("{}", "- {}"),
        # a page laid out in tables: the article shares its rows with teasers, and
        # trafilatura writes each row as one "| ... |" line long enough to pass for prose
        ("| {} |", "| {} |"),
    ],
)
def test_readability_checks_a_recall_text_with_list_items_or_table_rows(
    monkeypatch: pytest.MonkeyPatch, paragraph: str, related: str
) -> None:
    from newsclean import _html

    story = PARAGRAPH * 3
    article = [paragraph.format(story)] * 2
    teasers = [
        related.format(
            f"Another story about the council, number {n}, and what it decided this week"
        )
        for n in range(8)
    ]
    recall = "\n".join([*article, *teasers])
    assert len(recall) >= _html._PROSE_MIN_CHARS

    def fake(tree: object, url: object, **mode: bool) -> str:
        return recall

    monkeypatch.setattr(_html, "_trafilatura_text", fake)
    monkeypatch.setattr(_html, "_readability", lambda tree: (story * 2,) * 2)
    assert extract_html(PAGE).text == "\n".join(article)


def test_precision_mode_parses_the_page_again(monkeypatch: pytest.MonkeyPatch) -> None:
    import lxml.html
    import trafilatura

    from newsclean import _html

    seen: list[tuple[bool, type]] = []
    real = trafilatura.bare_extraction

    def spy(source: object, *args: object, **kwargs: object) -> object:
        seen.append((bool(kwargs.get("favor_precision")), type(source)))
        return real(source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(trafilatura, "bare_extraction", spy)
    # readability disagrees: precision mode runs, on the HTML (readability edited the tree)
    monkeypatch.setattr(_html, "_readability", lambda tree: ("Something else entirely. " * 9,) * 2)
    ex = extract_html(PAGE)
    assert "The council approved" in ex.text
    assert seen == [(False, lxml.html.HtmlElement), (True, str)]


def test_a_long_prose_text_without_list_items_stands_unchecked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newsclean import _html

    story = "\n".join([PARAGRAPH * 2] * 8)

    def fake(tree: object, url: object, **mode: bool) -> str:
        return story

    def referee(tree: object) -> tuple[str, str]:
        raise AssertionError("readability consulted on a prose text without list items")

    monkeypatch.setattr(_html, "_trafilatura_text", fake)
    monkeypatch.setattr(_html, "_readability", referee)
    assert extract_html(PAGE).text == story


WRAPPED = (
    "The council approved the new budget on Tuesday after a long\n"
    "      and heated debate that ran well past midnight, with the mayor\n"
    "      casting the deciding vote once the last amendment had failed."
)


def test_a_paragraph_wrapped_in_the_source_comes_out_on_one_line() -> None:
    # Text written straight into a <div> keeps its source line breaks in trafilatura's output;
    # a browser shows them as spaces.
    page = (
        "<html><head><title>Budget passes</title></head><body><article>\n"
        "    <h1>Budget passes</h1>\n"
        f"    <div>\n      {WRAPPED}\n    </div>\n"
        f"    <div>\n      {WRAPPED.replace('council', 'board')}\n    </div>\n"
        "</article></body></html>"
    )
    lines = [ln for ln in extract_html(page).text.split("\n") if ln.strip()]
    assert lines[0] == "Budget passes"  # a heading is not joined to the paragraph under it
    assert [" ".join(ln.split()) for ln in lines[1:]] == [
        " ".join(WRAPPED.split()),
        " ".join(WRAPPED.replace("council", "board").split()),
    ]


def test_source_line_breaks_count_only_in_running_text() -> None:
    import lxml.html

    from newsclean._html import _join_wrapped, _source_wraps

    tree = lxml.html.fromstring(
        "<html><body><div>First part of a line\n  second part of it</div>"
        "<pre>code line one\n  code line two</pre>"
        "<script>var a = 'one two';\nvar b = 'three four';</script>"
        "<p><b>Bold words</b> tail text\n  goes on</p></body></html>"
    )
    wraps = _source_wraps(tree)
    assert wraps == {
        "second": [("First part of a line", "second part of it")],
        "goes": [("tail text", "goes on")],
    }
    # joined only where the page's source broke the line, not at a block boundary
    assert _join_wrapped("First part of a line\nsecond part of it", wraps) == (
        "First part of a line second part of it"
    )
    assert _join_wrapped("code line one\ncode line two", wraps) == "code line one\ncode line two"
    assert _join_wrapped("Other text\nsecond part of it", wraps) == "Other text\nsecond part of it"


def test_visible_text_shows_source_line_breaks_as_spaces_except_in_pre() -> None:
    page = (
        "<html><body><div>one\n  two <b>three</b>\n four</div>"
        "<pre>keep\n  these <i>lines</i>\nas written</pre></body></html>"
    )
    assert visible_text(page) == "one two three four\nkeep\nthese lines\nas written"


def test_justext_gets_the_words_of_trafilatura_s_own_all_language_stoplist() -> None:
    from justext.core import define_stoplist
    from justext.utils import get_stoplist, get_stoplists

    from newsclean._html import _AllJustextStoplists, _install_justext_stoplist

    # trafilatura's jt_stoplist_init, restated (calling it would set its global)
    union = {word for language in get_stoplists() for word in get_stoplist(language)}
    assert define_stoplist(_AllJustextStoplists()) == define_stoplist(tuple(union))
    _install_justext_stoplist()
    from trafilatura import external

    assert define_stoplist(external.JT_STOPLIST) == frozenset(w.lower() for w in union)


_BODY = "<head><title>T</title></head><body><div><p>One two three.</p><p>Four</p></div></body>"


@pytest.mark.parametrize(
    "page",
    [
        f"<!DOCTYPE html>\n<html>{_BODY}</html>",
        f"<!doctype html>\n\n<html lang='en'>\n{_BODY}\n</html>\n",
        f'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd">\n<html>{_BODY}</html>',
        f'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN"\n "x/y.dtd">\n<html>{_BODY}</html>',
        f"<!DOCTYPE html/>\n<html/>\n{_BODY}",
        f"<!DOCTYPE html><html>{_BODY}</html>",  # one line
        "<!DOCTYPE html>\n<html><body><p>a control\x0bcharacter</p></body></html>",
        f"<!DOCTYPE html>\n<html lang='en'/>\n{_BODY}",
        f"<html>\n{_BODY}</html>",
        f"\n\n<body>\n<p>{'word ' * 20}</p></body>",
        "just some text\nand another line",
        "<p>a fragment</p>\n",
        f'<?xml version="1.0" encoding="utf-8"?>\n<html>{_BODY}</html>',  # parsed from bytes
    ],
)
def test_the_page_loader_builds_trafilatura_s_tree(page: str) -> None:
    from lxml.etree import tostring
    from trafilatura.utils import load_html

    from newsclean._html import _load_html

    ours, theirs = _load_html(page), load_html(page)
    assert (ours is None) == (theirs is None)
    if ours is not None:
        assert tostring(ours) == tostring(theirs)


def test_code_is_cut_from_a_long_page_of_four_byte_characters() -> None:
    from newsclean._html import _without_code

    page = "<p>" + "a\U0001f600" * 100_000 + "</p><script>x()</script><p>" + "b" * 150_000 + "</p>"
    assert _without_code(page) == page.replace("x()", "")


def test_readability_text_stands_when_it_finds_more_of_the_prose(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newsclean import _html

    # Both extractions are prose; trafilatura kept one paragraph of four (the others sat in
    # a block it took for page chrome), readability all four.
    paragraphs = [
        PARAGRAPH.replace("council", word) for word in ("council", "mayor", "board", "city")
    ]

    def fake(tree: object, url: object, **mode: bool) -> str:
        return paragraphs[0]

    article = "\n".join(paragraphs)
    monkeypatch.setattr(_html, "_trafilatura_text", fake)
    monkeypatch.setattr(_html, "_readability", lambda tree: (" ".join(paragraphs), article))
    assert extract_html(PAGE).text == article
    # ... not when trafilatura's text is a list (readability may have taken a sidebar)
    listed = "\n".join(f"- {p}" for p in paragraphs[:1])
    monkeypatch.setattr(_html, "_trafilatura_text", lambda tree, url, **mode: listed)
    assert extract_html(PAGE).text == listed


def test_a_post_that_is_only_its_header_does_not_fall_back_to_the_page() -> None:
    # A photo post: trafilatura finds the headline and byline only; the page's comments
    # are not the article, so the full-page path is not taken.
    comments = "".join(
        f"<div class='comment'><p>{PARAGRAPH}</p><span>Reader {n}</span></div>" for n in range(6)
    )
    page = (
        "<html><head><title>Sunset over the bay</title></head><body>"
        "<article><h1>Sunset over the bay</h1><p>By Jane Smith, 3 May 2012</p>"
        "<img src='sunset.jpg'></article>"
        f"<section id='comments'>{comments}</section></body></html>"
    )
    ex = extract_html(page)
    assert not ex.fallback
    assert " ".join(ex.text.split()) == "Sunset over the bay By Jane Smith, 3 May 2012"
    doc = clean(page)
    assert doc.body == "" and doc.author == "Jane Smith"


def test_related_box_under_the_article() -> None:
    from newsclean._html import related_box_start

    article = [PARAGRAPH * 6, PARAGRAPH * 3]
    links = ["Related posts:", "- Rates rise again", "- The mayor resigns"]
    assert related_box_start([*article, *links]) == 2
    # an inline box the article goes on past stays
    assert related_box_start([*article, "More from Jane Doe", PARAGRAPH * 2]) == 4
    # too early to be under the article
    assert related_box_start(["Short intro.", *links]) == 4


def test_a_links_box_inside_the_article_does_not_cut_the_paragraphs_after_it() -> None:
    from newsclean._html import related_box_start

    paragraph = "The council met on Monday and voted to raise the rates, its members said. " * 6
    box = ["Most popular", "- Cup final tickets", "- Transfer news", "- Weather warning"]
    inside = [paragraph, *box, paragraph, paragraph]
    assert related_box_start(inside) == len(inside)
    assert related_box_start([paragraph, *box]) == 1


def test_pages_are_parsed_with_lxmls_own_element_lookup() -> None:
    # form controls come out as plain HtmlElements, and trafilatura reads such a tree as it
    # reads the page itself
    import trafilatura
    from lxml.html import HtmlElement

    from newsclean._html import _parse

    page = (
        "<html><head><title>Form post</title></head>\n<body><article><h1>Form post</h1>"
        f"<p>{PARAGRAPH * 3}</p><form action='/s'><label for='q'>Search</label>"
        "<input id='q' name='q' value='x'><select><option>One</option></select>"
        f"<textarea>Note</textarea></form><p>{PARAGRAPH * 2}</p></article></body></html>"
    )
    tree = _parse(page)
    assert tree is not None
    assert {type(el) for el in tree.iter()} == {HtmlElement}
    for mode in ({"favor_recall": True, "fast": True}, {"favor_precision": True}):
        ours = trafilatura.bare_extraction(tree, include_comments=False, **mode)  # type: ignore[arg-type]
        theirs = trafilatura.bare_extraction(page, include_comments=False, **mode)  # type: ignore[arg-type]
        assert ours is not None and theirs is not None
        assert ours.text == theirs.text


def test_a_page_nested_deeper_than_libxml2_s_default_limit_keeps_its_text() -> None:
    # Old pages leave <font> (or <div>) open paragraph after paragraph: libxml2 stops
    # building the tree at depth 256 unless asked for a huge tree, and the rest was lost.
    paragraphs = [
        f"The council approved part {i} of the budget on Tuesday after a long debate."
        for i in range(300)
    ]
    body = "".join(f"<font face='Arial'><p>{p}\n" for p in paragraphs)
    doc = clean(f"<html><head><title>Budget</title></head><body>{body}</body></html>")
    assert paragraphs[-1] in doc.body


def test_the_site_part_of_the_title_is_the_source_when_the_page_names_none() -> None:
    page = (
        "<html><head><title>Council closes the old bridge | City Courier</title></head><body>"
        "<article><h1>Council closes the old bridge</h1><p>The council voted on Tuesday to close"
        " the old bridge for a year, and the mayor said the work would start in spring.</p>"
        "<p>Residents said they were worried about the long detour around the bay.</p>"
        "</article></body></html>"
    )
    doc = clean(page)
    assert (doc.title, doc.source) == ("Council closes the old bridge", "City Courier")
