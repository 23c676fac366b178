"""The result types: :class:`Document`, :class:`Removal` and :class:`Repair`.

All three are frozen dataclasses. Offsets (``start``/``end``) always refer to the
text that was handed to :func:`newsclean.clean` (after decoding, for ``bytes``;
for HTML input, to the text extracted from the page), so a user can show the
cut spans on their own copy of the input.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Removal:
    """A span of the input that is not in the body, and why.

    >>> Removal("rules", "en.read_more", ">>> Read more <<<", 10, 27).rule
    'en.read_more'
    """

    stage: str
    rule: str
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Repair:
    """A change made in place: ``before`` at ``start:end`` of the input became ``after``.

    >>> Repair("normalize", "normalize.modifier_apostrophe", "\u02bc", "\u2019", 5, 6).after
    '’'
    """

    stage: str
    rule: str
    before: str
    after: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Document:
    """A cleaned article: body, metadata and the audit trail of what was cut or mended.

    >>> doc = Document(body="Hello world.", language="en")
    >>> doc.to_dict()["body"]
    'Hello world.'
    """

    body: str = ""
    title: str | None = None
    subtitle: str | None = None
    date: str | None = None
    author: str | None = None
    source: str | None = None
    language: str | None = None
    url: str | None = None
    removed: tuple[Removal, ...] = ()
    repairs: tuple[Repair, ...] = ()
    error: str | None = field(default=None)

    def to_dict(self, *, audit: bool = True) -> dict[str, Any]:
        """A JSON-ready dict; ``audit=False`` leaves out ``removed`` and ``repairs``."""
        out: dict[str, Any] = {
            "body": self.body,
            "title": self.title,
            "subtitle": self.subtitle,
            "date": self.date,
            "author": self.author,
            "source": self.source,
            "language": self.language,
            "url": self.url,
        }
        if audit:
            out["removed"] = [r.to_dict() for r in self.removed]
            out["repairs"] = [r.to_dict() for r in self.repairs]
        if self.error is not None:
            out["error"] = self.error
        return out
