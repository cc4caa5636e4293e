"""Limits on one article: input size, sentence length, extraction time."""

MAX_ARTICLE_BYTES = 5 * 1024 * 1024  # 5 MB per article (file, stdin or JSON line)
_MB = 1024 * 1024
# A longer run of tokens with no sentence end is cut before parsing: the parse
# and the rules that walk a sentence grow faster than linearly with its length.
MAX_SENTENCE_TOKENS = 150
# Text is parsed in windows of at most this many characters (cut at paragraph
# or line breaks): spaCy refuses a text over 1,000,000 and its memory grows with
# the length of what it parses at once.
PARSE_WINDOW_CHARS = 100_000
# Seconds an article may go without progress before its extraction is stopped
# and recorded as an error (ingest, the API).
EXTRACT_SECONDS = 120.0


def too_large(size: int | None) -> str:
    """The error reason for an input of ``size`` bytes (None when unknown)."""
    limit = f"limit {MAX_ARTICLE_BYTES // _MB} MB"
    if size is None:
        return f"too large (over {MAX_ARTICLE_BYTES // _MB} MB; {limit})"
    return f"too large ({size / _MB:.1f} MB; {limit})"
