"""Alembic migrations of the flashpoint store (run by open_store)."""
