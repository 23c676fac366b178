"""Stage 1, normalise: repair broken characters and settle whitespace.

Each fixer is a small rewrite of the text. Character fixes that change visible
text (mojibake, HTML entities, the modifier-letter apostrophe, invisible
characters) come back as :class:`~newsclean.Repair` records; whitespace changes
(NBSP to space, runs of spaces, blank-line runs, ``\\r\\n``) are only kept in
the offset map, since they never change a word.

ftfy is the expensive part (tens of microseconds per line), so it only sees
the lines that carry a sign of trouble: a UTF-8 lead byte read as Latin-1 or
cp1252, a C1 control, an HTML entity, or text that is not in NFC.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import ftfy
import regex

from ._offsets import Edit, EditList, OffsetMap, rewrite

# ftfy with the fixes that suit scraped text: curly quotes, full-width CJK
# punctuation and line breaks are left alone (we never change what is right).
_FTFY = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_character_width=False,
    fix_line_breaks=False,
    explain=True,
)

# A UTF-8 lead byte decoded as Latin-1/cp1252 followed by a continuation byte,
# C1 controls, and HTML character references: the only things ftfy is asked about.
# (code point ranges, first and last)
_LATIN1_LEADS = ((0xC2, 0xF4),)
_CP1252_CONTINUATIONS = (
    *((0x80, 0xBF), (0x152, 0x153), (0x160, 0x161), (0x178, 0x178), (0x17D, 0x17E)),
    *((0x192, 0x192), (0x2C6, 0x2C6), (0x2DC, 0x2DC), (0x2013, 0x2014), (0x2018, 0x201E)),
    *((0x2020, 0x2022), (0x2026, 0x2026), (0x2030, 0x2030), (0x2039, 0x203A)),
    *((0x20AC, 0x20AC), (0x2122, 0x2122)),
)
_C1_CONTROLS = ((0x80, 0x9F),)


def _class(ranges: Sequence[tuple[int, int]]) -> str:
    return "[" + "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges) + "]"


def _utf8_class(ranges: Sequence[tuple[int, int]]) -> bytes:
    """A bytes pattern matching the UTF-8 form of any character in ``ranges``: each
    leading byte sequence with a class of the last bytes that may follow it.

    >>> utf8 = re.compile(_utf8_class([(0xE9, 0xEA), (0x2019, 0x2019)]))
    >>> [m.group().decode() for m in utf8.finditer("l’été".encode())]
    ['’', 'é', 'é']
    """
    lasts: dict[bytes, list[int]] = {}
    for a, b in ranges:
        for cp in range(a, b + 1):
            enc = chr(cp).encode("utf-8")
            lasts.setdefault(enc[:-1], []).append(enc[-1])
    alts = [
        re.escape(lead) + b"[" + b"".join(b"\\x%02x" % x for x in ends) + b"]"
        for lead, ends in lasts.items()
    ]
    return alts[0] if len(alts) == 1 else b"(?:" + b"|".join(alts) + b")"


_SUSPECTS = (
    _class(_LATIN1_LEADS) + _class(_CP1252_CONTINUATIONS),
    _class(_C1_CONTROLS),
    r"&(?:[A-Za-z][A-Za-z0-9]{1,30}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});",
)
_SUSPECT_LINE = regex.compile("|".join(_SUSPECTS))
# (every line break ``_CHARS`` knows, so that a second run, seeing them as "\n", judges the same
# lines; but U+0085, which is cp1252's "…" read as Latin-1: ftfy is asked to repair it)
_LINE = regex.compile(r"[^\n\r\u2028\u2029\x0b\x0c]+")
# UTF-16 code units left in a str (no text can be encoded with them): a pair becomes its
# character, a lone one U+FFFD (``_from_surrogates``)
_SURROGATE = r"[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]"
_SURROGATES = regex.compile(_SURROGATE)
# Word and space runs: ftfy's repairs on a line are recorded word by word (see _split_edit).
_SPACE_SPLIT = re.compile(r"(\s+)")
# The same test for a whole page at once. The two character pairs are looked for in the
# page's UTF-8 form, where each starts with a fixed byte (a search at memchr speed, ~4x
# faster than the stdlib engine's scan of a class; UTF-8 being self-synchronising, the
# bytes of a character are found only where that character is).
_SUSPECT_UTF8 = (
    re.compile(_utf8_class(_LATIN1_LEADS) + _utf8_class(_CP1252_CONTINUATIONS)),
    re.compile(_utf8_class(_C1_CONTROLS)),
)
_ENTITY = re.compile(_SUSPECTS[2])


def _suspect_anywhere(text: str) -> bool:
    """Does any line of ``text`` hold what ``_SUSPECT_LINE`` looks for?

    >>> _suspect_anywhere("Korea\u00e2\u20ac\u2122s"), _suspect_anywhere("“Cafe” — 5 €")
    (True, False)
    """
    if _ENTITY.search(text) is not None:
        return True
    if text.isascii():
        return False
    utf8 = text.encode("utf-8", "surrogatepass")
    return any(p.search(utf8) is not None for p in _SUSPECT_UTF8)


# Characters handled by one combined pass; the group name is the rule.
_CHARS = regex.compile(
    r"(?P<newline>\r\n?|[\u2028\u2029\x0b\x0c\x85])"
    # a single plain space is already right: only runs and other spaces are rewritten
    r"|(?P<space>(?:[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]| (?=[\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]))"
    r"[\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]*)"
    r"|(?P<invisible>[\u200b\u2060\ufeff\u00ad\u180e]+)"
    r"|(?P<control>[\x00-\x08\x0e-\x1f\x7f]+)"
    # (letters on both sides once invisible and control characters are gone, as a second
    # run sees it)
    r"|(?P<apostrophe>(?<=\p{L}[\u200b\u2060\ufeff\u00ad\u180e\x00-\x08\x0e-\x1f\x7f]*)\u02bc"
    r"(?=[\u200b\u2060\ufeff\u00ad\u180e\x00-\x08\x0e-\x1f\x7f]*\p{L}))"
    rf"|(?P<surrogate>{_SURROGATE})"
)
# ``_CHARS`` on a text with no trigger but runs of plain spaces (most pages; inscriptis pads
# its columns): the same matches, found by a literal search about ten times faster.
_SPACE_RUNS = re.compile(r"(?P<space>  +)")
# Whitespace at line edges, and runs of blank lines (one blank line is a paragraph break).
_EDGES = regex.compile(
    r"(?P<lead>\A[ \n]+)|(?P<trail>[ \n]+\Z)"
    # only runs that need a change: a space at a line edge, or two or more blank lines
    r"|(?P<lines>(?<![ \n])(?: +\n[ \n]*|\n(?=[ \n]*(?: |\n\n))[ \n]*))"
)


@dataclass(frozen=True, slots=True)
class CharRepair:
    """A visible character change at ``start:end`` of the input."""

    rule: str
    before: str
    after: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Normalized:
    """The normalised text, its map back to the input, and the visible repairs."""

    text: str
    offsets: OffsetMap
    repairs: tuple[CharRepair, ...]


def _ftfy_rule(explanation: Sequence[tuple[str, str]] | None) -> str:
    steps = {step for _, step in explanation or ()}
    kinds = {kind for kind, _ in explanation or ()}
    if kinds & {"encode", "decode", "transcode"} or steps & {
        "decode_inconsistent_utf8",
        "restore_byte_a0",
        "replace_lossy_sequences",
        "fix_c1_controls",
    }:
        return "normalize.mojibake"
    if "unescape_html" in steps:
        return "normalize.html_entity"
    return "normalize.unicode"


def fix_encoding(
    text: str, enabled: Callable[[str], bool] | None = None
) -> tuple[str, list[tuple[Edit, str, str, str]]]:
    """Run ftfy over the suspicious lines only; return the text and (edit, rule, old, new).
    A line whose repair's rule is not ``enabled`` is left as it is.

    >>> fix_encoding("Korea\u00e2\u20ac\u2122s")[0]
    'Korea’s'
    >>> fix_encoding("plain text")[1]
    []
    """
    if text.isascii() and "&" not in text:
        return text, []
    suspect = _suspect_anywhere(text)
    if not suspect and unicodedata.is_normalized("NFC", text):
        return text, []  # nothing for ftfy anywhere: skip the per-line pass

    rules: dict[int, str] = {}

    def fix_line(m: regex.Match[str]) -> str | None:
        line = m.group()
        if line.isascii() and "&" not in line:
            return None
        if _SUSPECT_LINE.search(line) is None and unicodedata.is_normalized("NFC", line):
            return None
        fixed, explanation = ftfy.fix_and_explain(line, _FTFY)
        if fixed == line:
            return None
        rule = _ftfy_rule(explanation)
        if enabled is not None and not enabled(rule):
            return None
        rules[m.start()] = rule
        return fixed

    new, edits = rewrite(text, _LINE, fix_line)
    out: list[tuple[Edit, str, str, str]] = []
    for edit, old, repl in edits:
        rule = rules[edit.start]
        out.extend((*piece, rule) for piece in _split_edit(edit, old, repl))
    return new, out


def _split_edit(edit: Edit, old: str, new: str) -> list[tuple[Edit, str, str]]:
    """One line's rewrite as one narrowed edit per changed word, when the words and the
    spaces between them line up (ftfy mends inside words); else one edit for the line.

    A single edit over two repairs would map every offset between them as if the
    characters before lined up, off by the length change of the first.

    >>> [(e.start, e.end, o, n) for e, o, n in _split_edit(Edit(0, 9, 0, 7), "aÃ© bÃ©", "aé bé")]
    [(1, 3, 'Ã©', 'é'), (5, 7, 'Ã©', 'é')]
    """
    old_parts = _SPACE_SPLIT.split(old)
    new_parts = _SPACE_SPLIT.split(new)
    if len(old_parts) != len(new_parts) or old_parts[1::2] != new_parts[1::2]:
        return [_narrow(edit, old, new)]
    out = []
    at, new_at = edit.start, edit.new_start
    for before, after in zip(old_parts, new_parts, strict=True):
        if before != after:
            piece = Edit(at, at + len(before), new_at, new_at + len(after))
            out.append(_narrow(piece, before, after))
        at += len(before)
        new_at += len(after)
    return out


def _narrow(edit: Edit, old: str, new: str) -> tuple[Edit, str, str]:
    """Trim the common prefix and suffix so a repair covers only what changed."""
    p = 0
    limit = min(len(old), len(new))
    while p < limit and old[p] == new[p]:
        p += 1
    s = 0
    while s < limit - p and old[-1 - s] == new[-1 - s]:
        s += 1
    narrowed = Edit(edit.start + p, edit.end - s, edit.new_start + p, edit.new_end - s)
    return narrowed, old[p : len(old) - s], new[p : len(new) - s]


# What each ``_CHARS`` group becomes (never the matched text itself: every match is an edit);
# ``None``: see ``_from_surrogates``.
_CHAR_REPLACEMENT: dict[str, str | None] = {
    "newline": "\n",
    "space": " ",
    "apostrophe": "\u2019",
    "invisible": "",
    "control": "",
    "surrogate": None,
}


def _from_surrogates(units: str) -> str:
    """The character a surrogate pair stands for; U+FFFD for a lone surrogate.

    >>> _from_surrogates("\\ud83d\\ude00"), _from_surrogates("\\udc80")
    ('😀', '�')
    """
    if len(units) == 2:
        return units.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
    return "\ufffd"


def without_surrogates(text: str) -> str:
    """``text`` with its UTF-16 surrogates made characters (``_from_surrogates``): for a
    parser that cannot take them (lxml stops reading the page at the first one).

    >>> without_surrogates("caf\\u00e9 \\ud83d\\ude00 \\udc80")
    'café 😀 �'
    """
    if _has_surrogates(text):
        return _SURROGATES.sub(lambda m: _from_surrogates(m[0]), text)
    return text


def _has_surrogates(text: str) -> bool:
    # (a surrogate is what UTF-8 cannot encode: one C pass, no regex scan)
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _fix_chars(
    text: str,
    pattern: regex.Pattern[str] | re.Pattern[str] = _CHARS,
    keep: frozenset[str] = frozenset(),
) -> tuple[str, list[tuple[Edit, str, str]], list[str]]:
    """The ``_CHARS`` rewrite: the new text, the edits (with old and new strings) and
    each edit's group.  ``pattern`` is ``_SPACE_RUNS`` for a text whose only trigger is
    a run of plain spaces (the same matches).

    As ``rewrite`` with a replacement per group, inlined: an inscriptis page has hundreds
    of padding runs, and a Python callback per match cost more than the scan.

    >>> new, edits, kinds = _fix_chars("a\u00a0b\u200bc  d")
    >>> new, kinds
    ('a bc d', ['space', 'invisible', 'space'])
    >>> edits[1]
    (Edit(start=3, end=4, new_start=3, new_end=3), '\\u200b', '')
    """
    pieces: list[str] = []
    edits: list[tuple[Edit, str, str]] = []
    kinds: list[str] = []
    replacement = _CHAR_REPLACEMENT
    last = new_len = 0
    for m in pattern.finditer(text):
        kind = m.lastgroup or ""
        if kind in keep:  # (its rule is switched off)
            continue
        repl = replacement[kind]
        s, e = m.span()
        old = text[s:e]
        if repl is None:
            repl = _from_surrogates(old)
        if repl == old:
            continue
        pieces.append(text[last:s])
        new_len += s - last
        edits.append((Edit(s, e, new_len, new_len + len(repl)), old, repl))
        kinds.append(kind)
        pieces.append(repl)
        new_len += len(repl)
        last = e
    if not edits:
        return text, [], []
    pieces.append(text[last:])
    return "".join(pieces), edits, kinds


_VISIBLE = {
    "apostrophe": "normalize.modifier_apostrophe",
    "invisible": "normalize.invisible",
    "control": "normalize.control",
    "surrogate": "normalize.surrogate",
}


# The regex scans cost about a millisecond per page; substring tests (memchr speed)
# say when they cannot match, which is most pages.
_CHAR_TRIGGERS = (
    "\r\u2028\u2029\x0b\x0c\x85\t\u00a0\u1680\u202f\u205f\u3000\u200b\u2060\ufeff\u00ad\u180e\u02bc"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "".join(map(chr, [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F]))
)


def _chars_pattern(text: str) -> regex.Pattern[str] | re.Pattern[str] | None:
    """What ``_fix_chars`` needs to scan ``text`` with: ``None`` when nothing can match,
    ``_SPACE_RUNS`` when a run of plain spaces is the only thing that can."""
    # One substring search per trigger beats hashing every character of the page.
    if any(c in text for c in _CHAR_TRIGGERS):
        return _CHARS
    if _has_surrogates(text):
        return _CHARS
    return _SPACE_RUNS if "  " in text else None


# A line break with a space before or after it, or starting a run of three ("\n\n\n"): one
# scan that jumps from line break to line break (three substring searches cost ~6x more:
# spaces are everywhere)
_UNSETTLED_BREAK = re.compile(r"\n(?:(?<= \n)| |\n\n)")


def _settle_edges(text: str) -> tuple[str, list[Edit]]:
    """``text`` with its whitespace at line edges and runs of blank lines settled (the
    ``_EDGES`` rewrite), and the edits.

    When only the text's two ends need it (no space at a line edge inside, no run of
    blank lines), they are stripped without the regex visiting every newline.

    >>> _settle_edges("\\nab\\ncd\\n \\n")
    ('ab\\ncd', [Edit(start=0, end=1, new_start=0, new_end=0), Edit(start=6, end=9, new_start=5, new_end=5)])
    >>> _settle_edges("ab \\n\\n\\n\\ncd")[0]
    'ab\\n\\ncd'
    """
    if _UNSETTLED_BREAK.search(text) is not None:
        return _rewrite_edges(text)
    lead = len(text) - len(text.lstrip(" \n"))
    if lead == len(text):
        return "", [Edit(0, lead, 0, 0)] if lead else []
    trail = len(text) - len(text.rstrip(" \n"))
    out: list[Edit] = []
    if lead:
        out.append(Edit(0, lead, 0, 0))
    if trail:
        end = len(text) - trail
        out.append(Edit(end, len(text), end - lead, end - lead))
    return text[lead : len(text) - trail], out


# A run of spaces and line breaks holding a line break: in a text that starts and ends in
# neither, the ``lines`` matches of ``_EDGES`` are such runs (see ``_rewrite_edges``).
_BREAK_RUN = re.compile(r"(?<![ \n]) *\n[ \n]*")  # (a run starts after neither: linear)


def _rewrite_edges(text: str) -> tuple[str, list[Edit]]:
    """The ``_EDGES`` rewrite: whitespace at the text's ends goes, a run of blank lines
    becomes one blank line, a line break with spaces around it a bare one.

    The same matches as ``rewrite(text, _EDGES, ...)``, found without trying the
    pattern's three alternatives at every space of the page: the ends by ``strip``, the
    rest among the runs of spaces and line breaks holding a line break (a run holding
    none never matches; one ``"\\n"`` or ``"\\n\\n"`` alone is already right).

    >>> _rewrite_edges(" a \\n b\\n\\n\\n\\nc ")
    ('a\\nb\\n\\nc', [Edit(start=0, end=1, new_start=0, new_end=0), Edit(start=2, end=5, new_start=1, new_end=2), Edit(start=6, end=10, new_start=3, new_end=5), Edit(start=11, end=12, new_start=6, new_end=6)])
    """
    n = len(text)
    lead = n - len(text.lstrip(" \n"))
    if lead == n:
        return "", [Edit(0, n, 0, 0)] if n else []
    trail = len(text.rstrip(" \n"))  # where the whitespace at the end starts
    pieces: list[str] = []
    edits: list[Edit] = []
    if lead:
        edits.append(Edit(0, lead, 0, 0))
    last, new_len = lead, 0
    for m in _BREAK_RUN.finditer(text, lead, trail):
        s, e = m.span()
        old = text[s:e]
        repl = "\n\n" if old.count("\n") > 1 else "\n"
        if repl == old:
            continue
        pieces.append(text[last:s])
        new_len += s - last
        edits.append(Edit(s, e, new_len, new_len + len(repl)))
        pieces.append(repl)
        new_len += len(repl)
        last = e
    pieces.append(text[last:trail])
    if trail < n:
        new_len += trail - last
        edits.append(Edit(trail, n, new_len, new_len))
    if not edits:
        return text, []
    return "".join(pieces), edits


def normalize(text: str, enabled: Callable[[str], bool] | None = None) -> Normalized:
    """Repair characters and settle whitespace, keeping a map back to ``text``.

    ``enabled`` says which repair rules may run (``Options.is_enabled``): a repair whose
    rule is off is not made, as it would not be recorded. Whitespace is always settled.

    >>> n = normalize("  South\u00a0Korea\u02bcs  ministry \\r\\n\\r\\n\\r\\nSeoul ")
    >>> n.text
    'South Korea’s ministry\\n\\nSeoul'
    >>> [(r.rule, r.before, r.after, r.start) for r in n.repairs]
    [('normalize.modifier_apostrophe', 'ʼ', '’', 13)]
    """
    offsets = OffsetMap()
    repairs: list[CharRepair] = []

    fixed, enc_edits = fix_encoding(text, enabled)
    offsets = offsets.then(EditList.of(e for e, _, _, _ in enc_edits))
    for edit, old, new, rule in enc_edits:
        repairs.append(CharRepair(rule, old, new, edit.start, edit.end))

    pattern = _chars_pattern(fixed)
    keep = frozenset(k for k, rule in _VISIBLE.items() if enabled is not None and not enabled(rule))
    chars, char_edits, kinds = _fix_chars(fixed, pattern, keep) if pattern else (fixed, [], [])
    for (edit, old, replacement), kind in zip(char_edits, kinds, strict=True):
        char_rule = _VISIBLE.get(kind)
        if char_rule is not None:
            start = offsets.to_input(edit.start)
            end = offsets.to_input(edit.end, is_end=True)
            repairs.append(CharRepair(char_rule, old, replacement, start, end))
    offsets = offsets.then(EditList.of(e for e, _, _ in char_edits))
    if "invisible" in kinds or "control" in kinds:
        # a character gone from between two spaces leaves a run the pass above did not see
        chars, run_edits, _ = _fix_chars(chars, _SPACE_RUNS)
        offsets = offsets.then(EditList.of(e for e, _, _ in run_edits))

    settled, edge_edits = _settle_edges(chars)
    offsets = offsets.then(EditList.of(edge_edits))
    repairs.sort(key=lambda r: (r.start, r.end))
    return Normalized(settled, offsets, tuple(repairs))
