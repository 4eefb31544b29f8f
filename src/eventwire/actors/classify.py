"""Non-person mentions -> actors: countries, governments, institutions, organisations, places."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from eventwire.actors.countries import COMPASS_PREFIX, CountryIndex
from eventwire.actors.datafiles import read_data
from eventwire.actors.groups import group_lexicon, group_of
from eventwire.actors.roles import institution_sectors, office_alone
from eventwire.actors.text import LEADING_ARTICLE, POSSESSIVE, organisation_key, surface_key
from eventwire.model import Actor, Mention

TYPE_PERSON = "person"
TYPE_COUNTRY = "country"
TYPE_GOVERNMENT = "government"
TYPE_INSTITUTION = "institution"
TYPE_ORGANISATION = "organisation"
TYPE_PLACE = "place"
TYPE_GROUP = "group"
SECTOR_GOV = "GOV"
SECTOR_PEOPLE = "CVL"  # a country's people as a group (CAMEO: civilians), "Peruvians"
GEO_LABELS = frozenset({"GPE", "LOC", "FAC"})
DESCRIBED_LABELS = GEO_LABELS | {"ORG", "NORP"}  # what the model may tag a named town as
TOWN_BODIES_FILE = "town_bodies.yaml"
# A capitalised plural right after a demonym, no name after it: "Iraqi Kurds sought refuge".
PEOPLE_AFTER = re.compile(r"[ \t]+(?P<word>[A-Z][a-z]+[^s\W]s)\b(?![ \t]+[A-Z])")
# A capitalised word right before a people's name: "Iraqi Kurds" (the nationality, if one).
NATIONALITY_BEFORE = re.compile(r"\b(?P<word>[A-Z][\w'-]+)[ \t]+$")
# A name a place noun describes: "the northern Lebanese city of Tripoli", "the Syrian town of
# Kafr Nabl", "the port of Aden" (group "by": the word before the noun, a demonym or not).
PLACE_NOUN_OF = re.compile(
    r"(?:\b(?P<by>[A-Z][\w'-]+)\s+)?\b(?:city|town|port|port city|village|capital|"
    r"border town|market town|provincial capital|regional capital)\s+of\s+$"
)
PLACE_NOUN_REACH = 60  # characters before a name read for its place noun
# "a city of", "a small town of": what a town holds, not its name
INDEFINITE = re.compile(r"\ban?\s+(?:[\w'-]+\s+)?$", re.IGNORECASE)
# A nationality that only qualifies a people: "the ethnic Albanian village of X", "the
# Croatian Serb capital of X" (the word before the nationality, up to it).
QUALIFIED_NATIONALITY = re.compile(r"\b(?P<word>ethnic|[A-Z][\w'-]+)\s+$")
# A capital after one of these is the place itself ("talks in Lima"), otherwise it speaks
# for its government ("a row between Lima and Santiago").
PLACE_CONTEXT = re.compile(
    r"(?:\b(?:in|at|to|from|near|into|outside|around|via|across|towards?|inside|capital,?)\s+)$",
    re.IGNORECASE,
)
# A capital before one of these names where something happens ("the Geneva talks").
PLACE_FOLLOWERS = re.compile(
    r"^\s+(?:talks|meeting|meetings|summit|conference|negotiations|round|process|accord|"
    r"agreement|declaration|format|airport|port|residents|streets)\b",
    re.IGNORECASE,
)
MAX_COUNTRY_WORDS = 4
# "ethnic Albanians in Serbia": a people living elsewhere, not the country of its name.
ETHNIC_BEFORE = re.compile(r"\bethnic\s+$", re.IGNORECASE)


@dataclass
class Classifier:
    """Finds the actor of a non-person mention from country data and organisation lists."""

    countries: CountryIndex
    organisations: dict[str, Actor]  # surface key -> actor (packaged and user organisations)

    def classify(self, mention: Mention, text: str) -> Actor | None:
        """The actor ``mention`` refers to (None for DATE/TIME and empty spans)."""
        if mention.label in DESCRIBED_LABELS:  # "the town of Samarra", whatever its tag
            place = self._described_place(mention, text)
            if place is not None:
                return place
        if mention.label == "NORP":
            return self._norp(mention, text)
        if mention.label == "ORG":
            actor = self.organisation(mention.text)
            if actor is not None and actor.type == TYPE_COUNTRY and actor.country:
                return self.country_or_group(actor.country, mention, text)  # "Belarus's rulers"
            return actor
        if mention.label in GEO_LABELS:
            return self._geo(mention, text)
        return None

    def _norp(self, mention: Mention, text: str) -> Actor | None:
        iso3 = (
            self.countries.demonym(mention.text)
            or self.countries.country(mention.text)
            or self.countries.people_of(mention.text)
        )
        if iso3 and ETHNIC_BEFORE.search(text[: mention.start]):
            iso3 = None
        if iso3:
            actor = self.country_or_group(iso3, mention, text)
            plural = self.countries.plural_demonym(mention.text) or self.countries.people_of(
                mention.text
            )
            if actor.type == TYPE_COUNTRY and (plural or self._people_after(mention, text)):
                return self.group_actor(iso3, SECTOR_PEOPLE)  # "Peruvians", "Iraqi Kurds"
            return actor
        known = self.known_organisation(mention.text)  # "the Taliban" tagged as a people
        if known is not None:
            return known
        qualified = self._people_before(mention, text)  # "Iraqi" + "Kurds": one group
        if qualified is not None:
            return self.group_actor(qualified, SECTOR_PEOPLE)
        key = surface_key(mention.text)
        return Actor(f"group:{key}", _display(mention.text), TYPE_GROUP) if key else None

    @staticmethod
    def _people_after(mention: Mention, text: str) -> bool:
        """A demonym the model tagged apart from the people it qualifies: "Iraqi" + "Kurds",
        "Nigerian" + "Christians" (a people of data/group_nouns.yaml `peoples`; not "French
        Alps", "German Greens")."""
        after = PEOPLE_AFTER.match(text, mention.end)
        return after is not None and after.group("word").lower() in group_lexicon().peoples

    def _people_before(self, mention: Mention, text: str) -> str | None:
        """ISO-3 of the nationality right before a listed people the model tagged apart
        ("Iraqi" + "Kurds"): the people is that country's group, as its nationality is."""
        if mention.text.lower() not in group_lexicon().peoples:
            return None
        before = NATIONALITY_BEFORE.search(
            text, max(0, mention.start - PLACE_NOUN_REACH), mention.start
        )
        return self.countries.demonym(before.group("word")) if before else None

    def _geo(self, mention: Mention, text: str) -> Actor | None:
        countries = self.countries
        known = self.known_organisation(mention.text)
        if known is not None:
            return known
        iso3 = countries.any_country(mention.text)
        if iso3:
            return self.country_or_group(iso3, mention, text)
        capital = countries.capital(mention.text)
        if capital and not _used_as_place(mention, text):
            return self.government_actor(capital)
        metonym = countries.institution(mention.text)
        if metonym:
            return self.institution_actor(*metonym, _display(mention.text), named=True)
        region = countries.subdivision(mention.text) if mention.label == "GPE" else None
        region = region or countries.part_of_country(mention.text) or countries.city(mention.text)
        return self.place_actor(mention.text, capital or region)

    def _described_place(self, mention: Mention, text: str) -> Actor | None:
        """A town a place noun describes ("the Lebanese city of Tripoli", "the Syrian town of
        Kafr Nabl", "the town of Samarra"): in the country of the nationality before the
        noun, else where the gazetteer places it. A country ("the capital of Libya"), a
        listed body, and a name the model did not take for a place that the phrase may not
        name as one are left alone ("a city of Kurds", "the village of Christians", "the
        capital of Deutsche Bank")."""
        window = max(0, mention.start - PLACE_NOUN_REACH)
        described = PLACE_NOUN_OF.search(text, window, mention.start)
        surface = mention.text
        if described is None:
            return None
        if self.countries.any_country(surface) or self.known_organisation(surface):
            return None
        countries = self.countries
        known = countries.capital(surface) or countries.subdivision(surface)
        known = known or countries.city(surface)
        by = described.group("by")
        named = countries.demonym(by) if by else None
        if named and self._qualifies_a_people(text, window, described.start("by")):
            named = None  # "the ethnic Albanian village of X": the gazetteer's country
        if named or known:
            return self.place_actor(surface, named or known)
        if mention.label in GEO_LABELS or self._names_a_place(described, surface):
            return self.place_actor(surface, None)
        return None

    def _names_a_place(self, described: re.Match[str], surface: str) -> bool:
        """Whether a place noun's phrase names a town, not what it holds or owns: "the town of
        Kafr Nabl", not "a city of Kurds", "the village of Christians" (a people) nor "the
        capital of Deutsche Bank" (money)."""
        words = described.group().lower().split()
        before = max(0, described.start() - PLACE_NOUN_REACH)
        if words[-2:-1] == ["capital"] or INDEFINITE.search(
            described.string, before, described.start()
        ):
            return False
        plural = surface.endswith("s") and not surface.endswith("ss")
        return not plural and surface.lower() not in group_lexicon().peoples

    def _qualifies_a_people(self, text: str, start: int, end: int) -> bool:
        """Whether the nationality ending at ``end`` only qualifies a people: "ethnic" or
        another nationality right before it ("the ethnic Albanian village of X", "the
        Croatian Serb capital of X")."""
        before = QUALIFIED_NATIONALITY.search(text, start, end)
        if before is None:
            return False
        word = before.group("word")
        return word == "ethnic" or self.countries.demonym(word) is not None

    def organisation(self, surface: str) -> Actor | None:
        """An organisation name: a listed organisation, a state institution or a plain one."""
        known = self.known_organisation(surface)
        if known is not None:
            return known
        metonym = self.countries.institution(surface)
        if metonym:
            return self.institution_actor(*metonym, _display(surface), named=True)
        state = self._state(surface)
        if state is not None:
            return state
        iso3, rest = self.split_country(surface)
        sector = institution_sector(rest)
        if iso3 and sector:
            return self.institution_actor(iso3, sector, rest)
        town = None if iso3 else self.town_of_body(surface)
        if town and sector:
            return self.institution_actor(town, sector, surface, named=True)  # "Kabul Police"
        iso3 = iso3 or town
        key = organisation_key(surface)
        if not key:
            return None
        return Actor(f"org:{key}", _display(surface), TYPE_ORGANISATION, country=iso3)

    def _state(self, surface: str) -> Actor | None:
        """A country or capital tagged as an organisation speaks for that state."""
        iso3 = self.countries.any_country(surface)
        if iso3:
            return self.country_actor(iso3)
        capital = self.countries.capital(surface)
        return self.government_actor(capital) if capital else None

    def split_country(self, surface: str) -> tuple[str | None, str]:
        """("CHL", "Foreign Ministry") from "the Chilean Foreign Ministry" / "Chile's ..."."""
        words = LEADING_ARTICLE.sub("", surface.strip()).split()
        for size in range(min(MAX_COUNTRY_WORDS, len(words) - 1), 0, -1):
            head = " ".join(words[:size])
            iso3 = self.countries.any_country(POSSESSIVE.sub("", head))
            if iso3:
                return iso3, " ".join(words[size:])
        return None, " ".join(words)

    def town_of_body(self, surface: str) -> str | None:
        """ISO-3 of the town or capital a body is named after ("Moscow State University",
        "Kabul Bank", "Danbury Superior Court"): a town leading a name that ends in a word of
        data/town_bodies.yaml, with only its qualifiers between; a town leading any other name
        ("Mercedes-Benz", "George Washington University") gives none."""
        words = LEADING_ARTICLE.sub("", surface.strip()).split()
        body = town_body(" ".join(words[1:]))
        if body is None:
            return None
        bodies, qualifiers = town_body_words()
        for size in range(min(MAX_COUNTRY_WORDS, len(words) - 1), 0, -1):
            between = words[size : len(words) - len(body.split())]
            head = POSSESSIVE.sub("", " ".join(words[:size]))
            if head.lower() in bodies or head.lower() in qualifiers:  # "University Hospital"
                continue
            if any(word.lower() not in qualifiers for word in between):
                continue
            iso3 = self._town_country(head)
            if iso3:
                return iso3
        return None

    def _town_country(self, head: str) -> str | None:
        """The country of the town a body is named after: its capital's, else the largest
        town's of that name ("London Stock Exchange", "Birmingham City Council"); none when a
        region of another country bears the name ("Victoria Police": Australia's state, the
        Seychelles' capital; "Charlotte": a parish of Saint Vincent). A region by a compass
        word is too common a name to count ("West Coast Bank")."""
        countries = self.countries
        town = countries.capital(head) or countries.city(head)
        region = None if COMPASS_PREFIX.match(head) else countries.subdivision(head)
        if town and region and region != town:
            return None
        return town or region

    def known_organisation(self, surface: str) -> Actor | None:
        """A listed (or user-given) organisation with this name or alias."""
        key = surface_key(surface)
        return self.organisations.get(key) or self.organisations.get(key.replace(".", ""))

    def country_or_group(self, iso3: str, mention: Mention, text: str) -> Actor:
        """The country, or its group when a sector noun goes with the mention ("Israeli army",
        "Sudan's government", "rebels in the Ivory Coast") or an office named alone follows it
        ("Taiwan's Vice Foreign Minister visited")."""
        group = group_of(text, mention.start, mention.end)
        if group is not None:
            return self.group_actor(iso3, group.sector)
        # "Taiwan's Vice Foreign Minister visited"
        office = office_alone(text, mention.start, mention.end)
        return self.group_actor(iso3, office.sector) if office else self.country_actor(iso3)

    def group_actor(self, iso3: str, sector: str) -> Actor:
        """A country's group of one sector, e.g. "Israeli military" (code ISRMIL); its
        government for GOV, the same actor as its capital's."""
        if sector == SECTOR_GOV:
            return self.government_actor(iso3)
        country = self.countries.countries.get(iso3)
        adjective = (country.demonym if country else None) or self._name(iso3)
        name = f"{adjective} {group_lexicon().sector_name(sector)}"
        return Actor(f"group:{iso3}:{sector}", name, TYPE_GROUP, iso3, sector, iso3 + sector)

    def country_actor(self, iso3: str) -> Actor:
        """The country itself (CAMEO code: the ISO-3 code)."""
        return Actor(f"country:{iso3}", self._name(iso3), TYPE_COUNTRY, iso3, None, iso3)

    def government_actor(self, iso3: str) -> Actor:
        """A country's government, e.g. from its capital (code ISO-3 + GOV)."""
        name = f"{self._name(iso3)} government"
        return Actor(
            f"government:{iso3}", name, TYPE_GOVERNMENT, iso3, SECTOR_GOV, iso3 + SECTOR_GOV
        )

    def institution_actor(self, iso3: str, sector: str, title: str, named: bool = False) -> Actor:
        """A state institution such as a ministry (code ISO-3 + sector).

        ``named``: the title is a proper name of its own ("the Kremlin"), not "Foreign Ministry".
        """
        country = self.countries.countries.get(iso3)
        adjective = (country.demonym if country else None) or self._name(iso3)
        title = _display(title)
        prefixed = named or title.lower().startswith(adjective.lower())
        name = title if prefixed else f"{adjective} {title}"
        key = f"institution:{iso3}:{surface_key(title)}"
        return Actor(key, name, TYPE_INSTITUTION, iso3, sector, iso3 + sector)

    def place_actor(self, surface: str, iso3: str | None) -> Actor:
        """A place (city, region, sea, building), in its country when known."""
        key = f"place:{iso3 or '-'}:{surface_key(surface)}"
        return Actor(key, _display(surface), TYPE_PLACE, iso3)

    def _name(self, iso3: str) -> str:
        country = self.countries.countries.get(iso3)
        return country.name if country else iso3


def _used_as_place(mention: Mention, text: str) -> bool:
    """True when a capital names the city, not its government (also in a dateline)."""
    before = PLACE_CONTEXT.search(text[: mention.start]) is not None
    line_start = text.rfind("\n", 0, mention.start) + 1
    dateline = mention.text.isupper() and not text[line_start : mention.start].strip()
    return before or dateline or PLACE_FOLLOWERS.match(text[mention.end :]) is not None


def institution_sector(words: str) -> str | None:
    """Sector of the longest institution phrase that ``words`` ends with."""
    lowered = " ".join(words.lower().split())
    best: tuple[int, str] | None = None
    for phrase, sector in institution_sectors().items():
        if (lowered == phrase or lowered.endswith(" " + phrase)) and (
            best is None or len(phrase) > best[0]
        ):
            best = (len(phrase), sector)
    return best[1] if best else None


def town_body(words: str) -> str | None:
    """The longest word of a body named after its town that ``words`` end in
    (data/town_bodies.yaml), else None."""
    lowered = " ".join(words.lower().split())
    found = [w for w in town_body_words()[0] if lowered == w or lowered.endswith(" " + w)]
    return max(found, key=len, default=None)


@cache
def town_body_words() -> tuple[frozenset[str], frozenset[str]]:
    """Lowercase last words of bodies named after their town, and the qualifiers that may
    stand between the town and them (data/town_bodies.yaml)."""
    data = read_data(TOWN_BODIES_FILE)
    return frozenset(data["bodies"]), frozenset(data["qualifiers"])


def _display(surface: str) -> str:
    return POSSESSIVE.sub("", LEADING_ARTICLE.sub("", " ".join(surface.split())))
