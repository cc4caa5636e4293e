"""Tests for reading inputs: formats, stdin, folders and every kind of bad input."""

import datetime as dt
import gzip
import io
import json
import random
import sys
from pathlib import Path

import pytest

from flashpoint.errors import InputError
from flashpoint.model import Article
from flashpoint.text import MAX_ARTICLE_BYTES, iter_input_files, read_one, read_records

DATA = Path(__file__).parent / "data" / "text"
ARTICLE = "Five soldiers were killed in Idlib on Monday, officials said."


def one_error(path) -> InputError:
    """The single record of ``path``, which must be an InputError naming it."""
    records = list(read_records(str(path)))
    assert len(records) == 1
    error = records[0]
    assert isinstance(error, InputError), error
    message = str(error)
    assert message.startswith(f"{path}"), message
    assert "\n" not in message
    return error


def fake_stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


# --- plain text -----------------------------------------------------------------


def test_txt_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("date 2020-02-10\n\n" + ARTICLE + "\n", encoding="utf-8")
    article = read_one(str(path))
    assert article.text == ARTICLE
    assert article.date == dt.date(2020, 2, 10)
    assert article.source == str(path)


def test_cp1252_file_is_decoded(tmp_path):
    path = tmp_path / "w.txt"
    path.write_bytes(b"The minister\x92s caf\xe9 statement \x93here\x94.")
    assert read_one(str(path)).text == "The minister’s café statement “here”."


def test_utf8_with_a_stray_cp1252_byte(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes("Café in Saraqeb – ".encode() + b"the army\x92s attack")
    assert read_one(str(path)).text == "Café in Saraqeb – the army’s attack"


def test_utf16_with_bom(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes(b"\xff\xfe" + ARTICLE.encode("utf-16-le"))
    assert read_one(str(path)).text == ARTICLE


def test_utf8_bom_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode())
    assert read_one(str(path)).text == ARTICLE


# --- bad inputs --------------------------------------------------------------


def test_missing_file(tmp_path):
    path = tmp_path / "nope.txt"
    assert "no such file" in str(one_error(path))
    with pytest.raises(InputError, match="nope.txt"):
        read_one(str(path))


def test_folder_to_read_one(tmp_path):
    with pytest.raises(InputError) as info:
        read_one(str(tmp_path))
    assert str(info.value).startswith(str(tmp_path)) and "folder" in str(info.value)
    assert "folder" in str(one_error(tmp_path))


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert str(one_error(path)).endswith("empty file")


def test_whitespace_file(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \r\n\t\n")
    assert str(one_error(path)).endswith("no article text after cleaning")


def test_binary_with_nul_bytes(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert "binary" in str(one_error(path))


def test_binary_control_bytes_without_nul(tmp_path):
    rng = random.Random(1)
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(rng.randrange(1, 256) for _ in range(4000)))
    assert "binary" in str(one_error(path))


def test_high_bytes_that_are_not_text(tmp_path):
    rng = random.Random(2)
    path = tmp_path / "high.txt"
    path.write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(4000)))
    assert "not text" in str(one_error(path))


