"""Cost of the pair model's features per sentence and per candidate pair, this checkout
against another checkout's (``--against``: its src folder), on MSRP pairs in one run.

Run: ``python -m benchmarks.pair_cost --against ../main/src [--pairs 1000]``. Prints seconds
per sentence (words and prepared token states) and per pair (lexical and token features).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path
from types import ModuleType

from benchmarks.facts import read_msrp
from eventwire.facts import embed, features, tokenalign


def load_module(name: str, path: Path) -> ModuleType:
    """A module of the other checkout, loaded from its file under a name of its own."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def per_item(function, items, repeats: int = 3) -> float:
    """Best of ``repeats`` of the mean seconds of ``function`` over ``items``."""
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for item in items:
            function(*item)
        best = min(best, (time.perf_counter() - started) / len(items))
    return best


def costs(lexical: ModuleType, tokens: ModuleType, pairs, states) -> dict[str, float]:
    """Seconds per sentence and per pair of one checkout's feature code."""
    sentences = [(s,) for pair in pairs for s in pair]
    words = [lexical.sentence_words(s) for (s,) in sentences]
    idf = lexical.idf_table(words)
    entries = [tokens.SentenceTokens(t.text, t.states, t.ids) for t in states]
    pieces = tokens.piece_idf(entries)
    prepared = [tokens.prepare(t, pieces) for t in entries]
    lexical_pairs = [(words[n], words[n + 1], idf) for n in range(0, len(words), 2)]
    token_pairs = [(prepared[n], prepared[n + 1]) for n in range(0, len(prepared), 2)]
    return {
        "sentence_words": per_item(lexical.sentence_words, sentences),
        "prepare_tokens": per_item(lambda t: tokens.prepare(t, pieces), [(t,) for t in entries]),
        "lexical_features": per_item(lexical.lexical_features, lexical_pairs),
        "token_features": per_item(tokens.token_features, token_pairs),
    }


def main() -> None:
    """Time both checkouts' feature code on the same pairs and print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", type=Path, required=True, help="the other src folder")
    parser.add_argument("--pairs", type=int, default=1000)
    args = parser.parse_args()
    pairs = read_msrp()[0][: args.pairs]
    states = embed.SentenceEncoder().tokens([s for pair in pairs for s in pair])
    other = args.against / "eventwire" / "facts"
    old_features = load_module("other_features", other / "features.py")
    old_tokens = load_module("other_tokenalign", other / "tokenalign.py")
    runs = [  # alternated, each side's best kept: both under the same load
        (costs(old_features, old_tokens, pairs, states), costs(features, tokenalign, pairs, states))
        for _ in range(3)
    ]
    before, after = ({k: min(r[side][k] for r in runs) for k in runs[0][0]} for side in (0, 1))
    per_pair = {
        name: sum(f[k] for k in ("lexical_features", "token_features"))
        for name, f in (("before", before), ("after", after))
    }
    print(
        json.dumps(
            {
                "before": before,
                "after": after,
                "pair_seconds": per_pair,
                "pair_ratio": round(per_pair["after"] / per_pair["before"], 2),
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
