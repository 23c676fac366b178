"""newsclean inside Ray Data: :class:`NewscleanMapper` and :func:`clean_dataset`.

Needs the ``ray`` extra (``pip install "newsclean[ray]"``, which brings
``ray[data]``); importing this module without Ray raises an :class:`ImportError`
that says so.

:func:`clean_dataset` is the short way::

    import ray
    from newsclean.ray import clean_dataset

    ds = ray.data.read_json("s3://bucket/pages/", file_extensions=["jsonl"])
    cleaned = clean_dataset(ds, text_column="text", concurrency=8, unglue=False)
    cleaned.write_parquet("s3://bucket/clean/")

:class:`NewscleanMapper` is the callable class it hands to
``Dataset.map_batches``, for pipelines that set the Ray arguments themselves::

    cleaned = ds.map_batches(
        NewscleanMapper,
        fn_constructor_kwargs={"text_column": "html", "with_audit": True, "language": "en"},
        batch_format="pyarrow",
        batch_size=64,
        compute=ray.data.ActorPoolStrategy(size=8),
        num_cpus=1,
    )

Each actor builds its :class:`~newsclean.Options` once, in ``__init__``, and
cleans one document first so that the models are loaded before the first batch.
Every row keeps its columns and gains ``body``, ``title``, ``subtitle``,
``date``, ``author``, ``source``, ``language`` and ``error`` (string columns;
``with_audit=True`` adds ``removed`` and ``repairs``, the audit trail as JSON
strings). A row whose document cannot be cleaned -- a null or NaN text, binary
bytes, a value that is not text, an input over ``max_bytes`` -- gets an empty
``body`` and ``error`` set to ``"ErrorType: message"``, as in
:func:`newsclean.clean_many`; the job goes on.

A per-document time limit is not available here: Ray runs the batches of an
actor in a thread other than the main one, where newsclean's ``SIGALRM`` timer
cannot work. Oversized inputs are refused by ``max_bytes`` instead.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import math
from collections.abc import Mapping, Sequence
from typing import Any, cast

try:
    import pyarrow as pa
    import ray
    import ray.data
except ImportError as exc:  # pragma: no cover - exercised in a subprocess by the tests
    raise ImportError(
        "newsclean.ray needs Ray Data, which is not installed: "
        "pip install 'newsclean[ray]', or pip install '.[ray]' from a checkout "
        "(the 'ray' extra; it installs ray[data]). "
        f"The import failed with: {exc}",
        name=exc.name,
    ) from exc

from ._api import clean
from ._batch import (
    DEFAULT_MAX_BYTES,
    Failure,
    InputTooLargeError,
    InvalidRecordError,
    options_spec,
)
from ._document import Document
from ._options import DEFAULT_OPTIONS, Options

__all__ = [
    "AUDIT_COLUMNS",
    "BATCH_FORMAT",
    "DEFAULT_BATCH_SIZE",
    "DOCUMENT_COLUMNS",
    "NewscleanMapper",
    "clean_dataset",
]

DOCUMENT_COLUMNS: tuple[str, ...] = (
    "body",
    "title",
    "subtitle",
    "date",
    "author",
    "source",
    "language",
    "error",
)
"""The columns every cleaned row gains (all strings; ``None`` where a field is unknown)."""

AUDIT_COLUMNS: tuple[str, ...] = ("removed", "repairs")
"""The audit columns added with ``with_audit=True``: JSON arrays of the removals and repairs."""

BATCH_FORMAT = "pyarrow"
"""The batch format :func:`clean_dataset` asks for: columns pass through untouched."""

DEFAULT_BATCH_SIZE = 64
"""Rows per batch: a few seconds of work per batch, a few MB of memory for news pages."""

_WARM_UP_TEXT = "Views: 0\n\nThe council approved the budget on Tuesday after a long debate."


class NewscleanMapper:
    """A callable class for ``Dataset.map_batches``: cleans a text (or HTML) column.

    ``text_column``
        the column holding each document's text or HTML (``str`` or ``bytes``).
        The default ``"text"`` falls back to ``"html"`` when a batch has no
        ``"text"`` column; a named column that is missing is an error.
    ``url_column``
        a column with the page's address, passed to :func:`newsclean.clean` as
        ``url`` when present (``None``: never).
    ``with_audit``
        add the ``removed`` and ``repairs`` columns (JSON strings).
    ``max_bytes``
        refuse a document larger than this (UTF-8 bytes) with an error row,
        before cleaning it; ``None`` for no limit.
    ``column_prefix``
        prepended to the added columns' names (``"clean_"`` gives ``clean_body``...);
        with the default ``""``, an input column of the same name is replaced.
    ``options``, ``**overrides``
        the :class:`~newsclean.Options` to clean with, as an object and/or as
        its fields (``unglue=False``, ``language="en"``); built once per actor.

    The batch may be a ``pyarrow.Table`` (the format :func:`clean_dataset`
    uses), a ``pandas.DataFrame`` or a dict of NumPy arrays; the result has the
    same format.
    """

    def __init__(
        self,
        *,
        text_column: str = "text",
        url_column: str | None = "url",
        with_audit: bool = False,
        max_bytes: int | None = DEFAULT_MAX_BYTES,
        column_prefix: str = "",
        options: Options | None = None,
        **overrides: Any,
    ) -> None:
        base = options if options is not None else DEFAULT_OPTIONS
        self.options: Options = dataclasses.replace(base, **overrides) if overrides else base
        self.text_column = text_column
        self.url_column = url_column
        self.with_audit = with_audit
        self.max_bytes = max_bytes
        self.column_prefix = column_prefix
        clean(_WARM_UP_TEXT, options=self.options)  # load models now, not in the first batch

    # ----------------------------------------------------------------- one document

    def clean_value(self, value: object, url: object = None) -> Document:
        """Clean one cell; a failure becomes a :class:`~newsclean.Document` with ``error`` set."""
        try:
            if value is None or (isinstance(value, float) and math.isnan(value)):
                raise InvalidRecordError(f"the {self.text_column!r} value is null")
            if self.max_bytes is not None and isinstance(value, (str, bytes)):
                size = len(
                    value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")
                )
                if size > self.max_bytes:
                    raise InputTooLargeError(f"larger than {self.max_bytes} bytes (max_bytes)")
            text = cast("str | bytes", value)  # anything else: clean() raises TypeError
            return clean(text, options=self.options, url=url if isinstance(url, str) else None)
        except Exception as exc:
            return Document(error=Failure.of(exc).describe())

    def clean_values(
        self, values: Sequence[object], urls: Sequence[object] | None = None
    ) -> dict[str, list[str | None]]:
        """The added columns (by output name) for a column of texts and one of urls."""
        url_list: Sequence[object] = urls if urls is not None else [None] * len(values)
        docs = [self.clean_value(v, u) for v, u in zip(values, url_list, strict=True)]
        columns: dict[str, list[str | None]] = {
            name: [getattr(doc, name) for doc in docs] for name in DOCUMENT_COLUMNS
        }
        if self.with_audit:
            columns["removed"] = [
                json.dumps([r.to_dict() for r in doc.removed], ensure_ascii=False) for doc in docs
            ]
            columns["repairs"] = [
                json.dumps([r.to_dict() for r in doc.repairs], ensure_ascii=False) for doc in docs
            ]
        return {self.column_prefix + name: column for name, column in columns.items()}

    # ----------------------------------------------------------------- batches

    def _source_column(self, names: Sequence[str]) -> str | None:
        if self.text_column in names:
            return self.text_column
        if self.text_column == "text" and "html" in names:
            return "html"
        return None

    def _missing(self, names: Sequence[str]) -> ValueError:
        return ValueError(
            f"newsclean: the batch has no {self.text_column!r} column "
            f"(columns: {', '.join(map(repr, names)) or 'none'}); set text_column"
        )

    def __call__(self, batch: Any) -> Any:
        """Clean a batch: a ``pyarrow.Table``, ``pandas.DataFrame`` or dict of NumPy arrays."""
        if isinstance(batch, pa.Table):
            return self._call_arrow(batch)
        if isinstance(batch, Mapping):
            return self._call_numpy(batch)
        if hasattr(batch, "columns") and hasattr(batch, "assign"):  # pandas, without importing it
            return self._call_pandas(batch)
        raise TypeError(f"NewscleanMapper: unsupported batch type {type(batch).__name__}")

    def _call_arrow(self, table: Any) -> Any:
        names: list[str] = list(table.column_names)
        source = self._source_column(names)
        if source is None and table.num_rows:
            raise self._missing(names)
        values = table.column(source).to_pylist() if source is not None else []
        urls = (
            table.column(self.url_column).to_pylist()
            if self.url_column is not None and self.url_column in names
            else None
        )
        for name, column in self.clean_values(values, urls).items():
            array = pa.array(column, type=pa.string())
            if name in table.column_names:
                table = table.set_column(table.schema.get_field_index(name), name, array)
            else:
                table = table.append_column(name, array)
        return table

    def _call_pandas(self, frame: Any) -> Any:
        names = [str(c) for c in frame.columns]
        source = self._source_column(names)
        if source is None and len(frame):
            raise self._missing(names)
        values = frame[source].tolist() if source is not None else []
        urls = (
            frame[self.url_column].tolist()
            if self.url_column is not None and self.url_column in names
            else None
        )
        pd: Any = importlib.import_module("pandas")
        frame = frame.copy(deep=False)
        for name, column in self.clean_values(values, urls).items():
            frame[name] = pd.Series(column, index=frame.index, dtype=object)  # None stays None
        return frame

    def _call_numpy(self, batch: Mapping[str, Any]) -> dict[str, Any]:
        np: Any = importlib.import_module("numpy")
        names = list(batch)
        source = self._source_column(names)
        rows = len(next(iter(batch.values()))) if batch else 0
        if source is None and rows:
            raise self._missing(names)
        values = batch[source].tolist() if source is not None else []
        urls = (
            batch[self.url_column].tolist()
            if self.url_column is not None and self.url_column in names
            else None
        )
        out = dict(batch)
        for name, column in self.clean_values(values, urls).items():
            out[name] = np.array(column, dtype=object)
        return out


def _actor_pool(concurrency: int | tuple[int, int] | None, num_cpus: float) -> Any:
    """An ``ActorPoolStrategy``: a fixed size, a ``(min, max)`` range, or ``(1, CPUs)``."""
    if isinstance(concurrency, tuple):
        low, high = concurrency
        return ray.data.ActorPoolStrategy(min_size=low, max_size=high)
    if concurrency is not None:
        return ray.data.ActorPoolStrategy(size=concurrency)
    if not ray.is_initialized():
        ray.init()  # what Ray Data would do on first use; honours RAY_ADDRESS
    cpus = float(ray.cluster_resources().get("CPU", 1.0))
    high = max(1, int(cpus // num_cpus)) if num_cpus > 0 else 1
    # An autoscaling pool: a fixed pool holding every CPU would starve the read and write
    # tasks of the same dataset, and the job would hang.
    return ray.data.ActorPoolStrategy(min_size=1, max_size=high)


def clean_dataset(
    ds: Any,
    *,
    text_column: str = "text",
    url_column: str | None = "url",
    concurrency: int | tuple[int, int] | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    num_cpus: float = 1.0,
    memory: float | None = None,
    with_audit: bool = False,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    column_prefix: str = "",
    options: Options | None = None,
    **overrides: Any,
) -> Any:
    """Clean ``ds``'s ``text_column`` in a pool of actors; return the lazy ``ray.data.Dataset``.

    ``concurrency`` is the number of actors (each one loads newsclean's models
    once and cleans one batch at a time): an ``int``, a ``(min, max)`` range for
    an autoscaling pool, or ``None`` for an autoscaling pool of 1 up to one actor
    per ``num_cpus`` CPUs of the cluster as it is now (this starts Ray if it is
    not running). A fixed pool that takes every CPU leaves none for the tasks
    that read and write the dataset, and the job waits forever: leave a CPU
    free, or use a range. ``batch_size`` is the number of rows an actor gets at
    a time; ``num_cpus`` the CPUs Ray reserves for each actor; ``memory`` the
    bytes of RAM (a scheduling hint: about 0.5 GB per actor with the default
    options). ``options`` and ``**overrides`` are :class:`~newsclean.Options` and
    its fields; they are checked here, on the driver, and rebuilt in every
    actor. The other arguments are those of
    :class:`NewscleanMapper`. Nothing runs until the dataset is consumed
    (``write_parquet``, ``take_all``, ``iter_batches``...)::

        cleaned = clean_dataset(ray.data.read_json("pages/"), concurrency=4, language="en")
        cleaned.write_parquet("clean/")
    """
    base = options if options is not None else DEFAULT_OPTIONS
    checked = dataclasses.replace(base, **overrides) if overrides else base
    constructor_kwargs: dict[str, Any] = {
        "text_column": text_column,
        "url_column": url_column,
        "with_audit": with_audit,
        "max_bytes": max_bytes,
        "column_prefix": column_prefix,
        **dict(options_spec(checked)),  # plain values: cheap to ship to the actors
    }
    return ds.map_batches(
        NewscleanMapper,
        fn_constructor_kwargs=constructor_kwargs,
        batch_format=BATCH_FORMAT,
        batch_size=batch_size,
        compute=_actor_pool(concurrency, num_cpus),
        num_cpus=num_cpus,
        **({"memory": memory} if memory is not None else {}),
    )
