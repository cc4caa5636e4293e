"""How many quotes a /quotes query matches over all pages (the same conditions as Store.quotes)."""

from __future__ import annotations

from sqlalchemy import false, func, select

from flashpoint.store.schema import quotes


def count_quotes(store, speaker: str | None = None, article_id: str | None = None) -> int:
    """The number of quotes ``store.quotes(speaker, article_id)`` would return without a limit."""
    query = select(func.count()).select_from(quotes)
    if speaker:
        pattern = speaker.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(func.lower(quotes.c.speaker).like(f"%{pattern}%", escape="\\")
                            if "\x00" not in speaker else false())
    if article_id:
        query = query.where(quotes.c.article_id == article_id)
    with store.engine.connect() as conn:
        return conn.scalar(query) or 0
