"""The ``newsclean`` command: ``newsclean clean INPUT... -o OUT`` (and ``newsclean explain FILE``).

The run, in order: parse and check the arguments (usage errors exit 2); find
the inputs (:func:`discover`); turn them into jobs (:func:`iter_jobs`), leaving
out the ones already in the output (``--resume``) and refusing duplicate ids;
clean them in worker processes (:func:`newsclean._batch.run_jobs`); write each
chunk of outcomes as it arrives, in input order, to the output or the errors
file; print the summary.

Crash safety: JSONL output gets complete lines, flushed after each chunk of
records and fsynced at least every second, so a killed run leaves at most one
partial last line, which ``--resume`` cuts off before reading the ids already done. Text
output writes each file under a temporary name and renames it into place, the
``.json`` sidecar last: a sidecar means the document is done.
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import gzip
import hashlib
import itertools
import json
import math
import os
import re
import signal
import stat
import sys
import time
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, Any, NamedTuple, Protocol

from . import __version__
from ._batch import (
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUT,
    BatchError,
    CorruptGzipError,
    DuplicateIdError,
    EmptyInputError,
    Failure,
    InputTooLargeError,
    Job,
    JobSettings,
    Outcome,
    json_line,
    options_spec,
    record_job,
    run_jobs,
)
from ._explain import ReportCollector, explain_main
from ._options import Options

EXIT_OK = 0
EXIT_FAILURES = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

SUFFIX_KINDS = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
FSYNC_INTERVAL = 1.0

_EPILOG = """\
inputs:
  A folder is searched recursively; files and globs are taken as given; "-" reads
  standard input (JSONL when it starts with "{", else one text or HTML document).
  Recognised: .txt, .html/.htm/.xhtml, .jsonl/.ndjson (one JSON record per line,
  the text in --text-field, else "html"), and any of these gzip-compressed (.gz).
  Other files are skipped and counted.

output:
  JSONL (default; "-o -", the default, is standard output): one record per
  document, "id" (the path relative to the input folder, or the record's own
  "id", else "path#lineno") then the record's other fields and the Document's.
  --format txt writes OUT/<id>.txt bodies with a .json metadata sidecar each.
  Failures go to OUT.errors.jsonl (see --errors), one line each.

exit status:
  0  every document was cleaned (empty bodies and skipped files included)
  1  some documents failed (see the errors file), or the output could not be written
  2  usage error (bad arguments, an input that does not exist)
  130  interrupted (Ctrl-C); what is done is written, --resume continues

examples:
  newsclean clean examples -o out.jsonl
  newsclean clean 'crawl/**/*.html.gz' -o out.jsonl --workers 4 --stats stats.json
  newsclean clean - < in.jsonl > out.jsonl
  newsclean clean big_folder -o out.jsonl --resume
"""


class UsageError(Exception):
    """A mistake in the command line: reported on stderr, exit status 2."""


# --------------------------------------------------------------------------- arguments


def parse_size(text: str) -> int:
    """A byte count: ``20000000``, ``20MB``, ``500k``, ``1G`` (decimal units).

    >>> parse_size("20MB"), parse_size("500k"), parse_size("1024")
    (20000000, 500000, 1024)
    """
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)b?\s*", text, re.IGNORECASE)
    if m is None:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (try 20MB)")
    scale = {"": 1, "k": 10**3, "m": 10**6, "g": 10**9}[m.group(2).lower()]
    size = int(float(m.group(1)) * scale)
    if size <= 0:
        raise argparse.ArgumentTypeError("the size must be positive")
    return size


def positive_int(text: str) -> int:
    """An integer >= 1, for ``--workers``."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def seconds(text: str) -> float:
    """A number of seconds >= 0 (0, like "inf", means no limit), for ``--timeout``.

    >>> seconds("2.5"), seconds("0"), seconds("inf")
    (2.5, 0.0, 0.0)
    """
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if math.isnan(value):  # (every document would fail: no timer takes it)
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}")
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 (no limit) or more")
    return 0.0 if math.isinf(value) else value


