"""Throughput of ``newsclean clean`` with 1 and 2 workers on the dev set's text inputs.

Usage::

    python benchmarks/batch.py [--dev /work/shared/eval/dev.jsonl.gz] [--limit N]
                               [--workers 1 2]

Reads the records' ``inputs.html_text`` (the whole page flattened to noisy
text) into a temporary JSONL file -- the dev data is AGPL and never enters the
repository -- then runs the real command once per worker count and prints
docs/s (from the run's ``--stats``: start-up, warm-up and writing included)
and the speed-up over the first worker count, with the CPU cores the run kept
busy (CPU seconds / wall seconds) and the load average before it: other
processes on the machine eat into the speed-up, and "cores used" shows whether
the workers got the cores. Target on a 2-core machine:
2 workers >= 1.8x one.

Each worker count is also run on a one-document input: its wall time is the fixed
start-up (interpreter, imports, word lists, process pool), and the "steady" rate
is the remaining documents over the remaining time -- what a long batch sees.

This machine's cores are virtual and shared: the same pure-CPU job in two processes
runs anywhere from 1.4x to 2.2x faster than in one from minute to minute. So the
worker counts are run in interleaved rounds (``--rounds``, default 3), each round
also timing that pure-CPU job, and the median speed-up is reported next to what the
machine gave the pure-CPU job in the same rounds.
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_DEV = "/work/shared/eval/dev.jsonl.gz"


def write_inputs(dev: str, target: Path, limit: int | None) -> int:
    """Write ``{"id", "text"}`` records of the dev set's html_text inputs; return the count."""
    count = 0
    with gzip.open(dev, "rt", encoding="utf-8") as src, target.open("w", encoding="utf-8") as out:
        for line in src:
            record = json.loads(line)
            text = (record.get("inputs") or {}).get("html_text")
            if not isinstance(text, str):
                continue
            out.write(json.dumps({"id": record["id"], "text": text}, ensure_ascii=False) + "\n")
            count += 1
            if limit is not None and count >= limit:
                break
    return count


def run_once(inputs: Path, workdir: Path, workers: int) -> dict[str, float]:
    """Run the command with ``workers``; return its stats and the wall-clock time."""
    out, stats = workdir / f"out{workers}.jsonl", workdir / f"stats{workers}.json"
    cmd = [sys.executable, "-m", "newsclean", "clean", str(inputs), "-o", str(out)]
    cmd += ["--workers", str(workers), "--stats", str(stats), "--quiet"]
    load = os.getloadavg()[0]
    cpu_before = _children_cpu()
    start = time.perf_counter()
    subprocess.run(cmd, check=False)
    wall = time.perf_counter() - start
    cpu = _children_cpu() - cpu_before
    summary = json.loads(stats.read_text())
    return {
        "docs": summary["read"],
        "docs_per_s": summary["docs_per_s"],
        "wall_s": wall,
        "cores_used": cpu / wall,
        "docs_per_cpu_s": summary["read"] / cpu if cpu else 0.0,
        "load_before": load,
    }


def _children_cpu() -> float:
    """User + system CPU seconds of the finished child processes (workers included)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _busy(n: int) -> int:
    """A fixed amount of pure-Python work (dict lookups, string splits)."""
    table = {str(i): i for i in range(5000)}
    total = 0
    for k in range(n):
        total += table.get(str(k % 7000), 0) + len(str(k).split("1"))
    return total


def machine_speedup(workers: int, n: int = 1_500_000) -> float:
    """How much faster ``workers`` processes do ``workers`` times a fixed pure-CPU job than
    one process does it once: what the machine gives right now (1.0 per idle core)."""
    start = time.perf_counter()
    _busy(n)
    one = time.perf_counter() - start
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        pool.map(_busy, [1000] * workers)  # processes started before the clock
        start = time.perf_counter()
        pool.map(_busy, [n] * workers)
        many = time.perf_counter() - start
    return workers * one / many


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", default=DEFAULT_DEV, help="the dev set (.jsonl.gz)")
    parser.add_argument("--limit", type=int, help="use only the first N records")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--rounds", type=int, default=3, help="interleaved repetitions")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsclean-bench-") as tmp:
        workdir = Path(tmp)
        inputs = workdir / "dev_html_text.jsonl"
        n = write_inputs(args.dev, inputs, args.limit)
        print(f"{n} documents (inputs.html_text of {args.dev})")
        one = workdir / "one.jsonl"
        one.write_text(inputs.read_text("utf-8").splitlines()[0] + "\n", "utf-8")
        speedups: dict[int, list[float]] = {w: [] for w in args.workers}
        machine: dict[int, list[float]] = {w: [] for w in args.workers}
        for round_no in range(1, args.rounds + 1):
            base: float | None = None
            steady_base: float | None = None
            for workers in args.workers:
                startup = run_once(one, workdir, workers)["wall_s"]
                r = run_once(inputs, workdir, workers)
                steady = (r["docs"] - 1) / max(r["wall_s"] - startup, 1e-9)
                base = base or r["docs_per_s"]
                steady_base = steady_base or steady
                speedups[workers].append(steady / steady_base)
                machine[workers].append(machine_speedup(workers) if workers > 1 else 1.0)
                print(
                    f"round {round_no} workers={workers}: {r['docs_per_s']:.1f} docs/s "
                    f"({r['docs']:.0f} docs, wall {r['wall_s']:.1f} s) "
                    f"speed-up x{r['docs_per_s'] / base:.2f}; "
                    f"steady {steady:.1f} docs/s after {startup:.1f} s start-up, "
                    f"speed-up x{steady / steady_base:.2f}; "
                    f"cores used {r['cores_used']:.2f}, {r['docs_per_cpu_s']:.1f} docs/CPU-s, "
                    f"load average before {r['load_before']:.1f}; "
                    f"a pure-CPU job gets x{machine[workers][-1]:.2f} here now"
                )
        for workers in args.workers[1:]:
            print(
                f"workers={workers}: median steady speed-up x{statistics.median(speedups[workers]):.2f} "
                f"over {args.rounds} rounds (each round: "
                + ", ".join(f"{x:.2f}" for x in speedups[workers])
                + f"); a pure-CPU job in {workers} processes: median "
                f"x{statistics.median(machine[workers]):.2f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
