"""Mentions of a file of articles, computed on a local Spark session, written as Parquet.

    python examples/spark_mentions.py ARTICLES OUT [--links LINKS_OUT] [--master local[4]]
    python examples/spark_mentions.py --sample OUT     # a few built-in articles

ARTICLES is JSON Lines (``{"id", "text", "published", "home"?, "locale"?}`` per line, the
``tzsched extract --jsonl`` input) or Parquet with those columns. OUT is a Parquet directory of
one row per mention (``tzsched.spark.mentions``); rows of articles that failed carry ``error``.
Needs the spark extra (``pip install -e '.[spark]'``) and Java 17.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

# Hand-written for this example.
SAMPLE = [
    {"id": "s1", "published": "2025-05-16T09:00:00-04:00", "home": "America/Toronto",
     "text": "OTTAWA (CP) — The premiers meet at 10 a.m. Eastern (1400 GMT) on Tuesday, "
             "and a joint statement is due by 4 p.m. the same day."},
    {"id": "s2", "published": "2025-07-01T08:00:00-04:00", "home": "America/New_York",
     "text": "The launch window opens at 9 a.m. EST (1300 GMT) on July 8 and stays open for two hours."},
    {"id": "s3", "published": "2025-11-03T09:30:00+05:30", "locale": "en-IN",
     "text": "Counting begins at 8 a.m. IST on Thursday; the first trends are expected by noon."},
    {"id": "s4", "published": "not a date", "home": "Europe/Rome",
     "text": "This record is broken on purpose: its publication date cannot be read."},
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", nargs="?", help="JSON Lines or Parquet file of articles")
    parser.add_argument("out", help="Parquet directory to write mentions to (overwritten)")
    parser.add_argument("--sample", action="store_true", help="use the built-in sample articles")
    parser.add_argument("--links", metavar="LINKS_OUT", help="also write links as Parquet here")
    parser.add_argument("--master", default="local[2]", help="Spark master (default: local[2])")
    args = parser.parse_args(argv)
    if args.sample == (args.articles is not None):
        parser.error("give either ARTICLES or --sample")

    # Local mode starts Python workers with PYSPARK_PYTHON (else `python3` on PATH, which may
    # lack tzsched); this interpreter has everything.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    from tzsched import spark as tzspark

    spark = (SparkSession.builder.master(args.master).appName("tzsched-mentions")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
             # Parquet timestamps marked as UTC instants (Spark's default, INT96, reads back naive elsewhere)
             .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            path = args.articles
            if args.sample:
                path = str(Path(tmp) / "articles.jsonl")
                Path(path).write_text("".join(json.dumps(a) + "\n" for a in SAMPLE), encoding="utf-8")
            reader = spark.read.parquet if path.endswith(".parquet") else spark.read.json
            articles = reader(path)
            # JSON has no schema: a column exists only if some record has the field
            columns = {"home_col": "home", "locale_col": "locale"}
            kwargs = {k: (c if c in articles.columns else None) for k, c in columns.items()}
            mentions = tzspark.mentions(articles, **kwargs)
            mentions.write.mode("overwrite").parquet(args.out)
            if args.links:
                tzspark.links(articles, **kwargs).write.mode("overwrite").parquet(args.links)
        written = spark.read.parquet(args.out)
        good = written.where("error IS NULL")
        print(f"{good.count()} mentions, {written.count() - good.count()} failed articles -> {args.out}")
        # Spark stores instants; date_format shows them in the session zone, so pin that to UTC
        # for display (Row objects would hold naive datetimes in the driver's local zone)
        spark.conf.set("spark.sql.session.timeZone", "UTC")
        shown = good.orderBy("id", "mention_index").selectExpr(
            "id", "text", "zone", "zone_source",
            "coalesce(date_format(utc_start, 'yyyy-MM-dd HH:mm') || ' UTC', '-') AS utc")
        for row in shown.limit(12).collect():
            print(f"  {row['id']:>4}  {row['text']!r:34} {row['utc']:>20}  {row['zone']} ({row['zone_source']})")
        for row in written.where("error IS NOT NULL").collect():
            print(f"  {row['id']:>4}  error {row['error']['code']}: {row['error']['message']}")
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
