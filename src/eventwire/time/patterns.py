"""Word lists and regular expressions of the time stage (data, not logic)."""

from __future__ import annotations

import re

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
    "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21,
}  # fmt: skip
# Days of the month in words ("the eighth of February", "March twenty-first").
DAY_ORDINAL_WORDS = {
    **{word: n for word, n in ORDINALS.items() if not word[0].isdigit()},
    "twenty-second": 22, "twenty-third": 23, "twenty-fourth": 24, "twenty-fifth": 25,
    "twenty-sixth": 26, "twenty-seventh": 27, "twenty-eighth": 28, "twenty-ninth": 29,
    "thirtieth": 30, "thirty-first": 31,
}  # fmt: skip
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
    "seventies": 7, "eighties": 8, "nineties": 9,
}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {
    "morning": "MO", "dawn": "MO", "daybreak": "MO", "afternoon": "AF", "evening": "EV",
    "dusk": "EV", "night": "NI", "overnight": "NI", "tonight": "NI",
}  # fmt: skip

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
_NUMBER = r"(?P<count>\d+|" + "|".join(NUMBER_WORDS) + r"|a few|several|many|some)"

# Words stripped from the front of an expression before the rules run.
LEADING_WORDS = re.compile(
    r"^(?:(?:on|in|at|by|since|until|till|during|from|for|over|through|throughout|before|"
    r"after|around|about|as of|as early as|as late as|within|of|starting|beginning|ending|"
    r"the|its|their|his|her|our|my|your|this past|the past)\s+)+"
)
# Modifiers that narrow an expression without changing its TIMEX3 value.
MODIFIERS = re.compile(
    r"\b(?:early|earlier|late|later|mid|middle of|the middle of|end of|the end of|"
    r"beginning of|the beginning of|start of|the start of|the rest of|rest of|"
    r"remainder of|the remainder of|close of|the close of|turn of|the turn of)[\s-]+"
)
_DAY_WORD = r"(?P<word>" + "|".join(sorted(DAY_ORDINAL_WORDS, key=len, reverse=True)) + r")"
# A day in words beside a month name, rewritten to digits before the rules run.
SPELLED_DAY_OF_MONTH = re.compile(r"\b(?:the\s+)?" + _DAY_WORD + r"\s+of\s+\b" + _MONTH + r"(?!\w)")
MONTH_SPELLED_DAY = re.compile(r"\b" + _MONTH + r"\s+(?:the\s+)?" + _DAY_WORD + r"\b")
NUMERIC_DATE = re.compile(r"\b(?P<a>\d{1,4})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{1,4})\b")
MONTH_DAY = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{4}))?")
DAY_MONTH = re.compile(
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+(?P<year>\d{4}))?"
)
MONTH_YEAR = re.compile(
    r"^(?:(?P<rel>last|this|next)\s+)?" + _MONTH + r"(?:,?\s+(?P<year>\d{4})"
    r"|\s+(?:of\s+)?(?P<yrel>this|last|next) year)?$"
)
WEEKDAY = re.compile(r"(?:\b(?P<rel>last|this|next|past|coming)\s+)?\b" + _WEEKDAY + r"s?\b")
PART_OF_DAY = re.compile(r"\b(?P<part>" + "|".join(PARTS_OF_DAY) + r")\b")
DAY_WORD = re.compile(r"^(?P<word>the day before yesterday|the day after tomorrow|yesterday|"
                      r"today|tomorrow|tonight)(?:'s)?\b")  # fmt: skip
# A part of the anchor's day or of the day before: "this morning", "last night", "overnight".
DAY_PART = re.compile(
    r"^(?:(?P<rel>this|last)\s+(?P<part>morning|afternoon|evening|night)|(?P<overnight>overnight))$"
)
DAY_PART_OFFSETS = {"this": 0, "last": -1}
_ORDINAL_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)(?:\s*(?:-|and|or|to)\s*\d{1,2}(?:st|nd|rd|th))?"
# A day of the month named alone: "the 8th", "Sunday the 8th", "the night of the 7th",
# "the 3rd of this month", "the 6th and 7th" (its first day; the month comes from the
# anchor and the tense).
ORDINAL_DAY = re.compile(
    r"^(?:" + _WEEKDAY + r",?\s+(?:the\s+)?)?"
    r"(?:(?P<part>morning|afternoon|evening|night)\s+of\s+(?:the\s+)?)?"
    + _ORDINAL_DAY
    + r"(?:\s+of\s+(?:the\s+)?(?P<rel>this|last|next|current|previous|following)\s+month)?$"
)
QUARTER = re.compile(
    r"(?:(?P<yearq>\d{4})\s+|(?P<relq>this|last|next) year's\s+|fiscal[\s-]+)?"
    r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?quarter"
    r"(?:\s+of\s+(?:fiscal\s+)?(?P<year>\d{4}))?"
    r"|\bq(?P<qnum>[1-4])(?:\s+(?:fy\s*)?(?P<qyear>\d{4}))?\b"
)
RELATIVE_QUARTER = re.compile(r"^(?P<rel>this|last|next|current|latest|most recent|recent|"
                              r"previous|prior|same)?\s*(?:fiscal\s+)?quarter$")  # fmt: skip
