"""Sentences across paragraph breaks: how often the entities stage's spaCy sentences of a body
start with the previous paragraph's closing quote or run across a blank line.

Run ``python -m benchmarks.paragraph_sentences`` from the repository root; it prints JSON.
Bodies are built as ``benchmarks/events_articles.py`` builds them (one corpus line a
paragraph, paragraphs separated by blank lines). Sets: ``fresh`` = the documents of
``benchmarks/data/events_fresh.json`` (ECB+ texts have no paragraph breaks); ``newswcl50_rest``
and ``timebank_rest`` = the NewsWCL50 and TimeBank documents of no fresh set.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from benchmarks.datasets import DATA
from benchmarks.events_articles import article_of
from eventwire.entities import EntitiesSettings, EntityRecognizer
from eventwire.model import ArticleEntities, Document

FRESH = sorted(Path(__file__).parent.joinpath("data").glob("events_fresh*.json"))
CLOSING_QUOTE_START = re.compile(r"^[\"”’']\s")  # a quote followed by space closes something


def origins(path: Path) -> list[dict]:
    """The distinct document origins of one fresh set (MSRP: no documents)."""
    seen = {}
    for item in json.loads(path.read_text(encoding="utf-8")):
        origin = item["origin"]
        if origin["dataset"] != "msrp":
            seen[(origin["dataset"], origin["doc_id"])] = origin
    return list(seen.values())


def document_sets() -> dict[str, list[str]]:
    """Set name -> body texts."""
    fresh = origins(FRESH[0])
    used = {(o["dataset"], o["doc_id"]) for path in FRESH for o in origins(path)}
    wcl = [
        json.loads(line)["doc_id"] for line in (DATA / "newswcl50" / "newswcl50_docs.jsonl").open()
    ]
    tml = sorted(p.name for p in (DATA / "timex-timebank").glob("*.tml"))
    rest_wcl = [{"dataset": "newswcl50", "doc_id": d} for d in wcl if ("newswcl50", d) not in used]
    rest_tml = [
        {"dataset": "timex-timebank", "doc_id": d} for d in tml if ("timex-timebank", d) not in used
    ]
    sets = {"fresh": fresh, "newswcl50_rest": rest_wcl, "timebank_rest": rest_tml}
    return {
        name: [article_of(o)[1].replace("\n", "\n\n") for o in found]
        for name, found in sets.items()
    }


def count(bodies: list[str], recognizer: EntityRecognizer) -> dict:
    """Body sentences, and those starting with a closing quote or spanning a blank line."""
    documents = [Document(i + 1, "x", "", body) for i, body in enumerate(bodies)]
    sentences = quote_start = across = either = 0
    for body, found in zip(bodies, recognizer.recognize(documents), strict=True):
        assert isinstance(found, ArticleEntities) and found.parse is not None
        for sentence in found.parse.sentences:
            if sentence.part != "body" or not sentence.tokens:
                continue
            text = body[sentence.tokens[0][0] : sentence.tokens[-1][1]].rstrip()
            if not text:
                continue
            sentences += 1
            starts, spans = bool(CLOSING_QUOTE_START.match(text)), "\n\n" in text
            quote_start, across, either = (
                quote_start + starts,
                across + spans,
                either + (starts or spans),
            )
    return {
        "documents": len(bodies),
        "body_sentences": sentences,
        "closing_quote_start": quote_start,
        "across_blank_line": across,
        "either": either,
    }


def main() -> None:
    recognizer = EntityRecognizer(EntitiesSettings(n_process=1, parse=True))
    print(
        json.dumps(
            {name: count(bodies, recognizer) for name, bodies in document_sets().items()}, indent=1
        )
    )


if __name__ == "__main__":
    main()
