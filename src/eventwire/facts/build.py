"""One story's facts: claims read, aligned across outlets (only when two independent outlets
could corroborate each other), counted by independent outlet, disputes found."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence

from threadpoolctl import threadpool_limits

from eventwire.facts import embed
from eventwire.facts.align import (
    ClaimInfo,
    agree,
    candidate_pairs,
    claim_info,
    group_claims,
    lexical_rows,
    repeated_pairs,
    representative,
    score_rows,
)
from eventwire.facts.claims import (
    COMMENTARY,
    PATTERN_FILES,
    abbreviations,
    document_claims,
    patterns,
)
from eventwire.facts.consolidate import consolidate
from eventwire.facts.disputes import find_disputes
from eventwire.facts.features import idf_table, stopwords, term_weights, tfidf_cosine, tfidf_norm
from eventwire.facts.pairmodel import cosine_cutoff, load_pair_model
from eventwire.facts.settings import FactsSettings
from eventwire.facts.sources import OutletGroups, PassageIndex, copy_groups
from eventwire.facts.tokenalign import piece_idf, piece_weights, prepare, token_features
from eventwire.model import Fact, FactsInput, LinkedMention, StoryFacts

CORROBORATED, SINGLE, DISPUTED = "corroborated", "single-source", "disputed"
Encoder = embed.SentenceEncoder  # or anything with its embed()


def story_facts(
    story: FactsInput, settings: FactsSettings, encoder: Encoder | None = None
) -> StoryFacts:
    """The consolidated story of ``story`` (``encoder``: sentence embeddings, or None)."""
    infos = _claim_infos(story, settings)
    copies = copy_groups(story.documents, story.copies)
    independent = len({d.source for d in story.documents}) >= 2  # copies are not here
    aligned = {pair: 2.0 for pair in repeated_pairs(infos)}  # a repeat joins first
    if independent:
        aligned.update(_aligned_pairs(infos, settings, encoder))
    groups = group_claims(infos, aligned)
    passages = PassageIndex(story.documents, settings.shared_passage_words)
    mentioned = _mentioned(story, infos)
    facts = [
        _fact(seq, [infos[i] for i in group], group, aligned, copies, passages, mentioned)
        for seq, group in enumerate(_in_text_order(groups, infos, story))
    ]
    words = {info.claim.sentence: info.words for info in infos}  # its stems, read once
    return consolidate(story, facts, settings, aligned=independent, words=words)


def warm(settings: FactsSettings) -> None:
    """Load everything ``story_facts`` reads from files (the sentence model when used, the
    pair models, term and piece weights, stop words, patterns), so that helper processes
    forked next share it instead of loading it again each."""
    stopwords()
    abbreviations()
    load_pair_model(False)
    len(term_weights().by_term)  # its table by term, built on first use
    for name in PATTERN_FILES:
        patterns(name)
    if settings.embeddings and embed.available():
        embed.stage_model(settings.embedding_threads)
        load_pair_model(True)
        cosine_cutoff()
        piece_weights()


def _claim_infos(story: FactsInput, settings: FactsSettings) -> list[ClaimInfo]:
    by_article = defaultdict(list)
    for mention in story.mentions:
        by_article[mention.mention.article_id].append(mention)
    infos = []
    for document in story.documents:
        mentions = by_article[document.id]
        within = _MentionsByStart(mentions)
        for claim in document_claims(
            document, mentions, settings.min_claim_words, settings.quote_words
        ):
            infos.append(claim_info(claim, within.between(claim.start, claim.end)))
    return infos


class _MentionsByStart:
    """One article's body mentions, found by where they start (in their original order)."""

    def __init__(self, mentions: Sequence[LinkedMention]) -> None:
        body = [(m.mention.start, n) for n, m in enumerate(mentions) if m.mention.part == "body"]
        body.sort()
        self.mentions = mentions
        self.starts = [start for start, _ in body]
        self.order = [n for _, n in body]

    def between(self, start: int, end: int) -> list[LinkedMention]:
        """The mentions starting in [start, end), as ``claim_info`` reads them."""
        found = self.order[bisect_left(self.starts, start) : bisect_left(self.starts, end)]
        return [self.mentions[n] for n in sorted(found)]


