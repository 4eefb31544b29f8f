"""Intermediate results on disk: files written whole, shuffles read back in order."""

from __future__ import annotations

from pathlib import Path

from eventwire.distributed import spill


def test_a_file_written_again_replaces_the_first_whole(tmp_path: Path) -> None:
    rows = [{"id": i, "body": "é" * i} for i in range(200)]
    path = spill.save(tmp_path / "a" / "1.pickle", rows)
    spill.save(path, rows[:3])
    assert spill.load(path) == rows[:3]
    assert [p.name for p in path.parent.iterdir()] == ["1.pickle"]


def test_a_shuffle_reads_back_each_key_in_partition_order(tmp_path: Path) -> None:
    assert spill.save_split(tmp_path, 2, {7: ["c"], 3: ["x"]}) == [3, 7]
    assert spill.save_split(tmp_path, 10, {7: ["d"]}) == [7]
    assert spill.save_split(tmp_path, 1, {7: ["a", "b"]}) == [7]
    assert list(spill.load_shares(tmp_path, 7, [1, 2, 10])) == [["a", "b"], ["c"], ["d"]]
