"""Metadata benchmark: titles, publication dates and authors against what the pages state.

Data: the 181 pages of ``../shared/data/extraction-scrapinghub/html/`` (MIT, ScrapingHub
article-extraction-benchmark). What each page *states* is read by an independent reader,
not by eventwire's code: extruct (JSON-LD, microdata, OpenGraph, RDFa, Dublin Core) plus the
page's ``<title>`` and ``<meta>`` tags read plainly with lxml. When sources differ, the first
one in this order wins (see docs/metadata.md):

* title: JSON-LD article ``headline``, microdata article ``headline``, ``og:title``,
  ``twitter:title``, then ``<title>``;
* published: JSON-LD article ``datePublished``, microdata article ``datePublished``,
  ``article:published_time`` (OpenGraph, then RDFa), Dublin Core issued/date, then the
  plain date metas in ``PLAIN_DATE_METAS``;
* authors: JSON-LD article ``author`` names, microdata article ``author`` names, then the
  author metas in ``PLAIN_AUTHOR_METAS`` and Dublin Core ``creator`` (web addresses skipped).

eventwire (title and published as the clean stage stores them, authors as the reader finds
them) and trafilatura's metadata (``bare_extraction(with_metadata=True)``) are scored side
by side; every miss is listed. Run ``python -m benchmarks.metadata``; results go to
``benchmarks/results/metadata.json``.
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import re
import unicodedata
import warnings
from collections import Counter, deque
from datetime import datetime
from pathlib import Path

import charset_normalizer
import dateutil.parser
import extruct
import lxml.html
import trafilatura
from extruct.jsonld import JsonLdExtractor

from benchmarks.datasets import REPO_ROOT
from benchmarks.extraction import BENCH, load_pages
from benchmarks.machine import describe_machine
from eventwire.clean import clean_article
from eventwire.ingest.context import ReadContext
from eventwire.ingest.html import extract_page
from eventwire.ingest.readers import read_gzip_html
from eventwire.ingest.settings import IngestSettings
from eventwire.model import CleanArticle

RESULTS = REPO_ROOT / "benchmarks" / "results" / "metadata.json"
SYNTAXES = ["microdata", "opengraph", "rdfa", "dublincore"]
# schema.org types that describe the article itself (a type name ending like these).
ARTICLE_TYPE = re.compile(r"(Article|BlogPosting|Report)$")
PLAIN_DATE_METAS = (
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "sailthru.date",
    "parsely-pub-date",
    "date",
)
PLAIN_AUTHOR_METAS = ("author", "article:author", "sailthru.author", "parsely-author")
RDFA_PUBLISHED = "http://ogp.me/ns/article#published_time"
DC_DATE_TERMS = ("issued", "date", "created")
TITLE_SITE_SUFFIX = re.compile(r"\s+[|\u2013\u2014:-]\s+(?:\S+\s+){0,5}\S+$")
AUTHOR_SEPARATORS = re.compile(r"\s*(?:,|;|&|\band\b|\|)\s*", re.I)
AUTHOR_BY = re.compile(r"^(?:by|von|par|por|de)\s+", re.I)
NON_WORD = re.compile(r"[\W_]+")
SPACES = re.compile(r"\s+")
TIME_IN_TEXT = re.compile(r"\d{1,2}:\d{2}")
ZONE_ABBREVIATIONS = {  # seconds east of UTC
    **{"EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600},
    **{"MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600},
}
TRAFILATURA_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
Articles = tuple[list[dict], list[dict]]  # the JSON-LD and the microdata article items
# A stated date before this year is a placeholder, not what the page claims (0001-01-01 is
# what some CMSs print for "no date"); the page's next stated date counts instead.
PLACEHOLDER_BEFORE_YEAR = 1990
MEASURES = (
    "title_exact",
    "title_normalised",
    "date_day",
    "date_instant",
    "date_instant_offset",
    "authors_set",
    "authors_names",
    "authors_within",
)


# --- what a page states ---------------------------------------------------------------


def decode_page(data: bytes) -> str:
    """A gzip page's text: UTF-8 when it is valid UTF-8, else charset-normalizer's guess."""
    raw = gzip.decompress(data)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return str(charset_normalizer.from_bytes(raw).best() or raw.decode("latin-1"))


def read_stated(page: str) -> dict:
    """Title, published and authors as the page states them, each with its source."""
    data = read_structured(page)
    tree = lxml.html.fromstring(page)
    metas = read_plain_metas(tree)
    articles = find_articles(data["json-ld"]), find_articles(data["microdata"])
    titles = stated_titles(articles, data, metas)
    return {
        "title": first_stated(titles),
        "h1_agreement": agree_with_h1(titles, tree),
        "published": first_stated(real_dates(stated_dates(articles, data, metas))),
        "placeholder_dates": placeholders(stated_dates(articles, data, metas)),
        "authors": first_stated(stated_authors(articles, data, metas)),
        "broken_json_ld": data["broken_json_ld"],
    }


def agree_with_h1(titles: list[tuple[str, object]], tree: lxml.html.HtmlElement) -> dict:
    """For each title source the page has: whether it is the page's first <h1> (normalised)."""
    h1 = tree.xpath("//h1")
    heading = norm_title(collapse(h1[0].text_content())) if h1 else ""
    return {
        source: norm_title(collapse(value)) == heading
        for source, value in titles
        if heading and isinstance(value, str) and collapse(value)
    }


