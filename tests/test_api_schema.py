"""Schemathesis against /openapi.json, with the ASGI app in-process: no input
the schema allows (or nearly allows) may make the server answer 5xx."""

from __future__ import annotations

import atexit
import shutil
import tempfile

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error, positive_data_acceptance

from flashpoint.api import Settings, create_app
from flashpoint.store import open_store
from test_api import TOKEN, documents

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _app():
    # Built at import: schemathesis reads the schema while pytest collects.
    folder = tempfile.mkdtemp(prefix="flashpoint-fuzz-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    store = open_store(f"sqlite:///{folder}/events.db")
    atexit.register(store.close)
    store.add_documents(documents())
    return create_app(Settings(token=TOKEN), store=store)


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case):
    case.call_and_validate(headers=AUTH, checks=[not_a_server_error])


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_responses_conform_to_the_schema(case):
    """The default checks (status codes, content types, response schemas, ...),
    less "schema-valid data must be accepted": a range such as since <= until
    or near's lat in [-90, 90] cannot be said in OpenAPI, so such queries are
    rightly answered 422."""
    case.call_and_validate(headers=AUTH, excluded_checks=[positive_data_acceptance])
