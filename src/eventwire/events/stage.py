"""The events stage's adapter to the stage contract (src/eventwire/stage.py).

A story stage: each story's articles are coded sentence by sentence from the parse the
entities stage kept (spaCy runs once per text), then merged into the story's events.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

import yaml

from eventwire.actors.known import KnownActors, known_actors
from eventwire.errors import first_line
from eventwire.events.coder import code_article
from eventwire.events.lexicon import load_lexicon
from eventwire.events.merge import merge_story
from eventwire.events.settings import EventsSettings
from eventwire.model import EventsInput, StageReport, StageRun, StoryEvents
from eventwire.stage import STORY

if TYPE_CHECKING:
    from eventwire.store import Repository

log = logging.getLogger(__name__)


class EventsStage:
    """Who did what to whom, when and where: each story's events with their evidence."""

    name = "events"
    version = 26  # 2: legal process, acts undergone, judgements (recall round, 2026-12-07);
    # 3: the review of that round (judgements, civilians, the user file's leaders);
    # 4: the seventh round (participles, rulings, role doers, who shoots, ...: evrecall2);
    # 5: a name taken for a place no gazetteer knows is a side (merge._unplaced_name);
    # 6: the codebook lexicon additions; role doers of governments, rebels, the opposition;
    # 7: codebook gaps: repression of crowds, devices going off, mass expulsion, "to demands";
    # 8: a title written as a sentence is coded (coder.HEADLINE_SHARE)
    # 9: a token's own characters read right past a part's first sentence (Tree.word)
    # 10: a refusal to speak is CAMEO 011, not a rejection ("declined to comment")
    # 11: no protest measured in money or shares, no force against a blaze or a flood, no
    # killing in an earthquake or an accident, no refusal or attack in a falling amount;
    # a release (0841) is of persons, not of things ("released a new beta"); a failure is a
    # refusal only of a coded act; a preposition of time places no act ("fired X on Monday");
    # a game's score measures no violence; no intent in a wrongdoing committed; no act in what
    # an accident did ("crashed, killing 75"); in a disaster report, violence no one did is
    # the disaster's
    # 12: a blow or shot a body part names is an assault (182); settlements and plea
    # agreements are agreements (057); praise lavished, tribute paid, weight thrown behind (051);
    # an event noun said to be under way happens; naming someone the suspect or a defendant
    # accuses them (112); persons released are persons (0841 targets); "lied" is "lie" (-ie
    # verbs); argue, contend, insist, assert, testify, emphasize report speech; an attack on an
    # idea, a decision or a value is criticism (111), not violence; an illness ("a heart
    # attack") is no act; an event noun a passive light verb carries is stated ("a lawsuit was
    # filed against X"), and "no" on an event noun negates it ("filed no lawsuit"); a predicate
    # noun of disapproval judges ("said the decree was an attack on the constitution"); fearing
    # reports a judgement; quarrels (110); charges notified (112); a pattern's preposition
    # may hang on the verb's object ("charged X with fraud": 173); armed craft positioned,
    # scrambled or stationed (154); an act its doer is considering or weighing is one to come,
    # as with "will" (a threat around conflict, else an intent); an attack repelled is fought
    # (190); an event noun an outcome verb leads to happened ("led to the arrest of X");
    # welcoming a decision praises it (051, not hosting); trade retaliation is a sanction
    # (163, not force); crowds dispersed (170); booked into jail (173); gunned down (180); the
    # non-violent act an accusation alleges is no event ("accused X of supporting the rebels")
    # 13: sides named by role or as private persons do more kinds of acts (sides.yaml
    # role_doers: civilians' violence, judges' refusals, appeals, ...), not acts negated or
    # hypothetical; a name the entity model missed is a side (EventMention.names); group nouns
    # in the singular; "one of the guards" names the guards; a speaker is not the doer a
    # by-phrase names; a surname read as a common noun is the story's person of that name;
    # "he", "she", "him", "her" are the person named just before (merge.antecedent)
    # 14: a verdict's adjective the parser hangs after the verb's object ("found a former
    # employee guilty" read as employee -> amod guilty) still completes the pattern; a
    # participle set off by commas after a noun is done to it ("X, shot in the neck, ...");
    # "swore to" vows (an infinitive needed: not "sworn in"); a suspension of links or aid
    # (noun of "suspend"); settlements evacuated (0874); refugees taken in (075; refused:
    # 122); a date or time in a prepositional phrase is no pattern object
    # 15: an act a non-restrictive relative clause tells in the simple past ("X, who
    # vetoed it"); an amount on a comparative measures the verb ("shot 32 percent higher");
    # a resignation is resigning (0831; demanded: 1041); every act a call is for is wrapped
    # 16: an act denied is hypothetical ("denied that its troops had killed X"); property
    # nationalized or expropriated (1711); warplanes, artillery and the like supplied (072);
    # riot-control means used or fired (175); forces moved in a show of force are no target,
    # the country across a border is; mediation accepted (038); an event noun names its
    # doer by a participle of doing ("a strike called by the opposition"); event nouns break
    # out, spread, occur; a meeting setting the scene ("in a telephone conversation with X,
    # Y ...") is Y's with X; a place inside the place phrase places the act; armed forces
    # leaving a place withdraw (0874); forces ordered out (166); the speaker is not the doer
    # of an event noun that happened ("the blast occurred, police said")
    # a demand is aimed at whom its clause asks to act ("demanded that Syria withdraw from
    # Lebanon": Syria); no act inside an indirect question is wrapped ("asked X to explain
    # why Y was detained"); giving way to demands (083); a relative clause on an object names
    # its target ("the embargo it had imposed on Yugoslavia")
    # an infinitive after an object-control verb is its object's act ("forced villagers to
    # leave", "ordered troops to fire"); talks proposed (036); acting as intermediary (045);
    # a meeting's topic is no side ("talks on Hong Kong"); forces pulled back are no target;
    # concern voiced (012); visa bans (163); protests crushed (175)
    # pulling out of talks halts them (164); "most of its sanctions" are sanctions; arming a
    # group (072); "his country" is the speaker's; workers expelled are people (174/201)
    # a speaker saying it was responsible claims responsibility (015)
    # an investigation a will-clause announces is one to come (hypothetical), not a threat;
    # files, documents, secrets shared (064)
    # 17: the rest of session 17's round, reviewed (stage version 16 was set at its first
    # commit): event nouns' doers, meeting settings, demands' addressees, object control, claims
    # 18: a place the entity model tagged is a side as a whole mention ("the Gulf of Aden", not
    # "Gulf"); open waters lie in no country; a place named by a feature word is no surname
    # 19: meeting someone, not a shortfall or a target ("meet" needs no object, an actor or a
    # group noun); blocking is of a way (144 objects), not of justice or a bill
    # 20: the story's people by surname read as the actors stage reads names ("Brandon Jr.")
    # 21: asking a question is no appeal ("asked Franklin", "asked about other attacks")
    # 22: harm done by a fire, a blaze or a flood is no one's (its by-phrase), by someone's
    # fire is; capturing is of a place or fighters; apologies offered are an apology (055)
    # 23: the second review's mends: armed fire is someone's; a named place captured (190);
    # access to a palace blocked (144); promising to apologize stays an intent
    # 24: session 18's round from the same-kind set's tuning half: aid handed over or cut,
    # visits called off, forces strengthened or offered, observers received, bodies expelled
    # (166), hedged threats on a condition, obligations reported (must-clauses, statement
    # nouns, "must be ready to"), protests by refusal, gerunds' doers, appeals for sanctions
    # against a party (113), curfews and martial law aimed at home; a frame verb's participle
    # describing a noun frames nothing ("a planned visit"); persons dismissed are fired; acts
    # left open by "whether" or talked about are hypothetical; a cause fought for, a patient
    # released and a ban of smoking are no events; a speaker is not the doer of a verb with a
    # subject of its own (of violence: with a patient); an illness fought or a death blamed on
    # a storm is no one's act; insisting on what was done is a statement; pressing for an
    # answer is a question (the third review's mends: armed speakers reporting combatants
    # killed did it; people fight for causes, rebels and states fight; requests between sides;
    # demands of others; dismissals of people only; captives freed stay freed); a subject under
    # arrest or facing charges undergoes the act of the state or police who report it
    # 25: a round of talks mediated by a third party ("the recent round of talks between X and
    # Y, mediated by Z") is Z's mediation: the participle may hang on the counting noun
    # 26: a welcome given is a visit hosted ("gave a warm welcome to X"); a gerund after
    # "resorted to" / "turned to" is the subject's act (frames.yaml to_gerund_verbs); "up to"
    # a number the parse took for a particle and a preposition counts the verb's object; a
    # call or need "for X to" act is an appeal to X ("called for Israel to withdraw"); an appeal
    # or demand to stop violence asks for de-escalation (frames.yaml cessation_verbs)
    scope = STORY
    after = "entities"

    def __init__(self, settings: EventsSettings) -> None:
        self.settings = settings
        self.lexicon = load_lexicon(settings.patterns_file)  # a bad user file: setup error
        self.known = shared_known_actors(settings.actors.user_file)

    def load(self, repo: Repository, ids: Sequence[int]) -> list[EventsInput]:
        """Each story's parsed originals, their actors and their mentions' days."""
        return [repo.events_input(story_id) for story_id in ids]

    def run(self, records: Sequence[EventsInput]) -> list[StoryEvents]:
        """Each story's events."""
        return [self.code_story(story) for story in records]

    def code_story(self, story: EventsInput) -> StoryEvents:
        """Code every parsed sentence of the story, then merge the mentions."""
        documents = {d.id: d for d in story.documents}
        mentions = []
        for entities in story.entities:
            document = documents.get(entities.article_id)
            if document is None or entities.parse is None:
                continue
            mentions += code_article(
                document, entities.parse, entities.mentions, self.lexicon, self.settings.titles
            )
        events = merge_story(story, mentions, self.settings.merge_days, self.known)
        return StoryEvents(story.story_id, tuple(events), len(mentions))

    def count(self, report: StageReport, record: EventsInput, outcome: StoryEvents) -> None:
        """Event mentions go in; events come out."""
        report.count_in += outcome.mentions
        report.count_out += len(outcome.events)

    def save(
        self,
        repo: Repository,
        done: Sequence[tuple[EventsInput, StoryEvents]],
        runs: Sequence[StageRun],
    ) -> None:
        """Replace each story's events, and record the runs, in one transaction."""
        repo.save_story_events([events for _, events in done], runs)


def shared_known_actors(user_file: str) -> KnownActors:
    """The actors stage's known actors (one load per process); the packaged ones when the
    user's file cannot be read: the actors stage reports that as its setup error, and events
    are still coded."""
    try:
        return known_actors(user_file)
    except (OSError, ValueError, KeyError, yaml.YAMLError) as error:
        log.warning("events: actor file %s unreadable (%s)", user_file, first_line(error))
        return known_actors()
