"""How one API server is configured (from arguments or the environment)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Optional

from flashpoint.text.limits import EXTRACT_SECONDS

MAX_BODY_BYTES = 1_000_000


@dataclass(frozen=True)
class Settings:
    """Server settings; ``None`` db_url means $FLASHPOINT_DB or the default file."""

    db_url: Optional[str] = None
    token: Optional[str] = None  # FLASHPOINT_TOKEN: required for writes; writes are off without it
    private_reads: bool = False  # when true, reads need the token too
    tile_url: Optional[str] = None  # e.g. an OSM-style {z}/{x}/{y} URL; None = offline borders only
    max_body_bytes: int = MAX_BODY_BYTES
    extract_seconds: float = EXTRACT_SECONDS  # a posted article's extraction time budget

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        """Settings from FLASHPOINT_* variables, with explicit overrides winning."""
        env = {
            "db_url": os.environ.get("FLASHPOINT_DB") or None,
            "token": os.environ.get("FLASHPOINT_TOKEN") or None,
            "private_reads": os.environ.get("FLASHPOINT_PRIVATE_READS", "") not in ("", "0", "false"),
            "tile_url": os.environ.get("FLASHPOINT_TILE_URL") or None,
        }
        env.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**env)