def read_structured(page: str) -> dict:
    """extruct's items per syntax; JSON-LD one script at a time so a broken one is skipped."""
    data = extruct.extract(page, syntaxes=SYNTAXES, uniform=True, errors="log")
    items, broken = [], 0
    for script in lxml.html.fromstring(page).xpath("//script[@type='application/ld+json']"):
        try:
            items.extend(JsonLdExtractor().extract_items(script))
        except ValueError:
            broken += 1
    return {**{s: data.get(s, []) for s in SYNTAXES}, "json-ld": items, "broken_json_ld": broken}


def find_articles(items: list) -> list[dict]:
    """Article-typed objects, outermost first (lists, ``@graph`` and nesting walked)."""
    found, queue = [], deque(items)
    while queue:
        item = queue.popleft()
        if isinstance(item, list):
            queue.extend(item)
        elif isinstance(item, dict):
            if any(ARTICLE_TYPE.search(t) for t in type_names(item)):
                found.append(item)
            queue.extend(v for v in item.values() if isinstance(v, (dict, list)))
    return found


def type_names(item: dict) -> list[str]:
    """The item's ``@type`` names, without a vocabulary prefix."""
    types = item.get("@type") or []
    types = types if isinstance(types, list) else [types]
    return [t.rsplit("/", 1)[-1] for t in types if isinstance(t, str)]


def read_plain_metas(tree: lxml.html.HtmlElement) -> dict[str, list[str]]:
    """``<meta>`` name/property/itemprop (lower-cased) -> contents, plus the ``<title>``."""
    metas: dict[str, list[str]] = {}
    for meta in tree.xpath("//meta[@content]"):
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").lower()
        if key.strip() and collapse(meta.get("content")):
            metas.setdefault(key.strip(), []).append(collapse(meta.get("content")))
    titles = tree.xpath("//head/title") or tree.xpath("//title[not(ancestor::svg)]")
    metas["<title>"] = [collapse(titles[0].text_content())] if titles else []
    return metas


def stated_titles(articles: Articles, data: dict, metas: dict) -> list[tuple[str, object]]:
    """(source, value) candidates for the title, in order of preference."""
    json_ld, microdata = articles
    return [
        ("json-ld headline", first_of(json_ld, "headline")),
        ("microdata headline", first_of(microdata, "headline")),
        ("og:title", first_of(data["opengraph"], "og:title")),
        ("twitter:title", first_meta(metas, "twitter:title")),
        ("<title>", first_meta(metas, "<title>")),
    ]


def stated_dates(articles: Articles, data: dict, metas: dict) -> list[tuple[str, object]]:
    """(source, value) candidates for the publication date, in order of preference."""
    json_ld, microdata = articles
    rdfa = [v for item in data["rdfa"] for v in item.get(RDFA_PUBLISHED, [])]
    return [
        ("json-ld datePublished", first_of(json_ld, "datePublished")),
        ("microdata datePublished", first_of(microdata, "datePublished")),
        ("og article:published_time", first_of(data["opengraph"], "article:published_time")),
        ("rdfa article:published_time", first_of(rdfa, "@value")),
        ("dublin core date", dublin_core(data["dublincore"], DC_DATE_TERMS)),
        *((f"meta {m}", first_meta(metas, m)) for m in PLAIN_DATE_METAS),
    ]


def is_placeholder(value: object) -> bool:
    """A stated date that is a CMS placeholder, not a date (0001-01-01, 1970-01-01)."""
    parsed = parse_date(value) if isinstance(value, str) and collapse(value) else None
    return parsed is not None and parsed.year < PLACEHOLDER_BEFORE_YEAR


