"""Stage 5, metadata: title, subtitle, date, author and source from the text itself.

What the stage reads, in order:

1. **Date stamps** — a line that is only a date (with a label such as "date",
   "Published:", a time, a trailing counter) is the date and leaves the body;
   a labelled date that opens a line ("date 2024-10-21 On October 21, …")
   leaves as a prefix. A dateline that opens the first sentence ("Moscow,
   October 21, 2024 – …") gives the date and stays.
2. **Bylines** — "By …", "Von …", "Par …", "Автор: …" in the header zone. With
   none there, the lines around the article are read for one (these stay): a
   byline may then name the post's categories ("Posted by Ann in Travel") and
   carry a long stamp; else a name beside a date or a relative time ("Ann Lee |
   6 mins ago"), or on two lines in a row (a picture and a link), is the author.
3. **Title** — the page-title line ("Headline | Site") matched against a
   later line, else the first headline-like line of the header zone (the lines
   before the first paragraph of prose). A standfirst right after it is the
   subtitle. The title leaves the body only when something corroborates that
   the header zone is page furniture: lines already cut before it, a date
   stamp or byline beside it, or the headline repeated (an image caption such
   as "Headline - 1", which goes too). An uncorroborated first line is only
   copied into ``title``, so cleaning a body twice changes nothing. A dump
   that does not open with the page's ``<title>`` line (inscriptis) names the
   headline-like line that fits best just above the article's first paragraph
   instead (near, over a date or byline, sharing its words; no menu, breadcrumb
   or repeated label, no line a rule cut); that choice only fills ``title`` and cuts
   nothing.
4. **Source** — site banners caught by the rules, the page title's site part,
   a "Source: …" line under the text that names someone (not a sentence citing
   figures, not a credit between paragraphs), or a short trailing signature
   ("News.Az") that leaves the body. Failing those, where a page writes its name without cutting
   anything: the short end of the ``<title>`` line that the page writes again
   inside another line ("Subscribe to Site.com"), else the holder of its last
   copyright line ("© 2012 Bit Rebels. All rights reserved."), unless a company
   ("Dow Jones & Company, Inc.": it owns the site rather than names it), else a
   masthead on one of the first lines that the page writes again ("Follow Site").

The words these readings look for (byline markers, date labels, "Source:" labels, words
that are not names) are per-language lists in ``data/phrases.json``, read by
:mod:`newsclean._phrases`; each pattern names the section it is built from.
"""

from __future__ import annotations

import bisect
import collections
import functools
import itertools
import operator
from collections.abc import Callable, Container, Iterator, Sequence
from dataclasses import dataclass

import regex

from ._content import is_comment_heading
from ._dates import (
    YEAR,
    date_at_start,
    date_stamp_head,
    first_date,
    is_month_or_weekday,
    is_weekday,
    may_hold_year,
    writes_day_first,
)
from ._phrases import alternation, phrases
from ._rules import Cut
from ._segment import Line

_WORD = regex.compile(r"\w+")
_WORD_CHAR = regex.compile(r"\w")
_SENTENCE_END = regex.compile(r"[.!?…。！？»”\"')\]]$")
# The joiners ("and", "van", "de") are matched as written (lower case), not case-blind.
_NAME = (
    rf"(?P<name>(?:\p{{Lu}}[\p{{L}}'’.-]*\.?)(?:\s+(?!(?i:{alternation('byline_name_stops')})\b)"
    rf"(?:\p{{Lu}}[\p{{L}}'’.-]*\.?|{alternation('byline_name_joiners')})){{0,6}})"
)
# What may follow the name on a byline: a separator and a little more, the date or
# time it was posted ("by Jon Brodkin - Nov 9, 2012", "Posted by Ann at 4:02 PM",
# "by Al Ho 22 Dec 2016"), a handle ("by Ann Lee @annlee Updated ..."), or a comment
# count ("by Al Ho 12", "by Al Ho 0 Comments").
_BYLINE_REST = (
    r"(?P<rest>\s*(?:[,|·•–—/-]\s*.{0,80}"
    rf"|(?P<when>\s(?i:{alternation('byline_when_words')})\s(?=[^!?]{{0,40}}\d)[^!?]{{0,80}}"
    r"(?i:[ap]\.m\.)?)|\s+@\w{1,30}(?:\s.{0,80})?"
    rf"|\s+\d{{1,5}}(?:\s+(?i:{alternation('byline_count_words')}))?"
    r"|(?P<dated>\s+\d{1,2}\s+\p{L}{3,9}\.?\s+\d{4}\b[^!?]{0,40}))?)$"
)
# Or the post's categories ("Posted by Ann in Travel, Food"): read only to fill ``author``,
# never to cut (byline_author with ``filed``).
_BYLINE_FILED_REST = (
    _BYLINE_REST[: -len(")?)$")]
    + rf"|(?P<filed>\s+(?i:{alternation('byline_filed_words')})\s+\p{{Lu}}[^!?]{{0,120}}))?)$"
)
# Byline markers from data/phrases.json: "byline_posted" is tried first, so "Text By Ann"
# reads as posted by Ann; "byline_words" are whole words, none the start of another, so
# their order cannot change a match.
_BYLINE_HEAD = (
    rf"^(?:[/|•·–—-]+\s*)?(?i:(?P<posted>{alternation('byline_posted')})|{alternation('byline_words')})"
    r"[:：]?\s+"
)
_BYLINE = regex.compile(_BYLINE_HEAD + _NAME + _BYLINE_REST, regex.VERSION1)
_BYLINE_FILED = regex.compile(_BYLINE_HEAD + _NAME + _BYLINE_FILED_REST, regex.VERSION1)


# A label before a posting date that a byline follows ("Modified on August 1, 2012 by ...").
_DATE_LABEL = regex.compile(
    rf"(?i:(?:{alternation('date_labels')})(?:\s+(?:{alternation('date_label_prepositions')}))?[:：]?\s+)"
)


_WEEKDAY_HEAD = regex.compile(r"(?P<day>\p{L}{3,12})\.?,?\s+")


def _opening_date_end(text: str) -> int | None:
    """Where a date opening ``text`` ends ("Modified on Monday, May 6, 2024 ..."), or None.

    >>> t = "Updated on Monday, November 12, 2012, by Ann Lee"
    >>> t[_opening_date_end(t):]
    ', by Ann Lee'
    >>> _opening_date_end("Ann Lee, November 12, 2012") is None
    True
    """
    if not may_hold_year(text) or _DIGIT.search(text, 0, 80) is None or YEAR.search(text) is None:
        return None  # most lines: no date can open them (every date holds a year)
    label = _DATE_LABEL.match(text)
    skip = label.end() if label is not None else 0
    day = _WEEKDAY_HEAD.match(text, skip)
    if day is not None and is_weekday(day.group("day")):
        skip = day.end()
    found = date_at_start(text[skip : skip + 40]) if YEAR.search(text, skip, skip + 40) else None
    return None if found is None else skip + found.end


# A name on its own, or before the date ("Megan Slack", "Orion Jones on May 8, 2012, 9:13 AM",
# "Nicolas Perriault — 2013-09-29"): two to four capitalised words, initials allowed.
_PERSON = regex.compile(
    r"^(?P<name>\p{Lu}[\p{Ll}'’-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{Ll}'’-]+"
    rf"|(?:{alternation('name_particles')})(?=\s))){{1,3}})"
    r"(?:\s*[,|·•–—/-]\s*|\s+(?i:on)\s+|\s+(?=[\d\p{Lu}])|$)"
)
# How long ago it was posted, beside the name ("Ann Lee | 6 mins ago", "Ann Lee • 8h").
_RELATIVE_TIME = regex.compile(rf"^(?i:{alternation('relative_times')})\b")
# Words that make a capitalised line a label, menu or heading rather than a name.
# A lower-case word of running text (not part of an address: "dan.goodin@site.com").
_LOWER_WORD = regex.compile(r"(?<![\p{L}'’.@/_-])\p{Ll}{3,}(?![\p{L}'’@/_-]|\.\w)")
_NOT_NAME_WORDS = frozenset(phrases("not_name_words"))
_LINK_LABEL_WORDS = _NOT_NAME_WORDS - {"the", "our", "all", "by", "most", "top", "world"}
_LOWER_RUN = regex.compile(r"\p{Ll}{3,}")
_NOT_BEFORE_LOWER_WORD = "'’.@/_-"
_NOT_AFTER_LOWER_WORD = "'’@/_-"


@dataclass(frozen=True, slots=True)
class _WrittenLowerCase:
    """The words ``page`` writes in lower case (``_LOWER_WORD``), asked one at a time:
    a scan for the word, not a set of all the page's words (a page is asked about two
    or three).

    >>> "station" in _WrittenLowerCase("Space Station\\nthe station is closed"), "space" in _WrittenLowerCase("Space Station")
    (True, False)
    """

    page: str

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or _LOWER_RUN.fullmatch(word) is None:
            return False
        page, end = self.page, len(word)
        at = page.find(word)
        while at >= 0:
            before = page[at - 1] if at else " "
            after = page[at + end : at + end + 2]
            if not (before.isalpha() or before in _NOT_BEFORE_LOWER_WORD) and not (
                after[:1].isalpha()
                or (after[:1] != "" and after[:1] in _NOT_AFTER_LOWER_WORD)
                or (after[:1] == "." and _WORD_CHAR.match(after[1:]) is not None)
            ):
                return True
            at = page.find(word, at + 1)
        return False


