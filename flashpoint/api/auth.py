"""Bearer-token checks: writes always need FLASHPOINT_TOKEN; reads only when told to."""

from __future__ import annotations

import hmac
from typing import Optional

from fastapi import HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

bearer = HTTPBearer(auto_error=False, description="the server's FLASHPOINT_TOKEN")


def _matches(credentials: Optional[HTTPAuthorizationCredentials], token: str) -> bool:
    return credentials is not None and hmac.compare_digest(credentials.credentials.encode(), token.encode())


def check_token(request: Request, credentials: Optional[HTTPAuthorizationCredentials], *, write: bool) -> None:
    """Raise 401/403 unless the request may go on (the app's settings decide)."""
    settings = request.app.state.settings
    if not write and not settings.private_reads:
        return
    if not settings.token:
        if not write:
            raise HTTPException(403, detail="reads are private but no token is configured: "
                                            "start the server with FLASHPOINT_TOKEN set")
        raise HTTPException(403, detail="writes are disabled: start the server with FLASHPOINT_TOKEN set")
    if not _matches(credentials, settings.token):
        raise HTTPException(
            401,
            detail="missing or wrong token: send 'Authorization: Bearer <FLASHPOINT_TOKEN>'",
            headers={"WWW-Authenticate": "Bearer"},
        )
