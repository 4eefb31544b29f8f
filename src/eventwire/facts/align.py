"""Claims of a story's articles aligned into facts: candidate pairs that share words, names or
numbers, scored by the pair model, grouped so that each fact is one statement."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from eventwire.facts.claims import COMMENTARY
from eventwire.facts.features import SentenceWords, pair_rows, sentence_words
from eventwire.facts.pairmodel import PairModel
from eventwire.facts.settings import FactsSettings
from eventwire.model import Claim, LinkedMention

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ACTOR_TYPES = frozenset({"person", "country", "government", "institution", "organisation", "group"})
REPEAT_SIMILARITY = 90  # same-article claims this alike are one claim told twice (fuzz ratio)
MIN_COHESION = 0.5  # share of a merged fact's cross-article pairs that must be aligned
MIN_SHARED_NAMES = 2  # named actors two claims share to agree on who is involved
YEAR = re.compile(r"^(?:1[89]|20)\d\d$")


@dataclass(frozen=True)
class ClaimInfo:
    """A claim with what alignment and disputes read of it."""

    claim: Claim
    words: SentenceWords
    actors: frozenset[str]  # actor keys of people, countries, institutions named in it
    places: frozenset[str]  # actor keys of places named in it
    dates: frozenset[str]  # the days it names (ISO dates)
    numbers: frozenset[str]  # numbers it gives (years left out)


def claim_info(claim: Claim, mentions: Sequence[LinkedMention]) -> ClaimInfo:
    """What a claim names: actors, places and days from the story's resolved mentions."""
    inside = [
        m
        for m in mentions
        if m.mention.article_id == claim.article_id
        and m.mention.part == "body"
        and claim.start <= m.mention.start < claim.end
    ]
    words = with_named(sentence_words(claim.sentence), claim, inside)
    return ClaimInfo(
        claim=claim,
        words=words,
        actors=frozenset(m.actor_key for m in inside if m.actor_type in ACTOR_TYPES),
        places=frozenset(m.actor_key for m in inside if m.actor_type == "place"),
        dates=frozenset(m.time_value for m in inside if m.time_value and DAY.match(m.time_value)),
        numbers=frozenset(n for n in words.numbers if not YEAR.match(n)),
    )


def with_named(
    words: SentenceWords, claim: Claim, inside: Sequence[LinkedMention]
) -> SentenceWords:
    """``words`` with its names read as the actors they resolve to (spellings of one person,
    a country and its government or capital agree), unresolved capitalised words kept."""
    resolved = [m for m in inside if m.actor_key]
    if not resolved:
        return words
    covered = " ".join(m.mention.text for m in resolved).casefold()
    names = {n for n in words.names if n not in covered}
    names |= {identity(m.actor_key) for m in resolved if m.actor_key}
    return replace(words, names=frozenset(names))


def identity(actor_key: str) -> str:
    """What an actor key names for agreement: a country for a country or its government."""
    kind, _, rest = actor_key.partition(":")
    return rest if kind in ("country", "government") else actor_key


def candidate_pairs(infos: Sequence[ClaimInfo], settings: FactsSettings) -> list[tuple[int, int]]:
    """Pairs of claims of different articles that share enough words, or a number."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, info in enumerate(infos):
        if info.claim.kind != COMMENTARY:
            for key in info.words.stems | {f"#{n}" for n in info.numbers}:
                index[key].append(i)
    limit = max(2, int(settings.common_word_share * len(infos)))
    shared: Counter[tuple[int, int]] = Counter()
    for key, members in index.items():
        if len(members) > limit and not key.startswith("#"):
            continue
        weight = settings.min_shared_words if key.startswith("#") else 1
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if infos[i].claim.article_id != infos[j].claim.article_id:
                    shared[(i, j)] += weight
    return sorted(pair for pair, n in shared.items() if n >= settings.min_shared_words)


def lexical_rows(
    infos: Sequence[ClaimInfo], pairs: Sequence[tuple[int, int]], idf: dict[str, float]
) -> list[list[float]]:
    """The lexical features of each candidate pair (``idf``: over all the story's claims)."""
    return pair_rows([info.words for info in infos], pairs, idf)


def score_rows(model: PairModel, rows: Sequence[Sequence[float]]) -> list[float]:
    """The pair model's probability for each feature row (lexical, then any embedding ones)."""
    return [float(p) for p in model.probability(rows)]


def repeated_pairs(infos: Sequence[ClaimInfo]) -> list[tuple[int, int]]:
    """Pairs of one article's claims that say the same thing twice (a repeated lead)."""
    by_article: dict[int, list[int]] = defaultdict(list)
    for i, info in enumerate(infos):
        by_article[info.claim.article_id].append(i)
    found = []
    for members in by_article.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                a, b = infos[i], infos[j]
                same_details = a.numbers == b.numbers and a.dates == b.dates
                if same_details and fuzz.ratio(a.words.folded, b.words.folded) >= REPEAT_SIMILARITY:
                    found.append((i, j))
    return found


def agree(a: ClaimInfo, b: ClaimInfo) -> bool:
    """Whether two claims agree on who is involved (two named actors or more in common) and
    give no different numbers."""
    numbers_differ = bool(a.numbers and b.numbers and not a.numbers & b.numbers)
    return len(a.words.names & b.words.names) >= MIN_SHARED_NAMES and not numbers_differ


def group_claims(
    infos: Sequence[ClaimInfo], aligned: dict[tuple[int, int], float]
) -> list[list[int]]:
    """Claims grouped into facts, the closest aligned pairs first. A fact takes one claim per
    article (a repeated lead joins first) and a merge is kept only when most of the new
    fact's cross-article pairs are aligned (no chains of loosely related sentences)."""
    group_of = list(range(len(infos)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(infos))}
    for i, j in sorted(aligned, key=lambda pair: -aligned[pair]):
        a, b = group_of[i], group_of[j]
        if a == b or not _mergeable(members[a], members[b], infos, aligned, i, j):
            continue
        for k in members[b]:
            group_of[k] = a
        members[a].extend(members.pop(b))
    return [sorted(m) for m in members.values()]


def _mergeable(
    left: list[int],
    right: list[int],
    infos: Sequence[ClaimInfo],
    aligned: dict[tuple[int, int], float],
    i: int,
    j: int,
) -> bool:
    article = infos[i].claim.article_id
    if article == infos[j].claim.article_id:
        return True  # one article telling the same thing twice
    articles_left = {infos[k].claim.article_id for k in left}
    if articles_left & {infos[k].claim.article_id for k in right}:
        return False
    pairs = [(min(x, y), max(x, y)) for x in left for y in right]
    return sum(pair in aligned for pair in pairs) >= MIN_COHESION * len(pairs)


def representative(group: Sequence[int], scored: dict[tuple[int, int], float]) -> int:
    """The claim of a group most like the others (the first one on a tie)."""

    def closeness(i: int) -> float:
        return sum(scored.get((min(i, j), max(i, j)), 0.0) for j in group if j != i)

    return max(group, key=lambda i: (closeness(i), -group.index(i)))
