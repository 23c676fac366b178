"""Build src/newsclean/data/stopwords.json from wordfreq's "small" word lists.

`python tools/build_stopwords.py` — run again after a wordfreq upgrade. For each language
wordfreq ships a small list for, its 120 most frequent words (numbers left out): the
main-content stage (newsclean._content) measures stopword density with them. Shipping
them avoids loading every wordfreq list at run time (~150 MB resident for all of them).
"""

from __future__ import annotations

import json
from pathlib import Path

import wordfreq

TOP = 120


def build() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for lang in sorted(wordfreq.available_languages("small")):
        words = wordfreq.top_n_list(lang, TOP, wordlist="small")
        out[lang] = [w for w in words if not w.isdigit()]
    return out


if __name__ == "__main__":
    target = (
        Path(__file__).resolve().parent.parent / "src" / "newsclean" / "data" / "stopwords.json"
    )
    target.write_text(json.dumps(build(), ensure_ascii=False, sort_keys=True, indent=0), "utf-8")
    print(f"wrote {target} ({target.stat().st_size} bytes)")
