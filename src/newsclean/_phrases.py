"""Language-specific phrase lists of the main-content and metadata stages, from data.

``data/phrases.json`` holds the words and phrases that :mod:`newsclean._content` and
:mod:`newsclean._metadata` look for (comment headings, "Related posts" headings,
reply links, author bios, byline markers, words that are not names ...); the
language-free shapes (digits, punctuation, line anchors) stay in the code. The file
is one JSON object: ``"description"`` and one section per list, each section mapping
a language code to its entries::

    "comment_heading_words": {
      "en": ["comments?", "responses?", "replies"],
      "de": ["kommentare?"]
    }

Entries are regular-expression fragments (word lists hold plain lower-case words),
matched case-insensitively except where the pattern built from them says otherwise
(the joiners inside a person's name, "van" or "de", match lower case only). A stage
joins a section's entries with ``|`` in file order, languages in the order they
appear (an entry shared by two languages once), into one alternation: adding a
language, or a phrase, is a data edit. Keep alternatives that can match at the same
place in the order you want them tried (a longer phrase before a word it starts
with). Each section is documented where its pattern is built (``_content``,
``_metadata``).

The file is read once per process and held read-only (``lru_cache(maxsize=1)``,
``MappingProxyType``, tuples).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from itertools import chain
from types import MappingProxyType

__all__ = ["alternation", "phrase_sections", "phrases"]


@lru_cache(maxsize=1)
def phrase_sections() -> Mapping[str, Mapping[str, tuple[str, ...]]]:
    """Every section of ``data/phrases.json``: language code -> entries, read once.

    >>> phrase_sections()["reply_words"]["de"]
    ('antworten',)
    """
    raw = json.loads(resources.files("newsclean").joinpath("data/phrases.json").read_text("utf-8"))
    return MappingProxyType(
        {
            name: MappingProxyType({lang: tuple(entries) for lang, entries in langs.items()})
            for name, langs in raw.items()
            if isinstance(langs, dict)
        }
    )


def phrases(section: str) -> tuple[str, ...]:
    """The entries of ``section`` for every language, in file order; an entry that two
    languages share ("foto") comes once, where it first appears.

    >>> phrases("says_words")[:4], "пишет" in phrases("says_words")
    (('writes', 'wrote', 'says', 'said'), True)
    """
    return tuple(dict.fromkeys(chain.from_iterable(phrase_sections()[section].values())))


def alternation(section: str) -> str:
    """The entries of ``section`` joined into one regular-expression alternation.

    >>> alternation("author_headings").split("|")[1]
    'über\\\\s+den\\\\s+autor'
    """
    return "|".join(phrases(section))
