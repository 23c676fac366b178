"""Every shipped rule removes its own documented example; user rules plug in."""

from __future__ import annotations

import pickle
import random
import re
from pathlib import Path

import pytest

from newsclean import Options, clean
from newsclean._rules import Rule, RuleError, RuleSet, apply_rules, builtin_rules, parse_rule_file
from newsclean._segment import segment_lines

RULES = builtin_rules()
RULESET = RuleSet.build(RULES)
PROSE = "The council approved the new budget on Tuesday after a long and heated debate."


def test_rule_ids_are_unique_and_prefixed_by_language() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    for r in RULES:
        assert r.id.split(".")[0] == r.language


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_each_rule_removes_its_example(rule: Rule) -> None:
    assert rule.example, f"{rule.id} needs an example (docs/rules.md shows it)"
    lines = [part.strip() for part in rule.example.split(" / ")]
    text = "\n\n".join([PROSE, *lines, PROSE])
    res = apply_rules(segment_lines(text), RULESET)
    assert [ln.text for ln in res.kept] == [PROSE, PROSE]
    assert rule.id in {c.rule for c in res.cuts}


def test_cookie_banner_goes_as_one_block() -> None:
    text = (
        "Customize Consent Preferences\n\nWe use cookies to help you navigate.\n\nAlways Active\n\n"
        "No cookies to display.\n\nAdvertisement cookies are used to provide ads.\n\n" + PROSE
    )
    res = apply_rules(segment_lines(text), RULESET)
    assert [c.rule for c in res.cuts] == ["en.cookie_banner"]
    assert [ln.text for ln in res.kept] == [PROSE]


def test_site_banner_gives_source() -> None:
    res = apply_rules(segment_lines("Last news in Fakti\n\n" + PROSE), RULESET)
    assert res.sources == ("Fakti",)


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Enlarge Photo", "en.gallery"),
        ("hide caption", "en.gallery"),
        ("Next »", "en.navigation"),
        ("‹ Back to Story", "en.navigation"),
        ("Add comment", "en.comment_form_line"),
        ("Printer-Friendly Version", "en.share_widget"),
        ("STORY HIGHLIGHTS", "en.widget_label"),
        ("Trackback Pings", "en.widget_label"),
        ("Follow us!", "en.newsletter"),
        ("Connect With Us on Twitter", "en.newsletter"),
        ("Cookie settings | Accept all", "en.cookie_line"),
        ("Accept all · Reject all · Manage preferences", "en.cookie_line"),
        ("Read more:", "en.read_more"),
        ("Tags: library, education, students", "en.tag_list"),
        ("Filed under: Poultry & Game", "en.tag_list"),
        ("Tags: He Lifeng, Trade, Food and Drink, World War I", "en.tag_list"),
        # comment systems
        ("Name (required)", "en.comment_form_line"),
        ("Email (will not be published) (required)", "en.comment_form_line"),
        ("Leave a Reply Cancel reply", "en.comment_form"),
        ("Notify me of new comments via email.", "en.comment_form_line"),
        ("No comments yet.", "en.comment_form_line"),
        ("Be the first to comment.", "en.comment_form_line"),
        ("{ 12 comments… read them below or add one }", "en.comment_form_line"),
        ("RSS feed for comments on this post. TrackBack URI", "en.comment_form_line"),
        ("Your comment is awaiting moderation.", "en.comment_form_line"),
        (
            "Comments are moderated and will not appear until the editor approves them.",
            "en.comment_form_line",
        ),
        ("Please enable JavaScript to view the comments.", "en.comment_form_line"),
        ("comments powered by Disqus", "en.comment_form_line"),
        ("3 Comments »", "en.counter"),
        # share, follow and feed prompts
        ("Email This BlogThis! Share to Twitter Share to Facebook", "en.share_widget"),
        ("Add to Digg", "en.share_widget"),
        ("Send to a Friend", "en.share_widget"),
        ("Follow me on Twitter", "en.newsletter"),
        ("Subscribe via RSS", "en.newsletter"),
        ("Subscribe to this blog's feed", "en.newsletter"),
        ("If you enjoyed this post, you might also like:", "en.newsletter"),
        ("Please consider a donation to keep this blog running.", "en.newsletter"),
        # site chrome
        ("Newer Post Older Post Home", "en.site_links"),
        ("Skip to main | Skip to sidebar", "en.site_links"),
        ("« Back to blog", "en.site_links"),
        ("View my complete profile", "en.site_links"),
        ("Powered by WordPress", "en.site_links"),
        ("Contact Us", "en.site_links"),
        ("Terms of Use", "en.site_links"),
        ("Posted in: Local News |", "en.tag_list"),
        ("Previous 2 / 9 Next", "en.gallery"),
        ("4 of 12", "en.gallery"),
        ("View the full gallery »", "en.gallery"),
        ("See more videos »", "en.read_more"),
        ("Learn more »", "en.read_more"),
        ("Media requires JavaScript to play.", "en.page_notice"),
        ("Order a reprint of this article now.", "en.page_notice"),
        ('<a href="" title=""> <abbr title=""> <b> <em>', "xx.empty_tags"),
        # other languages
        ("Recevez nos newsletters", "fr.newsletter"),
        ("Suivez-nous sur Facebook", "fr.newsletter"),
        ("Abonnez-vous à partir de 2 €", "fr.newsletter"),
        ("Imprimer cet article", "fr.share_widget"),
        ("Envía tu comentario", "es.comment_form_line"),
        ("Las más vistas", "es.navigation"),
        ("Diminuir fonte", "pt.share_widget"),
        ("跳到主文", "zh.navigation"),
        ("送出留言", "zh.comment_form_line"),
        ("熱門文章", "zh.read_more"),
        ("Sdílet článek", "cs.share_widget"),
        ("Související", "cs.navigation"),
    ],
)
def test_page_furniture_lines_go(line: str, rule: str) -> None:
    res = apply_rules(segment_lines(f"{PROSE}\n\n{line}\n\n{PROSE}"), RULESET)
    assert [ln.text for ln in res.kept] == [PROSE, PROSE]
    assert [c.rule for c in res.cuts] == [rule]


