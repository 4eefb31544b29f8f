"""Intermediate results on disk, so that the cluster's memory does not grow with the input.

The read partitions' rows, the shuffles (a partition's documents by time window, its rows by
story group) and each group's finished rows are files in one folder beside the output, which
every worker must see (a shared filesystem on a cluster of several machines). A task returns
only the names of what it wrote. Each file is written whole under a temporary name and then
renamed, with a name fixed by the task's inputs: a task run again (its worker died) writes
the same file again. The folder is removed when the batch ends.
"""

from __future__ import annotations

import os
import pickle
import shutil
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CODEC = "lz4"  # pyarrow's LZ4 frame codec: fast, and the rows are mostly text


def save(path: Path, value: Any) -> Path:
    """Write ``value`` to ``path`` (compressed pickle), atomically; ``path``."""
    import pyarrow as pa

    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}")
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    with pa.OSFile(str(partial), "wb") as raw, pa.CompressedOutputStream(raw, CODEC) as stream:
        stream.write(data)
    os.replace(partial, path)
    return path


def load(path: Path) -> Any:
    """What ``save`` wrote to ``path``."""
    import pyarrow as pa

    with pa.OSFile(str(path), "rb") as raw, pa.CompressedInputStream(raw, CODEC) as stream:
        return pickle.loads(stream.read())


def save_split(folder: Path, part: int, split: dict[int, Any]) -> list[int]:
    """One partition's share of each key of a shuffle, as ``folder/<key>/<part>``; the keys."""
    for key, value in split.items():
        save(folder / str(key) / f"{part}.pickle", value)
    return sorted(split)


def load_shares(folder: Path, key: int, parts: Iterable[int]) -> Iterator[Any]:
    """The shares of ``key`` that the partitions ``parts`` wrote in a shuffle, in that order."""
    for part in parts:
        yield load(folder / str(key) / f"{part}.pickle")


@contextmanager
def spill_folder(out: Path) -> Iterator[Path]:
    """A new hidden folder beside ``out`` for one batch's intermediate files, removed after."""
    folder = out.parent / f".{out.name}.spill-{uuid.uuid4().hex[:8]}"
    folder.mkdir(parents=True)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
