"""Batch cleaning: :func:`clean_many` and the machinery behind ``newsclean clean``.

Three layers, each usable on its own:

* **failures** -- every way a document can fail is an exception with a short
  ``kind`` (``"empty"``, ``"binary"``, ``"timeout"``...), turned into a
  :class:`Failure` instead of being raised, so one bad document never stops a batch;
* **the pool** -- :func:`ordered_chunks` runs a function over chunks of items in
  worker processes, lazily (a bounded window of chunks in flight), returning
  each chunk's results in input order, and survives a worker that crashes
  (:func:`ordered_map`: the same, one result at a time);
* **jobs** -- a :class:`Job` names one document (a file to read, a JSONL
  record's text, or its line still to be parsed); :func:`process_jobs` reads
  (or parses) and cleans jobs in a worker and returns :class:`Outcome` records
  ready to be written (with ``JobSettings.as_lines``, already serialised as
  JSONL lines, so the parent process only copies bytes).

The per-document time limit is enforced inside the worker with
``signal.setitimer`` (POSIX, main thread only): it raises
:class:`DocumentTimeout`, a ``BaseException`` so that library code's
``except Exception`` cannot swallow it, and fires again every second until the
document gives up.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gzip
import itertools
import json
import multiprocessing
import os
import signal
import threading
import zlib
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import FrameType
from typing import Any, NamedTuple, TypeVar

from ._api import clean
from ._document import Document
from ._errors import NotTextError
from ._options import DEFAULT_OPTIONS, Options

T = TypeVar("T")
R = TypeVar("R")

DEFAULT_MAX_BYTES = 20_000_000
DEFAULT_TIMEOUT = 30.0
JOB_CHUNK_SIZE = 16  # documents per task in ``newsclean clean``
# ...and a task ends at 1 MB of input text: with 4 tasks per worker in flight, the
# records the reading process holds stay a few MB however large the documents are.
CHUNK_BYTES = 1 << 20
_WARM_UP_TEXT = "Views: 0\n\nThe council approved the budget on Tuesday after a long debate."

# --------------------------------------------------------------------------- failures


class BatchError(Exception):
    """A document that could not be cleaned; ``kind`` names the failure in error reports."""

    kind = "error"


class EmptyInputError(BatchError):
    """The input file (or record text) is empty or only whitespace."""

    kind = "empty"


class InputTooLargeError(BatchError):
    """The input (after decompression) is larger than the ``max_bytes`` cap."""

    kind = "too_large"


class CorruptGzipError(BatchError):
    """A ``.gz`` input that is not valid gzip data, or is truncated."""

    kind = "corrupt_gzip"


class InvalidRecordError(BatchError):
    """A JSONL line that is not a JSON object holding a text field."""

    kind = "invalid_record"


class DuplicateIdError(BatchError):
    """A second document with an id already used in this run."""

    kind = "duplicate_id"


class WorkerCrashedError(BatchError):
    """The worker process died (killed, out of memory, crashed) on this document."""

    kind = "crashed"


class DocumentTimeout(BaseException):
    """Cleaning one document took longer than the time limit.

    A ``BaseException`` so that ``except Exception`` in library code cannot swallow it.
    """


class Failure(NamedTuple):
    """Why a document failed: a short ``kind``, the exception's type name and message.

    >>> Failure.of(NotTextError("input is a PNG image, not text or HTML"))
    Failure(kind='binary', type='NotTextError', message='input is a PNG image, not text or HTML')
    >>> Failure.of(EmptyInputError("the file is empty")).describe()
    'EmptyInputError: the file is empty'
    """

    kind: str
    type: str
    message: str

    @classmethod
    def of(cls, exc: BaseException) -> Failure:
        """The failure an exception stands for."""
        return cls(failure_kind(exc), type(exc).__name__, str(exc) or type(exc).__name__)

    def describe(self) -> str:
        """``"ErrorType: message"``, the form :attr:`Document.error` takes."""
        return f"{self.type}: {self.message}"


def failure_kind(exc: BaseException) -> str:
    """The short kind of failure for an exception.

    >>> failure_kind(DocumentTimeout()), failure_kind(PermissionError()), failure_kind(KeyError())
    ('timeout', 'unreadable', 'error')
    """
    if isinstance(exc, BatchError):
        return exc.kind
    if isinstance(exc, DocumentTimeout):
        return "timeout"
    if isinstance(exc, NotTextError):
        return "binary"
    if isinstance(exc, UnicodeError):
        return "undecodable"
    if isinstance(exc, OSError):
        return "unreadable"
    return "error"


def _can_set_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`DocumentTimeout` in the block after ``seconds`` (POSIX main thread only).

    Elsewhere (Windows, a non-main thread) the block runs without a limit.

    >>> import time
    >>> try:
    ...     with time_limit(0.05):
    ...         time.sleep(1)
    ... except DocumentTimeout as exc:
    ...     print(exc)
    took longer than 0.05 s
    """
    if not seconds or seconds <= 0 or not _can_set_alarm():
        yield
        return

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise DocumentTimeout(f"took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds, 1.0)  # fires again each second if swallowed
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# --------------------------------------------------------------------------- options

OptionsSpec = tuple[tuple[str, Any], ...]


def options_spec(options: Options | None) -> OptionsSpec:
    """The constructor arguments of ``options``: small, hashable and cheap to pickle.

    >>> dict(options_spec(Options(unglue=False)))["unglue"]
    False
    """
    opts = options if options is not None else DEFAULT_OPTIONS
    return tuple((f.name, getattr(opts, f.name)) for f in dataclasses.fields(opts) if f.init)


@functools.lru_cache(maxsize=4)
def options_from_spec(spec: OptionsSpec) -> Options:
    """Build :class:`Options` once per process for a spec (the rules compile once)."""
    return Options(**dict(spec))


# --------------------------------------------------------------------------- the pool


def chunked(
    items: Iterable[T],
    size: int,
    *,
    first: int | None = None,
    weigh: Callable[[T], int] | None = None,
    max_weight: int = 0,
) -> Iterator[list[T]]:
    """Lists of up to ``size`` items, read lazily; with ``first``, the lists start
    that long and double up to ``size`` (so that a short input still reaches every worker).
    With ``weigh``, a list also ends at the item that takes its weight to ``max_weight``
    (so what is in flight is bounded in bytes, not only in items).

    >>> list(chunked(range(5), 2))
    [[0, 1], [2, 3], [4]]
    >>> [len(c) for c in chunked(range(40), 8, first=1)]
    [1, 2, 4, 8, 8, 8, 8, 1]
    >>> list(chunked([1, 5, 1, 1, 9, 1], 4, weigh=int, max_weight=5))
    [[1, 5], [1, 1, 9], [1]]
    """
    n = min(first or size, size)
    chunk: list[T] = []
    weight = 0
    for item in items:
        chunk.append(item)
        if weigh is not None:
            weight += weigh(item)
        if len(chunk) >= n or (weigh is not None and weight >= max_weight):
            yield chunk
            chunk, weight = [], 0
            n = min(2 * n, size)
    if chunk:
        yield chunk


def _exit_when_orphaned(parent: int) -> None:
    """Poll in a daemon thread: a worker whose parent died (even by SIGKILL) exits."""

    def watch() -> None:
        while os.getppid() == parent:
            threading.Event().wait(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="newsclean-orphan-watch", daemon=True).start()


def warm_up(spec: OptionsSpec) -> None:
    """Build the options and load what the first document would load (models, data)."""
    clean(_WARM_UP_TEXT, options=options_from_spec(spec))


def _init_worker(parent: int, spec: OptionsSpec) -> None:
    """Worker set-up: leave Ctrl-C to the parent, exit with it, build and warm the options."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _exit_when_orphaned(parent)
    warm_up(spec)


class _Pool:
    """A process pool that can be replaced when one of its workers dies."""

    def __init__(self, workers: int, spec: OptionsSpec) -> None:
        self.workers = workers
        self.spec = spec
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.workers, initializer=_init_worker, initargs=(os.getpid(), self.spec)
        )

    def restart(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._start()

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)

    def abandon(self) -> None:
        """Stop at once (Ctrl-C, or the consumer stopped reading): cancel the queued
        chunks and end the workers in the middle of theirs, whose results nobody will
        read, instead of waiting up to a chunk of per-document time limits."""
        # (ProcessPoolExecutor has no public way to end its workers before Python 3.14)
        workers = list((getattr(self.executor, "_processes", None) or {}).values())
        self.executor.shutdown(wait=False, cancel_futures=True)
        for process in workers:
            process.terminate()
        for process in workers:
            process.join()


def _run_isolated(
    pool: _Pool,
    fn: Callable[[list[T]], list[R]],
    chunks: Iterable[list[T]],
    on_crash: Callable[[T, BaseException], R],
) -> Iterator[list[R]]:
    """After a crash: run items one at a time, so the one that kills a worker is known."""
    for chunk in chunks:
        for item in chunk:
            try:
                yield pool.executor.submit(fn, [item]).result()
            except BrokenProcessPool as exc:
                pool.restart()
                yield [on_crash(item, exc)]


def ordered_chunks(
    fn: Callable[[list[T]], list[R]],
    items: Iterable[T],
    *,
    workers: int,
    spec: OptionsSpec,
    on_crash: Callable[[T, BaseException], R],
    chunk_size: int = 4,
    weigh: Callable[[T], int] | None = None,
) -> Generator[list[R], None, None]:
    """``fn`` over chunks of ``items`` in ``workers`` processes; result lists in input order.

    ``fn`` maps a list of items to a list of results and must be picklable (a
    module-level function, or a ``functools.partial`` of one). Items are read
    lazily: at most ``4 * workers`` chunks are in flight; the first chunks are
    shorter (1, 2, 4... items, up to ``chunk_size``); with ``weigh`` (an item's size
    in bytes), a chunk also ends once it holds :data:`CHUNK_BYTES`. A worker that dies
    takes the pool with it; the pool is restarted and the chunks in flight are
    run again one item at a time, the culprit getting ``on_crash(item, error)``
    (those results come as lists of one). With ``workers <= 1`` everything runs
    in this process.
    """
    chunks = chunked(items, chunk_size, first=1, weigh=weigh, max_weight=CHUNK_BYTES)
    if workers <= 1:
        options_from_spec(spec)
        for chunk in chunks:
            yield fn(chunk)
        return
    if multiprocessing.get_start_method() == "fork":
        warm_up(spec)  # forked workers share what the parent loaded, copy-on-write
    pool = _Pool(workers, spec)
    pending: deque[tuple[list[T], Future[list[R]]]] = deque()
    finished = False
    try:
        while True:
            for chunk in itertools.islice(chunks, 4 * workers - len(pending)):
                pending.append((chunk, pool.executor.submit(fn, chunk)))
            if not pending:
                finished = True
                return
            chunk, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                retry = [chunk, *(c for c, _ in pending)]
                pending.clear()
                pool.restart()
                yield from _run_isolated(pool, fn, retry, on_crash)
                continue
            yield results
    finally:
        if finished:
            pool.close()
        else:  # Ctrl-C, an error, or the consumer stopped reading
            pool.abandon()


def ordered_map(
    fn: Callable[[list[T]], list[R]],
    items: Iterable[T],
    *,
    workers: int,
    spec: OptionsSpec,
    on_crash: Callable[[T, BaseException], R],
    chunk_size: int = 4,
) -> Generator[R, None, None]:
    """:func:`ordered_chunks`, one result at a time."""
    chunks = ordered_chunks(
        fn, items, workers=workers, spec=spec, on_crash=on_crash, chunk_size=chunk_size
    )
    try:
        for results in chunks:
            yield from results
    finally:
        chunks.close()


# --------------------------------------------------------------------------- clean_many


def _item_text(item: object) -> tuple[str | bytes, str | None]:
    """The text (or HTML) and url of a ``clean_many`` item."""
    if isinstance(item, (str, bytes)):
        return item, None
    if isinstance(item, Mapping):
        text = item.get("text", item.get("html"))
        if not isinstance(text, (str, bytes)):
            raise InvalidRecordError("the item has no 'text' or 'html' string")
        url = item.get("url")
        return text, url if isinstance(url, str) else None
    raise TypeError(f"items must be str, bytes or dict, not {type(item).__name__}")


def clean_item(item: object, options: Options, timeout: float | None) -> Document:
    """Clean one ``clean_many`` item; a failure becomes a Document with ``error`` set."""
    try:
        with time_limit(timeout):
            text, url = _item_text(item)
            return clean(text, options=options, url=url)
    except (Exception, DocumentTimeout) as exc:
        return Document(error=Failure.of(exc).describe())


def _clean_items(spec: OptionsSpec, timeout: float | None, items: list[object]) -> list[Document]:
    options = options_from_spec(spec)
    return [clean_item(item, options, timeout) for item in items]


def _crashed_document(item: object, exc: BaseException) -> Document:
    return Document(error=Failure.of(WorkerCrashedError(str(exc))).describe())


def clean_many(
    items: Iterable[str | bytes | Mapping[str, Any]],
    *,
    workers: int = 1,
    options: Options | None = None,
    timeout: float | None = None,
) -> Iterator[Document]:
    """Clean many documents, in order, lazily, optionally in ``workers`` processes.

    ``items`` are ``str``/``bytes`` (text or HTML) or dicts with ``"text"`` (or
    ``"html"``) and optionally ``"url"``. The result is an iterator of
    :class:`Document`, one per item in the same order, so ``zip(ids, clean_many(...))``
    pairs them. Items are consumed as results are taken: memory stays bounded
    whatever the input's length. A document that cannot be cleaned (binary
    bytes, a timeout, a dict without text, a worker that crashed) comes back as
    a Document whose ``error`` is ``"ErrorType: message"``; nothing is raised.
    ``timeout`` limits the seconds spent on one document (POSIX; in-process only
    when called from the main thread). With ``workers > 1``, call it under
    ``if __name__ == "__main__":`` on platforms that spawn processes.

    >>> pages = ["Views: 0\\n\\nThe council approved the budget on Tuesday after a long debate.",
    ...          {"text": "Share this article\\n\\nRain is expected on Friday across the region.",
    ...           "url": "https://example.com/weather"},
    ...          b"\\x89PNG\\r\\n\\x1a\\n...."]
    >>> for doc in clean_many(pages):
    ...     print(doc.body or doc.error)
    The council approved the budget on Tuesday after a long debate.
    Rain is expected on Friday across the region.
    NotTextError: input is a PNG image, not text or HTML
    """
    spec = options_spec(options)
    fn = functools.partial(_clean_items, spec, timeout)
    return ordered_map(fn, items, workers=workers, spec=spec, on_crash=_crashed_document)


# --------------------------------------------------------------------------- jobs


class Job(NamedTuple):
    """One document of a batch: a file to read (``text is None``) or a record's text.

    A JSONL record can also come unparsed, as its ``line``: :func:`record_job`
    turns it into the record's job (its own id, text, url, extra fields) where
    it is cleaned, so the process that reads the input does not decode the text.
    """

    id: str
    source: str
    gz: bool = False
    text: str | bytes | None = None
    url: str | None = None
    extra: tuple[tuple[str, Any], ...] = ()
    failure: Failure | None = None
    line: bytes | None = None


class Outcome(NamedTuple):
    """What became of a job: the output ``record`` or the ``failure``, and chars cut per rule.

    With ``JobSettings.as_lines`` a cleaned document's record comes as ``line``,
    the JSONL line :func:`json_line` makes of it, and ``record`` is None.
    ``empty`` says the body came out empty.
    """

    id: str
    source: str
    record: dict[str, Any] | None
    failure: Failure | None
    removed_chars: dict[str, int]
    line: bytes | None = None
    empty: bool = False


class JobSettings(NamedTuple):
    """What every worker needs to know, besides the options.

    ``as_lines``: return each record as a ready JSONL line (:attr:`Outcome.line`),
    serialised where it was cleaned instead of in the process that writes it.
    """

    spec: OptionsSpec
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float | None = DEFAULT_TIMEOUT
    audit: bool = False
    as_lines: bool = False
    text_fields: tuple[str, ...] = ("text", "html")


def json_line(record: dict[str, Any]) -> bytes:
    r"""One JSONL line, UTF-8 (``\u`` escapes when a string holds a lone surrogate).

    >>> json_line({"id": "a", "body": "Rain."})
    b'{"id": "a", "body": "Rain."}\n'
    >>> json_line({"id": "b", "body": chr(0xD800)})
    b'{"id": "b", "body": "\\ud800"}\n'
    """
    try:
        return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(record) + "\n").encode("ascii")


def record_job(line: bytes, fallback_id: str, source: str, text_fields: Sequence[str]) -> Job:
    """The job for one JSONL line (a failed job when the line is not a usable record).

    >>> job = record_job(b'{"id": 7, "text": "Rain.", "tag": "x"}', "f#1", "f", ("text",))
    >>> job.id, job.text, job.extra
    ('7', 'Rain.', (('tag', 'x'),))
    >>> record_job(b'[1]', "f#2", "f", ("text",)).failure.message
    'the line is not a JSON object'
    >>> record_job(b'{"text": "", "html": "<p>Rain.</p>"}', "f#3", "f", ("text", "html")).text
    '<p>Rain.</p>'
    """
    try:
        record = json.loads(line)
    except UnicodeDecodeError as exc:
        return Job(fallback_id, source, failure=Failure.of(exc))
    except ValueError as exc:
        return Job(fallback_id, source, failure=Failure.of(InvalidRecordError(f"not JSON: {exc}")))
    except RecursionError:  # arrays or objects nested thousands deep
        failure = Failure.of(InvalidRecordError("not JSON this reader can take: nested too deeply"))
        return Job(fallback_id, source, failure=failure)
    if not isinstance(record, dict):
        failure = Failure.of(InvalidRecordError("the line is not a JSON object"))
        return Job(fallback_id, source, failure=failure)
    rid = record.get("id")
    doc_id = str(rid) if isinstance(rid, (str, int)) and str(rid) else fallback_id
    texts = [record[f] for f in text_fields if isinstance(record.get(f), str)]
    # (the first that holds more than whitespace: an empty "text" beside the page's "html")
    text = next((t for t in texts if t and not t.isspace()), texts[0] if texts else None)
    if text is None:
        names = " or ".join(repr(f) for f in text_fields)
        return Job(doc_id, source, failure=Failure.of(InvalidRecordError(f"no {names} string")))
    url = record.get("url")
    extra = tuple((k, v) for k, v in record.items() if k != "id" and k not in text_fields)
    return Job(doc_id, source, text=text, url=url if isinstance(url, str) else None, extra=extra)


def read_document(path: str, gz: bool, max_bytes: int) -> bytes:
    """The bytes of an input file, decompressed, refused if empty or over ``max_bytes``.

    Decompression stops at ``max_bytes + 1`` bytes, so a gzip bomb costs nothing.
    """
    try:
        if gz:
            with gzip.open(path, "rb") as fz:
                data = fz.read(max_bytes + 1)
        else:
            with open(path, "rb") as f:
                data = f.read(max_bytes + 1)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise CorruptGzipError(f"corrupt gzip data: {exc}") from exc
    if len(data) > max_bytes:
        raise InputTooLargeError(f"larger than {max_bytes} bytes (--max-bytes)")
    if not data.strip():
        raise EmptyInputError("the input is empty")
    return data


def removed_chars_by_rule(doc: Document) -> dict[str, int]:
    """How many characters each rule took out of a document.

    >>> from newsclean import Removal
    >>> cuts = (Removal("rules", "a", "Views: 0", 0, 8), Removal("rules", "a", "Share", 9, 14))
    >>> removed_chars_by_rule(Document(body="x", removed=cuts))
    {'a': 13}
    """
    out: dict[str, int] = {}
    for r in doc.removed:
        out[r.rule] = out.get(r.rule, 0) + len(r.text)
    return out


def process_job(job: Job, options: Options, settings: JobSettings) -> Outcome:
    """Read (if a file) or parse (if a JSONL line) and clean one job; never raises on a bad
    document."""
    if job.line is not None:
        job = record_job(job.line, job.id, job.source, settings.text_fields)
    if job.failure is not None:
        return Outcome(job.id, job.source, None, job.failure, {})
    try:
        with time_limit(settings.timeout):
            if job.text is None:
                data: str | bytes = read_document(job.source, job.gz, settings.max_bytes)
            elif not job.text.strip():
                raise EmptyInputError("the record's text is empty")
            else:
                data = job.text
            doc = clean(data, options=options, url=job.url)
    except (Exception, DocumentTimeout) as exc:
        return Outcome(job.id, job.source, None, Failure.of(exc), {})
    record = {"id": job.id, **dict(job.extra), **doc.to_dict(audit=settings.audit)}
    removed = removed_chars_by_rule(doc)
    if settings.as_lines:
        return Outcome(job.id, job.source, None, None, removed, json_line(record), not doc.body)
    return Outcome(job.id, job.source, record, None, removed, None, not doc.body)


def process_jobs(settings: JobSettings, jobs: list[Job]) -> list[Outcome]:
    """:func:`process_job` over a chunk of jobs (the function the worker processes run)."""
    options = options_from_spec(settings.spec)
    return [process_job(job, options, settings) for job in jobs]


def crashed_outcome(job: Job, exc: BaseException, text_fields: Sequence[str] = ()) -> Outcome:
    """The outcome of a job whose worker died (under the record's own id if it is a line)."""
    if job.line is not None:
        job = record_job(job.line, job.id, job.source, text_fields)
    failure = Failure.of(WorkerCrashedError(f"the worker process died: {exc}"))
    return Outcome(job.id, job.source, None, failure, {})


def run_jobs(
    jobs: Iterable[Job], settings: JobSettings, *, workers: int
) -> Generator[list[Outcome], None, None]:
    """Every job's outcome, in order, a chunk at a time, cleaned in ``workers`` processes.

    Chunks of up to :data:`JOB_CHUNK_SIZE` documents: the writing process's cost
    goes with the number of chunks (each is a round trip through the pool's threads).
    """
    fn = functools.partial(process_jobs, settings)
    on_crash = functools.partial(crashed_outcome, text_fields=settings.text_fields)
    return ordered_chunks(
        fn,
        jobs,
        workers=workers,
        spec=settings.spec,
        on_crash=on_crash,
        chunk_size=JOB_CHUNK_SIZE,
        weigh=job_bytes,
    )


def job_bytes(job: Job) -> int:
    """The input a job carries to its worker (a file's job carries only its path)."""
    return len(job.line or b"") + len(job.text or "")
