"""Reported speech and judgements: statements, hosts, reported obligations, verdicts."""

from __future__ import annotations

from eventwire.events.arguments import ArgumentFinder
from eventwire.events.found import STATEMENT, Found
from eventwire.model import Span

SIDE_CLAUSES = frozenset({"advcl", "relcl", "acl"})  # clauses set in another, not its act


class SpeechCoder(ArgumentFinder):
    """Codes what a sentence reports said or judged."""

    def host_events(self, event: Found) -> list[Found]:
        """ "talks between X and Y hosted by Z", "a round of talks between X and Y, mediated by
        Z", "Z will host the talks between X and Y": Z mediates between them (a will-clause:
        Z's intent to mediate)."""
        tree = self.tree
        if not event.code.startswith("04") or tree.pos(event.trigger) == "VERB":
            return []
        hosts = []
        nouns = [event.trigger, *self.counting_heads(event.trigger)]  # "a round of talks, ..."
        for verb in [v for n in nouns for v in tree.kids(n, "acl")]:
            if self.is_word(verb, "host_verbs"):
                agents = [a for _, o in tree.prep_objects(verb, ("by",)) for a in tree.actors(o)]
                if agents:
                    host = Found(verb, verb, self.lex.host_code)
                    host.sources, host.targets = agents, event.sources + event.targets
                    hosts.append(host)
        verb = tree.head(event.trigger)
        sides = [t for t in event.sources + event.targets if tree.named(t)]
        if tree.dep(event.trigger) == "dobj" and self.is_word(verb, "host_verbs") and sides:
            host = Found(verb, verb, self.lex.host_code, sources=self.subjects(verb))
            host.targets = [t for t in sides if t not in host.sources]
            if host.sources and len(host.targets) > 1:  # a host between two others
                self.apply_modality(host)
                hosts.append(host)
        return hosts

    def counting_heads(self, noun: int) -> list[int]:
        """The head noun a noun is counted by (`event_heads`: "the recent round of indirect
        talks, mediated by Oman": the participle hangs on "round")."""
        tree = self.tree
        prep = tree.head(noun)
        if tree.dep(noun) != "pobj" or tree.lemma(prep) != "of" or tree.head(prep) == prep:
            return []
        head = tree.head(prep)
        return [head] if tree.lemma(head) in self.words["event_heads"] else []

    def joint_events(self, event: Found) -> list[Found]:
        """ "X and Y jointly arrested the suspects": doers acting together (`joint_adverbs`)
        cooperate with each other (frames.yaml joint_codes: an arrest is judicial
        cooperation, 063), beside the act itself."""
        tree = self.tree
        code = self.lex.joint_codes.code_for(event.code)
        if not code or tree.pos(event.anchor) != "VERB" or len(event.sources) < 2:
            return []
        adverbs = [a for a in tree.kids(event.anchor, "advmod") if self.is_word(a, "joint_adverbs")]
        if not adverbs:
            return []
        joint = Found(adverbs[0], event.anchor, code, symmetric=True)  # the adverb triggers it
        joint.sources, joint.targets = event.sources[:1], event.sources[1:]
        self.apply_modality(joint)
        return [joint]

    def statements(self, events: list[Found]) -> list[Found]:
        """Speech verbs with an actor subject: the statement is an event itself (010), or a
        demand when what it says someone must do states no coded action."""
        tree, statements = self.tree, []
        for i in range(len(tree)):
            if tree.pos(i) != "VERB":
                continue
            judging = self.is_word(i, "belief_verbs") or self.is_word(i, "ruling_verbs")
            if judging and self.speaker(i) is None:
                judged = self.judgement(i, events)  # "police suspect X was behind it"
                statements += [judged] if judged is not None else []
                continue
            if self.is_word(i, "naming_verbs") and (named := self.named_judgement(i)):
                statements.append(named)  # "called the decision a disgrace"
                continue
            if not self.is_word(i, "speech"):
                noted = self.noted_obligation(i, events)  # "issued a reminder that X must"
                statements += [noted] if noted is not None else []
                continue
            if any(e.trigger == i or e.anchor == i for e in events):
                continue
            demand = self.reported_obligation(i, events) or self.judgement(i, events)
            if demand is not None:
                statements.append(demand)
                continue
            subjects = tree.kids(i, "nsubj")
            if subjects and any(s in tree.mention_at for s in tree.subtree(subjects[0])):
                statement = Found(i, i, STATEMENT, sources=self.subjects(i))
                statement.negated = bool(tree.kids(i, "neg"))
                statements.append(statement)
        return statements

    def noted_obligation(self, verb: int, events: list[Found]) -> Found | None:
        """ "issued a stern reminder to Iraq that it must cooperate": a statement noun the
        verb carries (`statement_nouns`) saying someone must act is a demand, as "said"."""
        tree = self.tree
        notes = [o for o in tree.kids(verb, "dobj") if self.is_word(o, "statement_nouns")]
        clauses = [c for o in notes for c in tree.kids(o, "acl") if self.marked(c, {"that"})]
        return self.reported_obligation(verb, events, clauses, tuple(notes)) if clauses else None

    def reported_obligation(
        self,
        verb: int,
        events: list[Found],
        clauses: list[int] | None = None,
        notes: tuple[int, ...] = (),
    ) -> Found | None:
        """ "X said Y must do Z" with no coded action in it: X demands of Y (100)."""
        tree = self.tree
        for clause in tree.kids(verb, "ccomp") if clauses is None else clauses:
            auxiliaries = {tree.lemma(a) for a in tree.kids(clause, "aux")}
            if not auxiliaries & self.words["obligation"] or self.hindsight(clause):
                continue  # "should have done": a judgement (judgement_code)
            if any(e.anchor in self.own_part(clause) for e in events):
                return None  # the action's own event was reframed as the demand
            demand = Found(verb, verb, self.lex.frames["demand"].default)
            demand.sources = self.subjects(verb)
            demand.targets = self.demanded_of(clause, verb, notes)
            return demand if demand.sources and demand.targets else None
        return None

    def own_part(self, clause: int) -> set[int]:
        """The words of a clause outside the clauses set in it ("Libya must hand over the men
        as he embarked on a trip to seek support": seeking is not what Libya must do)."""
        tree = self.tree
        aside = {k for k in tree.subtree(clause) if tree.dep(k) in SIDE_CLAUSES and k != clause}
        hidden = {w for k in aside for w in tree.subtree(k)}
        return set(tree.subtree(clause)) - hidden

    def judgement(self, verb: int, events: list[Found]) -> Found | None:
        """ "X said the men's behaviour was a disgrace", "police believe the IRA was behind
        the killings": a reported clause judging someone (`judgement_words`, by code) is the
        speaker's act aimed at the clause's subject (its named actors, or the names in its
        phrase). A disapproval or apology needs a clause with no coded act of its own; an
        accusation takes the act it alleges out of the events (it is alleged, not stated),
        only once the accusation is made: by a speaker, of someone named, and not negated."""
        tree = self.tree
        for clause in self.judged_clauses(verb):
            code = self.judgement_code(clause)
            if code is None or tree.kids(clause, "neg"):
                continue
            if code == self.lex.apology_code and tree.lemma(clause) != "be":
                continue  # "she was sorry"; not "I feel sorry for the young"
            inside = set(tree.subtree(clause))
            alleged = [e for e in events if e.anchor in inside or e.trigger in inside]
            if alleged and not code.startswith(self.lex.accusation_code):
                continue
            judging = [verb, *[b for b in [tree.head(clause)] if b != verb]]
            if any(tree.kids(v, "neg") for v in judging):
                return None  # "police do not believe X was behind it": the act stays
            found = Found(verb, verb, code, sources=self.subjects(verb))
            if code.startswith(self.lex.accusation_code) and self.self_judged(clause):
                if not self.claims_an_act(clause):
                    return None  # "the army said it was responsible for security"
                found.code = self.lex.claim_code  # "Hamas said it was responsible for ..."
                found.targets = self.claimed_against(clause)
                return found if found.sources else None
            found.targets = self.judged(found, clause)
            if not found.sources or not self.judges_someone(found, clause):
                return None  # "experts think better treatment is responsible": no one judged
            found.hypothetical = any(self.hedged(v) for v in judging)
            for event in alleged:
                events.remove(event)
            return found
        return None

    def self_judged(self, clause: int) -> bool:
        """Whether a judged clause's subject is the speaker itself ("it", "we", "I": "said
        it was responsible for the bombing")."""
        subjects = self.tree.kids(clause, "nsubj", "nsubjpass")
        return bool(subjects) and all(self.is_word(s, "self_pronouns") for s in subjects)

    def claims_an_act(self, clause: int) -> bool:
        """Whether what a speaker says it was responsible for or behind is an act: an event
        noun or a wrongdoing ("the bombing", "the killings"; not "security", "feeding two
        million children")."""
        return any(
            self.tree.lemma(o) in self.lex.noun_patterns or self.is_word(o, "wrongdoings")
            for o in self.claimed(clause)
        )

    def claimed_against(self, clause: int) -> list[Span]:
        """Whom an act a speaker claims was aimed at: the named actors of the judged
        clause's phrases ("responsible for the bus bombing in Tel Aviv")."""
        tree = self.tree
        found = [a for o in self.claimed(clause) for w in tree.subtree(o) for a in tree.actors(w)]
        return list(dict.fromkeys(a for a in found if tree.named(a)))

    def claimed(self, clause: int) -> list[int]:
        """The heads of what a judged clause says its subject was responsible for or behind."""
        tree = self.tree
        words = [clause, *tree.kids(clause, "acomp", "attr")]
        return [o for w in words for _, o in tree.prep_objects(w, ("for", "behind"))]

    def judged(self, found: Found, clause: int) -> list[Span]:
        """Whom a judgement is aimed at: the judged clause's subject (its actors, or the
        names in its phrase); for an apology with a pronoun subject, whom the speaker tells
        ("told X she was sorry")."""
        tree, targets = self.tree, []
        subjects = tree.kids(clause, "nsubj", "nsubjpass")
        apology = found.code == self.lex.apology_code
        if apology and subjects and all(tree.tokens[s][4] == "PRP" for s in subjects):
            subjects, targets = [], self.objects(found.anchor)
        targets += [a for s in subjects for a in tree.actors(s)]
        if not any(tree.named(t) for t in targets):
            targets = self.prefer_named(targets + self.phrase_actors(subjects))
        return list(dict.fromkeys(t for t in targets if t not in found.sources))

    def phrase_actors(self, heads: list[int]) -> list[Span]:
        """The actors the names in these words' phrases name ("the men's behaviour": the
        men)."""
        tree = self.tree
        names = [w for h in heads for w in tree.subtree(h) if w in tree.mention_at]
        return [a for w in names for a in tree.actors(w)]

    def judges_someone(self, found: Found, clause: int) -> bool:
        """Whether a judgement is aimed at someone: a named target; else, but for an
        accusation, whom an apology is told to ("told an assistant pastor she was sorry") or
        whose conduct is judged ("the men's behaviour was a disgrace"); not "said the launch
        was a failure"."""
        tree = self.tree
        if any(tree.named(t) for t in found.targets):
            return True
        if not found.targets or found.code.startswith(self.lex.accusation_code):
            return False
        subjects = tree.kids(clause, "nsubj", "nsubjpass")
        if found.code == self.lex.apology_code:
            return all(tree.tokens[s][4] == "PRP" for s in subjects)  # told whom: a person
        return any(tree.kids(s, "poss") for s in subjects)

    def hedged(self, verb: int) -> bool:
        """Whether a verb is hypothetical: a modal of possibility or a condition ("police
        may believe", "if X said")."""
        tree = self.tree
        auxiliaries = {tree.lemma(a) for a in tree.kids(verb, "aux")}
        conditional = self.marked(verb, self.words["condition_marks"])
        hedges = self.words["hypothetical"] | self.words["obligation"]  # as apply_modality
        return bool(auxiliaries & hedges or conditional)

    def named_judgement(self, verb: int) -> Found | None:
        """ "X called the decision a disgrace", "branded the vote illegitimate": a judgement
        word naming a verb's object (`naming_verbs`) is the subject's judgement aimed at the
        object's actors (or the names in its phrase)."""
        tree = self.tree
        objects = tree.kids(verb, "dobj")
        names = tree.kids(verb, "oprd", "xcomp", "ccomp")
        names += [p for p in tree.kids(verb, "prep") if tree.lemma(p) == "as"]  # "as a farce"
        names += [o for o in objects if tree.pos(o) == "ADJ"]  # "branded the vote illegitimate"
        names += [c for n in names for c in tree.kids(n, "prep", "attr", "amod", "conj")]
        names += [c for n in names if tree.pos(n) == "ADP" for c in tree.kids(n, "pobj")]
        if not objects or tree.kids(verb, "neg"):
            return None
        codes = [self.lex.judgement_codes.get(f) for n in names for f in tree.forms(n)]
        code = next((c for c in codes if c is not None), None)
        if code is None or code == self.lex.apology_code:
            return None
        found = Found(verb, verb, code, sources=self.subjects(verb))
        found.targets = self.prefer_named(self.phrase_actors(objects))
        found.targets = [t for t in found.targets if t not in found.sources]
        return found if found.sources else None

    def judged_clauses(self, verb: int) -> list[int]:
        """The clauses a speech or belief verb reports, through a verb of belief ("said they
        believe X was behind it")."""
        tree = self.tree
        clauses = tree.kids(verb, "ccomp")
        return clauses + [
            c for b in clauses if self.is_word(b, "belief_verbs") for c in tree.kids(b, "ccomp")
        ]

    def judgement_code(self, clause: int) -> str | None:
        """The code of the judgement a clause's predicate words make, if any ("was a
        disgrace", "are insufficient", "was behind the killings")."""
        tree, codes = self.tree, self.lex.judgement_codes
        if self.hindsight(clause):
            return self.lex.hindsight_code  # "the company should have determined ..."
        words = [clause, *tree.kids(clause, "attr", "acomp", "dobj", "oprd", "prep", "xcomp")]
        words += [c for w in words[1:] for c in tree.kids(w, "conj", "amod")]
        determiners = [d for w in words for d in tree.kids(w, "det")]
        negators = self.words["judgement_negators"]
        if any(tree.lemma(w).lower() in negators for w in words + determiners):
            return None  # "had done nothing wrong", "was no mistake"
        for word in words:
            if self.is_word(word, "judgement_preps") and not self.judged_object(word):
                continue  # "was behind schedule"
            for form in tree.forms(word):
                if form in codes:
                    return codes[form]
        return self.disapproval_noun(words[1:])

    def disapproval_noun(self, words: list[int]) -> str | None:
        """The code of a predicate noun of disapproval ("was an attack on the constitution":
        an 11x noun pattern), if any."""
        root = str(self.lex.roots["disapprove"])
        for word in words:
            pattern = self.noun_pattern(word) if self.tree.pos(word) == "NOUN" else None
            if pattern is not None and pattern.code.startswith(root):
                return pattern.code
        return None

    def hindsight(self, clause: int) -> bool:
        """Whether a clause says what should have been done ("should have checked"): an
        obligation modal with "have", a judgement of the act, not a demand."""
        auxiliaries = {self.tree.lemma(a) for a in self.tree.kids(clause, "aux")}
        return bool(auxiliaries & self.words["obligation"]) and "have" in auxiliaries

    def judged_object(self, prep: int) -> bool:
        """Whether a judging preposition's object is an event, an incident or an actor
        ("behind the killings", "behind the fire", "behind the IRA", "behind it")."""
        tree = self.tree
        for obj in tree.kids(prep, "pobj"):
            if obj in self.inner_candidates or tree.is_pronoun(obj):
                return True
            if self.is_word(obj, "natural_causes"):  # what happens: someone may be behind it
                return True
            if any(w in tree.mention_at for w in tree.subtree(obj)):
                return True
        return False
