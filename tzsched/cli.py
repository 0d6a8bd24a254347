"""Command line: ``tzsched extract``, ``tzsched annotate``, ``tzsched check``. Parsing and I/O only.

Exit status: 0 ok, 1 disagreements found (``check``), 2 usage or input error (a
one-line message on stderr, never a traceback), 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import re
import signal
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import IO, Any, Literal

from . import __version__
from .api import annotate, process_record
from .discourse import find_dateline
from .errors import InputError, TzschedError
from .lexicon import lexicon
from .render import FORMATS, human_delta, sentence_of, utc_label
from .render import html as html_render
from .render import ical as ical_render
from .render import inline as inline_render
from .render import jsonl as jsonl_render
from .render import timeml as timeml_render
from .types import Annotation, Context, zone_info

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
# Articles handed to the worker pool at a time: bounds memory on an endless stream.
_WINDOW_PER_JOB = 64


class _Usage(Exception):
    """A one-line usage or input error: exit 2."""


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
class _Result:
    index: int
    name: str
    output: str = ""
    message: str | None = None  # a one-line error for stderr
    failed: bool = False
    mentions: int = 0
    links: int = 0
    disagreements: int = 0


def _where(task: _Task) -> str:
    return f"{task.source}:{task.lineno}" if task.kind == "record" else task.source


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
    return rid, annotate(text, Context.parse(published, home=home, locale=locale))


def _decode_record(task: _Task) -> tuple[Any, dict[str, Any] | None]:
    """(parsed JSON, None) or (None, error record) for one input line (extract's rules)."""
    try:
        line = task.payload.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, {"id": None, "error": {"code": "bad_encoding",
                                            "message": f"line {task.lineno}: not UTF-8 at byte {exc.start}"}}
    if not line.strip():
        return None, {"id": None, "error": {"code": "empty_line", "message": f"line {task.lineno} is empty"}}
    try:
        return json.loads(line), None
    except json.JSONDecodeError as exc:
        return None, {"id": None, "error": {"code": "bad_json", "message": f"line {task.lineno}: {exc.msg}"}}
    except RecursionError:
        return None, {"id": None, "error": {"code": "bad_json", "message": f"line {task.lineno}: nested too deeply"}}


def _dumps(rec: dict[str, Any]) -> str:
    return json.dumps(rec, ensure_ascii=False, separators=(",", ":"))


def _work(task: _Task, opts: _Options) -> _Result:
    """One input -> its rendered output. Runs in a worker process with ``--jobs``."""
    if opts.command == "extract":
        obj, err = _decode_record(task)
        rec = err if err is not None else process_record(obj)
        failed = "error" in rec
        return _Result(task.index, str(rec.get("id")), _dumps(rec) + "\n", failed=failed,
                       mentions=len(rec.get("mentions", ())), links=len(rec.get("links", ())),
                       disagreements=sum(1 for link in rec.get("links", ()) if not link["agree"]))
    try:
        if task.kind == "record":
            obj, err = _decode_record(task)
            if err is not None:
                raise InputError(err["error"]["message"], err["error"]["code"])
            rid, ann = _article(obj, opts.defaults)
            name = str(rid)
        else:
            try:
                text = task.payload.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(f"not UTF-8 text (byte {exc.start})", "bad_encoding") from None
            assert opts.context is not None
            rid, name, ann = task.source, task.source, annotate(text, opts.context)
        output = _render(ann, rid, task, opts)
    except TzschedError as exc:
        rid = None
        if task.kind == "record":
            obj, _ = _decode_record(task)
            rid = obj.get("id") if isinstance(obj, dict) else None
        if opts.command == "annotate" and opts.fmt == "jsonl" and task.kind == "record":
            rec = {"id": rid, "error": {"code": exc.code, "message": str(exc)}}
            return _Result(task.index, str(rid), _dumps(rec) + "\n", message=f"{_where(task)}: {exc}", failed=True)
        return _Result(task.index, str(rid), message=f"{_where(task)}: {exc}", failed=True)
    bad = sum(1 for link in ann.links if not link.agree)
    return _Result(task.index, name, output, mentions=len(ann.mentions), links=len(ann.links), disagreements=bad)


def _render(ann: Annotation, rid: Any, task: _Task, opts: _Options) -> str:
    if opts.command == "check":
        return _check_report(ann, rid, task, opts)
    fmt = opts.fmt
    if fmt == "inline":
        return inline_render.fragment(ann, rid, color=opts.color, header=opts.header and not opts.whole)
    if fmt == "jsonl":
        return jsonl_render.fragment(ann, rid)
    if fmt == "timeml":
        return timeml_render.render(ann, rid)
    if fmt == "ics":
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
        where = f"{task.source}:{task.lineno}: id {rid}" if task.kind == "record" else \
            f"{task.source}:{_position(ann, members[0].start)}"
        title = f"{where}: restatements disagree by {human_delta(link.delta_seconds)} ({link.cause or 'unknown'})"
        out.append((f"\x1b[1;31m{title}\x1b[0m" if opts.color else title) + "\n")
        out.append(f"  {sentence}\n")
        width = max(len(m.text) for m in members)
        for m in members:
            res = m.resolution
            out.append(f"    {m.text:<{width}}  {utc_label(res)}  {res.zone or '-'} ({res.zone_source or '-'})\n")
        out.extend(f"  why: {r}\n" for r in reasons)
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


def _record_tasks(paths: Sequence[str], start: int = 0) -> Iterator[_Task]:
    index = start
    for path in paths:
        if path == "-":
            stream: IO[bytes] = sys.stdin.buffer
        else:
            try:
                stream = open(path, "rb")  # noqa: SIM115 - closed below
            except OSError as exc:
                raise _Usage(f"cannot read {path}: {exc.strerror}") from None
        try:
            for lineno, line in enumerate(stream, 1):
                yield _Task(index, path, "record", line.rstrip(b"\n"), lineno)
                index += 1
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()


def _text_tasks(paths: Sequence[str]) -> Iterator[_Task]:
    for index, path in enumerate(paths):
        yield _Task(index, path, "text", _read_bytes(path))


def _missing_published(paths: Sequence[str]) -> _Usage:
    """The error for text input without --published, with a hint from a dated dateline."""
    base = "--published is required (the article's publication instant or date, e.g. 2025-05-20T08:00:00+02:00)"
    try:
        text = _read_bytes(paths[0]).decode("utf-8")
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
        self.step = max(1, (total or 0) // 200) if total else 10

    def advance(self) -> None:
        self.done += 1
        if not self.enabled or self.done < self.start_at or (self.done % self.step and self.done != self.total):
            return
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
        self.articles += 1
        self.mentions += r.mentions
        self.links += r.links
        self.disagreements += r.disagreements
        self.errors += r.failed

    def line(self) -> str:
        def n(count: int, word: str) -> str:
            return f"{count} {word}{'' if count == 1 else 's'}"

        return "tzsched: " + ", ".join([
            n(self.articles, "article"), n(self.mentions, "mention"), n(self.links, "link"),
            n(self.disagreements, "disagreement"), n(self.errors, "error"),
        ])


def _ignore_sigint() -> None:
    # Workers leave Ctrl-C to the parent, which stops the pool and exits 130.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _windows(tasks: Iterable[_Task], size: int) -> Iterator[list[_Task]]:
    window: list[_Task] = []
    for task in tasks:
        window.append(task)
        if len(window) >= size:
            yield window
            window = []
    if window:
        yield window


def _results(tasks: Iterable[_Task], opts: _Options, jobs: int) -> Iterator[_Result]:
    """Results in input order, serially or from a pool of ``jobs`` processes."""
    if jobs <= 1:
        for task in tasks:
            yield _work(task, opts)
        return
    work = partial(_work, opts=opts)
    # Ctrl-C while the pool is being started would leave half-started workers that no
    # one stops (the process then hangs at exit): hold SIGINT until the pool exists.
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pool = multiprocessing.get_context().Pool(jobs, initializer=_ignore_sigint)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
    with pool:
        for window in _windows(tasks, jobs * _WINDOW_PER_JOB):
            yield from pool.imap(work, window, chunksize=max(1, len(window) // (jobs * 4)))


def _safe_name(name: str, used: set[str]) -> str:
    stem = os.path.splitext(os.path.basename(name))[0] if name not in ("-", "None") else "article"
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", stem).strip("._") or "article"
    candidate, n = stem, 1
    while candidate in used:
        n += 1
        candidate = f"{stem}-{n}"
    used.add(candidate)
    return candidate


def _emit(tasks: Iterable[_Task], opts: _Options, jobs: int, out: IO[str], *, total: int | None,
          size: int, quiet: bool, output_dir: str | None = None, stream: bool = False) -> _Totals:
    """Write head, each result in input order, tail; a summary on stderr. ``stream``:
    flush after every article (a JSON Lines stream on stdin may be a live feed)."""
    totals = _Totals()
    large = (total is None) or total >= _LARGE_COUNT or size >= _LARGE_BYTES
    progress = _Progress(total, enabled=large and sys.stderr.isatty())
    head = tail = ""
    if output_dir is None and opts.command == "annotate":
        if opts.fmt == "ics":
            head, tail = ical_render.head(), ical_render.tail()
        elif opts.fmt == "html":
            head, tail = html_render.head(), html_render.tail()
    used: set[str] = set()
    try:
        out.write(head)
        for result in _results(tasks, opts, jobs):
            totals.add(result)
            if result.message is not None:
                progress.close()
                print(f"tzsched: {result.message}", file=sys.stderr)
            if output_dir is not None and not result.failed:
                path = os.path.join(output_dir, _safe_name(result.name, used) + FORMATS[opts.fmt])
                with open(path, "w", encoding="utf-8", newline="") as fh:
                    fh.write(result.output)
            else:
                out.write(result.output)
                if stream:
                    out.flush()
            progress.advance()
        out.write(tail)
        out.flush()
    finally:
        progress.close()
    if not quiet:
        print(totals.line(), file=sys.stderr)
    return totals


# ---------------------------------------------------------------- commands


def _use_color(choice: str, stream: IO[str]) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return stream.isatty()


def _jobs(n: int) -> int:
    if n < 0:
        raise _Usage(f"--jobs must be 0 (one per CPU) or a positive number, not {n}")
    return n or (os.cpu_count() or 1)


def _extract(args: argparse.Namespace, out: IO[str]) -> int:
    paths = [args.input]
    _check_files(paths)
    opts = _Options(command="extract", fmt="jsonl")
    totals = _emit(_record_tasks(paths), opts, _jobs(args.jobs), out, total=None, size=0, quiet=args.quiet,
                   stream=args.input == "-")
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
    try:
        ctx = Context.parse(args.published, home=args.home, locale=args.locale or "en-US")
    except TzschedError as exc:
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
        os.makedirs(output_dir, exist_ok=True)
    many = args.jsonl or len(paths) > 1
    if command == "annotate" and args.format == "timeml" and many and output_dir is None:
        raise _Usage("--format timeml writes one document per article: give one text input, or use --output-dir DIR")
    ctx, defaults = _context_options(args)
    if ctx is None and not args.jsonl:
        raise _missing_published(paths)
    opts = _Options(command=command, fmt=args.format, color=_use_color(args.color, out), header=many,
                    whole=output_dir is not None, context=ctx, defaults=defaults)
    if args.jsonl:
        tasks: Iterable[_Task] = _record_tasks(paths)
        total: int | None = None
        size = 0
    else:
        tasks, total = _text_tasks(paths), len(paths)
        size = sum(os.path.getsize(p) for p in paths if p != "-")
    totals = _emit(tasks, opts, jobs, out, total=total, size=size, quiet=args.quiet, output_dir=output_dir,
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
    reconfigure = getattr(out, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(encoding="utf-8")
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
    except KeyboardInterrupt:
        print("\ntzsched: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _restore_sigpipe_output()
        return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
