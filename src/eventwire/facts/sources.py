"""Which outlets are independent: a dedup copy, or a long passage shared verbatim (one wire
report republished), counts once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from eventwire.model import Claim, CopyNote, Document
from eventwire.textnorm import normalize_for_comparison

WORD = re.compile(r"\w+")
COVERED_SHARE = 0.9  # of a claim's characters inside shared passages: the claim is a copy
SHINGLE_WORDS = 8  # words a shingle; a shared passage is a run of shingles
QUOTATION = re.compile(r"“[^“”]+”|\"[^\"]+\"")


class OutletGroups:
    """A union-find over outlet names."""

    def __init__(self, outlets: Iterable[str] = ()) -> None:
        self.parent: dict[str, str] = {o: o for o in outlets}

    def find(self, outlet: str) -> str:
        """The group an outlet is in."""
        self.parent.setdefault(outlet, outlet)
        while self.parent[outlet] != outlet:
            self.parent[outlet] = self.parent[self.parent[outlet]]
            outlet = self.parent[outlet]
        return outlet

    def join(self, a: str, b: str) -> None:
        """Count ``a`` and ``b`` as one source."""
        self.parent[self.find(a)] = self.find(b)

    def count(self, outlets: Iterable[str]) -> int:
        """How many independent sources ``outlets`` are."""
        return len({self.find(o) for o in outlets})


class PassageIndex:
    """Long verbatim passages two articles share (quotations left out), found on demand by
    word shingles: linear in the two articles' words, never a quadratic alignment."""

    def __init__(self, documents: Iterable[Document], min_words: int) -> None:
        self.documents = {d.id: d for d in documents}
        self.min_words = min_words
        self.size = min(SHINGLE_WORDS, min_words)
        self._shingles: dict[int, Shingles] = {}
        self._shared: dict[tuple[int, int], list[tuple[int, int]]] = {}

    def copied(self, a: Claim, b: Claim) -> bool:
        """Whether claim ``a`` lies in a passage its article shares verbatim with ``b``'s."""
        if a.article_id == b.article_id:
            return False
        spans = self._passages(a.article_id, b.article_id)
        covered = sum(max(0, min(a.end, end) - max(a.start, start)) for start, end in spans)
        return covered >= COVERED_SHARE * (a.end - a.start)

    def _passages(self, a: int, b: int) -> list[tuple[int, int]]:
        if (a, b) not in self._shared:
            self._shared[(a, b)] = shared_runs(self._of(a), self._of(b), self.min_words)
        return self._shared[(a, b)]

    def _of(self, article: int) -> Shingles:
        if article not in self._shingles:
            self._shingles[article] = shingles(self.documents[article].text, self.size)
        return self._shingles[article]


@dataclass(frozen=True)
class Shingles:
    """An article's words (outside quotations) as overlapping runs of ``size`` words."""

    size: int
    spans: tuple[tuple[int, int], ...]  # each word's character span
    hashes: tuple[int, ...]  # the shingle starting at each word (len(spans) - size + 1)
    known: frozenset[int]


def shingles(text: str, size: int) -> Shingles:
    """The shingles of ``text``."""
    words = _words(text)
    folded = [w for w, _ in words]
    hashes = tuple(hash(tuple(folded[n : n + size])) for n in range(len(folded) - size + 1))
    return Shingles(size, tuple(span for _, span in words), hashes, frozenset(hashes))


def shared_runs(a: Shingles, b: Shingles, min_words: int) -> list[tuple[int, int]]:
    """Character spans of ``a``'s article whose words run verbatim in ``b``'s article for at
    least ``min_words`` words (consecutive shingles of ``a`` that ``b`` has too)."""
    runs, first = [], None
    for n, value in enumerate((*a.hashes, None)):
        if value is not None and value in b.known:
            first = n if first is None else first
            continue
        if first is not None and n - first + a.size - 1 >= min_words:
            runs.append((a.spans[first][0], a.spans[n + a.size - 2][1]))
        first = None
    return runs


def _words(text: str) -> list[tuple[str, tuple[int, int]]]:
    """Folded words with their spans, quotations blanked (a quote shared is no copy)."""
    blanked = QUOTATION.sub(lambda m: " " * len(m.group(0)), text)
    matches = list(WORD.finditer(blanked))
    folded = {w: normalize_for_comparison(w) for w in {m.group(0) for m in matches}}
    return [(folded[m.group(0)], (m.start(), m.end())) for m in matches]


def copy_groups(documents: Iterable[Document], copies: Iterable[CopyNote]) -> dict[int, list[str]]:
    """For each original article, the outlets of its dedup copies."""
    outlets: dict[int, list[str]] = {d.id: [] for d in documents}
    for copy in copies:
        outlets.setdefault(copy.copy_of, []).append(copy.source)
    return outlets
