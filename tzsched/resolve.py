"""Piece + publication context -> Resolution (a UTC half-open interval and a TIMEX3 value).

The resolver is a pure function of the piece, the document's effective context
(:class:`Frame`) and the mentions already resolved before it (for "the next day" and
for clock times that take the date of a governing date mention).
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache, lru_cache
from operator import attrgetter, itemgetter
from typing import NamedTuple

from ._frozen import direct_init, replace
from .discourse import Discourse, discourse
from .lexicon import lexicon, zone_tables
from .rules.base import SINCE_BEFORE, Piece, alt
from .types import Context, Dateline, Granularity, Note, Reading, Resolution, Said, TimexType, ZoneSource, iso_z
from .zones import (
    ZoneCandidate,
    country_of,
    day_bounds,
    is_local_name,
    keeps_label,
    region_choice,
    tzdata_label,
    tzinfo_for,
    wall_to_utc,
    zone_candidates,
)

__all__ = ["Frame", "Resolved", "is_narrative", "resolve_piece"]

MINUTE = timedelta(minutes=1)
_DAY_PRECISION = Note("day_precision", "the publication is known only to the day; read to the day")
_DIRECTION_GUESSED = Note("direction_guessed", "no tense cue; the weekday was read as the previous one")
_WEEKEND_GUESSED = Note("direction_guessed", "no tense cue; the weekend was read as the previous one")
_UNANCHORED = Note("unanchored", "no earlier date in the text; counted from publication")

# Parts of the day as local hours [start, end); the night runs into the next day.
POD_HOURS: dict[str, tuple[int, int]] = {
    "MO": (5, 12), "MI": (11, 14), "AF": (12, 18), "EV": (17, 22), "NI": (20, 28), "DT": (8, 18),
}
SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@direct_init
@dataclass(frozen=True, slots=True)
class _Zone:
    zone: str
    source: ZoneSource
    label: str
    notes: tuple[Note, ...] = ()
    others: tuple[ZoneCandidate, ...] = ()
    # candidates read instead on a date when this zone's clock does not keep the label
    # and theirs does ("10am AEST" in a Sydney summer: Brisbane), in order
    literal: tuple[ZoneCandidate, ...] = ()


@dataclass(slots=True, eq=False)
class Frame:
    """The effective context of one document, and what is worked out once for it.

    Not frozen, though nothing changes its fields after ``__post_init__`` (the two
    dicts are caches for this document): a frozen dataclass stores each of its
    fourteen fields through ``object.__setattr__``, and one frame is made per document.
    """

    context: Context
    home: str
    home_source: ZoneSource
    dateline: Dateline | None
    text: str
    # every piece of the text, in text order: a mention may look at its neighbour
    pieces: tuple[Piece, ...] = field(default=(), repr=False)
    # derived from the fields above when the frame is made (see __post_init__)
    discourse: Discourse = field(init=False, repr=False)
    home_zone: _Zone = field(init=False, repr=False)  # where unzoned mentions are read
    pub_home: date = field(init=False, repr=False)  # the publication date there
    pub_utc: datetime | None = field(init=False, repr=False)  # the publication instant, if known
    regions: tuple[str, ...] = field(init=False, repr=False)  # countries that pick a zone
    # True when most years the text states lie far from publication (a history, an
    # obituary): yearless dates then take the year the text is telling about
    narrative: bool = field(init=False)
    # the publication date in each other zone asked for so far (a cache for this document)
    pub_days: dict[str, date] = field(init=False, repr=False)
    # the zone each zone name written in the text means, so far (a cache for this document)
    named_zones: dict[str, _Zone] = field(init=False, repr=False)
    # days the dateline's date lies before publication ("New Delhi, Mar 10 (PTI) -" published
    # on the 13th: 3), 1 to 7, else 0; relative days count from the dateline's date then
    story_shift: int = field(init=False, repr=False)
    # the note on mentions counted from that date, or from publication when the dateline's
    # date is another one (dateline_date); None when the dateline states no other date
    story_note: Note | None = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.discourse = discourse(self.text)
        self.home_zone = _home_zone(self.home, self.home_source)
        self.pub_home = self.context.local_date(self.home)
        self.pub_utc = self.context.published_utc()
        self.story_shift = 0
        self.story_note = None
        if self.home_source == "dateline" and self.dateline is not None and self.dateline.day is not None:
            # the dateline's date is a day before publication there when the outlet's
            # clock (or UTC) is still on it: no story filed days before, only zones apart
            dates = (self.pub_home, *(self.context.local_date(z) for z in (self.context.home or "UTC", "UTC")))
            self.story_shift = _story_shift(self.dateline, self.pub_home, min(dates))
            self.story_note = _dateline_date_note(self.dateline, self.pub_home, self.story_shift, dates)
        if self.story_shift:
            self.pub_home -= timedelta(days=self.story_shift)
            if self.pub_utc is not None:
                self.pub_utc -= timedelta(days=self.story_shift)
        self.narrative = is_narrative(self.pieces, self.pub_home)
        self.pub_days = {}
        self.named_zones = {}
        dateline_zone = self.dateline.zone if self.dateline is not None else None
        self.regions = _regions(dateline_zone, self.context.region, self.context.home)


def _story_shift(dateline: Dateline, pub: date, earliest: date) -> int:
    """How many days the date written in the dateline lies before the publication date
    ``pub`` (in the dateline's zone), when it lies 1 to 7 days before ``earliest`` (the
    publication date in the zones that count: the dateline's, the outlet's, UTC): a wire
    story filed then and published later ("New Delhi, Mar 10 (PTI) - The court today
    stayed the order", published on the 13th: "today" is the 10th); else 0. A dateline
    with no year takes the year that puts its date at or before publication."""
    if dateline.month is None or dateline.day is None:
        return 0
    year = dateline.year if dateline.year is not None else pub.year
    written = _safe_day(year, dateline.month, dateline.day)
    if written is not None and written > pub and dateline.year is None:
        written = _safe_day(year - 1, dateline.month, dateline.day)
    if written is None:
        return 0
    return (pub - written).days if 1 <= (earliest - written).days <= 7 else 0


def _dateline_date_note(dateline: Dateline, pub: date, shift: int, dates: tuple[date, ...]) -> Note | None:
    """The dateline_date note of a document's relative mentions: counted from the
    dateline's date (``pub``, already moved back ``shift`` days), or from publication
    although the dateline states another date; None when it states none, or the
    publication date in one of the zones that count (``dates``)."""
    if shift:
        return Note("dateline_date", f"counted from the dateline's date {pub.isoformat()}, {shift} days before "
                                     "publication")
    if dateline.month is None or dateline.day is None \
            or any((dateline.month, dateline.day) == (d.month, d.day) for d in dates):
        return None
    return Note("dateline_date", f"the dateline's date ({dateline.month:02d}-{dateline.day:02d}) is not the "
                                 f"publication date {pub.isoformat()}, and too far from it to count from: counted "
                                 "from publication")


@lru_cache(maxsize=256)
def _regions(dateline_zone: str | None, locale_region: str, home: str | None) -> tuple[str, ...]:
    """The countries that pick among ambiguous zone abbreviations, in order (see Frame).

    The dateline's country speaks for the text more than the default locale; the
    context's home (the outlet's zone) still counts when a dateline sets the zone."""
    out = []
    if dateline_zone is not None:
        out.append(country_of(dateline_zone))
    out.append(locale_region)
    if home is not None:
        out.append(country_of(home))
    return tuple(r for r in out if r)


class Resolved(NamedTuple):
    """A piece with its resolution, plus the local day it names (for later mentions).

    A named tuple, not a frozen dataclass: one is made per mention, and a tuple is made
    in half the time."""

    piece: Piece
    resolution: Resolution
    day: date | None


# bisection keys over lists of Resolved in text order (in C: no Python call per step)
_piece_start: Callable[[Resolved], int] = attrgetter("piece.start")
_piece_end: Callable[[Resolved], int] = attrgetter("piece.end")


# ---------------------------------------------------------------- zones


def _zone_of(said: Said, frame: Frame) -> _Zone:
    ztext = said.zone_text
    if not ztext:
        if said.unknown_zone is not None:  # "3 p.m. Party time": read as if no zone were written
            return _unknown_zone(said.unknown_zone, frame.home_zone)
        return frame.home_zone
    zone = frame.named_zones.get(ztext)
    if zone is None:
        zone = _context_free_zone(ztext)
        if zone is None:
            dateline_zone = frame.dateline.zone if frame.dateline is not None else None
            zone = _named_zone(ztext, frame.regions, frame.home, frame.home_source, dateline_zone, frame.pub_home.year)
        frame.named_zones[ztext] = zone
    return zone


@lru_cache(maxsize=1024)
def _context_free_zone(ztext: str) -> _Zone | None:
    """The zone a written zone name means whatever the text's context, or None when the
    context may choose (see _named_zone): a name of one zone ("GMT", "Moscow time") that
    is not a standard or daylight abbreviation a dateline's zone may write for itself.

    Remembered by the name alone: most zone names in news are of this kind, and the
    context's key of _named_zone (home, dateline, year) seldom repeats across a stream."""
    if is_local_name(ztext):
        return None
    cands = zone_candidates(ztext)
    if len(cands) != 1:
        return None
    c = cands[0]
    if c.source == "abbreviation" and c.label in ("standard", "daylight"):
        return None
    return _Zone(c.zone, c.source, c.label)


@lru_cache(maxsize=1024)
def _named_zone(ztext: str, regions: tuple[str, ...], home: str, home_source: ZoneSource,
                dateline_zone: str | None, year: int) -> _Zone:
    """The zone a written zone name means in a text read in ``home`` (or the dateline's
    zone, for "local time"), ``regions`` picking among ambiguous abbreviations; ``year``
    (the publication's) tells which abbreviations zoneinfo gives the dateline's zone."""
    if is_local_name(ztext):
        if dateline_zone is not None:
            return _Zone(dateline_zone, "dateline", "generic")
        zone = _home_zone(home, home_source)
        if home_source != "home":
            return zone  # read in UTC: the default_zone note says so
        note = Note("local_zone_assumed", f"{ztext!r} names no place and there is no dateline; read in the home "
                                          f"zone {home}")
        return _Zone(zone.zone, zone.source, zone.label, (*zone.notes, note))
    cands = zone_candidates(ztext)
    if not cands:
        note = Note("unknown_zone_name", f"{ztext!r} is not a zone tzsched knows; read in {home}")
        return _Zone(home, home_source, "generic", (note,))
    # the dateline's zone, when zoneinfo writes the abbreviation for it ("AST" under
    # BRIDGETOWN, Barbados; "CST" under WINNIPEG), is what the abbreviation means there
    # (a hurricane season's "AST" there is not Halifax's ADT)
    local: tuple[ZoneCandidate, ...] = ()
    if dateline_zone is not None and cands[0].source == "abbreviation" \
            and cands[0].label in ("standard", "daylight") and all(c.zone != dateline_zone for c in cands):
        label = tzdata_label(dateline_zone, ztext.strip().upper(), year)
        if label is not None:
            local = (ZoneCandidate(dateline_zone, label, "abbreviation"),)
    if len(cands) == 1:
        c = cands[0]
        return _Zone(c.zone, c.source, c.label, literal=local)
    # the dateline's own zone, else the outlet's, when the name may mean it ("6 p.m. MST"
    # under a PHOENIX dateline; "7 p.m. CST" from a Shanghai outlet), before any country;
    # with the other candidates of its country, read instead on a date when only they
    # keep the label literally
    own = (dateline_zone, home if home_source != "default" else None)
    picked = next((c for zone in own if zone for c in cands if c.zone == zone), None)
    group: tuple[ZoneCandidate, ...]
    if picked is None and local:
        picked = local[0]  # "WINNIPEG ... 8 p.m. CST" in May: Winnipeg writes CST, so its clock is meant
    if picked is not None and picked.zone == dateline_zone:
        group = (picked,)  # "SYDNEY (AAP) - ... 10.30am AEST" in December: Sydney's clock, read loosely
    elif picked is not None:
        group = (picked, *(c for c in region_choice(cands, (country_of(picked.zone),)) if c != picked))
    else:
        group = region_choice(cands, regions)
    if group:
        picked = group[0]
        others = tuple(c for c in cands if c != picked)
        literal = tuple(c for c in (*local, *group[1:]) if c != picked)
        return _Zone(picked.zone, picked.source, picked.label, (), others, literal)
    first = cands[0]
    note = Note(
        "ambiguous_abbreviation",
        f"{ztext} may mean {', '.join(c.zone for c in cands)}; read as {first.zone} "
        "(set the locale or home zone to choose)",
        tuple(c.zone for c in cands),
    )
    return _Zone(first.zone, first.source, first.label, (note,), cands[1:], local)


# a run of capitalized words: places and demonyms of a sentence ("India's", "The Dhaka")
_CAPITALIZED_RUN = re.compile(r"[A-Z][\w.\-]*(?:['’]s)?(?:\s[A-Z][\w.\-]*(?:['’]s)?){0,3}")


def _sentence_zone(piece: Piece, frame: Frame, zone: _Zone) -> _Zone:
    """``zone``, or, for an abbreviation of zones in several countries, the reading of
    the one country its sentence names ("India's prime minister will speak at 8pm IST":
    India's, even in an Irish outlet; "The Dhaka stock market opens at 10am BST":
    Bangladesh's). The sentence speaks for the time more than the locale or home zone;
    it decides nothing when it names none or several of the countries."""
    ztext = piece.said.zone_text
    if not ztext or not zone.others:
        return zone
    countries = {country_of(c.zone) for c in zone_candidates(ztext)}
    if len(countries) < 2:
        return zone
    lo, hi = frame.discourse.sentence_bounds(piece.start)
    # the sentence without its clock times: a zone written with another time ("2:59 p.m.
    # Shanghai time (00:59 CST)") is that time's, not the place the sentence tells of
    parts, at = [], lo
    for p in frame.pieces:
        if p.start >= hi:
            break
        if p.end > lo and p.kind in ("clock", "range"):
            parts.append(frame.text[at : max(at, p.start)])
            at = max(at, p.end)
            place = p.said.zone_text
            if place and p is not piece and frame.text.startswith(" in " + place, p.end):
                at = max(at, p.end + 4 + len(place))  # "9:30 a.m. in Adelaide (...)": that time's place
    parts.append(frame.text[at:hi])
    named = {c for c in _places_named(" . ".join(parts)) if c in countries}
    if len(named) != 1:
        return zone
    country = named.pop()
    if country == country_of(zone.zone):
        return zone
    chosen = _named_zone(ztext, (country,), frame.home, "default", None, frame.pub_home.year)
    if chosen.others and not any(n.code == "ambiguous_abbreviation" for n in chosen.notes):
        # the sentence's country is a reading, not a certainty: a restatement may settle another
        note = Note("ambiguous_abbreviation", f"{ztext!r} names zones in several countries: read in {chosen.zone}, "
                                              "the country its sentence names; the others are alternatives")
        chosen = _Zone(chosen.zone, chosen.source, chosen.label, (*chosen.notes, note), chosen.others, chosen.literal)
    return chosen


@lru_cache(maxsize=512)
def _places_named(text: str) -> frozenset[str]:
    """The countries of the places and demonyms named in ``text`` (capitalized words,
    the longest known name of each run first; time words are never places)."""
    words = _time_words()
    out = set()
    for m in _CAPITALIZED_RUN.finditer(text):
        run = [w.removesuffix("'s").removesuffix("’s").rstrip(".") for w in m.group().split()]
        i = 0
        while i < len(run):
            for n in range(len(run) - i, 0, -1):
                name = " ".join(run[i : i + n])
                if n == 1 and name.lower() in words:
                    continue
                cands = zone_candidates(name)
                if cands and cands[0].source == "explicit" and len({country_of(c.zone) for c in cands}) == 1:
                    out.add(country_of(cands[0].zone))
                    i += n - 1
                    break
            i += 1
    return frozenset(out)


@cache
def _time_words() -> frozenset[str]:
    lex = lexicon()
    return frozenset((*lex.months, *lex.weekdays, *lex.holidays, "the", "a", "an"))


