"""Events benchmark: PLOVER event coding on the OEDA gold sentences, and throughput.

Run ``python -m benchmarks.events`` from the repository root; results go to
``benchmarks/results/events.json``.

Accuracy: ``../shared/data/events-plover/plover_gsr_dev.json`` (161 news sentences, one gold
event each; CC BY-SA 4.0, Open Event Data Alliance). Each sentence goes through the real path
(entities with the parse, actors, the events coder). The rules were tuned on the sentences of
even index; the odd ones (``held_out``) were held out until session 15 and are tuning data
since session 16, when ``gsr_rest`` (below) took their place as the unseen sentences of this
kind; both halves and all sentences are given. The gold uses PLOVER 0.5 type names, which the
coder's CAMEO codes are compared in: REQUEST is DEMAND, ACCUSE is INVESTIGATE (CAMEO 09) or
DISAPPROVE, conventional military force (CAMEO 19) is FIGHT, and two codes take the type the
crosswalk of the gold's own era gives (``ERA_TYPES``: sanctions imposed, 163, are SANCTION;
property destroyed, 1712, COERCE; not 185, an attempted assassination, which the dev gold codes
as ASSAULT). Per sentence: a hit when one coded event has the gold type; precision = hits /
sentences with a coded event, recall = hits / sentences; extra events = coded PLOVER events
beyond the hit, per sentence (statements, CAMEO 01, have no PLOVER type and are counted apart);
triple F1 counts a hit whose source and target countries (ISO-3, or the actor code's first
three letters: IGO, NGO) meet the gold's (the gold's old codes JAP, ITL, VTN, USR read as JPN,
ITA, VNM, RUS). Scored twice: the events the story step stores (``events``: actors linked, a
meeting needs two sides; what a user gets) and the coder's mentions before that step
(``mentions``). ``through_run``: the same sentences as articles through ``eventwire run``'s
runner into a store, each its own story, the events read back as a user reads them.

Fresh set (``fresh``): ``benchmarks/data/events_fresh.json``, 95 real news sentences from
other shared corpora, hand-labelled in the dev file's shape and conventions before the coder
was run on them (``benchmarks/data/README.md``); scored the same three ways, split
``fresh_tune`` (even index) and ``fresh_held_out`` (odd index; read for tuning since the
third round, so no longer an unseen estimate).
A second fresh set (``fresh2``: ``benchmarks/data/events_fresh2.json``, 43 sentences) is
scored whole as ``fresh2_held_out``, and a third (``fresh3``:
``benchmarks/data/events_fresh3.json``, 61 sentences) as ``fresh3_held_out``, and a fourth
(``fresh4``: ``benchmarks/data/events_fresh4.json``, 56 sentences drawn at random rather than
by a word list) as ``fresh4_held_out``; their misses are not written. A fifth
(``fresh5``: ``benchmarks/data/events_fresh5.json``, 128 sentences drawn at random as the
fourth was) is split like the first: ``fresh5_tune`` (even index, tuning data) and
``fresh5_held_out`` (odd index, scored without its misses). A sixth (``fresh6``:
``benchmarks/data/events_fresh6.json``, 140 sentences drawn at random the same way) is
tuning data whole (``fresh6_tune``, misses written). A seventh (``fresh7``:
``benchmarks/data/events_fresh7.json``, 317 sentences drawn at random the same way, from pool
positions 9400-11399) is scored whole as ``fresh7_held_out``, its misses not written.

Same kind (``gsr_rest``: ``benchmarks/data/events_gsr_rest.json``, 159 records): the OEDA
gold standard records of the CAMEO manual's examples that the dev file leaves out, coded by
the dev file's own coders (``benchmarks/gsr_rest.py`` says how they were kept): the check
that the dev file's rates carry over to sentences of its kind that no one here labelled. Held
out whole until session 17; since session 18, when rules written from everything else had
stopped gaining on it, it is split by a fixed rule: the even index (``gsr_rest_tune``, 80) is
tuning data with its misses written, the odd index (``gsr_rest_held_out``, 79) held out with
none; ``gsr_rest_all`` scores it whole, without misses, as it was read before the split.

The fresh sets again, each sentence coded inside the article it came from (``in_article``,
``benchmarks/events_articles.py``: TimeBank, ECB+ and NewsWCL50 documents, each one article
through ``eventwire run``'s runner and store like ``through_run``; MSRP holds single
sentences, which keep their ``through_run`` coding): what the story step takes from the rest
of an article (an unplaced side's country from its article's own) shows only so. ``fresh``
in its two halves with misses, the others whole without; each with the count of sentences
the run lost, found only in a stored title, or read through a dedup copy's original.

Throughput (``--articles N``): ``eventwire run`` (ingest to events, two spaCy processes),
with events and without (``entities.parse`` off), on the throughput benchmark's real-text
stream, against spaCy's own rate on the same texts (default ``en_core_web_sm`` pipeline,
``nlp.pipe(n_process=2)``), interleaved in rounds in one run; ratios compare medians.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

from benchmarks.actor_codes import LEGACY_CODES
from benchmarks.datasets import DATA
from benchmarks.events_articles import (
    ALONE,
    FIXED_DATE,
    IN_COPY,
    IN_TITLE,
    NOT_REACHED,
    Coded,
    code_in_articles,
    coded_event,
    run_rows,
)
from benchmarks.machine import describe_machine
from benchmarks.throughput import write_stream
from eventwire.actors import ActorResolver
from eventwire.entities import EntitiesSettings, EntityRecognizer
from eventwire.events.coder import code_article
from eventwire.events.lexicon import load_lexicon
from eventwire.events.merge import mention_key, merge_story
from eventwire.events.tables import plover_of
from eventwire.model import (
    Actor,
    ArticleEntities,
    ArticleMeta,
    Document,
    Event,
    EventMention,
    EventsInput,
    Span,
)

REPO_ROOT = Path(__file__).resolve().parents[1]
RESULTS = REPO_ROOT / "benchmarks" / "results" / "events.json"
GOLD = DATA / "events-plover" / "plover_gsr_dev.json"
FRESH = REPO_ROOT / "benchmarks" / "data" / "events_fresh.json"
FRESH2 = REPO_ROOT / "benchmarks" / "data" / "events_fresh2.json"
FRESH3 = REPO_ROOT / "benchmarks" / "data" / "events_fresh3.json"
FRESH4 = REPO_ROOT / "benchmarks" / "data" / "events_fresh4.json"
FRESH5 = REPO_ROOT / "benchmarks" / "data" / "events_fresh5.json"
FRESH6 = REPO_ROOT / "benchmarks" / "data" / "events_fresh6.json"
FRESH7 = REPO_ROOT / "benchmarks" / "data" / "events_fresh7.json"
GSR_REST = REPO_ROOT / "benchmarks" / "data" / "events_gsr_rest.json"
TUNING = (("fresh6", FRESH6),)  # tuning data whole: misses written, no held-out half
UNREAD = (("fresh2", FRESH2), ("fresh3", FRESH3), ("fresh4", FRESH4), ("fresh7", FRESH7))
# The dev file's kind, coded by its own coders: halved (even tuning, odd held out), no articles
SAME_KIND = (("gsr_rest", GSR_REST),)
DEV_HALVES = ("held_out", "tuning")
HALVED = (
    ("fresh", FRESH, ("fresh_held_out", "fresh_tune")),
    ("fresh5", FRESH5, ("fresh5_held_out", "fresh5_tune")),
)
HALF_NAMES = {name: halves for name, _, halves in HALVED}
UNREAD_HALVES = frozenset({"fresh5_held_out"})  # scored without misses: never read
SPLIT = (
    "dev: tuning = even index (0, 2, ...), held_out = odd index (1, 3, ...); "
    "fresh (benchmarks/data/events_fresh.json): fresh_tune = even, fresh_held_out = odd; "
    "fresh5 (benchmarks/data/events_fresh5.json, drawn at random): fresh5_tune = even, "
    "fresh5_held_out = odd; "
    "fresh6 (benchmarks/data/events_fresh6.json, drawn at random): all tuning (fresh6_tune); "
    "fresh2 (benchmarks/data/events_fresh2.json): all held out (fresh2_held_out); "
    "fresh3 (benchmarks/data/events_fresh3.json): all held out (fresh3_held_out); "
    "fresh4 (benchmarks/data/events_fresh4.json, drawn at random): all held out (fresh4_held_out); "
    "fresh7 (benchmarks/data/events_fresh7.json, drawn at random): all held out (fresh7_held_out); "
    "gsr_rest (benchmarks/data/events_gsr_rest.json, the OEDA records the dev file leaves "
    "out): held out whole until session 17; since session 18 gsr_rest_tune = even index "
    "(tuning), gsr_rest_held_out = odd index (held out), gsr_rest_all = whole (totals only)"
)
TARGETS = {"precision": 0.80, "recall": 0.75, "triple_f1": 0.55, "extra_per_sentence": 0.25}


# Codes the crosswalk of the gold's own PLOVER era (cameo/CAMEO-PLOV.txt of the PLOVER
# repository, CC BY-SA 4.0, Open Event Data Alliance) types otherwise than the 2021 table the
# coder ships; the dev gold follows it ("imposed sanctions" SANCTION, "demolished homes" COERCE).
# Not for 185: the crosswalk makes an attempted assassination a threat, the dev gold an ASSAULT.
ERA_TYPES = {"163": "SANCTION", "1712": "COERCE"}


def gsr_type(cameo: str) -> str | None:
    """A CAMEO code's PLOVER type under the gold's PLOVER 0.5 names (see the docstring)."""
    plover = plover_of(cameo)
    if plover is None:
        return None
    if cameo in ERA_TYPES:
        return ERA_TYPES[cameo]
    if plover.event == "REQUEST":
        return "DEMAND"
    if plover.event == "ACCUSE":
        return "INVESTIGATE" if cameo.startswith("09") else "DISAPPROVE"
    if plover.event == "ASSAULT" and cameo.startswith("19"):
        return "FIGHT"
    return plover.event


OLD_CODES = LEGACY_CODES  # old CAMEO country codes in the gold, read as ISO-3
UNCODED = "---"  # an actor the gold's coders left without a code (most of gsr_rest's)


def gold_codes(actors: object) -> set[str]:
    """The gold actor codes (a list of {code}; a string or nothing means none)."""
    if not isinstance(actors, list):
        return set()
    codes = {a["code"][:3] for a in actors if a.get("code") and a["code"] != UNCODED}
    return {OLD_CODES.get(code, code) for code in codes}


def code_sentences(texts: list[str]) -> tuple[list[list[Coded]], list[list[Coded]]]:
    """Each text as a one-article story, coded: the coder's mentions (spans linked to the
    actors' countries) and the events the story step keeps (what the store gets)."""
    documents = [Document(i + 1, "gold", "", text) for i, text in enumerate(texts)]
    recognizer = EntityRecognizer(EntitiesSettings(n_process=1, parse=True))
    found = recognizer.recognize(documents)
    resolver, lexicon = ActorResolver(), load_lexicon()
    mentions_out, events_out = [], []
    for document, entities in zip(documents, found, strict=True):
        assert isinstance(entities, ArticleEntities) and entities.parse is not None
        mentions, linked, events = one_article_story(document, entities, resolver, lexicon)
        mentions_out.append([_coded_mention(m, linked) for m in mentions])
        events_out.append([coded_event(e, trigger_text(e)) for e in events])
    return mentions_out, events_out


