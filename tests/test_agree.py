"""Restatement links (tzsched.agree): linking, verdicts, causes, refinements, surfaces."""

from __future__ import annotations

import json
import pickle
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tzsched
from tzsched.agree import APPROX_TOLERANCE, CAUSES, link_and_refine, link_mentions
from tzsched.errors import NOTE_CODES

# the seed sentence of tests/test_seed.py, with its context
SEED_SENTENCE = (
    "Kremlin spokesman Dmitry Peskov confirmed to the media Monday that Putin and Trump will speak "
    "at 5 p.m. Moscow time (1400 GMT), about 10 a.m. Eastern, and called the conversation important."
)
CTX = tzsched.Context.parse("2025-05-19T09:30:00-04:00", home="America/Toronto")

DOCS = Path(__file__).resolve().parent.parent / "docs" / "agreement.md"
MAY = tzsched.Context.parse("2025-05-19T09:30:00-04:00", home="America/New_York")


def _ann(text: str, ctx: tzsched.Context = MAY) -> tzsched.Annotation:
    return tzsched.annotate(text, ctx)


def _texts(ann: tzsched.Annotation, link: tzsched.Link) -> list[str]:
    return [ann.mentions[i].text for i in link.members]


class TestSeed:
    def test_one_link_of_three_that_agrees(self) -> None:
        ann = _ann(SEED_SENTENCE, CTX)
        assert len(ann.links) == 1
        link = ann.links[0]
        assert _texts(ann, link) == ["5 p.m. Moscow time", "1400 GMT", "about 10 a.m. Eastern"]
        assert link.agree and link.cause is None
        assert link.delta_seconds == 0
        # "about" widens the tolerance to the documented half hour
        assert link.tolerance_seconds == APPROX_TOLERANCE == 1800

    def test_1500_gmt_disagrees_by_one_hour(self) -> None:
        ann = _ann(SEED_SENTENCE.replace("1400 GMT", "1500 GMT"), CTX)
        (link,) = ann.links
        assert not link.agree
        assert link.delta_seconds == 3600
        assert link.cause == "dst_slip"
        # the note names the odd member out
        assert any("1500 GMT" in n.message for n in link.notes)

    def test_jsonl_record_carries_the_link(self) -> None:
        rec = tzsched.process_record({"id": "seed", "text": SEED_SENTENCE, "published": "2025-05-19T09:30:00-04:00",
                                      "home": "America/Toronto"})
        (link,) = rec["links"]
        texts = [rec["mentions"][i]["text"] for i in link["members"]]
        assert texts == ["5 p.m. Moscow time", "1400 GMT", "about 10 a.m. Eastern"]
        assert {"members", "agree", "delta_seconds", "cause", "tolerance_seconds"} <= set(link)
        json.dumps(rec)


class TestLinking:
    @pytest.mark.parametrize(
        ("text", "connector"),
        [
            ("Talks begin at 1630 EST (2130 GMT).", "parenthesis"),
            ("Talks begin at 4:30 p.m. EDT, or 2030 GMT.", "or"),
            ("Talks begin at 2030 GMT, which is 4:30 p.m. EDT.", "which is"),
            ("Talks begin at 2030 GMT, i.e. 4:30 p.m. EDT.", "i.e."),
            ("Talks begin at noon EDT / 1600 GMT.", "slash"),
            ("Talks begin at 1600 GMT — noon EDT — in Geneva.", "apposition"),
        ],
    )
    def test_connectors(self, text: str, connector: str) -> None:
        (link,) = _ann(text).links
        assert link.connector == connector
        assert len(link.members) == 2

    def test_chain_inside_parentheses(self) -> None:
        ann = _ann("The vote starts at 8 a.m. Pacific (11 a.m. Eastern; 1500 GMT).")
        (link,) = ann.links
        assert _texts(ann, link) == ["8 a.m. Pacific", "11 a.m. Eastern", "1500 GMT"]
        assert link.connector == "parenthesis+list"

    @pytest.mark.parametrize(
        "text",
        [
            "He spoke from 9 a.m. to 5 p.m. ET.",
            "He spoke at 9 a.m. and again at 3 p.m.",
            "The meeting is at 9 a.m. or 10 a.m. Eastern.",
            "Buses leave at 9 a.m. EDT, 10 a.m. EDT and noon EDT.",
            "The meeting is at 3 p.m. EDT. At 1900 GMT the figures came out.",
        ],
    )
    def test_distinct_moments_stay_apart(self, text: str) -> None:
        assert _ann(text).links == ()

    def test_only_clock_mentions_link(self) -> None:
        ann = _ann("The vote was on Monday (May 19) at 1400 GMT.")
        assert ann.links == ()

    def test_link_mentions_is_the_links_of_link_and_refine(self) -> None:
        ann = _ann("Talks begin at 1630 EDT (2030 GMT).")
        assert link_mentions(ann.text, ann.mentions) == link_and_refine(ann.text, ann.mentions)[1] == ann.links