def default_workers() -> int:
    """The number of CPU cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def _add_clean_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="folders, files, globs, or -")
    p.add_argument(
        "-o",
        "--output",
        default="-",
        metavar="OUT",
        help="output JSONL file, or folder with --format txt; - (default) is stdout",
    )
    p.add_argument(
        "--format",
        choices=("jsonl", "txt"),
        default="jsonl",
        help="jsonl (default) or txt: a mirror tree of .txt bodies + .json sidecars",
    )
    p.add_argument(
        "--with-removed",
        action="store_true",
        help="add the audit trail (removed, repairs) to each record",
    )
    p.add_argument(
        "--text-field",
        default="text",
        metavar="NAME",
        help='JSONL field holding the text (default: text; "html" is tried too)',
    )
    p.add_argument(
        "--workers",
        type=positive_int,
        default=default_workers(),
        metavar="N",
        help="worker processes (default: the machine's cores, here %(default)s)",
    )
    p.add_argument(
        "--resume",
        action="store_true",
        help="skip documents already in OUT (after a crash or Ctrl-C)",
    )
    p.add_argument(
        "--max-bytes",
        type=parse_size,
        default=DEFAULT_MAX_BYTES,
        metavar="SIZE",
        help="refuse documents (or JSONL lines) larger than this once decompressed (default: 20MB)",
    )
    p.add_argument(
        "--timeout",
        type=seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help="time limit per document, 0 for none (default: %(default)g)",
    )
    p.add_argument(
        "--follow-symlinks",
        action="store_true",
        help="follow symlinks that lead out of an input folder",
    )
    p.add_argument(
        "--errors",
        metavar="FILE",
        help="where failures go (default: OUT.errors.jsonl; stderr with -o -)",
    )
    p.add_argument("--stats", metavar="FILE", help="write the summary to FILE as JSON")
    p.add_argument(
        "--report",
        metavar="FILE",
        help="also write an HTML report: counts by rule and language, charts, and the "
        "documents with the most removed or left empty, each with its explain view",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")
    _add_cleaning_options(p)


def _add_cleaning_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("cleaning options (see newsclean.Options)")
    g.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="RULE",
        help="switch off a rule id or family prefix (repeatable)",
    )
    g.add_argument(
        "--pattern",
        action="append",
        default=[],
        metavar="ID=REGEX",
        help="your own line rule (repeatable)",
    )
    g.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="FILE",
        help="your own rule file (repeatable)",
    )
    g.add_argument("--language", metavar="CODE", help="known language: skips detection")
    g.add_argument("--no-main-content", action="store_true", help="skip the main-content stage")
    g.add_argument("--no-unglue", action="store_true", help="do not put back lost spaces")
    g.add_argument("--no-metadata", action="store_true", help="do not read title, date...")
    g.add_argument("--no-detect-language", action="store_true", help="leave language empty")


def build_parser() -> argparse.ArgumentParser:
    """The ``newsclean`` argument parser (sub-commands ``clean`` and ``explain``)."""
    parser = argparse.ArgumentParser(
        prog="newsclean",
        description="Turn noisy scraped news text (or HTML) into clean bodies and metadata.",
        epilog="Run 'newsclean clean --help' for the options. "
        "Exit status: 0 all cleaned, 1 some documents failed, 2 usage error.",
    )
    parser.add_argument("--version", action="version", version=f"newsclean {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    clean_parser = sub.add_parser(
        "clean",
        help="clean folders, files or JSONL of news pages into JSONL or text files",
        description="Clean news pages (text, HTML, JSONL; gzipped or not) in parallel.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_clean_arguments(clean_parser)
    explain_parser = sub.add_parser(
        "explain",
        help="show one document with what was cut struck through, in the terminal or as HTML",
        description="Show one text or HTML document with the removed spans struck through "
        "and coloured by rule, the repairs highlighted, the metadata found and a count per "
        "rule. For HTML input the text extracted from the page is shown (offsets refer to it).",
    )
    _add_explain_arguments(explain_parser)
    return parser


def _add_explain_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", metavar="FILE", help="a text or HTML file (.gz too), or - for stdin")
    p.add_argument(
        "--html",
        metavar="OUT",
        help="write the view as one self-contained HTML page to OUT (- for stdout)",
    )
    colour = p.add_mutually_exclusive_group()
    colour.add_argument(
        "--color",
        dest="color",
        action="store_true",
        default=None,
        help="ANSI colours even when stdout is not a terminal",
    )
    colour.add_argument(
        "--no-color",
        dest="color",
        action="store_false",
        help="plain markers [-removed-]{rule} (the default when stdout is not a terminal, "
        "or NO_COLOR is set)",
    )
    p.add_argument("--url", help="the page's address (helps HTML metadata)")
    p.add_argument(
        "--max-bytes",
        type=parse_size,
        default=DEFAULT_MAX_BYTES,
        metavar="SIZE",
        help="refuse an input larger than this once decompressed (default: 20MB)",
    )
    _add_cleaning_options(p)


def options_from_args(args: argparse.Namespace) -> Options:
    """The cleaning :class:`Options` the arguments ask for (a bad one is a usage error)."""
    patterns: list[tuple[str, str]] = []
    for item in args.pattern:
        rule_id, sep, regex_ = item.partition("=")
        if not sep or not rule_id:
            raise UsageError(f"--pattern takes ID=REGEX, not {item!r}")
        patterns.append((rule_id, regex_))
    try:
        return Options(
            disable=frozenset(args.disable),
            patterns=tuple(patterns),
            rule_files=tuple(args.rules),
            main_content=not args.no_main_content,
            unglue=not args.no_unglue,
            metadata=not args.no_metadata,
            detect_language=not args.no_detect_language,
            language=args.language,
        )
    except Exception as exc:  # a bad regex, a missing rule file...
        raise UsageError(f"bad cleaning options: {exc}") from exc


def errors_path_for(output: str, fmt: str) -> str:
    """``out.jsonl`` -> ``out.errors.jsonl``; folder ``out/`` -> ``out.errors.jsonl``.

    >>> errors_path_for("out.jsonl", "jsonl"), errors_path_for("res/", "txt")
    ('out.errors.jsonl', 'res.errors.jsonl')
    """
    base = output.rstrip("/\\") or output
    if fmt == "jsonl" and base.endswith(".jsonl"):
        base = base[: -len(".jsonl")]
    return base + ".errors.jsonl"


# --------------------------------------------------------------------------- inputs


class LineReader(Protocol):
    """A binary stream read line by line (a file, a GzipFile, stdin's buffer)."""

    def readline(self, size: int = -1, /) -> bytes: ...


class InputFile(NamedTuple):
    """A recognised input: its path, its id, its kind (text, html, jsonl, stdin), gzipped?"""

    path: str
    id: str
    kind: str
    gz: bool


@dataclass
class Discovery:
    """What the INPUT arguments hold: input files in order, and what was left out."""

    files: list[InputFile] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    unreadable: list[tuple[str, OSError]] = field(default_factory=list)


def input_kind(name: str) -> tuple[str | None, bool]:
    """The kind of input a file name says (None: not an input) and whether it is gzipped.

    >>> input_kind("a/page.HTML.gz"), input_kind("notes.md"), input_kind("x.ndjson")
    (('html', True), (None, False), ('jsonl', False))
    """
    lower = name.lower()
    gz = lower.endswith(".gz")
    if gz:
        lower = lower[:-3]
    return SUFFIX_KINDS.get(os.path.splitext(lower)[1]), gz


def is_within(path: str, folder: str) -> bool:
    """True when ``path`` is ``folder`` or inside it (both already real paths)."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _is_regular_file(path: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _add_file(found: Discovery, path: str, file_id: str, excluded: set[str]) -> None:
    if os.path.realpath(path) in excluded:
        return
    kind, gz = input_kind(path)
    if kind is None or not _is_regular_file(path):
        found.skipped.append(path)
        return
    found.files.append(InputFile(path, file_id, kind, gz))


def _prune_dirs(
    dirpath: str,
    dirnames: list[str],
    root_real: str,
    follow: bool,
    seen: set[str],
    excluded: set[str],
) -> None:
    """Keep the sub-folders os.walk should enter: no cycles, no output folder."""
    keep = []
    for name in sorted(dirnames):
        real = os.path.realpath(os.path.join(dirpath, name))
        if real in seen or any(is_within(real, x) for x in excluded):
            continue
        if not follow and not is_within(real, root_real):
            continue
        seen.add(real)
        keep.append(name)
    dirnames[:] = keep


def walk_folder(root: str, found: Discovery, *, follow: bool, excluded: set[str]) -> None:
    """Add a folder's input files, sorted by id (their path relative to ``root``)."""
    root_real = os.path.realpath(root)
    seen = {root_real}
    files: list[InputFile] = []
    sub = Discovery(files)

    def on_error(exc: OSError) -> None:
        found.unreadable.append((os.path.relpath(exc.filename or root, root), exc))

    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error, followlinks=follow):
        _prune_dirs(dirpath, dirnames, root_real, follow, seen, excluded)
        for name in filenames:
            path = os.path.join(dirpath, name)
            if not follow and not is_within(os.path.realpath(path), root_real):
                sub.skipped.append(path)
                continue
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            _add_file(sub, path, rel, excluded)
    found.files.extend(sorted(files, key=lambda f: f.id))
    found.skipped.extend(sub.skipped)


