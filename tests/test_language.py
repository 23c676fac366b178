from __future__ import annotations

import pytest

from newsclean._language import detect_language, language_sample

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
