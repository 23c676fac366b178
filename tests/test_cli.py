"""End-to-end tests of ``newsclean clean``: the real command, run in a subprocess."""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from newsclean._batch import Job
from newsclean._cli import Stats, admit, stdin_jobs

# Skip the glue model and language detection: the command starts in ~2 s instead of ~5 s.
FAST = ["--no-unglue", "--language", "en", "--quiet"]
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

ARTICLE = (
    "Coastal Herald\n\nHarbour bridge reopens after repairs\n\nMarch 14, 2024 09:32\n\n"
    "Views: 0\n\nThe old harbour bridge reopened to traffic on Thursday morning after six "
    "months of repairs.\n\nShare on Facebook\n\nRead more\n"
)
PAGE = (
    "<!DOCTYPE html><html><head><title>Market returns</title></head><body>"
    "<nav><a href='/'>Home</a></nav><article><h1>Market returns</h1>"
    "<p>The Saturday farmers' market returned to the old square this weekend, bringing about "
    "forty stalls of vegetables, cheese, bread and flowers back to the town centre.</p>"
    "<p>Shop owners around the square welcomed the move and reported busy mornings.</p>"
    "</article><footer>Cookie settings</footer></body></html>"
)


def newsclean(
    *args: str | Path, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "newsclean", *map(str, args)],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=120,
    )


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def make_corpus(root: Path, outside: Path) -> None:
    """Good pages and one of every kind of bad file."""
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "sub" / "page.html").write_text(PAGE, encoding="utf-8")
    (root / "b.txt.gz").write_bytes(gzip.compress(ARTICLE.encode("utf-8")))
    records = [
        {"id": "r1", "url": "https://x.test/1", "text": ARTICLE, "section": "local"},
        {"html": PAGE},
        {"id": "r3", "body": "no text field here"},
    ]
    lines = [json.dumps(r) for r in records] + ["{not json"]
    (root / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (root / "empty.txt").write_bytes(b"")
    (root / "big.txt").write_text("All work and no play. " * 400, encoding="utf-8")
    (root / "bomb.txt.gz").write_bytes(gzip.compress(b"z" * 3_000_000))
    (root / "corrupt.html.gz").write_bytes(b"\x1f\x8b\x08\x00 this is not really gzip")
    (root / "truncated.txt.gz").write_bytes(gzip.compress(ARTICLE.encode() * 20)[:40])
    (root / "notes.md").write_text("not an input", encoding="utf-8")
    (outside / "secret.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "link.txt").symlink_to(outside / "secret.txt")


def test_help_documents_exit_codes() -> None:
    result = newsclean("clean", "--help")
    assert result.returncode == 0
    text = result.stdout.decode()
    for needle in ("--workers", "--resume", "--max-bytes", "--timeout", "exit status", "130"):
        assert needle in text


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("clean", "no/such/folder"),
        ("clean", "examples", "--format", "txt"),
        ("clean", "examples", "--timeout", "nan"),  # (every document failed)
    ],
)
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    result = newsclean(*args, cwd=EXAMPLES.parent)
    assert result.returncode == 2, result.stderr


def test_folder_with_good_and_bad_files(tmp_path: Path) -> None:
    root, outside = tmp_path / "in", tmp_path / "outside"
    outside.mkdir()
    make_corpus(root, outside)
    out, stats = tmp_path / "out.jsonl", tmp_path / "stats.json"
    result = newsclean("clean", root, "-o", out, "--max-bytes", "5000", "--stats", stats, *FAST)
    assert result.returncode == 1, result.stderr

    records = read_jsonl(out)
    assert [r["id"] for r in records] == [
        "a.txt",
        "b.txt.gz",
        "r1",
        "feed.jsonl#2",
        "sub/page.html",
    ]
    by_id = {r["id"]: r for r in records}
    assert by_id["a.txt"]["body"].startswith("The old harbour bridge reopened")
    assert "Views: 0" not in by_id["a.txt"]["body"]
    assert by_id["a.txt"]["body"] == by_id["b.txt.gz"]["body"]
    assert by_id["r1"]["url"] == "https://x.test/1" and by_id["r1"]["section"] == "local"
    assert "farmers' market" in by_id["sub/page.html"]["body"]
    assert "removed" not in by_id["a.txt"]

    errors = {e["id"]: e for e in read_jsonl(tmp_path / "out.errors.jsonl")}
    assert {k: e["error"] for k, e in errors.items()} == {
        "big.txt": "too_large",
        "bomb.txt.gz": "too_large",
        "corrupt.html.gz": "corrupt_gzip",
        "empty.txt": "empty",
        "r3": "invalid_record",
        "feed.jsonl#4": "invalid_record",
        "image.txt": "binary",
        "truncated.txt.gz": "corrupt_gzip",
    }
    assert all(e["message"] and e["type"] and e["path"] for e in errors.values())

    summary = json.loads(stats.read_text())
    assert summary["read"] == 13 and summary["failed"] == 8 and summary["cleaned"] == 5
    assert summary["skipped"] == 2  # notes.md, and the symlink that leads out of the folder
    assert summary["chars_removed_by_rule"]


