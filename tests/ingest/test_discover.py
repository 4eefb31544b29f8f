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


needs_symlinks = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")


def rejections(files) -> list[tuple[str, str, str]]:
    return [(r.origin, r.reason, r.message) for f in files for r in f.rejections]


def articles(files) -> list[str]:
    return [a.origin for f in files for a in f.articles]


@needs_symlinks
def test_symlink_loop_is_reported_once_and_does_not_hang(tmp_path: Path, ingest) -> None:
    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    files = ingest(tmp_path)
    assert articles(files) == [str(tmp_path / "a.txt")]
    assert rejections(files) == [
        (
            str(tmp_path / "loop"),
            "symlink-loop",
            f"symbolic link loop: links back to {tmp_path.resolve()}; not followed",
        )
    ]


@needs_symlinks
def test_a_cycle_of_links_is_a_loop(tmp_path: Path, ingest) -> None:
    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    (tmp_path / "x").symlink_to(tmp_path / "y")
    (tmp_path / "y").symlink_to(tmp_path / "x")
    files = ingest(tmp_path)
    assert articles(files) == [str(tmp_path / "a.txt")]
    assert [(origin, reason) for origin, reason, _ in rejections(files)] == [
        (str(tmp_path / "x"), "symlink-loop"),
        (str(tmp_path / "y"), "symlink-loop"),
    ]


@needs_symlinks
def test_links_leaving_the_input_are_not_followed(tmp_path: Path, ingest) -> None:
    root, outside = tmp_path / "in", tmp_path / "elsewhere"
    (root / "sub").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.txt").write_text("not yours", encoding="utf-8")
    (root / "a.txt").write_text("mine", encoding="utf-8")
    (root / "sub" / "b.txt").write_text("mine too", encoding="utf-8")
    (root / "etcdir").symlink_to(outside, target_is_directory=True)
    (root / "shadow.txt").symlink_to(outside / "secret.txt")
    (root / "inside").symlink_to(root / "sub", target_is_directory=True)  # stays inside: fine
    files = ingest(root)
    # "inside" sorts before "sub": the file is read once, through the link
    assert articles(files) == [str(root / "a.txt"), str(root / "inside" / "b.txt")]
    assert rejections(files) == [
        (
            str(root / "etcdir"),
            "outside-input",
            f"symbolic link to {outside.resolve()} leaves the input; not followed",
        ),
        (
            str(root / "shadow.txt"),
            "outside-input",
            f"symbolic link to {(outside / 'secret.txt').resolve()} leaves the input; not followed",
        ),
    ]
    assert all("not yours" not in a.text for f in files for a in f.articles)


@needs_symlinks
def test_a_link_into_another_named_input_is_followed(tmp_path: Path, ingest) -> None:
    root, other = tmp_path / "in", tmp_path / "other"
    root.mkdir()
    other.mkdir()
    (other / "c.txt").write_text("named too", encoding="utf-8")
    (root / "to-other").symlink_to(other, target_is_directory=True)
    files = ingest(root, other)
    assert articles(files) == [str(root / "to-other" / "c.txt")]
    assert rejections(files) == []


def test_a_file_name_with_escape_sequences_is_stored_without_them(tmp_path: Path, ingest) -> None:
    path = tmp_path / "evil\x1b]0;owned\x07\x1b[2Jname.txt"
    path.write_text("Title\n\nBody text.", encoding="utf-8")
    [article] = articles(ingest(path))
    assert article == str(tmp_path / "evilname.txt")
