"""The whole cascade: golden cases, do-no-harm, and properties that hold for any str."""

from __future__ import annotations

import gc
import json
import random
import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean import Document, clean
from newsclean._pipeline import subtract

CASES = Path(__file__).parent / "fixtures" / "cases"


def load(name: str) -> list[dict[str, str]]:
    lines = (CASES / name).read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("case", load("must_not_change.jsonl"), ids=lambda c: c["id"])
def test_clean_articles_come_out_unchanged(case: dict[str, str]) -> None:
    doc = clean(case["text"])
    assert doc.body == case["text"]
    assert doc.removed == ()
    assert doc.language == case["lang"]


@pytest.mark.parametrize("case", load("synthetic.jsonl"), ids=lambda c: c["id"])
def test_synthetic_noisy_pages(case: dict[str, str]) -> None:
    doc = clean(case["text"])
    assert doc.body == case["body"]
    for field in ("title", "date", "author", "source"):
        if field in case:
            assert getattr(doc, field) == case[field]


def nonspace(text: str) -> Counter[str]:
    return Counter(ch for ch in text if not ch.isspace())


def accounted_for(text: str, doc: Document) -> bool:
    """Every non-space input character is in the body or a removal, modulo recorded repairs."""
    have = nonspace(doc.body)
    for r in doc.removed:
        have += nonspace(r.text)
    for rep in doc.repairs:
        if rep.stage == "decode":
            continue
        have.update(nonspace(rep.before))
        have.subtract(nonspace(rep.after))
    have = +have
    return have == nonspace(text)


LINES = st.sampled_from(
    [
        "Views: 0",
        "0",
        "Read more",
        ">>> Read more <<<",
        "Share on Facebook Twitter",
        "Last news in Fakti",
        "Oct 22, 2024 17:19 74",
        "date 2024-10-21",
        "News.Az",
        "By Jane Smith",
        "Budget passes after long debate",
        "Budget passes after long debate - 1",
        "发表回复",
        "您的邮箱地址不会被公开。 必填项已用 * 标注",
        "Customize Consent Preferences",
        "No cookies to display.",
        "The council approved the new budget on Tuesday after a long and heated debate.",
        "Moscow, October 21, 2024 – The ministry summoned the ambassador over troop reports.",
        "Riders have waited long enough, said Ana Ruiz, who chairs the transport committee.",
        "South Koreaʼs ministry said theinitial reports were credible.neighbor.South Korea",
        "  indented   line\twith\u00a0odd\u200bspaces  ",
        "Korea\u00e2\u20ac\u2122s",
    ]
)
PAGES = st.lists(LINES, max_size=12).flatmap(
    lambda ls: st.lists(
        st.sampled_from(["\n", "\n\n", "\r\n", "\n \n\n"]), min_size=len(ls), max_size=len(ls)
    ).map(lambda seps: "".join(line + sep for line, sep in zip(ls, seps, strict=True)))
)
ANY_TEXT = st.one_of(st.text(max_size=300), PAGES)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(ANY_TEXT)
def test_never_raises_and_accounts_for_every_character(text: str) -> None:
    doc = clean(text)
    assert isinstance(doc.body, str)
    assert accounted_for(text, doc)
    for r in doc.removed:
        assert 0 <= r.start <= r.end <= len(text)


@SETTINGS
@given(PAGES)
def test_idempotent(text: str) -> None:
    once = clean(text)
    again = clean(once.body)
    assert again.body == once.body
    assert again.language == once.language  # the language is the body's, not the page's


def test_a_header_does_not_lend_the_body_its_language() -> None:
    # The header lines leave the body; a body too short to judge has no language,
    # as cleaning the body again would find.
    page = (
        "Parliament approves the new budget after a long debate in the capital\n\n"
        "By Ann Lee\n\nMarch 3, 2024\n\nLawmakers voted yes."
    )
    doc = clean(page)
    assert doc.body == "Lawmakers voted yes."
    assert doc.language is None
    assert clean(doc.body).language is None


@pytest.mark.parametrize(
    "path",
    sorted((Path(__file__).parent / "fixtures" / "content").glob("*.txt")),
    ids=lambda p: p.stem,
)
def test_the_language_is_judged_on_the_body_as_a_second_run_sees_it(path: Path) -> None:
    doc = clean(path.read_text("utf-8"))
    assert clean(doc.body).language == doc.language


@pytest.mark.parametrize("case", load("known_failures.jsonl"), ids=lambda c: c["id"])
def test_known_failures_still_fail_as_documented(case: dict[str, str]) -> None:
    # Kept so a fix shows up: move the case to a passing fixture when this starts failing.
    once = clean(case["text"]).body
    assert clean(once).body != once, case["why"]


