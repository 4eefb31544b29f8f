"""Actor codes benchmark: countries and CAMEO-style codes of real news sentences' actors.

Run ``python -m benchmarks.actor_codes [--show-misses N]`` from the repository root (writes
benchmarks/results/actor_codes.json). Data: the PLOVER gold standard record set
(``<repo>/../shared/data/events-plover/plover_gsr_dev.json``, 161 English news sentences,
CC BY-SA 4.0, Open Event Data Alliance), whose event source and target actors carry an
``actorText``, a country code (ISO-3, or IGO/NGO/IMG for international bodies) and an
optional sector (GOV, MIL, REB, CVL, ...).

Each sentence is one Document, a one-article story published on the record's ``date``; the
entities and actors stages run as in the pipeline. The gold actor's span is its first
occurrence in the sentence (case-insensitive; ``...`` gaps and misspellings fall back to the
pieces and to close-matching words). Per gold actor:

* country found: an actor linked to a mention overlapping the span has the gold country
  (a person's or institution's country; an organisation without a country counts by its
  code's or sector's first three letters, e.g. IGO);
* code exact (gold actors with a sector): such an actor's code is gold country + the gold
  sector's first three letters (e.g. RUSGOV).

The same is scored on the same-kind records the events benchmark holds
(``benchmarks/data/events_gsr_rest.json``, coded actors only) in its fixed halves:
``gsr_rest_tune`` (even index, tuning data, misses written) and ``gsr_rest_held_out`` (odd
index, rates only). ``--tune-only`` scores the tuning data and writes nothing.

Precision: of the countries eventwire gives to mentions overlapping any gold span, the share
that is the country of a gold actor whose span the mention overlaps.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from difflib import SequenceMatcher
from pathlib import Path

from benchmarks.machine import describe_machine
from eventwire.actors import ActorResolver
from eventwire.entities import EntityRecognizer
from eventwire.model import PART_TITLE, Actor, ArticleEntities, Document, StoryActors

REPO_ROOT = Path(__file__).resolve().parents[1]
DATA = REPO_ROOT.parent / "shared" / "data" / "events-plover" / "plover_gsr_dev.json"
RESULTS = REPO_ROOT / "benchmarks" / "results" / "actor_codes.json"
SAME_KIND = REPO_ROOT / "benchmarks" / "data" / "events_gsr_rest.json"
UNCODED = "---"  # an actor the gold's coders left without a code
SPLIT = (
    "gsr_rest (the OEDA records the dev file leaves out, benchmarks/gsr_rest.py): "
    "gsr_rest_tune = even index (tuning, misses written), gsr_rest_held_out = odd index "
    "(held out, rates only) since session 19"
)
ROLES = ("source", "target")
# Old CAMEO country codes in the gold data -> ISO 3166-1 alpha-3.
LEGACY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "USR": "RUS"}
NO_SECTOR = frozenset({"", "***"})  # "***": coded as unknown
SECTOR_LENGTH = 3  # "CVLkur" -> CVL (primary sector; the rest is an ethnic/religious tag)
GAP = re.compile(r"\s*(?:\.\.\.|…)\s*")
WORD = re.compile(r"[\w'’.]+")
CLOSE_MATCH = 0.8  # similarity for a misspelt gold word ("Ghanians" ~ "Ghanaians")
SOURCE = "plover-gsr"
ATTRIBUTION = "PLOVER gold standard records, Open Event Data Alliance, CC BY-SA 4.0"

Span = tuple[int, int]


@dataclass(frozen=True)
class GoldActor:
    """One gold source/target actor of a sentence, with its character spans there."""

    record: str
    role: str
    text: str
    country: str
    sector: str | None
    spans: tuple[Span, ...]

    @property
    def code(self) -> str | None:
        """The CAMEO-style code to match exactly (None when the gold has no sector)."""
        return self.country + self.sector if self.sector else None


def load_records(path: Path = DATA) -> list[dict]:
    """The PLOVER records (a JSON list)."""
    return json.loads(path.read_text(encoding="utf-8"))


def gold_actors(record: dict) -> list[GoldActor]:
    """The record's source and target actors (empty or non-list roles give none)."""
    actors = []
    for role in ROLES:
        entries = record.get(role)
        for entry in entries if isinstance(entries, list) else ():
            if not isinstance(entry, dict) or entry.get("code", UNCODED).strip() == UNCODED:
                continue
            code = entry["code"].strip().upper()
            sector = (entry.get("sector") or "").strip()
            spans = find_spans(record["text"], entry["actorText"])
            actors.append(
                GoldActor(
                    record["id"],
                    role,
                    entry["actorText"],
                    LEGACY_CODES.get(code, code),
                    None if sector in NO_SECTOR else sector[:SECTOR_LENGTH].upper(),
                    spans,
                )
            )
    return actors


