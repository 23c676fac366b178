from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from newsclean import Options, clean
from newsclean._metadata import (
    extract_metadata,
    header_cuts,
    headline_above_article,
    is_prose,
)
from newsclean._segment import segment_lines

PROSE = "The council approved the new budget on Tuesday after a long and heated debate."


def meta(text: str, cut_before: int | None = None):  # type: ignore[no-untyped-def]
    lines = segment_lines(text)
    return extract_metadata(lines, page_lines=lines, cut_before=cut_before)


def test_date_stamp_line_leaves_the_body() -> None:
    res = meta(f"Oct 22, 2024 17:19 74\n\n{PROSE}")
    assert res.metadata.date == "2024-10-22T17:19"
    assert [ln.text for ln in res.kept] == [PROSE]


def test_labelled_date_prefix_is_cut_and_the_sentence_stays() -> None:
    res = meta(f"date 2024-10-21 On October 21, {PROSE}")
    assert res.metadata.date == "2024-10-21"
    assert res.kept[0].text == f"On October 21, {PROSE}"


def test_dateline_gives_the_date_and_stays() -> None:
    text = f"Moscow, October 21, 2024 – {PROSE}"
    res = meta(text)
    assert res.metadata.date == "2024-10-21"
    assert [ln.text for ln in res.kept] == [text]


def test_byline_gives_the_author() -> None:
    res = meta(f"Budget passes\n\nBy Jane Smith | Reuters\n\n{PROSE}")
    assert res.metadata.author == "Jane Smith"
    assert res.metadata.title == "Budget passes"
    assert [ln.text for ln in res.kept] == [PROSE]


def test_page_title_line_gives_title_and_site() -> None:
    res = meta(
        f"Budget passes after long debate | The Daily Planet\n\nHome\n\nBudget passes after long debate\n\n{PROSE}"
    )
    assert res.metadata.title == "Budget passes after long debate"
    assert res.metadata.source == "The Daily Planet"


def test_uncorroborated_first_line_is_copied_not_cut() -> None:
    res = meta(f"Budget passes\n\n{PROSE}")
    assert res.metadata.title == "Budget passes"
    assert [ln.text for ln in res.kept] == ["Budget passes", PROSE]


def test_caption_repeating_the_headline_goes() -> None:
    res = meta(f"Budget passes at last\n\nBudget passes at last - 1\n\n{PROSE}")
    assert res.metadata.title == "Budget passes at last"
    assert [ln.text for ln in res.kept] == [PROSE]


def test_trailing_signature_is_the_source() -> None:
    res = meta(f"{PROSE} News.Az reports.\n\nNews.Az")
    assert res.metadata.source == "News.Az"
    assert len(res.kept) == 1


def test_short_last_sentence_is_not_a_signature() -> None:
    res = meta(f"{PROSE}\n\nThe end.")
    assert res.metadata.source is None and len(res.kept) == 2


def test_is_prose() -> None:
    assert is_prose(PROSE)
    assert not is_prose("Participation of the North Korean military in the war against Ukraine")


def test_stamp_opening_with_a_weekday_leaves_the_body() -> None:
    res = meta(f"Monday, October 22, 2012 at 9:15AM\n\n{PROSE}")
    assert res.metadata.date == "2012-10-22T09:15"
    assert [ln.text for ln in res.kept] == [PROSE]


def test_a_word_like_a_weekday_is_not_a_stamp() -> None:
    text = f"Sunday school reopened on 3 May 2024.\n\n{PROSE}"
    res = meta(text)
    assert res.kept[0].text.startswith("Sunday school")


def test_date_in_the_cut_header_is_found_nearest_first() -> None:
    page = segment_lines(
        "Archive: 1 January 2001\n\nMenu\n\nPosted by Ann on 9 August 2012\n\n"
        + "\n\n".join(f"Link {i}" for i in range(20))
        + f"\n\n{PROSE}"
    )
    body = page[-1:]
    res = extract_metadata(body, page_lines=page)
    assert res.metadata.date == "2012-08-09"
    assert [ln.text for ln in res.kept] == [PROSE]


def test_byline_with_a_posting_date_gives_author_and_date() -> None:
    res = meta(f"Budget passes\n\nPosted by Ann Lee on August 9, 2012 at 1:15 pm\n\n{PROSE}")
    assert res.metadata.author == "Ann Lee"
    assert res.metadata.date == "2012-08-09T13:15"
    assert [ln.text for ln in res.kept] == [PROSE]


