"""Command line: ``tzsched extract``, ``tzsched annotate``, ``tzsched check``. Parsing and I/O only.

Exit status: 0 ok, 1 disagreements found (``check``), 2 usage or input error (a
one-line message on stderr, never a traceback), 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import shlex
import signal
import sys
import threading
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import closing, suppress
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any, Literal, TypeAlias

from . import __version__
from .api import annotate, process_record
from .discourse import find_dateline
from .errors import ContextError, InputError, TzschedError, internal_message
from .lexicon import lexicon
from .render import FORMATS, human_delta, one_line, sentence_of, utc_label, visible
from .render import html as html_render
from .render import inline as inline_render
from .render import jsonl as jsonl_render
from .render import timeml as timeml_render
from .scan import scanner
from .types import Annotation, Context, zone_info

if TYPE_CHECKING:  # multiprocessing is imported when --jobs asks for workers (_start_pool)
    from multiprocessing.pool import AsyncResult, Pool

__all__ = ["main"]

SAMPLE = "data/samples/summit.txt"
EXAMPLES = f"""examples:
  tzsched annotate --published 2025-05-20T08:00:00+02:00 --home Europe/Zurich {SAMPLE}
  tzsched annotate --published 2025-05-20 --format html {SAMPLE} > report.html
  tzsched check --published "Tue, 20 May 2025 08:00:00 +0200" {SAMPLE}; echo "exit $?"
  echo '{{"id": 1, "text": "Talks at 5 p.m. Moscow time.", "published": "2025-05-19T10:00:00-04:00"}}' \\
      | tzsched extract --jsonl

exit status: 0 ok, 1 disagreements found (check), 2 usage or input error, 130 interrupted.
"""

EXTRACT_EXAMPLES = """examples:
  echo '{"id": 1, "text": "Talks at noon ET.", "published": "2025-05-19"}' | tzsched extract --jsonl
  tzsched extract --jsonl --jobs 4 articles.jsonl > mentions.jsonl
"""

ANNOTATE_EXAMPLES = f"""examples:
  tzsched annotate --published 2025-05-20T08:00:00+02:00 --home Europe/Zurich {SAMPLE}
  cat {SAMPLE} | tzsched annotate --published 2025-05-20 --no-color
  tzsched annotate --published 2025-05-20 --format timeml {SAMPLE} > summit.tml
  tzsched annotate --published 2025-05-20 --format ics {SAMPLE} > summit.ics
  tzsched annotate --published 2025-05-20 --format html {SAMPLE} > summit.html
  tzsched annotate --jsonl --jobs 4 --format jsonl articles.jsonl > annotated.jsonl
  tzsched annotate --jsonl --format html --output-dir reports/ articles.jsonl

--published takes ISO 8601 ("2025-05-20T08:00:00+02:00", "2025-05-20") or RFC 2822
("Tue, 20 May 2025 08:00:00 +0200"). With --jsonl, each article's own "published",
"home" and "locale" win; the options fill in what an article leaves out.
"""

CHECK_EXAMPLES = f"""examples:
  tzsched check --published 2025-05-20T08:00:00+02:00 {SAMPLE}
  tzsched check --jsonl articles.jsonl || echo "some restatements disagree"
  tzsched check --jsonl --format jsonl --jobs 4 articles.jsonl > disagreements.jsonl

