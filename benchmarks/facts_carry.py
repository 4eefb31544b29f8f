"""Does the pair decision fitted on MSRP carry over? Hand-labelled claim pairs of ECB+ stories.

``python -m benchmarks.facts_carry --draw FILE`` draws the pairs (no model is run) and writes
them, unlabelled, to FILE: benchmarks/data/facts_pairs_ecbplus.json holds them with the labels
added by hand (and its header).
``python -m benchmarks.facts --carry-over`` scores them (``carry_over``) with the shipped
models and cut-offs, nothing refitted. How the set was drawn and labelled:
benchmarks/data/README.md.

1. Each ECB+ subtopic (one real event, several documents) is one story: every document an
   article of its own outlet, its text read as ``benchmarks.facts.cost`` reads ECB+ (tokens
   joined back, one paragraph a line); its claims split by the stage's ``document_claims``.
2. The candidates are the stage's own (``build.story_candidates``: shared words or a
   number, TF-IDF cosine of at least ``facts.candidate_tfidf``), pairs of identical sentences
   (after folding) left out: a verbatim copy tests nothing here; a pair of sentences that
   several pairs of documents give is kept once.
3. ``PER_BIN`` pairs drawn at random (``random.Random(SEED)``) from each TF-IDF cosine bin
   of ``BINS``, so that both labels occur: most candidates have a low cosine.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from collections.abc import Iterable
from itertools import pairwise
from pathlib import Path

from benchmarks.datasets import REPO_ROOT, iter_ecbplus
from eventwire.facts.align import claim_info
from eventwire.facts.build import story_candidates
from eventwire.facts.claims import document_claims
from eventwire.facts.settings import FactsSettings
from eventwire.model import Claim, Document
from eventwire.textnorm import normalize_for_comparison

PAIRS_FILE = REPO_ROOT / "benchmarks" / "data" / "facts_pairs_ecbplus.json"
SEED = 20261207
BINS = (0.1, 0.2, 0.3, 0.45, 0.65, 1.01)  # TF-IDF cosine bins the draw is stratified by
PER_BIN = 36


def ecbplus_stories() -> dict[str, list[Document]]:
    """ECB+ documents by subtopic, as stored documents (source: the document id)."""
    stories: dict[str, list[Document]] = defaultdict(list)
    for n, doc in enumerate(iter_ecbplus(), start=1):
        text = doc["text"].replace("\n", "\n\n")  # one paragraph a line, as facts.cost reads it
        stories[doc["subtopic"]].append(Document(n, doc["doc_id"], doc["title"], text, None))
    return dict(stories)


def story_claims(documents: list[Document], settings: FactsSettings) -> list[Claim]:
    """The claims of a story's documents, split as the stage splits them."""
    return [
        claim
        for document in documents
        for claim in document_claims(document, [], settings.min_claim_words, settings.quote_words)
    ]


def candidate_records(subtopic: str, documents: list[Document]) -> list[dict]:
    """The stage's candidate pairs of one story, not verbatim copies, with their cosine."""
    settings = FactsSettings()
    claims = story_claims(documents, settings)
    infos = [claim_info(claim, []) for claim in claims]
    candidates, _ = story_candidates(infos, settings)
    records = []
    for (i, j), cosine in sorted(candidates.items()):
        a, b = claims[i], claims[j]
        if normalize_for_comparison(a.sentence) == normalize_for_comparison(b.sentence):
            continue
        records.append(
            {
                "subtopic": subtopic,
                "doc_a": a.source,
                "doc_b": b.source,
                "span_a": [a.start, a.end],
                "span_b": [b.start, b.end],
                "sentence_a": a.sentence,
                "sentence_b": b.sentence,
                "tfidf_cosine": round(cosine, 4),
            }
        )
    return records


def draw_pairs() -> tuple[list[dict], dict[str, int]]:
    """``PER_BIN`` candidates drawn at random from each cosine bin, and each bin's size."""
    candidates = distinct(
        record
        for subtopic, documents in sorted(ecbplus_stories().items())
        for record in candidate_records(subtopic, documents)
    )
    rng = random.Random(SEED)
    drawn, sizes = [], {}
    for low, high in pairwise(BINS):
        members = [r for r in candidates if low <= r["tfidf_cosine"] < high]
        sizes[f"{low}-{high}"] = len(members)
        drawn += rng.sample(members, PER_BIN)
    return drawn, sizes


def distinct(records: Iterable[dict]) -> list[dict]:
    """The first record of each pair of sentences (ECB+ holds documents that repeat
    another's sentences, so one pair of sentences can come from several document pairs)."""
    seen, kept = set(), []
    for record in records:
        key = frozenset(normalize_for_comparison(record[k]) for k in ("sentence_a", "sentence_b"))
        if key not in seen:
            seen.add(key)
            kept.append(record)
    return kept


def write_unlabelled(path: Path) -> None:
    """The drawn pairs with an empty label each (filled in by hand afterwards)."""
    drawn, sizes = draw_pairs()
    data = {
        "seed": SEED,
        "bins": list(BINS),
        "per_bin": PER_BIN,
        "candidates_per_bin": sizes,
        "pairs": [{"id": n, **record, "label": None} for n, record in enumerate(drawn)],
    }
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> None:
    """Draw the set again, unlabelled (``--draw FILE``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draw", type=Path, required=True, help="write the unlabelled pairs here")
    write_unlabelled(parser.parse_args().draw)


if __name__ == "__main__":
    main()
