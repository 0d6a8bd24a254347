"""Run tzsched on Apache Spark: a DataFrame of articles in, a DataFrame of mentions or links out.

Needs the ``spark`` extra (``pip install 'tzsched[spark]'``: pyspark, pyarrow, and pandas,
which pyspark's ``mapInArrow`` insists on importing). Each Arrow record batch of articles is
turned into rows by calling :func:`tzsched.process_record` on every article, the very function
behind ``tzsched extract --jsonl``, so a Spark job gives the rows a plain loop gives.

Timestamps are UTC on both sides, whatever ``spark.sql.session.timeZone`` or the workers'
``TZ`` say: ``utc_start``/``utc_end`` leave the worker as Arrow ``timestamp[us, tz=UTC]``
built from the records' ISO ``Z`` strings (Spark stores instants, so the session zone only
changes how they are *displayed*), and a ``published`` column of Spark ``TIMESTAMP`` type is
read as the instant it holds, not as a wall time in the session zone.

Usage (needs a Spark session, so it is not a doctest)::

    from tzsched import spark as tzspark
    articles = session.read.json("articles.jsonl")        # id, text, published, home
    rows = tzspark.mentions(articles, home_col="home")
    rows.where("error IS NULL").write.parquet("mentions.parquet")
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal

try:
    import pyarrow as pa
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError("tzsched.spark needs pyarrow and pyspark: pip install 'tzsched[spark]'") from exc

from .api import process_record
from .errors import InputError

if TYPE_CHECKING:
    from pyspark.sql import DataFrame
    from pyspark.sql.types import DataType

__all__ = ["links", "mentions"]

_TS = pa.timestamp("us", tz="UTC")
_NOTE = pa.struct([("code", pa.string()), ("message", pa.string()), ("alternatives", pa.list_(pa.string()))])
_READING = pa.struct([("label", pa.string()), ("utc_start", _TS), ("utc_end", _TS), ("zone", pa.string())])
_ERROR = pa.struct([("code", pa.string()), ("message", pa.string())])

# Columns after "id", in the order of the JSONL records. "mention_index"/"link_index" are the
# position in the article's list (a link's members index its mentions); "error" is set, and
# every other column null, on the one row of an article that could not be processed.
MENTION_FIELDS: tuple[tuple[str, Any], ...] = (
    ("mention_index", pa.int32()),
    ("start", pa.int32()),
    ("end", pa.int32()),
    ("text", pa.string()),
    ("type", pa.string()),
    ("value", pa.string()),
    ("utc_start", _TS),
    ("utc_end", _TS),
    ("granularity", pa.string()),
    ("zone", pa.string()),
    ("zone_source", pa.string()),
    ("approximate", pa.bool_()),
    ("notes", pa.list_(_NOTE)),
    ("mod", pa.string()),
    ("local", pa.string()),
    ("rule", pa.string()),
    ("alternatives", pa.list_(_READING)),
    ("error", _ERROR),
)
LINK_FIELDS: tuple[tuple[str, Any], ...] = (
    ("link_index", pa.int32()),
    ("members", pa.list_(pa.int32())),
    ("agree", pa.bool_()),
    ("delta_seconds", pa.float64()),
    ("cause", pa.string()),
    ("tolerance_seconds", pa.float64()),
    ("connector", pa.string()),
    ("notes", pa.list_(_NOTE)),
    ("error", _ERROR),
)

Kind = Literal["mentions", "links"]


def mentions(
    df: DataFrame,
    text_col: str = "text",
    published_col: str = "published",
    home_col: str | None = None,
    locale_col: str | None = None,
    id_col: str = "id",
) -> DataFrame:
    """One row per mention: ``id``, ``mention_index``, then the JSONL mention record's fields.

    ``published`` may be a string (ISO 8601, RFC 2822 or a date, as in the JSONL input), a
    ``TIMESTAMP`` (an instant), a ``TIMESTAMP_NTZ`` (a wall time in ``home``) or a ``DATE``.
    ``home_col``/``locale_col`` name optional columns (None: no such column; a null cell is
    an absent value). An article without mentions gives no row; an article that cannot be
    processed gives one row whose ``error`` is ``{code, message}``.
    """
    return _run(df, "mentions", text_col, published_col, home_col, locale_col, id_col)


def links(
    df: DataFrame,
    text_col: str = "text",
    published_col: str = "published",
    home_col: str | None = None,
    locale_col: str | None = None,
    id_col: str = "id",
) -> DataFrame:
    """One row per link: ``id``, ``link_index``, then the JSONL link record's fields.

    ``members`` are ``mention_index`` values of :func:`mentions` for the same ``id``.
    Arguments and error rows as in :func:`mentions`.
    """
    return _run(df, "links", text_col, published_col, home_col, locale_col, id_col)


def _run(
    df: DataFrame,
    kind: Kind,
    text_col: str,
    published_col: str,
    home_col: str | None,
    locale_col: str | None,
    id_col: str,
) -> DataFrame:
    from pyspark.sql.functions import col
    from pyspark.sql.types import StructField, StructType

    wanted = [c for c in (id_col, text_col, published_col, home_col, locale_col) if c is not None]
    missing = [c for c in wanted if c not in df.columns]
    if missing:
        raise InputError(f"column(s) {', '.join(map(repr, missing))} not in the DataFrame (it has {df.columns!r})")
    fields = MENTION_FIELDS if kind == "mentions" else LINK_FIELDS
    schema = StructType(
        [StructField("id", df.schema[id_col].dataType, True)]
        + [StructField(name, _spark_type(arrow_type), True) for name, arrow_type in fields]
    )
    extract = Extractor(kind, text_col, published_col, home_col, locale_col, id_col)
    # backticks: a column name with a dot is a name, not a field of a struct
    inputs = df.select(*[col("`" + c.replace("`", "``") + "`") for c in dict.fromkeys(wanted)])
    return inputs.mapInArrow(extract, schema)


@dataclass(frozen=True, slots=True)
class Extractor:
    """The function Spark ships to its workers: Arrow batches of articles in, of rows out.

    Plain data, so it pickles; tzsched's tables load lazily, once per worker process.
    Usable without Spark on any ``pyarrow.RecordBatch`` with the named columns.
    """

    kind: Kind
    text_col: str = "text"
    published_col: str = "published"
    home_col: str | None = None
    locale_col: str | None = None
    id_col: str = "id"

    def __call__(self, batches: Iterable[Any]) -> Iterator[Any]:
        for batch in batches:
            yield self.convert(batch)

    def convert(self, batch: Any) -> Any:
        """One ``pyarrow.RecordBatch`` of articles -> one of mention or link rows."""
        n = batch.num_rows
        ids = batch.column(self.id_col)
        id_values = ids.to_pylist()
        texts = batch.column(self.text_col).to_pylist()
        published = _published_values(batch.column(self.published_col))
        homes = batch.column(self.home_col).to_pylist() if self.home_col else [None] * n
        locales = batch.column(self.locale_col).to_pylist() if self.locale_col else [None] * n
        fields = MENTION_FIELDS if self.kind == "mentions" else LINK_FIELDS
        names = [name for name, _ in fields]
        index_name, error_name = names[0], names[-1]
        columns: dict[str, list[Any]] = {name: [] for name in names}
        take: list[int] = []  # the article row of each output row
        for i in range(n):
            record = {"id": id_values[i], "text": texts[i], "published": published[i],
                      "home": homes[i], "locale": locales[i]}
            result = process_record(record)
            if "error" in result:
                take.append(i)
                for name in names:
                    columns[name].append(result["error"] if name == error_name else None)
                continue
            for j, item in enumerate(result[self.kind]):
                take.append(i)
                columns[index_name].append(j)
                columns[error_name].append(None)
                for name in names[1:-1]:
                    columns[name].append(item.get(name))
        arrays = [ids.take(pa.array(take, type=pa.int64()))]
        for name, arrow_type in fields:
            convert = _converter(arrow_type)
            arrays.append(pa.array([convert(v) for v in columns[name]], type=arrow_type))
        schema = pa.schema([pa.field("id", ids.type)] + [pa.field(name, t) for name, t in fields])
        return pa.RecordBatch.from_arrays(arrays, schema=schema)


def _published_values(column: Any) -> list[Any]:
    """The ``published`` cells as process_record takes them: strings, else left for it to reject."""
    kind = column.type
    if pa.types.is_timestamp(kind):
        if kind.tz is None:  # TIMESTAMP_NTZ: a wall time, zoned by the article's home
            values: list[Any] = column.cast(pa.timestamp("us")).to_pylist()
        else:  # an instant; the label (Spark's session zone) does not change it
            values = column.cast(pa.timestamp("us", tz="UTC")).to_pylist()
        return [v.isoformat() if v is not None else None for v in values]
    if pa.types.is_date(kind):
        return [v.isoformat() if isinstance(v, date) else v for v in column.to_pylist()]
    values = column.to_pylist()
    return values


_ISO_Z = re.compile(r"(\d{1,4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)Z")


def _micros(value: str | None) -> int | None:
    """ISO 8601 UTC ``...Z`` -> microseconds since the epoch, with no local zone involved.

    >>> _micros("1970-01-02T00:00:01Z")
    86401000000
    """
    if value is None:
        return None
    match = _ISO_Z.fullmatch(value)
    if match is not None:
        fields = tuple(int(g) for g in match.groups())
        return calendar.timegm(fields) * 1_000_000
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError(f"timestamp {value!r} has no offset")
    return calendar.timegm(moment.utctimetuple()) * 1_000_000 + moment.microsecond


def _identity(value: Any) -> Any:
    return value


def _converter(arrow_type: Any) -> Callable[[Any], Any]:
    """A function turning a JSONL value into what ``pyarrow.array`` takes for ``arrow_type``."""
    if pa.types.is_timestamp(arrow_type):
        return _micros
    if pa.types.is_list(arrow_type):
        item = _converter(arrow_type.value_type)
        if item is _identity:
            return _identity
        return lambda values: None if values is None else [item(v) for v in values]
    if pa.types.is_struct(arrow_type):
        parts = [(f.name, _converter(f.type)) for f in arrow_type]
        # a key absent from the record (a note without alternatives) is a null field
        return lambda value: None if value is None else {name: conv(value.get(name)) for name, conv in parts}
    return _identity


def _spark_type(arrow_type: Any) -> DataType:
    """The Spark SQL type of one of the Arrow types used above."""
    from pyspark.sql import types as t

    if pa.types.is_string(arrow_type):
        return t.StringType()
    if pa.types.is_int32(arrow_type):
        return t.IntegerType()
    if pa.types.is_int64(arrow_type):
        return t.LongType()
    if pa.types.is_boolean(arrow_type):
        return t.BooleanType()
    if pa.types.is_float64(arrow_type):
        return t.DoubleType()
    if pa.types.is_timestamp(arrow_type):
        return t.TimestampType()
    if pa.types.is_list(arrow_type):
        return t.ArrayType(_spark_type(arrow_type.value_type), True)
    if pa.types.is_struct(arrow_type):
        return t.StructType([t.StructField(f.name, _spark_type(f.type), True) for f in arrow_type])
    raise TypeError(f"no Spark type for Arrow type {arrow_type}")
