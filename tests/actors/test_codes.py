"""CAMEO-style codes of countries' short names, listed organisations and state titles."""

from __future__ import annotations

import pytest

from eventwire.actors import ActorResolver
from eventwire.actors.classify import Classifier
from eventwire.actors.countries import CountryIndex, build_country_index
from eventwire.actors.known import load_known_actors
from eventwire.entities import EntityRecognizer
from eventwire.model import Actor, Document, Mention


@pytest.fixture(scope="module")
def countries() -> CountryIndex:
    return build_country_index()


@pytest.fixture(scope="module")
def classifier(countries: CountryIndex) -> Classifier:
    return Classifier(countries, load_known_actors(countries).organisations)


def classify(classifier: Classifier, text: str, surface: str, label: str) -> Actor | None:
    start = text.index(surface)
    mention = Mention(1, "body", 0, start, start + len(surface), surface, label)
    return classifier.classify(mention, text)


@pytest.mark.parametrize(
    ("text", "surface", "label", "code"),
    [
        ("Hamas fired rockets on Monday.", "Hamas", "ORG", "PSEREB"),
        ("Hezbollah denied it.", "Hezbollah", "ORG", "LBNREB"),
        ("The Taliban seized the town.", "Taliban", "NORP", "AFGREB"),
        ("Fighters of the Kurdistan Workers' Party", "Kurdistan Workers' Party", "ORG", "TURREB"),
        ("the Tamil Tigers said", "Tamil Tigers", "ORG", "LKAREB"),
        ("a video released by al-Qaeda", "al-Qaeda", "ORG", "IMG"),
        ("The European Community imposed", "European Community", "ORG", "IGOEUR"),
        ("the International Labor Office said", "International Labor Office", "ORG", "IGOUNO"),
    ],
)
def test_listed_organisations_have_cameo_codes(
    classifier: Classifier, text: str, surface: str, label: str, code: str
) -> None:
    actor = classify(classifier, text, surface, label)
    assert actor is not None and actor.code == code


def test_a_listed_ngo_has_its_sector(classifier: Classifier) -> None:
    actor = classify(
        classifier, "Amnesty International criticised the law.", "Amnesty International", "ORG"
    )
    assert actor is not None and (actor.sector, actor.country) == ("NGO", None)


def test_an_unlisted_people_stays_a_group(classifier: Classifier) -> None:
    actor = classify(classifier, "Yoruba leaders met.", "Yoruba", "NORP")
    assert actor is not None and (actor.type, actor.country) == ("group", None)


@pytest.fixture(scope="module")
def recognizer() -> EntityRecognizer:
    return EntityRecognizer()


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


def person_codes(recognizer: EntityRecognizer, resolver: ActorResolver, text: str) -> set[str]:
    documents = [Document(1, "s", "", text)]
    result = resolver.resolve_story(1, documents, recognizer.recognize(documents))
    return {a.code or "-" for a in result.actors if a.type == "person"}


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # a bare head-of-state title takes the one country its sentence names
        ("President Daniel Ortuno lifted the curfew imposed in Peru last week.", {"PERGOV"}),
        ("Rebels demanded that President Ortuno resign before the Chilean vote.", {"CHLGOV"}),
        # the country after the apposition's title
        ("Daniel Ortuno, the president of Peru, lifted the curfew on Monday.", {"PERGOV"}),
        # two countries in the sentence: none is guessed
        ("President Daniel Ortuno met Chilean and Peruvian envoys on Monday.", {"-"}),
        # a title that is not a state's own leader's takes no country from its sentence
        ("Spokesman Daniel Ortuno said the curfew in Peru was lifted.", {"-"}),
    ],
)
def test_a_bare_state_title_takes_its_sentence_country(
    recognizer: EntityRecognizer, resolver: ActorResolver, text: str, codes: set[str]
) -> None:
    assert person_codes(recognizer, resolver, text) == codes


def test_the_sentence_country_does_not_cross_sentences(
    recognizer: EntityRecognizer, resolver: ActorResolver
) -> None:
    text = "Peru closed its border on Monday. President Daniel Ortuno said nothing."
    assert person_codes(recognizer, resolver, text) == {"-"}


