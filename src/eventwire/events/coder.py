"""Codes each parsed sentence's events: who did what to whom (docs/events.md).

Triggers (verbs, event nouns) come from the pattern files; frames ("threatened to",
"refused to", "demanded that", "urged") take their code from the action inside them; modal
verbs, negation and conditions set the flags; reported speech names its reporter.
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from eventwire.events.arguments import ArgumentFinder
from eventwire.events.lemmas import with_lemmas
from eventwire.events.lexicon import Expression, Lexicon, Pattern
from eventwire.events.tree import (
    ACTOR_LABELS,
    ANTI,
    DATE_LABELS,
    PLACE_LABELS,
    QUALIFIER_DEPS,
    Tree,
)
from eventwire.model import (
    PART_TITLE,
    ArticleParse,
    Document,
    EventMention,
    Mention,
    Span,
)

STATEMENT = "010"
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
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "across", "throughout"})
# A noun after these names what came before or around the sentence's event, not the event.
BACKGROUND_PREPS = frozenset({"after", "following", "before", "despite", "amid", "since", "over"})
DATE_PREPS = frozenset({"on", "in", "during", "since", "from"})
# Prepositions by which a verb carries a frame noun ("agreed on the need", "called for a demand").
FRAME_NOUN_PREPS = frozenset({"on", "upon", "for", "about", "to", "with"})
# Prepositions whose object a verb pattern's object may be ("called for talks", "placed under
# house arrest").
OBJECT_PREPS = ("on", "to", "for", "of", "into", "from", "under")
# What modifies a noun in front of it ("US drone strikes": US -> drone -> strikes).
MODIFIER_DEPS = frozenset({"compound", "amod"})
# Prepositions by which an event noun names whom it is for or aimed at ("aid to X", "support
# for X", "sanctions on X", "an attack against X").
RECIPIENT_PREPS = ("to", "for", "on", "against")
# Currency symbols: an amount with one is money ("pledged $500 million").
CURRENCY_TAGS = frozenset({"$"})
# Where a purpose is carried out: the destination of the verb it hangs on ("sent to Bosnia").
DESTINATION_PREPS = frozenset({"to", "into"})
# Whom a participle set off by commas after a name states an act done to ("Smith, shot in the
# neck, ..."); not a thing named ("the warship Sukanya, deployed on patrols, ...").
PATIENTS = frozenset({"PERSON", "NORP", "ORG"})


@dataclass
class Found:
    """An event being built: its trigger token, the token its clause hangs on, its code."""

    trigger: int
    anchor: int  # the verb whose subject, negation and modals are the event's
    code: str
    pattern: Pattern | None = None
    sources: list[Span] = field(default_factory=list)
    targets: list[Span] = field(default_factory=list)
    negated: bool = False
    hypothetical: bool = False
    symmetric: bool = False
    consumed: set[int] = field(default_factory=set)
    holder: int | None = None  # the noun holding an event noun's place ("mediation effort")


def code_article(
    document: Document,
    parse: ArticleParse,
    mentions: Sequence[Mention],
    lexicon: Lexicon,
    titles: bool = False,
) -> list[EventMention]:
    """Every event mention of the article's parsed sentences."""
    found = []
    for sentence in parse.sentences:
        if sentence.part == PART_TITLE and not titles:
            continue
        text = document.title if sentence.part == PART_TITLE else document.text
        sentence = with_lemmas(sentence, text)
        if not lexicon.may_start(sentence, text):
            continue
        own = [m for m in mentions if m.part == sentence.part and m.sentence == sentence.index]
        tree = Tree(sentence, text[sentence.start : sentence.end], own)
        found += SentenceCoder(tree, lexicon).code(document.id)
    return found


