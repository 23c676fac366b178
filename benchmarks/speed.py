"""Speed: clean() on the dev set's text dumps vs trafilatura.extract on the same pages' HTML.

    python benchmarks/speed.py [--limit N] [--shared ../shared]

Both run in this process over the same pages, so the ratio holds on a noisy machine.
Prints docs/s for the text path, the HTML path and trafilatura alone, their ratios,
the time per pipeline stage (from a profiled pass), and the peak RSS.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import json
import pstats
import resource
import time
from pathlib import Path

import trafilatura

from newsclean import clean

STAGES = {
    "normalize": "_normalize.py:normalize",
    "rules": "_rules.py:apply_rules",
    "content": "_pipeline.py:_content_cuts",
    "metadata": "_metadata.py:extract_metadata",
    "language": "_language.py:detect_language",
    "glue": "_pipeline.py:_unglue",
    "html (trafilatura)": "_html.py:extract_html",
}


def load(shared: Path, limit: int | None) -> tuple[list[str], list[str]]:
    texts, htmls = [], []
    with gzip.open(shared / "eval" / "dev.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            texts.append(json.loads(line)["inputs"]["html_text"])
            if limit and len(texts) >= limit:
                break
    with gzip.open(shared / "eval" / "dev.html.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            htmls.append(json.loads(line)["html"])
            if len(htmls) >= len(texts):
                break
    return texts, htmls


def rate(fn, items: list[str]) -> float:  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    for x in items:
        fn(x)
    return len(items) / (time.perf_counter() - t)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    texts, htmls = load(Path(args.shared), args.limit)
    clean(texts[0])  # load word lists and profiles outside the timing
    clean(htmls[0])
    mb = sum(len(t) for t in texts) / 1e6
    text_rate = rate(clean, texts)
    traf_rate = rate(lambda h: trafilatura.extract(h, include_comments=False), htmls)
    html_rate = rate(clean, htmls)
    print(f"pages: {len(texts)} (text dumps: {mb:.1f} MB, {mb * 1e3 / len(texts):.1f} KB/page)")
    print(
        f"clean() on text dumps     {text_rate:8.1f} docs/s  ({text_rate / traf_rate:.1f}x trafilatura's pages/s)"
    )
    print(f"trafilatura.extract(html) {traf_rate:8.1f} docs/s")
    print(
        f"clean() on HTML           {html_rate:8.1f} docs/s  (time {traf_rate / html_rate:.2f}x trafilatura's)"
    )
    prof = cProfile.Profile()
    prof.enable()
    for x in texts:
        clean(x)
    prof.disable()
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    total = sum(v[3] for k, v in stats.items() if k[2] == "clean" and k[0].endswith("_api.py"))
    print("time per stage on the text path (profiled, share of clean()):")
    for name, where in STAGES.items():
        file, func = where.split(":")
        cum = sum(v[3] for k, v in stats.items() if k[0].endswith(file) and k[2] == func)
        if cum:
            print(f"  {name:20s} {cum / len(texts) * 1e3:7.3f} ms/doc  {cum / total:6.1%}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:.0f} MB")


if __name__ == "__main__":
    main()
