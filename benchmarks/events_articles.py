"""The fresh sets' sentences coded inside the articles they came from (``in_article``).

The gold sentences of ``benchmarks/data/events_fresh*.json`` come from TimeBank, ECB+ and
NewsWCL50 articles under ``../shared/data/`` (each record's ``origin`` names the document)
and from MSRP, which holds single sentences only. Coded alone, a sentence shows nothing of
what the story step takes from its article (an actor's country given elsewhere in it, the
dateline); coded inside its article, it does. Each document holding gold sentences becomes
one article (its own outlet, url and story; a TimeBank document's day from its id as the
publication time, else ``FIXED_DATE``) in a JSONL file that goes through ``eventwire run``'s
runner (``Pipeline.run``) into a SQLite store; the events are read back with the service's
event query, and a sentence's events are the stored events with evidence in that sentence of
its stored article. The gold sentence's words replace the article's copy of it (found by its
letters and digits: the sets undid the corpora's tokenisation spaces by hand, a little
differently from ``detokenise``). An MSRP sentence, or one not found in its document, keeps
its coding alone (``alone``). What the run loses is scored as lost: a sentence whose article
was not stored or whose stored text lacks it has no events (``NOT_REACHED``); an article
dedup takes for a copy is read through its original (``IN_COPY``), as a user reads it.
"""

from __future__ import annotations

import dataclasses
import json
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lxml import etree

from benchmarks.datasets import DATA, detokenise, read_jsonl
from eventwire.model import ArticleView, Event

Coded = tuple[str, set[str], set[str], str]  # cameo, source countries, target countries, trigger
Documents = Callable[[dict], tuple[str, str] | None]  # origin -> (title, body) or None
LETTERS = re.compile(r"[^\W_]")
DATED_ID = re.compile(r"[A-Za-z]+(\d{8}|\d{6})[-.]")  # APW19980219.0476, AP900815-0044
FIXED_DATE = "2020-01-01T12:00:00+00:00"
# How a gold sentence fared: coded alone (no document), found in its stored article's body,
# found in its title (the clean stage takes a title-less article's first line for its title;
# the events stage codes a title only when it is written as a sentence, not in headline
# style), found in the original of an article
# dedup took for a copy, lost on the way (the article or the sentence not stored).
ALONE, REACHED, IN_TITLE = "alone", "reached", "in_title"
IN_COPY, NOT_REACHED = "in_copy", "not_reached"


@cache
def _ecbplus() -> dict[str, dict]:
    return {d["doc_id"]: d for d in read_jsonl(DATA / "ecbplus" / "docs.jsonl")}


@cache
def _newswcl50() -> dict[str, dict]:
    return {d["doc_id"]: d for d in read_jsonl(DATA / "newswcl50" / "newswcl50_docs.jsonl")}


def _timebank(doc_id: str) -> str:
    """A TimeBank document's text between its TEXT tags, tags removed, one line a paragraph."""
    element = etree.parse(str(DATA / "timex-timebank" / doc_id)).find(".//TEXT")
    paragraphs = re.split(r"\n\s*\n", "".join(element.itertext()))
    return "\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def article_of(origin: dict) -> tuple[str, str] | None:
    """(title, body) of the document a record came from, or None (MSRP: sentences only)."""
    dataset = origin["dataset"]
    if dataset == "ecbplus":
        doc = _ecbplus()[origin["doc_id"]]
        return detokenise(doc["title"]), detokenise(doc["text"])
    if dataset == "newswcl50":
        return "", detokenise(_newswcl50()[origin["doc_id"]]["text"])
    if dataset == "timex-timebank":
        return "", _timebank(origin["doc_id"])
    return None


def find_letters(sentence: str, text: str) -> tuple[int, int] | None:
    """The characters of ``text`` holding ``sentence``, compared by letters and digits, with
    the punctuation the sentence starts and ends with ("... province." takes its stop)."""
    positions = [m.start() for m in LETTERS.finditer(text)]
    wanted = "".join(LETTERS.findall(sentence)).lower()
    letters = "".join(text[i] for i in positions).lower()
    at = letters.find(wanted) if wanted else -1
    if at < 0:
        return None
    start, end = positions[at], positions[at + len(wanted) - 1] + 1
    first, last = LETTERS.search(sentence), list(LETTERS.finditer(sentence))[-1]
    lead, trail = sentence[: first.start()], sentence[last.end() :]
    if lead and text[start - len(lead) : start] == lead:
        start -= len(lead)
    if trail and text[end : end + len(trail)] == trail:
        end += len(trail)
    return start, end


def placed_article(sentences: list[str], title: str, body: str) -> tuple[str, str, list[bool]]:
    """(title, body, placed) of an article (``body``: one line a paragraph) with each gold
    sentence's words in place (``placed``: whether it was found), paragraphs apart."""
    placed = []
    for sentence in sentences:
        title, body, done = _place(sentence, title, body)
        placed.append(done)
    return title, body.replace("\n", "\n\n"), placed


def _place(sentence: str, title: str, body: str) -> tuple[str, str, bool]:
    """Title and body with ``sentence`` in place of its copy (body first), and whether found."""
    for part, text in (("body", body), ("title", title)):
        span = find_letters(sentence, text)
        if span is not None:
            placed = text[: span[0]] + sentence + text[span[1] :]
            return (title, placed, True) if part == "body" else (placed, body, True)
    return title, body, False


