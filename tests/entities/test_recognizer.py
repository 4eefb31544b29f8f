"""The entities stage on real text with the shipped spaCy model."""

from __future__ import annotations

import pytest

from eventwire.entities import EntitiesSettings, EntityRecognizer
from eventwire.entities.loader import PARSE_COMPONENTS
from eventwire.entities.paragraphs import NAME as PARAGRAPHS
from eventwire.model import PART_BODY, PART_TITLE, ArticleEntities, Document, Rejection

BODY = (
    "Chilean Foreign Minister Lucia Moretti arrived in Lima on Monday. "
    "She met officials of the World Bank and Peruvian diplomats at the Gran Hotel.\n\n"
    "The talks ended at 5 p.m. on Tuesday."
)

# Without the paragraph_breaks component the model cuts before the closing quote of the
# second paragraph and glues it onto the third paragraph's sentence, and (with the senter)
# runs the last paragraphs together.
QUOTED = (
    'Interior Minister Elena Varga said the border would stay open. "We will not close it.\n\n'
    'We have never closed it in forty years. "\n\n'
    "She later told reporters that talks with the neighbouring government would resume in "
    "March.\n\n"
    'Officials in Vienna called the plan "a step toward lasting peace."\n\n'
    '"It is a good day for both countries," the mayor of Graz said on Tuesday.'
)


@pytest.fixture(scope="module")
def recognizer() -> EntityRecognizer:
    return EntityRecognizer()


def test_mentions_have_offsets_into_title_and_body(recognizer: EntityRecognizer) -> None:
    document = Document(7, "outlet", "Chile and Peru hold talks in Lima", BODY)
    [found] = recognizer.recognize([document])
    assert isinstance(found, ArticleEntities)
    assert found.article_id == 7
    for mention in found.mentions:
        source = document.title if mention.part == PART_TITLE else document.text
        assert source[mention.start : mention.end] == mention.text
    labels = {(m.part, m.text, m.label) for m in found.mentions}
    assert (PART_BODY, "Lucia Moretti", "PERSON") in labels
    assert (PART_BODY, "Lima", "GPE") in labels
    assert (PART_BODY, "Chilean", "NORP") in labels
    assert any(m.label == "DATE" and m.text == "Monday" for m in found.mentions)
    assert any(m.part == PART_TITLE and m.text == "Lima" for m in found.mentions)


def test_sentence_index_counts_body_sentences(recognizer: EntityRecognizer) -> None:
    [found] = recognizer.recognize([Document(1, "s", "", BODY)])
    sentence_of = {m.text: m.sentence for m in found.mentions}
    assert sentence_of["Lucia Moretti"] == 0
    assert sentence_of["Peruvian"] == 1
    assert sentence_of["Tuesday"] == 2


def test_only_configured_labels_are_kept() -> None:
    recognizer = EntityRecognizer(EntitiesSettings(labels="GPE"))
    [found] = recognizer.recognize([Document(1, "s", "", BODY)])
    assert found.mentions
    assert {m.label for m in found.mentions} == {"GPE"}


def test_batches_keep_input_order_and_reject_too_long_articles() -> None:
    recognizer = EntityRecognizer(EntitiesSettings(batch_size=2, max_chars=500))
    documents = [Document(i, "s", "", f"Talks were held in Lima on day {i}.") for i in range(1, 6)]
    documents.insert(2, Document(99, "s", "", "word " * 200))
    results = recognizer.recognize(documents)
    assert [getattr(r, "article_id", None) for r in results] == [1, 2, None, 3, 4, 5]
    rejected = results[2]
    assert isinstance(rejected, Rejection)
    assert rejected.reason == "too-long"
    assert "99" in rejected.origin


def test_model_is_loaded_once_with_only_the_needed_components(
    recognizer: EntityRecognizer,
) -> None:
    recognizer.recognize([Document(1, "s", "", "Lima.")])
    first = recognizer.loader.get()
    assert recognizer.loader.get() is first
    assert first.pipe_names == [PARAGRAPHS, *PARSE_COMPONENTS]  # entities.parse: events read it
    lean = EntityRecognizer(EntitiesSettings(parse=False))
    assert lean.loader.get().pipe_names == [PARAGRAPHS, "tok2vec", "senter", "ner"]
    [found] = lean.recognize([Document(1, "s", "", BODY)])
    assert found.parse is None


def test_the_parse_is_kept_with_the_mentions(recognizer: EntityRecognizer) -> None:
    [found] = recognizer.recognize([Document(1, "s", "", BODY)])
    assert found.parse is not None
    sentences = [s for s in found.parse.sentences if s.part == PART_BODY]
    assert len(sentences) == 3
    words = {BODY[t[0] : t[1]]: t for t in sentences[0].tokens}
    assert words["arrived"][4] == "VBD" and words["arrived"][5] == "ROOT"
    assert words["Moretti"][5] == "nsubj"
    assert words["Moretti"][6] == sentences[0].tokens.index(words["arrived"])


def test_empty_article_gives_no_mentions(recognizer: EntityRecognizer) -> None:
    [found] = recognizer.recognize([Document(3, "s", "", "")])
    assert found.article_id == 3 and found.mentions == ()


def test_two_worker_processes_find_the_same_mentions(recognizer: EntityRecognizer) -> None:
    documents = [Document(i, "s", f"Talks in Lima, day {i}", BODY) for i in range(1, 5)]
    parallel = EntityRecognizer(EntitiesSettings(n_process=2, min_articles_per_process=2))
    assert parallel._workers(len(documents)) == 2
    assert parallel.recognize(documents) == recognizer.recognize(documents)
    assert parallel._workers(3) == 1  # too few articles to start workers


def test_a_stream_gives_what_a_batch_gives_and_skips_a_long_article_in_place() -> None:
    recognizer = EntityRecognizer(EntitiesSettings(max_chars=len(BODY) + 40))
    documents = [
        Document(1, "s", "Peru hosts talks", BODY),
        Document(2, "s", "Too long", BODY + " " + BODY),
        Document(3, "s", "Chile answers", BODY.replace("Lima", "Santiago")),
    ]
    streamed = list(recognizer.recognize_stream(iter(documents), len(documents)))
    assert streamed == recognizer.recognize(documents)
    assert [type(r) for r in streamed] == [ArticleEntities, Rejection, ArticleEntities]
    assert any(m.text == "Santiago" for m in streamed[2].mentions)


@pytest.mark.parametrize("parse", [True, False])
def test_a_paragraph_break_ends_a_sentence_and_its_closing_quote_stays(parse: bool) -> None:
    recognizer = EntityRecognizer(EntitiesSettings(parse=parse))
    [found] = recognizer.recognize([Document(1, "s", "", QUOTED)])
    doc = recognizer.loader.get()(QUOTED)
    sentences = [s.text.rstrip() for s in doc.sents]
    assert sentences[2:] == [p.strip() for p in QUOTED.split("\n\n")[1:]]
    assert sentences[:2] == [
        "Interior Minister Elena Varga said the border would stay open.",
        '"We will not close it.',
    ]
    sentence_of = {m.text: m.sentence for m in found.mentions}
    assert sentence_of["March"] == 3 and sentence_of["Vienna"] == 4 and sentence_of["Graz"] == 5
