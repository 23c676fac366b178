from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsclean._normalize import (
    _EDGES,
    _SUSPECT_LINE,
    _chars_pattern,
    _fix_chars,
    _rewrite_edges,
    _settle_edges,
    _suspect_anywhere,
    normalize,
    without_surrogates,
)
from newsclean._offsets import rewrite


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


@given(st.text(alphabet=" \n\tab\u00a0\u200b\r", max_size=30))
def test_fast_whitespace_passes_match_the_patterns_they_stand_for(text: str) -> None:
    # The line-edge pass finds the ends by strip and the rest among runs holding a line
    # break; a text whose only trigger is a run of spaces is scanned for those runs alone.
    settled, edits = rewrite(text, _EDGES, lambda m: _edge_replacement(m.lastgroup, m.group()))
    assert _rewrite_edges(text) == (settled, [e for e, _, _ in edits])
    assert _settle_edges(text) == (settled, [e for e, _, _ in edits])  # (which it calls)
    pattern = _chars_pattern(text)
    fast = _fix_chars(text, pattern) if pattern is not None else (text, [], [])
    assert fast[:2] == _fix_chars(text)[:2]


def _edge_replacement(group: str | None, old: str) -> str:
    if group == "lines":
        return "\n\n" if old.count("\n") > 1 else "\n"
    return ""


def test_two_repairs_on_one_line_are_two_records_with_input_offsets() -> None:
    text = "The cafÃ© on the square and the cafÃ© by the station reopened."
    n = normalize(text)
    assert n.text == "The café on the square and the café by the station reopened."
    assert [(r.before, r.after) for r in n.repairs] == [("Ã©", "é"), ("Ã©", "é")]
    for r in n.repairs:
        assert text[r.start : r.end] == r.before
    # an offset between the two repairs maps to the same word in the input
    at = n.text.index("square")
    assert n.offsets.to_input(at) == text.index("square")


def test_a_character_removed_after_a_repair_on_its_line_has_its_input_offset() -> None:
    text = "Ã© The city re\u00adopened the Ã© bridge on Tuesday."
    (soft,) = (r for r in normalize(text).repairs if r.rule == "normalize.invisible")
    assert text[soft.start : soft.end] == "\u00ad"


def test_lines_split_by_a_carriage_return_are_fixed_as_lines() -> None:
    # ftfy leaves entities alone on a line that holds a "<"; the two lines must be judged
    # apart, as they are once the "\r" is a "\n" (normalising twice changes nothing more)
    text = "Fares for trips of < 10 km stay the same.\rTom &amp; Jerry opened a shop."
    once = normalize(text).text
    assert once == "Fares for trips of < 10 km stay the same.\nTom & Jerry opened a shop."
    assert normalize(once).text == once


@pytest.mark.parametrize("between", ["\u200b", "\x00", "\x07\u00ad"])
def test_modifier_apostrophe_between_letters_and_an_invisible_character(between: str) -> None:
    once = normalize(f"Korea{between}ʼs ministry").text
    assert once == "Korea’s ministry"
    assert normalize(once).text == once


def test_an_invisible_character_between_spaces_leaves_one_space() -> None:
    text = "approved on Tuesday. \u200b The mayor said \x07 so."
    n = normalize(text)
    assert n.text == "approved on Tuesday. The mayor said so."
    assert normalize(n.text).text == n.text
    assert [text[r.start : r.end] for r in n.repairs] == ["\u200b", "\x07"]
    assert n.offsets.to_input(n.text.index("The")) == text.index("The")


@pytest.mark.parametrize(
    ("text", "body", "before"),
    [
        ("The vote \ud800 passed.", "The vote \ufffd passed.", ["\ud800"]),
        ("A smile \ud83d\ude00 and a lone \udc80.", "A smile 😀 and a lone \ufffd.",
         ["\ud83d\ude00", "\udc80"]),
        ("caf\u00e9 \udfff\ud800", "caf\u00e9 \ufffd\ufffd", ["\udfff", "\ud800"]),  # wrong order
    ],
)  # fmt: skip
def test_surrogates_become_characters_that_encode(text: str, body: str, before: list[str]) -> None:
    n = normalize(text)
    assert n.text == body
    n.text.encode("utf-8")  # (a lone surrogate made every encode raise)
    assert [r.rule for r in n.repairs] == ["normalize.surrogate"] * len(before)
    assert [text[r.start : r.end] for r in n.repairs] == before
    assert normalize(n.text).text == n.text
    assert without_surrogates(text) == body


def test_text_without_surrogates_is_the_same_object() -> None:
    text = "caf\u00e9 on the corner"
    assert without_surrogates(text) is text


@pytest.mark.parametrize(
    ("off", "body"),
    [
        ("normalize.mojibake", "The councilâ€™s vote."),  # ftfy's repair of the line is not made
        ("normalize.invisible", "The mayor\u200b said so."),
        ("normalize.control", "The mayor\x07 said so."),
        ("normalize.modifier_apostrophe", "Koreaʼs ministry"),
    ],
)
def test_a_repair_whose_rule_is_off_is_not_made(off: str, body: str) -> None:
    # (it was made and only left unrecorded: the text changed with no record of it)
    broken = {
        "normalize.mojibake": "The councilâ€™s vote.",
        "normalize.invisible": "The mayor\u200b said so.",
        "normalize.control": "The mayor\x07 said so.",
        "normalize.modifier_apostrophe": "Koreaʼs ministry",
    }[off]
    n = normalize(broken, lambda rule: rule != off)
    assert (n.text, n.repairs) == (body, ())
    assert normalize(broken).text != body  # made when the rule is on


# characters on both sides of every border of the suspect classes, and surrogates
_NEAR_SUSPECTS = (
    "a &;#x1\u007f\u0080\u009f\u00a0\u00bf\u00c0\u00c1\u00c2\u00e9\u00f4\u00f5\u0151"
    "\u0152\u0154\u0178\u0179\u0192\u02c6\u02dc\u2012\u2013\u2019\u201f\u2020\u2026"
    "\u2039\u203b\u20ac\u2122\u2123\ud800\udc00中𝔘"
)


@given(st.text(alphabet=_NEAR_SUSPECTS, max_size=8))
def test_the_page_wide_suspect_test_agrees_with_the_line_pattern(text: str) -> None:
    assert _suspect_anywhere(text) == (_SUSPECT_LINE.search(text) is not None)
