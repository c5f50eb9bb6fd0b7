"""JSON nested deeper than Python's parser can follow is an answer that
cannot be read, never a RecursionError, for both client flavours."""

from __future__ import annotations

import pytest

from pachca_profile import (
    AuthenticationError,
    PachcaError,
    ResponseParseError,
    ServerError,
)

from .fakes import Answers, Run

DEEP = b"[" * 100_000 + b"]" * 100_000


def test_a_deeply_nested_2xx_body_is_a_parse_error(call: Run, answers: Answers) -> None:
    answers.add(200, content=DEEP)

    with pytest.raises(ResponseParseError) as caught:
        call("get_profile")

    assert caught.value.status_code == 200
    assert "nested too deeply" in str(caught.value)


@pytest.mark.parametrize(
    ("status", "kind"), [(401, AuthenticationError), (500, ServerError)]
)
def test_a_deeply_nested_error_body_keeps_its_class_and_raw_text(
    call: Run,
    answers: Answers,
    status: int,
    kind: type[PachcaError],
) -> None:
    answers.add(status, content=DEEP)

    with pytest.raises(kind) as caught:
        call("get_status", options={"max_retries": 0, "retry": None})

    assert caught.value.status_code == status
    assert caught.value.body == DEEP.decode()
