"""Live fetching depends on ingest's public API only, and never on the pipeline's module."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import eventwire.ingest
import eventwire.live

LIVE = Path(eventwire.live.__file__).parent


def runtime_imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, names) of every import of ``path`` outside ``if TYPE_CHECKING:`` blocks."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and ast.unparse(block.test).endswith("TYPE_CHECKING")
        for statement in block.body
        for node in ast.walk(statement)
    }
    found = []
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.module, [alias.name for alias in node.names]))
    return found


def live_imports() -> list[tuple[str, str, list[str]]]:
    """(file, module, names) of every runtime import of the live package."""
    return [
        (path.name, module, names)
        for path in sorted(LIVE.glob("*.py"))
        for module, names in runtime_imports(path)
    ]


def test_live_reads_pages_through_the_public_ingest_api_only() -> None:
    public = set(eventwire.ingest.__all__)
    used = [(f, m, names) for f, m, names in live_imports() if m.startswith("eventwire.ingest")]

    assert used, "live reads pages through ingest"
    for file, module, names in used:
        assert module == "eventwire.ingest", f"{file} imports the ingest internal {module}"
        private = [name for name in names if name.startswith("_") or name not in public]
        assert not private, f"{file} imports {private} that ingest does not export"


def test_live_never_imports_the_pipeline_module() -> None:
    cycle = [(f, m) for f, m, _ in live_imports() if m.startswith("eventwire.pipeline")]

    assert cycle == [], "the pipeline imports live's settings: live must not import it back"


def test_the_check_sees_an_internal_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from typing import TYPE_CHECKING\n"
        "from eventwire.ingest.warc import decode_page\n"
        "if TYPE_CHECKING:\n    from eventwire.pipeline import Pipeline\n",
        encoding="utf-8",
    )

    assert runtime_imports(sample) == [
        ("typing", ["TYPE_CHECKING"]),
        ("eventwire.ingest.warc", ["decode_page"]),
    ]


def test_reading_the_live_settings_loads_no_http_client_nor_page_reader() -> None:
    probe = (
        "import sys, eventwire.live.settings; "
        "print(sorted(m for m in ('httpx', 'trafilatura', 'eventwire.ingest') if m in sys.modules))"
    )

    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)

    assert done.stdout.strip() == "[]"
