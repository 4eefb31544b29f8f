"""An article's text as claims: sentences (a sentence of two independent clauses gives two),
each classed as a reported fact, a quote (with its speaker) or commentary."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from eventwire.model import PART_BODY, Claim, Document, LinkedMention

DATA = Path(__file__).parent / "data"
FACT, QUOTE, COMMENTARY = "fact", "quote", "commentary"
SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z\d])")
CLAUSE_BREAK = re.compile(r";\s+|,\s+(?=(?:but|while|whereas)\s)")
QUOTATION = re.compile(r"“[^“”]+”|\"[^\"]+\"")
WORD = re.compile(r"[\w'’-]+")
LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")
SOURCE_REACH = 12  # characters after 'according to' where the source's name starts
PATTERN_FILES = ("commentary", "attribution")  # data/NAME.txt read by ``patterns``
SPEAKER_TYPES = ("person", "institution", "organisation", "government", "group", "country")


@functools.cache
def patterns(name: str) -> tuple[re.Pattern[str], ...]:
    """The regular expressions of data/NAME.txt (case-insensitive)."""
    lines = (DATA / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return tuple(re.compile(x, re.IGNORECASE) for x in lines if x and not x.startswith("#"))


@functools.cache
def abbreviations() -> frozenset[str]:
    """Words whose full stop does not end a sentence (data/abbreviations.txt)."""
    lines = (DATA / "abbreviations.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


@dataclass(frozen=True)
class Span:
    """A stretch of an article's body text."""

    start: int
    end: int


def paragraph_spans(text: str) -> list[Span]:
    """The paragraphs of a body (separated by blank lines)."""
    spans, start = [], 0
    for block in text.split("\n\n"):
        if block.strip():
            spans.append(Span(start, start + len(block)))
        start += len(block) + 2
    return spans


def sentence_spans(text: str, paragraph: Span) -> list[Span]:
    """Sentences of one paragraph (not after an abbreviation or an initial)."""
    spans, start = [], paragraph.start
    for match in SENTENCE_BREAK.finditer(text, paragraph.start, paragraph.end):
        words = WORD.findall(text[start : match.start()])
        last = words[-1].lower().rstrip(".") if words else ""
        if last in abbreviations() or (len(last) == 1 and last.isalpha()):
            continue
        spans.append(Span(start, match.start() + len(match.group(0).rstrip())))
        start = match.end()
    spans.append(Span(start, paragraph.end))
    return [_trimmed(text, s) for s in spans if text[s.start : s.end].strip()]


def clause_spans(text: str, sentence: Span, min_words: int) -> list[Span]:
    """A sentence as its independent clauses (split at ';' or ', but'), each long enough."""
    pieces, start = [], sentence.start
    for match in CLAUSE_BREAK.finditer(text, sentence.start, sentence.end):
        if _inside_quotation(text, sentence, match.start()):
            continue
        left, right = text[start : match.start()], text[match.end() : sentence.end]
        if len(WORD.findall(left)) >= min_words and len(WORD.findall(right)) >= min_words + 1:
            pieces.append(Span(start, match.start()))
            start = match.end()
    pieces.append(Span(start, sentence.end))
    return pieces


def _inside_quotation(text: str, sentence: Span, position: int) -> bool:
    before = text[sentence.start : position]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _trimmed(text: str, span: Span) -> Span:
    raw = text[span.start : span.end]
    left = len(raw) - len(raw.lstrip())
    return Span(span.start + left, span.start + len(raw.rstrip()))


def is_claim_text(text: str, min_words: int) -> bool:
    """Whether a sentence can state something: enough words, in running prose."""
    return len(WORD.findall(text)) >= min_words and len(LOWER_WORD.findall(text)) >= 2


def is_commentary(text: str) -> bool:
    """Whether the sentence's own words (quotations left out) carry a commentary cue."""
    own = QUOTATION.sub(" ", text)
    return any(p.search(own) for p in patterns("commentary"))