_YEAR_IN = regex.compile(r"\b(?:19|20)\d\d\b")
_WEB_BYLINE_YEAR = 1994  # no web page was signed before


def name_beside_date(
    text: str, next_text: str = "", common: Callable[[], Container[str]] = frozenset
) -> str | None:
    """A person's name on a line of its own whose date follows, on it or on the next line.

    ``common`` gives the words the page writes in lower case (asked only for a line
    that is otherwise a name): a capitalised line made of them is a heading ("Recipe
    Index", "Space Station"), not a name.

    >>> name_beside_date("Megan Slack", "July 21, 2012"), name_beside_date("Orion Jones on May 8, 2012")
    ('Megan Slack', 'Orion Jones')
    >>> name_beside_date("Latest News", "July 21, 2012") is None, name_beside_date("Megan Slack") is None
    (True, True)
    >>> name_beside_date("Space Station", "July 21, 2012", common=lambda: {"station"}) is None
    True
    >>> name_beside_date("Ann Lee | 6 mins ago"), name_beside_date("Ann Lee December 18, 2020")
    ('Ann Lee', 'Ann Lee')
    """
    m = _PERSON.match(text)
    if m is None:
        return None
    name = m.group("name")
    words = name.split()
    rest = text[m.end() :]
    popped = False
    while len(words) > 2 and is_month_or_weekday(words[-1]):
        # the date's month, no separator between ("Ann Lee December 18, 2020")
        words.pop()
        name = " ".join(words)
        rest = text[len(name) :].lstrip()
        popped = True
    year = _YEAR_IN.search(rest) if popped else None
    if popped and (year is None or int(year.group()) < _WEB_BYLINE_YEAR):
        return None  # a caption of history ("Franklin Roosevelt December 8, 1941")
    if any(w.casefold() in _NOT_NAME_WORDS or is_month_or_weekday(w) for w in words):
        return None
    after = rest or next_text
    relative = _RELATIVE_TIME.match(after)
    if relative is not None and _words(after[relative.end() :]) > 2:
        relative = None  # the line goes on as a sentence ("... 3 days ago said the council")
    if _opening_date_end(after) is None and relative is None:
        return None
    lower_case = common()
    if any(w.casefold() in lower_case for w in words):
        return None
    return name


def doubled_name(text: str, common: Callable[[], Container[str]] = frozenset) -> str | None:
    """A person's name standing on a line of its own that the next line repeats (an
    author's picture and link, rendered as text: "Ann Lee", "Ann Lee"), or None.

    >>> doubled_name("Megan Slack"), doubled_name("Latest News"), doubled_name("Megan Slack 2")
    ('Megan Slack', None, None)
    """
    m = _PERSON.match(text)
    if m is None or m.group("name") != text:
        return None
    words = text.split()
    if any(w.casefold() in _NOT_NAME_WORDS or is_month_or_weekday(w) for w in words):
        return None
    lower_case = common()
    return None if any(w.casefold() in lower_case for w in words) else text


# "by" alone on its line, the name on the next: how get_text("\n") renders
# "<span>by</span> <a>Ann Lee</a>".
_BARE_BYLINE = regex.compile(rf"^(?i:{alternation('bare_byline_words')})[:：]?$")


def _name_after_bare_by(page_lines: Sequence[Line], line: Line) -> str | None:
    """The page line after ``line`` when ``line`` is a bare "by" line of the page."""
    k = bisect.bisect_left(page_lines, line.start, key=_line_start)
    if k + 1 >= len(page_lines) or page_lines[k].start != line.start:
        return None
    bare = page_lines[k].text
    if len(bare) > 10 or _BARE_BYLINE.match(bare) is None:
        return None
    return page_lines[k + 1].text


def byline_author(text: str, *, filed: bool = False) -> str | None:
    """The author named by a byline line, or None.

    A sentence can look like a byline ("By Monday at 5 pm the roads will close"): the
    name must not be a weekday or month, and an "on/at ..." tail needs a date, or a
    line that says "Posted by" / "Written by".

    >>> byline_author("Posted by John Halamka at 4:02 PM"), byline_author("By Ann Lee on Aug 9, 2012")
    ('John Halamka', 'Ann Lee')
    >>> byline_author("October 25th, 2012 by Dan Meyer"), byline_author("by Al Ho Published Nov. 7, 2012")
    ('Dan Meyer', 'Al Ho')
    >>> byline_author("By Monday at 5 pm the city will have closed 12 roads") is None
    True

    With ``filed``, a byline may name the post's categories after the name, when the
    name has two words, or the line says "Posted by" or opens with the date:

    >>> byline_author("by Al Ho in Cool stuff | 4 comments", filed=True)
    'Al Ho'
    >>> byline_author("By Christmas in Rome the crowds had gone", filed=True) is None
    True
    """
    byline = _BYLINE_FILED if filed else _BYLINE
    m = byline.match(text)
    dated = False
    if m is None and text[:1].isalnum():
        # The posting date first: "October 25th, 2012 by Dan Meyer", "Modified on
        # August 1, 2012 by Sue Lee".
        end = _opening_date_end(text)
        if end is not None:
            dated = True
            m = byline.match(text[end:].lstrip(" ,|·•–—-"))
    if m is None:
        return None
    if (
        filed
        and m.group("filed")
        and not (dated or m.group("posted") or len(m.group("name").split()) >= 2)
    ):
        return None
    name = m.group("name").strip()
    if is_month_or_weekday(name.split()[0]):
        return None
    if m.group("when") and not m.group("posted") and first_date(m.group("when")) is None:
        return None
    if m.group("dated") and first_date(m.group("dated")) is None:
        return None
    return name


_SOURCE_LINE = regex.compile(
    rf"^(?:{alternation('source_labels')})\s*[:：]\s*(?P<name>.{{2,60}})$", regex.IGNORECASE
)
_SOURCE_NAME_WORDS = 6


_LABELLED_LINE = regex.compile(r"^\p{L}[\p{L} ]{0,20}[:：]\s")


def _reads_as_name(text: str) -> bool:
    """What follows "Source:" names someone: a few words, not a clause in lower case
    (an address, one token, is a name).

    >>> _reads_as_name("U.S. Census Bureau."), _reads_as_name("http://ledger.example/news/")
    (True, True)
    >>> _reads_as_name("the city's own figures, published in March.")
    False
    """
    words = _words(text)
    return words <= _SOURCE_NAME_WORDS and (
        words < 3
        or " " not in text
        or len(_LOWER_CASE_WORD.findall(text)) <= len(_CAPITALISED_WORD.findall(text))
    )


_SIGNATURE = regex.compile(
    r"^(?:\p{Lu}[\w&'’-]*(?:\.[\p{L}]{2,})*)(?:\s+[\p{Lu}\d][\w&'’.-]*){0,2}$"
)
_DOMAINISH = regex.compile(r"\w\.\p{L}{2,}$")
_TITLE_SEPARATORS = regex.compile(r"\s+[|–—:·•»-]\s+|\s+[|»]|\s*::\s*")
_MASTHEAD = regex.compile(
    rf"^(?:\p{{Lu}}[\w.&'’-]*)(?:\s+(?:\p{{Lu}}[\w.&'’-]*|{alternation('masthead_joiners')}))*$"
)
_CAPTION_TAIL = regex.compile(
    rf"^\s*(?:[-–—|(]\s*)?(?:\d{{1,3}}|{alternation('caption_words')})?\)?\s*$", regex.I
)


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str | None = None
    subtitle: str | None = None
    date: str | None = None
    author: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class MetadataResult:
    metadata: Metadata
    kept: tuple[Line, ...]
    cuts: tuple[Cut, ...]


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _at_least_words(count: int) -> regex.Pattern[str]:
    """A pattern that matches a text of ``count`` words (``_WORD``) or more, stopping
    after them: each step takes a whole word and what follows it, never giving back.

    >>> bool(_at_least_words(3).match("-- one, two three")), bool(_at_least_words(3).match("one two"))
    (True, False)
    """
    return regex.compile(rf"\W*+(?:\w++\W*+){{{count}}}")


_PROSE_WORDS = _at_least_words(25)
_SENTENCE_WORDS = _at_least_words(10)
_CASED_LETTER = regex.compile(r"[\p{Latin}\p{Cyrillic}\p{Greek}]")
# Scripts written without spaces between words: a run of them is one ``\w+`` "word", and
# a sentence of ten words takes some 15 characters in Chinese or Japanese.
_SPACELESS_LETTER = regex.compile(
    r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]"
)
_SPACELESS_SENTENCE_LETTERS = 15


