from __future__ import annotations

import pytest

from newsclean import NotTextError
from newsclean._decode import decode_bytes, looks_like_html


def test_declared_charset_is_used() -> None:
    html = '<html><head><meta charset="koi8-r"></head><body>Привет, мир</body></html>'
    assert "Привет" in decode_bytes(html.encode("koi8-r")).text


def test_utf8_bom_and_utf16() -> None:
    assert decode_bytes(b"\xef\xbb\xbfhello").text == "hello"
    assert decode_bytes("hello".encode("utf-16")).text == "hello"


@pytest.mark.parametrize("data", [b"GIF89a....", b"PK\x03\x04rest", b"\x1f\x8b\x08\x00"])
def test_binary_signatures(data: bytes) -> None:
    with pytest.raises(NotTextError):
        decode_bytes(data)


def test_html_detection() -> None:
    assert looks_like_html("  <!doctype html><title>x</title>")
    assert looks_like_html("<div><p>a</p><p>b</p><p>c</p><a href=x>d</a><br></div>")
    assert not looks_like_html("Use <b> for bold, he wrote.")