def test_blog_pager_and_feed_links_go() -> None:
    pager = ["Newer Post", "Older Post", "Home", "Subscribe to:", "Post Comments (Atom)"]
    res = apply_rules(segment_lines("\n".join([PROSE, *pager])), RULESET)
    assert [ln.text for ln in res.kept] == [PROSE]
    assert {c.rule for c in res.cuts} == {"en.navigation"}


@pytest.mark.parametrize(
    "line",
    [
        "We use cookies in our kitchen every Sunday, said the baker, who has run the shop since 1990.",
        "Share prices rose 3% on Tuesday.",
        "Read more about the council's plans in our explainer, published last week.",
        "Print media are in decline.",
        "Menu prices at the restaurant went up by a third last year, the owner said.",
        "0.5 percent",
        "Home prices fell for the third month in a row.",
        "Subscribe to the feed if you want the next post.",
        "Older posts are in the archive, which we will move next year.",
        "Follow us on the long road home, said the guide.",
        "Next, add the comment to the file and save it.",
        "Back to the story of the flood: the river rose again.",
        "Tags: the police found them on every lamp post, and the council wants them gone.",
        "Topics: housing, transport and schools. The mayor will speak on all three tonight.",
        "Accept all the offers, the agent told us.",
        # a label, then clauses: short comma-separated parts, but a sentence
        "Topics: Inflation is up, wages are not.",
        "Categories: I love them all, she said.",
        "Keywords: we said, they said.",
        "Topics: the budget, the new library, and parking.",
        # sentences that resemble the comment, share and chrome rules
        "No comments yet, the mayor's office said when asked about the report.",
        "Be the first to arrive and the last to leave, the coach told his players.",
        "Comments are moderated by volunteers, who remove about a tenth of them.",
        "Name (required) and address fields confused many applicants, the audit found.",
        "Follow me on the trail, the ranger said, and stay close.",
        "Subscribe via the app to get the alerts, officials urged residents.",
        "Contact us if you saw the crash, police said in a statement.",
        "About us: a family business that has sold bread since 1921.",
        "Powered by wind, the ferry crosses the bay in under an hour.",
        "Send to a friend the letter you never sent, the author advises.",
        "Add to that the cost of fuel, and the plan looks shaky.",
        "Posted in: the back office, where no one reads the memos.",
        "Previous owners of the house left in 2019.",
        "4 of the 12 jurors were replaced.",
        "Learn more about the plan at the public meeting on Monday.",
        "Media requires more than a press release to cover a story well, she said.",
        "This copy of the letter was found in the archive last week.",
        "If you enjoyed this article, you are not alone: it was read a million times.",
        "Please consider the cost before you sign, the adviser said.",
        # reduplicated words: a capitalised heading is not a doubled banner
        "Couscous",
        "Murmur",
        "Suivez-nous, a lancé le guide aux randonneurs avant la montée.",
        "Las más vistas de la temporada fueron las comedias, según la encuesta.",
    ],
)
def test_sentences_that_merely_mention_junk_words_stay(line: str) -> None:
    res = apply_rules(segment_lines(f"{PROSE}\n\n{line}"), RULESET)
    assert [ln.text for ln in res.kept] == [PROSE, line]


