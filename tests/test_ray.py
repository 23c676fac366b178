"""Tests for ``newsclean.ray``: the Ray Data adapter, in a local 2-CPU Ray.

Skipped when Ray is not installed; run them with ``tox -e ray``
(``pytest -m ray tests/test_ray.py``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("ray")
os.environ.setdefault("RAY_DISABLE_USAGE_STATS", "1")

import pandas as pd  # type: ignore[import-untyped,unused-ignore]
import pyarrow as pa
import ray
import ray.data

from newsclean import Document, Options, clean
from newsclean._batch import Failure
from newsclean.ray import AUDIT_COLUMNS, DOCUMENT_COLUMNS, NewscleanMapper, clean_dataset

pytestmark = pytest.mark.ray

REPO = Path(__file__).resolve().parents[1]
FAST = Options(unglue=False, language="en")  # no glue model: quick to start
ARTICLE = "Views: 0\n\nThe council approved the budget on Tuesday after a long debate."
HEADER = (
    "Last news in Fakti\n\nKremlin strains ties with Seoul\n\nOct 22, 2024 17:19 74\n\n"
    "Russia appears to be trying to ease tensions in its relations with Seoul.\n\n"
    ">>> Read more <<<"
)
HTML = (
    "<!doctype html><html><head><title>Bridge reopens | Harbour News</title></head><body>"
    "<nav>Home | World | Sport</nav><article><h1>Bridge reopens</h1>"
    "<p>The harbour bridge reopened on Monday after two years of repairs to its deck.</p>"
    "<p>Cyclists get a wider lane on the eastern side.</p></article>"
    "<footer>Share this article</footer></body></html>"
)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32

# id -> (text, url). A column holds str or bytes, not both: Arrow would turn the str into bytes.
CASES: dict[str, tuple[object, str | None]] = {
    "article": (ARTICLE, None),
    "header": (HEADER, "https://fakti.example/kremlin"),
    "html": (HTML, "https://harbour.example/bridge"),
    "empty": ("", None),
    "null": (None, None),
}
BYTES_CASES: dict[str, tuple[object, str | None]] = {
    "png": (PNG, None),
    "utf8-bytes": (b"Share this article\n\nRain is expected on Friday.", None),
    "latin1-html": (HTML.replace("Cyclists", "Cyclistes ça").encode("latin-1"), None),
    "null-bytes": (None, None),
}


def expected(text: object, url: str | None, options: Options | None = None) -> Document:
    """What the adapter must give: ``clean()``'s Document, or an error Document."""
    if text is None:
        return Document(error="InvalidRecordError: the 'text' value is null")
    try:
        return clean(text, options=options, url=url)  # type: ignore[arg-type]
    except Exception as exc:
        return Document(error=Failure.of(exc).describe())


def row_of(doc: Document, *, audit: bool) -> dict[str, Any]:
    """The added columns a Document becomes."""
    row: dict[str, Any] = {name: getattr(doc, name) for name in DOCUMENT_COLUMNS}
    if audit:
        row["removed"] = json.dumps([r.to_dict() for r in doc.removed], ensure_ascii=False)
        row["repairs"] = json.dumps([r.to_dict() for r in doc.repairs], ensure_ascii=False)
    return row


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        object_store_memory=200 * 1024 * 1024,
        log_to_driver=False,
        configure_logging=False,
    )
    ctx = ray.data.DataContext.get_current()
    if hasattr(ctx, "enable_progress_bars"):
        ctx.enable_progress_bars = False
    yield
    ray.shutdown()


@pytest.mark.parametrize("cases", [CASES, BYTES_CASES], ids=["str", "bytes"])
def test_dataset_rows_equal_clean_keyed_by_id(
    local_ray: None, cases: dict[str, tuple[object, str | None]]
) -> None:
    items = [
        {"id": key, "text": text, "url": url, "feed": i}
        for i, (key, (text, url)) in enumerate(cases.items())
    ]
    ds = ray.data.from_items(items)
    rows = clean_dataset(ds, concurrency=1, batch_size=3, with_audit=True).take_all()
    by_id = {row["id"]: row for row in rows}
    assert sorted(by_id) == sorted(cases)
    for i, (key, (text, url)) in enumerate(cases.items()):
        row = by_id[key]
        want = row_of(expected(text, url), audit=True)
        assert {k: row[k] for k in want} == want, key
        assert row["feed"] == i and row["url"] == url  # other columns kept
    if cases is CASES:
        assert by_id["article"]["body"].startswith("The council approved")
        assert by_id["empty"]["error"] is None and by_id["empty"]["body"] == ""
    else:
        assert by_id["png"]["error"].startswith("NotTextError: ")
        assert "Cyclistes ça" in by_id["latin1-html"]["body"]
    assert by_id[f"null{'' if cases is CASES else '-bytes'}"]["error"] == (
        "InvalidRecordError: the 'text' value is null"
    )


def test_failures_are_rows_not_failed_jobs(local_ray: None) -> None:
    """Nulls, NaNs, numbers and binary: every row comes back, with ``error`` set."""
    frame = pd.DataFrame(
        {
            "id": ["ok", "none", "nan", "png"],
            "text": pd.Series([ARTICLE, None, float("nan"), PNG], dtype=object),
        }
    )
    numbers = ray.data.from_items([{"id": "int", "text": 7}])
    ds = ray.data.from_pandas(frame).union(numbers)
    rows = clean_dataset(ds, concurrency=1, batch_size=2, options=FAST).take_all()
    errors = {row["id"]: row["error"] for row in rows}
    assert errors == {
        "ok": None,
        "none": "InvalidRecordError: the 'text' value is null",
        "nan": "InvalidRecordError: the 'text' value is null",
        "png": "NotTextError: input is a PNG image, not text or HTML",
        "int": "TypeError: clean() takes str or bytes (text or HTML), not int",
    }
    assert {row["id"]: row["body"] for row in rows}["ok"] == clean(ARTICLE, options=FAST).body