def real_dates(candidates: list[tuple[str, object]]) -> list[tuple[str, object]]:
    """The candidates without placeholder dates (the next source then counts)."""
    return [(source, value) for source, value in candidates if not is_placeholder(value)]


def placeholders(candidates: list[tuple[str, object]]) -> list[str]:
    """The placeholder dates a page states, as 'source: value'."""
    return [f"{source}: {value}" for source, value in candidates if is_placeholder(value)]


def stated_authors(articles: Articles, data: dict, metas: dict) -> list[tuple[str, object]]:
    """(source, names) candidates for the authors, in order of preference."""
    json_ld, microdata = articles
    plain = [v for m in PLAIN_AUTHOR_METAS for v in metas.get(m, [])]
    dc_creator = dublin_core(data["dublincore"], ("creator",))
    return [
        ("json-ld author", person_names(first_of(json_ld, "author", whole=True))),
        ("microdata author", person_names(first_of(microdata, "author", whole=True))),
        ("author metas", names_only(plain + ([dc_creator] if dc_creator else []))),
    ]


def first_stated(candidates: list[tuple[str, object]]) -> dict | None:
    """The first candidate with a value, as {source, value}; None when there is none."""
    for source, value in candidates:
        if isinstance(value, str) and collapse(value):
            return {"source": source, "value": collapse(value)}
        if isinstance(value, list) and value:
            return {"source": source, "value": value}
    return None


def first_of(items: list, key: str, whole: bool = False) -> object:
    """The first item's non-empty value for ``key`` (of a list, its first unless ``whole``)."""
    for item in items:
        value = item.get(key) if isinstance(item, dict) else None
        value = value[0] if isinstance(value, list) and value and not whole else value
        if value:
            return value
    return None


def first_meta(metas: dict[str, list[str]], key: str) -> str | None:
    """The first content stated for a plain meta ``key``."""
    values = metas.get(key)
    return values[0] if values else None


def dublin_core(items: list[dict], names: tuple[str, ...]) -> str | None:
    """The first Dublin Core term or element among ``names`` (terms first)."""
    for name in names:
        for item in items:
            for entry in item.get("terms", []) + item.get("elements", []):
                if entry.get("name", "").lower() == name and collapse(entry.get("content")):
                    return entry["content"]
    return None


def person_names(value: object) -> list[str]:
    """Names in a schema.org author value: strings, objects with ``name``, or lists."""
    if isinstance(value, list):
        return names_only([n for v in value for n in person_names(v)])
    if isinstance(value, dict):
        value = value.get("name")
    return names_only([value] if isinstance(value, str) else [])


def names_only(values: list[str]) -> list[str]:
    """Values that are names: web addresses, handles and repeats dropped."""
    kept: list[str] = []
    for value in map(collapse, values):
        if value and "://" not in value and not value.startswith(("@", "www.")):
            kept += [value] if value not in kept else []
    return kept


def collapse(value: object) -> str:
    """HTML entities decoded (JSON-LD text often carries them), white space collapsed."""
    return SPACES.sub(" ", html.unescape(value)).strip() if isinstance(value, str) else ""


# --- what the tools find ----------------------------------------------------------------


def eventwire_found(page_id: str, data: bytes) -> dict:
    """Title and published as the clean stage stores them; authors as the reader finds them."""
    context = ReadContext(Path(f"{page_id}.html.gz"), page_id, None, IngestSettings())
    read = read_gzip_html(data, context)
    clean = clean_article(read.articles[0]) if read.articles else None
    clean = clean if isinstance(clean, CleanArticle) else None
    page = extract_page(decode_page(data), IngestSettings())
    return {
        "title": clean.title if clean else None,
        "published": clean.published if clean else None,
        "authors": list(page.authors),
    }


def trafilatura_found(page_id: str, data: bytes) -> dict:
    """Title, date (with time and offset when htmldate finds them) and authors."""
    document = trafilatura.bare_extraction(
        gzip.decompress(data),
        with_metadata=True,
        date_extraction_params={"original_date": True, "outputformat": TRAFILATURA_DATE_FORMAT},
    )
    if not document:
        return {"title": None, "published": None, "authors": []}
    authors = [a.strip() for a in (document.author or "").split(";") if a.strip()]
    return {
        "title": document.title,
        "published": parse_date(document.date or ""),
        "authors": authors,
    }


