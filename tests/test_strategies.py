"""tzsched.strategies: what the generators promise, checked without tzsched's resolver.

The expected instants are checked against zoneinfo directly, so a wrong expectation in
a strategy cannot hide behind a matching bug in the core.
"""

from __future__ import annotations

import bisect
import doctest
import pickle
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import find, given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import tzsched.strategies as strategies
from tzsched.lexicon import zone_tables
from tzsched.strategies import (
    CAUSES,
    FIRST_YEAR,
    LAST_YEAR,
    ZoneName,
    articles,
    instants,
    offset_transitions,
    restatements,
    statements,
    zones,
)
from tzsched.zones import zone_candidates


def test_docstring_examples_run() -> None:
    """pytest skips tzsched/strategies.py in --doctest-modules (pyproject); run them here."""
    result = doctest.testmod(strategies, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 6 and result.failed == 0


def test_importing_without_hypothesis_says_what_to_install() -> None:
    code = ("import sys; sys.modules['hypothesis'] = None\n"
            "try:\n    import tzsched.strategies\nexcept ImportError as e:\n    print(e)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "pip install 'tzsched[testing]'" in out


class TestTransitions:
    def test_new_york_changes_twice_a_year_since_2007(self) -> None:
        found = offset_transitions("America/New_York", 2007, 2030)
        assert len(found) == 2 * 24
        tz = ZoneInfo("America/New_York")
        for t in found:
            before, after = (t - timedelta(minutes=1)).astimezone(tz), t.astimezone(tz)
            assert before.utcoffset() != after.utcoffset()

    def test_a_zone_without_changes(self) -> None:
        assert offset_transitions("Asia/Kolkata") == ()

    def test_standard_offset_changes_count(self) -> None:
        # Kathmandu moved from +05:30 to +05:45 in 1986; Samoa skipped Dec. 30, 2011
        kathmandu = ZoneInfo("Asia/Kathmandu")
        assert [t.astimezone(kathmandu).isoformat() for t in offset_transitions("Asia/Kathmandu")] == [
            "1986-01-01T00:15:00+05:45"]
        apia = offset_transitions("Pacific/Apia", 2011, 2011)
        assert any(t.month == 12 and t.day == 30 for t in apia)


class TestInstants:
    @given(instants())
    def test_whole_utc_minutes_in_range(self, t: datetime) -> None:
        assert t.tzinfo is UTC and t.second == 0 and t.microsecond == 0
        assert FIRST_YEAR <= t.year <= LAST_YEAR

    def test_years_are_checked(self) -> None:
        with pytest.raises(InvalidArgument, match="years"):
            instants(1900, 2000).validate()

    def test_edges_are_drawn_often(self) -> None:
        """Over many draws, transitions, leap days and odd offsets all occur."""
        seen = {"transition": 0, "leap": 0, "odd": 0}
        edges = sorted(t for z in strategies.TRANSITION_ZONES for t in offset_transitions(z))

        @given(instants())
        def collect(t: datetime) -> None:
            i = bisect.bisect_left(edges, t)
            if any(abs((t - x).total_seconds()) <= 3 * 3600 for x in edges[max(0, i - 1) : i + 1]):
                seen["transition"] += 1
            if (t.month, t.day) in ((2, 29), (3, 1), (2, 28)):
                seen["leap"] += 1
            if t.minute in (15, 45):
                seen["odd"] += 1

        collect()
        assert all(seen.values()), seen


class TestZones:
    @given(zones())
    def test_names_mean_their_zone(self, name: ZoneName) -> None:
        if name.style in ("abbreviation", "generic", "city", "cldr"):
            cands = zone_candidates(name.text)
            assert name.zone in [c.zone for c in cands], name
            if not name.region:
                assert cands[0].zone == name.zone, name
        elif name.style == "place":
            assert name.text.startswith("in ") and zone_candidates(name.text[3:])[0].zone == name.zone
        elif name.style == "offset":
            assert re.fullmatch(r"(?:GMT|UTC)[+-]\d{1,2}(?::\d\d)?", name.text) and name.zone.startswith("UTC")
        elif name.style == "utc":
            assert name.zone == "UTC"
        elif name.style in ("local", "dateline"):
            assert name.dateline and name.home == name.zone
        else:
            assert name.style == "home" and name.text == "" and name.home == name.zone

    @given(st.data())
    def test_names_valid_at_an_instant(self, data: st.DataObject) -> None:
        at = data.draw(instants())
        name = data.draw(zones(at))
        assert name.valid_at(at)
        if name.region:
            assert name.region in {c for z, _ in zone_tables().abbreviations[name.text]
                                   for c in [zone_tables().zone_country.get(z, "")]}

    def test_every_news_zone_has_a_name(self) -> None:
        at = datetime(2025, 1, 15, 12, tzinfo=UTC)
        for zone in strategies.NEWS_ZONES:
            styles = {o.style for o in strategies._options(zone, at)}
            assert styles - {"home"}, zone

    def test_summer_and_winter_abbreviations(self) -> None:
        summer = {o.text for o in strategies._options("America/New_York", datetime(2025, 7, 1, tzinfo=UTC))}
        winter = {o.text for o in strategies._options("America/New_York", datetime(2025, 1, 1, tzinfo=UTC))}
        assert "EDT" in summer and "EST" not in summer
        assert "EST" in winter and "EDT" not in winter
        assert {"ET", "Eastern"} <= summer & winter

    def test_unknown_zone(self) -> None:
        with pytest.raises(InvalidArgument, match="IANA"):
            zones(zone="Mars/Olympus").validate()

    @pytest.mark.parametrize("name", ["localtime", "posixrules"])
    def test_system_zone_files_are_no_zone(self, name: str) -> None:
        """Debian's zoneinfo directory holds ``localtime`` (a link to /etc/localtime) and
        available_timezones() lists it; like Context's home, it is no IANA zone: the cases
        drawn would depend on the machine's configured zone."""
        with pytest.raises(InvalidArgument, match=f"{name!r} is not an IANA zone id"):
            zones(zone=name).validate()


def _wall_matches(part: strategies.Part, ctx_home: str | None) -> bool:
    """The written clock time is the expected instant's wall time in the named zone."""
    zone = part.zone.zone if part.zone.states_zone else (part.zone.home or ctx_home or "UTC")
    wall = part.said_utc.astimezone(strategies._tz(zone))
    text = part.text.lower()
    h12 = wall.hour % 12 or 12
    forms = {f"{wall.hour:02d}{wall.minute:02d}", f"{wall.hour}:{wall.minute:02d}",
             f"{wall.hour:02d}:{wall.minute:02d}", f"{h12}:{wall.minute:02d}"}
    if wall.minute == 0:
        forms |= {f"{h12} ", f"{h12}am", f"{h12}pm", "noon", "midday", "midnight"}
    return any(text.startswith(f) for f in forms)


class TestStatements:
    @given(statements())
    def test_the_text_writes_the_wall_time(self, case: strategies.Statement) -> None:
        assert case.text[case.span[0] : case.span[1]] == case.part.text
        assert _wall_matches(case.part, case.context.home), case
        assert case.expected_utc in case.readings

    @given(statements())
    def test_meridiem_is_right(self, case: strategies.Statement) -> None:
        zone = case.zone.zone if case.zone.states_zone else (case.context.home or "UTC")
        wall = case.expected_utc.astimezone(strategies._tz(zone))
        m = re.match(r"\d{1,2}(?::\d\d)?\s?([ap])\.?m", case.part.text, re.IGNORECASE)
        if m:
            assert (m.group(1).lower() == "p") == (wall.hour >= 12), case

    @given(statements())
    def test_results_pickle(self, case: strategies.Statement) -> None:
        assert pickle.loads(pickle.dumps(case)) == case

    def test_a_given_name_must_fit_the_instant(self) -> None:
        est = ZoneName("America/New_York", "EST", "abbreviation", "standard")
        with pytest.raises(InvalidArgument, match="EST"):
            find(statements(datetime(2025, 7, 1, 12, tzinfo=UTC), est), lambda c: True)

    def test_a_fold_has_two_readings(self) -> None:
        # 1:30 a.m. on Nov. 2, 2025 happens twice in New York; "Eastern" does not say which
        second = datetime(2025, 11, 2, 6, 30, tzinfo=UTC)
        eastern = ZoneName("America/New_York", "Eastern", "generic")
        case = find(statements(second, eastern), lambda c: True)
        assert case.readings == (second - timedelta(hours=1), second)


class TestRestatements:
    @given(restatements(perturbation="any"))
    def test_parts_and_perturbations(self, case: strategies.Restatement) -> None:
        assert 2 <= len(case.parts) <= 3
        for part in case.parts:
            assert case.text[part.start : part.end] == part.text
            assert _wall_matches(part, case.context.home), (case.text, part)
        broken = [i for i, p in enumerate(case.parts) if p.said_utc != case.expected_utc]
        if case.perturbation is None:
            assert broken == [] and case.agrees
        else:
            assert case.perturbation in CAUSES and broken == [case.perturbed]
            part = case.parts[broken[0]]
            if case.perturbation == "dst_slip":  # drawn only in zones whose summer time is one hour ahead
                assert abs((part.said_utc - case.expected_utc).total_seconds()) == 3600, case.text
                # and the slip shows: the part's name fits the slipped instant, and its text
                # cannot be read as the intended one (seed 452: "1:00 a.m. WEST" in Lisbon's fold)
                assert part.zone.valid_at(part.said_utc) and case.expected_utc not in part.readings, case.text
            else:
                # wall times in the part's zone: the day, or the half of the day, is off, and
                # nothing else (in UTC that is 24 h or 12 h give or take the zone's DST shift
                # between them: half an hour on Lord Howe Island)
                zone = strategies._tz(part.zone.zone if part.zone.states_zone else
                                      (part.zone.home or case.context.home or "UTC"))
                said, meant = part.said_utc.astimezone(zone), case.expected_utc.astimezone(zone)
                assert said.minute == meant.minute, case.text
                if case.perturbation == "wrong_day":
                    assert said.hour == meant.hour and abs((said.date() - meant.date()).days) == 1, case.text
                else:
                    assert abs(said.hour - meant.hour) == 12 and said.date() == meant.date(), case.text

    @pytest.mark.parametrize("cause", CAUSES)
    def test_each_cause_can_be_asked_for(self, cause: str) -> None:
        @given(restatements(perturbation=cause))  # type: ignore[arg-type]
        def check(case: strategies.Restatement) -> None:
            assert case.expected_cause == cause and not case.agrees

        check()

    def test_bad_arguments(self) -> None:
        with pytest.raises(InvalidArgument):
            restatements(perturbation="typo").validate()  # type: ignore[arg-type]
        with pytest.raises(InvalidArgument):
            restatements(min_parts=1).validate()


class TestArticles:
    @given(articles())
    def test_datelined_with_mentions_in_order(self, case: strategies.Article) -> None:
        assert re.match(r"[A-Z][A-Z.' ]+(?:, [A-Z][a-z ]+)? \((?:AP|Reuters|AFP)\) — ", case.text)
        assert [p.start for p in case.mentions] == sorted(p.start for p in case.mentions)
        for part in case.mentions:
            assert case.text[part.start : part.end] == part.text
            home = part.zone.home or case.dateline_zone
            assert _wall_matches(part, home), (case.text, part)


@pytest.mark.parametrize("make", [statements, restatements, zones], ids=["statements", "restatements", "zones"])
def test_a_naive_instant_is_refused(make: object) -> None:
    """A naive datetime was converted with astimezone(), which reads the process's zone:
    statements(datetime(2025, 1, 1, 12)) stated 12:00 UTC under TZ=UTC and 03:00 UTC
    under TZ=Asia/Tokyo. The strategies promise the same cases on every machine."""
    assert callable(make)
    with pytest.raises(InvalidArgument, match="naive"):
        find(make(datetime(2025, 1, 1, 12)), lambda _: True)