def _aligned_pairs(
    infos: Sequence[ClaimInfo], settings: FactsSettings, encoder: Encoder | None
) -> dict[tuple[int, int], float]:
    """Candidate pairs judged the same statement, each with how close they are.

    Candidates share words, names or numbers and reach ``settings.candidate_tfidf`` TF-IDF
    cosine. The lexical pair model scores them all; without embeddings its cut-off decides.
    With embeddings, a pair the lexical model finds near certain (``settings.lexical_sure``)
    is aligned without embedding; pairs it finds plausible (``settings.embedding_floor``),
    or that name ``settings.embedding_names`` actors in common (and reach
    ``settings.embedding_names_floor``), are embedded and aligned when
    the pair model with the embedding says so, or when the embedding cosine passes the
    cut-off chosen on MSRP for the cosine alone and the two claims agree on their actors and
    numbers. Pairs are ranked by cosine (by lexical probability where not embedded).
    """
    candidates, idf = story_candidates(infos, settings)
    pairs = list(candidates)
    rows = dict(zip(pairs, lexical_rows(infos, pairs, idf), strict=True))
    lexical = score_rows(load_pair_model(False), list(rows.values()))
    if encoder is None:
        return {p: lexical[n] for n, p in enumerate(pairs) if lexical[n] >= _threshold(False)}
    sure = {p: lexical[n] for n, p in enumerate(pairs) if lexical[n] >= settings.lexical_sure}
    plausible = [
        (lexical[n], (i, j))
        for n, (i, j) in enumerate(pairs)
        if (i, j) not in sure and _plausible(infos[i], infos[j], lexical[n], settings)
    ]
    budget = settings.embedding_budget * len({info.claim.article_id for info in infos})
    pairs = _within_budget([pair for _, pair in sorted(plausible, reverse=True)], budget)
    model = load_pair_model(True)
    cosines, token_rows = _embedding_features(infos, pairs, encoder)
    full_rows = [
        [*rows[pair], cosine, *tokens]
        for pair, cosine, tokens in zip(pairs, cosines, token_rows, strict=True)
    ]
    probabilities = score_rows(model, full_rows)
    judged = {
        (i, j): cosines[n]
        for n, (i, j) in enumerate(pairs)
        if probabilities[n] >= model.threshold
        or (cosines[n] >= cosine_cutoff() and agree(infos[i], infos[j]))
    }
    return {**sure, **judged}


def _plausible(a: ClaimInfo, b: ClaimInfo, lexical: float, settings: FactsSettings) -> bool:
    """Whether a pair is worth embedding: the lexical model finds it plausible, or it names
    enough actors in common and is not lexically hopeless (``settings.embedding_names_floor``)."""
    if lexical >= settings.embedding_floor:
        return True
    names = len(a.words.names & b.words.names)
    return names >= settings.embedding_names and lexical >= settings.embedding_names_floor


def story_candidates(
    infos: Sequence[ClaimInfo], settings: FactsSettings
) -> tuple[dict[tuple[int, int], float], dict[str, float]]:
    """The story's candidate pairs (``candidate_pairs``) that reach ``settings.candidate_tfidf``
    TF-IDF cosine, each with that cosine, and the IDF over the story's claims."""
    idf = idf_table([info.words for info in infos])
    norms = [tfidf_norm(info.words.stems, idf) for info in infos]
    candidates = {}
    for i, j in candidate_pairs(infos, settings):
        cosine = tfidf_cosine(infos[i].words, infos[j].words, idf, norms[i] * norms[j])
        if cosine >= settings.candidate_tfidf:
            candidates[(i, j)] = cosine
    return candidates, idf


def _within_budget(pairs: Sequence[tuple[int, int]], budget: int) -> list[tuple[int, int]]:
    """The first pairs whose claims, embedded, stay within ``budget`` sentences."""
    chosen, claims = [], set()
    for pair in pairs:
        new = {c for c in pair if c not in claims}
        if len(claims) + len(new) > budget:
            continue
        claims |= new
        chosen.append(pair)
    return chosen


def _threshold(with_embeddings: bool) -> float:
    return load_pair_model(with_embeddings).threshold