def is_prose(text: str) -> bool:
    """A line of running text rather than a heading, label or stamp.

    >>> is_prose("Russia appears to be trying to ease tensions in its relations with South Korea.")
    True
    >>> is_prose("Risk wins, risk loses!")
    False
    >>> is_prose("市议会周二在经过六个多小时的辩论后批准了新的预算方案。"), is_prose("预算方案获批准！")
    (True, False)
    """
    if _PROSE_WORDS.match(text) is not None:
        return True
    # (a match of "[...]$" starts at the last character, or before a final "\n")
    if _SENTENCE_END.search(text, max(0, len(text) - 2)) is not None and (
        _SENTENCE_WORDS.match(text) is not None
        or len(_SPACELESS_LETTER.findall(text, 0, 4 * _SPACELESS_SENTENCE_LETTERS))
        >= _SPACELESS_SENTENCE_LETTERS
    ):
        return True
    return len(text) >= 40 and _CASED_LETTER.search(text) is None


# A line broken inside a sentence (a <br> in a paragraph, a hard-wrapped text): the line
# above has this many words and no sentence end, the line below goes on in lower case.
_WRAPPED_LINE_WORDS = 5
_WRAPPED_WORDS = _at_least_words(_WRAPPED_LINE_WORDS)
_WRAPPED_RUN = 8  # lines of such a run read together as one paragraph
_NO_SENTENCE_END = regex.compile(r"[^.!?…。！？:;]$")
# The next line opens with a word in lower case (not a brand such as "iPhone", not a label
# such as "tags:").
_LOWER_START = regex.compile(r"^\p{Ll}+(?:['’-]\p{Ll}+)*(?![\p{L}\d:]|\.\w)")
_DATE_NEAR_START = 40
_CAPITALISED_WORD = regex.compile(r"\b\p{Lu}")
_LOWER_CASE_WORD = regex.compile(r"\b\p{Ll}")


def _continues(above: str, line: str) -> bool:
    """``line`` goes on with the sentence ``above`` left open (a line break, not a new line).

    A line in Title Case above is a headline; a byline or a date near the start of the line
    below ("by Ann Lee Published ...", "on May 8, 2024 at 11:54 AM, updated ...") is the
    headline's stamp.

    >>> _continues("The council met on Monday and voted to", "raise the rates again")
    True
    >>> _continues("Rates Rise Again in the Capital", "then it stopped")
    False
    >>> _continues("It rained all day on the town.", "then it stopped")
    False
    >>> _continues("The council met on Monday and voted", "on May 8, 2024 at 11:54 AM")
    False
    """
    return (
        _LOWER_START.match(line) is not None
        and _NO_SENTENCE_END.search(above) is not None
        and _WRAPPED_WORDS.match(above) is not None
        and len(_LOWER_CASE_WORD.findall(above)) > len(_CAPITALISED_WORD.findall(above))
        and byline_author(line) is None
        and not (
            YEAR.search(line, 0, _DATE_NEAR_START)
            and first_date(line[:_DATE_NEAR_START]) is not None
        )
    )


def first_prose(lines: Sequence[Line], start: int = 0, stop: int | None = None) -> int:
    """Index of the first line of running text: a prose line, or the first of a few lines
    that go on one from the other and read as prose together (a paragraph broken by
    ``<br>``: none of its lines alone is sentence-length, yet none is a headline);
    ``len(lines)`` if none. Only lines from ``start`` up to ``stop`` can begin it (the
    run of lines it begins may go on past ``stop``).

    >>> from newsclean._segment import segment_lines
    >>> first_prose(segment_lines("Big News\\nThe council met on Monday and voted to\\n"
    ...                           "raise the rates again, its members said."))
    1
    """
    end = len(lines) if stop is None else min(stop, len(lines))
    for i in range(start, end):
        ln = lines[i]
        if is_prose(ln.text):
            return i
        text = ln.text
        j = i
        while (
            j + 1 < len(lines)
            and j - i < _WRAPPED_RUN
            and _continues(lines[j].text, lines[j + 1].text)
        ):
            j += 1
            text = f"{text} {lines[j].text}"
        if j > i and is_prose(text):
            return i
    return len(lines)


# Lines above the article searched for its date and byline, nearest first (the
# header of a full-page dump often goes with the page chrome): 6 -> 40 lines took
# the date accuracy on the dev dumps from 0.682 to 0.720.
HEADER_WINDOW = 40
_SIGN_OFF_LINES = 5  # lines under the article searched for "Posted by ... on <date>"
# The article's last lines and the lines under it searched for its date, when no other
# line gave one (a post footer: "September 27th, 2012 | Tags: ...").
_FOOTER_KEPT_LINES = 6
_FOOTER_LINES = 5
_POSTED = regex.compile(rf"\b(?:{alternation('sign_off_words')})\b", regex.IGNORECASE)


def _line_start(line: Line) -> int:
    return line.start


def _line_end(line: Line) -> int:
    return line.end


_DATE_SCAN = 500  # characters of a line searched for the page's date


def date_near(above: Sequence[str], body: Sequence[str], *, day_first: bool = False) -> str | None:
    """The date written nearest above the article (last ``HEADER_WINDOW`` lines of
    ``above``), else the first one in its first 60 lines: where a page shows its date.

    >>> date_near(["Archive 2001-01-01", "Posted 9 August 2012", "Menu"], ["Text on 3 May 2024."])
    '2012-08-09'
    """
    for text in (*reversed(above[-HEADER_WINDOW:]), *body[:60]):
        # (bounded: a page's date is not deep inside a paragraph; every date holds a year)
        found = (
            first_date(text[:_DATE_SCAN], day_first=day_first)
            if may_hold_year(text) and YEAR.search(text, 0, _DATE_SCAN)
            else None
        )
        if found is not None:
            return found.iso
    return None


_DIGIT = regex.compile(r"\d")


_REAL_WORD = regex.compile(r"\p{L}{2,}")


# Lines shaped like a headline that are not one: a list item or table cell ("* Home",
# "| Tags: ..."), a parenthesised caption, a photo credit ("Paul Hackett/Reuters"), a
# relative time ("Reuters – 1 hour 24 minutes ago").
_NOT_HEADLINE = regex.compile(
    r"^[*+|•·]\s|^\(.*\)$"
    r"|^\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){1,3}\s?/\s?\p{Lu}[\p{L}.&'’-]*(?:\s\p{Lu}[\p{L}.&'’-]*){0,3}$"
    rf"|\b(?i:{alternation('time_ago')})$"
)


def _headline_like(text: str) -> bool:
    # (the string tests first; two words of letters imply a letter)
    return (
        len(text) <= 250
        # (a headline may ask or exclaim, in any script; it does not end a sentence)
        and not text.endswith((".", ":", ",", ";", "。", "：", "，", "；", "、"))
        and 2 <= _words(text) <= 30
        and len(_REAL_WORD.findall(text)) >= 2
        and not _mostly_date(text)
        and _NOT_HEADLINE.search(text) is None
    )


def _mostly_date(text: str) -> bool:
    """A date or time with little else around it ("March 14, 2024 09:32 | 1 min read",
    "updated 4:01 PM EST, Wed November 7, 2012").

    >>> _mostly_date("updated 4:01 PM EST, Wed November 7, 2012"), _mostly_date("The council passed the budget on 7 May 2024")
    (True, False)
    """
    found = first_date(text)
    if found is None:
        return False
    if len(text) - (found.end - found.start) < 25:
        return True
    rest = text[: found.start] + " " + text[found.end :]
    words = _WORD.findall(_TIME.sub(" ", rest))
    return (
        sum(1 for w in words if not (is_month_or_weekday(w) or w.casefold() in _STAMP_WORDS)) <= 1
    )


_TIME = regex.compile(r"\b\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?", regex.IGNORECASE)
_STAMP_WORDS = frozenset(phrases("date_stamp_words"))


_STAMP_TAIL = regex.compile(
    rf"^\s*(?:[|·•,–—-]\s*)?(?:\d{{1,7}}|\d+\s*(?:{alternation('stamp_tail_counts')}))?\s*$",
    regex.IGNORECASE,
)


def _date_stamp(
    line: Line, label: regex.Pattern[str], *, day_first: bool = False
) -> tuple[str, int] | None:
    """(iso, end offset of the stamp within the line) when the line opens with a date stamp."""
    text = line.text
    if not may_hold_year(text) or _DIGIT.search(text, 0, 120) is None or YEAR.search(text) is None:
        return None  # (every date holds a year: most lines leave before the label test)
    head = label.match(line.text)
    if head is None:
        return None
    found = date_at_start(line.text[head.end() : head.end() + 80], day_first=day_first)
    if found is None:
        return None
    return found.iso, head.end() + found.end


@dataclass(frozen=True, slots=True)
class _LinesRead:
    """What the pass over the lines found: the lines kept, the stamps, bylines and
    source lines cut, and the indexes of the stamps and bylines beside the header."""

    kept: list[Line]
    cuts: list[Cut]
    date: str | None
    author: str | None
    source: str | None
    stamp_lines: set[int]


