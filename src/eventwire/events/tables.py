"""The code tables: CAMEO (name, Goldstein, QuadClass) and CAMEO -> PLOVER (data/)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).parent / "data"
# PLOVER's REQUEST joins CAMEO's APPEAL (02) and DEMAND (10) (PLOVER manual, Draft 0.8);
# the conversion table lists 10 only, so appeals take REQUEST by this rule.
APPEAL_ROOT, APPEAL_TYPE = "02", "REQUEST"


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code with its Goldstein score and GDELT QuadClass."""

    code: str
    name: str
    goldstein: float
    quad_class: int

    @property
    def root(self) -> str:
        """The two-digit root (EventRootCode)."""
        return self.code[:2]

    @property
    def base(self) -> str:
        """The three-digit base code (EventBaseCode)."""
        return self.code[:3]


@dataclass(frozen=True)
class PloverCode:
    """A CAMEO code's PLOVER event type and mode (mode may be empty)."""

    event: str
    mode: str | None


@functools.cache
def cameo_codes() -> dict[str, CameoCode]:
    """Every CAMEO event code of data/cameo_codes.txt (tab-separated) by code."""
    codes = {}
    for line in (DATA / "cameo_codes.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("code\t") or not line.strip():
            continue
        code, goldstein, quad_class, name = line.split("\t")
        codes[code] = CameoCode(code, name, float(goldstein), int(quad_class))
    return codes


@functools.cache
def plover_table() -> dict[str, PloverCode]:
    """The CAMEO -> PLOVER conversion table (data/cameo_plover.txt) by CAMEO code."""
    table = {}
    for line in (DATA / "cameo_plover.txt").read_text(encoding="utf-8").splitlines():
        row = line.split("#", 1)[0].strip()
        if ":" not in row or row.startswith("~"):
            continue
        code, _, rest = row.partition(":")
        fields = [field.strip() for field in rest.split(",")]
        if len(code.strip()) < 3 or not fields[0]:
            continue  # "03: AGREE" names a section, not a code
        mode = fields[1] if len(fields) > 1 and fields[1] else None
        table.setdefault(code.strip(), PloverCode(fields[0], mode))
    return table


def plover_of(code: str) -> PloverCode | None:
    """The PLOVER type and mode of a CAMEO code (its own row, else its parent's); None for
    statements (01), which PLOVER does not code."""
    table = plover_table()
    for length in (len(code), 3):
        if code[:length] in table:
            return table[code[:length]]
    if code.startswith(APPEAL_ROOT):
        return PloverCode(APPEAL_TYPE, None)
    return None


def is_cameo(code: str) -> bool:
    """Whether ``code`` is a CAMEO event code of the table."""
    return code in cameo_codes()


def cameo_name(code: str) -> str:
    """CAMEO's name of ``code`` ("" for a code not in the table)."""
    known = cameo_codes().get(code)
    return known.name if known else ""


def describe(code: str) -> CameoCode:
    """The table entry of ``code`` (KeyError for a code not in the table)."""
    return cameo_codes()[code]
