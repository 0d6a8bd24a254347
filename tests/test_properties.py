"""Properties of tzsched, driven by its own strategies (tzsched.strategies).

Example counts come from the hypothesis profile (tests/conftest.py, docs/testing.md).
Every counterexample these found is kept as an example test in tests/test_regressions.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import tzsched
from tzsched.strategies import CAUSES, articles, restatements, statements, zones
from tzsched.testing import assert_agreement, assert_resolves, check_spans

ROOT = Path(__file__).resolve().parent.parent


def known_gap(case: object) -> str | None:
    """Why a generated case hits a gap kept as a strict xfail in tests/test_regressions.py
    (None when it does not): none is open. When a gap is found, skip its cases here and
    record it there; when it is fixed its xfail turns XPASS: remove it in both places."""
    return None


def _ann(case: object) -> tzsched.Annotation:
    return tzsched.annotate(case.text, case.context)  # type: ignore[attr-defined]


class TestStatements:
    @given(statements())
    def test_every_statement_resolves_to_its_instant(self, case) -> None:
        assert_resolves(case)

    @given(statements())
    def test_a_fold_is_reported_with_both_readings(self, case) -> None:
        ann = _ann(case)
        (m,) = [m for m in ann.mentions if m.start < case.span[1] and case.span[0] < m.end]
        r = m.resolution
        if len(case.readings) == 2:
            assert "dst_fold" in {n.code for n in r.notes}, (case.text, r.notes)
            assert {r.start, *(a.start for a in r.alternatives)} >= set(case.readings), case.text
        assert m.said.hour is not None


class TestRestatements:
    @given(restatements())
    def test_every_restatement_links_and_agrees(self, case) -> None:
        assume(known_gap(case) is None)
        ann = assert_agreement(case)
        assert_resolves(case, lambda t, c: [(m.start, m.end, m.resolution.start) for m in ann.mentions])

    @given(restatements(perturbation="any").filter(lambda r: r.perturbation is not None))
    def test_every_perturbation_is_flagged_with_its_cause(self, case) -> None:
        assert case.perturbation in CAUSES
        assume(known_gap(case) is None)
        assert_agreement(case)


@given(articles())
def test_every_mention_of_an_article_resolves(case) -> None:
    assume(known_gap(case) is None)
    assert_resolves(case)


@given(statements(), st.data())
def test_rendering_in_another_zone_and_resolving_again_is_the_identity(case, data) -> None:
    """Resolve a statement, write its UTC start in another zone (with the date and the
    year, so that nothing is left to the context), resolve that: same instant."""
    ann = _ann(case)
    (m,) = [m for m in ann.mentions if m.start < case.span[1] and case.span[0] < m.end]
    first = m.resolution.start
    assert first is not None
    name = data.draw(zones(first, styles=["abbreviation", "generic", "city", "cldr", "offset", "utc"]))
    again = data.draw(statements(first, name))
    if len(again.readings) > 1:  # a fold: the other zone's name must settle it
        return
    m2 = [m for m in _ann(again).mentions if m.start < again.span[1] and again.span[0] < m.end]
    assert [x.resolution.start for x in m2] == [first], (case.text, again.text)


_NEWS_BITS = st.sampled_from([
    "5 p.m.", " EDT", "(1400 GMT)", "noon", "midnight", " on Tuesday", "May 20, 2025", " or ", ", which is ",
    " / ", "1700", "17:00", "GMT+5:30", " local time", "KYIV, Ukraine (AP) — ", "Moscow time", "a.m.", "12",
    "—", "(", ")", ".", " ", "\n", "IST", "March 9", "2:30 a.m.", "from 9 to 11 a.m. PT", "1300-1500 GMT",
    "last week", "the 1990s", "about ", "Feb. 29", "24:00", "0000", "2400 GMT",
])


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.text(max_size=12), _NEWS_BITS), max_size=24).map("".join),
       st.sampled_from(["2025-05-19T10:00:00-04:00", "1987-10-20T11:00:00-04:00", "2011-12-30T12:00:00+14:00",
                        "2025-03-09T06:30:00+00:00", "1998-02-06"]),
       st.sampled_from([None, "America/St_Johns", "Pacific/Chatham", "Asia/Kathmandu", "UTC"]))
def test_arbitrary_text_never_raises_and_spans_are_sane(text, published, home) -> None:
    ctx = tzsched.Context.parse(published, home=home, assume_utc=True)
    ann = tzsched.annotate(text, ctx)
    assert check_spans(text, [(m.start, m.end) for m in ann.mentions]) == []
    for m in ann.mentions:
        assert text[m.start : m.end] == m.text
        r = m.resolution
        if r.start is not None:
            assert r.end is not None and r.start < r.end, (text, m.text)
            assert r.start.utcoffset() == timedelta(0)
    for link in ann.links:
        assert all(0 <= i < len(ann.mentions) for i in link.members)
    json.dumps(ann.to_record("x"))


_ENVIRONMENTS = [
    {"TZ": "UTC", "LC_ALL": "C"},
    {"TZ": "Asia/Kolkata", "LC_ALL": "C.UTF-8"},
    {"TZ": "America/St_Johns", "LC_ALL": "C.UTF-8", "LANG": "de_DE.UTF-8"},
    {"TZ": "Pacific/Chatham", "LC_ALL": "C"},
    {"TZ": "<+0545>-5:45", "LC_ALL": "C.UTF-8"},
]
_RUNNER = (
    "import json, sys, time, locale, tzsched\n"
    "time.tzset()\n"
    "try:\n locale.setlocale(locale.LC_ALL, '')\nexcept locale.Error:\n pass\n"
    "for line in sys.stdin:\n"
    "    print(json.dumps(tzsched.process_record(json.loads(line)), sort_keys=True))\n"
)


@settings(max_examples=max(3, settings().max_examples // 40), suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(articles(), restatements(perturbation="any"), statements()), min_size=10, max_size=25))
def test_results_do_not_depend_on_the_process_zone_or_locale(cases) -> None:
    """The same records under several TZ values and locales (one subprocess each)."""
    records = [
        {"id": i, "text": c.text, "published": c.context.published.isoformat(), "home": c.context.home,
         "locale": c.context.locale}
        for i, c in enumerate(cases)
    ]
    stdin = "".join(json.dumps(r) + "\n" for r in records)
    outputs = []
    for extra in _ENVIRONMENTS:
        env = {k: v for k, v in os.environ.items() if k not in ("TZ", "LC_ALL", "LANG")}
        env.update(extra)
        done = subprocess.run([sys.executable, "-c", _RUNNER], input=stdin, capture_output=True, text=True,
                              env=env, cwd=ROOT, check=True, timeout=300)
        outputs.append(done.stdout)
    assert outputs[0].count("\n") == len(records)
    for extra, out in zip(_ENVIRONMENTS[1:], outputs[1:], strict=True):
        assert out == outputs[0], extra
    # and the in-process run agrees with the subprocesses
    here = "".join(json.dumps(tzsched.process_record(r), sort_keys=True) + "\n" for r in records)
    assert here == outputs[0]
