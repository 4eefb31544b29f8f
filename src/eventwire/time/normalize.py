"""Normalise a temporal expression against its article's publication time."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, datetime

from eventwire.model import TimeValue
from eventwire.time import absolute, relative
from eventwire.time import patterns as pat
from eventwire.time.fallback import parse_with_dateparser
from eventwire.time.request import TimeRequest, TimeSettings

Rule = Callable[[TimeRequest], TimeValue | None]

# Most specific first: an explicit date beats the weekday beside it ("Friday, Oct. 13").
RULES: tuple[Rule, ...] = (
    relative.rule_vague,
    absolute.rule_numeric_date,
    absolute.rule_month_day,
    absolute.rule_ordinal_day,
    absolute.rule_month,
    relative.rule_year_ago_period,
    absolute.rule_quarter,
    relative.rule_relative_quarter,
    absolute.rule_half,
    relative.rule_season,
    absolute.rule_decade,
    absolute.rule_century,
    absolute.rule_year,
    relative.rule_day_word,
    relative.rule_part_of_day,
    relative.rule_ago,
    relative.rule_relative_unit,
    relative.rule_weekday,
)
PUNCTUATION = re.compile(r"[\"“”‘’`,;:!?()\[\]]+")
REWRITES = (
    (re.compile(r"[‐‑‒–—]"), "-"),
    (re.compile(r"\bthis past\b"), "last"),
    (re.compile(r"\byear(?:'s)?[\s-]end\b"), "year"),
    (re.compile(r"\b(?:a good part|much|part|all|most|some) of\s+"), ""),
    (re.compile(r"'s$"), ""),
    (re.compile(r"\s+or so(?=\s+(?:ago|earlier|before|later|from now)\b)"), ""),
    (re.compile(r"\s+"), " "),
)


def normalize_time(
    text: str,
    anchor: datetime | None,
    context: str = "",
    settings: TimeSettings = TimeSettings(),  # noqa: B008 (frozen, shared default)
) -> TimeValue | None:
    """Normalise one DATE/TIME expression TIMEX3-style; None when it cannot be resolved.

    ``anchor`` is the publication time (its own calendar day, in the publisher's offset,
    counts); without it only absolute expressions resolve. ``context`` is the sentence
    around the expression, read for tense ("said on Friday" vs "will meet on Friday").
    """
    if not isinstance(text, str) or not text.strip() or len(text) > settings.max_expression_chars:
        return None
    anchor_day = publication_day(anchor)
    for cleaned in candidate_texts(text):
        request = TimeRequest(text.strip(), cleaned, anchor_day, context or "", settings)
        if is_event_offset(request):
            return None
        for rule in RULES:
            value = _apply(rule, request)
            if value is not None:
                return value
    if settings.use_dateparser:
        return parse_with_dateparser(text, anchor_day, settings)
    return None


def is_event_offset(request: TimeRequest) -> bool:
    """A duration counted from another event ("one day after the vote"), not from the anchor."""
    return bool(pat.DURATION.match(request.text)) and request.following_word in pat.OFFSET_WORDS


def publication_day(anchor: datetime | None) -> date | None:
    """The calendar day of publication in the publisher's own offset (not UTC's day)."""
    return anchor.date() if anchor is not None else None


def resolve_anchor(
    published: datetime | None, story_published: Sequence[datetime | None]
) -> tuple[datetime | None, bool]:
    """The article's own publication time, else its story's earliest one (inferred=True)."""
    if published is not None:
        return published, False
    dated = [p for p in story_published if p is not None]
    if not dated:
        return None, False
    return min(dated, key=_comparable), True


def candidate_texts(text: str) -> list[str]:
    """The cleaned expression, then the same without modifiers ("early", "the end of")."""
    cleaned = text.lower().strip()
    for pattern, replacement in REWRITES:
        cleaned = pattern.sub(replacement, cleaned)
    cleaned = PUNCTUATION.sub(" ", cleaned).strip(" .")
    cleaned = " ".join(cleaned.split())
    cleaned = pat.SPELLED_YEAR.sub(_spelled_year, cleaned)
    cleaned = pat.SPELLED_DAY_OF_MONTH.sub(_day_of_month, cleaned)
    cleaned = pat.MONTH_SPELLED_DAY.sub(_day_of_month, cleaned)
    first = pat.LEADING_WORDS.sub("", cleaned)
    second = pat.MODIFIERS.sub("", pat.APPROXIMATORS.sub("", first))
    second = pat.LEADING_WORDS.sub("", pat.APPROXIMATORS.sub("", second)).strip(" -")
    return [t for t in dict.fromkeys((first, second)) if t]


def _spelled_year(match: re.Match[str]) -> str:
    """ "nineteen ninety-seven" -> "1997", "two thousand and one" -> "2001"."""
    if match["century"] is None:
        return str(2000 + _spelled_number(match["small"] or ""))
    century = pat.SPELLED_TEENS.get(match["century"]) or pat.SPELLED_TENS[match["century"]]
    return str(century * 100 + _spelled_number(match["rest"]))


def _day_of_month(match: re.Match[str]) -> str:
    """ "the eighth of february" -> "8th of february", "march the third" -> "march 3rd"."""
    day = f"{pat.DAY_ORDINAL_WORDS[match['word']]}th"
    before = match.start("word") < match.start("month")
    return f"{day} of {match['month']}" if before else f"{match['month']} {day}"


def _spelled_number(words: str) -> int:
    total = 0
    for word in re.split(r"[\s-]+", words):
        total += pat.SPELLED_TENS.get(word, 0) + pat.SPELLED_TEENS.get(word, 0)
        total += pat.SPELLED_UNITS.get(word, 0)
    return total


def _apply(rule: Rule, request: TimeRequest) -> TimeValue | None:
    try:
        return rule(request)
    except (ValueError, OverflowError):  # 30 February, year 0, ...: not a date
        return None


def _comparable(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=None).astimezone()
