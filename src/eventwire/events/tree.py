"""A parsed sentence as a tree: children, subjects, objects and the actors in a phrase."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from eventwire.model import Mention, ParsedToken, SentenceParse, Span

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
LAND_LABEL = "LOC"  # seas, regions, mountains: a side as the whole mention, a place
DATE_LABELS = frozenset({"DATE"})
TIME_LABELS = frozenset({"DATE", "TIME"})  # a preposition of time places no act on anyone
# "anti-" in front of a name: the act is aimed at what it names ("anti-American protests").
ANTI = re.compile(r"^anti\s*-\s*", re.IGNORECASE)
# Mentions that never name who acts: "on Tuesday", "for three hours", "by 20 percent".
NOT_ACTOR_LABELS = frozenset(
    {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
)
# What belongs to a noun phrase naming an actor ("Senior Hungarian and Romanian officials",
# "the efforts of the Kingdom of Norway's envoys", "rebels in the Ivory Coast", "U.S.-led
# forces": npadvmod).
PHRASE_DEPS = frozenset(
    {"compound", "amod", "poss", "nmod", "appos", "pobj", "det", "nummod", "acl", "agent", "conj"}
    | {"npadvmod"}
)
PHRASE_PREPS = frozenset({"of", "in", "from", "throughout", "across"})
# An object that names no actor may name one through its own preposition ("broke relations
# with Russia", "an admission by Moscow", "blows to the United States", "brokered a truce
# between X and Y").
QUALIFIER_DEPS = frozenset({"compound", "amod", "poss", "appos", "nmod"})
# Entity labels that can qualify a named person ("British Defence Secretary X", "U.N. mediator
# X", "Palestinian leader X").
QUALIFIER_LABELS = frozenset({"NORP", "GPE", "ORG"})
OBJECT_PREPS = frozenset(
    {"with", "by", "to", "against", "on", "at", "for", "into", "of", "in", "between"}
)
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "them", "its", "their", "this"})
# Counts that name what their of-phrase counts ("tens of thousands of demonstrators", "one
# of the guards").
COUNT_WORDS = frozenset(
    {"ten", "dozen", "score", "hundred", "thousand", "million", "tens", "one", "two", "three"}
    | {"some", "several", "many", "most", "each"}
)
RELATIVES = frozenset({"who", "which", "that", "whom"})
PROPER_TAGS = frozenset({"NNP", "NNPS"})
NOT_NAME = re.compile(r"\d|\.$")  # an amount ("US346,807") or an abbreviation ("Mr.", "Nov.")
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})  # a person named before


STEM_ENDINGS = (("ed", ("e", "")), ("ing", ("e", "")), ("es", ("e", "")), ("s", ("",)))


def _quantities_mended(
    tokens: Sequence[ParsedToken], text: str, offset: int
) -> tuple[ParsedToken, ...]:
    """The parse with "up to" before a number read as the number's modifier, its noun the
    verb's object: the small model may take "kidnapped up to 16 advisers" for a particle
    and a preposition ("kidnapped up", "to advisers")."""
    mended = list(tokens)
    for up in range(len(tokens) - 2):
        to = up + 1
        if tokens[up][5] != "prt" or _token_text(tokens[up], text, offset).lower() != "up":
            continue
        if tokens[to][5] != "prep" or _token_text(tokens[to], text, offset).lower() != "to":
            continue
        if tokens[to + 1][3] != "NUM" and tokens[to + 1][4] != "CD":
            continue
        noun = next((n for n, t in enumerate(tokens) if t[6] == to and t[5] == "pobj"), None)
        if noun is None:
            continue
        verb = tokens[up][6]
        mended[up] = (*tokens[up][:5], "quantmod", to + 1)
        mended[to] = (*tokens[to][:5], "quantmod", to + 1)
        mended[noun] = (*tokens[noun][:5], "dobj", verb)
    return tuple(mended)


def _token_text(token: ParsedToken, text: str, offset: int) -> str:
    return text[token[0] - offset : token[1] - offset]


def verb_forms(lemma: str, word: str) -> tuple[str, ...]:
    """A verb's lemma and the stems of its word: the small model's lemmatizer slips on some
    verbs ("staged" -> "stag")."""
    word = word.lower()
    stems = [lemma.lower()]
    for ending, repairs in STEM_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            base = word[: -len(ending)]
            stems += [base + r for r in repairs]
            if len(base) > 2 and base[-1] == base[-2]:
                stems.append(base[:-1])  # "stopped" -> "stop"
    return tuple(dict.fromkeys(stems))


class Tree:
    """One sentence's tokens with their children, its text and its entity mentions."""

    def __init__(self, sentence: SentenceParse, text: str, mentions: Sequence[Mention]) -> None:
        self.sentence = sentence
        self.text = text
        self.tokens = _quantities_mended(sentence.tokens, text, sentence.start)
        self.children: list[list[int]] = [[] for _ in self.tokens]
        for index, token in enumerate(self.tokens):
            if token[6] != index and 0 <= token[6] < len(self.tokens):
                self.children[token[6]].append(index)
        self.mention_at: dict[int, Mention] = {}
        for mention in mentions:
            for index, token in enumerate(self.tokens):
                if token[0] >= mention.start and token[1] <= mention.end:
                    self.mention_at.setdefault(index, mention)

    def __len__(self) -> int:
        return len(self.tokens)

    def lemma(self, i: int) -> str:
        """Lower-case lemma of token ``i``."""
        return self.tokens[i][2].lower()

    def forms(self, i: int) -> tuple[str, ...]:
        """The lemma, and for a verb the stems of its word too (see ``verb_forms``)."""
        if self.pos(i) != "VERB":
            return (self.lemma(i),)
        return verb_forms(self.lemma(i), self.word(i))

    def pos(self, i: int) -> str:
        return self.tokens[i][3]

    def dep(self, i: int) -> str:
        return self.tokens[i][5]

    def head(self, i: int) -> int:
        return self.tokens[i][6]

    def word(self, i: int) -> str:
        """The token's characters (token offsets count from the part's start, ``text`` from
        the sentence's)."""
        offset = self.sentence.start
        return self.text[self.tokens[i][0] - offset : self.tokens[i][1] - offset]

    def rest(self, i: int) -> str:
        """The sentence's text from token ``i`` on ("3-2 on Wednesday")."""
        return self.text[self.tokens[i][0] - self.sentence.start :]

    def kids(self, i: int, *deps: str) -> list[int]:
        """Children of ``i`` with one of ``deps`` (all children when none given)."""
        return [c for c in self.children[i] if not deps or self.dep(c) in deps]

    def prep_objects(self, i: int, preps: Iterable[str]) -> list[tuple[str, int]]:
        """(preposition, object) pairs of ``i``'s prepositional phrases among ``preps``."""
        wanted = frozenset(preps)
        found = []
        for prep in self.kids(i, "prep", "agent", "dative"):
            if self.lemma(prep) in wanted or (self.dep(prep) == "agent" and "by" in wanted):
                found += [(self.lemma(prep), obj) for obj in self.kids(prep, "pobj")]
        return found

    def subtree(self, i: int, deps: frozenset[str] | None = None) -> Iterator[int]:
        """``i`` and its descendants (through ``deps`` only, when given)."""
        yield i
        for child in self.children[i]:
            if deps is None or self.dep(child) in deps or self._phrase_prep(child, deps):
                yield from self.subtree(child, deps)

    def _phrase_prep(self, i: int, deps: frozenset[str] | None) -> bool:
        return deps is PHRASE_DEPS and self.dep(i) == "prep" and self.lemma(i) in PHRASE_PREPS

    def span(self, start: int, end: int) -> Span:
        """A Span of the sentence's part from character ``start`` to ``end``."""
        offset = self.sentence.start
        return Span(self.sentence.part, start, end, self.text[start - offset : end - offset])

    def token_span(self, i: int) -> Span:
        return self.span(self.tokens[i][0], self.tokens[i][1])

    def mention_span(self, mention: Mention) -> Span:
        return self.span(mention.start, mention.end)

    def actors(self, i: int) -> list[Span]:
        """The actors a phrase headed by ``i`` and its conjuncts name ("X and Y")."""
        found = self.phrase_actors(i)
        for conjunct in self.kids(i, "conj"):
            found += [a for a in self.actors(conjunct) if a not in found]
        return found

    def phrase_actors(self, i: int) -> list[Span]:
        """The actor one phrase names: the mention its head is part of; else the mentions
        modifying it ("Senior Hungarian and Romanian officials"); else its noun. A count
        ("tens of thousands of demonstrators") names what it counts."""
        counted = [o for _, o in self.prep_objects(i, ("of",))]
        if self.lemma(i) in COUNT_WORDS and counted:
            return self.phrase_actors(counted[0])
        head = self.mention_at.get(i)
        if head is not None and head.label in ACTOR_LABELS:
            return [self.mention_span(head), *self.qualifiers(i, head)]
        if head is not None and head.label in NOT_ACTOR_LABELS:
            return []
        if head is not None and head.label == LAND_LABEL:
            return [self.mention_span(head)]  # "the Gulf of Aden", not its word "Gulf"
        seen: dict[tuple[int, int], Span] = {}
        for index in sorted(self.subtree(i, PHRASE_DEPS)):
            mention = self.mention_at.get(index)
            if mention is not None and mention.label in ACTOR_LABELS:
                seen.setdefault((mention.start, mention.end), self.mention_span(mention))
        if seen:
            return list(seen.values())
        if self.pos(i) in ("NOUN", "PROPN") and self.lemma(i) not in PRONOUNS:
            return [self.noun_phrase(i)]
        return []

    def qualifiers(self, i: int, head: Mention) -> list[Span]:
        """Country words and bodies qualifying a named person or body ("British Defence
        Secretary Tom King", "U.N. mediator X", "Palestinian leader X"): the story step gives
        their country or code to the actor that has none."""
        found: dict[int, Span] = {}
        for token in self.subtree(i, QUALIFIER_DEPS):
            mention = self.mention_at.get(token)
            if mention is not None and mention is not head and mention.label in QUALIFIER_LABELS:
                found.setdefault(mention.start, self.mention_span(mention))
        return list(found.values())

    def object_actors(self, i: int, depth: int = 3) -> list[Span]:
        """The actors an object names: its own, else those its prepositions name ("broke
        relations with Russia", "reservists for a war against Iraq"); else its noun."""
        found = [a for a in self.actors(i) if self.named(a)]
        if found or depth == 0:
            return found or self.actors(i)
        for _, obj in self.prep_objects(i, OBJECT_PREPS):
            found += [a for a in self.object_actors(obj, depth - 1) if self.named(a)]
        return found or self.actors(i)

    def label(self, i: int) -> str | None:
        """The entity label of the mention token ``i`` is in (PERSON, GPE, ...), if any."""
        mention = self.mention_at.get(i)
        return mention.label if mention is not None else None

    def named(self, span: Span) -> bool:
        """Whether a span is an entity mention (not a bare noun)."""
        return any(m.start == span.start and m.end == span.end for m in self.mention_at.values())

    def personal_pronoun(self, verb: int, *deps: str) -> Span | None:
        """The verb's first dependent of ``deps`` when it is "he", "she", "him" or "her"."""
        kids = self.kids(verb, *deps)
        if kids and self.word(kids[0]).lower() in PERSONAL_PRONOUNS:
            return self.token_span(kids[0])
        return None

    def untagged_name(self, span: Span) -> bool:
        """Whether a side is headed by a capitalised proper noun the entity model did not tag
        ("Quillfeather was charged"): its phrase's last token; no amount or abbreviation."""
        last = span.text.split()[-1:]
        if not last or not last[0][:1].isupper() or NOT_NAME.search(span.text):
            return False  # the cheap checks first: most sides are common nouns
        if self.named(span):
            return False
        heads = [i for i, t in enumerate(self.tokens) if t[1] == span.end and t[0] >= span.start]
        return any(self.tokens[i][4] in PROPER_TAGS and self.word(i)[:1].isupper() for i in heads)

    def noun_phrase(self, i: int) -> Span:
        """The noun with its compound and adjective modifiers ("Afghan rebel leaders")."""
        parts = [i, *self.kids(i, "compound", "amod")]
        return self.span(min(self.tokens[p][0] for p in parts), self.tokens[i][1])

    def is_time(self, i: int, labels: frozenset[str] = TIME_LABELS) -> bool:
        """Whether token ``i`` is part of a date or time mention ("the first day", "3 pm";
        ``labels``: the mention labels that count)."""
        mention = self.mention_at.get(i)
        return mention is not None and mention.label in labels

    def conjuncts(self, i: int) -> list[int]:
        """``i`` and the words coordinated with it ("elections and the resignation of X")."""
        found, queue = [], [i]
        while queue and len(found) < 12:
            node = queue.pop()
            found.append(node)
            queue += self.kids(node, "conj")
        return found

    def governing_verb(self, i: int) -> int | None:
        """The nearest verb above token ``i`` (none when the sentence has no verb above it)."""
        node = i
        for _ in range(8):
            head = self.head(node)
            if head == node:
                return None
            if self.pos(head) in ("VERB", "AUX"):
                return head
            node = head
        return None

    def is_infinitive(self, verb: int) -> bool:
        """Whether a verb is a to-infinitive ("to investigate": an auxiliary tagged TO)."""
        return any(self.tokens[a][4] == "TO" for a in self.kids(verb, "aux"))

    def is_pronoun(self, i: int) -> bool:
        return self.pos(i) == "PRON" or self.lemma(i) in PRONOUNS

    def attached(
        self, i: int, labels: frozenset[str], preps: frozenset[str], nested: bool = False
    ) -> Mention | None:
        """A mention (of ``labels``) attached to ``i``: a child, or the object of one of its
        prepositions ``preps`` (or that object's apposition: "in its capital, Nairobi");
        ``nested``: also one a common noun there names by its own ``preps`` ("in a crowded
        market in Baghdad", "at a checkpoint near Hebron")."""
        candidates = []
        for child in self.children[i]:
            dep = self.dep(child)
            if dep in ("npadvmod", "tmod", "compound", "nmod", "advmod", "obl"):
                candidates.append(child)
            elif dep == "prep" and self.lemma(child) in preps:
                for obj in self.kids(child, "pobj"):
                    candidates += [obj, *self.kids(obj, "appos", "compound")]
                    if nested and obj not in self.mention_at and self.pos(obj) == "NOUN":
                        candidates += [o for _, o in self.prep_objects(obj, tuple(preps))]
        for candidate in candidates:
            mention = self.mention_at.get(candidate)
            if mention is not None and mention.label in labels:
                return mention
        return None