def _read_lines(
    lines: Sequence[Line], sources: Sequence[str], *, day_first: bool = False
) -> _LinesRead:
    """Date stamps, bylines in the header zone and source lines under the first
    paragraph: each leaves the body and gives its field (numeric dates read day first
    when ``day_first``)."""
    label = date_stamp_head()
    cuts: list[Cut] = []
    kept: list[Line] = []
    date: str | None = None
    author: str | None = None
    source: str | None = sources[0] if sources else None

    # The first line of running text: only the header's first 12 lines are looked at up
    # front (a page of menus has none); the rest only when a source line needs to know.
    prose_at = first_prose(lines, stop=12)
    header_end = min(prose_at, 12)
    rest_searched = prose_at < 12
    stamp_lines: set[int] = set()
    last_prose: int | None = None  # the last line of running text, once a source line asks

    for i, ln in enumerate(lines):
        stamp = _date_stamp(ln, label, day_first=day_first)
        if stamp is not None:
            iso, end = stamp
            rest = ln.text[end:]
            if _STAMP_TAIL.match(rest):
                cuts.append(Cut(ln.start, ln.end, "metadata.date_stamp"))
                date = date or iso
                if i <= header_end + 1:
                    stamp_lines.add(i)
                continue
            head = label.match(ln.text)
            if head is not None and head.group("label") and rest[:1].isspace():
                # A labelled stamp glued before the first sentence: the prefix goes.
                cuts.append(Cut(ln.start, ln.start + end, "metadata.date_prefix"))
                date = date or iso
                ln = ln.trimmed(ln.start + end, ln.end)
        if i < header_end + 3:
            name = byline_author(ln.text)
            if name is not None and _words(ln.text) <= 14:
                author = author or name
                if date is None:  # "By Ann Lee on Aug 9, 2012": the line leaves, its date stays
                    found = first_date(ln.text, day_first=day_first)
                    date = found.iso if found is not None else None
                cuts.append(Cut(ln.start, ln.end, "metadata.byline"))
                stamp_lines.add(i)
                continue
        # (a source line holds a colon: most lines leave before the pattern)
        m2 = _SOURCE_LINE.match(ln.text) if ":" in ln.text or "：" in ln.text else None
        if m2 is not None and not _reads_as_name(m2.group("name")):
            m2 = None
        if m2 is not None and not rest_searched:
            prose_at = first_prose(lines, start=12)
            rest_searched = True
        if m2 is not None and last_prose is None:
            last_prose = next(
                (
                    j
                    for j in range(len(lines) - 1, -1, -1)
                    # (a labelled teaser under the credit, "Related: ...", is no paragraph)
                    if is_prose(lines[j].text) and not _LABELLED_LINE.match(lines[j].text)
                ),
                -1,
            )
        # (under the text, past its last paragraph: not a credit inside it)
        if m2 is not None and i > prose_at and i > (last_prose or 0):
            source = source or m2.group("name").strip(" .")
            cuts.append(Cut(ln.start, ln.end, "metadata.source_line"))
            continue
        kept.append(ln)

    return _LinesRead(kept, cuts, date, author, source, stamp_lines)


def _signature_cut(kept: Sequence[Line]) -> Cut | None:
    """A short trailing signature ("News.Az") that closes the text: the source."""
    if len(kept) < 2:
        return None
    last = kept[-1]
    if (
        len(last.text) <= 40
        and _SIGNATURE.match(last.text)
        # ("About Site.com", "Follow Site": a link of the page's chrome, not a sign-off)
        and last.text.split(None, 1)[0].casefold() not in _LINK_LABEL_WORDS
        # (the body is joined only for a line that could be a signature)
        and (_DOMAINISH.search(last.text) or last.text in " ".join(ln.text for ln in kept[:-1]))
        and not last.text.endswith(".")
        and is_prose(kept[-2].text)  # a signature closes the text; two in a row are not one
    ):
        return Cut(last.start, last.end, "metadata.source_signature")
    return None


def header_cuts(lines: Sequence[Line]) -> tuple[Cut, ...]:
    """The cuts ``extract_metadata(lines, page_lines=lines)`` makes, without the
    lookups that only fill the metadata fields (a date or byline elsewhere on the
    page, the headline of a dump): what the runner asks of a body it reads again.

    >>> from newsclean._segment import segment_lines
    >>> ls = segment_lines("Big News Today\\n\\nOct 22, 2024 17:19 74\\n\\n"
    ...                    "The body of the story begins here and goes on for a good while, as stories do.")
    >>> [c.rule for c in header_cuts(ls)] == [c.rule for c in extract_metadata(ls, page_lines=ls).cuts]
    True
    """
    read = _read_lines(lines, ())
    _title, _subtitle, kept, title_cuts, _site = _find_title(
        read.kept, lines, cut_before=None, corroborated=bool(read.stamp_lines)
    )
    cuts = [*read.cuts, *title_cuts]
    signature = _signature_cut(kept)
    if signature is not None:
        cuts.append(signature)
    cuts.sort(key=lambda c: c.start)
    return tuple(cuts)


def extract_metadata(
    lines: Sequence[Line],
    *,
    page_lines: Sequence[Line] = (),
    cut_before: int | None = None,
    sources: Sequence[str] = (),
    known_title: str | None = None,
    preceding: Sequence[Line] = (),
    language: str | None = None,
) -> MetadataResult:
    """Read metadata from the kept lines; return it with the lines left and the cuts made.

    ``page_lines`` are all lines of the page before any stage cut (to find the
    page-title line); ``cut_before`` is the offset of the first cut an earlier
    stage made; ``known_title`` is a title the HTML metadata already gave;
    ``preceding`` are the lines just before the article that the main-content
    stage cut (a headline and date often sit there in a full-page dump);
    ``language`` is the page's language when known: where it writes the day first,
    so is a numeric date read ("03/04/2024" is 3 April in French).

    >>> from newsclean._segment import segment_lines
    >>> ls = segment_lines("Big News Today\\n\\nOct 22, 2024 17:19 74\\n\\n"
    ...                    "The body of the story begins here and goes on for a good while, as stories do.")
    >>> res = extract_metadata(ls)
    >>> res.metadata.title, res.metadata.date, [c.rule for c in res.cuts]
    ('Big News Today', '2024-10-22T17:19', ['metadata.title', 'metadata.date_stamp'])
    """
    day_first = writes_day_first(language)
    read = _read_lines(lines, sources, day_first=day_first)
    cuts, kept, date, author, source = read.cuts, read.kept, read.date, read.author, read.source
    stamp_lines = read.stamp_lines

    # Dateline: "Moscow, October 21, 2024 – ..." opening the first prose line.
    if date is None:
        for ln in kept[:20]:
            found = (
                first_date(ln.text[:120], day_first=day_first)
                if may_hold_year(ln.text) and YEAR.search(ln.text, 0, 120)
                else None
            )
            if found is not None and (is_prose(ln.text) or ln is kept[0]):
                date = found.iso
                break
    # The article's header is often cut with the page chrome in a full-page dump:
    # look there (nearest first) for what the kept lines did not give.
    above: Sequence[Line] = preceding
    if kept and page_lines and not preceding:
        start = kept[0].start
        # (the page lines ending before the first kept one are a prefix of the page)
        above_end = bisect.bisect_right(page_lines, start, key=lambda ln: ln.end)
        above = page_lines[max(0, above_end - HEADER_WINDOW) : above_end]
    # The article's first lines, also those an earlier stage cut there as page chrome
    # ("September 27th, 2012 | Tags: ..."), and the few lines signing it off below.
    inside: Sequence[Line] = kept[:60]
    after: Sequence[Line] = ()
    footer: Sequence[Line] = ()  # the lines under it where a post footer gives the date
    if kept and page_lines and (author is None or date is None):
        # (page lines are in text order: those starting inside the kept span, and those
        # after it, are slices of them)
        first = bisect.bisect_left(page_lines, kept[0].start, key=_line_start)
        end = bisect.bisect_left(page_lines, kept[-1].end, key=_line_start)
        inside = list(page_lines[first : min(end, first + 60)])
        after = list(
            itertools.takewhile(
                lambda ln: not is_comment_heading(ln.text),  # a commenter signs there
                page_lines[end : end + _SIGN_OFF_LINES],
            )
        )
        footer = page_lines[end : end + _FOOTER_LINES]
    if author is None:
        # A byline above the article, in its first lines, or signing it off at the
        # end; these lines are not header lines here, so they stay where they are.
        for ln in (*reversed(above), *inside, *kept[-10:], *after):
            text = ln.text
            if _BARE_BYLINE.match(text) and (name_line := _name_after_bare_by(page_lines, ln)):
                text = f"{text} {name_line}"  # "by" and the name on lines of their own
            name = byline_author(text, filed=True)
            # (a stamp's numbers are no words of a sentence: "by Al Ho Published Nov. 7,
            # 2012 2:25 pm Updated Nov. 7, 2012 4:01 pm")
            if name is not None and len(_REAL_WORD.findall(ln.text)) <= 14:
                author = name
                break

    @functools.cache  # this call's page only: joined once, and only if asked
    def page_text() -> str:
        return "\n".join(map(_TEXT, page_lines))

    if author is None and page_lines:
        # No byline: a name standing beside the date in the article's header.
        def lower_case_words() -> _WrittenLowerCase:
            # (the joined lines: a line break fits none of the word's neighbours, so it
            # bounds a word as the end of a line does)
            return _WrittenLowerCase(page_text())

        for ln in (*reversed(above[-12:]), *inside[:12]):
            if _PERSON.match(ln.text) is None:
                continue
            k = bisect.bisect_right(page_lines, ln.start, key=_line_start)
            following = page_lines[k].text if k < len(page_lines) else ""
            name = name_beside_date(ln.text, following, lower_case_words)
            if name is None and following == ln.text:
                name = doubled_name(ln.text, lower_case_words)
            if name is not None:
                author = name
                break
    if date is None:
        date = date_near([ln.text for ln in above], [ln.text for ln in inside], day_first=day_first)
    if date is None:
        # "Posted by Seth Godin on July 19, 2012 | Permalink" under the article, or a
        # post footer that opens with its date ("September 27th, 2012 | Tags: ...",
        # "Posted on July 18th, 2012"), up to a comment heading.
        for ln in (
            *kept[-_FOOTER_KEPT_LINES:],
            *itertools.takewhile(lambda ln: not is_comment_heading(ln.text), footer),
        ):
            text = ln.text
            if not may_hold_year(text):
                continue
            found = None
            if _POSTED.search(text, 0, _DATE_SCAN) or _opening_date_end(text) is not None:
                found = first_date(text[:_DATE_SCAN], day_first=day_first)
            if found is not None:
                date = found.iso
                break

    title, subtitle, kept, title_cuts, site = _find_title(
        kept,
        page_lines,
        cut_before=cut_before,
        corroborated=bool(stamp_lines),
        known_title=known_title,
    )
    cuts.extend(title_cuts)
    if site and title:
        title, site = _headline_and_site(title, site, page_lines)
    source = source or site or _masthead_in_page_title(page_lines, title)
    if title is None:
        # The headline of a full-page dump is often cut with the page chrome above
        # the article (already out of the body): the nearest line there that repeats
        # the page's <title> (the title line itself only when no rule cut it: the
        # runner hands over ``preceding`` with the rules applied), else the nearest
        # headline-like line just above.
        page_words = page_title_words(page_lines)
        first = page_lines[0].start if page_lines else -1
        for ln in reversed(above):
            if (
                (ln.start != first or preceding)
                and _words(ln.text) >= 4
                and _in_page_title(ln.text, page_words)
                and _headline_like(ln.text)
            ):
                title = ln.text
                break
        for ln in reversed(preceding[-6:] if title is None else ()):
            if _headline_like(ln.text) and _words(ln.text) >= 4 and byline_author(ln.text) is None:
                title = ln.text
                break

    if known_title is None:
        title = _title_or_page_title(title, page_lines)
        if not _opens_with_title_line(page_lines, title) and not _repeated_below(lines, title):
            # A dump without the <title> line (inscriptis): the header lines found above
            # are often page chrome (unless a caption repeats one); the headline sits
            # just above the article's text.
            title = headline_above_article(lines, page_lines, preceding) or title
            subtitle = None if subtitle == title else subtitle

    if title is not None and title[-1:].isdigit():
        title = _without_count(title, page_lines)

    # A short trailing signature ("News.Az") is the source.
    signature = _signature_cut(kept)
    if signature is not None:
        source = source or kept[-1].text
        cuts.append(signature)
        kept = kept[:-1]
    if source is None and page_lines:
        source = site_in_page(page_lines, page_text)

    cuts.sort(key=lambda c: c.start)
    meta = Metadata(title, subtitle, date, author, source)
    return MetadataResult(meta, tuple(kept), tuple(cuts))


