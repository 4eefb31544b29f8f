"""Cleaning benchmark: real gold article bodies wrapped in generated scraping noise.

Data: the gold bodies of ``../shared/data/extraction-scrapinghub/ground-truth.json`` (181 pages,
MIT) and NewsWCL50 (50 articles, CC BY-SA 4.0), detokenised. Each body is wrapped, by a
seeded generator, in noise of the kinds scraped text shows: a section label and the headline on
top, dateline and timestamp lines, share and follow lines, "Advertisement" markers between
paragraphs, a repeated headline and a repeated lead, newsletter and comment-policy lines, a
related-links list (other documents' headlines) and a footer. The noise strings are templates
in ``benchmarks/cleaning_noise/`` (``tuning.txt``; ``heldout.txt`` holds other wordings that
were never looked at while tuning the rules).

Each document goes through the plain-text reader (``read_text``, as ``eventwire ingest`` of a
``.txt`` file) and ``clean_article``. Scores:

* gold sentences kept: a sentence (>= 4 words) of the gold body counts as kept when it occurs
  in the cleaned body (compared without whitespace after Unicode/case folding); every removed
  one is listed with the note (rule and detail) that removed it;
* noise lines removed: a noise line counts as removed when no body block equals it; a repeated
  lead when the lead occurs once; the section label also must not be the title;
* title: share of documents whose title is the headline placed on top.

Fixed split: documents of even index (in file order: ScrapingHub by id, then NewsWCL50) with the
tuning templates are the tuning half; odd-index documents with the held-out templates are the
report half. Run ``python -m benchmarks.cleaning``; results go to
``benchmarks/results/cleaning.json``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlparse

from benchmarks.datasets import DATA, REPO_ROOT, detokenise, read_jsonl
from benchmarks.machine import describe_machine
from eventwire.clean import clean_article
from eventwire.clean.patterns import WIRE_DATELINE
from eventwire.clean.sentences import split_sentences
from eventwire.ingest.context import ReadContext
from eventwire.ingest.settings import IngestSettings
from eventwire.ingest.text import read_text
from eventwire.model import CleanArticle
from eventwire.textnorm import normalize_for_comparison

NOISE_DIR = Path(__file__).resolve().parent / "cleaning_noise"
RESULTS = REPO_ROOT / "benchmarks" / "results" / "cleaning.json"
SEED = 20261205
MIN_SENTENCE_WORDS = 4
MIN_SLUG_WORDS = 4
HEADLINE_WORDS = 12
OWN_HEADLINE_WORDS = 20
SENTENCE_ENDS = (".", "!", "?", '"', "”", ":", "—", "-")
PLACEHOLDER = re.compile(r"\{(\w+)(?::([^}]*))?\}")
SLUG_NOISE = re.compile(r"^[\d_]+$|^[0-9a-f]{6,}$|^\d+$")
SPACE = re.compile(r"\s+")
TARGET_KEPT = 0.995
TARGET_REMOVED = 0.97


@dataclass
class Document:
    """One gold article: id, outlet domain, headline and paragraphs."""

    doc_id: str
    site: str
    headline: str
    paragraphs: list[str]


@dataclass
class NoisyDocument:
    """A gold document wrapped in noise: its text and the noise lines, by kind."""

    doc: Document
    text: str
    section: str
    noise: list[tuple[str, str]] = field(default_factory=list)  # (kind, line)


def load_documents() -> list[Document]:
    """ScrapingHub gold bodies (by id), then NewsWCL50 articles (file order)."""
    docs = []
    truth = json.loads((DATA / "extraction-scrapinghub" / "ground-truth.json").read_text())
    for doc_id in sorted(truth):
        body, url = truth[doc_id]["articleBody"], truth[doc_id]["url"]
        paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
        docs.append(Document(doc_id, site_of(url), *split_headline(url, paragraphs)))
    urls = newswcl_urls()
    for record in read_jsonl(DATA / "newswcl50" / "newswcl50_docs.jsonl"):
        url = urls.get((str(record["event_id"]), record["outlet"]), "")
        paragraphs = [p for p in detokenise(record["text"]).split("\n") if p.strip()]
        docs.append(Document(record["doc_id"], site_of(url), *split_headline(url, paragraphs)))
    return [d for d in docs if d.paragraphs]


def newswcl_urls() -> dict[tuple[str, str], str]:
    """(event id, outlet) -> the article's URL, from NewsWCL50's urls.tsv."""
    lines = (DATA / "newswcl50" / "urls.tsv").read_text(encoding="utf-8").splitlines()[1:]
    rows = [line.split("\t") for line in lines if line.count("\t") >= 2]
    return {(row[0], row[1]): row[2] for row in rows}


def site_of(url: str) -> str:
    """The URL's host without www. ('example.com' when there is none)."""
    host = urlparse(url).hostname or "example.com"
    return host.removeprefix("www.")


