"""The public surface: exactly these names, frozen types, clear errors."""

from __future__ import annotations

import dataclasses
import json
import types

import pytest

import newsclean
from newsclean import Document, NotTextError, Options, Removal, Repair, clean

PUBLIC = {
    "Document",
    "NotTextError",
    "Options",
    "Removal",
    "Repair",
    "clean",
    "clean_many",
    "unglue",
}


def test_all_is_exactly_the_public_api() -> None:
    assert set(newsclean.__all__) == PUBLIC
    for name in PUBLIC:
        assert hasattr(newsclean, name)
    public_attrs = {
        n
        for n, v in vars(newsclean).items()
        if not n.startswith("_") and not isinstance(v, types.ModuleType)  # newsclean.ray is opt-in
    }
    assert public_attrs == PUBLIC


@pytest.mark.parametrize("cls", [Document, Removal, Repair, Options])
def test_result_and_option_types_are_frozen_dataclasses(cls: type) -> None:
    assert dataclasses.is_dataclass(cls)
    assert cls.__dataclass_params__.frozen  # type: ignore[attr-defined]


def test_empty_string_gives_empty_document() -> None:
    doc = clean("")
    assert doc.body == ""
    assert doc.removed == () and doc.repairs == ()
    assert doc.title is None and doc.language is None


@pytest.mark.parametrize("bad", [None, 42, 3.5, ["text"], {"text": "x"}])
def test_non_text_input_is_a_type_error_naming_accepted_types(bad: object) -> None:
    with pytest.raises(TypeError, match="str or bytes"):
        clean(bad)  # type: ignore[arg-type]


def test_bytes_are_decoded_and_the_decoding_recorded() -> None:
    text = "Le conseil a voté le budget mardi après un long débat à la mairie."
    doc = clean(text.encode("cp1252"))
    assert doc.body == text
    assert doc.repairs[0].stage == "decode" and doc.repairs[0].after == "cp1252"
    assert clean(text.encode("utf-8")).body == text


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"%PDF-1.7\n...",
        b"abc\x00def\x00",
        b"\xff\xd8\xff\xe0",
    ],
)
def test_binary_bytes_raise_not_text_error(data: bytes) -> None:
    with pytest.raises(NotTextError):
        clean(data)


def test_keyword_overrides_replace_option_fields() -> None:
    text = "The council voted.\n\nRead more"
    assert clean(text).body == "The council voted."
    assert clean(text, disable={"en.read_more"}).body == "The council voted.\n\nRead more"
    opts = Options(disable={"en.read_more"})
    assert clean(text, options=opts, disable=frozenset()).body == "The council voted."


def test_options_must_be_options() -> None:
    with pytest.raises(TypeError, match="Options"):
        clean("x", options={"unglue": False})  # type: ignore[arg-type]


def test_to_dict_is_json_ready() -> None:
    doc = clean("Views: 0\n\nThe council approved the budget on Tuesday after a long debate.")
    d = doc.to_dict()
    assert json.loads(json.dumps(d)) == d
    assert d["removed"][0]["rule"] == "en.counter"
    assert "removed" not in doc.to_dict(audit=False)


def test_url_is_kept() -> None:
    assert clean("Some text here.", url="https://example.org/a").url == "https://example.org/a"
