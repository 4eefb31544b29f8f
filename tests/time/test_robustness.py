"""normalize_time never raises on real expressions, whatever the anchor (issue 3, time).

The strings are TimeBank's own DATE/TIME expressions (read at test time from the shared
data, not copied) and word windows around dates in the bundled example corpus.
"""

from __future__ import annotations

import json
import random
import re
from datetime import UTC, datetime, timedelta, timezone

import pytest
from lxml import etree

from eventwire.time import TimeSettings, TimeValue, normalize_time
from tests.conftest import DATA, EXAMPLES

TIMEBANK = DATA / "timex-timebank"
SETTINGS = (TimeSettings(), TimeSettings(slash_date_order="DMY", default_direction="future"))
EDGE_ANCHORS = (
    None,
    datetime(1, 1, 1, 0, 0),
    datetime(1, 1, 3, 12, 0, tzinfo=UTC),
    datetime(9999, 12, 31, 23, 59, tzinfo=UTC),
    datetime(9999, 12, 30, 1, 0, tzinfo=timezone(timedelta(hours=14))),
    datetime(2024, 2, 29, 23, 45, tzinfo=timezone(timedelta(hours=-12))),
)
RELATIVE_TEXTS = (
    "next week", "this week", "last week", "the 31st", "overnight", "next year", "last night",
    "the weekend", "in two weeks", "next decade", "the 1st", "last December", "next June",
)  # fmt: skip
# Words that start a window worth trying: a digit, a month, a weekday, a day word.
HINT = re.compile(
    r"\d|January|February|March|April|May|June|July|August|September|October|November|"
    r"December|day\b|week|month|year|night|morning|today|yesterday|tomorrow|ago"
)


def timebank_strings() -> list[str]:
    """Every DATE/TIME TIMEX3 text in the TimeBank documents."""
    if not TIMEBANK.is_dir():
        pytest.skip(f"TimeBank not found at {TIMEBANK}")
    found = []
    for path in sorted(TIMEBANK.glob("*.tml")):
        for timex in etree.parse(str(path)).iter("TIMEX3"):
            if timex.get("type") in ("DATE", "TIME"):
                found.append("".join(timex.itertext()))
    return found


def corpus_windows(limit: int = 600) -> list[str]:
    """Windows of one to four words starting at a date-like word of the example articles."""
    lines = (EXAMPLES / "newswcl50" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    words = " ".join(json.loads(line)["text"] for line in lines).split()
    windows = [
        " ".join(words[i : i + n])
        for i, word in enumerate(words)
        if HINT.search(word)
        for n in (1, 2, 3, 4)
    ]
    return windows[:limit]


def random_anchor(rng: random.Random) -> datetime:
    moment = datetime(1900, 1, 1) + timedelta(
        days=rng.randint(0, 60_000), minutes=rng.randint(0, 1439)
    )
    if rng.random() < 0.7:
        moment = moment.replace(tzinfo=timezone(timedelta(minutes=15 * rng.randint(-48, 56))))
    return moment


def check(text: str, anchor: datetime | None, settings: TimeSettings) -> None:
    found = normalize_time(text, anchor, f"It was said that {text} they will meet.", settings)
    assert found is None or isinstance(found, TimeValue), text
    if found is not None:
        assert found.value and found.granularity, text
        assert found.start is None or found.end is None or found.start <= found.end, text
        assert anchor is not None or not found.anchored, text


def test_timebank_expressions_never_raise() -> None:
    strings = timebank_strings()
    assert len(strings) > 1000
    rng = random.Random(3)
    for index, text in enumerate(strings):
        check(text, random_anchor(rng), SETTINGS[index % 2])
    for text in strings[::5]:  # a few hundred with the calendar's extremes
        for anchor in EDGE_ANCHORS:
            check(text, anchor, SETTINGS[0])


def test_corpus_windows_never_raise() -> None:
    windows = corpus_windows()
    assert len(windows) >= 300
    rng = random.Random(7)
    for index, text in enumerate(windows):
        check(text, random_anchor(rng), SETTINGS[index % 2])
        check(text, EDGE_ANCHORS[index % len(EDGE_ANCHORS)], SETTINGS[0])


@pytest.mark.parametrize("anchor", EDGE_ANCHORS[1:])
def test_relative_expressions_at_the_calendars_ends(anchor: datetime) -> None:
    for text in RELATIVE_TEXTS:
        check(text, anchor, SETTINGS[0])
    assert normalize_time("today", anchor).value == anchor.date().isoformat()
