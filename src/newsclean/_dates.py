"""Find calendar dates written in text and turn them into ISO 8601.

Month names and date labels per language come from ``data/dates.json``.
Numeric dates are read year-first (``2024-10-21``, ``2024/10/21``,
``2024年10月21日``), day-first with dots (``21.10.2024``), and with slashes
month-first unless the first number cannot be a month (``21/10/2024``); when the
text's language writes the day first (``day_first_languages`` in the data file: not
English, whose en-GB and en-US disagree), slashes are read day-first unless the
second number cannot be a month. Either way the same dates are found: only the
reading of an ambiguous one changes.
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found at ``text[start:end]``; ``iso`` is ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``."""

    start: int
    end: int
    iso: str


@dataclass(frozen=True, slots=True)
class _DatePatterns:
    any_date: regex.Pattern[str]
    months: dict[str, int]
    label: str  # an alternation of date labels, for callers that anchor stamps
    weekday: str  # an alternation of weekday names ("Monday, October 22, 2012")
    weekday_names: frozenset[str]
    day_first_languages: frozenset[str]


_TIME = (
    r"(?:(?:,|\s)\s*(?:at\s+|um\s+|à\s+|в\s+|a las\s+|às\s+|-\s*|\|\s*)?"
    r"(?P<hh>[01]?\d|2[0-3])[:：h](?P<mi>[0-5]\d)(?::[0-5]\d)?(?:\s*(?P<ap>[ap]\.?m\.?))?"
    r"(?:\s*(?:Uhr|h|UTC|GMT|[A-Z]{2,4}T|[+-]\d{2}:?\d{2}))?)?"
)


# A year, which every date pattern holds: a text without one holds no date.
YEAR = regex.compile(r"(?:19|20)\d\d")


def may_hold_year(text: str) -> bool:
    """False when ``text`` surely holds no ``YEAR``: a substring test (C speed) that
    rules out most lines before a pattern is asked.

    >>> may_hold_year("Posted May 3, 2024"), may_hold_year("Home | World | Sport")
    (True, False)
    """
    return "20" in text or "19" in text


@lru_cache(maxsize=1)
def _patterns() -> _DatePatterns:
    # Read-only tables built once per process; results never depend on call order.
    data = json.loads(resources.files("newsclean").joinpath("data/dates.json").read_text("utf-8"))
    months: dict[str, int] = {}
    for names in data["months"].values():
        for number, forms in enumerate(names, start=1):
            for form in forms:
                months.setdefault(form, number)
    month = "|".join(sorted((regex.escape(m) for m in months), key=len, reverse=True))
    labels = "|".join(sorted((regex.escape(x) for x in data["labels"]), key=len, reverse=True))
    weekdays = "|".join(sorted((regex.escape(x) for x in data["weekdays"]), key=len, reverse=True))
    day = r"(?P<d>[0-3]?\d)"
    year = r"(?P<y>(?:19|20)\d\d)"
    parts = [
        # 2024-10-21, 2024/10/21, 2024.10.21, 2024-10-21T17:19
        rf"(?P<iso>{year}(?P<sep>[-/.])(?P<m>[01]?\d)(?P=sep){day})(?:T(?P<thh>[0-2]\d):(?P<tmi>[0-5]\d)(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?"
        + _TIME,
        # 2024年10月21日
        rf"{year}\s*年\s*(?P<m>[01]?\d)\s*月\s*{day}\s*日" + _TIME,
        # October 21, 2024 / Oct. 21st 2024
        rf"(?P<mon>{month})\.?\s+{day}(?:st|nd|rd|th)?,?\s+{year}" + _TIME,
        # 21 October 2024 / 21. Oktober 2024 / 21 de octubre de 2024 / 21 октября 2024 г.
        rf"{day}(?:st|nd|rd|th|\.|er)?\s+(?:de\s+)?(?P<mon>{month})\.?,?\s+(?:de\s+)?{year}(?:\s*г\.?)?"
        + _TIME,
        # 21.10.2024 (day first), 10/21/2024 (month first unless impossible)
        rf"(?P<dd>[0-3]?\d)(?P<nsep>[./])(?P<mm>[0-3]?\d)(?P=nsep){year}" + _TIME,
    ]
    pattern = "|".join(f"(?:{p})" for p in parts)
    compiled = regex.compile(
        rf"(?<![\w/.-])(?:{pattern})(?![\w/]|-\d)", regex.IGNORECASE | regex.VERSION0
    )
    return _DatePatterns(
        compiled,
        months,
        labels,
        weekdays,
        frozenset(data["weekdays"]),
        frozenset(data["day_first_languages"]),
    )


def writes_day_first(language: str | None) -> bool:
    """The language (a tag such as "fr" or "pt-BR") writes numeric dates day first.

    >>> writes_day_first("fr-CA"), writes_day_first("de"), writes_day_first("en-GB"), writes_day_first(None)
    (True, True, False, False)
    """
    if not language:
        return False
    code = regex.split(r"[-_]", language, maxsplit=1)[0].casefold()
    return code in _patterns().day_first_languages


