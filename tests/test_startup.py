"""Read commands load no stage: spaCy, trafilatura and dateparser wait for the commands that
run the pipeline (timings are in benchmarks/startup.py; these are checks, not timings)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from eventwire.store import Repository
from eventwire.store.engine import alembic_config, packaged_head, stored_revision
from tests.store.helpers import make_item, opened

HEAVY = ("spacy", "trafilatura", "dateparser", "eventwire.pipeline", "eventwire.actors")
# Costs a read command does not need: the ORM (the schema is Core tables) and migrations.
READ_ONLY_SPARE = ("sqlalchemy.orm", "alembic")
# Runs the CLI with the given arguments in a fresh interpreter, then lists what it imported.
PROBE = """
import json, sys
from eventwire.cli import app
args = json.loads(sys.argv[1])
if args:
    try:
        app(args, prog_name="eventwire")
    except SystemExit as done:
        assert not done.code, done.code
print(json.dumps(sorted(sys.modules)))
"""


def imported_by(*args: str) -> set[str]:
    """Modules loaded by importing the CLI and running it with ``args``, in a fresh process."""
    command = [sys.executable, "-c", PROBE, json.dumps(list(args))]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def small_database(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'small.db'}"
    with Repository.open(url) as repo:
        [article_id] = repo.add_articles([make_item("one")])
        repo.save_results([opened(article_id, 1)])
    return url


def test_importing_the_cli_loads_no_stage() -> None:
    loaded = imported_by()
    assert not loaded & set(HEAVY), loaded & set(HEAVY)


def test_read_commands_load_no_stage_no_orm_and_no_alembic(tmp_path: Path) -> None:
    url = small_database(tmp_path)
    for command in (["stories"], ["story", "1"], ["article", "1"], ["actors"], ["status"]):
        loaded = imported_by("--db", url, *command, "--json")
        spare = {*HEAVY, *READ_ONLY_SPARE}
        assert not loaded & spare, (command, loaded & spare)


def test_the_packaged_head_read_from_the_files_is_alembics(tmp_path: Path) -> None:
    from alembic.script import ScriptDirectory

    assert packaged_head() == ScriptDirectory.from_config(alembic_config()).get_current_head()
    url = small_database(tmp_path)
    with Repository.open(url) as repo:
        assert stored_revision(repo.engine) == packaged_head()


def test_reading_the_settings_loads_no_stage_library() -> None:
    probe = (
        "import json, sys\n"
        "from eventwire.config import load_config\n"
        "from eventwire.settings import Settings\n"
        "Settings.from_config(load_config(None))\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    loaded = set(json.loads(done.stdout))
    libraries = {"spacy", "trafilatura", "dateparser", "htmldate", "rensa", "lxml", "sqlalchemy"}
    assert not loaded & libraries, loaded & libraries
    assert not {m for m in loaded if m.startswith("eventwire.actors.")} - {
        "eventwire.actors.settings"
    }


def test_the_console_script_runs_the_commands_with_collection_back_on(tmp_path: Path) -> None:
    """``python -m eventwire`` is the console script: it loads the commands with the garbage
    collector paused and runs them with it on again."""
    url = small_database(tmp_path)
    probe = (
        "import gc, sys\n"
        "from eventwire import console\n"
        "sys.argv = ['eventwire', '--db', sys.argv[1], 'stories', '--json']\n"
        "try:\n"
        "    console.main()\n"
        "except SystemExit as done:\n"
        "    assert not done.code, done.code\n"
        "print(gc.isenabled())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, url], capture_output=True, text=True, check=True
    )
    *listing, enabled = done.stdout.strip().splitlines()
    assert json.loads("\n".join(listing))["items"][0]["id"] == 1
    assert enabled == "True"
    ran = subprocess.run(
        [sys.executable, "-m", "eventwire", "--db", url, "stories", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(ran.stdout)["items"][0]["id"] == 1
