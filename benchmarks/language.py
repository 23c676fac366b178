"""Language detection: accuracy on the dev set's silver labels and speed, fast vs langdetect.

    python benchmarks/language.py [--shared ../shared]

Each detector sees the gold article body of every dev page that has a language label
(the labels come from two other detectors agreeing on that body). Both run in this
process over the same texts, so the speed ratio holds on a noisy machine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from pathlib import Path

from newsclean._language import detect_language


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    args = ap.parse_args()
    ev = Path(args.shared) / "eval"
    gold = {}
    with gzip.open(ev / "dev.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            gold[r["id"]] = r["gold"]
    cases = []
    with gzip.open(ev / "meta_dev.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            m = json.loads(line)
            if m.get("language") and gold.get(m["id"]):
                cases.append((gold[m["id"]], m["language"]))
    print(f"{len(cases)} labelled pages, {sum(1 for _, lang in cases if lang != 'en')} not English")
    results = {}
    for method in ("fast", "langdetect"):
        detect_language(cases[0][0], method)  # load the profiles outside the timing
        t = time.perf_counter()
        answers = [detect_language(text, method) for text, _ in cases]
        dt = time.perf_counter() - t
        right = sum(a == lang for a, (_, lang) in zip(answers, cases, strict=True))
        non_en = [(a, lang) for a, (_, lang) in zip(answers, cases, strict=True) if lang != "en"]
        misses = Counter(
            f"{lang}->{a}" for a, (_, lang) in zip(answers, cases, strict=True) if a != lang
        )
        results[method] = dt
        print(
            f"{method:10s} accuracy {right / len(cases):.4f}  non-English {sum(a == b for a, b in non_en)}/{len(non_en)}"
            f"  {len(cases) / dt:8.0f} docs/s  ({dt / len(cases) * 1e3:.3f} ms/doc)  misses {dict(misses.most_common(6))}"
        )
    print(f"fast is {results['langdetect'] / results['fast']:.1f}x faster than langdetect")


if __name__ == "__main__":
    main()
