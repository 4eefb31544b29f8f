"""Country data: names, codes, demonyms, capitals, metonyms and regions to ISO-3."""

from __future__ import annotations

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