def discover(inputs: Sequence[str], *, follow: bool, excluded: set[str]) -> Discovery:
    """The input files the INPUT arguments name, in a deterministic order.

    Arguments are taken in the order given; a folder's files are sorted by
    relative path, a glob's matches by name. An argument that names nothing
    is a usage error.
    """
    found = Discovery()
    for arg in inputs:
        if arg == "-":
            found.files.append(InputFile("-", "-", "stdin", False))
            continue
        matches = sorted(glob.glob(arg, recursive=True)) if glob.has_magic(arg) else [arg]
        matches = [m for m in matches if os.path.lexists(m)]
        if not matches:
            raise UsageError(f"no such file or folder: {arg}")
        for path in matches:
            if os.path.isdir(path):
                walk_folder(path, found, follow=follow, excluded=excluded)
            else:
                _add_file(found, path, os.path.normpath(path).replace(os.sep, "/"), excluded)
    return found


def numbered_lines(stream: LineReader, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """``(lineno, line)`` for each line; ``line`` is None for one over ``max_bytes``.

    An over-long line is read past in pieces, never held whole in memory.

    >>> import io
    >>> list(numbered_lines(io.BytesIO(b"ab\\n" + b"x" * 10 + b"\\ncd"), 5))
    [(1, b'ab\\n'), (2, None), (3, b'cd')]
    """
    for lineno in itertools.count(1):
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield lineno, None
        else:
            yield lineno, line


def record_jobs(
    stream: LineReader,
    file_id: str,
    source: str,
    text_fields: Sequence[str],
    max_bytes: int,
    *,
    parse: bool = True,
) -> Iterator[Job]:
    """The jobs of a JSONL stream; a stream without any record is an empty input.

    With ``parse=False`` each record's line is left to the worker to parse
    (:attr:`Job.line`): the job's id is then ``FILE#LINENO`` until it is parsed.
    """
    count = 0
    for lineno, line in numbered_lines(stream, max_bytes):
        line_id = f"{file_id}#{lineno}"
        if line is None:
            too_large = InputTooLargeError(f"line longer than {max_bytes} bytes (--max-bytes)")
            count += 1
            yield Job(line_id, source, failure=Failure.of(too_large))
        elif not line.isspace():  # unlike strip(), no copy of the line
            count += 1
            yield (
                record_job(line, line_id, source, text_fields)
                if parse
                else Job(line_id, source, line=line)
            )
    if count == 0:
        yield Job(file_id, source, failure=Failure.of(EmptyInputError("no JSONL records")))


def jsonl_file_jobs(
    f: InputFile, text_fields: Sequence[str], max_bytes: int, *, parse: bool = True
) -> Iterator[Job]:
    """The jobs of a JSONL file; a corrupt or unreadable file is one failed job."""
    try:
        with gzip.open(f.path, "rb") if f.gz else open(f.path, "rb") as stream:
            yield from record_jobs(stream, f.id, f.path, text_fields, max_bytes, parse=parse)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        yield Job(f.id, f.path, failure=Failure.of(CorruptGzipError(f"corrupt gzip data: {exc}")))
    except OSError as exc:
        yield Job(f.id, f.path, failure=Failure.of(exc))


def stdin_jobs(
    stream: IO[bytes], text_fields: Sequence[str], max_bytes: int, *, parse: bool = True
) -> Iterator[Job]:
    """Standard input: JSONL records when it starts with ``{`` (after a UTF-8 BOM, which
    JSON parsing skips), else one document."""
    head = stream.peek(64) if hasattr(stream, "peek") else b""
    if head.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"{"):
        yield from record_jobs(stream, "-", "-", text_fields, max_bytes, parse=parse)
        return
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        too_large = InputTooLargeError(f"larger than {max_bytes} bytes (--max-bytes)")
        yield Job("-", "-", failure=Failure.of(too_large))
    else:
        yield Job("-", "-", text=data)