def test_by_a_weekday_in_prose_is_not_a_byline() -> None:
    text = "By Monday at 5 pm the roads will close."
    res = meta(f"{text}\n\n{PROSE}")
    assert res.metadata.author is None
    assert res.kept[0].text == text


def test_byline_signing_off_the_article_gives_the_author_and_stays() -> None:
    body = "\n\n".join([PROSE] * 4)
    res = meta(f"{body}\n\nPosted by John Halamka at 4:02 PM")
    assert res.metadata.author == "John Halamka"
    assert res.kept[-1].text == "Posted by John Halamka at 4:02 PM"


def test_headline_repeating_the_page_title_beats_a_site_name() -> None:
    res = meta(
        "Being Honest In Exit Interviews Is Pointless - Slashdot\n\nSlashdot Media\n\n"
        f"Being Honest In Exit Interviews Is Pointless 545\n\nPosted by samzenpus\n\n{PROSE}"
    )
    # (its comment count, which the <title> line lacks, is not the headline's)
    assert res.metadata.title == "Being Honest In Exit Interviews Is Pointless"
    assert res.metadata.source == "Slashdot"


@pytest.mark.parametrize("masthead", ["Valley Times - Local news", "Sport | The Herald"])
def test_a_site_and_section_line_is_a_masthead_not_the_headline(masthead: str) -> None:
    res = meta(
        f"{masthead}\n\nLibrary extends opening hours for exam season\nBy Tom Becker\n"
        f"Published: 2 May 2024\n\n{PROSE}"
    )
    assert res.metadata.title == "Library extends opening hours for exam season"
    assert res.metadata.subtitle is None
    assert res.metadata.source == ("Valley Times" if "Valley" in masthead else "The Herald")
    assert [c.rule for c in res.cuts][:2] == ["metadata.masthead", "metadata.title"]


def test_a_sentence_opening_with_a_weekday_and_date_keeps_its_date() -> None:
    # Only a labelled stamp ("Published: ...") glued to a sentence loses its prefix.
    text = "Sunday, March 3, 2024 was the warmest day on record in the city, officials said."
    res = meta(f"{PROSE}\n\n{text}\n\n{PROSE}")
    assert [ln.text for ln in res.kept][1] == text
    assert not [c for c in res.cuts if c.rule == "metadata.date_prefix"]


def test_a_weekday_or_month_is_never_an_author() -> None:
    res = meta(f"By Monday at 5 pm the city will have closed 12 roads\n\n{PROSE}")
    assert res.metadata.author is None
    assert not [c for c in res.cuts if c.rule == "metadata.byline"]


def test_the_page_title_line_itself_is_not_taken_as_the_headline_above() -> None:
    page = segment_lines(f"Sign up for our newsletter to get the best stories\n\n{PROSE}")
    res = extract_metadata(page[1:], page_lines=page)
    assert res.metadata.title is None


def body_meta(text: str):  # type: ignore[no-untyped-def]
    """Metadata of a dump whose first line an earlier stage cut (as the <title> usually is)."""
    page = segment_lines(text)
    return extract_metadata(page[1:], page_lines=page)


def test_a_header_line_unrelated_to_the_page_title_yields_to_it() -> None:
    # "Delivered by FeedBurner" shares no word with the <title> line: the title line wins.
    res = body_meta(
        "Council passes the new city budget at last - Daily Ledger\n\n"
        f"Delivered by FeedBurner\n\n{PROSE}"
    )
    assert res.metadata.title == "Council passes the new city budget at last"


def test_a_header_line_matching_the_page_title_stays_the_title() -> None:
    res = body_meta(f"Budget news - Daily Ledger\n\nCouncil passes the budget\n\n{PROSE}")
    assert res.metadata.title == "Council passes the budget"


def test_a_menu_line_is_not_taken_for_a_page_title() -> None:
    # A dump without the <title> starts with page chrome: no separator, or a bullet.
    for first in ("Skip to main content", "* Home | World | Business news of the day"):
        res = body_meta(f"{first}\n\nCouncil passes the new city budget\n\n{PROSE}")
        assert res.metadata.title == "Council passes the new city budget"


def test_a_byline_after_its_date_or_before_a_comment_count_gives_the_author() -> None:
    res = meta(f"Budget passes\n\nNovember 12, 2012 by Alex Fitzpatrick 0\n\n{PROSE}")
    assert (res.metadata.author, res.metadata.date) == ("Alex Fitzpatrick", "2012-11-12")
    assert [ln.text for ln in res.kept] == [PROSE]
    res = meta(f"Budget passes\n\nby Al Ho Published Nov. 7, 2012 11:40 am\n\n{PROSE}")
    assert res.metadata.author == "Al Ho"


