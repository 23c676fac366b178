"""Tests for newsclean._content (main-content selection in flattened page text)."""

from __future__ import annotations

import re
import time
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import _content
from newsclean._content import BlockFeatures, score_blocks, select_main_content

FIXTURES = Path(__file__).parent / "fixtures" / "content"
_WS = re.compile(r"\s+")


def _load(name: str) -> tuple[list[str], list[bool]]:
    """Fixture lines and expected flags ("+ " keep, "- " drop, "#" comment)."""
    lines: list[str] = []
    expected: list[bool] = []
    for raw in (FIXTURES / name).read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        mark, text = raw[:2], _WS.sub(" ", raw[2:]).strip()
        assert mark in ("+ ", "- "), raw
        lines.append(text)
        expected.append(mark == "+ ")
    return lines, expected


def _kept(lines: list[str], flags: tuple[bool, ...]) -> list[str]:
    return [ln for ln, k in zip(lines, flags, strict=True) if k]


DUMPS = sorted(p.name for p in FIXTURES.glob("dump_*.txt"))
CLEAN = sorted(p.name for p in FIXTURES.glob("clean_*.txt"))


def test_fixtures_present() -> None:
    assert len(DUMPS) >= 4
    assert len(CLEAN) >= 3


@pytest.mark.parametrize("name", DUMPS)
def test_dump_keeps_article_and_drops_chrome(name: str) -> None:
    lines, expected = _load(name)
    flags = select_main_content(lines)
    missing = [ln for ln, e, k in zip(lines, expected, flags, strict=True) if e and not k]
    assert missing == []
    junk = [k for e, k in zip(expected, flags, strict=True) if not e]
    assert sum(junk) <= 0.1 * len(junk), _kept(lines, flags)


@pytest.mark.parametrize("name", DUMPS + CLEAN)
def test_selected_article_is_stable(name: str) -> None:
    """Feeding the selected article back in keeps every line (do no harm)."""
    lines, _ = _load(name)
    article = _kept(lines, select_main_content(lines))
    assert select_main_content(article) == (True,) * len(article)


@pytest.mark.parametrize("name", CLEAN)
@pytest.mark.parametrize("language", [None, "en", "en-GB"])
def test_clean_article_is_untouched(name: str, language: str | None) -> None:
    lines, expected = _load(name)
    assert all(expected)
    assert select_main_content(lines, language=language) == (True,) * len(lines)


def test_explicit_language_matches_guess() -> None:
    lines, expected = _load("dump_news_de.txt")
    assert select_main_content(lines, language="de") == tuple(expected)
    assert select_main_content(lines, language="de") == select_main_content(lines)


def test_unknown_language_code_falls_back_to_guess() -> None:
    lines, _ = _load("dump_news_en.txt")
    assert select_main_content(lines, language="xx") == select_main_content(lines)


def test_headline_from_title_is_kept() -> None:
    lines, _ = _load("dump_news_en.txt")
    flags = select_main_content(lines)
    kept = _kept(lines, flags)
    assert kept[0] == "Harbour town council closes the old bridge"
    assert not flags[0]  # the <title> line itself is chrome


def test_comment_section_is_dropped() -> None:
    lines, _ = _load("dump_comments_en.txt")
    kept = _kept(lines, select_main_content(lines))
    assert kept[-1].startswith("I am not saying that digging")
    assert not any("Reply" in ln for ln in kept)


@pytest.mark.parametrize("n", [0, 1, 2, 3])
def test_tiny_inputs_are_kept(n: int) -> None:
    lines = ["Home", "News", "Contact"][:n]
    assert select_main_content(lines) == (True,) * n


def test_only_menus_keeps_everything() -> None:
    lines = ["Home", "News", "Sport", "Weather", "Contact", "About us"] * 5
    assert select_main_content(lines) == (True,) * len(lines)