# Open-tailed phrase rules once took any line that merely started with the phrase:
# a footer tail follows a separator, a (c) or a year; a sentence goes on with a clause.
SENTENCES_OPENING_WITH_A_FOOTER_PHRASE = [
    "Copyright holders say the bill goes too far, and artists agree.",
    "Copyright law was last changed in 1998, and artists want more.",
    "Follow us on Twitter, the police urged residents during the storm.",
    "Continue reading aloud to children, experts advise parents.",
    "Consider donating to the families, the mayor said.",
    "You are logged in as an administrator, the error message warned the clerk.",
    "Please enable JavaScript to view the comments, the help page says.",
    "Comment below or sign in with your library card, the form reads.",
    "Home/office hybrid work is here to stay, the survey found.",
    "Startseite/Impressum fehlten, bemängelte das Gericht.",
    "Inicio/fin del plazo: el ministerio lo aclarará, dijo el portavoz.",
    "上一篇文章中我们提到了房价问题，今天我们继续讨论。",
    "下一篇报道将关注农村地区的教育问题。",
    "首页改版后，网站的访问量增加了一倍。",
    "关注我们身边的环境问题，是每一个公民的责任。",
    "订阅新闻客户端的用户越来越多。",
    "版权所有人认为，这项法律保护不足。",
    "扫码关注的人越来越多，商家也开始重视。",
    "本网站使用cookie的情况受到调查，记者了解到。",
    "Alle Rechte vorbehalten, sagte der Verlag zu der Klage.",
    "Wir verwenden Cookies nicht, sagte der Sprecher des Ministeriums.",
    "Newsletter abonnieren inzwischen mehr Leser als je zuvor.",
    "Все права защищены законом, напомнил судья.",
    "Перепечатка материалов из других изданий стала проблемой, считает эксперт.",
    "Мы в Telegram писали об этом ещё в марте.",
    "Todos los derechos reservados, dijo el abogado ante el tribunal.",
    "Utilizamos cookies solo en la web, dijo el portavoz.",
    "Tous droits réservés, a rappelé l'avocat devant le juge.",
    "Suivez-nous sur la route, dit le guide aux touristes.",
    "Todos os direitos reservados, disse o advogado ao juiz.",
    "Všechna práva vyhrazena, řekl soudce.",
]


