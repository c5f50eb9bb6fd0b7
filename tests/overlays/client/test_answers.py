"""The eight methods send what the contract says and answer the models,
for the sync and the async client alike (the ``call`` fixture runs both)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from pachca_profile import ResponseParseError
from pachca_profile_api.models import (
    AccessTokenInfo,
    CustomPropertyDataType,
    CustomPropertyDefinition,
    User,
    UserRole,
    UserStatus,
)

from .fakes import DEFINITION, STATUS, TOKEN_INFO, USER, Answers, Run

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00rest-of-image"


def test_profile_is_the_user_of_the_answer(call: Run, answers: Answers) -> None:
    answers.add(200, {"data": USER})

    user = call("get_profile")

    assert isinstance(user, User)
    assert (user.id, user.nickname, user.role) == (12, "ada", UserRole.ADMIN)
    assert answers.requests[0].method == "GET"
    assert answers.requests[0].url.path == "/api/shared/v1/profile"


def test_unknown_role_is_kept_as_its_raw_string(call: Run, answers: Answers) -> None:
    answers.add(200, {"data": {**USER, "role": "owner"}})

    user = call("get_profile")

    assert user.role == "owner"


def test_unknown_field_is_kept_in_additional_properties(
    call: Run, answers: Answers
) -> None:
    answers.add(200, {"data": {**USER, "pronouns": "she/her"}})

    user = call("get_profile")

    assert user.additional_properties == {"pronouns": "she/her"}


def test_status_is_none_when_the_answer_is_bare_null(
    call: Run, answers: Answers
) -> None:
    answers.add(200, None)

    assert call("get_status") is None


def test_status_is_none_when_the_envelope_holds_null(
    call: Run, answers: Answers
) -> None:
    answers.add(200, {"data": None})

    assert call("get_status") is None


def test_status_is_read_when_one_is_set(call: Run, answers: Answers) -> None:
    answers.add(200, {"data": STATUS})

    status = call("get_status")

    assert isinstance(status, UserStatus)
    assert status.title == "On leave"
    assert status.expires_at == dt.datetime(2026, 12, 31, 18, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize(
    ("method", "content"),
    [
        ("get_profile", b""),
        ("get_profile", b"{not json"),
        ("get_profile", b"[]"),
        ("get_profile", b'{"data": {"id": 12}}'),
        ("get_status", b""),
        ("get_status", b'"busy"'),
        ("get_status", b'{"data": {"emoji": "x"}}'),
        ("get_token_info", b"null"),
        ("list_custom_properties", b'{"data": [{"id": 1}]}'),
    ],
)
def test_a_success_body_that_does_not_parse_raises_response_parse_error(
    call: Run, answers: Answers, method: str, content: bytes
) -> None:
    answers.add(200, content=content)

    with pytest.raises(ResponseParseError) as caught:
        call(method)

    assert caught.value.status_code == 200
    assert caught.value.body == (content.decode() or None)


def test_set_status_sends_the_status_and_answers_it(
    call: Run, answers: Answers
) -> None:
    answers.add(200, {"data": STATUS})

    status = call(
        "set_status",
        emoji="🌴",
        title="On leave",
        is_away=True,
        away_message="Back in January",
    )

    sent = answers.requests[0]
    assert (sent.method, sent.url.path) == ("PUT", "/api/shared/v1/profile/status")
    assert json.loads(sent.content) == {
        "status": {
            "emoji": "🌴",
            "title": "On leave",
            "is_away": True,
            "away_message": "Back in January",
        }
    }
    assert status.is_away is True


def test_set_status_sends_an_aware_expiry_in_utc_ending_in_z(
    call: Run, answers: Answers
) -> None:
    answers.add(200, {"data": STATUS})
    moscow = dt.timezone(dt.timedelta(hours=3))

    call(
        "set_status",
        emoji="🌴",
        title="On leave",
        expires_at=dt.datetime(2026, 12, 31, 21, 0, tzinfo=moscow),
        options={"now": lambda: dt.datetime(2026, 12, 4, tzinfo=dt.timezone.utc)},
    )

    sent = json.loads(answers.requests[0].content)["status"]
    assert sent["expires_at"] == "2026-12-31T18:00:00Z"


def test_set_status_counts_a_timedelta_from_the_clock(
    call: Run, answers: Answers
) -> None:
    answers.add(200, {"data": STATUS})
    noon = dt.datetime(2026, 12, 4, 12, 0, tzinfo=dt.timezone.utc)

    call(
        "set_status",
        emoji="🍱",
        title="Lunch",
        expires_at=dt.timedelta(minutes=45),
        options={"now": lambda: noon},
    )

    sent = json.loads(answers.requests[0].content)["status"]
    assert sent["expires_at"] == "2026-12-04T12:45:00Z"


def test_a_title_of_fifty_emoji_is_sent(call: Run, answers: Answers) -> None:
    answers.add(200, {"data": STATUS})
    title = "🎉" * 50

    call("set_status", emoji="🎉", title=title)

    assert json.loads(answers.requests[0].content)["status"]["title"] == title


def test_clear_status_sends_delete_and_answers_none(
    call: Run, answers: Answers
) -> None:
    answers.add(204, content=b"")

    result = call("clear_status")

    assert result is None
    sent = answers.requests[0]
    assert (sent.method, sent.url.path) == ("DELETE", "/api/shared/v1/profile/status")


@pytest.mark.parametrize("entity_type", ["User", "Task"])
def test_custom_properties_are_listed_for_the_entity_type(
    call: Run, answers: Answers, entity_type: str
) -> None:
    answers.add(200, {"data": [DEFINITION, {**DEFINITION, "data_type": "rating"}]})

    definitions = call("list_custom_properties", entity_type)

    assert answers.requests[0].url.params["entity_type"] == entity_type
    assert all(isinstance(d, CustomPropertyDefinition) for d in definitions)
    assert definitions[0].data_type == CustomPropertyDataType.STRING
    assert definitions[1].data_type == "rating"


def test_custom_properties_default_to_user(call: Run, answers: Answers) -> None:
    answers.add(200, {"data": []})

    assert call("list_custom_properties") == []
    assert answers.requests[0].url.params["entity_type"] == "User"


def _image_sent(request_content: bytes) -> bytes:
    head, _, rest = request_content.partition(b"\r\n\r\n")
    assert b'name="image"' in head
    return rest.rpartition(b"\r\n--")[0]


@pytest.mark.parametrize("form", ["bytes", "path", "str path", "file"])
def test_set_avatar_uploads_the_image_and_answers_its_url(
    call: Run, answers: Answers, tmp_path: Path, form: str
) -> None:
    answers.add(200, {"data": {"image_url": "https://cdn.test/a.png"}})
    path = tmp_path / "me.png"
    path.write_bytes(PNG)
    image = {"bytes": PNG, "path": path, "str path": str(path)}.get(form)

    if form == "file":
        with path.open("rb") as stream:
            url = call("set_avatar", stream)
    else:
        url = call("set_avatar", image)

    assert url == "https://cdn.test/a.png"
    sent = answers.requests[0]
    assert (sent.method, sent.url.path) == ("PUT", "/api/shared/v1/profile/avatar")
    content_type = sent.headers["Content-Type"]
    assert content_type.startswith("multipart/form-data; boundary=")
    assert "boundary=+++" not in content_type
    assert _image_sent(sent.content) == PNG
    assert b"Content-Type: image/png" in sent.content


def test_delete_avatar_sends_delete(call: Run, answers: Answers) -> None:
    answers.add(204, content=b"")

    assert call("delete_avatar") is None
    sent = answers.requests[0]
    assert (sent.method, sent.url.path) == ("DELETE", "/api/shared/v1/profile/avatar")


def test_token_info_is_read(call: Run, answers: Answers) -> None:
    answers.add(200, {"data": {**TOKEN_INFO, "scopes": ["profile:read", "new:x"]}})

    info = call("get_token_info")

    assert isinstance(info, AccessTokenInfo)
    assert info.scopes[1] == "new:x"
    assert answers.requests[0].url.path == "/api/shared/v1/oauth/token/info"
