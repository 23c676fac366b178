"""Stage 3, boilerplate rules: phrase lists and shapes, loaded from data files.

Rules live in ``newsclean/rules/<lang>.json`` (``xx`` holds the language-free
shapes). Every rule has an id (``en.read_more``) that appears in
``Removal.rule`` and in ``docs/rules.md``. Patterns are case-insensitive
regular expressions; the kind says how they are used:

``line``
    the pattern matches the whole line: the line goes.
``prefix`` / ``suffix``
    the pattern matches at the start / end of a line: that part goes.
``block``
    a line matching a ``start`` pattern opens a run that goes on while lines
    match a ``start`` or ``member`` pattern (searched anywhere in the line);
    the whole run goes as one removal (cookie banners, comment forms).

A ``line`` pattern may name a group ``source``: what it captures becomes the
document's source (``Last news in Fakti`` gives ``Fakti``).

Rules of every language run on every text: scrapers mix them (an English
article with a Chinese comment form), and the patterns are anchored to whole
lines, so a foreign phrase list costs nothing on a text it does not fit.
"""

from __future__ import annotations

import json
import string
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from itertools import compress, pairwise, repeat
from operator import itemgetter, ne
from pathlib import Path

import regex

from ._phrases import alternation
from ._segment import Line

RULE_KINDS = ("line", "prefix", "suffix", "block")
# VERSION0: VERSION1 with IGNORECASE turns on full case folding, which made the
# combined line patterns ~30x slower. What it bought: "SCHLIESSEN" matching a
# "schließen" pattern (no shipped pattern has a ß; a user pattern that does should
# spell the "ss" form too); no dev line changed.
_FLAGS = regex.IGNORECASE | regex.VERSION0 | regex.UNICODE
# the second characters of the line openings the line rules are indexed by (after an
# ASCII letter): words in lower case, and one-letter words
_OPENING_SECOND = string.ascii_lowercase + " "


class RuleError(ValueError):
    """A rule file or a user pattern is malformed."""


# \1, \g<1>, (?(1)...), (?1), (?+1), (?R), (?&name), (?P>name), after an even run of
# backslashes (an escaped backslash does not start one)
_NUMBERED_REFERENCE = regex.compile(
    r"(?<!\\)(?:\\\\)*(?:\\[1-9]|\\g<\d+>)|\(\?(?:\(\d+\)|[+-]?\d+\)|R\)|&|P>)"
)


@dataclass(frozen=True, slots=True)
class Rule:
    """One boilerplate rule as written in a rule file (or given by the user)."""

    id: str
    kind: str
    patterns: tuple[str, ...] = ()
    member: tuple[str, ...] = ()
    description: str = ""
    example: str = ""
    language: str = "xx"

    def __post_init__(self) -> None:
        if self.kind not in RULE_KINDS:
            raise RuleError(
                f"rule {self.id!r}: kind must be one of {RULE_KINDS}, not {self.kind!r}"
            )
        if not self.patterns:
            raise RuleError(f"rule {self.id!r} has no patterns")
        for p in (*self.patterns, *self.member):
            try:
                compiled = regex.compile(p, _FLAGS)
            except (
                regex.error,
                ValueError,
            ) as exc:  # (a flag clash such as "(?V1)" is a ValueError)
                raise RuleError(f"rule {self.id!r}: bad pattern {p!r}: {exc}") from None
            # A rule set joins its rules' patterns into one: a group number or a
            # recursion would point at another rule's part, and "(?r)" would turn the
            # whole joined pattern around.
            if compiled.flags & regex.REVERSE:
                raise RuleError(f"rule {self.id!r}: pattern {p!r}: (?r) is not supported")
            if _NUMBERED_REFERENCE.search(p):
                raise RuleError(
                    f"rule {self.id!r}: pattern {p!r}: refer to a named group"
                    " ((?P<name>...) and (?P=name)), not a group number or a recursion"
                )


@dataclass(frozen=True, slots=True)
class Cut:
    """A span of the normalised text taken out by a stage, and the rule that did it."""

    start: int
    end: int
    rule: str


_TEXT = itemgetter(2)  # Line.text, Line.start, Line.end without a Python call per line
_START = itemgetter(0)
_END = itemgetter(1)


class _InPlace:
    """The verdict on a line judged in place (equal only to itself)."""


_IN_PLACE = _InPlace()
_Verdict = tuple[str, str | None] | None | _InPlace