@pytest.mark.parametrize("line", SENTENCES_OPENING_WITH_A_FOOTER_PHRASE)
def test_a_sentence_opening_with_a_footer_phrase_stays(line: str) -> None:
    res = apply_rules(segment_lines(f"{PROSE}\n\n{line}\n\n{PROSE}"), RULESET)
    assert [ln.text for ln in res.kept] == [PROSE, line, PROSE]


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("© 2024 Example Media. All rights reserved.", "en.navigation"),
        ("Copyright 2024 The Herald", "en.navigation"),
        ("Copyright © 2012 Vox Media, Inc. All rights reserved.", "en.navigation"),
        ("Copyright The Herald. All rights reserved.", "en.navigation"),
        ("(c) 2012 The Curious Brain | powered by WordPress", "en.navigation"),
        ("Follow us on Twitter", "en.newsletter"),
        ("Continue reading the main story", "en.read_more"),
        ("Home / Blog / Positioning your startup", "en.navigation"),
        ("Home > Entertainment", "en.navigation"),
        ("You are currently signed in as (nobody). Sign Out", "en.comment_form_line"),
        ("Startseite / Politik", "de.navigation"),
        ("Alle Rechte vorbehalten.", "de.navigation"),
        ("Alle Rechte vorbehalten. © 2024 Verlag GmbH", "de.navigation"),
        ("Jetzt Newsletter abonnieren!", "de.newsletter"),
        ("Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.", "de.cookie_line"),
        ("Все права защищены © 2024 ООО Медиа", "ru.navigation"),
        ("Перепечатка материалов без согласия редакции запрещена.", "ru.navigation"),
        ("Мы в Telegram", "ru.newsletter"),
        ("Todos los derechos reservados.", "es.navigation"),
        ("Suivez-nous sur Facebook et Twitter", "fr.newsletter"),
        ("Všechna práva vyhrazena.", "cs.navigation"),
        ("版权所有 © 2024 新华网", "zh.navigation"),
        ("版权所有，侵权必究", "zh.navigation"),
        ("上一篇：标题", "zh.navigation"),
        ("下一篇: 标题", "zh.navigation"),
        ("上一篇文章與下一篇文章", "zh.navigation"),
        ("首页 > 新闻", "zh.navigation"),
        ("订阅我们的新闻通讯", "zh.newsletter"),
        ("关注我们的微信公众号", "zh.newsletter"),
        ("扫码关注公众号，获取更多资讯", "zh.newsletter"),
    ],
)
def test_footer_lines_still_go(line: str, rule: str) -> None:
    res = apply_rules(segment_lines(f"{PROSE}\n\n{line}\n\n{PROSE}"), RULESET)
    assert [ln.text for ln in res.kept] == [PROSE, PROSE]
    assert [c.rule for c in res.cuts] == [rule]


@pytest.mark.parametrize("rule_line", ["|---|---|", "| --- | --- |", "|---|---|---|", "  |-|-|  "])
def test_a_markdown_table_rule_is_not_a_widget_line(rule_line: str) -> None:
    table = f"| Item | Cost |\n{rule_line}\n| Buses | 4 |"
    res = apply_rules(segment_lines(f"{PROSE}\n\n{table}"), RULESET)
    assert [ln.text for ln in res.kept] == [PROSE, "| Item | Cost |", rule_line, "| Buses | 4 |"]


@pytest.mark.parametrize("line", ["- | -", "| | |", "—|—|—", "|"])
def test_pipe_and_dash_widgets_that_are_no_table_rule_still_go(line: str) -> None:
    res = apply_rules(segment_lines(f"{PROSE}\n\n{line}"), RULESET)
    assert [ln.text for ln in res.kept] == [PROSE]
    assert [c.rule for c in res.cuts] == ["xx.widget_glyphs"]


def test_disable_switches_off_a_rule_or_a_family() -> None:
    text = f"{PROSE}\n\nRead more\n\n阅读更多"
    assert clean(text).body == PROSE
    assert clean(text, disable={"en.read_more"}).body == f"{PROSE}\n\nRead more"
    assert clean(text, disable={"zh"}).body == f"{PROSE}\n\n阅读更多"


def test_user_patterns_remove_lines_under_their_id() -> None:
    doc = clean(
        f"{PROSE}\n\nBuy the Daily Planet now!",
        patterns={"planet.promo": r"buy the daily planet.*"},
    )
    assert doc.body == PROSE
    assert doc.removed[0].rule == "planet.promo"


