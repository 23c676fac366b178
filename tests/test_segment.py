from __future__ import annotations

from newsclean._segment import join_lines, segment_lines


def test_lines_are_slices_of_the_text_with_paragraph_numbers() -> None:
    text = "Title\n\nOne.\nTwo.\n\nThree."
    lines = segment_lines(text)
    assert [(ln.text, ln.para) for ln in lines] == [
        ("Title", 0),
        ("One.", 1),
        ("Two.", 1),
        ("Three.", 2),
    ]
    for ln in lines:
        assert text[ln.start : ln.end] == ln.text
    assert join_lines(lines) == text


def test_trimmed_keeps_offsets_exact() -> None:
    (ln,) = segment_lines("date 2024-10-21 On Monday")
    rest = ln.trimmed(ln.start + 15, ln.end)
    assert rest.text == "On Monday" and rest.start == 16