def find_spans(sentence: str, actor_text: str) -> tuple[Span, ...]:
    """Where ``actor_text`` is in ``sentence``: the whole phrase, else its pieces or words."""
    whole = _find_phrase(sentence, actor_text, 0)
    if whole is not None:
        return (whole,)
    spans: list[Span] = []
    position = 0
    for piece in GAP.split(actor_text.strip()):
        found = _find_phrase(sentence, piece, position)
        pieces = [found] if found else _find_words(sentence, piece, position)
        spans += pieces
        position = spans[-1][1] if spans else position
    return tuple(spans)


def _find_phrase(sentence: str, phrase: str, position: int) -> Span | None:
    if not phrase.strip():
        return None
    pattern = r"[\s-]+".join(re.escape(word) for word in re.split(r"[\s-]+", phrase.strip()))
    match = re.compile(pattern, re.IGNORECASE).search(sentence, position)
    return match.span() if match else None


def _find_words(sentence: str, piece: str, position: int) -> list[Span]:
    """Each word of ``piece``, in order, matched exactly or closely to a sentence word."""
    spans = []
    tokens = [m for m in WORD.finditer(sentence) if m.start() >= position]
    for word in WORD.findall(piece):
        for index, token in enumerate(tokens):
            ratio = SequenceMatcher(None, word.lower(), token.group().lower()).ratio()
            if ratio >= CLOSE_MATCH:
                spans.append(token.span())
                tokens = tokens[index + 1 :]
                break
    return spans


def build_document(index: int, record: dict) -> Document:
    """One sentence as a one-article story's document, published on the record's date."""
    published = datetime.fromisoformat(record["date"]).replace(tzinfo=UTC)
    return Document(index, SOURCE, "", record["text"], published)


def resolve_records(records: Sequence[dict]) -> list[StoryActors]:
    """Recognise every sentence in one batch, then resolve each as its own story."""
    documents = [build_document(i, r) for i, r in enumerate(records, start=1)]
    found = EntityRecognizer().recognize(documents)
    resolver = ActorResolver()
    results = []
    for document, entities in zip(documents, found, strict=True):
        mentions = [entities] if isinstance(entities, ArticleEntities) else []
        results.append(resolver.resolve_story(document.id, [document], mentions))
    return results


def actor_country(actor: Actor) -> str | None:
    """The country an actor stands for; IGO/NGO from the code or sector when it has none
    (a person without a country has none: a title's sector is no country)."""
    if actor.country:
        return actor.country
    if actor.type == "person":
        return None
    if actor.code:
        return actor.code[:SECTOR_LENGTH]
    return actor.sector


def overlapping(result: StoryActors, spans: Sequence[Span]) -> list[Actor]:
    """Actors linked to body mentions overlapping any of ``spans`` (in mention order)."""
    actors = {actor.key: actor for actor in result.actors}
    linked = []
    for link in sorted(result.links, key=lambda link: link.mention.start):
        mention = link.mention
        if mention.part == PART_TITLE or not _overlaps(mention.start, mention.end, spans):
            continue
        actor = actors.get(link.actor_key)
        if actor is not None and actor not in linked:
            linked.append(actor)
    return linked


def _overlaps(start: int, end: int, spans: Sequence[Span]) -> bool:
    return any(start < span_end and span_start < end for span_start, span_end in spans)


def score_actor(gold: GoldActor, result: StoryActors) -> dict:
    """One gold actor's outcome: countries and codes found, and whether each matches."""
    actors = overlapping(result, gold.spans)
    countries = [actor_country(a) for a in actors]
    codes = [a.code for a in actors]
    return {
        "id": gold.record,
        "role": gold.role,
        "actorText": gold.text,
        "gold": gold.code or gold.country,
        "has_sector": gold.code is not None,
        "found": [f"{a.code or a.country or '-'} ({a.type}: {a.name})" for a in actors],
        "span_found": bool(gold.spans),
        "country_ok": gold.country in countries,
        "code_ok": gold.code is not None and gold.code in codes,
    }


def country_precision(golds: Sequence[GoldActor], result: StoryActors) -> tuple[int, int]:
    """(right, assigned): countries given to mentions overlapping gold spans, right ones."""
    actors = {actor.key: actor for actor in result.actors}
    right = assigned = 0
    for link in result.links:
        mention, actor = link.mention, actors.get(link.actor_key)
        if mention.part == PART_TITLE or actor is None or actor_country(actor) is None:
            continue
        near = [g for g in golds if _overlaps(mention.start, mention.end, g.spans)]
        if near:
            assigned += 1
            right += actor_country(actor) in {g.country for g in near}
    return right, assigned


