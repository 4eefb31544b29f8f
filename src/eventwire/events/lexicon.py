"""The trigger patterns and frames, read from the data files (one file per CAMEO category)."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from eventwire.events.tables import DATA, is_cameo
from eventwire.events.tree import verb_forms
from eventwire.model import SentenceParse

PATTERN_FILES = "cameo_*.yaml"  # one per CAMEO root category: cameo_04_consult.yaml, ...
FRAMES = DATA / "frames.yaml"
NOUN_FAMILIES = DATA / "noun_families.yaml"  # event nouns by the verb they derive from


class PatternFileError(ValueError):
    """A pattern file that cannot be read, or names a code CAMEO does not have."""


@dataclass(frozen=True)
class Expression:
    """A word or phrase: a head lemma with modifier lemmas before it, or "head of tail"."""

    head: str
    modifiers: tuple[str, ...] = ()
    of: str | None = None  # "exchange of views": the pobj of the head's "of"

    @classmethod
    def parse(cls, text: str) -> Expression:
        """``"phone call"`` -> head call, modifier phone; ``"exchange of view"``."""
        words = text.lower().split()
        if "of" in words[1:-1]:
            at = words.index("of")
            inner = cls.parse(" ".join(words[:at]))
            return cls(inner.head, inner.modifiers, _singular(words[-1]))
        return cls(_singular(words[-1]), tuple(words[:-1]))

    @property
    def size(self) -> int:
        """How specific the expression is (words it needs)."""
        return 1 + len(self.modifiers) + (self.of is not None)


@dataclass(frozen=True)
class Pattern:
    """One trigger pattern: a verb (optionally with its object or particle) or an event noun."""

    code: str
    verbs: frozenset[str] = frozenset()
    nouns: tuple[Expression, ...] = ()
    objects: tuple[Expression, ...] = ()
    particle: str | None = None
    preps: frozenset[str] = frozenset()  # the verb needs one of these prepositions
    # ... whose object is one of these ("shot in the leg": a body part)
    prep_objects: tuple[Expression, ...] = ()
    symmetric: bool = False
    any_actor: bool = False  # the verb needs a named actor as its object ("received X")
    alone: str | None = None  # the code when the event names fewer than two sides
    intransitive: bool = False  # the verb codes only with no direct object ("workers struck")
    of_patient: bool = False  # a noun whose of-phrase names whom it is done to ("release of X")
    subjects: tuple[Expression, ...] = ()  # the verb's subject must be one ("a bomb exploded")
    origin: str = ""

    @property
    def specificity(self) -> int:
        """Patterns needing an object, particle or preposition win over a bare verb."""
        needs = (self.objects, self.particle, self.preps, self.subjects, self.prep_objects)
        return sum(bool(need) for need in needs) + self.any_actor


@dataclass(frozen=True)
class Frame:
    """A word that wraps another action (threaten to, refuse to, demand that, urge)."""

    kind: str
    default: str
    mapping: dict[str, str]

    def code_for(self, inner: str | None) -> str:
        """The frame's code around an inner action coded ``inner`` (longest prefix)."""
        if inner:
            for length in range(len(inner), 1, -1):
                if inner[:length] in self.mapping:
                    return self.mapping[inner[:length]]
        return self.default


