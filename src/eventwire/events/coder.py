"""Codes each parsed sentence's events: who did what to whom (docs/events.md).

Triggers (verbs, event nouns) come from the pattern files; frames ("threatened to",
"refused to", "demanded that", "urged") take their code from the action inside them; modal
verbs, negation and conditions set the flags; reported speech names its reporter.

Here: finding triggers and writing mentions. The rest of ``SentenceCoder`` comes from its
mixins: ``frames.py``, ``speech.py``, ``filling.py``, ``nominal.py``, ``selection.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from eventwire.actors.roles import role_sector
from eventwire.events.filling import ActorFiller
from eventwire.events.found import BACKGROUND_PREPS, Found
from eventwire.events.frames import FrameCoder
from eventwire.events.lemmas import with_lemmas
from eventwire.events.lexicon import Expression, Lexicon, Pattern
from eventwire.events.nominal import NominalEvents
from eventwire.events.selection import EventSelector
from eventwire.events.speech import SpeechCoder
from eventwire.events.tree import (
    ACTOR_LABELS,
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
from eventwire.textnorm import is_title_case

# A title is in headline style ("Peru Expels Two Diplomats") when this share of its longer
# words is capitalised; a sentence naming a few people or places stays below it.
HEADLINE_SHARE = 0.75
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "across", "throughout"})
DATE_PREPS = frozenset({"on", "in", "during", "since", "from"})
# Prepositions whose object a verb pattern's object may be ("called for talks", "placed under
# house arrest").
OBJECT_PREPS = ("on", "to", "for", "of", "into", "from", "under")
OWNER_DEPS = ("compound", "amod", "poss", "nmod")  # a name before a noun: whose it is
# Mentions a "which" clause may tell the acts of ("Congress, which vetoed it"; not a place
# or a thing: "the attack on the mall, which killed 67")
GROUP_LABELS = frozenset({"ORG", "NORP"})
DIRECTIONS = frozenset({"high", "higher", "low", "lower", "up", "down"})  # a market move
# Tags no infinitive has: a plural noun, or the -s verb form the small model may give one
# ("agreed to demands": a noun).
NOT_INFINITIVE_TAGS = frozenset({"NNS", "VBZ"})
# Currency symbols: an amount with one is money ("pledged $500 million").
CURRENCY_TAGS = frozenset({"$"})
SCORE = re.compile(r"\d{1,3} ?- ?(\d{1,3}|under|over)\b")  # a game's score: "3-2", "8-under"
# Entity labels of what a market move is measured in ("rallied 13.8%").
AMOUNT_LABELS = frozenset({"MONEY", "PERCENT"})
AMOUNT_TAGS = frozenset({"$", "CD"})  # the head of an amount itself
# Where a purpose is carried out: the destination of the verb it hangs on ("sent to Bosnia").
DESTINATION_PREPS = frozenset({"to", "into"})
# Whom a participle set off by commas after a name states an act done to ("Smith, shot in the
# neck, ..."); not a thing named ("the warship Sukanya, deployed on patrols, ...").
PATIENTS = frozenset({"PERSON", "NORP", "ORG"})


def code_article(
    document: Document,
    parse: ArticleParse,
    mentions: Sequence[Mention],
    lexicon: Lexicon,
    titles: bool = False,
) -> list[EventMention]:
    """Every event mention of the article's parsed sentences: the body's, and the title's
    when it is written as a sentence (``titles``: any title). In an article where a disaster
    did violence, violence no one is said to have done is the disaster's, no event."""
    found, disaster = [], False
    code_title = titles or not is_title_case(document.title or "", HEADLINE_SHARE)
    for sentence in parse.sentences:
        if sentence.part == PART_TITLE and not code_title:
            continue
        text = document.title if sentence.part == PART_TITLE else document.text
        sentence = with_lemmas(sentence, text)
        if not lexicon.may_start(sentence, text):
            continue
        own = [m for m in mentions if m.part == sentence.part and m.sentence == sentence.index]
        coder = SentenceCoder(Tree(sentence, text[sentence.start : sentence.end], own), lexicon)
        found += coder.code(document.id)
        disaster = disaster or coder.harmed_by_disaster or coder.names_disaster()
    if disaster:  # "10 people were killed" in a report of an earthquake: the quake's doing
        found = [m for m in found if m.sources or not lexicon.is_violent(m.cameo)]
    return found


