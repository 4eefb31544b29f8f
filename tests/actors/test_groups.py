"""Groups of a country: a sector noun beside a country mention ("Israeli army": MIL)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.actors.groups import (
    NO_SECTOR,
    build_group_lexicon,
    group_after,
    group_before,
    group_lexicon,
    group_of,
    held_office,
)


def _group(text: str, mention: str) -> tuple[str, str] | None:
    """(sector, phrase) of the group the first ``mention`` in ``text`` is part of."""
    start = text.index(mention)
    found = group_of(text, start, start + len(mention))
    return (found.sector, text[found.start : found.end]) if found else None


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("The Israeli army said it shot two men.", "Israeli", ("MIL", "Israeli army")),
        ("Afghan rebels attacked a convoy.", "Afghan", ("REB", "Afghan rebels")),
        ("Russian diplomats were expelled.", "Russian", ("GOV", "Russian diplomats")),
        (
            "The Sudanese government on Monday lifted it.",
            "Sudanese",
            ("GOV", "Sudanese government"),
        ),
        ("Poland's parliament voted on Friday.", "Poland", ("LEG", "Poland's parliament")),
        ("Israel's high court ruled that", "Israel", ("JUD", "Israel's high court")),
        ("Belarus' rulers rejected it.", "Belarus", ("GOV", "Belarus' rulers")),
        (
            "a protest against the Russian government's refusal",
            "Russian",
            ("GOV", "Russian government"),
        ),
        ("The Egyptian police say they arrested", "Egyptian", ("COP", "Egyptian police")),
        ("Iraqi civilians fled.", "Iraqi", ("CVL", "Iraqi civilians")),
        ("Liberian refugees crossed the border.", "Liberian", ("REF", "Liberian refugees")),
        ("French paper workers went on strike.", "French", ("LAB", "French paper workers")),
        ("a Saudi businessman was held", "Saudi", ("BUS", "Saudi businessman")),
        ("Israeli intelligence warned", "Israeli", ("SPY", "Israeli intelligence")),
        ("NATO and Israeli armed forces", "Israeli", ("MIL", "Israeli armed forces")),
    ],
)
def test_noun_after_the_country(text: str, mention: str, expected: tuple[str, str]) -> None:
    assert _group(text, mention) == expected


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        # A generic head takes the sector of the group noun before it ...
        ("Afghan rebel leaders met in Peshawar.", "Afghan", ("REB", "Afghan rebel leaders")),
        ("Ugandan opposition candidates said", "Ugandan", ("OPP", "Ugandan opposition candidates")),
        ("Israeli army officers said", "Israeli", ("MIL", "Israeli army officers")),
        # ... except a neutral one: government forces are the military.
        (
            "Algerian government forces killed six.",
            "Algerian",
            ("MIL", "Algerian government forces"),
        ),
        ("Chinese government officials said", "Chinese", ("GOV", "Chinese government officials")),
        # Alone, its own sector, or none.
        ("Palestinian officials said", "Palestinian", ("GOV", "Palestinian officials")),
        # a state's office named alone is its government (before a name: the person's title)
        (
            "The Iranian foreign minister said",
            "Iranian",
            ("GOV", "Iranian foreign minister"),
        ),
        ("the Saudi king received them", "Saudi", ("GOV", "Saudi king")),
        ("Iranian foreign minister Abbas Roe said", "Iranian", None),
        ("Israeli groups said", "Israeli", None),
        ("Iranian rescue workers handed out blankets", "Iranian", None),
    ],
)
def test_generic_heads(text: str, mention: str, expected: tuple[str, str] | None) -> None:
    assert _group(text, mention) == expected


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("An Israeli was wounded.", "Israeli"),
        ("He is Israeli.", "Israeli"),
        ("Russian oil exports fell.", "Russian"),  # no group noun
        ("Chinese government bonds rallied.", "Chinese"),  # the group noun is not the head
        ("Israeli army radio reported", "Israeli"),
        ("Israeli army bulldozers demolished homes", "Israeli"),
        ("Israeli army chief Dan Roe said", "Israeli"),  # a title before a name
        ("Palestinian leader Sami Roe said", "Palestinian"),
        ("pro-Russian rebels attacked", "Russian"),  # someone else's group
        ("Russian-backed rebels attacked", "Russian"),
        ("Albanian rebel-held territory", "Albanian"),
        ("Russia sends troops to the border", "Russia"),  # a verb between
        ("Russia deployed troops", "Russia"),
        ("Britain and France agreed to talks", "Britain"),
        ("the Turkish government provide details", "Turkish"),  # unknown word after: unsure
    ],
)
def test_no_group(text: str, mention: str) -> None:
    assert _group(text, mention) is None


def test_a_noun_shared_by_two_countries() -> None:
    text = "U.S. and Russian negotiators return to Geneva this week."
    assert _group(text, "U.S.") == ("GOV", "U.S. and Russian negotiators")
    assert _group(text, "Russian") == ("GOV", "Russian negotiators")


def test_a_group_ends_at_its_verb_or_preposition() -> None:
    assert _group("Israeli troops withdrew from Gaza", "Israeli") == ("MIL", "Israeli troops")
    assert _group("Sudanese authorities in Khartoum", "Sudanese") == (
        "GOV",
        "Sudanese authorities",
    )
    assert _group("the Sudanese government and rebels", "Sudanese") == (
        "GOV",
        "Sudanese government",
    )


def test_a_kept_suffix() -> None:
    assert _group("Vietnamese-led forces retook it", "Vietnamese") == (
        "MIL",
        "Vietnamese-led forces",
    )


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("Rebels in the Ivory Coast on Wednesday dismissed", "Ivory Coast", "REB"),
        ("the rebels in Darfur refused", "Darfur", "REB"),
        ("Opposition groups in Zimbabwe said", "Zimbabwe", "OPP"),
        ("Security forces in Guinea opened fire", "Guinea", "COP"),
        ("students throughout Indonesia marched", "Indonesia", "EDU"),
        ("the government of Sudan said", "Sudan", "GOV"),
        ("the army of Chad said", "Chad", "MIL"),
        ("Putin offered talks to the president of Armenia", "Armenia", "GOV"),  # an office
    ],
)
def test_noun_before_the_country(text: str, mention: str, expected: str) -> None:
    start = text.index(mention)
    found = group_before(text, start, start + len(mention))
    assert found is not None
    assert found.sector == expected
    assert found.end == start + len(mention)
    assert found.noun.lower() in text[found.start : found.end].lower()
    assert group_after(text, start, start + len(mention)) is None  # only read before it


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("US troops in Iraq fired", "Iraq"),  # another country's troops
        ("Hezbollah fighters in Lebanon", "Lebanon"),
        ("Palestinian refugees in Lebanon", "Lebanon"),
        ("the troops in Iraq", "Iraq"),  # being somewhere does not make troops its own
        ("talks in Geneva", "Geneva"),
    ],
)
def test_no_group_before(text: str, mention: str) -> None:
    start = text.index(mention)
    assert group_before(text, start, start + len(mention)) is None


def test_every_sector_has_a_name() -> None:
    lexicon = group_lexicon()
    sectors = set(lexicon.groups.values()) | set(lexicon.generic.values()) - {NO_SECTOR}
    assert sectors <= set(lexicon.names)
    assert lexicon.sector_name("MIL") == "military"


def test_a_user_file_adds_nouns(tmp_path: Path) -> None:
    user = tmp_path / "groups.yaml"
    user.write_text("groups:\n  REB: [insurgent cells]\nnames:\n  REB: insurgents\n")
    lexicon = build_group_lexicon(str(user))
    text = "Iraqi insurgent cells struck"
    assert group_of(text, 0, 5, lexicon).sector == "REB"
    assert group_of(text, 0, 5) is None  # the packaged nouns do not have it
    assert lexicon.sector_name("REB") == "insurgents"
    assert lexicon.groups["army"] == "MIL"  # packaged nouns stay


def test_adverbs_end_a_group_but_nouns_in_ly_do_not() -> None:
    assert _group("the Israeli army reportedly shot", "Israeli") == ("MIL", "Israeli army")
    assert _group("Israel's militia ally in the south", "Israel") is None


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("A Palestinian protester was shot.", "Palestinian", ("CVL", "Palestinian protester")),
        ("An Israeli police officer was hurt.", "Israeli", ("COP", "Israeli police officer")),
        ("A Somali journalist was detained.", "Somali", ("MED", "Somali journalist")),
    ],
)
def test_a_group_noun_in_the_singular(text: str, mention: str, expected: tuple[str, str]) -> None:
    assert _group(text, mention) == expected


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("the Iranian foreign minister", True),
        ("the Iraqi Minister of Defence", True),  # a portfolio
        ("the former Iraqi president", False),
        ("Iraq's former prime minister", False),
        ("the late Jordanian king", False),
        ("the Portuguese president of the European Commission", False),  # another body's
        ("Former officials met the Armenian president", True),  # another phrase's "former"
    ],
)
def test_held_office(text: str, held: bool) -> None:
    words = text.split()
    country = next(w for w in words if w[:1].isupper() and w.lower() not in ("the", "former"))
    start = text.index(country.split("'")[0])
    office_end = len(text) if " of the " not in text else text.index(" of the ")
    assert held_office(text, start, office_end) is held