_TRAILING_COUNT = regex.compile(r"^(?P<head>.*\S)\s+(?P<count>\d{1,5})$")


def _without_count(title: str, page_lines: Sequence[Line]) -> str:
    """``title`` without a number glued after it ("Headline 524", a comment count on the
    headline's line) when the page's ``<title>`` line holds the headline but not the
    number, unless the number is a year.

    >>> from newsclean._segment import segment_lines
    >>> page = segment_lines("Rates rise again - Ledger\\nRates rise again 524")
    >>> _without_count("Rates rise again 524", page), _without_count("Top 10", page)
    ('Rates rise again', 'Top 10')
    """
    m = _TRAILING_COUNT.match(title)
    words = page_title_words(page_lines)
    if m is None or not words or m.group("count") in words or YEAR.fullmatch(m.group("count")):
        return title  # (a year is the headline's: "Recap from the 2012 summit")
    head = m.group("head")
    return head if _squash(head) in _squash(page_lines[0].text) else title


def _repeats(kept: Sequence[Line], idx: int) -> list[int]:
    """Indexes of later lines that repeat line ``idx``, alone or with a caption tail ("- 1")."""
    # Compared without whitespace, so a later glue repair cannot create a repeat.
    title = "".join(kept[idx].text.split())
    out = []
    for j in range(idx + 1, len(kept)):
        if kept[j].text[:1] != title[:1]:  # lines are stripped: a cheap exact pre-test
            continue
        text = "".join(kept[j].text.split())
        if text.startswith(title) and _CAPTION_TAIL.match(text[len(title) :]):
            out.append(j)
    return out


def _repeated_below(lines: Sequence[Line], title: str | None) -> bool:
    """``title`` is a header line that a later line repeats (an image caption)."""
    idx = next((i for i, ln in enumerate(lines[:12]) if ln.text == title), None)
    return idx is not None and bool(_repeats(lines, idx))


def _squash(text: str) -> str:
    return " ".join(text.casefold().split())


def _title_from_page(page_lines: Sequence[Line]) -> tuple[str, str] | None:
    """The page-title line ("Headline | Site") matched against a later headline line."""
    if not page_lines:
        return None
    first = page_lines[0].text
    if len(first) > 300:
        return None
    best: tuple[str, str] | None = None
    for ln in page_lines[1:400]:
        t = ln.text
        # Cheap string tests first: few lines are a prefix or suffix of the first one,
        # and fewer still are inside it (which a prefix or suffix is).
        if len(t) < 10 or t not in first or t == first:
            continue
        if not (first.startswith(t) or first.endswith(t)) or not _headline_like(t):
            continue
        if first.startswith(t):
            rest = first[len(t) :]
        elif first.endswith(t):
            rest = first[: -len(t)]
        else:
            continue
        site = _TITLE_SEPARATORS.sub(" ", rest).strip(" |-–—:·•»")
        if rest and not _TITLE_SEPARATORS.match(rest) and not _TITLE_SEPARATORS.search(rest):
            continue
        if best is None or len(t) > len(best[0]):
            best = (t, site)
    return best


def page_title_words(page_lines: Sequence[Line]) -> frozenset[str]:
    """The words of the page's first line, which a text dump of a page starts with
    when the scraper kept the ``<title>`` (empty when that line is too long to be one).
    """
    if not page_lines or len(page_lines[0].text) > 300:
        return frozenset()
    return frozenset(_WORD.findall(page_lines[0].text.casefold()))


def _in_page_title(text: str, page_words: frozenset[str]) -> bool:
    """At least four words (a site name is in the title line too), and 80% of them in
    the page title ("Headline 524" in "Headline - Slashdot" is; "Scott H Young" in
    "Headline « Scott H Young" is not)."""
    if not page_words:
        return False
    words = _WORD.findall(text.casefold())
    return len(words) >= 4 and sum(w in page_words for w in words) >= 0.8 * len(words)


def site_in_title_line(line: str, title: str) -> str:
    """The part of a page's title line (``<title>``) that is not the headline: a short
    segment sharing no word with the headline, the last one; "" if there is none.

    >>> site_in_title_line("Farmers' market returns | City Courier", "Farmers' market returns")
    'City Courier'
    >>> site_in_title_line("Farmers' market returns", "Farmers' market returns")
    ''
    """
    words = set(_WORD.findall(title.casefold()))
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(line)]
    rest = [
        p for p in parts if p and _words(p) <= 5 and not words & set(_WORD.findall(p.casefold()))
    ]
    return rest[-1] if len(parts) > 1 and rest else ""


def _site_and_section(text: str) -> bool:
    """A masthead line naming the site and a section ("Valley Times - Local news", "Sport |
    The Herald"): parts of at most two words each, too short for a headline.

    >>> _site_and_section("Valley Times - Local news"), _site_and_section("Rates rise again | Ledger")
    (True, False)
    """
    parts = title_parts(text)
    return len(parts) >= 2 and all(_words(p) <= 2 for p in parts)


def _masthead_site(text: str) -> str | None:
    """The site a masthead line names: the line in Title Case, or in a site-and-section
    line the first part of two or more words in Title Case (a section is mostly one
    word, or not in Title Case: "Local news").

    >>> _masthead_site("Coastal Herald"), _masthead_site("Sport | The Herald")
    ('Coastal Herald', 'The Herald')
    >>> _masthead_site("Valley Times - Local news"), _masthead_site("* SUBSCRIBE:")
    ('Valley Times', None)
    """
    if _MASTHEAD.match(text):
        return text
    if not _site_and_section(text):
        return None
    return next((p for p in title_parts(text) if _words(p) >= 2 and _MASTHEAD.match(p)), None)


