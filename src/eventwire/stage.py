"""The stage contract: what every stage declares and does, whatever runs it.

A stage is a class with a ``name``, a ``version`` (bumped when its output changes, so stored
results are computed again), its ``settings`` dataclass (its config section) and a ``scope``:

- ``article``: a pure function over a batch of article records, ``run(records)``: no database,
  no global state, so any runner can map it over partitions (clean, entities);
- ``stream``: ordered and stateful over the whole collection (dedup, stories): ``run`` sees
  records in id order, and ``snapshot()``/``restore(state)`` hand its state over;
- ``story``: over all articles of one story, ``run([story_input])``; run again when the story
  gains articles (actors, time). A story stage that keeps no state between stories may
  declare ``batched = True`` (facts): it then gets a whole batch of stories, ``run(stories)``,
  and one story at a time only when the batch call fails.

``run`` returns one outcome per record, in order: the stage's result, a ``Rejection`` (the
record failed: recorded as failed with the reason) or a ``Skipped`` (left out on purpose).
What a stage reads before ``run`` and writes after it goes through ``load`` and ``save``
over the ``Repository`` (each stage's store module), never through the database directly.

Stages are registered by name, in running order, in ``eventwire.stages``. The runner
(``eventwire.pipeline``) owns batching, error containment, timing, bookkeeping and reports.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Any, Literal, Protocol

if TYPE_CHECKING:
    from eventwire.model import StageReport
    from eventwire.store import Repository

Scope = Literal["article", "stream", "story"]
ARTICLE: Scope = "article"
STREAM: Scope = "stream"
STORY: Scope = "story"


class UnknownStageError(ValueError):
    """``--redo`` named a stage the registry does not have."""


class Stage(Protocol):
    """What the runner needs of every stage (see the module docstring)."""

    name: str
    version: int
    scope: Scope
    after: str | None  # the stage whose results it reads (its records are that stage's "ok")

    def __init__(self, settings: Any) -> None: ...

    def run(self, records: Sequence[Any]) -> list[Any]:
        """One outcome per record, in order: a result, a Rejection or a Skipped."""
        ...


class StoredStage(Stage, Protocol):
    """A stage over stored articles or stories: reads its inputs and writes its results."""

    originals_only: bool  # optional (default False): article scope skips the copies dedup found
    batched: bool  # optional (default False): story scope, ``run`` takes a batch of stories

    def load(self, repo: Repository, ids: Sequence[int]) -> list[Any]:
        """The records of these article (or story) ids, in order."""
        ...

    def save(self, repo: Repository, done: Sequence[tuple[Any, Any]], runs: Sequence[Any]) -> None:
        """Write ``done`` (record, result) pairs and the bookkeeping ``runs`` in one go."""
        ...

    def count(self, report: StageReport, record: Any, outcome: Any) -> None:
        """Optional: count one record's outcome in the report (default: one in, one out)."""
        ...

    def run_stream(self, records: Iterable[Any], count: int) -> Iterator[Any]:
        """Optional, article scope: ``run`` over ``count`` records read lazily, outcomes in
        order (one call for every pending article: a start-up paid once, not per batch)."""
        ...


class StatefulStage(StoredStage, Protocol):
    """A stage with state (every stream stage; a story stage may have one too, like actors'
    people): rebuilt from the store before each run, or handed from one runner to another."""

    def load_state(self, repo: Repository) -> Any:
        """What ``restore`` needs, read from the store (the records run at this version)."""
        ...

    def restore(self, state: Any) -> None:
        """Replay ``state`` (from ``load_state`` or another runner's ``snapshot``)."""
        ...

    def snapshot(self) -> Any:
        """The state as ``restore`` takes it."""
        ...


@dataclass(frozen=True)
class StageEntry:
    """One registration: a name and where its settings and stage class live.

    The paths are ``"module:attribute"`` strings, imported only when needed, so that reading
    the registry (the CLI's --help, settings, read commands) loads no stage's libraries.
    """

    name: str
    settings: str
    stage: str | None = None  # None: a settings section only (ingest, store, live)
    ingest: bool = False  # runs on raw input before storage (clean), not in ``process``

    def settings_type(self) -> type:
        """The settings dataclass (its module holds only settings: cheap to import)."""
        return load_attribute(self.settings)

    def stage_type(self) -> type:
        """The stage class (imports the stage's libraries)."""
        if self.stage is None:
            raise LookupError(f"{self.name} is a settings section, not a stage")
        return load_attribute(self.stage)


def load_attribute(path: str) -> Any:
    """``"package.module:attribute"`` -> the attribute."""
    module, _, attribute = path.partition(":")
    return getattr(import_module(module), attribute)
