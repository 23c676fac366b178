"""Tests for newsclean._phrases: the phrase-list data of the content and metadata stages."""

from __future__ import annotations

import re
from types import MappingProxyType

import pytest

from newsclean._phrases import alternation, phrase_sections, phrases


def test_sections_are_read_once_and_read_only() -> None:
    sections = phrase_sections()
    assert sections is phrase_sections()
    assert isinstance(sections, MappingProxyType)
    with pytest.raises(TypeError):
        sections["reply_words"]["xx"] = ("x",)  # type: ignore[index]
    assert all(isinstance(v, tuple) for langs in sections.values() for v in langs.values())


def test_description_is_not_a_section() -> None:
    assert "description" not in phrase_sections()


def test_every_entry_of_every_language_compiles() -> None:
    for section, langs in phrase_sections().items():
        for lang, entries in langs.items():
            assert re.fullmatch(r"[a-z]{2}", lang), (section, lang)
            assert entries and all(isinstance(e, str) and e for e in entries), (section, lang)
            for entry in entries:
                re.compile(entry, re.I)
        re.compile(alternation(section), re.I)


def test_entries_keep_file_order_languages_in_turn() -> None:
    words = phrases("comment_heading_words")
    assert words[:3] == ("comments?", "responses?", "replies")
    assert words.index("kommentare?") < words.index("yorumlar")
    assert alternation("reply_words").split("|") == list(phrases("reply_words"))


def test_an_entry_two_languages_share_comes_once() -> None:
    sections = phrase_sections()["caption_words"]
    assert sum("foto" in entries for entries in sections.values()) > 1
    assert phrases("caption_words").count("foto") == 1


def test_docs_rules_md_lists_every_section() -> None:
    from pathlib import Path

    doc = (Path(__file__).parent.parent / "docs" / "rules.md").read_text("utf-8")
    for section in phrase_sections():
        assert f"`{section}`" in doc, f"run tools/gen_rules_doc.py: {section} is missing"
