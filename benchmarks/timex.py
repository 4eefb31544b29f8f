"""Exact-match accuracy of the time stage on TimeBank's DATE expressions.

Run: ``python -m benchmarks.timex [--show-errors N] [--limit FILES]`` (writes
benchmarks/results/timex.json). Each TIMEX3 of type DATE in the 183 TempEval-3 TimeBank
documents (``<repo>/../shared/data/timex-timebank``, TempEval-3 distribution) is normalised
with the document creation time as the anchor and its sentence as the tense context; the
result counts when our ``value`` equals the annotated one exactly. dateparser alone (our
fallback, with the same anchor) is scored the same way as the baseline. Every DATE/TIME
expression is also normalised against random anchors (seeded) to count exceptions (none
expected: bad input gives None).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from lxml import etree

from benchmarks.machine import describe_machine
from eventwire.model import TimeValue
from eventwire.time import TimeSettings, normalize_time
from eventwire.time.fallback import parse_with_dateparser

REPO_ROOT = Path(__file__).resolve().parents[1]
DATA = REPO_ROOT.parent / "shared" / "data" / "timex-timebank"
RESULT_FILE = REPO_ROOT / "benchmarks" / "results" / "timex.json"
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'`]*\s+|\n\s*\n")
CATEGORIES = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}"), "day"),
    (re.compile(r"^\d{4}-W\d{2}-WE$"), "weekend"),
    (re.compile(r"^\d{4}-W\d{2}$"), "week"),
    (re.compile(r"^\d{4}-\d{2}$"), "month"),
    (re.compile(r"^\d{4}-Q\d$"), "quarter"),
    (re.compile(r"^\d{4}-H\d$"), "half"),
    (re.compile(r"^\d{4}-(SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^\d{4}$"), "year"),
    (re.compile(r"^\d{2,3}$"), "decade/century"),
    (re.compile(r"^(PAST|PRESENT|FUTURE)_REF$"), None),
)


@dataclass(frozen=True)
class TimexCase:
    """One annotated DATE expression with its document's creation time and sentence."""

    document: str
    text: str
    gold: str
    anchor: datetime
    sentence: str
    with_previous: str  # the sentence and the one before it


def load_cases(folder: Path = DATA, limit: int | None = None) -> list[TimexCase]:
    """Every DATE TIMEX3 (not the creation time itself) of the first ``limit`` documents."""
    cases: list[TimexCase] = []
    for path in sorted(folder.glob("*.tml"))[:limit]:
        cases.extend(_document_cases(path))
    return cases


def category_of(value: str) -> str:
    """The kind of a TIMEX3 value: day, week, month, quarter, ..., PAST_REF, underspecified."""
    for pattern, name in CATEGORIES:
        if pattern.match(value):
            return name or value
    return "underspecified"


def score(cases: list[TimexCase], normalize: Callable[[TimexCase], TimeValue | None]) -> dict:
    """Accuracy overall and per gold category, with error kinds (unresolved / wrong)."""
    totals: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    errors: dict[str, Counter[str]] = defaultdict(Counter)
    for case in cases:
        kind = category_of(case.gold)
        totals[kind] += 1
        found = normalize(case)
        if found is not None and found.value == case.gold:
            correct[kind] += 1
        else:
            errors[kind]["unresolved" if found is None else f"as {category_of(found.value)}"] += 1
    return {
        "expressions": len(cases),
        "accuracy": round(sum(correct.values()) / max(len(cases), 1), 4),
        "by_category": {
            kind: {"total": n, "correct": correct[kind], "errors": dict(errors[kind])}
            for kind, n in totals.most_common()
        },
    }


def count_exceptions(folder: Path = DATA, anchors_per_text: int = 5, seed: int = 0) -> dict:
    """normalize_time on every DATE/TIME text against random anchors: how many calls raised."""
    texts = [
        "".join(timex.itertext())
        for path in sorted(folder.glob("*.tml"))
        for timex in etree.parse(str(path)).iter("TIMEX3")
        if timex.get("type") in ("DATE", "TIME")
    ]
    rng = random.Random(seed)
    raised = 0
    for text in texts:
        for _ in range(anchors_per_text):
            offset = timezone(timedelta(minutes=15 * rng.randint(-48, 56)))
            anchor = datetime(1900, 1, 1, tzinfo=offset) + timedelta(minutes=rng.randint(0, 9**9))
            try:
                normalize_time(text, anchor, text)
            except Exception:  # counting what escapes is the point
                raised += 1
    return {"texts": len(texts), "calls": len(texts) * anchors_per_text, "exceptions": raised}


