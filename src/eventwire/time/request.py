"""What every rule sees: the cleaned expression, the anchor day, the sentence, settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from eventwire.time.patterns import WORD
from eventwire.time.tense import detect_direction

PAST = "past"
FUTURE = "future"


@dataclass(frozen=True)
class TimeSettings:
    """Settings of the ``time`` stage (section ``[time]``, see docs/time.md)."""

    default_direction: str = "past"  # weekdays and bare months without a tense cue: past|future
    slash_date_order: str = "MDY"  # reading of 02/08/2026 (dotted 08.02.2026 is always DMY)
    tense_window: int = 8  # words either side of an expression read for a tense cue
    tense_margin_days: int = 200  # a tense cue may pick a month/day this much farther away
    max_expression_chars: int = 80  # longer "expressions" are not temporal expressions
    use_dateparser: bool = True  # let dateparser try what no rule of ours recognises


@dataclass
class TimeRequest:
    """One expression to normalise, with what the rules may use."""

    original: str  # the expression as found (for locating it in the context)
    text: str  # cleaned: lower case, leading prepositions and determiners removed
    anchor: date | None  # the publisher's local calendar day of publication
    context: str = ""
    settings: TimeSettings = field(default_factory=TimeSettings)

    @cached_property
    def cue(self) -> str | None:
        """The tense cue of the sentence around the expression: past, future or None."""
        return detect_direction(self.original, self.context, self.settings.tense_window)

    @cached_property
    def following_word(self) -> str:
        """The word right after the expression in its context ("" when not found)."""
        at = self.context.lower().find(self.original.lower())
        if at < 0 or not self.original:
            return ""
        found = WORD.search(self.context.lower(), at + len(self.original))
        return found.group(0) if found else ""

    @property
    def direction(self) -> str:
        """The direction to resolve an ambiguous reference in: the cue, else the default."""
        return self.cue or self.settings.default_direction
