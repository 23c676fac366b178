from __future__ import annotations

import pytest

from newsclean._dates import find_dates


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
