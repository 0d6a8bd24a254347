"""Tests of the TempEval-3 style scorer (tzsched.evaluate) and scripts/evaluate.py.

Expected numbers are computed by hand in the comments. The sentences are made up.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tzsched.evaluate import (
    CorpusError,
    Document,
    Scores,
    Timex,
    context_window,
    error_rows,
    load_corpus,
    match,
    score_corpus,
    score_document,
)

REPO = Path(__file__).resolve().parent.parent
TBAQ = REPO.parent / "shared" / "corpora" / "tbaq.jsonl"
WIKIWARS = REPO.parent / "shared" / "corpora" / "wikiwars.jsonl"

# 0         1         2         3         4         5         6
# 0123456789012345678901234567890123456789012345678901234567890123
TEXT = "The council met last Tuesday and will vote again in two weeks."


def tx(text: str, type_: str, value: str, source: str = TEXT, occurrence: int = 0) -> Timex:
    """A timex for ``text`` as found in ``source``."""
    start = -1
    for _ in range(occurrence + 1):
        start = source.index(text, start + 1)
    return Timex(start, start + len(text), text, type_, value)


LAST_TUESDAY = tx("last Tuesday", "DATE", "2024-03-05")
TWO_WEEKS = tx("two weeks", "DURATION", "P2W")


def test_offsets_of_fixture() -> None:
    assert (LAST_TUESDAY.start, LAST_TUESDAY.end) == (16, 28)
    assert (TWO_WEEKS.start, TWO_WEEKS.end) == (52, 61)


def test_exact_span_everything_right() -> None:
    s = score_document([LAST_TUESDAY, TWO_WEEKS], [LAST_TUESDAY, TWO_WEEKS])
    assert s == Scores(
        gold=2, predicted=2, strict_matches=2, relaxed_matches=2, type_correct=2, value_correct=2, documents=1
    )
    for name, value in s.metrics().items():
        assert value == 1.0, name


def test_overlap_is_relaxed_not_strict() -> None:
    # "Tuesday" [21,28) overlaps gold "last Tuesday" [16,28): relaxed match, not strict.
    s = score_document([LAST_TUESDAY], [tx("Tuesday", "DATE", "2024-03-05")])
    assert (s.strict_matches, s.relaxed_matches) == (0, 1)
    assert s.strict_precision == s.strict_recall == s.strict_f1 == 0.0
    assert s.relaxed_precision == s.relaxed_recall == s.relaxed_f1 == 1.0
    assert s.type_accuracy == s.value_accuracy == s.value_f1 == 1.0


def test_adjacent_spans_do_not_overlap() -> None:
    # Half-open spans: "met" [12,15) and " last" would touch "last Tuesday" only at 16.
    touching = Timex(12, 16, "met ", "DATE", "2024-03-05")
    assert LAST_TUESDAY.overlap(touching) == 0
    s = score_document([LAST_TUESDAY], [touching])
    assert (s.relaxed_matches, s.strict_matches) == (0, 0)
    assert s.relaxed_precision == s.relaxed_recall == s.relaxed_f1 == 0.0


def test_no_overlap_counts_missed_and_spurious() -> None:
    # gold 2, predicted 2, one exact match, one prediction elsewhere.
    spurious = tx("council", "DATE", "XXXX")
    s = score_document([LAST_TUESDAY, TWO_WEEKS], [LAST_TUESDAY, spurious])
    assert (s.gold, s.predicted, s.strict_matches, s.relaxed_matches) == (2, 2, 1, 1)
    assert s.strict_precision == s.strict_recall == s.strict_f1 == 0.5
    assert s.relaxed_f1 == 0.5
    assert s.value_accuracy == 1.0
    assert s.value_f1 == 0.5
    kinds = [(r.kind, r.gold, r.predicted) for r in error_rows([LAST_TUESDAY, TWO_WEEKS], [LAST_TUESDAY, spurious])]
    assert kinds == [("spurious", None, spurious), ("missed", TWO_WEEKS, None)]


def test_one_gold_overlapped_by_two_predictions() -> None:
    # gold "last Tuesday" [16,28); predictions "last" [16,20) (overlap 4) and
    # "Tuesday" [21,28) (overlap 7). One-to-one: "Tuesday" matches, "last" is spurious.
    last = tx("last", "DATE", "2024-03-05")
    tuesday = tx("Tuesday", "DATE", "2024-03-05")
    assert match([LAST_TUESDAY], [last, tuesday])[0].predicted == 1
    s = score_document([LAST_TUESDAY], [last, tuesday])
    assert (s.gold, s.predicted, s.strict_matches, s.relaxed_matches) == (1, 2, 0, 1)
    assert s.relaxed_precision == 0.5
    assert s.relaxed_recall == 1.0
    assert s.relaxed_f1 == pytest.approx(2 / 3)  # 2 * 0.5 * 1 / 1.5
    assert s.value_accuracy == 1.0
    assert s.value_f1 == pytest.approx(2 / 3)
    rows = error_rows([LAST_TUESDAY], [last, tuesday])
    assert [(r.kind, r.predicted) for r in rows] == [("spurious", last), ("span", tuesday)]


def test_one_prediction_overlapping_two_golds() -> None:
    # The prediction spans both golds: it can match only one (the larger overlap).
    text = "It rained on Monday and Tuesday."
    monday, tuesday = tx("Monday", "DATE", "2024-03-04", text), tx("Tuesday", "DATE", "2024-03-05", text)
    both = tx("Monday and Tuesday", "DATE", "2024-03-05", text)
    s = score_document([monday, tuesday], [both])
    assert (s.gold, s.predicted, s.strict_matches, s.relaxed_matches) == (2, 1, 0, 1)
    assert match([monday, tuesday], [both])[0].gold == 1  # overlap 7 > 6
    assert s.relaxed_precision == 1.0
    assert s.relaxed_recall == 0.5
    assert s.value_accuracy == 1.0  # matched to Tuesday, same value


def test_exact_pair_preferred_over_wider_overlap() -> None:
    # gold A = "Tuesday" exact-predicted; a wider prediction also overlaps A by 7.
    # Greedy ties on overlap are broken by the smaller union: the exact pair wins.
    text = "We met Tuesday evening."
    tuesday = tx("Tuesday", "DATE", "2024-03-05", text)
    wide = tx("Tuesday evening", "TIME", "2024-03-05TEV", text)
    s = score_document([tuesday], [wide, tuesday])
    assert (s.strict_matches, s.relaxed_matches, s.predicted) == (1, 1, 2)
    assert s.strict_precision == 0.5
    assert s.strict_recall == 1.0


def test_type_wrong() -> None:
    # Exact span, right value, wrong type: type accuracy 0, value accuracy 1.
    predicted = [Timex(TWO_WEEKS.start, TWO_WEEKS.end, TWO_WEEKS.text, "DATE", "P2W")]
    s = score_document([TWO_WEEKS], predicted)
    assert (s.strict_matches, s.type_correct, s.value_correct) == (1, 0, 1)
    assert s.type_accuracy == 0.0
    assert s.type_f1 == 0.0
    assert s.value_accuracy == 1.0
    assert s.value_f1 == 1.0
    assert [r.kind for r in error_rows([TWO_WEEKS], predicted)] == ["type"]


def test_value_wrong() -> None:
    # Two golds, both matched exactly, one value wrong: value accuracy 0.5, value F1 0.5.
    wrong = Timex(LAST_TUESDAY.start, LAST_TUESDAY.end, LAST_TUESDAY.text, "DATE", "2024-03-12")
    s = score_document([LAST_TUESDAY, TWO_WEEKS], [wrong, TWO_WEEKS])
    assert s.strict_f1 == 1.0
    assert s.type_accuracy == 1.0
    assert s.value_accuracy == 0.5
    assert s.value_f1 == 0.5
    rows = error_rows([LAST_TUESDAY, TWO_WEEKS], [wrong, TWO_WEEKS], doc_id="d1", text=TEXT)
    assert len(rows) == 1
    row = rows[0]
    assert (row.doc_id, row.kind, row.gold, row.predicted) == ("d1", "value", LAST_TUESDAY, wrong)
    assert "[[last Tuesday]]" in row.context
    assert row.to_row()[:6] == ["d1", "value", "last Tuesday", "2024-03-05", "last Tuesday", "2024-03-12"]


def test_span_and_value_wrong_give_two_rows() -> None:
    tuesday = tx("Tuesday", "DATE", "2024-03-12")
    rows = error_rows([LAST_TUESDAY], [tuesday])
    assert [r.kind for r in rows] == ["span", "value"]


def test_empty_prediction() -> None:
    s = score_document([LAST_TUESDAY, TWO_WEEKS], [])
    assert (s.gold, s.predicted) == (2, 0)
    for name, value in s.metrics().items():
        assert value == 0.0, name
    assert [r.kind for r in error_rows([LAST_TUESDAY, TWO_WEEKS], [])] == ["missed", "missed"]


def test_empty_gold() -> None:
    s = score_document([], [LAST_TUESDAY])
    assert (s.gold, s.predicted) == (0, 1)
    for name, value in s.metrics().items():
        assert value == 0.0, name
    assert [r.kind for r in error_rows([], [LAST_TUESDAY])] == ["spurious"]


def test_both_empty() -> None:
    s = score_document([], [])
    assert s == Scores(documents=1)
    assert all(value == 0.0 for value in s.metrics().values())


def test_micro_average_over_documents() -> None:
    # Doc 1: gold 2, predicted 2, 2 exact, values right.
    # Doc 2: gold 2, predicted 0.
    # Micro: P = 2/2 = 1, R = 2/4 = 0.5, F1 = 2/3 (a macro mean of F1 would be 0.5).
    d1 = score_document([LAST_TUESDAY, TWO_WEEKS], [LAST_TUESDAY, TWO_WEEKS])
    d2 = score_document([LAST_TUESDAY, TWO_WEEKS], [])
    total = d1 + d2
    assert total == Scores(
        gold=4, predicted=2, strict_matches=2, relaxed_matches=2, type_correct=2, value_correct=2, documents=2
    )
    assert total.strict_precision == 1.0
    assert total.strict_recall == 0.5
    assert total.strict_f1 == pytest.approx(2 / 3)
    assert sum([d1, d2]) == total
    assert Scores() + d1 == d1
    assert (
        score_corpus([([LAST_TUESDAY, TWO_WEEKS], [LAST_TUESDAY, TWO_WEEKS]), ([LAST_TUESDAY, TWO_WEEKS], [])]) == total
    )


def test_value_f1_is_relaxed_f1_times_value_accuracy() -> None:
    # gold 3, predicted 2 (both relaxed matches, one value wrong):
    # relaxed P = 1, R = 2/3, F1 = 0.8; value accuracy 0.5; value F1 0.4.
    text = "On Monday, Tuesday and Friday."
    gold = [
        tx(w, "DATE", v, text)
        for w, v in [("Monday", "2024-03-04"), ("Tuesday", "2024-03-05"), ("Friday", "2024-03-08")]
    ]
    predicted = [tx("On Monday", "DATE", "2024-03-04", text), tx("Tuesday", "DATE", "2024-03-12", text)]
    s = score_document(gold, predicted)
    assert s.relaxed_f1 == pytest.approx(0.8)
    assert s.strict_f1 == pytest.approx(0.4)  # 1 strict: P 0.5, R 1/3
    assert s.value_accuracy == 0.5
    assert s.value_f1 == pytest.approx(0.4)


def test_error_rows_reconcile_with_scores() -> None:
    text = "On Monday, Tuesday and Friday, for three days."
    gold = [
        tx("Monday", "DATE", "2024-03-04", text),
        tx("Tuesday", "DATE", "2024-03-05", text),
        tx("Friday", "DATE", "2024-03-08", text),
        tx("three days", "DURATION", "P3D", text),
    ]
    predicted = [
        tx("On Monday", "DATE", "2024-03-04", text),
        tx("Tuesday", "TIME", "2024-03-12", text),
        tx("for three days", "DURATION", "P3D", text),
        tx("On", "DATE", "XXXX", text),
    ]
    s = score_document(gold, predicted)
    rows = error_rows(gold, predicted)
    count = {kind: sum(r.kind == kind for r in rows) for kind in ("missed", "spurious", "span", "type", "value")}
    assert count["missed"] == s.gold - s.relaxed_matches == 1
    assert count["spurious"] == s.predicted - s.relaxed_matches == 1
    assert count["span"] == s.relaxed_matches - s.strict_matches == 2
    assert count["type"] == s.relaxed_matches - s.type_correct == 1
    assert count["value"] == s.relaxed_matches - s.value_correct == 1
    assert [r.start for r in rows] == sorted(r.start for r in rows)


def test_timex_rejects_empty_span() -> None:
    with pytest.raises(ValueError):
        Timex(5, 5, "", "DATE", "2024")


def test_context_window_single_line() -> None:
    text = "First line.\nThe vote is on Friday.\nLast line."
    start = text.index("Friday")
    assert context_window(text, start, start + 6, width=8) == "e is on [[Friday]]. Last l"


# --- corpus loading ---------------------------------------------------------------


def test_load_corpus_small_file(tmp_path: Path) -> None:
    text = "\n\nBUDAPEST (AP) _\n 2001-02-03 \nThe talks end on Friday."
    start = text.index("Friday")
    record = {
        "id": "doc-1",
        "dct": "2001-02-03",
        "dct_tid": "t0",
        "text": text,
        "timexes": [
            {
                "start": start,
                "end": start + 6,
                "text": "Friday",
                "type": "DATE",
                "value": "2001-02-09",
                "tid": "t1",
                "mod": None,
            },
            {
                "start": 19,
                "end": 29,
                "text": "2001-02-03",
                "type": "DATE",
                "value": "2001-02-03",
                "tid": "t0",
                "mod": None,
            },
        ],
        "source": "made up",
    }
    path = tmp_path / "mini.jsonl"
    path.write_text(json.dumps(record) + "\n\n", encoding="utf-8")
    docs = list(load_corpus(path))
    assert docs == [Document("doc-1", "2001-02-03", text, (Timex(start, start + 6, "Friday", "DATE", "2001-02-09"),))]


def test_load_corpus_rejects_bad_offsets(tmp_path: Path) -> None:
    record = {
        "id": "x",
        "dct": "2001-02-03",
        "dct_tid": "t0",
        "text": "On Friday.",
        "timexes": [{"start": 0, "end": 2, "text": "Friday", "type": "DATE", "value": "2001-02-09", "tid": "t1"}],
    }
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"bad\.jsonl:1"):
        list(load_corpus(path))


@pytest.mark.skipif(not TBAQ.is_file(), reason=f"corpus not available: {TBAQ} (../shared/corpora/tbaq.jsonl)")
def test_load_tbaq() -> None:
    docs = list(load_corpus(TBAQ))
    assert len(docs) == 256
    assert sum(len(d.timexes) for d in docs) == 1822
    for doc in docs:
        assert doc.id and doc.dct
        for timex in doc.timexes:
            assert doc.text[timex.start : timex.end] == timex.text, (doc.id, timex)
            assert timex.type in {"DATE", "TIME", "DURATION", "SET"}


@pytest.mark.skipif(not WIKIWARS.is_file(), reason=f"corpus not available: {WIKIWARS}")
def test_load_wikiwars_skips_dct_header() -> None:
    docs = list(load_corpus(WIKIWARS))
    assert len(docs) == 22
    assert sum(len(d.timexes) for d in docs) == 2646 - 21


# --- the script ----------------------------------------------------------------------


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("tzsched_evaluate_script", REPO / "scripts" / "evaluate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_script_missing_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script = _script()
    assert script.main([str(tmp_path / "absent.jsonl")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "absent.jsonl" in err


def test_script_with_fake_system(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script = _script()
    path = tmp_path / "mini.jsonl"
    docs = [
        {
            "id": "a",
            "dct": "2024-03-10",
            "dct_tid": "t0",
            "text": TEXT,
            "timexes": [
                {"start": 16, "end": 28, "text": "last Tuesday", "type": "DATE", "value": "2024-03-05", "tid": "t1"},
                {"start": 52, "end": 61, "text": "two weeks", "type": "DURATION", "value": "P2W", "tid": "t2"},
            ],
        },
        {"id": "b", "dct": "2024-03-10", "dct_tid": "t0", "text": "Nothing here.", "timexes": []},
    ]
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")

    def fake(doc: Document) -> list[Timex]:
        # Finds "Tuesday" (relaxed) with a wrong value, misses "two weeks".
        return [tx("Tuesday", "DATE", "2024-03-12")] if doc.id == "a" else []

    errors = tmp_path / "errors.tsv"
    assert script.main([str(path), "--errors", str(errors), "--json"], predictor=fake) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["documents"], out["gold"], out["predicted"], out["relaxed_matches"], out["strict_matches"]) == (
        2,
        2,
        1,
        1,
        0,
    )
    assert out["relaxed_f1"] == pytest.approx(2 / 3)
    assert out["value_f1"] == 0.0
    lines = errors.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t")[:2] == ["doc_id", "kind"]
    assert [line.split("\t")[1] for line in lines[1:]] == ["span", "value", "missed"]
    assert all(len(line.split("\t")) == 7 for line in lines)

    assert script.main([str(path), "--limit", "1"], predictor=fake) == 0
    table = capsys.readouterr().out
    assert "documents" in table and "0.5000 / 1.0000 / 0.6667" not in table
    assert "1.0000 / 0.5000 / 0.6667" in table  # relaxed P / R / F1 of document a
    assert "wall time" in table