def test_stdin_pipeline_and_audit(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"d{i}", "text": ARTICLE}) for i in range(3)]
    result = newsclean("clean", "-", "--with-removed", *FAST, stdin="\n".join(lines).encode())
    assert result.returncode == 0, result.stderr
    records = [json.loads(x) for x in result.stdout.decode().splitlines()]
    assert [r["id"] for r in records] == ["d0", "d1", "d2"]
    assert records[0]["removed"] and "repairs" in records[0]


def test_txt_format_stays_inside_the_output_folder(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    ids = ["../../escape", "/abs/path", "nul\x00name", "ok/story"]
    feed.write_text("\n".join(json.dumps({"id": i, "text": ARTICLE}) for i in ids) + "\n")
    out = tmp_path / "out"
    result = newsclean("clean", feed, "-o", out, "--format", "txt", *FAST)
    assert result.returncode == 0, result.stderr
    written = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    assert all(p == feed or out in p.parents for p in written)
    assert (out / "ok" / "story.txt").read_text().startswith("The old harbour bridge")
    sidecars = [json.loads(p.read_text()) for p in out.rglob("*.json")]
    assert sorted(s["id"] for s in sidecars) == sorted(ids)
    assert all("body" not in s for s in sidecars)


def test_txt_format_writes_ids_whose_paths_collide_or_do_not_encode(tmp_path: Path) -> None:
    # "a" writes a.txt, "a.txt/b" needs a folder a.txt; a lone surrogate (a file name's
    # undecodable byte) has no UTF-8. Both stopped the whole run with a traceback.
    feed = tmp_path / "feed.jsonl"
    ids = ["a", "a.txt/b", "g\udcfe.txt", "a.txt/c", "q.json/z", "q"]
    feed.write_text("\n".join(json.dumps({"id": i, "text": ARTICLE}) for i in ids) + "\n")
    out = tmp_path / "out"
    result = newsclean("clean", feed, "-o", out, "--format", "txt", *FAST)
    assert result.returncode == 0, result.stderr
    sidecars = [json.loads(p.read_text()) for p in out.rglob("*.json") if p.is_file()]
    assert sorted(s["id"] for s in sidecars) == sorted(ids)
    assert len(list(out.rglob("*.txt"))) == len(ids)  # (no body without its record)


def test_a_failed_record_does_not_take_its_id(tmp_path: Path) -> None:
    lines = [{"id": "a", "text": ""}, {"id": "a", "text": ARTICLE}, {"id": "a", "text": ARTICLE}]
    feed = "\n".join(json.dumps(x) for x in lines).encode()
    out = tmp_path / "out.jsonl"
    result = newsclean("clean", "-", "-o", out, *FAST, stdin=feed)
    assert result.returncode == 1
    assert [r["id"] for r in read_jsonl(out)] == ["a"]
    errors = read_jsonl(tmp_path / "out.errors.jsonl")
    assert [e["error"] for e in errors] == ["empty", "duplicate_id"]


_MANY = 600  # documents in a run that is stopped part-way


def _run_stopped_part_way(
    tmp_path: Path, workers: int, sig: signal.Signals
) -> tuple[list[str], Path, subprocess.Popen[bytes]]:
    """Start a run over a folder of _MANY documents and send ``sig`` once 50 are written."""
    root = tmp_path / "many"
    root.mkdir()
    for i in range(_MANY):
        (root / f"doc{i:04d}.txt").write_text(f"Views: {i}\n\nStory {i}: the bridge reopened.\n")
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "newsclean", "clean", str(root), "-o", str(out)]
    cmd += ["--workers", str(workers), *FAST]
    proc = subprocess.Popen(cmd, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= 50:
            break
        time.sleep(0.01)
    os.kill(proc.pid, sig)
    return cmd, out, proc


def test_sigkill_then_resume_gives_each_input_exactly_once(tmp_path: Path) -> None:
    cmd, out, proc = _run_stopped_part_way(tmp_path, 1, signal.SIGKILL)
    proc.wait()
    done_before = out.read_bytes().count(b"\n")
    assert 50 <= done_before < _MANY, "the run should be killed part-way"
    with out.open("ab") as f:  # as if killed in the middle of a write
        f.write(b'{"id": "doc9999.txt", "body": "half a rec')

    result = subprocess.run([*cmd, "--resume"], capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr
    ids = [r["id"] for r in read_jsonl(out)]
    assert sorted(ids) == [f"doc{i:04d}.txt" for i in range(_MANY)]
    assert ids == sorted(ids)  # resumed in input order, after the ones done before


def test_ctrl_c_with_two_workers_keeps_complete_lines_then_resume(tmp_path: Path) -> None:
    cmd, out, proc = _run_stopped_part_way(tmp_path, 2, signal.SIGINT)
    assert proc.wait(timeout=60) == 130
    data = out.read_bytes()
    assert data.endswith(b"\n"), "what is done is written and flushed, in whole lines"
    done_before = len(read_jsonl(out))
    assert 50 <= done_before < _MANY, "the run should be interrupted part-way"

    result = subprocess.run([*cmd, "--resume"], capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr
    ids = [r["id"] for r in read_jsonl(out)]
    assert ids == [f"doc{i:04d}.txt" for i in range(_MANY)]


def test_duplicate_ids_across_files_with_two_workers(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"r{i % 5}", "text": ARTICLE}) for i in range(8)]
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(lines[2] + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    args = ("clean", tmp_path / "a.jsonl", tmp_path / "b.jsonl", "-o", out, "--workers", "2")
    result = newsclean(*args, *FAST)
    assert result.returncode == 1, result.stderr
    assert [r["id"] for r in read_jsonl(out)] == ["r0", "r1", "r2", "r3", "r4"]
    errors = read_jsonl(tmp_path / "out.errors.jsonl")
    assert [(e["id"], e["error"]) for e in errors] == [
        ("r0", "duplicate_id"),
        ("r1", "duplicate_id"),
        ("r2", "duplicate_id"),
        ("r2", "duplicate_id"),
    ]


def test_quickstart_on_the_examples_with_two_workers(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = newsclean("clean", EXAMPLES, "-o", out, "--workers", "2", "--no-unglue")
    assert result.returncode == 0, result.stderr
    assert b"documents read" in result.stderr
    records = read_jsonl(out)
    assert len(records) >= 5 and all(r["body"] for r in records)
    assert {"wire-0001", "wire-0002"} <= {r["id"] for r in records}
    assert not (tmp_path / "out.errors.jsonl").exists()


def test_a_duplicate_refused_on_resume_keeps_no_record_line() -> None:
    # A worker parses a job's line before it looks at the job's failure: a duplicate
    # still carrying its line would be cleaned and written after all.
    line = b'{"id": "r1", "text": "A story."}'
    jobs = [Job("r1", "in.jsonl", line=line), Job("r1", "in.jsonl", line=line)]
    (refused,) = admit(jobs, {"r1"}, Stats())
    assert refused.failure is not None and refused.failure.kind == "duplicate_id"
    assert refused.line is None


def test_stdin_jsonl_with_a_byte_order_mark_is_read_as_records() -> None:
    # Windows tools write UTF-8 with a BOM; a .jsonl file is read as JSONL whatever its start
    data = "\ufeff" + "\n".join(json.dumps({"id": f"d{i}", "text": ARTICLE}) for i in range(2))
    stream = io.BufferedReader(io.BytesIO(data.encode()))
    jobs = list(stdin_jobs(stream, ["text"], 1 << 20))
    assert [j.id for j in jobs] == ["d0", "d1"]
