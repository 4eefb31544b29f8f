"""What a page states about itself: title, dates with their offset, authors, URL."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

from trafilatura.utils import load_html

from eventwire.ingest.dates import parse_datetime
from eventwire.ingest.extract_meta import cut_last_part, read_page_metadata, split_authors
from eventwire.ingest.html import extract_page
from eventwire.ingest.settings import IngestSettings

BODY = "".join(
    f"<p>{s}</p>"
    for s in (
        "The regional council approved the new tram line after a long debate on Monday.",
        "Work on the first section is planned to begin in the spring of next year.",
        "Opponents said the cost estimate was too optimistic and asked for a review.",
    )
)


def page(head: str, body: str = BODY) -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body><article>{body}</article></body></html>"


def json_ld(data: object) -> str:
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def test_json_ld_gives_headline_dates_with_offset_and_all_authors() -> None:
    data = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Example"},
            {
                "@type": "NewsArticle",
                "headline": "Tram line approved",
                "datePublished": "2024-03-05T14:30:00-05:00",
                "dateModified": "2024-03-06T09:00:00Z",
                "author": [{"@type": "Person", "name": "Ana Ruiz"}, {"name": "Li  Wei"}],
            },
        ],
    }
    meta = read_page_metadata(load_html(page("<title>x | Example</title>" + json_ld(data))))
    assert meta.title == "Tram line approved"
    assert meta.published == datetime(2024, 3, 5, 14, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert meta.published.utcoffset() == timedelta(hours=-5)
    assert meta.updated == datetime(2024, 3, 6, 9, 0, tzinfo=UTC)
    assert meta.authors == ("Ana Ruiz", "Li Wei")


def test_meta_tags_when_there_is_no_json_ld() -> None:
    head = (
        "<meta property='og:title' content='Tram line approved'>"
        "<meta property='article:published_time' content='2024-03-05T14:30:00+01:00'>"
        "<meta property='article:author' content='https://example.com/staff/ana'>"
        "<meta name='author' content='Ana Ruiz'>"
        "<meta property='og:url' content='https://News.Example.com/tram'>"
    )
    meta = read_page_metadata(load_html(page(head)))
    assert meta.title == "Tram line approved"
    assert meta.published.utcoffset() == timedelta(hours=1)
    assert meta.authors == ("Ana Ruiz",)  # the profile URL is not a name
    assert meta.url == "https://news.example.com/tram"


def test_title_falls_back_to_h1_then_page_title_without_site() -> None:
    with_h1 = read_page_metadata(load_html(page("<title>T | Site</title>", "<h1>Big news</h1>")))
    assert with_h1.title == "Big news"
    bare = read_page_metadata(load_html(page("<title>Tram line approved | Example</title>")))
    assert bare.title == "Tram line approved"


def test_page_without_metadata_states_nothing() -> None:
    meta = read_page_metadata(load_html(page("")))
    assert (meta.title, meta.published, meta.authors, meta.url) == (None, None, (), None)


def test_extract_page_carries_authors_and_updated() -> None:
    data = {
        "@type": "NewsArticle",
        "headline": "Tram line approved",
        "datePublished": "2024-03-05",
        "dateModified": "2024-03-07T10:00:00+00:00",
        "author": {"@type": "Person", "name": "Ana Ruiz"},
    }
    extracted = extract_page(page(json_ld(data)), IngestSettings())
    assert extracted.authors == ("Ana Ruiz",)
    assert extracted.published == datetime(2024, 3, 5, tzinfo=UTC)
    assert extracted.updated == datetime(2024, 3, 7, 10, tzinfo=UTC)
    assert "tram line after a long debate" in extracted.text


def test_json_ld_headline_wins_over_social_title_and_its_entities_are_decoded() -> None:
    data = {"@type": "NewsArticle", "headline": "Council&#8217;s tram line approved"}
    head = "<meta property='og:title' content='Tram vote: what it means for you'>" + json_ld(data)
    meta = read_page_metadata(load_html(page(head)))
    assert meta.title == "Council\u2019s tram line approved"


def test_site_name_suffix_and_section_prefix_are_cut_from_a_title() -> None:
    head = (
        "<meta property='og:title' content='Opinion | Tram line approved | Example News'>"
        "<meta property='og:site_name' content='Example News'>"
        "<meta property='article:section' content='Opinion'>"
    )
    assert read_page_metadata(load_html(page(head))).title == "Tram line approved"


def test_suffix_named_after_the_host_or_missing_from_the_h1_is_cut() -> None:
    by_host = (
        "<meta property='og:title' content='Tram line approved - ExampleNews'>"
        "<link rel='canonical' href='https://www.examplenews.com/tram'>"
    )
    assert read_page_metadata(load_html(page(by_host))).title == "Tram line approved"
    by_h1 = "<meta property='og:title' content='Tram line approved \u2013 Daily Post'>"
    body = "<h1>Tram line approved</h1>" + BODY
    assert read_page_metadata(load_html(page(by_h1, body))).title == "Tram line approved"


def test_a_dash_inside_a_headline_is_kept() -> None:
    head = "<meta property='og:title' content='Tram line approved - but not for everyone'>"
    meta = read_page_metadata(load_html(page(head, "<h1>Something else</h1>" + BODY)))
    assert meta.title == "Tram line approved - but not for everyone"


def test_a_social_title_that_is_only_the_site_name_is_skipped() -> None:
    head = (
        "<meta property='og:title' content='Example News'>"
        "<meta property='og:site_name' content='Example News'>"
    )
    body = "<h1>Tram line approved</h1>" + BODY
    assert read_page_metadata(load_html(page(head, body))).title == "Tram line approved"


def test_microdata_article_gives_headline_date_with_offset_and_author() -> None:
    body = (
        "<div itemscope itemtype='https://schema.org/NewsArticle'>"
        "<h1 itemprop='headline'>Tram line approved</h1>"
        "<time itemprop='datePublished' datetime='2024-03-05T14:30:00+01:00'>5 March</time>"
        "<span itemprop='author' itemscope itemtype='https://schema.org/Person'>"
        "<span itemprop='name'>Ana Ruiz</span></span>"
        f"<div itemprop='articleBody'>{BODY}</div>"
        "<div itemprop='comment' itemscope itemtype='https://schema.org/Comment'>"
        "<span itemprop='author'>A reader</span></div></div>"
    )
    meta = read_page_metadata(load_html(page("<title>Tram | Example</title>", body)))
    assert meta.title == "Tram line approved"
    assert meta.published == datetime(2024, 3, 5, 13, 30, tzinfo=UTC)
    assert meta.published.utcoffset() == timedelta(hours=1)
    assert meta.authors == ("Ana Ruiz",)  # the comment's author is not the article's


def test_the_article_object_of_a_json_ld_graph_wins_over_the_web_page() -> None:
    data = {
        "@graph": [
            {"@type": "WebPage", "name": "Tram", "datePublished": "2024-03-05T19:30:00+00:00"},
            {
                "@type": "NewsArticle",
                "headline": "Tram line approved",
                "datePublished": "2024-03-05T14:30:00-05:00",
                "author": "Ana Ruiz",
            },
        ]
    }
    meta = read_page_metadata(load_html(page(json_ld(data))))
    assert meta.published.utcoffset() == timedelta(hours=-5)
    assert (meta.title, meta.authors) == ("Tram line approved", ("Ana Ruiz",))


def test_json_ld_with_a_raw_line_break_inside_a_string_is_read() -> None:
    script = (
        "<script type='application/ld+json'>"
        '{"@type": "NewsArticle", "headline": "Tram line\napproved",'
        ' "datePublished": "2024-03-05T14:30:00+02:00"}</script>'
    )
    meta = read_page_metadata(load_html(page(script)))
    assert meta.title == "Tram line approved"
    assert meta.published.utcoffset() == timedelta(hours=2)


def authors_of(*names: str, site: str = "Example News") -> tuple[str, ...]:
    data = {"@type": "NewsArticle", "headline": "Tram", "author": [{"name": n} for n in names]}
    head = f"<meta property='og:site_name' content='{site}'>" + json_ld(data)
    return read_page_metadata(load_html(page(head))).authors


def test_author_bylines_lose_by_roles_labels_credentials_and_the_site() -> None:
    assert authors_of("By Ana Ruiz and Li Wei, Associated Press") == ("Ana Ruiz", "Li Wei")
    assert authors_of("Ana Ruiz, Staff Writer") == ("Ana Ruiz",)
    assert authors_of("Analysis by Ana Ruiz, Example News Editor-at-large") == ("Ana Ruiz",)
    assert authors_of("Text: Ana Ruiz") == ("Ana Ruiz",)
    assert authors_of("Ana Ruiz, MS, RDN") == ("Ana Ruiz",)
    assert authors_of("Ana Ruiz | Example News") == ("Ana Ruiz",)


def test_name_particles_are_not_taken_for_a_byline_lead() -> None:
    assert authors_of("Ana von der Berg", "Luca di Maria") == ("Ana von der Berg", "Luca di Maria")


def test_several_authors_are_kept_once_each() -> None:
    assert authors_of("Ana Ruiz", "Li Wei", "ana  ruiz") == ("Ana Ruiz", "Li Wei")
    assert authors_of("Ana Ruiz; Li Wei") == ("Ana Ruiz", "Li Wei")


def test_an_outlet_stated_as_the_only_author_is_kept() -> None:
    assert authors_of("Example News") == ("Example News",)


def test_a_name_that_starts_like_the_site_is_still_a_person() -> None:
    head = "<link rel='canonical' href='https://www.sky.co.uk/news/tram'>"
    data = {"@type": "NewsArticle", "headline": "Tram", "author": "Skyler Brown and Colin Ode"}
    meta = read_page_metadata(load_html(page(head + json_ld(data))))
    assert meta.authors == ("Skyler Brown", "Colin Ode")


def test_the_site_of_a_country_code_host_is_the_label_before_co() -> None:
    head = (
        "<meta property='og:title' content='Tram line approved - Example'>"
        "<link rel='canonical' href='https://www.example.co.uk/news/tram'>"
    )
    assert read_page_metadata(load_html(page(head))).title == "Tram line approved"


def test_a_written_date_with_a_zone_keeps_its_offset() -> None:
    head = "<meta property='article:published_time' content='November 19, 2019, 07:47 PM EST'>"
    meta = read_page_metadata(load_html(page(head)))
    assert meta.published == datetime(2019, 11, 20, 0, 47, tzinfo=UTC)
    assert meta.published.utcoffset() == timedelta(hours=-5)


def test_a_written_month_without_a_day_is_not_a_publication_date() -> None:
    head = "<meta name='date' content='May 2019'><meta name='pubdate' content='5 May 2019'>"
    meta = read_page_metadata(load_html(page(head)))
    assert (meta.published.year, meta.published.month, meta.published.day) == (2019, 5, 5)


def test_a_day_without_time_takes_the_time_another_source_gives_that_day() -> None:
    data = {"@type": "BlogPosting", "headline": "Tram", "datePublished": "2024-03-05"}
    head = json_ld(data) + (
        "<meta property='article:published_time' content='2024-03-05T14:30:00+01:00'>"
    )
    meta = read_page_metadata(load_html(page(head)))
    assert meta.published == datetime(2024, 3, 5, 13, 30, tzinfo=UTC)
    assert meta.published.utcoffset() == timedelta(hours=1)


def test_a_time_from_another_day_does_not_replace_the_stated_day() -> None:
    data = {"@type": "BlogPosting", "headline": "Tram", "datePublished": "2024-03-05"}
    head = json_ld(data) + (
        "<meta property='article:published_time' content='2024-03-09T14:30:00+01:00'>"
    )
    meta = read_page_metadata(load_html(page(head)))
    assert (meta.published.month, meta.published.day, meta.published.hour) == (3, 5, 0)


def test_a_headline_cut_short_is_completed_from_the_h1() -> None:
    cut = "Tram line approved after a long debate in which the council heard from residents"
    full = cut + " and businesses"
    data = {"@type": "NewsArticle", "headline": cut}
    meta = read_page_metadata(load_html(page(json_ld(data), f"<h1>{full}</h1>{BODY}")))
    assert meta.title == full


def test_a_one_word_suffix_starting_with_the_site_name_is_cut() -> None:
    head = (
        "<meta property='og:title' content='Tram line approved - ExamplePolitics'>"
        "<meta property='og:site_name' content='Example'>"
    )
    assert read_page_metadata(load_html(page(head))).title == "Tram line approved"


def test_an_ambiguous_zone_name_gives_no_offset_rather_than_a_wrong_one() -> None:
    head = "<meta property='article:published_time' content='01:38:07 PM IST Nov 20, 2019'>"
    published = read_page_metadata(load_html(page(head))).published
    assert (published.day, published.hour, published.minute) == (20, 13, 38)
    assert published == parse_datetime("2019-11-20T13:38:07")  # recorded as "no zone stated"


def test_a_short_site_name_does_not_cut_a_word_of_the_headline() -> None:
    head = (
        "<meta property='og:title' content='Floods force evacuations - Dwarka'>"
        "<link rel='canonical' href='https://www.dw.com/en/floods/a-1'>"
    )
    body = "<h1>Floods force evacuations - Dwarka</h1>" + BODY
    meta = read_page_metadata(load_html(page(head, body)))
    assert meta.title == "Floods force evacuations - Dwarka"


def test_an_ambiguous_zone_abbreviation_is_not_guessed() -> None:
    head = "<meta property='article:published_time' content='March 5, 2024 2:30 PM CST'>"
    meta = read_page_metadata(load_html(page(head)))
    assert meta.published is not None and meta.published.date().isoformat() == "2024-03-05"
    assert meta.published.utcoffset() != timedelta(hours=-6)


def test_a_site_suffix_is_cut_by_position_even_when_its_words_repeat_the_headline() -> None:
    assert cut_last_part("Iran - Iran News") == "Iran"
    assert cut_last_part("Floods in Lima | Lima Daily") == "Floods in Lima"


def test_y_and_et_split_bylines_only_between_full_names() -> None:
    assert split_authors("José Ortega y Gasset") == ["José Ortega y Gasset"]
    assert split_authors("Ana Ruiz y Tom Okoro") == ["Ana Ruiz", "Tom Okoro"]
    assert split_authors("Jean Dupont et Marie Curie") == ["Jean Dupont", "Marie Curie"]
