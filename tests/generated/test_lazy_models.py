"""A process loads only the generated models it uses.

The models package exports its names lazily (the project's
``models_init.py.jinja``), and the client imports each operation and its
models when the operation is first built. Each check runs in a fresh
interpreter, where ``sys.modules`` shows what was loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import pachca_profile_api.models as models

LOADED = """
import json, sys
print(json.dumps(sorted(
    name.rpartition(".")[2]
    for name in sys.modules
    if name.startswith("pachca_profile_api.models.")
)))
"""

PROFILE_CALL = """\
import httpx
from pachca_profile import PachcaClient

body = {"data": {
    "id": 12, "first_name": "Ada", "last_name": None, "nickname": "ada",
    "email": None, "phone_number": None, "department": None, "title": None,
    "role": "user", "suspended": False, "invite_status": "confirmed",
    "inviter_id": None, "list_tags": [], "custom_properties": [],
    "user_status": None, "bot": False, "sso": False,
    "created_at": "2024-01-02T03:04:05.000Z", "last_activity_at": None,
    "time_zone": "Europe/London", "image_url": None,
}}
transport = httpx.MockTransport(lambda request: httpx.Response(200, json=body))
with PachcaClient(token="t", base_url="http://127.0.0.1", transport=transport) as c:
    assert c.get_profile().nickname == "ada"
"""

THREADED_FIRST_CALLS = """\
import threading
import httpx
from pachca_profile import PachcaClient

status = {"emoji": "x", "title": "t", "expires_at": None, "is_away": False,
          "away_message": None}
bodies = {
    "/profile/status": {"data": status},
    "/custom_properties": {"data": [{"id": 7, "name": "City", "data_type": "string"}]},
    "/profile/avatar": {"data": {"image_url": "https://example.test/a.png"}},
    "/oauth/token/info": {"data": {
        "id": 3, "token": "cH5k", "name": "CI", "user_id": 12,
        "scopes": ["profile:read"], "created_at": "2026-01-01T00:00:00.000Z",
        "revoked_at": None, "expires_in": None, "last_used_at": None,
    }},
}

def answer(request):
    if request.method == "DELETE":
        return httpx.Response(204)
    return httpx.Response(200, json=bodies[request.url.path])

client = PachcaClient(
    token="t", base_url="http://127.0.0.1", rate_limit=None,
    transport=httpx.MockTransport(answer),
)
calls = [
    client.get_status,
    lambda: client.set_status(emoji="x", title="t"),
    client.clear_status,
    client.list_custom_properties,
    lambda: client.set_avatar(b"\\x89PNG\\r\\n\\x1a\\n" + bytes(16)),
    client.delete_avatar,
    client.get_token_info,
] * 3
start = threading.Barrier(len(calls))
failures = []

def first_call(call):
    start.wait()
    try:
        call()
    except BaseException as exc:
        failures.append(repr(exc))

threads = [threading.Thread(target=first_call, args=(call,)) for call in calls]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
assert not failures, failures
"""

# Every operation's answer may be an ApiError or an OAuthError.
ERROR_MODELS = {
    "api_error",
    "api_error_item",
    "api_error_item_payload_type_0",
    "o_auth_error",
    "validation_error_code",
}


def models_loaded_by(source: str) -> set[str]:
    """The model modules loaded after running ``source`` in a new interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", source + LOADED],
        check=True,
        capture_output=True,
        text=True,
    )
    return set(json.loads(done.stdout))


def test_importing_one_model_loads_it_and_the_models_it_refers_to_only() -> None:
    loaded = models_loaded_by("from pachca_profile_api.models.user_status import *")
    assert loaded == {"user_status", "away_message"}


def test_the_package_still_exports_every_model_by_name() -> None:
    loaded = models_loaded_by("from pachca_profile_api.models import *")
    assert len(loaded) == len(models.__all__)
    for name in models.__all__:
        assert getattr(models, name).__name__ == name


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="NoSuchModel"):
        _ = models.NoSuchModel  # type: ignore[attr-defined]


def test_importing_the_client_loads_no_model_of_an_operation() -> None:
    loaded = models_loaded_by("from pachca_profile import PachcaClient\n")
    assert "user" not in loaded
    assert "access_token_info" not in loaded
    assert loaded - ERROR_MODELS <= {"custom_property_entity_type"}


def test_a_get_profile_call_loads_the_user_models_and_no_others() -> None:
    loaded = models_loaded_by(PROFILE_CALL)
    assert {"user", "user_response", "user_status", "custom_property"} <= loaded
    others = {
        "access_token_info",
        "avatar_upload",
        "avatar_response",
        "custom_property_definition",
        "status_update",
        "user_status_response",
        "paginate",
    }
    assert not loaded & others


def test_first_calls_from_many_threads_at_once_all_load_their_models() -> None:
    # The import lock makes the first import of each operation and model
    # wait for one that another thread has begun.
    loaded = models_loaded_by(THREADED_FIRST_CALLS)
    assert {"user_status_set_response", "access_token_info"} <= loaded
