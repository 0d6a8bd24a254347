"""The library surface: context parsing and its errors, result types, records, notes."""

from __future__ import annotations

import json
import pickle
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tzsched
from tzsched import Context, ContextError, InputError, UnknownZoneError, annotate, process_record
from tzsched.types import iso_z


class TestContextParse:
    def test_iso_with_offset(self) -> None:
        ctx = Context.parse("2025-05-19T10:00:00-04:00")
        assert ctx.published == datetime(2025, 5, 19, 14, tzinfo=UTC)
        assert ctx.precision == "second"

    def test_z_suffix(self) -> None:
        assert Context.parse("2025-05-19T14:00:00Z").published_utc() == datetime(2025, 5, 19, 14, tzinfo=UTC)

    def test_rfc2822_as_in_rss(self) -> None:
        ctx = Context.parse("Mon, 19 May 2025 10:00:00 -0400")
        assert ctx.published_utc() == datetime(2025, 5, 19, 14, tzinfo=UTC)

    def test_date_alone_is_day_precision(self) -> None:
        ctx = Context.parse("1998-02-06")
        assert ctx.published == date(1998, 2, 6)
        assert ctx.precision == "day"
        assert ctx.published_utc() is None

    def test_naive_read_in_home(self) -> None:
        ctx = Context.parse("2025-01-15T09:00", home="Europe/Kyiv")
        assert ctx.published_utc() == datetime(2025, 1, 15, 7, tzinfo=UTC)

    def test_naive_without_zone_is_an_error_naming_the_value(self) -> None:
        with pytest.raises(ContextError, match="2025-01-15T09:00"):
            Context.parse("2025-01-15T09:00")

    def test_naive_datetime_object_is_an_error(self) -> None:
        with pytest.raises(ContextError, match="naive"):
            Context(published=datetime(2025, 1, 15, 9))

    def test_unknown_zone_names_the_zone(self) -> None:
        with pytest.raises(UnknownZoneError, match="Mars/Olympus_Mons"):
            Context.parse("2025-05-19", home="Mars/Olympus_Mons")

    @pytest.mark.parametrize("name", ["localtime", "posixrules"])
    def test_the_system_zone_is_no_home(self, name: str) -> None:
        """Debian's zoneinfo directory holds ``localtime``, a link to /etc/localtime, and
        some hold ``posixrules``: ZoneInfo loads them, so the result would depend on the
        machine's configured zone. They name no zone: an unknown zone id."""
        with pytest.raises(UnknownZoneError, match=name):
            Context.parse("2025-05-19", home=name)
        record = process_record({"id": 1, "text": "at 9 a.m.", "published": "2025-05-19", "home": name})
        assert record["error"]["code"] == "unknown_zone"

    @pytest.mark.parametrize("home", [["Europe/Paris"], {"zone": "Europe/Paris"}, 5])
    def test_a_home_that_is_not_a_string_is_a_context_error(self, home: object) -> None:
        """A list or a dict raised a bare TypeError from the zone cache (unhashable), not
        the documented ContextError; a number was reported as the zone id '5'."""
        with pytest.raises(ContextError, match=f"home must be an IANA zone id string.*not {type(home).__name__}"):
            Context.parse("2025-05-19", home=home)  # type: ignore[arg-type]
        with pytest.raises(ContextError, match="home must be"):
            Context(published=date(2025, 5, 19), home=home)  # type: ignore[arg-type]

    @pytest.mark.parametrize("bad", ["yesterday-ish", "2025-13-45", "", "19/05/2025 noonish"])
    def test_unparseable_dates(self, bad: str) -> None:
        with pytest.raises(ContextError):
            Context.parse(bad)

    def test_bad_locale(self) -> None:
        with pytest.raises(ContextError, match="locale"):
            Context.parse("2025-05-19", locale="not a locale")

    def test_errors_are_value_errors(self) -> None:
        with pytest.raises(ValueError):
            Context.parse("nope")