@dataclass(frozen=True, slots=True)
class _Compiled:
    rule: Rule
    single: regex.Pattern[str]  # the rule's own anchored pattern
    member: regex.Pattern[str] | None
    # (line rules) ASCII characters that no line the rule matches ends in
    cannot_end: frozenset[str] = frozenset()


# A reference to a group or a lookaround: matched backwards, the reference comes before the
# group it names (and fails), so a pattern holding one is not read backwards (nor, to be
# safe, one with a lookaround).
_NOT_BACKWARDS = regex.compile(r"\(\?P=|\\g<|\(\?\(|\(\?<?[=!]")


def _cannot_end(rule: Rule, single: regex.Pattern[str]) -> frozenset[str]:
    """The ASCII characters that no line matched by a ``line`` rule ends in: matched
    backwards, a one-character string is a partial match exactly when some line ending
    with that character may match (most lines end in ".", which few rules can).

    >>> ends = _cannot_end(Rule("r", "line", ("ab?c",)), regex.compile("^(?:ab?c)$", _FLAGS))
    >>> "c" in ends, "C" in ends, "." in ends
    (False, False, True)
    """
    if rule.kind != "line" or _NOT_BACKWARDS.search(single.pattern) is not None:
        return frozenset()
    return frozenset(_ASCII) - _may_end_in(regex.compile(single.pattern, _FLAGS | regex.REVERSE))


_ASCII = tuple(map(chr, range(128)))


def _may_end_in(backwards: regex.Pattern[str]) -> frozenset[str]:
    """The ASCII characters a match of a pattern compiled with ``regex.REVERSE`` may end
    with: read backwards, a one-character string is a partial match exactly then."""
    return frozenset(c for c in _ASCII if backwards.match(c, partial=True) is not None)


def _rule_from_json(obj: dict[str, object], language: str, origin: str) -> Rule:
    try:
        kind = str(obj["kind"])
        rid = str(obj["id"])
        key = "start" if kind == "block" else "patterns"
        patterns = tuple(str(p) for p in obj[key])  # type: ignore[attr-defined]
        member = tuple(str(p) for p in obj.get("member", ()))  # type: ignore[attr-defined]
    except (KeyError, TypeError) as exc:
        raise RuleError(f"{origin}: malformed rule {obj!r}: {exc}") from None
    return Rule(
        rid,
        kind,
        patterns,
        member,
        str(obj.get("description", "")),
        str(obj.get("example", "")),
        language,
    )


def parse_rule_file(text: str, origin: str = "<rules>") -> tuple[Rule, ...]:
    """Parse a rule file in the package's JSON format.

    >>> parse_rule_file('{"language": "en", "rules": [{"id": "my.promo", "kind": "line",'
    ...                 ' "patterns": ["buy now"]}]}')[0].id
    'my.promo'
    """
    try:
        data = json.loads(text)
        language = str(data.get("language", "xx"))
        return tuple(_rule_from_json(r, language, origin) for r in data["rules"])
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise RuleError(f"{origin}: not a rule file: {exc}") from None


def builtin_rules() -> tuple[Rule, ...]:
    """Every rule shipped with newsclean, language-free shapes first.

    >>> any(r.id == "en.cookie_banner" for r in builtin_rules())
    True
    """
    folder = resources.files("newsclean").joinpath("rules")
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".json"))
    names.sort(key=lambda n: n != "xx.json")
    out: list[Rule] = []
    for name in names:
        out.extend(parse_rule_file(folder.joinpath(name).read_text("utf-8"), name))
    return tuple(out)


def load_phrase_file(path: str | Path) -> tuple[Rule, ...]:
    """Rules from a user file: a JSON rule file, or a plain list of phrases, one a line.

    A phrase list becomes one ``line`` rule with the id ``custom.<file stem>``
    (or the id given on a first line ``# id: ...``); lines starting with ``#``
    are comments. Each phrase matches a whole line, case-insensitively, and may
    end in trailing punctuation.
    """
    p = Path(path)
    text = p.read_text("utf-8")
    if p.suffix == ".json":
        return parse_rule_file(text, str(p))
    rid = f"custom.{p.stem}"
    phrases: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("# id:"):
            rid = line[5:].strip() or rid
        elif line and not line.startswith("#"):
            phrases.append(regex.escape(" ".join(line.split())) + r"[\s.!:…]*")
    if not phrases:
        return ()
    return (Rule(rid, "line", tuple(phrases), description=f"phrases from {p.name}"),)


