"""Resolving a story's mentions to actors, on real NER output (invented people)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.actors import ActorResolver, ActorsSettings
from eventwire.entities import EntityRecognizer
from eventwire.model import Document, StoryActors

ARTICLE_ONE = (
    "Chilean Foreign Minister Lucia Moretti met Peruvian Defence Minister Daniel Moretti in "
    "Lima on Monday. The Chilean Foreign Ministry said the talks were useful. "
    "Moretti, who spoke after the Peruvian minister, thanked Santiago's partners.\n\n"
    "Talks between Santiago and Lima resumed after NATO and the IAEA commented. "
    "Foreign Minister Moretti will travel to Canberra."
)
ARTICLE_TWO = (
    "Lucia Moretti, Chile's foreign minister, spoke to Khalid Almansouri in Lima. "
    "Khalid al-Mansouri, the Kuwaiti envoy, later met Khalid bin Saeed Al Mansouri's staff. "
    "Kuwaiti and Chilean representatives agreed."
)


@pytest.fixture(scope="module")
def recognizer() -> EntityRecognizer:
    return EntityRecognizer()


def resolve(recognizer: EntityRecognizer, resolver: ActorResolver, *texts: str) -> StoryActors:
    documents = [Document(i, "s", "", text) for i, text in enumerate(texts, start=1)]
    return resolver.resolve_story(1, documents, recognizer.recognize(documents))


def actors_of(result: StoryActors, surface: str) -> set[str]:
    return {link.actor_key for link in result.links if link.mention.text == surface}


def by_name(result: StoryActors, name: str):
    return next(a for a in result.actors if a.name == name)


@pytest.fixture(scope="module")
def story(recognizer: EntityRecognizer) -> StoryActors:
    return resolve(recognizer, ActorResolver(), ARTICLE_ONE, ARTICLE_TWO)


def test_two_people_sharing_a_surname_stay_two(story: StoryActors) -> None:
    lucia, daniel = by_name(story, "Lucia Moretti"), by_name(story, "Daniel Moretti")
    assert lucia.key != daniel.key
    assert (lucia.country, lucia.sector, lucia.roles) == ("CHL", "GOV", ("Foreign Minister",))
    assert (daniel.country, daniel.roles) == ("PER", ("Defence Minister",))
    assert lucia.code == "CHLGOV"


def test_titles_and_appositions_give_roles_and_mentions_in_both_articles(
    story: StoryActors,
) -> None:
    lucia = by_name(story, "Lucia Moretti")
    articles = {link.mention.article_id for link in story.links if link.actor_key == lucia.key}
    assert articles == {1, 2}
    assert {a.alias for a in lucia.aliases} >= {"Lucia Moretti"}


def test_name_variants_are_one_person(story: StoryActors) -> None:
    keys = set()
    for surface in ("Khalid Almansouri", "Khalid al-Mansouri", "Khalid bin Saeed Al Mansouri"):
        keys |= actors_of(story, surface)
    assert len(keys) == 1
    [actor] = [a for a in story.actors if a.key in keys]
    assert len(actor.aliases) >= 2
    assert actor.country == "KWT"


def test_countries_capitals_institutions_and_organisations(story: StoryActors) -> None:
    # "Peruvian Defence Minister Name" is the person's; "the Peruvian minister" the government
    assert actors_of(story, "Peruvian") == {"country:PER", "government:PER"}
    assert actors_of(story, "Santiago") == {"government:CHL"}
    assert actors_of(story, "Canberra") == {"place:AUS:canberra"}
    assert "institution:CHL:foreign ministry" in actors_of(
        story, "The Chilean Foreign Ministry"
    ) | actors_of(story, "the Chilean Foreign Ministry") | actors_of(
        story, "Chilean Foreign Ministry"
    )
    nato = by_name(story, "NATO")
    assert (nato.type, nato.sector) == ("organisation", "IGO")
    assert by_name(story, "International Atomic Energy Agency").sector == "IGO"
    # "the Kuwaiti envoy" and "Kuwaiti and Chilean representatives": its government
    assert actors_of(story, "Kuwaiti") == {"government:KWT"}


def test_user_file_overrides_and_extends(recognizer: EntityRecognizer, tmp_path: Path) -> None:
    user_file = tmp_path / "actors.yaml"
    user_file.write_text(
        "- name: Lucía Moretti-Vidal\n  aliases: [Lucia Moretti]\n  country: Chile\n"
        "  sector: GOV\n  role: Foreign Minister\n"
        "- name: Andes Water Board\n  type: organisation\n  aliases: [AWB]\n  country: PER\n",
        encoding="utf-8",
    )
    resolver = ActorResolver(ActorsSettings(user_file=str(user_file)))
    result = resolve(recognizer, resolver, "Lucia Moretti met the AWB in Lima on Monday.")
    assert "Lucía Moretti-Vidal" in {a.name for a in result.actors}
    board = by_name(result, "Andes Water Board")
    assert board.country == "PER"


def test_csv_user_file(recognizer: EntityRecognizer, tmp_path: Path) -> None:
    user_file = tmp_path / "actors.csv"
    user_file.write_text(
        "name,aliases,type,country,sector,role\n"
        "Daniel Moretti,D. Moretti|Dani Moretti,person,PER,MIL,General\n",
        encoding="utf-8",
    )
    resolver = ActorResolver(ActorsSettings(user_file=str(user_file)))
    result = resolve(recognizer, resolver, "Daniel Moretti inspected troops in Lima.")
    daniel = by_name(result, "Daniel Moretti")
    assert (daniel.country, daniel.sector, daniel.roles) == ("PER", "MIL", ("General",))


def test_store_people_are_reused(recognizer: EntityRecognizer, story: StoryActors) -> None:
    lucia = by_name(story, "Lucia Moretti")
    result = ActorResolver().resolve_story(
        2,
        [Document(5, "s", "", "Lucia Moretti visited Quito on Friday.")],
        recognizer.recognize([Document(5, "s", "", "Lucia Moretti visited Quito on Friday.")]),
        stored_people=[lucia],
    )
    assert lucia.key in {link.actor_key for link in result.links}


BROTHERS = (
    "Foreign Secretary Tomas Varga met his brother, Energy Secretary Peter Varga, in London on "
    "Tuesday. Tomas Varga said the talks had been useful. Peter Varga, who spoke after him, "
    "promised lower bills. Varga added that the plan would be published in May. The ministry "
    "confirmed the meeting, and Foreign Minister Varga later flew to Paris."
)
NEITHER_NAMED = (
    "Energy prices rose again on Wednesday. Varga said the government would act, and "
    "Varga's officials declined to comment further."
)
FAMILY_NAME_FIRST = (
    "North Korean leader Kim Jong Un watched a missile test on Sunday, state media reported. "
    "His sister Kim Yo Jong later issued a statement criticising Seoul. Kim said the drills "
    "were a provocation."
)


@pytest.fixture(scope="module")
def namesakes(recognizer: EntityRecognizer) -> StoryActors:
    return resolve(recognizer, ActorResolver(), BROTHERS, NEITHER_NAMED, FAMILY_NAME_FIRST)


def links_at(result: StoryActors, article: int, surface: str) -> list[str | None]:
    """The actor of each mention of ``surface`` in one article (None: left unresolved)."""
    text = (BROTHERS, NEITHER_NAMED, FAMILY_NAME_FIRST)[article - 1]
    keys = {(link.mention.article_id, link.mention.start): link.actor_key for link in result.links}
    starts = [i for i in range(len(text)) if text.startswith(surface, i)]
    return [keys.get((article, start)) for start in starts]


def test_brothers_keep_their_own_titles(namesakes: StoryActors) -> None:
    tomas, peter = by_name(namesakes, "Tomas Varga"), by_name(namesakes, "Peter Varga")
    assert tomas.roles == ("Foreign Secretary", "Foreign Minister")
    assert peter.roles == ("Energy Secretary",)
    assert not [a for a in namesakes.actors if a.name == "Energy"]  # part of a title


def test_a_bare_surname_goes_to_the_namesake_named_last_or_whose_title_fits(
    namesakes: StoryActors,
) -> None:
    tomas, peter = by_name(namesakes, "Tomas Varga"), by_name(namesakes, "Peter Varga")
    # "Varga added" follows "Peter Varga, who spoke"; "Foreign Minister Varga" is the foreign
    # secretary (a title of the same office), although Peter was named more recently.
    bare = links_at(namesakes, 1, "Varga ")
    assert bare[-2:] == [peter.key, tomas.key]


def test_a_bare_surname_no_one_was_named_with_is_left_unresolved(
    namesakes: StoryActors,
) -> None:
    assert links_at(namesakes, 2, "Varga") == [None, None]
    assert not [a for a in namesakes.actors if a.name == "Varga"]


def test_family_name_first_pair_stays_two_people(namesakes: StoryActors) -> None:
    leader, sister = by_name(namesakes, "Kim Jong Un"), by_name(namesakes, "Kim Yo Jong")
    assert leader.key != sister.key
    assert links_at(namesakes, 3, "Kim said") == [sister.key]
    assert not [a for a in namesakes.actors if a.name == "Kim"]


def test_an_institution_is_aliased_by_its_full_name(recognizer: EntityRecognizer) -> None:
    text = (
        "According to a Peruvian Foreign Ministry statement, the talks went well. A spokesman "
        "for the Peruvian Foreign Ministry later said a second round would follow."
    )
    result = resolve(recognizer, ActorResolver(), text)
    ministry = next(a for a in result.actors if a.key == "institution:PER:foreign ministry")
    assert [(a.alias, a.count) for a in ministry.aliases] == [("Peruvian Foreign Ministry", 2)]


def test_a_country_word_with_a_sector_noun_is_its_group(recognizer: EntityRecognizer) -> None:
    text = (
        "The Israeli army said on Monday that Afghan rebels had crossed the border, while "
        "Russian oil exports fell and Sudan's government met the Peruvian envoy."
    )
    story = resolve(recognizer, ActorResolver(), text)
    army = by_name(story, "Israeli military")
    assert (army.key, army.type, army.code) == ("group:ISR:MIL", "group", "ISRMIL")
    assert [a.alias for a in army.aliases] == ["Israeli army"]
    assert actors_of(story, "Afghan") == {"group:AFG:REB"}
    assert actors_of(story, "Sudan") == {"government:SDN"}
    assert actors_of(story, "Russian") == {"country:RUS"}
    assert actors_of(story, "Peruvian") == {"government:PER"}  # "the Peruvian envoy"


def test_a_place_named_by_the_last_words_of_another_is_that_place(
    recognizer: EntityRecognizer,
) -> None:
    text = (
        "Warships of the Chilean navy sailed into the Persian Gulf on Monday. "
        "The ships will stay in the Gulf for two months, the navy said."
    )
    result = resolve(recognizer, ActorResolver(), text)
    places = {a.name for a in result.actors if a.type == "place"}
    assert "Persian Gulf" in places and "Gulf" not in places
    assert actors_of(result, "Gulf") == actors_of(result, "the Persian Gulf")
    text = "The governor of West Virginia criticized the rules. Virginia sued the government."
    result = resolve(recognizer, ActorResolver(), text)
    assert actors_of(result, "Virginia") != actors_of(result, "West Virginia")


def test_a_town_another_country_shares_is_the_one_the_text_places_after_it(
    recognizer: EntityRecognizer,
) -> None:
    def towns(text: str) -> dict[str, str | None]:
        result = resolve(recognizer, ActorResolver(), text)
        return {a.name: a.country for a in result.actors if a.type == "place"}

    assert towns("Fighting in Tripoli, Lebanon, killed six people.")["Tripoli"] == "LBN"
    assert towns("Fighting in Tripoli killed six people.")["Tripoli"] == "LBY"
    assert towns("A man was detained in Birmingham, Alabama, on Friday.")["Birmingham"] == "USA"
    text = "A driver shot eight people at a beer distributor in Manchester, Conn., on Tuesday."
    assert towns(text)["Manchester"] == "USA"  # a state as news abbreviates it
    # a nationality named in the story is no place: the town stays where it is
    text = "Canadian Prime Minister Justin Trudeau arrived in London on Monday."
    assert towns(text)["London"] == "GBR"
    assert towns("An American tourist was stabbed in Manchester on Friday.")["Manchester"] == "GBR"


def _countries(recognizer: EntityRecognizer, text: str) -> dict[str, str | None]:
    result = resolve(recognizer, ActorResolver(), text)
    return {a.name: a.country for a in result.actors}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # a place noun's nationality places the town (not Libya's government)
        ("Clashes erupted in the northern Lebanese city of Tripoli on Monday.", "Tripoli", "LBN"),
        (
            "Militias fought in Tripoli as shells crashed into the north Lebanese port.",
            "Tripoli",
            "LBN",
        ),
        ("Clashes in Tripoli, the Lebanese port of 200,000 people, killed six.", "Tripoli", "LBN"),
        # an unknown town the tagger took for a body or a people is a place all the same
        ("Clashes erupted in the Syrian town of Kafr Nabl on Monday.", "Kafr Nabl", "SYR"),
        ("The ship docked at the port of Aden.", "Aden", "YEM"),
        (
            "A roadside bombing near the town of Samarra on Sunday killed one soldier.",
            "Samarra",
            "IRQ",
        ),
        # the nationality given wins over a larger namesake elsewhere
        ("Riots hit the Bolivian city of Santa Cruz.", "Santa Cruz", "BOL"),
        ("Riots hit the Dominican city of Santiago.", "Santiago", "DOM"),
        # ... unless it only qualifies a people
        ("Rebels stormed the ethnic Albanian village of Aracinovo.", "Aracinovo", "MKD"),
        # a nationality that describes something else, another town or another sentence's
        ("Police in London arrested the Canadian port official.", "London", "GBR"),
        ("Militias fought in Tripoli on Monday. The Lebanese port was quiet.", "Tripoli", "LBY"),
        (
            "Police in London arrested a man who had flown in from the Canadian city of Toronto.",
            "London",
            "GBR",
        ),
        (
            "Police in London arrested a man who had flown in from Toronto, the Canadian city.",
            "London",
            "GBR",
        ),
        (
            "Officials in Tripoli said envoys would travel to the Lebanese capital on Monday.",
            "Tripoli",
            "LBY",
        ),
    ],
)
def test_a_town_described_by_a_nationality_is_that_country_s(
    recognizer: EntityRecognizer, text: str, name: str, country: str
) -> None:
    assert _countries(recognizer, text)[name] == country


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Fighting erupted in the city of Tripoli on Monday.", "Tripoli", "place"),  # not GOV
        ("Gunmen attacked the town of Kafr Nabl.", "Kafr Nabl", "place"),  # tagged as a body
        # what a town holds or owns names no place
        ("Kirkuk is a city of Kurds, Arabs and Turkmen.", "Kurds", "group"),
        (
            "Qatar bought 10 percent of the capital of Deutsche Bank.",
            "Deutsche Bank",
            "organisation",
        ),
    ],
)
def test_a_place_noun_names_a_place_not_what_it_holds(
    recognizer: EntityRecognizer, text: str, name: str, kind: str
) -> None:
    result = resolve(recognizer, ActorResolver(), text)
    assert [a.type for a in result.actors if a.name == name] == [kind]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "Students at Moscow State University protested on Monday.",
            "Moscow State University",
            "RUS",
        ),
        ("Officials at Kabul University said the school was closed.", "Kabul University", "AFG"),
        # a capital or the largest town of the name
        ("London Stock Exchange shares fell.", "London Stock Exchange", "GBR"),
        ("Birmingham City Council approved the plan.", "Birmingham City Council", "GBR"),
        ("Georgetown University hosted the talks.", "Georgetown University", "USA"),  # listed
        # an outlet places no one ("the New York Times reported" in a story from abroad)
        ("The Tehran Times reported that the talks were postponed.", "Tehran Times", None),
        # a town leading a name that is no body's of it, or one word of a name after it
        ("Mercedes-Benz cut jobs on Monday.", "Mercedes-Benz", None),
        ("George Washington University hosted the talks.", "George Washington University", None),
        # a region of another country bears the name (Australia's state, Seychelles' capital)
        ("Victoria Police arrested two men in Melbourne.", "Victoria Police", None),
    ],
)
def test_a_body_named_after_its_town_is_of_the_town_s_country(
    recognizer: EntityRecognizer, text: str, name: str, country: str | None
) -> None:
    assert _countries(recognizer, text)[name] == country


def test_a_body_named_after_its_town_takes_its_sector(recognizer: EntityRecognizer) -> None:
    result = resolve(recognizer, ActorResolver(), "Kabul Police arrested two men.")
    assert [(a.country, a.code) for a in result.actors] == [("AFG", "AFGCOP")]


def test_a_qualifier_of_the_office_between_country_and_title(
    recognizer: EntityRecognizer,
) -> None:
    text = "On Tuesday, Nigerian junior foreign minister Dubem Oniya summoned the envoy."
    result = resolve(recognizer, ActorResolver(), text)
    assert [a.code for a in result.actors if a.name == "Dubem Oniya"] == ["NGAGOV"]
    text = "Former Iraqi prime minister Nouri al-Maliki criticized the deal."
    result = resolve(recognizer, ActorResolver(), text)
    assert [a.code for a in result.actors if a.name == "Nouri al-Maliki"] == ["IRQGOV"]


def test_an_office_no_longer_held_or_of_another_body_is_no_government(
    recognizer: EntityRecognizer,
) -> None:
    def codes(text: str) -> set[str | None]:
        return {a.code for a in resolve(recognizer, ActorResolver(), text).actors}

    assert codes("The Iranian foreign minister said the talks would resume.") == {"IRNGOV"}
    assert codes("The former Iraqi president was hanged in 2006.") == {"IRQ"}
    assert codes("Iraq's former prime minister criticised the deal.") == {"IRQ"}
    assert codes("The former president of Armenia was arrested.") == {"ARM"}
    text = "Barroso, the Portuguese president of the European Commission, spoke."
    assert "PRTGOV" not in codes(text)
    # a portfolio after "of" is the state's office; a past word elsewhere is not the office's
    assert "IRQGOV" in codes("The Iraqi Minister of Defence said the troops would stay.")
    assert "ARMGOV" in codes("Former officials met the president of Armenia.")
    assert codes("The former Iraqi deputy prime minister said the deal was bad.") == {"IRQ"}


def test_a_title_the_model_cut_into_a_body_s_name_keeps_its_country(
    recognizer: EntityRecognizer,
) -> None:
    # "British Defence" tagged as a body, "Secretary Tom King" as the person
    text = "British Defence Secretary Tom King has promised to continue military aid."
    result = resolve(recognizer, ActorResolver(), text)
    assert [a.code for a in result.actors if a.name == "Tom King"] == ["GBRGOV"]
    # a body's own words between the country and a title place no one
    text = "The Kenya Airways chief executive Tom Roe said flights would resume."
    result = resolve(recognizer, ActorResolver(), text)
    assert [a.country for a in result.actors if a.name == "Tom Roe"] == [None]


def test_an_office_named_alone_after_a_country_word_is_its_government(
    recognizer: EntityRecognizer,
) -> None:
    text = "Taiwan's Vice Foreign Minister visited Russia today."
    result = resolve(recognizer, ActorResolver(), text)
    assert [a.code for a in result.actors if a.country == "TWN"] == ["TWNGOV"]
    text = "Taiwan's Vice Foreign Minister Tom Roe visited Russia today."  # the person's
    result = resolve(recognizer, ActorResolver(), text)
    assert {a.name: a.code for a in result.actors}["Tom Roe"] == "TWNGOV"
    assert {a.name: a.code for a in result.actors}["Taiwan"] == "TWN"