class SentenceCoder(FrameCoder, SpeechCoder, ActorFiller, NominalEvents, EventSelector):
    """Codes one sentence's tree."""

    harmed_by_disaster = False  # the sentence says a disaster killed or hurt (code_article)

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
            verb = triggers.get(head, pattern)
            judged = verb.code.startswith(tuple(self.words["judging_codes"]))  # "welcomed X's"
            verb_object = self.tree.dep(holder) == "dobj" and verb.objects and not judged
            if index in consumed or (head in triggers and head != index and verb_object):
                continue  # "imposed sanctions", "ended mediation efforts": the verb names it
            if self.in_background(holder):
                continue  # "after an agreement on carrying out a demonstration"
            event = self.trigger_event(index, pattern)
            if event is not None:
                events.append(event)
                hosts += self.host_events(event) + self.joint_events(event)
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
        clauses = tree.kids(frame, "xcomp", "ccomp", "acl") + self.for_clauses(frame)
        if tree.pos(frame) == "NOUN":
            clauses += self.demanded_clauses(frame, anchor)
        wrapped = {t for c in clauses for t in tree.subtree(c)}
        if self.frame_kind(frame) == "appeal":  # what a call is for, every conjunct itself
            wrapped |= {c for _, o in tree.prep_objects(frame, ("for",)) for c in tree.conjuncts(o)}
        return wrapped

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
            if self.tree.pos(i) in ("NOUN", "PROPN") and (best := self.noun_pattern(i)) is not None:
                found[i] = best
        return found

    def noun_pattern(self, i: int) -> Pattern | None:
        """The pattern whose noun expression fits noun ``i`` with the most words, if any."""
        candidates = self.lex.noun_patterns.get(self.tree.lemma(i), ())
        if candidates and self.ailment(i):
            return None  # "suffered a heart attack"
        preps = self.pattern_preps(i) if any(p.prep_objects for p in candidates) else []
        fitting = [
            (p, e)
            for p in candidates
            if not p.prep_objects or self.prep_object_fits(i, p, preps)
            if not p.any_actor or self.given_to_someone(i)
            for e in p.nouns
            if self.noun_fits(i, e)
        ]
        best = max(fitting, key=lambda pe: (pe[1].size, bool(pe[0].prep_objects)), default=None)
        return best[0] if best else None

    def given_to_someone(self, noun: int) -> bool:
        """Whether a noun is given to an actor or a person named by role, by "to" on it or on
        the verb carrying it or as that verb's indirect object ("gave a warm welcome to de
        Klerk", "gave Chavez a warm welcome"), or received by one from another ("Putin
        received a warm welcome from Chinese leaders"); not "a welcome to Iran's proposal",
        "the offer received a cool welcome"."""
        tree = self.tree
        carrier = tree.head(noun) if tree.dep(noun) == "dobj" else None
        heads = [o for _, o in tree.prep_objects(noun, ("to",))]
        if carrier is not None:
            heads += [o for _, o in tree.prep_objects(carrier, ("to",))]
            heads += tree.kids(carrier, "dative") + [
                o for o in tree.kids(carrier, "dobj") if o != noun
            ]
            if self.is_word(carrier, "undergo_verbs") and tree.prep_objects(carrier, ("from",)):
                heads += tree.kids(carrier, "nsubj", "nsubjpass")
        return any(self.someone(h) for h in heads)

    def someone(self, i: int) -> bool:
        """Whether a noun names an actor or a person by role."""
        return self.tree.label(i) in ACTOR_LABELS or role_sector(self.tree.word(i)) is not None

    def ailment(self, i: int) -> bool:
        """Whether noun ``i`` names an illness, no one's act ("a heart attack": `ailments`)."""
        tree = self.tree
        modifiers = tree.kids(i, "compound", "amod", "nmod")
        return any(f"{tree.lemma(m)} {tree.lemma(i)}" in self.words["ailments"] for m in modifiers)

    def verb_patterns(self, i: int) -> list[Pattern]:
        """The patterns of any of verb ``i``'s forms."""
        return [p for f in self.tree.forms(i) for p in self.lex.verb_patterns.get(f, ())]

    def match(self, i: int, framed: bool = False) -> Pattern | None:
        """The most specific pattern token ``i`` triggers, if any (``framed``: inside a
        frame, where a clause on a noun is the framed act: "its willingness to negotiate")."""
        tree, pos = self.tree, self.tree.pos(i)
        if pos == "VERB":
            candidates = self.verb_patterns(i)
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
            if best and not self.lex.is_violent(best[0].code) and self.alleged(i):
                return None  # "accused X of arming the rebels": the accusation is the event
            return best[0] if best else None
        best = self.noun_pattern(i)
        head = self.event_head(i)
        if best is not None and (self.nominal_event(head) or self.means_of_violence(head, best)):
            return best
        conflict = best is not None and int(best.code[:2]) >= self.lex.roots["conflict"]
        if conflict and self.nominal_agents(head):  # "the arrest of ten fishermen by police"
            return best  # a visit or a call "by X" may be one to come; an arrest has been made
        return None

    def alleged(self, verb: int) -> bool:
        """Whether a verb is the act an accusation alleges ("accused X of arming the rebels",
        "blamed X for supporting them"), no event of its own but where violence was done
        (the caller keeps it: "is accused of fatally shooting Y") or the accusation only
        describes someone ("the man accused of ...")."""
        tree = self.tree
        prep = tree.head(verb)
        if tree.dep(verb) != "pcomp" or tree.lemma(prep) not in ("of", "for"):
            return False
        accusing, code = tree.head(prep), self.lex.accusation_code
        if tree.dep(accusing) in ("acl", "amod", "relcl"):
            return False
        return any(p.code == code for p in self.verb_patterns(accusing))

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
        tree = self.tree
        if tree.dep(i) != "nsubj" or not self.is_violent(pattern.code):
            return False
        head = tree.head(i)
        if tree.pos(head) != "VERB" or head == i:
            return False
        return any(self.is_violent(p.code) for p in self.verb_patterns(head))

    def staff_dismissed(self, verb: int) -> bool:
        """Whether what a verb dismisses is people (a person named or `staff_nouns`)."""
        tree = self.tree
        patients = tree.kids(verb, "dobj", "nsubjpass")
        return any(tree.label(p) == "PERSON" or self.is_word(p, "staff_nouns") for p in patients)

    def blamed_on_nature(self, verb: int) -> bool:
        """Whether what a verb blames is set "on" a force of nature ("blamed on the storm")."""
        tree = self.tree
        blamed = [o for _, o in tree.prep_objects(verb, ("on",))]
        return any(self.natural_cause(tree.noun_phrase(o)) for o in blamed)

    def advocates(self, verb: int) -> bool:
        """Whether a person's verb of struggle argues for a cause: an infinitive after it with
        no act of violence ("Obama said he would fight to maintain the protections"; not
        "fought to retake the town", nor rebels, a state or its forces fighting)."""
        tree = self.tree
        if tree.pos(verb) != "VERB" or not self.is_word(verb, "advocacy_verbs"):
            return False
        doer = self.subject_word(verb)
        if doer is None or not (tree.is_pronoun(doer) or tree.label(doer) == "PERSON"):
            return False  # "Houthi rebels fought to defend the port": a fight
        aims = [c for c in tree.kids(verb, "xcomp", "advcl") if tree.is_infinitive(c)]
        violent = any(self.is_violent(p.code) for c in aims for p in self.verb_patterns(c))
        return bool(aims) and not violent

    def discharged(self, verb: int) -> bool:
        """Whether a release lets a patient go ("treated at a hospital and released",
        "released from hospital": `care_verbs`, `care_places`)."""
        tree = self.tree
        patients = tree.kids(verb, "dobj", "nsubjpass")
        if tree.dep(verb) == "conj":
            patients += tree.kids(tree.head(verb), "dobj", "nsubjpass")
        if any(self.is_word(p, "captive_nouns") for p in patients):
            return False  # "the hostages were freed and treated at a hospital"
        before = [tree.head(verb)] if tree.dep(verb) == "conj" else []  # "treated ... and released"
        cared = any(self.is_word(v, "care_verbs") for v in before)
        places = [o for _, o in tree.prep_objects(verb, ("from",))]
        return cared or any(self.is_word(o, "care_places") for o in places)

    def describes_participant(self, i: int) -> bool:
        """ "the planned deployment", "whom they had taken hostage": a word describing a
        participant, not an event the sentence states."""
        tree = self.tree
        described = tree.dep(i) in ("amod", "acl") and tree.pos(i) == "VERB"
        if described and not self.stated_by(i) and not self.predicated(i):
            return True  # "the planned deployment", "a lunch hosted by X"
        clause = i if tree.pos(i) == "VERB" else tree.head(i)
        for _ in range(6):  # up through the clauses a relative clause or a setting holds
            marks = {tree.lemma(m) for m in tree.kids(clause, "mark")}
            if tree.dep(clause) == "relcl" and not self.when_clause(clause):
                own = tree.pos(i) != "VERB" or self.simple_past(i)  # "and could attack X": no
                if not (self.told_in_passing(clause) and own):
                    return True
                clause = tree.governing_verb(tree.head(clause))  # "after X, who ..., withdrew"
                if clause is None:
                    return False
                continue
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

    def told_in_passing(self, clause: int) -> bool:
        """Whether a relative clause tells, in passing, what its head did: set off by a comma,
        opened by "who" or "which", its verb in the simple past ("Hutu forces, who
        slaughtered mainly Tutsis"); a restrictive one picks its head out ("the man who was
        arrested") and a present one describes it ("a group which supports the curbs")."""
        tree = self.tree
        if not self.simple_past(clause):
            return False
        head = tree.mention_at.get(tree.head(clause))
        doers = ("who",) if head is None or head.label not in GROUP_LABELS else ("who", "which")
        pronouns = [k for k in tree.kids(clause, "nsubj") if tree.lemma(k) in doers]
        return any(k > 0 and tree.word(k - 1) == "," for k in pronouns)

    def simple_past(self, verb: int) -> bool:
        """Whether a word is a verb in the simple past, with no auxiliary ("vetoed"; not
        "could attack", "has supported")."""
        tree = self.tree
        return tree.tokens[verb][4] == "VBD" and not tree.kids(verb, "aux", "auxpass")

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
        if tree.is_infinitive(verb):
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

    def place_preps(self, i: int) -> list[int]:
        """Verb ``i``'s prepositions, but not those of a time ("fired X on Monday": not fired
        on someone)."""
        tree = self.tree

        def timed(prep: int) -> bool:
            return any(tree.is_time(o) for o in tree.kids(prep, "pobj"))

        return [c for c in tree.kids(i, "prep") if not timed(c)]

    def verb_fits(self, i: int, pattern: Pattern) -> int:
        """How well verb ``i`` has the particle and object the pattern needs (0: not)."""
        tree = self.tree
        # the small model often labels a particle as an adverb ("stepped down": advmod) or as
        # a preposition with no object of its own ("pulled out of Chechnya")
        particles = [c for c in tree.kids(i, "prt", "advmod") if c > i]
        particles += [c for c in tree.kids(i, "prep") if c > i and not tree.kids(c, "pobj")]
        if pattern.particle and pattern.particle not in {tree.lemma(c) for c in particles}:
            return 0
        preps = self.pattern_preps(i) if pattern.preps else []
        if pattern.preps and not {tree.lemma(c) for c in preps} & pattern.preps:
            return 0
        if pattern.prep_objects and not self.prep_object_fits(i, pattern, preps):
            return 0
        if pattern.any_actor and not any(tree.named(a) for a in self.actor_objects(i)):
            return 0
        if pattern.intransitive and tree.kids(i, "dobj", "nsubjpass", "auxpass"):
            return 0  # "struck a blow", "struck a deal", "was struck on the head": no strike
        subject = self.subject_fit(i, pattern)
        if not subject or not pattern.objects:
            return subject
        objects = tree.kids(i, "dobj", "nsubjpass", "attr", "dative")
        # not a time ("stopped work on the first day of the strike": no strike stopped)
        objects += [o for _, o in tree.prep_objects(i, OBJECT_PREPS) if not tree.is_time(o)]
        # after a particle read as a preposition: "pulled out of the negotiations"
        bare = [p for p in tree.kids(i, "prep") if not tree.kids(p, "pobj")]
        objects += [o for p in bare for _, o in tree.prep_objects(p, OBJECT_PREPS)]
        objects += [o for x in tree.kids(i, "xcomp") for o in tree.kids(x, "dobj")]
        # a plural noun after "to" that the small model takes for an infinitive ("agreed to
        # demands" parsed as agreed -> xcomp demands): no infinitive ends in -s
        objects += [x for x in tree.kids(i, "xcomp") if tree.tokens[x][4] in NOT_INFINITIVE_TAGS]
        objects += [s for c in tree.kids(i, "ccomp", "xcomp") for s in tree.kids(c, "nsubj")]
        # a predicate adjective: "found X guilty", "was found liable", "held X responsible"
        predicates = ("ccomp", "oprd", "acomp", "advcl")
        objects += [c for c in tree.kids(i, *predicates) if tree.pos(c) == "ADJ"]
        # ... which the small model may hang after the object instead ("found a former
        # employee guilty" parsed as employee -> amod guilty): English puts few adjectives there
        objects += [
            a for o in tree.kids(i, "dobj") for a in tree.kids(o, "amod")
            if a > o and tree.pos(a) == "ADJ"
        ]  # fmt: skip
        heads = self.words["event_heads"]
        for obj in objects:  # grows: "part of a military aid program"
            if tree.lemma(obj) in heads and len(objects) < 12:
                objects += tree.kids(obj, "compound")
                objects += [o for _, o in tree.prep_objects(obj, ("of", "in"))]  # "$5m in aid"
            if self.is_word(obj, "access_nouns") and len(objects) < 12:
                objects += [o for _, o in tree.prep_objects(obj, ("to",))]  # "access to X"
        sizes = [e.size + 1 for o in objects for e in pattern.objects if self.noun_fits(o, e)]
        return max(sizes, default=0)

    def prep_object_fits(self, i: int, pattern: Pattern, preps: list[int] | None = None) -> bool:
        """Whether one of verb or noun ``i``'s pattern prepositions (``preps``: its
        ``pattern_preps`` when already read) has an object the pattern names ("shot in the
        leg", "hit on the head", "an attack on press freedom")."""
        tree = self.tree
        found = self.pattern_preps(i) if preps is None else preps
        preps = [p for p in found if tree.lemma(p) in pattern.preps]
        objects = [o for p in preps for o in tree.kids(p, "pobj")]
        return any(self.names_one(o, pattern.prep_objects) for o in objects)

    def pattern_preps(self, i: int) -> list[int]:
        """The prepositions a pattern may need on verb or noun ``i``: its own (not of time),
        and those the parser hangs on the verb carrying the noun ("launched an assault on X")
        or on the verb's object ("informed X of the violations")."""
        tree = self.tree
        preps = self.place_preps(i)
        if tree.pos(i) != "VERB" and tree.dep(i) == "dobj":
            preps += self.place_preps(tree.head(i))
        if tree.pos(i) == "VERB":
            preps += [p for o in tree.kids(i, "dobj") for p in tree.kids(o, "prep")]
        return preps

    def names_one(self, i: int, expressions: tuple[Expression, ...]) -> bool:
        """Whether noun ``i`` is one of the expressions, and so is what its of-phrase names
        ("the back of the head"; not "in the face of criticism")."""
        if not any(self.noun_fits(i, e) for e in expressions):
            return False
        parts = [o for _, o in self.tree.prep_objects(i, ("of",))]
        return all(any(self.noun_fits(o, e) for e in expressions) for o in parts)

    def aimed_against(self, i: int) -> bool:
        """Whether a verb's object is set "against" someone ("rallied support against X")."""
        tree = self.tree
        objects = tree.kids(i, "dobj") if tree.pos(i) == "VERB" else [i]
        return any(tree.prep_objects(o, ("against",)) for o in objects)

    def subject_fit(self, i: int, pattern: Pattern) -> int:
        """How well verb ``i``'s subject is one the pattern needs (1 for a pattern needing
        none; 0: not): "a car bomb exploded" fits car bomb better than bomb."""
        if not pattern.subjects:
            return 1
        subject = self.subject_word(i)
        if subject is None:
            return 0
        subjects = [subject]
        if self.tree.lemma(subject) in self.words["event_heads"]:  # "a batch of peacekeepers"
            subjects += [o for _, o in self.tree.prep_objects(subject, ("of",))]
        fits = [e.size for s in subjects for e in pattern.subjects if self.noun_fits(s, e)]
        return max(fits, default=0)

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
        compounds = [] if expression.modifiers else tree.kids(i, "compound")
        armed = ("armed_modifiers", "force_modifiers")
        civil = [
            c
            for c in compounds
            if tree.pos(c) == "NOUN"
            and c not in tree.mention_at  # not "the NATO force"
            and not any(self.is_word(c, w) for w in armed)
        ]
        if civil and self.is_word(i, "bare_heads"):
            return False  # "its forces", "the peacekeeping force", not "the sales force"
        if expression.of is None:
            return True
        return any(tree.lemma(o) == expression.of for _, o in tree.prep_objects(i, ("of",)))

    def against_nature(self, verb: int) -> bool:
        """Whether a verb's object is a force of nature, an accident or an illness ("fight a
        blaze", "battled the floods", "battled kidney cancer"; not "opened fire", "returned
        fire": fire needs its determiner)."""
        tree = self.tree
        objects = tree.kids(verb, "dobj") if tree.pos(verb) == "VERB" else []
        return bool(objects) and all(
            (tree.kids(o, "det") or tree.lemma(o) != "fire")  # not "opened fire"
            and self.natural_cause(tree.noun_phrase(o))
            for o in objects
        )

    def outcome_of_accident(self, verb: int) -> bool:
        """Whether a participle with no subject of its own tells what an accident did ("the
        shuttle broke apart during descent, killing all seven": ``accident_verbs``)."""
        tree = self.tree
        if tree.dep(verb) != "advcl" or tree.tokens[verb][4] != "VBG":
            return False
        head = tree.head(verb)
        return (
            not tree.kids(verb, "nsubj") and head != verb and self.is_word(head, "accident_verbs")
        )

    def natural_setting(self, verb: int) -> bool:
        """Whether a verb happened in a force of nature or an accident no clause explains
        ("was killed in an automobile accident", "during the storm"; not "in a fire set by
        rebels")."""
        tree = self.tree
        if tree.pos(verb) != "VERB":
            return False
        settings = [o for _, o in tree.prep_objects(verb, ("in", "during"))]
        unexplained = [o for o in settings if not tree.kids(o, "acl", "relcl")]  # "set by X"
        return any(self.natural_cause(tree.noun_phrase(o)) for o in unexplained)

    def names_disaster(self) -> bool:
        """Whether the sentence reports a disaster: a noun of ``disasters`` (an earthquake, a
        storm, a crash; not a fire, which someone may have set) as a verb's subject or in its
        prepositional phrase ("an earthquake struck", "died in the crash")."""
        tree = self.tree
        for i in range(len(tree)):
            if tree.pos(i) != "NOUN" or not self.is_word(i, "disasters"):
                continue
            head = tree.head(i)
            if tree.dep(i) in ("nsubj", "nsubjpass") and tree.pos(head) == "VERB":
                return True
            if tree.dep(i) == "pobj" and tree.pos(tree.head(head)) == "VERB":
                return True
        return False

    def measured(self, verb: int, money_objects: bool = True) -> bool:
        """Whether a verb is measured by an amount of money, a share or a score ("rallied 43
        cents", "bombed with $2.9 million", "beat Colorado 3-2"): its object, measure or
        amount money, a MONEY or PERCENT mention, a counted unit of one (``amount_units``)
        or a game's score (``money_objects``: money as the object counts too)."""
        tree = self.tree
        amounts = [o for _, o in tree.prep_objects(verb, ("with", "by", "to"))]
        # "shot 32 percent higher": the amount measures a direction on the verb
        directions = [a for a in tree.kids(verb, "advmod", "acomp") if tree.lemma(a) in DIRECTIONS]
        amounts += [k for a in directions for k in tree.kids(a, "npadvmod")]
        for kid in tree.kids(verb, "dobj", "npadvmod") + amounts:
            mention = tree.mention_at.get(kid)
            if mention is not None and mention.label in AMOUNT_LABELS:
                return True
            money = self.is_money(kid) and tree.tokens[kid][4] in AMOUNT_TAGS
            if money and (money_objects or kid in amounts):
                return True  # "with $2.9 million"; "rejected a $15 offer" names an offer
            if self.is_word(kid, "amount_units") and tree.kids(kid, "nummod"):
                return True  # "43 cents", "3 points"
            if tree.tokens[kid][4] == "CD" and SCORE.match(tree.rest(kid)):
                return True  # "beat Colorado 3-2", "shot an 8-under 64": a game's score
        return False

    def done_by_nature(self, verb: int) -> bool:
        """Whether a verb's by-phrase names only forces of nature ("destroyed by the blaze
        west of Durango"; not "by Israeli fire", "by army fire": a name or an armed word before
        the noun makes it someone's)."""
        tree = self.tree
        agents = [o for _, o in tree.prep_objects(verb, ("by",))]
        for agent in agents:
            owners = tree.kids(agent, *OWNER_DEPS)
            if any(m in tree.mention_at or self.is_word(m, "armed_modifiers") for m in owners):
                return False
            if not any(
                self.is_word(w, "natural_causes") for w in [agent, *tree.kids(agent, "compound")]
            ):
                return False
        return bool(agents)

    def is_money(self, i: int) -> bool:
        """Whether ``i`` is an amount of money ("$500 million": a currency symbol on it)."""
        tree = self.tree
        return any(tree.tokens[c][4] in CURRENCY_TAGS for c in (i, *tree.children[i]))

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
            light = light or (not pobj and self.is_word(head, "deliberation_verbs"))
            if tree.pos(head) == "VERB" and light:
                anchor = head
        subject_of = tree.head(holder)  # "talks collapsed"; "charges were filed against X"
        if (
            tree.dep(holder) in ("nsubj", "nsubjpass")
            and self.is_word(subject_of, "event_subject_verbs")
        ) or (tree.dep(holder) == "nsubjpass" and self.is_light(subject_of)):
            anchor = subject_of
        if tree.pos(i) != "VERB" and (carrier := self.carried_conjunct(holder)) is not None:
            anchor = carrier  # "making accusations and threats"
        if tree.pos(i) != "VERB" and (setting := self.setting_verb(holder)) is not None:
            anchor = setting  # "in a telephone conversation with X, Y said": Y's
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
        if code in self.lex.against_codes and self.aimed_against(i):
            code = self.lex.against_codes[code]  # "rallied support against X": opposition
        if code in self.lex.repression_from and self.represses(anchor):
            code = self.lex.repression_code  # "security forces fired on the protesters": 175
        if self.deadly(i, code):
            code = self.lex.fatal_code  # "officers fatally shot the teenager": a killing
        found = Found(i, anchor, code, pattern, symmetric=pattern.symmetric)
        found.holder = holder
        self.fill_actors(found)
        if tree.pos(i) != "VERB" and not any(tree.named(t) for t in found.targets):
            found.targets = self.prefer_named(found.targets + self.verb_recipients(holder))
        if found.sources and all(self.natural_cause(s) for s in found.sources):
            return None  # "an earthquake killed 300 people": no one acted
        if self.done_by_nature(anchor):
            return None  # "homes destroyed by the fire northwest of Boulder": no one acted
        if self.is_violent(code) and self.advocates(i) and not self.armed_doer(i, anchor):
            return None  # "would fight to maintain the protections": a cause argued for
        if code.startswith(tuple(self.words["release_codes"])) and self.discharged(anchor):
            return None  # "was treated at a hospital and released": a patient, no captive
        if self.is_word(i, "dismissal_verbs") and self.staff_dismissed(i):
            return None  # "two vice-presidents were dismissed": fired, no rejection
        if code.startswith(self.lex.accusation_code) and self.blamed_on_nature(anchor):
            return None  # "nine deaths were blamed on the storm": no one accused
        if self.is_violent(code) and self.against_nature(i):
            return None  # "crews fought a blaze": force against no one
        if self.is_violent(code) and not found.sources and self.natural_setting(holder):
            return None  # "was killed in an earthquake": no one acted
        if self.is_violent(code) and self.outcome_of_accident(holder):
            self.harmed_by_disaster = True
            return None  # "the plane crashed, killing all 75 aboard": no one acted
        hostile = code.startswith(self.lex.protest_root) or self.is_violent(code)
        if hostile and self.measured(holder):
            return None  # "shares rallied 43 cents", "the film bombed with $2.9 million"
        if pattern.alone and len(self.named_sides(found)) < 2:
            found.code = pattern.alone  # "China held military exercises": no partner
        self.apply_modality(found)
        return found

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
            if reported_by is not None and self.speaker_acts(event, sources):
                sources = [reported_by]
            date = self.attached(event, DATE_LABELS, DATE_PREPS)
            place = self.attached(event, PLACE_LABELS, PLACE_PREPS)
            doer, patient = self.pronoun_sides(event, sources)
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
                    names=tuple(s for s in (*sources, *event.targets) if tree.untagged_name(s)),
                    source_pronoun=doer,
                    target_pronoun=patient,
                )
            )
        return out

    def pronoun_sides(self, event: Found, sources: list[Span]) -> tuple[Span | None, ...]:
        """ "he" doing, "him" undergoing an act where no other side is named (the story step
        finds whom they point back to)."""
        tree, anchor = self.tree, event.anchor
        doer = None if sources else tree.personal_pronoun(anchor, "nsubj")
        patient = None if event.targets else tree.personal_pronoun(anchor, "dobj", "nsubjpass")
        return doer, patient

    def speaker_acts(self, event: Found, sources: list[Span]) -> bool:
        """Whether the speaker of a reported act is its doer: the act's subject is a pronoun
        ("Hungary said it will support ..."), or it names none and no by-phrase names one
        either ("she said she was assaulted by one of the guards": the guard); not a verb
        with a subject of its own, named or not ("said her mother was killed"); not an event
        noun that merely happened (`happening_verbs`: "the blast occurred ..., police said";
        not "its attacks would continue", "the talks had ended")."""
        if self.pronoun_subject(event.anchor):
            return True
        tree, holder = self.tree, event.holder if event.holder is not None else event.trigger
        if self.own_subject(event):
            return False  # "her mother was killed", "hundreds of settlers converged": not hers
        happened = tree.dep(holder) == "nsubj" and self.is_word(event.anchor, "happening_verbs")
        if tree.pos(event.trigger) != "VERB" and happened and not tree.kids(holder, "poss"):
            return False  # "the blast occurred at 5 a.m., police said": no one's act named
        return not sources and not tree.prep_objects(event.anchor, ("by",))

    def own_subject(self, event: Found) -> bool:
        """Whether an act names its own doer, not the speaker: a subject that is no pronoun
        ("hundreds of settlers converged", "insisted the Philippines had provoked the clash"),
        a gerund after a preposition ("seized the tanker for violating the rules"), or for
        violence a patient the speaker did not fight ("her mother was killed, she said"; not
        "the army said 20 militants were killed": `combatant_nouns` killed by an armed or
        state speaker; "police said two men were arrested" and "are under arrest, police said"
        stay theirs, not a lawyer's who says a client faces charges)."""
        tree, anchor = self.tree, event.anchor
        holder = event.holder if event.holder is not None else event.trigger
        verbs = [anchor, *([tree.head(holder)] if tree.dep(holder) == "dobj" else [])]
        doers = [s for v in verbs for s in tree.kids(v, "nsubj") if not tree.is_pronoun(s)]
        speech = self.speaker(anchor)
        speaker = self.subject_word(speech) if speech is not None else None
        stated = speaker is not None and self.state_or_armed(speaker)
        if self.subject_undergoes(anchor):  # "are under arrest, police said": the police's
            return bool(doers) and not stated
        if [s for s in doers if s != holder] or tree.dep(anchor) == "pcomp":
            return True
        patients = [s for s in tree.kids(anchor, "nsubjpass") if not tree.is_pronoun(s)]
        if not patients or not self.is_violent(event.code):
            return False
        fought = any(self.is_word(p, "combatant_nouns") for p in patients)
        return not (fought and stated)

    def subject_undergoes(self, verb: int) -> bool:
        """Whether a verb's subject undergoes the act its noun names ("faces charges", "are
        under arrest": `undergo_verbs`, `undergo_preps`)."""
        preps = self.tree.kids(verb, "prep")
        return self.is_word(verb, "undergo_verbs") or any(self.held_under(verb, p) for p in preps)

    def state_or_armed(self, word: int) -> bool:
        """Whether a word names armed forces, police or a state (a country, its people or one
        of its bodies named)."""
        return self.armed(word) or self.tree.label(word) in ("GPE", "NORP", "ORG")

    def attached(
        self, event: Found, labels: frozenset[str], preps: frozenset[str]
    ) -> Mention | None:
        """A date or place attached to the trigger or its anchor verb."""
        tree = self.tree
        shared = [c for c in tree.kids(event.anchor, "conj") if not tree.kids(c, "nsubj")]
        tokens = [event.trigger, event.anchor, *tree.kids(event.trigger, "acl"), *shared]
        nested = labels is PLACE_LABELS  # "in a crowded market in Baghdad"
        for token in dict.fromkeys(tokens):
            mention = self.tree.attached(token, labels, preps, nested)
            if mention is not None and all(s.start != mention.start for s in event.sources):
                return mention  # not the subject the parser read as an adverb ("Beijing massed")
        if labels is PLACE_LABELS and self.purpose(event.anchor):
            head = tree.head(event.anchor)  # "sent experts to Bosnia to investigate": there
            return self.tree.attached(head, labels, preps | DESTINATION_PREPS)
        return None

    def purpose(self, verb: int) -> bool:
        """Whether a verb is the purpose infinitive of the verb it hangs on ("to investigate")."""
        tree = self.tree
        return tree.dep(verb) == "advcl" and tree.is_infinitive(verb) and tree.head(verb) != verb
