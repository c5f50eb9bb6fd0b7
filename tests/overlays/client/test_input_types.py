"""Arguments of the wrong type are refused before anything is sent, naming
the argument, rather than coerced or left to fail deep in a library."""

from __future__ import annotations

from typing import Any

import pytest

from pachca_profile import InvalidInputError

from .fakes import STATUS, Answers, Run

REFUSED: list[tuple[str, dict[str, Any], str]] = [
    ("set_status", {"emoji": "🌴", "title": "Away", "is_away": "false"}, "is_away"),
    ("set_status", {"emoji": "🌴", "title": "Away", "is_away": 1}, "is_away"),
]


@pytest.mark.parametrize(
    ("method", "arguments", "field"),
    REFUSED,
    ids=[f"{case[0]}-{case[2]}-{n}" for n, case in enumerate(REFUSED)],
)
def test_an_argument_of_the_wrong_kind_is_refused_before_any_request(
    call: Run,
    answers: Answers,
    method: str,
    arguments: dict[str, Any],
    field: str,
) -> None:
    answers.add(200, {"data": STATUS})

    with pytest.raises(InvalidInputError) as caught:
        call(method, **arguments)

    assert caught.value.field == field
    assert field in str(caught.value)
    assert answers.requests == []


@pytest.mark.parametrize("is_away", [True, False])
def test_is_away_is_sent_as_the_bool_given(
    call: Run, answers: Answers, is_away: bool
) -> None:
    answers.add(200, {"data": STATUS})

    call("set_status", emoji="🌴", title="Away", is_away=is_away)

    [request] = answers.requests
    expected = b'"is_away":true' if is_away else b'"is_away":false'
    assert expected in request.content.replace(b" ", b"")