def test_cjk_article_inside_dump() -> None:
    para = "市议会周二晚上决定关闭旧港口大桥至少一年，因为工程师发现两个桥墩已被海水严重腐蚀。"
    lines = ["首页", "新闻", "体育", "天气", "联系我们", "登录"] * 3
    lines += ["旧港口大桥将关闭一年", para, para.replace("市议会", "市长"), para[::-1] + "。"]
    lines += ["隐私政策", "使用条款", "广告", "招聘", "网站地图"] * 3
    flags = select_main_content(lines)
    assert all(flags[19:22])
    assert not any(flags[:10])
    assert not any(flags[-10:])


def test_score_blocks_spans_cover_lines() -> None:
    lines, _ = _load("dump_fragmented_en.txt")
    blocks = score_blocks(lines, language="en")
    assert all(isinstance(b, BlockFeatures) for b in blocks)
    assert blocks[0].start == 0
    assert blocks[-1].end == len(lines)
    assert all(a.end == b.start for a, b in pairwise(blocks))
    assert all(b.start < b.end for b in blocks)
    joined = [b.text for b in blocks if b.end - b.start > 1]
    assert any(t.startswith("A comet that last passed the Sun when Neanderthals") for t in joined)


def test_large_input_is_fast() -> None:
    lines, _ = _load("dump_news_en.txt")
    big = (lines * (20_000 // len(lines) + 1))[:20_000]
    select_main_content(big[:100])  # warm the stopword caches
    t0 = time.perf_counter()
    flags = select_main_content(big)
    assert len(flags) == len(big)
    assert time.perf_counter() - t0 < 5.0


_ARTICLE = (
    "The council voted on Tuesday to close the old bridge for a year, and the mayor said"
    " that the work would start in the spring if the money is there."
)


def _only_block(text: str) -> BlockFeatures:
    """``text`` scored below an article paragraph (boilerplate is judged after one)."""
    blocks = score_blocks([_ARTICLE, text], language="en")
    assert len(blocks) == 2
    return blocks[1]


def test_article_paragraph_is_good() -> None:
    block = _only_block(_ARTICLE)
    assert block.label == "good"
    assert block.ends_sentence
    assert block.score == block.length


@pytest.mark.parametrize(
    "text",
    [
        "This page is best viewed in an up-to-date web browser with style sheets (CSS) enabled,"
        " and some of it will not work in your current browser.",
        "Sign up for our newsletter and we will send you the best of the week, or subscribe to"
        " the RSS feed if you like that better than email.",
        "The material on this site may not be reproduced or otherwise used without the prior"
        " written permission of the publisher; see our privacy policy.",
    ],
)
def test_boilerplate_paragraph_is_bad(text: str) -> None:
    """Browser notices, subscribe blurbs and legal footers read like prose but are chrome."""
    block = _only_block(text)
    assert block.label == "bad"
    assert block.score < 0


def test_a_paragraph_about_subscriptions_is_not_a_subscribe_blurb() -> None:
    # One cue word repeated in its forms is the story's topic, not page chrome.
    text = (
        "Print subscription is coming, and I am working to cut the shipping cost for annual"
        " subscribers outside the US, because I want more people to read the print edition."
    )
    assert _only_block(text).label == "good"


@pytest.mark.parametrize(
    "text",
    [
        "Marta Keller is a senior editor at the paper, where she writes about the city budget and"
        " the housing market, and she has lived in the town for many years.",
        "About the author: Tom Reed has been writing about gardens for twenty years and he"
        " still thinks that the best tool is a good pair of boots.",
    ],
)
def test_author_bio_is_bad(text: str) -> None:
    assert _only_block(text).label == "bad"


def test_author_bio_above_the_article_is_bad() -> None:
    bio = (
        "Marta Keller is a senior editor at the paper, where she writes about the city budget"
        " and the housing market, and she has lived in the town for many years."
    )
    assert score_blocks(["Home", bio], language="en")[1].label == "bad"


def test_author_bio_rule_leaves_long_paragraphs_alone() -> None:
    text = "Marta Keller is a senior editor at the paper. " + _ARTICLE * 6
    assert _only_block(text).label == "good"


def test_boilerplate_above_the_article_is_left_to_the_rules() -> None:
    notice = (
        "We use cookies to help you navigate efficiently, and you can change your cookie"
        " settings in your browser at any time."
    )
    assert score_blocks(["Home", notice], language="en")[1].label != "bad"


def test_one_cue_word_does_not_make_a_paragraph_bad() -> None:
    text = _ARTICLE + " The council will post the plans on its website and in the newsletter."
    assert _only_block(text).label == "good"


@pytest.mark.parametrize("ending", ["...", "…"])
def test_truncated_teaser_does_not_end_a_sentence(ending: str) -> None:
    block = _only_block(_ARTICLE[:-1] + ending)
    assert not block.ends_sentence
    assert block.label == "good"
    assert 0 < block.score < block.length  # a teaser counts for less than a paragraph


@pytest.mark.parametrize("ending", [" [...]", " […]"])
def test_feed_excerpt_counts_for_nothing(ending: str) -> None:
    """A bracketed ellipsis is a feed excerpt (related posts, archives), never the article."""
    block = _only_block(_ARTICLE[:-1] + ending)
    assert block.label == "good"
    assert block.score == 0.0


def test_paragraph_cut_mid_sentence_counts_for_less() -> None:
    whole = _only_block(_ARTICLE)
    cut = _only_block(_ARTICLE[:-1] + " and")
    assert cut.label == "good"
    assert cut.score < 0.8 * whole.score


def test_reference_list_after_the_article_is_kept() -> None:
    menu = ["Home", "World", "Sport", "Weather", "Contact us"] * 3
    body = [
        _ARTICLE,
        _ARTICLE.replace("The council", "On Monday the council"),
        _ARTICLE.replace("the mayor", "the harbour master"),
    ]
    refs = [
        "References:",
        "• Council minutes for the bridge vote, Harbour Town Hall, March 2024.",
        "• Engineering survey of the old bridge piers, County Roads Office, 2023.",
    ]
    footer = ["Privacy policy", "Terms of use", "Advertise", "Jobs", "Site map"] * 3
    lines = menu + body + refs + footer
    flags = select_main_content(lines, language="en")
    assert _kept(lines, flags) == body + refs


def test_short_bullets_after_the_article_are_not_pulled_in() -> None:
    menu = ["Home", "World", "Sport", "Weather", "Contact us"] * 3
    body = [_ARTICLE, _ARTICLE.replace("The council", "On Monday the council")]
    body += [p.replace("the old bridge", "the ferry pier") for p in body]
    tail = ["Related:", "• Bridge", "• Roads", "• Jobs"]
    footer = ["Privacy policy", "Terms of use", "Advertise", "Jobs", "Site map"] * 3
    lines = menu + body + tail + footer
    assert _kept(lines, select_main_content(lines, language="en")) == body


_MENU = ["Home", "World", "Sport", "Weather", "Contact us"] * 3
_FOOTER = ["Privacy policy", "Terms of use", "Advertise", "Jobs", "Site map"] * 3
_BODY = [
    _ARTICLE,
    _ARTICLE.replace("The council", "On Monday the council"),
    _ARTICLE.replace("the mayor", "the harbour master"),
]


@pytest.mark.parametrize(
    "heading", ["Related stories", "You might also like", "Most popular", "Ähnliche Artikel"]
)
def test_related_box_under_the_article_is_dropped(heading: str) -> None:
    teasers = [
        "Ferry fares to rise in the autumn",
        "The harbour board said on Friday that the fares would go up by a tenth next month.",
        "New cycle lane opens on the quay",
        "Riders can now use the lane from the station to the market, the council said.",
    ]
    lines = [*_MENU, "Bridge to close for repairs", *_BODY, heading, *teasers, *_FOOTER]
    flags = select_main_content(lines, language="en")
    assert _kept(lines, flags) == ["Bridge to close for repairs", *_BODY]


def test_related_box_inside_the_article_keeps_the_rest() -> None:
    """A 'Related stories' box mid-article costs something but the article goes on."""
    box = ["Related stories", "Ferry fares to rise in the autumn", "New cycle lane on the quay"]
    rest = [p.replace("council", "county board") for p in _BODY]
    lines = [*_MENU, *_BODY, *box, *rest, *_FOOTER]
    kept = _kept(lines, select_main_content(lines, language="en"))
    assert kept[:3] == _BODY
    assert kept[-3:] == rest


def test_author_box_paragraph_is_dropped() -> None:
    """Under an 'About the author' heading the paragraph is a bio, even in plain words."""
    bio = (
        "Sam grew up on a farm by the coast and has spent the last twenty years walking"
        " the old roads of the county, and he still thinks that the best bridge is the one"
        " that nobody notices until it is gone."
    )
    lines = [*_MENU, *_BODY, "About the author", bio, *_FOOTER]
    assert _kept(lines, select_main_content(lines, language="en")) == _BODY


_SIDEBAR = ["Home", "My profile", "Archive", "July (39)", "June (12)", "May (7)", "Tags"] * 3


def test_short_post_under_its_headline_is_kept() -> None:
    """No real paragraph anywhere: keep the headline and the post below it."""
    lines = ["Paper lanterns for the garden party - The Craft Corner", *_SIDEBAR]
    post = [
        "Paper lanterns for the garden party",
        "Posted by Anna on July 11",
        "Fold the paper twice, cut the slits and glue the ends together.",
        "Video: the lanterns at night",
    ]
    lines += [*post, "Tweet", "Like", "0 responses", "Comment", "RSS", *_SIDEBAR]
    flags = select_main_content(lines, language="en")
    assert _kept(lines, flags) == post


def test_short_post_without_headline_keeps_everything() -> None:
    lines = ["The Craft Corner", *_SIDEBAR, "Fold the paper twice and cut the slits.", *_SIDEBAR]
    assert select_main_content(lines, language="en") == (True,) * len(lines)


def test_headline_with_almost_nothing_below_keeps_everything() -> None:
    lines = ["Paper lanterns for the garden party - The Craft Corner", *_SIDEBAR]
    lines += ["Paper lanterns for the garden party", "Posted by Anna", "Tweet", *_SIDEBAR]
    assert select_main_content(lines, language="en") == (True,) * len(lines)


def test_hostile_inputs_are_handled() -> None:
    """Linear-time paths: one huge line, many one-character lines, lower() that grows."""
    huge = [_ARTICLE * 50_000]
    assert select_main_content(["Home", *huge, "Contact", "About"]) == (True,) * 4
    tiny = ["a", "|", "1", "©"] * 25_000
    assert len(select_main_content(tiny)) == len(tiny)
    title = "Paper lanterns for the garden party"
    headlines = [f"{title} - The Craft Corner"] + [title, "Fold the paper twice, cut it."] * 50_000
    assert len(select_main_content(headlines, language="en")) == len(headlines)
    growing = ["İİİ Home İ", "News", "Sport", "Weather", "Jobs"] * 4 + _BODY
    growing += ["10:42 pm | İ", "Privacy policy", "Terms", "Contact", "Jobs"] * 4
    flags = select_main_content(growing, language="en")
    assert flags[20:23] == (True, True, True)
    assert score_blocks(growing) == score_blocks(growing)


# ---------------------------------------------------------------- properties
_WORDS = [
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "is",
    "was",
    "it",
    "for",
    "on",
    "that",
    "with",
    "as",
    "Home",
    "News",
    "|",
    "»",
    "©",
    "2024",
    "10:42",
    "pm",
    "Reply",
    "comments",
    "council",
    "bridge",
    "said",
    "http://x.com",
    "•",
    "-",
    "市议会",
    "大桥",
    "。",
    ",",
    ".",
    "!",
    "?",
    "Über",
    "straße",
]
_words = st.sampled_from(_WORDS)
_line = st.lists(_words, min_size=1, max_size=40).map(lambda ws: " ".join(ws))
_any_line = st.one_of(_line, st.text(min_size=1, max_size=80)).map(
    lambda s: _WS.sub(" ", s).strip()
)
_lines = st.lists(_any_line.filter(bool), max_size=60)


@settings(max_examples=150, deadline=None)
@given(_lines, st.sampled_from([None, "en", "de", "zh", "xx", ""]))
def test_property_total_and_deterministic(lines: list[str], language: str | None) -> None:
    flags = select_main_content(lines, language=language)
    assert isinstance(flags, tuple)
    assert len(flags) == len(lines)
    assert all(isinstance(f, bool) for f in flags)
    assert select_main_content(lines, language=language) == flags


@settings(max_examples=50, deadline=None)
@given(_lines)
def test_property_blocks_partition_lines(lines: list[str]) -> None:
    blocks = score_blocks(lines)
    covered = [i for b in blocks for i in range(b.start, b.end)]
    assert covered == list(range(len(lines)))


def test_article_printed_twice_is_kept_once() -> None:
    """A template printing the article twice (print copy, hidden tab): the copy goes."""
    lines = [*_MENU, *_BODY, "Print this article", *_BODY, *_FOOTER]
    kept = _kept(lines, select_main_content(lines, language="en"))
    assert kept[:3] == _BODY
    assert all(kept.count(p) == 1 for p in _BODY)


def test_list_printed_twice_is_kept_twice() -> None:
    """Only a run holding a paragraph is a copy: a list may be repeated on purpose."""
    items = [
        "- Bring a torch and warm clothes for the walk",
        "- Leave the car at the station and take the bus",
    ]
    rest = [p.replace("council", "county board") for p in _BODY]
    lines = [*_MENU, *_BODY, *items, *rest, *items, *_FOOTER]
    assert _kept(lines, select_main_content(lines, language="en")) == [
        *_BODY,
        *items,
        *rest,
        *items,
    ]


def test_dateline_does_not_open_the_comment_zone() -> None:
    """A time-stamped line followed by a long article is a dateline, not a comment's."""
    notice = (
        "This copy is for your personal use only, and you can order copies of the article"
        " for your colleagues and clients from the desk at any time of the day or night."
    )
    body = [p.replace("council", w) for w in ("council", "board", "panel") for p in _BODY]
    videos = ["Ferry fares to rise", "4:19", "New cycle lane on the quay", "2:13", "Quay", "3:05"]
    lines = [*_MENU, notice, notice.replace("copy", "page"), notice.replace("the day", "day")]
    lines += [*_MENU, "Updated July 23, 2012, 11:57 p.m. ET", *body, *videos, *_FOOTER]
    kept = _kept(lines, select_main_content(lines, language="en"))
    assert kept[-len(body) :] == body


def test_post_footer_ends_the_article() -> None:
    """A blog theme's post footer ends the article: the untimed comments under it go."""
    footer = (
        "This entry was posted on Monday, May 6th, 2013 at 9:15 am and is filed under"
        " Local news. You can follow any responses to this entry through the feed."
    )
    reply = (
        "I have lived near that bridge for most of my life and I think that the council is"
        " right this time, even if the detour will be a pain for all of us in TOWN."
    )
    comments: list[str] = []
    for i, name in enumerate(["kate", "Tom Reed", "dan_k", "Ann", "bob1", "Lee Park"]):
        comments += [name, reply.replace("TOWN", f"town number {i}")]
    lines = [*_MENU, *_BODY, footer, *comments, *_FOOTER]
    kept = _kept(lines, select_main_content(lines, language="en"))
    assert kept == _BODY


_POST = [
    "The council approved the new budget on Tuesday after a long and heated debate. " * 3,
    "Members said the plan would hold until spring, when the next review is due. " * 3,
]


def test_signed_comment_section_starts_under_the_post_sign_off() -> None:
    from newsclean._content import comment_section_start

    lines = [
        *_POST,
        "Posted by Ann Lee at May 3, 2012 9:01 AM",
        "Trackbacks",
        "Great post, thanks for the clear summary of the budget.",
        "Posted by: Bob | May 3, 2012 11:40 AM",
        "I think the review will come sooner than that.",
        "Posted by: Cy at May 4, 2012 08:02 PM",
    ]
    assert comment_section_start(lines) == 3


@pytest.mark.parametrize(
    "heading", ["4 Responses to “The budget”", "Comments (7)", "Leave a Reply"]
)
def test_a_heading_counting_or_asking_for_comments_opens_the_section(heading: str) -> None:
    from newsclean._content import comment_section_start

    assert comment_section_start([*_POST, heading, "Top cards by category"]) == 2


def test_a_comment_heading_opens_the_thread() -> None:
    from newsclean._content import comment_section_start

    lines = [
        *_POST,
        "3 Comments",
        "Nice.",
        "Posted by: Bob | May 3, 2012",
        "Posted by: Cy | May 4, 2012",
    ]
    assert comment_section_start(lines) == 2


@pytest.mark.parametrize(
    "lines",
    [
        # one signed comment is no thread
        [*_POST, "Posted by Ann at May 3, 2012 9:01 AM", "Nice.", "Posted by: Bob | May 3, 2012"],
        # the post's own sign-offs have no colon
        [*_POST, "Posted by Ann at May 3, 2012", "Posted by Ann at May 4, 2012"],
        # sign-offs without a date
        [*_POST, "Posted by Ann", "Nice.", "Posted by: Bob | Reply", "Posted by: Cy | Reply"],
        # nothing dated or headed close above the first comment: where it begins is unknown
        [
            *_POST,
            *["Another line of text."] * 31,
            "Posted by: Bob | May 3, 2012",
            "Posted by: Cy | May 4, 2012",
        ],
        # a bare "Comment" label or a sentence opening with "Response" is no comment heading
        [*_POST, "Comment", "Response codes are given in section 6 of the standard"],
        ["Short post.", "2 Comments", "Nice."],
        # too little text above: the thread would be all there is
        [
            "Short post.",
            "May 3, 2012",
            "Nice.",
            "Posted by: Bob | May 3, 2012",
            "Posted by: Cy | May 4, 2012",
        ],
    ],
)
def test_no_comment_section(lines: list[str]) -> None:
    from newsclean._content import comment_section_start

    assert comment_section_start(lines) == len(lines)


# ---------------------------------------------------------------- phrase data
_CONTENT_SECTIONS = (
    "comment_heading_qualifiers",
    "comment_heading_words",
    "comment_heading_phrases",
    "comment_calls",
    "comment_sign_offs",
    "reply_words",
    "says_words",
    "end_headings",
    "author_headings",
    "author_bios",
    "post_footers",
    "post_footer_needles",
    "boilerplate_words",
    "copyright_phrases",
    "clock_words",
)


@pytest.mark.parametrize("section", _CONTENT_SECTIONS)
def test_phrase_data_loads_and_every_language_compiles(section: str) -> None:
    from newsclean._phrases import phrase_sections

    langs = phrase_sections()[section]
    assert langs, section
    for lang, entries in langs.items():
        assert re.fullmatch(r"[a-z]{2}", lang), lang
        assert entries, (section, lang)
        for entry in entries:
            re.compile(entry, re.I)


@pytest.mark.parametrize(
    "heading",
    [
        "37 comments",
        "{ 4 Responses }",
        "Leave a Reply",
        "5 thoughts on “A walk”",
        "12 Kommentare",
        "Commentaires",
        "Comentarios",
        "3 comentários",
        "Commenti",
        "Reacties",
        "Komentarze",
        "Комментарии",
        "评论",
        "コメント",
        "댓글",
        "Yorumlar",
    ],
)
def test_comment_headings_of_every_language(heading: str) -> None:
    from newsclean._content import is_comment_heading

    assert is_comment_heading(heading)


@pytest.mark.parametrize(
    "heading",
    [
        "Related posts",
        "You might also like",
        "Most read",
        "Ähnliche Artikel",
        "Mehr zum Thema",
        "Articles similaires",
        "À lire aussi",
        "Noticias relacionadas",
        "Articoli correlati",
        "Gerelateerde artikelen",
        "Artigos relacionados",
        "相关文章",
        "関連記事",
    ],
)
def test_end_headings_of_every_language(heading: str) -> None:
    from newsclean._content import is_end_heading

    assert is_end_heading(heading)


def test_phrase_lists_of_other_sections_are_recognised() -> None:
    from newsclean import _content

    assert _content._AUTHOR_HEAD.match("Über den Autor")
    assert _content._AUTHOR_HEAD.match("À propos de l'auteur")
    assert _content._SAYS.search("Anna schreibt:") and _content._SAYS.search("Иван пишет:")
    assert _content._REPLY_LINE.search("répondre") and _content._REPLY_LINE.search("ответить")
    assert _content._BIO.match("jane doe is a senior editor at the daily planet.")
    assert _content._POST_FOOTER.match("this entry was posted on may 3, 2012 by ann.")
    assert {"this entry was ", "bookmark the permalink"} <= set(_content._FOOTER_NEEDLES)
    assert {"cookies", "subscribe", "newsletter"} <= _content._BOILER
    assert _content._CALL_TO_COMMENT.match("Leave a comment")
    assert _content._COMMENT_SIGN_OFF.match("Posted by: Ann | May 3, 2007 1:11 PM")
    assert _content._TIME.search("aktualisiert 10.30 uhr") and _content._TIME.search("at 4:02 pm")
    assert "all rights reserved" in _content._COPYRIGHT


@pytest.mark.parametrize("heading", ["3 responses to the housing crisis", "Responses (2)"])
def test_an_article_subheading_that_reads_like_a_comment_heading_cuts_nothing(
    heading: str,
) -> None:
    from newsclean._content import comment_section_start

    article = [
        "The council met on Monday to weigh the new housing plan for the town. " * 6,
        heading,
        "The first response was a rent cap, which the mayor has argued for since spring. " * 3,
        "The second was a building programme on the old rail yards by the river. " * 3,
    ]
    assert comment_section_start(article) == len(article)
    comments = [*article[:2], "Ann on May 3, 2012 at 9:01 am", "Great post, thanks!"]
    assert comment_section_start(comments) == 1


# ---------------------------------------------------------------- fast paths equal the regex
def test_word_characters_are_alphanumeric_or_underscore_and_never_spaces() -> None:
    """What the byte-level shortcuts rely on, for every code point: ``\\w`` is
    "alphanumeric or _", no whitespace character (where ``str.split`` cuts) is a word
    character (``_line_words``), and every CJK character's UTF-8 lead byte survives
    ``_NOT_CJK_LEAD`` (the page test before the CJK regex)."""
    word = re.compile(r"\w")
    lead_kept = set(range(256)) - set(_content._NOT_CJK_LEAD)
    for cp in range(0x110000):
        ch = chr(cp)
        is_word = word.match(ch) is not None
        assert is_word == (ch.isalnum() or ch == "_"), hex(cp)
        assert not (is_word and ch.isspace()), hex(cp)
        if _content._CJK.match(ch):
            assert ch.encode("utf-8")[0] in lead_kept, hex(cp)
    assert not any(word.match(ch) for ch in _content._COMMON_NONWORD)


_mixed_text = st.text(
    st.one_of(
        st.sampled_from(list("ab Z9_ .,\t\n-’“”—…é²ß\u00a0\u2009\u3000市。İſK\ud800")),
        st.characters(),
    ),
    max_size=200,
)


@settings(max_examples=300, deadline=None)
@given(_mixed_text)
def test_line_words_equal_findall(text: str) -> None:
    lines = text.split("\n")
    assert _content._line_words(lines) == [_content._WORD.findall(ln) for ln in lines]
    held = ["one line\nholding a newline", text]  # the joined page has more lines
    assert _content._line_words(held) == [_content._WORD.findall(ln) for ln in held]


def _reference_guess(tokens: list[list[str]]) -> str | None:
    """_guess_language as one count per word and language, for comparison."""
    sample = []
    for toks in tokens:
        if len(toks) >= 6:
            sample.extend(toks)
            if len(sample) > _content._LANG_SAMPLE:
                break
    if len(sample) < 20:
        return None
    cover = {
        lang: hits
        for lang, stops in _content._stopword_lists().items()
        if (hits := sum(w in stops for w in sample))
    }
    if not cover:
        return None
    lang, hits = max(cover.items(), key=lambda kv: (kv[1], kv[0]))
    return lang if hits >= _content._LANG_MIN_SHARE * len(sample) else None


_guess_words = st.sampled_from(
    [
        "the",
        "and",
        "of",
        "der",
        "und",
        "die",
        "de",
        "la",
        "et",
        "le",
        "el",
        "que",
        "a",
        "in",
        "een",
        "het",
        "il",
        "di",
        "bridge",
        "council",
        "brücke",
        "x",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_guess_words, max_size=30), max_size=120))
def test_packed_language_guess_equals_one_count_per_language(tokens: list[list[str]]) -> None:
    assert _content._guess_language(tokens) == _reference_guess(tokens)


def test_language_guess_on_a_huge_line_counts_without_packing() -> None:
    """A sample past 2**16 words (one huge line) takes the per-word count."""
    huge = ["der", "und", "brücke", "die"] * 20_000
    tokens = [["the", "council", "and", "the", "bridge", "of"], huge]
    assert _content._guess_language(tokens) == _reference_guess(tokens) == "de"


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("12:.h a\n٣")), max_size=120))
def test_clock_time_scan_finds_the_lines_of_the_plain_pattern(text: str) -> None:
    def lines(pattern: re.Pattern[str]) -> set[int]:
        return {text.count("\n", 0, m.start()) for m in pattern.finditer(text)}

    assert lines(_content._TIME_CORE) == lines(re.compile(r"\d[:.h]\d\d"))


