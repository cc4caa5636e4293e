"""Size limit on one article's input."""

MAX_ARTICLE_BYTES = 5 * 1024 * 1024  # 5 MB per article (file, stdin or JSON line)
_MB = 1024 * 1024


def too_large(size: int | None) -> str:
    """The error reason for an input of ``size`` bytes (None when unknown)."""
    limit = f"limit {MAX_ARTICLE_BYTES // _MB} MB"
    if size is None:
        return f"too large (over {MAX_ARTICLE_BYTES // _MB} MB; {limit})"
    return f"too large ({size / _MB:.1f} MB; {limit})"
