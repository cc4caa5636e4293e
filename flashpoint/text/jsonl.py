"""Articles from JSON Lines: one object per line with ``text`` and optional metadata."""

from __future__ import annotations

import json
import zlib
from typing import BinaryIO, Iterator

from flashpoint.errors import InputError
from flashpoint.model import Article
from flashpoint.text.article import make_article
from flashpoint.text.decode import decode_bytes
from flashpoint.text.limits import MAX_ARTICLE_BYTES, too_large

_OPTIONAL = ("date", "url", "title", "id", "outlet", "source", "publisher", "site_name")
# Fields that name the publishing outlet, in the order they are trusted.
_OUTLET_FIELDS = ("outlet", "publisher", "site_name", "source")
_SKIP_CHUNK = 1024 * 1024


def jsonl_records(stream: BinaryIO, name: str) -> Iterator[Article | InputError]:
    """Yield an Article or an InputError (named ``name:LINE``) per non-blank line.

    A bad line does not stop the reading; a corrupt or truncated gzip stream
    does (after an error naming the line it broke at).
    """
    lineno, found = 0, False
    while True:
        try:
            lineno += _skip_blank_lines(stream)
            line = stream.readline(MAX_ARTICLE_BYTES + 1)
            lineno += 1
            where = f"{name}:{lineno}"
            if len(line) > MAX_ARTICLE_BYTES and not line.endswith(b"\n"):
                size = len(line) + _skip_line(stream)
                yield InputError(where, too_large(size))
                continue
        except (OSError, EOFError, zlib.error) as error:
            yield InputError(f"{name}:{lineno + 1}", f"corrupt compressed data ({error})")
            return
        if not line:
            if not found:  # a file of blank lines is an input that failed, not a silent success
                yield InputError(name, "no articles found (no JSON lines, only blank lines)")
            return
        if line.strip():
            found = True
            yield _record(line, where)


def _skip_blank_lines(stream: BinaryIO) -> int:
    """Read past whitespace-only lines in big blocks; return how many lines that was.

    A line at a time, 100 MB of blank lines took 23 s."""
    peek = getattr(stream, "peek", None)
    if peek is None:
        return 0
    skipped = 0
    while True:
        data = peek(_SKIP_CHUNK)[:_SKIP_CHUNK]
        blank = len(data) - len(data.lstrip(b" \t\r\n"))
        blank = data.rfind(b"\n", 0, blank) + 1  # whole lines only: a JSON line keeps its indent
        if blank == 0:
            return skipped
        skipped += data.count(b"\n", 0, blank)
        stream.read(blank)


def _skip_line(stream: BinaryIO) -> int:
    """Read past the rest of an over-long line; return how many bytes it had."""
    skipped = 0
    while True:
        chunk = stream.readline(_SKIP_CHUNK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def _record(line: bytes, where: str) -> Article | InputError:
    """One JSON line to an Article, or the InputError saying what is wrong."""
    try:
        data = json.loads(decode_bytes(line, where))
    except json.JSONDecodeError as error:
        reason = error.msg.removesuffix(" at")  # some messages end "... at", expecting a position
        return InputError(where, f"not valid JSON ({reason} at column {error.colno})")
    except RecursionError:
        return InputError(where, "JSON nested too deeply")
    except InputError as error:
        return error
    if not isinstance(data, dict):
        return InputError(where, f"not a JSON object (got {type(data).__name__})")
    text = data.get("text")
    if text is None:
        return InputError(where, "no 'text' field")
    if not isinstance(text, str):
        return InputError(where, "'text' must be a string")
    for key in _OPTIONAL:
        if data.get(key) is not None and not isinstance(data[key], (str, int) if key == "id" else str):
            return InputError(where, f"'{key}' must be a string")
    try:
        # "id" is accepted but Article.id is always the content hash.
        return make_article(text, date=data.get("date"), url=data.get("url"), title=data.get("title"), source=where,
                            outlet=next((data[k] for k in _OUTLET_FIELDS if data.get(k)), None))
    except InputError as error:
        return error