Prints every restatement link whose members disagree ("5 p.m. Moscow time (1500 GMT)"):
the sentence, each reading in UTC, the difference and the likely cause.
Exit status: 0 all restatements agree, 1 some disagree, 2 usage or input error.
"""

# Progress is shown (on a terminal) from this many articles on, or this many bytes of text.
_LARGE_COUNT = 50
_LARGE_BYTES = 1 << 20
# JSON Lines input is read in chunks of whole lines, at most this many bytes (a longer
# line is one chunk of its own). A chunk is the unit of work of a --jobs worker: one
# task and one reply per chunk, not per article, keeps the parent's share small.
_CHUNK_BYTES = 1 << 16
# ... and no smaller than this, when a small file is cut so that every worker gets some.
_MIN_CHUNK_BYTES = 1 << 12
# Chunks handed to the pool and not yet written, per worker (plus the one being written
# and the one the reader is waiting to queue): bounds memory on an endless stream while
# keeping every worker busy.
_IN_FLIGHT_PER_JOB = 3
# What a worker (or, before forking, the parent) annotates once so that the scanner,
# lexicon and zone tables are built before the first article.
_WARM_UP = ("Talks at 5 p.m. Moscow time (1400 GMT) on Monday.", "2025-05-19T10:00:00-04:00", "America/Toronto")


class _Usage(Exception):
    """A one-line usage or input error: exit 2."""


class _OutputError(Exception):
    """The output cannot be written (a full disk, a closed stdout): exit 2."""


# ---------------------------------------------------------------- arguments


def _input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="*", metavar="FILE", help="text files, or JSON Lines with --jsonl (default: stdin)")
    p.add_argument("--jsonl", action="store_true",
                   help='input is JSON Lines articles {"id", "text", "published", "home"?, "locale"?}')
    p.add_argument("--published", metavar="WHEN",
                   help="publication instant or date, ISO 8601 or RFC 2822 (required for text input)")
    p.add_argument("--home", metavar="ZONE", help="the article's home zone, an IANA id such as America/Toronto")
    p.add_argument("--locale", metavar="TAG", help="locale tag that picks ambiguous abbreviations (default en-US)")
    _batch_options(p)


def _batch_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                   help="process articles in N worker processes, output in input order (0: one per CPU)")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary line on stderr")


def _color_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                   help="ANSI colour: auto (default) colours a terminal unless NO_COLOR is set")
    p.add_argument("--no-color", dest="color", action="store_const", const="never", help="same as --color never")


def _parser() -> argparse.ArgumentParser:
    raw = argparse.RawDescriptionHelpFormatter
    p = argparse.ArgumentParser(
        prog="tzsched",
        description="Find time expressions in news text, resolve them into UTC, and check that "
        "restatements of one moment agree.",
        epilog=EXAMPLES,
        formatter_class=raw,
    )
    p.add_argument("--version", action="version", version=f"tzsched {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    ex = sub.add_parser(
        "extract",
        help="JSON Lines articles in, one JSON Lines record per article out",
        description="Read JSON Lines articles {id, text, published, home?, locale?} and write one "
        "record per input line, in input order. A bad line yields {id, error: {code, message}} and "
        "processing goes on; the exit status is 2 when any line failed.",
        epilog=EXTRACT_EXAMPLES,
        formatter_class=raw,
    )
    ex.add_argument("--jsonl", action="store_true", required=True, help="read and write JSON Lines (required)")
    ex.add_argument("input", nargs="?", default="-", help="input file (default: stdin)")
    _batch_options(ex)

    an = sub.add_parser(
        "annotate",
        help="mark each time expression with its UTC meaning (inline, jsonl, timeml, ics, html)",
        description="Annotate text files (or stdin, or a JSON Lines stream of articles) with the UTC "
        "meaning of every time expression.",
        epilog=ANNOTATE_EXAMPLES,
        formatter_class=raw,
    )
    _input_options(an)
    an.add_argument("-f", "--format", choices=list(FORMATS), default="inline",
                    help="inline (default): the text with [UTC] after each expression; jsonl: the extract "
                    "record; timeml: TIMEX3 tags; ics: iCalendar events; html: a self-contained report")
    an.add_argument("-o", "--output-dir", metavar="DIR",
                    help="write one file per article into DIR instead of stdout")
    _color_options(an)

    ck = sub.add_parser(
        "check",
        help="report restatements that disagree (exit 1 when any do)",
        description="Check that restatements of one moment agree and report each disagreement.",
        epilog=CHECK_EXAMPLES,
        formatter_class=raw,
    )
    _input_options(ck)
    ck.add_argument("-f", "--format", choices=["text", "jsonl"], default="text",
                    help="text (default), or one JSON record per disagreement")
    _color_options(ck)
    return p


# ---------------------------------------------------------------- work items


@dataclass(frozen=True, slots=True)
class _Options:
    """What a worker needs to turn one input into output (picklable)."""

    command: Literal["extract", "annotate", "check"]
    fmt: str
    color: bool = False
    terminal: bool = False  # stdout is a terminal: control characters of the text are shown as escapes
    header: bool = False
    whole: bool = False  # a complete document per article (--output-dir)
    context: Context | None = None
    defaults: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Task:
    index: int
    source: str  # file name or "-"
    kind: Literal["text", "record"]
    payload: bytes
    lineno: int = 0  # for records: the line in ``source``


@dataclass(frozen=True, slots=True)
class _Chunk:
    """Consecutive inputs for one unit of work: whole lines of one JSON Lines input, or one text file."""

    index: int  # of the first article
    source: str
    kind: Literal["text", "record"]
    payload: bytes
    lineno: int = 1  # for records: the line of ``source`` that the chunk starts with

    def tasks(self) -> Iterator[_Task]:
        if self.kind == "text":
            yield _Task(self.index, self.source, "text", self.payload)
            return
        lines = self.payload.split(b"\n")
        if self.payload.endswith(b"\n"):
            lines.pop()
        for i, line in enumerate(lines):
            yield _Task(self.index + i, self.source, "record", line, self.lineno + i)


@dataclass(frozen=True, slots=True)
class _Result:
    """The output of one article, or of a run of consecutive articles that wrote no message."""

    index: int
    name: str
    output: str = ""
    message: str | None = None  # a one-line error for stderr
    errors: int = 0
    mentions: int = 0
    links: int = 0
    disagreements: int = 0
    articles: int = 1

    @property
    def failed(self) -> bool:
        return self.errors > 0

    @classmethod
    def joined(cls, run: Sequence[_Result]) -> _Result:
        if len(run) == 1:
            return run[0]
        return cls(run[0].index, run[0].name, "".join(r.output for r in run),
                   errors=sum(r.errors for r in run), mentions=sum(r.mentions for r in run),
                   links=sum(r.links for r in run), disagreements=sum(r.disagreements for r in run),
                   articles=sum(r.articles for r in run))


def _where(task: _Task) -> str:
    source = one_line(task.source)
    return f"{source}:{task.lineno}" if task.kind == "record" else source


def _article(obj: Any, defaults: dict[str, str]) -> tuple[Any, Annotation]:
    """A JSON Lines article (the ``extract`` input schema) -> (id, Annotation)."""
    if not isinstance(obj, dict):
        raise InputError(f"a record must be a JSON object, not {type(obj).__name__}", "bad_record")
    rid = obj.get("id")
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError("record field 'text' is missing or not a string", "bad_record")
    published = obj.get("published", defaults.get("published"))
    if published is None:
        raise InputError("record field 'published' is missing (or pass --published)", "bad_record")
    if not isinstance(published, str):
        raise InputError("record field 'published' must be an ISO 8601 or RFC 2822 string", "bad_record")
    home = obj.get("home", defaults.get("home"))
    locale = obj.get("locale") or defaults.get("locale") or "en-US"
    if home is not None and not isinstance(home, str):
        raise InputError("record field 'home' must be an IANA zone id string", "bad_record")
    if not isinstance(locale, str):
        raise InputError("record field 'locale' must be a string such as 'en-US'", "bad_record")
    try:
        ctx = Context.parse(published, home=home, locale=locale)
    except ContextError:
        if home is None and _naive(published):
            raise ContextError(_naive_record_message(published, option=True)) from None
        raise
    return rid, annotate(text, ctx)


def _naive(published: str) -> bool:
    """Whether ``published`` is a good date and time without an offset: what Context.parse
    refuses without a home zone (before it looks at the locale), in a message that names
    its own arguments (home=ZONE, assume_utc=True). The CLI says it in terms of its
    options and fields."""
    try:
        Context.parse(published, assume_utc=True)
    except TzschedError:
        return False
    try:
        Context.parse(published)
    except ContextError:
        return True
    return False


def _naive_record_message(published: str, *, option: bool) -> str:
    """A record's naive ``published``: fixed by an offset, by the record's ``home`` field,
    or (annotate, check; not extract) by --home."""
    fix = ' (or pass --home ZONE)' if option else ""
    return f'published {published!r} has no offset: add one, or give the record a "home" zone{fix}'


_BOM = b"\xef\xbb\xbf"  # U+FEFF in UTF-8


def _utf8(data: bytes) -> str:
    """``data`` decoded as UTF-8, without the byte order mark that Windows tools write at
    the head of a file (or of each file, when files are joined): it is no part of the text,
    and ``json`` refuses it. A UnicodeDecodeError's positions count the bytes of ``data``."""
    skip = len(_BOM) if data.startswith(_BOM) else 0
    try:
        return str(memoryview(data)[skip:], "utf-8")
    except UnicodeDecodeError as exc:
        exc.start += skip
        exc.end += skip
        raise


