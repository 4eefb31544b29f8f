"""Whether the facts stage still gives the same results: NewsWCL50's 10 stories through
``story_facts`` (with the sentence model, and lexical features alone), recorded once and
compared after a change (speed work must not move a decision or a score).

Run: ``python -m benchmarks.facts_identical --record FILE`` with the code of reference,
then ``python -m benchmarks.facts_identical --check FILE`` after the change (exit status 1
and the first differences listed when anything differs); ``--cpu FILE``: the CPU seconds of
``story_facts`` over the recorded stories under one BLAS thread (as ``eventwire run`` runs
it), the model's first pass, then passes with every sentence in the encoder's memo (the
Python part alone). The file keeps the stories' inputs
(spaCy's mentions), so a check does not run spaCy again. Recorded per story: the
consolidated story (facts, claims, statuses, sources, summary, timeline), the aligned pairs
with their scores, and every candidate pair's lexical features.
"""

from __future__ import annotations

import argparse
import math
import os
import pickle
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from eventwire.facts import embed
from eventwire.facts.align import candidate_pairs, lexical_rows
from eventwire.facts.build import _aligned_pairs, _claim_infos, story_facts
from eventwire.facts.features import idf_table
from eventwire.facts.settings import FactsSettings
from eventwire.model import FactsInput

TOLERANCE = 1e-6  # absolute and relative, on every float
SHOWN = 20  # differences listed at most


def newswcl50_stories() -> list[FactsInput]:
    """NewsWCL50's events as stories, with spaCy's mentions (as benchmarks.facts reads them)."""
    from benchmarks.facts import facts_inputs, newswcl50_documents

    by_event = defaultdict(list)
    for document, event, _ in newswcl50_documents():
        by_event[event].append(document)
    return [facts_inputs(docs, event + 1) for event, docs in sorted(by_event.items())]


def results(stories: list[FactsInput]) -> list[dict[str, Any]]:
    """Per story, with and without the sentence model: its facts, aligned pairs and the
    lexical features of its candidate pairs."""
    settings = FactsSettings()
    encoder = embed.SentenceEncoder(processes=1)
    found = []
    for story in stories:
        infos = _claim_infos(story, settings)
        pairs = candidate_pairs(infos, settings)
        idf = idf_table([info.words for info in infos])
        found.append(
            {
                "story": story.story_id,
                "facts": story_facts(story, settings, encoder).as_dict(),
                "facts_lexical": story_facts(story, settings, None).as_dict(),
                "aligned": sorted(_aligned_pairs(infos, settings, encoder).items()),
                "aligned_lexical": sorted(_aligned_pairs(infos, settings, None).items()),
                "lexical_rows": list(zip(pairs, lexical_rows(infos, pairs, idf), strict=True)),
            }
        )
    return found


def differences(expected: Any, actual: Any, where: str = "") -> list[str]:
    """Where ``actual`` differs from ``expected`` (floats within TOLERANCE are equal)."""
    if isinstance(expected, float) or isinstance(actual, float):
        numbers = isinstance(expected, int | float) and isinstance(actual, int | float)
        if numbers and math.isclose(expected, actual, rel_tol=TOLERANCE, abs_tol=TOLERANCE):
            return []
        return [f"{where}: {expected!r} != {actual!r}"]
    if isinstance(expected, dict) and isinstance(actual, dict):
        if expected.keys() != actual.keys():
            return [f"{where}: keys {sorted(expected)} != {sorted(actual)}"]
        return [d for k in expected for d in differences(expected[k], actual[k], f"{where}.{k}")]
    if isinstance(expected, list | tuple) and isinstance(actual, list | tuple):
        if len(expected) != len(actual):
            return [f"{where}: {len(expected)} items != {len(actual)}"]
        pairs = zip(expected, actual, strict=True)
        return [d for n, (e, a) in enumerate(pairs) for d in differences(e, a, f"{where}[{n}]")]
    return [] if expected == actual else [f"{where}: {expected!r} != {actual!r}"]


def cpu_seconds(stories: list[FactsInput], passes: int = 3) -> tuple[float, list[float]]:
    """CPU seconds of ``story_facts`` over ``stories``: the first pass (the sentence model
    runs), then ``passes`` with every sentence in the encoder's memo."""
    from threadpoolctl import threadpool_limits

    settings, encoder = FactsSettings(), embed.SentenceEncoder(processes=1)
    embed.stage_model()
    found = []
    with threadpool_limits(1):
        for _ in range(passes + 1):
            start = time.process_time()
            for story in stories:
                story_facts(story, settings, encoder)
            found.append(time.process_time() - start)
    return found[0], found[1:]


def main(argv: list[str] | None = None) -> int:
    """Record the reference, or check the current code against it."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--record", type=Path, help="write inputs and results to this file")
    action.add_argument("--check", type=Path, help="compare with the results in this file")
    action.add_argument("--cpu", type=Path, help="CPU seconds over the stories of this file")
    args = parser.parse_args(argv)
    if args.cpu:
        first, memo = cpu_seconds(pickle.loads(args.cpu.read_bytes())["stories"])
        shown = " ".join(f"{s:.2f}" for s in memo)
        print(f"first pass {first:.2f} s CPU, memo passes {shown} (load {os.getloadavg()[0]:.1f})")
        return 0
    if args.record:
        stories = newswcl50_stories()
        args.record.write_bytes(pickle.dumps({"stories": stories, "results": results(stories)}))
        print(f"recorded {len(stories)} stories to {args.record}")
        return 0
    reference = pickle.loads(args.check.read_bytes())
    found = differences(reference["results"], results(reference["stories"]))
    for line in found[:SHOWN]:
        print(line)
    print(f"{len(found)} differences over {len(reference['stories'])} stories")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