TOOLS = {"eventwire": eventwire_found, "trafilatura": trafilatura_found}


# --- scoring ----------------------------------------------------------------------------


def parse_date(value: str) -> datetime | None:
    """A date/time string read by dateutil (ISO 8601 and common written forms), or None.

    North American zone abbreviations get their offset; other abbreviations (IST, ...) are
    ambiguous and leave the time without a zone.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", dateutil.parser.UnknownTimezoneWarning)
        try:
            return dateutil.parser.parse(value, tzinfos=ZONE_ABBREVIATIONS)
        except (ValueError, OverflowError, TypeError):
            return None


def has_time(value: str) -> bool:
    """Whether a stated date string gives a time of day."""
    return "T" in value.upper()[8:] or TIME_IN_TEXT.search(value) is not None


def norm_title(value: str | None) -> str:
    """Case, accents, quotes, dashes and punctuation folded; words single-spaced."""
    text = unicodedata.normalize("NFKC", value or "").casefold()
    return NON_WORD.sub(" ", text).strip()


def compare_title(stated: str, found: str | None) -> dict[str, bool]:
    """Exact (white space collapsed) and normalised (a ' | Site' suffix may be cut) match."""
    exact = collapse(stated) == collapse(found)
    short_stated, short_found = (TITLE_SITE_SUFFIX.sub("", collapse(t)) for t in (stated, found))
    forms = {norm_title(stated), norm_title(short_stated)}
    normalised = bool(found) and bool(forms & {norm_title(found), norm_title(short_found)})
    return {"title_exact": exact, "title_normalised": normalised}


def compare_date(stated: str, found: datetime | None) -> dict[str, bool]:
    """Same day; and, when the page gives a time with an offset, same instant (and offset)."""
    when = parse_date(stated)
    if when is None:
        return {}
    result = {"date_day": found is not None and same_day(when, found)}
    if has_time(stated) and when.tzinfo is not None:
        instant = found is not None and found.tzinfo is not None and found == when
        result["date_instant"] = instant
        result["date_instant_offset"] = instant and found.utcoffset() == when.utcoffset()
    return result


def same_day(stated: datetime, found: datetime) -> bool:
    """The stated calendar day, reading the found time in the stated offset when both have one."""
    if stated.tzinfo is not None and found.tzinfo is not None:
        found = found.astimezone(stated.tzinfo)
    return stated.date() == found.date()


def compare_authors(stated: list[str], found: list[str]) -> dict[str, bool]:
    """Same set of names as stated (case folded); and the same once 'By' and lists are split."""
    exact = {a.casefold() for a in stated} == {collapse(a).casefold() for a in found}
    return {
        "authors_set": exact,
        "authors_names": split_names(stated) == split_names(found),
        "authors_within": names_within(stated, found),
    }


def names_within(stated: list[str], found: list[str]) -> bool:
    """Lenient: every found name is in the stated bylines, and every byline gives one."""
    bylines = [f" {norm_title(s)} " for s in stated]
    names = [f" {norm_title(f)} " for f in found if norm_title(f)]
    return (
        bool(names)
        and all(any(n in b for b in bylines) for n in names)
        and all(any(n in b for n in names) for b in bylines)
    )


def split_names(names: list[str]) -> set[str]:
    """Names with a leading 'By' cut and 'A, B and C' lists split, normalised like titles."""
    parts = (AUTHOR_SEPARATORS.split(AUTHOR_BY.sub("", collapse(n))) for n in names)
    return {norm_title(p) for group in parts for p in group if norm_title(p)}


def compare_page(stated: dict, found: dict) -> dict[str, bool]:
    """Every measure the page's stated metadata allows, True when the tool matched it."""
    result: dict[str, bool] = {}
    if stated["title"]:
        result |= compare_title(stated["title"]["value"], found["title"])
    if stated["published"]:
        result |= compare_date(stated["published"]["value"], found["published"])
    if stated["authors"]:
        result |= compare_authors(stated["authors"]["value"], found["authors"])
    return result


def score_tool(stated: dict[str, dict], found: dict[str, dict]) -> dict:
    """Accuracy per measure, and every miss (page id, stated, found)."""
    counts = {half: {m: [0, 0] for m in MEASURES} for half in ("all", "even", "odd")}
    misses: dict[str, list] = {m: [] for m in MEASURES}
    for page_id, page_stated in stated.items():
        half = "even" if int(page_id, 16) % 2 == 0 else "odd"
        for measure, ok in compare_page(page_stated, found[page_id]).items():
            for key in ("all", half):
                counts[key][measure][0] += ok
                counts[key][measure][1] += 1
            if not ok:
                misses[measure].append(describe_miss(page_id, measure, page_stated, found[page_id]))
    return {
        "accuracy": describe_counts(counts["all"]),
        "accuracy_even_odd": {
            m: [describe_counts(counts[h])[m]["accuracy"] for h in ("even", "odd")]
            for m in MEASURES
        },
        "misses": misses,
    }


