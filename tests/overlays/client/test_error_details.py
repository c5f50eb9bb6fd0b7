"""What an error tells its reader: where a redirect points, a readable
message from an odd OAuth body, and the body's bytes as they arrived."""

from __future__ import annotations

import pytest

from pachca_profile import AuthenticationError, PachcaError, ServerError

from .fakes import TOKEN, Answers, Run

ELSEWHERE = "https://elsewhere.test/v1/profile"


def test_a_redirect_names_its_location_and_is_not_followed(
    call: Run, answers: Answers
) -> None:
    answers.add(302, content=b"", headers={"Location": ELSEWHERE})

    with pytest.raises(PachcaError) as caught:
        call("get_profile")

    assert caught.value.status_code == 302
    assert ELSEWHERE in str(caught.value)
    assert "not followed" in str(caught.value)
    assert len(answers.requests) == 1


def test_a_redirect_without_a_location_says_so(call: Run, answers: Answers) -> None:
    answers.add(301, content=b"")

    with pytest.raises(PachcaError) as caught:
        call("get_profile")

    assert "without a Location" in str(caught.value)


@pytest.mark.parametrize(
    "body",
    [
        {"error": 5, "error_description": None},
        {"error": None, "error_description": 7},
        {"error": ["invalid_token"], "error_description": "x"},
    ],
)
def test_an_oauth_body_with_fields_that_are_not_strings_reads_plainly(
    call: Run, answers: Answers, body: dict[str, object]
) -> None:
    answers.add(401, body)

    with pytest.raises(AuthenticationError) as caught:
        call("get_profile")

    assert caught.value.oauth_error is None
    assert "the server answered" in str(caught.value)
    assert "None (" not in str(caught.value)


def test_an_oauth_error_without_a_description_shows_its_code(
    call: Run, answers: Answers
) -> None:
    answers.add(401, {"error": "invalid_token", "error_description": None})

    with pytest.raises(AuthenticationError) as caught:
        call("get_profile")

    assert str(caught.value).endswith(": invalid_token")


def test_the_bytes_of_a_body_not_valid_in_its_charset_are_kept(
    call: Run, answers: Answers
) -> None:
    raw = b"\xff\xfe\x00oops"
    answers.add(500, content=raw, headers={"Content-Type": "text/plain; charset=utf-8"})

    with pytest.raises(ServerError) as caught:
        call("get_profile", options={"retry": None, "max_retries": 0})

    assert caught.value.content == raw
    assert caught.value.body is not None


def test_the_kept_bytes_hide_an_echoed_token(call: Run, answers: Answers) -> None:
    answers.add(500, content=b"\xff token " + TOKEN.encode())

    with pytest.raises(ServerError) as caught:
        call("get_profile", options={"retry": None, "max_retries": 0})

    assert caught.value.content == b"\xff token ***"