def one_article_story(
    document: Document, entities: ArticleEntities, resolver: ActorResolver, lexicon: object
) -> tuple[list[EventMention], dict[str, Actor], list[Event]]:
    """A one-article story coded in this process: the coder's mentions, the actors its spans
    link to, and the events the story step keeps."""
    result = resolver.resolve_story(document.id, [document], [entities])
    actors = {a.key: a for a in result.actors}
    linked = {
        mention_key(document.id, link.mention): actors[link.actor_key]
        for link in result.links
        if link.actor_key in actors
    }
    assert entities.parse is not None
    mentions = code_article(document, entities.parse, entities.mentions, lexicon)
    story = EventsInput(
        document.id, (document,), (entities,), (ArticleMeta(document.id, "gold"),),
        tuple(linked.items()),
    )  # fmt: skip
    return mentions, linked, merge_story(story, mentions)


def trigger_text(event: Event) -> str:
    """The trigger words of an event's first evidence ("" without evidence)."""
    return event.evidence[0].sentence[slice(*event.evidence[0].span)] if event.evidence else ""


def _coded_mention(mention: EventMention, linked: dict[str, Actor]) -> Coded:
    def countries(spans: tuple[Span, ...]) -> set[str]:
        found = [linked.get(mention_key(mention.article_id, s)) for s in spans]
        return {a.country or (a.code or "")[:3] for a in found if a} - {""}

    return (
        mention.cameo,
        countries(mention.sources),
        countries(mention.targets),
        mention.trigger.text,
    )


