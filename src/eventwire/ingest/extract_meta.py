"""Title, publication/update dates, authors and URL as an HTML page states them.

Read from the page's own metadata, in this order (first found wins):

* title: the article's JSON-LD ``headline``, its microdata ``headline``, ``og:title``,
  ``twitter:title``, the first ``<h1>``, then ``<title>``. A value that is only the site's
  name is skipped; a `` | Site`` suffix naming the site, or that the page's ``<h1>`` does
  not carry, is cut (also a short `` Section | `` prefix the ``<h1>`` does not carry);
* published: the article's JSON-LD ``datePublished``, its microdata ``datePublished``, the
  date metas in ``PUBLISHED_METAS``, a ``<time itemprop=datePublished|pubdate>``, another
  JSON-LD object's ``datePublished`` (the web page's), then htmldate's quick search. A day
  stated without a time takes the time a later source gives for that same day;
* updated: JSON-LD ``dateModified``, microdata ``dateModified``, then ``UPDATED_METAS``;
* authors: JSON-LD ``author`` names, microdata ``author`` names, then ``AUTHOR_METAS``;
  each cleaned by ``clean_authors`` (web addresses, "By", labels, the site's name, repeats);
* url: ``<link rel=canonical>``, then ``og:url`` (host lower-cased).

"The article" is the first JSON-LD object or microdata item typed ``...Article``,
``...BlogPosting`` or ``Report``; without one, the first object with a headline or a
publication date. JSON-LD text is HTML-unescaped (pages write ``&#8217;`` into it).
Dates keep the page's UTC offset when it states one (see ``eventwire.ingest.dates``). A date
that cannot be a publication or update time (``eventwire.plausible``: a placeholder such as
0001-01-01, or a time after the time of reading) is set aside, noted, and the next source
is read.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache
from urllib.parse import urlsplit, urlunsplit

from dateparser.date import DateDataParser
from htmldate import find_date
from lxml.html import HtmlElement

from eventwire.ingest.dates import parse_datetime
from eventwire.model import CleaningNote
from eventwire.plausible import DatesSettings, keep_plausible

PUBLISHED_METAS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "sailthru.date",
    "parsely-pub-date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "date",
)
UPDATED_METAS = ("article:modified_time", "og:updated_time", "datemodified", "dc.date.modified")
AUTHOR_METAS = ("author", "article:author", "sailthru.author", "parsely-author", "dc.creator")
SITE_NAME_METAS = ("og:site_name", "application-name", "apple-mobile-web-app-title")
# schema.org types of the article itself: NewsArticle, BlogPosting, Report, ...
ARTICLE_TYPE = re.compile(r"(?:Article|BlogPosting|Report)$")
# "Headline | Site", "Headline - Site", "Headline :: Site": the last separator splits.
TITLE_SEPARATOR = re.compile(r"\s+(?:[|\u2013\u2014\u00b7-]|::)\s+")
MIN_CUT_TITLE_CHARS = 60  # headlines cut to fit a limit are long (letters and digits)
MAX_AFFIX_WORDS = 4  # a site name or section cut from a title has at most this many words
# A byline's lead ("By Ana Ruiz", "Analysis by Ana Ruiz") and a label ("Text: Ana Ruiz").
# Only English "by": "von", "di", "af" ... also start or sit inside names.
AUTHOR_LEAD = re.compile(r"^(?:[^\W\d_]+\s+)?by\s+", re.I)
AUTHOR_LABEL = re.compile(r"^[^\W\d_]{2,20}:\s+")
# Several names in one value: "Ana Ruiz and Li Wei", "Ana Ruiz & Li Wei", "A; B", "A | B".
AUTHOR_LIST_SEPARATOR = re.compile(r"\s*(?:;|&|\||\band\b|\bund\b)\s*")
# "y"/"et" join two names, but also sit inside one ("José Ortega y Gasset"): split on them only
# when every side is a name of two words or more.
AUTHOR_PARTICLE_SEPARATOR = re.compile(r"\s+(?:y|et)\s+")
AUTHOR_COMMA = re.compile(r"\s*,\s*")
MAX_NAME_WORDS = 5
# Words of a job title or affiliation after a byline's name ("Ana Ruiz, Staff Writer").
AUTHOR_ROLE_WORDS = frozenset(
    {
        *("writer", "editor", "reporter", "correspondent", "columnist", "contributor"),
        *("contributing", "staff", "producer", "analyst", "critic", "photographer"),
        *("chief", "desk", "bureau", "senior", "political", "national", "media", "press"),
        *("news", "newsroom", "wire", "agency", "service", "team"),
    }
)
DOMAIN_LIKE = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.I)
HOST_PREFIXES = frozenset({"www", "m", "amp", "mobile"})
# Labels under a country code that are not the site: example.co.uk, example.com.au, ...
SECOND_LEVEL_LABELS = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "ne", "or"})
SPACES = re.compile(r"\s+")
NON_WORD = re.compile(r"[\W_]+")
# A month written out (English): such a date is read by dateparser, not by parse_datetime.
MONTH_NAME = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b", re.I)
# Zone abbreviations that name several zones (IST: India, Israel, Ireland; AST: Atlantic,
# Arabia; CST: US Central, China).
AMBIGUOUS_ZONE = re.compile(r"\b(?:IST|AST|CST)\b")
# A site name this short ("dw", "bt") is too short to take a word starting with it for the site.
MIN_PREFIX_SITE_NAME = 5
TIME_OF_DAY = re.compile(r"\d{1,2}:\d{2}")
HTMLDATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
DEFAULT_DATES = DatesSettings()
LD_XPATH = "//script[@type='application/ld+json']"
TIME_XPATH = "//time[@datetime][@itemprop='datePublished' or @pubdate]/@datetime"
MICRODATA_ARTICLE_XPATH = (
    "//*[@itemscope][contains(@itemtype, 'Article') or contains(@itemtype, 'BlogPosting')]"
)


@dataclass(frozen=True)
class PageMetadata:
    """What the page states about itself."""

    title: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    authors: tuple[str, ...] = ()
    url: str | None = None
    notes: tuple[CleaningNote, ...] = ()  # stated dates set aside as implausible


@dataclass(frozen=True)
class Statements:
    """The page's metadata sources, read once: metas, JSON-LD article, microdata article."""

    metas: dict[str, list[str]]
    ld: dict
    microdata: dict[str, list[str]]
    site_names: frozenset[str]  # squashed (see ``squash``)
    sections: frozenset[str] = frozenset()  # squashed article sections ("opinion")
    ld_dates: tuple[str, ...] = ()  # datePublished of every JSON-LD object (web page, ...)