def _decode(task: _Task) -> Any:
    """The JSON value of one input line, or InputError with extract's code and a message
    that does not name the line (the caller does: ``FILE:LINE:``)."""
    try:
        line = _utf8(task.payload)
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 at byte {exc.start}", "bad_encoding") from None
    if not line.strip():
        raise InputError("the line is empty", "empty_line")
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(exc.msg, "bad_json") from None
    except RecursionError:
        raise InputError("nested too deeply", "bad_json") from None


def _line_error(task: _Task, exc: InputError) -> dict[str, Any]:
    """The error record of a line that is no JSON value: its message names the line, since
    the record stands alone (extract's output, annotate --format jsonl)."""
    message = f"line {task.lineno} is empty" if exc.code == "empty_line" else f"line {task.lineno}: {exc}"
    return {"id": None, "error": {"code": exc.code, "message": message}}


def _decode_record(task: _Task) -> tuple[Any, dict[str, Any] | None]:
    """(parsed JSON, None) or (None, error record) for one input line (extract's rules)."""
    try:
        return _decode(task), None
    except InputError as exc:
        return None, _line_error(task, exc)


def _dumps(rec: dict[str, Any]) -> str:
    return json.dumps(rec, ensure_ascii=False, separators=(",", ":"))


def _work(task: _Task, opts: _Options) -> _Result:
    """One input -> its rendered output. Runs in a worker process with ``--jobs``."""
    if opts.command == "extract":
        obj, err = _decode_record(task)
        rec = err if err is not None else process_record(obj)
        if "error" in rec and rec["error"]["code"] == ContextError.code and isinstance(obj, dict) \
                and obj.get("home") is None and isinstance(obj.get("published"), str) \
                and _naive(obj["published"]):
            rec["error"]["message"] = _naive_record_message(obj["published"], option=False)
        return _Result(task.index, str(rec.get("id")), _dumps(rec) + "\n", errors=int("error" in rec),
                       mentions=len(rec.get("mentions", ())), links=len(rec.get("links", ())),
                       disagreements=sum(1 for link in rec.get("links", ()) if not link["agree"]))
    try:
        if task.kind == "record":
            try:
                obj = _decode(task)
            except InputError as exc:
                return _failed(task, opts, _line_error(task, exc), str(exc))
            rid, ann = _article(obj, opts.defaults)
            name = str(rid)
        else:
            try:
                text = _utf8(task.payload)
            except UnicodeDecodeError as exc:
                raise InputError(f"not UTF-8 text (byte {exc.start})", "bad_encoding") from None
            assert opts.context is not None
            rid, name, ann = task.source, task.source, annotate(text, opts.context)
        output = _render(ann, rid, task, opts)
    except Exception as exc:  # a TzschedError names bad input; anything else is a bug in tzsched
        if isinstance(exc, TzschedError):
            code, message = exc.code, str(exc)
        else:
            code, message = "internal_error", internal_message(exc)
        rid = None
        if task.kind == "record":
            obj, _ = _decode_record(task)
            rid = obj.get("id") if isinstance(obj, dict) else None
        return _failed(task, opts, {"id": rid, "error": {"code": code, "message": message}}, message)
    bad = sum(1 for link in ann.links if not link.agree)
    return _Result(task.index, name, output, mentions=len(ann.mentions), links=len(ann.links), disagreements=bad)


