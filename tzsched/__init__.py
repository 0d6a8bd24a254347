"""tzsched: find every time expression in news text, resolve it into UTC against the
article's publication context, and check that restatements of one moment agree.

>>> import tzsched
>>> ctx = tzsched.Context.parse("2025-05-19T10:00:00-04:00", home="America/Toronto")
>>> ann = tzsched.annotate("Putin and Trump will speak at 5 p.m. Moscow time (1400 GMT).", ctx)
>>> [(m.text, m.to_record()["utc_start"]) for m in ann.mentions]
[('5 p.m. Moscow time', '2025-05-19T14:00:00Z'), ('1400 GMT', '2025-05-19T14:00:00Z')]
"""

from __future__ import annotations

from .api import annotate, process_record
from .errors import ContextError, DataError, InputError, TzschedError, UnknownZoneError
from .types import Annotation, Context, Dateline, Link, Mention, Note, Reading, Resolution, Said

__all__ = [
    "Annotation",
    "Context",
    "ContextError",
    "DataError",
    "Dateline",
    "InputError",
    "Link",
    "Mention",
    "Note",
    "Reading",
    "Resolution",
    "Said",
    "TzschedError",
    "UnknownZoneError",
    "annotate",
    "process_record",
]

__version__ = "0.1.0"
