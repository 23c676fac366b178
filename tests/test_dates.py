from __future__ import annotations

import random

import pytest

from newsclean._dates import (
    YEAR,
    date_at_start,
    find_dates,
    first_date,
    may_hold_year,
    writes_day_first,
)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("date 2024-10-21", "2024-10-21"),
        ("Oct 22, 2024 17:19", "2024-10-22T17:19"),
        ("Moscow, October 21, 2024 – Amidst", "2024-10-21"),
        ("Published: 21 October 2024, 5:30 pm", "2024-10-21T17:30"),
        ("21. Oktober 2024", "2024-10-21"),
        ("le 21 octobre 2024", "2024-10-21"),
        ("21 de octubre de 2024", "2024-10-21"),
        ("21 de outubro de 2024", "2024-10-21"),
        ("21 октября 2024 г.", "2024-10-21"),
        ("2024年10月21日 08:15", "2024-10-21T08:15"),
        ("21.10.2024", "2024-10-21"),
        ("10/21/2024", "2024-10-21"),
        ("2024-10-21T17:19:03Z", "2024-10-21T17:19"),
    ],
)
def test_formats(text: str, iso: str) -> None:
    assert [d.iso for d in find_dates(text)] == [iso]


@pytest.mark.parametrize(
    "text", ["version 2.4.1", "call 555-2024-10", "2024-13-45", "Feb 30, 2024", "3.5 percent"]
)
def test_non_dates(text: str) -> None:
    assert find_dates(text) == []


# Texts where the first match is no date, a date starts later, or nothing starts at 0.
_MIXED = [
    "99/99/2024 then 21/10/2024",
    "Feb 30, 2024 or Mar 1, 2024",
    "2024-13-45 and 2024-10-21T17:19",
    "On 21 October 2024, 5:30 pm",
    "21 October 2024, 5:30 pm and 22 October 2024",
    "Oct 22, 2024 17:19 74",
    "v1.2.2024.5 and 3.5.2024",
    "nothing here 2024",
    "",
]


@pytest.mark.parametrize("text", _MIXED)
def test_first_date_is_the_first_of_find_dates(text: str) -> None:
    found = find_dates(text)
    assert first_date(text) == (found[0] if found else None)


@pytest.mark.parametrize("text", _MIXED)
def test_date_at_start_is_the_first_of_find_dates_at_zero(text: str) -> None:
    found = find_dates(text)
    assert date_at_start(text) == (found[0] if found and found[0].start == 0 else None)


def test_may_hold_year_never_rules_out_a_year() -> None:
    rng = random.Random(9)
    alphabet = "0123456789 12 19 20 ２０１９ ٢٠١٩ a-/:."
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(12)))
        if YEAR.search(text) is not None:
            assert may_hold_year(text), text


def test_a_day_first_language_reads_slashed_dates_day_first() -> None:
    assert first_date("Publié le 03/04/2024", day_first=True).iso == "2024-04-03"
    # a date that cannot be read day first is read month first; the same dates are found
    assert first_date("03/21/2024", day_first=True).iso == "2024-03-21"
    text = "3.5.2024, 21/10/2024, 10/21/2024, 99/99/2024, 04/03/2024 10:30"
    assert [(d.start, d.end) for d in find_dates(text, day_first=True)] == [
        (d.start, d.end) for d in find_dates(text)
    ]
    # English stays month first: en-GB and en-US disagree
    assert first_date("03/04/2024").iso == "2024-03-04"
    assert writes_day_first("fr") and writes_day_first("pt-BR") and not writes_day_first("en-GB")
