"""Country data: names, codes, demonyms, capitals, metonyms and regions to ISO-3."""

from __future__ import annotations

import json

import pytest

from eventwire.actors.countries import CountryIndex, build_country_index


@pytest.fixture(scope="module")
def index() -> CountryIndex:
    return build_country_index()


@pytest.mark.parametrize(
    ("surface", "iso3"),
    [
        ("Germany", "DEU"),
        ("the United States", "USA"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("Britain", "GBR"),
        ("Russian Federation", "RUS"),
        ("Côte d'Ivoire", "CIV"),
        ("Chile's", "CHL"),
    ],
)
def test_country_names(index: CountryIndex, surface: str, iso3: str) -> None:
    assert index.country(surface) == iso3


def test_lowercase_words_are_not_country_codes(index: CountryIndex) -> None:
    assert index.country("us") is None
    assert index.country("in") is None


@pytest.mark.parametrize(
    ("surface", "iso3"),
    [("Chilean", "CHL"), ("Americans", "USA"), ("Japanese", "JPN"), ("British", "GBR")],
)
def test_demonyms(index: CountryIndex, surface: str, iso3: str) -> None:
    assert index.demonym(surface) == iso3


def test_capitals_metonyms_and_regions(index: CountryIndex) -> None:
    assert index.capital("Washington") == "USA"
    assert index.capital("Lima") == "PER"
    assert index.capital("Canberra") == "AUS"
    assert index.institution("the Kremlin") == ("RUS", "GOV")
    assert index.subdivision("California") == "USA"
    assert index.countries["USA"].name == "United States"


@pytest.mark.parametrize(
    ("surface", "iso3"),
    [
        ("Bosnia", "BIH"),
        ("Macedonia", "MKD"),
        ("PRC", "CHN"),
        ("the Emirates", "ARE"),
        ("Gaza Strip", "PSE"),
        ("Gaza", "PSE"),  # not the Mozambican province of that name
        ("West Bank", "PSE"),
        ("East Jerusalem", "PSE"),
        ("Trinidad", "TTO"),
        ("DPRK", "PRK"),
    ],
)
def test_short_names_news_uses(index: CountryIndex, surface: str, iso3: str) -> None:
    assert index.country(surface) == iso3


@pytest.mark.parametrize(
    ("surface", "iso3"),
    [
        ("Saudi", "SAU"),
        ("Saudis", "SAU"),
        ("Argentine", "ARG"),
        ("Bosnian", "BIH"),
        ("Herzegovinian", "BIH"),  # countryinfo lists "Bosnian,Herzegovinian" as one string
        ("Antiguan", "ATG"),
        ("Briton", "GBR"),
        ("Uzbek", "UZB"),
    ],
)
def test_demonyms_the_packages_lack(index: CountryIndex, surface: str, iso3: str) -> None:
    assert index.demonym(surface) == iso3


def test_prc_is_a_code_only_in_upper_case(index: CountryIndex) -> None:
    assert index.country("prc") is None


def test_time_zone_cities_of_inhabited_areas_give_their_country(index: CountryIndex) -> None:
    assert index.cities["vancouver"] == "CAN"
    assert index.cities["karachi"] == "PAK"
    for word in ("christmas", "easter", "jersey", "knox", "center", "vostok", "union"):
        assert word not in index.cities, word


def test_geonames_towns_and_their_other_names_give_their_country(index: CountryIndex) -> None:
    assert index.cities["faisalabad"] == "PAK" and index.cities["jericho"] == "PSE"
    assert index.cities["kandahar"] == "AFG"  # "Kandahār" without its diacritics
    assert index.cities["saigon"] == "VNM"  # another Latin-script name of a large city


def test_the_towns_are_kept_in_the_cache_folder_and_read_back(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert build_country_index().cities["mombasa"] == "KEN"
    (kept,) = (tmp_path / "eventwire").glob("towns-*.json")
    towns, elsewhere = json.loads(kept.read_text(encoding="utf-8"))
    assert elsewhere["tripoli"] == ["LBN", "LBY"]  # each name's countries with a large town
    kept.write_text(json.dumps([{**towns, "atlantis": "GRC"}, elsewhere]), encoding="utf-8")
    assert build_country_index().cities["atlantis"] == "GRC"  # read back, not rebuilt


def test_the_towns_are_built_when_the_cache_folder_cannot_be_written(tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert build_country_index().cities["mombasa"] == "KEN"
