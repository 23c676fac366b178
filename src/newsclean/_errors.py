"""Exceptions raised by newsclean."""

from __future__ import annotations


class NotTextError(ValueError):
    """The input is binary data (an image, an archive, NUL bytes), not text or HTML.

    >>> issubclass(NotTextError, ValueError)
    True
    """