def _anchor(kind: str, pattern: str) -> str:
    if kind == "line":
        return rf"^(?:{pattern})$"
    if kind == "prefix":
        return rf"^(?:{pattern})(?:\s+|$)"
    if kind == "suffix":
        return rf"(?:^|\s+)(?:{pattern})$"
    return pattern  # block start patterns are searched and anchor themselves


def _any_of(compiled: Sequence[_Compiled], flags: int = 0) -> regex.Pattern[str] | None:
    """One pattern that matches where any of the rules' own patterns does (a pre-filter)."""
    if not compiled:
        return None
    return regex.compile("|".join(f"(?:{c.single.pattern})" for c in compiled), _FLAGS | flags)


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Compiled rules, built once per :class:`~newsclean.Options` and immutable after."""

    rules: tuple[Rule, ...]
    _line: tuple[_Compiled, ...]
    _affix: tuple[_Compiled, ...]
    _block: tuple[_Compiled, ...]
    _line_any: regex.Pattern[str] | None
    # for each ASCII character, the line rules (in file order) that can match a line
    # starting with it
    _line_first: tuple[tuple[_Compiled, ...], ...]
    # the same for a line's first two characters, an ASCII letter and then a lower-case
    # one or a space (most lines open so: a word)
    # (derived from the rules, like the fields around it: left out of hash and equality,
    # as a mapping has no hash; a plain dict, never changed after build, as a
    # MappingProxyType cannot be pickled or deep-copied and Options must be)
    _line_opening: Mapping[str, tuple[_Compiled, ...]] = field(hash=False, compare=False)
    _prefix_any: regex.Pattern[str] | None
    _suffix_any: regex.Pattern[str] | None
    # for each ASCII character, whether a line ending in it may have a suffix to trim
    _suffix_last: tuple[bool, ...]
    _block_any: regex.Pattern[str] | None

    @classmethod
    def build(cls, rules: Iterable[Rule], disabled: Iterable[str] = ()) -> RuleSet:
        off = tuple(disabled)

        def enabled(rid: str) -> bool:
            return not any(rid == d or rid.startswith(d + ".") for d in off)

        kept = tuple(r for r in rules if enabled(r.id))
        compiled = []
        for r in kept:
            single = regex.compile("|".join(_anchor(r.kind, p) for p in r.patterns), _FLAGS)
            member = regex.compile("|".join(r.member), _FLAGS) if r.member else None
            compiled.append(_Compiled(r, single, member, _cannot_end(r, single)))
        line = tuple(c for c in compiled if c.rule.kind == "line")
        # One combined pattern answers "does any line rule match?" in a single call, for
        # a line starting with a character outside ASCII. (The regex module allows the
        # same group name in several alternatives.)
        line_any = _any_of(line)
        # The combined pattern tries its alternatives one by one on every line, most of
        # which cannot start with the line's first character. Partial matching tells
        # which can: a one-character string is a partial match of a rule's pattern
        # exactly when some line starting with that character may match it.
        line_first = tuple(
            tuple(c for c in line if c.single.match(chr(o), partial=True)) for o in range(128)
        )
        # One more character narrows them further (a third of the candidates that the
        # first leaves, on dev lines); lines opening otherwise fall back to the first.
        line_opening = {
            first + second: tuple(
                c for c in line_first[ord(first)] if c.single.match(first + second, partial=True)
            )
            for first in string.ascii_letters
            for second in _OPENING_SECOND
        }
        affix = tuple(c for c in compiled if c.rule.kind in ("prefix", "suffix"))
        block = tuple(c for c in compiled if c.rule.kind == "block")
        # Suffix patterns end in "$": searched backwards, a line that does not end in one
        # fails at once instead of being tried at every position (about 3x faster).
        # Backwards, a reference comes before the group it names and never matches: a rule
        # set holding such a suffix pattern (a user's) is searched forwards, every line.
        suffix = [c for c in affix if c.rule.kind == "suffix"]
        forwards = any(_NOT_BACKWARDS.search(c.single.pattern) is not None for c in suffix)
        suffix_any = _any_of(suffix, 0 if forwards else regex.REVERSE)
        prefix_any = _any_of([c for c in affix if c.rule.kind == "prefix"])
        # Matched backwards, a one-character string is a partial match exactly when some
        # line ending with that character may match (most lines end in none of them).
        ends = _may_end_in(suffix_any) if suffix_any is not None and not forwards else None
        suffix_last = tuple(suffix_any is not None and (ends is None or c in ends) for c in _ASCII)
        return cls(
            kept,
            line,
            affix,
            block,
            line_any,
            line_first,
            line_opening,
            prefix_any,
            suffix_any,
            suffix_last,
            _any_of(block),
        )

    def _verdict(self, text: str) -> _Verdict:
        """What the line rules make of a line with this text: ``None`` (kept), the rule
        and source that cut it, or ``_IN_PLACE`` when it may open a block or have a
        prefix or suffix to trim (judged in place, with its neighbours and offsets)."""
        if self._block_any is not None and self._block_any.search(text) is not None:
            return _IN_PLACE
        if (self._prefix_any is not None and self._prefix_any.search(text) is not None) or (
            self._may_end_in_suffix(text)
            and self._suffix_any is not None
            and self._suffix_any.search(text) is not None
        ):
            return _IN_PLACE
        return self._line_rule(text)

    def _may_end_in_suffix(self, text: str) -> bool:
        """False when no suffix rule can match at the end of ``text`` (told by its last
        character, when that is ASCII)."""
        last = text[-1:]
        return not last or not last.isascii() or self._suffix_last[ord(last)]

    def _line_rule(self, text: str) -> tuple[str, str | None] | None:
        """The first line rule (in file order) that matches the whole line, and the
        source it names, if any."""
        opening = self._line_opening.get(text[:2])
        if opening is not None:
            candidates = opening
        elif text and text[0].isascii():
            # each of the few rules that can start so, on its own: faster than the
            # combined pattern, which tries every rule's alternatives in turn
            candidates = self._line_first[ord(text[0])]
        elif self._line_any is None or self._line_any.search(text) is None:
            return None
        else:
            candidates = self._line
        last = text[-1:]
        for c in candidates:
            if last in c.cannot_end:  # (about half the candidates: a search saved)
                continue
            own = c.single.search(text)
            if own is None:
                continue
            if _REPORTED_SPEECH.search(text) is not None:
                return None  # a sentence that quotes a notice ("..., the newspaper said.")
            if "source" not in c.single.groupindex:
                return c.rule.id, None
            source = own.group("source")
            return c.rule.id, source.strip() if source else None
        return None


# A line that reports what someone said is the article's prose, whatever phrase it opens
# with ("Comments are moderated and will not appear until approved, the newspaper said."):
# a comma, at most a few words, a reporting verb, and the sentence ends soon after.
# Not after a breadcrumb's or a footer's sign ("Home › World › Fed holds, Powell says").
_REPORTED_SPEECH = regex.compile(
    rf"^[^›»>|/©]*?,\s+(?:[\w'’-]+\s+){{0,5}}(?:{alternation('reporting_verbs')})\b.{{0,80}}$",
    regex.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class RulesResult:
    kept: tuple[Line, ...]
    cuts: tuple[Cut, ...]
    sources: tuple[str, ...]


def apply_rules(lines: Sequence[Line], ruleset: RuleSet, text: str | None = None) -> RulesResult:
    """Remove boilerplate lines, runs of lines and line parts.

    With ``text`` (what the lines' offsets refer to), a run of lines cut by one line rule
    with only whitespace between them in ``text`` is one cut, as the audit trail records
    it (a menu's lines, or 100,000 copies of a junk line).

    >>> from newsclean._segment import segment_lines
    >>> from newsclean._rules import builtin_rules
    >>> rs = RuleSet.build(builtin_rules())
    >>> res = apply_rules(segment_lines("Real text.\\n\\n>>> Read more <<<\\n\\nViews: 0"), rs)
    >>> [ln.text for ln in res.kept], [c.rule for c in res.cuts]
    (['Real text.'], ['xx.read_more_arrows', 'en.counter'])
    >>> page = "Views: 0\\nViews: 0\\n\\nViews: 0"
    >>> [(c.start, c.end) for c in apply_rules(segment_lines(page), rs, page).cuts]
    [(0, 27)]
    """
    cuts: list[Cut] = []
    sources: list[str] = []
    kept: list[Line] = []
    # The verdict on a line that opens no block and has no prefix or suffix to trim
    # depends on its text alone: each distinct text is judged once, and a run of lines
    # with the same verdict is kept or cut in one step (no Python work per line).
    texts = list(map(_TEXT, lines))
    judged = {t: ruleset._verdict(t) for t in dict.fromkeys(texts)}
    verdicts = list(map(judged.__getitem__, texts))
    n = len(lines)
    # where a run of equal verdicts ends (a line to judge in place is a run of its own)
    ends = [*compress(range(1, n), map(ne, verdicts[1:], verdicts[:-1])), n]
    i = 0
    while i < n:
        verdict = verdicts[i]
        if isinstance(verdict, _InPlace):
            i = _judge_in_place(lines, i, ruleset, cuts, sources, kept)
            continue
        j = ends[bisect_left(ends, i + 1)]  # the end of the run holding line i
        if verdict is None:
            kept.extend(lines[i:j])
        else:
            rid, source = verdict
            cuts.extend(_line_cuts(lines[i:j], texts[i:j], rid, text))
            if source:
                sources.extend(repeat(source, j - i))
        i = j
    cuts.sort(key=lambda c: c.start)
    return RulesResult(tuple(kept), tuple(cuts), tuple(sources))


def _line_cuts(run: Sequence[Line], texts: Sequence[str], rid: str, text: str | None) -> list[Cut]:
    """Cuts of whole lines (``texts`` are theirs) by rule ``rid``; neighbours with only
    whitespace between them in ``text`` share one cut.

    >>> from newsclean._segment import segment_lines
    >>> page = "ad\\n\\nad|ad\\nad"
    >>> run = [ln for ln in segment_lines(page)]
    >>> run = [run[0], run[1].trimmed(4, 6), run[1].trimmed(7, 9), run[2]]
    >>> [(c.start, c.end) for c in _line_cuts(run, [ln.text for ln in run], "r", page)]
    [(0, 6), (7, 12)]
    """
    if text is None or len(run) == 1:
        return [Cut(ln.start, ln.end, rid) for ln in run]
    start, end = run[0].start, run[-1].end
    inside = "".join(texts)
    # Spaces and newlines (normalised text's only whitespace) counted in C: when the gaps
    # hold nothing else, the run is one cut.
    spaces = text.count(" ", start, end) + text.count("\n", start, end)
    if end - start - len(inside) == spaces - inside.count(" ") - inside.count("\n"):
        return [Cut(start, end, rid)]
    starts = list(map(_START, run))
    ends = list(map(_END, run))
    gaps = map(text.__getitem__, map(slice, ends[:-1], starts[1:]))
    # a gap holding more than whitespace (text an earlier stage cut) ends a cut
    breaks = [0, *compress(range(1, len(run)), map(str.strip, gaps)), len(run)]
    return [Cut(starts[a], ends[b - 1], rid) for a, b in pairwise(breaks)]


def _judge_in_place(
    lines: Sequence[Line],
    i: int,
    ruleset: RuleSet,
    cuts: list[Cut],
    sources: list[str],
    kept: list[Line],
) -> int:
    """Judge line ``i``, which may open a block or have a prefix or suffix to trim;
    returns the index of the next line to judge."""
    block = _match_block(lines, i, ruleset)
    if block is not None:
        j, rid = block
        cuts.append(Cut(lines[i].start, lines[j - 1].end, rid))
        return j
    rest = _trim_affixes(lines[i], ruleset, cuts)
    if rest is None:
        return i + 1
    hit = ruleset._line_rule(rest.text)
    if hit is None:
        kept.append(rest)
    else:
        cuts.append(Cut(rest.start, rest.end, hit[0]))
        if hit[1]:
            sources.append(hit[1])
    return i + 1


def _match_block(lines: Sequence[Line], i: int, ruleset: RuleSet) -> tuple[int, str] | None:
    text = lines[i].text
    if ruleset._block_any is None or ruleset._block_any.search(text) is None:
        return None
    for c in ruleset._block:
        if c.single.search(text) is None:
            continue
        j = i + 1
        while j < len(lines) and (
            c.single.search(lines[j].text) is not None
            or (c.member is not None and c.member.search(lines[j].text) is not None)
        ):
            j += 1
        return j, c.rule.id
    return None


def _trim_affixes(ln: Line, ruleset: RuleSet, cuts: list[Cut]) -> Line | None:
    if (ruleset._prefix_any is None or ruleset._prefix_any.search(ln.text) is None) and (
        ruleset._suffix_any is None or ruleset._suffix_any.search(ln.text) is None
    ):
        return ln
    for c in ruleset._affix:
        m = c.single.search(ln.text)
        if m is None:
            continue
        s, e = ln.start + m.start(), ln.start + m.end()
        cuts.append(Cut(s, e, c.rule.id))
        rest = ln.trimmed(ln.start, s) if c.rule.kind == "suffix" else ln.trimmed(e, ln.end)
        if not rest.text:
            return None
        ln = rest
    return ln