def iter_jobs(
    found: Discovery,
    *,
    text_fields: Sequence[str],
    max_bytes: int,
    stdin: IO[bytes],
    parse: bool = True,
) -> Iterator[Job]:
    """Every document of the inputs as a job, in input order, read lazily.

    ``parse=False`` leaves JSONL records to be parsed where they are cleaned.
    """
    for rel, exc in found.unreadable:
        yield Job(rel, rel, failure=Failure.of(exc))
    for f in found.files:
        if f.kind == "jsonl":
            yield from jsonl_file_jobs(f, text_fields, max_bytes, parse=parse)
        elif f.kind == "stdin":
            yield from stdin_jobs(stdin, text_fields, max_bytes, parse=parse)
        else:
            yield Job(f.id, f.path, gz=f.gz)


def duplicate_failure(doc_id: str) -> Failure:
    """The failure of a document whose id an earlier one of the run already had."""
    return Failure.of(DuplicateIdError(f"the id {doc_id!r} was already used in this run"))


def admit(jobs: Iterable[Job], done: set[str], stats: Stats) -> Iterator[Job]:
    """Leave out jobs already in the output (a second one with such an id is a duplicate).

    Other repeated ids are found as the outcomes are written (:func:`write_outcomes`),
    when every record's id is known.
    """
    resumed: set[str] = set()
    for job in jobs:
        if job.id in done:
            if job.id in resumed:
                yield job._replace(failure=duplicate_failure(job.id), text=None, line=None)
                continue
            resumed.add(job.id)
            stats.resumed += 1
            continue
        yield job


def count_documents(found: Discovery) -> int | None:
    """How many documents the inputs hold, for the progress bar (None: unknown)."""
    total = 0
    for f in found.files:
        if f.kind == "stdin" or (f.kind == "jsonl" and f.gz):
            return None
        if f.kind == "jsonl":
            with contextlib.suppress(OSError), open(f.path, "rb") as stream:
                total += sum(1 for line in stream if line.strip())
        else:
            total += 1
    return total