def score(records: Sequence[dict], results: Sequence[StoryActors]) -> dict:
    """Counts, rates and misses over every record (``results`` in the records' order)."""
    outcomes: list[dict] = []
    right = assigned = 0
    by_role: dict[str, list[dict]] = defaultdict(list)
    for record, result in zip(records, results, strict=True):
        golds = gold_actors(record)
        for gold in golds:
            outcome = score_actor(gold, result)
            outcomes.append(outcome)
            by_role[gold.role].append(outcome)
        good, total = country_precision(golds, result)
        right, assigned = right + good, assigned + total
    return {
        "records": len(records),
        **_rates(outcomes),
        "by_role": {role: _rates(rows) for role, rows in by_role.items()},
        "country_precision": {
            "assigned": assigned,
            "right": right,
            "precision": _ratio(right, assigned),
        },
        "country_misses": [_miss(o) for o in outcomes if not o["country_ok"]],
        "code_misses": [_miss(o) for o in outcomes if o["has_sector"] and not o["code_ok"]],
    }


def _rates(outcomes: Sequence[dict]) -> dict:
    with_sector = [o for o in outcomes if o["has_sector"]]
    countries = sum(o["country_ok"] for o in outcomes)
    codes = sum(o["code_ok"] for o in with_sector)
    return {
        "gold_actors": len(outcomes),
        "span_not_found": sum(not o["span_found"] for o in outcomes),
        "country_found": countries,
        "country_rate": _ratio(countries, len(outcomes)),
        "gold_with_sector": len(with_sector),
        "code_exact": codes,
        "code_rate": _ratio(codes, len(with_sector)),
    }


def _miss(outcome: dict) -> dict:
    keys = ("id", "role", "actorText", "gold", "found")
    return {key: outcome[key] for key in keys}


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def print_summary(report: dict, show: int) -> None:
    """A short table of the rates (overall and by role) and the first ``show`` misses."""
    print(f"{'':8} {'actors':>6} {'country':>8} {'rate':>6} {'sector':>6} {'code':>5} {'rate':>6}")
    rows = [("all", report), *report["by_role"].items()]
    for name, row in rows:
        print(
            f"{name:8} {row['gold_actors']:>6} {row['country_found']:>8} "
            f"{row['country_rate']!s:>6} {row['gold_with_sector']:>6} "
            f"{row['code_exact']:>5} {row['code_rate']!s:>6}"
        )
    precision = report["country_precision"]
    print(
        f"country precision: {precision['right']}/{precision['assigned']} = "
        f"{precision['precision']}"
    )
    for miss in report.get("country_misses", [])[:show]:
        print(f"  miss {miss['id']} {miss['actorText']!r} gold {miss['gold']} -> {miss['found']}")


def same_kind(records: Sequence[dict], held_out: bool = True) -> dict:
    """The same-kind records' coded actors in the events benchmark's fixed halves: the even
    index (``gsr_rest_tune``, misses written), the odd index (``gsr_rest_held_out``, rates
    only: its misses are never written)."""
    records = [{**r, "text": r["text"].strip(" {}")} for r in records]
    chosen = records if held_out else records[0::2]
    results = resolve_records(chosen)
    step = 2 if held_out else 1
    report = {"gsr_rest_tune": score(chosen[0::step], results[0::step])}
    if held_out:
        held = score(chosen[1::2], results[1::2])
        report["gsr_rest_held_out"] = {
            k: v for k, v in held.items() if k not in ("country_misses", "code_misses")
        }
    return report


def main() -> None:
    """Measure and write benchmarks/results/actor_codes.json."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show-misses", type=int, default=10, help="country misses to print")
    parser.add_argument(
        "--tune-only",
        action="store_true",
        help="score the tuning data only (dev, gsr_rest_tune); print, write no results",
    )
    args = parser.parse_args()
    records = load_records()
    report = score(records, resolve_records(records))
    halves = same_kind(load_records(SAME_KIND), held_out=not args.tune_only)
    print_summary(report, args.show_misses)
    for name, half in halves.items():
        print(f"-- {name}")
        print_summary(half, args.show_misses if "country_misses" in half else 0)
    if args.tune_only:
        return
    output = {"machine": describe_machine(), "data": DATA.name, "licence": ATTRIBUTION, **report}
    output["same_kind"] = {"data": SAME_KIND.name, "split": SPLIT, **halves}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(output, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