def test_phrase_file_and_json_rule_file(tmp_path: Path) -> None:
    phrases = tmp_path / "planet.txt"
    phrases.write_text(
        "# id: planet.chrome\nDaily Planet Exclusive\nSupport our journalism\n", "utf-8"
    )
    doc = clean(
        f"Daily Planet exclusive\n\n{PROSE}\n\nSupport our journalism.", rule_files=[phrases]
    )
    assert doc.body == PROSE
    assert {r.rule for r in doc.removed} == {"planet.chrome"}

    rules = tmp_path / "planet.json"
    rules.write_text(
        '{"language": "en", "rules": [{"id": "planet.tip", "kind": "suffix",'
        ' "patterns": ["\\\\(tip us\\\\)"], "example": "(tip us)"}]}',
        "utf-8",
    )
    assert clean(f"{PROSE} (tip us)", options=Options(rule_files=(str(rules),))).body == PROSE


@pytest.mark.parametrize(
    "pattern", [r"(\w)c\1", r"(a)\g<1>", r"(a)?(?(1)b|c)", r"(a(?1)?)", r"(?R)?x", r"(a)\\\1"]
)
def test_a_pattern_that_refers_to_a_group_number_is_refused(pattern: str) -> None:
    # Rules are joined into one pattern, where group 1 is another rule's group.
    with pytest.raises(RuleError, match="named group"):
        Options(patterns={"u.ref": pattern})


def test_a_reversed_pattern_is_refused() -> None:
    # "(?r)" in one rule would turn the joined pattern of every rule around.
    with pytest.raises(RuleError, match=r"\(\?r\)"):
        Options(patterns={"u.rev": "(?r)xyz"})


def test_named_groups_and_escaped_backslashes_are_fine() -> None:
    opts = Options(patterns={"u.twice": r"(?P<w>\p{Ll}{3,})(?P=w)", "u.slash": r"a\\1"})
    assert clean(f"{PROSE}\n\nbyebye", options=opts).body == PROSE
    assert clean(f"{PROSE}\n\na\\1", options=opts).body == PROSE


def test_bad_rules_are_reported_clearly() -> None:
    with pytest.raises(RuleError, match="bad pattern"):
        Options(patterns={"x.bad": "("})
    with pytest.raises(RuleError, match="not a rule file"):
        parse_rule_file("[]")


def test_docs_rules_md_lists_every_rule() -> None:
    doc = (Path(__file__).parent.parent / "docs" / "rules.md").read_text("utf-8")
    for rule in RULES:
        assert f"`{rule.id}`" in doc, f"run tools/gen_rules_doc.py: {rule.id} is missing"


def _first_match_of_every_rule(rs: RuleSet, text: str) -> tuple[str, str | None] | None:
    """What the line rules give, asked one rule at a time in file order (no pre-filter)."""
    for c in rs._line:
        m = c.single.search(text)
        if m is not None:
            source = m.groupdict().get("source")
            return c.rule.id, source.strip() if source else None
    return None


@pytest.mark.parametrize(
    "line",
    [
        "Share",
        "share on facebook",
        "TWITTER | FACEBOOK",
        "12,345 views",
        "(42)",
        "—— ——",
        "Last news in Examplepost",
        "Views: 0",
        "»  Mehr lesen",
        "Ещё новости",
        "  ",
        "Kommentar abschicken",
        "\u212aommentar abschicken",  # the Kelvin sign folds to "k"
        "The council approved the budget on Tuesday.",
        *(ex.strip() for r in RULES if r.kind == "line" for ex in r.example.split(" / ")),
    ],
)
def test_first_character_prefilter_gives_what_every_rule_would(line: str) -> None:
    rs = RULESET
    for text in (line, line.upper(), line.lower(), line.strip()):
        assert rs._line_rule(text) == _first_match_of_every_rule(rs, text)