class TestResultTypes:
    CTX = Context.parse("2025-05-19T10:00:00-04:00", home="America/Toronto")
    TEXT = "Leaders speak at 5 p.m. Moscow time (1400 GMT) on Monday, three years after the war began."

    def test_pickle_round_trip(self) -> None:
        ann = annotate(self.TEXT, self.CTX)
        again = pickle.loads(pickle.dumps(ann))
        assert again == ann
        assert again.mentions[0].resolution.start == ann.mentions[0].resolution.start

    def test_frozen(self) -> None:
        ann = annotate(self.TEXT, self.CTX)
        with pytest.raises(AttributeError):
            ann.mentions[0].resolution.value = "x"  # type: ignore[misc]

    def test_record_is_json(self) -> None:
        rec = json.loads(annotate(self.TEXT, self.CTX).to_json("a1"))
        assert rec["id"] == "a1"
        first = rec["mentions"][0]
        for key in ("start", "end", "text", "type", "value", "utc_start", "utc_end", "granularity", "zone",
                    "zone_source", "approximate", "notes"):
            assert key in first
        duration = [m for m in rec["mentions"] if m["type"] == "DURATION"]
        assert duration and duration[0]["utc_start"] is None

    def test_threads_give_the_same_results(self) -> None:
        texts = [self.TEXT.replace("5 p.m.", f"{h} p.m.") for h in range(1, 12)] * 4
        serial = [annotate(t, self.CTX) for t in texts]
        with ThreadPoolExecutor(4) as pool:
            threaded = list(pool.map(lambda t: annotate(t, self.CTX), texts))
        assert threaded == serial

    def test_bad_arguments(self) -> None:
        with pytest.raises(InputError, match="str"):
            annotate(b"bytes", self.CTX)  # type: ignore[arg-type]
        with pytest.raises(InputError, match="Context"):
            annotate("text", "2025-05-19")  # type: ignore[arg-type]


class TestRecords:
    def test_good_record(self) -> None:
        rec = process_record({"id": 7, "text": "Polls close at 8 p.m. ET.", "published": "2024-11-05T09:00:00-05:00"})
        assert rec["id"] == 7
        assert rec["mentions"][0]["utc_start"] == "2024-11-06T01:00:00Z"

    @pytest.mark.parametrize(
        ("record", "fragment"),
        [
            ({"id": 1, "published": "2025-05-19"}, "text"),
            ({"id": 2, "text": "x"}, "published"),
            ({"id": 3, "text": "x", "published": "soon"}, "soon"),
            ({"id": 4, "text": "x", "published": "2025-05-19", "home": "Nowhere/Town"}, "Nowhere/Town"),
            ([1, 2], "JSON object"),
        ],
    )
    def test_bad_records_become_error_records(self, record: object, fragment: str) -> None:
        rec = process_record(record)
        assert "mentions" not in rec
        assert fragment in rec["error"]["message"]
        assert rec["error"]["code"]

    @given(st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30),
                        timezones=st.sampled_from([UTC, timezone(timedelta(hours=-4)),
                                                   timezone(timedelta(hours=5, minutes=45))])))
    def test_utc_instants_are_iso_8601_with_z(self, moment: datetime) -> None:
        # isoformat is an independent spelling of the same instant (seconds kept, fraction dropped)
        expected = moment.astimezone(UTC).replace(microsecond=0, tzinfo=None).isoformat() + "Z"
        assert iso_z(moment) == expected
        assert len(expected) == 20  # four-digit year: "0999-12-31T17:00:20Z", never "999-..."


def _one(text: str, ctx: Context) -> tzsched.Mention:
    mentions = annotate(text, ctx).mentions
    assert len(mentions) == 1, mentions
    return mentions[0]