HALF = re.compile(
    r"(?P<ord>first|second|last|latter)\s+(?:half|(?<=first\s)two\s+quarters)"
    r"(?:\s+of\s+(?P<year>\d{4}))?"
    r"|(?:(?P<yearh>\d{4})\s+)?h(?P<hnum>[12])\b"
)
SEASON = re.compile(
    r"^(?:(?P<rel>this|last|next|past|coming)\s+)?(?P<season>spring|summer|fall|autumn|winter)"
    r"(?:\s+(?:of\s+)?(?P<year>\d{4}))?$"
)
DECADE = re.compile(
    r"^(?:(?P<century>1[0-9]|20)|')?(?P<decade>\d)0'?s$|^(?P<word>" + "|".join(DECADE_WORDS) + r")$"
)
RELATIVE_DECADE = re.compile(r"^(?P<rel>this|last|past|previous|next|coming) decade$")
CENTURY = re.compile(r"^(?P<ord>\d{1,2})(?:st|nd|rd|th) century$|^(?P<word>[a-z-]+) century$")
YEAR = re.compile(r"^(?:(?:fiscal|calendar|fy|model year|year)\s*)?'?(?P<year>\d{4}|'\d{2})"
                  r"(?:\s+(?P<unit>period|quarter|season|fiscal year|budget|year))?$")  # fmt: skip
# Approximations and open ends that do not change a TIMEX3 value.
APPROXIMATORS = re.compile(r"^(?:nearly|almost|about|roughly|some|more than|less than|over|"
                           r"just|only|at least|at most|approximately|around)\s+"
                           r"|\s+(?:or so|and beyond|or later|or earlier|and later)$")  # fmt: skip
SPELLED_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
}  # fmt: skip
SPELLED_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
SPELLED_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_UNIT = "|".join(SPELLED_UNITS)
_TWO_DIGITS = (r"(?:(?:" + "|".join(SPELLED_TENS) + r")(?:[\s-](?:" + _UNIT + r"))?|"
               + "|".join(SPELLED_TEENS) + r"|(?:oh|o)[\s-](?:" + _UNIT + r"))")  # fmt: skip
# Years said in words: "nineteen ninety-seven", "two thousand (and) one", "twenty twenty-six".
SPELLED_YEAR = re.compile(
    r"\b(?P<century>nineteen|eighteen|twenty)[\s-](?P<rest>" + _TWO_DIGITS + r")\b"
    r"|\btwo thousand(?:\s+(?:and\s+)?(?P<small>" + _TWO_DIGITS + r"|" + _UNIT + r"))?\b"
)
RELATIVE_UNIT = re.compile(
    r"^(?P<rel>this|last|next|current|previous|past|coming|following|same|present|full|whole|"
    r"entire)?\s*"
    r"(?:fiscal\s+|calendar\s+)?(?P<unit>week|weekend|month|year)(?:'s)?$"
)
AGO = re.compile(
    r"^" + _NUMBER + r"\s+(?P<unit>day|week|month|quarter|year|decade)s?\s+"
    r"(?:ago|earlier|before|back|previously)$"
)
AHEAD = re.compile(
    r"^(?:in\s+)?" + _NUMBER + r"\s+(?P<unit>day|week|month|quarter|year|decade)s?"
    r"(?:\s+(?:from now|from today|later|hence|ahead))$"
)
YEAR_AGO_PERIOD = re.compile(
    r"^(?:(?:corresponding|comparable|same|similar)\s+)?"
    r"(?:year[\s-]ago|year[\s-]earlier|prior[\s-]year|previous[\s-]year|a year ago|"
    r"a year earlier|last year's|corresponding|comparable|same)?\s*(?:quarter|period)?"
    r"(?:\s+(?:a year ago|a year earlier|last year|of last year|the previous year|"
    r"the year before))?$"
)
YEAR_AGO_WORDS = re.compile(r"\b(?:year[\s-]ago|year[\s-]earlier|a year ago|a year earlier|"
                            r"last year|previous year|prior[\s-]year|year before)\b")  # fmt: skip
LATEST_PERIOD = re.compile(r"^(?:latest|most recent|recent|just[\s-]ended|reporting|"
                           r"past)\s+(?:quarter|period)$")  # fmt: skip

