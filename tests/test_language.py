from __future__ import annotations

import random

import pytest
import regex

from newsclean._language import (
    _LATIN_WORDS,
    _NON_LATIN_LETTER,
    _OUTSIDE_LATIN_TEXT,
    _WORDS,
    _word_index,
    detect_language,
    detect_language_fast,
    language_sample,
)

SAMPLES = {
    "en": "The council approved the new budget on Tuesday after a long and heated debate.",
    "de": "Der Stadtrat hat den neuen Haushalt am Dienstag nach einer langen Debatte beschlossen.",
    "fr": "Le conseil municipal a adopté le nouveau budget mardi après un long débat animé.",
    "es": "El ayuntamiento aprobó el nuevo presupuesto el martes tras un largo y acalorado debate.",
    "pt": "A câmara municipal aprovou o novo orçamento na terça-feira depois de um longo debate.",
    "ru": "Городской совет утвердил новый бюджет во вторник после долгих и жарких дебатов.",
    "zh": "市议会在经过长时间激烈辩论后于周二批准了新的预算方案，预计明年开始实施。",
}


@pytest.mark.parametrize("method", ["fast", "langdetect"])
@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_detects_the_design_languages(code: str, method: str) -> None:
    assert detect_language(SAMPLES[code], method) == code


def test_unknown_method_is_an_error() -> None:
    with pytest.raises(ValueError, match="fast"):
        detect_language("text", "magic")


def test_same_answer_every_time_and_in_any_order() -> None:
    texts = [*SAMPLES.values(), "ok ok ok yes no maybe so so so so so so so so so"]
    first = [detect_language(t) for t in texts]
    assert [detect_language(t) for t in reversed(texts)] == list(reversed(first))


def test_sample_is_bounded() -> None:
    assert len(language_sample("word " * 100_000)) <= 1500


@pytest.mark.parametrize("method", ["fast", "langdetect"])
def test_too_little_text_is_none(method: str) -> None:
    assert detect_language("42 — !!", method) is None


def test_sentences_outvote_short_lines() -> None:
    # "az" is Hungarian for "the": two site-name lines must not decide the language.
    text = "News.Az\nNews.Az\nSouth Korea’s ministry said the initial reports were credible.\n"
    assert detect_language(text) == "en"


def _every_character() -> str:
    return "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp <= 0xDFFF)


def test_the_unspaced_script_prefilter_never_misses_a_character() -> None:
    from newsclean._language import UNSPACED_SCRIPTS, may_hold_unspaced_script

    found = "".join(UNSPACED_SCRIPTS.findall(_every_character()))
    assert len(found) > 90_000  # Han, kana, Thai, Lao, Khmer
    assert all(may_hold_unspaced_script(f"plain “text” {c} here") for c in found)


def test_spaced_scripts_only_is_the_plain_substitution() -> None:
    from newsclean._language import UNSPACED_SCRIPTS, spaced_scripts_only

    everything = _every_character()
    for start in range(0, len(everything), 4096):
        chunk = everything[start : start + 4096]
        assert spaced_scripts_only(chunk) == UNSPACED_SCRIPTS.sub(" ", chunk)


def test_script_counts_only_need_the_letters_of_other_scripts() -> None:
    # detect_language_fast counts script letters after dropping Latin, Common and
    # Inherited characters; that is exact only if no script it counts shares one of them.
    from newsclean._language import _NO_SCRIPT_OF_OURS, _SCRIPTS

    everything = _every_character()
    rest = _NO_SCRIPT_OF_OURS.sub("", everything)
    for pattern, _code, _share in _SCRIPTS:
        assert len(pattern.findall(rest)) == len(pattern.findall(everything))


def test_lower_casing_keeps_the_number_of_letters() -> None:
    # detect_language_fast counts letters on the lower-cased sample.
    import regex

    letters = regex.compile(r"\p{L}")
    everything = _every_character()
    for start in range(0, len(everything), 4096):
        chunk = everything[start : start + 4096]
        assert len(letters.findall(chunk.lower())) == len(letters.findall(chunk))


def _scored_in_a_dict(words: list[str]) -> str | None:
    """The word scoring as first written: a dict of scores, summed word by word."""
    languages, index = _word_index()
    scores: dict[str, float] = {}
    hits = 0
    for word in words:
        entries = index.get(word)
        if entries is None:
            continue
        hits += 1
        for slot, weight in entries:
            scores[languages[slot]] = scores.get(languages[slot], 0.0) + weight
    if hits < 3 or not scores:
        return None
    return max(scores.items(), key=lambda kv: (kv[1], kv[0]))[0]


def test_word_scores_in_slots_give_what_the_dict_gave() -> None:
    _, index = _word_index()
    vocabulary = sorted(index)
    shared = sorted(index, key=lambda w: -len(index[w]))[:40]  # words of many languages
    rng = random.Random(5)
    for _ in range(2000):
        text = " ".join(
            rng.choice(rng.choice([vocabulary, shared, ["zzqx", "blorf"]]))
            for _ in range(rng.randrange(60))
        )
        words = _WORDS.findall(text.lower())
        expected = _scored_in_a_dict(words) if sum(map(len, words)) >= 20 else None
        assert detect_language_fast(text) == expected, text


def test_latin_text_shortcut_holds_for_every_character_it_lets_through() -> None:
    every = _every_character()
    outside = set(_OUTSIDE_LATIN_TEXT.findall(every))
    inside = [c for c in every if c not in outside]
    assert len(inside) > 700  # ASCII, Latin letters, punctuation and currency signs
    letter = regex.compile(r"\p{L}")
    for c in inside:
        # the same letters as \p{L}, none of another script, and lower case stays inside
        assert (letter.match(c) is None) == (_LATIN_WORDS.match(c) is None), hex(ord(c))
        assert _NON_LATIN_LETTER.match(c) is None, hex(ord(c))
        assert not set(c.lower()) & outside, hex(ord(c))


def test_latin_text_gives_what_the_letter_pattern_gives() -> None:
    rng = random.Random(3)
    alphabet = "aAzZ éÉßøÆœŒ ǅǆ ɓ İ Ⱥ µ ’“”—€ 12,. ʼ ω Ж 中"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(80)))
        low = text.lower()
        expected = _WORDS.findall(low)
        if _OUTSIDE_LATIN_TEXT.search(text) is None:
            assert _LATIN_WORDS.findall(low) == expected, text