def split_headline(url: str, paragraphs: list[str]) -> tuple[str, list[str]]:
    """The headline and the body: a gold body that opens with a headline-like line (5-20
    words, not all capitals, not ending like a sentence) opens with its own headline
    (NewsWCL50 texts do); else one is made up from the URL or the lead."""
    first = paragraphs[0] if paragraphs else ""
    size = len(first.split())
    short = len(paragraphs) > 1 and MIN_SLUG_WORDS < size <= OWN_HEADLINE_WORDS
    if short and first != first.upper() and not first.rstrip().endswith(SENTENCE_ENDS):
        return first, paragraphs[1:]
    return headline_for(url, paragraphs), paragraphs


def headline_for(url: str, paragraphs: list[str]) -> str:
    """A headline: the URL's slug in words when it has enough, else the lead's first words
    (fewer than the lead sentence has, so the headline never equals a body line)."""
    path = [part for part in urlparse(url).path.split("/") if part]
    for part in reversed(path):
        words = [w for w in re.split(r"[-_]+", part.split(".")[0]) if not SLUG_NOISE.match(w)]
        if len(words) >= MIN_SLUG_WORDS:
            return " ".join(words[:HEADLINE_WORDS]).capitalize()
    words = split_sentences(paragraphs[0])[0].rstrip(".").split() if paragraphs else ["News"]
    return " ".join(words[: min(HEADLINE_WORDS, max(len(words) - 2, 1))]).rstrip(",;:")