def test_a_byline_cut_as_chrome_inside_the_article_still_gives_the_author() -> None:
    page = segment_lines(f"{PROSE}\n\nSubscribe now\n\nBY ANN LEE\n\n{PROSE} Again.")
    kept = [page[0], page[3]]  # an earlier stage cut the two lines between
    res = extract_metadata(kept, page_lines=page)
    assert res.metadata.author == "ANN LEE"


def test_by_and_the_name_on_lines_of_their_own_give_the_author() -> None:
    # BeautifulSoup's get_text("\n") puts "by" and the linked name on separate lines.
    res = meta(f"Budget passes\n\nPosted by\n\nAnn Lee\n\non July 19, 2012\n\n{PROSE}")
    assert res.metadata.author == "Ann Lee"
    res = meta(f"Budget passes\n\nby\n\nthe way, the council met on Monday\n\n{PROSE}")
    assert res.metadata.author is None


def test_the_date_on_a_posting_line_under_the_article_is_the_date() -> None:
    page = segment_lines(
        f"{PROSE}\n\n{PROSE} Again.\n\nPosted by Seth Godin on July 19, 2012 | Permalink\n\nComments"
    )
    res = extract_metadata(page[:2], page_lines=page)
    assert res.metadata.date == "2012-07-19"
    # A date further down (comments, archives) is not the article's.
    page = segment_lines(f"{PROSE}\n\na\n\nb\n\nc\n\nd\n\ne\n\nf\n\nPosted on July 19, 2012")
    assert extract_metadata(page[:1], page_lines=page).metadata.date is None


def test_list_items_captions_and_credits_are_not_headlines() -> None:
    for junk in ("* Share on Facebook", "(Photo credit: Wikipedia)", "Paul Hackett/Reuters"):
        res = meta(f"{junk}\n\nCouncil passes the new city budget\n\n{PROSE}")
        assert res.metadata.title == "Council passes the new city budget", junk
    res = meta(f"AC/DC announce a new world tour\n\n{PROSE}")
    assert res.metadata.title == "AC/DC announce a new world tour"


def test_a_sign_off_under_the_article_names_the_author_but_a_commenter_does_not() -> None:
    page = segment_lines(f"{PROSE}\n\n{PROSE} Again.\n\nPosted by Ann Lee at 8:00 AM\n\nShare")
    assert extract_metadata(page[:2], page_lines=page).metadata.author == "Ann Lee"
    page = segment_lines(
        f"{PROSE}\n\n{PROSE} Again.\n\n12 Comments\n\nNice post!\n\n"
        "Posted by: Bob at November 8, 2012 7:12 AM"
    )
    res = extract_metadata(page[:2], page_lines=page)
    assert (res.metadata.author, res.metadata.date) == (None, None)


def test_more_byline_shapes_give_the_author() -> None:
    shapes = {
        "Modified on August 1, 2012 by Sue Lee": "Sue Lee",
        "Monday, November 12, 2012, by Sue Lee": "Sue Lee",
        "by Sue Lee @suelee Updated Jul 24, 2018, 2:15pm EDT": "Sue Lee",
        "by Sue Lee 22 Dec 2016 651": "Sue Lee",
        "Posted by Sue Lee / November 13, 2012": "Sue Lee",
        "// By Sue Lee • Nov 11, 2020": "Sue Lee",
        "This post was written by Sue Lee": "Sue Lee",
        "November 2, 2012 by Sue Lee 0 Comments": "Sue Lee",
        "By Sue Lee Published 08 November 2012 12:02": "Sue Lee",
    }
    for line, author in shapes.items():
        assert meta(f"Budget passes\n\n{line}\n\n{PROSE}").metadata.author == author, line
    for line in ("by the way 22 Dec 2016", "By Monday, 22 Dec 2016 it was over"):
        assert meta(f"Budget passes\n\n{line}\n\n{PROSE}").metadata.author is None, line


def test_a_name_beside_the_date_in_the_header_is_the_author() -> None:
    for header in (
        "Ann Lee\n\nJuly 21, 2012",
        "Ann Lee on July 21, 2012, 9:13 AM",
        "Ann Lee — 2012-07-21",
    ):
        res = meta(f"Budget passes\n\n{header}\n\n{PROSE}")
        assert res.metadata.author == "Ann Lee", header
    # Headings and menus next to a date are not names: words the page writes in lower
    # case ("the budget index"), or section words.
    for header in ("Budget Index\n\nJuly 21, 2012", "Latest News\n\nJuly 21, 2012", "Ann Lee"):
        res = meta(f"Budget passes\n\n{header}\n\n{PROSE} The budget index rose.")
        assert res.metadata.author is None, header


