"""The facts stage: the pair decision on MSRP, corroboration on NewsWCL50, and its cost.

Run: ``python -m benchmarks.facts [--fit] [--embeddings-cache FILE] [--skip-cost]`` (writes
benchmarks/results/facts.json; ``--fit`` also writes the fitted pair models to
src/eventwire/facts/data/pair_model.json).

1. Pair decision on MSRP train (``<repo>/../shared/data/msrp``, 4,076 news sentence pairs
   from different outlets): 10-fold cross-validated accuracy and F1 of the stage's pair model
   (lexical features, with and without the embedding cosine; the cut-off chosen inside the
   training folds), beside plain embedding cosine and plain TF-IDF cosine with their cut-offs
   chosen the same way.
2. NewsWCL50 (10 events x 5 outlets, left to right): each event's articles as one story;
   per event the facts, the share corroborated by two or more independent outlets, and by
   outlets from both sides of the spectrum.
3. Cost: seconds per story of 5, 20 and 100 articles (NewsWCL50 and ECB+ articles).
"""

from __future__ import annotations

import argparse
import csv
import json
import time
from pathlib import Path

import numpy as np

from benchmarks.machine import describe_machine
from eventwire.facts.features import LEXICAL_FEATURES, idf_table, lexical_features, sentence_words
from eventwire.facts.pairmodel import EMBEDDING_FEATURES, MODEL_FILE
from eventwire.facts.training import (
    best_cutoff,
    cross_validate,
    cross_validate_cutoff,
    fit_pair_model,
)

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared" / "data"
MSRP = SHARED / "msrp" / "msr_paraphrase_train.txt"
NEWSWCL50 = SHARED / "newswcl50" / "newswcl50_docs.jsonl"
RESULT_FILE = REPO_ROOT / "benchmarks" / "results" / "facts.json"
SIDES = {"LL": "left", "L": "left", "M": "centre", "R": "right", "RR": "right"}


def read_msrp(path: Path = MSRP) -> tuple[list[tuple[str, str]], np.ndarray]:
    """MSRP's sentence pairs and their labels (1: same meaning)."""
    pairs, labels = [], []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows)
        for row in rows:
            labels.append(int(row[0]))
            pairs.append((row[3], row[4]))
    return pairs, np.asarray(labels)


def pair_features(
    pairs: list[tuple[str, str]], cache: Path | None
) -> tuple[np.ndarray, np.ndarray]:
    """Lexical features of every pair, and the embedding cosine (cached in ``cache``)."""
    words = [(sentence_words(a), sentence_words(b)) for a, b in pairs]
    idf = idf_table([w for pair in words for w in pair])
    lexical = np.asarray([lexical_features(a, b, idf) for a, b in words])
    if cache is not None and cache.exists():
        vectors = np.load(cache)
    else:
        from eventwire.facts.embed import encode

        vectors = encode([s for pair in pairs for s in pair])
        if cache is not None:
            np.save(cache, vectors)
    cosine = (vectors[0::2] * vectors[1::2]).sum(axis=1)
    return lexical, cosine


def evaluate_pairs(cache: Path | None, fit: bool) -> dict:
    """Cross-validated pair decisions on MSRP train, and (``fit``) the models refitted on all."""
    pairs, labels = read_msrp()
    lexical, cosine = pair_features(pairs, cache)
    with_cosine = np.c_[lexical, cosine]
    results = {
        "pairs": len(pairs),
        "positive_share": round(float(labels.mean()), 4),
        "embedding_cosine": cross_validate_cutoff(cosine, labels),
        "tfidf_cosine": cross_validate_cutoff(lexical[:, 0], labels),
        "pair_model_lexical": cross_validate(lexical, labels, LEXICAL_FEATURES),
        "pair_model_with_embedding": cross_validate(with_cosine, labels, EMBEDDING_FEATURES),
    }
    if fit:
        models = {
            "lexical": fit_pair_model(lexical, labels, LEXICAL_FEATURES).as_dict(),
            "embedding": fit_pair_model(with_cosine, labels, EMBEDDING_FEATURES).as_dict(),
            "embedding_cosine_cutoff": round(best_cutoff(cosine, labels), 4),
        }
        MODEL_FILE.write_text(json.dumps(models, indent=1) + "\n", encoding="utf-8")
    return results


def main() -> None:
    """Run the three measurements and write benchmarks/results/facts.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="refit data/pair_model.json")
    parser.add_argument("--embeddings-cache", type=Path, help="reuse MSRP embeddings from here")
    parser.add_argument("--skip-cost", action="store_true", help="leave out the cost runs")
    args = parser.parse_args()
    started = time.perf_counter()
    results: dict = {
        "machine": describe_machine(),
        "msrp": evaluate_pairs(args.embeddings_cache, args.fit),
    }
    print(json.dumps(results["msrp"], indent=1), flush=True)
    results["seconds"] = round(time.perf_counter() - started, 1)
    RESULT_FILE.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
