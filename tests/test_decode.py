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


@pytest.mark.parametrize(
    "text",
    [
        "Le conseil a approuvé mardi le budget après un long débat, a déclaré la maire.",
        "Совет депутатов во вторник утвердил новый бюджет после долгих споров.",
        "市议会周二在经过长时间辩论后批准了新预算。",
        "The café reopened on Tuesday — the owner said it was “a relief”.",
    ],
)
def test_utf8_cut_inside_its_last_character_stays_utf8(text: str) -> None:
    # A scraper that caps pages at N bytes cuts a character in two; the rest is still UTF-8.
    data = (text + " Ж").encode()[:-1]
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert decoded.text.startswith(text)


def test_utf8_with_one_stray_byte_stays_utf8() -> None:
    text = "Le conseil a approuvé mardi le budget après un long débat, a déclaré la maire."
    data = text[:40].encode() + b"\x92" + text[40:].encode()
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert decoded.text == text[:40] + "\ufffd" + text[40:]


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Le café est très bon, à côté de la gare.", "cp1252"),
        ("Совет депутатов во вторник утвердил новый бюджет после долгих споров.", "cp1251"),
        ("市议会周二在经过长时间辩论后批准了新预算。", "gb18030"),
        ("Let's meet at the café", "cp1252"),
    ],
)
def test_text_in_another_charset_is_not_read_as_broken_utf8(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding)).text == text


@pytest.mark.parametrize(
    ("text", "charset"),
    [
        ("Le café est très bon, à côté de la gare, dit-il.", "cp1252"),  # was cp775: "cafķ"
        ("Совет депутатов одобрил бюджет города на следующий год.", "cp1251"),  # mac_cyrillic
        ("Να πάτε σπίτι τώρα, είπε ο δήμαρχος της πόλης.", "cp1253"),
        ("市长周二公布了预算。", "gb18030"),
    ],
)
def test_short_legacy_text_is_read_in_the_web_charset(text: str, charset: str) -> None:
    assert decode_bytes(text.encode(charset)).text == text


@pytest.mark.parametrize(
    "prefix",
    [
        "HTTP/1.1 200 OK\nContent-Type: text/html; charset=utf-8\nServer: nginx\n\n",
        "https://news.example/2024/06/market\n",
        "Views: 0\n",
        'HTTP/1.1 200 OK\nLink: <https://news.example/wp-json/>; rel="https://api.w.org/"\n\n',
    ],
)
def test_a_page_after_a_few_lines_of_headers_is_html(prefix: str) -> None:
    page = "<!DOCTYPE html>\n<html><body><p>The council met.</p></body></html>\n"
    assert looks_like_html(prefix + page)


@pytest.mark.parametrize(
    "text",
    [
        "How to start a page:\n<html>\n<body>\nThen write your text and close the tags.",
        "Tip: <b>bold</b> text\n<html> goes first.\n</html>",  # markup before it: not a prefix
        "A line of notes.\n" * 40 + "<html><body><p>Deep down.</p></body></html>",  # too far
    ],
)
def test_text_quoting_a_page_start_is_not_html(text: str) -> None:
    assert not looks_like_html(text)


def test_an_article_ending_in_a_listing_of_a_page_is_text() -> None:
    # (review: its paragraphs were joined into one line and the listing dropped, unrecorded)
    prose = (
        "A web page starts with a doctype, then the html element holds the head and the body,"
        " which is what the browser shows to the reader of the page."
    )
    listing = "<!doctype html>\n<html>\n<body>\n<p>Hello, world</p>\n</body>\n</html>"
    assert not looks_like_html(f"{prose}\n\n{prose}\n\n{prose}\n\n{listing}")


_CENTRAL_EUROPEAN = [
    "Městská rada v úterý po dlouhé debatě schválila nový rozpočet. Obyvatelé se obávali nájmů.",
    "Rada miasta zatwierdziła we wtorek nowy budżet. Mieszkańcy obawiali się rosnących czynszów.",
    "A városi tanács kedden hosszú vita után elfogadta az új költségvetést, mondta a polgármester.",
]


@pytest.mark.parametrize("charset", ["cp1250", "iso8859_2"])
@pytest.mark.parametrize("text", _CENTRAL_EUROPEAN)
def test_central_european_text_is_read_in_its_code_page(text: str, charset: str) -> None:
    # (every Latin guess was read as windows-1252: "Mìstská", "zatwierdzi³a")
    assert decode_bytes(text.encode(charset)).text == text


def test_a_short_text_both_code_pages_read_as_words_goes_to_windows_1250() -> None:
    # Slovenian "župan" in ISO-8859-2 is Slovak "ľupan" in windows-1250: on one sentence the
    # words cannot tell them apart, and windows-1250 is the more common on the web.
    text = "Mestna občina je v torek po dolgi razpravi sprejela nov proračun, je dejal župan."
    assert decode_bytes(text.encode("cp1250")).text == text


@pytest.mark.parametrize(
    "text",
    [
        "Le conseil a voté très tard, après le débat sur la sécurité à l'école.",
        "La città ha approvato il bilancio, però il sindaco è già partito.",
        "El año pasado el consejo aprobó más gastos, según el alcalde.",
        "Mit freundlichen Grüßen, sagte der Bürgermeister über die Straßen.",
        "The Gallery » Marketers with power | “Quote” — the café’s owner said.",
    ],
)
def test_western_text_stays_windows_1252(text: str) -> None:
    decoded = decode_bytes(text.encode("cp1252"))
    assert (decoded.text, decoded.encoding) == (text, "cp1252")


@pytest.mark.parametrize(
    "label", ["iso-8859-1", "ISO-8859-1", "latin1", "us-ascii", "windows-1252"]
)
def test_a_latin_1_label_means_windows_1252(label: str) -> None:
    # WHATWG: the web reads these labels as windows-1252, whose 0x80-0x9F are punctuation.
    page = f'<html><head><meta charset="{label}"></head><body><p>It\u2019s \u201cfinal\u201d \u2014 \u20ac4m.</p>'
    decoded = decode_bytes(page.encode("cp1252"))
    assert "It\u2019s \u201cfinal\u201d \u2014 \u20ac4m." in decoded.text
    assert decoded.encoding == "windows-1252"


def test_windows_1252_keeps_its_undefined_bytes() -> None:
    assert decode_bytes(b'<meta charset="iso-8859-1"><p>a\x81b\x92s</p>').text.endswith(
        "a\x81b\u2019s</p>"
    )


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_text(encoding: str) -> None:
    # (refused as binary for its NUL bytes)
    text = "Der Stadtrat hat den Haushalt am Dienstag beschlossen. Café, “quoted”."
    decoded = decode_bytes(text.encode(encoding))
    assert (decoded.text, decoded.encoding) == (text, encoding)


def test_binary_with_nul_bytes_is_still_refused() -> None:
    with pytest.raises(NotTextError):
        decode_bytes(b"\x00\x01\x02\x03" * 100)
    with pytest.raises(NotTextError):
        decode_bytes(b"a\x00" * 50 + b"\x00\x00" * 50)


@pytest.mark.parametrize("label", ["undefined", "unicode_escape", "utf-16", "rot13", "bogus"])
def test_a_declared_label_that_is_no_web_charset_is_not_taken_at_its_word(label: str) -> None:
    # ("undefined" raised a bare UnicodeError; "unicode_escape" rewrote "\u0041" to "A")
    page = f'<html><head><meta charset="{label}"></head><body><p>Caf\u00e9 \\u0041 ok</p>'
    decoded = decode_bytes(page.encode("cp1252"))
    assert "Caf\u00e9 \\u0041 ok" in decoded.text
