"""Settings of the actors stage (section ``[actors]``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ActorsSettings:
    """How mentions are resolved to actors."""

    # rapidfuzz ratio (0-100) at or above which two surnames are one spelling (given names: 5 less).
    fuzzy_threshold: float = 85.0
    # Your actor file (CSV or YAML: name, aliases, type, country, sector, role); empty = none.
    user_file: str = ""
    # "story": resolve people within each story only; "store": also match people already stored.
    scope: str = "store"
