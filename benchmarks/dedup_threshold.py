"""Measure body-shingle Jaccard of true copies vs same-event articles to pick dedup settings.

Run: ``python -m benchmarks.dedup_threshold`` (writes benchmarks/results/dedup_threshold.json).

Negatives (must NOT be linked): different articles on the SAME event from different outlets:
every same-``subtopic`` pair of ECB+ and every same-``event_id`` pair of NewsWCL50.
Positives (MUST be linked): syndicated copies of real bodies (ScrapingHub ground-truth
``articleBody`` and ECB+ texts) made by realistic edits with a fixed seed: footer or byline
added, last or a middle paragraph dropped, 1-3% of words edited, quote/whitespace restyled.
Data is read from ``<repo>/../shared/data`` (see its README.md for origin and licences).
"""

from __future__ import annotations

import itertools
import json
import random
import re
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import numpy as np
from rensa import RMinHash, RMinHashLSH

from benchmarks.datasets import detokenise, read_jsonl
from benchmarks.machine import describe_machine
from eventwire.dedup import Deduplicator, DedupSettings
from eventwire.dedup.signature import exact_jaccard, word_shingles
from eventwire.model import Document
from eventwire.textnorm import normalize_for_comparison

REPO_ROOT = Path(__file__).resolve().parents[1]
DATA = REPO_ROOT.parent / "shared" / "data"
RESULT_FILE = REPO_ROOT / "benchmarks" / "results" / "dedup_threshold.json"
SEED = 20240601
THRESHOLDS = [round(0.30 + 0.05 * i, 2) for i in range(13)]
SHINGLE_SIZES = (2, 3, 4, 5, 6)
BAND_CHOICES = (8, 16, 32, 64)
MIN_SOURCE_WORDS = 50  # shorter bodies are teasers, not syndicated articles
MIN_PARAGRAPHS = 4  # bodies with fewer paragraphs are re-split into 2-sentence paragraphs
MIN_SOURCE_PARAGRAPHS = 3  # a copy may drop the last paragraph: keep most of the body
LONG_PARAGRAPHS = 5  # only long bodies lose a middle paragraph
TAIL_FROM = 0.3  # negatives at or above this similarity are listed for inspection

