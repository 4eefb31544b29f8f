"""Start-up time of the CLI's read commands: each a fresh process, as a user runs them.

``eventwire --help``, ``eventwire stories`` and ``eventwire article 1`` run against a small
database (the first articles of the bundled NewsWCL50 corpus, processed with every stage)
several times each; the median wall time of each goes to ``benchmarks/results/startup.json``,
beside the 0.4 s target and the heavy libraries each command imported (there should be none).
For scale, the same statistics for a bare interpreter and for importing SQLAlchemy Core (the
floor of any command that opens the store: the schema is Core tables, so no read command loads
the ORM), and the machine's load while it ran.
Run: ``python -m benchmarks.startup [--repetitions N] [--articles N]``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
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
REFERENCES = {"python": "pass", "python + sqlalchemy": "import sqlalchemy"}
HEAVY_MODULES = (
    "spacy",
    "trafilatura",
    "dateparser",
    "alembic",
    "sqlalchemy.orm",
    "eventwire.pipeline",
)
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
    run_cli(url, "--quiet", "run", str(sample))
    return url


def run_cli(url: str, *args: str) -> None:
    """``eventwire --db URL ARGS`` in a fresh process, without EVENTWIRE_* settings."""
    command = [sys.executable, "-m", "eventwire.cli", "--db", url, *args]
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENTWIRE_")}
    subprocess.run(command, capture_output=True, text=True, env=env, check=True)


def time_command(url: str, args: tuple[str, ...], repetitions: int) -> dict:
    """Wall times of ``eventwire ARGS`` over ``repetitions`` processes, and what it imported."""
    command = [sys.executable, "-m", "eventwire", "--db", url, *args]  # as the console script
    figures = time_process(command, repetitions)
    return {
        "command": "eventwire " + " ".join(args),
        **figures,
        "within_target": figures["median_seconds"] <= TARGET_SECONDS,
        "heavy_modules_imported": heavy_modules(url, args),
    }


def time_process(command: list[str], repetitions: int) -> dict:
    """Median, fastest and slowest wall time of ``command`` over ``repetitions`` processes."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENTWIRE_")}
    times, cpu_times = [], []
    for _ in range(repetitions):
        cpu_before = children_cpu_seconds()
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, env=env)
        times.append(time.perf_counter() - started)
        cpu_times.append(children_cpu_seconds() - cpu_before)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed: {done.stderr.strip()}")
    return {
        "median_seconds": round(statistics.median(times), 3),
        "min_seconds": round(min(times), 3),
        "max_seconds": round(max(times), 3),
        # user + system CPU: steadier than wall time when other work shares the machine
        "median_cpu_seconds": round(statistics.median(cpu_times), 3),
    }


def children_cpu_seconds() -> float:
    """User plus system CPU time of every finished child process so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


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
        load_before = os.getloadavg()[0]
        commands = [time_command(url, command, args.repetitions) for command in COMMANDS]
        references = {
            name: time_process([sys.executable, "-c", code], args.repetitions)
            for name, code in REFERENCES.items()
        }
    result = {
        "benchmark": "startup",
        "machine": describe_machine(),
        "load_average_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "repetitions": args.repetitions,
        "articles": args.articles,
        "target_seconds": TARGET_SECONDS,
        "commands": commands,
        "references": references,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "startup.json").write_text(json.dumps(result, indent=2) + "\n")
    for item in commands:
        heavy = ", ".join(item["heavy_modules_imported"]) or "none"
        print(
            f"{item['command']:<24} median {item['median_seconds']:.3f} s,"
            f" CPU {item['median_cpu_seconds']:.3f} s (heavy: {heavy})"
        )
    for name, figures in references.items():
        print(
            f"{name:<24} median {figures['median_seconds']:.3f} s,"
            f" CPU {figures['median_cpu_seconds']:.3f} s (reference)"
        )


if __name__ == "__main__":
    main()
