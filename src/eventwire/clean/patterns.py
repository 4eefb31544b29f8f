"""Data for the cleaning rules: regexes, word lists and time-zone names.

Kept apart from the rule code so that patterns can be reviewed (and extended) without
reading the logic. Long pattern lists that users may want to extend live in the text
files next to this module (``boilerplate.txt``, ``conclusions.txt``).
"""

from __future__ import annotations

import re

# --- timestamps ---------------------------------------------------------------------

# Labels that introduce a time; the value is the role the time plays.
TIMESTAMP_LABELS: dict[str, str] = {
    "published": "published",
    "first published": "published",
    "originally published": "published",
    "posted": "published",
    "created": "published",
    "date": "published",
    "dated": "published",
    "updated": "updated",
    "last updated": "updated",
    "modified": "updated",
    "last modified": "updated",
    "revised": "updated",
    "edited": "updated",
}
_LABEL_ALTERNATION = "|".join(
    sorted((re.escape(k) for k in TIMESTAMP_LABELS), key=len, reverse=True)
)
# A label, optionally followed by "on"/"at" and a colon: splits a line into time segments.
TIMESTAMP_LABEL = re.compile(rf"\b(?P<label>{_LABEL_ALTERNATION})\b\s*(?:on|at)?\s*:?", re.I)

MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
WEEKDAYS = (
    r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?"
)
ZONE_NAMES = (
    r"gmt|utc|z|bst|cet|cest|eet|eest|wet|west|msk|ist|jst|kst|hkt|sgt|aest|aedt|awst"
    r"|est|edt|cst|cdt|mst|mdt|pst|pdt|akst|akdt|hst|et|ct|mt|pt"
)
# One token that may occur in a date/time expression (whole-token match).
DATE_TOKEN = re.compile(
    rf"""^(?:
        \d{{1,4}}(?:[-./:]\d{{1,4}}){{0,2}}(?:st|nd|rd|th)?      # 8, 2026, 08.02.2026, 16:46, 8th
      | \d{{4}}-\d{{2}}-\d{{2}}T\d{{1,2}}[:.]\d{{2}}         # ISO 8601 date and time
        (?::\d{{2}}(?:\.\d+)?)?(?:Z|[+-]\d{{2}}:?\d{{2}})?
      | [+-]\d{{2}}:?\d{{2}}                                     # +0000, -05:00
      | (?:gmt|utc)[+-]\d{{1,2}}(?::?\d{{2}})?                   # GMT+3
      | (?:{MONTHS})\.?
      | (?:{WEEKDAYS})\.?
      | (?:{ZONE_NAMES})
      | a\.?m\.? | p\.?m\.?
      | at | on | of | the
    )$""",
    re.I | re.X,
)
# Separators allowed between date tokens (removed before tokenising a segment).
DATE_SEPARATORS = re.compile(r"[,|•·()\[\]—–]|\s[-/]\s|\s+")
HAS_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
HAS_MONTH_NAME = re.compile(rf"\b(?:{MONTHS})\b", re.I)
HAS_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}(?!\d{2})|\d\s*[ap]\.?m\b|T\d{2}", re.I)
HAS_DAY_NUMBER = re.compile(r"(?<![\d.:])\d{1,2}(?:st|nd|rd|th)?(?![\d:])", re.I)
DOTTED_DATE = re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b")
# Zones a date parser gets wrong half the year (fixed offsets); resolved with zoneinfo.
REGIONAL_ZONES: dict[str, str] = {
    "et": "America/New_York",
    "ct": "America/Chicago",
    "mt": "America/Denver",
    "pt": "America/Los_Angeles",
}
REGIONAL_ZONE = re.compile(r"\b(ET|CT|MT|PT)\b\.?\s*$")
# "Updated 2 hours ago": a time line that carries no absolute time.
RELATIVE_TIME_LINE = re.compile(
    rf"^(?:(?:{_LABEL_ALTERNATION})\s*:?\s*)?(?:\d+|an?|one)\s+"
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago\.?$",
    re.I,
)
MAX_TIMESTAMP_LINE_CHARS = 120

# --- datelines ----------------------------------------------------------------------

# A wire dateline standing alone: "WEST PALM BEACH , Fla. —", "MOSCOW, Feb. 8 (Reuters) -".
WIRE_DATELINE = re.compile(
    r"""^(?-i:[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,4})      # CITY IN CAPITALS
        (?:\s*,\s*[A-Z][\w.]*(?:\s+[A-Z\d][\w.]*){0,3})?         # , State. / , Feb. 8
        (?:\s*\([^()]{1,40}\))?                                   # (Agency)
        \s*[—–-]+$""",
    re.X,
)
# A section name printed next to a date: "World", "Middle East", "Business & Economy".
SECTION_NAME = re.compile(r"(?-i:[A-Z][\w&'’-]*(?:\s+(?:&\s+)?[A-Z][\w&'’-]*){0,2})")
SECTION_AFFIX = re.compile(
    rf"^(?P<before>{SECTION_NAME.pattern})\s*[|•·/,:-]?\s+(?P<rest>.+)$"
    rf"|^(?P<head>.+?)\s*[|•·/,-]?\s+(?P<after>{SECTION_NAME.pattern})$"
)

