"""Linear time on hostile input: clean() on pathological shapes vs normal text of the same size.

    python benchmarks/hostile.py [--mb 1.0]

Normal text is distinct dev-set pages (``inputs.html_text`` of ../shared/eval/dev.jsonl.gz,
read in place) joined up to the size, or, without the dev set, the bundled seed
articles repeated (repetition flatters it: repeated lines are judged once); the hostile inputs are one single line of words, one repeated character,
one-character lines, a deeply nested HTML page, and a line of glued words. Each is
timed in this process against the normal text of the same number of bytes, so the
ratio holds on a noisy machine. The issue's bound: each within 5x of normal text.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections.abc import Callable
from pathlib import Path

from newsclean import clean

SEEDS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "seeds"


DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev.jsonl.gz"


def normal_text(size: int) -> str:
    if DEV.exists():
        parts: list[str] = []
        total = 0
        with gzip.open(DEV, "rt", encoding="utf-8") as f:
            for line in f:
                text = json.loads(line)["inputs"]["html_text"]
                parts.append(text)
                total += len(text) + 2
                if total >= size:
                    break
        return "\n\n".join(parts)[:size]
    seeds = "\n\n".join(p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt")))
    return (seeds * (size // len(seeds) + 1))[:size]


def hostile_inputs(size: int) -> dict[str, str]:
    words = normal_text(size).split()
    return {
        "single line of words": " ".join(words)[:size],
        "one repeated character": "a" * size,
        "one-character lines": "x\n" * (size // 2),
        "nested HTML": "<html><body>"
        + "<div>" * (size // 22)
        + "text"
        + "</div>" * (size // 22)
        + "</body></html>",
        "glued words, one line": "".join(w.capitalize() for w in words)[:size],
    }


def seconds(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=1.0, help="size of each input in MB")
    args = ap.parse_args()
    size = int(args.mb * 1_000_000)
    clean("Warm up the word lists and profiles. " * 20)
    base = normal_text(size)
    ref = seconds(lambda: clean(base))
    print(f"normal text            {len(base) / 1e6:5.2f} MB {ref:7.2f} s")
    for name, text in hostile_inputs(size).items():
        t = seconds(lambda text=text: clean(text))  # type: ignore[misc]
        print(f"{name:22s} {len(text) / 1e6:5.2f} MB {t:7.2f} s  {t / ref:5.2f}x normal")


if __name__ == "__main__":
    main()
