"""Settings of the facts stage (the ``[facts]`` config section)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FactsSettings:
    """How claims are read, aligned across outlets and summarised (docs/facts.md)."""

    enabled: bool = True
    embeddings: bool = True  # add the sentence-embedding cosine (lexical alone when False)
    summary_sentences: int = 5  # at most this many facts in a story's summary
    min_claim_words: int = 5  # shorter sentences are no claims (leftovers, labels)
    quote_words: int = 4  # a quotation this long is a quote; shorter ones are terms
    shared_passage_words: int = 30  # a verbatim run this long counts as one report
    min_shared_words: int = 2  # candidate pairs share this many content words (or a number)
    common_word_share: float = 0.3  # words in more of a story's claims pick no candidates
    candidate_tfidf: float = 0.1  # candidates reach this TF-IDF cosine
    lexical_sure: float = 0.8  # lexical probability that aligns a pair without embedding
    embedding_floor: float = 0.3  # lexical probability that gets a pair embedded, or ...
    embedding_names: int = 3  # ... this many named actors in common
    embedding_names_floor: float = 0.2  # ... and this lexical probability
    embedding_budget: int = 12  # sentences embedded per article of a story, at most
    embedding_threads: int = 1  # threads of the sentence model (CTranslate2 intra-op)
    embedding_processes: int = 2  # processes sharing the model's batches (with a core spare)
    helper_timeout_seconds: float = 300.0  # a helper's story waited for, then helpers killed