@SETTINGS
@given(ANY_TEXT)
def test_body_adds_no_text(text: str) -> None:
    doc = clean(text)
    added = nonspace(doc.body) - nonspace(text)
    for rep in doc.repairs:
        added -= nonspace(rep.after)
    assert not +added


@SETTINGS
@given(PAGES)
def test_deterministic(text: str) -> None:
    assert clean(text) == clean(text)


def test_subtract_keeps_both_sides_of_a_middle_cut() -> None:
    from newsclean._rules import Cut
    from newsclean._segment import segment_lines

    (line,) = segment_lines("left junk right")
    assert [ln.text for ln in subtract([line], [Cut(5, 9, "r")])] == ["left", "right"]


def test_large_input_finishes() -> None:
    para = "The council approved the new budget on Tuesday after a long and heated debate.\n\n"
    text = para * 20_000  # 1.6 MB; the benchmark covers 50 MB
    doc = clean(text)
    assert len(doc.body) > 1_000_000


def _prose(size: int) -> str:
    """Varied synthetic paragraphs (no line repeats, so none is judged only once)."""
    rnd = random.Random(7)
    words = [
        "the",
        "council",
        "mayor",
        "bridge",
        "river",
        "budget",
        "school",
        "parents",
        "said",
        "would",
        "could",
        "after",
        "before",
        "during",
        "spring",
        "winter",
        "money",
        "repairs",
        "detour",
        "residents",
        "officials",
        "plan",
        "vote",
        "week",
        "year",
        "and",
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "that",
        "was",
        "were",
        "is",
        "are",
        "new",
        "old",
        "long",
        "short",
        "city",
        "town",
        "road",
    ]
    paras: list[str] = []
    total = 0
    while total < size:
        sentences = [
            " ".join(rnd.choice(words) for _ in range(rnd.randint(8, 20))).capitalize() + "."
            for _ in range(rnd.randint(2, 6))
        ]
        paras.append(" ".join(sentences))
        total += len(paras[-1]) + 2
    return "\n\n".join(paras)[:size]


def _cpu_seconds(text: str) -> float:
    # Best of three, each after a full collection and with the collector off while it
    # runs: 100,000 lines make many collections, and in the whole suite each one walks
    # every test module's objects too (one-character lines measured ~12x there, ~6x
    # alone). The shape of the cleaning's own cost is what this test is after;
    # benchmarks/hostile.py times it with the collector on, in a process of its own.
    best = float("inf")
    for _ in range(3):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            clean(text)
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