# --------------------------------------------------------------------------- outputs


def recover_jsonl(path: str) -> set[str]:
    """The ids already in a JSONL output, after cutting off a partial last line."""
    if not os.path.exists(path):
        return set()
    done: set[str] = set()
    with open(path, "r+b") as f:
        complete = 0
        for line in f:
            if not line.endswith(b"\n"):
                break
            try:
                done.add(str(json.loads(line)["id"]))
            except (ValueError, KeyError, TypeError) as exc:
                raise UsageError(f"{path} is not newsclean JSONL output: {exc}") from exc
            complete += len(line)
        f.truncate(complete)
    return done


class JsonlSink:
    """Appends complete JSONL lines: flushed after each chunk (:meth:`flush`), fsynced every second."""

    def __init__(self, stream: IO[bytes], *, sync: bool) -> None:
        self.stream = stream
        self.sync = sync
        self.last_sync = time.monotonic()

    @classmethod
    def open(cls, path: str, *, resume: bool) -> tuple[JsonlSink, set[str]]:
        """The sink for ``path`` (- for stdout) and the ids already done there."""
        if path == "-":
            return cls(sys.stdout.buffer, sync=False), set()
        done = recover_jsonl(path) if resume else set()
        parent = os.path.dirname(path)
        if parent:
            os.makedirs(parent, exist_ok=True)
        return cls(open(path, "ab" if resume else "wb"), sync=True), done

    def write(self, record: dict[str, Any]) -> None:
        self.stream.write(json_line(record))

    def write_line(self, line: bytes) -> None:
        """Append a record already serialised by :func:`json_line`."""
        self.stream.write(line)

    def flush(self) -> None:
        """Hand what was written to the OS (and fsync it once a second)."""
        self.stream.flush()
        if self.sync and time.monotonic() - self.last_sync >= FSYNC_INTERVAL:
            self.fsync()

    def fsync(self) -> None:
        if self.sync:
            os.fsync(self.stream.fileno())
            self.last_sync = time.monotonic()

    def close(self) -> None:
        self.stream.flush()
        self.fsync()
        if self.stream is not sys.stdout.buffer:
            self.stream.close()


# (a lone surrogate is a file name's undecodable byte: not a character a path can be written in)
_UNSAFE_CHARS = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")
_MAX_NAME_BYTES = 200


def safe_relpath(doc_id: str) -> str:
    """A relative path for an id that cannot leave the output folder.

    ``..``, ``.``, empty parts, leading slashes, backslashes and control
    characters (NUL included) go; an id that had to change gets a short hash of
    itself, so two ids never end up on the same path by sanitising.

    >>> safe_relpath("news/2024/a.html")
    'news/2024/a.html'
    >>> safe_relpath("../../etc/passwd")
    'etc/passwd-936d7c04'
    >>> safe_relpath("/")
    '_-42099b4a'
    """
    parts = []
    for part in re.split(r"[\\/]+", doc_id):
        part = _UNSAFE_CHARS.sub("", part).strip()
        if part in ("", ".", ".."):
            continue
        if len(part.encode("utf-8")) > _MAX_NAME_BYTES:
            part = part.encode("utf-8")[:_MAX_NAME_BYTES].decode("utf-8", "ignore")
        parts.append(part)
    rel = "/".join(parts) or "_"
    if rel != doc_id:
        rel += "-" + _id_hash(doc_id)
    return rel


def _id_hash(doc_id: str) -> str:
    return hashlib.sha1(doc_id.encode("utf-8", "surrogatepass")).hexdigest()[:8]


class UnsafePathError(BatchError):
    """The output path of a document would leave the output folder (through a symlink)."""

    kind = "unsafe_path"


class UnwritableOutputError(BatchError):
    """A document's output files could not be written (permissions, a full disk)."""

    kind = "unwritable"


def write_atomically(path: str, data: bytes) -> None:
    """Write a file under a temporary name, fsync it, and rename it into place."""
    folder, name = os.path.split(path)
    tmp = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


