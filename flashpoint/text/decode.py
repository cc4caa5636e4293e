"""Bytes to text: refuse binary data, decode UTF-8 with a Windows-1252 fallback."""

from __future__ import annotations

import codecs

from flashpoint.errors import InputError

_SAMPLE = 64 * 1024  # bytes inspected to decide whether data is text
# Control bytes that do occur in text files: tab, newline, form feed, CR, ESC.
_TEXT_CONTROLS = {0x09, 0x0A, 0x0C, 0x0D, 0x1B}
_MAX_CONTROL_SHARE = 0.02
_MAX_INVALID_SHARE = 0.3  # bytes that are neither ASCII nor UTF-8, of all
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _cp1252_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejected as Windows-1252 (Latin-1 if undefined)."""
    bad = error.object[error.start : error.end]
    return "".join(_cp1252_byte(b) for b in bad), error.end


def _cp1252_byte(b: int) -> str:
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(b)


codecs.register_error("flashpoint-cp1252", _cp1252_fallback)


def decode_bytes(data: bytes, name: str) -> str:
    """Decode article bytes to text, or raise ``InputError(name, ...)``.

    A UTF-8 or UTF-16 byte-order mark decides the encoding. Otherwise the
    bytes are read as UTF-8, and any byte sequence that is not valid UTF-8 is
    read as Windows-1252 (the usual encoding of such files, and the right
    reading of a UTF-8 file with a few Windows-1252 characters pasted in;
    ftfy repairs any mojibake later). Data is refused as binary if it holds
    NUL bytes or more than 2% control bytes, or when more than 30% of its
    bytes are neither ASCII nor valid UTF-8 (random or compressed data, or
    a single-byte encoding other than Windows-1252 that cannot be told apart).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise InputError(name, f"invalid {encoding.upper()} after its byte-order mark") from None
    if b"\x00" in data:
        raise InputError(name, "binary file (NUL bytes), not text")
    sample = data[:_SAMPLE]
    controls = sum(1 for b in sample if b < 0x20 and b not in _TEXT_CONTROLS) + sample.count(0x7F)
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise InputError(name, "binary file (control bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    non_ascii = sum(1 for b in sample if b >= 0x80)
    valid = sample.decode("utf-8", errors="ignore")
    valid_non_ascii = sum(len(ch.encode("utf-8")) for ch in valid if ord(ch) >= 0x80)
    if non_ascii - valid_non_ascii > _MAX_INVALID_SHARE * len(sample):
        raise InputError(name, "not text: neither UTF-8 nor plausible Windows-1252")
    return data.decode("utf-8", errors="flashpoint-cp1252")
