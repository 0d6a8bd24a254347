"""Every line of data/corpus/*.jsonl is a test (except agreement.jsonl, see test_agreement_corpus.py).

A line: {"id", "text", "published", "home"?, "locale"?, "expect": [item, ...], "absent"?: [surface, ...],
"exact"?: bool, "known_gap"?: str, "comment"?: str}. An expect item names the surface ``text`` of a
mention; every other key (type, value, utc_start, utc_end, zone, zone_source, granularity, mod,
approximate, notes) is checked only when present, ``notes`` as codes that must be among the mention's.
``absent`` lists surfaces no mention may be or contain; ``exact`` means no mention beyond the expected
ones. ``known_gap`` marks a case tzsched gets wrong today: a strict xfail, so fixing it turns the case
into an XPASS failure until the marker is removed. See docs/corpus.md.

Run one family: ``pytest tests/test_corpus.py -k dst-``.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import tzsched

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
# agreement.jsonl holds link expectations and has its own test module
OTHER_FORMATS = frozenset({"agreement.jsonl"})
MIN_EXAMPLES = 450

LINE_KEYS = frozenset(
    {"id", "text", "published", "home", "locale", "expect", "absent", "exact", "known_gap", "comment"}
)
ITEM_KEYS = frozenset(
    {
        "text",
        "type",
        "value",
        "utc_start",
        "utc_end",
        "zone",
        "zone_source",
        "granularity",
        "mod",
        "approximate",
        "notes",
    }
)
CHECKED = ("type", "value", "utc_start", "utc_end", "zone", "zone_source", "granularity", "mod", "approximate")


@dataclass(frozen=True)
class Line:
    file: str
    number: int
    raw: str
    case: dict[str, Any] | None
    error: str | None

    @property
    def where(self) -> str:
        return f"{self.file}:{self.number}"


def _problems(case: Any) -> list[str]:
    """What is wrong with one parsed line (empty when it is well formed)."""
    if not isinstance(case, dict):
        return ["a line must be a JSON object"]
    out = [f"unknown key {k!r}" for k in sorted(set(case) - LINE_KEYS)]
    for key in ("id", "text", "published"):
        if not isinstance(case.get(key), str) or not case.get(key):
            out.append(f"{key!r} must be a non-empty string")
    for key in ("home", "locale", "known_gap", "comment"):
        if key in case and not isinstance(case[key], str):
            out.append(f"{key!r} must be a string")
    if "exact" in case and not isinstance(case["exact"], bool):
        out.append("'exact' must be true or false")
    expect = case.get("expect", [])
    if not isinstance(expect, list):
        return [*out, "'expect' must be a list"]
    text = case.get("text") if isinstance(case.get("text"), str) else ""
    for i, item in enumerate(expect):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            out.append(f"expect[{i}] must be an object with a 'text'")
            continue
        out += [f"expect[{i}] has unknown key {k!r}" for k in sorted(set(item) - ITEM_KEYS)]
        if item["text"] not in text:
            out.append(f"expect[{i}] text {item['text']!r} is not in the line's text")
        if "notes" in item and not (isinstance(item["notes"], list) and all(isinstance(n, str) for n in item["notes"])):
            out.append(f"expect[{i}] notes must be a list of note codes")
    absent = case.get("absent", [])
    if not isinstance(absent, list) or not all(isinstance(a, str) and a for a in absent):
        out.append("'absent' must be a list of non-empty strings")
    if not expect and not absent and not case.get("exact"):
        out.append("the line checks nothing: give 'expect', 'absent' or \"exact\": true")
    return out


def _read() -> list[Line]:
    lines: list[Line] = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        if path.name in OTHER_FORMATS:
            continue
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not raw.strip():
                continue
            try:
                case = json.loads(raw)
            except json.JSONDecodeError as exc:
                lines.append(Line(path.name, number, raw, None, f"not JSON: {exc}"))
                continue
            problems = _problems(case)
            lines.append(Line(path.name, number, raw, case, "; ".join(problems) or None))
    return lines


LINES = _read()
CASES = [line for line in LINES if line.error is None and line.case is not None]


def _params() -> list[Any]:
    out = []
    for line in CASES:
        case = line.case
        assert case is not None
        marks = []
        if case.get("known_gap"):
            marks.append(pytest.mark.xfail(strict=True, reason=case["known_gap"]))
        out.append(pytest.param(case, id=case["id"], marks=marks))
    return out


def _describe(record: dict[str, Any]) -> str:
    def one(m: dict[str, Any]) -> str:
        codes = ",".join(n["code"] for n in m["notes"]) or "-"
        return (
            f"  {m['text']!r} {m['type']} {m['value']} [{m['utc_start']} .. {m['utc_end']}) "
            f"zone={m['zone']} ({m['zone_source']}) gran={m['granularity']} mod={m['mod']} "
            f"approx={m['approximate']} notes={codes} rule={m['rule']}"
        )

    found = record.get("mentions", [])
    return "found:\n" + ("\n".join(one(m) for m in found) if found else "  (no mentions)")


def _run(case: dict[str, Any]) -> dict[str, Any]:
    record = {k: case[k] for k in ("id", "text", "published", "home", "locale") if k in case}
    result = tzsched.process_record(record)
    if "error" in result:
        pytest.fail(f"{case['id']}: tzsched returned an error: {result['error']}")
    return result


@pytest.mark.parametrize("case", _params())
def test_case(case: dict[str, Any]) -> None:
    result = _run(case)
    found: list[dict[str, Any]] = result["mentions"]
    seen = _describe(result)
    used: set[int] = set()
    failures: list[str] = []
    for want in case.get("expect", []):
        idx = next((i for i, m in enumerate(found) if m["text"] == want["text"] and i not in used), None)
        if idx is None:
            failures.append(f"no mention {want['text']!r}")
            continue
        used.add(idx)
        got = found[idx]
        for key in CHECKED:
            if key in want and got[key] != want[key]:
                failures.append(f"{want['text']!r}: {key} is {got[key]!r}, expected {want[key]!r}")
        if "notes" in want:
            codes = {n["code"] for n in got["notes"]}
            missing = [c for c in want["notes"] if c not in codes]
            if missing:
                failures.append(f"{want['text']!r}: notes {sorted(codes)} lack {missing}")
    for surface in case.get("absent", []):
        hits = [m["text"] for m in found if surface in m["text"]]
        if hits:
            failures.append(f"{surface!r} must not be (inside) a mention, found in {hits}")
    if case.get("exact"):
        extra = [m["text"] for i, m in enumerate(found) if i not in used]
        if extra:
            failures.append(f"unexpected mentions {extra}")
    assert not failures, f"{case['id']}: {case['text']!r}\n  " + "\n  ".join(failures) + "\n" + seen


def test_every_line_parses() -> None:
    bad = [f"{line.where}: {line.error}" for line in LINES if line.error is not None]
    assert not bad, "\n".join(bad)


def test_ids_are_unique_across_all_files() -> None:
    ids = [line.case["id"] for line in LINES if line.case is not None and isinstance(line.case.get("id"), str)]
    for path in sorted(CORPUS.glob("*.jsonl")):
        if path.name in OTHER_FORMATS:  # ids there share the namespace
            for raw in path.read_text(encoding="utf-8").splitlines():
                if raw.strip():
                    ids.append(json.loads(raw).get("id"))
    dup = sorted(i for i, n in Counter(ids).items() if n > 1)
    assert not dup, f"duplicate ids: {dup}"


def test_ids_name_their_file() -> None:
    wrong = [
        f"{line.where}: id {line.case['id']!r}"
        for line in CASES
        if line.case is not None and not line.case["id"].startswith(line.file.removesuffix(".jsonl") + "-")
    ]
    assert not wrong, "ids start with the file's family name:\n" + "\n".join(wrong)


def test_corpus_is_big_enough() -> None:
    assert len(CASES) >= MIN_EXAMPLES, f"{len(CASES)} examples, expected at least {MIN_EXAMPLES}"
    families = Counter(line.file for line in CASES)
    for name in ("clock", "zones", "dates", "relative", "ranges", "durations", "sets", "dst", "context", "negative"):
        assert families[f"{name}.jsonl"] >= 20, families


def test_negative_corpus_checks_absence() -> None:
    negative = [line.case for line in CASES if line.file == "negative.jsonl" and line.case is not None]
    assert sum(1 for c in negative if c.get("exact") and not c.get("expect")) >= 30
    # and at least one case where a bare number *is* a year ("the 2022 budget")
    assert any(
        item.get("type") == "DATE" and item.get("value") == "2022" for c in negative for item in c.get("expect", [])
    )