@lru_cache(maxsize=1)
def date_stamp_head() -> regex.Pattern[str]:
    """What may open a date stamp: a label ("date", "Published:", "Опубликовано") in the
    group ``label``, "on", and a weekday ("Monday, October 22, 2012").

    >>> m = date_stamp_head().match("Published: Monday, 21 October 2024")
    >>> m.end(), m.group("label")
    (19, 'Published')
    """
    # Compiled once per process, read-only afterwards.
    pats = _patterns()
    return regex.compile(
        rf"^(?:(?P<label>{pats.label})\s*[:：]?\s*)?(?:on\s+)?(?:(?:{pats.weekday})\.?,?\s+)?",
        regex.IGNORECASE,
    )


def is_month_or_weekday(word: str) -> bool:
    """A month or weekday name in one of the known languages ("By Monday" is no byline).

    >>> is_month_or_weekday("Monday"), is_month_or_weekday("Oktober"), is_month_or_weekday("Jane")
    (True, True, False)
    """
    pats = _patterns()
    w = word.casefold().rstrip(".")
    return w in pats.months or w in pats.weekday_names


def is_weekday(word: str) -> bool:
    """A weekday name in one of the known languages.

    >>> is_weekday("Monday,"), is_weekday("Mittwoch"), is_weekday("October")
    (True, True, False)
    """
    return word.casefold().rstrip(".,") in _patterns().weekday_names


def _to_iso(m: regex.Match[str], months: dict[str, int], day_first: bool = False) -> str | None:
    g = m.groupdict()
    year = int(g["y"])
    if g.get("mon"):
        month = months.get(g["mon"].lower().rstrip("."), 0)
        day = int(g["d"])
    elif g.get("dd"):
        a, b = int(g["dd"]), int(g["mm"])
        # slashes: month first (US) unless the first number cannot be a month; day first
        # where the language writes so, unless the second number cannot be one
        if g["nsep"] == "/" and a <= 12 and not (day_first and b <= 12):
            a, b = b, a
        day, month = a, b
    else:
        month, day = int(g["m"]), int(g["d"])
    try:
        date = _dt.date(year, month, day)
    except ValueError:
        return None
    hh = g.get("thh") or g.get("hh")
    mi = g.get("tmi") or g.get("mi")
    if hh is None or mi is None:
        return date.isoformat()
    hour = int(hh)
    ap = (g.get("ap") or "").lower().replace(".", "")
    if ap == "pm" and hour < 12:
        hour += 12
    elif ap == "am" and hour == 12:
        hour = 0
    return f"{date.isoformat()}T{hour:02d}:{int(mi):02d}"


def find_dates(text: str, *, day_first: bool = False) -> list[DateMatch]:
    """Every valid date in ``text``, in order. (The stages only ever need the first,
    :func:`first_date`; this is what the tests check it against.)

    >>> [d.iso for d in find_dates("Oct 22, 2024 17:19 and 21 октября 2024 г. and 2024年10月21日")]
    ['2024-10-22T17:19', '2024-10-21', '2024-10-21']
    >>> [d.iso for d in find_dates("3.5.2024, 21/10/2024, 10/21/2024 but not 99/99/2024 or v1.2.2024.5")]
    ['2024-05-03', '2024-10-21', '2024-10-21']
    >>> [d.iso for d in find_dates("03/04/2024, 10/21/2024", day_first=True)]
    ['2024-04-03', '2024-10-21']
    """
    # every pattern needs a year: most lines leave here
    if not may_hold_year(text) or YEAR.search(text) is None:
        return []
    pats = _patterns()
    out: list[DateMatch] = []
    for m in pats.any_date.finditer(text):
        iso = _to_iso(m, pats.months, day_first)
        if iso is not None:
            out.append(DateMatch(m.start(), m.end(), iso))
    return out


def first_date(text: str, *, day_first: bool = False) -> DateMatch | None:
    """The first valid date in ``text`` (``find_dates(text)[0]``), without reading on.

    >>> first_date("Posted 99/99/2024, then on 3 May 2024 and 4 May 2024").iso
    '2024-05-03'
    >>> first_date("no date here") is None
    True
    """
    if not may_hold_year(text) or YEAR.search(text) is None:
        return None
    pats = _patterns()
    for m in pats.any_date.finditer(text):
        iso = _to_iso(m, pats.months, day_first)
        if iso is not None:
            return DateMatch(m.start(), m.end(), iso)
    return None


def date_at_start(text: str, *, day_first: bool = False) -> DateMatch | None:
    """The date that opens ``text``: ``find_dates(text)[0]`` when that starts at 0, else
    None (the first match is tried at 0 alone, where ``finditer`` tries it first).

    >>> date_at_start("May 3, 2024 | 4 min read").iso, date_at_start("On May 3, 2024") is None
    ('2024-05-03', True)
    """
    if not may_hold_year(text) or YEAR.search(text) is None:
        return None
    pats = _patterns()
    m = pats.any_date.match(text)
    if m is None:
        return None
    iso = _to_iso(m, pats.months, day_first)
    return DateMatch(m.start(), m.end(), iso) if iso is not None else None