def _literal_zone(wall: datetime, zone: _Zone) -> _Zone:
    """``zone``, or the first of its ``literal`` candidates that keeps the standard or
    daylight label at ``wall`` when ``zone`` itself does not (then read without a
    label_mismatch note; ``zone`` becomes an alternative)."""
    if keeps_label(wall, zone.zone, zone.label):
        return zone
    for c in zone.literal:
        if keeps_label(wall, c.zone, c.label):
            was = ZoneCandidate(zone.zone, zone.label, zone.source)
            others = (was, *(o for o in zone.others if o != c))
            return _Zone(c.zone, c.source, c.label, zone.notes, others)
    return zone


@lru_cache(maxsize=256)
def _unknown_zone(name: str, zone: _Zone) -> _Zone:
    """``zone`` (where unzoned mentions are read) with an unknown_zone_name note for ``name``."""
    note = Note("unknown_zone_name", f"{name!r} is not a zone tzsched knows; read in {zone.zone}")
    return _Zone(zone.zone, zone.source, zone.label, (*zone.notes, note), zone.others)


@lru_cache(maxsize=256)
def _home_zone(home: str, home_source: ZoneSource) -> _Zone:
    """The zone of mentions that name none: the home zone, with a note when it is the default."""
    return _Zone(home, home_source, "generic", _default_note(home_source))


def _default_note(home_source: ZoneSource) -> tuple[Note, ...]:
    if home_source == "default":
        return (Note("default_zone", "no zone in the text, context or dateline; read in UTC"),)
    return ()


# ---------------------------------------------------------------- calendar helpers


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + n
    return idx // 12, idx % 12 + 1


def _month_start(year: int, month: int) -> date:
    return date(year, month, 1)


def _safe_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _bounds(first: date, last_exclusive: date, zone: str) -> tuple[datetime, datetime]:
    start, _ = day_bounds(first, zone)
    end, _ = day_bounds(last_exclusive, zone)
    return start, end


def _shift_weekday(pub: date, weekday: int, tense: Callable[[], int | None],
                   shift: int | None) -> tuple[date, bool]:
    """News convention: a bare weekday lies within a week of publication; the
    publication weekday is the publication day. Returns the day and whether the
    direction was a guess. ``tense()`` (+1, -1 or None) is asked only when the
    answer depends on it: it reads the sentence."""
    delta = (weekday - pub.weekday()) % 7  # 0..6 days ahead
    if shift == -1:  # "last Friday": strictly before
        return pub - timedelta(days=(7 - delta) if delta else 7), False
    if shift == 1:  # "next Friday": strictly after
        return pub + timedelta(days=delta or 7), False
    if delta == 0:
        return pub, False
    if shift == 0:  # "this Friday": the one in this week, else the coming one
        monday = pub - timedelta(days=pub.weekday())
        return monday + timedelta(days=weekday), False
    direction = tense()
    if direction == 1:
        return pub + timedelta(days=delta), False
    guessed = direction is None
    return pub - timedelta(days=7 - delta), guessed


class _YearPicks(NamedTuple):
    """The year _pick_years picks for a yearless date, by the tense of its sentence."""

    future: int
    past: int
    untold: int
    firm_future: int
    firm_past: int


def _pick_years(pub: date, month: int, day: int | None) -> _YearPicks:
    """The year that puts a yearless date nearest to publication, tense breaking ties:
    for a sentence about the future, about the past, with no tense cue, and about the
    future or the past told firmly.

    Each year around publication costs how many days the date lies from publication,
    plus, when it lies on the wrong side of a stated tense, 150 (or, told firmly, 60 plus
    four times the distance again: a date more than about seven weeks on the wrong side
    is last or next year's); and 10 when it lies ahead with no tense cue (news reports
    the past slightly more often than the future). The tense is firm unless a word that
    sets a date ahead comes right before it ("payable Jan. 2", "until March 6", told in
    a past-tense sentence): see _sets_ahead."""
    costs: list[tuple[int, int, int, int, int, int]] = []
    for y in (pub.year - 1, pub.year, pub.year + 1):
        d = _safe_day(y, month, day or 15) or date(y, month, 28)
        diff = (d - pub).days
        near = abs(diff)
        loose, firm = near + 150, near * 5 + 60
        behind, ahead = diff < -3, diff > 3
        costs.append((loose if behind else near, loose if ahead else near, near + 10 if diff > 0 else near,
                      firm if behind else near, firm if ahead else near, y))
    # min() keeps the first of equal costs: the earlier year wins a tie
    return _YearPicks(*(min(costs, key=cost)[5] for cost in _YEAR_COSTS))


_YEAR_COSTS = tuple(itemgetter(i) for i in range(5))  # the cost columns of _pick_years, in _YearPicks order

@cache
def _sets_ahead_pattern() -> re.Pattern[str]:
    """A word that sets the date after it ahead even in a past-tense sentence ("the
    dividend is payable Jan. 2", "extended the offer until Nov. 20", "effective in July"):
    the lexicon's [phrases] date_setting_words, and date_setting_words_in_on with "in"/"on"."""
    lex = lexicon()
    return re.compile(rf"\b(?:{_words(lex.date_setting_words)}|{_words(lex.date_setting_words_in_on)}"
                      r"(?:\s+(?:in|on))?)\s+(?:(?:early|mid|late)[\s-]+)?$")


def _sets_ahead(piece: Piece, frame: Frame) -> bool:
    """Whether a date-setting word comes right before the piece (see _sets_ahead_pattern)."""
    return _sets_ahead_pattern().search(frame.text[max(0, piece.start - 20) : piece.start].lower()) is not None


def _iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


# ---------------------------------------------------------------- the resolver


def _direction(piece: Piece, frame: Frame) -> int | None:
    return frame.discourse.tense_direction(piece.start, piece.end)


def is_narrative(pieces: Sequence[Piece], pub: date) -> bool:
    """Whether the stated years mostly lie more than two years from publication."""
    years = [p.said.year for p in pieces if p.said.year is not None]
    far = sum(1 for y in years if abs(y - pub.year) > 2)
    return len(years) >= 5 and far >= 0.8 * len(years)


def _narrative_year(piece: Piece, before: list[Resolved], pub: date) -> int | None:
    """The year the text is telling about, when it is not near publication: the year of
    the latest earlier mention that states one ("In 1941 ... On December 7"), or that took
    one this way itself, so that a story goes on in its year from date to date ("on 9
    September 1914 ... on 12 August ... [far on] ... by 12 September")."""
    for r in reversed(before):
        if r.piece.end > piece.start:
            continue
        if piece.start - r.piece.end > _NARRATIVE_REACH:
            return None
        if r.piece.kind not in ("date", "year", "quarter", "season", "holiday", "clock"):
            continue
        year = r.piece.said.year
        if year is None and r.piece.kind == "date" and r.resolution.value[:4].isdigit():
            # a yearless date or month: far from publication only if it took a narrative year
            year = int(r.resolution.value[:4])
        if year is not None:
            return year if abs(year - pub.year) > 1 else None
    return None


_NARRATIVE_REACH = 4000  # about a page: a history's year holds across long paragraphs


def _speaks_of_coming(piece: Piece, frame: Frame) -> bool:
    """Whether the sentence around a mention in a history speaks of what is still to come
    at publication ("the funeral will be held on Nov. 2"); the cues that look ahead from
    the story's time (en.toml [tense] story_future: "would", "later") do not count."""
    return frame.discourse.tense_direction(piece.start, piece.end, ignore=lexicon().story_future) == 1


def _story_year(piece: Piece, frame: Frame, before: list[Resolved], pub: date) -> int | None:
    """In a history, the year the story is in at ``piece`` (see _narrative_year), unless
    its sentence looks ahead from publication; None in news."""
    if not frame.narrative:
        return None
    year = _narrative_year(piece, before, pub)
    return None if year is None or _speaks_of_coming(piece, frame) else year


def _sentence_year(piece: Piece, frame: Frame, before: list[Resolved], pub: date) -> int | None:
    """In news, a yearless date after a date of another year in the same sentence is in
    that year ("stalled in August 1918 and resumed in September"), unless the sentence
    looks ahead from publication."""
    r = before[-1]
    if r.piece.said.year is None or r.piece.kind not in ("date", "holiday") or abs(r.piece.said.year - pub.year) <= 1:
        return _leading_year(piece, frame, before, pub)  # (cheap first: most such dates have none near)
    sentence_start = frame.discourse.sentence_bounds(piece.start)[0]
    if sentence_start > r.piece.start or _speaks_of_coming(piece, frame):
        return None
    if "," in frame.text[r.piece.end : piece.start] and (
            _SIDE_CLAUSE.search(frame.text, sentence_start, r.piece.start) is not None
            or _CLAUSE_CLOSED.match(frame.text, r.piece.end) is not None):
        # "Smith, who was born on July 4, 1950, died on May 2", "The treaty, signed in March
        # 2003, expired on Jan. 1": the year is the inserted clause's
        return None
    year = r.piece.said.year
    src = r.piece.said
    if src.month is not None and piece.said.month is not None \
            and (piece.said.month, piece.said.day or 31) < (src.month, src.day or 1):
        year += 1  # "arrested on Nov. 3, 2022, was sentenced on May 12": the May after
    return year


# a comma right after a date that closes an inserted clause: the main verb follows ("...
# March 2003, expired"), not "and", "but" or "then" (", and left the country on April 5")
_CLAUSE_CLOSED = re.compile(r",\s(?!(?:and|but|then|before|after|when|while)\b)[a-z]")
# a relative or appositive clause open before a date ("Smith, who was born on July 4, 1950,")
_SIDE_CLAUSE = re.compile(r",\s(?:who|whom|whose|which|where|when|since|after|before|as|born)\b[^,;]*\Z")


# a year that opens its sentence as its setting: "In 2019, ...", "The 2026 World Cup ..."
_LEADING_REACH = 400  # characters from the year to the date: one sentence
_LEADING_YEAR = re.compile(r"[\"“‘']?(In|The)\s+(\d{4})\b(,?)(?:\s+([A-Za-z]+))?(?:\s+([A-Za-z]+))?(?:\s+([A-Za-z]+))?")
# after "In 2019" with no comma, what begins the clause ("In 2019 the plant closed"; not "In
# 2019 dollars"): a determiner or pronoun, or a capitalized name
_CLAUSE_STARTS = frozenset({"the", "a", "an", "he", "she", "it", "they", "we", "i", "its", "his", "her", "their",
                            "there", "this", "that", "these", "those", "our"})


def _leading_year(piece: Piece, frame: Frame, before: list[Resolved], pub: date) -> int | None:
    """A yearless date in a sentence that opens with a year as its setting ("In 2019, the
    plant closed on June 11"; "The 2026 World Cup opens June 11") is in that year, unless
    another year is told between them or the sentence looks ahead from a past year."""
    # the cheap tests first: the nearest earlier mention that states a year is a year
    # written right after "In" or "The" (most yearless dates have none near)
    r = next((r for r in reversed(before) if r.piece.said.year is not None
              or piece.start - r.piece.end > _LEADING_REACH), None)
    if r is None or r.piece.kind != "year" or piece.start - r.piece.end > _LEADING_REACH \
            or not frame.text.endswith(("In ", "The "), 0, r.piece.start):
        return None  # ("The 1600 troops": no year)
    start = frame.discourse.sentence_bounds(piece.start)[0]
    m = _LEADING_YEAR.match(frame.text, start)
    if m is None or m.start(2) != r.piece.start:
        return None
    words = [w for w in m.group(4, 5, 6) if w is not None]
    if m.group(1) == "The":  # "The 2026 World Cup opens": only an event held that year, told of itself
        lex = lexicon()
        at = next((i for i, w in enumerate(words[:2]) if w.lower() in lex.event_nouns), None)
        if at is None or at + 1 >= len(words) or words[at + 1].lower() not in lex.event_verbs:
            return None
    elif not m.group(3) and not (words and (words[0][0].isupper() or words[0].lower() in _CLAUSE_STARTS)):
        return None  # "In 2019 dollars, ..."
    if frame.text.find(";", m.end(), piece.start) >= 0:
        return None  # "The 2028 Olympics will be held in Los Angeles; tickets go on sale on Jan. 15"
    if _reported_on().search(frame.text, max(0, piece.start - 40), piece.start):
        return None  # "In 2024, profits rose 5 percent, the company said on March 3": when it was told
    year = r.piece.said.year
    if year is None or (year < pub.year and _speaks_of_coming(piece, frame)):
        return None
    return year


@cache
def _reported_on() -> re.Pattern[str]:
    """A reporting clause right before a date (", the company said on"; lexicon [tense]
    reporting)."""
    return re.compile(rf",[^,;.]*\b(?:{alt(lexicon().reporting_verbs)})\s+(?:on\s+)?\Z")


def _story_note(year: int) -> Note:
    return Note("year_inferred", f"year {year} taken from an earlier mention")


def _yearless(piece: Piece, frame: Frame, before: list[Resolved], pub: date, month: int,
              day: int | None) -> tuple[int, Note]:
    start = _range_start(piece, frame, before)
    if start is not None:  # "from Nov. 28 to Jan. 5": the end is the first such day from the start on
        year = start.year if (month, day or 31) >= (start.month, start.day) else start.year + 1
        # (not past publication in a past-tense sentence: "Between May and April, 40 ships
        # were seized" told in May began the May before; each keeps its own year then)
        if not (date(year, month, day or 1) > pub and _direction(piece, frame) == -1):
            return year, Note("year_inferred", f"year {year} taken from the start of the range, {start.isoformat()}")
    narrative = _story_year(piece, frame, before, pub)
    if narrative is None and not frame.narrative and before:
        narrative = _sentence_year(piece, frame, before, pub)
    if narrative is not None:
        return narrative, _story_note(narrative)
    before_text = frame.text[max(0, piece.start - 12) : piece.start].lower()
    if before_text.endswith(("last ", "this past ")):  # "last Oct. 23"
        year = pub.year if (month, day or 1) < (pub.month, pub.day) else pub.year - 1
    elif before_text.endswith("next "):
        year = pub.year if (month, day or 31) > (pub.month, pub.day) else pub.year + 1
    elif SINCE_BEFORE.search(frame.text, max(0, piece.start - 8), piece.start):
        # "since August": the last August before publication, however far
        year = pub.year if (month, day or 1) <= (pub.month, pub.day) else pub.year - 1
    else:
        # the tense only breaks what the date's distance from publication leaves open:
        # the sentence is read for it only then
        future, past, untold, firm_future, firm_past = _pick_years(pub, month, day)
        if future == past == untold == firm_future == firm_past:
            year = future
        else:
            direction = _direction(piece, frame)  # 1, -1 or None
            # the firm reading, where it differs, when a cue word says the tense and no cue
            # of the other tense stands in the sentence (the costlier tests last)
            if (firm_future != future if direction == 1 else firm_past != past if direction == -1 else False) \
                    and (direction == 1 or not _sets_ahead(piece, frame)) \
                    and frame.discourse.tense_direction(piece.start, piece.end, cues_only=True) == direction \
                    and not frame.discourse.mixed_tense(piece.start, piece.end):
                future, past = firm_future, firm_past
            year = future if direction == 1 else past if direction == -1 else untold
    return year, _year_from_publication(year)


# between the start of a range of dates and its end: "Nov. 28 to Jan. 5", "Dec. 30-Jan. 2"
_RANGE_BETWEEN = re.compile(r"\s?(?:[-–—]|to|until|till|through|thru|and)\s?", re.IGNORECASE)


def _range_start(piece: Piece, frame: Frame, before: list[Resolved]) -> date | None:
    """The local start of the date (or month) a yearless date ends a range with, if the
    mention right before it is one and only a range word lies between them."""
    if not before:
        return None
    r = before[-1]
    if r.piece.said.month is None or r.resolution.start is None or r.piece.kind != "date" \
            or not 1 <= piece.start - r.piece.end <= 9:
        return None
    if frame.narrative and r.piece.said.year is None:
        return None  # in a history "from October to March" may end in the story's year as well
    if _RANGE_BETWEEN.fullmatch(frame.text, r.piece.end, piece.start) is None:
        return None
    return _local_start(r, frame)


@lru_cache(maxsize=256)
def _year_from_publication(year: int) -> Note:
    """The note on a yearless date that took its year from the publication date (one
    object per year: most of a stream's dates are in a year or two)."""
    return Note("year_inferred", f"year {year} taken from the publication date")


