"""Settings of the dedup stage (section ``[dedup]`` of the configuration).

The threshold and shingle size were chosen by measurement: see docs/dedup.md and
``python -m benchmarks.dedup_threshold``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DedupSettings:
    """How near-duplicate (syndicated) copies are recognised."""

    # Estimated Jaccard similarity of body shingles at or above which a body is a copy.
    threshold: float = 0.55
    # Words per shingle; bodies with fewer words than this only match exactly.
    shingle_size: int = 4
    # MinHash signature length (32-bit slots: 4 bytes each per indexed article).
    num_perm: int = 128
    # LSH bands (num_perm must be a multiple); more bands find lower-similarity copies.
    num_bands: int = 32
    # MinHash seed: fixed so that links are the same on every run and after restarts.
    seed: int = 20240601
    # Originals stored this many days before the latest article seen are forgotten (not matched
    # any more), so a long `watch` keeps a bounded index; 0 keeps every original.
    max_age_days: float = 28.0

    def __post_init__(self) -> None:
        """Reject settings the index cannot work with."""
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError(f"dedup threshold must be in (0, 1], got {self.threshold}")
        if self.shingle_size < 1:
            raise ValueError(f"dedup shingle_size must be >= 1, got {self.shingle_size}")
        if self.num_bands < 1 or self.num_perm % self.num_bands:
            raise ValueError(
                f"dedup num_perm ({self.num_perm}) must be a multiple of num_bands "
                f"({self.num_bands})"
            )
