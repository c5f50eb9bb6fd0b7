"""tools/contract.py against a real Prism: it catches what it must, and
Prism never outlives it.

Prism comes from node_modules (``npm ci``, done by ``nox -s contract`` and
``nox -s lint_spec``); without it these tests are skipped. Each starts
Prism on a free port of 127.0.0.1.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "tools"))

from prism import PrismError, PrismMock  # noqa: E402

pytestmark = pytest.mark.skipif(
    shutil.which("npm") is None
    or not (ROOT / "node_modules" / ".bin" / "prism").exists(),
    reason="Prism is not installed: run npm ci (the nox sessions do)",
)


def run_driver(spec: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "contract.py"),
            "--spec",
            str(spec),
            "--answers",
            "4",
            "--error-answers",
            "1",
            *args,
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=180,
    )


def edited_spec(tmp_path: Path, old: str, new: str) -> Path:
    text = (ROOT / "openapi.yaml").read_text(encoding="utf-8")
    assert text.count(old) == 1, f"the contract changed; update the edit {old!r}"
    spec = tmp_path / "openapi.yaml"
    spec.write_text(text.replace(old, new), encoding="utf-8")
    return spec


def is_listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1.0).close()
    except OSError:
        return False
    return True


def group_is_gone(pgid: int) -> bool:
    """No process of group ``pgid`` runs (zombies waiting for init count
    as gone); Linux only, read from /proc."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        state, group = fields[0], int(fields[2])
        if group == pgid and state != "Z":
            return False
    return True


def test_the_contract_passes_and_prints_a_row_per_operation() -> None:
    result = run_driver(ROOT / "openapi.yaml")

    assert result.returncode == 0, result.stdout + result.stderr
    rows = re.findall(r"^(\w+) +(a?sync) +\d+ +\d+ +0$", result.stdout, re.MULTILINE)
    assert len(rows) == 16  # eight operations, each through both clients
    assert re.search(r"^total +\d+ +\d+ +0$", result.stdout, re.MULTILINE)


def test_a_request_the_spec_refuses_is_flagged(tmp_path: Path) -> None:
    spec = edited_spec(
        tmp_path,
        "      required: [emoji, title]\n",
        "      required: [emoji, title, expires_at]\n",
    )

    result = run_driver(spec)

    assert result.returncode == 1
    assert "FAIL updateStatus (set_status)" in result.stdout
    assert "Prism flagged the request" in result.stdout
    assert "FAIL Prism's log: request.body.status" in result.stdout
    assert "expires_at" in result.stdout


def test_an_answer_the_client_cannot_read_fails(tmp_path: Path) -> None:
    spec = edited_spec(
        tmp_path,
        "          id: 186\n          first_name: null\n",
        "          id: not-a-number\n          first_name: null\n",
    )

    result = run_driver(spec)

    assert result.returncode == 1
    failure = (
        "FAIL getProfile (get_profile) with Prefer: code=200, example=withoutStatus"
    )
    assert failure in result.stdout


def test_a_spec_prism_cannot_read_raises_prism_error(tmp_path: Path) -> None:
    mock = PrismMock(tmp_path / "absent.yaml", start_timeout=30.0)

    with pytest.raises(PrismError, match="prism exited"), mock:
        pass

    assert mock.pid is None


@pytest.mark.parametrize("failure", [RuntimeError, KeyboardInterrupt])
def test_prism_is_stopped_when_the_block_fails(failure: type[BaseException]) -> None:
    with pytest.raises(failure), PrismMock(ROOT / "openapi.yaml") as prism:
        pid, port = prism.pid, prism.port
        assert pid is not None and is_listening(port)
        raise failure

    assert group_is_gone(pid)
    assert not is_listening(port)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_prism_is_stopped_when_the_driver_is_interrupted(sig: signal.Signals) -> None:
    driver = subprocess.Popen(
        [
            sys.executable,
            "-u",
            str(ROOT / "tools" / "contract.py"),
            "--answers",
            "100000",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    group = None
    try:
        assert driver.stdout is not None
        first = driver.stdout.readline()
        port = int(re.findall(r"127\.0\.0\.1:(\d+)", first)[0])
        group = int(re.findall(r"process group (\d+)", first)[0])
        assert is_listening(port)

        driver.send_signal(sig)
        driver.communicate(timeout=60)
    finally:
        driver.kill()
        driver.wait()
        if group is not None and not group_is_gone(group):
            os.killpg(group, signal.SIGKILL)  # the test failed; leave nothing

    assert driver.returncode != 0
    assert not is_listening(port)
    assert group_is_gone(group)
