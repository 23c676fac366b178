"""The explain views: terminal, HTML page, the ``clean --report`` page, and the commands."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsclean import Document, Options, Removal, Repair
from newsclean._batch import Job, Outcome
from newsclean._explain import (
    Explained,
    ReportCollector,
    explain,
    input_text,
    render_fragment,
    render_html,
    render_terminal,
    visible,
)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.txt"))
EXAMPLES = ROOT / "examples"
CHROMIUM = Path("/usr/bin/chromium")
# Skip the glue model and language detection: the command starts in ~2 s instead of ~5 s.
FAST = ["--no-unglue", "--language", "en"]
FAST_OPTIONS = Options(unglue=False, language="en")

ARTICLE = (
    "Coastal Herald\n\nHarbour bridge reopens after repairs\n\nMarch 14, 2024 09:32\n\n"
    "Views: 0\n\nThe old harbour bridge reopened to traffic on Thursday morning after six "
    "months of repairs.\n\nShare on Facebook\n\nRead more\n"
)
NOISE_ONLY = "Views: 0\n\nShare on Facebook\n\nRead more\n"
HOSTILE = (
    "<script>alert(1)</script> Views: 0\n\n"
    "The council met \x1b[31mtoday\x1b[0m and \u202eapproved\u202c the <b>budget</b> "
    'after a long debate about "roads" & schools.\n\nShare on Facebook\n'
)
VOID = {"meta", "br", "hr", "img", "link", "input", "line", "rect", "path", "circle", "wbr"}


# --------------------------------------------------------------------------- helpers


class StrictChecker(HTMLParser):
    """Checks nesting (every non-void element closed, in order) and collects asset links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: list[str] = []
        self.doctype = False
        self.text: list[str] = []

    def handle_decl(self, decl: str) -> None:
        self.doctype = self.doctype or decl.lower() == "doctype html"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if a.get("id"):
            self.ids.append(str(a["id"]))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def check_page(page: str) -> StrictChecker:
    """Parse a page; assert it is well nested, self-contained, with unique ids."""
    p = StrictChecker()
    p.feed(page)
    p.close()
    assert p.doctype, "no <!DOCTYPE html>"
    assert not p.errors, p.errors[:5]
    assert not p.stack, f"unclosed: {p.stack}"
    assert [t for t, _ in p.tags].count("html") == 1
    assert [t for t, _ in p.tags].count("body") == 1
    assert len(p.ids) == len(set(p.ids)), "duplicate ids"
    for tag, attrs in p.tags:
        for key in ("src", "href", "data", "poster", "srcset", "action"):
            value = (attrs.get(key) or "").strip().lower()
            assert not value.startswith(("http:", "https:", "//", "javascript:")), (tag, key, value)
        assert not (tag == "script" and "src" in attrs), "external script"
        assert not (tag == "link" and "stylesheet" in (attrs.get("rel") or "")), "external CSS"
        assert tag not in ("iframe", "object", "embed", "img", "link"), tag
        if key := next((k for k in attrs if k.startswith("on")), None):
            raise AssertionError(f"inline event handler {key} on <{tag}>")
    for _tag, attrs in p.tags:  # every in-page link points at an element of the page
        href = attrs.get("href") or ""
        if href.startswith("#"):
            assert href[1:] in p.ids, href
    lowered = page.lower()
    assert "<script src" not in lowered and "@import" not in lowered and "url(" not in lowered
    return p


def newsclean(*args: str | Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "newsclean", *map(str, args)],
        input=stdin,
        capture_output=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def seeds() -> list[Explained]:
    return [explain(p.read_bytes(), options=FAST_OPTIONS, name=p.name) for p in SEEDS]