def _day_of(said: Said, pub: date, piece: Piece, frame: Frame,
            before: list[Resolved]) -> tuple[date | None, list[Note]]:
    """The local day a piece names, from what it said, or None when it names no day."""
    notes: list[Note] = []
    if said.relative_day is not None:
        return pub + timedelta(days=said.relative_day), notes
    if piece.kind == "holiday":
        day = _holiday_day(said, piece, pub, frame)
        if day is None:
            notes.append(Note("regional_day", f"{frame.text[piece.start : piece.end]!r} falls on different days "
                                              "in the regions of the country; no day is given"))
        return day, notes
    if said.month is not None and said.day is not None:
        year = said.year
        if year is None and said.unit == "year":  # "20 February last year"
            year = _year_of_unit(said, piece, frame, before, pub)
        if year is None:
            year, note = _yearless(piece, frame, before, pub, said.month, said.day)
            notes.append(note)
        d = _safe_day(year, said.month, said.day)
        if d is None and said.year is None and (said.month, said.day) == (2, 29):
            # "Feb. 29" with no year: the leap year nearest the one inferred
            inferred = year
            year = min((y for y in range(year - 3, year + 4) if calendar.isleap(y)), key=lambda y: abs(y - inferred))
            d = date(year, 2, 29)
            notes[-1] = Note("year_inferred", f"{notes[-1].message}; Feb. 29 is in {year}, the nearest leap year")
        if d is not None and said.weekday is not None and d.weekday() != said.weekday:
            notes.append(_weekday_mismatch(d, said.weekday, said.year is None))
        return d, notes
    if said.weekday is not None and said.shift is not None and "of_week" in piece.parts:
        # "Tuesday last week": that weekday in the calendar week before (after) publication's
        monday = pub - timedelta(days=pub.weekday())
        return monday + timedelta(days=7 * said.shift + said.weekday), notes
    if said.weekday is not None and said.day is not None and said.month is None:
        return _weekday_nth(said.weekday, said.day, pub, piece, frame, notes)
    if said.day is not None and said.month is None and said.weekday is None:
        return _bare_day(said.day, pub, piece, frame, before), notes
    if said.weekday is not None and said.weeks_after is not None:
        # "Thursday week": a week after the coming Thursday (today's, told on a Thursday);
        # "the Friday before last": a week before last Friday
        if said.shift is None:
            base = pub + timedelta(days=(said.weekday - pub.weekday()) % 7)
        else:
            base = _shift_weekday(pub, said.weekday, lambda: None, said.shift)[0]
        return base + timedelta(days=7 * said.weeks_after), notes
    if said.weekday is not None:
        moved = _moved_from_day(piece, frame, before)
        if moved is not None:  # "Sunday's game was postponed to Monday": the Monday after it
            moved_from, earlier = moved
            if earlier:  # "Thursday's game was brought forward to Tuesday": the Tuesday before it
                return moved_from - timedelta(days=(moved_from.weekday() - said.weekday) % 7 or 7), notes
            return moved_from + timedelta(days=(said.weekday - moved_from.weekday()) % 7 or 7), notes
        restated_by = _restated(piece, frame, before)
        if restated_by is not None and restated_by.day is not None:
            # "9pm ART on Sunday (0000 GMT Monday)": the Monday next to that Sunday (and a guess
            # if that Sunday's direction was one)
            restated = restated_by.day
            if _DIRECTION_GUESSED in restated_by.resolution.notes:
                notes.append(_DIRECTION_GUESSED)
            return restated + timedelta(days=(said.weekday - restated.weekday() + 3) % 7 - 3), notes
        opened = _range_start_day(piece, frame, before)
        if opened is not None:
            start_day, is_range = opened
            ahead = (said.weekday - start_day.weekday()) % 7
            if is_range:  # "from 10 p.m. Friday to 5 a.m. Monday": the end follows the start
                return start_day + timedelta(days=ahead), notes
            # a listed day follows the one before it in the calendar ("on Thursday, Friday
            # and Monday", "closed Thursday and Friday" told on a Monday), unless that would
            # carry a past list beyond publication ("made Wednesday and Tuesday" told on a
            # Friday: back); from the publication day itself, the nearest occurrence
            back = ahead - 7 if ahead else 0
            if start_day == pub:
                step = ahead if ahead <= 3 else back
            else:
                step = ahead if start_day > pub or start_day + timedelta(days=ahead) <= pub else back
            return start_day + timedelta(days=step), notes
        d, guessed = _shift_weekday(pub, said.weekday, lambda: _weekday_direction(piece, frame), said.shift)
        if guessed:
            notes.append(_DIRECTION_GUESSED)
        return d, notes
    return None, notes


def _bare_day(day: int, pub: date, piece: Piece, frame: Frame, before: list[Resolved]) -> date | None:
    """"on the 22nd": after a day told within 1500 characters, that day of its month or,
    if it is earlier, of the next month ("made a counteroffer on 2 October. On the 5th";
    "opened on March 3 and closes on the 28th"); else that day of this month, or of the
    next (last) month when the tense points ahead (back) past it; with no cue, the nearest."""
    ref = _reference_day(piece, frame, before)
    if ref is not None:
        told = _safe_day(ref.year, ref.month, day)
        if told is not None and told >= ref:
            return told
        return _safe_day(*_add_months(ref.year, ref.month, 1), day)
    days = [d for i in (-1, 0, 1) if (d := _safe_day(*_add_months(pub.year, pub.month, i), day)) is not None]
    direction = _direction(piece, frame)
    side = [d for d in days if direction is None or (d >= pub if direction == 1 else d <= pub)] or days
    return min(side, key=lambda d: abs((d - pub).days), default=None)


def _weekday_nth(weekday: int, day: int, pub: date, piece: Piece, frame: Frame,
                 notes: list[Note]) -> tuple[date | None, list[Note]]:
    """"Friday the 28th": the day ``day`` of a month around publication that is that
    weekday, the nearest one on the side the tense points to (any side without a cue);
    when none is, the nearest day ``day`` on that side, with a weekday_mismatch note."""
    days = [d for i in range(-2, 3) if (d := _safe_day(*_add_months(pub.year, pub.month, i), day)) is not None]
    direction = _direction(piece, frame)
    side = [d for d in days if direction is None or (d >= pub if direction == 1 else d <= pub)] or days
    fitting = [d for d in side if d.weekday() == weekday]
    chosen = min(fitting or side, key=lambda d: abs((d - pub).days))
    if not fitting:
        notes.append(_weekday_mismatch(chosen, weekday, False))
    return chosen, notes


def _weekday_mismatch(day: date, weekday: int, year_inferred: bool) -> Note:
    """The note for a date whose written weekday is another ("Monday, May 20" in 2025, a
    Tuesday). The date is kept (a weekday is the likelier slip); the message says which
    weekday it is and, for an inferred year, the nearest year in which they agree."""
    names = calendar.day_name
    message = f"{day.isoformat()} is a {names[day.weekday()]}, not a {names[weekday]}; the date is kept"
    if year_inferred:
        for years_away in range(1, 12):
            fits = [y for y in (day.year - years_away, day.year + years_away)
                    if (d := _safe_day(y, day.month, day.day)) is not None and d.weekday() == weekday]
            if fits:
                message += f" (it was a {names[weekday]} in {fits[0]})"
                break
    return Note("weekday_mismatch", message)


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def orthodox_easter(year: int) -> date:
    """Orthodox Easter Sunday: the Julian computus (Meeus), in the Gregorian calendar."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    return date(year, month, day + 1) + timedelta(days=year // 100 - year // 400 - 2)


def movable_holiday(rule: str, year: int) -> date:
    """The date of a movable holiday rule from the lexicon ("11:4:3", "easter:-2",
    "orthodox:0", a fixed "05-01")."""
    if rule.startswith("easter:"):
        return easter(year) + timedelta(days=int(rule.split(":")[1]))
    if rule.startswith("orthodox:"):
        return orthodox_easter(year) + timedelta(days=int(rule.split(":")[1]))
    if rule[2:3] == "-":  # "05-01": a fixed day
        return date(year, int(rule[:2]), int(rule[3:]))
    if rule.startswith("before:"):  # "before:05-25:0": the last Monday before May 25
        _, md, wd = rule.split(":")
        limit = date(year, int(md[:2]), int(md[3:]))
        return limit - timedelta(days=(limit.weekday() - int(wd) - 1) % 7 + 1)
    month, nth, weekday = (int(x) for x in rule.split(":"))
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _holiday_rule(name: str, piece: Piece, frame: Frame) -> str | None:
    """The day (rule) a holiday whose day differs by country keeps where the text is set
    ([regional_holidays]), or None for its general one. Where the text's country keeps
    its own day, a sentence that names only other countries takes the general one
    ("Americans celebrated Independence Day", told in India: July 4)."""
    regional = lexicon().regional_holidays
    own = next((regional[c][name] for c in frame.regions if name in regional.get(c, {})), None)
    if own is None:
        return None  # the text's countries keep the general day
    lo, hi = frame.discourse.sentence_bounds(piece.start)
    named = _places_named(frame.text[lo : piece.start] + " . " + frame.text[piece.end : hi])
    return own if not named or named & set(frame.regions) else None


def _holiday_day(said: Said, piece: Piece, pub: date, frame: Frame) -> date | None:
    rule = piece.parts[0]  # a movable-holiday rule ("11:4:3"), as the scanner found it
    if len(piece.parts) > 1:  # a holiday's name: the first of the text's countries that keeps its own rule
        regional = _holiday_rule(piece.parts[1], piece, frame)
        if regional == "":
            return None  # "Labour Day" in Australia: a day of each state's
        rule = regional or rule
    if said.year is not None:
        return movable_holiday(rule, said.year)
    options = [movable_holiday(rule, y) for y in (pub.year - 1, pub.year, pub.year + 1)]
    nearest = min(options, key=lambda d: abs((d - pub).days))
    if abs((nearest - pub).days) <= 50:
        return nearest  # "churches prepared for Easter Sunday", told five days before it
    direction = _direction(piece, frame)
    if direction == 1:
        return min((d for d in options if d >= pub), default=options[1])
    if direction == -1:
        return max((d for d in options if d <= pub), default=options[1])
    return min(options, key=lambda d: abs((d - pub).days))


def _governing_day(piece: Piece, frame: Frame, dated: list[Resolved]) -> tuple[date, Note | None, bool] | None:
    """The day of the date mention in the same sentence that governs a clock time (the
    nearest one before it, else the nearest one after it), with a ``day_from_context``
    note when no other time stands between them: that time is the one the date was
    written for ("On Aug. 3, at 11:45 p.m. EDT (0345 GMT)": for 11:45 p.m. only); and
    whether the time is a midnight that ends the day of an earlier time ("opens at noon
    on Friday and closes at midnight", "from 10 p.m. Friday until midnight")."""
    s, e = frame.discourse.sentence_bounds(piece.start)
    after: Resolved | None = None
    foreign: Resolved | None = None
    chosen: Resolved | None = None
    stop = bisect_right(dated, e, key=_piece_start)
    for r in reversed(dated[max(0, stop - 64) : stop]):
        if r.piece.end <= s:
            break
        if r.day is None or r.piece.start >= e or _describes_a_thing(r.piece, frame.text):
            continue
        if r.piece.end <= piece.start:
            chosen = r
            break
        if r.piece.kind in ("clock", "range") and r.piece.said.zone_text != piece.said.zone_text \
                and _has_own_day(r.piece.said):
            # "(5 p.m. PT, 1 a.m. BST Friday) on Thursday": a day written with a time in
            # another zone is that time's own; a plain day right after it serves first
            foreign = r
            continue
        after = r
    if foreign is not None and (after is None or after.piece.start > foreign.piece.start) and not (
            after is not None and after.piece.kind not in ("clock", "range")
            and _DAY_OF_TIME.fullmatch(frame.text, foreign.piece.end, after.piece.start)):
        after = foreign
    if after is not None and (chosen is None or _DAY_OF_TIME.fullmatch(frame.text, _restated_end(piece, frame),
                                                                       after.piece.start)
                              or _names_its_thing(piece, after.piece, frame.text)):
        # a date right after the time is its own ("arrived at 11:40 the next day", after a
        # departure on Sunday); one farther on governs only a time that has no date before
        # it, and not across another time ("departs at 23:55, arriving at 11:40 the next
        # day") or into a clause of its own ("as of 0215 GMT, after a record on Friday")
        if chosen is None and _after_is_elsewhere(piece, after.piece, frame):
            after = None
        else:
            chosen = after
    if chosen is None:
        return None
    lo, hi = (chosen.piece.end, piece.start) if chosen.piece.end <= piece.start else (piece.end, chosen.piece.start)
    assert chosen.day is not None
    if chosen.piece.kind in ("clock", "range"):
        if _is_midnight(piece) and chosen.piece.end <= piece.start and (chosen.piece.said.hour or 0) > 0:
            said_day = frame.text[chosen.piece.start : chosen.piece.end]
            return chosen.day, Note("day_from_context", f"midnight ends the day of {said_day!r}"), True
        step = _overnight_step(piece, chosen.piece, frame.text, lo, hi, chosen.piece.end <= piece.start)
        if step:
            said_day = frame.text[chosen.piece.start : chosen.piece.end]
            side = "after" if step > 0 else "before"
            return chosen.day + timedelta(days=step), Note(
                "day_from_context", f"the day {side} that of {said_day!r}: events told in order across midnight"), False
    if (chosen.piece.said.part_of_day == "NI" or (chosen.piece.said.mod == "END" and chosen.piece.kind == "weekday"
                                                  and chosen.piece.said.part_of_day is None)) \
            and piece.said.hour is not None and piece.said.hour < 6 \
            and chosen.piece.end <= piece.start \
            and not _reported_at().search(frame.text, max(0, chosen.piece.start - 24), chosen.piece.start):
        # "Overnight, rebels attacked at 3 a.m.", "broke out late Tuesday and was contained
        # by 4 a.m.": the small hours after the night (the late day), on the next day
        said_night = frame.text[chosen.piece.start : chosen.piece.end]
        return chosen.day + timedelta(days=1), Note("day_from_context", f"the small hours after {said_night!r} "
                                                                         "are on the next day"), False
    note = None
    # a time carrying its own day ("(0000 GMT Tuesday)") restates; it does not govern
    if chosen.piece.kind not in ("clock", "range") and not _TIME_BETWEEN.search(frame.text, lo, hi):
        said_day = frame.text[chosen.piece.start : chosen.piece.end]
        note = Note("day_from_context", f"the day comes from {said_day!r} in the same sentence")
    return chosen.day, note, False


def _names_its_thing(piece: Piece, after: Piece, text: str) -> bool:
    """Whether a clock time describes the noun after it, and the day after that noun is
    the thing's: "the 1 p.m. restart on Saturday", "the 9 a.m. EST opening on Nov. 3"."""
    return text.endswith(_DETERMINERS, 0, piece.start) and _NOUN_THEN_DAY.fullmatch(text, piece.end, after.start) \
        is not None


_DETERMINERS = ("the ", "The ", "a ", "A ", "its ", "their ", "this ")
# a noun (and "on") between a clock time used as an adjective and its day
_NOUN_THEN_DAY = re.compile(r"\s[a-z][a-z-]+\s(?:on\s)?")


# "in place until midnight", "open till midnight": the midnight that ends the day
_UNTIL_BEFORE = re.compile(r"\b(?:until|till|til|through)\s+\Z", re.IGNORECASE)


def _has_own_day(said: Said) -> bool:
    return said.weekday is not None or said.day is not None or said.relative_day is not None


def _is_midnight(piece: Piece) -> bool:
    """Whether a clock time is the word "midnight" (read as the end of its day when a day governs it)."""
    said = piece.said
    return said.hour == 0 and said.minute in (0, None) and piece.kind == "clock" \
        and "clock.word" in piece.rule.split("+")


def _overnight_step(piece: Piece, other: Piece, text: str, lo: int, hi: int, other_first: bool) -> int:
    """+1 (-1) when a clock time told after (before) another with a day, joined by "and",
    falls in the small hours and the other in the afternoon or evening: "started at 10
    p.m. Friday and police broke it up at 3 a.m." (Saturday); "issued at 11:15 p.m. and
    cancelled after 2 a.m. Tuesday" (Monday). 0 otherwise."""
    mine, theirs = piece.said, other.said
    if mine.hour is None or theirs.hour is None or mine.zone_text != theirs.zone_text:
        return 0
    between = text[lo:hi]
    if other_first and mine.hour < theirs.hour and _IN_ORDER_TO.fullmatch(between):
        return 1  # "from 10 p.m. Friday to 2 a.m.", "leaves at 11:45 p.m. Thursday, arriving at 7:20 a.m."
    lead = _LEAD_TO_TIME.search(between)  # "... and cancelled just after" 2 a.m.
    cut = lead.start() if lead else len(between)
    joined = _AND.search(between, 0, cut)
    if not joined or _NOT_IN_ORDER.search(between, 0, cut) or (
            joined.group().startswith(",") and not _with_ahead().search(between, joined.end(), cut)):
        return 0  # ", with" joins what is still to come only ("..., with crews having arrived at 2 a.m.")
    if _HAD_AFTER.match(text, piece.end if other_first else other.end):
        return 0  # "..., and at 4 a.m. the governor had already ordered": told out of order
    late, small = (theirs.hour, mine.hour) if other_first else (mine.hour, theirs.hour)
    if late >= 12 and small < 6:
        return 1 if other_first else -1
    return 0


# between the start of a span and its end, told in order: "10 p.m. Friday to 2 a.m.",
# "at 11:45 p.m. on Thursday, arriving at 7:20 a.m."
_IN_ORDER_TO = re.compile(
    r"\s*(?:(?:[-–]|to|until|till|through)\s*|,?\s+(?:arriving|landing|docking|returning)\s+(?:at\s+|by\s+)?)",
    re.IGNORECASE)
# two events told in order are joined by "and" ("... at 10 p.m. Friday and police broke it
# up at", "polls close at 10pm on Thursday, with the first results expected at about 1am"),
# with no word or mark between them that tells another order or starts anew
_AND = re.compile(r"\band\b|,\s+with\b", re.IGNORECASE)
_NOT_IN_ORDER = re.compile(r"\b(?:after|before|since|until|till|following|or|had|having)\b|[.;(\n]", re.IGNORECASE)


@cache
def _with_ahead() -> re.Pattern[str]:
    """After ", with", a word of what is still to come (lexicon [phrases] with_ahead: "with
    the first results expected at about 1am")."""
    return re.compile(rf"\b(?:{alt(lexicon().with_ahead)})\b", re.IGNORECASE)


# "..., and at 4 a.m. the governor had already ordered evacuations": told out of order
_HAD_AFTER = re.compile(r"[^.;!?\n]{0,40}?\bhad\b", re.IGNORECASE)


_LEAD_TO_TIME = re.compile(r"\b(?:(?:just|shortly|soon|right|long)\s+)?(?:after|before)\s*$", re.IGNORECASE)


@cache
def _reported_at() -> re.Pattern[str]:
    """A reporting verb (the lexicon's) right before a day: "Police said Sunday night that
    ..." (the night is when it was said, not when what it tells happened)."""
    return re.compile(rf"\b{_words(lexicon().reporting_verbs)}\s+(?:on\s+)?\Z", re.IGNORECASE)


def _words(words: Iterable[str]) -> str:
    """A group matching any of ``words`` (a lexicon list), blanks matching any blank."""
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)) + ")"


