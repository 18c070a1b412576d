"""The publication day an outlet's address carries. Most news sites put it in the path
(`/news/2025/10/10/slug`, `ria.ru/20110903/429272742.html`, `/2019-05-31-slug`), and a pasted
article often keeps its `url:` while the date line was lost with the page's chrome: without it,
an article that names only "Dushanbe" cannot tell the 2018 summit from the 2025 one.

Only a whole date is taken (a year alone in a slug may be the subject: "/30-years-since-1991/"),
only from the path (a host never dates a page), and only when the address holds one date; two
different ones (a story id that looks like a date) are ambiguous and give none.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from .metadata import implausible_date

# /2025/10/10/, /2025-10-10, _2025_10_10 (month and day of one or two digits)
_SEPARATED = re.compile(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})(?P<sep>[/_-])(?P<m>[01]?[0-9])(?P=sep)"
                        r"(?P<d>[0-3]?[0-9])(?![0-9])")
# /20110903/ or -20231227- : eight digits standing alone
_COMPACT = re.compile(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})(?P<m>[01][0-9])(?P<d>[0-3][0-9])(?![0-9])")


def date_in_url(url: str | None, today: dt.date | None = None) -> dt.date | None:
    """The one plausible date in the address's path, or None."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # "http://[::1" : not an address at all
        return None
    path = f"{parts.path}?{parts.query}" if parts.query else parts.path
    found: set[dt.date] = set()
    for pattern in (_SEPARATED, _COMPACT):
        for m in pattern.finditer(path):
            try:
                day = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                continue
            if implausible_date(day, today) is None:
                found.add(day)
    return found.pop() if len(found) == 1 else None