class TestZonesAndNotes:
    def test_dateline_sets_the_zone(self) -> None:
        ann = annotate("KYIV, Ukraine (AP) — Sirens sounded at 3 a.m. Tuesday.", Context.parse("2025-05-20"))
        assert ann.dateline is not None and ann.dateline.zone == "Europe/Kyiv"
        assert ann.home_source == "dateline"
        m = ann.mentions[0]
        assert m.resolution.zone_source == "dateline"
        assert m.to_record()["utc_start"] == "2025-05-20T00:00:00Z"

    def test_no_zone_anywhere_is_utc_with_a_note(self) -> None:
        m = _one("The market opens at 9:30 a.m.", Context.parse("2025-05-19T08:00:00Z"))
        assert m.resolution.zone == "UTC" and m.resolution.zone_source == "default"
        assert "default_zone" in {n.code for n in m.resolution.notes}

    def test_ambiguous_abbreviation_lists_candidates(self) -> None:
        m = _one("The rally starts at 6 p.m. IST.", Context.parse("2025-05-19T08:00:00Z"))
        note = next(n for n in m.resolution.notes if n.code == "ambiguous_abbreviation")
        assert {"Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"} <= set(note.alternatives)
        assert len(m.resolution.alternatives) >= 2

    def test_locale_picks_the_abbreviation(self) -> None:
        m = _one("The rally starts at 6 p.m. IST.", Context.parse("2025-05-19T08:00:00Z", locale="en-IE"))
        assert m.resolution.zone == "Europe/Dublin"
        assert "ambiguous_abbreviation" not in {n.code for n in m.resolution.notes}

    def test_est_in_summer_is_read_loosely_with_a_note(self) -> None:
        m = _one("Trading halts at 4 p.m. EST.", Context.parse("2025-07-08T09:00:00-04:00"))
        assert m.to_record()["utc_start"] == "2025-07-08T20:00:00Z"
        assert "label_mismatch" in {n.code for n in m.resolution.notes}
        assert any(a.label == "literal_label" and a.start.hour == 21 for a in m.resolution.alternatives)

    def test_dst_gap(self) -> None:
        m = _one("The clocks show 2:30 a.m. Sunday in New York.",
                 Context.parse("2025-03-09T12:00:00-04:00", home="America/New_York"))
        assert "dst_gap" in {n.code for n in m.resolution.notes}
        assert len(m.resolution.alternatives) == 1

    def test_dst_fold_policy(self) -> None:
        text = "The train leaves at 1:30 a.m. Sunday."
        base = {"published": "2025-11-02T12:00:00-05:00", "home": "America/New_York"}
        early = _one(text, Context.parse(**base, dst="earlier")).resolution.start  # type: ignore[arg-type]
        late = _one(text, Context.parse(**base, dst="later")).resolution.start  # type: ignore[arg-type]
        assert early is not None and late is not None
        assert (late - early).total_seconds() == 3600
        assert "dst_fold" in {n.code for n in _one(text, Context.parse(**base)).resolution.notes}  # type: ignore[arg-type]

    def test_note_codes_are_documented(self) -> None:
        ann = annotate("At 6 p.m. IST, 4 p.m. EST, now and then.", Context.parse("2025-07-08"))
        for m in ann.mentions:
            for n in m.resolution.notes:
                assert n.code in tzsched.errors.NOTE_CODES


def test_a_failure_inside_tzsched_is_an_error_record_not_an_exception(monkeypatch: pytest.MonkeyPatch) -> None:
    """One article that trips a bug must not stop a stream or a Spark task."""
    import tzsched.api

    def broken(text: str, context: Context) -> tzsched.Annotation:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(tzsched.api, "annotate", broken)
    rec = process_record({"id": 9, "text": "at noon ET", "published": "2025-05-19"})
    assert rec == {"id": 9, "error": {"code": "internal_error", "message": "tzsched failed on this article "
                   "(ZeroDivisionError: division by zero); please report it with the input"}}


def test_the_cli_reports_a_failure_inside_tzsched_per_article_and_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    from tzsched import cli

    calls = []

    def flaky(text: str, context: Context) -> tzsched.Annotation:
        calls.append(text)
        if "boom" in text:
            raise KeyError("boom")
        return annotate(text, context)

    monkeypatch.setattr(cli, "annotate", flaky)
    task = cli._Task(0, "a.txt", "text", b"boom at noon ET")
    opts = cli._Options(command="annotate", fmt="inline", context=Context.parse("2025-05-19", home="UTC"))
    result = cli._work(task, opts)
    assert result.errors == 1 and result.output == ""
    assert result.message == "a.txt: tzsched failed on this article (KeyError: 'boom'); please report it with the input"


@pytest.mark.parametrize("zone", ["UTC", "UTC+05:30", "UTC-03:00", "Europe/London", "America/New_York"])
@pytest.mark.parametrize("label", ["generic", "standard", "daylight"])
def test_a_wall_time_read_in_a_zone_is_the_moment_whose_local_time_it_is(zone: str, label: str) -> None:
    """wall_to_utc takes a shortcut for fixed offsets ("UTC", "UTC+05:30"); every zone must
    give the instant that shows that wall time there, and a fixed offset never a note."""
    from datetime import UTC, datetime, timedelta

    from tzsched.types import tzinfo_for
    from tzsched.zones import wall_to_utc

    tz = tzinfo_for(zone)
    for hours in range(0, 24 * 365, 53):  # a year of wall times, every 53 hours
        wall = datetime(2025, 1, 1, 7, 30) + timedelta(hours=hours)
        result = wall_to_utc(wall, zone, "report", label)
        local = result.utc.astimezone(tz).replace(tzinfo=None)
        assert local == wall or any(n.code == "dst_gap" for n in result.notes)  # a gap's wall time shows nowhere
        assert result.utc.tzinfo is UTC
        if zone.startswith("UTC"):
            assert result.notes == () and result.alternatives == ()