@pytest.mark.parametrize("stamp", ["at 4:02 pm", "Ann Lee, 23:59", "updated 9:30", "10.30 Uhr"])
def test_a_clock_time_is_a_time_stamp(stamp: str) -> None:
    assert _content._TIME.search(stamp)


@pytest.mark.parametrize(
    "split", ["Finish - 2:04:38", "halfway in 1:02:53", "lap 44:58", "run 7:75"]
)
def test_a_duration_is_no_time_stamp(split: str) -> None:
    """Race splits and results are not the stamps of comments (no hour 44, no h:mm:ss)."""
    assert not _content._TIME.search(split)


def test_a_paragraph_split_at_race_times_is_read_as_one_paragraph() -> None:
    """A flattener puts each linked split on its own line; a duration is no comment's
    time-stamp, so the pieces join back into paragraphs and the menus go."""
    menu = ["Home", "Results", "Calendar", "Shop", "About us", "Contact"] * 3
    body = [
        "The leader went through halfway in a relatively slow",
        "63:53",
        "and then he cranked it up over the next ten kilometres, where he ran a split of",
        "28:48",
        ", which was enough to destroy the field and to leave the chasers far behind him.",
        "His winning time of",
        "2:04:38",
        "is a course record, and the second man was only fourteen seconds behind at the line.",
        "The women's race was closer still, and it was decided only on the final straight when"
        " the champion found a last burst of speed that none of the others could answer.",
    ]
    flags = select_main_content([*menu, *body, *menu], language="en")
    assert [line for line, keep in zip([*menu, *body, *menu], flags, strict=True) if keep] == body


def test_a_short_post_ends_at_its_comment_heading() -> None:
    """A post with no real paragraph is the one under its headline, not the longer list of
    teasers under the comment form that repeats the headline ("Recent posts")."""
    headline = "Paper lanterns for a summer party"
    post = [headline, "June 3 by Ann", "We folded these from old maps and hung them in the garden."]
    page = [
        f"{headline} | The Craft Corner",
        *["Home", "Projects", "Shop", "About"],
        *post,
        *["0 Comments", "Leave a comment", "Name (required)", "Website"],
        "Hello there, you can follow the blog on every social network and get all the new posts.",
        "Recent posts",
        headline,
        "A birdhouse made of wine corks and a bit of glue from the shed",
        "Three ways to dye old linen with onion skins and avocado stones",
        "Knitting a scarf for the dog before the first frost of the year",
        *["Archives", "June 2012", "May 2012", "April 2012", "Contact", "Imprint"],
    ]
    flags = select_main_content(page, language="en")
    assert [line for line, keep in zip(page, flags, strict=True) if keep] == post
