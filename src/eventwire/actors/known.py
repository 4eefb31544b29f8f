"""Actors known before reading any text: packaged organisations and the user's actor file.

A user file is YAML (a list of mappings) or CSV (a header row), with the fields ``name``,
``aliases`` (a list; in CSV separated by ``|``), ``type`` (default person), ``country``
(ISO-3 or a name), ``sector``, ``role`` (or ``roles``) and ``code``. Its entries override
packaged ones with the same name or alias.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from eventwire.actors.classify import TYPE_ORGANISATION, TYPE_PERSON
from eventwire.actors.countries import CountryIndex, country_index
from eventwire.actors.datafiles import read_data
from eventwire.actors.text import surface_key
from eventwire.model import Actor, AliasCount

ORGANISATIONS_FILE = "organisations.yaml"
MEDIA_FILE = "media.yaml"  # news agencies, broadcasters and platforms
LEADERS_FILE = "leaders.yaml"  # heads of state and government news names without a country
CSV_LIST_SEPARATOR = "|"
YAML_SUFFIXES = frozenset({".yaml", ".yml"})


@dataclass
class KnownActors:
    """Known actors by the keys of their names and aliases."""

    by_alias: dict[str, Actor] = field(default_factory=dict)
    people: list[Actor] = field(default_factory=list)

    def add(self, actor: Actor) -> None:
        """Register ``actor`` under its name and aliases (later additions win)."""
        for surface in (actor.name, *(a.alias for a in actor.aliases)):
            key = surface_key(surface)
            if key:
                self.by_alias[key] = actor
                self.by_alias.setdefault(key.replace(".", ""), actor)
        if actor.type == TYPE_PERSON:
            self.people.append(actor)

    @property
    def organisations(self) -> dict[str, Actor]:
        """Known non-person actors by alias key."""
        return {k: a for k, a in self.by_alias.items() if a.type != TYPE_PERSON}


def load_known_actors(countries: CountryIndex, user_file: str = "") -> KnownActors:
    """Packaged organisations, media and leaders, then the user's file on top."""
    known = KnownActors()
    for entry in [*read_data(ORGANISATIONS_FILE), *read_data(MEDIA_FILE)]:
        known.add(actor_from_entry(entry, countries, default_type=TYPE_ORGANISATION))
    for entry in read_data(LEADERS_FILE):
        known.add(actor_from_entry(entry, countries, default_type=TYPE_PERSON))
    if user_file:
        for entry in read_user_file(Path(user_file)):
            known.add(actor_from_entry(entry, countries, default_type=TYPE_PERSON))
    return known


def known_actors(user_file: str = "") -> KnownActors:
    """The known actors over the packaged country index, loaded once per user file (and
    its version: an edited file is read again) in a process: the actors stage and the
    events stage share them (read only)."""
    stamp = None
    if user_file:
        user_file = str(Path(user_file).resolve())  # one entry whatever the working folder
        status = Path(user_file).stat()  # a missing file: the setup error it always was
        stamp = (status.st_mtime_ns, status.st_size)
    return _known_actors(user_file, stamp)


@functools.lru_cache(maxsize=4)  # a few files or versions of one; not every edit kept
def _known_actors(user_file: str, stamp: tuple[int, int] | None) -> KnownActors:
    """``known_actors`` for one version (``stamp``) of the user file."""
    return load_known_actors(country_index(), user_file)


def read_user_file(path: Path) -> list[dict[str, Any]]:
    """Entries of a CSV or YAML actor file."""
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() in YAML_SUFFIXES:
        entries = yaml.safe_load(text) or []
        if not isinstance(entries, list):
            raise ValueError(f"{path}: expected a list of actors")
        return entries
    rows = list(csv.DictReader(text.splitlines()))
    for row in rows:
        row["aliases"] = [a.strip() for a in (row.get("aliases") or "").split(CSV_LIST_SEPARATOR)]
    return rows


# Kinds of body that belong to no one country (CAMEO actor codebook: IGO international
# bodies, NGO non-governmental, IMG transnational militant groups, MNC companies).
TRANSNATIONAL_SECTORS = frozenset({"IGO", "NGO", "IMG", "MNC"})


def actor_from_entry(entry: dict[str, Any], countries: CountryIndex, default_type: str) -> Actor:
    """An Actor from one file entry (its key derives from type and name)."""
    name = str(entry["name"]).strip()
    actor_type = str(entry.get("type") or default_type).strip().lower()
    country = _country_code(entry.get("country"), countries)
    sector = str(entry.get("sector") or "").strip().upper() or None
    roles = entry.get("roles") or ([entry["role"]] if entry.get("role") else [])
    aliases = tuple(
        AliasCount(str(a).strip(), 0) for a in entry.get("aliases") or [] if str(a).strip()
    )
    code = entry.get("code") or (country + (sector or "") if country else None)
    if code is None and sector in TRANSNATIONAL_SECTORS:
        code = sector  # "African Union": CAMEO codes a body of no one country by its kind
    prefix = (
        "person"
        if actor_type == TYPE_PERSON
        else "org"
        if actor_type == TYPE_ORGANISATION
        else actor_type
    )
    key = f"{prefix}:{surface_key(name)}"
    return Actor(key, name, actor_type, country, sector, code, tuple(roles), aliases)


def _country_code(value: Any, countries: CountryIndex) -> str | None:
    if not value:
        return None
    text = str(value).strip()
    if text.upper() in countries.countries:
        return text.upper()
    return countries.any_country(text)