def _failed(task: _Task, opts: _Options, rec: dict[str, Any], message: str) -> _Result:
    """An input that failed: ``FILE[:LINE]: message`` for stderr and, with annotate
    --format jsonl, the error record ``rec`` in the output (as extract writes it)."""
    rid = rec["id"]
    output = _dumps(rec) + "\n" if opts.command == "annotate" and opts.fmt == "jsonl" and task.kind == "record" else ""
    return _Result(task.index, str(rid), output, message=f"{_where(task)}: {message}", errors=1)


def _work_chunk(chunk: _Chunk, opts: _Options) -> list[_Result]:
    """A chunk's results in input order. Consecutive articles without a message are joined
    into one result (unless each becomes a file of its own), so a worker's reply to the
    parent is a few strings, not one object per article."""
    out: list[_Result] = []
    run: list[_Result] = []
    for task in chunk.tasks():
        result = _work(task, opts)
        if result.message is None and not opts.whole:
            run.append(result)
            continue
        if run:
            out.append(_Result.joined(run))
            run = []
        out.append(result)
    if run:
        out.append(_Result.joined(run))
    return out


def _render(ann: Annotation, rid: Any, task: _Task, opts: _Options) -> str:
    if opts.command == "check":
        return _check_report(ann, rid, task, opts)
    fmt = opts.fmt
    if fmt == "inline":
        return inline_render.fragment(ann, rid, color=opts.color, header=opts.header and not opts.whole,
                                      terminal=opts.terminal)
    if fmt == "jsonl":
        return jsonl_render.fragment(ann, rid)
    if fmt == "timeml":
        return timeml_render.render(ann, rid)
    if fmt == "ics":
        from .render import ical as ical_render  # icalendar takes ~50 ms to import: only for ics

        body = ical_render.fragment(ann, rid)
        return ical_render.head() + body + ical_render.tail() if opts.whole else body
    key = "a0" if opts.whole else f"a{task.index}"
    body = html_render.fragment(ann, rid, key=key)
    return html_render.head() + body + html_render.tail() if opts.whole else body


def _position(ann: Annotation, offset: int) -> str:
    line = ann.text.count("\n", 0, offset) + 1
    col = offset - (ann.text.rfind("\n", 0, offset) + 1) + 1
    return f"{line}:{col}"


def _check_report(ann: Annotation, rid: Any, task: _Task, opts: _Options) -> str:
    out: list[str] = []
    shown = visible if opts.terminal else str
    for link in ann.links:
        if link.agree:
            continue
        members = [ann.mentions[i] for i in link.members]
        sentence = sentence_of(ann, *members)
        reasons = [n.message for n in link.notes if n.code == "link_verdict"]
        if opts.fmt == "jsonl":
            rec = {"id": rid, "sentence": sentence, "cause": link.cause, "delta_seconds": link.delta_seconds,
                   "tolerance_seconds": link.tolerance_seconds, "connector": link.connector,
                   "members": [m.to_record() for m in members], "notes": [n.to_dict() for n in link.notes]}
            out.append(_dumps(rec) + "\n")
            continue
        # the location is a label on one line, whatever the file name or id holds
        where = f"{one_line(task.source)}:{task.lineno}: id {one_line(rid)}" if task.kind == "record" else \
            f"{one_line(task.source)}:{_position(ann, members[0].start)}"
        title = f"{where}: restatements disagree by {human_delta(link.delta_seconds)} ({link.cause or 'unknown'})"
        out.append((f"\x1b[1;31m{title}\x1b[0m" if opts.color else title) + "\n")
        out.append(f"  {shown(sentence)}\n")
        texts = [shown(m.text) for m in members]
        width = max(map(len, texts))
        for m, text in zip(members, texts, strict=True):
            res = m.resolution
            out.append(f"    {text:<{width}}  {utc_label(res)}  {res.zone or '-'} ({res.zone_source or '-'})\n")
        out.extend(f"  why: {shown(r)}\n" for r in reasons)
    return "".join(out)


