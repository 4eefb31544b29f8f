"""Disputes: aligned claims that give different numbers, days, places or named actors.

A detail is disputed only when each side's value is missing from the other side's whole
article: an outlet that names one more country, or gives a figure elsewhere, agrees.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from eventwire.facts.align import ClaimInfo
from eventwire.model import Dispute, DisputedValue

DETAILS = (("number", "numbers"), ("date", "dates"), ("place", "places"), ("actor", "actors"))


def find_disputes(
    infos: Sequence[ClaimInfo], mentioned: dict[int, dict[str, frozenset[str]]]
) -> tuple[Dispute, ...]:
    """The disputed details of one fact's claims; ``mentioned``: per article, every value of
    each detail its text gives."""
    disputes = []
    for kind, attribute in DETAILS:
        values: dict[str, set[str]] = defaultdict(set)
        for info in infos:
            given = getattr(info, attribute)
            for value in given:
                if _contested(value, info, infos, attribute, mentioned):
                    values[value].add(info.claim.source)
        if len(values) >= 2 and _distinct_sides(values):
            listed = tuple(
                DisputedValue(_label(v), tuple(sorted(s))) for v, s in sorted(values.items())
            )
            disputes.append(Dispute(kind, listed))
    return tuple(disputes)


def _contested(
    value: str,
    info: ClaimInfo,
    infos: Sequence[ClaimInfo],
    attribute: str,
    mentioned: dict[int, dict[str, frozenset[str]]],
) -> bool:
    """Whether another outlet's claim gives a value of this kind but never this one."""
    for other in infos:
        if other.claim.source == info.claim.source or not getattr(other, attribute):
            continue
        theirs = getattr(other, attribute)
        if value not in mentioned[other.claim.article_id][attribute] and not (
            theirs & mentioned[info.claim.article_id][attribute]
        ):
            return True
    return False


def _distinct_sides(values: dict[str, set[str]]) -> bool:
    """At least two values, each given by an outlet that does not give the other."""
    outlets = list(values.values())
    return any(a - b and b - a for i, a in enumerate(outlets) for b in outlets[i + 1 :])


def _label(value: str) -> str:
    """A value as shown: actor keys lose their type prefix."""
    if ":" in value:
        return value.split(":", 1)[1].split(":")[-1]
    return value
