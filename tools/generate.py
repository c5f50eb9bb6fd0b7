"""Compile an OpenAPI document into the two generated packages.

This is the whole generate pipeline, kept out of the noxfile so that tests
can run it on specs of their own (a throwaway paginated API, a copy of the
contract with a breaking edit). It needs the pinned tools on PATH:
openapi-python-client, datamodel-codegen and ruff.

    python tools/generate.py --spec openapi.yaml --out generated

writes ``generated/pachca_profile_api`` (attrs models and sync/async calls)
and ``generated/pachca_profile_schemas`` (pydantic v2 models). The output
depends on the spec, the config and the templates only: no timestamps, no
absolute paths, so two runs give the same bytes.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "generator-config.yaml"
TEMPLATES = ROOT / "templates"

API_PACKAGE = "pachca_profile_api"
SCHEMAS_PACKAGE = "pachca_profile_schemas"


def generate(
    spec: Path,
    out: Path,
    *,
    api_package: str = API_PACKAGE,
    schemas_package: str | None = SCHEMAS_PACKAGE,
) -> list[Path]:
    """Write the generated packages for ``spec`` below ``out``.

    Each package folder is replaced as a whole, so an operation or model
    removed from the spec disappears from the output. Returns the package
    folders written. Raises ``subprocess.CalledProcessError`` when a
    generator refuses the spec (a warning counts as a refusal).
    """
    spec = spec.resolve()
    out.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="pachca-generate-") as tmp:
        staging = Path(tmp)
        api_dir = staging / api_package
        _run_openapi_python_client(spec, api_dir, api_package)
        written = [api_dir]

        if schemas_package is not None:
            schemas_dir = staging / schemas_package
            _run_datamodel_codegen(spec, schemas_dir)
            written.append(schemas_dir)

        for package in written:
            (package / "py.typed").write_text("", encoding="utf-8")
        _format(written)

        targets = []
        for package in written:
            target = out / package.name
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(package, target)
            targets.append(target)

    return targets


def _run_openapi_python_client(spec: Path, target: Path, package: str) -> None:
    config = target.parent / "generator-config.yaml"
    text = CONFIG.read_text(encoding="utf-8")
    text = text.replace(API_PACKAGE, package)
    config.write_text(text, encoding="utf-8")

    _run(
        "openapi-python-client",
        "generate",
        "--path",
        str(spec),
        "--config",
        str(config),
        "--custom-template-path",
        str(TEMPLATES),
        "--meta",
        "none",
        "--output-path",
        str(target),
        "--overwrite",
        "--fail-on-warning",
    )
    config.unlink()


def _run_datamodel_codegen(spec: Path, target: Path) -> None:
    target.mkdir(parents=True)

    # The header names the input file; running from the spec's folder with
    # its bare name keeps machine-specific paths out of the output.
    _run(
        "datamodel-codegen",
        "--input",
        spec.name,
        "--input-file-type",
        "openapi",
        "--openapi-scopes",
        "schemas",
        "paths",
        "--output",
        str(target / "__init__.py"),
        "--output-model-type",
        "pydantic_v2.BaseModel",
        "--target-python-version",
        "3.10",
        "--disable-timestamp",
        "--formatters",
        "builtin",
        "--use-annotated",
        "--field-constraints",
        "--use-standard-collections",
        "--use-union-operator",
        "--use-schema-description",
        "--use-field-description",
        "--capitalise-enum-members",
        "--allow-extra-fields",
        cwd=spec.parent,
    )


def _format(packages: list[Path]) -> None:
    paths = [str(p) for p in packages]
    common = ["--isolated", "--no-cache", "--target-version", "py310"]
    _run(
        "ruff",
        "check",
        *common,
        "--select",
        "F401,I001,UP",
        "--fix-only",
        "--exit-zero",
        "--quiet",
        *paths,
    )
    _run("ruff", "format", *common, "--quiet", *paths)


def _run(*command: str, cwd: Path | None = None) -> None:
    logger.info("running %s", " ".join(command[:2]))
    env = dict(os.environ, PYTHONHASHSEED="0")
    subprocess.run(command, check=True, cwd=cwd, env=env)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=ROOT / "openapi.yaml")
    parser.add_argument("--out", type=Path, default=ROOT / "generated")
    parser.add_argument("--api-package", default=API_PACKAGE)
    parser.add_argument(
        "--schemas-package",
        default=SCHEMAS_PACKAGE,
        help="name of the pydantic package; 'none' skips it",
    )
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    schemas = None if args.schemas_package == "none" else args.schemas_package
    for path in generate(
        args.spec, args.out, api_package=args.api_package, schemas_package=schemas
    ):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
