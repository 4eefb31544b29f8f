"""Frames ("threatened to", "refused to", "demanded that") and the modality and negation
of the acts they hold."""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from eventwire.events.arguments import ArgumentFinder
from eventwire.events.found import Found
from eventwire.events.lexicon import Pattern
from eventwire.events.tree import DATE_LABELS
from eventwire.model import Span

REASON_PREPS = ("of", "against", "at", "over", "to", "for")  # "in protest at X's ..."
COMPLEMENT_DEPS = (
    "xcomp",
    "ccomp",
    "dobj",
    "prep",
    "pobj",
    "acl",
    "relcl",
    "advcl",
    "conj",
    "compound",
    "pcomp",  # "vowed to avenge X by attacking Y"
)
CEASED_DEPS = frozenset({"xcomp", "dobj", "ccomp"})  # what a verb of ceasing stops
# Prepositions by which a verb carries a frame noun ("agreed on the need", "called for a demand").
FRAME_NOUN_PREPS = frozenset({"on", "upon", "for", "about", "to", "with"})


class FrameCoder(ArgumentFinder):
    """Codes frames by the act inside them; sets negation and modality flags."""

    def answers(self, verb: int) -> bool:
        """Whether a verb carrying a frame noun answers it ("dismissed an appeal", "accepted
        the demands", "bowed to the demands"): a refusal, or a pattern of its own naming the
        noun as its object or its preposition's."""
        if self.refuses(verb):
            return True
        pattern = self.match(verb)
        return pattern is not None and bool(pattern.objects or pattern.prep_objects)

    def refuses(self, i: int) -> bool:
        """Whether verb ``i`` refuses (a refusal frame, or a REJECT pattern)."""
        if self.frame_kind(i) == "refuse":
            return True
        return any(p.code.startswith("12") for p in self.verb_patterns(i))

    def carries(self, verb: int, prep: int) -> bool:
        """Whether a verb carries the event noun after its preposition: a light verb ("has
        been in talks"), an outcome ("led to the arrest": outcome_verbs), or a journey for or
        on it ("flew to Damascus for talks", "left on a visit": frames.yaml motion_verbs)."""
        if self.is_light(verb) or self.held_under(verb, prep) or self.met_with(verb, prep):
            return True
        if self.tree.lemma(prep) == "to" and self.is_word(verb, "outcome_verbs"):
            return True  # "led to the arrest of X"
        return self.tree.lemma(prep) in ("for", "on") and self.is_word(verb, "motion_verbs")

    def met_with(self, verb: int, prep: int) -> bool:
        """Whether a verb meets with what its preposition names ("met with criticism")."""
        return self.tree.lemma(prep) == "with" and self.is_word(verb, "reaction_verbs")

    def held_under(self, verb: int, prep: int) -> bool:
        """Whether a verb of state holds its subject under the act its preposition's event
        noun names ("are under arrest", "came under attack": `undergo_preps`)."""
        return self.is_word(prep, "undergo_preps") and self.is_word(verb, "state_verbs")

    def is_light(self, i: int) -> bool:
        """Whether ``i`` is a verb that carries an event noun ("held talks"; "faces trial":
        one done to its subject, `undergo_verbs`)."""
        return self.is_word(i, "light_verbs") or self.is_word(i, "undergo_verbs")

    def frame_kind(self, i: int) -> str | None:
        """The frame a token opens (threat, refuse, intent, demand, appeal), if any."""
        tree, lemma, pos = self.tree, self.tree.lemma(i), self.tree.pos(i)
        if pos not in ("VERB", "ADJ", "NOUN"):
            return None
        if pos == "VERB":
            for form in tree.forms(i):
                if form in self.lex.frame_verbs:
                    return self.lex.frame_verbs[form]
        if pos == "VERB" and lemma in self.words["wish_verbs"]:
            wished = self.controlled(i) or self.object_controlled(i)
            return "appeal" if wished else None  # "wants Israel to freeze ..."
        if pos == "VERB" and lemma in self.lex.call_verbs:
            if tree.kids(i, "prt"):
                return None  # "called up reservists", "called off the talks"
            preps = [c for c in tree.kids(i, "prep") if not self.dated(c)]
            particles = {tree.lemma(c) for c in preps}
            if particles & {"on", "for", "upon"} or self.for_clauses(i):
                return "appeal"  # "called on X to", "called for X", "called for X to withdraw"
            return None
        if pos == "ADJ" and lemma in self.lex.frame_adjectives and tree.kids(i, "xcomp", "prep"):
            return self.lex.frame_adjectives[lemma]
        if pos == "NOUN" and lemma in self.lex.frame_nouns and self.frame_noun_verb(i) is not None:
            return self.lex.frame_nouns[lemma]
        return None

    def object_controlled(self, verb: int) -> list[Span]:
        """The named object an infinitive under ``verb`` is about, parsed as the verb's object
        ("would like the FCC to start over": like -> dobj FCC, xcomp start)."""
        tree = self.tree
        if not any(tree.is_infinitive(c) for c in tree.kids(verb, "xcomp")):
            return []
        return [a for o in tree.kids(verb, "dobj") for a in tree.actors(o) if tree.named(a)]

    def vows(self, verb: int) -> bool:
        """Whether a verb of swearing vows an act: active, no particle, a to-infinitive before
        any prepositional phrase ("swore to fight on"; not "was sworn in to serve", nor "swore
        at reporters to make a point", whose infinitive is a purpose)."""
        tree = self.tree
        if tree.kids(verb, "prt", "auxpass", "nsubjpass"):
            return False
        infinitives = [c for c in tree.kids(verb, "xcomp", "advcl") if tree.is_infinitive(c)]
        preps = tree.kids(verb, "prep")
        return any(not any(p < c for p in preps) for c in infinitives)

    def dated(self, prep: int) -> bool:
        """Whether a preposition only gives a date ("on Sunday")."""
        objects = self.tree.kids(prep, "pobj")
        return bool(objects) and all(self.tree.is_time(o, DATE_LABELS) for o in objects)

    def frame_noun_verb(self, i: int) -> int | None:
        """The verb a frame noun hangs on ("stressed the need", "agreed on the need")."""
        tree, head = self.tree, self.tree.head(i)
        if tree.dep(i) == "dobj" and tree.pos(head) == "VERB":
            return head
        carried = tree.lemma(head) in FRAME_NOUN_PREPS  # not "of critical importance, X gave"
        if tree.dep(i) == "pobj" and carried and tree.pos(tree.head(head)) == "VERB":
            return tree.head(head)
        return None

    def reframe(self, found: Found, kind: str, targets: list[Span]) -> None:
        """The event as the frame ``kind`` around it (a will-clause is an intent or threat)."""
        found.code = self.lex.frames[kind].code_for(found.code)
        found.targets = targets or found.targets
        found.symmetric = False

    def decrease(self, i: int, inner: int | None, complement: list[int]) -> bool:
        """Whether a refusal verb says a quantity fell: no act inside it, no object, and an
        amount for its subject or the noun it describes ("sales declined", "in declining health":
        ``quantity_nouns``; not "Iran declined")."""
        tree = self.tree
        if tree.pos(i) != "VERB" or inner is not None or complement or tree.kids(i, "dobj"):
            return False
        described = [tree.head(i)] if tree.dep(i) == "amod" else []  # "declining sales"
        amounts = tree.kids(i, "nsubj") + described
        return any(self.is_word(s, "quantity_nouns") for s in amounts)

    def silent(self, verb: int) -> bool:
        """Whether a refused act is speaking: "declined to comment", "declined comment", "to
        say", "to discuss the matter" (a talking verb with no one to talk with and no named
        actor to talk about: ``talk_verbs``); not answering a demand or an appeal ("refused to
        respond to a demand from X": a refusal)."""
        if self.is_word(verb, "silence_verbs"):
            asked = [o for _, o in self.tree.prep_objects(verb, ("to",))]
            return not any(self.frame_kind(o) in ("demand", "appeal") for o in asked)
        if not self.is_word(verb, "talk_verbs"):
            return False
        tree = self.tree
        topics = tree.kids(verb, "dobj")
        if any(tree.prep_objects(t, ("with", "to")) for t in [verb, *topics]):
            return False  # someone to talk with ("a ceasefire with the rebels")
        return not any(tree.named(a) for t in topics for a in tree.actors(t))

    def frame_event(self, i: int, triggers: dict[int, Pattern], consumed: set[int]) -> Found | None:
        """The event a frame opens, coded from the action inside it."""
        tree, kind = self.tree, self.frame_kind(i)
        assert kind is not None
        anchor = self.frame_noun_verb(i) if tree.pos(i) == "NOUN" else i
        assert anchor is not None
        if tree.pos(i) == "ADJ":
            anchor = tree.head(i) if tree.pos(tree.head(i)) in ("VERB", "AUX") else i
        if self.describing_participle(i):
            return None  # "a planned visit", "the trip, originally planned for May"
        inner = self.inner_trigger(i, triggers)
        complement = [c for c in tree.kids(i, "xcomp", "ccomp") if tree.pos(c) == "VERB"]
        plain = inner is None and kind == "intent" and tree.lemma(i) in self.lex.verb_patterns
        if plain and not complement:
            return None  # "X and Y agreed": the plain verb's own pattern codes it
        given = self.match(i) if kind == "intent" and tree.pos(i) == "VERB" else None
        if given is not None and given.code in self.words["given_acts"]:
            return None  # "offered his sincere apologies": the apology is made
        if self.is_word(i, "infinitive_frame_verbs") and not self.vows(i):
            return None  # "was sworn in", "swore at reporters", "swore that ...": no frame
        inner_code = triggers[inner].code if inner is not None else None
        ceased = kind in ("appeal", "demand") and inner is not None and self.ceased(inner, i)
        if ceased and inner_code and self.lex.is_violent(inner_code):
            inner_code = self.lex.cessation_code  # "called for Israel to stop attacking Gaza"
        inner_root = int(inner_code[:2]) if inner_code else 0
        harmful = inner_root >= self.lex.roots["harm"]
        infinitives = [c for c in complement if tree.dep(c) == "xcomp"]  # not "agree that"
        declined = kind == "intent" and any(tree.kids(c, "neg") for c in infinitives)
        withheld = kind == "intent" and not harmful and self.flatly_negated(anchor)
        if withheld:
            kind = "refuse"  # "Canada won't commit more troops", "did not agree to": refusals
        if declined and not harmful:
            kind = "refuse"  # "vowed not to return the Golan Heights": a refusal
        elif declined:
            inner_code = None  # "agreed not to attack each other": a plain intent, no threat
        elif kind == "intent" and harmful:
            kind = "threat"  # "vowed to attack X": an intent to do harm is a threat
        code = self.lex.frames[kind].code_for(inner_code)
        if kind == "refuse" and (self.decrease(i, inner, complement) or self.measured(i, False)):
            return None  # "sales declined", "the index declined 10 points": no one refused
        wronged = tree.pos(i) == "VERB" and inner is None and not complement
        done = tree.kids(i, "dobj")
        done += [
            o
            for d in done
            if tree.lemma(d) in self.words["event_heads"]
            for _, o in tree.prep_objects(d, ("of",))
        ]
        if wronged and any(self.is_word(o, "wrongdoings") for o in done):  # "a series of crimes"
            return None  # "committed the crimes", "a crime he did not commit": no intent
        if kind == "refuse" and inner is None and self.is_word(i, "failure_verbs"):
            return None  # "failed to pursue other leads": a failure, refusing nothing
        if kind == "appeal" and self.questioned(i, complement, inner):
            return None  # "Ebert asked Franklin", "asked about other attacks": a question
        if kind == "demand" and self.asserted_past(i):
            return None  # "insisted that their ship had acted against pirates": a statement
        spoken = [*infinitives, *(tree.kids(i, "dobj") if tree.pos(i) == "VERB" else [])]
        if kind == "refuse" and any(self.silent(c) for c in spoken):
            code = self.lex.silence_code  # "declined to comment": no comment, refusing nothing
        readying = any(form in self.lex.readiness for form in tree.forms(i))
        if readying and inner_root >= self.lex.roots["violence"]:
            code = self.lex.readiness_code  # "prepared to resume shelling": force shown
        planned = self.frame_kind(i) == "intent" and not declined
        if planned and inner_code and inner_root == self.lex.roots["posture"]:
            code = inner_code  # "plans to deploy 5,000 troops": force shown, no threat
        found = Found(i, anchor, code)
        if kind == "intent" and inner is not None:  # "X and Y agreed to cooperate"
            found.symmetric = triggers[inner].symmetric
        found.sources = self.subjects(anchor)
        addressed = self.passive_frame(found, anchor)  # "X was urged by Y to ..."
        inner_event = None
        if inner is not None:
            consumed.add(inner)
            inner_event = self.trigger_event(inner, triggers[inner])
            if inner_event is not None:
                found.targets = inner_event.targets
                if kind in ("demand", "appeal"):  # "demanded that Syria withdraw from X"
                    found.targets = self.asked(inner_event, i) or found.targets
                if kind in ("demand", "appeal") and tree.head(inner) != i:
                    found.targets = found.targets or self.subjects(inner)
                found.negated = inner_event.negated and kind != "refuse" and not declined
        if kind in ("appeal", "demand") and tree.pos(i) == "VERB":
            for addressee in tree.kids(i, "dobj"):  # "urged the rebels to ...": the rebels
                if addressee != inner:
                    found.targets = tree.actors(addressee) or found.targets
            if kind == "appeal":  # "wants Israel to release ...", parsed as its clause's subject
                found.targets = self.controlled(i) or found.targets
        asked = self.asked_for(i)
        if kind == "appeal" and asked:  # "called for Israel to stop attacking Gaza": Israel
            found.targets = asked
        if kind == "appeal" and inner_event is not None and not ceased:
            self.rally(found, i, inner_event)
        for clause in self.demanded_clauses(i, anchor) if kind == "demand" else []:
            if not any(tree.named(t) for t in found.targets):  # "demand that X ..."
                found.targets = self.prefer_named(self.subjects(clause) + found.targets)
        found.targets = [t for t in found.targets if t not in found.sources]
        if not any(tree.named(t) for t in found.targets):  # "threatened action against X"
            clauses = [c for c in tree.kids(i, "xcomp", "ccomp") if tree.pos(c) == "VERB"]
            own = [a for v in (i, *clauses) for a in self.objects(v)]
            found.targets = self.prefer_named(found.targets + own)
        if kind == "threat" and not any(tree.named(t) for t in found.targets):
            found.targets = self.condition_subjects(i) or found.targets
        if addressed and kind in ("appeal", "demand", "threat"):
            found.targets = addressed
        found.targets = [t for t in found.targets if t not in found.sources]
        if kind == "appeal":
            self.on_behalf(found, i)
        if tree.kids(anchor, "neg") and not withheld:
            found.negated = True
        if tree.pos(i) == "NOUN" and any(tree.lemma(d) == "no" for d in tree.kids(i, "det")):
            found.negated = True  # "saw no need for Egypt to mediate"
        found.targets = self.without_own_forces(found)  # "agreed to pull back their forces"
        bound = self.obliged(anchor) if kind == "intent" else []
        if bound:  # "said the US must be ready to mediate": the speaker's demand of the US
            found.code = self.lex.frames["demand"].code_for(inner_code)
            found.targets, found.sources = bound, [self.speaker_span(anchor)]
        return found

    def describing_participle(self, i: int) -> bool:
        """Whether a frame verb is a past participle describing a noun, with no subject of its
        own ("a planned visit", "the trip, originally planned for May", "the long-threatened
        invasion"): it names no act of framing."""
        tree = self.tree
        participle = tree.pos(i) == "VERB" and tree.tokens[i][4] == "VBN"
        own = tree.kids(i, "nsubj", "nsubjpass", "aux", "auxpass", "ccomp", "dobj", "oprd", "agent")
        own += [c for c in tree.kids(i, "advcl") if tree.is_infinitive(c)]  # not "a paper called
        # on Arabs to unite" (a verb the parse misread) nor "urged by China to return"
        return participle and not own and tree.dep(i) in ("amod", "acl", "advcl")

    def demand_reported(self, verb: int, speaker: int) -> bool:
        """Whether a speaker reports someone else must act: not "it", "we" or "I" binding
        the speaker with no one it tells ("the IAEA says it must inspect"); a noun subject or
        a passive is someone else ("the world should impose sanctions", "inspectors must be
        allowed")."""
        doers = self.tree.kids(verb, "nsubj")
        selves = ("self_pronouns", "first_persons")
        binds_itself = any(self.is_word(s, w) for s in doers for w in selves)
        return not binds_itself or bool(self.told(speaker, ()))

    def obliged(self, verb: int) -> list[Span]:
        """Whom a speaker reports must or should do what the verb says (``demanded_of``)."""
        auxiliaries = {self.tree.lemma(a) for a in self.tree.kids(verb, "aux")}
        speaker = self.speaker(verb)
        if not auxiliaries & self.words["obligation"] or speaker is None:
            return []
        return self.demanded_of(verb, speaker)

    def asserted_past(self, i: int) -> bool:
        """Whether a demand verb asserts what was done rather than asking for it: its
        that-clause is in the past ("insisted that their ship had acted"; not "insisted that
        Syria withdraw")."""
        tree = self.tree
        for clause in tree.kids(i, "ccomp"):
            subjects = tree.kids(clause, "nsubj", "nsubjpass")
            if not subjects or self.is_word(clause, "wish_verbs"):
                continue  # "insisted it wanted more done": a demand all the same
            opened = self.marked(clause, {"that"}) or min(tree.subtree(subjects[0])) == i + 1
            if not opened:
                continue  # "demanded the withdrawal ..., diplomats quoted": no clause of it
            auxiliaries = {tree.lemma(a) for a in tree.kids(clause, "aux", "auxpass")}
            tag = tree.tokens[clause][4]
            if tag == "VBD" or ("have" in auxiliaries and tag == "VBN"):
                return True
        return False

    def asked(self, inner: Found, frame: int) -> list[Span]:
        """Whom a demand or appeal asks to act: the named subject of the clause it states
        ("demanded that Syria withdraw its troops from Lebanon": Syria, not Lebanon)."""
        tree, anchor = self.tree, inner.anchor
        if anchor == frame or not self.clause_of(anchor, frame):
            return []
        subjects = [a for s in tree.kids(anchor, "nsubj") for a in tree.actors(s)]
        return [a for a in subjects if tree.named(a)]

    def passive_frame(self, found: Found, anchor: int) -> list[Span]:
        """A frame verb in the passive voice: its source is the "by" agent, and the named
        actors of its passive subject are whom it is addressed to ("Israel was urged by the
        United States to halt ...", "the proposal was rejected by X")."""
        tree = self.tree
        passive = tree.kids(anchor, "nsubjpass")
        if not passive or tree.pos(anchor) != "VERB":
            return []
        found.sources = [a for _, o in tree.prep_objects(anchor, ("by",)) for a in tree.actors(o)]
        return [a for p in passive for a in tree.actors(p) if tree.named(a)]

    def ceased(self, inner: int, frame: int) -> bool:
        """Whether the act inside a frame is one to stop: the complement of a verb of ceasing
        below the frame ("to stop attacking", "to halt the shelling")."""
        tree, node = self.tree, inner
        for _ in range(3):
            head = tree.head(node)
            if head in (node, frame):
                return False
            if self.is_word(head, "cessation_verbs") and tree.dep(node) in CEASED_DEPS:
                return True
            node = head
        return False

    def rally(self, found: Found, frame: int, inner: Found) -> None:
        """ "urged the EC to support the PLO", "called on Arabs to mobilize against X",
        "called for sanctions against X": an appeal to others to act for or against a named
        third party rallies support (053) or opposition (113) on its behalf, aimed at that
        party (frames.yaml: appeal, rally)."""
        code = self.lex.rally_codes.code_for(inner.code)
        tree = self.tree
        asked_for = [o for _, o in tree.prep_objects(frame, ("for",))]  # "called for sanctions"
        if not code or not (self.clause_of(inner.anchor, frame) or inner.anchor in asked_for):
            return
        others = {a.text.lower() for a in [*found.sources, *self.addressees(frame)]}
        third = [t for t in inner.targets if tree.named(t) and t.text.lower() not in others]
        if third:
            found.code, found.targets = code, third

    def on_behalf(self, found: Found, frame: int) -> None:
        """ "lobbied on behalf of X", "lobbied Y in support of X": an appeal made for a named
        third party rallies support for it (053), aimed at it (frames.yaml: behalf_nouns)."""
        tree = self.tree
        for _, noun in tree.prep_objects(frame, ("on", "in")):
            if self.is_word(noun, "behalf_nouns"):
                objects = [o for _, o in tree.prep_objects(noun, ("of",))]
                third = [a for o in objects for a in tree.actors(o) if tree.named(a)]
                third = [a for a in third if a not in found.sources]
                if third:
                    found.code, found.targets = self.lex.rally_codes.code_for("053"), third
                    return

    def clause_of(self, node: int, frame: int) -> bool:
        """Whether ``node`` is the act a frame's own clause states ("urged X to support Y",
        "... to unite and mobilize"), not one in a phrase beside it ("after sentencing X")."""
        tree = self.tree
        for _ in range(6):
            if node == frame:
                return True
            if tree.dep(node) not in ("xcomp", "ccomp", "conj", "advcl") or tree.head(node) == node:
                return False
            node = tree.head(node)
        return False

    def addressees(self, frame: int) -> list[Span]:
        """Whom an appeal is made to: "urged the EC", "called on Arabs", "appealed to X",
        "called for Israel to withdraw"."""
        tree = self.tree
        heads = tree.kids(frame, "dobj") + [
            o for _, o in tree.prep_objects(frame, ("on", "upon", "to"))
        ]
        found = [a for h in heads for a in tree.actors(h)] + self.asked_for(frame)
        return found + self.controlled(frame)

    def asked_for(self, frame: int) -> list[Span]:
        """Whom a frame's for-clauses ask to act ("called for Israel to withdraw", "the need
        for Iran to cooperate")."""
        tree = self.tree
        subjects = [n for c in self.for_clauses(frame) for n in self.for_subjects(c)]
        return [a for n in subjects for a in tree.actors(n)]

    def for_clauses(self, i: int) -> list[int]:
        """Clauses under ``i`` that "for" opens with their own subject ("called for Israel
        to withdraw", "the need for both sides to return")."""
        tree = self.tree
        clauses = tree.kids(i, "advcl", "acl", "ccomp")
        return [c for c in clauses if self.marked(c, {"for"}) and self.for_subjects(c)]

    def for_subjects(self, clause: int) -> list[int]:
        """The subject of a clause "for" opens: its own, or the object the parse hangs on
        "for" ("called for Egypt to stop": for -> pobj Egypt)."""
        tree = self.tree
        marks = [m for m in tree.kids(clause, "mark") if tree.lemma(m) == "for"]
        return tree.kids(clause, "nsubj") + [o for m in marks for o in tree.kids(m, "pobj")]

    def demanded_clauses(self, i: int, anchor: int) -> list[int]:
        """The clauses saying what a demand asks: its own ("demanded that X ..."), or for a
        demand noun the that-clause its verb carries ("reiterated its demand that X ...")."""
        tree = self.tree
        clauses = tree.kids(i, "ccomp", "acl")
        if anchor != i:
            clauses += [c for c in tree.kids(anchor, "ccomp") if self.marked(c, {"that"})]
        return clauses

    def marked(self, clause: int, marks: AbstractSet[str]) -> bool:
        """Whether a clause opens with one of ``marks`` ("that", "if", "unless")."""
        return any(self.tree.lemma(m) in marks for m in self.tree.kids(clause, "mark"))

    def condition_subjects(self, i: int) -> list[Span]:
        """Who a threat is made to: the subject of its condition ("threatened to stop the
        talks if the United States goes ahead", "... unless Baghdad accepted")."""
        tree = self.tree
        for node in tree.subtree(i):
            if tree.dep(node) == "advcl" and self.marked(node, self.words["condition_marks"]):
                named = [a for a in self.subjects(node) if tree.named(a)]
                if named:
                    return named
        return []

    def purpose_targets(self, anchor: int, holder: int) -> list[Span]:
        """The named actors of an act's purpose ("staged demonstrations to demand reforms by
        X's government": the protest is aimed at X)."""
        tree = self.tree
        clauses = tree.kids(anchor, "advcl") + (
            tree.kids(holder, "acl") if holder != anchor else []
        )
        purposes = [c for c in clauses if tree.is_infinitive(c)]
        return [a for c in purposes for a in self.objects(c) if tree.named(a)]

    def reason_targets(self, anchor: int, holder: int) -> list[Span]:
        """The named actors an act answers: "a hunger strike in protest of X's refusal", "in
        retaliation for X's raids", "in response to X's threats"."""
        tree, found = self.tree, []
        for head in dict.fromkeys((anchor, holder)):
            for _, reason in tree.prep_objects(head, ("in",)):
                if self.is_word(reason, "reason_nouns"):
                    for _, obj in tree.prep_objects(reason, REASON_PREPS):
                        found += [a for a in tree.object_actors(obj) if tree.named(a)]
        return found

    def inner_trigger(self, i: int, triggers: dict[int, Pattern]) -> int | None:
        """The nearest trigger inside a frame's complement (breadth first)."""
        tree = self.tree
        queue = [c for c in tree.children[i] if tree.dep(c) in COMPLEMENT_DEPS]
        if tree.pos(i) == "NOUN":  # "the need for X to withdraw": a for-clause too
            queue = [c for c in tree.children[i] if tree.dep(c) in ("acl", "prep", "relcl")]
            queue += self.for_clauses(i)
        seen = 0
        while queue and seen < 40:
            node, seen = queue.pop(0), seen + 1
            if self.question_clause(node):
                continue  # "asked X to explain why Y had been detained": no detention asked
            if tree.dep(node) == "advcl" and self.marked(node, self.words["condition_marks"]):
                continue  # "willing to send material if it is attacked": the attack is no aim
            on_noun = tree.dep(node) == "acl" and tree.head(node) == i
            if on_noun and node not in self.inner_candidates:
                pattern = self.match(node, framed=True)  # "its willingness to negotiate"
                if pattern is not None:
                    self.inner_candidates[node] = pattern
            if node in self.inner_candidates:
                if node not in triggers:
                    triggers[node] = self.inner_candidates[node]
                return node
            if self.frame_kind(node) or self.is_word(node, "speech"):
                continue
            queue += [c for c in tree.children[node] if tree.dep(c) in COMPLEMENT_DEPS]
        return None

    def questioned(self, verb: int, complement: list[int], inner: int | None) -> bool:
        """Whether a verb of asking asks a question, not for an act: no clause, no
        infinitive and no "for", and any act inside only what it asks about ("asked
        Franklin", "asked about other attacks"; not "asked Iraq to release", "asked the UN
        for help": `question_verbs`); or any appeal verb asking someone no actor names for an
        answer (`question_objects`: "pressed him for an explanation", "asked for comment";
        not "India asked Pakistan for information", a request between sides)."""
        tree = self.tree
        wanted = [o for _, o in tree.prep_objects(verb, ("for",))]
        answers = wanted and all(self.is_word(o, "question_objects") for o in wanted)
        asked = [a for o in tree.kids(verb, "dobj") for a in tree.actors(o) if tree.named(a)]
        if answers and not complement and not asked:
            return True
        if not self.is_word(verb, "question_verbs") or complement:
            return False
        if wanted:
            return False
        topics = {w for _, o in tree.prep_objects(verb, ("about",)) for w in tree.subtree(o)}
        return inner is None or inner in topics

    def question_clause(self, verb: int, words: str = "question_words") -> bool:
        """Whether a clause is an indirect question ("why X was detained", "whether X would
        attack", "how X had entered"): what it asks about is no act a frame wraps. With
        ``words="open_questions"``, one that leaves its act open ("has not decided whether
        to attack"; not "asked why X had been detained", which takes it as done)."""
        tree = self.tree
        if tree.pos(verb) != "VERB" or tree.dep(verb) not in ("ccomp", "xcomp", "advcl"):
            return False
        openers = [c for c in tree.kids(verb, "advmod", "mark") if c < verb]
        return any(self.is_word(c, words) for c in openers)

    def apply_modality(self, found: Found) -> None:
        """Negation, modals and conditions on the event's anchor (docs/events.md)."""
        tree, anchor = self.tree, found.anchor
        auxiliaries = {tree.lemma(a) for a in tree.kids(anchor, "aux", "auxpass")}
        if self.purpose(anchor):  # "would send a delegation to mediate": a later act too
            auxiliaries |= {tree.lemma(a) for a in tree.kids(tree.head(anchor), "aux")}
        shared = self.coordinated_with(anchor)
        if shared is not None:  # "will withdraw its troops and release the prisoners"
            auxiliaries |= {tree.lemma(a) for a in tree.kids(shared, "aux")} - {"do"}
        if self.deliberated(anchor):  # "is considering sanctions": an act yet to come
            auxiliaries |= self.words["future"]
        aspect = self.aspect_of(shared if shared is not None else anchor)
        if aspect is not None:  # "will begin withdrawing troops": begin's modals are its own
            auxiliaries |= {tree.lemma(a) for a in tree.kids(aspect, "aux", "auxpass")}
        found.negated = bool(tree.kids(anchor, "neg") or (aspect and tree.kids(aspect, "neg")))
        if found.holder is not None and found.holder != anchor:  # "filed no lawsuit"
            determiners = tree.kids(found.holder, "det", "neg")
            found.negated |= any(tree.lemma(d) == "no" for d in determiners)
        conditional = self.marked(anchor, self.words["condition_marks"])
        threatened = any(
            tree.lemma(m) in self.words["threat_marks"]
            for a in tree.kids(anchor, "advcl")
            for m in tree.kids(a, "mark")
        )
        if self.question_clause(anchor, "open_questions") or self.talked_about(anchor):
            found.hypothetical = True  # "will decide whether to endorse", "talk about killing"
            return
        if self.ruled_out(anchor):  # "removing the sanctions is out of the question"
            self.reframe(found, "refuse", found.targets)
            return
        speaker = self.speaker(anchor) if auxiliaries & self.words["obligation"] else None
        if speaker is not None and self.demand_reported(anchor, speaker):
            bound = self.obliged(anchor) or self.subjects(anchor)  # "said Syria must withdraw"
            self.reframe(found, "demand", bound)
            found.sources = [self.speaker_span(anchor)]
            return
        intent = found.code[:2] == self.lex.frames["intent"].code_for(None)[:2]
        if intent and found.negated and self.flatly_negated(anchor) and not conditional:
            self.reframe(found, "refuse", found.targets)  # "did not agree to the proposal"
            found.negated = False
            return
        undergoing = anchor != found.trigger and self.is_word(anchor, "undergo_verbs")
        if auxiliaries & self.words["future"] and not conditional and not undergoing:
            root = int(found.code[:2])
            conflict = root >= self.lex.roots["conflict"]
            if conflict and not threatened and not found.negated and self.decided(anchor):
                return  # "announced it would prohibit all aid to X": the decision is the act
            posture = root == self.lex.roots["posture"] and not threatened
            if posture and not found.negated:
                return  # "will deploy 5,000 troops to the border": force shown
            opened = found.code.startswith(tuple(self.words["announced_acts"]))
            if opened and not threatened and not found.negated:
                found.hypothetical = True  # "said it would investigate X": no threat
                return
            kind = "threat" if (threatened or conflict) and not posture else "intent"
            if found.negated and kind == "intent":
                kind, found.negated = "refuse", False
            self.reframe(found, kind, found.targets)
            return
        hedged = auxiliaries & self.words["hypothetical"]
        if hedged and not conditional and not found.negated and self.on_condition(found):
            self.reframe(found, "threat", found.targets)  # "may halt mediation if X": 135
            return
        if hedged or auxiliaries & self.words["obligation"]:
            found.hypothetical = True
        if conditional or self.denied(anchor):
            found.hypothetical = True

    def talked_about(self, verb: int) -> bool:
        """Whether an act is the topic of talk, a gerund after "about" (`topic_preps`: "heard
        him talk about killing Rabin"): talked of, not stated as done."""
        tree = self.tree
        head = tree.head(verb)
        return tree.dep(verb) == "pcomp" and head != verb and self.is_word(head, "topic_preps")

    def on_condition(self, found: Found) -> bool:
        """Whether a conflictual act is set on a condition ("may halt its mediation if the
        parties fail", "could cut supplies unless paid"): a threat, as CAMEO codes one; not
        an outcome no one is named to bring about ("if found guilty, he could be sentenced")."""
        root, passive = int(found.code[:2]), self.tree.kids(found.anchor, "nsubjpass")
        if root < self.lex.roots["conflict"] or root == self.lex.roots["posture"]:
            return False  # "could send troops if asked": force offered or shown, no threat
        if passive or not found.sources:
            return False
        clauses = self.tree.kids(found.anchor, "advcl")
        return any(self.marked(c, self.words["condition_marks"]) for c in clauses)

    def denied(self, verb: int) -> bool:
        """Whether an act is one a denial says was not done: a clause or gerund under a
        denial verb ("denied that its troops had killed the boy", "denied supplying arms"),
        or a clause on a doubted report ("dismissed reports that it had sent troops")."""
        tree = self.tree
        if tree.pos(verb) != "VERB":
            return False
        head, dep = tree.head(verb), tree.dep(verb)
        if dep in ("ccomp", "xcomp", "pcomp", "dobj") and self.is_word(head, "denial_verbs"):
            return head != verb
        if dep in ("acl", "ccomp") and self.is_word(head, "doubted_nouns"):
            holder = tree.head(head)
            return tree.dep(head) == "dobj" and self.is_word(holder, "doubting_verbs")
        return False

    def deliberated(self, verb: int) -> bool:
        """Whether an act is one its doer is considering (`deliberation_verbs`: "is weighing
        legal action", "is considering imposing sanctions"): one to come, as with "will"."""
        tree = self.tree
        if self.is_word(verb, "deliberation_verbs"):
            return True
        head = tree.head(verb)
        return tree.dep(verb) in ("xcomp", "ccomp") and self.is_word(head, "deliberation_verbs")

    def coordinated_with(self, verb: int) -> int | None:
        """The verb a conjunct with no subject or modal of its own shares them with ("will
        withdraw its troops and release the prisoners": release shares withdraw's "will")."""
        tree, head = self.tree, self.tree.head(verb)
        if tree.dep(verb) != "conj" or head == verb or tree.pos(head) != "VERB":
            return None
        own = tree.kids(verb, "nsubj", "nsubjpass", "aux", "auxpass")
        return None if own else head

    def aspect_of(self, verb: int) -> int | None:
        """The aspect verb a verb goes on from ("will begin withdrawing": begin), if any."""
        tree, head = self.tree, self.tree.head(verb)
        if tree.dep(verb) == "xcomp" and head != verb and self.is_word(head, "aspect_verbs"):
            return head
        return None

    def ruled_out(self, anchor: int) -> bool:
        """Whether an act is the clausal subject of a predicate that rules it out ("removing
        the sanctions is out of the question": frames.yaml refuse, predicates)."""
        tree = self.tree
        if tree.dep(anchor) != "csubj" or tree.head(anchor) == anchor:
            return False
        verb = tree.head(anchor)
        parts = tree.kids(verb, "neg", "attr", "acomp", "prep")
        words = " ".join(tree.lemma(t) for t in sorted(t for p in parts for t in tree.subtree(p)))
        return any(f" {p} " in f" {words} " for p in self.lex.refusal_predicates)

    def decided(self, anchor: int) -> bool:
        """Whether a will-clause reports a decision: its speech verb announces one
        ("announced it would ...": frames.yaml decision_speech), not a warning."""
        verb = self.speaker(anchor)
        return verb is not None and self.is_word(verb, "decision_speech")

    def flatly_negated(self, verb: int) -> bool:
        """A negation on the verb that no adverb softens (`open_negation`: "has not yet
        agreed" is still open, "we do not always agree" no refusal)."""
        tree = self.tree
        return bool(tree.kids(verb, "neg")) and not any(
            self.is_word(a, "open_negation") for a in tree.kids(verb, "advmod")
        )