class TxtSink:
    """Writes ``OUT/<id>.txt`` (the body) and ``OUT/<id>.json`` (the rest), atomically."""

    def __init__(self, root: str, *, resume: bool) -> None:
        self.root = root
        self.real_root = os.path.realpath(root)
        self.used: dict[str, str] = {}  # stem -> id
        os.makedirs(root, exist_ok=True)
        self.done = self._scan() if resume else set()

    def _scan(self) -> set[str]:
        done: set[str] = set()
        for dirpath, _dirs, filenames in os.walk(self.root):
            for name in filenames:
                if not name.endswith(".json") or name.startswith("."):
                    continue
                path = os.path.join(dirpath, name)
                stem = os.path.relpath(path, self.root)[: -len(".json")].replace(os.sep, "/")
                with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
                    with open(path, "rb") as f:
                        doc_id = str(json.load(f)["id"])
                    if os.path.exists(os.path.join(dirpath, name[: -len(".json")] + ".txt")):
                        done.add(doc_id)
                        self.used[stem] = doc_id
        return done

    def stem_for(self, doc_id: str) -> str:
        """The path (without .txt/.json) for an id: sanitised, never shared by two ids."""
        stem = safe_relpath(doc_id)
        if stem.endswith(".txt"):
            stem = stem[: -len(".txt")]
        if self.used.get(stem, doc_id) != doc_id:
            stem += "-" + _id_hash(doc_id)
        return stem

    def write(self, record: dict[str, Any]) -> None:
        doc_id = str(record["id"])
        stem = self.stem_for(doc_id)
        try:
            self._write(stem, doc_id, record)
        except (FileExistsError, NotADirectoryError, IsADirectoryError):
            # One id's folder is another's file ("a" wrote a.txt, "a.txt/b" needs a folder
            # a.txt): this one goes beside them, flat, under a name only it has.
            flat = stem.replace("/", "_") + "-" + _id_hash(doc_id)
            try:
                self._write(flat, doc_id, record)
            except OSError as exc:
                raise UnwritableOutputError(f"{flat!r}: {exc}") from exc
        except OSError as exc:
            raise UnwritableOutputError(f"{stem!r}: {exc}") from exc

    def _write(self, stem: str, doc_id: str, record: dict[str, Any]) -> None:
        base = os.path.join(self.root, *stem.split("/"))
        os.makedirs(os.path.dirname(base), exist_ok=True)
        if not is_within(os.path.realpath(base), self.real_root):
            raise UnsafePathError(f"the output path {stem!r} leads out of {self.root}")
        meta = {k: v for k, v in record.items() if k != "body"}
        write_atomically(base + ".txt", str(record["body"]).encode("utf-8", "replace"))
        try:
            write_atomically(base + ".json", json_line(meta))
        except OSError:
            # (".json" is another id's folder: no body is left without its record)
            with contextlib.suppress(OSError):
                os.unlink(base + ".txt")
            raise
        self.used[stem] = doc_id

    def write_line(self, line: bytes) -> None:
        """Serialised records are for JSONL output only."""
        raise TypeError("TxtSink writes records, not JSONL lines")

    def flush(self) -> None:
        """Nothing to do: each file is complete once renamed."""

    def close(self) -> None:
        """Nothing to do: each file is complete once renamed."""


class ErrorSink:
    """One JSON line per failure, to a file, or to stderr with ``-o -``."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.stream: IO[bytes] | None = None

    def write(self, outcome: Outcome) -> None:
        assert outcome.failure is not None
        f = outcome.failure
        entry = {
            "id": outcome.id,
            "path": outcome.source,
            "error": f.kind,
            "type": f.type,
            "message": f.message,
        }
        if self.path is None:
            sys.stderr.write(f"newsclean: {outcome.id}: {f.kind}: {f.describe()}\n")
            return
        if self.stream is None:
            self.stream = open(self.path, "wb")  # noqa: SIM115 - closed in close()
        self.stream.write(json_line(entry))
        self.stream.flush()

    def close(self) -> None:
        """Flush and close; with no failure at all, remove a stale errors file."""
        if self.stream is not None:
            self.stream.flush()
            os.fsync(self.stream.fileno())
            self.stream.close()
        elif self.path is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.path)


# --------------------------------------------------------------------------- progress


@dataclass
class Stats:
    """The run's counts; :meth:`as_dict` is the ``--stats`` JSON."""

    read: int = 0
    cleaned: int = 0
    empty: int = 0
    skipped: int = 0
    failed: int = 0
    resumed: int = 0
    failures: Counter[str] = field(default_factory=Counter)
    removed_chars: Counter[str] = field(default_factory=Counter)
    started: float = field(default_factory=time.monotonic)
    elapsed: float = 0.0
    interrupted: bool = False

    def count(self, outcome: Outcome) -> None:
        """Add one outcome."""
        self.read += 1
        if outcome.failure is not None:
            self.failed += 1
            self.failures[outcome.failure.kind] += 1
        elif outcome.empty:
            self.empty += 1
        else:
            self.cleaned += 1
        if outcome.removed_chars:
            self.removed_chars.update(outcome.removed_chars)

    def docs_per_second(self) -> float:
        return self.read / self.elapsed if self.elapsed > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "cleaned": self.cleaned,
            "empty": self.empty,
            "skipped": self.skipped,
            "failed": self.failed,
            "already_done": self.resumed,
            "failures_by_type": dict(sorted(self.failures.items())),
            "chars_removed_by_rule": dict(self.removed_chars.most_common()),
            "elapsed_s": round(self.elapsed, 3),
            "docs_per_s": round(self.docs_per_second(), 2),
            "interrupted": self.interrupted,
        }