def _describes_a_thing(piece: Piece, text: str) -> bool:
    """A part of the day used as an adjective after an article ("the overnight flight
    leaves at 11:45 p.m."): it says what the thing is, not the day of the times near it."""
    return piece.kind == "relday" and piece.said.weekday is None and " " not in text[piece.start : piece.end] \
        and _ARTICLE_BEFORE.search(text, max(0, piece.start - 6), piece.start) is not None \
        and _NOUN_AFTER.match(text, piece.end) is not None


_ARTICLE_BEFORE = re.compile(r"\b(?:the|an?|its|their|his|her|our)\s+\Z", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s[a-z]{3,}")


def _moved_from_day(piece: Piece, frame: Frame, before: list[Resolved]) -> tuple[date, bool] | None:
    """The day a date was moved from, when a weekday is the day it was moved to and that
    day is written before the verb in the same sentence ("Sunday's game was postponed to
    Monday", "The 10 a.m. session on Wednesday was moved to Thursday"): the last weekday
    before the verb; and whether the move was to an earlier day ("brought forward")."""
    moved = frame.discourse.moved_from_end(piece.start)
    if moved is None:
        return None
    verb, earlier = moved
    s, _ = frame.discourse.sentence_bounds(piece.start)
    for r in reversed(before):
        if r.piece.end > verb:
            continue
        if r.piece.start < s:
            return None
        if r.day is not None and r.piece.said.weekday is not None:
            return r.day, earlier  # (a date's own day is no guide to a weekday near publication)
    return None


def _restated(piece: Piece, frame: Frame, before: list[Resolved]) -> Resolved | None:
    """The clock time with a day that a clock time with a weekday restates right before
    it ("9pm ART on Sunday (0000 GMT Monday)", "..., or 0659 GMT on Sunday"): a
    restatement's day lies within three days of that time's day."""
    if piece.kind not in ("clock", "range") or not before:
        return None
    for r in reversed(before[-_MAX_CHAIN:]):
        if r.piece.end <= piece.start:
            if r.piece.kind in ("clock", "range") and r.day is not None \
                    and _RESTATED_BY.fullmatch(frame.text, r.piece.end, piece.start):
                return r
            return None
    return None


def _restated_end(piece: Piece, frame: Frame) -> int:
    """Where the restatements right after a clock time end ("4 p.m. local time (1300
    GMT)"): a date written there is the time's own."""
    end, text = piece.end, frame.text
    i = bisect_right(frame.pieces, piece.start, key=_start_of)
    for other in frame.pieces[i : i + _MAX_CHAIN]:
        if other.kind not in ("clock", "range") or not _RESTATED_BY.fullmatch(text, end, other.start):
            break
        end = other.end
    return end


def _after_is_elsewhere(piece: Piece, later: Piece, frame: Frame) -> bool:
    """Whether a date after a clock time belongs elsewhere: to another clock time
    between them that does not restate this one, or to a clause of its own that opens
    between them (", after ...", ", when ...")."""
    text = frame.text
    opener = _clause_opener().search(text, piece.end, later.start)
    if opener is not None and text.find(",", opener.end(), later.start) < 0:
        return True  # the date is in that clause (not after it closes: ", when ..., police said Sunday")
    if _AND.search(text, piece.end, later.start):
        # "Markets closed at 4 p.m. and will reopen on Friday": the date is of a clause
        # in another tense
        mine = _direction(piece, frame)
        if mine is not None and _direction(later, frame) == -mine:
            return True
    pieces = frame.pieces
    end = piece.end
    for i in range(bisect_right(pieces, piece.start, key=_start_of), len(pieces)):
        other = pieces[i]
        if other.start >= later.start:
            return False
        if other.kind in ("clock", "range"):
            # a day counted from another time ("arriving at 11:40 the next day") is that
            # time's; a weekday or a date may serve a list of times ("opens at 8 a.m.,
            # closes at noon and reopens at 1 p.m. Saturday")
            if later.said.anchor == "reference" and not (
                    _RESTATED_BY.fullmatch(text, end, other.start) or _RANGE_JOIN.fullmatch(text, end, other.start)):
                return True
            end = other.end
    return False


@cache
def _clause_opener() -> re.Pattern[str]:
    """A comma and a word that opens a clause of its own (the lexicon's [phrases])."""
    return re.compile(rf",\s*{_words(lexicon().clause_openers)}\b", re.IGNORECASE)


_TIME_BETWEEN = re.compile(r"\d{1,2}(?::\d\d)?\s?[aApP]\.?\s?[mM]|\b\d{1,2}[:.h]\d\d\b|\b[012]\d[0-5]\d\s?[A-Z]|"
                           r"\b(?:noon|midnight|midday)\b", re.IGNORECASE)
# between the two ends of a range: "from 1 a.m. until 0920 Beijing time (0120 UTC) on May 16"
_RANGE_JOIN = re.compile(r"\s*(?:to|until|till|through|thru|and|-|–|—)\s*", re.IGNORECASE)
_DAY_LIST = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+", re.IGNORECASE)
_RANGE_TO = re.compile(r"\s*(?:to|until|till|through|thru|-|–|—)\s*$", re.IGNORECASE)


# what stands between a clock time and its restatement: "8 p.m. ET (0000 GMT Wednesday)",
# "8 p.m. ET Tuesday, or 0000 GMT Wednesday", "..., which is ..."
_RESTATED_BY = re.compile(r"\s*[(\[]\s*|\s*,?\s*(?:or|i\.\s?e\.,?|which\s+(?:is|was|will\s+be))\s+|\s*/\s*",
                          re.IGNORECASE)


def _weekday_direction(piece: Piece, frame: Frame) -> int | None:
    """The tense around a weekday (see _direction). A weekday with no cue of its own
    written for a clock time, or restating one, takes the tense of that time or of the
    time it restates: in "the polls close at 8 p.m. ET Tuesday (0000 GMT Wednesday)"
    and "the count starts at 8 a.m. (0230 GMT) on Tuesday", the opening verb speaks for
    the whole chain. With none, another weekday or clock time of the sentence whose
    tense is told speaks for it, the nearest first ("Tuesday's election: polls close at
    8 p.m. ET (0100 GMT Wednesday)": "close at" looks ahead, so Tuesday is the coming one)."""
    own = _told_direction(piece, frame)
    if own is not None:
        return own
    s, e = frame.discourse.sentence_bounds(piece.start)
    pieces = frame.pieces
    i = bisect_left(pieces, piece.start, key=_start_of)
    others = sorted((p for p in pieces[max(0, i - _MAX_SIBLINGS) : i + _MAX_SIBLINGS + 1]
                     if p is not piece and (p.said.weekday is not None or p.kind in ("clock", "range"))
                     and s <= p.start and p.end <= e),
                    key=lambda p: abs(p.start - piece.start))
    for other in others:
        told = _told_direction(other, frame)
        if told is not None:
            return told
    return None


def _is_deadline(piece: Piece, frame: Frame) -> bool:
    """Whether a weekday is a deadline set for what is to be done: "ordered the agency to
    respond by 5 p.m. Monday", "gave prosecutors until noon Wednesday to file", "have
    until Tuesday". A deadline follows the order, whatever the tense of the order."""
    text = frame.text
    if not text[max(0, piece.start - 7) : piece.start].rstrip().lower().endswith(("by", "before", "than", "until")):
        return False  # the word before a deadline (a cheap test: most weekdays have none)
    lo = max(0, piece.start - 90)
    told_past, by_after_infinitive, granted_until = _deadline_patterns()
    if told_past.search(text, lo, piece.start):
        return False  # "had until Sunday", "met the deadline to pay by"
    done = _AND_AFTER.search(text, piece.end, min(len(text), piece.end + 60))
    if done is not None and frame.discourse.first_tense_after(done.end()) == -1:
        return False  # "..., and he left on Thursday", "..., and most did"
    if by_after_infinitive.search(text, lo, piece.start) or granted_until.search(text, lo, piece.start):
        return True
    return bool(text.startswith("until ", max(0, piece.start - 6)) and _INFINITIVE_AFTER.match(text, piece.end))


@cache
def _deadline_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """From the lexicon's [phrases]: a deadline told as past ("had until", "met the deadline
    to pay by"); "... to respond by", not after a verb of a deadline missed ("failed to
    respond by"); a deadline granted ("gave prosecutors until", "have until")."""
    lex = lexicon()
    not_missed = "".join(f"(?<!{re.escape(w)})" for w in lex.deadline_missed)  # fixed-width look-behinds
    return (re.compile(rf"\b{_words(lex.deadline_told_past)}\b", re.IGNORECASE),
            re.compile(rf"{not_missed}\sto\s[a-z]+\b[^.;:!?\n]{{0,50}}?\s(?:by|before|no\slater\sthan)\s+\Z",
                       re.IGNORECASE),
            re.compile(rf"\b{_words(lex.deadline_grants)}\s(?:[a-z]+\s){{0,3}}?until\s+\Z", re.IGNORECASE))


_INFINITIVE_AFTER = re.compile(r"\s+to\s+[a-z]+\b")
# a clause after a deadline that may tell what was done ("..., and he left on Thursday")
_AND_AFTER = re.compile(r"\b(?:and|but)\b", re.IGNORECASE)


_MAX_SIBLINGS = 4  # pieces either side of a weekday that may lend it their tense


def _told_direction(piece: Piece, frame: Frame) -> int | None:
    """The tense a weekday's own sentence, clause or restatement chain tells (see
    _weekday_direction), None when none does."""
    opening = frame.discourse.opening_direction(piece.start, piece.end)
    if opening is not None:
        return opening  # "On Friday, the minister said talks would resume"
    if _is_deadline(piece, frame):
        return 1  # "ordered the agency to respond by 5 p.m. Monday"
    own = _direction(piece, frame)
    if own is not None:
        return own
    # the pieces before it (dates are resolved before undated clock times: read the text)
    i = bisect_left(frame.pieces, piece.start, key=_start_of)
    gap = _RESTATED_BY if piece.kind in ("clock", "range") else _DAY_OF_TIME
    start = piece.start
    for prev in reversed(frame.pieces[max(0, i - _MAX_CHAIN) : i]):
        if prev.kind not in ("clock", "range") or prev.end > start or not gap.fullmatch(frame.text, prev.end, start):
            return None
        direction = _direction(prev, frame)
        if direction is not None:
            return direction
        start, gap = prev.start, _RESTATED_BY
    return None


_start_of: Callable[[Piece], int] = attrgetter("start")
_MAX_CHAIN = 4  # clock times a weekday's tense is looked for in, back along a restatement
# between a clock time and the weekday written for it: "8 a.m. (0230 GMT) on Tuesday"
_DAY_OF_TIME = re.compile(r"\s*[)\]]?\s*,?\s*(?:on\s+)?")


def _range_start_day(piece: Piece, frame: Frame, before: list[Resolved]) -> tuple[date, bool] | None:
    """The day of the weekday that opens a range closed by this one (and True), or a list
    this one goes on (and False: "at 10 a.m. on Thursday, Friday and Monday"), if any."""
    for r in reversed(before):
        if r.piece.end > piece.start:
            continue
        if r.day is not None and r.piece.said.weekday is not None:
            if _RANGE_TO.fullmatch(frame.text, r.piece.end, piece.start):
                return r.day, True
            if piece.kind not in ("clock", "range") and _DAY_LIST.fullmatch(frame.text, r.piece.end, piece.start):
                return r.day, False  # (a clock time after "or" restates: "0159 EST on Sunday or 0659 GMT on Sunday")
        return None
    return None


def _narrated_day(piece: Piece, frame: Frame, before: list[Resolved], pub: date) -> date:
    """A past-tense clock time with no day of its own ("was shot at 10 p.m.") takes the
    day the text was just telling about, if one before ``pub`` was named shortly before;
    else ``pub``."""
    # ``before`` is in text order and its pieces do not overlap; in the second pass it also
    # holds the dated mentions after this one, which a bisection skips
    for i in range(bisect_right(before, piece.start, key=_piece_end) - 1, -1, -1):
        r = before[i]
        if piece.start - r.piece.end > 300:
            return pub
        if r.day is not None and r.resolution.granularity == "day":
            # the sentence is read for its tense only when the day would change
            return r.day if r.day < pub and _direction(piece, frame) == -1 else pub
    return pub


def _wall(day: date, hour: int, minute: int) -> datetime:
    """The naive wall time ``hour:minute`` into ``day``; hour 24 is the next midnight."""
    if 0 <= hour < 24 and 0 <= minute < 60:
        return datetime(day.year, day.month, day.day, hour, minute)
    return datetime.combine(day, time(0, 0)) + timedelta(hours=hour, minutes=minute)


def _minute_text(wall: datetime) -> str:
    """A naive wall time as "2025-05-19T17:00" (always a four-digit year)."""
    return wall.isoformat("T", "minutes")  # by position: keywords cost a fifth more


def _pub_day(frame: Frame, zone: str) -> date:
    if zone == frame.home:
        return frame.pub_home
    day = frame.pub_days.get(zone)
    if day is None:
        day = frame.pub_days[zone] = frame.context.local_date(zone) - timedelta(days=frame.story_shift)
    return day


def _value_day(d: date) -> str:
    return d.isoformat()


def _res(
    timex: TimexType, value: str, gran: Granularity, start: datetime | None, end: datetime | None,
    zone: _Zone | None, said: Said, notes: list[Note], local: str | None = None,
    alternatives: tuple[Reading, ...] = (), approximate: bool = False,
) -> Resolution:
    all_notes = zone.notes if zone else ()
    if notes:
        all_notes += tuple(notes)
    if len(all_notes) > 1:
        all_notes = tuple(_dedupe(all_notes))
    mod = said.mod
    approx = approximate or mod == "APPROX"
    zone_id: str | None = None
    source: ZoneSource | None = None
    if zone is not None and start is not None:
        zone_id, source = zone.zone, zone.source
    # every field, in order (by keyword, a pass over the benchmark corpus executes 1.2% more
    # instructions):
    # timex_type, value, granularity, start, end, local, zone, zone_source, approximate, mod, notes, alternatives
    return Resolution(timex, value, gran, start, end, local, zone_id, source, approx, mod, all_notes, alternatives)


def _dedupe(notes: Sequence[Note]) -> list[Note]:
    seen: set[tuple[str, str]] = set()
    out = []
    for n in notes:
        if (n.code, n.message) not in seen:
            seen.add((n.code, n.message))
            out.append(n)
    return out


def resolve_piece(piece: Piece, frame: Frame, before: list[Resolved]) -> Resolved:
    """Resolve one piece against the frame and the mentions before it.

    A mention whose calendar arithmetic leaves the years 1 to 9999 that Python's dates
    hold ("2025 years ago"; "tomorrow" published on Dec. 31, 9999) is returned with
    no instant and an ``out_of_range`` note instead of an error.
    """
    try:
        return _RESOLVERS.get(piece.kind, _ref)(piece, frame, before)
    except (OverflowError, ValueError) as exc:
        if not _beyond_calendar(exc):
            raise
        note = Note("out_of_range", f"{frame.text[piece.start : piece.end]!r} falls outside the years 1 to 9999 "
                                    f"that can be resolved ({exc})")
        timex: TimexType = "TIME" if piece.kind in ("clock", "range") else "DATE"
        return Resolved(piece, _res(timex, "XXXX", "reference", None, None, None, piece.said, [note]), None)


# what datetime says when a date leaves the years 1 to 9999
_BEYOND_CALENDAR = re.compile(r"year -?\d+ is out of range|date value out of range")


def _beyond_calendar(exc: Exception) -> bool:
    return isinstance(exc, OverflowError) or _BEYOND_CALENDAR.fullmatch(str(exc)) is not None


# after a clock time without a.m./p.m., words that tell its half of the day ("10:30 the
# next morning") or make it a game clock ("4:32 of the second period", "2:14 left")
_HALF_TOLD_AFTER = re.compile(r"\s(?:(?:the\s|this\s|that\s)?(?:next\s|following\s|same\s)?"
                              r"(?:morning|afternoon|evening|night)|tonight"
                              r"|of\sthe\b|left\b|remaining\b|into\b|to\splay\b|mark\b)", re.IGNORECASE)


def _evening_before(piece: Piece, frame: Frame, hour: int, clock_end: int) -> str | None:
    """The p.m. time a later "8:15" (ending at ``clock_end``) of the same sentence follows,
    written with a.m./p.m. at or before that hour of the evening ("at 7 p.m. ... at 8:15",
    "from 1 to 3 p.m. ... at 5:30"), or None; one written in another zone than the p.m.
    time is no evening of it."""
    at = bisect_left(frame.pieces, piece.start, key=lambda p: p.start)
    prev = next((p for p in reversed(frame.pieces[:at]) if p.kind in ("clock", "range")), None)
    if prev is None:
        return None
    ranged = prev.kind == "range" and prev.said.until_hour is not None
    prev_hour = (prev.said.until_hour if ranged else prev.said.hour) or 0
    if not (prev.said.meridiem == "pm" or (ranged and prev_hour >= 12)) or not 0 <= hour + 12 - prev_hour <= 5 \
            or piece.said.zone_text not in (None, prev.said.zone_text):
        return None  # "1:40 p.m. local time (11:40 UTC)": another zone's clock
    if frame.discourse.sentence_bounds(piece.start)[0] > prev.start \
            or _OTHER_HALF.search(frame.text, prev.start, min(len(frame.text), clock_end + 24)) is not None:
        return None  # "lifted at 10:30 the next morning", "it had opened at 9:30", "a blast at 8:10"
    return frame.text[prev.start : prev.end]


def _plain_clock_end(piece: Piece, text: str) -> int | None:
    """Where "7:05" ends when a piece opens with a colon time and nothing after it tells
    the half of the day ("7:05 on Friday" yes; "11:30 in the morning", "4:32 of the
    second period" no), else None."""
    if not piece.rule.startswith("clock.24h"):
        return None
    m = _COLON_CLOCK.match(text, piece.start)
    if m is None or _HALF_TOLD_AFTER.match(text, m.end()) is not None:
        return None
    return m.end()


_COLON_CLOCK = re.compile(r"\d{1,2}:\d\d(?![\d:])")


# between a p.m. time and a later time without a.m./p.m. (or right after it), words that
# tell another half of the day or another order of events
_OTHER_HALF = re.compile(r"\b(?:morning|a\.m|am|next|following|had|having|after|before|earlier|since|overnight|"
                         r"dawn|day|yesterday|tomorrow)\b", re.IGNORECASE)


def _clock(piece: Piece, frame: Frame, before: list[Resolved]) -> Resolved:
    said = piece.said
    if "numeric" in piece.parts:  # "at 10am on 05/03/2025"
        said = _numeric_order(said, frame)
    zone = _zone_of(said, frame)
    if zone.others:
        zone = _sentence_zone(piece, frame, zone)
    notes: list[Note] = []
    pub = _pub_day(frame, zone.zone)
    stated_day = said.day is not None or said.weekday is not None or said.relative_day is not None
    day: date | None = None
    on_publication_day = False  # the day is the publication's only because nothing else was said
    ends_day = False  # "opens at noon Friday and closes at midnight": midnight ends that day
    if stated_day:  # else _day_of finds none
        day, day_notes = _day_of(said, pub, piece, frame, before)
        notes += day_notes
        if day is not None and said.part_of_day == "NI" and said.hour is not None and said.hour < 6:
            said_day = frame.text[piece.start : piece.end]
            day += timedelta(days=1)  # "2:12 a.m. on Wednesday night": the small hours of Thursday
            notes.append(Note("day_from_context", f"the night of {said_day!r} reaches into the next day"))
    if day is None and _is_timestamp(piece, frame.text):
        day = pub  # "2:15 p.m. ET: The judge will resume the hearing on Thursday": when the entry was posted
        if frame.pub_utc is not None and (said.hour or 0, said.minute or 0) > _local_clock(frame.pub_utc, zone.zone):
            day -= timedelta(days=1)  # "11.05pm: The count is under way" published at 00:20: the evening before
    if day is None:
        governed = _governing_day(piece, frame, before)
        if governed is not None:
            day, note, ends_day = governed
            if note is not None:
                notes.append(note)
        else:
            day = _narrated_day(piece, frame, before, pub)
            on_publication_day = day == pub
    if frame.story_note is not None and (on_publication_day or said.relative_day is not None
                                         or (said.weekday is not None and said.day is None)):
        notes.append(frame.story_note)
    if piece.parts and "zone_shared" in piece.parts:  # scan.ZONE_SHARED
        notes.append(Note("zone_shared", f"the zone {said.zone_text!r} is written on a clock time joined to this "
                                         "one in the sentence"))
    hour, minute = said.hour or 0, said.minute or 0
    half_unstated = False  # "First pitch is at 7:05": morning or evening?
    clock_end = _plain_clock_end(piece, frame.text) if said.meridiem is None and 1 <= hour <= 11 \
        and frame.text[piece.start] != "0" else None  # "7:05", not "08:15" nor "11:30 in the morning"
    if clock_end is not None:
        evening = _evening_before(piece, frame, hour, clock_end)
        if evening is not None:  # "doors open at 7 p.m. and the show starts at 8:15": 20:15
            hour += 12
            notes.append(Note("meridiem_from_context", f"p.m. as {evening!r} earlier in the sentence"))
        else:
            tables = zone_tables()
            half_unstated = (frame.context.region in tables.twelve_hour_regions or not frame.context.region) \
                and (said.zone_text is None or zone.zone.startswith(tables.twelve_hour_zones))
    if _is_midnight(piece) and (
        stated_day or ends_day or _UNTIL_BEFORE.search(frame.text, max(0, piece.start - 8), piece.start)
        or _direction(piece, frame) == 1
    ):
        hour = 24  # "midnight Friday" ends Friday (TIMEX3 T24:00); "will end at midnight": tonight's
    wall = _wall(day, hour, minute)
    if zone.literal:
        zone = _literal_zone(wall, zone)
    result = wall_to_utc(wall, zone.zone, frame.context.dst, zone.label)
    notes += result.notes
    start = result.utc
    end = start + MINUTE
    gran: Granularity = "minute"
    alts = [Reading(label, t, t + MINUTE, zone.zone) for label, t in result.alternatives] if result.alternatives else []
    if zone.others:  # the other zones the name may mean
        literal = {t for label, t in result.alternatives if label == "literal_label"}
        for other in zone.others:
            try:
                o = wall_to_utc(wall, other.zone, frame.context.dst, other.label).utc
            except Exception:  # pragma: no cover - table zones are validated by tests
                continue
            if not zone.notes and (o == start or o in literal):
                # the context chose the zone: "10 a.m. EST" read in Jamaica is New York's
                # reading in January and the literal label's in May, nothing new
                continue
            alts.append(Reading(f"zone:{other.zone}", o, o + MINUTE, other.zone))
    if half_unstated:
        evening_utc = wall_to_utc(wall + timedelta(hours=12), zone.zone, frame.context.dst, zone.label).utc
        alts.append(Reading("pm", evening_utc, evening_utc + MINUTE, zone.zone))
        notes.append(Note("meridiem_unstated", f"{_minute_text(wall)[-5:]} has no a.m. or p.m.: read as the morning's, "
                                               "the evening's is an alternative"))
    if on_publication_day and piece.kind == "clock":
        conflict = _tense_conflict(piece, frame, start, wall, zone)
        if conflict is not None and zone.zone != frame.home and day != frame.pub_home:
            # a zone whose date is not the home's at publication ("Staff in Sydney were
            # evacuated at 3 p.m. local time", published at 10 a.m. in New York, just after
            # Sydney's midnight): its publication day means nothing; the tense's day is read
            told = conflict[1]
            moved = 1 if told.start > start else -1
            alts.insert(0, Reading("publication_day", start, start + MINUTE, zone.zone))
            day, wall, start = day + timedelta(days=moved), wall + timedelta(days=moved), told.start
            end = start + MINUTE
            notes.append(Note("tense_conflict", f"{zone.zone} was on another date than {frame.home} at "
                                                f"publication: the {told.label.replace('_', ' ')} is read, as the "
                                                "tense says; the publication day is the alternative"))
        elif conflict is not None:
            notes.append(conflict[0])
            alts.insert(0, conflict[1])
    if zone.notes and zone.others and all(a.start == start for a in alts if a.label.startswith("zone:")):
        # every zone the name may mean gives this instant ("10 a.m. AEST": Sydney or
        # Brisbane): nothing is ambiguous about it, and a note would bury the real ones
        zone = _Zone(zone.zone, zone.source, zone.label,
                     tuple(n for n in zone.notes if n.code != "ambiguous_abbreviation"))
        alts = [a for a in alts if not a.label.startswith("zone:")]
    local = _minute_text(wall)
    value = local
    if piece.kind == "range" and said.until_hour is not None:
        wall_end = _wall(day, said.until_hour, said.until_minute or 0)
        if wall_end <= wall:
            wall_end += timedelta(days=1)
        end_res = wall_to_utc(wall_end, zone.zone, frame.context.dst, zone.label)
        end = end_res.utc
        local = f"{local}/{_minute_text(wall_end)}"
    if hour == 24:
        value = f"{day.isoformat()}T24:00"
    res = _res("TIME", value, gran, start, end, zone, said, notes, local, tuple(alts))
    return Resolved(piece, res, day)


def _local_clock(instant: datetime, zone: str) -> tuple[int, int]:
    """The hour and minute an instant shows on ``zone``'s clock."""
    local = instant.astimezone(tzinfo_for(zone))
    return local.hour, local.minute


def _is_timestamp(piece: Piece, text: str) -> bool:
    """Whether a clock time opens a line as the stamp of a live blog's entry ("2:15 p.m.
    ET: ...", "Updated 11:32 a.m. —"): it is when the entry was posted, not a time of the
    events the line tells."""
    return bool(_STAMP_AFTER.match(text, piece.end)) and bool(
        _stamp_before().search(text, max(0, piece.start - 24), piece.start))


_STAMP_AFTER = re.compile(r"[ \t]*(?::|—|–|--?)[ \t]")


@cache
def _stamp_before() -> re.Pattern[str]:
    """A line's start, maybe with one of the lexicon's stamp labels ("Updated", "Live:")."""
    labels = _words(lexicon().stamp_labels)
    return re.compile(rf"(?:^|\n)[ \t]*(?:(?i:{labels})[ \t]*:?[ \t]*(?:(?i:at)[ \t]+)?)?\Z")


def _tense_conflict(piece: Piece, frame: Frame, start: datetime, wall: datetime,
                    zone: _Zone) -> tuple[Note, Reading] | None:
    """A clock time read on the publication day for want of another, which the tense of
    the words just before it contradicts (Discourse.clause_tense): past tense and later
    than the publication instant ("the
    orders were lifted at 9 a.m." published at 7 a.m.), or future tense and already past
    ("will speak at 10 a.m." published at 2 p.m.). News writes no day for the day of
    publication, so the likelier fault is a publication time that is the first version's
    or the feed's: the day is kept, with a note and the other day as an alternative."""
    published = frame.pub_utc
    if published is None:
        return None
    later = start > published
    if later == (start + MINUTE <= published):
        return None  # the publication minute itself
    if frame.discourse.clause_tense(piece.start) != (-1 if later else 1):
        return None
    days = -1 if later else 1
    other = wall_to_utc(wall + timedelta(days=days), zone.zone, frame.context.dst, zone.label).utc
    label = "previous_day" if later else "next_day"
    tense = "past" if later else "future"
    side = "after" if later else "before"
    return (Note("tense_conflict", f"read on the publication day, {side} publication although the words before "
                                   f"it speak of the {tense}; the {label.replace('_', ' ')} is the alternative"),
            Reading(label, other, other + MINUTE, zone.zone))


# between a holiday and the date it is said to fall on: "is on", "falls on", "will be"
_STATED_AS = re.compile(r",?\s+(?:is|was|will\s+be|falls|fell|will\s+fall)(?:\s+on)?\s+(?:this\s+year\s+on\s+)?")


def _stated_date(piece: Piece, frame: Frame) -> Said | None:
    """The date a holiday is said to fall on right after its name ("Father's Day is on
    Sunday 7 September"), or None."""
    at = bisect_left(frame.pieces, piece.end, key=lambda p: p.start)
    if at >= len(frame.pieces):
        return None
    nxt = frame.pieces[at]
    if nxt.kind != "date" or nxt.said.day is None or nxt.said.month is None or nxt.said.until_day is not None \
            or _STATED_AS.fullmatch(frame.text, piece.end, nxt.start) is None:
        return None
    return _numeric_order(nxt.said, frame) if "numeric" in nxt.parts else nxt.said


def _numeric_order(said: Said, frame: Frame) -> Said:
    """A numeric date's month and day in the locale's order ("05/03/2025" written as
    month/day): day first outside the US, Philippines and Canada, unless only month first
    can be a date ("4/13/2025" in en-GB); month first there, unless only day first can be.
    Alone or joined to a clock time or weekday ("at 10am on 05/03/2025")."""
    if said.month is None or said.day is None:
        return said
    m, d = said.month, said.day
    if (frame.context.region not in ("US", "PH", "CA", "") and d <= 12) or m > 12:
        m, d = d, m
    return replace(said, month=m, day=d)


def _dayish(piece: Piece, frame: Frame, before: list[Resolved]) -> Resolved:
    said = piece.said
    zone = frame.home_zone
    pub = _pub_day(frame, zone.zone)
    notes: list[Note] = []
    if said.anchor == "reference" and said.part_of_day:  # "that night", "the next morning"
        day = (_reference_day(piece, frame, before) or pub) + timedelta(days=said.relative_day or 0)
        return _with_pod(piece, frame, zone, day, said, notes)
    day_piece = piece  # a holiday said to fall on a date is read as that date
    if "numeric" in piece.parts:
        said = _numeric_order(said, frame)
    elif piece.rule == "date.holiday":
        stated = _stated_date(piece, frame)
        if stated is not None:  # "Father's Day is on Sunday 7 September": the date written wins
            said = replace(stated, weekday=None, mod=said.mod)
            day_piece = Piece(piece.start, piece.end, "date", piece.rule, said, piece.parts)
        elif piece.kind == "date":
            regional = _holiday_rule(piece.parts[0], piece, frame)
            if regional:  # "Independence Day" in India: Aug. 15
                said = replace(said, month=int(regional[:2]), day=int(regional[3:]))
    if said.day is None and said.month is not None and said.relative_day is None:
        return _month(piece, frame, zone, said, pub, before)
    if said.relative_day == 0 and piece.rule == "rel.part_of_day" and _is_bare_overnight(piece, frame) \
            and _direction(piece, frame) != 1:
        said = replace(said, relative_day=-1)  # "drones struck overnight": the night that ended
    named, day_notes = _day_of(said, pub, day_piece, frame, before)
    notes += day_notes
    if named is None:
        return _unresolved(piece, notes)
    if frame.story_note is not None and (said.relative_day is not None
                                         or (said.weekday is not None and said.day is None)):
        notes.append(frame.story_note)
    day = named
    if piece.parts and piece.parts[-1] in ("day+1", "day-1"):  # "the day after Thanksgiving"
        day += timedelta(days=1 if piece.parts[-1] == "day+1" else -1)
    if said.part_of_day == "NI" and said.relative_day == 0 and _in_last_night(frame, zone.zone):
        day -= timedelta(days=1)  # "tonight" at 00:30 is the night begun the evening before
    if said.part_of_day:
        return _with_pod(piece, frame, zone, day, said, notes)
    if said.unit == "week":  # "the week of March 6"
        monday = day - timedelta(days=day.weekday())
        start, end = _bounds(monday, monday + timedelta(days=7), zone.zone)
        value = _iso_week(monday)
        return Resolved(piece, _res("DATE", value, "week", start, end, zone, said, notes, value), None)
    start, end = day_bounds(day, zone.zone)
    if said.until_day is not None:
        last = _safe_day(day.year, day.month, said.until_day)
        if last is not None:
            end = day_bounds(last, zone.zone)[1]
    start, end = _narrow(start, end, said.mod, zone.zone)  # "late Tuesday": its last third
    value = _value_day(day)
    res = _res("DATE", value, "day", start, end, zone, said, notes, value)
    return Resolved(piece, res, day)


def _in_last_night(frame: Frame, zone: str) -> bool:
    """Whether publication falls after midnight but before a night ends (04:00 local)."""
    published = frame.pub_utc
    return published is not None and published.astimezone(tzinfo_for(zone)).hour < POD_HOURS["NI"][1] - 24


def _is_bare_overnight(piece: Piece, frame: Frame) -> bool:
    """"overnight" with no day word: in news, the night just past unless the sentence
    looks ahead ("will be moved overnight")."""
    return frame.text[piece.start : piece.end].lower() == "overnight"


def _with_pod(piece: Piece, frame: Frame, zone: _Zone, day: date, said: Said, notes: list[Note]) -> Resolved:
    pod = said.part_of_day or "DT"
    lo, hi = POD_HOURS.get(pod, (0, 24))
    base = datetime.combine(day, time(0, 0))
    start = wall_to_utc(base + timedelta(hours=lo), zone.zone, frame.context.dst).utc
    end = wall_to_utc(base + timedelta(hours=hi), zone.zone, frame.context.dst).utc
    start, end = _narrow(start, end, said.mod, zone.zone)  # "by late afternoon": 16:00 to 18:00
    value = f"{day.isoformat()}T{pod}"
    res = _res("TIME", value, "part_of_day", start, end, zone, said, notes, value, approximate=True)
    return Resolved(piece, res, day)


def _year_of_unit(said: Said, piece: Piece, frame: Frame, before: list[Resolved], pub: date) -> int:
    """The year a month or date joined to a year word names: "June last year", "20 February
    next year", "January of the following year" (after the year the text is telling about)."""
    ref = _reference(piece, before) if said.anchor == "reference" else None
    return (_local_start(ref, frame).year if ref is not None else pub.year) + (said.shift or 0)


def _month(piece: Piece, frame: Frame, zone: _Zone, said: Said, pub: date, before: list[Resolved]) -> Resolved:
    assert said.month is not None
    notes: list[Note] = []
    year = said.year
    if year is None and said.unit == "year":  # "June last year"; "January of the following year"
        year = _year_of_unit(said, piece, frame, before, pub)
    if year is None:
        if said.shift is not None:
            # "last November": the most recent November before this month; "the previous
            # April": before the latest earlier mention (before its year, if it names a year)
            now = pub
            ref = _reference(piece, before) if said.anchor == "reference" else None
            if ref is None and said.anchor == "reference":
                notes.append(_UNANCHORED)  # read from publication instead
            elif ref is not None:
                now = _local_start(ref, frame)
                if ref.resolution.granularity in ("year", "decade", "century"):
                    now = date(now.year + 1, 1, 1) if said.shift > 0 else date(now.year, 1, 1)
            if said.shift < 0:
                year = now.year if said.month < now.month else now.year - 1
            elif said.shift > 0:
                year = now.year if said.month > now.month else now.year + 1
            else:
                year = now.year
        else:
            year, note = _yearless(piece, frame, before, pub, said.month, None)
            notes.append(note)
    first = _month_start(year, said.month)
    ny, nm = _add_months(year, said.month, 1)
    value = f"{year:04d}-{said.month:02d}"
    if said.week_of_month is not None:
        # "the first week of January": days 1-7; "the last week of": the month's last seven
        nth = said.week_of_month
        if "full" in piece.parts:  # "the first full week of July": the first Monday-to-Sunday week in it
            monday = first + timedelta(days=-first.weekday() % 7)
            last_sunday = _month_start(ny, nm) - timedelta(days=_month_start(ny, nm).weekday() + 1)
            week = monday + timedelta(days=7 * (nth - 1)) if nth > 0 else last_sunday - timedelta(days=6)
        else:
            week = first + timedelta(days=7 * (nth - 1)) if nth > 0 else _month_start(ny, nm) - timedelta(days=7)
        start, end = _bounds(week, week + timedelta(days=7), zone.zone)
        mod = "START" if nth == 1 else "END" if nth < 0 else "MID"
        res = _res("DATE", value, "week", start, end, zone, replace(said, mod=said.mod or mod), notes, value)
        return Resolved(piece, res, None)
    start, end = _bounds(first, _month_start(ny, nm), zone.zone)
    start, end = _narrow(start, end, said.mod, zone.zone)
    return Resolved(piece, _res("DATE", value, "month", start, end, zone, said, notes, value), None)


def _narrow(start: datetime, end: datetime, mod: str | None, zone: str) -> tuple[datetime, datetime]:
    """"early", "mid", "late": the first, middle or last third of a period, in whole
    local days when the period spans days ("late May" is May 21 to June 1)."""
    if mod not in ("START", "MID", "END"):
        return start, end
    tz = tzinfo_for(zone)
    first, last = start.astimezone(tz).date(), end.astimezone(tz).date()
    days = (last - first).days
    if days < 3:
        third = (end - start) / 3
        cut1, cut2 = start + third, start + 2 * third
    else:
        cut1 = day_bounds(first + timedelta(days=round(days / 3)), zone)[0]
        cut2 = day_bounds(first + timedelta(days=round(2 * days / 3)), zone)[0]
    if mod == "START":
        return start, cut1
    if mod == "MID":
        return cut1, cut2
    return cut2, end


def _fiscal_start(frame: Frame) -> int | None:
    """The first month of the fiscal year of the text's countries, where their fiscal
    years keep one calendar (news_zones.toml [countries] fiscal_year_start)."""
    starts = zone_tables().fiscal_year_start
    return next((starts[r] for r in frame.regions if r in starts), None)


def _period(piece: Piece, frame: Frame, before: list[Resolved]) -> Resolved:
    said = piece.said
    zone = frame.home_zone
    year = said.year or _pub_day(frame, zone.zone).year
    fiscal_start = _fiscal_start(frame) if said.fiscal else None
    if fiscal_start is not None:  # "FY25" in India: April 2024 to March 2025, exactly
        start, end = _bounds(date(year - 1, fiscal_start, 1), date(year, fiscal_start, 1), zone.zone)
        start, end = _narrow(start, end, said.mod, zone.zone)
        value = f"{year:04d}"
        return Resolved(piece, _res("DATE", value, "year", start, end, zone, said, [], value), None)
    start, end = _bounds(date(year, 1, 1), date(year + 1, 1, 1), zone.zone)
    start, end = _narrow(start, end, said.mod, zone.zone)
    value = f"{year:04d}"
    res = _res("DATE", value, "year", start, end, zone, said, [], f"{year:04d}", approximate=said.fiscal)
    return Resolved(piece, res, None)


def _before_christian_era(piece: Piece, frame: Frame, before: list[Resolved]) -> Resolved:
    """"490 BC", "the 8th century BC": the TIMEX3 value (BC0490, BC07), no instant
    (Python's dates start at year 1)."""
    value = piece.parts[0]
    note = Note("out_of_range", f"{frame.text[piece.start : piece.end]!r} falls outside the years 1 to 9999 "
                                "that can be resolved (a year before the Christian era)")
    gran: Granularity = "century" if len(value) == 4 else "year"
    return Resolved(piece, _res("DATE", value, gran, None, None, None, piece.said, [note], value), None)


def _quarter(piece: Piece, frame: Frame, before: list[Resolved]) -> Resolved:
    said = piece.said
    zone = frame.home_zone
    pub = _pub_day(frame, zone.zone)
    if said.anchor == "year":  # "the second half of next year"
        said = replace(said, year=pub.year + (said.shift or 0), shift=None, anchor=None)
    notes: list[Note] = []
    if said.unit == "half":
        half = said.half or (1 if pub.month <= 6 else 2)
        year = said.year or pub.year
        if said.half is None and said.shift:
            idx = year * 2 + (half - 1) + said.shift
            year, half = idx // 2, idx % 2 + 1
        elif said.year is None and half == 2 and pub.month <= 6 and piece.rule == "date.month_quarter" \
                and _direction(piece, frame) != 1:
            year -= 1  # "the December half" reported in March is last year's, as "the fourth quarter"
            notes.append(_year_from_publication(year))
        value = f"{year:04d}-H{half}"
        fiscal_start = _fiscal_start(frame) if said.fiscal and said.year is not None else None
        if fiscal_start is not None:  # "H1 FY26" in Australia: July to December 2025, the calendar's 2025-H2
            first = date(*_add_months(year - 1, fiscal_start, 6 * (half - 1)), 1)
            if first.month in (1, 7):
                value = f"{first.year:04d}-H{first.month // 6 + 1}"  # else (India's April to September) as named
        else:
            first = date(year, 1 if half == 1 else 7, 1)
        last = date(*_add_months(first.year, first.month, 6), 1)
        start, end = _bounds(first, last, zone.zone)
        return Resolved(piece, _res("DATE", value, "half", start, end, zone, said, notes, value,
                                    approximate=said.fiscal and fiscal_start is None), None)
    current = (pub.month - 1) // 3 + 1
    year = said.year or pub.year
    notes = []
    n: int
    if said.quarter is None:
        # "the quarter", "the latest quarter": in news, the quarter being reported,
        # which is the last one completed unless the sentence looks ahead
        base = year * 4 + (current - 1)
        if said.shift is None or said.shift == -4:
            # a quarter the text just named is the one reported ("fourth-quarter net income
            # rose ..., compared with the same period last year")
            named = _named_quarter(piece, frame, before) if said.year is None else None
            if named is not None:
                reporting = named[0] * 4 + named[1] - 1
            elif said.shift == -4 and "+" in piece.rule and "period" in frame.text[piece.start : piece.end].lower():
                # "the same period last year" with no quarter named: a month, week or half
                # named before, a year back; else (nine months?) the year before
                other = _named_period(piece, frame, before) if said.year is None else None
                moved = _period_a_year_back(piece, other, zone, said) if other is not None else None
                if moved is not None:
                    return moved
                y = pub.year - 1
                start, end = _bounds(date(y, 1, 1), date(y + 1, 1, 1), zone.zone)
                return Resolved(piece, _res("DATE", f"{y:04d}", "year", start, end, zone, said, [], f"{y:04d}"), None)
            else:
                reporting = base if said.year is not None or _direction(piece, frame) == 1 else base - 1
            idx = reporting if said.shift is None else reporting - 4
        else:
            idx = base + said.shift
        year, n = idx // 4, idx % 4 + 1
    else:
        n = said.quarter
    if said.quarter is not None and said.year is None:
        if said.shift == -4:
            year -= 1
        elif n > current and _direction(piece, frame) != 1:
            year -= 1  # "the fourth quarter" said in May is last year's
            notes.append(_year_from_publication(year))
    fiscal_start = _fiscal_start(frame) if said.fiscal and said.year is not None else None
    if fiscal_start is not None:  # "Q4 FY25" in India: January to March 2025, the calendar's 2025-Q1
        year, month = _add_months(year - 1, fiscal_start, 3 * (n - 1))
        n = (month - 1) // 3 + 1
    elif said.fiscal and said.year is not None and date(year, 3 * (n - 1) + 1, 1) > _pub_day(frame, zone.zone) \
            and _direction(piece, frame) == -1:
        year -= 1  # "Walmart's Q4 FY25 sales rose", told in May 2025: a quarter reported is over
    first = date(year, 3 * (n - 1) + 1, 1)
    ny, nm = _add_months(year, 3 * (n - 1) + 1, 3)
    start, end = _bounds(first, date(ny, nm, 1), zone.zone)
    start, end = _narrow(start, end, said.mod, zone.zone)  # "the end of the third quarter": its last third
    value = f"{year:04d}-Q{n}"
    res = _res("DATE", value, "quarter", start, end, zone, said, notes, value,
               approximate=said.fiscal and fiscal_start is None)  # a fiscal quarter of an unknown calendar
    return Resolved(piece, res, None)


def _season_first_month(season: str, frame: Frame, piece: Piece) -> int:
    """The first month of a meteorological season where the text is set: the dateline's
    country, else the home zone's, else the locale's ("last summer" told in Sydney is
    December to February), unless its sentence names a place north of the equator ("The
    Paris Olympics were held last summer", told in Sydney)."""
    place = (country_of(frame.dateline.zone) if frame.dateline is not None else "") \
        or country_of(frame.home) or frame.context.region
    m0 = SEASON_MONTHS[season]
    southern = zone_tables().southern_countries
    if place not in southern:
        return m0
    s, e = frame.discourse.sentence_bounds(piece.start)
    for word in _CAPITALIZED.findall(frame.text, s, e):
        cands = zone_candidates(word)
        if cands and cands[0].source == "explicit" and country_of(cands[0].zone) not in southern:
            return m0
    return (m0 + 5) % 12 + 1


_CAPITALIZED = re.compile(r"\b[A-Z][A-Za-z]+\b")


def _season(piece: Piece, frame: Frame, before: list[Resolved]) -> Resolved:
    said = piece.said
    zone = frame.home_zone
    pub = _pub_day(frame, zone.zone)
    season = said.season or "SU"
    m0 = _season_first_month(season, frame, piece)
    year = said.year
    notes: list[Note] = []
    if year is None and said.unit == "year":  # "autumn last year": the season of that year
        year = _year_of_unit(said, piece, frame, before, pub)
    ref = _reference(piece, before) if said.anchor == "reference" and year is None else None
    if ref is not None:  # "that summer", "the following spring": from the mention before
        year = _season_from(_local_start(ref, frame), ref.resolution.granularity, m0, said.shift or 0)
    elif said.anchor == "reference" and year is None:
        notes.append(_UNANCHORED)  # read from publication instead
    if year is None and said.shift is None:
        # "During the summer" in a history: that of the year the story is in
        year = _story_year(piece, frame, before, pub)
        if year is not None:
            notes.append(_story_note(year))
    if year is None:
        # the occurrences of the season around publication: (start, end, year)
        spans = []
        for y in range(pub.year - 2, pub.year + 2):
            ny, nm = _add_months(y, m0, 3)
            spans.append((date(y, m0, 1), date(ny, nm, 1), y))
        current = [sp for sp in spans if sp[0] <= pub < sp[1]]
        past = [sp for sp in spans if sp[1] <= pub]
        future = [sp for sp in spans if sp[0] > pub]
        if said.shift == -1:  # "last winter": the latest one over
            year = past[-1][2]
        elif said.shift == 1:  # "next winter": the first one to come
            year = future[0][2]
        elif current:
            year = current[0][2]
        elif said.shift == 0 and _direction(piece, frame) == -1 and past[-1][1] > date(pub.year, 1, 1):
            year = past[-1][2]  # "This summer was the hottest", told in September: the one just over
        elif said.shift == 0 or _direction(piece, frame) != -1:  # "this winter" in May: the coming one
            year = future[0][2]
        else:
            year = past[-1][2]
    first = date(year, m0, 1)
    ny, nm = _add_months(year, m0, 3)
    start, end = _bounds(first, date(ny, nm, 1), zone.zone)
    start, end = _narrow(start, end, said.mod, zone.zone)
    value = f"{year:04d}-{season}"
    return Resolved(piece, _res("DATE", value, "season", start, end, zone, said, notes, value, approximate=True), None)


def _season_from(ref: date, granularity: str, m0: int, shift: int) -> int:
    """The year of the season (first month ``m0``) that is ``shift`` seasons of its kind
    from a reference: 0 the one at the reference's time ("that summer"), -1 the latest
    before it, +1 the first after it ("the following spring"). A reference of a year or
    longer is its whole span ("in 1962 ... the following spring" is in 1963)."""
    whole = granularity in ("year", "decade", "century")
    if shift == 0:
        # a season of the reference's year, or the winter a January or February is in
        return ref.year - 1 if not whole and m0 == 12 and ref.month < 3 else ref.year
    if shift > 0:
        return ref.year + 1 if whole or ref >= date(ref.year, m0, 1) else ref.year
    start_year = ref.year - 1 if whole else ref.year
    ny, nm = _add_months(start_year, m0, 3)
    return start_year if whole or date(ny, nm, 1) <= ref else start_year - 1


def _decade(piece: Piece, frame: Frame, before: list[Resolved]) -> Resolved:
    said = piece.said
    zone = frame.home_zone
    if said.century is not None:
        y0 = said.century * 100
        start, end = _bounds(date(max(y0, 1), 1, 1), date(y0 + 100, 1, 1), zone.zone)
        start, end = _narrow(start, end, said.mod, zone.zone)
        value = f"{said.century:02d}"
        return Resolved(piece, _res("DATE", value, "century", start, end, zone, said, [], value), None)
    dec = said.decade or 0
    start, end = _bounds(date(dec * 10, 1, 1), date(dec * 10 + 10, 1, 1), zone.zone)
    start, end = _narrow(start, end, said.mod, zone.zone)
    value = f"{dec:03d}"
    return Resolved(piece, _res("DATE", value, "decade", start, end, zone, said, [], value), None)


def _reference(piece: Piece, before: list[Resolved]) -> Resolved | None:
    """The latest earlier dated mention, within 1500 characters ("that year", "the next day")."""
    for r in reversed(before):
        if piece.start - r.piece.end > 1500:
            return None
        res = r.resolution
        if r.piece.end <= piece.start and res.start is not None and res.granularity not in ("duration", "set",
                                                                                               "reference"):
            return r
    return None


def _local_start(r: Resolved, frame: Frame) -> date:
    """The local date a dated mention starts on."""
    if r.day is not None:
        return r.day
    assert r.resolution.start is not None
    return r.resolution.start.astimezone(tzinfo_for(r.resolution.zone or frame.home)).date()


def _reference_date(piece: Piece, frame: Frame, before: list[Resolved]) -> date | None:
    """The local start date of the latest earlier dated mention ("that year", "the next day")."""
    r = _reference(piece, before)
    return None if r is None else _local_start(r, frame)


def _reference_day(piece: Piece, frame: Frame, before: list[Resolved],
                   periods: frozenset[str] = frozenset()) -> date | None:
    """The day of the latest mention before this one, within 1500 characters, that names a
    day; or, when it comes first, that writes out a period whose granularity is in
    ``periods`` ("in 2019 ... two years later": see _COUNT_FROM and _states_year), the
    first day of that period. Other mentions do not stop the search."""
    for r in reversed(before):  # in text order: the further back, the further away
        if piece.start - r.piece.end >= 1500:
            return None  # (it went on to the first mention of the text: quadratic)
        if r.piece.end > piece.start:
            continue
        if r.day is not None:
            return r.day
        res = r.resolution
        if periods and res.start is not None and res.granularity in periods and _states_year(r.piece.said):
            return res.start.astimezone(tzinfo_for(res.zone or frame.home)).date()
    return None


# The granularities of written periods a count of each unit may start from when no day is
# named (see _reference_day):
# "in 2019 ... two years later" counts years from 2019, "in March 2019 ... three months
# later" months from March; "in 2019 ... three days later" names no day to count from.
_COUNT_FROM = {
    "year": frozenset({"year", "season", "quarter", "month"}),
    "decade": frozenset({"decade", "year", "season", "quarter", "month"}),
    "century": frozenset({"century", "decade", "year", "season", "quarter", "month"}),
    "quarter": frozenset({"quarter", "month"}),
    "month": frozenset({"month"}),
}


# Before "a year earlier" in news, a comparison or a figure and up to two words ("compared
# with a year earlier", "up from 822 a year earlier", "3,900 tonnes a year earlier", "$1.11
# a share, a year earlier"): the count is from the period being reported, not from a year
# the text mentioned on the way. ("Two years later" is never such a comparison.)
_COMPARISON_BEFORE = re.compile(
    r"(?:\b(?:from|with|than|vs|versus|against|over)\.?|\d%?(?:\s+[A-Za-z]+){0,2}),?\s*$",
    re.IGNORECASE,
)


def _is_comparison(piece: Piece, frame: Frame) -> bool:
    """"up from 822 a year earlier" in news (see _COMPARISON_BEFORE)."""
    return not frame.narrative and (piece.said.shift or 0) < 0 \
        and _COMPARISON_BEFORE.search(frame.text, max(0, piece.start - 40), piece.start) is not None


def _states_year(said: Said) -> bool:
    """Whether a mention writes out its year, decade or century ("2019", "March 2019",
    "the 1990s"): "a year ago" and "year-earlier" are themselves counted from
    publication, and a count after one of them ("from a year ago ... compared with a
    year earlier") compares with the same period, not one further back."""
    return said.year is not None or said.decade is not None or said.century is not None


def _relunit(piece: Piece, frame: Frame, before: list[Resolved]) -> Resolved:
    said = piece.said
    zone = frame.home_zone
    pub = _pub_day(frame, zone.zone)
    notes: list[Note] = []
    anchor = pub
    if said.anchor == "reference":
        ref = _reference_date(piece, frame, before)
        if ref is None:
            notes.append(_UNANCHORED)
        else:
            anchor = ref
    elif frame.narrative and said.shift == 0 and said.unit in ("year", "quarter", "month"):
        # "this year", "by the end of the year" in a history: the story's year (month)
        ref = _reference_date(piece, frame, before)
        if ref is not None and abs(ref.year - pub.year) > 1 and not _speaks_of_coming(piece, frame):
            anchor = ref
            notes.append(_story_note(ref.year))
    shift = said.shift
    unit = said.unit or "day"
    if piece.rule == "date.period_end" and shift == 0 and anchor == pub and _end_still_ahead(unit, pub) \
            and _direction(piece, frame) == -1:
        shift = -1  # "stocks had recovered by week's end", told on a Monday: last week's end
    if unit == "weekend":
        saturday = anchor + timedelta(days=5 - anchor.weekday())  # this week's Saturday
        in_weekend = anchor.weekday() >= 5
        if shift is None and not in_weekend:  # "the weekend": by tense, the last one or the coming one
            direction = _direction(piece, frame)
            shift = 0 if direction == 1 else -1
            if direction is None:
                notes.append(_WEEKEND_GUESSED)
        elif shift is None:
            shift = 0
        if shift < 0:  # "last weekend"; "the weekend before last" a week before it
            saturday -= timedelta(days=-7 * shift)
        elif shift > 0:  # "next weekend" (the coming one); "the weekend after next" a week after it
            saturday += timedelta(days=7 * (shift - 1 + in_weekend))
        start, end = _bounds(saturday, saturday + timedelta(days=2), zone.zone)
        value = _iso_week(saturday) + "-WE"
        return Resolved(piece, _res("DATE", value, "weekend", start, end, zone, said, notes, value), None)
    if unit == "day":
        d = anchor + timedelta(days=shift or 0)
        start, end = day_bounds(d, zone.zone)
        return Resolved(piece, _res("DATE", d.isoformat(), "day", start, end, zone, said, notes, d.isoformat()), d)
    if unit == "night":
        d = anchor + timedelta(days=shift or 0)
        return _with_pod(piece, frame, zone, d, replace(said, part_of_day="NI"), notes)
    if unit in ("week", "fortnight"):
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=shift or 0)
        start, end = _bounds(monday, monday + timedelta(days=7), zone.zone)
        start, end = _narrow(start, end, said.mod, zone.zone)
        if piece.parts:
            start, end = _side_of_publication(start, end, piece.parts[0], pub, zone.zone)
        value = _iso_week(monday)
        return Resolved(piece, _res("DATE", value, "week", start, end, zone, said, notes, value), None)
    if unit == "month":
        y, m = _add_months(anchor.year, anchor.month, shift or 0)
        ny, nm = _add_months(y, m, 1)
        start, end = _bounds(date(y, m, 1), date(ny, nm, 1), zone.zone)
        start, end = _narrow(start, end, said.mod, zone.zone)
        if piece.parts:
            start, end = _side_of_publication(start, end, piece.parts[0], pub, zone.zone)
        value = f"{y:04d}-{m:02d}"
        return Resolved(piece, _res("DATE", value, "month", start, end, zone, said, notes, value), None)
    if unit == "quarter":
        q = (anchor.month - 1) // 3 + (shift or 0)
        y, qn = anchor.year + q // 4, q % 4 + 1
        first = date(y, 3 * (qn - 1) + 1, 1)
        ny, nm = _add_months(y, first.month, 3)
        start, end = _bounds(first, date(ny, nm, 1), zone.zone)
        value = f"{y:04d}-Q{qn}"
        return Resolved(piece, _res("DATE", value, "quarter", start, end, zone, said, notes, value), None)
    if unit == "year":
        y = anchor.year + (shift or 0)
        start, end = _bounds(date(y, 1, 1), date(y + 1, 1, 1), zone.zone)
        start, end = _narrow(start, end, said.mod, zone.zone)
        if piece.parts:
            start, end = _side_of_publication(start, end, piece.parts[0], pub, zone.zone)
        return Resolved(piece, _res("DATE", f"{y:04d}", "year", start, end, zone, said, notes, f"{y:04d}"), None)
    if unit == "decade":
        dec = anchor.year // 10 + (shift or 0)
        start, end = _bounds(date(dec * 10, 1, 1), date(dec * 10 + 10, 1, 1), zone.zone)
        start, end = _narrow(start, end, said.mod, zone.zone)
        return Resolved(piece, _res("DATE", f"{dec:03d}", "decade", start, end, zone, said, notes, f"{dec:03d}"), None)
    if unit == "century":
        c = anchor.year // 100 + (shift or 0)
        start, end = _bounds(date(max(c * 100, 1), 1, 1), date(c * 100 + 100, 1, 1), zone.zone)
        start, end = _narrow(start, end, said.mod, zone.zone)
        return Resolved(piece, _res("DATE", f"{c:02d}", "century", start, end, zone, said, notes, f"{c:02d}"), None)
    return _unresolved(piece, notes)


