"""The REST API over the store: ``create_app(settings)`` returns the FastAPI app
(which also serves the web page). See docs/api.md."""

from flashpoint.api.app import create_app
from flashpoint.api.settings import Settings

__all__ = ["create_app", "Settings"]
