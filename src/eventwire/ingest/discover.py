"""Which files a list of paths names: directories walked recursively in sorted order.

A walk stays inside the paths it was given: a symbolic link whose target lies outside every
input root is not followed (one ``outside-input`` Rejection names it), and a link back to a
folder that holds it is a ``symlink-loop`` Rejection, not a silent skip.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from eventwire.ingest.errors import NOT_FOUND, OUTSIDE_INPUT, SYMLINK_LOOP, UNREADABLE
from eventwire.model import Rejection
from eventwire.textnorm import strip_control_characters

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
    """The files named by ``paths``, in order, each once; a Rejection for a missing path,
    a link leaving the input roots, or a link loop."""
    paths = list(paths)
    roots = tuple(resolved(path) for path in paths)
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            yield from walk_directory(path, seen, roots)
        elif path.is_symlink() and not path.exists():
            yield reject(path, *broken_link(path))
        elif not path.exists():
            yield reject(path, NOT_FOUND, "no such file or directory")
        elif not path.is_file():
            yield reject(path, UNREADABLE, "not a regular file")
        elif mark_seen(path, seen):
            yield path


def walk_directory(
    directory: Path, seen: set[Path], roots: tuple[Path, ...]
) -> Iterator[Path | Rejection]:
    """Files under ``directory``, depth first, entries sorted by name."""
    if not mark_seen(directory, seen):
        return  # already walked (named twice, or reached again through a link)
    try:
        entries = sorted(directory.iterdir(), key=lambda entry: entry.name)
    except OSError as error:
        yield reject(directory, UNREADABLE, f"cannot list folder: {error.strerror}")
        return
    for entry in entries:
        if is_skipped(entry):
            continue
        if entry.is_symlink():
            problem = link_problem(entry, roots)
            if problem is not None:
                yield reject(entry, *problem)
                continue
        if entry.is_dir():
            yield from walk_directory(entry, seen, roots)
        elif entry.is_file() and mark_seen(entry, seen):
            yield entry


def link_problem(link: Path, roots: tuple[Path, ...]) -> tuple[str, str] | None:
    """(reason, message) when the walk must not follow ``link``; None when it may."""
    try:
        target = link.resolve(strict=True)
    except (OSError, RuntimeError):  # a cycle of links, or a dangling one
        return broken_link(link)
    if not any(target.is_relative_to(root) for root in roots):
        return OUTSIDE_INPUT, f"symbolic link to {target} leaves the input; not followed"
    if target.is_dir() and link.parent.resolve().is_relative_to(target):
        return SYMLINK_LOOP, f"symbolic link loop: links back to {target}; not followed"
    return None


def broken_link(link: Path) -> tuple[str, str]:
    """(reason, message) for a link that does not resolve: a loop of links or a dangling one."""
    try:
        link.resolve(strict=True)
    except RuntimeError:
        return SYMLINK_LOOP, "symbolic link loop: the link never reaches a file"
    except OSError as error:
        if error.strerror and "loop" in error.strerror.lower():
            return SYMLINK_LOOP, "symbolic link loop: the link never reaches a file"
    return NOT_FOUND, "symbolic link to a missing file or folder"


def resolved(path: Path) -> Path:
    """``path`` with links resolved (as far as they resolve)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def reject(path: Path, reason: str, message: str) -> Rejection:
    """The Rejection of ``path`` (name and message stripped of control characters)."""
    origin = strip_control_characters(str(path), single_line=True)
    return Rejection(origin, reason, strip_control_characters(message, single_line=True))


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
    key = resolved(path)
    if key in seen:
        return False
    seen.add(key)
    return True
