"""The five real seeds, each with a hand-checked expected result (tests/fixtures/seeds)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsclean import clean

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
CASES = sorted(p.stem for p in SEEDS.glob("*.txt"))
FIELDS = ("title", "subtitle", "date", "author", "source", "language")


@pytest.mark.parametrize("name", CASES)
def test_seed_matches_expected(name: str) -> None:
    expected = json.loads((SEEDS / f"{name}.expected.json").read_text("utf-8"))
    doc = clean((SEEDS / f"{name}.txt").read_text("utf-8"))
    assert doc.body == expected["body"]
    for field in FIELDS:
        assert getattr(doc, field) == expected[field], field
    assert sorted({r.rule for r in doc.removed}) == sorted(expected["removed_rules"])


@pytest.mark.parametrize("name", CASES)
def test_seed_removals_point_at_the_input(name: str) -> None:
    text = (SEEDS / f"{name}.txt").read_text("utf-8")
    for r in clean(text).removed:
        # Offsets are input offsets: the span holds the removed text, up to whitespace
        # (the removed text is shown after repairs, e.g. with glued words split).
        assert "".join(r.text.split()) == "".join(text[r.start : r.end].split())