def test_hostile_shapes_cost_about_what_text_of_their_size_costs() -> None:
    """Per-line and per-character costs stay small: the benchmark's bound is 5x
    (benchmarks/hostile.py); this test allows 12x, for a noisy machine (one-character
    lines were 16x before their per-line costs were cut, and are about 6x now)."""
    size = 200_000
    prose = _prose(size)
    words = prose.split()
    clean(prose[:2_000])  # load the word lists outside the timing
    normal = _cpu_seconds(prose)
    hostile = {
        "one-character lines": "x\n" * (size // 2),
        "one single line of words": " ".join(words)[:size],
        "one repeated character": "a" * size,
        "glued words": "".join(w.capitalize() for w in words)[:size],
        "blank lines and spaces": " \n\n" * (size // 3),
    }
    for name, text in hostile.items():
        # A quadratic path fails every time; a busy machine's slow moment does not repeat
        # (it failed once in a session with four other processes on two cores): measure
        # the pair again, up to three times, before calling it a failure.
        ratios = []
        for _ in range(3):
            ratios.append(_cpu_seconds(text) / (normal + 0.004))
            if ratios[-1] < 12:
                break
            normal = _cpu_seconds(prose)
        assert ratios[-1] < 12, (name, ratios)


def test_glue_repairs_the_article_not_the_page_chrome() -> None:
    article = (
        "Troops were sent withUkraine in mind, officials said on Monday in the capital.\n\n"
        "The ministry said theinitial reports were credible and that talks would go on.\n\n"
        "Both sides met again on Tuesday, and theinitial claims were withdrawn by noon."
    )
    page = f"Home | World | BusinessNews | Sports\n\n{article}\n\nCopyright 2024 NewsCorp."
    doc = clean(page)
    assert doc.body == article.replace("withU", "with U").replace("thei", "the i")
    # The menu line is removed as it was scraped: glue runs on what the article kept.
    assert [r.before for r in doc.repairs] == ["withUkraine", "theinitial", "theinitial"]
    assert doc.removed[0].text == "Home | World | BusinessNews | Sports"
    for r in doc.repairs:  # offsets point into the input
        assert page[r.start : r.end] == r.before
    assert clean(doc.body).body == doc.body


def test_a_huge_text_is_glued_in_pieces_with_offsets_kept() -> None:
    from newsclean._glue import _chunks

    para = "The ministry said theinitial reports were credible, officials added. " * 40
    text = "\n\n".join([para.strip()] * 40)  # ~110,000 characters in one article
    pieces = _chunks(text, 50_000)
    assert len(pieces) >= 3
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)
    assert all(len(piece) <= 50_000 and piece == piece.strip() for _, piece in pieces)
    doc = clean(text, main_content=False)
    assert doc.body.count("the initial reports") == 1600
    assert all(text[r.start : r.end] == r.before for r in doc.repairs)


_PARAGRAPHS = [
    "The ministry said the reports were credible and that the talks would go on through the week.",
    "Both sides met again on Tuesday, and the first claims were withdrawn by noon in the capital.",
    "Officials added that a second round of meetings would follow later in the month, if needed.",
    "The council approved the new budget on Tuesday after a long and heated debate in the chamber.",
]


def _page(paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head><title>Talks go on</title></head><body><article>{body}</article></body></html>"


def test_html_keeps_a_word_the_page_writes_solid() -> None:
    # The page's own text keeps its spacing: one run-together word is the author's.
    paragraphs = [_PARAGRAPHS[0].replace("the reports", "thereports"), *_PARAGRAPHS[1:]]
    doc = clean(_page(paragraphs))
    assert "thereports" in doc.body
    assert not [r for r in doc.repairs if r.stage == "glue"]


def test_html_dense_with_glue_is_repaired() -> None:
    glued = [p.replace("the ", "the").replace("were ", "were") for p in _PARAGRAPHS]
    doc = clean(_page(glued))
    assert "the reports were credible" in doc.body
    assert len([r for r in doc.repairs if r.stage == "glue"]) >= 8
    assert clean(_page(glued), unglue=False).body.startswith("The ministry said thereports")


def test_html_signed_comments_under_the_article_go() -> None:
    comments = [
        "<p>Great post, thanks for the clear summary of the talks.</p>",
        "<p>Posted by: Bob | May 3, 2012 11:40 AM</p>",
        "<p>I think the next round will come sooner than that.</p>",
        "<p>Posted by: Cy at May 4, 2012 08:02 PM</p>",
    ]
    paragraphs = [*_PARAGRAPHS, "Posted by Ann Lee at May 3, 2012 9:01 AM"]
    body = "".join(f"<p>{p}</p>" for p in paragraphs) + "".join(comments)
    page = f"<html><head><title>Talks go on</title></head><body><article>{body}</article></body></html>"
    doc = clean(page)
    assert "Great post" not in doc.body and "Posted by: Bob" not in doc.body
    assert _PARAGRAPHS[-1] in doc.body
    (cut,) = [r for r in doc.removed if r.rule == "content.comments"]
    assert cut.text.startswith("Great post") and cut.text.endswith("08:02 PM")
    assert clean(page, disable={"content.comments"}).body.endswith("08:02 PM")


def test_html_related_links_under_the_article_go() -> None:
    from newsclean import Options
    from newsclean._pipeline import run_text

    # the text an extraction of a page gives (the HTML path's text stages run on it)
    article = [*_PARAGRAPHS, "Talks resume on Monday, when both delegations return to the city."]
    links = ["More from World", "- Rates rise again", "- The mayor resigns"]
    text = "\n".join([*article, *links])
    doc = run_text(text, Options(), select_content=False)
    assert doc.body == "\n".join(article)
    (cut,) = [r for r in doc.removed if r.rule == "content.related"]
    assert text[cut.start : cut.end] == cut.text and cut.text.startswith("More from World")
    kept = run_text(text, Options(disable={"content.related"}), select_content=False)
    assert "The mayor resigns" in kept.body


def test_an_html_page_s_declared_language_stands_in_only_when_the_body_cannot_tell() -> None:
    # A photo post: trafilatura finds only the header, so the body is empty.
    photo = (
        '<html lang="de-DE"><head><title>Bild des Tages</title></head><body>'
        "<article><h1>Bild des Tages</h1><img src='a.jpg'></article></body></html>"
    )
    doc = clean(photo)
    assert doc.body == ""
    assert doc.language == "de"
    # A template declaring English over a German article: the text decides.
    article = "".join(
        f"<p>Der Stadtrat hat am Dienstag den neuen Haushalt beschlossen, Absatz {n}.</p>"
        for n in range(8)
    )
    page = f'<html lang="en"><head><title>Haushalt</title></head><body><article>{article}</article></body></html>'
    assert clean(page).language == "de"
    assert clean(page, language="fr").language == "fr"
    assert clean(photo, detect_language=False).language is None


def test_a_run_split_in_many_places_gives_small_repairs() -> None:
    # "Word.Word.Word...": each repair shows the words beside its split, not the whole run
    # (each a copy of it made the audit trail, and the time, grow with the square of the run)
    words = _prose(30_000).split()
    text = ".".join(w.capitalize() for w in words[:3000])
    doc = clean(text)
    assert len(doc.repairs) > 1000
    assert sum(len(r.before) + len(r.after) for r in doc.repairs) < 10 * len(text)
    assert all(text[r.start : r.end] == r.before for r in doc.repairs)
    assert all(r.after.replace(" ", "", 1) == r.before for r in doc.repairs)


@pytest.mark.parametrize(
    ("page", "cut"),
    [
        # metadata takes the date off the line; what is left is a counter line
        ("Posted on 2024-10-21 Comments (0)\n\n{article}", "Comments (0)"),
        # glue mends a line the phrase rules could not read before
        (
            "{article}\n\nSubscribe to our newsletter\n\nGet the latest news deliveredtoyour inbox.",
            "Get the latest news delivered to your inbox.",
        ),
    ],
)
def test_a_line_mended_or_cut_into_is_read_by_the_rules(page: str, cut: str) -> None:
    article = (
        "The council approved the new budget on Tuesday after a long and heated debate.\n\n"
        "The mayor said the plan would add forty buses to the city's routes by 2026."
    )
    doc = clean(page.format(article=article))
    assert doc.body == article
    assert cut in [r.text for r in doc.removed]
    assert clean(doc.body).body == doc.body


def test_a_block_rule_on_a_line_read_again_stops_at_the_next_line_kept() -> None:
    # "Comments" (its date cut off) opens en.comment_form, and a mended paragraph far
    # below holds one of its member phrases: the paragraphs between are article text
    paras = [
        "The city council adopted a new permit form on Monday after months of complaints.",
        "Builders had waited up to six weeks for a permit under the old paper system.",
        "Applicants said the form's required fields are marked in red, whichmany found odd.",
    ]
    doc = clean("Posted 2024-10-21 Comments\n\n" + "\n\n".join(paras))
    assert doc.body == "\n\n".join(paras).replace("whichmany", "which many")
    assert [(r.rule, r.text) for r in doc.removed if r.stage == "rules"] == [
        ("en.comment_form", "Comments")
    ]


def test_a_surrogate_in_an_html_page_does_not_end_its_text() -> None:
    # lxml stopped reading the page at a lone surrogate: the rest of the article was lost
    html = (
        "<html><head><title>Bridge</title></head><body><article><p>The council met on Tuesday"
        " \ud800 and voted to close the old bridge for a year of repairs.</p></article></body></html>"
    )
    body = clean(html).body
    assert body.endswith("for a year of repairs.")
    body.encode("utf-8")


def test_a_page_under_its_http_headers_is_cleaned_as_html() -> None:
    page = (
        "HTTP/1.1 200 OK\nContent-Type: text/html; charset=utf-8\n\n<!DOCTYPE html><html><head>"
        "<title>Bridge closes | City Courier</title></head><body><article><h1>Bridge closes</h1>"
        "<p>The council voted on Tuesday to close the old bridge for a year, and the mayor said"
        " the work would start in spring.</p></article></body></html>"
    )
    doc = clean(page)
    assert "<" not in doc.body and doc.body.startswith("The council voted")
    assert doc.source == "City Courier"


def test_a_disabled_repair_rule_leaves_the_text_as_it_came() -> None:
    text = (
        "The council\u2019s vote &amp; the mayor\u200b said so, officials told reporters on Monday."
    )
    doc = clean(text, disable={"normalize"}, language="en")
    assert doc.body == text and doc.repairs == ()
    assert clean(text, language="en").body != text


def test_a_stretch_the_rules_empty_gives_the_page_back_not_an_empty_body() -> None:
    # The content stage kept a repeat of the share bar and a comment-form notice (the page's
    # first line gave them a headline's head start); the rules cut both, and the one real
    # paragraph had gone with the chrome: the body came out empty.
    paragraph = (
        "Volunteers who cleared the river bank on Saturday said they had filled more than forty"
        " bags with plastic. The group plans to return next month with a larger crew."
    )
    page = [
        "Facebook Twitter WhatsApp",
        "Teilen",
        "Email",
        "Leer más",
        "Mar 3, 2025 09:41 12",
        "Volunteers clear the river bank",
        "Valley Post",
        paragraph,
        "Facebook Twitter WhatsApp",
        "Your email address will not be published. Required fields are marked *",
        "Share on Twitter",
        "Share on Facebook",
        "Print",
    ]
    for extra in ([], ["Photos: Valley Post staff"]):  # (a short line the rules leave)
        lines = [*page[:9], *extra, *page[9:]]
        doc = clean("\n\n".join(lines))
        assert paragraph in doc.body
        assert not any(r.stage == "content" for r in doc.removed)  # the redo left no half trail
        assert "Your email address" not in doc.body  # the rules still cut the chrome they know
