"""Throughput of :func:`newsclean._glue.unglue` on typical English news text.

    python benchmarks/glue_speed.py [FILE_OR_DIR ...] [--repeat N]

Without arguments it reads the seed texts in /work/shared/seeds (if present) and falls
back to a built-in English sample.  Prints tokens/s (whitespace tokens) for ``unglue``
and, as a same-process reference, for ``re.findall(r"\\w+", text)`` and
``str.split`` over the same texts, plus the ratios.  Times are never asserted.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from newsclean._glue import unglue

_DEFAULT_DIR = Path("/work/shared/seeds")
_SAMPLE = (
    "South Korea's foreign ministry summoned the Russian ambassador in Seoul on Monday to "
    "protest what it claims is the sending of North Korean troops to Russia. The US and "
    "other Western countries have expressed serious concern over these reports, viewing "
    "them as an alarming escalation, according to Reuters. Officials said on Tuesday that "
    "the talks with Ukraine would continue next week in Geneva.\n"
)


def _load(paths: Sequence[str]) -> list[str]:
    files: list[Path] = []
    for p in paths or [str(_DEFAULT_DIR)]:
        path = Path(p)
        if path.is_dir():
            files.extend(sorted(path.glob("*.txt")))
        elif path.is_file():
            files.append(path)
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    return texts or [_SAMPLE * 200]


def _best_time(fn: Callable[[str], object], texts: Sequence[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args(argv)
    texts = _load(a.paths)
    n_tokens = sum(len(t.split()) for t in texts)
    word_re = re.compile(r"\w+")
    unglue("Warm-up: load the vocabulary once withUkraine and theinitial claims.")
    t_glue = _best_time(lambda t: unglue(t, None), texts, a.repeat)
    t_en = _best_time(lambda t: unglue(t, "en"), texts, a.repeat)
    t_re = _best_time(word_re.findall, texts, a.repeat)
    t_split = _best_time(str.split, texts, a.repeat)
    rows = [
        ("unglue(language=None)", t_glue),
        ("unglue(language='en')", t_en),
        ("re.findall(r'\\w+')", t_re),
        ("str.split", t_split),
    ]
    print(f"texts {len(texts)}, whitespace tokens {n_tokens}, best of {a.repeat}")
    for name, t in rows:
        ratio = t / t_glue
        print(f"{name:<24}{n_tokens / t:>14,.0f} tokens/s   time ratio vs unglue {ratio:.3f}")


if __name__ == "__main__":
    main()