# --- sentences ----------------------------------------------------------------------

# "said.The": two lowercase letters (or digits), end punctuation, optional closing quote,
# then a capitalised word. Excludes U.S. (capital before the dot), e.g. (one letter),
# Node.js / example.com (lowercase after the dot) and 3.5 (digit after the dot).
GLUED_SENTENCE = re.compile(r"(?<=[a-z\d%]{2})([.!?][\"”’)]?)(?=[A-Z][a-z])")
URL_LIKE = re.compile(r"(?:https?://|www\.)\S+|\b\S+@\S+\.\w+|\b[\w-]+(?:\.[\w-]+)+/\S*", re.I)
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z\d])")

# --- headings -----------------------------------------------------------------------

HEADING_FINAL_PUNCTUATION = ".!?:;,\"”’'…)"
QUOTE_CHARS = '"“”«»„'

# --- generic conclusions ------------------------------------------------------------

NUMBER_WORDS = frozenset(
    [
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "billion",
        "billions",
        "trillion",
        "percent",
        "dozen",
        "dozens",
        "half",
        "quarter",
    ]
)
DIGIT = re.compile(r"\d")
CAPITALISED_WORD = re.compile(r"\b[A-Z][\w’'-]*")
# Words that start sentences without naming anything.
SENTENCE_STARTERS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "their",
        "there",
        "here",
        "such",
        "as",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "while",
        "when",
        "whether",
        "although",
        "though",
        "however",
        "but",
        "and",
        "or",
        "so",
        "yet",
        "both",
        "either",
        "neither",
        "each",
        "all",
        "any",
        "some",
        "many",
        "most",
        "much",
        "more",
        "few",
        "several",
        "other",
        "another",
        "one",
        "we",
        "they",
        "he",
        "she",
        "i",
        "you",
        "our",
        "his",
        "her",
        "if",
        "once",
        "after",
        "before",
        "since",
        "until",
        "despite",
        "amid",
        "given",
        "moving",
        "going",
        "looking",
        "ultimately",
        "overall",
        "still",
        "also",
        "meanwhile",
        "nonetheless",
        "nevertheless",
        "indeed",
        "thus",
        "therefore",
        "hence",
        "what",
        "how",
        "why",
        "where",
        "who",
        "which",
        "whatever",
        "only",
        "even",
        "just",
    ]
)
POSSESSIVE_SUFFIX = re.compile(r"['’]s$")

# --- boilerplate heuristics -----------------------------------------------------------

LETTER_OR_DIGIT = re.compile(r"\w")
HANDLE_OR_TAG = re.compile(r"[@#]\w+")
EMAIL = re.compile(r"\S+@\S+\.\w+")
# Web addresses of social networks: profile and share links, never a cited source.
SOCIAL_LINK = re.compile(
    r"(?:https?://)?(?:[\w-]+\.)*(?:twitter\.com|x\.com|facebook\.com|fb\.com|instagram\.com"
    r"|youtube\.com|youtu\.be|linkedin\.com|tiktok\.com|t\.me|threads\.net|bsky\.app"
    r"|pinterest\.com|wa\.me|vk\.com|flipboard\.com)(?:/\S*)?",
    re.I,
)
# The host of a web address: "https://www.example.org/a" -> "example.org".
LINK_HOST = re.compile(r"^(?:https?://)?(?:www\.)?([\w.-]+\.[a-z]{2,})", re.I)
# Labels of share buttons; a line made only of these is a button row.
SHARE_WORDS = frozenset(
    [
        "share",
        "shares",
        "tweet",
        "email",
        "e-mail",
        "mail",
        "print",
        "facebook",
        "twitter",
        "x",
        "whatsapp",
        "telegram",
        "linkedin",
        "reddit",
        "pinterest",
        "messenger",
        "vk",
        "flipboard",
        "copy",
        "link",
        "url",
        "save",
        "bookmark",
        "comment",
        "comments",
        "sms",
        "threads",
        "bluesky",
    ]
)

# --- title --------------------------------------------------------------------------

# "Title | Site", "Title - Site" (dashes are folded to "-" before this is used).
TITLE_SUFFIX_SEPARATOR = re.compile(r"\s+[|\-:•·]\s+")
