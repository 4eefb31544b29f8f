"""Which files a list of paths names: directories walked recursively in sorted order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from eventwire.ingest.errors import NOT_FOUND, UNREADABLE
from eventwire.model import Rejection

# Files a directory walk passes over silently: they sit beside articles but are not articles.
# A file named explicitly is always read.
# Names (before the first dot, any case): README, README.txt, license.md, ...
SKIP_STEMS = frozenset(
    {
        "authors", "changelog", "changes", "contributing", "copying", "history", "licence",
        "license", "makefile", "manifest", "notice", "readme",
    }
)  # fmt: skip
# Upper-case prefixes, as such files are conventionally named (LICENSE-annotations.txt);
# case-sensitive so that an article slug such as "license-plate-fraud.txt" is still read.
SKIP_PREFIXES = ("README", "LICENSE", "LICENCE", "CHANGELOG")
SKIP_SUFFIXES = frozenset(
    {
        ".md", ".rst", ".tsv", ".csv", ".py", ".pyc", ".ipynb", ".json", ".toml", ".yaml",
        ".yml", ".cfg", ".ini", ".sh", ".js", ".css", ".lock", ".log", ".sqlite", ".db",
    }
)  # fmt: skip


def discover_files(paths: Iterable[Path]) -> Iterator[Path | Rejection]:
    """The files named by ``paths``, in order, each once; a Rejection for a missing path."""
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            yield from walk_directory(path, seen)
        elif not path.exists():
            yield Rejection(str(path), NOT_FOUND, "no such file or directory")
        elif not path.is_file():
            yield Rejection(str(path), UNREADABLE, "not a regular file")
        elif mark_seen(path, seen):
            yield path


def walk_directory(directory: Path, seen: set[Path]) -> Iterator[Path | Rejection]:
    """Files under ``directory``, depth first, entries sorted by name."""
    if not mark_seen(directory, seen):
        return  # already walked (named twice, or a symlink loop)
    try:
        entries = sorted(directory.iterdir(), key=lambda entry: entry.name)
    except OSError as error:
        yield Rejection(str(directory), UNREADABLE, f"cannot list directory: {error.strerror}")
        return
    for entry in entries:
        if is_skipped(entry):
            continue
        if entry.is_dir():
            yield from walk_directory(entry, seen)
        elif entry.is_file() and mark_seen(entry, seen):
            yield entry


def is_skipped(path: Path) -> bool:
    """Whether a directory walk passes over ``path`` (hidden, or not an article file)."""
    if path.name.startswith("."):
        return True
    if path.is_dir():
        return False
    return (
        path.name.split(".")[0].lower() in SKIP_STEMS
        or path.name.startswith(SKIP_PREFIXES)
        or path.suffix.lower() in SKIP_SUFFIXES
    )


def mark_seen(path: Path, seen: set[Path]) -> bool:
    """Record ``path``; False when it (or the file it links to) was seen before."""
    try:
        key = path.resolve()
    except OSError:
        key = path.absolute()
    if key in seen:
        return False
    seen.add(key)
    return True