@dataclass(frozen=True)
class Lexicon:
    """Everything the coder matches: patterns by lemma, frames by lemma, word lists."""

    verb_patterns: dict[str, tuple[Pattern, ...]]
    noun_patterns: dict[str, tuple[Pattern, ...]]
    frames: dict[str, Frame]
    frame_verbs: dict[str, str]
    frame_adjectives: dict[str, str]
    frame_nouns: dict[str, str]
    call_verbs: frozenset[str]
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    host_code: str = "045"
    roots: dict[str, int] = field(default_factory=dict)  # conflict, harm, violence: CAMEO roots
    readiness: frozenset[str] = frozenset()  # intent words that ready force ("prepared to")
    readiness_code: str = "150"
    crowd_codes: dict[str, str] = field(default_factory=dict)  # a crowd's act: 114 -> 141
    inspector_codes: dict[str, str] = field(default_factory=dict)  # an inspector's: 042 -> 090
    force_codes: dict[str, str] = field(default_factory=dict)  # armed forces' attack: 180 -> 190
    against_codes: dict[str, str] = field(default_factory=dict)  # support against X: 053 -> 113
    irregular_codes: dict[str, str] = field(default_factory=dict)  # a gunman's shooting: 180
    # codes below are set from frames.yaml (no second copy here)
    fatal_code: str = ""  # violence an adverb says was deadly ("fatally shot")
    repression_code: str = ""  # state forces' violence aimed at a crowd ("fired on protesters")
    repression_from: tuple[str, ...] = ()  # the codes a crowd target turns into repression
    fatal_from: tuple[str, ...] = ()  # the code prefixes "fatally" turns into fatal_code
    # a speaker judging someone: word -> CAMEO code ("said it was a disgrace": 111)
    judgement_codes: dict[str, str] = field(default_factory=dict)
    apology_code: str = ""  # a judgement of oneself, made with "be" ("she was sorry")
    accusation_code: str = ""  # a judgement alleging an act (the act is no event of its own)
    claim_code: str = ""  # an accusation of the speaker itself: a claim of responsibility
    hindsight_code: str = ""  # "should have done": a judgement of what someone did
    silence_code: str = ""  # a refusal to speak ("declined to comment")
    cessation_code: str = ""  # an act asked to stop: de-escalation ("to stop attacking")
    assembly_code: str = "141"  # a crowd gathering: a demonstration
    protest_root: str = "14"  # an act done to protest is kept beside the act it explains
    # predicates that rule out the act that is their clausal subject ("is out of the question")
    refusal_predicates: tuple[str, ...] = ()
    # an appeal to others to act for or against a third party: 053 / 113 by the inner act
    rally_codes: Frame = Frame("rally", "", {})
    joint_codes: Frame = Frame("joint", "", {})  # acting together: an arrest -> 063

    def is_violent(self, code: str) -> bool:
        """Whether a CAMEO code is an act of violence (its root at or past frames.yaml's
        ``roots: violence``)."""
        return int(code[:2]) >= self.roots["violence"]

    def __post_init__(self) -> None:
        """The codes frames.yaml must give: empty, ``startswith`` would match every code (and
        a hindsight judgement would have none)."""
        names = (
            *("fatal_code", "apology_code", "accusation_code", "claim_code"),
            *("hindsight_code", "silence_code", "cessation_code"),
        )
        for name in (*names, "repression_code"):
            if not getattr(self, name):
                raise ValueError(f"events lexicon: {name} is not set (frames.yaml)")

    @functools.cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every lemma a trigger, frame or statement can start from."""
        parts = (self.verb_patterns, self.noun_patterns, self.frame_verbs, self.frame_adjectives)
        parts += (self.frame_nouns, self.call_verbs, self.words.get("speech", frozenset()))
        return frozenset(word for part in parts for word in part)

    def may_start(self, sentence: SentenceParse, text: str) -> bool:
        """Whether a sentence has a word a trigger, frame or statement could start from (most
        sentences have; the rest are not worth a tree)."""
        for start, end, lemma, pos, *_ in sentence.tokens:
            if lemma.lower() in self.vocabulary:
                return True
            forms = verb_forms(lemma, text[start:end]) if pos == "VERB" else ()
            if any(form in self.vocabulary for form in forms):
                return True
        return False


def _singular(word: str) -> str:
    """Patterns name nouns as lemmas; forgive a plural written in a user's file."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


def read_patterns(path: Path) -> list[Pattern]:
    """The patterns of one file (a YAML list of {code, verbs|nouns, objects, ...})."""
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError) as error:
        raise PatternFileError(f"{path}: cannot read patterns: {error}") from error
    if not isinstance(entries, list):
        raise PatternFileError(f"{path}: expected a list of patterns")
    return [_pattern(entry, path, n) for n, entry in enumerate(entries, start=1)]


