"""Load the pattern data files that sit next to the clean stage."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Pattern:
    """One regex from a data file, with the group (kind) it was listed under."""

    kind: str
    regex: re.Pattern[str]

    @property
    def anchored(self) -> bool:
        """True when the pattern only matches from the start of a line."""
        return self.regex.pattern.startswith("^")


@cache
def load_patterns(file_name: str) -> tuple[Pattern, ...]:
    """Patterns of ``file_name``: '## kind' starts a group, '#' lines are comments."""
    text = resources.files("eventwire.clean").joinpath(file_name).read_text(encoding="utf-8")
    return parse_patterns(text)


def parse_patterns(text: str) -> tuple[Pattern, ...]:
    """Parse the data-file format (see ``load_patterns``); regexes are case-insensitive."""
    kind = "general"
    patterns = []
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("##"):
            kind = line.lstrip("#").strip()
        elif line and not line.startswith("#"):
            patterns.append(Pattern(kind, re.compile(line, re.IGNORECASE)))
    return tuple(patterns)