def test_example_pipeline_writes_jsonl(local_ray: None, tmp_path: Path) -> None:
    """``examples/ray_pipeline.py`` on the repo's examples folder, joining this Ray."""
    address = ray.get_runtime_context().gcs_address
    out = tmp_path / "out"
    cmd = [sys.executable, str(REPO / "examples" / "ray_pipeline.py"), str(REPO / "examples")]
    cmd += [str(out), "--address", address, "--format", "jsonl", "--concurrency", "1"]
    cmd += ["--no-unglue", "--language", "en"]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    rows = [json.loads(line) for f in sorted(out.glob("*.json*")) for line in f.open()]
    records = [json.loads(line) for line in (REPO / "examples" / "wire.jsonl").open()]
    assert sorted(r["id"] for r in rows) == sorted(r["id"] for r in records)
    for record in records:
        (row,) = [r for r in rows if r["id"] == record["id"]]
        doc = clean(record["text"], url=record["url"], unglue=False, language="en")
        assert row["body"] == doc.body and row["title"] == doc.title and row["error"] is None


# ----------------------------------------------------------------- the mapper, in this process


@pytest.fixture(scope="module")
def mapper() -> NewscleanMapper:
    return NewscleanMapper(options=FAST, column_prefix="nc_", with_audit=True)


def test_mapper_on_arrow_pandas_and_numpy_batches(mapper: NewscleanMapper) -> None:
    texts = [ARTICLE, None, "", HEADER]
    table = pa.table({"id": [1, 2, 3, 4], "text": texts})
    want = [row_of(expected(t, None, FAST), audit=True) for t in texts]
    want_cols = {"nc_" + k: [w[k] for w in want] for k in (*DOCUMENT_COLUMNS, *AUDIT_COLUMNS)}

    out = mapper(table)
    assert isinstance(out, pa.Table)
    assert out.column_names == ["id", "text", *want_cols]
    assert all(out.schema.field(name).type == pa.string() for name in want_cols)
    assert {k: out.column(k).to_pylist() for k in want_cols} == want_cols

    frame = mapper(table.to_pandas())
    assert isinstance(frame, pd.DataFrame)
    assert {k: frame[k].tolist() for k in want_cols} == want_cols

    batch = {"id": table.column("id").to_numpy(), "text": table.column("text").to_numpy(False)}
    got = mapper(batch)
    assert {k: got[k].tolist() for k in want_cols} == want_cols
    assert got["id"].tolist() == [1, 2, 3, 4]


def test_mapper_columns_and_limits() -> None:
    m = NewscleanMapper(unglue=False, language="en", max_bytes=100)
    assert m.options == FAST
    table = pa.table({"html": [HTML[:90], HTML], "title": ["old", "old"]})  # "text" -> "html"
    out = m(table)
    assert out.column_names == ["html", "title", *[c for c in DOCUMENT_COLUMNS if c != "title"]]
    assert out.column("error").to_pylist() == [
        None,
        "InputTooLargeError: larger than 100 bytes (max_bytes)",
    ]
    assert out.column("title").to_pylist()[1] is None  # replaced, not kept
    with pytest.raises(ValueError, match="no 'content' column"):
        NewscleanMapper(text_column="content", options=FAST)(table)
    empty = NewscleanMapper(options=FAST)(pa.table({"id": pa.array([], pa.int64())}))
    assert empty.num_rows == 0 and "body" in empty.column_names


def test_mapper_cleans_a_lone_surrogate_as_clean_does() -> None:
    # (the max_bytes check encoded the cell strictly: a UnicodeEncodeError row)
    text = "The council approved the budget\ud800 on Tuesday after a long debate."
    doc = NewscleanMapper(options=FAST, max_bytes=1000).clean_value(text)
    assert doc.error is None
    assert doc == clean(text, options=FAST)


def test_clean_dataset_checks_options_on_the_driver() -> None:
    ds = ray.data.range(1)  # lazy: nothing runs
    with pytest.raises(TypeError):
        clean_dataset(ds, concurrency=1, no_such_option=True)


def test_import_error_names_the_extra() -> None:
    code = (
        "import sys\n"
        "sys.modules['ray'] = None\n"
        "try:\n"
        "    import newsclean.ray\n"
        "except ImportError as exc:\n"
        "    print(exc)\n"
        "else:\n"
        "    raise SystemExit('imported without ray')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert "pip install 'newsclean[ray]'" in result.stdout
    assert "pip install '.[ray]' from a checkout" in result.stdout


def test_example_without_ray_says_how_to_install_it(tmp_path: Path) -> None:
    """docs/scale.md promises a message and a non-zero exit, not a traceback."""
    code = (
        "import runpy, sys\n"
        "sys.modules['ray'] = None\n"
        f"sys.argv = ['ray_pipeline.py', {str(REPO / 'examples')!r}, {str(tmp_path / 'out')!r}]\n"
        f"runpy.run_path({str(REPO / 'examples' / 'ray_pipeline.py')!r}, run_name='__main__')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 1
    assert 'pip install ".[ray]"' in result.stderr and "Traceback" not in result.stderr