def score(gold: list[dict], coded: list[list[Coded]]) -> dict:
    """Precision, recall, macro-F1 of the type, triple F1, extras and every miss."""
    hits = triples = predicted_sentences = extras = statements = 0
    per_type: dict[str, Counter] = {}
    misses = []
    for item, items in zip(gold, coded, strict=True):
        typed = [(c, t) for c in items if (t := gsr_type(c[0]))]
        statements += len(items) - len(typed)
        predicted_sentences += bool(typed)
        hit = next((c for c, t in typed if t == item["event"]), None)
        stats = per_type.setdefault(item["event"], Counter())
        for _, t in typed:
            if t != item["event"]:
                per_type.setdefault(t, Counter())["fp"] += 1
        extras += len(typed) - (1 if hit else 0)
        if hit is None:
            stats["fn"] += 1
            coded_text = ", ".join(f"{c[0]}:{t}:{c[3]}" for c, t in typed) or "-"
            misses.append(f"{item['id']} gold {item['event']}; coded {coded_text}")
            continue
        hits += 1
        stats["tp"] += 1
        source, target = gold_codes(item.get("source")), gold_codes(item.get("target"))
        if _meets(source, hit[1]) and _meets(target, hit[2]):
            triples += 1
    count = len(gold)
    precision = hits / predicted_sentences if predicted_sentences else 0.0
    recall = hits / count if count else 0.0
    triple_p = triples / predicted_sentences if predicted_sentences else 0.0
    triple_r = triples / count if count else 0.0
    return {
        "sentences": count,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(_f1(precision, recall), 3),
        "macro_f1": round(_macro_f1(per_type), 3),
        "triple_f1": round(_f1(triple_p, triple_r), 3),
        "extra_per_sentence": round(extras / count, 3) if count else 0.0,
        "statements_per_sentence": round(statements / count, 3) if count else 0.0,
        "misses": misses,
    }


