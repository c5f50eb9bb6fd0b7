"""tools/api_diff.py catches a deliberately breaking edit of openapi.yaml.

A copy of the contract gets several breaking edits and is compiled with
tools/generate.py, as a maintainer would; api_diff must report each one,
in the contract and in the generated Python API, and fail. In the overlay
package only what users import counts: an edit to an internal module is
not reported, an edit to an exported name is, under that name.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / "tools"

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("griffe") is None,
    reason="griffe is installed by the tests session only",
)
needs_generators = pytest.mark.skipif(
    shutil.which("openapi-python-client") is None
    or shutil.which("datamodel-codegen") is None,
    reason="the generators are installed by the tests session only",
)

# (text in openapi.yaml, its replacement): each breaks clients differently.
BREAKING_EDITS = (
    # remove a field of the profile answer
    (
        "        nickname:\n          type: string\n          maxLength: 255\n"
        "          description: The user name shown after @.\n",
        "",
    ),
    ("        - nickname\n", ""),
    # a request field becomes required
    (
        "      required: [emoji, title]\n",
        "      required: [emoji, title, expires_at]\n",
    ),
    # the status title accepts fewer characters
    (
        "        title:\n          type: string\n          maxLength: 50\n"
        "          description: The status text, at most 50 characters.\n"
        "        expires_at:\n          type: string\n",
        "        title:\n          type: string\n          maxLength: 40\n"
        "          description: The status text, at most 50 characters.\n"
        "        expires_at:\n          type: string\n",
    ),
    # an answer becomes nullable
    (
        "        image_url:\n          type: string\n"
        "          description: The avatar's URL.",
        "        image_url:\n          type: [string, 'null']\n"
        "          description: The avatar's URL.",
    ),
    # an enum value of a parameter disappears
    ("enum: [User, Task]", "enum: [User]"),
)


def run_api_diff(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(TOOLS / "api_diff.py"), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def generate(tree: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            str(TOOLS / "generate.py"),
            "--spec",
            str(tree / "openapi.yaml"),
            "--out",
            str(tree / "generated"),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )


def copy_contract(target: Path) -> Path:
    target.mkdir()
    shutil.copy(ROOT / "openapi.yaml", target / "openapi.yaml")
    shutil.copytree(
        ROOT / "generated",
        target / "generated",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    return target


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_contract(tmp_path_factory.mktemp("api-diff") / "base")


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = tmp_path_factory.mktemp("api-diff") / "broken"
    tree.mkdir()
    text = (ROOT / "openapi.yaml").read_text(encoding="utf-8")
    for old, new in BREAKING_EDITS:
        assert text.count(old) == 1, f"the contract changed; update the edit {old!r}"
        text = text.replace(old, new)
    (tree / "openapi.yaml").write_text(text, encoding="utf-8")
    generate(tree)
    return tree


@pytest.fixture(scope="module")
def broken_report(base: Path, broken: Path) -> subprocess.CompletedProcess[str]:
    return run_api_diff("--base-tree", str(base), "--tree", str(broken))


@needs_generators
def test_a_breaking_edit_fails_the_diff(
    broken_report: subprocess.CompletedProcess[str],
) -> None:
    assert broken_report.returncode == 1, broken_report.stderr


@needs_generators
@pytest.mark.parametrize(
    "line",
    [
        "contract: GET /profile: response 200 body.data.nickname: removed",
        "contract: PUT /profile/status: request body.status.expires_at: "
        "became required",
        "contract: PUT /profile/status: request body.status.title: "
        "maxLength narrowed from 50 to 40",
        "contract: PUT /profile/avatar: response 200 body.data.image_url: "
        "answer became nullable",
        "contract: GET /custom_properties: param query entity_type: "
        "enum values removed: Task",
        "python: pachca_profile_api.models.user.User.nickname: "
        "Public object was removed",
        "python: pachca_profile_api.models.custom_property_entity_type."
        "CustomPropertyEntityType.TASK: Public object was removed",
    ],
)
def test_each_breaking_edit_is_reported(
    broken_report: subprocess.CompletedProcess[str], line: str
) -> None:
    assert line in broken_report.stdout.splitlines()


@needs_generators
def test_allow_breaking_reports_and_succeeds(base: Path, broken: Path) -> None:
    result = run_api_diff(
        "--base-tree", str(base), "--tree", str(broken), "--allow-breaking"
    )

    assert result.returncode == 0
    assert "breaking change(s)" in result.stdout


@needs_generators
def test_undoing_the_edits_only_widens_and_is_not_breaking(
    base: Path, broken: Path
) -> None:
    result = run_api_diff("--base-tree", str(broken), "--tree", str(base))

    assert (result.returncode, result.stdout) == (0, "")


def test_an_unchanged_tree_reports_nothing(base: Path) -> None:
    result = run_api_diff("--base-tree", str(base), "--tree", str(base))

    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=test", "-c", "user.email=test@example.invalid", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    tree = copy_contract(tmp_path / "repo")
    git(tree, "init", "--quiet")
    git(tree, "add", "openapi.yaml", "generated")
    git(tree, "commit", "--quiet", "-m", "contract")
    return tree


def test_a_git_ref_equal_to_the_tree_reports_nothing(repo: Path) -> None:
    result = run_api_diff("HEAD", "--tree", str(repo))

    assert (result.returncode, result.stdout) == (0, "")


def copy_overlays(target: Path) -> Path:
    """A tree of the contract and the overlay package, as a copy."""
    copy_contract(target)
    shutil.copytree(
        ROOT / "overlays",
        target / "overlays",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path.name} changed; update the edit {old!r}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def overlay_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_overlays(tmp_path_factory.mktemp("api-diff") / "overlay-base")


def test_a_change_to_an_internal_module_is_not_reported(
    overlay_base: Path, tmp_path: Path
) -> None:
    head = copy_overlays(tmp_path / "head")
    package = head / "overlays" / "pachca_profile"
    edit(package / "exchange.py", "def finish(\n", "def finish(\n    extra: int,\n")
    edit(package / "config.py", "def is_loopback(", "def is_loopback_host(")

    result = run_api_diff("--base-tree", str(overlay_base), "--tree", str(head))

    assert (result.returncode, result.stdout) == (0, ""), result.stderr


def test_a_change_to_an_exported_name_is_reported_by_its_public_name(
    overlay_base: Path, tmp_path: Path
) -> None:
    head = copy_overlays(tmp_path / "head")
    package = head / "overlays" / "pachca_profile"
    edit(package / "retry.py", "max_total: float = 120.0", "max_total: float = 30.0")
    edit(package / "__init__.py", '    "paginate",\n', "")
    edit(package / "fake" / "pytest_plugin.py", "def pachca_fake(", "def fake(")

    result = run_api_diff("--base-tree", str(overlay_base), "--tree", str(head))

    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "python: pachca_profile.RetryPolicy.__init__: Parameter default was "
        "changed: [positional or keyword] max_total: float = 120.0 -> "
        "[positional or keyword] max_total: float = 30.0",
        "python: pachca_profile.paginate: Public object was removed",
        "python: pachca_profile.fake.pytest_plugin.pachca_fake: "
        "Public object was removed",
        "3 breaking change(s)",
    ]


def test_a_git_ref_is_compared_with_the_edited_tree(repo: Path) -> None:
    spec = repo / "openapi.yaml"
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text.replace("  /oauth/token/info:", "  /oauth/token/about:"))

    result = run_api_diff("HEAD", "--tree", str(repo))

    assert result.returncode == 1
    assert "contract: GET /oauth/token/info: operation removed" in result.stdout


def test_an_unknown_ref_exits_2(repo: Path) -> None:
    result = run_api_diff("no-such-ref", "--tree", str(repo))

    assert result.returncode == 2
    assert "no-such-ref" in result.stderr


def shape_breaks(old_yaml: str, new_yaml: str) -> list[str]:
    """api_diff's contract lines between two one-operation specs."""
    if str(TOOLS) not in sys.path:
        sys.path.insert(0, str(TOOLS))
    from api_diff import contract_breaks
    from contract_shape import contract
    from openapi_schema import parse_spec

    old, new = contract(parse_spec(old_yaml)), contract(parse_spec(new_yaml))
    return contract_breaks(old["PUT /x"], new["PUT /x"])