# Invented boilerplate that syndication adds (no real outlet names).
FOOTERS = (
    "This article was provided by a news agency and is republished under licence.",
    "Additional reporting by staff writers; editing by the news desk.",
    "Copyright 2024 The Example Wire. All rights reserved. This material may not be "
    "published, broadcast, rewritten or redistributed.",
    "Sign up for our daily newsletter to get the latest stories delivered to your inbox.",
    "Follow us on social media for more updates on this developing story.",
)
BYLINES = (
    "By Staff Reporter",
    "From wire reports",
    "LONDON (Wire) —",
    "By Associated Correspondent | Updated 10:32 AM",
    "NEW YORK, March 3 (Wire) -",
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")
QUOTE_STYLES = {'"': "\u201c", "'": "\u2019"}

Pair = tuple[str, str, str]  # (group label, first body, second body)


def load_negative_pairs() -> list[Pair]:
    """All same-event pairs of different articles (ECB+ subtopics, NewsWCL50 events).

    The label is "corpus:first_id|second_id" so that the high tail can be inspected.
    """
    groups: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for doc in read_jsonl(DATA / "ecbplus" / "docs.jsonl"):
        groups[f"ecbplus:{doc['subtopic']}"].append((doc["doc_id"], detokenise(doc["text"])))
    for doc in read_jsonl(DATA / "newswcl50" / "newswcl50_docs.jsonl"):
        groups[f"newswcl50:{doc['event_id']}"].append((doc["doc_id"], detokenise(doc["text"])))
    return [
        (f"{label.split(':')[0]}:{a_id}|{b_id}", a, b)
        for label, docs in sorted(groups.items())
        for (a_id, a), (b_id, b) in itertools.combinations(docs, 2)
    ]


def shared_sentence_share(first: str, second: str) -> float:
    """Share of the shorter body's sentences found verbatim (normalised) in the other."""
    a, b = ({normalize_for_comparison(s) for s in SENTENCE_END.split(t)} for t in (first, second))
    shorter, longer = sorted((a, b), key=len)
    return len(shorter & longer) / len(shorter) if shorter else 0.0


def describe_negative_tail(negatives: list[Pair], similarities: np.ndarray) -> list[dict]:
    """Same-event pairs at or above TAIL_FROM, with how much verbatim text they share."""
    order = np.argsort(-similarities, kind="stable")
    return [
        {
            "pair": negatives[i][0],
            "estimated": round(float(similarities[i]), 4),
            "shared_sentences": round(shared_sentence_share(negatives[i][1], negatives[i][2]), 3),
        }
        for i in order
        if similarities[i] >= TAIL_FROM
    ]


def load_source_bodies() -> list[tuple[str, str]]:
    """Real article bodies to syndicate: ScrapingHub gold bodies and ECB+ texts."""
    truth = json.loads((DATA / "extraction-scrapinghub" / "ground-truth.json").read_text())
    bodies = [("scrapinghub", item["articleBody"]) for _, item in sorted(truth.items())]
    bodies += [
        ("ecbplus", detokenise(d["text"])) for d in read_jsonl(DATA / "ecbplus" / "docs.jsonl")
    ]
    return [(name, text) for name, text in bodies if len(text.split()) >= MIN_SOURCE_WORDS]


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a body; one-block bodies are re-split into 2-sentence paragraphs."""
    paragraphs = [p.strip() for p in re.split(r"\n+", text) if p.strip()]
    if len(paragraphs) >= MIN_PARAGRAPHS:
        return paragraphs
    sentences = SENTENCE_END.split(" ".join(paragraphs))
    return [" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2)]


def edit_words(paragraphs: list[str], rng: random.Random) -> list[str]:
    """Edit 1-3% of words: substitute, delete, or insert a word (copy-editing)."""
    words = [p.split() for p in paragraphs]
    vocabulary = [w for ws in words for w in ws]
    slots = [(i, j) for i, ws in enumerate(words) for j in range(len(ws))]
    count = max(1, round(len(slots) * rng.uniform(0.01, 0.03)))
    for i, j in sorted(rng.sample(slots, count), reverse=True):
        action = rng.choice(("substitute", "delete", "insert"))
        other = rng.choice(vocabulary)
        if action == "substitute":
            words[i][j] = other
        elif action == "delete" and len(words[i]) > 1:
            del words[i][j]
        else:
            words[i].insert(j, other)
    return [" ".join(ws) for ws in words]


def restyle(text: str, rng: random.Random) -> str:
    """Change quote style and whitespace (curly quotes, doubled spaces, CRLF)."""
    for straight, curly in QUOTE_STYLES.items():
        text = text.replace(straight, curly)
    text = text.replace(". ", ".  ") if rng.random() < 0.5 else text
    return text.replace("\n", "\r\n")


def drop_middle(paragraphs: list[str], rng: random.Random) -> list[str]:
    """Drop one paragraph from the middle of a long body."""
    index = rng.randrange(1, len(paragraphs) - 1)
    return paragraphs[:index] + paragraphs[index + 1 :]


RECIPES: dict[str, Callable[[list[str], random.Random], list[str]]] = {
    "footer": lambda ps, rng: [*ps, rng.choice(FOOTERS)],
    "byline": lambda ps, rng: [rng.choice(BYLINES), *ps],
    "drop-last": lambda ps, rng: ps[:-1],
    "edit-1-3pct": edit_words,
    "drop-middle": drop_middle,
    "combined": lambda ps, rng: [
        rng.choice(BYLINES),
        *edit_words(ps[:-1], rng),
        rng.choice(FOOTERS),
    ],
}


def make_positive_pairs(rng: random.Random) -> list[Pair]:
    """(recipe, original, copy) for every source body and every recipe."""
    pairs = []
    for _, body in load_source_bodies():
        paragraphs = split_paragraphs(body)
        if len(paragraphs) < MIN_SOURCE_PARAGRAPHS:
            continue
        for name, recipe in RECIPES.items():
            if name == "drop-middle" and len(paragraphs) < LONG_PARAGRAPHS:
                continue
            copy = "\n\n".join(recipe(list(paragraphs), rng))
            if rng.random() < 0.5:
                copy = restyle(copy, rng)
            pairs.append((name, body, copy))
    return pairs


def sketch_all(texts: list[str], size: int, settings: DedupSettings) -> list[RMinHash]:
    """MinHash sketches of texts' shingles, as the deduplicator builds them."""
    token_sets = [sorted(word_shingles(t, size)) for t in texts]
    return RMinHash.from_token_sets(token_sets, num_perm=settings.num_perm, seed=settings.seed)


def pair_similarities(pairs: list[Pair], size: int, settings: DedupSettings) -> dict:
    """Exact and MinHash-estimated Jaccard of each pair at shingle ``size``."""
    exact = [exact_jaccard(word_shingles(a, size), word_shingles(b, size)) for _, a, b in pairs]
    firsts = sketch_all([a for _, a, _ in pairs], size, settings)
    seconds = sketch_all([b for _, _, b in pairs], size, settings)
    shingled = [bool(word_shingles(a, size) and word_shingles(b, size)) for _, a, b in pairs]
    estimated = [
        x.jaccard(y) if ok else 0.0 for x, y, ok in zip(firsts, seconds, shingled, strict=True)
    ]
    return {"exact": np.array(exact), "estimated": np.array(estimated)}


def score_thresholds(positives: np.ndarray, negatives: np.ndarray) -> list[dict]:
    """Precision/recall/F1 of "similarity >= t means copy" for each threshold."""
    rows = []
    for t in THRESHOLDS:
        tp = int((positives >= t).sum())
        fp = int((negatives >= t).sum())
        fn = len(positives) - tp
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / len(positives)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows.append(
            {
                "threshold": t,
                "precision": round(precision, 4),
                "recall": round(recall, 4),
                "f1": round(f1, 4),
                "false_positives": fp,
                "false_negatives": fn,
            }
        )
    return rows


def describe(values: np.ndarray) -> dict:
    """Min, percentiles and max of a similarity distribution."""
    points = {"min": 0, "p1": 1, "p5": 5, "median": 50, "p95": 95, "p99": 99, "max": 100}
    return {k: round(float(np.percentile(values, p)), 4) for k, p in points.items()}


def measure_lsh_recall(
    positives: list[Pair], negatives: list[Pair], settings: DedupSettings
) -> list[dict]:
    """Share of copies whose original is an LSH candidate, and negatives' candidate rate."""
    size = settings.shingle_size
    originals = sketch_all([a for _, a, _ in positives], size, settings)
    copies = sketch_all([b for _, _, b in positives], size, settings)
    neg_first = sketch_all([a for _, a, _ in negatives], size, settings)
    neg_second = sketch_all([b for _, _, b in negatives], size, settings)
    above = np.array(
        [
            exact_jaccard(word_shingles(a, size), word_shingles(b, size)) >= settings.threshold
            for _, a, b in positives
        ]
    )
    rows = []
    for bands in BAND_CHOICES:
        found = np.array(
            [_candidate(bands, settings, o, c) for o, c in zip(originals, copies, strict=True)]
        )
        false = sum(
            _candidate(bands, settings, a, b) for a, b in zip(neg_first, neg_second, strict=True)
        )
        rows.append(
            {
                "num_bands": bands,
                "copy_recall": round(float(found.mean()), 4),
                "copy_recall_above_threshold": round(float(found[above].mean()), 4),
                "negative_candidate_rate": round(false / len(negatives), 4),
            }
        )
    return rows


def _candidate(bands: int, settings: DedupSettings, first: RMinHash, second: RMinHash) -> bool:
    lsh = RMinHashLSH(threshold=settings.threshold, num_perm=settings.num_perm, num_bands=bands)
    lsh.insert(0, first)
    return 0 in lsh.query(second)


def run_end_to_end(positives: list[Pair], settings: DedupSettings) -> dict:
    """Feed all originals then all copies through the real Deduplicator; count links."""
    dedup = Deduplicator(settings)
    originals = list(dict.fromkeys(a for _, a, _ in positives))
    ids = {text: i for i, text in enumerate(originals, start=1)}
    roots = {}
    for text in originals:
        link = dedup.check_and_add(Document(ids[text], "s", "", text))
        roots[text] = ids[text] if link is None else link.copy_of
    false_links = sum(roots[t] != ids[t] for t in originals)
    by_recipe: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    next_id = len(originals) + 1
    for offset, (recipe, original, copy) in enumerate(positives):
        link = dedup.check_and_add(Document(next_id + offset, "s", "new headline", copy))
        by_recipe[recipe][0] += link is not None and link.copy_of == roots[original]
        by_recipe[recipe][1] += 1
    recall = {k: round(v[0] / v[1], 4) for k, v in sorted(by_recipe.items())}
    return {
        "originals": len(originals),
        "links_among_originals": false_links,
        "copy_recall": recall,
    }


def main() -> None:
    """Run the measurement, print tables and write the JSON result."""
    started = time.perf_counter()
    settings = DedupSettings()
    negatives = load_negative_pairs()
    positives = make_positive_pairs(random.Random(SEED))
    result: dict = {
        "seed": SEED,
        "settings": settings.__dict__,
        "positives": len(positives),
        "negatives": len(negatives),
        "by_shingle_size": {},
    }
    for size in SHINGLE_SIZES:
        pos = pair_similarities(positives, size, settings)
        neg = pair_similarities(negatives, size, settings)
        result["by_shingle_size"][size] = {
            "negatives": {kind: describe(v) for kind, v in neg.items()},
            "positives": {kind: describe(v) for kind, v in pos.items()},
            "positives_by_recipe": _by_recipe(positives, pos["estimated"]),
            "thresholds_estimated": score_thresholds(pos["estimated"], neg["estimated"]),
        }
        if size == settings.shingle_size:
            result["negative_tail"] = describe_negative_tail(negatives, neg["estimated"])
    result["lsh"] = measure_lsh_recall(positives, negatives, settings)
    result["end_to_end"] = run_end_to_end(positives, settings)
    result["seconds"] = round(time.perf_counter() - started, 1)
    result["machine"] = describe_machine()
    RESULT_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULT_FILE.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print_report(result)


def _by_recipe(pairs: list[Pair], values: np.ndarray) -> dict:
    groups: dict[str, list[float]] = defaultdict(list)
    for (recipe, _, _), value in zip(pairs, values, strict=True):
        groups[recipe].append(value)
    return {k: describe(np.array(v)) for k, v in sorted(groups.items())}


def print_report(result: dict) -> None:
    """Print the measurement as plain-text tables."""
    print(
        f"positives (synthetic copies): {result['positives']}, "
        f"negatives (same-event pairs): {result['negatives']}"
    )
    print("\nshingle  negatives max / p99 (est.)   positives min / p1 / p5 (est.)")
    for size, block in result["by_shingle_size"].items():
        n, p = block["negatives"]["estimated"], block["positives"]["estimated"]
        print(
            f"{size:>7}  {n['max']:.3f} / {n['p99']:.3f}              "
            f"{p['min']:.3f} / {p['p1']:.3f} / {p['p5']:.3f}"
        )
    threshold = result["settings"]["threshold"]
    print(f"\nF1 (FP, FN) at threshold {threshold} by shingle size")
    for size, block in result["by_shingle_size"].items():
        row = next(r for r in block["thresholds_estimated"] if r["threshold"] == threshold)
        print(f"{size:>7}  {row['f1']:.4f} ({row['false_positives']}, {row['false_negatives']})")
    chosen = result["settings"]["shingle_size"]
    block = result["by_shingle_size"][chosen]
    print(f"\nshingle_size={chosen}, estimated Jaccard (num_perm={result['settings']['num_perm']})")
    print("threshold  precision  recall   F1      FP    FN")
    for row in block["thresholds_estimated"]:
        print(
            f"{row['threshold']:>9.2f}  {row['precision']:>9.4f}  {row['recall']:.4f}  "
            f"{row['f1']:.4f}  {row['false_positives']:>4}  {row['false_negatives']:>4}"
        )
    print("\npositives by recipe (estimated Jaccard min / p5 / median)")
    for recipe, d in block["positives_by_recipe"].items():
        print(f"  {recipe:<12} {d['min']:.3f} / {d['p5']:.3f} / {d['median']:.3f}")
    print(f"\nsame-event pairs with estimated Jaccard >= {TAIL_FROM} (shared verbatim sentences)")
    for row in result["negative_tail"]:
        print(f"  {row['pair']:<32} {row['estimated']:.3f}  ({row['shared_sentences']:.2f})")
    print("\nLSH at threshold", result["settings"]["threshold"])
    for row in result["lsh"]:
        print(
            f"  bands={row['num_bands']:>3}  copy recall {row['copy_recall']:.4f}  "
            f"(exact J >= threshold: {row['copy_recall_above_threshold']:.4f})  "
            f"negative candidate rate {row['negative_candidate_rate']:.4f}"
        )
    e2e = result["end_to_end"]
    print(
        f"\nend to end: {e2e['originals']} originals, {e2e['links_among_originals']} links "
        f"among them; copy recall by recipe: {e2e['copy_recall']}"
    )
    print(f"({result['seconds']} s)")


if __name__ == "__main__":
    main()
