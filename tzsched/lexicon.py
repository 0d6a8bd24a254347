"""Load tzsched/data/* once, validate it, and hand out immutable tables.

Every data file declares its kind on a ``kind = "..."`` line and the loader checks it,
so a file's header cannot drift from its content. All problems found in a file are
reported together in one :class:`~tzsched.errors.DataError`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from itertools import islice
from types import MappingProxyType
from typing import Any, cast

from .errors import DataError

__all__ = ["Lexicon", "ZoneTables", "decode_cities", "lexicon", "zone_tables"]


_DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def _read_data(name: str) -> str:
    # a plain file read: importlib.resources would cost more at start-up than the read. Bytes
    # decoded in one go take a third of the time of a text-mode read of the 1.4 MB zone
    # table; line ends are then normalised as text mode would.
    with open(os.path.join(_DATA_DIR, name), "rb") as fh:
        text = fh.read().decode("utf-8")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _read_toml(name: str, kind: str) -> dict[str, Any]:
    import tomllib  # here, not at the top: ``import tzsched`` alone need not load a TOML parser

    try:
        raw = _read_data(name)
    except (FileNotFoundError, OSError) as exc:
        raise DataError(f"tzsched/data/{name} is missing from the installation") from exc
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"tzsched/data/{name}: {exc}") from exc
    if data.get("kind") != kind:
        raise DataError(f"tzsched/data/{name}: declares kind {data.get('kind')!r}, expected {kind!r}")
    return data


def _frozen(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True, slots=True)
class Lexicon:
    """English word tables (see the header of tzsched/data/en.toml)."""

    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    numbers: Mapping[str, float]
    ordinals: Mapping[str, int]
    units: Mapping[str, str]
    parts_of_day: Mapping[str, str]
    seasons: Mapping[str, str]
    relative_days: Mapping[str, int]
    decade_words: Mapping[str, int]
    vague_quantity: frozenset[str]
    shift_words: Mapping[str, int]
    set_words: Mapping[str, str]
    approximators: Mapping[str, str]
    position_mods: Mapping[str, str]
    holidays: Mapping[str, tuple[int, int]]
    movable_holidays: Mapping[str, str]
    regional_holidays: Mapping[str, Mapping[str, str]]  # country -> holiday name -> its rule there
    references: Mapping[str, str]
    future_cues: frozenset[str]
    past_cues: frozenset[str]
    reporting_verbs: frozenset[str]
    schedule_verbs: frozenset[str]
    schedule_phrases: tuple[str, ...]
    postponement: tuple[str, ...]
    before_to: frozenset[str]
    passive_aux: frozenset[str]
    past_negations: frozenset[str]
    not_past_ed: frozenset[str]
    not_cue_before_to: frozenset[str]
    story_future: frozenset[str]
    not_time_after: frozenset[str]
    unit_qualifiers: frozenset[str]
    plural_after_year: frozenset[str]
    label_before_number: frozenset[str]
    street_words: frozenset[str]
    lead_words: frozenset[str]
    place_particles: frozenset[str]
    demonyms: Mapping[str, str]
    dateline_places: Mapping[str, str]
    count_unit_between: tuple[str, ...]
    time_change_verbs: tuple[str, ...]
    after_list_day: tuple[str, ...]
    newspapers_after_weekday: tuple[str, ...]
    clause_openers: tuple[str, ...]
    not_zone_names: tuple[str, ...]
    names_with_time_words: tuple[str, ...]
    figure_change_verbs: tuple[str, ...]
    adverb_followers: frozenset[str]
    short_abbreviations: tuple[str, ...]
    date_setting_words: tuple[str, ...]
    date_setting_words_in_on: tuple[str, ...]
    before_verb_last: tuple[str, ...]
    event_nouns: tuple[str, ...]
    event_verbs: tuple[str, ...]
    game_words: tuple[str, ...]
    stamp_labels: tuple[str, ...]
    deadline_grants: tuple[str, ...]
    deadline_told_past: tuple[str, ...]
    deadline_missed: tuple[str, ...]
    untold_future: tuple[str, ...]
    untold_future_not_after: frozenset[str]
    untold_future_not_before: frozenset[str]
    modals: frozenset[str]
    base_form_after: frozenset[str]
    earlier_moves: tuple[str, ...]
    before_done_possessive: tuple[str, ...]
    travel_verbs: tuple[str, ...]
    no_range_after: tuple[str, ...]
    season_nouns: tuple[str, ...]
    version_words: tuple[str, ...]
    length_before: tuple[str, ...]
    with_ahead: tuple[str, ...]


def _is_month_day(v: object) -> bool:
    return isinstance(v, str) and len(v) == 5 and v[2] == "-" and v.replace("-", "").isdigit()


def _is_holiday_rule(v: object) -> bool:
    """A movable holiday's rule: 'MM:N:W', 'before:MM-DD:W', 'easter:D', 'orthodox:D', or a
    fixed 'MM-DD' (a day that is fixed in some countries and not in others)."""
    return isinstance(v, str) and (v.startswith(("easter:", "orthodox:")) or len(v.split(":")) == 3
                                   or _is_month_day(v))


_UNITS = {"second", "minute", "hour", "day", "week", "weekend", "fortnight", "month", "quarter", "year",
          "decade", "century", "night"}
_POD = {"MO", "MI", "AF", "EV", "NI", "DT"}
_SEASONS = {"SP", "SU", "FA", "WI"}
_MODS = {"APPROX", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE", "START", "MID", "END"}
_REFS = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}


@cache
def lexicon() -> Lexicon:
    """The English lexicon, loaded and validated on first use."""
    data = _read_toml("en.toml", "lexicon")
    problems: list[str] = []

    def table(name: str, check: Any, what: str) -> dict[str, Any]:
        raw = data.get(name)
        if not isinstance(raw, dict):
            problems.append(f"[{name}] is missing")
            return {}
        out: dict[str, Any] = {}
        for key, value in raw.items():
            if key != key.lower() or "  " in key:
                problems.append(f"[{name}] key {key!r} must be lower case with single spaces")
            if not check(value):
                problems.append(f"[{name}] {key!r} = {value!r}: expected {what}")
            out[key] = value
        return out

    months = table("months", lambda v: isinstance(v, int) and 1 <= v <= 12, "a month number 1-12")
    weekdays = table("weekdays", lambda v: isinstance(v, int) and 0 <= v <= 6, "a weekday 0-6")
    numbers = table("numbers", lambda v: isinstance(v, (int, float)) and v > 0, "a positive number")
    ordinals = table("ordinals", lambda v: isinstance(v, int), "an integer")
    units = table("units", lambda v: v in _UNITS, f"one of {sorted(_UNITS)}")
    pods = table("parts_of_day", lambda v: v in _POD, f"one of {sorted(_POD)}")
    seasons = table("seasons", lambda v: v in _SEASONS, f"one of {sorted(_SEASONS)}")
    reldays = table("relative_days", lambda v: isinstance(v, int), "an integer day offset")
    decade_words = table("decade_words", lambda v: isinstance(v, int) and 190 <= v <= 209, "a decade (196 = 1960s)")
    vague = table("vague_quantity", lambda v: v is True, "true")
    shifts = table("shift_words", lambda v: v in (-1, 0, 1), "-1, 0 or 1")
    set_words = table("set_words", lambda v: v in _UNITS, f"one of {sorted(_UNITS)}")
    approx = table("approximators", lambda v: v in _MODS, f"one of {sorted(_MODS)}")
    positions = table("position_mods", lambda v: v in _MODS, f"one of {sorted(_MODS)}")
    holidays_raw = table("holidays", _is_month_day, "an 'MM-DD' date")
    movable = table("movable_holidays", _is_holiday_rule, "'MM:N:W', 'easter:D', 'orthodox:D' or 'MM-DD'")
    refs = table("references", lambda v: v in _REFS, f"one of {sorted(_REFS)}")
    # [regional_holidays.CC]: a holiday that country keeps on another day: a fixed one on
    # another 'MM-DD', a movable one on another rule ("" where it has no one day)
    regional: dict[str, Mapping[str, str]] = {}
    for region, rules in (data.get("regional_holidays") or {}).items():
        if not isinstance(rules, dict) or not all(
            (k in movable and (v == "" or _is_holiday_rule(v))) or (k in holidays_raw and _is_month_day(v))
            for k, v in rules.items()
        ):
            problems.append(f"[regional_holidays.{region}]: needs names of [holidays] with 'MM-DD' dates "
                            f"or of [movable_holidays] with their rules")
            continue
        regional[str(region)] = _frozen({str(k): str(v) for k, v in rules.items()})
    tense = data.get("tense", {})
    future = tense.get("future") if isinstance(tense, dict) else None
    past = tense.get("past") if isinstance(tense, dict) else None
    reporting = tense.get("reporting", []) if isinstance(tense, dict) else []
    schedule = tense.get("schedule", []) if isinstance(tense, dict) else []
    schedule_phrases = tense.get("schedule_phrases", []) if isinstance(tense, dict) else []
    postponement = tense.get("postponement", []) if isinstance(tense, dict) else []
    tense_lists = {k: tense.get(k) if isinstance(tense, dict) else None
                   for k in ("before_to", "passive_aux", "past_negations", "not_past_ed", "not_cue_before_to",
                             "story_future", "untold_future", "untold_future_not_after",
                             "untold_future_not_before", "modals", "base_form_after",
                             "earlier_moves", "before_done_possessive")}
    for key, value in tense_lists.items():
        if not isinstance(value, list):
            problems.append(f"[tense] needs a list {key!r}")
    if not isinstance(future, list) or not isinstance(past, list):
        problems.append("[tense] needs lists 'future' and 'past'")
        future, past = [], []
    qualifiers = data.get("unit_qualifiers", {}).get("words")
    if not isinstance(qualifiers, list):
        problems.append("[unit_qualifiers] needs a list 'words'")
        qualifiers = []
    nta = data.get("not_time_after", {}).get("words")
    if not isinstance(nta, list):
        problems.append("[not_time_after] needs a list 'words'")
        nta = []
    yc = data.get("year_context", {})
    year_lists = {k: yc.get(k) for k in ("plural_after", "label_before", "street_after")}
    for key, value in year_lists.items():
        if not isinstance(value, list):
            problems.append(f"[year_context] needs a list {key!r}")
    lead = data.get("scanner", {}).get("lead_words")
    if not isinstance(lead, list):
        problems.append("[scanner] needs a list 'lead_words'")
        lead = []
    particles = data.get("place_names", {}).get("particles")
    if not isinstance(particles, list):
        problems.append("[place_names] needs a list 'particles'")
        particles = []
    phrases = data.get("phrases", {})
    phrase_lists: dict[str, tuple[str, ...]] = {}
    for key in ("count_unit_between", "time_change_verbs", "after_list_day", "newspapers_after_weekday",
                "clause_openers", "not_zone_names", "names_with_time_words", "figure_change_verbs", "stamp_labels",
                "deadline_grants", "deadline_told_past", "deadline_missed", "adverb_followers",
                "short_abbreviations", "date_setting_words", "date_setting_words_in_on", "before_verb_last",
                "event_nouns", "event_verbs", "game_words", "travel_verbs",
                "no_range_after", "season_nouns", "version_words", "length_before", "with_ahead"):
        value = phrases.get(key) if isinstance(phrases, dict) else None
        if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
            problems.append(f"[phrases] needs a list of words {key!r}")
            value = []
        phrase_lists[key] = tuple(value)
    zone_of = lambda v: isinstance(v, str) and "/" in v  # noqa: E731
    demonyms = table("demonyms", zone_of, "an IANA zone id")
    places = table("dateline_places", zone_of, "an IANA zone id")
    if problems:
        raise DataError("tzsched/data/en.toml:\n  " + "\n  ".join(problems))
    return Lexicon(
        months=_frozen(months),
        weekdays=_frozen(weekdays),
        numbers=_frozen({k: float(v) for k, v in numbers.items()}),
        ordinals=_frozen(ordinals),
        units=_frozen(units),
        parts_of_day=_frozen(pods),
        seasons=_frozen(seasons),
        relative_days=_frozen(reldays),
        decade_words=_frozen(decade_words),
        vague_quantity=frozenset(vague),
        shift_words=_frozen(shifts),
        set_words=_frozen(set_words),
        approximators=_frozen(approx),
        position_mods=_frozen(positions),
        holidays=_frozen({k: (int(v[:2]), int(v[3:])) for k, v in holidays_raw.items()}),
        movable_holidays=_frozen(movable),
        regional_holidays=_frozen(regional),
        references=_frozen(refs),
        future_cues=frozenset(str(w) for w in future),
        past_cues=frozenset(str(w) for w in past),
        reporting_verbs=frozenset(str(w) for w in reporting),
        schedule_verbs=frozenset(str(w) for w in schedule),
        schedule_phrases=tuple(str(w) for w in schedule_phrases),
        postponement=tuple(str(w) for w in postponement),
        before_to=frozenset(str(w) for w in tense_lists["before_to"] or ()),
        passive_aux=frozenset(str(w) for w in tense_lists["passive_aux"] or ()),
        past_negations=frozenset(str(w) for w in tense_lists["past_negations"] or ()),
        not_past_ed=frozenset(str(w) for w in tense_lists["not_past_ed"] or ()),
        not_cue_before_to=frozenset(str(w) for w in tense_lists["not_cue_before_to"] or ()),
        story_future=frozenset(str(w) for w in tense_lists["story_future"] or ()),
        not_time_after=frozenset(str(w) for w in nta),
        unit_qualifiers=frozenset(str(w) for w in qualifiers),
        plural_after_year=frozenset(str(w) for w in year_lists["plural_after"] or ()),
        label_before_number=frozenset(str(w) for w in year_lists["label_before"] or ()),
        street_words=frozenset(str(w) for w in year_lists["street_after"] or ()),
        lead_words=frozenset(str(w) for w in lead),
        place_particles=frozenset(str(w) for w in particles),
        demonyms=_frozen(demonyms),
        dateline_places=_frozen(places),
        count_unit_between=phrase_lists["count_unit_between"],
        time_change_verbs=phrase_lists["time_change_verbs"],
        after_list_day=phrase_lists["after_list_day"],
        newspapers_after_weekday=phrase_lists["newspapers_after_weekday"],
        clause_openers=phrase_lists["clause_openers"],
        not_zone_names=phrase_lists["not_zone_names"],
        names_with_time_words=phrase_lists["names_with_time_words"],
        figure_change_verbs=phrase_lists["figure_change_verbs"],
        stamp_labels=phrase_lists["stamp_labels"],
        deadline_grants=phrase_lists["deadline_grants"],
        deadline_told_past=phrase_lists["deadline_told_past"],
        deadline_missed=phrase_lists["deadline_missed"],
        adverb_followers=frozenset(phrase_lists["adverb_followers"]),
        short_abbreviations=phrase_lists["short_abbreviations"],
        date_setting_words=phrase_lists["date_setting_words"],
        date_setting_words_in_on=phrase_lists["date_setting_words_in_on"],
        before_verb_last=phrase_lists["before_verb_last"],
        event_nouns=phrase_lists["event_nouns"],
        event_verbs=phrase_lists["event_verbs"],
        game_words=phrase_lists["game_words"],
        untold_future=tuple(str(w) for w in tense_lists["untold_future"] or ()),
        untold_future_not_after=frozenset(str(w) for w in tense_lists["untold_future_not_after"] or ()),
        untold_future_not_before=frozenset(str(w) for w in tense_lists["untold_future_not_before"] or ()),
        modals=frozenset(str(w) for w in tense_lists["modals"] or ()),
        base_form_after=frozenset(str(w) for w in tense_lists["base_form_after"] or ()),
        earlier_moves=tuple(str(w) for w in tense_lists["earlier_moves"] or ()),
        before_done_possessive=tuple(str(w) for w in tense_lists["before_done_possessive"] or ()),
        travel_verbs=phrase_lists["travel_verbs"],
        no_range_after=phrase_lists["no_range_after"],
        season_nouns=phrase_lists["season_nouns"],
        version_words=phrase_lists["version_words"],
        length_before=phrase_lists["length_before"],
        with_ahead=phrase_lists["with_ahead"],
    )


@dataclass(frozen=True, slots=True)
class ZoneTables:
    """Zone names: the generated tables (tzdata, CLDR, geonames) under the news layer."""

    iana: Mapping[str, str]
    names: Mapping[str, tuple[tuple[str, str], ...]]
    abbreviations: Mapping[str, tuple[tuple[str, str], ...]]
    cities: Mapping[str, str]  # compact entries, read with decode_cities
    countries: Mapping[str, Mapping[str, Any]]
    # region code -> compact "name|Zone;..." (generated), and hand-written places, decoded
    region_places: Mapping[str, str]
    news_places: Mapping[str, Mapping[str, str]]
    ambiguous_places: Mapping[str, tuple[str, ...]]  # a place name -> its readings' zones
    generic: Mapping[str, str]
    time_names: Mapping[str, tuple[str, ...]]  # names that are zones only before "time"
    utc_names: frozenset[str]
    locale_prefer: Mapping[str, tuple[str, ...]]
    southern_countries: frozenset[str]  # [countries] southern
    fiscal_year_start: Mapping[str, int]  # [countries] fiscal_year_start: country -> first month
    twelve_hour_regions: frozenset[str]  # [countries] twelve_hour: locale regions writing the 12-hour clock
    twelve_hour_zones: tuple[str, ...]  # [countries] twelve_hour_zones: zone ids (or "Area/" prefixes) of them
    zone_country: Mapping[str, str]
    sources: Mapping[str, str]


def decode_cities(value: str) -> tuple[dict[str, Any], ...]:
    """The entries of one compact cities value ("Kyiv|Europe/Kyiv|UA|2797553|1;...")."""
    out = []
    for item in value.split(";"):
        name, zone, country, population, capital = item.split("|")
        out.append({"name": name, "zone": zone, "country": country, "population": int(population),
                    "capital": capital == "1"})
    return tuple(out)


def _zone_tab() -> dict[str, str]:
    """Zone id -> ISO country code, from tzdata's zone.tab (one country per zone)."""
    out: dict[str, str] = {}
    try:
        spec = find_spec("tzdata")
        if spec is None or spec.origin is None:
            return out
        with open(os.path.join(os.path.dirname(spec.origin), "zoneinfo", "zone.tab"), encoding="utf-8") as fh:
            text = fh.read()
    except (FileNotFoundError, OSError, ModuleNotFoundError):
        return out
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) >= 3:
            out[parts[2]] = parts[0]
    return out