def published(origin: dict) -> str:
    """An article's publication time: a TimeBank document's day from its id, else FIXED_DATE."""
    timebank = origin["dataset"] == "timex-timebank"
    found = DATED_ID.match(origin["doc_id"]) if timebank else None
    if found is None:
        return FIXED_DATE
    day = found[1] if len(found[1]) == 8 else "19" + found[1]
    return f"{day[:4]}-{day[4:6]}-{day[6:]}T12:00:00+00:00"


def code_in_articles(
    gold: list[dict], alone: list[list[Coded]], documents: Documents = article_of
) -> tuple[list[list[Coded]], list[str]]:
    """Each gold sentence's stored events, read back after its article (``documents`` gives
    it from the record's origin) went through ``eventwire run`` (else its coding alone,
    ``alone``), and how it fared (ALONE, REACHED, IN_COPY, NOT_REACHED)."""
    sentences = [item["text"].strip(" {}") for item in gold]
    rows, members = article_rows(gold, sentences, documents)
    stored = run_rows(rows)
    coded, reach = list(alone), [ALONE] * len(gold)
    for row, indices in zip(rows, members, strict=True):
        for index in indices:
            coded[index], reach[index] = read_back(sentences[index], row["url"], stored)
    return coded, reach


def article_rows(
    gold: list[dict], sentences: list[str], documents: Documents
) -> tuple[list[dict], list[list[int]]]:
    """One JSONL row per document holding gold sentences (its own outlet and url), and the
    indices of the sentences placed in each."""
    by_document: dict[tuple[str, str], list[int]] = {}
    for index, item in enumerate(gold):
        origin = item["origin"]
        by_document.setdefault((origin["dataset"], origin.get("doc_id", "")), []).append(index)
    rows, members = [], []
    for indices in by_document.values():
        origin = gold[indices[0]]["origin"]
        found = documents(origin)
        if found is None:
            continue
        title, body, placed = placed_article([sentences[i] for i in indices], *found)
        rows.append(_row(len(rows), title, body, published(origin)))
        members.append([i for i, done in zip(indices, placed, strict=True) if done])
    return rows, members


def _row(number: int, title: str, body: str, when: str) -> dict:
    """One JSONL line: an article of its own url and outlet."""
    return {
        "url": f"https://article.example/{number}",
        "source": f"outlet-{number}",
        "title": title,
        "text": body,
        "published": when,
    }


def read_back(sentence: str, url: str, stored: Stored) -> tuple[list[Coded], str]:
    """The stored events stated in ``sentence`` of the article at ``url`` (of its original
    when dedup took it for a copy), and how the sentence fared (REACHED, IN_TITLE, IN_COPY,
    NOT_REACHED: the article not stored, or the sentence in neither its stored body nor title)."""
    article = stored.by_url.get(url)
    if article is None:
        return [], NOT_REACHED
    status = REACHED
    if article.copy_of is not None:
        article, status = stored.by_id[article.copy_of], IN_COPY
    found = _find_part(sentence, article)
    if found is None:
        return [], NOT_REACHED
    part, said = found
    if part == "title" and status == REACHED:
        status = IN_TITLE
    events = [e for e in stored.events if any(v.article_id == article.id for v in e.evidence)]
    return [coded_event(e) for e in events if _stated_in(e, said)], status


def _find_part(sentence: str, article: ArticleView) -> tuple[str, str] | None:
    """("body" or "title", the stored words of ``sentence``) in the article, or None."""
    for part, text in (("body", article.text), ("title", article.title)):
        span = find_letters(sentence, text)
        if span is not None:
            return part, text[span[0] : span[1]]
    return None


@dataclass(frozen=True)
class Stored:
    """What a run left in its store: the events as the service reads them, the articles."""

    events: list[Event]
    by_id: dict[int, ArticleView]
    by_url: dict[str, ArticleView]


def run_rows(rows: list[dict]) -> Stored:
    """``rows`` as a JSONL file through ``Pipeline.run`` (``eventwire run``'s runner) into a
    SQLite store in a temporary folder, each article its own story (stories never join:
    threshold above 1); the events read back with the service's event query."""
    from eventwire.config import load_config
    from eventwire.pipeline import Pipeline, Settings
    from eventwire.service import Queries
    from eventwire.store import Repository

    settings = Settings.from_config(load_config())
    apart = dataclasses.replace(settings.stories, threshold=2.0, undated_threshold=2.0)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "gold.jsonl"
        source.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
        with Repository.open(f"sqlite:///{tmp}/gold.db") as repo:
            Pipeline(repo, settings.replace(stories=apart)).run([source])
            events = Queries(repo).events().items
            count = repo.counts()["articles"]
            found = [a for i in range(1, count + 1) if (a := repo.get_article(i))]
    return Stored(events, {a.id: a for a in found}, {a.url: a for a in found if a.url})


def _stated_in(event: Event, sentence: str) -> bool:
    """Whether one of the event's mentions has its trigger in ``sentence``."""
    for evidence in event.evidence:
        if evidence.sentence.strip() in sentence:
            return True
        at = evidence.sentence.find(sentence)
        if at >= 0 and at <= evidence.span[0] and evidence.span[1] <= at + len(sentence):
            return True
    return False


def countries(actors: tuple) -> set[str]:
    """The countries (else the first three letters of the codes) of an event's actors."""
    return {a.country or (a.code or "")[:3] for a in actors} - {""}


def coded_event(event: Event, trigger: str = "") -> Coded:
    """What an event is scored by."""
    return (event.cameo, countries(event.source), countries(event.target), trigger)
