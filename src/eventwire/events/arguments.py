"""Who does what to whom: the subjects, objects and speakers of a parsed sentence's verbs."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from eventwire.actors.roles import role_sector
from eventwire.events.found import Found
from eventwire.events.lexicon import Lexicon
from eventwire.events.tree import ACTOR_LABELS, RELATIVES, Tree
from eventwire.model import Span

# Clauses whose verb has no subject of its own take their head's ("agreed ... and signed").
SUBJECT_INHERIT = frozenset({"xcomp", "advcl", "conj", "pcomp", "acl"})
PAIR_WORDS = frozenset({"both", "two"})


class ArgumentFinder:
    """The actors of a sentence's verbs and nouns, over its tree."""

    def __init__(self, tree: Tree, lexicon: Lexicon) -> None:
        self.tree = tree
        self.lex = lexicon
        self.words = lexicon.words

    def is_violent(self, code: str) -> bool:
        """Whether a CAMEO code is an act of violence (``Lexicon.is_violent``)."""
        return self.lex.is_violent(code)

    def subjects(self, verb: int, depth: int = 0, controlled: bool = False) -> list[Span]:
        """The actors doing what ``verb`` says: its subject, or the subject it inherits (a
        passive verb's subject controls its complement: "X is expected to visit")."""
        tree = self.tree
        subjects = tree.kids(verb, "nsubj", "csubj", *(("nsubjpass",) if controlled else ()))
        subjects = subjects or self.misread_subjects(verb)
        if subjects:
            subject = subjects[0]
            if tree.lemma(subject) in RELATIVES and tree.dep(verb) == "relcl":
                return tree.actors(tree.head(verb))
            return tree.actors(subject)
        if tree.dep(verb) == "relcl":
            return tree.actors(tree.head(verb))
        head = tree.head(verb)
        owners = [o for o in tree.kids(head, "poss") if tree.dep(verb) == "acl"]
        named = [a for o in owners for a in tree.actors(o) if tree.named(a)]
        if named:  # "Ethiopia's decision to expel ...": Ethiopia expels
            return named
        if tree.dep(verb) == "pcomp" and tree.lemma(head) == "by" and tree.head(head) != head:
            head = tree.head(head)  # "forestalled it by issuing an ultimatum": the means
        elif tree.dep(verb) == "pcomp" and (doer := self.gerund_doer(head)) is not None:
            head = doer  # "persisted in shelling the town", "are guilty of violating the truce"
        controller = self.object_controller(verb)
        if controller is not None:
            return tree.actors(controller)  # "forced villagers to leave": villagers
        if tree.dep(verb) in SUBJECT_INHERIT and depth < 4 and head != verb:
            if tree.pos(head) in ("NOUN", "PROPN") and tree.dep(head) in ("dobj", "pobj"):
                head = tree.head(head) if tree.dep(head) == "dobj" else tree.head(tree.head(head))
            return self.subjects(head, depth + 1, tree.dep(verb) in ("xcomp", "advcl"))
        return []

    def demanded_of(self, clause: int, verb: int, notes: Sequence[int] = ()) -> list[Span]:
        """Whom a reported must-clause binds: its subject named or named by a role ("the
        militias must withdraw"), or for a pronoun whom the speaker tells ("told partners
        they must"); no one for a thing ("pricing power should improve") or for "we" or "I"
        ("we must not ..., he told the Council": the speaker binds itself)."""
        tree = self.tree
        doers = tree.kids(clause, "nsubj")
        if any(self.is_word(s, "first_persons") for s in doers):
            return []
        named = [a for a in self.subjects(clause) if tree.named(a) or role_sector(a.text)]
        if named or not any(tree.is_pronoun(s) for s in doers):
            return named
        return self.told(verb, notes)

    def told(self, verb: int, notes: Sequence[int]) -> list[Span]:
        """Whom a speaker tells or addresses ("told partners", "a reminder to Iraq")."""
        tree = self.tree
        heads = tree.kids(verb, "dobj") if not notes else []
        heads += [o for d in tree.kids(verb, "dative") for o in tree.kids(d, "pobj")]
        heads += [o for n in [verb, *notes] for _, o in tree.prep_objects(n, ("to",))]
        found = [a for o in dict.fromkeys(heads) if o not in notes for a in tree.actors(o)]
        return list(dict.fromkeys(found))

    def gerund_doer(self, prep: int) -> int | None:
        """The word whose subject does a gerund after ``prep``: an intransitive active verb of
        the clause (`gerund_preps`: "persisted in shelling"; `to_gerund_verbs`: "resorted to
        throwing stones") or the copula under an adjective
        of guilt (`gerund_adjectives`: "are guilty of violating"); not a verb with an object,
        a passive or a participle ("accused X of killing", "was accused of", "a meeting aimed
        at establishing"), a topic ("conferred on putting a blockade") or a capability
        ("is capable of launching")."""
        tree, head = self.tree, self.tree.head(prep)
        if tree.dep(prep) != "prep" or head == prep:
            return None
        if tree.dep(head) == "acomp" and tree.pos(head) == "ADJ":
            guilty = self.is_word(head, "gerund_adjectives") and tree.lemma(prep) == "of"
            return tree.head(head) if guilty else None  # not "capable of launching"
        carried = tree.lemma(prep) == "to" and self.is_word(head, "to_gerund_verbs")
        if not self.is_word(prep, "gerund_preps") and not carried:
            return None
        if tree.pos(head) != "VERB" or tree.dep(head) in ("acl", "amod", "relcl"):
            return None
        return None if tree.kids(head, "dobj", "nsubjpass", "auxpass") else head

    def object_controller(self, clause: int) -> int | None:
        """The object of the verb an infinitive complements, which does the infinitive's act
        ("forced villagers to leave", "ordered troops to fire": `object_control` verbs; not
        "promised Iraq to deliver grain", "used a Taser to arrest him")."""
        tree, head = self.tree, self.tree.head(clause)
        if tree.dep(clause) != "xcomp" or head == clause or tree.pos(head) != "VERB":
            return None
        controllers = [o for o in tree.kids(head, "dobj") if o != clause]
        if not controllers or not self.is_word(head, "object_control"):
            return None
        return controllers[0]

    def without_own_forces(self, found: Found) -> list[Span]:
        """An act's targets, less the doer's own forces it moves (`own_forces_codes`)."""
        if not found.code.startswith(tuple(self.words["own_forces_codes"])):
            return found.targets
        return [t for t in found.targets if not self.armed_forces(t)]

    def armed_forces(self, span: Span) -> bool:
        """Whether a side is armed forces named by their noun ("sent warships to the Gulf",
        "deployed troops along the border", "pulled back their armies": `force_nouns`): in a
        show of force or a withdrawal they are the doer's own means, not whom it is aimed at."""
        tree = self.tree
        last = [i for i in range(len(tree)) if tree.tokens[i][1] == span.end]
        return not tree.named(span) and any(self.is_word(i, "force_nouns") for i in last)

    def misread_subjects(self, verb: int) -> list[int]:
        """A name before a verb with no subject, parsed as its adverbial noun: the small model
        reads "Beijing massed troops" so (npadvmod)."""
        tree = self.tree
        if tree.kids(verb, "nsubjpass", "expl"):
            return []
        names = [n for n in tree.kids(verb, "npadvmod") if n < verb and n in tree.mention_at]
        return [n for n in names if tree.mention_at[n].label in ACTOR_LABELS]

    def objects(
        self, i: int, skip: int | None = None, adjectives: Collection[str] = ()
    ) -> list[Span]:
        """The actors an action is done to: object, dative, target prepositions; the subject
        of a predicate adjective the matched pattern names (``adjectives``)."""
        tree = self.tree
        heads = [o for o in tree.kids(i, "dobj", "dative", "iobj") if o != skip]
        # "found X guilty", parsed as a clause on the adjective: X is whom it is done to
        # (not "X denied Y was ready": no pattern names "ready")
        named = [c for c in tree.kids(i, "ccomp") if tree.pos(c) == "ADJ"]
        heads += [s for c in named if tree.lemma(c) in adjectives for s in tree.kids(c, "nsubj")]
        heads += [o for _, o in tree.prep_objects(i, self.words["target_preps"])]
        found = [a for h in heads for a in tree.object_actors(h)]
        if not any(tree.named(a) for a in found):  # "mobilized reservists for a war against X"
            deeper = [a for _, o in tree.prep_objects(i, ("for",)) for a in tree.object_actors(o)]
            found += [a for a in deeper if tree.named(a)]
        if not any(tree.named(a) for a in found):  # "lift the sanctions imposed on Iraq"
            found += [a for h in heads for a in self.participle_targets(h) if tree.named(a)]
        if not any(tree.named(a) for a in found):  # "allowed X to run": X
            found += [a for a in self.controlled(i) if tree.named(a)]
        return self.prefer_named(found)

    def participle_targets(self, noun: int) -> list[Span]:
        """Whom a participle or relative clause on an object names ("the sanctions imposed
        on Iraq", "the embargo it had imposed on Yugoslavia": Iraq, Yugoslavia)."""
        tree, preps = self.tree, self.words["target_preps"]
        participles = [p for p in tree.kids(noun, "acl") if tree.tokens[p][4] == "VBN"]
        clauses = [r for r in tree.kids(noun, "relcl") if tree.pos(r) == "VERB"]
        participles += [r for r in clauses if self.object_relative(r)]
        return [
            a for p in participles for _, o in tree.prep_objects(p, preps) for a in tree.actors(o)
        ]

    def object_relative(self, clause: int) -> bool:
        """Whether a relative clause is about its noun as its verb's object ("the embargo
        it had imposed": a subject of its own, no relative word), not as its subject ("the
        pirates, who were handed over to Kenya")."""
        subjects = self.tree.kids(clause, "nsubj", "nsubjpass")
        return bool(subjects) and not any(self.tree.lemma(s) in RELATIVES for s in subjects)

    def controlled(self, verb: int) -> list[Span]:
        """The actors an infinitive under ``verb`` is about, parsed as that clause's subject:
        "allowed X to take part", "forced X to resign"."""
        tree = self.tree
        clauses = [c for c in tree.kids(verb, "ccomp", "xcomp") if tree.is_infinitive(c)]
        return [a for c in clauses for s in tree.kids(c, "nsubj") for a in tree.actors(s)]

    def prefer_named(self, spans: list[Span]) -> list[Span]:
        """Named actors when there are any, else the bare nouns."""
        named = [a for a in spans if self.tree.named(a)]
        return named or spans

    def speaker(self, i: int) -> int | None:
        """The speech verb whose reported clause holds ``i`` ("X said that ..."), if any."""
        tree, node = self.tree, i
        for _ in range(6):
            if tree.dep(node) in ("ROOT",) or tree.head(node) == node:
                return None
            parent = tree.head(node)
            if tree.dep(node) in ("ccomp", "parataxis") and self.is_word(parent, "speech"):
                return parent
            node = parent
        return None

    def speaker_span(self, i: int) -> Span:
        verb = self.speaker(i)
        subjects = self.subjects(verb) if verb is not None else []
        return subjects[0] if subjects else self.tree.token_span(verb if verb is not None else i)

    def pronoun_subject(self, verb: int) -> bool:
        """Whether the verb's doer is a pronoun ("it will support"; not a passive's patient:
        "she was assaulted")."""
        subjects = self.tree.kids(verb, "nsubj")
        return bool(subjects) and self.tree.is_pronoun(subjects[0])

    def is_word(self, i: int, words: str) -> bool:
        """Whether one of the token's forms is in the word list ``words`` (frames.yaml)."""
        return any(form in self.words[words] for form in self.tree.forms(i))

    def according_to(self) -> Span | None:
        """The source a sentence cites: "according to a ministry statement", if any."""
        tree = self.tree
        for i in range(len(tree)):
            if tree.word(i).lower() == "according":
                for to in tree.kids(i, "prep"):
                    for obj in tree.kids(to, "pobj"):
                        found = tree.object_actors(obj)
                        if found:
                            return found[0]
        return None

    def refers_to_pair(self, verb: int, sources: list[Span]) -> bool:
        """ "both ministers", "the two leaders": a subject naming no one but pointing back
        to the two sides named before (the story step finds them)."""
        tree = self.tree
        if any(tree.named(s) for s in sources):
            return False
        for subject in tree.kids(verb, "nsubj", "nsubjpass"):
            words = {
                tree.lemma(w) for w in (subject, *tree.kids(subject, "det", "predet", "nummod"))
            }
            if words & PAIR_WORDS:
                return True
        return False
