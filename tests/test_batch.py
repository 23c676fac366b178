"""Tests for ``newsclean._batch``: ``clean_many``, the ordered process pool, the jobs."""

from __future__ import annotations

import contextlib
import gzip
import itertools
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsclean import Document, Options, _batch, clean
from newsclean._batch import (
    DocumentTimeout,
    Failure,
    Job,
    JobSettings,
    clean_many,
    crashed_outcome,
    json_line,
    options_spec,
    ordered_chunks,
    ordered_map,
    process_job,
    read_document,
    record_job,
    time_limit,
)

FAST = Options(unglue=False, language="en")  # no glue model to load: quick to start
ARTICLE = "Views: 0\n\nThe council approved the budget on Tuesday after a long debate."
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def texts(n: int) -> list[str]:
    return [
        f"Share this article\n\nStory number {i} tells of a town that built a bridge."
        for i in range(n)
    ]


def test_clean_many_matches_clean_in_order() -> None:
    items = texts(6)
    docs = list(clean_many(items, options=FAST))
    assert docs == [clean(t, options=FAST) for t in items]


def test_clean_many_returns_failures_as_documents() -> None:
    items: list[object] = [ARTICLE, PNG, {"html": "<p>x</p>"}, {"url": "u"}, 42, ""]
    docs = list(clean_many(items, options=FAST))  # type: ignore[arg-type]
    assert len(docs) == len(items)
    assert docs[0].error is None and docs[0].body.startswith("The council")
    assert docs[1].error is not None and docs[1].error.startswith("NotTextError: ")
    assert docs[2].error is None
    assert docs[3].error == "InvalidRecordError: the item has no 'text' or 'html' string"
    assert docs[4].error is not None and docs[4].error.startswith("TypeError: ")
    assert docs[5] == Document(language=docs[5].language)  # empty str: a success, empty body


def test_clean_many_dict_items_keep_url() -> None:
    (doc,) = clean_many([{"id": "a", "text": ARTICLE, "url": "https://x.test/a"}], options=FAST)
    assert doc.url == "https://x.test/a"


def counting(items: list[str], taken: list[int]) -> Iterator[str]:
    for item in itertools.cycle(items):
        taken[0] += 1
        yield item


@pytest.mark.parametrize("workers", [1, 2])
def test_clean_many_is_lazy(workers: int) -> None:
    taken = [0]
    docs = clean_many(counting(texts(3), taken), workers=workers, options=FAST)
    first = list(itertools.islice(docs, 5))
    docs.close()  # type: ignore[attr-defined]
    assert len(first) == 5
    assert taken[0] <= 5 + 4 * 4 * workers  # a bounded window of chunks, not the whole input


def test_clean_many_two_workers_same_as_one() -> None:
    items: list[str | bytes] = [*texts(20), PNG, ARTICLE.encode("cp1252")]
    assert list(clean_many(items, workers=2, options=FAST)) == list(
        clean_many(items, workers=1, options=FAST)
    )


def die_on_negative(items: list[int]) -> list[int]:
    """A worker function that kills its process on a negative item."""
    if any(i < 0 for i in items):
        os._exit(3)
    return [i * 10 for i in items]


def test_ordered_map_survives_a_crashing_worker() -> None:
    items = [1, 2, 3, -1, 4, 5, 6, 7, 8, 9]
    out = list(
        ordered_map(
            die_on_negative,
            items,
            workers=2,
            spec=options_spec(FAST),
            on_crash=lambda item, exc: -999,
            chunk_size=2,
        )
    )
    assert out == [10, 20, 30, -999, 40, 50, 60, 70, 80, 90]


@pytest.mark.parametrize("workers", [1, 2])
def test_ordered_chunks_gives_each_chunks_results_in_order(workers: int) -> None:
    chunks = ordered_chunks(
        die_on_negative,
        range(7),
        workers=workers,
        spec=options_spec(FAST),
        on_crash=lambda item, exc: -999,
        chunk_size=3,
    )
    assert list(chunks) == [[0], [10, 20], [30, 40, 50], [60]]  # 1, 2, then chunk_size


def pids_then_sleep(items: list[int]) -> list[int]:
    """A worker function: its process id at once for item 0, else after a minute."""
    if items != [0]:
        time.sleep(60)
    return [os.getpid()]


def test_a_consumer_that_stops_does_not_wait_for_the_chunks_in_flight() -> None:
    # Ctrl-C in `newsclean clean` closes this generator: the workers are ended in the
    # middle of their chunks, not waited for (up to a chunk of --timeout each).
    chunks = ordered_chunks(
        pids_then_sleep,
        range(10),
        workers=2,
        spec=options_spec(FAST),
        on_crash=lambda item, exc: -1,
        chunk_size=2,
    )
    (worker,) = next(chunks)
    start = time.monotonic()
    chunks.close()
    assert time.monotonic() - start < 30  # not the minute the chunks in flight would take
    with pytest.raises(ProcessLookupError):
        os.kill(worker, 0)


@pytest.mark.parametrize("workers", [1, 2])
def test_ordered_chunks_end_a_chunk_at_chunk_bytes(workers: int) -> None:
    # Two records of 600 KB make a chunk of 1.2 MB: the next record starts a new one
    # (by count alone the third chunk would hold four items).
    big = _batch.CHUNK_BYTES * 6 // 10
    items = [1, 2, 3, big, big, 4, 5, 6, 7]
    chunks = ordered_chunks(
        die_on_negative,
        items,
        workers=workers,
        spec=options_spec(FAST),
        on_crash=lambda item, exc: -999,
        chunk_size=16,
        weigh=int,
    )
    assert [len(c) for c in chunks] == [1, 2, 2, 4]


