"""Events stated by nouns: their agents, recipients and the names modifying them."""

from __future__ import annotations

from eventwire.events.arguments import ArgumentFinder
from eventwire.events.found import BACKGROUND_PREPS, Found
from eventwire.events.tree import ANTI
from eventwire.model import Span

# What modifies a noun in front of it ("US drone strikes": US -> drone -> strikes).
MODIFIER_DEPS = frozenset({"compound", "amod"})
# Prepositions by which an event noun names whom it is for or aimed at ("aid to X", "support
# for X", "sanctions on X", "an attack against X").
RECIPIENT_PREPS = ("to", "for", "on", "against")
CONSULT_ROOT = "04"  # meetings, talks, calls: a setting "with X" names the other side


class NominalEvents(ArgumentFinder):
    """The actors of a sentence's event nouns."""

    def nominal_event(self, i: int) -> bool:
        """An event noun states an event when a verb carries it ("held talks"), it names who
        meets ("talks between X and Y"), it happens ("the talks concluded") or an actor
        modifies it ("Palestinian riots")."""
        tree, head = self.tree, self.tree.head(i)
        dep = tree.dep(i)
        if dep == "pobj" and tree.lemma(head) in BACKGROUND_PREPS:
            return False  # "after bloody clashes": the setting of the sentence's event
        if self.setting_verb(i) is not None:
            return True  # "in a telephone conversation with X, Y said ..."
        if tree.prep_objects(i, ("between",)):
            return True
        if dep in ("dobj", "conj") and self.is_light(head):
            return True
        if dep == "nsubjpass" and self.is_light(head):
            return True  # "charges were filed against X", "talks were held"
        if dep == "dobj" and self.is_word(head, "deliberation_verbs"):
            return True  # "is weighing legal action": an act to come (frames.deliberated)
        if self.carried_conjunct(i) is not None:
            return True  # "making accusations and threats": threats are made too
        if dep == "pobj" and self.carries(tree.head(head), head):
            return True
        if dep in ("nsubj", "nsubjpass") and self.is_word(head, "event_subject_verbs"):
            return True
        if dep == "nsubj" and self.going_on(head):
            return True  # "an inquiry is under way"
        if self.nominal_agents(i) and self.doing_participles(i) and self.patient_named(i):
            return True  # "a general strike called by the opposition paralysed the capital"
        if any(self.is_word(p, "host_verbs") for p in tree.kids(i, "acl")):
            return True  # "the talks, mediated by Kenya, ...": held (its host codes apart)
        modifiers = tree.kids(i, "amod", "poss", "compound")
        if dep in ("nsubj", "ROOT") and any(m in tree.mention_at for m in modifiers):
            return True
        return self.between_named(i, modifiers)

    def setting_verb(self, noun: int) -> int | None:
        """The verb a meeting noun sets the scene of, when the noun names whom the verb's
        subject met ("In a telephone conversation with Chirac, Putin discussed ...", "during
        talks with X in Cairo, Y agreed ..."): the meeting is the subject's with X."""
        tree = self.tree
        prep = tree.head(noun)
        if tree.dep(noun) != "pobj" or tree.lemma(prep) not in ("in", "during"):
            return None
        verb = tree.head(prep)
        if tree.pos(verb) != "VERB" or verb == prep or not self.subjects(verb):
            return None
        patterns = self.lex.noun_patterns.get(tree.lemma(noun), ())
        meeting = any(p.symmetric and p.code.startswith(CONSULT_ROOT) for p in patterns)
        partners = [a for _, o in tree.prep_objects(noun, ("with",)) for a in tree.actors(o)]
        return verb if meeting and any(tree.named(a) for a in partners) else None

    def going_on(self, verb: int) -> bool:
        """Whether a verb of state says its subject is going on ("is underway", "remains
        under way", "is in progress": `happening_words`)."""
        tree = self.tree
        if not self.is_word(verb, "state_verbs"):
            return False
        said = [tree.lemma(c).lower() for c in tree.kids(verb, "acomp", "advmod")]
        said += [f"{p} {tree.lemma(o)}" for p, o in tree.prep_objects(verb, ("under", "in"))]
        return bool(set(said) & self.words["happening_words"])

    def carried_conjunct(self, noun: int) -> int | None:
        """The light verb that carries a noun's first conjunct as its object ("making
        accusations and threats": making carries threats too), if any."""
        tree, head = self.tree, self.tree.head(noun)
        if tree.dep(noun) != "conj" or tree.pos(head) not in ("NOUN", "PROPN") or head == noun:
            return None
        verb = tree.head(head)
        if tree.dep(head) == "dobj" and tree.pos(verb) == "VERB" and self.is_light(verb):
            return verb
        return None

    def verb_recipients(self, noun: int) -> list[Span]:
        """The named actors whom the verb carrying an event noun as its object names it for
        ("brings U.S. food aid to North Korea", the phrase parsed onto the verb)."""
        tree = self.tree
        if tree.dep(noun) != "dobj":
            return []
        return self.named_recipients(tree.head(noun))

    def named_recipients(self, word: int) -> list[Span]:
        """The named actors of a word's phrases saying whom it is for (`RECIPIENT_PREPS`)."""
        tree = self.tree
        objects = [o for _, o in tree.prep_objects(word, RECIPIENT_PREPS)]
        return [a for o in objects for a in tree.actors(o) if tree.named(a)]

    def between_named(self, i: int, modifiers: list[int]) -> bool:
        """ "total U.S. food aid to North Korea", "Chinese support for Iran": an event noun
        that names both sides, a named actor modifying it and another in its phrase saying
        whom it is for or aimed at (`RECIPIENT_PREPS`), states the event wherever it stands."""
        tree = self.tree
        doers = [m for m in modifiers if m in tree.mention_at and tree.actors(m)]
        if not doers:
            return False
        return bool(self.named_recipients(i) or self.verb_recipients(i))

    def armed_doer(self, i: int, anchor: int) -> bool:
        """Whether a state's armed forces do the act (`force_nouns`): the subject's head
        word, or the head of the by-phrase on an event noun ("attacks by Hun Sen's troops")."""
        tree = self.tree
        doers = [w] if (w := self.subject_word(anchor)) is not None else []
        if tree.pos(i) != "VERB":
            doers += self.by_phrase_heads(i)
        return any(self.is_word(d, "force_nouns") for d in doers)

    def nominal_agents(self, i: int) -> list[Span]:
        """The actors an event noun's by-phrase names ("the killing of a teenager by police"),
        also when the small model hangs it on the of-phrase ("the arrest of ten fishermen
        by Peruvian police")."""
        return [a for o in self.by_phrase_heads(i) for a in self.tree.actors(o)]

    def by_phrase_heads(self, i: int) -> list[int]:
        """The heads of an event noun's by-phrase, on the noun, on its of-phrase or on a
        participle of doing after it ("a general strike called by the opposition", "aid
        supplied by the World Food Programme": `agent_participles`)."""
        tree = self.tree
        holders = [i, *(o for _, o in tree.prep_objects(i, ("of",))), *self.doing_participles(i)]
        return [o for h in holders for _, o in tree.prep_objects(h, ("by",))]

    def patient_named(self, noun: int) -> bool:
        """Whether a noun done to someone names whom in its of-phrase ("the release of the
        hostages"; not "a news release"), or is no such noun."""
        tree = self.tree
        patterns = self.lex.noun_patterns.get(tree.lemma(noun), ())
        return not any(p.of_patient for p in patterns) or bool(tree.prep_objects(noun, ("of",)))

    def doing_participles(self, noun: int) -> list[int]:
        """The past participles after a noun that say who did it (`agent_participles`:
        "called by", "organised by"; not "condemned by", whose agent only judged it)."""
        tree = self.tree
        participles = [p for p in tree.kids(noun, "acl") if tree.tokens[p][4] == "VBN"]
        return [p for p in participles if self.is_word(p, "agent_participles")]

    def undergone(self, found: Found, noun: int) -> None:
        """ "X faces trial", "received a life sentence", "suffered an attack by Y": an event
        noun a verb of undergoing carries is done to the verb's subject (`undergo_verbs`),
        by whom its from- or by-phrase or a name in front of the noun says."""
        tree, anchor = self.tree, found.anchor
        prep = tree.head(noun)
        held = tree.dep(noun) == "pobj" and (
            self.held_under(anchor, prep) or self.met_with(anchor, prep)
        )
        if anchor == noun or not (self.is_word(anchor, "undergo_verbs") or held):
            return
        patients = self.subjects(anchor)
        phrases = [o for v in (anchor, noun) for _, o in tree.prep_objects(v, ("from", "by"))]
        agents = [a for o in phrases for a in tree.actors(o)]
        modifiers = self.modifier_actors(noun)
        found.sources = [a for a in agents or modifiers if a not in patients]
        found.targets = patients + [t for t in found.targets if t not in patients]

    def modifier_actors(self, noun: int) -> list[Span]:
        """The actors an event noun's own modifiers name ("Israeli raids", "Iran's threat")."""
        tree = self.tree
        return [
            a
            for m in tree.kids(noun, "amod", "poss", "compound")
            if m in tree.mention_at
            for a in tree.actors(m)
        ]

    def modifier_names(self, i: int) -> list[Span]:
        """The names in front of an event noun, through the modifiers' own modifiers ("US
        drone strikes"); failing an entity, proper nouns the entity model did not tag ("US
        Predator attacks": the story step keeps those that name a country)."""
        tree = self.tree
        words = sorted(set(tree.subtree(i, MODIFIER_DEPS)) - {i})
        named = [w for w in words if w in tree.mention_at]
        if named:
            return self.prefer_named([a for w in named for a in tree.actors(w)])
        return [tree.token_span(w) for w in words if tree.pos(w) == "PROPN"]

    def fill_nominal(self, found: Found, i: int) -> None:
        """An event noun's actors: whom it is for, sides "between" it names, modifiers and
        agents as its source, its of-phrase as the patient."""
        tree, anchor = self.tree, found.anchor
        found.targets += self.objects(i)
        pairs = [p for t in {i, found.trigger} for p in tree.prep_objects(t, ("between",))]
        pairs += tree.prep_objects(anchor, ("between",)) if anchor != i else []
        between = [a for _, o in pairs for a in tree.actors(o)]
        if between:
            found.symmetric = True
            if found.sources:
                found.targets += between
            else:
                found.sources, found.targets = between[:1], between[1:]
        if not found.sources:
            found.sources = self.modifier_actors(i)
        agents = self.nominal_agents(i)
        if not found.sources:  # "the arrest of ten fishermen by Peruvian police"
            found.sources = agents
        patient_of = agents or (found.pattern is not None and found.pattern.of_patient)
        if patient_of and not any(tree.named(t) for t in found.targets):  # "of": the patient
            found.targets += [
                a for _, o in tree.prep_objects(i, ("of",)) for a in tree.object_actors(o)
            ]
        if not found.sources:  # "US drone strikes": US -> drone -> strikes
            found.sources = self.modifier_names(i)

    def after_anti(self, first: int) -> bool:
        """Whether "anti-" is written just before the mention starting at token ``first`` or
        begins it (the tokeniser splits "anti-Iraq" into three tokens or keeps one)."""
        tree = self.tree
        end = min(first + 2, len(tree.tokens))
        starts = (max(0, first - 2), first)
        return any(ANTI.match("".join(tree.word(k) for k in range(s, end))) for s in starts)

    def against_modifiers(self, i: int) -> list[Span]:
        """ "an anti-Iraq naval blockade", "anti-American protests": a name written after
        "anti-" in front of an event noun is whom the act is aimed at, not its doer."""
        tree, found = self.tree, []
        for modifier in tree.kids(i, "amod", "compound", "nmod"):
            mention = tree.mention_at.get(modifier)
            if mention is None:
                continue
            first = min(k for k, m in tree.mention_at.items() if m is mention)
            if self.after_anti(first):
                found += [a for a in tree.actors(modifier) if a not in found]
        return found
