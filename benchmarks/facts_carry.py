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

Scoring, nothing fitted on these pairs: the plain embedding and TF-IDF cosines at the
cut-offs chosen on MSRP's tuning part (recomputed here as ``benchmarks.facts`` chooses them,
with their MSRP held-out figures as a check), the tuned cosine at the shipped cut-off, the
shipped lexical and tuned pair models at their shipped cut-offs (feature rows built as for
MSRP's held-out pairs, ``benchmarks.facts.weighted_rows``, with the shipped term and piece
weights), and the stage's own decision within the whole story (``build._aligned_pairs``).
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from itertools import pairwise
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

from benchmarks.datasets import REPO_ROOT, iter_ecbplus
from benchmarks.facts import (
    facts_inputs,
    model_states,
    pair_features,
    read_msrp,
    split_cutoff,
    weighted_rows,
)
from benchmarks.stores import temporary_pipeline
from eventwire.facts import embed
from eventwire.facts.align import claim_info
from eventwire.facts.build import _aligned_pairs, _claim_infos, story_candidates
from eventwire.facts.claims import document_claims
from eventwire.facts.features import term_weights
from eventwire.facts.pairmodel import cosine_cutoff, load_pair_model
from eventwire.facts.settings import FactsSettings
from eventwire.facts.tokenalign import piece_weights
from eventwire.facts.training import best_cutoff, fixed_split, scores
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


def load_pairs(path: Path = PAIRS_FILE) -> dict:
    """The labelled set: its header and ``pairs``."""
    return json.loads(path.read_text(encoding="utf-8"))


def tally(predicted: np.ndarray, gold: np.ndarray) -> dict[str, float]:
    """Accuracy, F1 and the four counts of ``predicted`` (booleans) against ``gold`` (0/1)."""
    found = scores(predicted, gold)
    return {
        "accuracy": round(found["accuracy"], 4),
        "f1": round(found["f1"], 4),
        "true_positive": int((predicted & (gold == 1)).sum()),
        "false_positive": int((predicted & (gold == 0)).sum()),
        "false_negative": int((~predicted & (gold == 1)).sum()),
        "true_negative": int((~predicted & (gold == 0)).sum()),
    }


def msrp_cutoffs() -> tuple[dict[str, float], dict[str, dict]]:
    """The plain embedding and TF-IDF cosines' cut-offs chosen on MSRP's tuning part, and
    their held-out figures (``split_cutoff``: the MSRP results' own, as a check)."""
    pairs, labels = read_msrp()
    texts = [s for pair in pairs for s in pair]
    plain = pair_features(pairs, model_states(embed.shared_model(tuned=False), texts))
    tune, _ = fixed_split(labels)
    found = {"embedding_cosine": plain.cosine, "tfidf_cosine": plain.lexical[:, 0]}
    cutoffs = {name: best_cutoff(score[tune], labels[tune]) for name, score in found.items()}
    return cutoffs, {name: split_cutoff(score, labels) for name, score in found.items()}


def pair_decisions(
    pairs: list[tuple[str, str]], cutoffs: dict[str, float]
) -> dict[str, np.ndarray]:
    """Each decision on ``pairs`` with the shipped models and cut-offs (``cutoffs``: the plain
    cosines'), the features read over these pairs as over MSRP's."""
    texts = [s for pair in pairs for s in pair]
    plain = pair_features(pairs, model_states(embed.shared_model(tuned=False), texts))
    tuned = pair_features(pairs, model_states(embed.shared_model(tuned=True), texts))
    every = np.arange(len(pairs))
    lexical, stage = load_pair_model(False), load_pair_model(True)
    lexical_rows = weighted_rows(plain, every, "lexical", term_weights())
    stage_rows = weighted_rows(tuned, every, "tokens", term_weights(), piece_weights())
    return {
        "embedding_cosine": plain.cosine >= cutoffs["embedding_cosine"],
        "tfidf_cosine": plain.lexical[:, 0] >= cutoffs["tfidf_cosine"],
        "tuned_cosine": tuned.cosine >= cosine_cutoff(),
        "pair_model_lexical": lexical.probability(lexical_rows) >= lexical.threshold,
        "pair_model_tuned": stage.probability(stage_rows) >= stage.threshold,
    }


def story_decisions(records: list[dict]) -> np.ndarray:
    """Whether the facts stage aligns each pair within its whole story: claims read with
    spaCy's mentions, resolved actors and times (as ``benchmarks.facts`` reads NewsWCL50),
    then ``build._aligned_pairs`` (lexically sure pairs, the embedding floor and budget, the
    pair model, or the tuned cosine with agreeing actors and numbers)."""
    settings, stories = FactsSettings(), ecbplus_stories()
    encoder = embed.SentenceEncoder(threads=1, processes=1)
    aligned, claims = set(), set()
    for n, subtopic in enumerate(sorted({r["subtopic"] for r in records}), start=1):
        infos = _claim_infos(facts_inputs(stories[subtopic], n), settings)
        where = [(info.claim.source, info.claim.start) for info in infos]
        claims |= set(where)
        aligned |= {
            frozenset((where[i], where[j])) for i, j in _aligned_pairs(infos, settings, encoder)
        }
    keys = [
        frozenset(((r["doc_a"], r["span_a"][0]), (r["doc_b"], r["span_b"][0]))) for r in records
    ]
    assert all(key <= claims for key in keys), "a pair's claims were not read in its story"
    return np.asarray([key in aligned for key in keys])