@pytest.mark.parametrize(
    ("text", "surface", "key"),
    [
        ("Hundreds of Peruvians protested on Sunday.", "Peruvians", "group:PER:CVL"),
        ("Police arrested 40 Palestinians on Friday.", "Palestinians", "group:PSE:CVL"),
        ("Peruvian troops moved in.", "Peruvian", "group:PER:MIL"),  # a noun's group first
        ("The Swiss said no.", "Swiss", "country:CHE"),  # no plural form: the country
        ("Peruvian and Chilean representatives met.", "Peruvian", "government:PER"),
        ("Up to 100 ethnic Albanians demonstrated in Serbia.", "Albanians", "group:albanians"),
    ],
)
def test_peoples(classifier: Classifier, text: str, surface: str, key: str) -> None:
    actor = classify(classifier, text, surface, "NORP")
    assert actor is not None and actor.key == key


def test_a_plural_demonym_is_its_country_s_civilians(classifier: Classifier) -> None:
    actor = classify(classifier, "Young Peruvians blocked roads.", "Peruvians", "NORP")
    assert actor is not None and (actor.code, actor.name) == ("PERCVL", "Peruvian civilians")


@pytest.mark.parametrize(
    ("surface", "label", "country"),
    [
        ("South Lebanon", "LOC", "LBN"),
        ("western Cambodia", "LOC", "KHM"),
        ("Northern Ireland", "LOC", None),  # a region of another state, never Ireland's part
        ("South Africa", "GPE", "ZAF"),  # a country of its own
        ("North Africa", "LOC", None),
    ],
)
def test_a_compass_word_before_a_country_is_a_part_of_it(
    classifier: Classifier, surface: str, label: str, country: str | None
) -> None:
    actor = classify(classifier, f"Shelling hit {surface} on Monday.", surface, label)
    assert actor is not None and actor.country == country


def test_a_region_with_its_kind(countries: CountryIndex) -> None:
    assert countries.subdivision("West Darfur State") == "SDN"
    assert countries.subdivision("West Darfur") == "SDN"


def test_a_sentence_country_never_splits_a_person(
    recognizer: EntityRecognizer, resolver: ActorResolver
) -> None:
    texts = (
        "Peruvian President Daniel Ortuno flew home on Monday.",
        "President Daniel Ortuno praised the Chilean vote.",
    )
    documents = [Document(i, "s", "", t) for i, t in enumerate(texts, start=1)]
    result = resolver.resolve_story(1, documents, recognizer.recognize(documents))
    people = [a for a in result.actors if a.type == "person"]
    assert [(p.name, p.code) for p in people] == [("Daniel Ortuno", "PERGOV")]


@pytest.mark.parametrize(
    ("surface", "iso3"),
    [
        ("Iraqi Kurds", "IRQ"),
        ("Bosnian Serbs", "BIH"),
        ("the Turkish Cypriots", "TUR"),
        ("American Express", None),  # a company
        ("Kenyan officials", None),  # a group noun, read by eventwire.actors.groups
        ("Iraqi kurds", None),
    ],
)
def test_a_people_of_a_country(countries: CountryIndex, surface: str, iso3: str | None) -> None:
    assert countries.people_of(surface) == iso3


def test_a_people_the_model_took_for_a_person(
    recognizer: EntityRecognizer, resolver: ActorResolver
) -> None:
    text = "Bosnian Serbs shelled the town on Monday."
    documents = [Document(1, "s", "", text)]
    result = resolver.resolve_story(1, documents, recognizer.recognize(documents))
    assert {a.code for a in result.actors} == {"BIHCVL"}


def test_a_country_named_as_the_other_side_gives_no_state_title_its_country(
    recognizer: EntityRecognizer, resolver: ActorResolver
) -> None:
    text = "President Daniel Ortuno threatened further action against Peru."
    assert person_codes(recognizer, resolver, text) == {"-"}


def test_a_large_city_gives_its_country(resolver: ActorResolver) -> None:
    countries = resolver.countries
    assert countries.city("Vancouver") == "CAN" and countries.city("Karachi") == "PAK"
    assert countries.city("Tel Aviv") == "ISR" and countries.city("Mombasa") == "KEN"
    assert countries.city("Hyderabad") == "IND"  # a name towns share: the most populous one's
    assert countries.city("Nazareth") == "ISR"  # a town's own name beats a city's other name
    assert countries.city("Police") is None  # a town's name that is a word (not_cities)