def test_large_file_fails_fast(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(20 * 1024 * 1024)  # sparse NUL bytes: reading it would say "binary" instead
    error = one_error(path)
    assert str(error) == f"{path}: too large (20.0 MB; limit 5 MB)"
    with pytest.raises(InputError, match=r"too large \(20\.0 MB; limit 5 MB\)"):
        read_one(str(path))


def test_just_under_the_limit_is_read(tmp_path):
    path = tmp_path / "big.txt"
    sentence = (ARTICLE + " ").encode()
    path.write_bytes(sentence * (MAX_ARTICLE_BYTES // len(sentence)))
    article = read_one(str(path))
    assert article.text.startswith(ARTICLE)


def test_corrupt_gzip(tmp_path):
    path = tmp_path / "bad.jsonl.gz"
    whole = gzip.compress(b"".join(json.dumps({"text": f"{ARTICLE} {i}"}).encode() + b"\n" for i in range(200)))
    path.write_bytes(whole[: len(whole) // 2])
    records = list(read_records(str(path)))
    assert isinstance(records[-1], InputError)
    assert str(records[-1]).startswith(f"{path}:") and "corrupt" in str(records[-1])
    assert all(isinstance(r, Article) for r in records[:-1])


@pytest.mark.parametrize("name", ["damaged.gz", "damaged.jsonl.gz"])
def test_gzip_with_damaged_deflate_data(tmp_path, name):
    data = bytearray(gzip.compress(json.dumps({"text": ARTICLE * 50}).encode() + b"\n"))
    for i in range(20, len(data) - 20, 7):
        data[i] ^= 0x5A
    path = tmp_path / name
    path.write_bytes(bytes(data))
    assert "corrupt compressed data" in str(one_error(path))


@pytest.mark.parametrize("name", ["data.jsonl", "data.jsonl.gz"])
def test_binary_jsonl_is_one_error(tmp_path, name):
    rng = random.Random(3)
    data = bytes(rng.randrange(256) for _ in range(20000))
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    assert "binary" in str(one_error(path))


def test_not_gzip_at_all(tmp_path):
    path = tmp_path / "fake.jsonl.gz"
    path.write_bytes(b"this is not gzip data\n")
    error = one_error(path)
    assert "corrupt" in str(error)


# --- HTML --------------------------------------------------------------------------


def test_html_boilerplate_removed():
    article = read_one(str(DATA / "boilerplate.html"))
    assert "Artillery shelling killed four civilians" in article.text
    assert "rescue teams were still searching" in article.text
    for junk in ("Home", "Subscribe", "cookies", "Copyright", "trackingPixel", "analytics", "font-family",
                 "advertisement", "recipes"):
        assert junk not in article.text
    assert "\n\n" in article.text  # paragraphs kept
    assert article.title == "Shelling kills four in Kharkiv"
    assert article.date == dt.date(2022, 3, 1)
    assert article.url == "https://news.example.org/world/kharkiv-shelling"


def test_short_html_page_keeps_only_the_article(tmp_path):
    path = tmp_path / "short.htm"
    path.write_text(
        "<html><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        "<p>Police fired tear gas at protesters in Nairobi on Friday.</p>"
        "<footer>Copyright 2020 Example</footer></body></html>"
    )
    article = read_one(str(path))
    assert article.text == "Police fired tear gas at protesters in Nairobi on Friday."
    assert (article.title, article.date) == (None, None)


def test_hostile_html_without_body_text(tmp_path):
    depth = 400_000  # about 4.4 MB of nested divs, under the size limit
    page = (
        "<html><head><script>" + "var a = 1;" * 2000 + "</script><style>" + "p{color:red}" * 2000
        + "</style></head><body>" + "<div>" * depth + "</div>" * depth + "</body></html>"
    )
    path = tmp_path / "hostile.html"
    path.write_text(page)
    assert path.stat().st_size < MAX_ARTICLE_BYTES
    assert "no article text" in str(one_error(path))


def test_html_over_the_limit(tmp_path):
    path = tmp_path / "big.html"
    path.write_bytes(b"<html><body>" + b"<div>x</div>" * (MAX_ARTICLE_BYTES // 10) + b"</body></html>")
    assert "too large" in str(one_error(path))


# --- JSON Lines -----------------------------------------------------------------


def write_jsonl(path: Path, lines: list[str], compress=False) -> None:
    data = ("\n".join(lines) + "\n").encode()
    path.write_bytes(gzip.compress(data) if compress else data)


GOOD = json.dumps({"text": ARTICLE, "date": "2020-02-10", "url": "https://x.example/1", "title": "T", "id": "a1"})
GOOD2 = json.dumps({"text": "Protesters gathered in Ankara.", "date": None})


@pytest.mark.parametrize("compress", [False, True])
def test_jsonl_good_malformed_textless_good(tmp_path, compress):
    path = tmp_path / ("feed.jsonl.gz" if compress else "feed.jsonl")
    write_jsonl(path, [GOOD, '{"text": "unterminated', json.dumps({"title": "no text"}), "", GOOD2], compress)
    records = list(read_records(str(path)))
    assert [type(r) for r in records] == [Article, InputError, InputError, Article]
    first, malformed, textless, last = records
    assert (first.text, first.date, first.url, first.title) == (ARTICLE, dt.date(2020, 2, 10), "https://x.example/1", "T")
    assert first.source == f"{path}:1"
    assert str(malformed).startswith(f"{path}:2: ") and "JSON" in str(malformed)
    assert str(textless) == f"{path}:3: no 'text' field"
    assert last.text == "Protesters gathered in Ankara." and last.source == f"{path}:5"


@pytest.mark.parametrize(
    "line, reason",
    [
        ("[1, 2]", "not a JSON object"),
        ('"just a string"', "not a JSON object"),
        ('{"text": 5}', "'text' must be a string"),
        ('{"text": "x", "url": 3}', "'url' must be a string"),
        ('{"text": "x", "date": "31/12/2020"}', "bad date"),
        ('{"text": "   "}', "no article text after cleaning"),
        ("[" * 100_000 + "]" * 100_000, "JSON"),
    ],
)
def test_jsonl_bad_lines(tmp_path, line, reason):
    path = tmp_path / "bad.jsonl"
    write_jsonl(path, [line, GOOD2])
    error, good = list(read_records(str(path)))
    assert isinstance(error, InputError) and str(error).startswith(f"{path}:1: ")
    assert reason in str(error)
    assert isinstance(good, Article)


def test_jsonl_lone_surrogate_becomes_replacement_character(tmp_path):
    path = tmp_path / "surrogate.jsonl"
    write_jsonl(path, ['{"text": "Five \\ud800 soldiers"}'])
    (article,) = read_records(str(path))
    assert article.text == "Five \ufffd soldiers"
    assert len(article.id) == 16


def test_jsonl_line_over_the_limit(tmp_path):
    path = tmp_path / "long.jsonl"
    long_line = json.dumps({"text": "x " * (MAX_ARTICLE_BYTES // 2 + 10)})
    write_jsonl(path, [long_line, GOOD2])
    error, good = list(read_records(str(path)))
    assert str(error).startswith(f"{path}:1: too large (5.0 MB; limit 5 MB)")
    assert good.source == f"{path}:2"


def test_read_one_takes_the_first_record(tmp_path):
    path = tmp_path / "two.jsonl"
    write_jsonl(path, [GOOD, GOOD2])
    assert read_one(str(path)).text == ARTICLE
    bad_first = tmp_path / "badfirst.jsonl"
    write_jsonl(bad_first, ["{oops", GOOD])
    with pytest.raises(InputError, match=rf"^{bad_first}:1: "):
        read_one(str(bad_first))
    empty = tmp_path / "blank.jsonl"
    empty.write_text("\n\n")
    with pytest.raises(InputError, match="no articles"):
        read_one(str(empty))


# --- sniffing and stdin ------------------------------------------------------------


@pytest.mark.parametrize(
    "content, expected",
    [
        (GOOD.encode() + b"\n" + GOOD2.encode(), [ARTICLE, "Protesters gathered in Ankara."]),
        ((DATA / "boilerplate.html").read_bytes(), None),
        (ARTICLE.encode(), [ARTICLE]),
        (gzip.compress(GOOD.encode() + b"\n"), [ARTICLE]),
        (gzip.compress(ARTICLE.encode()), [ARTICLE]),
    ],
)
def test_format_sniffed_without_extension(tmp_path, monkeypatch, content, expected):
    path = tmp_path / "article"
    path.write_bytes(content)
    from_file = [r.text for r in read_records(str(path))]
    fake_stdin(monkeypatch, content)
    from_stdin = list(read_records("-"))
    assert [r.text for r in from_stdin] == from_file
    if expected is None:  # the HTML page
        assert len(from_file) == 1 and from_file[0].startswith("Shelling kills four")
    else:
        assert from_file == expected
    assert from_stdin[0].source.startswith("stdin")


def test_stdin_text(monkeypatch):
    fake_stdin(monkeypatch, b"Date: 2020-02-10\r\n\r\n" + ARTICLE.encode())
    article = read_one("-")
    assert (article.text, article.date, article.source) == (ARTICLE, dt.date(2020, 2, 10), "stdin")


def test_stdin_errors(monkeypatch):
    fake_stdin(monkeypatch, b"")
    with pytest.raises(InputError, match="^stdin: empty input$"):
        read_one("-")
    fake_stdin(monkeypatch, b"x" * (MAX_ARTICLE_BYTES + 10))
    with pytest.raises(InputError, match=r"^stdin: too large \(over 5 MB; limit 5 MB\)$"):
        read_one("-")
    fake_stdin(monkeypatch, b"abc\x00def")
    with pytest.raises(InputError, match="^stdin: binary"):
        read_one("-")


# --- folders -------------------------------------------------------------------


def test_iter_input_files(tmp_path):
    for name in ["b/d.jsonl.gz", "b/c.jsonl", "a.txt", "e.HTML", "z/y/x.htm", ".hidden.txt", ".git/x.txt",
                 "notes.pdf", "b/readme"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    expected = [str(tmp_path / n) for n in ["a.txt", "b/c.jsonl", "b/d.jsonl.gz", "e.HTML", "z/y/x.htm"]]
    assert list(iter_input_files([str(tmp_path)])) == expected
    explicit = ["-", str(tmp_path / "notes.pdf"), str(tmp_path / "missing.txt"), str(tmp_path / "b")]
    assert list(iter_input_files(explicit)) == explicit[:3] + expected[1:3]
    assert list(iter_input_files([str(tmp_path / "z")])) == [str(tmp_path / "z/y/x.htm")]


class ChunkedPipe(io.RawIOBase):
    """A pipe-like stream handing out one chunk per read, like lines typed slowly."""

    def __init__(self, chunks):
        self.chunks = list(chunks)

    def readable(self):
        return True

    def readinto(self, buffer):
        if not self.chunks:
            return 0
        chunk = self.chunks.pop(0)
        buffer[: len(chunk)] = chunk
        return len(chunk)


def test_stdin_jsonl_is_read_as_lines_arrive(monkeypatch):
    pipe = ChunkedPipe([GOOD.encode() + b"\n", GOOD2.encode() + b"\n"])
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(pipe)))
    records = read_records("-")
    first = next(records)
    assert first.text == ARTICLE and first.source == "stdin:1"
    assert len(pipe.chunks) == 1  # the second line had not been asked for yet
    assert [r.source for r in records] == ["stdin:2"]
