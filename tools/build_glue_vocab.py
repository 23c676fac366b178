"""Build ``src/newsclean/data/glue_en.bin.gz``: the compact English vocabulary of ``_glue``.

    python tools/build_glue_vocab.py [--out src/newsclean/data/glue_en.bin.gz]

The file is made from the installed :mod:`wordfreq` English list (nothing is downloaded)
and holds exactly what the glue rules look up, so loading it is fast and small:

* words of letters and apostrophes only (the rules never look anything else up);
* the "frequent" tier (Zipf >= 2.0, plus a few rare safe words that the token scan must
  see directly) as text, one line per wordfreq centibel band: ``band<TAB>safe
  words<TAB>other words``;  every word-part rule needs Zipf >= 2.0, so parts are looked
  up in this tier only;
* the "rare" tier (Zipf 1.0 - 2.0, only ever looked up as a whole token) as sorted 64-bit
  keys ``hash52 << 11 | safe << 10 | band`` (see ``_glue._word_hash``);
* a JSON header with the function words and two-letter words of the rules.

"safe" words (never split) are the words with Zipf >= 1.5 that cannot be read as a
function word glued to a frequent word (or are frequent themselves, Zipf >= 3.5).
The output is deterministic: the same wordfreq data gives the same bytes.
"""

from __future__ import annotations

import argparse
import array
import gzip
import json
import re
import struct
import sys
from collections.abc import Mapping, Sequence
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsclean import _glue  # noqa: E402

OUT = ROOT / "src" / "newsclean" / "data" / "glue_en.bin.gz"
_LOOKUP_SHAPE = re.compile(r"(?:[^\W\d_]|')+")


def _fw_pair(word: str, vocab: Mapping[str, float], fw: frozenset[str]) -> bool:
    """Could ``word`` be read as two glued words, one of them a function word?"""
    n = len(word)
    for i in range(1, min(n, 8)):
        a, b = word[:i], word[i:]
        if a in fw and vocab.get(b, 0.0) >= 3.0:
            return True
        a, b = word[: n - i], word[n - i :]
        if b in fw and vocab.get(a, 0.0) >= 3.0:
            return True
    return False


def build(lang: str = "en") -> bytes:
    import wordfreq

    pack = wordfreq.read_cBpack(wordfreq.available_languages()[lang])
    band: dict[str, int] = {}
    for i, bucket in enumerate(pack):
        for w in bucket:
            band[w] = i  # as wordfreq.get_frequency_dict: a later band wins
    levels = _glue._LEVELS
    vocab = {w: levels[i] for w, i in band.items()}
    top = wordfreq.top_n_list(lang, 150)
    top3000 = wordfreq.top_n_list(lang, 3000)
    function_words = frozenset(
        w
        for w in top
        if w.isalpha() and (len(w) > 1 or w in "ai") and w not in _glue._CONTENT_WORDS
    )
    safe = frozenset(
        w
        for w, z in vocab.items()
        if z >= 1.5
        and w.replace("'", "").isalpha()
        and (z >= 3.5 or not _fw_pair(w, vocab, function_words))
    )
    two = sorted(
        {
            w
            for w in top3000
            if len(w) == 2 and w.isalpha() and vocab.get(w, 0.0) >= 5.0 and w not in _glue._PREFIXES
        }
    )
    frequent: dict[int, tuple[list[str], list[str]]] = {}
    rare_keys: list[int] = []
    seen_hashes: set[int] = set()
    for w in sorted(band):
        if not _LOOKUP_SHAPE.fullmatch(w):
            continue  # digits, hyphens, marks: never looked up by the rules
        i = band[w]
        is_safe = w in safe
        # the token scan tests a raw token against the frequent tier only: safe words
        # whose raw form differs from their stripped/lower-cased form must live there
        # (and _glue looks up only lower-case words in the rare tier)
        odd = w.lower() != w or (is_safe and (w.startswith("'") or w.endswith("'")))
        if i <= _glue._FREQUENT_BAND or odd:
            frequent.setdefault(i, ([], []))[0 if is_safe else 1].append(w)
            continue
        h = _glue._word_hash(w)
        if h in seen_hashes:
            raise SystemExit(f"hash collision at {w!r}: change _word_hash")
        seen_hashes.add(h)
        rare_keys.append(h << 11 | (1 << 10 if is_safe else 0) | i)
    lines = [f"{i}\t{' '.join(s)}\t{' '.join(o)}\n" for i, (s, o) in sorted(frequent.items())]
    text = "".join(lines).encode("utf-8")
    keys = array.array("q", sorted(rare_keys))
    if sys.byteorder == "big":
        keys.byteswap()
    header = json.dumps(
        {
            "lang": lang,
            "wordfreq": version("wordfreq"),
            "function_words": sorted(function_words),
            "two_letter": two,
            "frequent_words": sum(len(s) + len(o) for s, o in frequent.values()),
            "rare_words": len(keys),
        },
        ensure_ascii=False,
        sort_keys=True,
    ).encode("utf-8")
    raw = b"".join(
        [
            _glue._MAGIC,
            struct.pack("<I", len(header)),
            header,
            struct.pack("<I", len(text)),
            text,
            struct.pack("<I", len(keys)),
            keys.tobytes(),
        ]
    )
    return gzip.compress(raw, compresslevel=9, mtime=0)


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args(argv)
    data = build("en")
    a.out.write_bytes(data)
    print(f"wrote {a.out} ({len(data):,} bytes)")


if __name__ == "__main__":
    main()
