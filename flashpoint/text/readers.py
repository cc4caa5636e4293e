"""Read input files (or stdin) into Articles, reporting bad input as values."""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from typing import BinaryIO, Callable, Iterable, Iterator

from flashpoint.errors import InputError
from flashpoint.model import Article
from flashpoint.text.article import make_article
from flashpoint.text.decode import decode_bytes
from flashpoint.text.html import article_from_html
from flashpoint.text.jsonl import jsonl_records
from flashpoint.text.limits import MAX_ARTICLE_BYTES, too_large
from flashpoint.text.unicode_safe import display_path

STDIN = "-"
STDIN_NAME = "stdin"
# File name endings read in each format; anything else is sniffed.
FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonl.gz": "jsonl.gz",
    ".ndjson.gz": "jsonl.gz",
}
_GZIP_MAGIC = b"\x1f\x8b"
_SNIFF_BYTES = 8192
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<div", b"<p>", b"<p ")


def iter_input_files(paths: Iterable[str], on_error: Callable[[InputError], None] | None = None) -> Iterator[str]:
    """Expand folders (recursively, sorted) to the supported files inside.

    Files and ``-`` pass through unchanged, even missing ones, so that
    ``read_records`` can report them. Hidden files and folders are skipped,
    as are files whose name has no supported ending (see ``FORMATS``).
    Inside a folder only regular files are read (a FIFO named ``x.txt`` would
    block forever); such entries and unreadable subfolders are passed to
    ``on_error`` as InputErrors (ignored when it is None).
    """
    report = on_error or (lambda error: None)
    for path in paths:
        if path == STDIN or not os.path.isdir(path):
            yield path
            continue
        found = []

        def unreadable(error: OSError, report=report) -> None:
            where = display_path(os.fsdecode(error.filename)) if error.filename else display_path(path)
            report(InputError(where, f"cannot read folder ({error.strerror or error})"))

        for folder, subfolders, files in os.walk(path, onerror=unreadable):
            subfolders[:] = [d for d in subfolders if not d.startswith(".")]
            for f in files:
                if f.startswith(".") or not format_by_name(f):
                    continue
                full = os.path.join(folder, f)
                if os.path.isfile(full):
                    found.append(full)
                else:
                    report(InputError(display_path(full), "not a regular file (a FIFO, socket or device); skipped"))
        yield from sorted(found)


def format_by_name(path: str) -> str | None:
    """The input format a file name promises, or None if it does not say."""
    lower = path.lower()
    for ending, kind in FORMATS.items():
        if lower.endswith(ending):
            return kind
    return None


def read_records(path_or_dash: str) -> Iterator[Article | InputError]:
    """Yield the Articles in one input, and InputErrors for what is unreadable.

    ``-`` reads bytes from stdin. The format comes from the file name (see
    ``FORMATS``) or, failing that, from the content: gzip data is
    decompressed and looked at again; ``{`` starts JSON Lines; tags make
    HTML; anything else is one plain-text article. Errors are yielded, not
    raised, so a caller can record them and carry on; a bad JSON line is
    followed by the lines after it.
    """
    name = STDIN_NAME if path_or_dash == STDIN else display_path(path_or_dash)
    try:
        with _open(path_or_dash, name) as (stream, size):
            kind = format_by_name(path_or_dash) if path_or_dash != STDIN else None
            yield from _read_stream(stream, name, kind, size)
    except InputError as error:
        yield error


def read_one(path_or_dash: str) -> Article:
    """The first article of one input; raises its InputError if it is one."""
    if path_or_dash != STDIN and os.path.isdir(path_or_dash):
        raise InputError(path_or_dash, "is a folder; give one file (ingest reads folders)")
    records = read_records(path_or_dash)
    try:
        first = next(records, None)
    finally:
        records.close()
    if first is None:
        raise InputError(STDIN_NAME if path_or_dash == STDIN else path_or_dash, "no articles found")
    if isinstance(first, InputError):
        raise first
    return first


