"""``clean()``: the entry point."""

from __future__ import annotations

import dataclasses
from typing import Any

from ._document import Document
from ._options import DEFAULT_OPTIONS, Options
from ._pipeline import run


def clean(
    text: str | bytes,
    *,
    options: Options | None = None,
    url: str | None = None,
    **overrides: Any,
) -> Document:
    """Clean scraped news text (or a page's HTML) into a body, metadata and an audit trail.

    ``text`` is a ``str`` or ``bytes`` (decoded: UTF-8, the page's declared
    charset, or the detected one). HTML is recognised and goes through
    trafilatura first. Keyword ``overrides`` replace fields of ``options``
    (``clean(text, unglue=False)``). Never raises on a ``str``; raises
    ``TypeError`` for other types and :class:`NotTextError` for binary bytes.

    >>> doc = clean("Last news in Fakti\\n\\nKremlin strains ties with Seoul\\n\\n"
    ...             "Oct 22, 2024 17:19 74\\n\\n"
    ...             "Russia appears to be trying to ease tensions in its relations with Seoul.\\n\\n"
    ...             ">>> Read more <<<")
    >>> doc.body
    'Russia appears to be trying to ease tensions in its relations with Seoul.'
    >>> doc.title, doc.date, doc.source, doc.language
    ('Kremlin strains ties with Seoul', '2024-10-22T17:19', 'Fakti', 'en')
    >>> [r.rule for r in doc.removed]
    ['en.site_banner', 'metadata.title', 'metadata.date_stamp', 'xx.read_more_arrows']
    """
    if not isinstance(text, (str, bytes, bytearray, memoryview)):
        raise TypeError(f"clean() takes str or bytes (text or HTML), not {type(text).__name__}")
    opts = options if options is not None else DEFAULT_OPTIONS
    if not isinstance(opts, Options):
        raise TypeError(f"options must be a newsclean.Options, not {type(opts).__name__}")
    if overrides:
        opts = dataclasses.replace(opts, **overrides)
    return run(text, opts, url=url)
