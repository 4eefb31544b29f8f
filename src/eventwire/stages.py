"""The stage registry: every stage and settings section by name, in running order.

Adding a stage is one line here (see "Adding a stage" in docs/architecture.md). Entries
name their classes as ``"module:attribute"`` strings: reading the registry imports nothing.
"""

from __future__ import annotations

from eventwire.stage import StageEntry

REGISTRY: tuple[StageEntry, ...] = (
    StageEntry("ingest", "eventwire.ingest.settings:IngestSettings"),
    StageEntry(
        "clean", "eventwire.clean.settings:CleanSettings", "eventwire.clean.stage:CleanStage", True
    ),
    StageEntry(
        "dedup", "eventwire.dedup.settings:DedupSettings", "eventwire.dedup.stage:DedupStage"
    ),
    StageEntry(
        "stories",
        "eventwire.stories.settings:StoriesSettings",
        "eventwire.stories.stage:StoriesStage",
    ),
    StageEntry("store", "eventwire.store.settings:StoreSettings"),
    StageEntry(
        "entities",
        "eventwire.entities.settings:EntitiesSettings",
        "eventwire.entities.stage:EntitiesStage",
    ),
    StageEntry(
        "actors", "eventwire.actors.settings:ActorsSettings", "eventwire.actors.stage:ActorsStage"
    ),
    StageEntry("time", "eventwire.time.request:TimeSettings", "eventwire.time.stage:TimeStage"),
    StageEntry(
        "events", "eventwire.events.settings:EventsSettings", "eventwire.events.stage:EventsStage"
    ),
    StageEntry(
        "facts", "eventwire.facts.settings:FactsSettings", "eventwire.facts.stage:FactsStage"
    ),
    StageEntry("live", "eventwire.live.settings:LiveSettings"),
    StageEntry("dates", "eventwire.plausible:DatesSettings"),
)


def section_names(registry: tuple[StageEntry, ...] = REGISTRY) -> list[str]:
    """Every config section the registry knows, in order."""
    return [entry.name for entry in registry]


def stage_names(registry: tuple[StageEntry, ...] = REGISTRY) -> list[str]:
    """The names of the stages ``eventwire process`` runs (and ``--redo`` accepts), in order."""
    return [e.name for e in registry if e.stage is not None and not e.ingest]
