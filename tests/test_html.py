from __future__ import annotations

import pytest

from newsclean import clean
from newsclean._html import extract_html, visible_text

PARAGRAPH = "The council approved the new budget on Tuesday after a long and heated debate. "
PAGE = (
    "<!DOCTYPE html><html lang='en'><head><title>Budget passes | Daily Planet</title>"
    "<meta name='author' content='Jane Smith'><meta property='article:published_time' content='2024-10-21'>"
    "</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Budget passes</h1>"
    f"<p>{PARAGRAPH * 3}</p><p>{PARAGRAPH * 2}</p></article>"
    "<footer>© 2024 Daily Planet. All rights reserved.</footer></body></html>"
)


def test_html_goes_through_trafilatura_with_metadata() -> None:
    doc = clean(PAGE)
    assert doc.body.startswith("The council approved")
    assert "Home" not in doc.body and "rights reserved" not in doc.body
    assert doc.title == "Budget passes"
    assert doc.author == "Jane Smith"
    assert doc.date == "2024-10-21"
    assert doc.language == "en"


def test_html_bytes_with_declared_charset() -> None:
    page = PAGE.replace("<head>", "<head><meta charset='windows-1252'>").replace("debate", "débat")
    assert "débat" in clean(page.encode("cp1252")).body


def test_tiny_page_keeps_what_there_is() -> None:
    ex = extract_html(
        "<html><body><div>Short note.</div><div>Another line here.</div></body></html>"
    )
    assert ex.text == "Short note.\nAnother line here."


def test_page_trafilatura_rejects_falls_back_to_visible_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: None)
    ex = extract_html(PAGE)
    assert ex.fallback
    assert ex.text.splitlines()[:3] == [
        "Budget passes | Daily Planet",
        "Home News",
        "Budget passes",
    ]
    doc = clean(PAGE)
    assert "The council approved" in doc.body


def test_visible_text_puts_blocks_on_lines() -> None:
    assert (
        visible_text("<html><body><h1>A</h1><p>b <i>c</i></p><ul><li>d</li></ul></body></html>")
        == "A\nb c\nd"
    )