class TestVerdicts:
    def test_loose_label_1987(self) -> None:
        ctx = tzsched.Context.parse("1987-10-20T11:00:00-04:00", home="America/New_York")
        (link,) = _ann("The market closed at 1700 EST (2100 GMT) on Tuesday.", ctx).links
        assert (link.agree, link.cause, link.delta_seconds) == (True, "loose_label", 0)

    def test_literal_label_is_a_dst_slip(self) -> None:
        ctx = tzsched.Context.parse("1987-10-20T11:00:00-04:00", home="America/New_York")
        (link,) = _ann("The market closed at 1700 EST (2200 GMT) on Tuesday.", ctx).links
        assert (link.agree, link.cause, link.delta_seconds) == (False, "dst_slip", 3600)

    def test_am_pm_swap(self) -> None:
        (link,) = _ann("The court reconvenes at 9 a.m. EDT (0100 GMT).").links
        assert (link.agree, link.cause, link.delta_seconds) == (False, "am_pm_swap", 43200)

    def test_wrong_day_needs_stated_days(self) -> None:
        (stated,) = _ann("The polls close at 9 p.m. EDT on Monday (0100 GMT Monday).").links
        assert (stated.agree, stated.cause) == (False, "wrong_day")
        ann = _ann("The polls close at 9 p.m. EDT (0100 GMT).")
        (implied,) = ann.links
        assert implied.agree and implied.cause is None
        # the implied day of the GMT side moved to the next UTC day
        gmt = ann.mentions[implied.members[1]]
        assert gmt.to_record()["utc_start"] == "2025-05-20T01:00:00Z"
        assert any(n.code == "reading_from_link" for n in gmt.resolution.notes)

    def test_ambiguous_abbreviation_chosen_by_the_link(self) -> None:
        ann = _ann("The match starts at 10 a.m. IST (0900 GMT).")
        (link,) = ann.links
        assert (link.agree, link.cause) == (True, "ambiguous_abbreviation")
        ist = ann.mentions[link.members[0]].resolution
        assert (ist.zone, ist.zone_source) == ("Europe/Dublin", "link")
        assert any(n.code == "zone_from_link" for n in ist.notes)
        # the reading it replaced stays available as an alternative
        assert any(a.label == "zone:Asia/Kolkata" for a in ist.alternatives)

    def test_ambiguous_abbreviation_chosen_by_context_disagrees(self) -> None:
        (link,) = _ann("The ceremony begins at 8 p.m. CST (1200 GMT).").links
        assert (link.agree, link.cause, link.delta_seconds) == (False, "ambiguous_abbreviation", 13 * 3600)
        assert any("Asia/Shanghai" in n.message for n in link.notes)

    def test_unknown_local_zone_settled_by_the_link(self) -> None:
        ctx = tzsched.Context.parse("2025-05-19T13:30:00Z")
        ann = _ann("The launch is set for 3 p.m. local time (1900 GMT).", ctx)
        (link,) = ann.links
        assert (link.agree, link.cause) == (True, "unknown_local_zone")
        rec = ann.mentions[0].to_record()
        assert (rec["zone"], rec["zone_source"], rec["utc_start"]) == ("UTC-04:00", "link", "2025-05-19T19:00:00Z")
        assert "zone_from_link" in {n["code"] for n in rec["notes"]}

    def test_presumed_zone_contradicted(self) -> None:
        ctx = tzsched.Context.parse("2025-05-19T09:30:00-04:00", home="Europe/London")
        (link,) = _ann("The launch is set for 3 p.m. (1900 GMT).", ctx).links
        assert (link.agree, link.cause, link.delta_seconds) == (False, "unknown_local_zone", 5 * 3600)
        assert any("UTC-04:00" in n.message for n in link.notes)

    def test_unknown(self) -> None:
        (link,) = _ann("The summit opens at 9 p.m. Tokyo time (1100 GMT).").links
        assert (link.agree, link.cause, link.delta_seconds) == (False, "unknown", 3600)

    def test_about_widens_to_half_an_hour(self) -> None:
        (near,) = _ann("The plane landed at about 6 p.m. Kyiv time (1525 GMT).").links
        assert near.agree and near.delta_seconds == 25 * 60 and near.tolerance_seconds == 1800
        (exact,) = _ann("The plane landed at 6 p.m. Kyiv time (1505 GMT).").links
        assert not exact.agree and exact.tolerance_seconds == 0

    def test_dst_fold_side_chosen_by_the_link(self) -> None:
        ctx = tzsched.Context.parse("2025-11-01T12:00:00-04:00", home="America/New_York")
        ann = _ann("The count resumes at 01:30 on Nov. 2 (0630 GMT).", ctx)
        (link,) = ann.links
        assert link.agree
        assert any(n.code == "dst_fold" for n in link.notes)
        assert ann.mentions[0].to_record()["utc_start"] == "2025-11-02T06:30:00Z"

    def test_label_names_the_side_of_a_fold(self) -> None:
        ctx = tzsched.Context.parse("2025-11-01T12:00:00-04:00", home="America/New_York")
        (link,) = _ann("The count resumes at 01:30 EDT on Nov. 2 (0630 GMT).", ctx).links
        assert (link.agree, link.cause) == (False, "dst_slip")