class _open:
    """Context manager giving (binary stream, size in bytes or None)."""

    def __init__(self, path: str, name: str | None = None):
        self.path = path
        self.name = name or path
        self.file: BinaryIO | None = None

    def __enter__(self) -> tuple[BinaryIO, int | None]:
        if self.path == STDIN:
            return sys.stdin.buffer, None
        if not os.path.exists(self.path):
            raise InputError(self.name, "no such file")
        if os.path.isdir(self.path):
            raise InputError(self.name, "is a folder, not a file")
        try:
            self.file = open(self.path, "rb")
            stat = os.fstat(self.file.fileno())
        except OSError as error:
            raise InputError(self.name, f"cannot read ({error.strerror or error})") from None
        # Pipes and devices have no meaningful size; the read limit covers them.
        size = stat.st_size if os.path.isfile(self.path) else None
        return self.file, size

    def __exit__(self, *exc) -> None:
        if self.file is not None:
            self.file.close()


def _read_stream(stream: BinaryIO, name: str, kind: str | None, size: int | None) -> Iterator[Article | InputError]:
    """Dispatch one opened input to the reader for its format."""
    if kind == "jsonl.gz":
        stream, kind = gzip.GzipFile(fileobj=stream, mode="rb"), "jsonl"
    if kind == "jsonl":
        head = _read_head(stream, name)
        stream = io.BufferedReader(_Rewound(head, stream))
    if kind is None:
        head = _read_head(stream, name)
        stream = io.BufferedReader(_Rewound(head, stream))
        if head.startswith(_GZIP_MAGIC):
            size = None
            stream = gzip.GzipFile(fileobj=stream, mode="rb")
            head = _read_head(stream, name)
            stream = io.BufferedReader(_Rewound(head, stream))
        kind = _sniff(head)
    if kind == "jsonl":
        if b"\x00" in head:  # one error for the file, not one per "line" of binary data
            raise InputError(name, "binary file (NUL bytes), not JSON Lines")
        yield from jsonl_records(stream, name)
        return
    text = decode_bytes(_read_article_bytes(stream, name, size), name)
    if kind == "html":
        yield article_from_html(text, name)
    else:
        yield make_article(text, source=name)


def _read_article_bytes(stream: BinaryIO, name: str, size: int | None) -> bytes:
    """All bytes of a one-article input, refusing empty or over-limit ones early."""
    if size is not None and size > MAX_ARTICLE_BYTES:
        raise InputError(name, too_large(size))
    data = _read_exactly(stream, MAX_ARTICLE_BYTES + 1, name)
    if len(data) > MAX_ARTICLE_BYTES:
        raise InputError(name, too_large(size))
    if not data:
        raise InputError(name, "empty file" if name != STDIN_NAME else "empty input")
    return data


def _read_exactly(stream: BinaryIO, limit: int, name: str) -> bytes:
    """Read up to ``limit`` bytes (fewer only at the end of the stream)."""
    chunks, total = [], 0
    try:
        while total < limit:
            chunk = stream.read(limit - total)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except (OSError, EOFError, zlib.error) as error:
        raise _read_failure(name, error) from None
    return b"".join(chunks)


def _read_head(stream: BinaryIO, name: str) -> bytes:
    """The first bytes of a stream, enough to tell its format.

    Stops early once the format is clear, so that JSON lines piped in one
    by one are handled as they arrive.
    """
    head = b""
    read = getattr(stream, "read1", stream.read)
    try:
        while len(head) < _SNIFF_BYTES:
            chunk = read(_SNIFF_BYTES - len(head))
            if not chunk:
                break
            head += chunk
            start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
            if head.startswith(_GZIP_MAGIC) or start.startswith(b"{"):
                break
    except (OSError, EOFError, zlib.error) as error:
        raise _read_failure(name, error) from None
    return head


def _read_failure(name: str, error: Exception) -> InputError:
    """The InputError for a failed read; decompression errors say so."""
    if isinstance(error, (gzip.BadGzipFile, EOFError, zlib.error)):
        return InputError(name, f"corrupt compressed data ({error})")
    return InputError(name, f"cannot read ({error})")


def _sniff(head: bytes) -> str:
    """Guess the format of an input from its first bytes."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"{"):
        return "jsonl"
    lower = start[:_SNIFF_BYTES].lower()
    if lower.startswith(b"<") and any(marker in lower for marker in _HTML_MARKERS):
        return "html"
    return "text"


class _Rewound(io.RawIOBase):
    """A stream that first replays bytes already read from another stream."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self.head = head
        self.rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        # read1 returns what is available, so piped JSON lines flow as they come
        data = getattr(self.rest, "read1", self.rest.read)(len(buffer))
        buffer[: len(data)] = data
        return len(data)
