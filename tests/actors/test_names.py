"""Person-name keys: particles, patronymics, glued prefixes, transliteration."""

from __future__ import annotations

from eventwire.actors.names import name_key, names_match

THRESHOLD = 85.0


def key(name: str):
    found = name_key(name)
    assert found is not None
    return found


def test_particle_and_patronymic_variants_share_a_key() -> None:
    variants = ["Khalid Almansouri", "Khalid al-Mansouri", "Khalid bin Saeed Al Mansouri"]
    keys = [key(v) for v in variants]
    assert all(names_match(a, b, THRESHOLD) for a in keys for b in keys)
    assert key("Khalid el-Mansouri").surnames == {"mansouri"}


def test_transliterations_match_but_other_given_names_do_not() -> None:
    assert names_match(key("Dmitry Volkonov"), key("Dmitri Volkonov"), THRESHOLD)
    assert not names_match(key("Dmitry Volkonov"), key("Irina Volkonov"), THRESHOLD)
    assert names_match(key("D. Volkonov"), key("Dmitry Volkonov"), THRESHOLD)


def test_surname_only_mentions_match_any_given_name() -> None:
    assert names_match(key("Volkonov"), key("Dmitry Volkonov"), THRESHOLD)
    assert not names_match(key("Petrenko"), key("Dmitry Volkonov"), THRESHOLD)


def test_honorifics_and_diacritics_are_ignored() -> None:
    assert key("Dr. José Núñez") == key("Jose Nunez")
    assert name_key("Mr.") is None


def test_possessives_and_ordinals_drop_but_junior_stays_apart() -> None:
    assert key("Maria Okafor's") == key("Maria Okafor")
    assert key("Robert K. Hollis III").surnames == {"hollis"}
    assert names_match(key("Robert K. Hollis III"), key("Robert Hollis"), THRESHOLD)
    assert not names_match(key("Peter Okafor Jr."), key("Peter Okafor"), THRESHOLD)
    assert names_match(key("Okafor"), key("Peter Okafor Jr."), THRESHOLD)