def test_lines_broken_inside_a_paragraph_are_not_header_lines() -> None:
    # A paragraph of short <br>-broken lines, one of them repeated later: no line of it is
    # a headline (a repeat would otherwise corroborate it), so the body stays whole.
    wrapped = (
        "The river rose all night and by morning the water\n"
        "stood in the lower streets of the old town, where\n"
        "shopkeepers had stacked their goods on the counters\n"
        "and waited for the boats to come."
    )
    text = f"{wrapped}\n\nLater that week\nshopkeepers had stacked their goods on the counters"
    res = meta(text)
    assert [ln.text for ln in res.kept] == [ln.text for ln in segment_lines(text)]
    assert res.cuts == ()


def test_headline_above_a_lower_case_stamp_is_still_the_header() -> None:
    res = meta(
        f"Storm floods the old town overnight\non May 8, 2024 at 11:54 AM, updated\n\n{PROSE}"
    )
    assert res.metadata.title == "Storm floods the old town overnight"


# ---------------------------------------------------------------- phrase data
_METADATA_SECTIONS = (
    "byline_posted",
    "byline_words",
    "bare_byline_words",
    "date_labels",
    "date_label_prepositions",
    "date_stamp_words",
    "sign_off_words",
    "source_labels",
    "caption_words",
    "time_ago",
    "not_name_words",
    "byline_name_joiners",
    "byline_name_stops",
    "byline_when_words",
    "byline_count_words",
    "name_particles",
    "masthead_joiners",
    "stamp_tail_counts",
)


def test_metadata_phrase_data_loads_and_every_language_compiles() -> None:
    import re

    from newsclean._phrases import phrase_sections

    for section in _METADATA_SECTIONS:
        langs = phrase_sections()[section]
        assert langs, section
        for lang, entries in langs.items():
            assert entries, (section, lang)
            for entry in entries:
                re.compile(entry, re.I)


def test_byline_markers_of_every_language() -> None:
    from newsclean._metadata import byline_author

    for line in (
        "By Ann Lee",
        "Posted by Ann Lee",
        "Text by Ann Lee",
        "Von Anna Schmidt",
        "Par Jeanne Dupont",
        "Por Juan Pérez",
        "Di Paolo Bianchi",
        "Door Pieter de Vries",
        "Av Sven Berg",
        "Автор: Иван Петров",
        "Author: Ann Lee",
    ):
        assert byline_author(line) is not None, line


def test_bare_byline_and_label_phrases_are_recognised() -> None:
    from newsclean import _metadata

    for bare in ("by", "Von", "par", "por:", "door", "av", "Posted by", "Author:"):
        assert _metadata._BARE_BYLINE.match(bare), bare
    for line in (
        "Source: Reuters",
        "Quelle: dpa",
        "Источник: ТАСС",
        "Fuente: EFE",
        "Fonte: Ansa",
        "来源：新华社",
    ):
        m = _metadata._SOURCE_LINE.match(line)
        assert m is not None and m.group("name"), line
    assert _metadata._DATE_LABEL.match("Last updated on: ").end() == len("Last updated on: ")
    assert _metadata._CAPTION_TAIL.match(" - Фото") and _metadata._CAPTION_TAIL.match("(foto)")
    assert _metadata._NOT_HEADLINE.search("Reuters – 3 hours ago")
    assert _metadata._POSTED.search("Published by Ann on May 3")
    assert {"news", "latest", "subscribe"} <= _metadata._NOT_NAME_WORDS
    assert {"updated", "gmt"} <= _metadata._STAMP_WORDS


def test_name_joiner_phrases_are_recognised() -> None:
    from newsclean import _metadata
    from newsclean._metadata import byline_author

    assert byline_author("By Ann Lee and Bob Ray") == "Ann Lee and Bob Ray"
    assert byline_author("Por Juan del Río") == "Juan del Río"
    assert byline_author("Von Hans van der Berg - 3. Mai 2024") == "Hans van der Berg"
    assert byline_author("By Ann Lee 12 comments") == "Ann Lee"
    assert _metadata._PERSON.match("Jan van Dijk").group("name") == "Jan van Dijk"
    assert _metadata._MASTHEAD.match("Journal of Commerce")
    assert _metadata._MASTHEAD.match("Courrier de la Semaine")
    assert _metadata._STAMP_TAIL.match(" | 3 min read") and _metadata._STAMP_TAIL.match(
        " · 12 views"
    )