def document_claims(
    document: Document, mentions: Sequence[LinkedMention], min_words: int, quote_words: int
) -> list[Claim]:
    """The claims of one article, in text order."""
    text = document.text
    body = [m for m in mentions if m.mention.part == PART_BODY]
    claims: list[Claim] = []
    last_speaker: tuple[str, str | None] | None = None
    for paragraph in paragraph_spans(text):
        quotes = _quotations(text, paragraph, quote_words)
        for sentence in sentence_spans(text, paragraph):
            quote = _overlapping(quotes, sentence)
            speaker = None
            if quote is not None:
                speaker = _speaker(text, quote, paragraph, body)
                if (speaker is None or speaker[1] is None) and last_speaker is not None:
                    speaker = last_speaker  # 'the statement said': the source named before
                last_speaker = speaker if speaker and speaker[1] else last_speaker
            else:
                last_speaker = _attributed_source(text, sentence, body) or last_speaker
            for clause in _clauses(text, sentence, quote, min_words):
                claim = _claim(document, clause, quote, speaker)
                if is_claim_text(claim.sentence, min_words):
                    claims.append(claim)
    return claims


def _clauses(text: str, sentence: Span, quote: Span | None, min_words: int) -> list[Span]:
    return [sentence] if quote is not None else clause_spans(text, sentence, min_words)


def _claim(
    document: Document, span: Span, quote: Span | None, speaker: tuple[str, str | None] | None
) -> Claim:
    sentence = document.text[span.start : span.end]
    kind = QUOTE if quote is not None else COMMENTARY if is_commentary(sentence) else FACT
    return Claim(
        article_id=document.id,
        source=document.source,
        sentence=sentence,
        start=span.start,
        end=span.end,
        kind=kind,
        quote=_quoted_part(document.text, quote, span) if quote is not None else None,
        speaker=speaker[0] if speaker else None,
        speaker_actor=speaker[1] if speaker else None,
    )


def _quoted_part(text: str, quote: Span, span: Span) -> str:
    """The words of a quotation inside one claim, verbatim (a long quote spans sentences)."""
    return text[max(quote.start, span.start) : min(quote.end, span.end)]


def _quotations(text: str, paragraph: Span, min_words: int) -> list[Span]:
    """Quotations of at least ``min_words`` words in a paragraph (shorter ones are terms)."""
    found = []
    for match in QUOTATION.finditer(text, paragraph.start, paragraph.end):
        if len(WORD.findall(match.group(0))) >= min_words:
            found.append(Span(match.start(), match.end()))
    return found


def _overlapping(quotes: Sequence[Span], sentence: Span) -> Span | None:
    for quote in quotes:
        if quote.start < sentence.end and sentence.start < quote.end:
            return quote
    return None


def _speaker(
    text: str, quote: Span, paragraph: Span, mentions: Sequence[LinkedMention]
) -> tuple[str, str | None] | None:
    """Who a quotation is attributed to: an actor named beside it, or the attribution's noun."""
    sentences = sentence_spans(text, paragraph)
    around = [s for s in sentences if s.start < quote.end and quote.start < s.end]
    outside = [
        m
        for m in mentions
        if any(s.start <= m.mention.start and m.mention.end <= s.end for s in around)
        and not (quote.start <= m.mention.start < quote.end)
    ]
    actor = _best_speaker(outside)
    if actor is not None:
        return actor
    rest = " ".join(
        text[s.start : quote.start] + " " + text[quote.end : s.end] for s in around
    ).strip()
    for pattern in patterns("attribution"):
        match = pattern.search(rest)
        if match:
            phrase = _noun_before(rest, match.start()) or rest[match.end() :].strip(" ,.")
            return (phrase, None) if phrase else None
    return None


def _attributed_source(
    text: str, sentence: Span, mentions: Sequence[LinkedMention]
) -> tuple[str, str | None] | None:
    """The source a sentence without quotation names after 'according to' (or 'X said')."""
    own = text[sentence.start : sentence.end]
    for pattern in patterns("attribution"):
        match = pattern.search(own)
        if match is None:
            continue
        after = sentence.start + match.end()
        following = [m for m in mentions if after <= m.mention.start < after + SOURCE_REACH]
        return _best_speaker(following[:1]) or _best_speaker(
            [m for m in mentions if sentence.start <= m.mention.start < sentence.end]
        )
    return None


def _best_speaker(mentions: Sequence[LinkedMention]) -> tuple[str, str | None] | None:
    """The mention most likely to be a speaker: a person, then an institution, ..."""
    for kind in SPEAKER_TYPES:
        for mention in mentions:
            if mention.actor_type == kind and mention.actor_key:
                return mention.mention.text, mention.actor_key
    return None


def _noun_before(text: str, position: int) -> str:
    """The few words before an attribution verb ('the official statement' noted)."""
    words = text[:position].strip(" ,").split()[-3:]
    return " ".join(words).strip(' ,"”“')
