"""The installed ``tzsched`` command, run as a subprocess: formats, batch, errors, exit codes."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import signal
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import icalendar
import pytest

import tzsched

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "samples" / "summit.txt"
SAMPLE_CTX = ["--published", "2025-05-20T08:00:00+02:00", "--home", "Europe/Zurich"]
SEED = "Putin and Trump will speak at 5 p.m. Moscow time (1400 GMT), about 10 a.m. Eastern."
SEED_CTX = ["--published", "2025-05-19T10:00:00-04:00", "--home", "America/Toronto"]
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def _command() -> list[str]:
    script = Path(sys.executable).with_name("tzsched")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tzsched"]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update(extra)
    return env


def run(*args: str | Path, stdin: str | bytes | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    data = stdin.decode("utf-8", "surrogateescape") if isinstance(stdin, bytes) else stdin
    return subprocess.run([*_command(), *map(str, args)], input=data, capture_output=True, text=True,
                          encoding="utf-8", env=_env(**env), timeout=300, check=False)


def run_bytes(*args: str | Path, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*_command(), *map(str, args)], input=stdin, capture_output=True, env=_env(),
                          timeout=300, check=False)


def no_traceback(proc: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in proc.stderr, proc.stderr


# Sentences written for these tests; articles mix them under different contexts.
SENTENCES = [
    "The board will vote at 9 a.m. Eastern (1300 GMT) on Wednesday.",
    "Markets in Tokyo closed at 3 p.m. local time, and the index fell for a third day.",
    "A launch window opens at 10:15 p.m. EDT (0215 GMT) and stays open for two hours.",
    "Polls close at 8 p.m. CET; results are expected by late evening.",
    "The minister spoke for 40 minutes last Thursday.",
    "Trading resumes next week after the holiday, the exchange said on Friday.",
    "Talks begin at noon ET (1700 GMT) in the capital.",
    "The court sits every Monday & Tuesday <in theory>.",
    "Output rose 12 percent to 1.5 billion dollars.",
    "Engineers said the fix shipped on March 3, 2024, about two weeks late.",
]
HOMES = ["America/New_York", "Europe/Berlin", "Asia/Tokyo", None]


def articles(n: int = 40) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for i in range(n):
        text = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(1 + i % 3))
        art: dict[str, object] = {"id": f"art-{i}", "text": text,
                                  "published": f"2025-0{1 + i % 9}-1{i % 10}T1{i % 10}:30:00+00:00"}
        home = HOMES[i % len(HOMES)]
        if home:
            art["home"] = home
        out.append(art)
    return out


def jsonl(records: list[dict[str, object]]) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


@pytest.fixture()
def seed_file(tmp_path: Path) -> Path:
    path = tmp_path / "seed.txt"
    path.write_text(SEED + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def disagreeing_file(tmp_path: Path) -> Path:
    path = tmp_path / "seed-1500.txt"
    path.write_text(SEED.replace("1400 GMT", "1500 GMT") + "\n", encoding="utf-8")
    return path


def sample_record() -> dict[str, object]:
    proc = run("annotate", *SAMPLE_CTX, "--format", "jsonl", "-q", SAMPLE)
    assert proc.returncode == 0, proc.stderr
    record: dict[str, object] = json.loads(proc.stdout)
    return record


class TestAnnotateInline:
    def test_seed_reads_as_the_issue_shows(self, seed_file: Path) -> None:
        proc = run("annotate", *SEED_CTX, seed_file)
        assert proc.returncode == 0
        assert "5 p.m. Moscow time [2025-05-19T14:00Z] (1400 GMT [2025-05-19T14:00Z])" in proc.stdout
        assert proc.stderr.strip() == "tzsched: 1 article, 3 mentions, 1 link, 0 disagreements, 0 errors"

    def test_sample_labels_follow_each_mention_and_strip_back_to_the_text(self) -> None:
        record = sample_record()
        proc = run("annotate", *SAMPLE_CTX, SAMPLE)
        assert proc.returncode == 0
        text = SAMPLE.read_text(encoding="utf-8")
        out = proc.stdout
        stripped, pos = [], 0
        for m in record["mentions"]:  # type: ignore[union-attr]
            assert isinstance(m, dict)
            head = f"{m['text']} ["
            at = out.index(head, pos)
            close = out.index("]", at + len(head))
            label = out[at + len(head) : close]
            if m["utc_start"] is None:
                assert label == m["value"]
            else:
                assert label.startswith(m["utc_start"][:16] + "Z")
                if label != m["utc_start"][:16] + "Z":
                    assert label.endswith("/" + m["utc_end"][:16] + "Z")
            stripped.append(out[pos : at + len(m["text"])])
            pos = close + 1
        stripped.append(out[pos:])
        assert "".join(stripped) == text

    def test_piped_output_is_plain_and_color_always_is_not(self, disagreeing_file: Path) -> None:
        plain = run("annotate", *SEED_CTX, disagreeing_file)
        assert not ANSI.search(plain.stdout)
        assert "1500 GMT [2025-05-19T15:00Z ≠ " in plain.stdout
        coloured = run("annotate", *SEED_CTX, "--color", "always", disagreeing_file)
        assert "\x1b[1;31m1500 GMT [2025-05-19T15:00Z ≠ " in coloured.stdout
        assert ANSI.sub("", coloured.stdout) == plain.stdout

    def _on_tty(self, *args: str | Path, **env: str) -> str:
        leader, follower = pty.openpty()
        try:
            proc = subprocess.Popen([*_command(), *map(str, args)], stdout=follower, stderr=subprocess.DEVNULL,
                                    stdin=subprocess.DEVNULL, env=_env(**env))
            os.close(follower)
            output = read_terminal(leader)
            assert proc.wait(timeout=60) == 0
        finally:
            os.close(leader)
        return output.decode("utf-8")

    def test_terminal_gets_colour_unless_no_color(self, seed_file: Path) -> None:
        assert ANSI.search(self._on_tty("annotate", *SEED_CTX, seed_file))
        assert not ANSI.search(self._on_tty("annotate", *SEED_CTX, seed_file, NO_COLOR="1"))
        assert not ANSI.search(self._on_tty("annotate", *SEED_CTX, "--no-color", seed_file))

    def test_stdin_text(self) -> None:
        proc = run("annotate", *SEED_CTX, stdin=SEED)
        assert proc.returncode == 0
        assert "about 10 a.m. Eastern [2025-05-19T14:00Z]" in proc.stdout

    def test_many_files_get_headers(self, seed_file: Path) -> None:
        proc = run("annotate", *SEED_CTX, seed_file, SAMPLE)
        assert proc.stdout.startswith(f"==> {seed_file} <==\n")
        assert f"\n==> {SAMPLE} <==\n" in proc.stdout
        assert "2 articles" in proc.stderr


class TestFormats:
    def test_jsonl_is_the_extract_record(self) -> None:
        text = SAMPLE.read_text(encoding="utf-8")
        article = {"id": "x", "text": text, "published": SAMPLE_CTX[1], "home": SAMPLE_CTX[3]}
        extracted = json.loads(run("extract", "--jsonl", stdin=json.dumps(article) + "\n").stdout)
        annotated = sample_record()
        assert annotated["id"] == str(SAMPLE)
        annotated["id"] = "x"
        assert annotated == extracted
        assert len(annotated["mentions"]) >= 10  # type: ignore[arg-type]

    def test_jsonl_input_annotated_as_jsonl_equals_extract(self) -> None:
        stream = jsonl(articles(12))
        extracted = run("extract", "--jsonl", stdin=stream)
        annotated = run("annotate", "--jsonl", "--format", "jsonl", stdin=stream)
        assert extracted.returncode == annotated.returncode == 0
        assert annotated.stdout == extracted.stdout

    def test_timeml_round_trip_and_tags(self) -> None:
        record = sample_record()
        proc = run("annotate", *SAMPLE_CTX, "--format", "timeml", SAMPLE)
        assert proc.returncode == 0
        root = ET.fromstring(proc.stdout.encode("utf-8"))
        assert root.tag == "TimeML"
        dct = root.find("DCT/TIMEX3")
        assert dct is not None and dct.get("functionInDocument") == "CREATION_TIME"
        assert dct.get("value") == "2025-05-20"
        body = root.find("TEXT")
        assert body is not None
        assert "".join(body.itertext()) == SAMPLE.read_text(encoding="utf-8")
        tags = body.findall("TIMEX3")
        mentions = record["mentions"]
        assert isinstance(mentions, list)
        assert [(t.text, t.get("type"), t.get("value"), t.get("mod")) for t in tags] == [
            (m["text"], m["type"], m["value"], m["mod"]) for m in mentions
        ]
        assert [t.get("tid") for t in tags] == [f"t{i + 1}" for i in range(len(tags))]

    def test_timeml_needs_one_document_per_article(self, seed_file: Path) -> None:
        proc = run("annotate", *SEED_CTX, "--format", "timeml", seed_file, SAMPLE)
        assert proc.returncode == 2
        assert "--output-dir" in proc.stderr and proc.stdout == ""

    def test_ics_events_are_future_utc_and_stable(self) -> None:
        proc = run("annotate", *SAMPLE_CTX, "--format", "ics", SAMPLE)
        again = run("annotate", *SAMPLE_CTX, "--format", "ics", SAMPLE)
        assert proc.returncode == 0 and proc.stdout == again.stdout
        cal = icalendar.Calendar.from_ical(proc.stdout)
        events = list(cal.walk("VEVENT"))
        published = tzsched.Context.parse(SAMPLE_CTX[1]).published
        record = sample_record()
        mentions, links = record["mentions"], record["links"]
        assert isinstance(mentions, list) and isinstance(links, list)
        future = {i for i, m in enumerate(mentions) if m["utc_start"] and m["utc_start"] >= "2025-05-20T06:00:00Z"}
        # one event per future mention, except that the members of an agreeing link are one event
        merged = sum(len(set(ln["members"]) & future) - 1
                     for ln in links if ln["agree"] and set(ln["members"]) & future)
        assert len(events) == len(future) - merged
        assert events, "the sample has future events"
        for ev in events:
            start = ev.decoded("dtstart")
            assert start.utcoffset().total_seconds() == 0 and start >= published
            assert ev.decoded("dtstamp") == published
            assert ev.get("description")
        assert len({str(ev.get("uid")) for ev in events}) == len(events)

    def test_html_is_self_contained(self) -> None:
        proc = run("annotate", *SAMPLE_CTX, "--format", "html", SAMPLE)
        assert proc.returncode == 0
        page = proc.stdout
        assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
        assert page.count('<mark class="tx') == len(sample_record()["mentions"])  # type: ignore[arg-type]
        for external in ("src=", "<link", "@import", "url(", "http://", "https://"):
            assert external not in page.replace("http://www.w3.org", ""), external

    def test_output_dir_writes_one_file_per_article(self, tmp_path: Path) -> None:
        out = tmp_path / "reports"
        recs = [*articles(3), {"id": "art-0", "text": "At noon ET.", "published": "2025-05-19"}]
        proc = run("annotate", "--jsonl", "--format", "timeml", "--output-dir", out, stdin=jsonl(recs))
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout == ""
        names = sorted(p.name for p in out.iterdir())
        assert names == ["art-0-2.tml", "art-0.tml", "art-1.tml", "art-2.tml"]
        root = ET.fromstring((out / "art-1.tml").read_bytes())
        assert "".join(root.find("TEXT").itertext()) == recs[1]["text"]  # type: ignore[union-attr]


class TestCheck:
    def test_disagreement_exits_1_with_sentence_readings_and_cause(self, disagreeing_file: Path) -> None:
        proc = run("check", *SEED_CTX, disagreeing_file)
        assert proc.returncode == 1, proc.stderr
        lines = proc.stdout.splitlines()
        assert lines[0].startswith(f"{disagreeing_file}:1:31: restatements disagree by 1 h (")
        assert lines[1].strip() == SEED.replace("1400 GMT", "1500 GMT")
        assert re.search(r"5 p\.m\. Moscow time\s+2025-05-19T14:00Z", proc.stdout)
        assert re.search(r"1500 GMT\s+2025-05-19T15:00Z", proc.stdout)
        record = json.loads(run("check", *SEED_CTX, "--format", "jsonl", disagreeing_file).stdout)
        assert record["cause"] in lines[0] and record["delta_seconds"] == 3600.0
        assert [m["text"] for m in record["members"]][:2] == ["5 p.m. Moscow time", "1500 GMT"]
        assert "1 disagreement" in proc.stderr

    def test_agreement_exits_0_and_prints_nothing(self, seed_file: Path) -> None:
        proc = run("check", *SEED_CTX, seed_file)
        assert (proc.returncode, proc.stdout) == (0, "")

    def test_jsonl_stream(self) -> None:
        recs = [{"id": "ok", "text": SEED, "published": "2025-05-19T10:00:00-04:00"},
                {"id": "bad", "text": SEED.replace("1400", "1500"), "published": "2025-05-19T10:00:00-04:00"}]
        proc = run("check", "--jsonl", stdin=jsonl(recs))
        assert proc.returncode == 1
        assert proc.stdout.startswith("-:2: id bad: restatements disagree")

    def test_bad_input_wins_over_disagreement(self) -> None:
        recs = [{"id": "bad", "text": SEED.replace("1400", "1500"), "published": "2025-05-19T10:00:00-04:00"}]
        proc = run("check", "--jsonl", stdin=jsonl(recs) + "{not json\n")
        assert proc.returncode == 2
        assert "tzsched: -:2: Expecting property name enclosed in double quotes\n" in proc.stderr
        no_traceback(proc)


class TestBatch:
    @pytest.mark.parametrize("fmt", ["jsonl", "inline", "html", "ics"])
    def test_jobs_output_is_byte_identical_to_serial(self, fmt: str) -> None:
        stream = jsonl(articles(60)) + "not json\n"
        serial = run("annotate", "--jsonl", "--format", fmt, "--published", "2025-05-19", stdin=stream)
        parallel = run("annotate", "--jsonl", "--format", fmt, "--published", "2025-05-19", "--jobs", "3",
                       stdin=stream)
        assert serial.returncode == parallel.returncode == 2  # the bad last line
        assert serial.stdout == parallel.stdout
        assert serial.stderr == parallel.stderr
        assert serial.stdout.count("art-") >= 60 if fmt != "ics" else serial.stdout.count("BEGIN:VEVENT") >= 10

    def test_extract_jobs_byte_identical(self) -> None:
        stream = jsonl(articles(50))
        serial = run("extract", "--jsonl", stdin=stream)
        parallel = run("extract", "--jsonl", "-j", "4", stdin=stream)
        assert serial.returncode == parallel.returncode == 0
        assert serial.stdout == parallel.stdout
        assert [json.loads(line)["id"] for line in serial.stdout.splitlines()] == [f"art-{i}" for i in range(50)]

    @staticmethod
    def _mixed_stream() -> tuple[bytes, dict[int, str]]:
        """~300 KB of JSON Lines that a --jobs run must cut into many chunks: good articles,
        bad lines at known line numbers (with the code each must get), one article far
        longer than a chunk, a CRLF line, and no newline at the end."""
        lines = [json.dumps(a).encode() for a in articles(900)]
        long_text = " ".join(SENTENCES) * 200  # ~130 KB on one line
        lines[450] = json.dumps({"id": "long", "text": long_text, "published": "2025-05-19"}).encode()
        lines[300] = lines[300] + b"\r"
        bad = {57: (b"{oops", "bad_json"), 123: (b"", "empty_line"),
               500: (b'{"id": "x", "text": "\xff"}', "bad_encoding"),
               777: (b'{"id": 9, "text": "At noon."}', "bad_record")}
        for lineno, (line, _) in bad.items():
            lines[lineno - 1] = line
        return b"\n".join(lines), {lineno: code for lineno, (_, code) in bad.items()}

    @pytest.mark.parametrize("via", ["file", "stdin"])
    def test_jobs_match_serial_across_many_chunks(self, via: str, tmp_path: Path) -> None:
        data, bad = self._mixed_stream()
        path = tmp_path / "mixed.jsonl"
        path.write_bytes(data)

        def extract(*jobs: str) -> subprocess.CompletedProcess[bytes]:
            if via == "file":
                return run_bytes("extract", "--jsonl", *jobs, path)
            return run_bytes("extract", "--jsonl", *jobs, stdin=data)

        serial = extract()
        records = [json.loads(line) for line in serial.stdout.decode().splitlines()]
        assert len(records) == 900 and serial.returncode == 2
        assert {i + 1: r["error"]["code"] for i, r in enumerate(records) if "error" in r} == bad
        assert records[450]["id"] == "long" and len(records[450]["mentions"]) >= 1000
        assert [r["id"] for r in records[:3]] == ["art-0", "art-1", "art-2"]
        for jobs in ("2", "3"):
            parallel = extract("-j", jobs)
            assert (parallel.returncode, parallel.stdout, parallel.stderr) == \
                (serial.returncode, serial.stdout, serial.stderr)

    @pytest.mark.parametrize("args", [["annotate", "-f", "html"], ["annotate"], ["check", "-f", "jsonl"]])
    def test_annotate_and_check_jobs_match_serial_across_many_chunks(self, args: list[str],
                                                                      tmp_path: Path) -> None:
        data, bad = self._mixed_stream()
        path = tmp_path / "mixed.jsonl"
        path.write_bytes(data)
        serial = run_bytes(*args, "--jsonl", path)
        messages = serial.stderr.decode().splitlines()[:-1]  # the last line is the summary
        assert [int(m.split(":")[2]) for m in messages] == sorted(bad)
        parallel = run_bytes(*args, "--jsonl", "-j", "2", path)
        assert (parallel.returncode, parallel.stdout, parallel.stderr) == \
            (serial.returncode, serial.stdout, serial.stderr)

    def test_jobs_write_a_live_feed_as_it_arrives(self) -> None:
        """With --jobs, an article's output comes out before the next article is sent."""
        proc = subprocess.Popen([*_command(), "extract", "--jsonl", "-j", "2"], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env())
        assert proc.stdin is not None and proc.stdout is not None
        try:
            for art in articles(3):
                proc.stdin.write(jsonl([art]).encode())
                proc.stdin.flush()
                ready, _, _ = select.select([proc.stdout], [], [], 60)
                assert ready, f"no output for {art['id']} while the feed waits"
                assert json.loads(proc.stdout.readline())["id"] == art["id"]
            proc.stdin.close()
            assert proc.wait(timeout=60) == 0
        finally:
            proc.kill()
            proc.wait()

    def test_files_in_parallel(self, tmp_path: Path) -> None:
        paths = []
        for i, art in enumerate(articles(8)):
            path = tmp_path / f"a{i}.txt"
            path.write_text(str(art["text"]), encoding="utf-8")
            paths.append(path)
        serial = run("annotate", "--published", "2025-05-19T12:00:00Z", "-f", "jsonl", *paths)
        parallel = run("annotate", "--published", "2025-05-19T12:00:00Z", "-f", "jsonl", "-j", "2", *paths)
        assert serial.stdout == parallel.stdout and serial.stdout.count("\n") == 8

    def test_summary_counts(self) -> None:
        recs = articles(20)
        proc = run("extract", "--jsonl", stdin=jsonl(recs) + "\n")
        records = [json.loads(line) for line in proc.stdout.splitlines()]
        mentions = sum(len(r.get("mentions", [])) for r in records)
        links = sum(len(r.get("links", [])) for r in records)
        bad = sum(1 for r in records for link in r.get("links", []) if not link["agree"])
        summary = proc.stderr.strip().splitlines()[-1]
        assert summary == (f"tzsched: 21 articles, {mentions} mentions, {links} links, "
                           f"{bad} disagreements, 1 error")
        assert run("extract", "--jsonl", "-q", stdin=jsonl(recs)).stderr == ""

    def test_progress_only_on_a_terminal(self) -> None:
        stream = jsonl(articles(60)).encode()
        piped = run_bytes("extract", "--jsonl", stdin=stream)
        assert b"\r" not in piped.stderr
        leader, follower = pty.openpty()
        try:
            proc = subprocess.Popen([*_command(), "extract", "--jsonl"], stdin=subprocess.PIPE,
                                    stdout=subprocess.DEVNULL, stderr=follower, env=_env())
            os.close(follower)
            proc.communicate(stream, timeout=120)
            seen = b""
            while select.select([leader], [], [], 1)[0]:
                try:
                    chunk = os.read(leader, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                seen += chunk
        finally:
            os.close(leader)
        assert b"tzsched: 60 articles" in seen and b"\r" in seen
        assert b"tzsched: 60 articles, " in seen  # the summary still follows


class TestErrors:
    def test_missing_file(self, seed_file: Path) -> None:
        proc = run("annotate", *SEED_CTX, seed_file, "no/such.txt")
        assert proc.returncode == 2 and proc.stdout == ""
        assert proc.stderr.strip() == "tzsched: no such file: no/such.txt"

    def test_bad_encoding(self, tmp_path: Path) -> None:
        path = tmp_path / "latin1.txt"
        path.write_bytes("Talks at 5 p.m. in Zürich.".encode("latin-1"))
        proc = run("annotate", *SEED_CTX, path)
        assert proc.returncode == 2
        assert proc.stderr.splitlines()[0] == f"tzsched: {path}: not UTF-8 text (byte 20)"
        no_traceback(proc)

    def test_a_byte_order_mark_heading_a_jsonl_file_or_line_is_ignored(self) -> None:
        """Windows tools write U+FEFF at the head of a file; joined files carry one on a
        later line. json refused it, and the article was lost as bad_json."""
        bom = b"\xef\xbb\xbf"
        first, second = articles(2)
        stream = bom + json.dumps(first).encode() + b"\r\n" + bom + json.dumps(second).encode() + b"\n"
        for command in (("extract", "--jsonl"), ("annotate", "--jsonl", "--format", "jsonl")):
            proc = run_bytes(*command, stdin=stream)
            assert proc.returncode == 0, proc.stderr
            records = [json.loads(line) for line in proc.stdout.decode().splitlines()]
            assert [r["id"] for r in records] == ["art-0", "art-1"]
            assert records[0]["mentions"] == tzsched.process_record(first)["mentions"]

    def test_a_byte_order_mark_heading_a_text_file_is_not_part_of_the_text(self, tmp_path: Path) -> None:
        path = tmp_path / "bom.txt"
        path.write_bytes(b"\xef\xbb\xbf" + SEED.encode())
        proc = run("annotate", *SEED_CTX, "--format", "jsonl", path)
        assert proc.returncode == 0, proc.stderr
        mentions = json.loads(proc.stdout)["mentions"]
        assert (mentions[0]["start"], mentions[0]["text"]) == (SEED.index("5 p.m."), "5 p.m. Moscow time")
        inline = run("annotate", *SEED_CTX, "--no-color", path)
        assert inline.stdout.startswith("Putin and Trump")

    def test_a_bad_byte_after_a_byte_order_mark_is_counted_from_the_file_start(self, tmp_path: Path) -> None:
        path = tmp_path / "bad.txt"
        path.write_bytes(b"\xef\xbb\xbfTalks at 5 \xff")
        proc = run("annotate", *SEED_CTX, path)
        assert proc.returncode == 2
        assert proc.stderr.splitlines()[0] == f"tzsched: {path}: not UTF-8 text (byte 14)"

    def test_bad_encoding_in_a_jsonl_line_is_a_record_error(self) -> None:
        stream = jsonl(articles(1)).encode() + b'{"id": "x", "text": "\xff"}\n'
        proc = run_bytes("extract", "--jsonl", stdin=stream)
        assert proc.returncode == 2
        lines = proc.stdout.decode().splitlines()
        assert len(lines) == 2 and json.loads(lines[1])["error"]["code"] == "bad_encoding"

    @pytest.mark.parametrize("fmt", ["inline", "jsonl", "ics", "html"])
    def test_a_lone_surrogate_from_a_json_escape_is_written_as_that_escape(self, fmt: str) -> None:
        """JSON may escape a lone surrogate (\\ud800), which UTF-8 cannot carry: the run
        stopped with a UnicodeEncodeError traceback in inline, ics and html."""
        line = '{"id": "s\\udc00", "text": "They meet at 5 p.m. ET \\ud800 (2100 GMT).", ' \
               '"published": "2025-05-19T10:00:00-04:00"}\n'
        proc = run_bytes("annotate", "--format", fmt, "--jsonl", stdin=line.encode())
        assert proc.returncode == 0, proc.stderr
        out = proc.stdout.decode("utf-8")  # valid UTF-8
        assert "5 p.m. ET" in out
        if fmt == "jsonl":
            assert json.loads(out)["mentions"][0]["utc_start"] == "2025-05-19T21:00:00Z"
        else:
            assert "\\ud800" in out.replace("\\\\", "\\")  # ics escapes the backslash itself

    def test_timeml_names_where_xml_cannot_carry_a_character(self, tmp_path: Path) -> None:
        line = '{"id": "s", "text": "They meet at 5 p.m. ET \\ud800 (2100 GMT).", "published": "2025-05-19"}\n'
        proc = run("annotate", "--format", "timeml", "--jsonl", "--output-dir", tmp_path, stdin=line)
        assert proc.returncode == 2
        assert "the text contains U+D800 at offset 23, which XML 1.0 cannot carry" in proc.stderr
        no_traceback(proc)

    def test_invalid_json_line(self) -> None:
        stream = jsonl(articles(2))
        proc = run("annotate", "--jsonl", stdin=stream.replace("\n", "\n{oops\n", 1))
        assert proc.returncode == 2
        assert "tzsched: -:2: Expecting property name enclosed in double quotes\n" in proc.stderr
        assert "==> art-1 <==" in proc.stdout  # processing went on
        ex = run("extract", "--jsonl", stdin=stream.replace("\n", "\n{oops\n", 1))
        assert ex.returncode == 2
        assert [json.loads(line).get("error", {}).get("code") for line in ex.stdout.splitlines()] == \
            [None, "bad_json", None]

    def test_jsonl_record_errors_keep_the_extract_contract(self) -> None:
        recs = [{"id": 7, "text": "At noon.", "published": "2025-05-19", "home": "Mars/Olympus"},
                {"id": 8, "text": "At noon."}]
        proc = run("annotate", "--jsonl", "-f", "jsonl", stdin=jsonl(recs))
        out = [json.loads(line) for line in proc.stdout.splitlines()]
        assert [(r["id"], r["error"]["code"]) for r in out] == [(7, "unknown_zone"), (8, "bad_record")]
        assert proc.returncode == 2

    def test_unknown_zone(self, seed_file: Path) -> None:
        proc = run("annotate", "--published", "2025-05-19", "--home", "Mars/Olympus", seed_file)
        assert proc.returncode == 2
        assert proc.stderr.strip() == ("tzsched: --home: unknown time zone id 'Mars/Olympus' "
                                       "(expected an IANA id such as 'Europe/Kyiv')")

    def test_bad_published(self, seed_file: Path) -> None:
        proc = run("annotate", "--published", "next Tuesday", seed_file)
        assert proc.returncode == 2
        assert proc.stderr.strip() == ("tzsched: --published: published 'next Tuesday' is not "
                                       "an ISO 8601 or RFC 2822 date")

    def test_missing_published(self, seed_file: Path, tmp_path: Path) -> None:
        proc = run("annotate", seed_file)
        assert proc.returncode == 2 and "--published is required" in proc.stderr
        dated = tmp_path / "dated.txt"
        dated.write_text("NAIROBI, Kenya, June 3 (Wire) — Voting ends at 6 p.m. local time.\n", encoding="utf-8")
        hint = run("annotate", dated)
        assert hint.returncode == 2
        assert "the dateline says June 3 but not the year" in hint.stderr
        assert "--published YYYY-06-03" in hint.stderr

    @pytest.mark.parametrize("args", [
        ["annotate", "--format", "pdf"], ["check", "--jobs", "x"], ["frobnicate"], [],
        ["annotate", "--jobs", "-1", "--published", "2025-05-19"],
    ])
    def test_usage_errors_exit_2(self, args: list[str]) -> None:
        proc = run(*args, stdin="")
        assert proc.returncode == 2
        no_traceback(proc)

    def test_every_error_is_one_line(self, seed_file: Path, tmp_path: Path) -> None:
        bad = tmp_path / "bad.txt"
        bad.write_bytes(b"\xff\xfe")
        for args in (["annotate", "x.txt"], ["annotate", "--published", "2025-13-45", seed_file],
                     ["check", "--published", "2025-05-19", bad], ["annotate", "--home", "Nowhere", seed_file]):
            proc = run(*args)
            assert proc.returncode == 2
            errors = [line for line in proc.stderr.splitlines() if not line.startswith("tzsched: 0 articles")
                      and " articles, " not in line and " article, " not in line]
            assert len(errors) == 1 and errors[0].startswith("tzsched: "), proc.stderr

    @pytest.mark.parametrize("jobs", ["1", "2"])
    def test_ctrl_c_exits_130_without_traceback(self, jobs: str) -> None:
        # A test run started as a background job (`pytest ... &` in a script) inherits
        # SIGINT ignored, and Python then leaves it ignored in the CLI (as a background
        # job should): the CLI under test gets the default disposition back.
        proc = subprocess.Popen([*_command(), "extract", "--jsonl", "--jobs", jobs], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(),
                                preexec_fn=_default_sigint)
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write((jsonl(articles(1))).encode())
        proc.stdin.flush()
        if jobs == "1":  # serial output is flushed per article: wait for it, so the CLI is surely running
            assert json.loads(proc.stdout.readline())["id"] == "art-0"
        else:  # a pool collects a window first; wait until the workers exist
            _wait_for_children(proc.pid, int(jobs))
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
        proc.stdin.close()
        assert proc.returncode == 130
        assert b"Traceback" not in err and b"interrupted" in err

    def test_a_killed_worker_stops_the_run_instead_of_hanging(self) -> None:
        """A worker killed mid-article (the OOM killer, say) takes its chunk with it; the
        parent must notice and stop with exit 2, not wait for that chunk forever."""
        proc = _two_workers_answering()
        assert proc.stdin is not None and proc.stdout is not None
        # an article of several MB keeps a worker busy for seconds
        big = {"id": "big", "text": " ".join(SENTENCES) * 10_000, "published": "2025-05-19T10:00:00-04:00"}
        proc.stdin.write(jsonl([big]).encode())
        proc.stdin.flush()
        select.select([], [], [], 0.3)
        workers = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
        assert len(workers) == 2
        for pid in workers:
            os.kill(int(pid), signal.SIGKILL)
        out, err = proc.communicate(timeout=60)  # closes stdin: the end of the input
        assert proc.returncode == 2
        assert b"worker process died" in err and b"Traceback" not in err
        assert b'"big"' not in out

    def test_workers_do_not_outlive_the_parent(self) -> None:
        """Workers are killed by the kernel when the parent process goes, however it goes:
        a worker left behind would hold the output pipe open, and whatever reads
        tzsched's output would wait forever (seen after a worker was killed: the pool
        had just started a replacement)."""
        proc = _two_workers_answering()
        assert proc.stdout is not None
        workers = [int(pid) for pid in Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()]
        assert len(workers) == 2
        # a worker that cannot notice the end of its input pipe (here: stopped; in the
        # case seen, waiting for a lock that a killed worker held) must go as well
        os.kill(workers[0], signal.SIGSTOP)
        proc.kill()
        proc.wait(timeout=60)
        alive = set(workers)
        for _ in range(200):  # bounded: at most about 20 s
            alive = {pid for pid in alive if _running(pid)}
            if not alive:
                break
            select.select([], [], [], 0.1)
        for pid in alive:  # do not leave them behind when the test fails
            os.kill(pid, signal.SIGKILL)
        assert not alive, f"workers {sorted(alive)} outlived the parent"
        assert proc.stdout.read() == b""  # every writer of the pipe is gone: end of file, no hang

    def test_broken_pipe_is_quiet(self) -> None:
        proc = subprocess.Popen([*_command(), "annotate", "--jsonl", "-q"], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env())
        assert proc.stdout is not None and proc.stdin is not None
        proc.stdin.write(jsonl(articles(400)).encode())
        proc.stdin.close()
        proc.stdout.read(100)
        proc.stdout.close()
        err = proc.stderr.read() if proc.stderr else b""
        proc.wait(timeout=120)
        assert b"Traceback" not in err and b"Exception ignored" not in err, err


def _default_sigint() -> None:
    """In the child before exec: SIGINT back to its default disposition."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _two_workers_answering() -> subprocess.Popen[bytes]:
    """``tzsched extract --jsonl -j 2`` with its pool up: the first article's record was read."""
    proc = subprocess.Popen([*_command(), "extract", "--jsonl", "-q", "-j", "2"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env())
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(jsonl(articles(1)).encode())
    proc.stdin.flush()
    assert json.loads(proc.stdout.readline())["id"] == "art-0"
    return proc


def _running(pid: int) -> bool:
    """True while process ``pid`` exists and is not a zombie."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return False
    return fields[0] != "Z"


def _wait_for_children(pid: int, count: int) -> None:
    """Block until ``pid`` has ``count`` child processes (polling /proc, bounded)."""
    for _ in range(6000):
        try:
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            pytest.skip("/proc/PID/task/PID/children is not available")
        if len(children) >= count:
            return
        select.select([], [], [], 0.01)
    pytest.fail("the worker pool never started")


class TestHelp:
    @pytest.mark.parametrize("command", ["extract", "annotate", "check"])
    def test_subcommand_help_has_examples(self, command: str) -> None:
        proc = run(command, "--help")
        assert proc.returncode == 0
        assert "examples:" in proc.stdout and f"tzsched {command}" in proc.stdout

    def test_top_help_and_version(self) -> None:
        top = run("--help")
        assert top.returncode == 0 and "examples:" in top.stdout and "check" in top.stdout
        version = run("--version")
        assert version.returncode == 0 and version.stdout.strip() == f"tzsched {tzsched.__version__}"

    def test_module_entry_point(self, seed_file: Path) -> None:
        proc = subprocess.run([sys.executable, "-m", "tzsched", "annotate", *SEED_CTX, "-q", str(seed_file)],
                              capture_output=True, text=True, check=False, env=_env())
        assert proc.returncode == 0 and "[2025-05-19T14:00Z]" in proc.stdout


def _console_sessions(markdown: str) -> list[list[tuple[str, str]]]:
    """Each ```console block as [(command, expected output)]."""
    blocks = re.findall(r"```console\n(.*?)```", markdown, re.S)
    sessions = []
    for block in blocks:
        steps: list[tuple[str, str]] = []
        for line in block.splitlines(keepends=True):
            if line.startswith("$ "):
                steps.append((line[2:].strip(), ""))
            elif steps:
                steps[-1] = (steps[-1][0], steps[-1][1] + line)
        sessions.append(steps)
    return sessions


@pytest.mark.parametrize("doc", ["README.md", "docs/cli.md"])
def test_documented_sessions_are_real(doc: str, tmp_path: Path) -> None:
    """The console sessions in the docs are what the command prints (update the docs when
    the output improves)."""
    (tmp_path / "seed.txt").write_text(SEED.replace("1400 GMT", "1500 GMT") + "\n", encoding="utf-8")
    (tmp_path / "data").symlink_to(ROOT / "data")
    sessions = _console_sessions((ROOT / doc).read_text(encoding="utf-8"))
    assert sessions
    bindir = str(Path(_command()[0]).parent) if len(_command()) == 1 else None
    if bindir is None:
        pytest.skip("no installed tzsched script beside the interpreter")
    env = _env(PATH=f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}")
    for steps in sessions:
        status = 0
        for command, expected in steps:
            if command == "echo $?":
                assert f"{status}\n" == expected
                continue
            proc = subprocess.run(["sh", "-c", f"{command} 2>&1"], cwd=tmp_path, capture_output=True, text=True,
                                  encoding="utf-8", env=env, timeout=120, check=False)
            status = proc.returncode
            assert proc.stdout == expected, f"{doc}: the output of `{command}` changed"


class TestOutputErrors:
    """Output that cannot be written is one line on stderr and exit 2, like any other
    error: never a traceback."""

    @pytest.mark.parametrize("jobs", ["1", "2"])
    def test_a_full_disk_is_one_line_and_exit_2(self, jobs: str) -> None:
        if not os.path.exists("/dev/full"):
            pytest.skip("no /dev/full on this system")
        with open("/dev/full", "wb") as full:
            proc = subprocess.run([*_command(), "extract", "--jsonl", "-q", "-j", jobs],
                                  input=jsonl(articles(30)).encode(), stdout=full, stderr=subprocess.PIPE,
                                  env=_env(), timeout=300, check=False)
        err = proc.stderr.decode()
        assert proc.returncode == 2, err
        assert err.splitlines() == ["tzsched: cannot write the output: No space left on device"], err

    def test_a_closed_stdout_is_one_line_and_exit_2(self) -> None:
        proc = subprocess.run(["sh", "-c", 'exec "$@" >&-', "sh", *_command(), "extract", "--jsonl", "-q"],
                              input=jsonl(articles(2)), capture_output=True, text=True, env=_env(),
                              timeout=300, check=False)
        assert proc.returncode == 2, proc.stderr
        assert proc.stderr.splitlines() == ["tzsched: cannot write the output: standard output is closed"]

    def test_an_output_dir_that_cannot_be_made_is_one_line_and_exit_2(self, tmp_path: Path) -> None:
        (tmp_path / "plain").write_text("a file, not a directory\n", encoding="utf-8")
        target = tmp_path / "plain" / "reports"
        proc = run("annotate", "--jsonl", "-q", "--output-dir", target, stdin=jsonl(articles(2)))
        assert proc.returncode == 2 and proc.stdout == ""
        assert proc.stderr.splitlines() == [f"tzsched: --output-dir: cannot create {target}: Not a directory"]

    def test_a_long_article_id_still_names_a_file(self, tmp_path: Path) -> None:
        """A file name is at most 255 bytes on most file systems: an id of 300 characters
        stopped the run with 'File name too long'."""
        long_id = "wire-" + "x" * 300
        recs = [{"id": long_id, "text": SENTENCES[0], "published": "2025-05-19T10:00:00-04:00"},
                {"id": long_id, "text": SENTENCES[1], "published": "2025-05-19T10:00:00-04:00"}]
        proc = run("annotate", "--jsonl", "-q", "--format", "jsonl", "--output-dir", tmp_path, stdin=jsonl(recs))
        assert proc.returncode == 0, proc.stderr
        written = sorted(tmp_path.iterdir())
        assert len(written) == 2 and all(len(p.name.encode()) <= 255 for p in written)
        assert all(p.name.startswith("wire-xxx") for p in written)
        ids = {json.loads(p.read_text(encoding="utf-8"))["id"] for p in written}
        assert ids == {long_id}


def on_tty(*args: str | Path) -> tuple[int, bytes]:
    """Run with stdout on a pseudo-terminal whose output processing is off (no \\n ->
    \\r\\n), so the bytes read are exactly those tzsched wrote."""
    import termios

    leader, follower = pty.openpty()
    attrs = termios.tcgetattr(follower)
    attrs[1] &= ~termios.OPOST
    termios.tcsetattr(follower, termios.TCSANOW, attrs)
    try:
        proc = subprocess.Popen([*_command(), *map(str, args)], stdout=follower, stderr=subprocess.DEVNULL,
                                stdin=subprocess.DEVNULL, env=_env())
        os.close(follower)
        output = read_terminal(leader)
        status = proc.wait(timeout=60)
    finally:
        os.close(leader)
    return status, output


def read_terminal(leader: int) -> bytes:
    """Everything written to a pseudo-terminal until its child closes it (or 60 s of silence)."""
    chunks = []
    while select.select([leader], [], [], 60)[0]:
        try:
            data = os.read(leader, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    return b"".join(chunks)


# Control characters a terminal acts on (C0 but tab and newline, DEL, C1), with a lone
# carriage return (which moves the cursor back over what was written).
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")
# An article that tries to set the window title (OSC ... BEL), clear the screen (ESC [2J),
# start a C1 control sequence (U+009B) and overwrite a line with a lone carriage return;
# its tab and CRLF line end are ordinary text.
HOSTILE = ("Talks open at 5 p.m. Moscow time (1400 GMT).\x1b]0;pwned\x07 Then\x1b[2J a\x00b\x9b1m c\rd e\tf.\r\n"
           "Putin and Trump will speak at 5 p.m. Moscow time (1500 GMT).\x1b[8m\r\n")


class TestControlCharacters:
    @pytest.fixture()
    def hostile_file(self, tmp_path: Path) -> Path:
        path = tmp_path / "hostile.txt"
        path.write_bytes(HOSTILE.encode("utf-8"))
        return path

    def test_a_terminal_sees_control_characters_as_escapes(self, hostile_file: Path) -> None:
        status, out = on_tty("annotate", *SEED_CTX, "--no-color", hostile_file)
        assert status == 0
        text = out.decode("utf-8")
        assert not RAW_CONTROL.search(text), text
        for shown in ("\\x1b]0;pwned\\x07", "\\x1b[2J", "a\\x00b", "\\x9b1m", "c\\rd", "e\tf", "\\x1b[8m\r\n"):
            assert shown in text
        assert "5 p.m. Moscow time [2025-05-19T14:00Z]" in text

    def test_colour_codes_are_the_only_escapes_on_a_terminal(self, hostile_file: Path) -> None:
        status, out = on_tty("annotate", *SEED_CTX, hostile_file)
        assert status == 0
        text = out.decode("utf-8")
        assert ANSI.search(text)  # coloured: it is a terminal
        assert not RAW_CONTROL.search(re.sub(r"\x1b\[[0-9;]*m", "", text)), text
        assert "\\x1b[2J" in text

    def test_piped_output_stays_byte_exact(self, hostile_file: Path) -> None:
        proc = run_bytes("annotate", *SEED_CTX, hostile_file)
        assert proc.returncode == 0
        assert b"[2025-05-19T14:00Z]" in proc.stdout
        assert re.sub(rb" \[[^\]]*\]", b"", proc.stdout) == HOSTILE.encode("utf-8")

    def test_check_on_a_terminal_shows_control_characters_as_escapes(self, hostile_file: Path) -> None:
        status, out = on_tty("check", *SEED_CTX, "--no-color", hostile_file)
        assert status == 1  # the second sentence disagrees
        text = out.decode("utf-8")
        assert "restatements disagree" in text
        assert not RAW_CONTROL.search(text), text
        assert "\\x1b[8m" in text

    def test_check_piped_keeps_the_text_raw(self, hostile_file: Path) -> None:
        proc = run_bytes("check", *SEED_CTX, hostile_file)
        assert proc.returncode == 1
        assert b"(1500 GMT).\x1b[8m" in proc.stdout

    def test_an_article_id_stays_on_its_line(self) -> None:
        """An id is a label: a newline or an escape in it must not break the one-line
        header or location, on a terminal or not."""
        bad = SEED.replace("1400", "1500")
        recs = [{"id": "a\nb", "text": SENTENCES[0], "published": "2025-05-19T10:00:00-04:00"},
                {"id": "x\x1b[2Jy\r", "text": bad, "published": "2025-05-19T10:00:00-04:00"}]
        proc = run_bytes("annotate", "--jsonl", "-q", stdin=jsonl(recs).encode())
        assert proc.returncode == 0
        headers = [line for line in proc.stdout.decode().split("\n") if line.startswith("==>")]
        assert headers == ["==> a\\nb <==", "==> x\\x1b[2Jy\\r <=="]
        check = run_bytes("check", "--jsonl", "-q", stdin=jsonl(recs).encode())
        assert check.returncode == 1
        assert check.stdout.decode().split("\n")[0] == \
            "-:2: id x\\x1b[2Jy\\r: restatements disagree by 1 h (dst_slip)"


class TestCliWording:
    def test_a_naive_published_names_the_cli_options(self, seed_file: Path) -> None:
        proc = run("annotate", "--published", "2025-05-20T10:00:00", seed_file)
        assert proc.returncode == 2 and proc.stdout == ""
        assert proc.stderr.startswith("tzsched: --published 2025-05-20T10:00:00 has no offset"), proc.stderr
        assert "--home ZONE" in proc.stderr
        assert "assume_utc" not in proc.stderr and "home=ZONE" not in proc.stderr
        # the library keeps its own wording, which names its own arguments
        with pytest.raises(tzsched.ContextError, match="assume_utc=True"):
            tzsched.Context.parse("2025-05-20T10:00:00")

    def test_a_naive_published_in_a_record_names_the_field_and_option(self) -> None:
        rec = {"id": "n", "text": SEED, "published": "2025-05-20T10:00:00"}
        for command in ("annotate", "check"):
            proc = run(command, "--jsonl", "-q", stdin=jsonl([rec]))
            assert proc.returncode == 2
            assert proc.stderr.startswith("tzsched: -:1: published '2025-05-20T10:00:00' has no offset")
            assert '"home"' in proc.stderr and "--home ZONE" in proc.stderr
            assert "assume_utc" not in proc.stderr and "home=ZONE" not in proc.stderr
        ex = run("extract", "--jsonl", "-q", stdin=jsonl([rec]))
        error = json.loads(ex.stdout)["error"]
        assert error["code"] == "bad_context"  # the code is the contract; the wording is the CLI's
        assert '"home"' in error["message"] and "assume_utc" not in error["message"]
        assert "--home" not in error["message"]  # extract has no --home
        # a naive instant with a home (the record's or --home) is read in that zone
        assert run("annotate", "--jsonl", "-q", "--home", "Europe/Zurich", stdin=jsonl([rec])).returncode == 0

    def test_a_bad_line_names_its_location_once(self) -> None:
        stream = jsonl(articles(1)) + "{oops\n\n" + '"\xff"\n'
        data = stream.encode("utf-8").replace("\xff".encode(), b"\xff")
        proc = run_bytes("annotate", "--jsonl", "-q", stdin=data)
        assert proc.returncode == 2
        assert proc.stderr.decode().splitlines() == [
            "tzsched: -:2: Expecting property name enclosed in double quotes",
            "tzsched: -:3: the line is empty",
            "tzsched: -:4: not UTF-8 at byte 1",
        ]
        # the error records (annotate --format jsonl, extract) name the line themselves
        records = run_bytes("annotate", "--jsonl", "-q", "--format", "jsonl", stdin=data)
        extracted = run_bytes("extract", "--jsonl", "-q", stdin=data)
        errors = [json.loads(line)["error"] for line in records.stdout.decode().splitlines()[1:]]
        assert errors == [json.loads(line)["error"] for line in extracted.stdout.decode().splitlines()[1:]]
        assert [e["message"] for e in errors] == [
            "line 2: Expecting property name enclosed in double quotes", "line 3 is empty",
            "line 4: not UTF-8 at byte 1"]
