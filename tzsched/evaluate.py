"""TempEval-3 Task A style scoring of time expressions (extraction and normalisation).

Semantics, as in the TempEval-3 evaluation README:

* Spans are character offsets, half-open ``[start, end)``. A prediction matches a gold
  timex *strictly* when both spans are equal and *relaxedly* when they overlap (share at
  least one character).
* Precision = matches / predicted, recall = matches / gold, F1 their harmonic mean, for
  strict and for relaxed matches. Every ratio is ``0.0`` when its denominator is 0.
* ``type`` and ``value`` accuracy are measured over the relaxed matches; value F1 is
  relaxed F1 x value accuracy (and type F1 likewise).

Matching is one-to-one: each gold timex is matched at most once and each prediction at
most once. :func:`match` is greedy: among all overlapping (gold, prediction) pairs it
repeatedly takes the one with the largest overlap, ties broken by the smaller union
(so an exact span is preferred to a wider one), then by document order. Because an
exact pair has the largest possible overlap for both its members and the smallest
union, every exact pair is matched whenever no identical span competes for it, so the
strict count is the maximum possible. Strict matches are the relaxed matches whose spans
are equal.

Types are compared exactly; values are compared exactly after stripping whitespace.

>>> g = [Timex(0, 6, "Friday", "DATE", "1998-08-07")]
>>> p = [Timex(0, 6, "Friday", "DATE", "1998-08-07")]
>>> score_document(g, p).value_f1
1.0
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from typing import Any, Final, Literal

__all__ = [
    "ERROR_KINDS",
    "TSV_HEADER",
    "CorpusError",
    "Document",
    "ErrorKind",
    "ErrorRow",
    "Match",
    "Scores",
    "Timex",
    "context_window",
    "error_rows",
    "load_corpus",
    "match",
    "score_corpus",
    "score_document",
]

ErrorKind = Literal["missed", "spurious", "span", "type", "value"]
ERROR_KINDS: Final[tuple[ErrorKind, ...]] = ("missed", "spurious", "span", "type", "value")


class CorpusError(ValueError):
    """A corpus file is malformed (the message names the file and line)."""


@dataclass(frozen=True, slots=True)
class Timex:
    """One time expression: a half-open character span ``[start, end)`` with its TIMEX3
    ``type`` (DATE, TIME, DURATION, SET) and ``value``."""

    start: int
    end: int
    text: str
    type: str
    value: str

    def __post_init__(self) -> None:
        if self.start < 0 or self.end <= self.start:
            raise ValueError(f"timex span [{self.start}, {self.end}) of {self.text!r} is empty or negative")

    def overlap(self, other: Timex) -> int:
        """Number of characters the two spans share (0 when disjoint)."""
        return max(0, min(self.end, other.end) - max(self.start, other.start))

    def same_span(self, other: Timex) -> bool:
        return self.start == other.start and self.end == other.end


@dataclass(frozen=True, slots=True)
class Document:
    """One corpus document: ``dct`` is the creation time as written in the corpus
    (``1998-08-07`` or ``1998-12-05T09:42``, no zone)."""

    id: str
    dct: str
    text: str
    timexes: tuple[Timex, ...]


@dataclass(frozen=True, slots=True)
class Match:
    """A relaxed match: indices into the gold and predicted sequences."""

    gold: int
    predicted: int
    strict: bool


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _f1(precision: float, recall: float) -> float:
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


@dataclass(frozen=True, slots=True)
class Scores:
    """Counts of one document or, summed with ``+``, of a corpus (micro-averaging).

    ``Scores()`` is the zero element, and ``sum(scores)`` works (``0 + Scores``).
    """

    gold: int = 0
    predicted: int = 0
    strict_matches: int = 0
    relaxed_matches: int = 0
    type_correct: int = 0
    value_correct: int = 0
    documents: int = 0

    def __post_init__(self) -> None:
        if min(self.gold, self.predicted, self.strict_matches, self.documents) < 0:
            raise ValueError(f"negative count in {self!r}")
        if self.relaxed_matches > min(self.gold, self.predicted) or self.strict_matches > self.relaxed_matches:
            raise ValueError(f"inconsistent match counts in {self!r}")
        if (
            max(self.type_correct, self.value_correct) > self.relaxed_matches
            or min(self.type_correct, self.value_correct) < 0
        ):
            raise ValueError(f"inconsistent attribute counts in {self!r}")

    def __add__(self, other: Scores) -> Scores:
        if not isinstance(other, Scores):
            return NotImplemented
        return Scores(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})

    def __radd__(self, other: object) -> Scores:
        if other == 0:
            return self
        return NotImplemented

    @property
    def strict_precision(self) -> float:
        return _ratio(self.strict_matches, self.predicted)

    @property
    def strict_recall(self) -> float:
        return _ratio(self.strict_matches, self.gold)

    @property
    def strict_f1(self) -> float:
        return _f1(self.strict_precision, self.strict_recall)

    @property
    def relaxed_precision(self) -> float:
        return _ratio(self.relaxed_matches, self.predicted)

    @property
    def relaxed_recall(self) -> float:
        return _ratio(self.relaxed_matches, self.gold)

    @property
    def relaxed_f1(self) -> float:
        return _f1(self.relaxed_precision, self.relaxed_recall)

    @property
    def type_accuracy(self) -> float:
        """Share of relaxed matches whose type is right."""
        return _ratio(self.type_correct, self.relaxed_matches)

    @property
    def value_accuracy(self) -> float:
        """Share of relaxed matches whose value is right."""
        return _ratio(self.value_correct, self.relaxed_matches)

    @property
    def type_f1(self) -> float:
        return self.relaxed_f1 * self.type_accuracy

    @property
    def value_f1(self) -> float:
        """Relaxed F1 x value accuracy (the TempEval-3 "value F1")."""
        return self.relaxed_f1 * self.value_accuracy

    def metrics(self) -> dict[str, float]:
        """The derived scores by name."""
        return {
            "strict_precision": self.strict_precision,
            "strict_recall": self.strict_recall,
            "strict_f1": self.strict_f1,
            "relaxed_precision": self.relaxed_precision,
            "relaxed_recall": self.relaxed_recall,
            "relaxed_f1": self.relaxed_f1,
            "type_accuracy": self.type_accuracy,
            "value_accuracy": self.value_accuracy,
            "type_f1": self.type_f1,
            "value_f1": self.value_f1,
        }

    def to_dict(self) -> dict[str, Any]:
        """Counts and derived scores, JSON-serialisable."""
        counts: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self)}
        return counts | self.metrics()


def match(gold: Sequence[Timex], predicted: Sequence[Timex]) -> list[Match]:
    """One-to-one relaxed matching, greedy by largest overlap (see the module doc).

    Returns the matches sorted by gold index.
    """
    candidates: list[tuple[int, int, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            shared = g.overlap(p)
            if shared > 0:
                union = max(g.end, p.end) - min(g.start, p.start)
                candidates.append((-shared, union, gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    matches: list[Match] = []
    for _, _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        matches.append(Match(gi, pi, gold[gi].same_span(predicted[pi])))
    matches.sort(key=lambda m: m.gold)
    return matches


def _same_type(g: Timex, p: Timex) -> bool:
    return g.type == p.type


def _same_value(g: Timex, p: Timex) -> bool:
    return g.value.strip() == p.value.strip()


def score_document(gold: Sequence[Timex], predicted: Sequence[Timex]) -> Scores:
    """Score the predictions of one document against its gold timexes."""
    matches = match(gold, predicted)
    return Scores(
        gold=len(gold),
        predicted=len(predicted),
        strict_matches=sum(m.strict for m in matches),
        relaxed_matches=len(matches),
        type_correct=sum(_same_type(gold[m.gold], predicted[m.predicted]) for m in matches),
        value_correct=sum(_same_value(gold[m.gold], predicted[m.predicted]) for m in matches),
        documents=1,
    )


def score_corpus(pairs: Iterable[tuple[Sequence[Timex], Sequence[Timex]]]) -> Scores:
    """Micro-averaged scores of (gold, predicted) pairs, one per document."""
    total = Scores()
    for gold, predicted in pairs:
        total = total + score_document(gold, predicted)
    return total


@dataclass(frozen=True, slots=True)
class ErrorRow:
    """One scoring error, for debugging.

    ``kind`` is ``missed`` (gold without a match, ``predicted`` is None), ``spurious``
    (prediction without a match, ``gold`` is None), or, for a relaxed match, ``span``
    (spans differ), ``type`` or ``value`` (attribute differs). A match with several
    faults gives one row per fault, so the rows of each kind reconcile with
    :class:`Scores` (e.g. ``value`` rows = relaxed matches - value correct).
    """

    doc_id: str
    kind: ErrorKind
    gold: Timex | None
    predicted: Timex | None
    context: str = ""

    @property
    def start(self) -> int:
        """Start of the error in the text (the gold span when there is one)."""
        first = self.gold if self.gold is not None else self.predicted
        assert first is not None
        return first.start

    def to_row(self) -> list[str]:
        """TSV fields: doc id, kind, gold text, gold value, predicted text, predicted value, context."""
        g, p = self.gold, self.predicted
        return [
            self.doc_id,
            self.kind,
            g.text if g else "",
            g.value if g else "",
            p.text if p else "",
            p.value if p else "",
            self.context,
        ]


TSV_HEADER: Final[tuple[str, ...]] = (
    "doc_id",
    "kind",
    "gold_text",
    "gold_value",
    "predicted_text",
    "predicted_value",
    "context",
)


def context_window(text: str, start: int, end: int, width: int = 40) -> str:
    """``width`` characters either side of ``[start, end)``, the span in ``[[ ]]``, on one line."""
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    return " ".join(f"{left}[[{text[start:end]}]]{right}".split())


def error_rows(
    gold: Sequence[Timex],
    predicted: Sequence[Timex],
    *,
    doc_id: str = "",
    text: str | None = None,
    width: int = 40,
) -> list[ErrorRow]:
    """Missed gold timexes, spurious predictions and faulty matches, in text order.

    With ``text``, each row carries a context window around the union of its spans.
    """
    matches = match(gold, predicted)
    rows: list[ErrorRow] = []

    def add(kind: ErrorKind, g: Timex | None, p: Timex | None) -> None:
        ctx = ""
        if text is not None:
            spans = [t for t in (g, p) if t is not None]
            ctx = context_window(text, min(t.start for t in spans), max(t.end for t in spans), width)
        rows.append(ErrorRow(doc_id, kind, g, p, ctx))

    matched_gold = {m.gold for m in matches}
    matched_pred = {m.predicted for m in matches}
    for gi, g in enumerate(gold):
        if gi not in matched_gold:
            add("missed", g, None)
    for pi, p in enumerate(predicted):
        if pi not in matched_pred:
            add("spurious", None, p)
    for m in matches:
        g, p = gold[m.gold], predicted[m.predicted]
        if not m.strict:
            add("span", g, p)
        if not _same_type(g, p):
            add("type", g, p)
        if not _same_value(g, p):
            add("value", g, p)
    rows.sort(key=lambda r: (r.start, ERROR_KINDS.index(r.kind)))
    return rows


def _timex(record: Any, where: str) -> Timex:
    try:
        return Timex(
            start=int(record["start"]),
            end=int(record["end"]),
            text=str(record["text"]),
            type=str(record["type"]),
            value=str(record["value"] or ""),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise CorpusError(f"{where}: malformed timex {record!r}: {exc}") from exc


def load_corpus(path: str | os.PathLike[str]) -> Iterator[Document]:
    """Read a JSON Lines corpus (``../shared/corpora/*.jsonl``), one document per line.

    The timex whose ``tid`` equals the document's ``dct_tid`` (the creation-time header
    of WikiWars) is skipped. Raises :class:`CorpusError` naming file and line when a record is
    malformed or a timex's offsets do not select its text. Blank lines are ignored.
    """
    with open(path, encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{os.fspath(path)}:{lineno}"
            try:
                record = json.loads(line)
                doc_id = str(record["id"])
                dct = str(record["dct"])
                text = record["text"]
                dct_tid = record.get("dct_tid")
                raw_timexes = record.get("timexes") or []
            except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
                raise CorpusError(f"{where}: malformed document: {exc}") from exc
            if not isinstance(text, str):
                raise CorpusError(f"{where}: document text is not a string")
            timexes: list[Timex] = []
            for raw in raw_timexes:
                if dct_tid is not None and isinstance(raw, dict) and raw.get("tid") == dct_tid:
                    continue
                timex = _timex(raw, where)
                if text[timex.start : timex.end] != timex.text:
                    raise CorpusError(
                        f"{where}: timex {timex.text!r} at [{timex.start}, {timex.end}) "
                        f"does not match the text {text[timex.start : timex.end]!r}"
                    )
                timexes.append(timex)
            timexes.sort(key=lambda t: (t.start, t.end))
            yield Document(id=doc_id, dct=dct, text=text, timexes=tuple(timexes))