class TestSurfaces:
    def test_every_cause_and_note_code_is_known(self) -> None:
        causes: set[str | None] = set()
        codes: set[str] = set()
        texts = [
            "The talks resume at 10 a.m. EST (1400 GMT).",
            "The talks resume at 10 a.m. EST (1500 GMT).",
            "The court reconvenes at 9 a.m. EDT (0100 GMT).",
            "The match starts at 10 a.m. IST (0900 GMT).",
            "The launch is set for 3 p.m. local time (1800 GMT).",
            "The summit opens at 9 p.m. Tokyo time (1100 GMT).",
            "The vote is at 11 p.m. EDT (0300 GMT).",
        ]
        for text in texts:
            ann = _ann(text)
            for link in ann.links:
                causes.add(link.cause)
                codes |= {n.code for n in link.notes}
            for m in ann.mentions:
                codes |= {n.code for n in m.resolution.notes}
        assert causes - {None} <= set(CAUSES)
        assert codes <= set(NOTE_CODES), codes - set(NOTE_CODES)

    def test_pickle_and_json_round_trip(self) -> None:
        ann = _ann(SEED_SENTENCE)
        again = pickle.loads(pickle.dumps(ann))
        assert again == ann
        assert json.loads(ann.to_json("x"))["links"][0]["members"] == [1, 2, 3]

    def test_docs_list_the_vocabulary_and_tolerance(self) -> None:
        text = DOCS.read_text(encoding="utf-8")
        for cause in CAUSES:
            assert f"`{cause}`" in text, cause
        assert "1800" in text
        import tzsched.agree as agree

        for cause in CAUSES:
            assert f'"{cause}"' in (agree.__doc__ or ""), cause


CITIES = {
    "Paris time": "Europe/Paris",
    "London time": "Europe/London",
    "Sydney time": "Australia/Sydney",
    "Santiago time": "America/Santiago",
    "Eastern time": "America/New_York",
    "Pacific time": "America/Los_Angeles",
    "Tehran time": "Asia/Tehran",
    "New Delhi time": "Asia/Kolkata",
    "Auckland time": "Pacific/Auckland",
    "Moscow time": "Europe/Moscow",
}


@settings(max_examples=150, deadline=None)
@given(
    published=st.datetimes(min_value=datetime(2015, 1, 1), max_value=datetime(2030, 12, 31)),
    minutes=st.integers(min_value=1, max_value=11 * 60).map(lambda n: n - n % 5),
    later=st.booleans(),
    name=st.sampled_from(sorted(CITIES)),
)
def test_a_true_restatement_agrees(published: datetime, minutes: int, later: bool, name: str) -> None:
    """One instant stated in a zone and in GMT, within 11 hours of publication, always agrees.

    Neither side states a day, so either may fall on the adjacent day of the other (the
    link moves one); a wall time in a DST fold is settled by the GMT side.
    """
    pub = published.replace(tzinfo=UTC, second=0, microsecond=0)
    instant = pub + timedelta(minutes=minutes if later else -minutes)
    wall = instant.astimezone(ZoneInfo(CITIES[name]))
    text = f"The talks start at {wall:%H:%M} {name} ({instant:%H%M} GMT)."
    ann = tzsched.annotate(text, tzsched.Context(published=pub, home="UTC"))
    assert len(ann.links) == 1, text
    (link,) = ann.links
    assert link.agree and link.cause is None, (text, link)
    # the members name one instant; with no day stated it may be a day off the true one
    utc = {m.resolution.start for m in ann.mentions}
    assert len(utc) == 1, (text, utc)
    assert utc.pop() in {instant + timedelta(days=d) for d in (-1, 0, 1)}, text


def test_delta_is_never_negative() -> None:
    for text in ("Talks begin at 1630 EDT (2130 GMT).", "Talks begin at 2130 GMT (1630 EDT)."):
        (link,) = _ann(text).links
        assert link.delta_seconds == 3600


def test_restatement_picks_the_evening_of_a_time_without_am_pm() -> None:
    """'at 7:05 (2305 GMT)': the unstated half is the evening; value, local and instant move together."""
    ann = _ann("First pitch is at 7:05 (2305 GMT) at the ballpark.")
    (link,) = ann.links
    assert link.agree and link.delta_seconds == 0
    first = ann.mentions[link.members[0]].resolution
    assert first.value == "2025-05-19T19:05" and first.local == "2025-05-19T19:05"
    assert first.start == datetime(2025, 5, 19, 23, 5, tzinfo=UTC)
    assert [a.label for a in first.alternatives] == ["am"]
    assert "meridiem_unstated" not in {n.code for n in first.notes}
    assert "reading_from_link" in {n.code for n in first.notes}
