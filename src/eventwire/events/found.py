"""The event being built while a sentence is coded, and words its coder's modules share."""

from __future__ import annotations

from dataclasses import dataclass, field

from eventwire.events.lexicon import Pattern
from eventwire.model import Span

STATEMENT = "010"
# A noun after these names what came before or around the sentence's event, not the event.
BACKGROUND_PREPS = frozenset({"after", "following", "before", "despite", "amid", "since", "over"})


@dataclass
class Found:
    """An event being built: its trigger token, the token its clause hangs on, its code."""

    trigger: int
    anchor: int  # the verb whose subject, negation and modals are the event's
    code: str
    pattern: Pattern | None = None
    sources: list[Span] = field(default_factory=list)
    targets: list[Span] = field(default_factory=list)
    negated: bool = False
    hypothetical: bool = False
    symmetric: bool = False
    consumed: set[int] = field(default_factory=set)
    holder: int | None = None  # the noun holding an event noun's place ("mediation effort")
