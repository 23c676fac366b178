"""Stage 0, decode: accept ``str`` or ``bytes``, refuse binary data, spot HTML.

``bytes`` are read as UTF-8 (with or without a BOM); failing that, as the
charset an HTML page declares; failing that, as the charset
charset-normalizer detects. The decoding is reported as a repair so the audit
trail says how the bytes were read.
"""

from __future__ import annotations

import codecs
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING

import regex

from ._errors import NotTextError

if TYPE_CHECKING:  # (charset_normalizer is imported only when bytes need it)
    from charset_normalizer import CharsetMatch

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF (WebP/WAV/AVI) file"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"\x1f\x8b", "gzip-compressed data (decompress it first)"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"\x7fELF", "an ELF executable"),
    (b"\x00\x00\x01\x00", "an icon file"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
)
_HTML_START = regex.compile(
    r"\A\s*(?:<!--.*?-->\s*)*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html\b|<head\b|<body\b|<meta\b|<title\b)",
    regex.IGNORECASE | regex.DOTALL,
)
# A page's markup after a few lines of something else (HTTP response headers, the URL or a
# crawler's note written above it): it starts a line and runs to the end of the text.
_HTML_START_LATER = regex.compile(r"^[ \t]*(?:<!doctype\s+html|<html\b)", regex.I | regex.M)
_PREFIX_LINES = 30
# The one response header that carries "<" (Link: <https://...>; rel=...), sent by most
# WordPress sites: the "no markup above" test looks past it.
_LINK_HEADER = regex.compile(r"^link:[ \t]*<[^\n]*", regex.I | regex.M)
# What the lines above such a page are: a status line or header ("Name: value"), a URL, or a
# short note; an article's paragraph above a code listing that ends the text is none of them.
_PREFIX_LINE = regex.compile(r"HTTP/\S+ \d{3}\b.*|[A-Za-z][\w-]*:[ \t].*|\S+://\S*|.{0,80}")
_HTML_TAGS = regex.compile(
    r"</?(?:p|div|span|a|br|li|ul|h[1-6]|table|article|section|script|style)\b[^>]*>", regex.I
)
_META_CHARSET = regex.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", regex.I)
# Charsets the web reads as wider ones (the WHATWG Encoding Standard), by Python's name:
# "iso-8859-1" pages are windows-1252, whose bytes 0x80-0x9F are curly quotes, dashes and
# the euro sign, not C1 controls.
_WINDOWS_1252 = "windows-1252"
_READ_AS = MappingProxyType(
    {
        **dict.fromkeys(("ascii", "iso8859_1", "cp1252"), _WINDOWS_1252),
        **dict.fromkeys(("iso8859_9",), "cp1254"),
        **dict.fromkeys(("tis_620", "iso8859_11"), "cp874"),
        **dict.fromkeys(("gb2312", "gbk"), "gb18030"),
        **dict.fromkeys(("euc_kr",), "cp949"),
        **dict.fromkeys(("shift_jis",), "cp932"),
        **dict.fromkeys(("big5",), "big5hkscs"),
    }
)
# The web's labels that Python's codec aliases lack.
_LABELS = MappingProxyType(
    {
        "x-cp1252": "cp1252",
        "iso88591": "latin_1",
        "windows-874": "cp874",
        "x-gbk": "gbk",
        "csgb2312": "gb2312",
        "windows-949": "cp949",
        "x-sjis": "shift_jis",
        "windows-31j": "cp932",
    }
)
# windows-1252 as the web reads it: Latin-1 with 0x80-0x9F as its punctuation; the five
# bytes it leaves undefined stay the C1 controls of the same number (Python's cp1252 refuses them).
_C1_AS_WINDOWS_1252 = MappingProxyType(
    {c: bytes([c]).decode("cp1252", "ignore") or chr(c) for c in range(0x80, 0xA0)}
)
_C1 = regex.compile("[\x80-\x9f]")
# Single-byte Latin code pages: a detector cannot tell them apart on little text, so the
# words decide (_latin_code_page). The Western ones are read as windows-1252, which is what
# the web means by "Latin-1" and by far the most common of them.
_WESTERN = frozenset({"cp1252", "latin_1", "iso8859_15", "mac_roman", "cp850", "cp437"})
_LATIN = _WESTERN | {f"cp{n}" for n in (1250, 1254, 1257, 1258)} | {"mac_latin2", "mac_turkish"}
_LATIN |= {f"iso8859_{n}" for n in (2, 3, 4, 9, 10, 13, 14, 16)}
_SCORED_BYTES = 50_000
_NON_ASCII_WORD = regex.compile(r"\p{L}*(?=[^\x00-\x7f])\p{L}\p{L}*")  # (a non-ASCII letter in it)
# What a letter of another code page turns into: a control character, an unmapped byte, or a
# sign inside a word ("by³", "rosn±cych": a letter in windows-1250 or ISO-8859-2).
_NOT_A_LETTER_HERE = regex.compile(
    r"[\x80-\x9f\ufffd]|(?<=\p{L})[^\x00-\x7f\p{L}\p{M}\p{Z}’‘–—…“”«»„·](?=\p{L})"
)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# The legacy charsets web pages are written in (the WHATWG Encoding Standard's, without the
# rare Mac ones): on a short text, a detector's first guess is often a DOS or Mac code page
# that fits the few non-ASCII bytes slightly better ("café" as cp775 "cafķ").
_WEB_CHARSETS = frozenset(
    {f"cp{n}" for n in (866, 874, *range(1250, 1259))}
    | {f"iso8859_{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)}
    | {"koi8_r", "koi8_u", "gb18030", "gb2312", "gbk", "big5", "euc_jp", "iso2022_jp"}
    | {"shift_jis", "cp932", "euc_kr", "cp949", "latin_1", "big5hkscs", "cp950"}
    | {"euc_jis_2004", "euc_jisx0213", "shift_jis_2004", "shift_jisx0213"}  # (supersets)
)
_CHAOS_MARGIN = 0.1  # how much more "mess" a web charset may show than the first guess


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str | None  # None for str input


def _refuse_binary(data: bytes) -> None:
    head = data[:16]
    for sig, what in _SIGNATURES:
        if head.startswith(sig):
            raise NotTextError(f"input is {what}, not text or HTML")
    if (
        b"\x00" in data[:8192]
        and not data.startswith(_UTF16_BOMS)
        and _utf16_without_bom(data) is None
    ):
        raise NotTextError("input contains NUL bytes: it is binary data, not text or HTML")


def _utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` for UTF-16 text written without a byte-order mark
    (as some Windows tools export it): nearly every other byte is NUL, the rest nearly never,
    and it decodes. None for anything else, binary data above all.

    >>> _utf16_without_bom("Rain fell on Tuesday.".encode("utf-16-le"))
    'utf-16-le'
    >>> _utf16_without_bom(bytes(range(256)) * 4) is None
    True
    """
    head = data[:8192]
    if len(head) < 8:
        return None
    head = head[: len(head) // 2 * 2]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    if odd >= 0.9 * half and even <= 0.01 * half:
        encoding = "utf-16-le"
    elif even >= 0.9 * half and odd <= 0.01 * half:
        encoding = "utf-16-be"
    else:
        return None
    try:
        head.decode(encoding)
    except UnicodeDecodeError:
        return None
    return encoding


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``bytes`` to text, or raise :class:`NotTextError` for binary data.

    >>> decode_bytes("Café".encode("utf-8")).encoding
    'utf-8'
    >>> decode_bytes("Le café est très bon, à côté de la gare.".encode("cp1252")).text
    'Le café est très bon, à côté de la gare.'
    """
    _refuse_binary(data)
    if data.startswith(b"\xef\xbb\xbf"):
        return Decoded(data[3:].decode("utf-8", errors="replace"), "utf-8-sig")
    if data.startswith(_UTF16_BOMS):
        return Decoded(data.decode("utf-16", errors="replace"), "utf-16")
    if b"\x00" in data[:8192] and (utf16 := _utf16_without_bom(data)) is not None:
        return Decoded(data.decode(utf16, errors="replace"), utf16)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared is not None:
        name = _declared_codec(declared.group(1).decode("ascii", "replace").lower())
        if name == _WINDOWS_1252:
            return Decoded(windows_1252(data), name)
        if name is not None:
            try:
                return Decoded(data.decode(name), name)
            except UnicodeDecodeError:
                pass
    mended = _mostly_utf8(data)
    if mended is not None:
        return Decoded(mended, "utf-8")
    from charset_normalizer import from_bytes

    encoding = _web_charset(from_bytes(data[:200_000]))
    if encoding in _LATIN:
        encoding = _latin_code_page(data, encoding)
    if encoding in _WESTERN:
        return Decoded(windows_1252(data), "cp1252")
    try:
        return Decoded(data.decode(encoding, errors="replace"), encoding)
    except LookupError:
        return Decoded(windows_1252(data), "cp1252")


def _declared_codec(label: str) -> str | None:
    """The codec to read a page in that declares charset ``label``, as browsers read it
    (``_READ_AS``); None for a label that names no web charset: a text codec that is no
    charset ("unicode_escape" rewrites ``\\u0041``), UTF-16 in a meta tag (WHATWG reads it
    as UTF-8), an unknown label.

    >>> _declared_codec("iso-8859-1"), _declared_codec("windows-1251"), _declared_codec("gb2312")
    ('windows-1252', 'cp1251', 'gb18030')
    >>> _declared_codec("unicode_escape"), _declared_codec("utf-16"), _declared_codec("bogus")
    (None, None, None)
    """
    try:
        name = codecs.lookup(_LABELS.get(label, label)).name.replace("-", "_")
    except LookupError:
        return None
    name = _READ_AS.get(name, name)
    return name if name == _WINDOWS_1252 or name in _WEB_CHARSETS else None


def windows_1252(data: bytes) -> str:
    """``data`` read as windows-1252 the way browsers read it (every byte is a character).

    >>> windows_1252("“Fine” – 5 €".encode("cp1252"))
    '“Fine” – 5 €'
    >>> windows_1252(b"\\x81")  # (undefined in windows-1252: a C1 control, as in Latin-1)
    '\\x81'
    """
    return c1_as_windows_1252(data.decode("latin_1"))


def c1_as_windows_1252(text: str) -> str:
    """``text`` with its C1 controls (U+0080-U+009F) read as the windows-1252 characters of
    the same byte: a page decoded as Latin-1 carries its curly quotes, dashes and euro signs
    so, and an HTML parser would drop them as controls.

    >>> c1_as_windows_1252("The council\\x92s plan \\x96 \\x93final\\x94")
    'The council’s plan – “final”'
    """
    if _C1.search(text) is None:
        return text
    return text.translate(_C1_AS_WINDOWS_1252)


def _latin_code_page(data: bytes, guess: str) -> str:
    """Of windows-1252, windows-1250, ISO-8859-2 and the detector's ``guess`` (a Latin code
    page), the one whose reading of ``data`` has the most common words of some language
    (the language profiles' 300 each) in its words with a non-ASCII letter, less the
    control characters and signs inside words ("by³") it shows; windows-1252 on a tie.
    On little text a detector confuses these: it took French and Italian for windows-1250
    or -1258 ("très" read "trčs"), Czech for ISO-8859-2; and forcing every Latin guess to
    windows-1252, as this did before, garbled all Czech and Polish ("před" read "pøed").

    >>> _latin_code_page("Rada města schválila rozpočet, řekl starosta.".encode("cp1250"), "cp1252")
    'cp1250'
    >>> _latin_code_page("Le conseil a voté très tard, après le débat.".encode("cp1252"), "cp1250")
    'cp1252'
    """
    known, alphabets = _profile_words_and_letters()
    sample = data[:_SCORED_BYTES]
    best, best_score = "cp1252", (-1 << 62, 0.0)
    for name in dict.fromkeys(("cp1252", "cp1250", "iso8859_2", guess)):
        try:
            text = windows_1252(sample) if name == "cp1252" else sample.decode(name, "replace")
        except LookupError:
            continue
        # (a word without a non-ASCII letter reads the same in all of them)
        words = _NON_ASCII_WORD.findall(text.lower())
        letters = Counter(c for w in words for c in w if not c.isascii() and c.isalpha())
        total = sum(letters.values())
        # then, on a tie (few common words: short text), the share of its letters that one
        # language writes: "Mìstská" mixes Italian's "ì" with Czech's "ý".
        in_one_alphabet = (
            max(sum(letters[c] for c in abc) / total for abc in alphabets) if total else 1.0
        )
        score = (
            sum(w in known for w in words) - len(_NOT_A_LETTER_HERE.findall(text)),
            in_one_alphabet,
        )
        if score > best_score:
            best, best_score = name, score
    return best


@lru_cache(maxsize=1)
def _profile_words_and_letters() -> tuple[Mapping[str, object], tuple[frozenset[str], ...]]:
    """The language profiles' words, and each language's non-ASCII letters in them."""
    from ._language import _word_index

    languages, index = _word_index()
    letters: list[set[str]] = [set() for _ in languages]
    for word, entries in index.items():
        for slot, _ in entries:
            letters[slot].update(c for c in word if not c.isascii())
    return index, tuple(frozenset(abc) for abc in letters)


def _web_charset(matches: Iterable[CharsetMatch]) -> str:
    """The detector's first guess, or the first web charset (``_WEB_CHARSETS``) it ranks
    within ``_CHAOS_MARGIN`` of it; windows-1252 when it has no guess."""
    ranked = list(matches)
    if not ranked:
        return "cp1252"
    first = ranked[0]
    return next(
        (
            m.encoding
            for m in ranked
            if m.encoding in _WEB_CHARSETS and m.chaos <= first.chaos + _CHAOS_MARGIN
        ),
        first.encoding,
    )


def _mostly_utf8(data: bytes) -> str | None:
    """``data`` read as UTF-8 with its few bad bytes replaced, when it is UTF-8 with a flaw.

    A page cut inside its last character, or with one stray byte, is still UTF-8; a
    charset detector, asked instead, can pick a code page that garbles every other
    non-ASCII character. Another charset's text rarely forms valid multi-byte sequences,
    so valid characters outnumbering the flaws two to one is evidence enough.

    >>> _mostly_utf8("Le débat a duré trois heures: Ж".encode()[:-1])
    'Le débat a duré trois heures: \ufffd'
    >>> _mostly_utf8("Le débat a duré trois heures.".encode("cp1252")) is None
    True
    """
    text = data.decode("utf-8", errors="replace")
    flaws = text.count("\ufffd") - data.count("\ufffd".encode())
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    valid = non_ascii - text.count("\ufffd")
    return text if valid >= 2 * flaws else None


def looks_like_html(text: str) -> bool:
    """True for a page's markup (a doctype or ``<html>`` start, or dense tags).

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("Prices rose 3% <in> some <cases>.")
    False
    >>> looks_like_html("HTTP/1.1 200 OK\\nContent-Type: text/html\\n\\n<!doctype html><p>Hi</p></html>")
    True
    """
    if _HTML_START.match(text[:2000]):
        return True
    later = _HTML_START_LATER.search(text, 0, 4000)
    if (
        later is not None
        and text.count("\n", 0, later.start()) <= _PREFIX_LINES
        and "<" not in _LINK_HEADER.sub("", text[: later.start()])
        and text.rstrip().endswith(">")
        and all(map(_PREFIX_LINE.fullmatch, text[: later.start()].splitlines()))
    ):
        return True
    head = text[:5000]
    return len(_HTML_TAGS.findall(head)) >= 5 and head.lstrip().startswith("<")