def read_page_metadata(tree: HtmlElement, dates: DatesSettings = DEFAULT_DATES) -> PageMetadata:
    """The page's stated title, dates, authors and URL (None/() when it states none)."""
    stated = read_statements(tree)
    ld, md, metas = stated.ld, stated.microdata, stated.metas
    updated = [ld.get("dateModified"), first(md.get("datemodified"))]
    updated += [first(metas.get(m)) for m in UPDATED_METAS]
    updated, notes = drop_implausible(updated, "updated time in the page's metadata", dates)
    published, published_notes = choose_published(tree, stated, dates)
    return PageMetadata(
        title=choose_title(tree, stated),
        published=published,
        updated=first_date(updated),
        authors=choose_authors(stated),
        url=choose_url(tree, metas),
        notes=unique_notes(published_notes + notes),
    )


def read_statements(tree: HtmlElement) -> Statements:
    """Metas, the JSON-LD and microdata article, and the names the site goes by."""
    metas = read_metas(tree)
    objects = read_json_ld_objects(tree)
    ld = choose_ld_article(objects)
    names = [first(metas.get(m)) for m in SITE_NAME_METAS] + ld_site_names(objects, ld)
    names += [host_name(choose_url(tree, metas))]
    names += [n.rsplit(".", 1)[0] for n in names if n and DOMAIN_LIKE.match(n)]
    sections = [*metas.get("article:section", []), ld_text(ld.get("articleSection"))]
    return Statements(
        metas=metas,
        ld=ld,
        microdata=read_microdata_article(tree),
        site_names=frozenset(squash(n) for n in names if squash(n)),
        sections=frozenset(squash(n) for n in sections if squash(n)),
        ld_dates=tuple(
            o["datePublished"] for o in objects if isinstance(o.get("datePublished"), str)
        ),
    )


