"""Loads the spaCy pipeline once, with only the components the entities stage needs."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

# tok2vec feeds ner; senter is the small statistical sentence splitter (no parser needed).
NEEDED_COMPONENTS = ("tok2vec", "senter", "ner")
# With the parse kept for the events stage (entities.parse): the tagger and the parser, which
# also splits the sentences (docs/events.md: one spaCy pass serves both stages). The attribute
# ruler and lemmatizer cost a fifth of the default pipeline's time: the events stage derives
# POS and lemmas from the fine tags itself.
PARSE_COMPONENTS = ("tok2vec", "tagger", "parser", "ner")


class ModelLoader:
    """Holds one loaded pipeline: loaded on first use, then reused for every batch."""

    def __init__(self, name: str, parse: bool = False) -> None:
        self.name = name
        self.parse = parse
        self._nlp: Language | None = None

    def get(self) -> Language:
        """The loaded pipeline (loading it the first time)."""
        if self._nlp is None:
            self._nlp = shared_pipeline(self.name, self.parse)
        return self._nlp

    @property
    def loaded(self) -> bool:
        """True once the pipeline has been loaded."""
        return self._nlp is not None


@functools.cache
def shared_pipeline(name: str, parse: bool = False) -> Language:
    """Package ``name`` loaded once per process: the one model cache (keyed by model name
    and whether it parses).

    Loading takes about a second and a few hundred MB, so every recogniser in a process (each
    pipeline run of a long-lived process, each command the test suite runs) shares it. Its
    results do not depend on what it read before (only its string store grows).
    """
    return load_pipeline(name, PARSE_COMPONENTS if parse else NEEDED_COMPONENTS)


def load_pipeline(name: str, needed: tuple[str, ...] = NEEDED_COMPONENTS) -> Language:
    """Load package ``name`` with every component except ``needed`` excluded."""
    import spacy
    from spacy.util import get_package_path, load_config

    config = load_config(get_package_path(name) / _model_folder(name) / "config.cfg")
    available = config["nlp"]["pipeline"]
    excluded = [pipe for pipe in available if pipe not in needed]
    nlp = spacy.load(name, exclude=excluded)
    if "senter" in needed and "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    if {"parser", "senter"} & set(nlp.pipe_names):
        from eventwire.entities.paragraphs import NAME  # registers the component

        nlp.add_pipe(NAME, first=True)  # paragraph breaks end sentences (entities/paragraphs.py)
    return nlp


def _model_folder(name: str) -> str:
    """The versioned data folder inside a spaCy model package."""
    from spacy.util import get_package_path, get_package_version

    version = get_package_version(name) or ""
    folder = f"{name}-{version}"
    if (get_package_path(name) / folder).is_dir():
        return folder
    return ""
