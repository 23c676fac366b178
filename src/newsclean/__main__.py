"""``python -m newsclean``: the same as the ``newsclean`` command."""

from ._cli import main

if __name__ == "__main__":
    raise SystemExit(main())
