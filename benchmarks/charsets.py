"""Bytes in legacy charsets: how often ``clean(bytes)``'s decoder gets the text back exactly.

    python benchmarks/charsets.py [--shared ../shared] [--trials 30]

Two round trips, each text encoded in a charset and decoded by newsclean's decoder:

* synthetic: sentences of each language's frequent words (wordfreq, weighted by frequency)
  at 80, 300 and 1,500 characters, in the code pages the language is written in
  (Central European: windows-1250 and ISO-8859-2; Western: windows-1252 and Latin-1);
* dev: the dev set's text dumps around their first non-ASCII character (200 and 2,000
  characters), in 13 charsets, wherever the snippet encodes and is not valid UTF-8 anyway.

Prints the share decoded exactly, per language and per charset.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from collections import defaultdict
from pathlib import Path

import wordfreq

from newsclean._decode import decode_bytes

CENTRAL = {
    "cs": ("cp1250", "iso8859_2"),
    "pl": ("cp1250", "iso8859_2"),
    "hu": ("cp1250", "iso8859_2"),
}
CENTRAL |= {"sk": ("cp1250",), "sl": ("cp1250",), "ro": ("cp1250",)}
WESTERN = {lang: ("cp1252", "latin_1") for lang in ("fr", "es", "de", "pt", "it", "nl", "sv", "da")}
WESTERN |= {lang: ("cp1252", "latin_1") for lang in ("fi", "ca")}
LENGTHS = (80, 300, 1500)
DEV_CHARSETS = ("cp1252", "cp1251", "cp1250", "cp1253", "cp1254", "cp1257", "koi8_r")
DEV_CHARSETS += ("shift_jis", "euc_kr", "gb18030", "big5", "iso8859_2", "euc_jp")


def sentences(lang: str, length: int, rnd: random.Random) -> str:
    words = wordfreq.top_n_list(lang, 3000)
    weights = [wordfreq.word_frequency(w, lang) for w in words]
    out: list[str] = []
    while sum(map(len, out)) + len(out) < length:
        out.append(" ".join(rnd.choices(words, weights, k=rnd.randint(6, 16))).capitalize() + ".")
    return " ".join(out)


def exact(text: str, charset: str) -> bool | None:
    """Decoded exactly; None when the text does not encode or is valid UTF-8 anyway."""
    try:
        data = text.encode(charset)
    except UnicodeEncodeError:
        return None
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError:
        pass
    return decode_bytes(data).text == text


def synthetic(trials: int) -> None:
    print("synthetic sentences (exact / tried):")
    for group, langs in (("Central European", CENTRAL), ("Western", WESTERN)):
        total = [0, 0]
        for lang, charsets in langs.items():
            rnd = random.Random(lang)  # the same texts every run
            row = []
            for length in LENGTHS:
                ok = tried = 0
                for _ in range(trials):
                    text = sentences(lang, length, rnd)
                    for charset in charsets:
                        got = exact(text, charset)
                        if got is not None:
                            ok, tried = ok + got, tried + 1
                row.append(f"{length}: {ok}/{tried}")
                total[0], total[1] = total[0] + ok, total[1] + tried
            print(f"  {lang}  " + "  ".join(row))
        print(f"  {group}: {total[0]}/{total[1]} = {total[0] / max(total[1], 1):.1%}")


def dev(shared: Path) -> None:
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    with gzip.open(shared / "eval" / "dev.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["inputs"]["html_text"]
            if text.isascii():
                continue
            at = next(k for k, c in enumerate(text) if ord(c) > 127)
            for length in (200, 2000):
                snippet = text[max(0, at - length // 2) : at + length // 2]
                for charset in DEV_CHARSETS:
                    got = exact(snippet, charset)
                    if got is not None:
                        per[charset][0] += got
                        per[charset][1] += 1
    ok, tried = sum(v[0] for v in per.values()), sum(v[1] for v in per.values())
    print(f"dev snippets: {ok}/{tried} = {ok / tried:.2%} exact")
    print("  " + "  ".join(f"{c} {a}/{b}" for c, (a, b) in per.items()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--trials", type=int, default=30)
    args = ap.parse_args()
    synthetic(args.trials)
    dev(Path(args.shared))


if __name__ == "__main__":
    main()
