"""The three ways to run the fake: on a loopback port for a ``with`` block,
as ``python -m pachca_profile.fake``, and in-process as httpx transports;
and the base package without the ``fake`` extra."""

from __future__ import annotations

import socket
import subprocess
import sys

import anyio
import httpx
import pytest

from pachca_profile import AsyncPachcaClient, PachcaClient
from pachca_profile.fake import (
    DEFAULT_TOKEN,
    IN_PROCESS_BASE_URL,
    FakeServer,
    Faults,
    SyncASGITransport,
    async_transport,
    create_app,
    serve,
)


def refuses_connections(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def test_serve_listens_on_loopback_and_names_the_api_root() -> None:
    with serve(token="my-own-fake-token-123") as server:
        answer = httpx.get(
            f"{server.base_url}/profile",
            headers={"Authorization": "Bearer my-own-fake-token-123"},
        )

    assert server.base_url == f"http://127.0.0.1:{server.port}/api/shared/v1"
    assert server.token == "my-own-fake-token-123"
    assert answer.json()["data"]["id"] == 12


def test_serve_stops_the_server_when_the_block_ends() -> None:
    with serve() as server:
        port = server.port
        assert not refuses_connections(port)

    assert refuses_connections(port)


def test_serve_stops_the_server_when_the_block_raises() -> None:
    with pytest.raises(KeyboardInterrupt), serve() as server:
        port = server.port
        raise KeyboardInterrupt

    assert refuses_connections(port)


def test_serve_shares_the_faults_it_is_given() -> None:
    faults = Faults()

    with serve(faults=faults) as server:
        faults.throttle_next(1)
        answer = httpx.get(f"{server.base_url}/profile")

    assert server.faults is faults
    assert answer.status_code == 429


def test_the_workspace_of_a_server_shows_what_it_stored() -> None:
    with (
        serve() as server,
        PachcaClient(token=server.token, base_url=server.base_url) as client,
    ):
        client.set_status(emoji="🍽", title="Lunch")
        stored = server.workspace.status()

    assert stored is not None
    assert stored["title"] == "Lunch"


def test_a_taken_port_is_an_os_error() -> None:
    with serve() as server, pytest.raises(OSError), serve(port=server.port):
        pass


def test_the_fixture_is_a_fresh_server(pachca_fake: FakeServer) -> None:
    with PachcaClient(token=pachca_fake.token, base_url=pachca_fake.base_url) as client:
        assert client.get_status() is None


def test_the_module_serves_until_interrupted() -> None:
    command = [
        sys.executable,
        "-m",
        "pachca_profile.fake",
        "--port",
        "0",
        "--rate-limit",
        "100",
    ]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        try:
            assert process.stdout is not None
            first = process.stdout.readline().strip()
            token_line = process.stdout.readline().strip()
            base_url = first.removeprefix("PACHCA_BASE_URL=")
            answer = httpx.get(
                f"{base_url}/oauth/token/info",
                headers={"Authorization": f"Bearer {DEFAULT_TOKEN}"},
            )
        finally:
            process.terminate()
            process.wait(timeout=30)

    assert first.startswith("PACHCA_BASE_URL=http://127.0.0.1:")
    assert base_url.endswith("/api/shared/v1")
    assert token_line == f"PACHCA_TOKEN={DEFAULT_TOKEN}"
    assert answer.status_code == 200


def test_the_module_does_not_print_a_token_it_was_given() -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "pachca_profile.fake", "--port", "0", "--token", "t0p"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        try:
            assert process.stdout is not None
            lines = [process.stdout.readline() for _ in range(2)]
        finally:
            process.terminate()
            process.wait(timeout=30)

    assert "t0p" not in "".join(lines)


@pytest.mark.parametrize(
    "arguments", [["--rate-limit", "0"], ["--latency", "-1"], ["--port", "x"]]
)
def test_the_module_refuses_bad_arguments_with_exit_2(arguments: list[str]) -> None:
    finished = subprocess.run(
        [sys.executable, "-m", "pachca_profile.fake", *arguments],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )

    assert finished.returncode == 2
    assert "usage:" in finished.stderr


def test_the_sync_client_runs_in_process() -> None:
    app = create_app()

    with PachcaClient(
        token=DEFAULT_TOKEN,
        base_url=IN_PROCESS_BASE_URL,
        transport=SyncASGITransport(app),
    ) as client:
        stored = client.set_status(emoji="🍽", title="Lunch")
        shown = client.get_status()
        image_url = client.set_avatar(b"GIF89a-tiny")

    assert shown == stored
    assert image_url.startswith("http://localhost/uploads/")
    assert app.state.workspace.avatar().content == b"GIF89a-tiny"


def test_the_async_client_runs_in_process() -> None:
    app = create_app()

    async def main() -> list[str]:
        async with AsyncPachcaClient(
            token=DEFAULT_TOKEN,
            base_url=IN_PROCESS_BASE_URL,
            transport=async_transport(app),
        ) as client:
            await client.set_status(emoji="🍽", title="Lunch")
            status = await client.get_status()
            definitions = await client.list_custom_properties("User")
        assert status is not None
        return [status.title, *(item.name for item in definitions)]

    assert anyio.run(main) == ["Lunch", "City", "Birthday", "Desk number", "Portfolio"]


def test_a_closed_sync_transport_refuses_requests() -> None:
    transport = SyncASGITransport(create_app())
    transport.close()
    transport.close()

    with pytest.raises(RuntimeError, match="closed"):
        transport.handle_request(httpx.Request("GET", IN_PROCESS_BASE_URL))


BLOCK_THE_EXTRA = """
import sys
for name in ("starlette", "uvicorn", "python_multipart"):
    sys.modules[name] = None
import pachca_profile
from pachca_profile import PachcaClient
print("client", PachcaClient.__name__)
try:
    import pachca_profile.fake
except ImportError as exc:
    print("refused:", exc)
"""


def test_the_base_package_imports_without_the_extra() -> None:
    finished = subprocess.run(
        [sys.executable, "-c", BLOCK_THE_EXTRA],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )

    assert "client PachcaClient" in finished.stdout
    assert "refused:" in finished.stdout
    assert "the pachca-profile[fake] extra" in finished.stdout
    assert 'pip install ".[fake]"' in finished.stdout
