"""A 2xx status the operation does not document is an answer that cannot be
trusted: a ResponseParseError naming the status, never a silent None."""

from __future__ import annotations

import pytest

from pachca_profile import ResponseParseError

from .fakes import STATUS, USER, Answers, Run


@pytest.mark.parametrize("status", [201, 202, 203, 204, 299])
def test_get_status_refuses_an_undocumented_2xx(
    call: Run, answers: Answers, status: int
) -> None:
    answers.add(status, {"data": STATUS})

    with pytest.raises(ResponseParseError) as caught:
        call("get_status")

    assert caught.value.status_code == status
    assert f"no {status} answer" in str(caught.value)


@pytest.mark.parametrize("status", [201, 203])
def test_the_message_names_the_status_not_a_type(
    call: Run, answers: Answers, status: int
) -> None:
    answers.add(status, {"data": USER})

    with pytest.raises(ResponseParseError) as caught:
        call("get_profile")

    assert str(status) in str(caught.value)
    assert "NoneType" not in str(caught.value)


def test_a_documented_2xx_still_parses(call: Run, answers: Answers) -> None:
    answers.add(200, {"data": STATUS})

    status = call("get_status")

    assert status is not None
    assert status.title == STATUS["title"]
