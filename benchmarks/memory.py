"""Peak memory of one worker: clean() streamed over the whole dev set, in a fresh process.

    python benchmarks/memory.py [--shared ../shared] [--limit N]

Each input kind (the text dumps, and the raw HTML) runs in its own subprocess so
one does not inherit the other's heap. The texts are first written one a line to a
temporary file and the worker reads them one at a time, so the figure is what a
batch worker holds: interpreter, imports, word lists and the largest document's
working set. RSS is printed after 10%, 50% and
100% of the documents: a steady value means no cache grows with the input.
Target (issue #6): peak RSS <= 150 MB per worker process.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
import tempfile
from pathlib import Path


def rss_mb(field: str = "VmRSS") -> float:
    """This process's resident memory (``VmRSS``) or its high-water mark (``VmHWM``), in MB."""
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    """The worker's own peak RSS. Not ``getrusage``'s ``ru_maxrss``: Linux carries that over
    an exec, so a worker started by this script would report this script's own peak (reading
    the dev records, one with a 21 MB text) whenever that is higher than its own."""
    peak = rss_mb("VmHWM")
    if peak == peak:  # not NaN: /proc/self/status has it
        return peak
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker(path: str, field: str, limit: int | None) -> None:
    """Clean each text of ``path`` (one JSON string a line), printing RSS as it goes."""
    from newsclean import clean

    with open(path, encoding="utf-8") as f:
        total = sum(1 for _ in f)
    total = min(total, limit or total)
    marks = {max(1, total // 10): "10%", max(1, total // 2): "50%", total: "100%"}
    start = rss_mb()
    seen: list[str] = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            clean(json.loads(line))
            if n in marks:
                seen.append(f"{marks[n]} {rss_mb():.0f} MB")
            if n >= total:
                break
    peak = peak_mb()
    print(
        f"{field:9s} {total:5d} docs  start {start:.0f} MB  "
        + "  ".join(seen)
        + f"  peak {peak:.0f} MB"
    )


def write_texts(source: Path, field: str, target: Path) -> None:
    """One JSON string a line: the field the worker cleans, so the worker never holds a
    whole dev record (one of them carries a 21 MB inscriptis dump it does not need)."""
    with gzip.open(source, "rt", encoding="utf-8") as f, target.open("w", encoding="utf-8") as out:
        for line in f:
            record = json.loads(line)
            text = record["inputs"][field] if field != "html" else record["html"]
            out.write(json.dumps(text, ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.worker[0], args.worker[1], args.limit)
        return
    evals = Path(args.shared) / "eval"
    with tempfile.TemporaryDirectory(prefix="newsclean-mem-") as tmp:
        for source, field in (
            (evals / "dev.jsonl.gz", "html_text"),
            (evals / "dev.html.jsonl.gz", "html"),
        ):
            texts = Path(tmp) / f"{field}.jsonl"
            write_texts(source, field, texts)
            cmd = [sys.executable, __file__, "--worker", str(texts), field]
            if args.limit:
                cmd += ["--limit", str(args.limit)]
            subprocess.run(cmd, check=True)


if __name__ == "__main__":
    main()
