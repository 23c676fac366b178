"""Throughput of the glue stage (:mod:`newsclean._glue`) on news text.

    python benchmarks/glue_speed.py [FILE_OR_DIR ...] [--repeat N]
    python benchmarks/glue_speed.py --dev [/work/shared/eval/dev.jsonl.gz] [--limit N]

Without arguments it reads the seed texts in /work/shared/seeds (if present) and falls
back to a built-in English sample, and times ``unglue``.  With ``--dev`` it reads the
dev set's ``inputs.html_text`` pages (gzip JSON lines, read in place), normalises them
and guesses their language as the pipeline does (not timed), and times
``find_glue_splits(text, language)`` there, as the pipeline runs it.

Prints tokens/s (whitespace tokens) and, as a same-process reference, the same for
``re.findall(r"\\w+", text)`` and ``str.split`` over the same texts, plus the time
ratios; ``--cpu`` measures process CPU time instead of wall time (steadier on a
shared machine).  Times are never asserted.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from newsclean._glue import find_glue_splits, unglue

_DEFAULT_DIR = Path("/work/shared/seeds")
_DEFAULT_DEV = Path("/work/shared/eval/dev.jsonl.gz")
_SAMPLE = (
    "South Korea's foreign ministry summoned the Russian ambassador in Seoul on Monday to "
    "protest what it claims is the sending of North Korean troops to Russia. The US and "
    "other Western countries have expressed serious concern over these reports, viewing "
    "them as an alarming escalation, according to Reuters. Officials said on Tuesday that "
    "the talks with Ukraine would continue next week in Geneva.\n"
)
# scripts written without spaces: the pipeline guesses the language without them
_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\uac00-\ud7af]"
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


def _load_dev(path: Path, limit: int | None) -> list[tuple[str, str | None]]:
    """(normalised page text, page language) for the dev pages, as the pipeline sees them."""
    from newsclean._language import detect_language
    from newsclean._normalize import normalize

    pages: list[tuple[str, str | None]] = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if limit is not None and len(pages) >= limit:
                break
            html_text = json.loads(line).get("inputs", {}).get("html_text") or ""
            text = normalize(html_text).text
            pages.append((text, detect_language(_UNSPACED.sub(" ", text[:20_000]))))
    return pages


def _best_time(
    fn: Callable[[str], object], texts: Sequence[str], repeat: int, clock: Callable[[], float]
) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = clock()
        for t in texts:
            fn(t)
        best = min(best, clock() - t0)
    return best


def _report(rows: list[tuple[str, float]], n_texts: int, n_tokens: int, repeat: int) -> None:
    base = rows[0][1]
    print(f"texts {n_texts}, whitespace tokens {n_tokens}, best of {repeat}")
    for name, t in rows:
        print(
            f"{name:<34}{n_tokens / t:>14,.0f} tokens/s  {1000 * t / n_texts:8.3f} ms/text"
            f"   time ratio vs {rows[0][0].split('(')[0]} {t / base:.3f}"
        )


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument(
        "--dev",
        nargs="?",
        const=str(_DEFAULT_DEV),
        default=None,
        help="time find_glue_splits on the dev set's inputs.html_text pages",
    )
    ap.add_argument("--limit", type=int, default=None, help="only the first N dev pages")
    ap.add_argument("--cpu", action="store_true", help="process CPU time instead of wall time")
    a = ap.parse_args(argv)
    clock = time.process_time if a.cpu else time.perf_counter
    word_re = re.compile(r"\w+")
    unglue("Warm-up: load the vocabulary once withUkraine and theinitial claims.")
    if a.dev is not None:
        pages = _load_dev(Path(a.dev), a.limit)
        for lang in sorted({lang for _, lang in pages if lang}):
            find_glue_splits("Warm-up: load the vocabulary.Once more", lang)
        texts = [t for t, _ in pages]
        language = dict(pages)
        n_tokens = sum(len(t.split()) for t in texts)
        rows = [
            (
                "find_glue_splits(text, page lang)",
                _best_time(lambda t: find_glue_splits(t, language[t]), texts, a.repeat, clock),
            ),
            ("re.findall(r'\\w+')", _best_time(word_re.findall, texts, a.repeat, clock)),
            ("str.split", _best_time(str.split, texts, a.repeat, clock)),
        ]
        _report(rows, len(texts), n_tokens, a.repeat)
        return
    texts = _load(a.paths)
    n_tokens = sum(len(t.split()) for t in texts)
    rows = [
        ("unglue(language=None)", _best_time(lambda t: unglue(t, None), texts, a.repeat, clock)),
        ("unglue(language='en')", _best_time(lambda t: unglue(t, "en"), texts, a.repeat, clock)),
        ("re.findall(r'\\w+')", _best_time(word_re.findall, texts, a.repeat, clock)),
        ("str.split", _best_time(str.split, texts, a.repeat, clock)),
    ]
    _report(rows, len(texts), n_tokens, a.repeat)


if __name__ == "__main__":
    main()
