"""The fake server behaves like the API, operation by operation.

Every answer here goes through the ``api`` fixture, so each one is also
checked against ``openapi.yaml`` by openapi-core.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest

from pachca_profile.fake import (
    DEFAULT_TOKEN,
    IN_PROCESS_BASE_URL,
    SyncASGITransport,
    create_app,
)

from .conftest import AUTHORIZATION

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR-rest-of-a-small-image"
GIF = b"GIF89a-rest-of-a-small-image"


def put_status(api: httpx.Client, **status: Any) -> httpx.Response:
    return api.put("/profile/status", json={"status": status})


def errors_of(response: httpx.Response) -> list[dict[str, Any]]:
    errors: list[dict[str, Any]] = response.json()["errors"]
    return errors


def upload(api: httpx.Client, content: bytes, name: str = "me.png") -> httpx.Response:
    return api.put("/profile/avatar", files={"image": (name, content, "image/png")})


def test_profile_is_the_seeded_user_with_its_custom_property_values(
    api: httpx.Client,
) -> None:
    user = api.get("/profile").json()["data"]

    assert user["nickname"] == "olegpetrov"
    assert user["user_status"] is None
    assert user["image_url"] is None
    values = {item["name"]: item["value"] for item in user["custom_properties"]}
    assert values["City"] == "Saint Petersburg"
    assert values["Birthday"] is None


def test_status_is_bare_null_when_none_is_set(api: httpx.Client) -> None:
    response = api.get("/profile/status")

    assert response.status_code == 200
    assert response.content == b"null"


def test_status_persists_across_put_get_and_delete(api: httpx.Client) -> None:
    stored = put_status(
        api, emoji="🏖", title="On vacation", is_away=True, away_message="Back soon"
    )
    shown = api.get("/profile/status")
    in_profile = api.get("/profile").json()["data"]["user_status"]
    cleared = api.delete("/profile/status")
    gone = api.get("/profile/status")

    assert stored.status_code == 200
    assert stored.json()["data"] == {
        "emoji": "🏖",
        "title": "On vacation",
        "expires_at": None,
        "is_away": True,
        "away_message": {"text": "Back soon"},
    }
    assert shown.json() == stored.json()
    assert in_profile == stored.json()["data"]
    assert cleared.status_code == 204
    assert cleared.content == b""
    assert gone.content == b"null"


def test_a_new_status_replaces_the_old_one_whole(api: httpx.Client) -> None:
    put_status(api, emoji="🏖", title="Away", is_away=True, away_message="Later")

    put_status(api, emoji="🍽", title="Lunch")

    assert api.get("/profile/status").json()["data"] == {
        "emoji": "🍽",
        "title": "Lunch",
        "expires_at": None,
        "is_away": False,
        "away_message": None,
    }


def test_clearing_when_no_status_is_set_succeeds(api: httpx.Client) -> None:
    assert api.delete("/profile/status").status_code == 204


def test_expires_at_is_stored_in_utc_with_milliseconds(api: httpx.Client) -> None:
    stored = put_status(
        api, emoji="🍽", title="Lunch", expires_at="2030-01-02T15:30:00+03:00"
    )

    assert stored.json()["data"]["expires_at"] == "2030-01-02T12:30:00.000Z"


def test_a_status_is_gone_once_it_expires() -> None:
    now = [dt.datetime(2030, 1, 1, 12, 0, tzinfo=dt.timezone.utc)]
    app = create_app(now=lambda: now[0])
    with httpx.Client(
        transport=SyncASGITransport(app),
        base_url=IN_PROCESS_BASE_URL,
        headers=AUTHORIZATION,
    ) as api:
        put_status(api, emoji="🍽", title="Lunch", expires_at="2030-01-01T13:00:00Z")
        before = api.get("/profile/status").json()
        now[0] += dt.timedelta(hours=1)
        after = api.get("/profile/status")

    assert before["data"]["title"] == "Lunch"
    assert after.content == b"null"


def test_two_apps_keep_separate_state(api: httpx.Client) -> None:
    put_status(api, emoji="🍽", title="Lunch")

    with httpx.Client(
        transport=SyncASGITransport(create_app()),
        base_url=IN_PROCESS_BASE_URL,
        headers=AUTHORIZATION,
    ) as other:
        assert other.get("/profile/status").content == b"null"


def test_a_title_of_50_characters_is_accepted(api: httpx.Client) -> None:
    assert put_status(api, emoji="🏖", title="x" * 50).status_code == 200


def test_a_title_over_50_characters_is_too_long(api: httpx.Client) -> None:
    response = put_status(api, emoji="🏖", title="x" * 51)

    assert response.status_code == 422
    assert errors_of(response) == [
        {
            "key": "title",
            "value": "x" * 51,
            "message": "is too long (maximum is 50 characters)",
            "code": "too_long",
            "payload": None,
        }
    ]
    assert api.get("/profile/status").content == b"null"


def test_an_away_message_over_1024_characters_is_too_long(api: httpx.Client) -> None:
    response = put_status(
        api, emoji="🏖", title="Away", is_away=True, away_message="y" * 1025
    )

    (item,) = errors_of(response)
    assert response.status_code == 422
    assert item["key"] == "away_message"
    assert item["code"] == "too_long"
    assert item["message"] == "is too long (maximum is 1024 characters)"


@pytest.mark.parametrize(
    "emoji",
    ["x", "smile", ":smile:", "🏖🏖", "🏖x", "a\u20e3"],
)
def test_an_emoji_that_is_not_one_emoji_is_wrong_emoji(
    api: httpx.Client, emoji: str
) -> None:
    response = put_status(api, emoji=emoji, title="Lunch")

    assert response.status_code == 422
    assert errors_of(response) == [
        {
            "key": "emoji",
            "value": emoji,
            "message": "is not an emoji",
            "code": "wrong_emoji",
            "payload": None,
        }
    ]


@pytest.mark.parametrize(
    "emoji",
    ["🏖", "🏖️", "👩‍💻", "👍🏽", "🇷🇺", "1️⃣", "❤"],
)
def test_one_emoji_of_any_form_is_accepted(api: httpx.Client, emoji: str) -> None:
    assert put_status(api, emoji=emoji, title="Fine").status_code == 200


def test_missing_emoji_and_title_are_both_blank(api: httpx.Client) -> None:
    response = api.put("/profile/status", json={"status": {}})

    assert response.status_code == 422
    assert {(item["key"], item["code"]) for item in errors_of(response)} == {
        ("emoji", "blank"),
        ("title", "blank"),
    }
    assert {item["message"] for item in errors_of(response)} == {"can't be blank"}


@pytest.mark.parametrize("emoji", ["", "   "])
def test_an_empty_emoji_is_blank(api: httpx.Client, emoji: str) -> None:
    (item,) = errors_of(put_status(api, emoji=emoji, title="Lunch"))

    assert (item["key"], item["code"]) == ("emoji", "blank")


def test_every_problem_is_reported_at_once(api: httpx.Client) -> None:
    response = put_status(api, emoji="x", title="t" * 60, expires_at="tomorrow")

    assert {(item["key"], item["code"]) for item in errors_of(response)} == {
        ("title", "too_long"),
        ("expires_at", "invalid"),
        ("emoji", "wrong_emoji"),
    }


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("expires_at", "next Tuesday"),
        ("expires_at", "2030-01-01T00:00:00"),
        ("is_away", "perhaps"),
        ("title", 42),
    ],
)
def test_a_value_of_the_wrong_kind_is_invalid(
    api: httpx.Client, field: str, value: object
) -> None:
    status = {"emoji": "🏖", "title": "Lunch", field: value}

    response = api.put("/profile/status", json={"status": status})

    (item,) = errors_of(response)
    assert response.status_code == 422
    assert (item["key"], item["code"]) == (field, "invalid")
    assert item["message"] == "is invalid"
    assert item["value"] == str(value)


@pytest.mark.parametrize(
    "body", [b"{}", b'{"status": null}', b'{"status": "Lunch"}', b"[]", b"{not json"]
)
def test_a_body_without_a_status_object_is_a_bad_request(
    api: httpx.Client, body: bytes
) -> None:
    response = api.put(
        "/profile/status", content=body, headers={"Content-Type": "application/json"}
    )

    assert response.status_code == 400
    assert errors_of(response) == [
        {
            "key": "status",
            "value": None,
            "message": "param is missing or the value is empty",
            "code": "required",
            "payload": None,
        }
    ]


@pytest.mark.parametrize(
    ("entity_type", "first"), [("User", "City"), ("Task", "Estimate")]
)
def test_custom_property_definitions_are_seeded_per_entity_type(
    api: httpx.Client, entity_type: str, first: str
) -> None:
    response = api.get("/custom_properties", params={"entity_type": entity_type})

    definitions = response.json()["data"]
    assert definitions[0]["name"] == first
    assert all(set(item) == {"id", "name", "data_type"} for item in definitions)


def test_profile_values_are_those_of_the_user_definitions(api: httpx.Client) -> None:
    definitions = api.get("/custom_properties", params={"entity_type": "User"})
    values = api.get("/profile").json()["data"]["custom_properties"]

    assert [item["id"] for item in values] == [
        item["id"] for item in definitions.json()["data"]
    ]


@pytest.mark.parametrize("entity_type", ["Chat", "user", "Users"])
def test_an_unknown_entity_type_is_not_included_in_the_list(
    api: httpx.Client, entity_type: str
) -> None:
    response = api.get("/custom_properties", params={"entity_type": entity_type})

    assert response.status_code == 422
    assert errors_of(response) == [
        {
            "key": "entity_type",
            "value": entity_type,
            "message": "is not included in the list",
            "code": "inclusion",
            "payload": None,
        }
    ]


def test_a_missing_entity_type_is_a_bad_request(api: httpx.Client) -> None:
    response = api.get("/custom_properties")

    (item,) = errors_of(response)
    assert response.status_code == 400
    assert (item["key"], item["code"]) == ("entity_type", "required")


def test_an_uploaded_avatar_is_stored_served_and_shown(
    api: httpx.Client, raw: httpx.Client
) -> None:
    stored = upload(api, PNG)
    image_url = stored.json()["data"]["image_url"]
    served = raw.get(image_url)

    assert stored.status_code == 200
    assert image_url.startswith(IN_PROCESS_BASE_URL.split("/api/")[0] + "/uploads/")
    assert served.status_code == 200
    assert served.content == PNG
    assert served.headers["Content-Type"] == "image/png"
    assert api.get("/profile").json()["data"]["image_url"] == image_url


def test_a_new_avatar_replaces_the_old_one(
    api: httpx.Client, raw: httpx.Client
) -> None:
    first = upload(api, PNG).json()["data"]["image_url"]

    second = upload(api, GIF, name="../../etc/passwd").json()["data"]["image_url"]

    assert second != first
    assert "passwd" in second
    assert ".." not in second
    assert raw.get(first).status_code == 404
    assert raw.get(second).content == GIF
    assert raw.get(second).headers["Content-Type"] == "image/gif"


def test_a_deleted_avatar_is_gone(api: httpx.Client, raw: httpx.Client) -> None:
    image_url = upload(api, PNG).json()["data"]["image_url"]

    deleted = api.delete("/profile/avatar")

    assert deleted.status_code == 204
    assert api.get("/profile").json()["data"]["image_url"] is None
    assert raw.get(image_url).status_code == 404


def test_a_file_that_is_not_an_image_is_refused(api: httpx.Client) -> None:
    response = upload(api, b"%PDF-1.7 not an image")

    assert response.status_code == 422
    assert errors_of(response) == [
        {
            "key": "image",
            "value": None,
            "message": "is not an image",
            "code": "invalid",
            "payload": None,
        }
    ]
    assert api.get("/profile").json()["data"]["image_url"] is None


def test_a_form_without_an_image_is_blank(api: httpx.Client) -> None:
    response = api.put("/profile/avatar", files={"photo": ("me.png", PNG)})

    (item,) = errors_of(response)
    assert response.status_code == 422
    assert (item["key"], item["code"]) == ("image", "blank")


def test_token_info_masks_the_token_and_lists_its_scopes(api: httpx.Client) -> None:
    info = api.get("/oauth/token/info").json()["data"]

    assert info["token"] == f"{DEFAULT_TOKEN[:8]}...{DEFAULT_TOKEN[-4:]}"
    assert DEFAULT_TOKEN not in api.get("/oauth/token/info").text
    assert "profile_status:write" in info["scopes"]
    assert info["user_id"] == api.get("/profile").json()["data"]["id"]
    assert info["revoked_at"] is None
    assert info["last_used_at"] is not None


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/profile"),
        ("GET", "/profile/status"),
        ("PUT", "/profile/status"),
        ("DELETE", "/profile/status"),
        ("GET", "/custom_properties?entity_type=User"),
        ("PUT", "/profile/avatar"),
        ("DELETE", "/profile/avatar"),
        ("GET", "/oauth/token/info"),
    ],
)
@pytest.mark.parametrize(
    ("authorization", "description"),
    [
        (None, "The access token is missing"),
        ("Bearer ", "The access token is missing"),
        (f"Basic {DEFAULT_TOKEN}", "The access token is missing"),
        ("Bearer not-the-token", "The access token is invalid"),
        (f"Bearer {DEFAULT_TOKEN}x", "The access token is invalid"),
    ],
)
def test_every_operation_refuses_a_missing_or_unknown_token(
    api: httpx.Client,
    method: str,
    path: str,
    authorization: str | None,
    description: str,
) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    api.headers.pop("Authorization")

    response = api.request(method, path, headers=headers)

    assert response.status_code == 401
    assert response.json() == {
        "error": "invalid_token",
        "error_description": description,
    }
    assert response.headers["WWW-Authenticate"].startswith("Bearer ")


def test_the_bearer_scheme_is_read_without_regard_to_case(api: httpx.Client) -> None:
    response = api.get("/profile", headers={"Authorization": f"bearer {DEFAULT_TOKEN}"})

    assert response.status_code == 200


def test_an_operation_outside_the_token_scopes_is_forbidden() -> None:
    app = create_app(token="narrow-token-0123456789", scopes=["profile:read"])
    with httpx.Client(
        transport=SyncASGITransport(app),
        base_url=IN_PROCESS_BASE_URL,
        headers={"Authorization": "Bearer narrow-token-0123456789"},
    ) as api:
        allowed = api.get("/profile")
        refused = put_status(api, emoji="🏖", title="Lunch")
        info = api.get("/oauth/token/info")

    assert allowed.status_code == 200
    assert refused.status_code == 403
    assert refused.json()["error"] == "insufficient_scope"
    assert "profile_status:write" in refused.json()["error_description"]
    assert info.status_code == 200
    assert info.json()["data"]["scopes"] == ["profile:read"]


def test_an_unknown_path_is_an_api_error_404(raw: httpx.Client) -> None:
    response = raw.get("/chats")

    (item,) = errors_of(response)
    assert response.status_code == 404
    assert item["code"] == "not_found"


def test_an_unknown_method_is_an_api_error_405(raw: httpx.Client) -> None:
    response = raw.post("/profile/status", json={})

    assert response.status_code == 405
    assert errors_of(response)[0]["key"] == "base"
