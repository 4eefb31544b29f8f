"""Every code the patterns and frames can emit is valid in CAMEO and maps into PLOVER."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.events.lexicon import PatternFileError, load_lexicon, read_patterns
from eventwire.events.tables import cameo_codes, is_cameo, plover_of, plover_table

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "ACCUSE",
    "REQUEST", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT",
}  # fmt: skip


def emitted_codes() -> set[str]:
    """Every code a pattern (its own or its one-sided ``alone``), a frame (default or map),
    the readiness rule, a crowd's protest or the host rule can emit."""
    lexicon = load_lexicon()
    patterns = [
        p for ps in (*lexicon.verb_patterns.values(), *lexicon.noun_patterns.values()) for p in ps
    ]
    codes = {p.code for p in patterns} | {p.alone for p in patterns if p.alone}
    for frame in lexicon.frames.values():
        codes |= {frame.default, *frame.mapping.values()}
    codes |= {lexicon.readiness_code, *lexicon.crowd_codes.values()}
    return codes | {lexicon.host_code, "010"}


def test_every_emitted_code_is_cameo_with_a_plover_type() -> None:
    for code in sorted(emitted_codes()):
        assert is_cameo(code), code
        entry = cameo_codes()[code]
        assert entry.quad_class in (1, 2, 3, 4) and -10 <= entry.goldstein <= 10
        plover = plover_of(code)
        if code.startswith("01"):
            assert plover is None  # PLOVER does not code statements
        else:
            assert plover is not None and plover.event in PLOVER_TYPES, code


def test_plover_table_rows_are_cameo_codes_of_known_types() -> None:
    table = plover_table()
    assert plover_of("041").event == "CONSULT" and plover_of("041").mode == "phone"
    assert plover_of("051").event == "SUPPORT"
    for code, entry in table.items():
        assert entry.event in PLOVER_TYPES, code


def test_a_user_pattern_with_an_unknown_code_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text('- code: "999"\n  verbs: [frobnicate]\n', encoding="utf-8")
    with pytest.raises(PatternFileError, match="not a CAMEO event code"):
        read_patterns(path)


def test_a_user_pattern_file_adds_triggers(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text('- code: "042"\n  verbs: [jaunt]\n', encoding="utf-8")
    assert "jaunt" in load_lexicon(str(path)).verb_patterns
    assert "jaunt" not in load_lexicon().verb_patterns


def test_a_user_pattern_with_an_unquoted_on_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"  # YAML 1.1: an unquoted on is True, not the preposition
    path.write_text('- code: "190"\n  verbs: [fire]\n  preps: [at, on]\n', encoding="utf-8")
    with pytest.raises(PatternFileError, match="quote"):
        read_patterns(path)
