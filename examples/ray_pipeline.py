"""Clean a folder of JSONL records with newsclean on Ray Data; write Parquet or JSONL.

Needs the ``ray`` extra: ``pip install ".[ray]"`` from a checkout (``"newsclean[ray]"``
for an installed release); without it the script says so and exits with status 1.

Each input line is a JSON object with a ``text`` (or ``html``) field and any
other fields (``id``, ``url``...), which are kept. Only ``*.jsonl`` and
``*.jsonl.gz`` files are read. The output folder gets Parquet (default) or
JSONL files with the record's fields plus ``body``, ``title``, ``subtitle``,
``date``, ``author``, ``source``, ``language`` and ``error``.

On this machine (Ray starts a local cluster and stops it at the end)::

    python examples/ray_pipeline.py examples/ out_dir
    python examples/ray_pipeline.py examples/ out_dir --format jsonl --concurrency 2

On a cluster, the same script: start the head node with ``ray start --head``
(and ``ray start --address=HEAD_IP:6379`` on the workers), then pass the
cluster's address (``auto`` for the cluster this machine belongs to,
``HEAD_IP:6379``, or ``ray://HEAD_IP:10001`` for Ray Client), or set
``RAY_ADDRESS`` instead of ``--address``::

    python examples/ray_pipeline.py s3://bucket/pages/ s3://bucket/clean/ --address auto

Input and output paths must then be readable and writable from every node
(object storage or a shared file system), and newsclean must be installed on
every node. See docs/scale.md.
"""

from __future__ import annotations

import argparse
import os
import time

os.environ.setdefault("RAY_DISABLE_USAGE_STATS", "1")

from newsclean import Options

try:
    import ray
    import ray.data

    from newsclean.ray import DEFAULT_BATCH_SIZE, clean_dataset
except ImportError as exc:  # a message, not a traceback: the fix is one pip command
    raise SystemExit(
        "examples/ray_pipeline.py needs Ray Data, which is not installed: "
        "pip install \".[ray]\" from a checkout of newsclean (the 'ray' extra; "
        f"it installs ray[data]). The import failed with: {exc}"
    ) from None


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(
        description="Clean JSONL records with newsclean on Ray Data.",
        epilog="Cluster: run `ray start --head` on the head node, then pass --address auto "
        "(or HEAD_IP:6379, ray://HEAD_IP:10001), or set RAY_ADDRESS.",
    )
    parser.add_argument("input", help="a folder (or file, or s3://... prefix) of .jsonl files")
    parser.add_argument("output", help="the output folder (created)")
    parser.add_argument(
        "--address",
        default=None,
        help="the Ray cluster to join: 'auto', HOST:6379 or ray://HOST:10001 "
        "(default: $RAY_ADDRESS, else a local Ray started for this run)",
    )
    parser.add_argument("--format", choices=["parquet", "jsonl"], default="parquet")
    parser.add_argument("--text-column", default="text", help="the field with the text or HTML")
    parser.add_argument(
        "--concurrency",
        type=int,
        default=None,
        help="number of cleaning actors (default: one per --num-cpus CPUs of the cluster)",
    )
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument("--num-cpus", type=float, default=1.0, help="CPUs reserved per actor")
    parser.add_argument("--with-audit", action="store_true", help="add removed/repairs (JSON)")
    parser.add_argument("--language", default=None, help="a known language code, e.g. en")
    parser.add_argument("--no-unglue", action="store_true", help="skip the glued-word repair")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Read, clean, write; print where the output went and how long it took."""
    args = parse_args(argv)
    joining = args.address is not None or "RAY_ADDRESS" in os.environ
    local: dict[str, bool] = {} if joining else {"include_dashboard": False}
    ray.init(address=args.address, log_to_driver=False, **local)
    try:
        start = time.perf_counter()
        ds = ray.data.read_json(args.input, file_extensions=["jsonl", "jsonl.gz"])
        options = Options(language=args.language or None, unglue=not args.no_unglue)
        cleaned = clean_dataset(
            ds,
            text_column=args.text_column,
            concurrency=args.concurrency,
            batch_size=args.batch_size,
            num_cpus=args.num_cpus,
            with_audit=args.with_audit,
            options=options,
        )
        if args.format == "parquet":
            cleaned.write_parquet(args.output)
        else:
            cleaned.write_json(args.output)
        print(f"wrote {args.format} files to {args.output} in {time.perf_counter() - start:.1f} s")
    finally:
        ray.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