def test_a_dump_without_its_title_line_takes_the_headline_above_the_article() -> None:
    # No <title> line first: the masthead and tagline are chrome, the headline sits over
    # the byline just above the first paragraph.
    page = segment_lines(
        "* Home\n* World\n* Sport\nThe Daily Ledger\nAll the news that fits the town\n"
        f"Council passes the new city budget\nBy Ann Lee\n{PROSE}"
    )
    res = extract_metadata(page[3:], page_lines=page)
    assert res.metadata.title == "Council passes the new city budget"


def test_menus_breadcrumbs_and_repeated_lines_are_not_the_headline_above() -> None:
    page = segment_lines(
        "* Home\nShare this story on Facebook\nHome / News / Local / Budget\n"
        "« Older post: the bridge reopens\nShare this story on Facebook\n"
        f"Share this story on Facebook\nShare this story on Facebook\n{PROSE}"
    )
    assert headline_above_article(page[-1:], page) is None


def test_a_line_of_links_to_other_posts_is_not_the_first_paragraph() -> None:
    # The "« previous | Main | next »" line is long enough to read as prose; the article
    # starts under the headline below it.
    page = segment_lines(
        "* Home\nThe Town Blog\n« Why the old mill closed its doors after a hundred years | Main"
        " | Ten things to see at the harvest fair this weekend in the valley »\n"
        f"2 May 2024\nCouncil passes the new city budget\n{PROSE}"
    )
    assert headline_above_article(page[2:], page) == "Council passes the new city budget"


def test_a_standfirst_under_the_headline_yields_to_it() -> None:
    page = segment_lines(
        "* Home\n* Politics\nCouncil passes the new city budget\n"
        "Members argued for hours over the budget before a narrow vote late on Tuesday night\n"
        f"* Share\n* Email\n{PROSE}"
    )
    assert headline_above_article(page[-1:], page) == "Council passes the new city budget"


def test_tag_lists_and_photo_credits_are_not_the_headline() -> None:
    page = segment_lines(
        "* Home\nCouncil passes the new city budget\nTags: Council, Budget, Taxes\n"
        f"The council debates the budget. Photograph: Ann Lee/Daily Ledger\n{PROSE}"
    )
    assert headline_above_article(page[-1:], page) == "Council passes the new city budget"


@pytest.mark.parametrize(
    "text",
    [
        f"Budget passes\n\nBy Jane Smith | Reuters\n\n{PROSE}",
        f"Oct 22, 2024 17:19 74\n\n{PROSE}\n\nSource: Daily Ledger",
        f"date 2024-10-21 On October 21, {PROSE}",
        f"Council Votes On Budget\n\nPublished: 21 October 2024\n\n{PROSE}\n\nLedger.com",
        f"Rates rise - Daily Ledger\n\nRates rise\n\n{PROSE}\n\nRates rise - 1",
        f"{PROSE}\n\nPosted by Ann Lee on July 19, 2012 | Permalink",
        "",
    ],
)
def test_header_cuts_are_the_cuts_of_a_second_reading(text: str) -> None:
    lines = segment_lines(text)
    assert header_cuts(lines) == extract_metadata(lines, page_lines=lines).cuts


@pytest.mark.parametrize(
    "text",
    [
        "word " * 30,
        "x" * 199 + " tail " + "word " * 30,  # a word across the counting window's end
        "a " * 100 + "b",
        "longword " * 3 + "y" * 300,
        "",
    ],
)
def test_at_least_words_matches_as_a_full_count(text: str) -> None:
    from newsclean._metadata import _WORD, _at_least_words

    for count in (1, 5, 25):
        assert (_at_least_words(count).match(text) is not None) == (
            len(_WORD.findall(text)) >= count
        )


def test_the_documented_header_rules_keep_every_header_line_in_the_body() -> None:
    # docs/usage.md: switching these rules off keeps the header as the page shows it
    doc = (Path(__file__).parent.parent / "docs" / "usage.md").read_text("utf-8")
    listed = set(re.findall(r'"(metadata\.[a-z_]+)"', doc.split("**The header lines**")[1]))
    page = (
        "Valley Times\n\nLibrary extends opening hours for exam season\n"
        "Students get a quiet place to revise before the summer exams\n"
        "By Tom Becker\nPublished: 2 May 2024\n\n"
        "The central library will stay open until midnight on weekdays from next week.\n\n"
        "The trial runs until the end of June, librarians said on Thursday."
    )
    doc_ = clean(page, disable=listed)
    assert doc_.title == "Library extends opening hours for exam season"
    assert [r.rule for r in doc_.removed] == []
    assert doc_.body.splitlines()[:2] == ["Valley Times", ""]