PRESENT_REF = re.compile(
    r"^(?:now|right now|just now|by now|until now|currently|current|presently|present|"
    r"at present|nowadays|these days|the moment|moment|this (?:[a-z]+ )?moment|this time|"
    r"this point|this stage|today's|modern times)$"
)
PAST_REF = re.compile(
    r"^(?:recently|recent|more recently|most recently|lately|previously|formerly|earlier|once|"
    r"past|the past|in the past|then|that time|those days|before|"
    r"(?:recent|past|previous|prior|earlier)\s+(?:days|weeks|months|quarters|years|decades)"
    r"(?:\s+and\s+(?:days|weeks|months|years))?|"
    r"(?:last|past)\s+(?:few|several|many|couple of)\s+(?:days|weeks|months|quarters|years)|"
    r"(?:several|a few|many|some|a couple of|few|the)\s+(?:days|weeks|months|years|decades)"
    r"\s+(?:ago|earlier|before)|(?:days|weeks|months|years|decades)\s+(?:ago|earlier))$"
)
FUTURE_REF = re.compile(
    r"^(?:future|the future|near future|soon|shortly|eventually|someday|one day|some day|"
    r"later date|a later date|near term|short term|long term|longer term|medium term|"
    r"(?:coming|upcoming|next few|next several|future)\s+(?:days|weeks|months|quarters|years)|"
    r"(?:days|weeks|months|years) ahead|(?:days|weeks|months|years) to come|"
    r"as soon as possible|from time to time|time to time)$"
)

# "At the time" is the past; a bare "time" is not a temporal expression.
THE_TIME = re.compile(r"^(?:at\s+)?(?:the|that)\s+time$")
# Month names that are also common words: only capitalised (or with a day/year) are months.
WORDLIKE_MONTHS = frozenset({"may", "march"})
# A bare count of units is a duration ("four months"), not a date.
DURATION = re.compile(
    r"^(?:about |nearly |almost |some |over |more than |less than |just |only |at least |"
    r"up to |another |a full |roughly |around )?(?:\d+|an?|one|two|three|"
    r"four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|many)[\s-]+"
    r"(?:day|week|month|quarter|year|decade|hour|minute)s?(?:-old|-long)?$"
)
# A duration followed by these counts from another event ("one day after the vote").
OFFSET_WORDS = frozenset({"after", "before", "earlier", "later", "prior"})
BARE_NUMBER = re.compile(r"^\d{1,3}$")
# An ordinal alone that is no day of a month ("the 32nd"): not a date either.
BARE_ORDINAL = re.compile(r"^(?:on\s+)?(?:the\s+)?\d+(?:st|nd|rd|th)$")

# Tense cues searched near an expression in its sentence.
FUTURE_CUES = frozenset({
    "will", "'ll", "shall", "won't", "going", "upcoming", "next", "coming", "plans", "plan",
    "planned", "scheduled", "schedule", "expected", "expects", "expect", "due", "intends",
    "intend", "aims", "aim", "would", "ahead", "payable", "slated", "poised",
    "effective", "expires", "starting", "beginning", "later", "tomorrow",
})  # fmt: skip
PAST_CUES = frozenset({
    "said", "was", "were", "had", "did", "ago", "last", "earlier", "previously", "told",
    "announced", "reported", "held", "met", "agreed", "began", "ended", "came", "went", "took",
    "made", "gave", "saw", "found", "left", "called", "since", "yesterday", "killed", "died",
    "voted", "signed", "arrived", "visited", "attacked", "launched", "won", "lost", "rose", "fell",
    "closed", "opened", "released", "resigned", "elected", "approved", "rejected", "decided",
    "completed", "filed", "posted", "struck", "claimed", "denied", "confirmed", "revealed",
    "spoke", "talked", "discussed", "occurred", "happened", "started", "finished", "returned",
    "traveled", "travelled", "flew", "wrote", "issued", "acquired", "bought", "sold", "paid",
})  # fmt: skip
# "to" after these announces what is to come ("is to resume", "set to open", "poised to").
FUTURE_BEFORE_TO = frozenset({"is", "are", "set", "poised", "slated", "ready", "about"})
# A past form after these is a participle or an infinitive ("will be paid", "to set").
NOT_PAST_AFTER = frozenset({
    "be", "been", "being", "is", "are", "will", "would", "to", "has", "have", "could", "should",
    "may", "might", "must", "can", "get", "gets",
})  # fmt: skip
CLAUSE_BREAK = re.compile(r"[;:()\[\]\"“”]|,\s|\s[-–—]\s|(?<=[.!?])\s+")  # sentence ends too
WORD = re.compile(r"[a-z']+")