def format_duration(secs: float) -> str:
    """``75`` -> ``'1:15'``; ``3725`` -> ``'1:02:05'``.

    >>> format_duration(75), format_duration(3725)
    ('1:15', '1:02:05')
    """
    minutes, s = divmod(int(secs), 60)
    hours, m = divmod(minutes, 60)
    return f"{hours}:{m:02d}:{s:02d}" if hours else f"{m}:{s:02d}"


class Progress:
    """A one-line progress bar on stderr: count, rate, ETA (redrawn at most 10 times/s)."""

    WIDTH = 24

    def __init__(self, stream: IO[str], total: int | None, *, enabled: bool) -> None:
        self.stream = stream
        self.total = total
        self.enabled = enabled
        self.started = time.monotonic()
        self.last_draw = 0.0

    def update(self, done: int, offset: int = 0) -> None:
        """Show ``done`` documents processed (``offset`` more were already done)."""
        now = time.monotonic()
        if not self.enabled or now - self.last_draw < 0.1:
            return
        self.last_draw = now
        rate = done / (now - self.started) if now > self.started else 0.0
        count = done + offset
        if self.total:
            frac = min(count / self.total, 1.0)
            bar = "#" * int(frac * self.WIDTH)
            eta = format_duration((self.total - count) / rate) if rate > 0 else "?"
            line = f"[{bar:<{self.WIDTH}}] {count}/{self.total} {rate:.1f} docs/s ETA {eta}"
        else:
            line = f"{count} docs {rate:.1f} docs/s"
        self.stream.write("\r" + line + "\x1b[K")
        self.stream.flush()

    def finish(self) -> None:
        if self.enabled:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def summary_text(stats: Stats, errors_path: str | None) -> str:
    """The human summary printed on stderr at the end of a run."""
    lines = [
        f"newsclean: {stats.read} documents read in {stats.elapsed:.1f} s "
        f"({stats.docs_per_second():.1f} docs/s): {stats.cleaned} cleaned, {stats.empty} empty, "
        f"{stats.failed} failed, {stats.skipped} files skipped"
        + (f", {stats.resumed} already done" if stats.resumed else "")
    ]
    if stats.failed:
        kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(stats.failures.items()))
        where = f" (see {errors_path})" if errors_path else ""
        lines.append(f"  failed: {kinds}{where}")
    if stats.removed_chars:
        top = ", ".join(f"{rule} {n}" for rule, n in stats.removed_chars.most_common(8))
        lines.append(f"  characters removed by rule: {top}")
    if stats.interrupted:
        lines.append("  interrupted: what is done is written; run again with --resume to finish")
    return "\n".join(lines)


# --------------------------------------------------------------------------- the run


@dataclass
class Run:
    """Everything one ``newsclean clean`` run uses, resolved from the arguments."""

    args: argparse.Namespace
    options: Options
    errors_path: str | None
    excluded: set[str]
    collector: ReportCollector | None = None


def check_output_folder(output: str, inputs: Sequence[str]) -> None:
    """Refuse a txt output folder that is, or holds, an input folder (it would be re-read)."""
    out_real = os.path.realpath(output)
    for arg in inputs:
        if arg != "-" and os.path.isdir(arg) and is_within(os.path.realpath(arg), out_real):
            raise UsageError(f"the output folder {output} holds the input {arg}")


def resolve_run(args: argparse.Namespace) -> Run:
    """Check the arguments together and work out the paths (usage errors raise)."""
    if args.output == "-" and args.format == "txt":
        raise UsageError("--format txt needs an output folder: -o FOLDER")
    if args.output == "-" and args.resume:
        raise UsageError("--resume needs an output file: -o OUT")
    if args.inputs.count("-") > 1:
        raise UsageError("standard input (-) can be read only once")
    if args.report == "-":
        raise UsageError("--report needs a file name: --report report.html")
    if args.format == "txt":
        check_output_folder(args.output, args.inputs)
    options = options_from_args(args)
    errors_path = args.errors or (
        None if args.output == "-" else errors_path_for(args.output, args.format)
    )
    excluded = {
        os.path.realpath(p)
        for p in (args.output, errors_path, args.stats, args.report)
        if p and p != "-"
    }
    collector = None
    if args.report:
        collector = ReportCollector(
            options,
            max_bytes=args.max_bytes,
            timeout=args.timeout or None,
            title="newsclean clean " + " ".join(args.inputs),
        )
    return Run(args, options, errors_path, excluded, collector)


def _open_sink(run: Run) -> tuple[JsonlSink | TxtSink, set[str]]:
    args = run.args
    if args.format == "txt":
        sink = TxtSink(args.output, resume=args.resume)
        return sink, sink.done
    return JsonlSink.open(args.output, resume=args.resume)


