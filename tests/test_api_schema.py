"""Schemathesis against /openapi.json, with the ASGI app in-process: no input
the schema allows (or nearly allows) may make the server answer 5xx."""

from __future__ import annotations

import atexit
import shutil
import tempfile

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import negative_data_rejection, not_a_server_error, positive_data_acceptance
from schemathesis.config import SchemathesisConfig
from schemathesis.config._checks import NEGATIVE_DATA_REJECTION_EXPECTED_STATUSES

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


# 413 (body over the size limit) is a right answer to data the schema forbids, too.
CONFIG = SchemathesisConfig.from_dict(
    {"checks": {"negative_data_rejection": {"expected-statuses": [*NEGATIVE_DATA_REJECTION_EXPECTED_STATUSES, "413"]}}}
)
schema = schemathesis.openapi.from_asgi("/openapi.json", _app(), config=CONFIG)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
def test_no_server_errors(case):
    case.call_and_validate(headers=AUTH, checks=[not_a_server_error])


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), database=None)
def test_responses_conform_to_the_schema(case):
    """The default checks (status codes, content types, response schemas, ...),
    less "schema-valid data must be accepted": a range such as since <= until
    or near's lat in [-90, 90] cannot be said in OpenAPI, so such queries are
    rightly answered 422. Bad bodies are also tested one by one in test_api.py."""
    excluded = [positive_data_acceptance]
    if case.media_type == "text/plain":
        # any text is a valid text/plain body; "wrong type" cases sent as text are not wrong
        excluded.append(negative_data_rejection)
    elif case.method.upper() == "POST":
        # We always send the token, which undoes schemathesis' "Authorization missing"
        # mutation, and unknown query parameters are ignored by design; the missing- and
        # wrong-token answers (401/403) are tested one by one in test_api.py.
        excluded.append(negative_data_rejection)
    case.call_and_validate(headers=AUTH, excluded_checks=excluded)