def test_the_copyright_line_names_the_source_when_nothing_else_does() -> None:
    page = (
        f"Harbour ferry returns after the storm\n\n{PROSE}\n\n"
        "Privacy Policy\n© 2009-2024 Gull Point Gazette. All rights reserved."
    )
    assert clean(page).source == "Gull Point Gazette"
    # a notice without a year or a leading mark is no notice, a credit is no notice
    assert clean(f"{PROSE}\n\nCopyright Information").source is None
    assert clean(f"{PROSE}\n\nHarbour at dawn © Ann Lee").source is None


def test_a_company_holding_the_copyright_is_not_the_source() -> None:
    # (it owns the site; the site is one of its titles)
    for notice in (
        "© 2024 Gull Point Media Group, Inc. All rights reserved.",
        "Copyright © 2024 Harbour Holdings Ltd.",
    ):
        assert clean(f"Harbour ferry returns\n\n{PROSE}\n\n{notice}").source is None


def test_the_site_end_of_the_title_line_written_again_on_the_page_is_the_source() -> None:
    page = (
        "Harbour ferry returns after the storm - Gullpoint.net\n\nMenu\n\nHarbour ferry’s\n"
        f"return after the storm\n\n{PROSE}\n\nAbout Gullpoint.net\nContact us"
    )
    assert clean(page).source == "Gullpoint.net"


def test_a_title_line_end_written_only_in_a_sentence_is_not_the_source() -> None:
    # a phrase of running text in lower case is no name
    page = (
        "Ferry timetable - Homemade harbour biscuits\n\n"
        f"{PROSE} We love homemade harbour biscuits and these look perfect."
    )
    assert clean(page).source is None


def test_a_byline_naming_the_post_categories_gives_the_author() -> None:
    # (found in the article's first lines: read for the field, the line stays)
    for byline, name in (
        ("Posted by Ann Lee in Travel, Food", "Ann Lee"),
        ("by Al Ho in Cool stuff, Space | 14 comments | RSS feed", "Al Ho"),
        ("October 18th, 2012 by Mirko in Articles, Blog", "Mirko"),
    ):
        doc = clean(f"Harbour ferry returns\n\n{PROSE}\n\n{byline}\n\n{PROSE}")
        assert doc.author == name, byline
    # one word before "in" is no name unless the line says so
    assert clean(f"{PROSE}\n\nBy Christmas in Rome the crowds had gone home").author is None


def test_the_numbers_of_a_byline_stamp_are_not_words_of_a_sentence() -> None:
    byline = "by Ann Lee Published Nov. 7, 2012 2:25 pm Updated Nov. 7, 2012 4:01 pm"
    assert clean(f"Harbour ferry returns\n\n{PROSE}\n\n{byline}\n\n{PROSE}").author == "Ann Lee"


@pytest.mark.parametrize(
    "stamp",
    ["Ann Lee | 6 mins ago |", "Ann Lee / 8 hrs ago", "Ann Lee • 8h", "Ann Lee December 18, 2020"],
)
def test_a_name_beside_a_relative_time_or_an_unseparated_date_is_the_author(stamp: str) -> None:
    assert clean(f"Harbour ferry returns\n\n{stamp}\n\n{PROSE}").author == "Ann Lee"


def test_a_post_footer_opening_with_its_date_gives_the_date() -> None:
    for footer in (
        "September 27th, 2012 | Tags: ferries, harbour | Category: Local | 4 comments",
        "Thursday, September 27, 2012 at 7:28 pm",
    ):
        page = segment_lines(f"{PROSE}\n\n{PROSE} Again.\n\n{footer}\n\nComments")
        res = extract_metadata(page[:2], page_lines=page)
        assert res.metadata.date is not None and res.metadata.date[:10] == "2012-09-27", footer


def test_a_comment_count_glued_to_the_headline_is_not_in_the_title() -> None:
    page = (
        "Harbour ferry returns after the storm - Gull Point Gazette\n\n"
        f"Harbour ferry returns after the storm 524\n\nPosted by Ann Lee on May 3, 2024\n\n{PROSE}"
    )
    assert clean(page).title == "Harbour ferry returns after the storm"
    # a number the <title> line also has, or a year, is the headline's own
    for headline in ("Top 10 harbour ferries", "Harbour ferries of 2024"):
        page = f"{headline} - Gull Point Gazette\n\n{headline}\n\nPosted by Ann Lee\n\n{PROSE}"
        assert clean(page).title == headline