def write_outcomes(
    chunks: Iterable[list[Outcome]],
    sink: JsonlSink | TxtSink,
    errors: ErrorSink,
    stats: Stats,
    progress: Progress,
    collector: ReportCollector | None = None,
) -> None:
    """Write each outcome where it belongs and count it (and collect it for ``--report``).

    An id already written earlier in the run makes a :class:`DuplicateIdError` failure (a
    document that failed leaves its id free for a later one).
    The output is flushed once per chunk, not per record: the chunk's lines are
    complete, and a Ctrl-C still gets everything written so far flushed by the
    sink's ``close``.
    """
    seen: set[str] = set()  # the ids written: a failed document does not take its id
    for chunk in chunks:
        for outcome in chunk:
            if outcome.id in seen:
                outcome = Outcome(
                    outcome.id, outcome.source, None, duplicate_failure(outcome.id), {}
                )
            if outcome.line is not None:
                sink.write_line(outcome.line)
            elif outcome.record is not None:
                try:
                    sink.write(outcome.record)
                except BatchError as exc:
                    outcome = outcome._replace(record=None, failure=Failure.of(exc))
            if outcome.failure is None:
                seen.add(outcome.id)
            if outcome.failure is not None:
                errors.write(outcome)
            stats.count(outcome)
            if collector is not None:
                collector.add(outcome)
        sink.flush()
        progress.update(stats.read, stats.resumed)


def _raise_keyboard_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def execute(run: Run) -> Stats:
    """Do the run: find, clean and write every document; stop cleanly on Ctrl-C."""
    args = run.args
    stats = Stats()
    found = discover(args.inputs, follow=args.follow_symlinks, excluded=run.excluded)
    stats.skipped = len(found.skipped)
    sink, done = _open_sink(run)
    errors = ErrorSink(run.errors_path)
    show = not args.quiet and sys.stderr.isatty()
    progress = Progress(sys.stderr, count_documents(found) if show else None, enabled=show)
    text_fields = tuple(dict.fromkeys((args.text_field, "html")))
    settings = JobSettings(
        options_spec(run.options),
        args.max_bytes,
        args.timeout or None,
        args.with_removed,
        as_lines=isinstance(sink, JsonlSink) and run.collector is None,
        text_fields=text_fields,
    )
    # The workers parse the JSONL records, unless the ids are needed here first:
    # to skip those already done, or to keep the jobs for the report's views.
    jobs = iter_jobs(
        found,
        text_fields=text_fields,
        max_bytes=args.max_bytes,
        stdin=sys.stdin.buffer,
        parse=bool(done) or run.collector is not None,
    )
    admitted = admit(jobs, done, stats)
    if run.collector is not None:
        admitted = run.collector.track(admitted)
    outcomes = run_jobs(admitted, settings, workers=args.workers)
    try:
        write_outcomes(outcomes, sink, errors, stats, progress, run.collector)
    except KeyboardInterrupt:
        stats.interrupted = True
    finally:
        with contextlib.suppress(KeyboardInterrupt):
            outcomes.close()
        progress.finish()
        sink.close()
        errors.close()
        stats.elapsed = time.monotonic() - stats.started
    return stats


def report(run: Run, stats: Stats) -> None:
    """Print the summary (unless ``--quiet``) and write ``--stats`` and ``--report``."""
    if not run.args.quiet:
        sys.stderr.write(summary_text(stats, run.errors_path) + "\n")
    if run.args.stats:
        data = json.dumps(stats.as_dict(), indent=2, ensure_ascii=False) + "\n"
        write_atomically(run.args.stats, data.encode("utf-8"))
    if run.collector is not None:
        page = run.collector.render(stats.as_dict())
        write_atomically(run.args.report, page.encode("utf-8", "replace"))


def exit_status(stats: Stats) -> int:
    """130 when interrupted, 1 when some document failed, else 0."""
    if stats.interrupted:
        return EXIT_INTERRUPTED
    return EXIT_FAILURES if stats.failed else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """The ``newsclean`` console script; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    if args.command == "explain":
        try:
            options = options_from_args(args)
        except UsageError as exc:
            parser.exit(EXIT_USAGE, f"newsclean: error: {exc}\n")
        return explain_main(args, options)
    try:
        run = resolve_run(args)
    except UsageError as exc:
        parser.exit(EXIT_USAGE, f"newsclean: error: {exc}\n")
    previous = signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
    try:
        stats = execute(run)
    except UsageError as exc:
        parser.exit(EXIT_USAGE, f"newsclean: error: {exc}\n")
    except KeyboardInterrupt:
        sys.stderr.write("newsclean: interrupted\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader of stdout went away (| head)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILURES
    except OSError as exc:
        sys.stderr.write(f"newsclean: error: {exc}\n")
        return EXIT_FAILURES
    finally:
        signal.signal(signal.SIGTERM, previous)
    report(run, stats)
    return exit_status(stats)