def test_a_jobs_weight_is_the_input_it_carries() -> None:
    assert _batch.job_bytes(Job("a", "a.txt")) == 0  # a file is read by its worker
    assert _batch.job_bytes(Job("b", "in.jsonl", line=b'{"text": "abc"}')) == 15
    assert _batch.job_bytes(Job("c", "-", text="abcd")) == 4


def test_time_limit_interrupts_and_is_cleared() -> None:
    start = time.monotonic()
    with pytest.raises(DocumentTimeout), time_limit(0.05):
        while True:
            pass
    assert time.monotonic() - start < 2
    time.sleep(0.1)  # the timer is off: nothing fires after the block


def test_time_limit_cannot_be_swallowed_by_except_exception() -> None:
    def stubborn() -> None:
        with contextlib.suppress(Exception):  # what careless library code does
            time.sleep(5)

    with pytest.raises(DocumentTimeout), time_limit(0.05):
        stubborn()


def test_process_job_reports_a_timeout(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def slow_clean(*args: object, **kwargs: object) -> Document:
        time.sleep(5)
        return Document()

    monkeypatch.setattr(_batch, "clean", slow_clean)
    job = Job("slow", "-", text="some text")
    outcome = process_job(job, FAST, JobSettings(options_spec(FAST), timeout=0.05))
    assert outcome.failure is not None and outcome.failure.kind == "timeout"


def test_read_document_caps_gzip_and_size(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * 5_000_000))
    with pytest.raises(_batch.InputTooLargeError):
        read_document(str(bomb), True, 1000)
    bad = tmp_path / "bad.txt.gz"
    bad.write_bytes(b"not gzip at all")
    with pytest.raises(_batch.CorruptGzipError):
        read_document(str(bad), True, 1000)
    cut = tmp_path / "cut.txt.gz"
    cut.write_bytes(gzip.compress(b"hello world " * 100)[:30])
    with pytest.raises(_batch.CorruptGzipError):
        read_document(str(cut), True, 10_000)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b" \n")
    with pytest.raises(_batch.EmptyInputError):
        read_document(str(empty), False, 1000)
    with pytest.raises(OSError):
        read_document(str(tmp_path / "missing.txt"), False, 1000)


def test_failure_kinds() -> None:
    settings = JobSettings(options_spec(FAST))
    inputs: dict[str, str | bytes] = {"png": PNG, "blank": "  \n "}
    kinds = {
        name: process_job(Job(name, "-", text=text), FAST, settings).failure
        for name, text in inputs.items()
    }
    assert kinds["png"] is not None and kinds["png"].kind == "binary"
    assert kinds["blank"] is not None and kinds["blank"].kind == "empty"
    gone = process_job(Job("gone", "/nonexistent/x.txt"), FAST, settings).failure
    assert gone is not None and gone.kind == "unreadable"
    assert Failure.of(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad")).kind == "undecodable"


def test_process_job_record_keeps_extra_fields() -> None:
    job = Job("r1", "in.jsonl", text=ARTICLE, url="https://x.test", extra=(("lang", "en"),))
    outcome = process_job(job, FAST, JobSettings(options_spec(FAST), audit=True))
    assert outcome.record is not None
    assert list(outcome.record)[:3] == ["id", "lang", "body"]
    assert outcome.record["url"] == "https://x.test"
    assert "removed" in outcome.record
    assert sum(outcome.removed_chars.values()) > 0


def test_process_job_as_lines_gives_the_record_serialised() -> None:
    job = Job("r1", "in.jsonl", text=ARTICLE, extra=(("lang", "en"),))
    settings = JobSettings(options_spec(FAST), audit=True)
    as_dict = process_job(job, FAST, settings)
    as_line = process_job(job, FAST, settings._replace(as_lines=True))
    assert as_dict.record is not None and as_line.record is None
    assert as_line.line == json_line(as_dict.record)
    assert as_line.removed_chars == as_dict.removed_chars
    assert not as_line.empty and process_job(Job("e", "-", text="Views: 0"), FAST, settings).empty


def test_process_job_parses_an_unparsed_record_line() -> None:
    line = json.dumps({"id": "r1", "text": ARTICLE, "url": "https://x.test", "lang": "en"})
    settings = JobSettings(options_spec(FAST), as_lines=True, text_fields=("text",))
    parsed = record_job(line.encode(), "in.jsonl#1", "in.jsonl", ("text",))
    unparsed = Job("in.jsonl#1", "in.jsonl", line=line.encode())
    assert process_job(unparsed, FAST, settings) == process_job(parsed, FAST, settings)
    bad = process_job(Job("in.jsonl#2", "in.jsonl", line=b"[1]"), FAST, settings)
    assert bad.id == "in.jsonl#2" and bad.failure is not None
    assert bad.failure.kind == "invalid_record"


def test_a_record_nested_too_deeply_is_an_invalid_record_not_a_crash() -> None:
    line = b'{"id": "d", "text": "x", "n": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    job = record_job(line, "in.jsonl#4", "in.jsonl", ("text",))
    assert job.failure is not None and job.failure.kind == "invalid_record"
    assert "nested too deeply" in job.failure.message


def test_crashed_outcome_of_an_unparsed_record_has_the_records_id() -> None:
    job = Job("in.jsonl#3", "in.jsonl", line=b'{"id": "r3", "text": "A story."}')
    outcome = crashed_outcome(job, RuntimeError("gone"), ("text",))
    assert outcome.id == "r3" and outcome.failure is not None
    assert outcome.failure.kind == "crashed"
