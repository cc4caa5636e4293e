"""`flashpoint extract` as a user runs it: JSON out, one-line errors for bad input."""

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = Path(__file__).parent / "data" / "articles" / "clash.txt"


def run(*args, stdin=b""):
    proc = subprocess.run([sys.executable, "-m", "flashpoint.cli", "extract", *map(str, args)],
                          input=stdin, capture_output=True, timeout=120)
    return proc.returncode, proc.stdout.decode(), proc.stderr.decode()


def test_extract_prints_json_with_events_and_text():
    code, out, err = run(ARTICLE)
    assert code == 0, err
    data = json.loads(out)
    assert data["article"]["date"] == "2022-09-05"
    assert data["events"][0]["sub_event_type"] == "Armed clash"
    text = data["article"]["text"]
    ev = data["events"][0]["evidence"]
    assert text[ev["sentence_start"]:ev["sentence_end"]] == ev["sentence"]


def test_extract_reads_stdin_and_date_option():
    code, out, err = run("-", "--date", "2022-09-05", stdin=ARTICLE.read_bytes().split(b"\n", 2)[2])
    assert code == 0, err
    assert json.loads(out)["events"][0]["date"]["start"] == "2022-09-04"


def bad_inputs(tmp: Path):
    (tmp / "empty.txt").write_bytes(b"")
    (tmp / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp / "huge.txt").write_bytes(b"word " * 4_200_000)  # 21 MB
    (tmp / "bad.jsonl").write_bytes(b"{not json\n")
    (tmp / "notext.jsonl").write_bytes(b'{"title": "no text"}\n')
    (tmp / "broken.jsonl.gz").write_bytes(gzip.compress(b'{"text": "x"}\n')[:20])
    (tmp / "hostile.html").write_bytes(b"<html><script>while(1){}</script>" + b"<div>" * 50_000 + b"</html>")
    return ["empty.txt", "binary.txt", "huge.txt", "bad.jsonl", "notext.jsonl", "broken.jsonl.gz",
            "hostile.html", "missing.txt"]


@pytest.mark.parametrize("name", [
    "empty.txt", "binary.txt", "huge.txt", "bad.jsonl", "notext.jsonl", "broken.jsonl.gz",
    "hostile.html", "missing.txt"])
def test_bad_input_gives_one_line_error_naming_it(tmp_path, name):
    bad_inputs(tmp_path)
    code, out, err = run(tmp_path / name)
    assert code != 0
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert name in lines[0]
    assert "Traceback" not in err