def _pattern(entry: Any, path: Path, number: int) -> Pattern:
    where = f"{path.name} pattern {number}"
    if not isinstance(entry, dict) or not isinstance(entry.get("code"), str):
        raise PatternFileError(f"{where}: needs a quoted CAMEO code")
    for key in ("code", "alone"):
        if key in entry and not is_cameo(str(entry[key])):
            raise PatternFileError(f"{where}: {entry[key]!r} is not a CAMEO event code")
    if not entry.get("verbs") and not entry.get("nouns"):
        raise PatternFileError(f"{where}: needs verbs or nouns")
    for key in ("verbs", "nouns", "objects", "preps", "subjects", "prep_objects"):
        words = entry.get(key) or []
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            # YAML reads an unquoted on/off/yes/no as a boolean: [at, on] holds True
            raise PatternFileError(f"{where}: {key} must be a list of words (quote on, no)")
    if entry.get("prep_objects") and not entry.get("preps"):
        raise PatternFileError(f"{where}: prep_objects needs preps")
    return Pattern(
        code=entry["code"],
        verbs=frozenset(v.lower() for v in entry.get("verbs") or ()),
        nouns=tuple(Expression.parse(n) for n in entry.get("nouns") or ()),
        objects=tuple(Expression.parse(o) for o in entry.get("objects") or ()),
        subjects=tuple(Expression.parse(o) for o in entry.get("subjects") or ()),
        prep_objects=tuple(Expression.parse(o) for o in entry.get("prep_objects") or ()),
        particle=entry.get("particle"),
        preps=frozenset(entry.get("preps") or ()),
        symmetric=bool(entry.get("symmetric", False)),
        any_actor=bool(entry.get("objects_any_actor", False)),
        alone=entry.get("alone"),
        intransitive=bool(entry.get("intransitive", False)),
        origin=where,
    )


def _frames(data: dict[str, Any]) -> dict[str, Frame]:
    kinds = ("intent", "threat", "refuse", "demand", "appeal")
    return {k: Frame(k, data[k]["default"], dict(data[k].get("map") or {})) for k in kinds}


def family_patterns(verbs: dict[str, list[Pattern]], taken: set[str]) -> list[tuple[str, Pattern]]:
    """Noun patterns from data/noun_families.yaml: each listed noun no pattern or frame names
    takes its verb's patterns, a bare verb's as the bare noun, one needing an object (of one
    word) as the noun with that object in its of-phrase ("release of prisoner"); its
    of-phrase names the patient unless the file lists it among `of_names_the_doer`."""
    families = yaml.safe_load(NOUN_FAMILIES.read_text(encoding="utf-8")) or {}
    doers = set(families.pop("of_names_the_doer", None) or ())
    found = []
    for verb, family in families.items():
        for noun in (n for n in family if n not in taken):
            for pattern in verbs.get(verb, ()):
                if pattern.particle or pattern.preps or pattern.any_actor or pattern.subjects:
                    continue
                heads = [o for o in pattern.objects if not o.modifiers and o.of is None]
                expressions = [Expression(noun, (), o.head) for o in heads]
                if not pattern.objects:
                    expressions = [Expression(noun)]
                if expressions:
                    origin = f"noun_families.yaml: {noun} ({verb}, {pattern.origin})"
                    found.append(
                        (
                            noun,
                            Pattern(
                                pattern.code,
                                nouns=tuple(expressions),
                                symmetric=pattern.symmetric,
                                of_patient=noun not in doers,
                                origin=origin,
                            ),
                        )
                    )
    return found