@pytest.fixture(scope="module")
def report_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """``newsclean clean CORPUS --report``: 3 text docs, 1 HTML page, 1 empty, 2 JSONL records."""
    root = tmp_path_factory.mktemp("report")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (corpus / "noise.txt").write_text(NOISE_ONLY, encoding="utf-8")
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(64)))
    (corpus / "market.html").write_bytes((EXAMPLES / "market-square.html").read_bytes())
    records = [{"id": "rec-1", "text": ARTICLE}, {"id": "rec-2", "text": NOISE_ONLY}]
    (corpus / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    result = newsclean(
        "clean", corpus, "-o", root / "out.jsonl", "--report", root / "report.html",
        "--workers", "1", "--quiet", *FAST,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr.decode()  # image.txt fails
    yield root, root / "report.html"


# --------------------------------------------------------------------------- terminal


def _doc() -> Explained:
    text = "Views: 0\n\nThe council met on Tuesday.\u00a0Done.\n\nRead more"
    removed = (
        Removal("rules", "en.counter", "Views: 0", 0, 8),
        Removal("rules", "en.read_more", "Read more", 45, 54),
    )
    repairs = (
        Repair("normalize", "normalize.nbsp", "\u00a0", " ", 37, 38),
        Repair("decode", "decode.charset", "bytes", "utf-8", 0, 54),
    )
    body = "The council met on Tuesday. Done."
    return Explained(text, Document(body=body, removed=removed, repairs=repairs), name="t.txt")


def test_terminal_plain_marks_cuts_repairs_and_counts() -> None:
    out = render_terminal(_doc(), color=False)
    assert "\x1b" not in out
    assert "[-Views: 0-]{en.counter}" in out
    assert "[-Read more-]{en.read_more}" in out
    assert "[~<U+00A0>=> ~]{normalize.nbsp}" in out
    assert "-- removed: 2 spans, 17 of 54 characters (31.5%); body 33 characters" in out
    assert re.search(r"^  en\.counter\s+1 span\s+8 chars$", out, re.M)
    assert re.search(r"^  en\.read_more\s+1 span\s+9 chars$", out, re.M)
    assert re.search(r"^  normalize\.nbsp\s+1$", out, re.M)
    assert "decode.charset" not in out  # the whole-input decoding repair is not a highlight


def test_terminal_color_strikes_each_rule_in_its_colour() -> None:
    out = render_terminal(_doc(), color=True)
    struck = re.findall(r"\x1b\[9;(\d+)m(.*?)\x1b\[0m", out)
    assert "Views: 0" in [t for _, t in struck] and "Read more" in [t for _, t in struck]
    colours = {t: c for c, t in struck}
    assert colours["Views: 0"] != colours["Read more"]
    assert colours["Views: 0"] == colours["en.counter".ljust(12)]  # the legend uses the same


def test_terminal_escapes_control_and_bidi_characters() -> None:
    ex = explain(HOSTILE, options=FAST_OPTIONS)
    for color in (False, True):
        out = render_terminal(ex, color=color)
        assert "\x1b[31mtoday" not in out and "\u202e" not in out
        assert "\\x1b" in out and "[31mtoday" in out and "<U+202E>" in out


@pytest.mark.parametrize("newline", ["\r", "\u2028", "\r\n"])
def test_terminal_breaks_lines_where_clean_does(newline: str) -> None:
    # (a CR-only or U+2028 text was one long line of \x0d or <U+2028> markers)
    text = newline.join(["Harbour bridge reopens.", "", "The old bridge reopened on Thursday."])
    out = render_terminal(explain(text, options=FAST_OPTIONS), color=False)
    assert "Harbour bridge reopens.\n\nThe old bridge reopened on Thursday." in out


def test_terminal_on_seeds_shows_every_removal(seeds: list[Explained]) -> None:
    for ex in seeds:
        out = render_terminal(ex)
        assert out.startswith(f"== {ex.name}")
        for r in ex.doc.removed:
            assert f"]{{{r.rule}}}" in out
            assert f"[-{visible(ex.text[r.start : r.end]).split(chr(10))[0]}" in out
        assert f"-- removed: {len(ex.doc.removed)} span" in out


def test_pieces_survive_overlaps_and_out_of_range_offsets() -> None:
    removed = (
        Removal("rules", "a", "", 0, 6),
        Removal("rules", "b", "", 4, 9),  # overlaps a
        Removal("rules", "c", "", 20, 99),  # past the end
        Removal("rules", "d", "", 5, 5),  # empty
    )
    ex = Explained("0123456789abcdef", Document(removed=removed))
    out = render_terminal(ex)
    assert out.splitlines()[1] == "[-012345-]{a}[-678-]{b}9abcdef"
    assert "-- removed: 4 spans, 9 of 16 characters (56.2%)" in out


def test_input_text_is_what_offsets_refer_to() -> None:
    page = (EXAMPLES / "market-square.html").read_bytes()
    text, is_html, encoding = input_text(page)
    assert is_html and encoding == "utf-8" and "<" not in text
    ex = explain(page, options=FAST_OPTIONS)
    for r in ex.doc.removed:
        assert ex.text[r.start : r.end].strip() == r.text.strip()


# --------------------------------------------------------------------------- HTML


def test_html_page_is_valid_self_contained_and_hoverable() -> None:
    page = render_html(_doc())
    p = check_page(page)
    dels = [a for t, a in p.tags if t == "del"]
    assert [a["data-rule"] for a in dels] == ["en.counter", "en.read_more"]
    assert all(a["title"] and a["data-rule"] in a["title"] for a in dels)  # hover shows the rule
    marks = [a for t, a in p.tags if t == "mark" and a.get("data-rule")]
    assert marks and marks[0]["title"] == "normalize.nbsp: <U+00A0> \u2192  "
    legend = [a["data-rule"] for t, a in p.tags if t == "tr" and a.get("data-rule")]
    assert legend == ["en.read_more", "en.counter"]  # most characters first
    assert "<script" not in page  # the explain page needs no script at all


def test_html_escapes_everything_from_the_input() -> None:
    ex = explain(HOSTILE, options=FAST_OPTIONS, name='<img src="https://x.test/a.png">')
    page = render_html(ex)
    p = check_page(page)
    assert "<script>alert" not in page and "<b>budget" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "\x1b" not in page and "\u202e" not in page
    assert "<script>" in "".join(p.text)  # as text, not as markup


def test_html_input_is_noted(seeds: list[Explained]) -> None:
    ex = explain((EXAMPLES / "market-square.html").read_bytes(), options=FAST_OPTIONS)
    frag = render_fragment(ex)
    assert "text newsclean extracted from the page" in frag
    assert "text newsclean extracted" not in render_fragment(seeds[0])


def test_html_on_seeds(seeds: list[Explained]) -> None:
    for ex in seeds:
        page = render_html(ex)
        p = check_page(page)
        assert len([t for t, a in p.tags if t == "del"]) == len(ex.doc.removed)
        assert f'<b class="n-spans">{len(ex.doc.removed)}</b>' in page


# --------------------------------------------------------------------------- the report


def _outcome(doc_id: str, body: str, removed: dict[str, int], lang: str = "en") -> Outcome:
    return Outcome(doc_id, doc_id, {"id": doc_id, "body": body, "language": lang}, None, removed)


def test_collector_keeps_only_the_top_documents_and_counts_all() -> None:
    c = ReportCollector(FAST_OPTIONS, top=3)
    jobs = [Job(f"d{i}", f"d{i}", text=f"text {i}") for i in range(50)]
    tracked = c.track(jobs)
    for i in range(50):
        job = next(tracked)
        assert len(c.in_flight) == 1
        removed = {"en.x": i, "en.y": 1}
        c.add(
            _outcome(
                job.id, "" if i % 10 == 0 else "b" * (100 - i), removed, "en" if i % 2 else "de"
            )
        )
    assert not c.in_flight
    assert c.docs == 50 and c.empty_count == 5 and len(c.empty) == 5
    assert [j is not None for _, j in c.empty] == [True, True, True, False, False]
    assert sorted(s.id for *_, s, _ in c.largest) == ["d47", "d48", "d49"]
    assert c.lang_docs == {"en": 25, "de": 25}
    assert c.rule_docs["en.y"] == 50 and sum(c.bins) == 50
    c.add(Outcome("bad", "bad", None, None, {}))  # a failure: counted by the run's Stats
    assert c.docs == 50


def test_report_page_from_a_collector() -> None:
    c = ReportCollector(FAST_OPTIONS, top=2, title="<run>")
    jobs = c.track(
        [
            Job("a", "a", text=ARTICLE),
            Job("b", "b", text=NOISE_ONLY),
            Job("c", "c", text="x"),
        ]
    )
    c.add(_outcome(next(jobs).id, "The old harbour bridge", {"en.counter": 8, "en.read_more": 9}))
    c.add(_outcome(next(jobs).id, "", {"en.counter": 8}))
    c.add(_outcome(next(jobs).id, "x", {}))
    page = c.render({"read": 4, "failed": 1, "failures_by_type": {"binary": 1}})
    p = check_page(page)
    assert '<b id="stat-docs">3</b>' in page and '<b id="stat-empty">1</b>' in page
    assert '<b id="stat-failed">1</b>' in page and "&lt;run&gt;" in page
    assert {"doc-1", "doc-2", "doc-3"} <= set(p.ids)
    assert page.count('<details class="view"') == 3


def test_report_command_writes_a_valid_report(report_run: tuple[Path, Path]) -> None:
    root, path = report_run
    page = path.read_text(encoding="utf-8")
    p = check_page(page)
    assert '<b id="stat-docs">6</b>' in page  # 3 text files + 1 page + 2 records
    assert '<b id="stat-empty">2</b>' in page  # noise.txt, rec-2
    assert '<b id="stat-failed">1</b>' in page  # image.txt
    assert page.count("<svg") == 2
    summaries = [a for t, a in p.tags if t == "details"]
    assert len(summaries) == 6
    links = {a["href"] for t, a in p.tags if t == "a" and (a.get("href") or "").startswith("#")}
    assert len(links) == 6
    assert "text newsclean extracted from the page" in page  # market.html's view
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert" not in page
    out = [json.loads(line) for line in (root / "out.jsonl").read_text().splitlines()]
    assert len(out) == 6 and "removed" not in out[0]  # the output is as without --report


def test_report_usage_errors(tmp_path: Path) -> None:
    result = newsclean("clean", EXAMPLES / "storm-warning.txt", "--report", "-")
    assert result.returncode == 2 and b"--report needs a file name" in result.stderr


# --------------------------------------------------------------------------- the command


def test_explain_command(tmp_path: Path) -> None:
    seed = SEEDS[0]
    result = newsclean("explain", seed, "--no-color", *FAST)
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert out.startswith(f"== {seed}") and "\x1b" not in out
    assert "[-Last news in Fakti-]{en.site_banner}" in out
    assert re.search(r"^  en\.site_banner\s+1 span\s+18 chars$", out, re.M)

    page = tmp_path / "out.html"
    result = newsclean("explain", "-", "--html", page, *FAST, stdin=ARTICLE.encode())
    assert result.returncode == 0, result.stderr.decode()
    p = check_page(page.read_text(encoding="utf-8"))
    assert {a["data-rule"] for t, a in p.tags if t == "del"} >= {"en.counter", "en.read_more"}


def test_explain_command_errors(tmp_path: Path) -> None:
    (tmp_path / "x.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(64)))
    result = newsclean("explain", tmp_path / "x.png", "--color", "--disable", "xx", *FAST)
    assert result.returncode == 1 and b"binary" in result.stderr
    assert newsclean("explain", tmp_path / "missing.txt").returncode == 2
    assert newsclean("explain", EXAMPLES / "wire.jsonl").returncode == 2


# --------------------------------------------------------------------------- in a browser


def _dump_dom(url: str) -> str:
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [
                str(CHROMIUM),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                f"--user-data-dir={profile}",
                "--dump-dom",
                url,
            ],
            capture_output=True,
            timeout=120,
            env={**os.environ, "HOME": profile},
        )
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    return result.stdout.decode("utf-8")


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")
def test_report_renders_in_a_browser(report_run: tuple[Path, Path]) -> None:
    _, path = report_run
    dom = _dump_dom(path.as_uri() + "#doc-1")
    assert '<b id="stat-docs">6</b>' in dom
    assert '<b id="stat-empty">2</b>' in dom
    assert '<b id="stat-failed">1</b>' in dom
    assert dom.count("<svg") == 2 and dom.count('<details class="view"') == 6
    assert re.search(r'<details class="view" id="doc-1" open="">', dom)  # the link opened it
    assert "<script>alert" not in dom
