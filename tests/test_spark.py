"""The Spark adapter (tzsched.spark) gives, row for row, what a plain loop over process_record gives.

The Arrow-level tests run without Spark; the Spark tests (marked slow) start ``local[2]`` with
three different zones in play: the session zone (America/Los_Angeles), the JVM's default zone
(Asia/Kolkata) and the Python workers' ``TZ`` (Pacific/Chatham, +12:45/+13:45). Instants are
compared as ISO ``Z`` strings built from epoch microseconds, never as naive local datetimes.
"""

from __future__ import annotations

import importlib.util
import os
import pickle
import shutil
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

import tzsched

pa = pytest.importorskip("pyarrow", reason="pyarrow is not installed (pip install -e '.[spark]')")
tzspark = pytest.importorskip("tzsched.spark", reason="tzsched.spark needs pyarrow (pip install -e '.[spark]')")

ROOT = Path(__file__).resolve().parents[1]
SESSION_ZONE = "America/Los_Angeles"
JVM_ZONE = "Asia/Kolkata"
WORKER_TZ = "Pacific/Chatham"
N_ARTICLES = 240
PARTITIONS = 5


def _newsgen() -> Any:
    spec = importlib.util.spec_from_file_location("tzsched_spark_newsgen", ROOT / "benchmarks" / "newsgen.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


# Hand-written articles that exercise what generated news may not: bad records (one error row
# each), a locale that picks IST, no home at all, DST edges, a restatement that disagrees.
EXTRA: list[dict[str, Any]] = [
    {"id": "x-ist", "text": "The vote count starts at 8 a.m. IST on Thursday, officials said.",
     "published": "2025-11-03T09:30:00+05:30", "home": None, "locale": "en-IN"},
    {"id": "x-nohome", "text": "Pumps at the plant were shut at 0600 GMT and again at noon.",
     "published": "Tue, 04 Mar 2025 11:00:00 +0000", "home": None, "locale": None},
    {"id": "x-gap", "text": "The ferry leaves at 2:30 a.m. on March 9, the port said.",
     "published": "2025-03-05T12:00:00-05:00", "home": "America/New_York", "locale": None},
    {"id": "x-fold", "text": "Crews will swap the signal at 1:30 a.m. on Nov. 2.",
     "published": "2025-10-28T12:00:00-04:00", "home": "America/New_York", "locale": None},
    {"id": "x-slip", "text": "The launch window opens at 9 a.m. EST (1300 GMT) on July 8.",
     "published": "2025-07-01T08:00:00-04:00", "home": "America/New_York", "locale": None},
    {"id": "x-date", "text": "Ballots mailed after Oct. 3 will not be counted.",
     "published": "2025-09-20", "home": "Europe/Dublin", "locale": "en-IE"},
    {"id": "x-nopub", "text": "The shop opens at 9 a.m.", "published": None, "home": "Europe/Rome", "locale": None},
    {"id": "x-badzone", "text": "The shop opens at 9 a.m.", "published": "2025-05-19T10:00:00+02:00",
     "home": "Mars/Olympus_Mons", "locale": None},
    {"id": "x-badpub", "text": "The shop opens at 9 a.m.", "published": "last Tuesday-ish",
     "home": "Europe/Rome", "locale": None},
    {"id": "x-empty", "text": "", "published": "2025-05-19T10:00:00+02:00", "home": "Europe/Rome", "locale": None},
]


@pytest.fixture(scope="module")
def articles() -> list[dict[str, Any]]:
    generated = _newsgen().generate_articles(N_ARTICLES, seed=20250519)
    rows = [{"id": a["id"], "text": a["text"], "published": a["published"], "home": a["home"], "locale": None}
            for a in generated]
    # every 7th article without its home (then the dateline or UTC decides), every 11th in en-GB
    for i, row in enumerate(rows):
        if i % 7 == 3:
            row["home"] = None
        if i % 11 == 5:
            row["locale"] = "en-GB"
    return rows + EXTRA


# --------------------------------------------------------------------------- the plain loop
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _iso(moment: Any) -> str | None:
    """An Arrow/Spark timestamp (aware datetime or epoch microseconds) as ISO ``Z``."""
    if moment is None:
        return None
    if isinstance(moment, int):
        moment = _EPOCH + timedelta(microseconds=moment)
    assert moment.tzinfo is not None, "a naive datetime here would depend on some local zone"
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def expected_rows(articles: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    """What a user gets from ``tzsched extract --jsonl``, flattened: one row per mention or link."""
    index = "mention_index" if kind == "mentions" else "link_index"
    rows: list[dict[str, Any]] = []
    for article in articles:
        record = tzsched.process_record(article)
        if "error" in record:
            rows.append({"id": article["id"], index: None, "error": record["error"]})
            continue
        for j, item in enumerate(record[kind]):
            rows.append({"id": article["id"], index: j, **item, "error": None})
    return rows


def normalise(row: dict[str, Any]) -> dict[str, Any]:
    """An adapter row in JSONL terms: instants as ISO ``Z``, null columns of an error row and
    absent note alternatives dropped."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        if row.get("error") is not None and key not in ("id", "error", "mention_index", "link_index"):
            continue
        if key in ("utc_start", "utc_end"):
            value = _iso(value)
        elif key == "notes" and value is not None:
            value = [{k: v for k, v in note.items() if not (k == "alternatives" and v is None)} for note in value]
        elif key == "alternatives" and value is not None:
            value = [{**alt, "utc_start": _iso(alt["utc_start"]), "utc_end": _iso(alt["utc_end"])} for alt in value]
        out[key] = value
    return out


def _key(row: dict[str, Any]) -> tuple[str, int]:
    index = row.get("mention_index", row.get("link_index"))
    return (str(row["id"]), -1 if index is None else index)


# --------------------------------------------------------------------------- without Spark
def _batch(articles: list[dict[str, Any]]) -> Any:
    return pa.RecordBatch.from_pylist(articles)


@pytest.mark.parametrize("kind", ["mentions", "links"])
def test_arrow_batches_equal_the_plain_loop(articles: list[dict[str, Any]], kind: str) -> None:
    extract = tzspark.Extractor(kind, home_col="home", locale_col="locale")
    batches = [_batch(articles[i : i + 37]) for i in range(0, len(articles), 37)]
    got = [normalise(r) for out in extract(iter(batches)) for r in out.to_pylist()]
    assert got == expected_rows(articles, kind)


def test_every_jsonl_field_is_a_column(articles: list[dict[str, Any]]) -> None:
    # the public record may grow; the adapter's schema must grow with it
    mention_cols = {name for name, _ in tzspark.MENTION_FIELDS}
    link_cols = {name for name, _ in tzspark.LINK_FIELDS}
    seen_m: set[str] = set()
    seen_l: set[str] = set()
    for article in articles:
        record = tzsched.process_record(article)
        for m in record.get("mentions", []):
            seen_m |= m.keys()
        for link in record.get("links", []):
            seen_l |= link.keys()
    assert seen_m and seen_l, "the corpus should yield mentions and links"
    assert seen_m <= mention_cols, seen_m - mention_cols
    assert seen_l <= link_cols, seen_l - link_cols


def test_timestamps_are_utc_instants() -> None:
    article = {"id": 7, "text": "The summit opens at 9 a.m. on May 19 in Toronto.",
               "published": "2025-05-16T09:00:00-04:00", "home": "America/Toronto"}
    out = tzspark.Extractor("mentions", home_col="home").convert(_batch([article]))
    assert out.schema.field("utc_start").type == pa.timestamp("us", tz="UTC")
    assert out.schema.field("id").type == pa.int64()
    row = out.to_pylist()[0]
    assert row["id"] == 7
    assert _iso(row["utc_start"]) == "2025-05-19T13:00:00Z"  # 9 a.m. EDT


def test_published_as_timestamp_or_date_columns() -> None:
    text = "Doors open at 7 p.m. and the count starts on Friday."
    instant = datetime(2025, 5, 20, 14, 0, tzinfo=UTC)
    plain = tzsched.process_record({"id": "a", "text": text, "published": instant.isoformat(), "home": "Europe/Oslo"})
    # the same instant labelled with another zone, as Spark hands over a TIMESTAMP column
    labelled = pa.array([instant.replace(tzinfo=None)], type=pa.timestamp("us")).cast(
        pa.timestamp("us", tz="UTC")).cast(pa.timestamp("us", tz="America/Los_Angeles"))
    batch = pa.RecordBatch.from_arrays(
        [pa.array(["a"]), pa.array([text]), labelled, pa.array(["Europe/Oslo"])],
        names=["id", "text", "published", "home"])
    got = [normalise(r) for r in tzspark.Extractor("mentions", home_col="home").convert(batch).to_pylist()]
    assert got == [{"id": "a", "mention_index": j, **m, "error": None} for j, m in enumerate(plain["mentions"])]
    # a DATE column is a publication day; a naive TIMESTAMP_NTZ without a home is the caller's error
    day = pa.RecordBatch.from_arrays(
        [pa.array(["d", "n"]), pa.array([text, text]), pa.array([instant.date(), None], type=pa.date32())],
        names=["id", "text", "published"])
    rows = tzspark.Extractor("mentions").convert(day).to_pylist()
    expected_day = tzsched.process_record({"id": "d", "text": text, "published": "2025-05-20"})
    assert [normalise(r) for r in rows if r["id"] == "d"] == [
        {"id": "d", "mention_index": j, **m, "error": None} for j, m in enumerate(expected_day["mentions"])]
    ntz = pa.RecordBatch.from_arrays(
        [pa.array(["w"]), pa.array([text]), pa.array([datetime(2025, 5, 20, 9, 0)], type=pa.timestamp("us"))],
        names=["id", "text", "published"])
    [err] = tzspark.Extractor("mentions").convert(ntz).to_pylist()
    assert err["error"]["code"] == "bad_context"


def test_extractor_pickles() -> None:
    extract = tzspark.Extractor("links", text_col="body", home_col="home")
    assert pickle.loads(pickle.dumps(extract)) == extract
    ctx = tzsched.Context.parse("2025-05-19T10:00:00-04:00", home="America/Toronto")
    assert pickle.loads(pickle.dumps(ctx)) == ctx


# --------------------------------------------------------------------------- on Spark
def _java() -> str | None:
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").exists():
        return str(Path(home) / "bin" / "java")
    return shutil.which("java")


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install -e '.[spark]')")
    if _java() is None:
        pytest.skip("Java is not installed: Spark needs a JVM (Java 17)")
    from pyspark.sql import SparkSession

    with pytest.MonkeyPatch.context() as mp:
        # the workers must run this interpreter (it has tzsched and pyarrow), not whatever python3 is on PATH
        mp.setenv("PYSPARK_PYTHON", sys.executable)
        mp.setenv("PYSPARK_DRIVER_PYTHON", sys.executable)
        session = (
            SparkSession.builder.master("local[2]")
            .appName("tzsched-test")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.sql.session.timeZone", SESSION_ZONE)
            .config("spark.driver.extraJavaOptions", f"-Duser.timezone={JVM_ZONE}")
            .config("spark.executorEnv.TZ", WORKER_TZ)
            .getOrCreate()
        )
        session.sparkContext.setLogLevel("ERROR")
        try:
            yield session
        finally:
            session.stop()


def _frame(spark: Any, articles: list[dict[str, Any]]) -> Any:
    schema = "id string, text string, published string, home string, locale string"
    rdd = spark.sparkContext.parallelize([tuple(a[k] for k in ("id", "text", "published", "home", "locale"))
                                          for a in articles], PARTITIONS)
    return spark.createDataFrame(rdd, schema)


def _collect(df: Any) -> list[dict[str, Any]]:
    # through Arrow: timestamps arrive as UTC instants; Row objects would hold naive local times
    table = df.toArrow() if hasattr(df, "toArrow") else pa.Table.from_batches(df._collect_as_arrow())
    return sorted((normalise(r) for r in table.to_pylist()), key=_key)


@pytest.mark.slow
def test_spark_session_is_not_utc(spark: Any) -> None:
    assert spark.conf.get("spark.sql.session.timeZone") == SESSION_ZONE

    def probe(batches: Any) -> Any:
        import time

        for _ in batches:
            yield pa.RecordBatch.from_pylist([{"tz": os.environ.get("TZ"), "offset": time.strftime("%z")}])

    probes = spark.range(2).repartition(2).mapInArrow(probe, "tz string, offset string").collect()
    assert {p["tz"] for p in probes} == {WORKER_TZ}
    assert {p["offset"] for p in probes} <= {"+1245", "+1345"}


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["mentions", "links"])
def test_spark_equals_the_plain_loop(spark: Any, articles: list[dict[str, Any]], kind: str) -> None:
    df = _frame(spark, articles)
    assert df.rdd.getNumPartitions() >= 4
    run = tzspark.mentions if kind == "mentions" else tzspark.links
    out = run(df, home_col="home", locale_col="locale")
    if kind == "mentions":
        assert dict(out.dtypes)["utc_start"] == "timestamp"
    got = _collect(out)
    expected = sorted(expected_rows(articles, kind), key=_key)
    assert len(got) == len(expected)
    assert got == expected
    errors = [r for r in got if r["error"] is not None]
    assert {r["id"] for r in errors} == {"x-nopub", "x-badzone", "x-badpub"}


@pytest.mark.slow
def test_spark_sql_sees_utc_instants(spark: Any) -> None:
    # Spark SQL itself, in a Los Angeles session, agrees on the instant: 1400 GMT is 07:00 PDT
    df = _frame(spark, [{"id": "s", "text": "The polls close at 1400 GMT.",
                         "published": "2025-06-02T09:00:00+01:00", "home": "Europe/London", "locale": None}])
    row = tzspark.mentions(df, home_col="home").selectExpr(
        "unix_timestamp(utc_start) AS epoch",
        "date_format(utc_start, 'yyyy-MM-dd HH:mm') AS session_wall").first()
    assert row["epoch"] == int(datetime(2025, 6, 2, 14, 0, tzinfo=UTC).timestamp())
    assert row["session_wall"] == "2025-06-02 07:00"


@pytest.mark.slow
def test_spark_published_timestamp_column(spark: Any, articles: list[dict[str, Any]]) -> None:
    # a TIMESTAMP published column holds instants; the session zone must not shift them
    sample = [a for a in articles[:60] if a["published"] and "T" in a["published"]]
    df = _frame(spark, sample).selectExpr("id", "text", "to_timestamp(published) AS published", "home", "locale")
    assert dict(df.dtypes)["published"] == "timestamp"
    got = _collect(tzspark.mentions(df, home_col="home", locale_col="locale"))
    as_utc = [{**a, "published": datetime.fromisoformat(a["published"]).astimezone(UTC).isoformat()} for a in sample]
    assert got == sorted(expected_rows(as_utc, "mentions"), key=_key)
    assert got == sorted(expected_rows(sample, "mentions"), key=_key)


@pytest.mark.slow
def test_spark_missing_column_is_an_input_error(spark: Any) -> None:
    df = spark.createDataFrame([("a", "text")], "id string, body string")
    with pytest.raises(tzsched.InputError, match="'published'"):
        tzspark.mentions(df, text_col="body")