@functools.cache
def load_lexicon(user_file: str = "") -> Lexicon:
    """The packaged patterns (the user's file first, when given) and frames."""
    patterns: list[Pattern] = []
    if user_file:
        patterns += read_patterns(Path(user_file).expanduser())
    for path in sorted(DATA.glob(PATTERN_FILES)):
        patterns += read_patterns(path)
    data = yaml.safe_load(FRAMES.read_text(encoding="utf-8"))
    verbs: dict[str, list[Pattern]] = {}
    nouns: dict[str, list[Pattern]] = {}
    for pattern in patterns:
        for verb in pattern.verbs:
            verbs.setdefault(verb, []).append(pattern)
        for noun in pattern.nouns:
            nouns.setdefault(noun.head, []).append(pattern)
    kinds = ("intent", "threat", "refuse", "demand", "appeal")
    framed = {n for k in kinds for n in data[k].get("nouns") or ()}
    for noun, pattern in family_patterns(verbs, set(nouns) | framed):
        nouns.setdefault(noun, []).append(pattern)
    return Lexicon(
        verb_patterns={k: tuple(v) for k, v in verbs.items()},
        noun_patterns={k: tuple(v) for k, v in nouns.items()},
        frames=_frames(data),
        frame_verbs={v: k for k in kinds for v in data[k].get("verbs") or ()},
        frame_adjectives={a: k for k in kinds for a in data[k].get("adjectives") or ()},
        frame_nouns={n: k for k in kinds for n in data[k].get("nouns") or ()},
        call_verbs=frozenset(data["appeal"].get("call") or ()),
        words={
            name: frozenset(data[name])
            for name in (
                "speech",
                "decision_speech",
                "statement_nouns",
                "decision_nouns",
                "future",
                "hypothetical",
                "denial_verbs",
                "object_control",
                "announced_acts",
                "happening_verbs",
                "question_verbs",
                "given_acts",
                "judging_codes",
                "self_pronouns",
                "first_persons",
                "topic_preps",
                "advocacy_verbs",
                "care_verbs",
                "care_places",
                "release_codes",
                "captive_nouns",
                "dismissal_verbs",
                "staff_nouns",
                "open_questions",
                "question_objects",
                "question_words",
                "border_nouns",
                "own_forces_codes",
                "border_preps",
                "doubting_verbs",
                "doubted_nouns",
                "condition_marks",
                "threat_marks",
                "obligation",
                "light_verbs",
                "undergo_verbs",
                "motion_verbs",
                "wish_verbs",
                "infinitive_frame_verbs",
                "event_subject_verbs",
                "happening_words",
                "deliberation_verbs",
                "outcome_verbs",
                "aspect_verbs",
                "host_verbs",
                "agent_participles",
                "target_preps",
                "event_heads",
                "background_marks",
                "subordinate_marks",
                "protest_means",
                "bare_heads",
                "force_modifiers",
                "crowd_nouns",
                "inspector_nouns",
                "reason_nouns",
                "natural_causes",
                "ailments",
                "armed_modifiers",
                "force_nouns",
                "open_negation",
                "assembly_verbs",
                "silence_verbs",
                "talk_verbs",
                "amount_units",
                "quantity_nouns",
                "failure_verbs",
                "accident_verbs",
                "disasters",
                "wrongdoings",
                "irregular_doers",
                "fatal_adverbs",
                "belief_verbs",
                "judgement_preps",
                "judgement_negators",
                "raising_verbs",
                "ruling_verbs",
                "naming_verbs",
                "collective_crowds",
                "reaction_nouns",
                "reaction_verbs",
                "undergo_preps",
                "state_verbs",
                "police_nouns",
                "repression_preps",
                "bystanders",
                "combatant_nouns",
                "access_nouns",
                "behalf_nouns",
                "joint_adverbs",
                "gerund_preps",
                "to_gerund_verbs",
                "cessation_verbs",
                "gerund_adjectives",
            )
        },
        crowd_codes={str(k): str(v) for k, v in (data.get("crowd_codes") or {}).items()},
        inspector_codes={str(k): str(v) for k, v in (data.get("inspector_codes") or {}).items()},
        force_codes={str(k): str(v) for k, v in (data.get("force_codes") or {}).items()},
        against_codes={str(k): str(v) for k, v in (data.get("against_codes") or {}).items()},
        irregular_codes={str(k): str(v) for k, v in (data.get("irregular_codes") or {}).items()},
        fatal_code=str(data["fatal_code"]),
        repression_code=str(data["repression_code"]),
        repression_from=tuple(str(c) for c in data["repression_from"]),
        fatal_from=tuple(str(c) for c in data["fatal_from"]),
        apology_code=str(data["apology_code"]),
        accusation_code=str(data["accusation_code"]),
        claim_code=str(data["claim_code"]),
        hindsight_code=str(data["hindsight_code"]),
        silence_code=str(data["silence_code"]),
        cessation_code=str(data["cessation_code"]),
        judgement_codes={
            str(word): str(code)
            for code, words in (data.get("judgement_words") or {}).items()
            for word in words
        },
        assembly_code=str(data.get("assembly_code", "141")),
        rally_codes=Frame("rally", "", dict(data["appeal"].get("rally") or {})),
        joint_codes=Frame("joint", "", {str(k): str(v) for k, v in data["joint_codes"].items()}),
        refusal_predicates=tuple(str(p).lower() for p in data["refuse"].get("predicates") or ()),
        host_code=str(data.get("host_code", "045")),
        roots={str(k): int(v) for k, v in data["roots"].items()},
        readiness=frozenset(data["intent"].get("readiness") or ()),
        readiness_code=str(data["intent"].get("readiness_code", "150")),
    )
