"""Coarse POS and lemmas from the parser's fine tags, for parses made without spaCy's
attribute ruler and lemmatizer (they cost a fifth of the pipeline's time; docs/events.md)."""

from __future__ import annotations

import dataclasses
import functools

from eventwire.events.tables import DATA
from eventwire.model import SentenceParse

# Penn Treebank tag -> Universal POS (spaCy's own mapping for English, without exceptions).
TAG_POS = {
    "NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN",
    "VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB",
    "MD": "AUX", "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ", "AFX": "ADJ",
    "RB": "ADV", "RBR": "ADV", "RBS": "ADV", "WRB": "ADV",
    "PRP": "PRON", "PRP$": "PRON", "WP": "PRON", "WP$": "PRON", "EX": "PRON",
    "DT": "DET", "PDT": "DET", "WDT": "DET", "IN": "ADP", "TO": "PART", "RP": "ADP",
    "POS": "PART", "CC": "CCONJ", "CD": "NUM", "UH": "INTJ", "SYM": "SYM",
}  # fmt: skip
AUXILIARY_DEPS = frozenset({"aux", "auxpass"})
DOUBLED = frozenset("bdgmnprt")  # "stopped" -> "stop"; "called" keeps its "ll"
# A verb stem ending so usually lost an "e" before -ed/-ing ("negotiat" -> "negotiate").
E_ENDINGS = (
    "at", "iz", "is", "us", "os", "ur", "ar", "or", "iv", "ag", "ut", "ud", "id", "ir",
    "ak", "uc", "ac", "ic", "ec", "rg", "dg", "as", "ov", "nc", "rc", "ul", "ys", "yz", "ng",
)  # fmt: skip
NOUN_KEEP = ("ss", "us", "is", "ics", "news", "series", "species")
NOUN_IRREGULAR = {"men": "man", "women": "woman", "children": "child", "people": "people"}


@functools.cache
def irregular_verbs() -> dict[str, str]:
    """Irregular verb forms -> lemma (data/irregular_verbs.txt)."""
    table = {}
    for line in (DATA / "irregular_verbs.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            form, lemma = line.split()
            table[form] = lemma
    return table


def coarse_pos(tag: str, dep: str) -> str:
    """The Universal POS of a fine tag (an auxiliary verb is AUX)."""
    pos = TAG_POS.get(tag, "PUNCT" if not tag[:1].isalpha() else "X")
    return "AUX" if pos == "VERB" and dep in AUXILIARY_DEPS else pos


def lemma_of(word: str, pos: str) -> str:
    """A word's lemma by rule: irregular verbs from the table, else suffixes."""
    lower = word.lower()
    if pos in ("VERB", "AUX"):
        return verb_lemma(lower)
    if pos == "NOUN":
        return noun_lemma(lower)
    return lower if pos != "PROPN" else word


def verb_lemma(word: str) -> str:
    """ "negotiated" -> "negotiate", "stopped" -> "stop", "carried" -> "carry"."""
    irregular = irregular_verbs().get(word)
    if irregular:
        return irregular
    if word.endswith(("ied", "ies")) and len(word) > 4:
        return word[:-3] + "y"
    for ending in ("ing", "ed"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return _restore(word[: -len(ending)], ending)
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _restore(base: str, ending: str) -> str:
    """The verb of a stem that lost its suffix (and maybe an "e" or gained a consonant)."""
    if len(base) > 3 and base[-1] == base[-2] and base[-1] in DOUBLED:
        return base[:-1]
    if len(base) > 5 and base.endswith(("ell", "oll")):
        return base[:-1]  # "expelled", "controlled"; "shelled" and "called" are shorter
    if base.endswith("e"):
        return base + "e" if ending == "ed" else base  # "agreed"; "seeing", "agreeing"
    if base.endswith("ocus"):
        return base  # "focused"
    return base + "e" if base.endswith(E_ENDINGS) else base


def noun_lemma(word: str) -> str:
    """ "talks" -> "talk", "allies" -> "ally", "marches" -> "march", "crisis" stays."""
    if word in NOUN_IRREGULAR:
        return NOUN_IRREGULAR[word]
    if word.endswith(NOUN_KEEP) or not word.endswith("s") or len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    return word[:-1]


def with_lemmas(sentence: SentenceParse, text: str) -> SentenceParse:
    """The sentence with POS and lemmas filled in where the parse has none (the entities
    stage parses without spaCy's attribute ruler and lemmatizer: events/lemmas.py)."""
    if not sentence.tokens or sentence.tokens[0][2]:
        return sentence
    tokens = []
    for start, end, _, _, tag, dep, head in sentence.tokens:
        pos = coarse_pos(tag, dep)
        tokens.append((start, end, lemma_of(text[start:end], pos), pos, tag, dep, head))
    return dataclasses.replace(sentence, tokens=tuple(tokens))
