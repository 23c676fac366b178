"""The one frozen object that holds every setting of a :func:`newsclean.clean` call."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ._rules import Rule, RuleSet, builtin_rules, load_phrase_file


def _as_patterns(value: object) -> tuple[tuple[str, str], ...]:
    if isinstance(value, Mapping):
        return tuple((str(k), str(v)) for k, v in value.items())
    out: list[tuple[str, str]] = []
    for item in value:  # type: ignore[attr-defined]
        rid, pattern = item
        out.append((str(rid), str(pattern)))
    return tuple(out)


@dataclass(frozen=True)
class Options:
    """Settings for :func:`newsclean.clean`; frozen, hashable, safe to share across threads.

    ``disable``
        rule ids to switch off; a prefix switches off a family
        (``"en.share_widget"``, ``"zh"``, ``"metadata.title"``).
    ``patterns``
        your own line rules: ``{"mysite.promo": r"Subscribe to MySite.*"}``. Each
        regex must match a whole line (case-insensitive) and removes it under its id.
    ``rule_files``
        paths of your own rule files: a JSON rule file in the package's format,
        or a plain list of phrases, one a line (each removes a whole line).
    ``main_content``
        find the article's stretch in full-page dumps (mostly clean text is left
        whole); ``False`` skips the stage.
    ``unglue``
        put back whitespace lost between words ("withUkraine").
    ``metadata``
        read title, date, author and source (and take the header lines out of the body).
    ``detect_language``
        fill ``Document.language`` from the body (``language_detector``, on a bounded
        sample); when the body cannot tell (empty, too short), an HTML page's declared
        ``<html lang>`` stands in.
    ``language``
        a known language code: skips detection and guides the language-aware stages.
    ``language_detector``
        ``"fast"`` (script plus frequent words, the default) or ``"langdetect"``
        (seeded); docs/benchmarks.md compares their speed and accuracy.

    >>> opts = Options(disable=["en.read_more"], patterns={"mysite.promo": r"buy .* now!?"})
    >>> opts.disable
    frozenset({'en.read_more'})
    >>> "mysite.promo" in {r.id for r in opts.ruleset.rules}
    True
    """

    disable: frozenset[str] = frozenset()
    patterns: tuple[tuple[str, str], ...] = ()
    rule_files: tuple[str, ...] = ()
    main_content: bool = True
    unglue: bool = True
    metadata: bool = True
    detect_language: bool = True
    language: str | None = None
    language_detector: Literal["fast", "langdetect"] = "fast"
    ruleset: RuleSet = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        # Normalise user-friendly inputs (lists, dicts, Paths) to hashable ones.
        set_ = object.__setattr__
        if isinstance(self.disable, str):
            set_(self, "disable", frozenset({self.disable}))
        else:
            set_(self, "disable", frozenset(self.disable))
        set_(self, "patterns", _as_patterns(self.patterns))
        files: Iterable[str | Path] = (
            (self.rule_files,) if isinstance(self.rule_files, (str, Path)) else self.rule_files
        )
        set_(self, "rule_files", tuple(str(p) for p in files))
        if self.language_detector not in ("fast", "langdetect"):
            raise ValueError(
                f"language_detector must be 'fast' or 'langdetect', not {self.language_detector!r}"
            )
        rules: list[Rule] = list(builtin_rules())
        for path in self.rule_files:
            rules.extend(load_phrase_file(path))
        rules.extend(
            Rule(rid, "line", (pat,), description="user pattern") for rid, pat in self.patterns
        )
        set_(self, "ruleset", RuleSet.build(rules, self.disable))

    def is_enabled(self, rule_id: str) -> bool:
        """False when ``rule_id`` or one of its prefixes is in ``disable``.

        >>> Options(disable={"metadata.title"}).is_enabled("metadata.title_repeat")
        True
        >>> Options(disable={"metadata"}).is_enabled("metadata.title")
        False
        """
        return not any(rule_id == d or rule_id.startswith(d + ".") for d in self.disable)


DEFAULT_OPTIONS = Options()  # immutable; built once so a plain clean(text) compiles nothing