def title_parts(text: str) -> list[str]:
    """The parts of a ``<title>`` split at its separators ("Headline | Section - Site").

    >>> title_parts("Rates rise again | Business - Daily Ledger")
    ['Rates rise again', 'Business', 'Daily Ledger']
    """
    return [p for p in (p.strip(" |-–—:·•»") for p in _TITLE_SEPARATORS.split(text)) if p]


def headline_of_title_tag(title: str | None, tag: str, site: str | None = None) -> str | None:
    """``title``, unless it is the site's name ``site`` (a blog's single ``<h1>``: "Rand's
    Blog") or shares no word with the page's ``<title>`` text ``tag`` ("Share this:"): then
    the longest part of ``tag`` that is not the site's name.

    >>> headline_of_title_tag("Rand's Blog", "Why I'm a conference speaker | Rand's Blog",
    ...                       "Rand's Blog")
    "Why I'm a conference speaker"
    >>> headline_of_title_tag("Go Vote!", "ShoeMoney Internet Marketing Blog » Go Vote!", None)
    'Go Vote!'
    """
    parts = title_parts(tag) if len(tag) <= 300 else []
    if site:
        parts = [p for p in parts if _squash(p) not in _squash(site)]
    if not parts or (len(parts) < 2 and not site):
        return title
    if title is not None:
        low = _squash(title)
        is_site = bool(site) and low in _squash(site or "")
        if not is_site and set(_WORD.findall(low)) & set(_WORD.findall(tag.casefold())):
            return title
    best = max(parts, key=_words)
    return best if _headline_like(best) and _words(best) >= 3 else title


def _opens_with_title_line(page_lines: Sequence[Line], title: str | None) -> bool:
    """The dump starts with the page's ``<title>`` line: a later headline line repeats
    (most of) it, or the title found agrees with it (its words are in that line) and the
    line stands in a paragraph of its own, or is the title itself and not shaped as page
    chrome. A first line alone proves nothing: a dump without the ``<title>`` starts with
    a menu or a masthead.

    >>> from newsclean._segment import segment_lines
    >>> page = segment_lines("Bank holds its rates steady - Daily Ledger\\n\\nHome\\nBank holds its rates steady")
    >>> _opens_with_title_line(page, None)
    True
    >>> _opens_with_title_line(segment_lines("* Home\\n* Sport\\nBank holds its rates steady"), None)
    False
    """
    if not page_lines or len(page_lines[0].text) > 300 or page_lines[0].text[:1] in "*+•·-<":
        return False
    first = page_lines[0].text
    page_words = page_title_words(page_lines)
    longest = len(first)
    for ln in page_lines[1:400]:
        t = ln.text
        if len(t) > longest:  # the cheapest test first
            continue
        lead = _WORD.search(t)  # then a cheap one: its first word is in the title line
        if (
            lead is not None
            and lead.group().casefold() in page_words
            and t != first
            and _words(t) >= 3
            and _in_page_title(t, page_words)
            and _headline_like(t)
        ):
            return True
    if title is None or len(page_lines) < 2:
        return False
    if _squash(title) == _squash(first):
        # (a first line shaped as chrome is no <title>: a link label "Find homes »", a
        # date)
        return _headline_like(first) and _LINK_LABEL.search(first) is None
    words = _WORD.findall(title.casefold())
    agrees = bool(words) and sum(w in page_words for w in words) >= 0.8 * len(words)
    return agrees and page_lines[0].para != page_lines[1].para


# Lines shaped like a headline that are page chrome: a link to the previous or next post
# ("« Older post"), a breadcrumb ("Home / News / ..."), an address ("@", "www.", ".com"),
# labels strung together ("Facebook Page · RSS Feed"), a label in lower case ("tags: ...")
# or over a list ("Tags: Food, Travel"), a photo caption ending in its credit
# ("... Photograph: Ann Lee/Reuters").
_NOT_ARTICLE_HEADLINE = regex.compile(
    r"^[«‹<]|[»›>]$|\s[/>]\s.*\s[/>]\s|@|\bwww\.|\.com\b|\s[·|»›]\s|(?-i:^\p{Ll}+:\s)"
    r"|(?-i:^\p{L}+:\s*(?:\p{Lu}\S*(?:\s\S+){0,3})(?:,\s\p{Lu}\S*(?:\s\S+){0,3})+$)"
    r"|(?::|\s[-–—])\s*\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*)*\s?/\s?\p{Lu}[\p{L}&.'’ -]*$",
    regex.IGNORECASE,
)
# What every branch of _NOT_ARTICLE_HEADLINE needs somewhere in the line: one of its
# marks, "www." or ".com" (its case-blind letters match only their ASCII pairs, spelled out
# here). Most prose lines hold none, and this scan costs a tenth of the pattern's.
_CHROME_CUE = regex.compile(r"[«‹<»›>/@·|:]|[wW][wW][wW]\.|\.[cC][oO][mM]")


def _chrome_headline(text: str) -> bool:
    """A line shaped like a headline that is page chrome (``_NOT_ARTICLE_HEADLINE``).

    >>> _chrome_headline("Home / News / World"), _chrome_headline("Council votes to raise the rates")
    (True, False)
    """
    return _CHROME_CUE.search(text) is not None and _NOT_ARTICLE_HEADLINE.search(text) is not None


_TEXT = operator.itemgetter(2)  # Line.text
_LINK_LABEL = regex.compile(r"^[«‹<]|[»›>]$")  # "« Older posts", "Find homes »"
_HEADLINE_REACH = 15  # page lines searched above the kept text (and down to its first paragraph)
_HEADLINE_REPEATS = 3  # a line standing more often than this in the page is a menu or a label


def headline_above_article(
    lines: Sequence[Line], page_lines: Sequence[Line], preceding: Sequence[Line] = ()
) -> str | None:
    """The article's headline in a full-page dump: the headline-like line that best
    fits just above the first paragraph of ``lines`` (the kept article) among the
    page's lines. Nearer is better; a date or byline right under it, four words or
    more, and words shared with the first paragraph all count for it; bylines, stamps,
    menus, breadcrumbs, tag lists, photo captions and lines repeated across the page are
    not headlines. A long standfirst yields to the shorter headline right above it.
    A line a rule cut ("Send to a Friend") is no headline: among the kept lines, and
    among ``preceding`` (the lines above them, with the rules applied) when given.

    >>> from newsclean._segment import segment_lines
    >>> page = segment_lines("* Home\\n* World\\nThe Daily Ledger\\nCouncil votes to raise the rates\\n"
    ...     "By Ann Lee\\nThe council voted on Monday to raise the rates again, "
    ...     "its members said after a long meeting.")
    >>> headline_above_article(page[5:], page)
    'Council votes to raise the rates'
    """
    if not lines or not page_lines:
        return None
    at = first_prose(lines, stop=12)
    while at < len(lines) and _chrome_headline(lines[at].text):
        at = first_prose(lines, start=at + 1, stop=12)  # a long line of links is no paragraph
    if at >= len(lines):
        return None
    start = bisect.bisect_left(page_lines, lines[0].start, key=_line_start)
    end = bisect.bisect_left(page_lines, lines[at].start, key=_line_start)
    # (not the page's first line: the <title> line when a scraper kept one, and that
    # is answered elsewhere)
    above = page_lines[max(1, min(start, end) - _HEADLINE_REACH) : end]
    # The page lines a rule cut: those from the first line read (kept or preceding) on
    # that no read line overlaps.
    read = [*preceding, *lines[: at + 1]]
    ruled_from = read[0].start

    def rule_cut(ln: Line) -> bool:
        if ln.start < ruled_from:
            return False
        k = bisect.bisect_right(read, ln.start, key=_line_end)
        return not (k < len(read) and read[k].start < ln.end)

    texts = {ln.text for ln in above}
    # (counted over the whole page without a Python step a line)
    seen = collections.Counter(filter(texts.__contains__, map(_TEXT, page_lines)))
    paragraph = {w for w in _WORD.findall(lines[at].text[:400].casefold()) if len(w) >= 4}
    label = date_stamp_head()

    @functools.cache  # this call's lines only: a line is judged once, not for each above it
    def is_stamp(i: int) -> bool:
        ln = above[i]
        return bool(_mostly_date(ln.text) or byline_author(ln.text) or _date_stamp(ln, label))

    best: tuple[float, str] | None = None
    for i in range(len(above) - 1, -1, -1):
        text = above[i].text
        if (
            _words(text) < 3
            or seen[text] > _HEADLINE_REPEATS
            or _chrome_headline(text)
            or not _headline_like(text)
            or byline_author(text) is not None
            or rule_cut(above[i])
        ):
            continue
        # (weights set on dev dumps: a stamp under it outweighs some 13 lines of distance,
        # each word shared with the first paragraph, up to 3, about 5)
        score = -0.15 * (len(above) - i)
        if any(is_stamp(j) for j in range(i + 1, min(i + 4, len(above)))):
            score += 2.0
        words = {w for w in _WORD.findall(text.casefold()) if len(w) >= 4}
        shared = words & paragraph
        score += 0.7 * min(3, len(shared)) + (0.5 if _words(text) >= 4 else 0.0)
        if best is None or score > best[0]:
            best = (score, text)
        elif (
            best[1] == above[i + 1].text
            and _words(best[1]) >= 12
            and _words(text) * 3 <= _words(best[1]) * 2
            and words & ({w for w in _WORD.findall(best[1].casefold()) if len(w) >= 4} | paragraph)
        ):
            best = (best[0], text)  # a standfirst under its headline (sharing its words)
    return best[1] if best else None


