"""Map offsets in a rewritten text back to the text it was rewritten from.

Every stage that changes characters (rather than cutting whole spans) does so
through :func:`rewrite`, which returns the new text together with the list of
edits it made. An :class:`OffsetMap` chains those edit lists, so any offset in
the final, normalised text maps back to the caller's input; that is what makes
``Removal.start``/``end`` and ``Repair.start``/``end`` input offsets.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

import regex


class Edit(NamedTuple):
    """``old[start:end]`` was replaced by ``new[new_start:new_end]``.

    A named tuple, not a frozen dataclass: a page of padded text makes hundreds, and a
    tuple is built several times faster.
    """

    start: int
    end: int
    new_start: int
    new_end: int


@dataclass(frozen=True, slots=True)
class EditList:
    """The edits of one rewrite pass, sorted and non-overlapping."""

    edits: tuple[Edit, ...]
    new_starts: tuple[int, ...]

    @classmethod
    def of(cls, edits: Iterable[Edit]) -> EditList:
        ordered = tuple(edits)
        return cls(ordered, tuple(e.new_start for e in ordered))

    def to_old(self, pos: int, *, is_end: bool = False) -> int:
        """Map an offset in the new text to the old text.

        A start offset maps past deleted characters, an end offset maps before them.

        >>> el = EditList.of([Edit(2, 4, 2, 3)])   # "abXYc" -> "abZc"
        >>> [el.to_old(p) for p in range(5)]
        [0, 1, 2, 4, 5]
        >>> el.to_old(3, is_end=True)
        4
        """
        if is_end:
            i = bisect_left(self.new_starts, pos) - 1
        else:
            i = bisect_right(self.new_starts, pos) - 1
        if i < 0:
            return pos
        e = self.edits[i]
        if pos < e.new_end or (is_end and pos == e.new_end):
            return e.start + min(pos - e.new_start, e.end - e.start) if pos < e.new_end else e.end
        return pos - e.new_end + e.end


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """A chain of rewrite passes, newest last."""

    passes: tuple[EditList, ...] = ()

    def then(self, edits: EditList) -> OffsetMap:
        if not edits.edits:
            return self
        return OffsetMap((*self.passes, edits))

    def to_input(self, pos: int, *, is_end: bool = False) -> int:
        for edits in reversed(self.passes):
            pos = edits.to_old(pos, is_end=is_end)
        return pos


def rewrite(
    text: str, pattern: regex.Pattern[str], replace: Callable[[regex.Match[str]], str | None]
) -> tuple[str, list[tuple[Edit, str, str]]]:
    """Replace each match of ``pattern`` by ``replace(match)`` (``None`` keeps it).

    Returns the new text and, per change, the edit with the old and new strings.

    >>> new, edits = rewrite("a  b", regex.compile(r" {2,}"), lambda m: " ")
    >>> new, [(e.start, e.end, old, repl) for e, old, repl in edits]
    ('a b', [(1, 3, '  ', ' ')])
    """
    pieces: list[str] = []
    edits: list[tuple[Edit, str, str]] = []
    last = 0
    new_len = 0
    for m in pattern.finditer(text):
        repl = replace(m)
        old = m.group()
        if repl is None or repl == old:
            continue
        s, e = m.span()
        pieces.append(text[last:s])
        new_len += s - last
        edits.append((Edit(s, e, new_len, new_len + len(repl)), old, repl))
        pieces.append(repl)
        new_len += len(repl)
        last = e
    if not edits:
        return text, []
    pieces.append(text[last:])
    return "".join(pieces), edits
