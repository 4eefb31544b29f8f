"""Candidate sentences for a hand-labelled events check set, in a fixed random order.

Every sentence of the four corpora under ``../shared/data/`` (TimeBank text between its
``<TEXT>`` tags, ECB+ titles and texts, NewsWCL50 texts, each MSRP string), tokenisation
spaces undone, 40 to 300 characters, minus any sentence sharing over 40% of its words with a
sentence of the dev file, of the check sets given (``--exclude``; by default the four sets
that existed when seed 20261207 was drawn) or of ``../shared/corpus/seeds``. The rest is
shuffled with ``random.Random(SEED)`` and written one JSON record a line; a labeller reads
it in order without running the coder.

    python -m benchmarks.event_sentence_pool --seed 20261207 --out /tmp/pool.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
SHORTEST, LONGEST = 40, 300
MOST_SHARED = 0.4
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"“‘(]?[A-Z0-9])")
WORD = re.compile(r"[a-z0-9]+")
# The check sets the pool of seed 20261207 left out (events_fresh5 and 6 were drawn from it).
EARLIER_SETS = tuple(
    ROOT / "benchmarks" / "data" / f"events_fresh{n}.json" for n in ("", "2", "3", "4")
)


def detokenised(text: str) -> str:
    """Undo the corpora's tokenisation spaces ("Trump 's" → "Trump's", "end ." → "end.")."""
    text = text.replace("\\n", " ")
    text = re.sub(r" (['’](?:s|re|ve|ll|d|t|m)\b|n't\b)", r"\1", text)
    text = re.sub(r" ([.,;:!?%)\]])", r"\1", text)
    text = re.sub(r"([(\[$]) ", r"\1", text)
    text = re.sub(r"(\w) - (\w)", r"\1-\2", text)
    return re.sub(r"\s+", " ", text).strip()


def sentences(text: str) -> list[str]:
    """The text's sentences, split after end punctuation before a capital or digit."""
    out: list[str] = []
    for paragraph in re.split(r"\n\s*", text):
        out.extend(s.strip() for s in SENTENCE_END.split(detokenised(paragraph)) if s.strip())
    return out


def corpus_sentences() -> Iterator[dict]:
    """Every sentence of the four corpora with its origin."""
    for path in sorted((DATA / "timex-timebank").glob("*.tml")):
        raw = path.read_text(encoding="utf-8")
        body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
        text = re.sub(r"<[^>]+>", "", body.group(1) if body else "")
        for s in sentences(text):
            yield {"text": s, "origin": {"dataset": "timex-timebank", "doc_id": path.name}}
    for line in (DATA / "ecbplus" / "docs.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        for s in sentences(doc.get("title", "")) + sentences(doc["text"]):
            yield {"text": s, "origin": {"dataset": "ecbplus", "doc_id": doc["doc_id"]}}
    newswcl50 = (DATA / "newswcl50" / "newswcl50_docs.jsonl").read_text(encoding="utf-8")
    for line in newswcl50.splitlines():
        doc = json.loads(line)
        for s in sentences(doc["text"]):
            yield {"text": s, "origin": {"dataset": "newswcl50", "doc_id": doc["doc_id"]}}
    rows = (DATA / "msrp" / "msr_paraphrase_data.txt").read_text(encoding="utf-8-sig").splitlines()
    for row in rows[1:]:
        cells = row.split("\t")
        if len(cells) >= 7:
            origin = {"dataset": "msrp", "sentence_id": cells[0], "url": cells[3], "date": cells[5]}
            yield {"text": detokenised(cells[1]), "origin": origin}


def words(text: str) -> frozenset[str]:
    """The text's lower-case words."""
    return frozenset(WORD.findall(text.lower()))


def known_sentences(check_sets: Sequence[Path]) -> list[frozenset[str]]:
    """Word sets of the dev file, the given check sets and the seeds' sentences."""
    dev = json.loads((DATA / "events-plover" / "plover_gsr_dev.json").read_text(encoding="utf-8"))
    texts = [r["text"] for r in dev]
    for path in check_sets:
        texts += [r["text"] for r in json.loads(path.read_text(encoding="utf-8"))]
    for path in sorted((SHARED / "corpus" / "seeds").glob("*")):
        texts += sentences(path.read_text(encoding="utf-8", errors="replace"))
    return [w for w in map(words, texts) if w]


def too_close(candidate: frozenset[str], known: list[frozenset[str]]) -> bool:
    """Over MOST_SHARED of the candidate's words in one known sentence."""
    return any(len(candidate & k) > MOST_SHARED * len(candidate) for k in known)


def pool(seed: int, check_sets: Sequence[Path] = EARLIER_SETS) -> list[dict]:
    """The shuffled candidates (duplicates of a text kept once), none close to a sentence of
    ``check_sets``."""
    known = known_sentences(check_sets)
    seen: set[str] = set()
    found = []
    for record in corpus_sentences():
        text = record["text"]
        if not SHORTEST <= len(text) <= LONGEST or text in seen:
            continue
        seen.add(text)
        if not too_close(words(text), known):
            found.append(record)
    random.Random(seed).shuffle(found)
    return found


def main() -> None:
    """Write the pool for ``--seed`` to ``--out``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument(
        "--exclude", type=Path, nargs="*", default=list(EARLIER_SETS),
        help="check sets whose sentences (and near copies) are left out",
    )  # fmt: skip
    args = parser.parse_args()
    found = pool(args.seed, args.exclude)
    with args.out.open("w", encoding="utf-8") as out:
        for n, record in enumerate(found):
            out.write(json.dumps({"position": n, **record}, ensure_ascii=False) + "\n")
    print(f"{len(found)} candidates written to {args.out}")


if __name__ == "__main__":
    main()