def _title_or_page_title(title: str | None, page_lines: Sequence[Line]) -> str | None:
    """``title``, unless the page's ``<title>`` line contradicts it: then that line's headline.

    A dump that kept the ``<title>`` ("Headline - Site") starts with it. A header line
    sharing no word with it ("Delivered by FeedBurner", "See more video") is page
    furniture, and so is no title at all when the title line names one; the longest
    part of the title line is the headline, when it has four words or more and no
    fewer than the line it replaces. Only a line split by a title separator, not
    opening with a bullet, counts as a ``<title>``: a dump without one starts with
    page chrome.

    >>> from newsclean._segment import segment_lines
    >>> page = segment_lines("Bank holds its rates steady - Daily Ledger\\nSee more video")
    >>> _title_or_page_title("See more video", page), _title_or_page_title("Rates rise", page)
    ('Bank holds its rates steady', 'Rates rise')
    """
    if not page_lines or len(page_lines[0].text) > 300 or page_lines[0].text[:1] in "*+•·-<":
        return title
    if title is not None and page_title_words(page_lines) & set(_WORD.findall(title.casefold())):
        return title
    parts = title_parts(page_lines[0].text)
    if len(parts) < 2:
        return title
    best = max(parts, key=_words)
    if not _headline_like(best) or _words(best) < max(4, _words(title or "")):
        return title
    return best


def _headline_and_site(title: str, site: str, page_lines: Sequence[Line]) -> tuple[str, str | None]:
    """The headline and the site of a ``<title>`` line matched against a later line:
    when that line is the site's own name ("The Ledger" under "Rates rise again, the
    council says - The Ledger"), the other, longer end of the ``<title>`` line is the
    headline; a site part holding a date ("Theater News Nov 6, 2012") is a section's
    stamp, no site.

    >>> from newsclean._segment import segment_lines
    >>> page = segment_lines("Rates rise again, the council says - The Ledger\\nThe Ledger")
    >>> _headline_and_site("The Ledger", "Rates rise again, the council says", page)
    ('Rates rise again, the council says', 'The Ledger')
    >>> _headline_and_site("Rates rise", "News Nov 6, 2012", page)
    ('Rates rise', None)
    """
    first = page_lines[0].text if page_lines else ""
    if (
        _words(site) >= 4
        and _words(site) >= 2 * _words(title)
        and _headline_like(site)
        and first.startswith((title, site))
        and first.endswith((title, site))
    ):
        return site, title
    if may_hold_year(site) and first_date(site) is not None:
        return title, None
    return title, site


_SEPARATOR_AT_END = regex.compile(r"(?:\s[|–—:·•»«/-]+|::|:)\s*$")
_SEPARATOR_AT_START = regex.compile(r"^\s*(?:[|–—:·•»«/-]+\s|::)")


def _masthead_in_page_title(page_lines: Sequence[Line], title: str | None) -> str | None:
    """A short line near the top that is one end of the page's title line, set off by
    a title separator ("Gear Patrol" under "Best Hurricane Survival Gear | Gear Patrol"):
    the site's masthead, unless it is the headline itself.

    >>> from newsclean._segment import segment_lines
    >>> page = segment_lines("Rates rise - Daily Ledger\\nRates rise\\nDaily Ledger\\nHome")
    >>> _masthead_in_page_title(page, "Rates rise")
    'Daily Ledger'
    >>> _masthead_in_page_title(segment_lines("What is new in Windows 8\\nWindows 8"), None) is None
    True
    """
    if not page_lines or len(page_lines[0].text) > 300:
        return None
    first = page_lines[0].text.casefold()
    for ln in page_lines[1:10]:
        text = ln.text
        if not 4 <= len(text) <= 50 or not 1 <= _words(text) <= 5:
            continue
        low = text.casefold()
        if low == first or (title is not None and low == title.casefold()):
            continue
        if first.startswith(low) and _SEPARATOR_AT_START.match(first[len(low) :]):
            return text
        if first.endswith(low) and _SEPARATOR_AT_END.search(first[: -len(low)]):
            return text
    return None


# "© 2004-2012 Bit Rebels. All rights reserved.", "Copyright © 2012 by Site.com · Privacy":
# the holder named after the mark and its years, up to a separator, a sentence end or a year.
_COPYRIGHT_HOLDER = regex.compile(
    r"(?P<mark>©|\([cC]\)|(?i:copyright)\b)(?:\s*(?:©|\([cC]\)|(?i:copyright)\b))*\s*"
    r"(?P<year>\d{4}(?:\s*[-–—]\s*\d{4})?\s*[,.]?\s*)?(?i:by\s+)?(?!(?i:all\s+rights|copyright))"
    r"(?P<name>\p{Lu}[^|·•,;:!?©()\d]{1,58}?)\s*"
    r"(?=[|·•,;:!?©(]|\.\s|\.?$|\s[-–—]\s|\s\d{4}\b|\s(?i:all\s+rights))"
)
# A holder that is a company ("Dow Jones & Company, Inc.", "Vox Media") owns the site
# rather than names it: the site is one of its titles.
# (the name alone is judged: "TheLedger.com, Inc." names the site as well as its owner)
_COMPANY = regex.compile(rf"\b(?:{alternation('company_words')})\b", regex.IGNORECASE)
_NON_WORD = regex.compile(r"[^\w\n]+")
_COPYRIGHT_CUES = ("©", "opyright", "OPYRIGHT", "(c)", "(C)")
_CAPTION_START = regex.compile(rf"^\W*(?:{alternation('caption_words')})\b", regex.I)
# lower-case words a site's name may hold ("Friends of the Earth", "Le Monde de l'Art")
_NAME_JOINERS = frozenset(
    {
        "of",
        "and",
        "the",
        "for",
        "on",
        "in",
        "at",
        "de",
        "du",
        "des",
        "la",
        "le",
        "del",
        "van",
        "von",
        "und",
    }
)


def copyright_holder(page: str) -> str | None:
    """The site named by the copyright line of the page text ``page`` (the last such
    line), unless that is a company: "© 2004-2012 Bit Rebels. All rights reserved." names
    Bit Rebels.

    >>> copyright_holder("Story\\nCopyright © 2010-2012 Daily Ledger · Privacy")
    'Daily Ledger'
    >>> copyright_holder("Story\\n© 2012 Ledger Media Group, Inc. All rights reserved.")
    >>> copyright_holder("Story\\n© 2012 TheLedger.com, Inc. All rights reserved.")
    'TheLedger.com'
    """
    limit = len(page)
    while True:
        # (the last mark before ``limit``: a C-level scan from the end, where footers are)
        at = max(page.rfind(cue, 0, limit) for cue in _COPYRIGHT_CUES)
        if at < 0:
            return None
        line_start = page.rfind("\n", 0, at) + 1
        line_end = page.find("\n", at)
        text = page[line_start : len(page) if line_end < 0 else line_end]
        limit = line_start
        m = _COPYRIGHT_HOLDER.search(text) if len(text) <= 300 else None
        if m is None:
            continue
        if not m.group("year") and (m.start() > 0 or m.group("mark")[0] not in "©("):
            continue  # "Copyright Information", a credit "Photo © Ann Lee": no notice
        if m.start() > 0 and (len(text) > 80 or _CAPTION_START.match(text) or is_prose(text)):
            continue  # a credit ("Photo © 2012 Getty Images") or a sentence citing one
        name = m.group("name").strip(" -–—.&")
        if _words(name) > 6 or len(name) < 3 or "/" in name:
            continue  # ("Jane Doe/AFP": a photographer's credit)
        if sum(w.isalpha() and w.islower() and w not in _NAME_JOINERS for w in name.split()) > 1:
            continue  # a sentence runs on ("Warner claim was dismissed"; "site.com" is a name)
        if _COMPANY.search(name):
            return None  # (the page's last copyright line is the site's; this one is an owner's)
        return name


