from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from newsclean._offsets import EditList, OffsetMap, rewrite


@given(st.text(alphabet="ab  \t\n", max_size=60))
def test_offsets_of_kept_characters_map_back_exactly(text: str) -> None:
    new, edits = rewrite(text, regex.compile(r"[ \t]+"), lambda m: " ")
    omap = OffsetMap().then(EditList.of(e for e, _, _ in edits))
    for i, ch in enumerate(new):
        if ch in "ab\n":
            assert text[omap.to_input(i)] == ch


def test_chained_passes_compose() -> None:
    text = "a\u200b\u200bb  c"
    one, e1 = rewrite(text, regex.compile("\u200b+"), lambda m: "")
    two, e2 = rewrite(one, regex.compile(" +"), lambda m: " ")
    omap = OffsetMap().then(EditList.of(e for e, _, _ in e1)).then(EditList.of(e for e, _, _ in e2))
    assert two == "ab c"
    assert [text[omap.to_input(i)] for i in range(len(two))] == ["a", "b", " ", "c"]
    assert omap.to_input(2, is_end=True) == 4  # the end of "ab" lies right after "b"
