"""Start-up time of the CLI's read commands: each a fresh process, as a user runs them.

``eventwire --help``, ``eventwire stories`` and ``eventwire article 1`` run against a small
database (the first articles of the bundled NewsWCL50 corpus, processed with every stage)
several times each; the median wall time of each goes to ``benchmarks/results/startup.json``,
beside the 0.4 s target and the heavy libraries each command imported (there should be none).
Run: ``python -m benchmarks.startup [--repetitions N] [--articles N]``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.datasets import REPO_ROOT
from benchmarks.machine import describe_machine

RESULTS = REPO_ROOT / "benchmarks" / "results"
CORPUS = REPO_ROOT / "examples" / "corpus" / "newswcl50" / "articles.jsonl"
COMMANDS = (("--help",), ("stories",), ("article", "1"))
TARGET_SECONDS = 0.4
HEAVY_MODULES = ("spacy", "trafilatura", "dateparser", "alembic", "eventwire.pipeline")
# Runs the CLI like the console script, then reports which heavy modules it imported.
PROBE = (
    "import sys\n"
    "from eventwire.cli import app\n"
    "try:\n"
    "    app(prog_name='eventwire')\n"
    "except SystemExit:\n"
    "    pass\n"
    "sys.stderr.write(repr(sorted(m for m in {heavy!r} if m in sys.modules)))\n"
)


def build_database(folder: Path, articles: int) -> str:
    """A database of the corpus's first ``articles`` articles after ``eventwire run``."""
    sample = folder / "sample.jsonl"
    lines = CORPUS.read_text(encoding="utf-8").splitlines()[:articles]
    sample.write_text("\n".join(lines) + "\n", encoding="utf-8")
    url = f"sqlite:///{folder / 'startup.db'}"
    run_cli(url, "--quiet", "run", str(sample), check=True)
    return url


def run_cli(url: str, *args: str, check: bool = False) -> subprocess.CompletedProcess:
    """``eventwire --db URL ARGS`` in a fresh process, without EVENTWIRE_* settings."""
    command = [sys.executable, "-m", "eventwire.cli", "--db", url, *args]
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENTWIRE_")}
    return subprocess.run(command, capture_output=True, text=True, env=env, check=check)


def time_command(url: str, args: tuple[str, ...], repetitions: int) -> dict:
    """Median, fastest and slowest wall time of ``args`` over ``repetitions`` processes."""
    times = []
    for _ in range(repetitions):
        started = time.perf_counter()
        done = run_cli(url, *args)
        times.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise RuntimeError(f"eventwire {' '.join(args)} failed: {done.stderr.strip()}")
    median = statistics.median(times)
    return {
        "command": "eventwire " + " ".join(args),
        "median_seconds": round(median, 3),
        "min_seconds": round(min(times), 3),
        "max_seconds": round(max(times), 3),
        "within_target": median <= TARGET_SECONDS,
        "heavy_modules_imported": heavy_modules(url, args),
    }


def heavy_modules(url: str, args: tuple[str, ...]) -> list[str]:
    """Which of HEAVY_MODULES the command imported (run once more, in a probe process)."""
    probe = PROBE.format(heavy=HEAVY_MODULES)
    argv = ["--db", url, *args]
    command = [sys.executable, "-c", f"import sys; sys.argv = {['eventwire', *argv]!r}\n{probe}"]
    done = subprocess.run(command, capture_output=True, text=True)
    return json.loads(done.stderr.strip().splitlines()[-1].replace("'", '"'))


def main() -> None:
    """Run the benchmark and write benchmarks/results/startup.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repetitions", type=int, default=7)
    parser.add_argument("--articles", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = build_database(Path(tmp), args.articles)
        commands = [time_command(url, command, args.repetitions) for command in COMMANDS]
    result = {
        "benchmark": "startup",
        "machine": describe_machine(),
        "repetitions": args.repetitions,
        "articles": args.articles,
        "target_seconds": TARGET_SECONDS,
        "commands": commands,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "startup.json").write_text(json.dumps(result, indent=2) + "\n")
    for item in commands:
        heavy = ", ".join(item["heavy_modules_imported"]) or "none"
        print(f"{item['command']:<24} median {item['median_seconds']:.3f} s (heavy: {heavy})")


if __name__ == "__main__":
    main()