class SentenceCoder(ArgumentFinder):
    """Codes one sentence's tree."""

    # --- finding triggers --------------------------------------------------------

    def code(self, article_id: int) -> list[EventMention]:
        """The sentence's event mentions."""
        frames = [i for i in range(len(self.tree)) if self.frame_kind(i)]
        nouns = {f: self.frame_noun_verb(f) for f in frames if self.tree.pos(f) == "NOUN"}
        refused = {f for f, verb in nouns.items() if verb is not None and self.answers(verb)}
        # "dismissed an appeal", "accepted the demands": the verb's own act, not the frame
        frames = [f for f in frames if f not in refused]
        framed = {verb for f, verb in nouns.items() if f not in refused}
        triggers = {
            i: p
            for i in range(len(self.tree))
            if i not in framed and (p := self.match(i)) is not None
        }
        triggers.update(self.assemblies(triggers))
        self.inner_candidates = {**self.pattern_nouns(), **triggers}
        consumed: set[int] = set()
        events, hosts = [], []
        for frame in self.outer_frames(frames):
            event = self.frame_event(frame, triggers, consumed)
            if event is not None:
                events.append(event)
                consumed |= self.wrapped(frame, event.anchor)
        for index, pattern in triggers.items():
            holder = index if self.tree.pos(index) == "VERB" else self.event_head(index)
            head = self.tree.head(holder)
            verb_object = self.tree.dep(holder) == "dobj" and triggers.get(head, pattern).objects
            if index in consumed or (head in triggers and head != index and verb_object):
                continue  # "imposed sanctions", "ended mediation efforts": the verb names it
            if self.in_background(holder):
                continue  # "after an agreement on carrying out a demonstration"
            event = self.trigger_event(index, pattern)
            if event is not None:
                events.append(event)
                hosts += self.host_events(event)
        events = self.fold_means(self.drop_elaborations(events)) + hosts  # a host acts too
        events += self.statements(events)
        return self.mentions(article_id, events)

    def assemblies(self, triggers: dict[int, Pattern]) -> dict[int, Pattern]:
        """A crowd gathering is a demonstration ("tens of thousands of demonstrators
        gathered to call for free elections": `assembly_verbs`, `crowd_nouns`), unless it
        gathers for an event a noun names ("gathered for talks")."""
        tree, found = self.tree, {}
        for i in range(len(tree)):
            if i in triggers or tree.pos(i) != "VERB" or not self.is_word(i, "assembly_verbs"):
                continue
            carried = any(o in triggers for _, o in tree.prep_objects(i, ("for", "to", "at")))
            if not carried and self.crowd_subject(i):
                found[i] = Pattern(self.lex.assembly_code, frozenset(tree.forms(i)))
        return found

    def wrapped(self, frame: int, anchor: int) -> set[int]:
        """The tokens of what a frame wraps: acts demanded, threatened, refused or promised
        did not happen ("demanded that its partners refuse to recognize X": no recognition;
        "its demand that Israel ease restrictions": no easing)."""
        tree = self.tree
        clauses = tree.kids(frame, "xcomp", "ccomp", "acl")
        if tree.pos(frame) == "NOUN":
            clauses += self.demanded_clauses(frame, anchor)
        return {t for c in clauses for t in tree.subtree(c)}

    def in_background(self, i: int) -> bool:
        """Whether a phrase holding ``i`` sets the scene ("after an agreement on carrying
        out a protest", "despite talks between X and Y"): up through phrases, not clauses."""
        tree, node = self.tree, i
        for _ in range(6):
            head = tree.head(node)
            if head == node or (tree.pos(node) == "VERB" and tree.kids(node, "nsubj", "nsubjpass")):
                return False
            if tree.dep(node) == "pobj" and tree.lemma(head) in BACKGROUND_PREPS:
                return True
            node = head
        return False

    def outer_frames(self, frames: list[int]) -> list[int]:
        """Frames not inside another frame's complement ("demanded that they refuse to"):
        the outer frame codes the sentence's act."""
        tree, inside = self.tree, set()
        for frame in frames:
            for child in tree.children[frame]:
                if tree.dep(child) in ("xcomp", "ccomp", "dobj"):
                    inside |= set(tree.subtree(child)) - {frame}
        return [f for f in frames if f not in inside]

    def pattern_nouns(self) -> dict[int, Pattern]:
        """Nouns a pattern names, wherever they stand (the action inside a frame)."""
        found = {}
        for i in range(len(self.tree)):
            if self.tree.pos(i) in ("NOUN", "PROPN"):
                candidates = self.lex.noun_patterns.get(self.tree.lemma(i), ())
                fitting = [(p, e) for p in candidates for e in p.nouns if self.noun_fits(i, e)]
                if fitting:
                    found[i] = max(fitting, key=lambda pe: pe[1].size)[0]
        return found

    def drop_elaborations(self, events: list[Found]) -> list[Found]:
        """Events that only elaborate another event of the sentence: a clause or phrase
        hanging on an event of the same root ("held a phone call, discussing ...", "hosted X
        for an informal meeting"), the purpose of an event ("staged demonstrations to demand
        reforms": what they did is the demonstration), or the outcome of an act of violence
        ("opened fire, killing one person")."""
        tree = self.tree
        places = {(t, e.code[:2]) for e in events for t in (e.anchor, e.trigger)}
        anchors = {e.anchor for e in events} | {e.trigger for e in events}
        kept = []
        for event in events:
            start = event.holder if event.holder is not None else event.trigger
            above = self.heads_above(start, event.anchor)
            if any((h, event.code[:2]) in places for h in above) and not self.joint_act(event):
                continue
            clause = self.first_conjunct(event.anchor)  # "to stand ... and call for X"
            head = tree.head(clause)
            purpose = tree.dep(clause) == "advcl" and any(
                tree.tokens[a][4] == "TO" for a in tree.kids(clause, "aux")
            )
            folded = purpose and head != clause and head in anchors
            if folded and not self.protest_by_force(event, head, events):
                continue
            if self.outcome_of_violence(event, events):
                continue
            kept.append(event)
        kept = [e for e in kept if not self.subordinate_to(e, kept)]
        return self.one_act_of_violence(kept)

    def joint_act(self, event: Found) -> bool:
        """ "shot and killed X": a violent verb coordinated with one that has no object of
        its own is one act with it, named by the last (``one_act_of_violence``), not an
        elaboration of the first ("killed three and wounded six" is: the killing)."""
        tree, anchor = self.tree, event.anchor
        violent = int(event.code[:2]) >= self.lex.roots["violence"]
        if not violent or tree.dep(anchor) != "conj" or tree.head(anchor) == anchor:
            return False
        return not tree.kids(tree.head(anchor), "dobj")

    def first_conjunct(self, verb: int) -> int:
        """The first verb of a coordination a verb with no subject of its own ends ("gathered
        to stand before the legislature and call for elections": call -> stand)."""
        tree = self.tree
        while tree.dep(verb) == "conj" and not tree.kids(verb, "nsubj", "nsubjpass"):
            if tree.head(verb) == verb or tree.pos(tree.head(verb)) != "VERB":
                break
            verb = tree.head(verb)
        return verb

    def one_act_of_violence(self, events: list[Found]) -> list[Found]:
        """ "was shot and killed by police", "attacked and wounded": coordinated acts of
        violence with one subject are one act, named by the last verb (its outcome)."""
        tree, violence = self.tree, self.lex.roots["violence"]
        violent = [
            e for e in events if int(e.code[:2]) >= violence and tree.pos(e.anchor) == "VERB"
        ]
        anchors = {e.anchor for e in violent}
        firsts = {
            tree.head(e.anchor)
            for e in violent
            if tree.dep(e.anchor) == "conj"
            and tree.head(e.anchor) in anchors
            and not tree.kids(e.anchor, "nsubj", "nsubjpass")
        }
        return [e for e in events if not (e in violent and e.anchor in firsts)]

    def subordinate_to(self, event: Found, events: list[Found]) -> bool:
        """Whether an event only accompanies the sentence's main event: a participle with no
        subject of its own hanging on another event's verb ("rejected the proposal, urging
        X to ...", "pledged to stand united, warning Y") or noun ("issued an ultimatum
        demanding that Iraq withdraw": whom it names is the main event's target when that
        names no one), or a clause that a subordinator opens on it ("killed three people as
        police fought protesters": `subordinate_marks`), or a relative clause describing a
        participant ("Sharon, who has vowed ..."). The main clause's act is the one the
        sentence reports."""
        tree, node = self.tree, event.anchor
        others = [e for e in events if e is not event and e.code[:2] != STATEMENT[:2]]
        anchors = {e.anchor for e in others}
        if (
            tree.dep(node) == "acl"
            and tree.tokens[node][4] == "VBG"
            and not tree.kids(node, "nsubj")
        ):
            hosts = [e for e in others if tree.head(node) in (e.trigger, e.holder)]
            for host in hosts:
                if not any(tree.named(t) for t in host.targets):
                    host.targets = self.prefer_named(host.targets + event.targets)
            return bool(hosts)
        for _ in range(4):
            dep, head = tree.dep(node), tree.head(node)
            if head == node:
                return False
            if dep == "advcl" and head in anchors:
                marks = {tree.lemma(m) for m in tree.kids(node, "mark")}
                own_subject = tree.kids(node, "nsubj", "nsubjpass")
                participle = tree.tokens[node][4] == "VBG" and not own_subject and not marks
                return participle or bool(marks & self.words["subordinate_marks"])
            if dep == "relcl":  # "Sharon, who has vowed not to return the Golan Heights"
                inside = set(tree.subtree(node))
                return any(e.anchor not in inside for e in others)
            if dep not in ("conj", "xcomp", "advcl"):
                return False
            node = head
        return False

    def protest_by_force(self, event: Found, head: int, events: list[Found]) -> bool:
        """ "Hundreds of Kurds occupied the Greek embassy to protest the arrest": a protest
        whose means is force is both (the protest is kept beside the act of force)."""
        if event.code[:2] != self.lex.protest_root:
            return False
        violence = self.lex.roots["violence"]
        return any(e.anchor == head and int(e.code[:2]) >= violence for e in events)

    def outcome_of_violence(self, event: Found, events: list[Found]) -> bool:
        """ "opened fire on demonstrators, killing one person": the killing is what the
        shooting did (a participle with no subject of its own after an act of violence)."""
        tree, anchor, violence = self.tree, event.anchor, self.lex.roots["violence"]
        if tree.dep(anchor) != "advcl" or tree.tokens[anchor][4] != "VBG":
            return False
        if tree.kids(anchor, "nsubj", "nsubjpass") or int(event.code[:2]) < violence:
            return False
        head = tree.head(anchor)
        acts = [e for e in events if e.anchor == head and int(e.code[:2]) >= violence]
        for act in acts:  # whom the killing names is whom the shooting was aimed at
            if not any(tree.named(t) for t in act.targets):
                act.targets = self.prefer_named(act.targets + event.targets)
        return bool(acts)

    def fold_means(self, events: list[Found]) -> list[Found]:
        """ "Israeli air strikes killed ten civilians": one act of violence, named by its
        means (the event noun as subject) and aimed at what the verb's object names."""
        tree, by_trigger = self.tree, {e.trigger: e for e in events}
        dropped = set()
        for event in events:
            holder = event.holder if event.holder is not None else event.trigger
            outcome = by_trigger.get(tree.head(holder))
            if tree.pos(event.trigger) == "VERB" or tree.dep(holder) != "nsubj" or not outcome:
                continue
            if min(int(event.code[:2]), int(outcome.code[:2])) >= self.lex.roots["violence"]:
                event.targets = self.prefer_named(event.targets + outcome.targets)
                dropped.add(outcome.trigger)
        return [e for e in events if e.trigger not in dropped]

    def heads_above(self, start: int, anchor: int) -> list[int]:
        """The tokens an event's phrase or clause hangs on, up to three steps above it."""
        tree, found, node = self.tree, [], anchor if anchor != start else start
        for _ in range(3):
            dep, head = tree.dep(node), tree.head(node)
            if head == node or dep in ("ROOT", "ccomp", "relcl", "parataxis"):
                break
            if dep not in ("advcl", "conj", "xcomp", "prep", "pobj"):
                break
            found.append(head)
            node = head
        return found

    def match(self, i: int, framed: bool = False) -> Pattern | None:
        """The most specific pattern token ``i`` triggers, if any (``framed``: inside a
        frame, where a clause on a noun is the framed act: "its willingness to negotiate")."""
        tree, pos = self.tree, self.tree.pos(i)
        if pos == "VERB":
            candidates = [p for f in tree.forms(i) for p in self.lex.verb_patterns.get(f, ())]
        elif pos in ("NOUN", "PROPN"):
            candidates = list(self.lex.noun_patterns.get(tree.lemma(i), ()))
        else:
            return None
        if not candidates or i in tree.mention_at or (not framed and self.describes_participant(i)):
            return None  # a name ("March 13", "Operation Storm") is no trigger
        if pos == "VERB" and self.met_with_reaction(i):
            return None  # "met with criticism from X": no meeting
        if pos == "VERB":
            fitting = [(p, size) for p in candidates if (size := self.verb_fits(i, p))]
            best = max(fitting, key=lambda pair: (pair[0].specificity, pair[1]), default=None)
            return best[0] if best else None
        pairs = [(p, e) for p in candidates for e in p.nouns if self.noun_fits(i, e)]
        best = max(pairs, key=lambda pe: pe[1].size)[0] if pairs else None
        head = self.event_head(i)
        if best is not None and (self.nominal_event(head) or self.means_of_violence(head, best)):
            return best
        conflict = best is not None and int(best.code[:2]) >= self.lex.roots["conflict"]
        if conflict and self.nominal_agents(head):  # "the arrest of ten fishermen by police"
            return best  # a visit or a call "by X" may be one to come; an arrest has been made
        return None

    def met_with_reaction(self, verb: int) -> bool:
        """Whether a verb meets with a reaction or an event noun ("met with criticism", "met
        with resistance": `reaction_verbs`, `reaction_nouns`), which is no meeting."""
        if not self.is_word(verb, "reaction_verbs"):
            return False
        objects = [o for _, o in self.tree.prep_objects(verb, ("with",))]
        return any(
            self.is_word(o, "reaction_nouns") or self.tree.lemma(o) in self.lex.noun_patterns
            for o in objects
        )

    def means_of_violence(self, i: int, pattern: Pattern) -> bool:
        """ "US drone strikes have killed eight militants": violence named by its means as the
        subject of a violent verb states an event though no named actor modifies it (the
        story step folds the two: ``fold_means``)."""
        tree, violence = self.tree, self.lex.roots["violence"]
        if tree.dep(i) != "nsubj" or int(pattern.code[:2]) < violence:
            return False
        head = tree.head(i)
        if tree.pos(head) != "VERB" or head == i:
            return False
        outcome = [p for f in tree.forms(head) for p in self.lex.verb_patterns.get(f, ())]
        return any(int(p.code[:2]) >= violence for p in outcome)

    def describes_participant(self, i: int) -> bool:
        """ "the planned deployment", "whom they had taken hostage": a word describing a
        participant, not an event the sentence states."""
        tree = self.tree
        described = tree.dep(i) in ("amod", "acl") and tree.pos(i) == "VERB"
        if described and not self.stated_by(i) and not self.predicated(i):
            return True  # "the planned deployment", "a lunch hosted by X"
        clause = i if tree.pos(i) == "VERB" else tree.head(i)
        for _ in range(4):  # up through the clauses a relative clause or a setting holds
            marks = {tree.lemma(m) for m in tree.kids(clause, "mark")}
            if tree.dep(clause) == "relcl" and not self.when_clause(clause):
                return True
            if marks & self.words["background_marks"]:
                return True
            if tree.dep(clause) not in ("xcomp", "ccomp", "conj", "advcl", "pcomp"):
                return False
            clause = tree.head(clause)
        return False

    def predicated(self, verb: int) -> bool:
        """Whether a past participle on a noun states what was done to it: on the head of a
        sentence with no verb ("Accountant charged with murder in office shootings") or set
        off by a comma after a name ("Smith, shot in the neck, remained in hospital"); not a
        restrictive one ("a lunch hosted by X")."""
        tree, head = self.tree, self.tree.head(verb)
        if tree.dep(verb) != "acl" or tree.tokens[verb][4] != "VBN" or head == verb:
            return False
        if tree.kids(verb, "aux", "auxpass") or tree.pos(head) not in ("NOUN", "PROPN"):
            return False
        if tree.dep(head) == "ROOT":
            return True
        after_comma = verb > head and tree.word(verb - 1) == ","
        return after_comma and head in tree.mention_at and tree.mention_at[head].label in PATIENTS

    def when_clause(self, clause: int) -> bool:
        """ "the war began in 1998 when Uganda and Rwanda invaded": a relative clause on a
        time, opened by "when", says what happened then, not who a participant is."""
        tree = self.tree
        opens = any(tree.lemma(a) == "when" for a in tree.kids(clause, "advmod"))
        return (
            opens
            and tree.tokens[tree.head(clause)][4] in ("CD", "NN", "NNP")
            and (
                tree.head(clause) in tree.mention_at
                and tree.mention_at[tree.head(clause)].label in DATE_LABELS
            )
        )

    def stated_by(self, verb: int) -> bool:
        """ "issued a statement condemning the raid": a participle saying what a statement
        or letter its issuer made does (frames.yaml statement_nouns) is the issuer's act (its
        subject is the issuer's, inherited through the noun's verb); so is the infinitive a
        decision names ("announced its decision to expel ...", "Ethiopia's decision to
        expel ...": decision_nouns)."""
        tree = self.tree
        head = tree.head(verb)
        if any(tree.tokens[a][4] == "TO" for a in tree.kids(verb, "aux")):
            return self.is_word(head, "decision_nouns")
        present = tree.tokens[verb][4] == "VBG"
        return present and tree.dep(head) == "dobj" and self.is_word(head, "statement_nouns")

    def event_head(self, i: int) -> int:
        """The noun that carries an event noun's place in the sentence: itself, or the head it
        modifies or quantifies ("a mediation effort", "ten days of war games")."""
        tree, heads = self.tree, self.words["event_heads"]
        for _ in range(2):
            head = tree.head(i)
            if tree.dep(i) == "compound" and tree.lemma(head) in heads:
                i = head
            elif tree.dep(i) == "pobj" and tree.lemma(head) == "of":
                if tree.lemma(tree.head(head)) not in heads:
                    break
                i = tree.head(head)
            else:
                break
        return i

    def verb_fits(self, i: int, pattern: Pattern) -> int:
        """How well verb ``i`` has the particle and object the pattern needs (0: not)."""
        tree = self.tree
        # the small model often labels a particle as an adverb ("stepped down": advmod) or as
        # a preposition with no object of its own ("pulled out of Chechnya")
        particles = [c for c in tree.kids(i, "prt", "advmod") if c > i]
        particles += [c for c in tree.kids(i, "prep") if c > i and not tree.kids(c, "pobj")]
        if pattern.particle and pattern.particle not in {tree.lemma(c) for c in particles}:
            return 0
        if pattern.preps and not {tree.lemma(c) for c in tree.kids(i, "prep")} & pattern.preps:
            return 0
        if pattern.any_actor and not any(tree.named(a) for a in self.actor_objects(i)):
            return 0
        if pattern.intransitive and tree.kids(i, "dobj", "nsubjpass", "auxpass"):
            return 0  # "struck a blow", "struck a deal", "was struck on the head": no strike
        if not pattern.objects:
            return 1
        objects = tree.kids(i, "dobj", "nsubjpass", "attr", "dative")
        objects += [o for _, o in tree.prep_objects(i, OBJECT_PREPS)]
        objects += [o for x in tree.kids(i, "xcomp") for o in tree.kids(x, "dobj")]
        objects += [s for c in tree.kids(i, "ccomp", "xcomp") for s in tree.kids(c, "nsubj")]
        # a predicate adjective: "found X guilty", "was found liable", "held X responsible"
        predicates = ("ccomp", "oprd", "acomp", "advcl")
        objects += [c for c in tree.kids(i, *predicates) if tree.pos(c) == "ADJ"]
        heads = self.words["event_heads"]
        for obj in objects:  # grows: "part of a military aid program"
            if tree.lemma(obj) in heads and len(objects) < 12:
                objects += tree.kids(obj, "compound")
                objects += [o for _, o in tree.prep_objects(obj, ("of", "in"))]  # "$5m in aid"
        sizes = [e.size + 1 for o in objects for e in pattern.objects if self.noun_fits(o, e)]
        return max(sizes, default=0)

    def actor_objects(self, i: int) -> list[Span]:
        """The actors a verb acts on: its object, or the subject of the clause it governs
        ("allowed X to run" parsed as allowed -> ccomp run -> nsubj X)."""
        tree = self.tree
        heads = tree.kids(i, "dobj", "nsubjpass")
        heads += [s for c in tree.kids(i, "ccomp", "xcomp") for s in tree.kids(c, "nsubj")]
        heads += [c for h in heads for c in tree.kids(h, "conj")]
        # the object or the words naming it ("the visiting Iranian minister"), not what its
        # prepositions name ("counselling from the Vancouver police")
        words = heads + [m for h in heads for m in tree.kids(h, *QUALIFIER_DEPS)]
        named = {tree.mention_at[w] for w in words if w in tree.mention_at}
        return [tree.mention_span(m) for m in named if m.label in ACTOR_LABELS]

    def noun_fits(self, i: int, expression: Expression) -> bool:
        """Whether noun ``i`` is the expression ("phone call": call with modifier phone)."""
        tree = self.tree
        if expression.head == "money" and not expression.modifiers and self.is_money(i):
            return True  # "pledged $500 million"
        if tree.lemma(i) != expression.head and tree.lemma(i).rstrip("s") != expression.head:
            return False
        modifiers = {tree.lemma(m) for m in tree.kids(i, "compound", "amod", "nmod")}
        if not set(expression.modifiers) <= modifiers:
            return False
        if expression.of is None:
            return True
        return any(tree.lemma(o) == expression.of for _, o in tree.prep_objects(i, ("of",)))

    def is_money(self, i: int) -> bool:
        """Whether ``i`` is an amount of money ("$500 million": a currency symbol on it)."""
        tree = self.tree
        return any(tree.tokens[c][4] in CURRENCY_TAGS for c in (i, *tree.children[i]))

    def nominal_event(self, i: int) -> bool:
        """An event noun states an event when a verb carries it ("held talks"), it names who
        meets ("talks between X and Y"), it happens ("the talks concluded") or an actor
        modifies it ("Palestinian riots")."""
        tree, head = self.tree, self.tree.head(i)
        dep = tree.dep(i)
        if dep == "pobj" and tree.lemma(head) in BACKGROUND_PREPS:
            return False  # "after bloody clashes": the setting of the sentence's event
        if tree.prep_objects(i, ("between",)):
            return True
        if dep in ("dobj", "conj") and self.is_light(head):
            return True
        if self.carried_conjunct(i) is not None:
            return True  # "making accusations and threats": threats are made too
        if dep == "pobj" and self.carries(tree.head(head), head):
            return True
        if dep in ("nsubj", "nsubjpass") and self.is_word(head, "event_subject_verbs"):
            return True
        modifiers = tree.kids(i, "amod", "poss", "compound")
        if dep in ("nsubj", "ROOT") and any(m in tree.mention_at for m in modifiers):
            return True
        return self.between_named(i, modifiers)

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
        """The heads of an event noun's by-phrase, on the noun or on its of-phrase."""
        tree = self.tree
        holders = [i, *(o for _, o in tree.prep_objects(i, ("of",)))]
        return [o for h in holders for _, o in tree.prep_objects(h, ("by",))]

    def answers(self, verb: int) -> bool:
        """Whether a verb carrying a frame noun answers it ("dismissed an appeal", "accepted
        the demands"): a refusal, or a pattern of its own naming the noun as its object."""
        if self.refuses(verb):
            return True
        pattern = self.match(verb)
        return pattern is not None and bool(pattern.objects)

    def refuses(self, i: int) -> bool:
        """Whether verb ``i`` refuses (a refusal frame, or a REJECT pattern)."""
        if self.frame_kind(i) == "refuse":
            return True
        patterns = [p for f in self.tree.forms(i) for p in self.lex.verb_patterns.get(f, ())]
        return any(p.code.startswith("12") for p in patterns)

    def carries(self, verb: int, prep: int) -> bool:
        """Whether a verb carries the event noun after its preposition: a light verb ("has
        been in talks"), or a journey for or on it ("flew to Damascus for talks", "left on a
        visit": frames.yaml motion_verbs)."""
        if self.is_light(verb) or self.held_under(verb, prep) or self.met_with(verb, prep):
            return True
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
            return "appeal" if particles & {"on", "for", "upon"} else None
        if pos == "ADJ" and lemma in self.lex.frame_adjectives and tree.kids(i, "xcomp", "prep"):
            return self.lex.frame_adjectives[lemma]
        if pos == "NOUN" and lemma in self.lex.frame_nouns and self.frame_noun_verb(i) is not None:
            return self.lex.frame_nouns[lemma]
        return None

    def object_controlled(self, verb: int) -> list[Span]:
        """The named object an infinitive under ``verb`` is about, parsed as the verb's object
        ("would like the FCC to start over": like -> dobj FCC, xcomp start)."""
        tree = self.tree
        infinitive = any(
            tree.tokens[a][4] == "TO" for c in tree.kids(verb, "xcomp") for a in tree.kids(c, "aux")
        )
        if not infinitive:
            return []
        return [a for o in tree.kids(verb, "dobj") for a in tree.actors(o) if tree.named(a)]

    def dated(self, prep: int) -> bool:
        """Whether a preposition only gives a date ("on Sunday")."""
        objects = self.tree.kids(prep, "pobj")
        found = [self.tree.mention_at.get(o) for o in objects]
        return bool(found) and all(m is not None and m.label in DATE_LABELS for m in found)

    def frame_noun_verb(self, i: int) -> int | None:
        """The verb a frame noun hangs on ("stressed the need", "agreed on the need")."""
        tree, head = self.tree, self.tree.head(i)
        if tree.dep(i) == "dobj" and tree.pos(head) == "VERB":
            return head
        carried = tree.lemma(head) in FRAME_NOUN_PREPS  # not "of critical importance, X gave"
        if tree.dep(i) == "pobj" and carried and tree.pos(tree.head(head)) == "VERB":
            return tree.head(head)
        return None

    # --- building events ----------------------------------------------------------

    def trigger_event(self, i: int, pattern: Pattern) -> Found | None:
        """The event of a trigger token, with its actors and flags."""
        tree = self.tree
        holder = i if tree.pos(i) == "VERB" else self.event_head(i)
        anchor = holder
        if tree.pos(i) != "VERB" and tree.dep(holder) in ("dobj", "conj", "pobj"):
            head = tree.head(holder)
            head = tree.head(head) if tree.dep(holder) == "pobj" else head
            pobj = tree.dep(holder) == "pobj"
            light = self.carries(head, tree.head(holder)) if pobj else self.is_light(head)
            if tree.pos(head) == "VERB" and light:
                anchor = head
        if tree.dep(holder) in ("nsubj", "nsubjpass") and self.is_word(
            tree.head(holder), "event_subject_verbs"
        ):
            anchor = tree.head(holder)
        if tree.pos(i) != "VERB" and (carrier := self.carried_conjunct(holder)) is not None:
            anchor = carrier  # "making accusations and threats"
        code = pattern.code
        if code in self.lex.crowd_codes and self.crowd_subject(anchor):
            code = self.lex.crowd_codes[code]  # "thousands protested": a demonstration
        subject = self.subject_word(anchor)
        inspecting = subject is not None and self.is_word(subject, "inspector_nouns")
        if code in self.lex.inspector_codes and inspecting:  # "inspectors visited the site"
            code = self.lex.inspector_codes[code]
        code = self.violent_setting(i, code) or code  # "killed 12 guerrillas in a clash"
        if code in self.lex.force_codes and self.armed_doer(i, anchor):
            code = self.lex.force_codes[code]  # "an Indian warship attacked two boats": 190
        irregular = subject is not None and self.irregular_doer(subject)
        if code in self.lex.irregular_codes and irregular:
            code = self.lex.irregular_codes[code]  # "a gunman shot three people": 180
        if self.deadly(i, code):
            code = self.lex.fatal_code  # "officers fatally shot the teenager": a killing
        found = Found(i, anchor, code, pattern, symmetric=pattern.symmetric)
        found.holder = holder
        self.fill_actors(found)
        if tree.pos(i) != "VERB" and not any(tree.named(t) for t in found.targets):
            found.targets = self.prefer_named(found.targets + self.verb_recipients(holder))
        if found.sources and all(self.natural_cause(s) for s in found.sources):
            return None  # "an earthquake killed 300 people": no one acted
        if pattern.alone and len(self.named_sides(found)) < 2:
            found.code = pattern.alone  # "China held military exercises": no partner
        self.apply_modality(found)
        return found

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

    def violent_setting(self, verb: int, code: str) -> str | None:
        """ "troops killed 12 guerrillas in a clash", "died in an air strike": violence done in
        an act of violence named by an event noun is that act (the noun's code)."""
        tree, violence = self.tree, self.lex.roots["violence"]
        if tree.pos(verb) != "VERB" or int(code[:2]) < violence:
            return None
        for _, obj in tree.prep_objects(verb, ("in", "during")):
            candidates = self.lex.noun_patterns.get(tree.lemma(obj), ())
            fits = [(p, e) for p in candidates for e in p.nouns if self.noun_fits(obj, e)]
            if fits:
                noun = max(fits, key=lambda pe: pe[1].size)[0]
                if int(noun.code[:2]) >= violence:
                    return noun.code
        return None

    def natural_cause(self, span: Span) -> bool:
        """Whether a side is a force of nature or an accident ("a powerful earthquake"; not
        "artillery fire": an armed word before the cause makes it someone's act)."""
        words = span.text.lower().split()
        last = words[-1] if words else ""
        causes, armed = self.words["natural_causes"], self.words["armed_modifiers"]
        if any(w in armed or w.removesuffix("s") in armed for w in words[:-1]):
            return False
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
        counted = [o for _, o in self.tree.prep_objects(subject, ("of",))]
        if counted and self.tree.lemma(subject) in self.words["event_heads"]:
            return not self.is_word(counted[0], "armed_modifiers")  # "thousands of troops"
        plural = self.tree.tokens[subject][4] in ("NNS", "NNPS")
        collective = plural or self.is_word(subject, "collective_crowds")
        return collective and self.is_word(subject, "crowd_nouns")

    def subject_word(self, verb: int) -> int | None:
        """The head word of the verb's subject, its own or the one it inherits (in the
        passive voice, its "by" agent: "attacked by demonstrators")."""
        tree, node = self.tree, verb
        for _ in range(4):
            subjects = tree.kids(node, "nsubj")
            if tree.kids(node, "nsubjpass"):
                subjects = [o for _, o in tree.prep_objects(node, ("by",))]
            if subjects:
                return subjects[0]
            if tree.dep(node) not in ("xcomp", "advcl", "conj") or tree.head(node) == node:
                return None
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
        adjectives = pattern_adjectives(found.pattern)
        if passive and not nominal:
            self.fill_passive(found, passive, adjectives)
        elif not (nominal and anchor != i and tree.dep(i) in ("nsubj", "nsubjpass")):
            found.targets = self.objects(anchor, i if nominal else None, adjectives)
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

    def apply_modality(self, found: Found) -> None:
        """Negation, modals and conditions on the event's anchor (docs/events.md)."""
        tree, anchor = self.tree, found.anchor
        auxiliaries = {tree.lemma(a) for a in tree.kids(anchor, "aux", "auxpass")}
        if self.purpose(anchor):  # "would send a delegation to mediate": a later act too
            auxiliaries |= {tree.lemma(a) for a in tree.kids(tree.head(anchor), "aux")}
        shared = self.coordinated_with(anchor)
        if shared is not None:  # "will withdraw its troops and release the prisoners"
            auxiliaries |= {tree.lemma(a) for a in tree.kids(shared, "aux")} - {"do"}
        aspect = self.aspect_of(shared if shared is not None else anchor)
        if aspect is not None:  # "will begin withdrawing troops": begin's modals are its own
            auxiliaries |= {tree.lemma(a) for a in tree.kids(aspect, "aux", "auxpass")}
        found.negated = bool(tree.kids(anchor, "neg") or (aspect and tree.kids(aspect, "neg")))
        conditional = self.marked(anchor, self.words["condition_marks"])
        threatened = any(
            tree.lemma(m) in self.words["threat_marks"]
            for a in tree.kids(anchor, "advcl")
            for m in tree.kids(a, "mark")
        )
        if self.ruled_out(anchor):  # "removing the sanctions is out of the question"
            self.reframe(found, "refuse", found.targets)
            return
        if auxiliaries & self.words["obligation"] and self.speaker(anchor) is not None:
            self.reframe(found, "demand", self.subjects(anchor))
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
            kind = "threat" if (threatened or conflict) and not posture else "intent"
            if found.negated and kind == "intent":
                kind, found.negated = "refuse", False
            self.reframe(found, kind, found.targets)
            return
        if auxiliaries & self.words["hypothetical"] or auxiliaries & self.words["obligation"]:
            found.hypothetical = True
        if conditional:
            found.hypothetical = True

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

    def reframe(self, found: Found, kind: str, targets: list[Span]) -> None:
        """The event as the frame ``kind`` around it (a will-clause is an intent or threat)."""
        found.code = self.lex.frames[kind].code_for(found.code)
        found.targets = targets or found.targets
        found.symmetric = False

    def frame_event(self, i: int, triggers: dict[int, Pattern], consumed: set[int]) -> Found | None:
        """The event a frame opens, coded from the action inside it."""
        tree, kind = self.tree, self.frame_kind(i)
        assert kind is not None
        anchor = self.frame_noun_verb(i) if tree.pos(i) == "NOUN" else i
        assert anchor is not None
        if tree.pos(i) == "ADJ":
            anchor = tree.head(i) if tree.pos(tree.head(i)) in ("VERB", "AUX") else i
        inner = self.inner_trigger(i, triggers)
        complement = [c for c in tree.kids(i, "xcomp", "ccomp") if tree.pos(c) == "VERB"]
        plain = inner is None and kind == "intent" and tree.lemma(i) in self.lex.verb_patterns
        if plain and not complement:
            return None  # "X and Y agreed": the plain verb's own pattern codes it
        inner_code = triggers[inner].code if inner is not None else None
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
                if kind in ("demand", "appeal") and tree.head(inner) != i:
                    found.targets = found.targets or self.subjects(inner)
                found.negated = inner_event.negated and kind != "refuse" and not declined
        if kind in ("appeal", "demand") and tree.pos(i) == "VERB":
            for addressee in tree.kids(i, "dobj"):  # "urged the rebels to ...": the rebels
                if addressee != inner:
                    found.targets = tree.actors(addressee) or found.targets
            if kind == "appeal":  # "wants Israel to release ...", parsed as its clause's subject
                found.targets = self.controlled(i) or found.targets
        if kind == "appeal" and inner_event is not None:
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
        if tree.kids(anchor, "neg") and not withheld:
            found.negated = True
        return found

    def flatly_negated(self, verb: int) -> bool:
        """A negation on the verb that no adverb softens (`open_negation`: "has not yet
        agreed" is still open, "we do not always agree" no refusal)."""
        tree = self.tree
        return bool(tree.kids(verb, "neg")) and not any(
            self.is_word(a, "open_negation") for a in tree.kids(verb, "advmod")
        )

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

    def rally(self, found: Found, frame: int, inner: Found) -> None:
        """ "urged the EC to support the PLO", "called on Arabs to mobilize against X": an
        appeal to others to act for or against a named third party rallies support (053) or
        opposition (113) on its behalf, aimed at that party (frames.yaml: appeal, rally)."""
        code = self.lex.rally_codes.code_for(inner.code)
        if not code or not self.clause_of(inner.anchor, frame):
            return
        tree = self.tree
        others = {a.text.lower() for a in [*found.sources, *self.addressees(frame)]}
        third = [t for t in inner.targets if tree.named(t) and t.text.lower() not in others]
        if third:
            found.code, found.targets = code, third

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
        """Whom an appeal is made to: "urged the EC", "called on Arabs", "appealed to X"."""
        tree = self.tree
        heads = tree.kids(frame, "dobj") + [
            o for _, o in tree.prep_objects(frame, ("on", "upon", "to"))
        ]
        return [a for h in heads for a in tree.actors(h)] + self.controlled(frame)

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
        purposes = [
            c for c in clauses if any(tree.tokens[a][4] == "TO" for a in tree.kids(c, "aux"))
        ]
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
        if tree.pos(i) == "NOUN":
            queue = [c for c in tree.children[i] if tree.dep(c) in ("acl", "prep", "relcl")]
        seen = 0
        while queue and seen < 40:
            node, seen = queue.pop(0), seen + 1
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

    def host_events(self, event: Found) -> list[Found]:
        """ "talks between X and Y hosted by Z", "Z will host the talks between X and Y": Z
        mediates between them (a will-clause: Z's intent to mediate)."""
        tree = self.tree
        if not event.code.startswith("04") or tree.pos(event.trigger) == "VERB":
            return []
        hosts = []
        for verb in tree.kids(event.trigger, "acl"):
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

    def reported_obligation(self, verb: int, events: list[Found]) -> Found | None:
        """ "X said Y must do Z" with no coded action in it: X demands of Y (100)."""
        tree = self.tree
        for clause in tree.kids(verb, "ccomp"):
            auxiliaries = {tree.lemma(a) for a in tree.kids(clause, "aux")}
            if not auxiliaries & self.words["obligation"] or self.hindsight(clause):
                continue  # "should have done": a judgement (judgement_code)
            if any(e.anchor in set(tree.subtree(clause)) for e in events):
                return None  # the action's own event was reframed as the demand
            demand = Found(verb, verb, self.lex.frames["demand"].default)
            demand.sources = self.subjects(verb)
            demand.targets = self.subjects(clause)
            return demand if demand.sources else None
        return None

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
            found.targets = self.judged(found, clause)
            if not found.sources or not self.judges_someone(found, clause):
                return None  # "experts think better treatment is responsible": no one judged
            found.hypothetical = any(self.hedged(v) for v in judging)
            for event in alleged:
                events.remove(event)
            return found
        return None

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

    # --- output ----------------------------------------------------------------------

    def mentions(self, article_id: int, events: list[Found]) -> list[EventMention]:
        """The found events as EventMention records (one per trigger and code)."""
        tree, seen, out = self.tree, set(), []
        for event in events:
            if event.trigger in seen:
                continue  # one event per trigger: a frame's reading beats the plain verb's
            seen.add(event.trigger)
            reporter = self.speaker(event.anchor)
            reported_by = self.speaker_span(event.anchor) if reporter is not None else None
            reported_by = reported_by or self.according_to()
            sources = event.sources
            if reported_by is not None and (not sources or self.pronoun_subject(event.anchor)):
                sources = [reported_by]
            date = self.attached(event, DATE_LABELS, DATE_PREPS)
            place = self.attached(event, PLACE_LABELS, PLACE_PREPS)
            out.append(
                EventMention(
                    article_id=article_id,
                    sentence=tree.sentence.index,
                    part=tree.sentence.part,
                    text=tree.text,
                    trigger=tree.token_span(event.trigger),
                    cameo=event.code,
                    sentence_start=tree.sentence.start,
                    sources=tuple(sources),
                    targets=tuple(t for t in event.targets if t not in sources),
                    negated=event.negated,
                    hypothetical=event.hypothetical,
                    symmetric=event.symmetric,
                    refers_back=self.refers_to_pair(event.anchor, sources),
                    reported_by=reported_by,
                    date=tree.mention_span(date) if date else None,
                    place=tree.mention_span(place) if place else None,
                )
            )
        return out

    def attached(
        self, event: Found, labels: frozenset[str], preps: frozenset[str]
    ) -> Mention | None:
        """A date or place attached to the trigger or its anchor verb."""
        tree = self.tree
        shared = [c for c in tree.kids(event.anchor, "conj") if not tree.kids(c, "nsubj")]
        tokens = [event.trigger, event.anchor, *tree.kids(event.trigger, "acl"), *shared]
        for token in dict.fromkeys(tokens):
            mention = self.tree.attached(token, labels, preps)
            if mention is not None and all(s.start != mention.start for s in event.sources):
                return mention  # not the subject the parser read as an adverb ("Beijing massed")
        if labels is PLACE_LABELS and self.purpose(event.anchor):
            head = tree.head(event.anchor)  # "sent experts to Bosnia to investigate": there
            return self.tree.attached(head, labels, preps | DESTINATION_PREPS)
        return None

    def purpose(self, verb: int) -> bool:
        """Whether a verb is the purpose infinitive of the verb it hangs on ("to investigate")."""
        tree = self.tree
        infinitive = any(tree.tokens[a][4] == "TO" for a in tree.kids(verb, "aux"))
        return tree.dep(verb) == "advcl" and infinitive and tree.head(verb) != verb


def pattern_adjectives(pattern: Pattern | None) -> frozenset[str]:
    """The lemmas a verb pattern names as its object (a predicate adjective among them:
    "find guilty")."""
    return frozenset(e.head for e in pattern.objects) if pattern is not None else frozenset()
