"""What the fake refuses to start with: a token no client could send, a
scope the contract does not name, a port outside 0 to 65535; from the
command line as one argparse error (exit code 2), from Python as a
ValueError. Nothing here listens on a port."""

from __future__ import annotations

import pytest

from pachca_profile.fake import DEFAULT_SCOPES, create_app, serve
from pachca_profile.fake import __main__ as module
from pachca_profile.fake.__main__ import main

UNSENDABLE_TOKENS = ["", "   ", "two words", "tab\there", "línea", "new\nline"]


@pytest.fixture(autouse=True)
def never_listen(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail, rather than serve for ever, should main accept the arguments."""

    def refuse(*args: object) -> None:
        raise AssertionError("main accepted the arguments and began to listen")

    monkeypatch.setattr(module, "bind", refuse)
    monkeypatch.setattr(module, "run_in_foreground", refuse)


def refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run the module's main with ``argv``; answer its one-line complaint."""
    with pytest.raises(SystemExit) as exit_:
        main(list(argv))

    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err.strip().splitlines()[-1]


@pytest.mark.parametrize("token", UNSENDABLE_TOKENS)
def test_the_module_refuses_a_token_no_client_could_send(
    capsys: pytest.CaptureFixture[str], token: str
) -> None:
    line = refused(capsys, "--port", "0", "--token", token)

    assert "argument --token: the token must be a non-empty string" in line
    if token.strip():
        assert token not in line


def test_the_module_refuses_an_unknown_scope_naming_the_profile_scopes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    line = refused(capsys, "--port", "0", "--scope", "nonsense")

    assert "argument --scope: 'nonsense' is not a Pachca scope" in line
    for scope in DEFAULT_SCOPES:
        assert scope in line


@pytest.mark.parametrize("token", UNSENDABLE_TOKENS)
def test_create_app_and_serve_refuse_a_token_no_client_could_send(
    token: str,
) -> None:
    with pytest.raises(ValueError, match="visible ASCII"):
        create_app(token=token)
    with pytest.raises(ValueError, match="visible ASCII"), serve(token=token):
        pass


@pytest.mark.parametrize(
    ("scopes", "named"),
    [
        (["profile:read", "nonsense"], "'nonsense' is not a Pachca scope"),
        (["PROFILE:READ"], "'PROFILE:READ' is not a Pachca scope"),
        ("profile:read", "not the one string"),
    ],
)
def test_create_app_and_serve_refuse_an_unknown_scope(
    scopes: list[str], named: str
) -> None:
    with pytest.raises(ValueError, match=named):
        create_app(scopes=scopes)
    with pytest.raises(ValueError, match=named), serve(scopes=scopes):
        pass


def test_any_scope_of_the_contract_is_accepted_and_none_at_all_too() -> None:
    app = create_app(scopes=["chats:read", "profile:read"])
    bare = create_app(scopes=[])

    assert app.state.workspace.scopes == ("chats:read", "profile:read")
    assert bare.state.workspace.scopes == ()


@pytest.mark.parametrize(
    ("port", "named"),
    [
        ("99999", "99999 is not a port; give 0 to 65535 (0: a free one)"),
        ("65536", "65536 is not a port; give 0 to 65535 (0: a free one)"),
        ("-1", "-1 is not a port; give 0 to 65535 (0: a free one)"),
        ("x", "'x' is not a port number"),
    ],
)
def test_the_module_refuses_a_port_out_of_range_in_one_line(
    capsys: pytest.CaptureFixture[str], port: str, named: str
) -> None:
    line = refused(capsys, "--port", port)

    assert line.endswith(f"argument --port: {named}")


@pytest.mark.parametrize("port", [-1, 65536, 99999, True, 80.0])
def test_serve_refuses_a_port_out_of_range(port: int) -> None:
    refusal = "port must be an int from 0 to 65535"
    with pytest.raises(ValueError, match=refusal), serve(port=port):
        pass
