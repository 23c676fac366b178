"""Quality on the dev set for every input, written into docs/benchmarks.md.

    python benchmarks/quality.py [--shared ../shared] [--limit N]

Runs ../shared/eval/score.py with `--system newsclean:clean` for the three text dumps
(`html_text`, `inscriptis`, `bs4`) and the raw `html`, then replaces the table between the
`<!-- quality -->` markers in docs/benchmarks.md (the reference rows stay beside it).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ("html_text", "inscriptis", "bs4", "html")
REFERENCE = [
    "| returning the input (html_text) | 0.562 | 0.393 | 0.988 | | |",
    "| jusText on the text lines (html_text) | 0.627 | | | | |",
    "| trafilatura 2.3.1 alone (html) | 0.912 | | | | |",
    "| readability-lxml 0.9 (html) | 0.921 | | | | |",
]


def score(shared: Path, name: str, limit: int | None) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "score.json"
        cmd = [sys.executable, "score.py", "dev.jsonl.gz", "--system", "newsclean:clean"]
        cmd += ["--input", name, "--json", str(out)]
        if limit:
            cmd += ["--limit", str(limit)]
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        subprocess.run(cmd, cwd=shared / "eval", env=env, check=True, capture_output=True)
        return json.loads(out.read_text("utf-8"))  # type: ignore[no-any-return]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()
    rows = [
        "| system (input) | F1 | precision | recall | empty | raised |",
        "|---|---|---|---|---|---|",
    ]
    for name in INPUTS:
        r = score(Path(args.shared), name, args.limit)
        m = r["metrics"]
        row = (
            f"| **newsclean** ({name}) | {m['f1']:.3f} | {m['precision']:.3f} | {m['recall']:.3f} "
            f"| {m['n_empty_pred']} | {r['n_raised']} |"
        )
        print(row, flush=True)
        rows.append(row)
    rows += REFERENCE
    doc = ROOT / "docs" / "benchmarks.md"
    text = doc.read_text("utf-8")
    start, end = "<!-- quality -->", "<!-- /quality -->"
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    doc.write_text(head + start + "\n" + "\n".join(rows) + "\n" + end + tail, "utf-8")
    print(f"updated {doc}")


if __name__ == "__main__":
    main()
