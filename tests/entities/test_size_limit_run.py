"""An article over the entities size limit is a skip in the report, not a rejected input."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.conftest import run_eventwire
from tests.stage.test_contract import write_articles


def test_an_article_over_the_size_limit_is_skipped_with_its_own_message(
    db_url: str, tmp_path: Path
) -> None:
    config = tmp_path / "settings.toml"
    config.write_text("[entities]\nmax_chars = 20\n", encoding="utf-8")
    inputs = write_articles(tmp_path / "in", ["Harbour board votes on the new quay"])
    result = run_eventwire(db_url, "--config", str(config), "run", str(inputs))
    assert result.code == 0, result.stderr
    assert "rejected" not in result.stderr
    assert "1 article(s) skipped by a stage:" in result.stderr
    assert "article 1: not read for entities: longer than entities.max_chars (20" in result.stderr
    with sqlite3.connect(db_url.removeprefix("sqlite:///")) as conn:
        row = conn.execute("SELECT status FROM stage_runs WHERE stage = 'entities'").fetchall()
    assert row == [("skipped",)]
