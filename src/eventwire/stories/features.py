"""Features that story clustering compares: content words and names of an article's lead.

An article is represented by its title and lead (the first ``lead_words`` words of the
body): content words (lowercase, function words dropped) for TF-IDF, and *names*:
capitalised spans (people, places, organisations) and numbers. Names are what tells two
events of the same kind apart ("a plane crash" vs "the crash of flight 123 in X").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources

from eventwire.textnorm import PUNCTUATION_FOLDS, TOKEN, is_title_case

# Ends of sentences: a full stop, ! or ? before whitespace, or a line break.
SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n+")
POSSESSIVE = re.compile(r"'s$")
MIN_WORD_LENGTH = 2


def _read_word_list(name: str) -> frozenset[str]:
    text = resources.files("eventwire.stories").joinpath(name).read_text(encoding="utf-8")
    lines = (line for line in text.splitlines() if not line.startswith("#"))
    return frozenset(word for line in lines for word in line.split())


STOPWORDS = _read_word_list("stopwords.txt")
NAME_STOPWORDS = _read_word_list("name_stopwords.txt")


@dataclass(frozen=True)
class ArticleFeatures:
    """Term counts of an article's title + lead: content words and names."""

    words: Counter[str]
    names: Counter[str]


def extract_features(title: str, text: str, lead_words: int, title_weight: int) -> ArticleFeatures:
    """Content words and names of the title (counted ``title_weight`` times) and lead."""
    title = title.translate(PUNCTUATION_FOLDS)
    lead = select_lead(text.translate(PUNCTUATION_FOLDS), lead_words)
    words = Counter(content_words(lead))
    for word in content_words(title):
        words[word] += title_weight
    lead_names = name_spans(lead)
    names = Counter(name_features(lead_names))
    title_names = name_spans(title)
    if is_title_case(title):
        known = {word for span in lead_names for word in span}
        title_names = [span for span in title_names if all(word in known for word in span)]
    for feature in name_features(title_names):
        names[feature] += title_weight
    return ArticleFeatures(words=words, names=names)


def select_lead(text: str, lead_words: int) -> str:
    """The first ``lead_words`` whitespace-separated words of ``text`` (all when <= 0)."""
    if lead_words <= 0:
        return text
    parts = re.split(r"(\s+)", text)
    return "".join(parts[: 2 * lead_words])


def content_words(text: str) -> list[str]:
    """Lowercase content words of ``text``: function words, one-letter words dropped."""
    found = []
    for token in TOKEN.findall(text):
        word = POSSESSIVE.sub("", token.lower())
        if len(word) >= MIN_WORD_LENGTH and word not in STOPWORDS:
            found.append(word)
    return found


def name_spans(text: str) -> list[tuple[str, ...]]:
    """Capitalised multi- or single-word spans and numbers, lowercased, stopwords removed.

    A single capitalised word that opens a sentence is kept only when the text never
    uses it in lowercase (so "Police said ..." is dropped but "Okafor said ..." is kept).
    """
    lowercase_words = {t for t in TOKEN.findall(text) if t[0].islower()}
    spans: list[tuple[str, ...]] = []
    for sentence in SENTENCE_BREAK.split(text):
        spans.extend(_sentence_spans(TOKEN.findall(sentence), lowercase_words))
    return spans


def _sentence_spans(tokens: list[str], lowercase_words: set[str]) -> list[tuple[str, ...]]:
    spans: list[tuple[str, ...]] = []
    current: list[tuple[int, str]] = []
    for index, token in enumerate([*tokens, ""]):
        if token[:1].isupper() or token[:1].isdigit():
            current.append((index, POSSESSIVE.sub("", token.lower())))
            continue
        span = _clean_span(current, lowercase_words)
        if span:
            spans.append(span)
        current = []
    return spans


def _clean_span(
    current: list[tuple[int, str]], lowercase_words: set[str]
) -> tuple[str, ...] | None:
    words = [(i, w) for i, w in current if w not in NAME_STOPWORDS and len(w) >= MIN_WORD_LENGTH]
    if not words:
        return None
    if len(words) == 1 and words[0][0] == 0:
        word = words[0][1]
        if word in lowercase_words or word in STOPWORDS:
            return None
    return tuple(w for _, w in words)


def name_features(spans: list[tuple[str, ...]]) -> list[str]:
    """Each span's words, plus the whole span when it has several words."""
    features = []
    for span in spans:
        features.extend(span)
        if len(span) > 1:
            features.append(" ".join(span))
    return features


def sublinear(counts: Counter[str]) -> dict[str, float]:
    """``1 + log(count)`` for each term (damps repeated words)."""
    return {term: 1.0 + math.log(count) for term, count in counts.items()}