def test_a_later_line_naming_the_site_does_not_make_the_headline_the_source() -> None:
    page = (
        "Harbour ferry returns to the island after the storm - Gull Point Gazette\n\n"
        f"Gull Point Gazette\n\nHarbour ferry returns to the island, after the storm\n\n{PROSE}"
    )
    doc = clean(page)
    assert doc.source == "Gull Point Gazette"
    assert doc.title == "Harbour ferry returns to the island after the storm"


def test_a_title_line_end_holding_a_date_is_not_the_source() -> None:
    page = (
        "Harbour ferry returns after the storm | Harbour News Nov 6, 2012\n\n"
        f"Harbour ferry returns after the storm\n\n{PROSE}\n\nMore Harbour News Nov 6, 2012 stories"
    )
    assert clean(page).source is None


def test_a_name_the_next_line_repeats_in_the_header_is_the_author() -> None:
    # (an author's picture and link rendered as text)
    page = f"Harbour ferry returns\n\nAnn Lee\nAnn Lee\n\n{PROSE}"
    assert clean(page).author == "Ann Lee"
    # a doubled section label is no name
    assert clean(f"Harbour ferry returns\n\nLatest News\nLatest News\n\n{PROSE}").author is None


def test_a_masthead_the_page_writes_again_names_the_source() -> None:
    page = f"Gull Point Gazette\n\nHarbour ferry returns\n\n{PROSE}\n\nFollow Gull Point Gazette on Twitter"
    assert clean(page).source == "Gull Point Gazette"
    # a section word, a date or a company is no masthead; nor a name written nowhere else
    for top in ("Latest News", "May 3, 2024", "Ledger Media Group"):
        page = f"{top}\n\nHarbour ferry returns\n\n{PROSE}\n\nMore from {top} here"
        assert clean(page).source is None, top
    assert clean(f"Gull Point Gazette\n\nHarbour ferry returns\n\n{PROSE}").source is None


def test_a_menu_line_first_names_no_source() -> None:
    page = f"Home | News\n\nHarbour ferry returns\n\n{PROSE}\n\nBack to News headlines"
    assert clean(page).source is None


@pytest.mark.parametrize(
    "line",
    [
        "Photo © 2012 Harbour Images",  # a credit
        "(C) 2012 Jane Doe/Wire Agency",
        "The band's copyright 2011 Warner claim was dismissed by the judge.",
        "The song, copyright 1967 by Paul Leeds, was played at the wedding.",
        "Copyright 2010 Apple sued Samsung over the design of the phone.",
    ],
)
def test_a_credit_or_a_sentence_citing_a_copyright_names_no_source(line: str) -> None:
    page = f"Council approves budget\n\n{PROSE}\n\n{line}\n\nResidents said they were worried."
    assert clean(page).source is None


def test_a_title_end_the_article_mentions_in_a_sentence_is_no_source() -> None:
    # (only a line of the page's chrome, "Follow Site", writes a site's name again)
    page = (
        "Storm hits the coast again - Florida\n\n"
        "Residents of Florida fled inland as the storm hit the coast on Monday night.\n\n"
        f"{PROSE}"
    )
    assert clean(page).source is None


@pytest.mark.parametrize(
    "line",
    [
        "Franklin Roosevelt December 8, 1941",  # a caption of history, no byline
        "Maria Lopez 3 days ago said the council would meet again soon.",
    ],
)
def test_a_name_before_an_old_date_or_in_a_sentence_is_no_author(line: str) -> None:
    page = f"Council approves budget\n\n{line}\n\n{PROSE}\n\nResidents said they were worried."
    assert clean(page).author is None


def test_a_title_end_written_again_on_a_long_line_costs_linear_time() -> None:
    # (each occurrence re-read the whole line: 0.25 MB took 51 s)
    def cpu(n: int) -> float:
        page = f"Council approves budget - Ledger\n\n{PROSE}\n\n" + "Ledger Council budget " * n
        start = time.process_time()
        clean(page, language="en")
        return time.process_time() - start

    cpu(100)
    assert cpu(8000) < 20 * cpu(1000) + 0.5