def _end_still_ahead(unit: str, day: date) -> bool:
    """Whether the last third of ``day``'s week (month, year) is still to come on it."""
    if unit == "week":
        return day.weekday() <= 3
    if unit == "month":
        return day.day <= 20
    return unit == "year" and day.month <= 8


def _side_of_publication(start: datetime, end: datetime, side: str, pub: date,
                         zone: str) -> tuple[datetime, datetime]:
    """"earlier this month": the period up to the end of the publication day; "later this
    week": from the publication day's start on."""
    day_start, day_end = day_bounds(pub, zone)
    if side == "earlier":
        return start, max(start, min(end, day_end))
    return min(end, max(start, day_start)), end


_UNIT_CODE = {
    "second": ("T", "S", 1), "minute": ("T", "M", 1), "hour": ("T", "H", 1), "day": ("", "D", 1),
    "night": ("", "D", 1), "week": ("", "W", 1), "fortnight": ("", "W", 2), "weekend": ("", "D", 2),
    "month": ("", "M", 1), "quarter": ("", "Q", 1), "year": ("", "Y", 1), "decade": ("", "Y", 10),
    "century": ("", "Y", 100),
}
_SMALLER = {"H": ("M", 60), "D": ("H", 24), "Y": ("M", 12), "W": ("D", 7), "M": ("S", 60)}


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration value: "P3Y", "PT90M", "PT5H30M", "PXY" when the count is vague."""
    t, code, mult = _UNIT_CODE.get(unit, ("", "D", 1))
    if amount is None:
        if unit == "decade":
            return "PXDE"
        if unit == "century":
            return "PXCE"
        return f"P{t}X{code}"
    n = amount * mult
    if n == int(n):
        return f"P{t}{int(n)}{code}"
    whole = int(n)
    small, factor = _SMALLER.get(code, ("", 0))
    if not small:
        return f"P{t}{n:g}{code}"
    rest = round((n - whole) * factor)
    if code == "Y":
        months = round((n - whole) * 12)
        return f"P{whole}Y{months}M" if whole else f"P{months}M"
    if code == "M" and not t:
        return f"P{n:g}M"
    if code == "W":
        return f"P{round(n * 7)}D"
    if code == "D":
        return f"P{whole}DT{rest}H" if whole else f"PT{rest}H"
    return f"P{t}{whole}{code}{rest}{small}" if whole else f"P{t}{rest}{small}"


def _step(anchor: date, unit: str, n: float) -> date:
    if unit in ("day", "night"):
        return anchor + timedelta(days=n)
    if unit in ("week", "fortnight", "weekend"):
        return anchor + timedelta(days=7 * n * (2 if unit == "fortnight" else 1))
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit)
    if months is None:
        return anchor
    y, m = _add_months(anchor.year, anchor.month, round(n * months))
    return date(y, m, min(anchor.day, calendar.monthrange(y, m)[1]))


_CLOCK_UNITS = {"hour": timedelta(hours=1), "minute": MINUTE, "second": timedelta(seconds=1)}
_CLOCK_REACH = 300  # characters back to the clock time "six hours later" counts from


def _from_clock_time(piece: Piece, frame: Frame, said: Said, sign: int, before: list[Resolved]) -> Resolved | None:
    """"Talks began at 10 a.m. Kyiv time and ended six hours later": the clock time
    before it (within a short paragraph) moved by the count, in that time's zone;
    approximate, as the count is. None when no clock time is near."""
    assert said.amount is not None and said.unit is not None
    for i in range(bisect_right(before, piece.start, key=lambda r: r.piece.end) - 1, -1, -1):
        r = before[i]
        if piece.start - r.piece.end > _CLOCK_REACH:
            return None
        res = r.resolution
        if r.piece.kind not in ("clock", "range") or res.start is None or res.zone is None:
            continue
        t = res.start + sign * said.amount * _CLOCK_UNITS[said.unit]
        local = t.astimezone(tzinfo_for(res.zone))
        value = f"{local:%Y-%m-%dT%H:%M}"
        zone = _Zone(res.zone, res.zone_source or "default", "generic")
        said_before = frame.text[r.piece.start : r.piece.end]
        note = Note("counted_from_time", f"counted from {said_before!r} ({iso_z(res.start)}), the clock time before it")
        return Resolved(piece, _res("TIME", value, "minute", t, t + MINUTE, zone, said, [note], value,
                                    approximate=True), local.date())
    return None


def _ago(piece: Piece, frame: Frame, before: list[Resolved]) -> Resolved:
    said = piece.said
    zone = frame.home_zone
    pub = _pub_day(frame, zone.zone)
    notes: list[Note] = []
    unit = said.unit or "day"
    sign = said.shift or -1
    if said.amount is None:
        ref = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return Resolved(piece, _res("DATE", ref, "reference", None, None, None, said, notes), None)
    if said.anchor == "reference" and unit in _CLOCK_UNITS:
        timed = _from_clock_time(piece, frame, said, sign, before)
        if timed is not None:
            return timed
    anchor = pub
    found = None
    comparison = False
    if said.anchor == "reference":
        # "sold 1945 units, up from 822 a year earlier": from the period reported, not a year named on the way
        comparison = _is_comparison(piece, frame)
        found = _reference_day(piece, frame, before, frozenset() if comparison else _COUNT_FROM.get(unit, frozenset()))
    if unit == "year" and said.amount == int(said.amount):
        period = _reported_quarter(piece, before)
        if period is not None:  # "profit rose from $5 million a year earlier": that quarter, a year before
            y, q = period
            return _quarter_result(piece, zone, said, y - int(said.amount), q, notes)
        month = _reported_month(piece, before) if comparison else None
        if month is not None:  # "Sales in December rose 4% from a year earlier": that month, a year before
            y, m = month[0] - int(said.amount), month[1]
            ny, nm = _add_months(y, m, 1)
            start, end = _bounds(_month_start(y, m), _month_start(ny, nm), zone.zone)
            value = f"{y:04d}-{m:02d}"
            return Resolved(piece, _res("DATE", value, "month", start, end, zone, said, notes, value), None)
    if found is not None:
        anchor = found
    elif comparison:
        notes.append(Note("unanchored", "a figure compared with an earlier period; counted from publication"))
    elif said.anchor == "reference":
        notes.append(_UNANCHORED)
    if unit in ("hour", "minute", "second"):
        pub_utc = frame.pub_utc
        if pub_utc is not None and said.anchor == "publication":
            delta = {"hour": timedelta(hours=1), "minute": MINUTE, "second": timedelta(seconds=1)}[unit]
            t = pub_utc + sign * said.amount * delta
            local = t.astimezone(tzinfo_for(zone.zone))
            value = f"{local:%Y-%m-%dT%H:%M}"
            return Resolved(piece, _res("TIME", value, "minute", t, t + MINUTE, zone, said, notes, value,
                                        approximate=True), local.date())
        if pub_utc is None:
            notes.append(_DAY_PRECISION)
        unit = "day"
        said_amount = 0.0
    else:
        said_amount = said.amount
    target = _step(anchor, unit, sign * said_amount)
    if unit in ("year", "decade", "century"):
        y = target.year
        start, end = _bounds(date(y, 1, 1), date(y + 1, 1, 1), zone.zone)
        return Resolved(piece, _res("DATE", f"{y:04d}", "year", start, end, zone, said, notes, f"{y:04d}"), None)
    if unit in ("month", "quarter"):
        ny, nm = _add_months(target.year, target.month, 1)
        start, end = _bounds(date(target.year, target.month, 1), date(ny, nm, 1), zone.zone)
        value = f"{target.year:04d}-{target.month:02d}"
        return Resolved(piece, _res("DATE", value, "month", start, end, zone, said, notes, value), None)
    if unit in ("week", "fortnight"):
        monday = target - timedelta(days=target.weekday())
        start, end = _bounds(monday, monday + timedelta(days=7), zone.zone)
        value = _iso_week(monday)
        return Resolved(piece, _res("DATE", value, "week", start, end, zone, said, notes, value), None)
    start, end = day_bounds(target, zone.zone)
    return Resolved(piece, _res("DATE", target.isoformat(), "day", start, end, zone, said, notes,
                                target.isoformat()), target)


def _named_period(piece: Piece, frame: Frame, before: list[Resolved]) -> Resolved | None:
    """For "the same (corresponding, comparable) period", the period named shortly before:
    a quarter named by number ("fourth-quarter net income rose, compared with the same
    period last year"), a month, a week or a half ("Sales in October rose from the same
    period last year"); a day is no period ("the quarter ended Sept. 30")."""
    if not _SAME_PERIOD.search(frame.text, piece.start, piece.end):
        return None
    for r in reversed(before):
        if piece.start - r.piece.end > 400:
            return None
        if r.piece.end > piece.start or r.resolution.start is None:
            continue
        gran = r.resolution.granularity
        if gran == "quarter" and r.piece.said.quarter is not None and not r.piece.said.shift:
            return r
        if gran in ("month", "week", "half") and not r.piece.said.shift:
            return r
    return None


def _named_quarter(piece: Piece, frame: Frame, before: list[Resolved]) -> tuple[int, int] | None:
    """The quarter of _named_period, as (year, quarter), when the period is a quarter."""
    r = _named_period(piece, frame, before)
    if r is None or r.resolution.granularity != "quarter":
        return None
    value = r.resolution.value
    return int(value[:4]), int(value[-1])


def _period_a_year_back(piece: Piece, r: Resolved, zone: _Zone, said: Said) -> Resolved | None:
    """A month, week or half named before, a year back ("Sales in October rose from the
    same period last year": October of the year before)."""
    value = r.resolution.value
    gran = r.resolution.granularity
    try:
        if gran == "month":
            y, m = int(value[:4]) - 1, int(value[5:7])
            ny, nm = _add_months(y, m, 1)
            first, last = date(y, m, 1), date(ny, nm, 1)
            value = f"{y:04d}-{m:02d}"
        elif gran == "half":
            y, h = int(value[:4]) - 1, int(value[-1])
            first, last = date(y, 1 if h == 1 else 7, 1), date(y, 7, 1) if h == 1 else date(y + 1, 1, 1)
            value = f"{y:04d}-H{h}"
        else:  # an ISO week: the same week number a year back
            y, w = int(value[:4]) - 1, int(value[6:8])
            first = date.fromisocalendar(y, w, 1)
            last = first + timedelta(days=7)
            value = _iso_week(first)
    except ValueError:
        return None  # no week 53 that year, or a value of another shape
    start, end = _bounds(first, last, zone.zone)
    return Resolved(piece, _res("DATE", value, gran, start, end, zone, said, [], value), None)


_SAME_PERIOD = re.compile(r"\b(?:same|corresponding|comparable)\b", re.IGNORECASE)


def _reported_quarter(piece: Piece, before: list[Resolved]) -> tuple[int, int] | None:
    """The quarter a nearby earlier mention names, when the text compares periods."""
    for r in reversed(before):
        if piece.start - r.piece.end > 400:
            return None
        if r.resolution.granularity == "quarter" and r.piece.end <= piece.start and r.piece.said.shift != -4:
            value = r.resolution.value
            return int(value[:4]), int(value[-1])
    return None


def _reported_month(piece: Piece, before: list[Resolved]) -> tuple[int, int] | None:
    """The month a mention just before names (within 80 characters), when the text compares
    a month's figure with a year before ("Sales in December rose 4% from a year earlier")."""
    for r in reversed(before):
        if r.piece.end > piece.start:
            continue
        if piece.start - r.piece.end > 80:
            return None
        if r.resolution.granularity == "month":
            value = r.resolution.value
            return int(value[:4]), int(value[5:7])
        return None
    return None


def _quarter_result(piece: Piece, zone: _Zone, said: Said, year: int, q: int, notes: list[Note]) -> Resolved:
    first = date(year, 3 * (q - 1) + 1, 1)
    ny, nm = _add_months(year, first.month, 3)
    start, end = _bounds(first, date(ny, nm, 1), zone.zone)
    value = f"{year:04d}-Q{q}"
    return Resolved(piece, _res("DATE", value, "quarter", start, end, zone, said, notes, value), None)


_NEXT_OR_COMING = re.compile(r"\b(?:next|coming)\s", re.IGNORECASE)


def _duration(piece: Piece, frame: Frame, before: list[Resolved]) -> Resolved:
    said = piece.said
    unit = said.unit or "day"
    value = duration_value(said.amount, unit)
    if "hms" in piece.parts and said.amount is not None:  # "2 hours, 9 minutes and 12 seconds": PT2H9M12S
        hours, rest = divmod(round(said.amount * (3600 if unit == "hour" else 60)), 3600)
        value = "PT" + ("".join(f"{n}{c}" for n, c in zip((hours, *divmod(rest, 60)), "HMS", strict=True) if n)
                        or "0S")
    if said.until_amount is not None:
        # "three to four weeks": TimeML's value is the lower count, "at least"; a note gives both
        upper = duration_value(said.until_amount, unit)
        note = Note("duration_range", f"a range of durations, from {value} to {upper}")
        return Resolved(piece, Resolution(timex_type="DURATION", value=value, granularity="duration",
                                          mod=said.mod or "EQUAL_OR_MORE", approximate=said.mod == "APPROX",
                                          notes=(note,)), None)
    res = Resolution(timex_type="DURATION", value=value, granularity="duration", mod=said.mod,
                     approximate=said.mod == "APPROX" or said.amount is None)
    if said.shift is not None and said.amount is not None and said.shift < 0 and unit not in ("hour", "minute",
                                                                                               "second"):
        # "the past 20 years": the stretch that ends at publication ("the past seven days":
        # seven days, the publication day the last)
        zone = frame.home_zone
        pub = _pub_day(frame, zone.zone)
        first = _step(pub, unit, -said.amount)
        if unit in ("day", "week", "fortnight"):
            first += timedelta(days=1)
        start, _ = day_bounds(first, zone.zone)
        _, end = day_bounds(pub, zone.zone)
        res = replace(res, start=start, end=end, zone=zone.zone, zone_source=zone.source)
    elif said.shift is not None and said.amount is not None and said.shift > 0 and unit not in _CLOCK_UNITS \
            and not frame.narrative and _NEXT_OR_COMING.search(frame.text, piece.start, piece.end) \
            and _direction(piece, frame) != -1:
        # "over the next five years", "the coming seven days": the stretch that starts with the
        # publication day, as "the past five years" ends with it (not told in the past
        # tense, "for the next five years Europe rebuilt", nor "the following three years":
        # they count from a time the text tells of)
        zone = frame.home_zone
        pub = _pub_day(frame, zone.zone)
        last = _step(pub, unit, said.amount)
        if unit in ("day", "week", "fortnight"):
            last -= timedelta(days=1)
        start, _ = day_bounds(pub, zone.zone)
        _, end = day_bounds(last, zone.zone)
        res = replace(res, start=start, end=end, zone=zone.zone, zone_source=zone.source)
    elif said.shift is not None and said.amount is not None and unit in _CLOCK_UNITS and frame.pub_utc is not None:
        # "the past 24 hours", "the next 48 hours": the stretch from (to) publication
        span = _CLOCK_UNITS[unit] * said.amount
        start, end = (frame.pub_utc - span, frame.pub_utc) if said.shift < 0 else (frame.pub_utc, frame.pub_utc + span)
        res = replace(res, start=start, end=end)  # instants: no zone is read
    return Resolved(piece, res, None)


def _period_to(piece: Piece, frame: Frame, before: list[Resolved]) -> Resolved:
    """"the week ended Oct. 25", "the year to September", "the three months to March": the
    stretch that ends with that day (month). A week is a DATE valued by the ISO week of
    its last day; the others are a DURATION with that stretch as their interval."""
    said = piece.said
    zone = frame.home_zone
    pub = _pub_day(frame, zone.zone)
    unit, amount = said.unit or "year", said.amount or 1.0
    notes: list[Note] = []
    if said.day is not None:
        last, day_notes = _day_of(replace(said, unit=None, amount=None), pub, piece, frame, before)
        notes += day_notes
    else:
        assert said.month is not None
        year = said.year
        if year is None:
            year, note = _yearless(piece, frame, before, pub, said.month, None)
            notes.append(note)
        ny, nm = _add_months(year, said.month, 1)
        last = _month_start(ny, nm) - timedelta(days=1)
    if last is None:
        return _unresolved(piece, notes)
    end_day = last + timedelta(days=1)
    first = _step(end_day, unit, -amount)
    start, end = _bounds(first, end_day, zone.zone)
    if unit == "week" and amount == 1:
        value = _iso_week(last)
        return Resolved(piece, _res("DATE", value, "week", start, end, zone, said, notes, value), None)
    if first.day == 1 and end_day.day == 1 and (unit, amount) in (("month", 3.0), ("year", 1.0)) \
            and first.month % 3 == 1:  # "the quarter ended Sept. 30", "the year ended Dec. 31": a calendar one
        quarter = unit == "month" and amount == 3
        if quarter or first.month == 1:
            value = f"{first.year:04d}-Q{first.month // 3 + 1}" if quarter else f"{first.year:04d}"
            gran: Granularity = "quarter" if quarter else "year"
            return Resolved(piece, _res("DATE", value, gran, start, end, zone, said, notes, value), None)
    value = duration_value(amount, unit)
    res = _res("DURATION", value, "duration", start, end, zone, said, notes)
    return Resolved(piece, res, None)


def _set(piece: Piece, frame: Frame, before: list[Resolved]) -> Resolved:
    said = piece.said
    if said.weekday is not None:
        value = f"XXXX-WXX-{said.weekday + 1}" + (f"T{said.part_of_day}" if said.part_of_day else "")
    elif said.month is not None:
        value = f"XXXX-{said.month:02d}"
    elif said.season is not None:
        value = f"XXXX-{said.season}"
    elif said.unit == "weekend":
        value = "XXXX-WXX-WE"
    elif said.part_of_day is not None:
        value = f"XXXX-XX-XXT{said.part_of_day}"
    else:
        value = duration_value(said.amount or 1.0, said.set_unit or "day")
    return Resolved(piece, Resolution(timex_type="SET", value=value, granularity="set", mod=said.mod), None)


def _ref(piece: Piece, frame: Frame, before: list[Resolved]) -> Resolved:
    said = piece.said
    ref = said.ref or "PRESENT_REF"
    if ref == "PRESENT_REF":
        pub_utc = frame.pub_utc
        zone = _Zone(frame.home, frame.home_source, "generic")
        if pub_utc is not None:
            res = _res("DATE", ref, "reference", pub_utc, pub_utc + MINUTE, zone, said, [], None, approximate=True)
        else:
            day = _pub_day(frame, frame.home)
            start, end = day_bounds(day, frame.home)
            res = _res("DATE", ref, "reference", start, end, zone, said, [_DAY_PRECISION], None, approximate=True)
        return Resolved(piece, res, None)
    return Resolved(piece, Resolution(timex_type="DATE", value=ref, granularity="reference", approximate=True), None)


def _unresolved(piece: Piece, notes: list[Note]) -> Resolved:
    res = Resolution(timex_type="DATE", value="XXXX-XX-XX", granularity="day", notes=tuple(notes))
    return Resolved(piece, res, None)


# The resolver of each kind of piece (one dict lookup instead of a chain of comparisons;
# "ref" and any other kind: _ref). Each takes the piece, the frame and the mentions
# resolved before it, though some read the piece alone.
_RESOLVERS: dict[str, Callable[[Piece, Frame, list[Resolved]], Resolved]] = {
    "clock": _clock, "range": _clock,
    "date": _dayish, "weekday": _dayish, "relday": _dayish, "holiday": _dayish,
    "year": _period, "era": _before_christian_era, "quarter": _quarter, "season": _season, "decade": _decade,
    "relunit": _relunit, "ago": _ago, "duration": _duration, "period_to": _period_to, "set": _set,
}
