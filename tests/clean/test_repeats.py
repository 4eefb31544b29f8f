"""Short lines that recur on purpose (lists, tables, interviews) survive the repeat rule."""

from __future__ import annotations

from eventwire.clean import CleanSettings, clean_article

from .conftest import make_raw

LEAD = "The harbour bridge will close for six weeks from June, the city council said on Monday."
PLAN = [
    "Meal 1",
    "Eat every 2-3 hours",
    "Oats with berries and yoghurt, one cup of tea.",
    "Meal 2",
    "Eat every 2-3 hours",
    "Grilled fish with rice and a green salad.",
]


def repeat_notes(article) -> list[str]:
    return [n.text for n in article.notes if n.rule == "repeated-paragraph"]


def test_short_lines_repeated_in_a_list_are_kept():
    article = clean_article(make_raw("\n".join(["Meal plan for a week", LEAD, *PLAN])))
    body = [block.text for block in article.blocks]
    assert body.count("Eat every 2-3 hours") == 2
    assert repeat_notes(article) == []


def test_short_line_right_after_its_copy_is_dropped():
    article = clean_article(make_raw("\n".join(["Bridge to close", LEAD, "Meal 1", "Meal 1"])))
    assert repeat_notes(article) == ["Meal 1"]


def test_long_repeat_is_dropped_wherever_it_comes():
    text = "\n".join(["Bridge to close", LEAD, *PLAN, LEAD])
    article = clean_article(make_raw(text))
    assert repeat_notes(article) == [LEAD]


def test_repeated_short_quote_is_a_pull_quote_and_dropped():
    quote = "“We will reopen it by autumn,” she said."
    article = clean_article(make_raw("\n".join(["Bridge to close", quote, LEAD, quote])))
    assert repeat_notes(article) == [quote]


def test_long_list_entry_without_a_final_stop_is_kept():
    entry = "Asparagus and eggs [one cup asparagus, two poached eggs, half a cup of sweet potato]"
    text = "\n".join(["Meal plan for a week", LEAD, "Plan A", entry, "Plan B", entry])
    article = clean_article(make_raw(text))
    assert [b.text for b in article.blocks].count(entry) == 2


def test_min_repeat_words_setting_controls_the_limit():
    sentence = "Drink a large glass of water with every meal you eat."
    text = "\n".join(["Meal plan for a week", LEAD, sentence, *PLAN, sentence])
    assert repeat_notes(clean_article(make_raw(text))) == []
    article = clean_article(make_raw(text), CleanSettings(min_repeat_words=5))
    assert repeat_notes(article) == [sentence]


def test_quoted_post_shown_again_as_an_embed_is_dropped():
    post = ["The bridge reopens on Friday.", "Thanks to every worker who made it happen!"]
    lines = ["Bridge to close", LEAD, f"“{post[0]}", f"{post[1]}”", "she wrote.", *post, LEAD[:40]]
    article = clean_article(make_raw("\n".join(lines)))
    assert repeat_notes(article) == post
