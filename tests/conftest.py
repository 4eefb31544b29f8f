"""Shared fixtures: paths to the shared data, a temporary database, and the CLI runner.

The CLI runs in this process (typer's CliRunner: real arguments, real database, the output
a user would see), so every test shares the one spaCy model the process loads
(``eventwire.entities.loader.shared_pipeline``) instead of loading it per command.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.store.postgres import create_database, postgres_cluster

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
DATA = SHARED / "data"
EXAMPLES = REPO_ROOT / "examples" / "corpus"
# Built sentence-model engines go to a cache of the test run's own (facts/embed.py), not the
# user's ~/.cache: set before anything builds one, inherited by the CLI's subprocesses.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="eventwire-test-cache-")


@dataclass
class CliResult:
    """Exit code and output of one `eventwire` command."""

    code: int
    stdout: str
    stderr: str

    def json(self) -> object:
        return json.loads(self.stdout)


def run_eventwire(db_url: str, *args: str, cwd: Path | None = None) -> CliResult:
    """Run the `eventwire` command in this process (no EVENTWIRE_* settings from the
    environment); an unexpected exception fails the test with its traceback."""
    from eventwire.cli import app

    unset = {name: None for name in os.environ if name.startswith("EVENTWIRE_")}
    with contextlib.chdir(cwd or Path.cwd()):
        result = CliRunner().invoke(app, ["--db", db_url, *args], env=unset, prog_name="eventwire")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return CliResult(result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """A fresh SQLite database file in the test's temporary folder."""
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
def seed_corpus(tmp_path: Path) -> Path:
    """The two seed articles, each in a folder of its own (the folder names the outlet)."""
    return copy_seeds(tmp_path / "seeds")


def copy_seeds(root: Path) -> Path:
    """Copy the seed articles into ``root/outlet-a`` and ``root/outlet-b``; return ``root``."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS}")
    for index, seed in enumerate(sorted(SEEDS.glob("*.txt"))):
        folder = root / f"outlet-{'ab'[index]}"
        folder.mkdir(parents=True)
        shutil.copy(seed, folder / seed.name)
    return root


@pytest.fixture(scope="session")
def seeded_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file holding the seeds after ``eventwire run``: built once per session."""
    root = tmp_path_factory.mktemp("seeded")
    corpus = copy_seeds(root / "seeds")
    db_file = root / "seeded.db"
    result = run_eventwire(f"sqlite:///{db_file}", "--quiet", "run", str(corpus))
    assert result.code == 0, result.stderr
    return db_file


@pytest.fixture
def seeded_db(seeded_store: Path, tmp_path: Path) -> Iterator[str]:
    """A copy of the seeded database for one test (it may write to it)."""
    copy = tmp_path / "seeded.db"
    for suffix in ("", "-wal"):  # a write-ahead log not yet folded in goes along
        if Path(f"{seeded_store}{suffix}").exists():
            shutil.copy(f"{seeded_store}{suffix}", f"{copy}{suffix}")
    yield f"sqlite:///{copy}"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """URL (without database) of the one throwaway PostgreSQL cluster of the session."""
    with postgres_cluster() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database: a SQLite file, or a new database on the PostgreSQL cluster."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return create_database(request.getfixturevalue("postgres_server"))


# One real server per session for the API and browser tests (tests/api, tests/web).
from tests.served import served  # noqa: E402, F401
