"""The one frozen object that holds every setting of a :func:`newsclean.clean` call."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ._rules import Rule, RuleSet, builtin_rules, load_phrase_file
from ._stage_rules import STAGE_RULES

# A language tag: an ISO 639 code, then subtags ("en", "pt-BR", "zh_Hant"); BCP 47 writes the
# code in lower case.
_LANGUAGE_TAG = re.compile(r"([A-Za-z]{2,3})((?:[-_][A-Za-z0-9]{1,8})*)")


def _language_tag(value: str | None) -> str | None:
    """``value`` as a language tag with its language code in lower case; blank is none.

    >>> _language_tag(" EN "), _language_tag("pt-BR"), _language_tag("")
    ('en', 'pt-BR', None)
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"language must be a str such as 'en' or None, not {type(value).__name__}")
    if not value.strip():
        return None
    m = _LANGUAGE_TAG.fullmatch(value.strip())
    if m is None:
        raise ValueError(f"language must be a language code such as 'en' or 'pt-BR', not {value!r}")
    return m[1].lower() + m[2]


# Records of steps that always run: switching them off could only hide them.
_ALWAYS_ON = frozenset({"decode", "decode.charset"})


def _check_disable(disable: Iterable[str], rules: Iterable[Rule]) -> None:
    """Every id in ``disable`` names a rule or a family of rules (a prefix ending at a
    dot): a misspelt id would otherwise switch nothing off, silently."""
    fixed = [d for d in disable if d in _ALWAYS_ON]
    if fixed:
        raise ValueError(
            f"disable: {fixed[0]!r} cannot be switched off (bytes are always decoded, and the"
            " record says how)"
        )
    known = {r.id for r in rules} | {rid for rid, _, _ in STAGE_RULES}
    families = {rid.rsplit(".", k)[0] for rid in known for k in range(1, rid.count(".") + 1)}
    unknown = sorted(d for d in disable if d not in known and d not in families)
    if unknown:
        hint = difflib.get_close_matches(unknown[0], sorted(known | families), n=1)
        raise ValueError(
            f"disable: no rule has the id {unknown[0]!r}"
            + (f" (did you mean {hint[0]!r}?)" if hint else "")
            + "; rule ids are listed in docs/rules.md"
        )


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
        a language code (``"en"``, ``"pt-BR"``): skips detection and guides the
        language-aware stages (a code they have no word lists for is still returned).
    ``language_detector``
        ``"fast"`` (script plus frequent words, the default) or ``"langdetect"``
        (seeded); docs/benchmarks.md compares their speed and accuracy.

    >>> opts = Options(disable=["en.read_more"], patterns={"mysite.promo": r"buy .* now!?"})
    >>> opts.disable
    frozenset({'en.read_more'})
    >>> "mysite.promo" in {r.id for r in opts.ruleset.rules}
    True
    >>> Options(disable={"en.share_widgit"})
    Traceback (most recent call last):
    ...
    ValueError: disable: no rule has the id 'en.share_widgit' (did you mean 'en.share_widget'?); rule ids are listed in docs/rules.md
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
        set_(self, "language", _language_tag(self.language))
        for name in ("main_content", "unglue", "metadata", "detect_language"):
            if not isinstance(getattr(self, name), bool):  # ("no" would mean yes)
                raise TypeError(f"{name} must be True or False, not {getattr(self, name)!r}")
        builtins = builtin_rules()
        builtin_ids = {r.id for r in builtins}
        for rid, _ in self.patterns:
            if not rid.strip():
                raise ValueError("patterns: a rule id must not be empty")
            if rid in builtin_ids:  # (disable would switch both off, the audit trail mix them)
                raise ValueError(f"patterns: {rid!r} is the id of a built-in rule; choose another")
        if self.language_detector not in ("fast", "langdetect"):
            raise ValueError(
                f"language_detector must be 'fast' or 'langdetect', not {self.language_detector!r}"
            )
        rules: list[Rule] = list(builtins)
        for path in self.rule_files:
            rules.extend(load_phrase_file(path))
        rules.extend(
            Rule(rid, "line", (pat,), description="user pattern") for rid, pat in self.patterns
        )
        _check_disable(self.disable, rules)
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
