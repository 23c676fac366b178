"""Build src/newsclean/data/language_profiles.json from wordfreq's word lists.

`python tools/build_language_profiles.py` — run again after a wordfreq upgrade. For each
language wordfreq ships, the 300 most frequent words with their frequencies; the fast
language detector (newsclean._language) scores a text by these words, per script.
"""

from __future__ import annotations

import json
from pathlib import Path

import wordfreq

TOP = 300
# Languages identified by their script alone; no word list needed.
SCRIPT_ONLY = {"zh", "ja", "ko", "th", "he", "el", "hi", "bn", "ta"}


def build() -> dict[str, dict[str, float]]:
    profiles: dict[str, dict[str, float]] = {}
    for lang in sorted(wordfreq.available_languages()):
        if lang in SCRIPT_ONLY:
            continue
        words = [w for w in wordfreq.top_n_list(lang, TOP * 2) if w.isalpha()][:TOP]
        profiles[lang] = {w: round(wordfreq.word_frequency(w, lang), 7) for w in words}
    return profiles


if __name__ == "__main__":
    out = (
        Path(__file__).resolve().parent.parent
        / "src"
        / "newsclean"
        / "data"
        / "language_profiles.json"
    )
    out.write_text(json.dumps(build(), ensure_ascii=False, sort_keys=True), "utf-8")
    print(f"wrote {out} ({out.stat().st_size} bytes)")
