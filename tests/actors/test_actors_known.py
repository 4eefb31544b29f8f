"""Known actors read from the packaged files: codes of bodies of no one country."""

from __future__ import annotations

from eventwire.actors.countries import country_index
from eventwire.actors.known import actor_from_entry


def test_a_body_of_no_one_country_is_coded_by_its_kind() -> None:
    """CAMEO codes an international or non-governmental body with no code of its own by its
    kind ("African Union": IGO), so no story places it in a country."""
    countries = country_index()
    union = actor_from_entry({"name": "African Union", "sector": "IGO"}, countries, "organisation")
    assert union.code == "IGO" and union.country is None
    named = {"name": "United Nations", "sector": "IGO", "code": "IGOUNO"}
    assert actor_from_entry(named, countries, "organisation").code == "IGOUNO"
    firm = actor_from_entry({"name": "Acme Ltd", "country": "GBR"}, countries, "organisation")
    assert firm.code == "GBR"


def test_older_spellings_and_earlier_capitals_are_capitals() -> None:
    countries = country_index()
    assert countries.capital("Kiev") == "UKR" and countries.capital("Peking") == "CHN"
    assert countries.capital("Bonn") == "DEU" and countries.capital("Dacca") == "BGD"
    assert countries.country("PRC") == "CHN"  # the entry's names kept beside its capitals
