"""Settings of the events stage (section ``[events]``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from eventwire.actors.settings import ActorsSettings


@dataclass(frozen=True)
class EventsSettings:
    """How events are coded from the parsed sentences and merged per story."""

    # Code events (needs entities.parse, the parse the entities stage keeps).
    enabled: bool = True
    # A YAML file of extra trigger patterns, in the format of the packaged pattern files
    # (src/eventwire/events/data/cameo_*.yaml); empty for none. Its patterns come first.
    patterns_file: str = ""
    # Mentions of one event within a story: same actors, action root and date within this
    # many days.
    merge_days: int = 1
    # Also code a title in headline style ("Rebels Seize Town": title case or capitals state
    # events loosely; off by default). A title written as a sentence is always coded: it is
    # often the article's first line (the clean stage takes it for a title-less text's title).
    titles: bool = False
    # Section [actors]: its user_file names leaders the story step places too.
    actors: ActorsSettings = field(default_factory=ActorsSettings)