def describe_counts(counts: dict[str, list[int]]) -> dict[str, dict]:
    """Per measure: pages right, pages that state it, and the share right."""
    return {
        m: {"correct": c, "stated": n, "accuracy": round(c / n, 3) if n else None}
        for m, (c, n) in counts.items()
    }


def describe_miss(page_id: str, measure: str, stated: dict, found: dict) -> dict:
    """One miss: the page, what it states (and where), what the tool found."""
    field = {"title": "title", "date": "published", "authors": "authors"}[measure.split("_")[0]]
    value = found[field]
    shown = value.isoformat() if isinstance(value, datetime) else value
    return {"id": page_id, "stated": stated[field], "found": shown}


# --- run ----------------------------------------------------------------------------------


def describe_stated(stated: dict[str, dict]) -> dict:
    """How many pages state each field, from which source, and which pages state nothing."""
    summary: dict = {"pages": len(stated)}
    for field in ("title", "published", "authors"):
        sources = Counter(s[field]["source"] for s in stated.values() if s[field])
        summary[field] = {
            "stated": sum(sources.values()),
            "sources": dict(sources.most_common()),
            "pages_stating_nothing": sorted(i for i, s in stated.items() if not s[field]),
        }
    with_time = [s["published"]["value"] for s in stated.values() if s["published"]]
    summary["published"]["with_time_and_offset"] = sum(
        has_time(v) and getattr(parse_date(v), "tzinfo", None) is not None for v in with_time
    )
    summary["published"]["unparseable"] = [v for v in with_time if parse_date(v) is None]
    summary["published"]["placeholders_skipped"] = {
        i: s["placeholder_dates"] for i, s in stated.items() if s["placeholder_dates"]
    }
    agreement = Counter()
    for page in stated.values():
        for source, same in page["h1_agreement"].items():
            agreement[source, "pages"] += 1
            agreement[source, "same_as_h1"] += same
    summary["title"]["same_as_h1"] = {
        source: f"{agreement[source, 'same_as_h1']} of {count}"
        for (source, kind), count in agreement.items()
        if kind == "pages"
    }
    summary["pages_with_broken_json_ld"] = sorted(
        i for i, s in stated.items() if s["broken_json_ld"]
    )
    return summary


def run() -> dict:
    """Read what every page states, run both tools, and score them."""
    pages = load_pages()
    stated = {i: read_stated(decode_page(path.read_bytes())) for i, path in pages.items()}
    result: dict = {"benchmark": "metadata", "data": str(BENCH.relative_to(REPO_ROOT.parent))}
    result["stated"] = describe_stated(stated)
    for name, find in TOOLS.items():
        found = {i: find(i, path.read_bytes()) for i, path in pages.items()}
        result[name] = score_tool(stated, found)
    result["trafilatura"]["version"] = trafilatura.__version__
    result["extruct_version"] = extruct_version()
    return result


def extruct_version() -> str:
    """The installed extruct version."""
    from importlib.metadata import version

    return version("extruct")


def summary_table(result: dict) -> str:
    """Accuracy of each tool per measure, one line per measure."""
    lines = [f"{'measure':20} {'stated':>6} {'eventwire':>10} {'even/odd':>12} {'trafilatura':>12}"]
    for measure in MEASURES:
        ours, theirs = result["eventwire"]["accuracy"][measure], result["trafilatura"]["accuracy"]
        halves = "/".join(map(str, result["eventwire"]["accuracy_even_odd"][measure]))
        lines.append(
            f"{measure:20} {ours['stated']:>6} {ours['accuracy']!s:>10} {halves:>12} "
            f"{theirs[measure]['accuracy']!s:>12}"
        )
    return "\n".join(lines)


def main() -> None:
    """Run the benchmark and write benchmarks/results/metadata.json."""
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    result = {"machine": describe_machine(), **run()}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(result, indent=2, ensure_ascii=False, default=str)
    RESULTS.write_text(text + "\n", encoding="utf-8")
    print(summary_table(result))


if __name__ == "__main__":
    main()