_ZH_LEAD = "新华社北京3月12日电 市议会周二在经过六个多小时的辩论后批准了新的预算方案。"
_ZH_NEXT = "在会上发言的居民表示，他们担心房租上涨和道路状况。"
_JA_LEAD = "東京都議会は12日、六時間以上の審議の末に新しい予算案を可決した。"
_JA_NEXT = "会議で発言した住民は、家賃の上昇と道路の状態を心配していると述べた。"


@pytest.mark.parametrize(
    "above",
    [
        "首页 | 新闻 | 财经",
        "2024年3月12日 10:30",
        "分享到微信",
        "ホーム | ニュース\n\n2024年3月12日",
    ],
)
@pytest.mark.parametrize(("lead", "following"), [(_ZH_LEAD, _ZH_NEXT), (_JA_LEAD, _JA_NEXT)])
def test_a_chinese_or_japanese_lead_paragraph_is_no_headline(
    above: str, lead: str, following: str
) -> None:
    # (a sentence in a script without spaces packs ten words in some 15 characters)
    doc = clean(f"{above}\n\n{lead}\n\n{following}")
    assert doc.body.startswith(lead) and doc.body.endswith(following)
    assert doc.title != lead
    assert is_prose(lead) and is_prose(following)


@pytest.mark.parametrize(
    "header",
    [
        "Comments\nSend to a Friend\nBy Ann Lee\n\nHarbour ferry returns after the storm",
        "Send to a Friend\nnews - May 3, 2024\n\nHarbour ferry returns after the storm\n\n"
        "The boats are back for summer",
        "Send to a Friend\nBy Ann Lee\n\nHarbour ferry returns after the storm",
    ],
)
def test_a_line_a_rule_cut_is_not_the_title(header: str) -> None:
    # (a dump opening with a menu, not the <title> line: the headline is looked for
    # above the first paragraph, where the share line stood over a stamp)
    doc = clean(f"Home\nNews\nSport\n\n{header}\n\n{PROSE}\n\n{PROSE}")
    cut = [r.text for r in doc.removed if r.rule == "metadata.title"]
    assert any(r.rule == "en.share_widget" for r in doc.removed)
    assert cut == ["Harbour ferry returns after the storm"] == [doc.title]


def test_a_source_line_inside_the_text_or_citing_figures_stays() -> None:
    cited = "Source: the city's own figures, published in March."
    for page in (
        f"{PROSE}\n\n{cited}\n\n{PROSE}\n\n{PROSE}",
        f"{PROSE}\n\nSource: Harbour Gazette\n\n{PROSE}\n\n{PROSE}",  # a credit between paragraphs
        f"{PROSE}\n\n{PROSE}\n\n{cited}",
    ):
        doc = clean(page)
        assert doc.source is None and doc.body == page, page
    # under the last paragraph, a name is the source (also over a line of page chrome)
    for tail in ("", "\n\nShare\nTags: budget"):
        doc = clean(f"{PROSE}\n\n{PROSE}\n\nSource: Harbour Gazette{tail}")
        assert doc.source == "Harbour Gazette"
        assert doc.body == f"{PROSE}\n\n{PROSE}"


def test_a_numeric_date_is_read_day_first_where_the_language_writes_so() -> None:
    lead = (
        "Le conseil municipal a approuvé mardi le nouveau budget après un long débat "
        "qui a duré jusque tard dans la nuit, selon ses membres."
    )
    page = f"Le conseil adopte le budget\n\nPublié le 03/04/2024\n\n{lead}\n\n{lead}"
    assert clean(page, options=Options(language="fr")).date == "2024-04-03"
    ls = segment_lines(page)
    assert extract_metadata(ls, language="fr").metadata.date == "2024-04-03"
    assert extract_metadata(ls).metadata.date == "2024-03-04"  # (no language: month first)
    english = f"Council passes budget\n\nPublished 03/04/2024\n\n{PROSE}\n\n{PROSE}"
    assert clean(english, options=Options(language="en")).date == "2024-03-04"


def test_a_source_line_over_a_labelled_teaser_is_the_source() -> None:
    page = f"{PROSE}\n\nSource: Reuters\n\nRelated: Council debates new parks plan for next year."
    assert clean(page).source == "Reuters"


def test_a_numeric_date_reads_the_same_with_glue_on_or_off() -> None:
    page = (
        "Conselho aprova orçamento\n03/04/2024\n\nO conselho municipal aprovou o novo orçamento"
        " na terça-feira depois de um longo debate.\n\nOs moradores disseram que estavam"
        " preocupados com os aluguéis e as estradas."
    )
    assert clean(page).date == clean(page, unglue=False).date == "2024-04-03"
