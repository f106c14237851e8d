"""English date formats the UN way: day, abbreviated month, year ("5 May 2026") and 24-hour times.

Django's own `en` formats are American (month first, "May 5, 2026", "05/05/2026", "1 p.m."), which
readers in Minsk, Geneva or New York can all misread. Only what differs is set here; the rest
(numbers, input formats) falls back to Django's.
"""

DATE_FORMAT = "j M Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j M Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DATE_INPUT_FORMATS = [
    "%Y-%m-%d",  # '2006-10-25': what <input type="date"> sends, and what the forms' help texts show
    "%d/%m/%Y",  # '25/10/2006'
    "%d %b %Y",  # '25 Oct 2006'
    "%d %B %Y",  # '25 October 2006'
]