def _word_at(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is whole words: no letter or digit glued on either side."""
    return (start == 0 or not text[start - 1].isalnum()) and (
        end == len(text) or not text[end].isalnum()
    )


def _written_again(
    parts: Sequence[str], title_line: str, page_text: Callable[[], str]
) -> str | None:
    """The short end of the ``<title>`` line's ``parts`` that the page writes again as a
    name (in its case: not "homemade dog biscuits" in a sentence) inside a longer line
    that is not the headline's ("Subscribe to Site", "© Site"); a line of its own may be
    the headline itself, and so is an end when a line holds the whole title line."""
    headline = max(parts, key=_words)
    ends = sorted({parts[-1], parts[0]}, key=_words)
    # (compared as words only where it matters: "It’s" in a line is "It's" in the title)
    squashed_headline = _NON_WORD.sub(" ", headline).strip()
    for end in ends:
        if _words(end) > 5 or end == headline or len(end) < 3:
            continue
        if may_hold_year(end) and first_date(end) is not None:
            continue  # a date stamp, no name
        if all(w.casefold() in _NOT_NAME_WORDS for w in _WORD.findall(end)):
            continue  # a menu's label ("Home | News | Sport"), no name
        page = page_text()  # (joined only for an end that may name the site)
        for line in _chrome_lines_naming(page, end):
            if squashed_headline not in _NON_WORD.sub(" ", line):
                if _holds_title_line(page, title_line, headline):
                    return None
                return end
    return None


def _chrome_lines_naming(page: str, name: str) -> Iterator[str]:
    """The lines of ``page`` that write ``name`` as whole words inside a short line of the
    page's chrome (``_chrome_line``), each line once, in order.

    >>> list(_chrome_lines_naming("Ledger\\nFollow Ledger\\nThe Ledger said it would.", "Ledger"))
    ['Follow Ledger']
    """
    at = page.find(name)  # (C-level scans first: most pages never write it again)
    while at >= 0:
        stop = at + len(name)
        line_start = page.rfind("\n", 0, at) + 1
        line_end = page.find("\n", stop)
        line_end = len(page) if line_end < 0 else line_end
        line = page[line_start:line_end]
        if line != name and _word_at(page, at, stop) and _chrome_line(line):
            yield line
        at = page.find(name, line_end)  # (each line is read once)


_CHROME_CHARS = 60
_CHROME_WORDS = 8


def _chrome_line(line: str) -> bool:
    """A short line of the page's chrome ("Subscribe to Site.com", "About Ledger Daily",
    "© 2024 Ledger"), not running text that mentions a name ("Residents of Florida said").

    >>> _chrome_line("Follow Ledger Daily on Twitter"), _chrome_line("Residents of Florida fled.")
    (True, False)
    """
    return (
        len(line) <= _CHROME_CHARS
        and _words(line) <= _CHROME_WORDS
        and not line.rstrip().endswith((".", "!", "?", "。"))
        and not is_prose(line)
    )


_FOOTER_NOTICE_LINES = 60  # the page's last lines, where its copyright notice is
_MASTHEAD_LINES = 3  # the page's first lines, where a dump shows the site's name
_MASTHEAD_WORDS = 3


def _masthead_written_again(page_lines: Sequence[Line], page: Callable[[], str]) -> str | None:
    """A name in Title Case on one of the page's first lines ("Ledger Daily") that the
    page writes again, in its case, inside a longer line ("Follow Ledger Daily",
    "About Ledger Daily"): the site's masthead, not a section word or a date.

    >>> from newsclean._segment import segment_lines
    >>> page = segment_lines("Ledger Daily\\nRates rise\\nFollow Ledger Daily on Twitter")
    >>> _masthead_written_again(page, lambda: "\\n".join(ln.text for ln in page))
    'Ledger Daily'
    """
    for ln in page_lines[:_MASTHEAD_LINES]:
        text = ln.text
        if not 3 <= len(text) <= 40 or _words(text) > _MASTHEAD_WORDS:
            continue
        if _MASTHEAD.match(text) is None or _mostly_date(text):
            continue
        if any(w.casefold() in _NOT_NAME_WORDS for w in _WORD.findall(text)) or _COMPANY.search(
            text
        ):
            continue
        if next(_chrome_lines_naming(page(), text), None) is not None:
            return text
    return None


def _holds_title_line(page: str, title_line: str, headline: str) -> bool:
    """A line of ``page`` holds the whole ``title_line`` (compared as words): then the
    title line is the headline, with no site part. Only the lines holding the
    headline's longest word are compared."""
    key = max(_WORD.findall(headline), key=len, default="")
    whole = _NON_WORD.sub(" ", title_line).strip().casefold()
    at = page.find(key) if key else -1
    while at >= 0:
        line_start = page.rfind("\n", 0, at) + 1
        line_end = page.find("\n", at)
        line = page[line_start : len(page) if line_end < 0 else line_end]
        if whole in _NON_WORD.sub(" ", line).casefold():
            return True
        at = -1 if line_end < 0 else page.find(key, line_end)
    return False


def site_in_page(page_lines: Sequence[Line], page: Callable[[], str] | None = None) -> str | None:
    """The site's name where a page writes it when nothing else named it: the short
    end of the ``<title>`` line ("Headline - Site") that the page writes again
    elsewhere ("Follow Site", "About Site"), else the holder of its copyright line.

    >>> from newsclean._segment import segment_lines
    >>> site_in_page(segment_lines("Rates rise again - Ledger.com\\nMenu\\nAbout Ledger.com"))
    'Ledger.com'
    >>> site_in_page(segment_lines("Rates rise again - Ledger.com\\nMenu")) is None
    True
    """
    if not page_lines:
        return None
    if page is None:
        text = "\n".join(map(_TEXT, page_lines))
        page = lambda: text  # noqa: E731
    first = page_lines[0].text
    if len(first) <= 300:
        parts = title_parts(first)
        if len(parts) >= 2:
            site = _written_again(parts, first, lambda: page()[len(first) + 1 :])
            if site is not None:
                return site
    # (a copyright notice sits in the footer: its last lines are read, not the page)
    footer = "\n".join(map(_TEXT, page_lines[-_FOOTER_NOTICE_LINES:]))
    return copyright_holder(footer) or _masthead_written_again(page_lines, page)


def _find_title(
    kept: list[Line],
    page_lines: Sequence[Line],
    *,
    cut_before: int | None,
    corroborated: bool,
    known_title: str | None = None,
) -> tuple[str | None, str | None, list[Line], list[Cut], str | None]:
    cuts: list[Cut] = []
    header = kept[: min(first_prose(kept, stop=8), 8)]
    from_page = _title_from_page(page_lines)
    if known_title:
        wanted = _squash(known_title)
        if any(_squash(ln.text) == wanted for ln in header):
            from_page = (next(ln.text for ln in header if _squash(ln.text) == wanted), "")
    site: str | None = from_page[1] or None if from_page else None

    idx: int | None = None
    if from_page is not None:
        idx = next((i for i, ln in enumerate(header) if ln.text == from_page[0]), None)
        title: str | None = from_page[0]
    else:
        title = None
    if idx is None:
        # Else the first headline-like line of four words or more; a shorter one (a
        # site name, a section) only when there is nothing longer.
        candidates = [i for i, ln in enumerate(header) if _headline_like(ln.text)]
        # A headline repeated below (an image caption) beats all others, then a line
        # whose words are (nearly) all in the page's <title> line.
        idx = next((i for i in candidates if _repeats(kept, i)), None)
        if idx is None:
            page_words = page_title_words(page_lines)
            first = page_lines[0].start if page_lines else -1
            idx = next(
                (
                    i
                    for i in candidates
                    if header[i].start != first and _in_page_title(header[i].text, page_words)
                ),
                None,
            )
            if idx is not None:
                from_page = (
                    header[idx].text,
                    site_in_title_line(page_lines[0].text, header[idx].text),
                )
                site = site or from_page[1] or None
        if idx is None:
            idx = next(
                (
                    i
                    for i in candidates
                    if _words(header[i].text) >= 4 and not _site_and_section(header[i].text)
                ),
                None,
            )
        if idx is None and candidates:
            idx = candidates[0]
        if idx is not None:
            title = header[idx].text
    if idx is None or title is None:
        return title, None, kept, cuts, site

    subtitle: str | None = None
    sub_idx: int | None = None
    if (
        idx + 1 < len(header)
        and _headline_like(header[idx + 1].text)
        and _words(header[idx + 1].text) >= 6
    ):
        sub_idx = idx + 1
        subtitle = header[sub_idx].text

    repeats = _repeats(kept, idx)
    if sub_idx in repeats:
        sub_idx, subtitle = None, None
    title_line = kept[idx]
    corroborated = (
        corroborated
        or bool(repeats)
        or (cut_before is not None and cut_before <= title_line.start)
        or from_page is not None
    )
    if not corroborated:
        return title, subtitle, kept, cuts, site

    drop = {idx, *repeats}
    cuts.append(Cut(title_line.start, title_line.end, "metadata.title"))
    for j in repeats:
        cuts.append(Cut(kept[j].start, kept[j].end, "metadata.title_repeat"))
    if sub_idx is not None:
        drop.add(sub_idx)
        cuts.append(Cut(kept[sub_idx].start, kept[sub_idx].end, "metadata.subtitle"))
    # Short lines above the headline (a masthead, a section kicker) are page furniture
    # once the header is corroborated; a masthead in Title Case names the site.
    for j in range(idx):
        text = kept[j].text
        if _words(text) <= 5 and not is_prose(text) and j not in drop:
            drop.add(j)
            cuts.append(Cut(kept[j].start, kept[j].end, "metadata.masthead"))
            if site is None:
                site = _masthead_site(text)
    return title, subtitle, [ln for j, ln in enumerate(kept) if j not in drop], cuts, site
