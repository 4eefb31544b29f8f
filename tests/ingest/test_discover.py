"""Walking paths: recursion, order, skipped files, missing paths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def make_tree(root: Path) -> None:
    files = {
        "b/z.txt": "z",
        "b/a.txt": "a",
        "a.txt": "top",
        "c/d/deep.txt": "deep",
        "c/README.txt": "about the data",
        "c/readme": "about the data",
        "c/LICENSE": "licence text",
        "c/LICENSE-annotations.txt": "licence text",
        "c/license-plate-fraud.txt": "an article",
        "c/notes.md": "# notes",
        "c/urls.tsv": "id\turl",
        "c/tool.py": "print()",
        ".hidden/secret.txt": "hidden dir",
        "b/.hidden.txt": "hidden file",
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + " article text", encoding="utf-8")


def origins(files) -> list[str]:
    return [f.origin for f in files]


def test_recursive_sorted_and_skipping(tmp_path: Path, ingest) -> None:
    make_tree(tmp_path)
    files = ingest(tmp_path)
    expected = ["a.txt", "b/a.txt", "b/z.txt", "c/d/deep.txt", "c/license-plate-fraud.txt"]
    assert origins(files) == [str(tmp_path / name) for name in expected]
    assert all(f.rejections == () and len(f.articles) == 1 for f in files)


def test_order_is_deterministic_and_follows_arguments(tmp_path: Path, ingest) -> None:
    make_tree(tmp_path)
    first = ingest(tmp_path / "c", tmp_path / "b")
    again = ingest(tmp_path / "c", tmp_path / "b")
    assert origins(first) == origins(again)
    expected = ["c/d/deep.txt", "c/license-plate-fraud.txt", "b/a.txt", "b/z.txt"]
    assert origins(first) == [str(tmp_path / name) for name in expected]


def test_explicit_file_is_read_even_if_a_walk_would_skip_it(tmp_path: Path, ingest) -> None:
    make_tree(tmp_path)
    (read,) = ingest(tmp_path / "c" / "notes.md")
    assert read.articles[0].text == "# notes article text"


def test_a_file_named_twice_is_read_once(tmp_path: Path, ingest) -> None:
    make_tree(tmp_path)
    files = ingest(tmp_path / "b", tmp_path / "b" / "a.txt", tmp_path / "b")
    assert origins(files) == [str(tmp_path / "b/a.txt"), str(tmp_path / "b/z.txt")]


def test_missing_path_is_not_found(tmp_path: Path, ingest) -> None:
    (tmp_path / "ok.txt").write_text("fine", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    files = ingest(missing, tmp_path / "ok.txt")
    assert [(r.reason, str(r)) for r in files[0].rejections] == [
        ("not-found", f"{missing}: no such file or directory")
    ]
    assert files[1].articles[0].text == "fine"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlink_loop_does_not_hang(tmp_path: Path, ingest) -> None:
    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert origins(ingest(tmp_path)) == [str(tmp_path / "a.txt")]
