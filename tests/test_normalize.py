from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsclean._normalize import normalize


def test_mojibake_is_fixed_and_recorded() -> None:
    n = normalize("South Korea\u00e2\u20ac\u2122s ministry")
    assert n.text == "South Korea’s ministry"
    (r,) = n.repairs
    assert r.rule == "normalize.mojibake" and r.after == "’"
    assert r.start == 11 and r.end == 14


def test_modifier_letter_apostrophe_becomes_right_quote() -> None:
    n = normalize("South Koreaʼs interests")
    assert n.text == "South Korea’s interests"
    assert [r.rule for r in n.repairs] == ["normalize.modifier_apostrophe"]


def test_html_entities_are_unescaped() -> None:
    n = normalize("Smith &amp; Wesson")
    assert n.text == "Smith & Wesson"
    assert n.repairs[0].rule == "normalize.html_entity"


def test_invisible_and_control_characters_go_and_are_recorded() -> None:
    n = normalize("zero\u200bwidth\x07bell")
    assert n.text == "zerowidthbell"
    assert {r.rule for r in n.repairs} == {"normalize.invisible", "normalize.control"}


def test_whitespace_is_settled_without_repairs() -> None:
    n = normalize(" a\u00a0\u00a0b \t\r\n\r\n\r\n\n c  \n")
    assert n.text == "a b\n\nc"
    assert n.repairs == ()


def test_curly_quotes_and_cjk_punctuation_stay() -> None:
    text = "“Quoted” — ‘single’ 中文，标点。"
    assert normalize(text).text == text


@given(st.text(max_size=200))
def test_normalize_never_raises_and_maps_offsets_inside_the_input(text: str) -> None:
    n = normalize(text)
    for i in range(len(n.text) + 1):
        assert 0 <= n.offsets.to_input(i) <= len(text)
    assert "\r" not in n.text and "\n\n\n" not in n.text
