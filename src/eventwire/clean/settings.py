"""Settings of the clean stage (TOML section ``[clean]``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from eventwire.plausible import DatesSettings


@dataclass(frozen=True)
class CleanSettings:
    """Tunable thresholds of the cleaning rules (defaults suit typical news scrapes)."""

    max_title_words: int = 30  # a longer first line is a paragraph; its first sentence titles
    max_heading_words: int = 10  # longer lines without final punctuation stay paragraphs
    min_contained_words: int = 5  # a shorter paragraph is only dropped as an exact repeat
    min_repeat_words: int = 15  # shorter exact repeats are kept unless they follow their copy
    max_boilerplate_words: int = 60  # longer lines are never dropped as boilerplate
    default_timezone: str = "UTC"  # zone assumed for a printed time without one
    slash_date_order: str = "MDY"  # reading of 02/08/2026 (dotted dates are always DMY)
    split_glued_sentences: bool = True  # "said.The" -> "said. The"
    drop_generic_conclusion: bool = True  # note (never drop) a fact-free "Looking ahead" end
    dates: DatesSettings = field(default_factory=DatesSettings)  # section [dates]
