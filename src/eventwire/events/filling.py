"""Filling a found event's sources and targets: active, passive and nominal triggers."""

from __future__ import annotations

from eventwire.events.arguments import ArgumentFinder
from eventwire.events.found import Found
from eventwire.events.lexicon import Pattern
from eventwire.model import Span

TOPIC_PREPS = ("on", "about", "over", "regarding", "concerning")  # what a meeting is about


class ActorFiller(ArgumentFinder):
    """Fills found events' actors: subjects, objects, agents of passives."""

    def irregular_doer(self, subject: int) -> bool:
        """Whether a violent act's doer is a lone or irregular one (`irregular_doers`) or a
        person the sentence names ("Durst shot Black"): an assault, not conventional force."""
        mention = self.tree.mention_at.get(subject)
        person = mention is not None and mention.label == "PERSON"
        return person or self.is_word(subject, "irregular_doers")

    def deadly(self, verb: int, code: str) -> bool:
        """Whether an adverb says a violent verb's act was deadly ("fatally shot":
        `fatal_adverbs`; only codes under `fatal_from`)."""
        tree = self.tree
        if tree.pos(verb) != "VERB" or not code.startswith(self.lex.fatal_from):
            return False
        return any(self.is_word(a, "fatal_adverbs") for a in tree.kids(verb, "advmod"))

    def violent_setting(self, verb: int, code: str) -> str | None:
        """ "troops killed 12 guerrillas in a clash", "died in an air strike": violence done in
        an act of violence named by an event noun is that act (the noun's code)."""
        tree = self.tree
        if tree.pos(verb) != "VERB" or not self.is_violent(code):
            return None
        for _, obj in tree.prep_objects(verb, ("in", "during")):
            noun = self.noun_pattern(obj)
            if noun is not None and self.is_violent(noun.code):
                return noun.code
        return None

    def natural_cause(self, span: Span) -> bool:
        """Whether a side is a force of nature, an accident or an illness ("a powerful
        earthquake", "heart attacks"; not "artillery fire": an armed word before the cause
        makes it someone's act)."""
        words = span.text.lower().split()
        last = words[-1] if words else ""
        causes, armed = self.words["natural_causes"], self.words["armed_modifiers"]
        if any(w in armed or w.removesuffix("s") in armed for w in words[:-1]):
            return False
        if " ".join(words[-2:]).removesuffix("s") in self.words["ailments"]:
            return True  # "heart attacks kill ..."
        return not self.tree.named(span) and (last in causes or last.removesuffix("s") in causes)

    def named_sides(self, found: Found) -> set[tuple[int, int]]:
        """The named actors among an event's sources and targets (by characters)."""
        sides = [*found.sources, *found.targets]
        return {(s.start, s.end) for s in sides if self.tree.named(s)}

    def crowd_subject(self, verb: int) -> bool:
        """Whether the verb's subject (its own or the one it inherits) is a crowd."""
        subject = self.subject_word(verb)
        if subject is None:
            return False
        return self.is_crowd(subject)

    def is_crowd(self, word: int) -> bool:
        """Whether a noun names a crowd: "protesters", "a crowd", "thousands of students"
        (not "thousands of troops", nor one "student")."""
        counted = [o for _, o in self.tree.prep_objects(word, ("of",))]
        if counted and self.tree.lemma(word) in self.words["event_heads"]:
            return not self.is_word(counted[0], "armed_modifiers")  # "thousands of troops"
        plural = self.tree.tokens[word][4] in ("NNS", "NNPS")
        collective = plural or self.is_word(word, "collective_crowds")
        return collective and self.is_word(word, "crowd_nouns")

    def populace(self, word: int) -> bool:
        """Whether a noun names a crowd or a people ("Palestinians", "Kurds": a nationality
        in the plural), not officials."""
        plural = self.tree.tokens[word][4] in ("NNS", "NNPS")
        return self.is_crowd(word) or (self.tree.label(word) == "NORP" and plural)

    def armed(self, word: int) -> bool:
        """Whether a noun names armed forces or police (`force_nouns`, `police_nouns`)."""
        return self.is_word(word, "force_nouns") or self.is_word(word, "police_nouns")

    def represses(self, verb: int) -> bool:
        """Whether armed forces or police (`force_nouns`, `police_nouns`) do violence aimed
        at a crowd, the verb's object ("fired on the protesters", "beat demonstrators"); not
        at people where they live or pass (``bystanders``: "aircraft killed 12 villagers" is
        force, not repression)."""
        subject = self.subject_word(verb)
        if subject is None or not self.armed(subject):
            return False
        tree = self.tree
        aimed = tree.kids(verb, "dobj") + [
            o for _, o in tree.prep_objects(verb, tuple(self.words["repression_preps"]))
        ]
        return any(self.is_crowd(o) and not self.bystanders(o) for o in aimed)

    def bystanders(self, word: int) -> bool:
        """Whether a crowd is people where they live or pass (`bystanders`), not gathered or
        protesting: "villagers", "residents fleeing the fighting"; not "villagers who had
        gathered", "residents protesting" (an `assembly_verbs` or protest verb on them)."""
        clauses = self.tree.kids(word, "acl", "relcl")
        gathered = any(self.is_word(c, "assembly_verbs") or self.protests(c) for c in clauses)
        return self.is_word(word, "bystanders") and not gathered

    def protests(self, verb: int) -> bool:
        """Whether a verb has a protest pattern (CAMEO 14, or a complaint a crowd makes)."""
        codes = [p.code for p in self.verb_patterns(verb)]
        codes += [self.lex.crowd_codes[c] for c in codes if c in self.lex.crowd_codes]
        return any(c.startswith(self.lex.protest_root) for c in codes)

    def subject_word(self, verb: int) -> int | None:
        """The head word of the verb's subject, its own or the one it inherits (in the
        passive voice, its "by" agent: "attacked by demonstrators")."""
        tree, node = self.tree, verb
        for _ in range(4):
            subjects = tree.kids(node, "nsubj")
            if tree.kids(node, "nsubjpass"):
                subjects = [o for _, o in tree.prep_objects(node, ("by",))]
            if (
                subjects
                and tree.lemma(subjects[0]) in ("who", "which")
                and tree.dep(node) == "relcl"
            ):
                return tree.head(node)  # "Kenyan troops, who attacked the village": the troops
            if subjects:
                return subjects[0]
            if tree.dep(node) not in ("xcomp", "advcl", "conj") or tree.head(node) == node:
                return None
            controller = self.object_controller(node)
            if controller is not None:
                return controller  # "forced villagers to leave": the villagers leave
            node = tree.head(node)
        return None

    def fill_actors(self, found: Found) -> None:
        """Sources and targets of an event from its trigger's and anchor's dependents."""
        tree, anchor = self.tree, found.anchor
        i = found.holder if found.holder is not None else found.trigger
        nominal = tree.pos(found.trigger) != "VERB"
        if nominal and tree.dep(i) in ("nsubj", "nsubjpass") and anchor != i:
            found.sources = self.modifier_actors(i)
        else:
            found.sources = self.subjects(anchor)
        passive = tree.kids(anchor, "nsubjpass") or self.participle_of(anchor)
        passive = passive or self.shared_passive(anchor) or self.raised_patient(anchor)
        passive = passive or self.parenthetical_participle(anchor)
        adjectives = pattern_adjectives(found.pattern)
        if passive and not nominal:
            self.fill_passive(found, passive, adjectives)
        elif nominal and anchor != i and self.setting_verb(i) == anchor:
            found.targets = []  # "in a meeting with X, Y raised the issue of Z": X only
        elif not (nominal and anchor != i and tree.dep(i) in ("nsubj", "nsubjpass")):
            found.targets = self.objects(anchor, i if nominal else None, adjectives)
        elif tree.dep(i) == "nsubjpass":  # "a lawsuit was filed against X by Y"
            found.sources = found.sources or self.agents(anchor)
            found.targets = self.objects(anchor, i)
        if nominal:
            self.fill_nominal(found, i)
            self.undergone(found, i)
        if nominal and (against := self.against_modifiers(i)):
            found.sources = [s for s in found.sources if s not in against]
            found.targets = against + [t for t in found.targets if t not in against]
        if not any(tree.named(t) for t in found.targets):
            found.targets = self.purpose_targets(anchor, i) or found.targets
        if not any(tree.named(t) for t in found.targets):
            found.targets = self.reason_targets(anchor, i) or found.targets
        found.targets = [t for t in found.targets if t not in found.sources]
        found.targets = self.without_own_forces(found)
        if found.symmetric and sum(tree.named(s) for s in found.sources) > 1:
            topics = self.topics(found, i)  # "X and Y resumed negotiations on Hong Kong"
            found.targets = [t for t in found.targets if t not in topics]
        posture = int(found.code[:2]) == self.lex.roots["posture"]
        if posture and not any(tree.named(t) for t in found.targets):
            found.targets = self.across_border(anchor) or found.targets

    def topics(self, found: Found, i: int) -> list[Span]:
        """The actors a meeting's topic phrase names ("talks on the future of Hong Kong"):
        what the sides met about, not a side."""
        tree = self.tree
        holders = {i, found.trigger, found.anchor}
        phrases = [o for h in holders for _, o in tree.prep_objects(h, TOPIC_PREPS)]
        return [a for o in phrases for a in tree.object_actors(o)]

    def across_border(self, verb: int) -> list[Span]:
        """The named country a border, coast or waters beside a verb belongs to or faces
        (`border_nouns` after `border_preps`: "near the Vietnamese border", "along its border
        with Congo"), not the doer's own."""
        tree, preps = self.tree, tuple(self.words["border_preps"])
        # "massed troops near the border", "moved troops closer to its border with X"
        holders = [verb, *tree.kids(verb, "dobj", "advmod")]
        places = [o for h in holders for _, o in tree.prep_objects(h, preps)]
        places = [o for o in places if self.is_word(o, "border_nouns")]
        found = [a for o in places for a in tree.object_actors(o) if tree.named(a)]
        return [a for a in found if a not in self.subjects(verb)]

    def fill_passive(self, found: Found, passive: list[int], adjectives: frozenset[str]) -> None:
        """A passive verb's actors: its subject the target, its by-agent (or whoever ordered
        it done) the source; a thing the pattern names leaves the target to the verb's target
        prepositions ("two grenades were thrown at soldiers")."""
        tree, anchor = self.tree, found.anchor
        found.targets = self.prefer_named([a for p in passive for a in tree.object_actors(p)])
        found.sources = self.agents(anchor) or self.orderers(anchor)
        aimed = self.objects(anchor, adjectives=adjectives)
        if aimed and self.names_the_thing(found.pattern, passive):  # "thrown at X"
            found.targets = aimed

    def orderers(self, verb: int) -> list[Span]:
        """Who had a participle's act done: the subject of the active verb it completes ("the
        court ordered X released": the court)."""
        tree, head = self.tree, self.tree.head(verb)
        if tree.dep(verb) not in ("xcomp", "oprd", "ccomp") or head == verb:
            return []
        if tree.tokens[verb][4] != "VBN" or tree.kids(verb, "aux", "auxpass"):
            return []
        return [] if tree.kids(head, "nsubjpass") else self.subjects(head)

    def names_the_thing(self, pattern: Pattern | None, passive: list[int]) -> bool:
        """Whether a passive subject is the thing a pattern's object names ("two grenades
        were thrown at soldiers", "a curfew was imposed on the town"), not whom it was done
        to: the target is then what the verb's target prepositions name."""
        if pattern is None or not pattern.objects or pattern.any_actor:
            return False
        tree = self.tree
        if any(tree.named(a) for p in passive for a in tree.object_actors(p)):
            return False  # "two Kenyan pirates were captured": people it was done to
        fits = [any(self.noun_fits(p, e) for e in pattern.objects) for p in passive]
        return bool(fits) and all(fits)

    def shared_passive(self, verb: int) -> list[int]:
        """The passive subject a participle shares with the verb it is coordinated with ("was
        shot and killed": killed's patient is shot's)."""
        tree, head = self.tree, self.tree.head(verb)
        if tree.dep(verb) != "conj" or tree.tokens[verb][4] != "VBN" or head == verb:
            return []
        if tree.kids(verb, "nsubj", "nsubjpass"):
            return []
        return tree.kids(head, "nsubjpass") or self.participle_of(head)  # "found bound and"

    def raised_patient(self, verb: int) -> list[int]:
        """The patient of a passive infinitive under a raising verb, which is the raising
        verb's subject ("X appeared to have been strangled", "X is believed to have been
        kidnapped": `raising_verbs`)."""
        tree, head = self.tree, self.tree.head(verb)
        if tree.dep(verb) != "xcomp" or head == verb or not tree.kids(verb, "auxpass"):
            return []
        if not self.is_word(head, "raising_verbs"):
            return []
        return tree.kids(head, "nsubj", "nsubjpass")

    def agents(self, verb: int) -> list[Span]:
        """The actors a passive verb's by-phrase names, or its coordinated verb's ("was shot
        and killed by police": the police shot too)."""
        tree = self.tree
        sides = [verb, *tree.kids(verb, "conj")]
        if tree.dep(verb) == "conj" and tree.head(verb) != verb:
            sides.append(tree.head(verb))
        for side in sides:
            found = [a for _, o in tree.prep_objects(side, ("by",)) for a in tree.actors(o)]
            if found:
                return found
        return []

    def parenthetical_participle(self, verb: int) -> list[int]:
        """The noun a participle set off by commas describes, which the small model tags as a
        past tense with that noun for its subject ("Dalton, shot in the neck, remained ..."
        parsed as Dalton -> shot): no lone comma parts a subject from its own verb; a verb
        with an object is active. (Parsed as a modifier of the noun, the same participle is
        ``coder.predicated``'s; a VBN is ``participle_of``'s.)"""
        tree = self.tree
        if tree.tokens[verb][4] != "VBD" or tree.kids(verb, "dobj", "aux"):
            return []
        subjects = tree.kids(verb, "nsubj")
        comma = verb - 1
        if len(subjects) != 1 or subjects[0] != comma - 1 or tree.word(comma) != ",":
            return []
        closed = any(k > verb and tree.word(k) == "," for k in tree.kids(verb))
        return subjects if closed else []

    def participle_of(self, verb: int) -> list[int]:
        """The patient of a past participle with no auxiliary: the noun it describes, or
        the subject the small model gives a reduced relative ("two Americans killed in an
        ambush were ...": the Americans were killed); else none."""
        tree, head = self.tree, self.tree.head(verb)
        if tree.tokens[verb][4] != "VBN" or tree.kids(verb, "aux", "auxpass"):
            return []
        if tree.dep(verb) == "acl" and head != verb and tree.pos(head) in ("NOUN", "PROPN"):
            return [head]
        if tree.dep(verb) in ("xcomp", "oprd") and head != verb and not tree.kids(verb, "nsubj"):
            return tree.kids(head, "nsubjpass", "dobj")  # "X was ordered held", "ordered X held"
        return tree.kids(verb, "nsubj")


def pattern_adjectives(pattern: Pattern | None) -> frozenset[str]:
    """The lemmas a verb pattern names as its object (a predicate adjective among them:
    "find guilty")."""
    return frozenset(e.head for e in pattern.objects) if pattern is not None else frozenset()
