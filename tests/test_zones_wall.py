"""wall_to_utc reads a wall time by arithmetic when both folds give one offset: the
instant must be exactly the one ``astimezone`` gives, around every kind of clock change."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tzsched.types import tzinfo_for
from tzsched.zones import wall_to_utc

# spring forward, fall back, a half-hour change (Lord Howe), a negative summer time
# (Dublin), a skipped day (Apia, Dec. 30, 2011), a change of standard offset (Moscow,
# Oct. 26, 2014), and fixed offsets
CASES = [
    ("America/New_York", datetime(2025, 3, 9)),
    ("America/New_York", datetime(2025, 11, 2)),
    ("Australia/Lord_Howe", datetime(2025, 4, 6)),
    ("Australia/Lord_Howe", datetime(2025, 10, 5)),
    ("Europe/Dublin", datetime(2025, 10, 26)),
    ("Pacific/Apia", datetime(2011, 12, 30)),
    ("Europe/Moscow", datetime(2014, 10, 26)),
    ("UTC", datetime(2025, 3, 9)),
    ("UTC+05:30", datetime(2025, 3, 9)),
    ("UTC-03:00", datetime(2025, 3, 9)),
]


def _reference(wall: datetime, zone: str, fold: int) -> datetime:
    tz = tzinfo_for(zone)
    return datetime(wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second, wall.microsecond, tz,
                    fold=fold).astimezone(UTC)


@pytest.mark.parametrize(("zone", "day"), CASES, ids=lambda c: str(c))
def test_each_wall_time_is_the_instant_astimezone_gives(zone: str, day: datetime) -> None:
    seen_both = False
    for quarter in range(-4 * 30, 4 * 54):  # every 15 minutes from 30 hours before the day
        wall = day + timedelta(minutes=15 * quarter, seconds=quarter % 7, microseconds=quarter % 5)
        earlier, later = _reference(wall, zone, 0), _reference(wall, zone, 1)
        result = wall_to_utc(wall, zone)
        assert result.utc.tzinfo is UTC and result.utc.fold == 0
        if earlier == later:
            assert result.utc == earlier and result.notes == () and result.alternatives == ()
        else:  # a gap or a fold: both readings, the first by default
            seen_both = True
            assert result.utc == earlier and {t for _, t in result.alternatives} == {later}
            assert result.notes[0].code in ("dst_gap", "dst_fold")
    assert seen_both == (not zone.startswith("UTC"))


@pytest.mark.parametrize("zone", ["Asia/Tokyo", "America/Los_Angeles", "UTC+05:30", "UTC-03:00"])
def test_the_ends_of_the_calendar_overflow_as_astimezone_does(zone: str) -> None:
    for wall in (datetime(1, 1, 1, 0, 30), datetime(9999, 12, 31, 23, 30)):
        try:
            expected: datetime | str = _reference(wall, zone, 0)
        except OverflowError as exc:
            expected = str(exc)
        try:
            got: datetime | str = wall_to_utc(wall, zone).utc
        except OverflowError as exc:
            got = str(exc)
        assert got == expected


@pytest.mark.parametrize("zone", ["America/New_York", "Europe/Dublin", "Australia/Lord_Howe", "Asia/Tokyo"])
@pytest.mark.parametrize("label", ["standard", "daylight"])
def test_a_season_label_on_a_time_with_one_reading_is_checked_against_the_zones_clock(zone: str, label: str) -> None:
    """A labelled time outside any gap or fold keeps the unlabelled reading, and carries a
    label_mismatch note (with the literal reading) exactly when the zone keeps the other
    season at that instant in a year with summer time."""
    from tzsched.zones import is_daylight, year_offsets

    for hours in range(0, 24 * 366, 29):
        wall = datetime(2025, 1, 1, 5, 15) + timedelta(hours=hours)
        plain = wall_to_utc(wall, zone)
        if plain.notes:
            continue  # a gap or a fold: the label picks the reading (tested in test_api)
        labelled = wall_to_utc(wall, zone, "report", label)
        assert labelled.utc == plain.utc
        low, high = year_offsets(zone, wall.year)
        loose = low != high and is_daylight(zone, plain.utc) != (label == "daylight")
        assert [n.code for n in labelled.notes] == (["label_mismatch"] if loose else [])
        if loose:
            literal = _reference(wall, "UTC", 0) - (low if label == "standard" else high)
            assert labelled.alternatives == (("literal_label", literal),)