def host_name(url: str | None) -> str:
    """The site part of a URL's host: 'https://www.example.com/a' -> 'example'."""
    host = urlsplit(url).hostname or "" if url else ""
    labels = [label for label in host.split(".") if label not in HOST_PREFIXES]
    if len(labels) >= 3 and labels[-2] in SECOND_LEVEL_LABELS:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else ""


def read_metas(tree: HtmlElement) -> dict[str, list[str]]:
    """Lower-cased ``<meta>`` name/property/itemprop -> every non-empty content, in order."""
    metas: dict[str, list[str]] = {}
    for meta in tree.iterfind(".//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        value = collapse(meta.get("content"))
        if key and value:
            metas.setdefault(key.strip(), []).append(value)
    return metas


def read_json_ld_objects(tree: HtmlElement) -> list[dict]:
    """Every JSON-LD object on the page (lists and ``@graph`` flattened); broken ones skipped."""
    objects: list[dict] = []
    for script in tree.xpath(LD_XPATH):
        try:
            data = json.loads(script.text_content(), strict=False)
        except (json.JSONDecodeError, TypeError, ValueError):
            continue
        objects.extend(flatten_ld(data))
    return objects


def choose_ld_article(objects: list[dict]) -> dict:
    """The first article-typed object, else the first with a headline or publication date."""
    dated = [o for o in objects if o.get("datePublished") or o.get("headline")]
    typed = [o for o in dated if any(ARTICLE_TYPE.search(t) for t in type_names(o))]
    return (typed or dated or [{}])[0]


def flatten_ld(data: object) -> list[dict]:
    """Every object in a JSON-LD value, lists and ``@graph`` flattened."""
    if isinstance(data, list):
        return [obj for item in data for obj in flatten_ld(item)]
    if isinstance(data, dict):
        return [data, *flatten_ld(data.get("@graph", []))]
    return []


def type_names(item: dict) -> list[str]:
    """An object's ``@type`` names, without a vocabulary prefix."""
    types = item.get("@type") or []
    types = types if isinstance(types, list) else [types]
    return [t.rsplit("/", 1)[-1] for t in types if isinstance(t, str)]


def ld_site_names(objects: list[dict], article: dict) -> list[str]:
    """Names of the site: the article's publisher and any WebSite object."""
    publisher = article.get("publisher")
    names = ld_names(publisher) if isinstance(publisher, (dict, str)) else []
    sites = [o for o in objects if "WebSite" in type_names(o)]
    return names + [ld_text(o.get("name")) for o in sites]


def read_microdata_article(tree: HtmlElement) -> dict[str, list[str]]:
    """Lower-cased itemprop -> values of the first microdata article's own properties.

    A property of a nested item (a comment's author) is not the article's; an ``author``
    that is an item of its own gives its ``name``.
    """
    scopes = tree.xpath(MICRODATA_ARTICLE_XPATH)
    if not scopes:
        return {}
    props: dict[str, list[str]] = {}
    for element in scopes[0].iterdescendants():
        if not isinstance(element.tag, str) or element.get("itemprop") is None:
            continue
        if nearest_scope(element) is not scopes[0]:
            continue
        value = item_value(element)
        for name in element.get("itemprop").lower().split():
            props.setdefault(name, []).extend([value] if value else [])
    return props


def nearest_scope(element: HtmlElement) -> HtmlElement | None:
    """The closest ancestor that opens a microdata item."""
    return next((a for a in element.iterancestors() if a.get("itemscope") is not None), None)


def item_value(element: HtmlElement) -> str:
    """A microdata property's value: a nested item's name, else content/datetime/text."""
    if element.get("itemscope") is not None:
        names = element.xpath(".//*[@itemprop='name']")
        return item_value(names[0]) if names else ""
    for attribute in ("content", "datetime"):
        if element.get(attribute):
            return collapse(element.get(attribute))
    return collapse(element.text_content())


def choose_title(tree: HtmlElement, stated: Statements) -> str | None:
    """The first stated title that is not just the site's name, its site affixes cut."""
    h1 = tree.find(".//h1")
    heading = collapse(h1.text_content()) if h1 is not None else ""
    page_title = tree.findtext(".//title")
    candidates = [
        ld_text(stated.ld.get("headline")),
        first(stated.microdata.get("headline")),
        first(stated.metas.get("og:title")),
        first(stated.metas.get("twitter:title")),
        heading,
    ]
    titles = [cut_site_affixes(collapse(c), stated, heading) for c in candidates]
    for title in titles:
        if title and squash(title) not in stated.site_names:
            return untruncated(title, titles)
    return cut_last_part(collapse(page_title)) or None


def untruncated(title: str, others: list[str]) -> str:
    """The longest other title that a long ``title`` is the start of (a headline cut short).

    The rest must not be a part after a separator ("Title - More" is not a longer title).
    """
    key = squash(title)
    if len(key) < MIN_CUT_TITLE_CHARS:
        return title
    longer = [o for o in others if squash(TITLE_SEPARATOR.split(o)[0]).startswith(key)]
    return max((o for o in longer if len(squash(o)) > len(key)), key=len, default=title)


def cut_last_part(title: str) -> str:
    """A page <title> without its last short part: 'Headline | Site' -> 'Headline'."""
    spans = part_spans(title)
    if len(spans) > 1 and is_short(title[slice(*spans[-1])]):
        return rejoin(title, spans[:-1])
    return title


def cut_site_affixes(title: str, stated: Statements, heading: str) -> str:
    """``title`` without a trailing site name and without a leading section name.

    A trailing part is cut when it names the site or when the page's <h1> is the title
    without it; a leading part when it names the article's section or the <h1> lacks it.
    """
    spans = part_spans(title)
    parts = [title[start:end] for start, end in spans]
    wanted = squash(heading)
    first, last = 0, len(parts)
    while last - first > 1 and is_affix(
        parts[last - 1], parts[: last - 1], stated.site_names, wanted
    ):
        last -= 1
    if last - first > 1 and is_affix(parts[0], parts[1:last], stated.sections, wanted):
        first = 1
    return rejoin(title, spans[first:last])


def is_affix(part: str, rest: list[str], names: frozenset[str], heading: str) -> bool:
    """Whether a title's end part names the site/section, or the page's <h1> leaves it out.

    One word that starts with the site's name counts too ("ExamplePolitics").
    """
    if not is_short(part):
        return False
    key = squash(part)
    if heading and heading.endswith(key):
        return False  # the headline itself carries it ("... - Dwarka" under an <h1> with it)
    prefixed = " " not in part and any(
        key.startswith(n) for n in names if len(n) >= MIN_PREFIX_SITE_NAME
    )
    return key in names or prefixed or (bool(heading) and squash(" ".join(rest)) == heading)


def part_spans(title: str) -> list[tuple[int, int]]:
    """(start, end) of each part of ``title`` between TITLE_SEPARATOR matches."""
    spans, start = [], 0
    for separator in TITLE_SEPARATOR.finditer(title):
        spans.append((start, separator.start()))
        start = separator.end()
    return [*spans, (start, len(title))]


def rejoin(title: str, spans: list[tuple[int, int]]) -> str:
    """``title`` from the start of the first kept part to the end of the last one."""
    return title[spans[0][0] : spans[-1][1]].strip()


def is_short(text: str) -> bool:
    """At most MAX_AFFIX_WORDS words: short enough to be a site or section name."""
    return 0 < len(text.split()) <= MAX_AFFIX_WORDS


def choose_published(
    tree: HtmlElement, stated: Statements, dates: DatesSettings = DEFAULT_DATES
) -> tuple[datetime | None, list[CleaningNote]]:
    """JSON-LD, microdata, date metas, <time> markup, then htmldate's quick search.

    When the first source gives a day without a time, a later one giving that same day
    with its time (and offset) is taken instead. Implausible dates are skipped, noted.
    """
    values = [stated.ld.get("datePublished"), first(stated.microdata.get("datepublished"))]
    values += [first(stated.metas.get(m)) for m in PUBLISHED_METAS]
    values += [*tree.xpath(TIME_XPATH), *stated.ld_dates]
    values, notes = drop_implausible(values, "published time in the page's metadata", dates)
    found = first_dated(values)
    if found is None:
        guessed = find_date(
            tree, extensive_search=False, original_date=True, outputformat=HTMLDATE_FORMAT
        )
        when, more = keep_plausible(parse_datetime(guessed), "date found by htmldate", dates)
        return when, notes + more
    text, when = found
    if TIME_OF_DAY.search(text):
        return when, notes
    timed = first_date([v for v in values if isinstance(v, str) and TIME_OF_DAY.search(v)])
    return (timed if timed is not None and timed.date() == when.date() else when), notes


def drop_implausible(
    values: list[object], what: str, dates: DatesSettings
) -> tuple[list[object], list[CleaningNote]]:
    """``values`` without those that parse as an implausible date, and a note for each."""
    kept, notes = [], []
    for value in values:
        found = first_dated([value])
        _, ignored = keep_plausible(found[1] if found else None, what, dates)
        notes += ignored
        if not ignored:
            kept.append(value)
    return kept, notes


def unique_notes(notes: list[CleaningNote]) -> tuple[CleaningNote, ...]:
    """``notes`` without repeats (a page states one placeholder in several places)."""
    return tuple(dict.fromkeys(notes))


def choose_authors(stated: Statements) -> tuple[str, ...]:
    """JSON-LD author names, else microdata author names, else author metas; cleaned."""
    sources = [
        ld_names(stated.ld.get("author")),
        stated.microdata.get("author", []),
        [v for m in AUTHOR_METAS for v in stated.metas.get(m, [])],
    ]
    for names in sources:
        cleaned = clean_authors(names, stated.site_names)
        if cleaned:
            return cleaned
    return ()


def clean_authors(values: list[str], site_names: frozenset[str]) -> tuple[str, ...]:
    """Person names from author values: lists split, "By"/labels cut, the site and repeats out.

    Web addresses and ``@handles`` are not names; "Ana Ruiz, Example News" keeps the person
    when the part after the comma is the site's name.
    """
    kept: dict[str, str] = {}
    for value in values:
        for name in split_authors(value):
            kept.setdefault(squash(name), name)
    kept.pop("", None)
    people = {k: n for k, n in kept.items() if not is_site_or_role(k, n, site_names)}
    return tuple((people or kept).values())


def is_site_or_role(key: str, name: str, site_names: frozenset[str]) -> bool:
    """Whether a byline part names the site or a job title rather than a person."""
    words = [w.casefold() for w in NON_WORD.split(name) if w]
    return key in site_names or bool(set(words[:1]) & site_names or set(words) & AUTHOR_ROLE_WORDS)


def split_authors(value: str) -> list[str]:
    """The names in one author value ('By Ana Ruiz and Li Wei' -> both)."""
    value = collapse(value)
    if not value or "://" in value or value.startswith(("@", "www.")):
        return []
    value = AUTHOR_LABEL.sub("", AUTHOR_LEAD.sub("", value))
    names = []
    for part in AUTHOR_LIST_SEPARATOR.split(value):
        for name in split_on_particles(part.strip()):
            names.extend(split_comma_list(AUTHOR_LEAD.sub("", name)))
    return [n for n in names if n and len(n.split()) <= MAX_NAME_WORDS]


def split_on_particles(value: str) -> list[str]:
    """'Ana Ruiz y Tom Okoro' -> both; 'José Ortega y Gasset' stays one name."""
    pieces = [p.strip() for p in AUTHOR_PARTICLE_SEPARATOR.split(value)]
    return pieces if all(len(p.split()) >= 2 for p in pieces) else [value]


def split_comma_list(value: str) -> list[str]:
    """'Ana Ruiz, Li Wei' -> both; one-word parts after a name are credentials ('MS', 'Site')."""
    head, *rest = [p for p in AUTHOR_COMMA.split(value) if p] or [""]
    if len(head.split()) < 2:
        return [value.strip(" ,")]
    return [head, *(p for p in rest if len(p.split()) >= 2)]


def choose_url(tree: HtmlElement, metas: dict[str, list[str]]) -> str | None:
    """The canonical link, else og:url (absolute web addresses only)."""
    for href in [*tree.xpath("//link[@rel='canonical']/@href"), first(metas.get("og:url"))]:
        if href and href.strip().startswith(("http://", "https://")):
            parts = urlsplit(href.strip())
            return urlunsplit(parts._replace(netloc=parts.netloc.lower()))
    return None


def ld_names(value: object) -> list[str]:
    """Names in a JSON-LD author value (a string, an object or a list of them)."""
    if isinstance(value, list):
        return [name for item in value for name in ld_names(item)]
    if isinstance(value, dict):
        value = value.get("name")
    name = ld_text(value)
    return [name] if name else []


def ld_text(value: object) -> str:
    """A JSON-LD string with HTML entities decoded and white space collapsed."""
    if isinstance(value, list) and value:
        value = value[0]
    return collapse(html.unescape(value)) if isinstance(value, str) else ""


def first_date(values: list[object]) -> datetime | None:
    """The first value that parses as a date (see ``first_dated``)."""
    found = first_dated(values)
    return found[1] if found else None


def first_dated(values: list[object]) -> tuple[str, datetime] | None:
    """(value, date) of the first value that parses: English words, ISO 8601 or RFC 2822.

    A value naming a month goes to dateparser first: ``parse_datetime``'s RFC 2822 reading
    takes "November 19, 2019, 07:47 PM EST" for 07:47 without a zone.
    """
    for value in values:
        text = html.unescape(value).strip() if isinstance(value, str) else ""
        parsed = (parse_written_date(text) or parse_datetime(text)) if text else None
        if parsed is not None:
            return text, parsed
    return None


def parse_written_date(text: str) -> datetime | None:
    """A date written with a month name ('November 19, 2019, 07:47 PM EST'), zone kept.

    Without a zone in the text, the time goes through ``parse_datetime`` so that it is
    recorded like any other time without a zone.
    """
    if not MONTH_NAME.search(text):
        return None
    text = AMBIGUOUS_ZONE.sub("", text)  # India or Israel? Better no zone than a wrong one.
    parsed = written_date_parser().get_date_data(text).date_obj
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        return parse_datetime(parsed.isoformat())
    return parsed.replace(tzinfo=timezone(parsed.utcoffset()))


@cache
def written_date_parser() -> DateDataParser:
    """One English dateparser, built on first use (building one is slow)."""
    return DateDataParser(languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]})


def first(values: list[str] | None) -> str | None:
    """The first of ``values``, or None."""
    return values[0] if values else None


def collapse(value: object) -> str:
    """White space collapsed; '' for anything but a string."""
    return SPACES.sub(" ", value).strip() if isinstance(value, str) else ""


def squash(value: object) -> str:
    """Case-folded letters and digits only, for comparing names ('Site.com' ~ 'site com')."""
    return NON_WORD.sub("", collapse(value).casefold())