# ---------------------------------------------------------------- input


def _read_bytes(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        raise _Usage(f"no such file: {path}") from None
    except IsADirectoryError:
        raise _Usage(f"{path} is a directory, not a file") from None
    except OSError as exc:
        raise _Usage(f"cannot read {path}: {exc.strerror}") from None


def _check_files(paths: Sequence[str]) -> None:
    """Fail before any output when a named file is missing or unreadable."""
    for path in paths:
        if path == "-":
            continue
        if not os.path.exists(path):
            raise _Usage(f"no such file: {path}")
        if os.path.isdir(path):
            raise _Usage(f"{path} is a directory, not a file")
        if not os.access(path, os.R_OK):
            raise _Usage(f"cannot read {path}: permission denied")


def _open_raw(path: str) -> IO[bytes]:
    """An unbuffered binary stream: each read is one system call that returns what has
    arrived, so a live feed is not held back; and no lock is held while it waits, so a
    reader thread blocked on stdin cannot stall the interpreter's exit."""
    if path != "-":
        try:
            return open(path, "rb", buffering=0)
        except OSError as exc:
            raise _Usage(f"cannot read {path}: {exc.strerror}") from None
    try:
        return open(sys.stdin.fileno(), "rb", buffering=0, closefd=False)
    except (AttributeError, OSError, ValueError):  # stdin replaced by an in-memory stream
        return sys.stdin.buffer


def _chunk_bytes(paths: Sequence[str], jobs: int) -> int:
    """Chunk size: the most, unless the input is known to be small; then cut it so that
    each worker gets several chunks."""
    if jobs <= 1 or "-" in paths:
        return _CHUNK_BYTES
    size = sum(os.path.getsize(p) for p in paths)
    return max(_MIN_CHUNK_BYTES, min(_CHUNK_BYTES, size // (jobs * 4)))


def _record_chunks(paths: Sequence[str], chunk_bytes: int = _CHUNK_BYTES) -> Iterator[_Chunk]:
    """The lines of JSON Lines inputs as chunks of whole lines, in order, articles numbered
    on across files."""
    index = 0
    for path in paths:
        stream = _open_raw(path)
        read = getattr(stream, "read1", stream.read)
        lineno = 1
        partial: list[bytes] = []  # the start of a line that has not ended yet
        try:
            while data := read(chunk_bytes):
                cut = data.rfind(b"\n") + 1
                if not cut:
                    partial.append(data)
                    continue
                block = b"".join([*partial, data[:cut]]) if partial else data[:cut]
                partial = [data[cut:]] if cut < len(data) else []
                lines = block.count(b"\n")
                yield _Chunk(index, path, "record", block, lineno)
                index += lines
                lineno += lines
            if partial:  # a last line without a newline
                yield _Chunk(index, path, "record", b"".join(partial), lineno)
                index += 1
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()


def _text_chunks(paths: Sequence[str]) -> Iterator[_Chunk]:
    for index, path in enumerate(paths):
        yield _Chunk(index, path, "text", _read_bytes(path))


def _missing_published(paths: Sequence[str]) -> _Usage:
    """The error for text input without --published, with a hint from a dated dateline."""
    base = "--published is required (the article's publication instant or date, e.g. 2025-05-20T08:00:00+02:00)"
    try:
        text = _utf8(_read_bytes(paths[0]))
    except (_Usage, UnicodeDecodeError):
        return _Usage(base)
    line = find_dateline(text)
    if line is None or line.month is None or line.day is None:
        return _Usage(base)
    month = next((name for name, num in lexicon().months.items() if num == line.month and len(name) > 3), "")
    # A dateline carries no year, and guessing one from the clock would make the output
    # depend on when it ran; so say what the dateline gives and ask for the rest.
    return _Usage(f"--published is required: the dateline says {month.title()} {line.day} but not the year; "
                  f"pass e.g. --published YYYY-{line.month:02d}-{line.day:02d}")


# ---------------------------------------------------------------- output


class _Progress:
    """A one-line progress display on stderr (only on a terminal, only for large input)."""

    def __init__(self, total: int | None, enabled: bool) -> None:
        self.total = total
        self.enabled = enabled
        # a stream of unknown length counts as large once it has been long enough
        self.start_at = 1 if total else _LARGE_COUNT
        self.done = 0
        self.drawn = 0  # ``done`` when the line was last drawn
        self.step = max(1, (total or 0) // 200) if total else 10

    def advance(self, articles: int = 1) -> None:
        self.done += articles
        if not self.enabled or self.done < self.start_at or \
                (self.done - self.drawn < self.step and self.done != self.total):
            return
        self.drawn = self.done
        if self.total:
            width = 30
            filled = width * self.done // self.total
            bar = "#" * filled + "." * (width - filled)
            sys.stderr.write(f"\r\x1b[Ktzsched: [{bar}] {self.done}/{self.total} articles")
        else:
            sys.stderr.write(f"\r\x1b[Ktzsched: {self.done} articles")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled and self.done >= self.start_at:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


@dataclass(slots=True)
class _Totals:
    articles: int = 0
    mentions: int = 0
    links: int = 0
    disagreements: int = 0
    errors: int = 0

    def add(self, r: _Result) -> None:
        self.articles += r.articles
        self.mentions += r.mentions
        self.links += r.links
        self.disagreements += r.disagreements
        self.errors += r.errors

    def line(self) -> str:
        def n(count: int, word: str) -> str:
            return f"{count} {word}{'' if count == 1 else 's'}"

        return "tzsched: " + ", ".join([
            n(self.articles, "article"), n(self.mentions, "mention"), n(self.links, "link"),
            n(self.disagreements, "disagreement"), n(self.errors, "error"),
        ])


def _warm_up() -> None:
    """Build what the first article would (scanner, lexicon, zone tables)."""
    scanner()
    text, published, home = _WARM_UP
    annotate(text, Context.parse(published, home=home))


def _init_worker(warm_up: bool, parent: int) -> None:
    # Workers leave Ctrl-C to the parent, which stops the pool and exits 130.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)
    if warm_up:
        _warm_up()


def _die_with_parent(parent: int) -> None:
    """On Linux, have the kernel kill this worker when the parent exits. When a worker
    dies, the parent kills the others and exits 2, but the pool's own thread may have
    started a replacement worker just then: one that nobody stops, and that keeps the
    parent's output pipe open, so whatever reads tzsched's output would wait forever."""
    if sys.platform != "linux":
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # no prctl in this C library: nothing to arm
        return
    if os.getppid() != parent:  # the parent was gone before the request was armed
        os._exit(1)


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _start_pool(jobs: int) -> Pool:
    """``jobs`` worker processes, ready to annotate. On Linux they are forked from this
    process after it has built the scanner, so they start with nothing left to import or
    build (and share those pages). Elsewhere fork is unsafe or missing (macOS, Windows):
    the default start method, and each worker warms up on its own."""
    import multiprocessing  # here, not at the top: a serial run starts ~15 ms sooner without it

    forked = sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods()
    if forked:
        _warm_up()
    context = multiprocessing.get_context("fork" if forked else None)
    # Ctrl-C while the pool is being started would leave half-started workers that no
    # one stops (the process then hangs at exit): hold SIGINT until the pool exists.
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        return context.Pool(jobs, initializer=_init_worker, initargs=(not forked, os.getpid()))
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


_Submitted: TypeAlias = "AsyncResult[list[_Result]]"
_WORKER_CHECK_SECONDS = 0.5  # how often a wait for results checks that no worker died


def _submit(chunks: Iterator[_Chunk], submit: Callable[[_Chunk], _Submitted],
            pending: queue.Queue[_Submitted | BaseException | None]) -> None:
    """Reader thread: read chunks and hand each to the pool, in order; then None, or the
    exception that stopped the reading. ``pending`` is bounded, so reading waits while
    enough work is under way."""
    try:
        for chunk in chunks:
            pending.put(submit(chunk))
    except BaseException as exc:  # raised again in the main thread, in its place
        pending.put(exc)
    else:
        pending.put(None)


def _results(chunks: Iterator[_Chunk], opts: _Options, jobs: int) -> Generator[_Result, None, None]:
    """Results in input order, serially or from a pool of ``jobs`` processes.

    With a pool, a reader thread reads chunks and submits them while this thread writes
    the results in order as they complete: no barrier between batches, a bounded number of
    chunks in flight (flat memory on an endless stream), and the output of a live feed
    is written as soon as it is ready rather than when more input arrives."""
    if jobs <= 1:
        for chunk in chunks:
            yield from _work_chunk(chunk, opts)
        return
    pool = _start_pool(jobs)
    try:
        pending: queue.Queue[_Submitted | BaseException | None] = queue.Queue(jobs * _IN_FLIGHT_PER_JOB)

        def submit(chunk: _Chunk) -> _Submitted:
            return pool.apply_async(_work_chunk, (chunk, opts))

        # A daemon thread: on Ctrl-C or a closed pipe it may be blocked reading stdin, and
        # must not keep the process alive.
        threading.Thread(target=_submit, args=(chunks, submit, pending), daemon=True,
                         name="tzsched-reader").start()
        workers = _worker_pids()
        while (item := pending.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield from _wait(item, workers)
    except _WorkerDied:
        # Pool.terminate() would wait forever for a lock the dead worker may hold: the
        # workers are killed instead and main() leaves without the pool's exit handlers.
        _kill_workers()
        raise
    except BaseException:
        pool.terminate()
        raise
    else:
        pool.terminate()


class _WorkerDied(Exception):
    """A worker process died while the run needed it: exit 2 at once (see main)."""


def _kill_workers() -> None:
    import multiprocessing

    for process in multiprocessing.active_children():
        process.kill()


def _worker_pids() -> frozenset[int]:
    import multiprocessing

    return frozenset(p.pid for p in multiprocessing.active_children() if p.pid is not None)


def _wait(result: _Submitted, workers: frozenset[int]) -> list[_Result]:
    """The results of one chunk. A worker that dies (killed by a signal, say by the
    out-of-memory killer) takes its chunk with it and the pool quietly starts another,
    so waiting alone would wait forever: while waiting, the set of worker processes is
    checked, and a change stops the run with an error (exit 2)."""
    import multiprocessing

    while True:
        try:
            return result.get(timeout=_WORKER_CHECK_SECONDS)
        except multiprocessing.TimeoutError:
            if _worker_pids() != workers:
                raise _WorkerDied("a worker process died (killed by a signal?); the output stops at the last "
                                  "complete article before it") from None


# The longest stem of a file name in --output-dir: ASCII, so that with a "-N" suffix and
# the extension it stays well inside the 255 bytes most file systems allow.
_MAX_STEM = 200


def _safe_name(name: str, used: set[str]) -> str:
    stem = os.path.splitext(os.path.basename(name))[0] if name not in ("-", "None") else "article"
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", stem)[:_MAX_STEM].strip("._") or "article"
    candidate, n = stem, 1
    while candidate in used:
        n += 1
        candidate = f"{stem}-{n}"
    used.add(candidate)
    return candidate


def _emit(chunks: Iterator[_Chunk], opts: _Options, jobs: int, out: IO[str], *, total: int | None,
          size: int, quiet: bool, output_dir: str | None = None, stream: bool = False) -> _Totals:
    """Write head, each result in input order, tail; a summary on stderr. ``stream``:
    flush after every chunk of articles (a JSON Lines stream on stdin may be a live feed,
    and a chunk holds only the lines that had arrived)."""
    totals = _Totals()
    large = (total is None) or total >= _LARGE_COUNT or size >= _LARGE_BYTES
    progress = _Progress(total, enabled=large and sys.stderr.isatty())
    head = tail = ""
    if output_dir is None and opts.command == "annotate":
        if opts.fmt == "ics":
            from .render import ical as ical_render  # icalendar takes ~50 ms to import: only for ics

            head, tail = ical_render.head(), ical_render.tail()
        elif opts.fmt == "html":
            head, tail = html_render.head(), html_render.tail()
    used: set[str] = set()
    try:
        _write(out, head)
        # closing(): the pool stops here, even when an exception leaves this frame alive
        with closing(_results(chunks, opts, jobs)) as results:
            for result in results:
                totals.add(result)
                if result.message is not None:
                    progress.close()
                    print(f"tzsched: {result.message}", file=sys.stderr)
                if output_dir is not None and not result.failed:
                    path = os.path.join(output_dir, _safe_name(result.name, used) + FORMATS[opts.fmt])
                    try:
                        with open(path, "w", encoding="utf-8", errors="backslashreplace", newline="") as fh:
                            fh.write(result.output)
                    except OSError as exc:
                        raise _OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
                else:
                    _write(out, result.output, flush=stream)
                progress.advance(result.articles)
        _write(out, tail, flush=True)
    finally:
        progress.close()
    if not quiet:
        print(totals.line(), file=sys.stderr)
    return totals


def _write(out: IO[str], text: str, *, flush: bool = False) -> None:
    """Write (and flush) the output; a closed pipe is left to main, which stops quietly,
    and any other failure (a full disk) becomes an _OutputError."""
    try:
        out.write(text)
        if flush:
            out.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _OutputError(f"cannot write the output: {exc.strerror or exc}") from None


# ---------------------------------------------------------------- commands


def _use_color(choice: str, stream: IO[str]) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return stream.isatty()


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # replaced by an object without it, or closed
        return False


def _jobs(n: int) -> int:
    if n < 0:
        raise _Usage(f"--jobs must be 0 (one per CPU) or a positive number, not {n}")
    return n or _cpus()


def _cpus() -> int:
    """The CPUs this process may run on (fewer than the machine has under taskset or a
    container's CPU set)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on macOS or Windows
        return os.cpu_count() or 1


def _extract(args: argparse.Namespace, out: IO[str]) -> int:
    paths = [args.input]
    _check_files(paths)
    opts = _Options(command="extract", fmt="jsonl")
    jobs = _jobs(args.jobs)
    totals = _emit(_record_chunks(paths, _chunk_bytes(paths, jobs)), opts, jobs, out, total=None, size=0,
                   quiet=args.quiet, stream=args.input == "-")
    return 2 if totals.errors else 0


def _context_options(args: argparse.Namespace) -> tuple[Context | None, dict[str, str]]:
    """Validate --published/--home/--locale once, before any work (exit 2 on a bad one)."""
    if args.home is not None:
        try:
            zone_info(args.home)
        except TzschedError as exc:
            raise _Usage(f"--home: {exc}") from None
    defaults = {k: v for k, v in (("published", args.published), ("home", args.home), ("locale", args.locale))
                if v is not None}
    if args.published is None:
        return None, defaults
    locale = args.locale or "en-US"
    try:
        ctx = Context.parse(args.published, home=args.home, locale=locale)
    except TzschedError as exc:
        if args.home is None and _naive(args.published):
            raise _Usage(f"--published {shlex.quote(args.published)} has no offset: add one (as in "
                         "2025-05-20T08:00:00+02:00), or pass --home ZONE to read it in that zone") from None
        raise _Usage(f"--published: {exc}" if "published" in str(exc) else str(exc)) from None
    return ctx, defaults


def _run(args: argparse.Namespace, out: IO[str]) -> int:
    command: Literal["annotate", "check"] = args.command
    paths: list[str] = list(args.files) or ["-"]
    if paths.count("-") > 1:
        raise _Usage("stdin ('-') can be read only once")
    _check_files(paths)
    jobs = _jobs(args.jobs)
    output_dir: str | None = getattr(args, "output_dir", None)
    if output_dir is not None:
        if os.path.exists(output_dir) and not os.path.isdir(output_dir):
            raise _Usage(f"--output-dir: {output_dir} exists and is not a directory")
        try:
            os.makedirs(output_dir, exist_ok=True)
        except OSError as exc:
            raise _Usage(f"--output-dir: cannot create {output_dir}: {exc.strerror or exc}") from None
    many = args.jsonl or len(paths) > 1
    if command == "annotate" and args.format == "timeml" and many and output_dir is None:
        raise _Usage("--format timeml writes one document per article: give one text input, or use --output-dir DIR")
    ctx, defaults = _context_options(args)
    if ctx is None and not args.jsonl:
        raise _missing_published(paths)
    # on a terminal the text's control characters are shown as escapes (an article must not
    # drive the reader's terminal); into a pipe or a file the text stays byte for byte
    opts = _Options(command=command, fmt=args.format, color=_use_color(args.color, out),
                    terminal=output_dir is None and _isatty(out), header=many,
                    whole=output_dir is not None, context=ctx, defaults=defaults)
    if args.jsonl:
        chunks = _record_chunks(paths, _chunk_bytes(paths, jobs))
        total: int | None = None
        size = 0
    else:
        chunks, total = _text_chunks(paths), len(paths)
        size = sum(os.path.getsize(p) for p in paths if p != "-")
    totals = _emit(chunks, opts, jobs, out, total=total, size=size, quiet=args.quiet, output_dir=output_dir,
                   stream=args.jsonl and "-" in paths)
    if totals.errors:
        return 2
    return 1 if command == "check" and totals.disagreements else 0


def _restore_sigpipe_output() -> None:
    # After EPIPE, point stdout at /dev/null so that the interpreter's final flush
    # does not print "Exception ignored ... BrokenPipeError".
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if isinstance(exc.code, int) else 2
    out = sys.stdout
    if out is None:  # started with stdout closed (">&-")
        print("tzsched: cannot write the output: standard output is closed", file=sys.stderr)
        return 2
    reconfigure = getattr(out, "reconfigure", None)
    if reconfigure is not None:
        # a lone surrogate (only a JSON escape such as "\ud800" makes one) is written as
        # that escape: UTF-8 cannot carry it, and the run must not stop on it
        reconfigure(encoding="utf-8", errors="backslashreplace")
    try:
        if args.command == "extract":
            return _extract(args, out)
        if args.command in ("annotate", "check"):
            return _run(args, out)
        parser.print_help(sys.stderr)
        return 2
    except (_Usage, TzschedError) as exc:
        print(f"tzsched: {exc}", file=sys.stderr)
        return 2
    except _WorkerDied as exc:
        print(f"tzsched: {exc}", file=sys.stderr)
        for stream in (sys.stdout, sys.stderr):
            with suppress(OSError, ValueError):
                stream.flush()
        # not a normal exit: multiprocessing's exit handler would stop the pool and wait
        # forever for a lock the dead worker held
        os._exit(2)
    except _OutputError as exc:
        print(f"tzsched: {exc}", file=sys.stderr)
        # what is still buffered cannot be written either: the interpreter's final flush
        # would fail again and print "Exception ignored ..."
        _restore_sigpipe_output()
        return 2
    except KeyboardInterrupt:
        print("\ntzsched: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _restore_sigpipe_output()
        return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
