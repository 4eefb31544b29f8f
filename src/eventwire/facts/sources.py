"""Which outlets are independent: a dedup copy, or a long passage shared verbatim (one wire
report republished), counts once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from difflib import SequenceMatcher

from eventwire.model import Claim, CopyNote, Document
from eventwire.textnorm import normalize_for_comparison

WORD = re.compile(r"\w+")
COVERED_SHARE = 0.9  # of a claim's characters inside shared passages: the claim is a copy
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
    """Long verbatim passages two articles share (quotations left out), found on demand."""

    def __init__(self, documents: Iterable[Document], min_words: int) -> None:
        self.documents = {d.id: d for d in documents}
        self.min_words = min_words
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
            self._shared[(a, b)] = shared_runs(
                self.documents[a].text, self.documents[b].text, self.min_words
            )
        return self._shared[(a, b)]


def shared_runs(text_a: str, text_b: str, min_words: int) -> list[tuple[int, int]]:
    """Character spans of ``text_a`` whose words (outside quotations) run verbatim in ``text_b``
    for at least ``min_words`` words."""
    words_a = _words(text_a)
    words_b = [w for w, _ in _words(text_b)]
    matcher = SequenceMatcher(None, [w for w, _ in words_a], words_b, autojunk=False)
    runs = []
    for block in matcher.get_matching_blocks():
        if block.size >= min_words:
            first, last = words_a[block.a][1], words_a[block.a + block.size - 1][1]
            runs.append((first[0], last[1]))
    return runs


def _words(text: str) -> list[tuple[str, tuple[int, int]]]:
    """Folded words with their spans, quotations blanked (a quote shared is no copy)."""
    blanked = QUOTATION.sub(lambda m: " " * len(m.group(0)), text)
    return [
        (normalize_for_comparison(m.group(0)), (m.start(), m.end())) for m in WORD.finditer(blanked)
    ]


def copy_groups(documents: Iterable[Document], copies: Iterable[CopyNote]) -> dict[int, list[str]]:
    """For each original article, the outlets of its dedup copies."""
    outlets: dict[int, list[str]] = {d.id: [] for d in documents}
    for copy in copies:
        outlets.setdefault(copy.copy_of, []).append(copy.source)
    return outlets
