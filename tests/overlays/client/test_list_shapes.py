"""A list in an answer must be a JSON array: custom properties answered as a
string or an object are a ResponseParseError, not an empty list."""

from __future__ import annotations

import pytest

from pachca_profile import ResponseParseError

from .fakes import USER, Answers, Run


@pytest.mark.parametrize("data", ["", {}, "abc", {"id": 1}])
def test_custom_properties_that_are_not_a_list_are_refused(
    call: Run, answers: Answers, data: object
) -> None:
    answers.add(200, {"data": data})

    with pytest.raises(ResponseParseError) as caught:
        call("list_custom_properties", "User")

    assert "data must be a list" in str(caught.value)


def test_a_profile_whose_custom_properties_are_not_a_list_is_refused(
    call: Run, answers: Answers
) -> None:
    answers.add(200, {"data": {**USER, "custom_properties": {}}})

    with pytest.raises(ResponseParseError):
        call("get_profile")