def _meets(gold: set[str], coded: set[str]) -> bool:
    """Gold actors with none coded (or none of them) miss; no gold actor accepts anything."""
    return not gold or bool(gold & coded)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _macro_f1(per_type: dict[str, Counter]) -> float:
    scores = []
    for stats in per_type.values():
        p = stats["tp"] / (stats["tp"] + stats["fp"]) if stats["tp"] + stats["fp"] else 0.0
        r = stats["tp"] / (stats["tp"] + stats["fn"]) if stats["tp"] + stats["fn"] else 0.0
        scores.append(_f1(p, r))
    return sum(scores) / len(scores) if scores else 0.0


def accuracy() -> dict:
    """Scores of the dev gold's held-out (odd) half, tuning (even) half and all sentences, and
    of each set split in halves (``HALVED``: ``fresh`` and ``fresh5``, odd half held out, even
    half tuning): of the events the story step stores (``events``: actors linked, a meeting
    needs two sides), of the coder's mentions (``mentions``) and of the events read back
    through the runner (``through_run``); and of the sets scored whole as held out
    (``UNREAD``), whose misses are not written."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    halved = {name: json.loads(path.read_text(encoding="utf-8")) for name, path, _ in HALVED}
    tuning = {name: json.loads(path.read_text(encoding="utf-8")) for name, path in TUNING}
    unread = {name: json.loads(path.read_text(encoding="utf-8")) for name, path in UNREAD}
    same_kind = {name: json.loads(path.read_text(encoding="utf-8")) for name, path in SAME_KIND}
    sets = {"dev": gold} | halved | tuning | unread | same_kind
    texts = [item["text"].strip(" {}") for items in sets.values() for item in items]
    started = time.perf_counter()
    mentions, events = code_sentences(texts)
    seconds = time.perf_counter() - started
    coded = {"events": _by_set(sets, events), "mentions": _by_set(sets, mentions)}
    run = {name: coded_through_run(items) for name, items in sets.items()}
    result: dict = {}
    for name, items in sets.items():
        names = HALF_NAMES.get(name, DEV_HALVES)
        kinds = {kind: found[name] for kind, found in coded.items()} | {"through_run": run[name]}
        scored = {kind: _scored(name, items, found, kind, names) for kind, found in kinds.items()}
        result.update(scored if name == "dev" else {name: scored})
    result["in_article"] = _in_article(halved, tuning, unread, run)
    result["split"] = SPLIT
    result["targets"] = TARGETS
    result["sentences_per_second"] = round(len(texts) / seconds, 1)
    return result


def _scored(name: str, items: list[dict], found: list, kind: str, names: tuple) -> dict:
    """One set's scores of one kind: whole without misses (held out), whole with them
    (tuning), or in halves."""
    if name in dict(SAME_KIND):
        return _same_kind_halves(name, items, found, misses=kind != "through_run")
    if name in dict(UNREAD):
        return {f"{name}_held_out": _unread(items, found)}
    if name in dict(TUNING):
        tuned = score(items, found)
        if kind == "through_run":
            tuned.pop("misses")
        return {f"{name}_tune": tuned}
    return _halves(items, found, names, misses=kind != "through_run")


def _same_kind_halves(name: str, items: list[dict], found: list, misses: bool) -> dict:
    """The same-kind set in its fixed halves (session 18): the even index is tuning data
    (``_tune``, misses written), the odd index held out (``_held_out``, none written); and
    whole (``_all``, none written), as it was read before the split."""
    tune = score(items[0::2], found[0::2]) | _coded_triples(items[0::2], found[0::2])
    if not misses:
        tune.pop("misses")
    held = _unread(items[1::2], found[1::2]) | _coded_triples(items[1::2], found[1::2])
    whole = _unread(items, found) | _coded_triples(items, found)
    return {f"{name}_tune": tune, f"{name}_held_out": held, f"{name}_all": whole}


def _by_set(sets: dict[str, list[dict]], coded: list[list[Coded]]) -> dict[str, list]:
    """``coded`` (one list for all sets' sentences, in order) cut back into the sets."""
    found, start = {}, 0
    for name, items in sets.items():
        found[name] = coded[start : start + len(items)]
        start += len(items)
    return found


def _in_article(
    halved: dict, tuning: dict, unread: dict, alone: dict[str, list[list[Coded]]]
) -> dict:
    """The fresh sets' events with each sentence's article through the runner
    (``benchmarks.events_articles``; MSRP sentences as through the runner alone, ``alone``):
    the halved sets in halves with misses, tuning sets whole with them, the sets held out whole
    without them; each with the
    count of sentences the run lost, found only in a stored title, or read through a copy's
    original."""
    result = {}
    for name, items in halved.items():
        coded, reach = code_in_articles(items, alone[name])
        halves = _halves(items, coded, HALF_NAMES[name])
        for part, counted in zip(halves.values(), (reach[1::2], reach[0::2], reach), strict=True):
            part.update(_reached(counted))
        result[name] = halves
    for name, items in tuning.items():
        coded, reach = code_in_articles(items, alone[name])
        result[name] = {f"{name}_tune": score(items, coded) | _reached(reach)}
    for name, items in unread.items():
        coded, reach = code_in_articles(items, alone[name])
        result[name] = {f"{name}_held_out": _unread(items, coded) | _reached(reach)}
    return result


def _reached(reach: list[str]) -> dict:
    """How many sentences were coded alone, lost by the run, found in their article's title
    (coded only when written as a sentence) or read through a copy's original."""
    return {
        "sentences_alone": reach.count(ALONE),
        "sentences_not_reached": reach.count(NOT_REACHED),
        "sentences_in_title": reach.count(IN_TITLE),
        "sentences_in_copies": reach.count(IN_COPY),
    }


def _unread(gold: list[dict], coded: list[list[Coded]]) -> dict:
    """Scores of a set kept wholly held out, without its misses."""
    scored = score(gold, coded)
    scored.pop("misses")
    return scored


def _coded_triples(gold: list[dict], coded: list[list[Coded]]) -> dict:
    """Triple F1 on the records whose actors all carry a code (``UNCODED`` has none to
    meet), beside how many there are."""
    rows = [
        n
        for n, item in enumerate(gold)
        if not any(
            a.get("code") == UNCODED
            for side in ("source", "target")
            if isinstance(item.get(side), list)
            for a in item[side]
        )
    ]
    part = score([gold[n] for n in rows], [coded[n] for n in rows])
    return {"coded_actor_sentences": len(rows), "triple_f1_coded_actors": part["triple_f1"]}


def _halves(
    gold: list[dict], coded: list[list[Coded]], names: tuple[str, str], misses: bool = True
) -> dict:
    """Scores of the odd half (``names[0]``), the even half (``names[1]``) and all; misses
    are kept for the two halves, except for a held-out half still unread
    (``UNREAD_HALVES``). The dev file's misses are all listed (the issue asks for every one);
    the fresh held-out half became tuning data in the third round."""
    parts = {
        names[0]: score(gold[1::2], coded[1::2]),
        names[1]: score(gold[0::2], coded[0::2]),
        "all": score(gold, coded),
    }
    for name, part in parts.items():
        if not misses or name == "all" or name in UNREAD_HALVES:
            part.pop("misses")
    return parts


def coded_through_run(gold: list[dict]) -> list[list[Coded]]:
    """The events a user gets: each gold sentence an article of its own outlet and story
    (``run_rows``: through ``Pipeline.run`` into a SQLite store, read back with the service's
    event query). A sentence dedup takes for a copy of an earlier one (the gold holds one
    sentence twice) is not read again: the user gets its original's events, with the copy
    among their articles, so it is scored with those; an article not stored has none."""
    rows = [
        {
            "url": f"https://gold.example/{i}",
            "source": f"gold-{i}",
            "title": f"Dispatch number {i}",
            "text": item["text"].strip(" {}"),
            "published": FIXED_DATE,
        }
        for i, item in enumerate(gold)
    ]
    stored = run_rows(rows)
    by_article: dict[int, list[Coded]] = {}
    for event in stored.events:
        for article_id in {e.article_id for e in event.evidence}:
            by_article.setdefault(article_id, []).append(coded_event(event))
    articles = [stored.by_url.get(row["url"]) for row in rows]
    return [list(by_article.get(a.copy_of or a.id, [])) if a else [] for a in articles]


def throughput(articles: int, rounds: int = 2) -> dict:
    """``eventwire run`` with and without events vs spaCy's own rate on the same texts.

    The machine may be shared: each round runs spaCy, then eventwire with events, then
    without, and spaCy runs once more at the end; ratios compare medians.
    """
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "stream"
        folder.mkdir()
        write_stream(folder, articles)
        texts = [
            text
            for path in sorted(folder.glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines()
            for text in (json.loads(line)["title"], json.loads(line)["text"])
        ]
        spacy_seconds: list[float] = []
        runs: dict[str, list[dict]] = {"with_events": [], "without_events": []}
        for round_ in range(rounds):
            spacy_seconds.append(spacy_pipeline_seconds(texts))
            for events_on in (True, False):
                name = "with_events" if events_on else "without_events"
                db = Path(tmp) / f"bench-{name}-{round_}.db"
                runs[name].append(_eventwire_run(folder, db, events_on))
        spacy_seconds.append(spacy_pipeline_seconds(texts))
    spacy = statistics.median(spacy_seconds)
    result: dict = {
        "articles": articles,
        "rounds": rounds,
        "spacy_default_pipeline_seconds": [round(x, 2) for x in spacy_seconds],
        "spacy_articles_per_second": round(articles / spacy, 2),
    }
    for name, measured in runs.items():
        seconds = statistics.median(run["seconds"] for run in measured)
        result[name] = {
            "seconds": [run["seconds"] for run in measured],
            "articles_per_second": round(articles / seconds, 2),
            "ratio_to_spacy": round(spacy / seconds, 3),
            "stages": measured[-1]["stages"],
            "store": measured[-1]["store"],
        }
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return result


def _eventwire_run(folder: Path, db: Path, events_on: bool) -> dict:
    """One ``eventwire run`` of ``folder`` into a fresh database: seconds and stage times."""
    from eventwire.config import load_config
    from eventwire.pipeline import Pipeline, Settings
    from eventwire.store import Repository

    settings = Settings.from_config(load_config())
    entities = dataclasses.replace(settings.entities, parse=events_on)
    events = dataclasses.replace(settings.events, enabled=events_on)
    settings = settings.replace(entities=entities, events=events)
    repo = Repository.open(f"sqlite:///{db}")
    started = time.perf_counter()
    report = Pipeline(repo, settings).run([folder])
    seconds = time.perf_counter() - started
    counts = repo.counts()
    repo.close()
    return {
        "seconds": round(seconds, 2),
        "stages": {n: round(s.seconds, 2) for n, s in report.stages.items()},
        "store": counts,
    }


def _summaries(accuracy: dict) -> list[tuple[str, dict]]:
    """The halves to print: each set's two halves, of stored events and through the runner."""
    rows = []
    sets = [("dev", accuracy)] + [(name, accuracy[name]) for name, _, _ in HALVED]
    sets += [(name, accuracy[name]) for name, _ in TUNING + UNREAD + SAME_KIND]
    for prefix, scored in sets:
        for kind in ("events", "through_run"):
            for half, part in scored[kind].items():
                if half != "all":
                    rows.append((f"{prefix} {kind} {half}", part))
    for prefix, scored in accuracy["in_article"].items():
        rows += [(f"{prefix} in_article {h}", p) for h, p in scored.items() if h != "all"]
    return rows


def spacy_pipeline_seconds(texts: list[str]) -> float:
    """Seconds spaCy's default pipeline takes on ``texts`` (2 processes, model loaded)."""
    import spacy

    settings = EntitiesSettings()
    nlp = spacy.load(settings.model)
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=settings.batch_size, n_process=settings.n_process):
        pass
    return time.perf_counter() - started


def main() -> None:
    """Measure and write benchmarks/results/events.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--accuracy-only", action="store_true")
    args = parser.parse_args()
    result = {"benchmark": "events", "machine": describe_machine(), "accuracy": accuracy()}
    for name, scored in _summaries(result["accuracy"]):
        print(name, json.dumps({k: v for k, v in scored.items() if k != "misses"}))
    if not args.accuracy_only:
        result["throughput"] = throughput(args.articles)
        print(json.dumps({k: v for k, v in result["throughput"].items() if k != "store"}))
    elif RESULTS.exists():  # keep the last throughput run (and its note)
        kept = json.loads(RESULTS.read_text(encoding="utf-8"))
        for key in ("throughput", "throughput_note"):
            if key in kept:
                result[key] = kept[key]
    result["load_average_1min_at_end"] = round(os.getloadavg()[0], 2)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