def ours(case: TimexCase) -> TimeValue | None:
    """eventwire's normaliser with default settings."""
    return normalize_time(case.text, case.anchor, case.sentence)


def ours_with_previous_sentence(case: TimexCase) -> TimeValue | None:
    """The same with the previous sentence in the context (what a paragraph would give)."""
    return normalize_time(case.text, case.anchor, case.with_previous)


def dateparser_alone(case: TimexCase) -> TimeValue | None:
    """The baseline: dateparser with the same anchor, mapped at the period it reports."""
    return parse_with_dateparser(case.text, case.anchor.date(), TimeSettings(), screen=False)


def _document_cases(path: Path) -> list[TimexCase]:
    tree = etree.parse(str(path))
    dct = next(
        t.get("value")
        for t in tree.iter("TIMEX3")
        if t.get("functionInDocument") == "CREATION_TIME"
    )
    anchor = datetime.fromisoformat(dct).replace(tzinfo=UTC)
    text_element = tree.find(".//TEXT")
    pieces: list[str] = []
    spans: list[tuple[int, int, str]] = []
    _flatten(text_element, pieces, spans)
    text = "".join(pieces)
    return [
        TimexCase(
            path.stem,
            text[start:end],
            gold,
            anchor,
            _sentence_at(text, start, end),
            _sentence_at(text, start, end, before=1),
        )
        for start, end, gold in spans
    ]


def _flatten(element: etree._Element, pieces: list[str], spans: list) -> None:
    """Plain text of ``element`` into ``pieces``; DATE timexes' offsets into ``spans``."""
    start = sum(map(len, pieces))
    pieces.append(element.text or "")
    for child in element:
        _flatten(child, pieces, spans)
        pieces.append(child.tail or "")
    if element.tag == "TIMEX3" and element.get("type") == "DATE":
        spans.append((start, start + len("".join(element.itertext())), element.get("value")))


def _sentence_at(text: str, start: int, end: int, before: int = 0) -> str:
    """The sentence holding text[start:end], with ``before`` preceding sentences."""
    bounds = [0] + [m.end() for m in SENTENCE_END.finditer(text)] + [len(text)]
    earlier = [b for b in bounds if b <= start]
    first = earlier[max(len(earlier) - 1 - before, 0)]
    last = min(b for b in bounds if b >= end)
    return " ".join(text[first:last].split())


def print_report(result: dict) -> None:
    """Accuracy of ours and of the baseline, with per-category error counts."""
    for name in ("eventwire", "eventwire_previous_sentence_in_context", "dateparser_alone"):
        part = result[name]
        print(f"{name}: {part['accuracy']:.3f} exact match on {part['expressions']} DATE values")
    print("errors of eventwire (sentence context) by gold category:")
    print(f"{'category':<16}{'total':>7}{'correct':>9}  errors")
    for kind, row in result["eventwire"]["by_category"].items():
        errors = ", ".join(f"{k}: {v}" for k, v in sorted(row["errors"].items()))
        print(f"{kind:<16}{row['total']:>7}{row['correct']:>9}  {errors}")
    if result["never_raises"]:
        robust = result["never_raises"]
        print(f"random anchors: {robust['exceptions']} exceptions in {robust['calls']} calls")


def show_errors(cases: list[TimexCase], limit: int) -> None:
    """Print up to ``limit`` mismatches (for development; not written to the results)."""
    shown = 0
    for case in cases:
        found = ours(case)
        if (found.value if found else None) != case.gold and shown < limit:
            shown += 1
            got = found.value if found else None
            print(f"{case.anchor.date()} {case.text!r:32} gold={case.gold:12} got={got}")
            print(f"    {case.sentence[:160]}")


def main() -> None:
    """Score eventwire and the dateparser baseline; print and write the JSON result."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-errors", type=int, default=0, help="print this many mismatches")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    args = parser.parse_args()
    started = time.perf_counter()
    cases = load_cases(limit=args.limit)
    result = {
        "data": "TempEval-3 TimeBank, TIMEX3 type=DATE against the document creation time",
        "documents": len({c.document for c in cases}),
        "settings": TimeSettings().__dict__,
        "eventwire": score(cases, ours),
        "eventwire_previous_sentence_in_context": score(cases, ours_with_previous_sentence),
        "dateparser_alone": score(cases, dateparser_alone),
        "never_raises": count_exceptions() if args.limit is None else None,
    }
    result["seconds"] = round(time.perf_counter() - started, 1)
    result["machine"] = describe_machine()
    RESULT_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULT_FILE.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print_report(result)
    if args.show_errors:
        show_errors(cases, args.show_errors)


if __name__ == "__main__":
    main()
