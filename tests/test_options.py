"""Options: user inputs normalised to one frozen object, and misspelt settings refused."""

from __future__ import annotations

import copy
import pickle
import re
from pathlib import Path

import pytest

from newsclean import Options, clean
from newsclean._rules import builtin_rules
from newsclean._stage_rules import STAGE_RULES

PROSE = "The council approved the new budget on Tuesday after a long and heated debate."


def test_lists_strings_and_dicts_become_hashable_settings() -> None:
    opts = Options(disable=["en.read_more"], patterns={"my.promo": "buy now"}, rule_files=())
    assert opts.disable == frozenset({"en.read_more"})
    assert opts.patterns == (("my.promo", "buy now"),)
    assert Options(disable="zh").disable == frozenset({"zh"})
    assert hash(opts) == hash(Options(disable={"en.read_more"}, patterns=[("my.promo", "buy now")]))


@pytest.mark.parametrize(
    "rule_id",
    ["en.read_more", "en", "zh", "xx.lone_number", "metadata", "metadata.title", "glue",
     "glue.lower_lower", "normalize", "normalize.mojibake", "content.boilerplate"],
)  # fmt: skip
def test_rule_ids_and_families_are_accepted(rule_id: str) -> None:
    assert rule_id in Options(disable={rule_id}).disable


@pytest.mark.parametrize(
    ("rule_id", "hint"),
    [
        ("en.share_widgit", "en.share_widget"),
        ("metadata.titel", "metadata.title"),
        ("en.read", "en.read_more"),  # a prefix of an id, not a family of ids
        ("english", None),
    ],
)
def test_a_misspelt_rule_id_is_refused_with_the_nearest_one(rule_id: str, hint: str | None) -> None:
    with pytest.raises(ValueError, match=re.escape(repr(rule_id))) as err:
        Options(disable={rule_id})
    if hint:
        assert f"did you mean {hint!r}" in str(err.value)


def test_user_rule_ids_can_be_disabled(tmp_path: Path) -> None:
    opts = Options(patterns={"my.promo": "buy now!?"}, disable={"my.promo"})
    assert clean(f"{PROSE}\n\nBuy now!", options=opts).body == f"{PROSE}\n\nBuy now!"
    rules = tmp_path / "tips.txt"
    rules.write_text("tip us\n", "utf-8")
    from_file = Options(rule_files=(str(rules),), disable={"custom.tips"})  # the file's rule id
    assert clean(f"{PROSE}\n\nTip us", options=from_file).body == f"{PROSE}\n\nTip us"
    with pytest.raises(ValueError, match=r"'my\.promo'"):
        Options(rule_files=(str(rules),), disable={"my.promo"})


@pytest.mark.parametrize(
    ("given", "kept"),
    [("en", "en"), ("EN", "en"), (" de ", "de"), ("pt-BR", "pt-BR"), ("zh_Hant", "zh_Hant"),
     ("", None), (None, None)],
)  # fmt: skip
def test_language_codes_are_written_as_language_tags(given: str | None, kept: str | None) -> None:
    assert Options(language=given).language == kept


@pytest.mark.parametrize("given", ["klingon", "e", "en-", "english language", "12"])
def test_a_language_that_is_no_code_is_refused(given: str) -> None:
    with pytest.raises(ValueError, match="language must be a language code"):
        Options(language=given)


def test_clean_passes_the_code_on() -> None:
    assert clean(PROSE, language="EN").language == "en"


def test_every_rule_id_the_stages_record_is_a_stage_rule() -> None:
    # The stage rules (normalize.*, metadata.* ...) are ids written in the code; disable is
    # checked against STAGE_RULES, so an id missing there could not be switched off.
    src = Path(__file__).parent.parent / "src" / "newsclean"
    stage_rule = re.compile(r'"((?:decode|normalize|content|metadata|glue)\.[a-z_]+)"')
    written = {m for path in src.glob("*.py") for m in stage_rule.findall(path.read_text("utf-8"))}
    listed = [rid for rid, _, _ in STAGE_RULES]
    assert len(listed) == len(set(listed))
    assert written <= set(listed), sorted(written - set(listed))
    assert not set(listed) & {r.id for r in builtin_rules()}


def test_options_pickle_and_deep_copy() -> None:
    # a user's own process pool or Dask/Spark task ships Options by pickle
    opts = Options(language="EN", disable={"en.read_more"}, patterns={"my.promo": "buy now"})
    for again in (pickle.loads(pickle.dumps(opts)), copy.deepcopy(opts)):
        assert again == opts and again.language == "en"
        assert clean("Buy now\n\n" + PROSE, options=again).body == PROSE


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"unglue": "no"}, TypeError),  # a non-empty str would have meant True
        ({"main_content": None}, TypeError),
        ({"metadata": 0}, TypeError),
        ({"detect_language": "false"}, TypeError),
        ({"language": 123}, TypeError),  # (was an AttributeError from inside)
        ({"patterns": {"": "Subscribe now"}}, ValueError),
        ({"patterns": {"en.counter": "Views: \\d+"}}, ValueError),  # a built-in id
        ({"disable": {"decode"}}, ValueError),  # (decoding ran, and its record stayed)
    ],
)
def test_settings_of_the_wrong_kind_are_refused(kwargs: dict[str, object], error: type) -> None:
    with pytest.raises(error):
        Options(**kwargs)  # type: ignore[arg-type]
