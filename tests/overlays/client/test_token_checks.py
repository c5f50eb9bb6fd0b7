"""A token an HTTP header cannot carry is refused when the client is built,
naming where it came from and never repeating it."""

from __future__ import annotations

from typing import Any

import pytest

from pachca_profile import AsyncPachcaClient, InvalidInputError, PachcaClient

LOCAL = "http://127.0.0.1:8080/api"
SECRET = "SECRET-part"

Kind = type[PachcaClient] | type[AsyncPachcaClient]


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PACHCA_TOKEN", raising=False)
    monkeypatch.delenv("PACHCA_BASE_URL", raising=False)


@pytest.mark.parametrize("kind", [PachcaClient, AsyncPachcaClient])
@pytest.mark.parametrize(
    "token",
    [
        f"tøken-{SECRET}",
        f"tok\u00a0{SECRET}",
        f"tok\x7f{SECRET}",
        f"tok\u2028{SECRET}",
    ],
    ids=["latin letter", "no-break space", "delete", "line separator"],
)
def test_a_token_outside_visible_ascii_is_refused_without_repeating_it(
    kind: Kind, token: str
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        kind(token=token, base_url=LOCAL)

    assert caught.value.field == "token"
    assert "token" in str(caught.value)
    assert SECRET not in str(caught.value)
    assert SECRET not in repr(caught.value)


@pytest.mark.parametrize("kind", [PachcaClient, AsyncPachcaClient])
def test_a_bad_token_from_the_environment_names_the_variable(
    kind: Kind, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PACHCA_TOKEN", f"tøken-{SECRET}")

    with pytest.raises(InvalidInputError) as caught:
        kind(base_url=LOCAL)

    assert "PACHCA_TOKEN" in str(caught.value)
    assert SECRET not in str(caught.value)


@pytest.mark.parametrize("kind", [PachcaClient, AsyncPachcaClient])
@pytest.mark.parametrize("token", [b"abc", 123, ["abc"]])
def test_a_token_that_is_not_a_string_is_refused(kind: Kind, token: Any) -> None:
    with pytest.raises(InvalidInputError) as caught:
        kind(token=token, base_url=LOCAL)

    assert caught.value.field == "token"
    assert "string" in str(caught.value)
