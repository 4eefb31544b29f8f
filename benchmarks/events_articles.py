"""The fresh sets' sentences coded inside the articles they came from (``in_article``).

The gold sentences of ``benchmarks/data/events_fresh*.json`` come from TimeBank, ECB+ and
NewsWCL50 articles under ``../shared/data/`` (each record's ``origin`` names the document)
and from MSRP, which holds single sentences only. Coded alone, a sentence shows nothing of
what the story step takes from its article (an actor's country given elsewhere in it, the
dateline); coded inside its article, it does. Each article is coded whole as a one-article
story (entities with the parse, actors, the coder, the story step), and the stored events
with a mention in the gold sentence are that sentence's events. The gold sentence's words
replace the article's copy of it (found by its letters and digits: the sets undid the
corpora's tokenisation spaces by hand, a little differently from ``detokenise``). An MSRP
sentence, or one not found in its article, is coded alone, as ``code_sentences`` does.
"""

from __future__ import annotations

import re
from functools import cache

from lxml import etree

from benchmarks.datasets import DATA, detokenise, read_jsonl
from eventwire.actors import ActorResolver
from eventwire.entities import EntitiesSettings, EntityRecognizer
from eventwire.events.coder import code_article
from eventwire.events.lexicon import load_lexicon
from eventwire.events.merge import mention_key, merge_story
from eventwire.model import (
    Actor,
    ArticleEntities,
    ArticleMeta,
    Document,
    Event,
    EventMention,
    EventsInput,
)

Coded = tuple[str, set[str], set[str], str]  # cameo, source countries, target countries, trigger
LETTERS = re.compile(r"[^\W_]")


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


def placed_article(sentence: str, origin: dict) -> tuple[str, str, str] | None:
    """(title, body, part) of the sentence's article with the gold words in place, or None."""
    found = article_of(origin)
    if found is None:
        return None
    title, body = found
    for part, text in (("body", body), ("title", title)):
        span = find_letters(sentence, text)
        if span is not None:
            placed = text[: span[0]] + sentence + text[span[1] :]
            body_text = placed if part == "body" else body
            return (placed if part == "title" else title), body_text.replace("\n", "\n\n"), part
    return None


def code_in_articles(gold: list[dict], alone: list[list[Coded]]) -> list[list[Coded]]:
    """Each gold sentence's stored events, coded inside its article where there is one (else
    its events coded alone, ``alone``)."""
    sentences = [item["text"].strip(" {}") for item in gold]
    placed = [placed_article(s, item["origin"]) for s, item in zip(sentences, gold, strict=True)]
    documents = {
        index: Document(index + 1, "gold", found[0], found[1])
        for index, found in enumerate(placed)
        if found is not None
    }
    recognizer = EntityRecognizer(EntitiesSettings(n_process=1, parse=True))
    found = dict(zip(documents, recognizer.recognize(list(documents.values())), strict=True))
    resolver, lexicon = ActorResolver(), load_lexicon()
    coded = list(alone)
    for index, document in documents.items():
        entities = found[index]
        assert isinstance(entities, ArticleEntities)
        _, _, events = one_article_story(document, entities, resolver, lexicon)
        coded[index] = [coded_event(e) for e in events if _stated_in(e, sentences[index])]
    return coded


def one_article_story(
    document: Document, entities: ArticleEntities, resolver: ActorResolver, lexicon: object
) -> tuple[list[EventMention], dict[str, Actor], list[Event]]:
    """A one-article story coded: the coder's mentions, the actors its spans link to, and the
    events the story step keeps."""
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
