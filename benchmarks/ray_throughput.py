"""Rows/s through Ray Data (2 CPUs, 2 actors) against ``clean_many(workers=2)``.

Usage::

    python benchmarks/ray_throughput.py [--dev /work/shared/eval/dev.jsonl.gz] [--limit N]
                                        [--batch-size 16] [--blocks 32]

Needs the ``ray`` extra. Reads the dev set's ``inputs.html_text`` texts into
memory (the dev data is AGPL: it is read from where it lies, never copied into
the repository), then cleans them twice with the default options:

* ``clean_many(texts, workers=2)``: a process pool, started (and warmed up) in
  the timed span;
* :func:`newsclean.ray.clean_dataset` on a local Ray with ``num_cpus=2`` and a
  fixed pool of 2 actors, the rows handed over as in-memory Arrow blocks (no
  read tasks, which would wait for a CPU the actors hold) and consumed on the
  driver with ``iter_batches``. Ray's own start-up (``ray.init``) is printed but
  not timed; the actors' start-up and warm-up are.

It prints both figures and their ratio (Ray / clean_many), with the load average
before each run: on a shared machine other processes eat into both.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import time

os.environ.setdefault("RAY_DISABLE_USAGE_STATS", "1")

import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]
import ray
import ray.data

from newsclean import clean_many
from newsclean.ray import clean_dataset

DEFAULT_DEV = "/work/shared/eval/dev.jsonl.gz"


def read_texts(dev: str, limit: int | None) -> list[dict[str, str]]:
    """``{"id", "text"}`` rows of the dev set's ``inputs.html_text``, in memory only."""
    rows: list[dict[str, str]] = []
    with gzip.open(dev, "rt", encoding="utf-8") as src:
        for line in src:
            record = json.loads(line)
            text = (record.get("inputs") or {}).get("html_text")
            if isinstance(text, str):
                rows.append({"id": str(record["id"]), "text": text})
                if limit is not None and len(rows) >= limit:
                    break
    return rows


def time_clean_many(rows: list[dict[str, str]]) -> tuple[float, int]:
    """Seconds for ``clean_many(workers=2)`` over the texts, and the error count."""
    start = time.perf_counter()
    errors = sum(doc.error is not None for doc in clean_many([r["text"] for r in rows], workers=2))
    return time.perf_counter() - start, errors


def time_ray(rows: list[dict[str, str]], batch_size: int, blocks: int) -> tuple[float, int, int]:
    """Seconds for ``clean_dataset`` on 2 actors, the rows seen and the error count."""
    size = max(1, -(-len(rows) // blocks))
    tables = [pa.Table.from_pylist(rows[i : i + size]) for i in range(0, len(rows), size)]
    start = time.perf_counter()
    ds = clean_dataset(ray.data.from_arrow(tables), concurrency=2, batch_size=batch_size)
    seen = errors = 0
    for batch in ds.iter_batches(batch_format="pyarrow", batch_size=None):
        seen += batch.num_rows
        errors += batch.num_rows - batch.column("error").null_count
    return time.perf_counter() - start, seen, errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", default=DEFAULT_DEV, help="the dev set (.jsonl.gz)")
    parser.add_argument("--limit", type=int, help="use only the first N records")
    parser.add_argument("--batch-size", type=int, default=16, help="rows per Ray batch")
    parser.add_argument("--blocks", type=int, default=32, help="Arrow blocks to split rows into")
    args = parser.parse_args()

    rows = read_texts(args.dev, args.limit)
    n = len(rows)
    print(f"{n} documents (inputs.html_text of {args.dev})")

    load = os.getloadavg()[0]
    pool_s, pool_errors = time_clean_many(rows)
    print(
        f"clean_many(workers=2): {n / pool_s:.1f} rows/s "
        f"(wall {pool_s:.1f} s, {pool_errors} errors; load average before {load:.1f})"
    )

    start = time.perf_counter()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    print(f"ray.init: {time.perf_counter() - start:.1f} s (not timed)")
    try:
        load = os.getloadavg()[0]
        ray_s, seen, ray_errors = time_ray(rows, args.batch_size, args.blocks)
    finally:
        ray.shutdown()
    assert seen == n, f"Ray returned {seen} rows for {n}"
    print(
        f"Ray Data (2 CPUs, 2 actors, batch_size={args.batch_size}): {n / ray_s:.1f} rows/s "
        f"(wall {ray_s:.1f} s, {ray_errors} errors; load average before {load:.1f})"
    )
    print(f"ratio Ray / clean_many: {pool_s / ray_s:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