def one_operation(request: str, answer: str) -> str:
    return (
        "openapi: 3.1.0\npaths:\n  /x:\n    put:\n"
        "      requestBody:\n        content:\n          application/json:\n"
        f"            schema: {request}\n"
        "      responses:\n        '200':\n          description: ok\n"
        "          content:\n            application/json:\n"
        f"              schema: {answer}\n"
    )


def test_a_narrowed_request_type_is_breaking() -> None:
    lines = shape_breaks(
        one_operation("{type: [integer, string]}", "{type: string}"),
        one_operation("{type: integer}", "{type: string}"),
    )

    assert lines == ["request body: no longer accepts string"]


def test_a_closed_answer_enum_that_gains_a_value_is_breaking() -> None:
    lines = shape_breaks(
        one_operation("{type: string}", "{enum: [a, b]}"),
        one_operation("{type: string}", "{enum: [a, b, c]}"),
    )

    assert lines == ["response 200 body: closed enum gained values: c"]


def test_an_open_answer_enum_may_gain_values() -> None:
    lines = shape_breaks(
        one_operation("{type: string}", "{anyOf: [{enum: [a, b]}, {type: string}]}"),
        one_operation("{type: string}", "{anyOf: [{enum: [a, b, c]}, {type: string}]}"),
    )

    assert lines == []


def test_a_widened_answer_type_is_breaking() -> None:
    lines = shape_breaks(
        one_operation("{type: string}", "{type: integer}"),
        one_operation("{type: string}", "{type: [integer, string]}"),
    )

    assert lines == ["response 200 body: answer may now be string"]
