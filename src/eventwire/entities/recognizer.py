"""The entities stage: named-entity mentions with sentence index and character offsets."""

from __future__ import annotations

import logging
from bisect import bisect_right
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from eventwire.entities.loader import ModelLoader
from eventwire.entities.settings import EntitiesSettings
from eventwire.entities.spans import join_split_spans
from eventwire.model import (
    PART_BODY,
    PART_TITLE,
    ArticleEntities,
    ArticleParse,
    Document,
    Mention,
    Rejection,
    SentenceParse,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

Result = ArticleEntities | Rejection


class EntityRecognizer:
    """Finds PERSON/ORG/GPE/NORP/LOC/FAC/DATE/TIME spans in articles' titles and bodies."""

    def __init__(self, settings: EntitiesSettings | None = None) -> None:
        self.settings = settings or EntitiesSettings()
        self.loader = ModelLoader(self.settings.model, self.settings.parse)

    def recognize(self, documents: Sequence[Document]) -> list[Result]:
        """One ArticleEntities per document (or a Rejection), in the input order."""
        accepted = [d for d in documents if not _too_long(d, self.settings.max_chars)]
        found = dict(self._recognize_all(accepted))
        return [found.get(d.id) or _reject_too_long(d, self.settings.max_chars) for d in documents]

    def recognize_stream(self, documents: Iterable[Document], count: int) -> Iterator[Result]:
        """One result per document, in order, as ``recognize`` gives them, over ``count``
        documents read lazily: one ``nlp.pipe`` stream (its worker processes start once)."""
        limit = self.settings.max_chars
        read: deque[Document] = deque()

        def texts() -> Iterator[str]:
            for document in documents:
                read.append(document)
                long = _too_long(document, limit)  # read as two empty texts, then rejected
                yield "" if long else document.title or ""
                yield "" if long else document.text or ""

        docs = self._pipe(texts(), self._workers(count))
        for title_doc, body_doc in zip(docs, docs, strict=True):
            document = read.popleft()
            if _too_long(document, limit):
                yield _reject_too_long(document, limit)
            else:
                yield self._entities(document, title_doc, body_doc)

    def _recognize_all(self, documents: Sequence[Document]) -> list[tuple[int, Result]]:
        """All documents in one ``nlp.pipe`` stream; article by article if the stream fails."""
        try:
            return list(self._recognize_stream(documents, self._workers(len(documents))))
        except Exception:
            log.exception("entity recognition failed; retrying the articles one by one")
            return list(self._recognize_singly(documents))

    def _recognize_stream(
        self, documents: Sequence[Document], workers: int
    ) -> Iterator[tuple[int, Result]]:
        texts = [text for d in documents for text in (d.title or "", d.text or "")]
        docs = self._pipe(texts, workers)
        for document in documents:
            title_doc, body_doc = next(docs), next(docs)
            yield document.id, self._entities(document, title_doc, body_doc)

    def _pipe(self, texts: Iterable[str], workers: int) -> Iterator[Doc]:
        nlp = self.loader.get()
        return nlp.pipe(texts, batch_size=max(1, self.settings.batch_size), n_process=workers)

    def _entities(self, document: Document, title_doc: Doc, body_doc: Doc) -> ArticleEntities:
        """The mentions of one article's title and body (and their parse when kept)."""
        mentions = self._mentions(document.id, PART_TITLE, title_doc, document.title or "")
        mentions += self._mentions(document.id, PART_BODY, body_doc, document.text or "")
        parse = None
        if self.settings.parse:
            sentences = sentence_parses(PART_TITLE, title_doc)
            parse = ArticleParse(document.id, sentences + sentence_parses(PART_BODY, body_doc))
        return ArticleEntities(document.id, tuple(mentions), parse)

    def _recognize_singly(self, documents: Sequence[Document]) -> Iterator[tuple[int, Result]]:
        for document in documents:
            try:
                yield from self._recognize_stream([document], workers=1)
            except Exception as error:
                message = f"entity recognition failed: {type(error).__name__}: {error}"
                yield document.id, Rejection(f"article {document.id}", "entities-error", message)

    def _workers(self, count: int) -> int:
        """Worker processes for ``count`` articles: one unless there is enough for several."""
        per_worker = max(1, self.settings.min_articles_per_process)
        return max(1, min(self.settings.n_process, count // per_worker))

    def _mentions(self, article_id: int, part: str, doc: Doc, text: str) -> list[Mention]:
        """The doc's kept spans as mentions, split names joined (entities/spans.py)."""
        labels = self.settings.label_set
        starts = [sentence.start for sentence in doc.sents]
        mentions = []
        for ent in doc.ents:
            if ent.label_ not in labels:
                continue
            sentence = _sentence_index(starts, ent.start)
            mentions.append(
                Mention(
                    article_id, part, sentence, ent.start_char, ent.end_char, ent.text, ent.label_
                )
            )
        return join_split_spans(mentions, text)


def sentence_parses(part: str, doc: Doc) -> tuple[SentenceParse, ...]:
    """The doc's sentences as compact parses (what the events stage reads)."""
    parses = []
    for index, sentence in enumerate(doc.sents):
        first = sentence.start
        tokens = tuple(
            (t.idx, t.idx + len(t), t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i - first)
            for t in sentence
        )
        parses.append(SentenceParse(part, index, tokens))
    return tuple(parses)


def _sentence_index(starts: list[int], token: int) -> int:
    """Index of the sentence containing token ``token`` (``starts`` ascending)."""
    return max(0, bisect_right(starts, token) - 1)


def _too_long(document: Document, limit: int) -> bool:
    return limit > 0 and len(document.title or "") + len(document.text or "") > limit


def _reject_too_long(document: Document, limit: int) -> Rejection:
    message = f"longer than entities.max_chars ({limit} characters)"
    return Rejection(f"article {document.id}", "too-long", message)