def run_decisions(records: list[dict]) -> tuple[np.ndarray, int]:
    """Whether ``eventwire run`` puts each pair's two claims in one stored fact: the labelled
    subtopics' documents written as text files, one outlet folder a document, run through the
    runner into a fresh store (its own story clustering, cleaning and stages), the stories'
    facts read back. A claim is found by its outlet and its sentence (normalised, either
    containing the other); also returned: how many pairs had a claim the store lacks."""
    stories = ecbplus_stories()
    with tempfile.TemporaryDirectory() as folder:
        inputs = Path(folder) / "in"
        for subtopic in sorted({r["subtopic"] for r in records}):
            for document in stories[subtopic]:
                outlet = inputs / document.source
                outlet.mkdir(parents=True, exist_ok=True)
                body = f"{document.title}\n\n{document.text}\n"
                (outlet / f"{document.source}.txt").write_text(body, encoding="utf-8")
        facts_of: dict[str, list[tuple[str, tuple]]] = defaultdict(list)
        with temporary_pipeline() as pipeline:
            pipeline.run([inputs])
            for story in pipeline.repo.list_stories(None, 0):
                found = pipeline.repo.story_facts(story.id)
                for fact in found.facts if found else ():
                    for claim in fact.claims:
                        key = normalize_for_comparison(claim.sentence)
                        facts_of[claim.source].append((key, (story.id, fact.seq)))

    def facts(source: str, sentence: str) -> set[tuple]:
        wanted = normalize_for_comparison(sentence)
        return {f for key, f in facts_of[source] if key in wanted or wanted in key}

    decided, missing = [], 0
    for r in records:
        a, b = facts(r["doc_a"], r["sentence_a"]), facts(r["doc_b"], r["sentence_b"])
        missing += not (a and b)
        decided.append(bool(a & b))
    return np.asarray(decided), missing


def carry_over(path: Path = PAIRS_FILE) -> dict:
    """Accuracy, F1 and counts of each decision on the labelled set, against ``label`` (same
    fact) and ``shares_fact``; per cosine bin, and weighted by the bins' share of candidates."""
    data = load_pairs(path)
    records = data["pairs"]
    gold = {k: np.asarray([r[k] for r in records]) for k in ("label", "shares_fact")}
    with threadpool_limits(1):
        cutoffs, check = msrp_cutoffs()
        decisions = pair_decisions([(r["sentence_a"], r["sentence_b"]) for r in records], cutoffs)
        decisions["stage_in_story"] = story_decisions(records)
        decisions["eventwire_run"], not_found = run_decisions(records)
    lexical, stage = load_pair_model(False), load_pair_model(True)
    return {
        "pairs": len(records),
        "same_fact_pairs": int(gold["label"].sum()),
        "shares_fact_pairs": int(gold["shares_fact"].sum()),
        "seed": data["seed"],
        "cutoffs": {
            **{name: round(value, 4) for name, value in cutoffs.items()},
            "tuned_cosine": cosine_cutoff(),
            "pair_model_lexical": lexical.threshold,
            "pair_model_tuned": stage.threshold,
        },
        "msrp_held_out_check": check,
        "eventwire_run_pairs_with_a_claim_not_stored": not_found,
        "same_fact": {name: tally(d, gold["label"]) for name, d in decisions.items()},
        "shares_fact": {name: tally(d, gold["shares_fact"]) for name, d in decisions.items()},
        "by_bin": by_bin(data, decisions, gold["label"]),
        "misses": {name: misses(d, gold["label"]) for name, d in decisions.items()},
    }


def misses(predicted: np.ndarray, gold: np.ndarray) -> dict[str, list[int]]:
    """The ids (row numbers) of the pairs a decision gets wrong, by kind."""
    return {
        "false_positive": np.flatnonzero(predicted & (gold == 0)).tolist(),
        "false_negative": np.flatnonzero(~predicted & (gold == 1)).tolist(),
    }


def by_bin(data: dict, decisions: dict[str, np.ndarray], gold: np.ndarray) -> dict:
    """Per TF-IDF cosine bin: pairs, same-fact pairs, each decision's accuracy; and the
    accuracy over all candidates (each bin weighted by its share of the candidates)."""
    sizes = data["candidates_per_bin"]
    cosines = np.asarray([r["tfidf_cosine"] for r in data["pairs"]])
    found: dict = {}
    weighted = dict.fromkeys(decisions, 0.0)
    for name, (low, high) in zip(sizes, pairwise(data["bins"]), strict=True):
        rows = (cosines >= low) & (cosines < high)
        share = sizes[name] / sum(sizes.values())
        accuracy = {k: float((d[rows] == gold[rows]).mean()) for k, d in decisions.items()}
        for k, value in accuracy.items():
            weighted[k] += share * value
        found[name] = {
            "candidates": sizes[name],
            "pairs": int(rows.sum()),
            "same_fact": int(gold[rows].sum()),
            "accuracy": {k: round(v, 4) for k, v in accuracy.items()},
        }
    found["candidate_weighted_accuracy"] = {k: round(v, 4) for k, v in weighted.items()}
    return found


def main() -> None:
    """Draw the set again, unlabelled (``--draw FILE``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draw", type=Path, required=True, help="write the unlabelled pairs here")
    write_unlabelled(parser.parse_args().draw)


if __name__ == "__main__":
    main()