def _embedding_features(
    infos: Sequence[ClaimInfo], pairs: Sequence[tuple[int, int]], encoder: Encoder
) -> tuple[list[float], list[list[float]]]:
    """Embedding cosine and token-level features of the pairs; each claim embedded once."""
    needed = sorted({i for pair in pairs for i in pair})
    if not needed:
        return [], []
    sentences = [infos[i].claim.sentence for i in needed]
    vectors, tokens = encoder.embed(sentences)
    idf = piece_idf(tokens)
    prepared = [prepare(t, idf) for t in tokens]
    row = {claim: n for n, claim in enumerate(needed)}
    cosines = [float(vectors[row[i]] @ vectors[row[j]]) for i, j in pairs]
    with threadpool_limits(1):  # products this small: OpenBLAS's other threads only spin
        tokens = [token_features(prepared[row[i]], prepared[row[j]]) for i, j in pairs]
    return cosines, tokens


def _in_text_order(
    groups: list[list[int]], infos: Sequence[ClaimInfo], story: FactsInput
) -> list[list[int]]:
    """Facts ordered by where they first appear (articles in publication order)."""
    rank = {d.id: n for n, d in enumerate(story.documents)}
    return sorted(
        groups,
        key=lambda g: min((rank[infos[i].claim.article_id], infos[i].claim.start) for i in g),
    )


def _mentioned(story: FactsInput, infos: Sequence[ClaimInfo]) -> dict[int, dict[str, frozenset]]:
    """Per article, every number, day, place and actor its claims give."""
    found: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for info in infos:
        for attribute in ("numbers", "dates", "places", "actors"):
            found[info.claim.article_id][attribute] |= getattr(info, attribute)
    return {
        d.id: {a: frozenset(found[d.id][a]) for a in ("numbers", "dates", "places", "actors")}
        for d in story.documents
    }


def _fact(
    seq: int,
    infos: list[ClaimInfo],
    group: list[int],
    scored: dict[tuple[int, int], float],
    copies: dict[int, list[str]],
    passages: PassageIndex,
    mentioned: dict[int, dict[str, frozenset]],
) -> Fact:
    """One fact: its claims, outlets (copies included), independent sources and status."""
    lead = infos[group.index(representative(group, scored))]
    sources = [i.claim.source for i in infos]
    sources += [o for i in infos for o in copies.get(i.claim.article_id, [])]
    groups = OutletGroups(sources)
    for info in infos:
        for outlet in copies.get(info.claim.article_id, []):
            groups.join(outlet, info.claim.source)
    for a in infos:
        for b in infos:
            if a.claim.source != b.claim.source and passages.copied(a.claim, b.claim):
                groups.join(a.claim.source, b.claim.source)
    independent = groups.count(sources)
    disputes = find_disputes(infos, mentioned) if independent >= 2 else ()
    kind = COMMENTARY if lead.claim.kind == COMMENTARY else lead.claim.kind
    status = COMMENTARY if kind == COMMENTARY else _status(independent, disputes)
    articles = {i.claim.article_id for i in infos}
    days = Counter(d for i in infos for d in sorted(i.dates))  # a tie: the first, not by hash
    return Fact(
        seq=seq,
        text=lead.claim.sentence,
        kind=kind,
        status=status,
        independent_sources=independent,
        claims=tuple(i.claim for i in infos),
        sources=tuple(dict.fromkeys(sources)),
        articles=len(articles) + sum(len(copies.get(a, [])) for a in articles),
        date=days.most_common(1)[0][0] if days else None,
        speaker=lead.claim.speaker,
        disputes=disputes,
    )


def _status(independent: int, disputes: tuple) -> str:
    if disputes:
        return DISPUTED
    return CORROBORATED if independent >= 2 else SINGLE


def default_encoder(settings: FactsSettings) -> Encoder | None:
    """The embedding model's encoder (with its memo) when asked for and installed; else None
    (lexical features alone). The model itself loads on the first story that needs it."""
    if not (settings.embeddings and embed.available()):
        return None
    return embed.SentenceEncoder(
        threads=settings.embedding_threads,
        processes=settings.embedding_processes,
        timeout=settings.helper_timeout_seconds,
    )