def test_docs_rules_md_lists_every_stage_rule_the_code_records() -> None:
    # The stage rules (normalize.*, metadata.* ...) are ids written in the code, not data.
    src = Path(__file__).parent.parent / "src" / "newsclean"
    doc = (Path(__file__).parent.parent / "docs" / "rules.md").read_text("utf-8")
    stage_rule = re.compile(r'"((?:decode|normalize|content|metadata|glue)\.[a-z_]+)"')
    ids = {m for path in src.glob("*.py") for m in stage_rule.findall(path.read_text("utf-8"))}
    assert "metadata.masthead" in ids
    missing = sorted(i for i in ids if f"`{i}`" not in doc)
    assert not missing, f"run tools/gen_rules_doc.py: {missing} missing from docs/rules.md"


def _random_lines(seed: int, count: int) -> list[str]:
    """Lines made of the rules' own examples cut, recased and run into random text."""
    rng = random.Random(seed)
    examples = [ex.strip() for r in RULES for ex in r.example.split(" / ") if ex.strip()]
    alphabet = "aAbBcCdDeEfFkKsStTxXzZ ()+-.:|»›→0123456789éß\u212a\u017fКкó中"
    out = []
    for _ in range(count):
        ex = rng.choice(examples)
        a, b = sorted(rng.randrange(len(ex) + 1) for _ in range(2))
        noise = "".join(rng.choice(alphabet) for _ in range(rng.randrange(4)))
        text = rng.choice([ex, ex[a:], ex[:b], ex[a:b], noise + ex, ex + noise, noise])
        out.append(rng.choice([text, text.upper(), text.lower(), text.swapcase()]))
    return out


def test_opening_prefilter_gives_what_every_rule_would_on_random_lines() -> None:
    rs = RuleSet.build(
        [*RULES, Rule("user.cased", "line", ("ab(?-i:C)d", "k(?-i:s)"))]  # case matters here
    )
    for text in [*_random_lines(7, 4000), "abCd", "ABCD", "abcd", "ks", "KS", "Ks", "kS"]:
        assert rs._line_rule(text) == _first_match_of_every_rule(rs, text), text


def test_last_character_prefilter_never_hides_a_suffix() -> None:
    rs = RULESET
    assert rs._suffix_any is not None
    lines = [*_random_lines(11, 4000), "Text size A- A A+", "Size + − 12px", "A–A+", "x+", ""]
    for text in lines:
        if rs._suffix_any.search(text) is not None:
            assert rs._may_end_in_suffix(text), text
    assert not rs._may_end_in_suffix(PROSE)  # (prose ends in a full stop: no search)


def test_line_rules_are_not_tried_on_a_line_ending_where_they_cannot() -> None:
    rs = RuleSet.build(
        [
            Rule("user.count", "line", (r"\w+ \(\d+\)",)),
            Rule("user.twice", "line", (r"(?P<w>[a-z]+)(?P=w)",)),
        ]
    )
    count, twice = rs._line
    assert "." in count.cannot_end and ")" not in count.cannot_end
    assert not twice.cannot_end  # read backwards, the reference comes before its group
    assert rs._line_rule("Archives (12)") == ("user.count", None)
    assert rs._line_rule("newsnews") == ("user.twice", None)
    assert rs._line_rule("Archives (12).") is None


# User patterns with lookarounds, word boundaries, backreferences and empty matches: the
# partial-match tables must never hide a match from them either.
_AWKWARD_LINE_PATTERNS = (
    r"(?P<w>ab)(?P=w)",
    r"ab(?=c)c",
    r"(?<=^)ba",
    r"\Bab",
    r"a\b b",
    r"(?<!x)bc",
    r"(?:a|)b c",
    r"b?",
    r"(?P<v>[a-c])x(?P=v)",
)
_AWKWARD_SUFFIX_PATTERNS = (r"(?<=x )yy", r"\byy", r"\Byy", r"(?<!a)b", r"(?:x|)y", r"[a-c]{2}\b")


def test_prefilters_hold_for_awkward_user_patterns() -> None:
    rules = [Rule(f"user.l{i}", "line", (p,)) for i, p in enumerate(_AWKWARD_LINE_PATTERNS)]
    rules += [Rule(f"user.s{i}", "suffix", (p,)) for i, p in enumerate(_AWKWARD_SUFFIX_PATTERNS)]
    rs = RuleSet.build(rules)
    assert rs._suffix_any is not None
    rng = random.Random(2)
    for _ in range(20_000):
        text = "".join(rng.choice("abcxyAB C") for _ in range(rng.randrange(1, 7)))
        assert rs._line_rule(text) == _first_match_of_every_rule(rs, text), text
        if rs._suffix_any.search(text) is not None:
            assert rs._may_end_in_suffix(text), text


