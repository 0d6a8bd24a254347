"""Score tzsched on a TimeML corpus in JSON Lines (TempEval-3 Task A metrics).

    python scripts/evaluate.py ../shared/corpora/tbaq.jsonl [--errors FILE] [--limit N] [--json]

Prints documents, gold and predicted counts, strict and relaxed P/R/F1, type and value
accuracy, value F1 and the wall time. ``--errors FILE`` writes a TSV of the errors
(doc id, kind, gold text, gold value, predicted text, predicted value, context).
Exit status: 0 on success, 2 when the corpus file is missing or unreadable.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere, uninstalled

from tzsched.evaluate import (
    TSV_HEADER,
    CorpusError,
    Document,
    ErrorRow,
    Scores,
    Timex,
    error_rows,
    load_corpus,
    score_document,
)

Predictor = Callable[[Document], list[Timex]]


def predict(doc: Document) -> list[Timex]:
    """Run tzsched on one document; the creation time is read as UTC (it has no zone)."""
    import tzsched

    # A creation time with a clock time but no zone is local to the newsroom, whose zone
    # is unknown here: keep the date only (day precision) rather than guess UTC.
    dct = doc.dct if ("+" in doc.dct[10:] or doc.dct.endswith("Z")) else doc.dct[:10]
    ctx = tzsched.Context.parse(published=dct, assume_utc=True)
    ann = tzsched.annotate(doc.text, ctx)
    return [
        Timex(
            start=m.start,
            end=m.end,
            text=m.text,
            type=m.resolution.timex_type,
            value=m.resolution.value,
        )
        for m in ann.mentions
    ]


def format_table(scores: Scores, seconds: float) -> str:
    rows: list[tuple[str, str]] = [
        ("documents", str(scores.documents)),
        ("gold", str(scores.gold)),
        ("predicted", str(scores.predicted)),
        ("strict P / R / F1", f"{scores.strict_precision:.4f} / {scores.strict_recall:.4f} / {scores.strict_f1:.4f}"),
        (
            "relaxed P / R / F1",
            f"{scores.relaxed_precision:.4f} / {scores.relaxed_recall:.4f} / {scores.relaxed_f1:.4f}",
        ),
        ("type accuracy", f"{scores.type_accuracy:.4f}"),
        ("value accuracy", f"{scores.value_accuracy:.4f}"),
        ("value F1", f"{scores.value_f1:.4f}"),
        ("wall time", f"{seconds:.2f} s"),
    ]
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"{name:<{width}}  {value}" for name, value in rows)


def write_errors(path: Path, rows: Sequence[ErrorRow]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        writer.writerow(TSV_HEADER)
        for row in rows:
            writer.writerow([" ".join(field.split()) for field in row.to_row()])


def _documents(corpus: Path, limit: int | None) -> Iterator[Document]:
    """The corpus documents; any failure to read them becomes a :class:`CorpusError`."""
    try:
        yield from itertools.islice(load_corpus(corpus), limit)
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{corpus}: {exc}") from exc


def evaluate(
    corpus: Path, *, limit: int | None = None, predictor: Predictor = predict, collect_errors: bool = False
) -> tuple[Scores, list[ErrorRow], float]:
    """Scores, error rows (when asked) and wall time in seconds of ``predictor`` on ``corpus``."""
    total = Scores()
    errors: list[ErrorRow] = []
    began = time.perf_counter()
    for doc in _documents(corpus, limit):
        try:
            predicted = predictor(doc)
        except Exception:
            print(f"evaluate: the system failed on document {doc.id}", file=sys.stderr)
            raise
        total = total + score_document(doc.timexes, predicted)
        if collect_errors:
            errors.extend(error_rows(doc.timexes, predicted, doc_id=doc.id, text=doc.text))
    return total, errors, time.perf_counter() - began


def _non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be >= 0, not {value}")
    return value


def main(argv: Sequence[str] | None = None, predictor: Predictor = predict) -> int:
    parser = argparse.ArgumentParser(description="Score tzsched on a TimeML corpus (TempEval-3 Task A).")
    parser.add_argument("corpus", type=Path, help="JSON Lines corpus, e.g. ../shared/corpora/tbaq.jsonl")
    parser.add_argument("--errors", type=Path, metavar="FILE", help="write a TSV of errors to FILE")
    parser.add_argument("--limit", type=_non_negative, metavar="N", help="score only the first N documents")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)

    if not args.corpus.is_file():
        print(f"evaluate: corpus file not found: {args.corpus}", file=sys.stderr)
        return 2
    try:
        scores, errors, seconds = evaluate(
            args.corpus, limit=args.limit, predictor=predictor, collect_errors=args.errors is not None
        )
    except CorpusError as exc:
        print(f"evaluate: cannot read corpus: {exc}", file=sys.stderr)
        return 2
    if args.errors is not None:
        write_errors(args.errors, errors)
    if args.json:
        print(json.dumps(scores.to_dict() | {"wall_seconds": round(seconds, 3)}, indent=2))
    else:
        print(format_table(scores, seconds))
        if args.errors is not None:
            print(f"{len(errors)} errors written to {args.errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
