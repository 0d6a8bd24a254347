"""Every line of data/corpus/agreement.jsonl is a test: the links found, their verdicts, causes.

A line: {"id", "text", "published", "home"?, "locale"?, "links": [{"members": [mention texts],
"agree", "cause", "delta_seconds"?}], "refined"?: {mention text: {field: value}}, "note"?,
"known_gap"?}. An empty ``links`` list means the text must stay unlinked. ``known_gap``
names a core extraction or resolution gap: the case is a strict xfail until the core is fixed.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import tzsched
from tzsched.agree import CAUSES

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus" / "agreement.jsonl"


def _load() -> list[dict[str, Any]]:
    with CORPUS.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


CASES = _load()


def _params() -> list[Any]:
    out = []
    for case in CASES:
        marks = []
        if case.get("known_gap"):
            marks.append(pytest.mark.xfail(strict=True, reason=case["known_gap"]))
        out.append(pytest.param(case, id=case["id"], marks=marks))
    return out


def _annotate(case: dict[str, Any]) -> tzsched.Annotation:
    ctx = tzsched.Context.parse(case["published"], home=case.get("home"), locale=case.get("locale") or "en-US")
    return tzsched.annotate(case["text"], ctx)


def _describe(ann: tzsched.Annotation) -> str:
    lines = [f"  [{i}] {m.text!r} {m.to_record()['utc_start']} {m.resolution.zone}" for i, m in enumerate(ann.mentions)]
    lines += [f"  link {link.to_record()}" for link in ann.links]
    return "\n".join(lines)


@pytest.mark.parametrize("case", _params())
def test_case(case: dict[str, Any]) -> None:
    ann = _annotate(case)
    index = {}
    for i, m in enumerate(ann.mentions):
        index.setdefault(m.text, i)
    found = {tuple(sorted(link.members)): link for link in ann.links}
    expected = {}
    for want in case["links"]:
        missing = [t for t in want["members"] if t not in index]
        assert not missing, f"mentions {missing} not found:\n{_describe(ann)}"
        expected[tuple(sorted(index[t] for t in want["members"]))] = want
    assert set(found) == set(expected), f"links differ:\n{_describe(ann)}"
    for key, want in expected.items():
        link = found[key]
        got = (link.agree, link.cause)
        assert got == (want["agree"], want["cause"]), f"verdict {got}:\n{_describe(ann)}"
        if "delta_seconds" in want:
            assert link.delta_seconds == pytest.approx(want["delta_seconds"]), _describe(ann)
    for link in ann.links:  # a link that agrees has its members within its tolerance
        assert not link.agree or link.delta_seconds <= link.tolerance_seconds, _describe(ann)
    for text, fields in case.get("refined", {}).items():
        record = ann.mentions[index[text]].to_record()
        for name, value in fields.items():
            assert record[name] == value, f"{text!r}.{name} = {record[name]!r}:\n{_describe(ann)}"


def test_corpus_is_well_formed() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    assert len(CASES) >= 120
    for case in CASES:
        assert {"id", "text", "published", "links"} <= set(case), case["id"]
        for link in case["links"]:
            assert len(link["members"]) >= 2, case["id"]
            assert link["cause"] is None or link["cause"] in CAUSES, case["id"]
            if link["cause"] in (None, "loose_label"):
                assert link["agree"], case["id"]


def test_corpus_covers_every_cause_and_non_links() -> None:
    causes = Counter(link["cause"] for case in CASES for link in case["links"])
    for cause in (None, *CAUSES):
        assert causes[cause] >= 3, (cause, causes)
    assert sum(1 for case in CASES if not case["links"]) >= 15


def test_agreeing_links_are_within_tolerance_across_the_corpus() -> None:
    """No link says "agree" while its members lie further apart than its tolerance, on any
    text of the corpus files (a chain whose anchor moved a day once left a member behind)."""
    checked = 0
    for path in sorted(CORPUS.parent.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                case = json.loads(line)
                if "text" not in case or "published" not in case:
                    continue
                for link in _annotate(case).links:
                    checked += 1
                    assert not link.agree or link.delta_seconds <= link.tolerance_seconds, (case["id"], link)
    assert checked > 100