def test_a_rule_set_survives_pickling() -> None:
    rules = RuleSet.build(builtin_rules())
    again = pickle.loads(pickle.dumps(rules))
    lines = segment_lines("Read more\n\nShare this article\n\nThe mayor spoke.")
    assert apply_rules(lines, again) == apply_rules(lines, rules)


def test_a_comment_form_block_takes_no_sentence_under_its_heading() -> None:
    sentence = "Applicants said the form's required fields are marked in red, which confused many."
    res = apply_rules(segment_lines(f"{PROSE}\n\nComments\n\n{sentence}"), RULESET)
    assert [ln.text for ln in res.kept] == [PROSE, sentence]
    form = "Leave a Reply\n\nRequired fields are marked with an asterisk (*)\n\nName *"
    res = apply_rules(segment_lines(f"{PROSE}\n\n{form}"), RULESET)
    assert [ln.text for ln in res.kept] == [PROSE]
    assert [c.rule for c in res.cuts] == ["en.comment_form"]


def test_a_pattern_whose_flags_clash_with_the_rule_sets_is_a_rule_error() -> None:
    # (the rules are compiled VERSION0: "(?V1)" raised a bare ValueError from regex)
    with pytest.raises(RuleError, match=r"u\.v1"):
        Options(patterns={"u.v1": "(?V1)abc"})


def test_a_suffix_rule_with_a_back_reference_cuts() -> None:
    # The suffix pre-filter is searched backwards, where "(?P=w)" comes before the group it
    # names and never matches: such a rule cut nothing.
    ruleset = RuleSet.build(
        [Rule("my.echo", "suffix", (r"(?P<w>[a-z]+) and again (?P=w)",))],
    )
    text = "The ferry left at noon. echo and again echo"
    cut = apply_rules(segment_lines(text), ruleset, text).cuts
    assert [(text[c.start : c.end], c.rule) for c in cut] == [(" echo and again echo", "my.echo")]
    keep = "The ferry left at noon. echo and again other"
    assert apply_rules(segment_lines(keep), ruleset, keep).cuts == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "Your comment has been received by the council, the letter to residents said.",
        "All comments are moderated and will not appear until approved, the newspaper said.",
        "As a final step before posting your comment, the forum asks users to agree to its rules.",
        "You may use these HTML tags to format the text, the guide said.",
        "If these are available but disabled, the report said, they must be enabled.",
        "This copy is for your personal, non-commercial use only, the publisher warned readers.",
        "This video contains media that requires parental guidance, officials said.",
        "Alle Rechte vorbehalten, sagte der Verlag zu der Klage.",
    ],
)
def test_a_sentence_reporting_a_notice_stays(sentence: str) -> None:
    # (a line rule matched its opening phrase and cut the whole sentence)
    first = "The council approved the new budget on Tuesday after a long debate, officials said."
    last = "Residents who spoke at the meeting said they were worried about rising rents."
    assert sentence in clean(f"{first}\n\n{sentence}\n\n{last}").body


@pytest.mark.parametrize(
    "line",
    [
        "Home › World › Fed holds rates steady, Powell says",  # a breadcrumb's headline crumb
        "Home > Politics > Biden, aides said to weigh new tariffs",
        "Copyright © 2024 Example News, unless otherwise noted.",
        "© 2024 Example News, all rights reserved unless otherwise stated.",
    ],
)
def test_chrome_lines_with_a_reporting_verb_or_a_footer_clause_still_go(line: str) -> None:
    first = "The council approved the new budget on Tuesday after a long debate, officials said."
    last = "Residents who spoke at the meeting said they were worried about rising rents."
    assert line not in clean(f"{first}\n\n{last}\n\n{line}").body