def load_templates(name: str) -> dict[str, list[str]]:
    """Kind -> templates of one noise file."""
    kinds: dict[str, list[str]] = {}
    current = None
    for line in (NOISE_DIR / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = kinds.setdefault(line[3:].strip(), [])
        elif line.strip() and not line.startswith("#") and current is not None:
            current.append(line.strip())
    return kinds


def fill(template: str, values: dict) -> str:
    """A template with its placeholders replaced ({date:%Y} formats a datetime)."""

    def one(match: re.Match) -> str:
        value = values[match.group(1)]
        return value.strftime(match.group(2)) if match.group(2) else str(value)

    return PLACEHOLDER.sub(one, template)


def add_noise(
    doc: Document, templates: dict[str, list[str]], others: list[str], rng: random.Random
) -> NoisyDocument:
    """Wrap ``doc`` in noise lines drawn with ``rng`` from ``templates``."""
    when = datetime(2019, 1, 1, tzinfo=UTC) + timedelta(minutes=rng.randrange(3 * 365 * 1440))
    values = {"site": doc.site, "title": doc.headline, "date": when}
    values["date2"] = when + timedelta(minutes=rng.randrange(10, 600))
    values["section"] = rng.choice(
        [s for s in templates["section"] if " " not in s and not set(s) & set("›»>/|")]
        or templates["section"]
    )
    noisy = NoisyDocument(doc, "", fill(rng.choice(templates["section"]), values))
    lines: list[str] = []

    def put(kind: str, line: str | None = None) -> None:
        text = line if line is not None else fill(rng.choice(templates[kind]), values)
        lines.append(text)
        noisy.noise.append((kind, text))

    if rng.random() < 0.5:
        lines.append(noisy.section)
        noisy.noise.append(("section", noisy.section))
    lines.append(doc.headline)
    put(rng.choice(["dateline", "timestamp"]))
    if rng.random() < 0.5:
        put("timestamp")
    for kind in rng.sample(["share", "follow"], rng.randint(0, 2)):
        put(kind)
    advert_at = set(rng.sample(range(1, len(doc.paragraphs) + 1), min(2, len(doc.paragraphs))))
    lead_again = rng.randrange(1, len(doc.paragraphs) + 1) if len(doc.paragraphs) > 1 else None
    for number, paragraph in enumerate(doc.paragraphs, 1):
        lines.append(paragraph)
        if number in advert_at and number < len(doc.paragraphs):
            put("advertisement")
        if number == lead_again:
            put("repeated-headline", doc.headline)
            put("repeated-lead", doc.paragraphs[0])
    put("share")
    put("newsletter")
    put("related-header")
    for headline in rng.sample(others, 3):
        put("related-entry", headline)
    put("comment-policy")
    if rng.random() < 0.5:
        put("footer")
    noisy.text = "\n".join(lines) + "\n"
    return noisy


def clean_through_reader(noisy: NoisyDocument) -> CleanArticle | None:
    """The document as ``eventwire ingest`` of a .txt file and the clean stage give it."""
    context = ReadContext(
        Path(f"{noisy.doc.doc_id}.txt"), noisy.doc.doc_id, noisy.doc.site, IngestSettings()
    )
    read = read_text(noisy.text.encode("utf-8"), context)
    if not read.articles:
        return None
    clean = clean_article(read.articles[0])
    return clean if isinstance(clean, CleanArticle) else None


def squash(text: str) -> str:
    """Unicode/case-folded text without any whitespace (glued-sentence repairs add spaces)."""
    return SPACE.sub("", normalize_for_comparison(text))


def gold_sentences(doc: Document) -> list[str]:
    """Sentences of the gold body with at least MIN_SENTENCE_WORDS words (no lone datelines)."""
    sentences = []
    for paragraph in doc.paragraphs:
        if WIRE_DATELINE.match(paragraph):
            continue
        sentences += [s for s in split_sentences(paragraph) if len(s.split()) >= MIN_SENTENCE_WORDS]
    return sentences


def score_document(noisy: NoisyDocument, clean: CleanArticle | None) -> dict:
    """Kept gold sentences, removed noise lines and the removed sentences with their rule."""
    blocks = [b.text for b in clean.blocks] if clean else []
    body = squash(" ".join(blocks))
    block_set = {squash(b) for b in blocks}
    sentences = gold_sentences(noisy.doc)
    lost = [s for s in sentences if squash(s) not in body]
    gone = [is_removed(kind, line, body, block_set, clean) for kind, line in noisy.noise]
    return {
        "sentences": len(sentences),
        "kept": len(sentences) - len(lost),
        "noise": len(noisy.noise),
        "noise_removed": sum(gone),
        "kept_noise": [pair for pair, out in zip(noisy.noise, gone, strict=True) if not out],
        "title_ok": clean is not None and clean.title == noisy.doc.headline,
        "lost": [lost_entry(noisy.doc.doc_id, s, clean) for s in lost],
    }


def is_removed(
    kind: str, line: str, body: str, block_set: set[str], clean: CleanArticle | None
) -> bool:
    """Whether one noise line is gone from the cleaned body (a repeated lead: left once)."""
    if kind == "repeated-lead":
        return body.count(squash(line)) <= 1
    if kind == "section" and clean is not None and clean.title == line:
        return False
    return squash(line) not in block_set


def overlaps(sentence: str, line: str) -> bool:
    """Whether a removed ``line`` holds the sentence, or most of it (a sentence cut in two)."""
    return bool(line) and (
        sentence in line or (line in sentence and 2 * len(line) >= len(sentence))
    )


def lost_entry(doc_id: str, sentence: str, clean: CleanArticle | None) -> dict:
    """One removed gold sentence with the note(s) that removed it."""
    notes = clean.notes if clean else ()
    wanted = squash(sentence)
    found = [n for n in notes if n.line is not None and overlaps(wanted, squash(n.text))]
    why = [f"line {n.line} {n.rule}: {n.detail}" for n in found] or ["no note names it"]
    return {"doc": doc_id, "sentence": sentence, "removed_by": why[:2]}


def run_half(docs: list[Document], templates: dict[str, list[str]], seed: int) -> dict:
    """Score one half of the documents with one template set."""
    headlines = [d.headline for d in docs]
    totals = {"documents": len(docs), "sentences": 0, "kept": 0, "noise": 0, "noise_removed": 0}
    titles, lost, kept_noise = 0, [], []
    for index, doc in enumerate(docs):
        rng = random.Random(seed * 1000 + index)
        others = [h for h in headlines if h != doc.headline]
        noisy = add_noise(doc, templates, others, rng)
        scores = score_document(noisy, clean_through_reader(noisy))
        for key in ("sentences", "kept", "noise", "noise_removed"):
            totals[key] += scores[key]
        titles += scores["title_ok"]
        lost += scores["lost"]
        kept_noise += [
            {"doc": doc.doc_id, "kind": kind, "line": line} for kind, line in scores["kept_noise"]
        ]
    totals["gold_sentences_kept"] = round(totals["kept"] / max(totals["sentences"], 1), 4)
    totals["noise_lines_removed"] = round(totals["noise_removed"] / max(totals["noise"], 1), 4)
    totals["title_is_headline"] = round(titles / max(len(docs), 1), 4)
    totals["removed_gold_sentences"] = lost
    totals["noise_lines_kept"] = kept_noise
    return totals


def run() -> dict:
    """Tuning half (even index, tuning templates) and report half (odd, held-out templates)."""
    docs = load_documents()
    tuning = run_half(docs[0::2], load_templates("tuning.txt"), SEED)
    heldout = run_half(docs[1::2], load_templates("heldout.txt"), SEED + 1)
    return {
        "data": "ScrapingHub gold bodies (181) + NewsWCL50 (50), detokenised",
        "split": "tuning: even document index + tuning.txt; held-out: odd + heldout.txt",
        "seed": SEED,
        "targets": {"gold_sentences_kept": TARGET_KEPT, "noise_lines_removed": TARGET_REMOVED},
        "tuning": tuning,
        "heldout": heldout,
    }


def summary_table(result: dict) -> str:
    """A short readable summary of both halves."""
    rows = []
    for half in ("tuning", "heldout"):
        r = result[half]
        rows.append(
            f"{half:8} docs {r['documents']:3}  gold sentences kept {r['gold_sentences_kept']:.4f}"
            f" ({r['kept']}/{r['sentences']})  noise removed {r['noise_lines_removed']:.4f}"
            f" ({r['noise_removed']}/{r['noise']})  title=headline {r['title_is_headline']:.3f}"
        )
    return "\n".join(rows)


def main() -> None:
    """Run the benchmark and write benchmarks/results/cleaning.json."""
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    result = {"machine": describe_machine(), **run()}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(result, indent=2, ensure_ascii=False, default=str)
    RESULTS.write_text(text + "\n", encoding="utf-8")
    print(summary_table(result))


if __name__ == "__main__":
    main()
