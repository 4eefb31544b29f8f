"""Shared fixtures: paths to the shared data, a temporary database, and a real CLI runner."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
DATA = SHARED / "data"
EXAMPLES = REPO_ROOT / "examples" / "corpus"


@dataclass
class CliResult:
    """Exit code and output of one real `eventwire` process."""

    code: int
    stdout: str
    stderr: str

    def json(self) -> object:
        return json.loads(self.stdout)


def run_eventwire(db_url: str, *args: str, cwd: Path | None = None) -> CliResult:
    """Run the installed CLI in a subprocess, as a user would."""
    command = [sys.executable, "-m", "eventwire.cli", "--db", db_url, *args]
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENTWIRE_")}
    done = subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=env, timeout=600)
    return CliResult(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """A fresh SQLite database file in the test's temporary folder."""
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
def seed_corpus(tmp_path: Path) -> Path:
    """The two seed articles, each in a folder of its own (the folder names the outlet)."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS}")
    root = tmp_path / "seeds"
    for index, seed in enumerate(sorted(SEEDS.glob("*.txt"))):
        folder = root / f"outlet-{'ab'[index]}"
        folder.mkdir(parents=True)
        shutil.copy(seed, folder / seed.name)
    return root