@cache
def zone_tables() -> ZoneTables:
    """Zone tables, loaded and validated on first use."""
    import json  # here, not at the top: ``import tzsched`` alone need not load it

    try:
        raw = _read_data("zones.generated.json")
        gen = cast(dict[str, Any], json.loads(raw))
    except (FileNotFoundError, OSError) as exc:
        raise DataError("tzsched/data/zones.generated.json is missing: run scripts/gen_zone_data.py") from exc
    except json.JSONDecodeError as exc:
        raise DataError(f"tzsched/data/zones.generated.json: {exc}") from exc
    news = _read_toml("news_zones.toml", "news-zones")
    problems: list[str] = []
    for key in ("iana", "names", "abbreviations", "cities", "countries"):
        if not isinstance(gen.get(key), dict):
            problems.append(f"zones.generated.json: '{key}' is missing")
    abbreviations: dict[str, tuple[tuple[str, str], ...]] = {
        k: tuple((str(z), str(kind)) for z, kind in v) for k, v in gen.get("abbreviations", {}).items()
    }
    for abbr, cands in news.get("abbreviations", {}).items():
        parsed: list[tuple[str, str]] = []
        for item in cands:
            zone, _, label = str(item).partition(":")
            if label not in ("standard", "daylight", "generic"):
                problems.append(f"news_zones.toml [abbreviations] {abbr}: bad label in {item!r}")
            parsed.append((zone, label))
        abbreviations[abbr] = tuple(parsed)
    generic = {str(k): str(v) for k, v in news.get("generic", {}).items()}
    time_names: dict[str, tuple[str, ...]] = {}
    for name, zones in news.get("time_names", {}).items():
        if not isinstance(zones, list) or not zones or not all(isinstance(z, str) and "/" in z for z in zones):
            problems.append(f"news_zones.toml [time_names] {name}: needs a list of IANA zone ids")
            continue
        time_names[str(name)] = tuple(zones)
    news_places: dict[str, Mapping[str, str]] = {}
    for code, places in news.get("region_places", {}).items():
        if not isinstance(places, dict) or not all(isinstance(z, str) and "/" in z for z in places.values()):
            problems.append(f"news_zones.toml [region_places] {code}: needs a table of names and IANA zone ids")
            continue
        news_places[str(code)] = MappingProxyType({" ".join(str(k).lower().split()): str(v) for k, v in places.items()})
    ambiguous_places: dict[str, tuple[str, ...]] = {}
    for name, zones in news.get("ambiguous_places", {}).items():
        if not isinstance(zones, list) or len(zones) < 2 or not all(isinstance(z, str) and "/" in z for z in zones):
            problems.append(f"news_zones.toml [ambiguous_places] {name}: needs a list of IANA zone ids")
            continue
        ambiguous_places[" ".join(str(name).lower().split())] = tuple(zones)
    utc = news.get("utc", {}).get("names", [])
    prefer = {str(k): tuple(str(z) for z in v) for k, v in news.get("locale_prefer", {}).items()}
    countries = news.get("countries", {})
    southern = countries.get("southern", []) if isinstance(countries, dict) else []
    fiscal = countries.get("fiscal_year_start", {}) if isinstance(countries, dict) else {}
    if not isinstance(southern, list) or not all(isinstance(c, str) and len(c) == 2 for c in southern):
        problems.append("news_zones.toml [countries] southern: needs a list of ISO country codes")
        southern = []
    if not isinstance(fiscal, dict) or not all(isinstance(m, int) and 1 <= m <= 12 for m in fiscal.values()):
        problems.append("news_zones.toml [countries] fiscal_year_start: needs country codes with months 1 to 12")
        fiscal = {}
    twelve = countries.get("twelve_hour", []) if isinstance(countries, dict) else []
    twelve_zones = countries.get("twelve_hour_zones", []) if isinstance(countries, dict) else []
    if not isinstance(twelve, list) or not all(isinstance(c, str) and len(c) == 2 for c in twelve) \
            or not isinstance(twelve_zones, list) or not all(isinstance(z, str) and z for z in twelve_zones):
        problems.append("news_zones.toml [countries] twelve_hour, twelve_hour_zones: need lists of ISO country codes "
                        "and of zone ids or prefixes")
        twelve, twelve_zones = [], []
    if problems:
        raise DataError("zone data:\n  " + "\n  ".join(problems))
    names = {k: tuple((str(z), str(kind)) for z, kind in v) for k, v in gen["names"].items()}
    cities = gen["cities"]
    if any(not isinstance(v, str) for v in islice(cities.values(), 50)):
        raise DataError("zones.generated.json: 'cities' entries must be compact strings: regenerate it")
    return ZoneTables(
        iana=_frozen(gen["iana"]),
        names=_frozen(names),
        abbreviations=_frozen(abbreviations),
        cities=MappingProxyType(cities),  # 25k entries, parsed just now and held nowhere else: no copy
        countries=_frozen({k: MappingProxyType(dict(v)) for k, v in gen["countries"].items()}),
        region_places=_frozen(gen.get("region_places", {})),
        news_places=_frozen(news_places),
        ambiguous_places=_frozen(ambiguous_places),
        generic=_frozen(generic),
        time_names=_frozen(time_names),
        utc_names=frozenset(str(n) for n in utc),
        locale_prefer=_frozen(prefer),
        southern_countries=frozenset(southern),
        fiscal_year_start=_frozen({str(k): int(v) for k, v in fiscal.items()}),
        twelve_hour_regions=frozenset(twelve),
        twelve_hour_zones=tuple(twelve_zones),
        zone_country=_frozen(_zone_tab()),
        sources=_frozen(gen.get("sources", {})),
    )
