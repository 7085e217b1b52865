"""Set up a virtual environment and run the checker or its tests.

Works the same on Linux, macOS and Windows with nothing but Python 3.11+:

    python3 scripts/dev.py demo    # install, then check the bundled seed report
    python3 scripts/dev.py test    # install with test extras, then run the test suite on every core
    python3 scripts/dev.py lint    # ruff and mypy

The package is installed non-editable, as a user would install it, so the
tests also prove that the wheel carries its rule packs and schemas.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")


def run(*args: str | os.PathLike[str]) -> int:
    return subprocess.call([str(a) for a in args], cwd=ROOT)


def ensure_venv() -> None:
    if not PY.exists():
        print("creating .venv …", flush=True)
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)


# The distribution was once called `checker`, a name PyPI gives to another project.
_FORMER_NAME_PROBE = (
    "import importlib.metadata as m, sys\n"
    "try:\n"
    "    eps = m.distribution('checker').entry_points\n"
    "except m.PackageNotFoundError:\n"
    "    sys.exit(1)\n"
    "sys.exit(0 if any(e.value == 'checker.cli:main' for e in eps) else 1)\n"
)


def drop_former_name() -> None:
    """An older .venv holds this project under its former name: remove that copy first."""
    if subprocess.call([str(PY), "-c", _FORMER_NAME_PROBE], cwd=ROOT) == 0:
        run(PY, "-m", "pip", "uninstall", "--quiet", "--yes", "checker")


def install(extras: str = "") -> None:
    ensure_venv()
    drop_former_name()
    target = f".[{extras}]" if extras else "."
    code = run(
        PY,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "--no-cache-dir",
        target,
    )
    if code:
        sys.exit(code)


def main(argv: list[str]) -> int:
    task = argv[0] if argv else "demo"
    rest = argv[1:]
    if task == "demo":
        install()
        sample = rest or ["samples/seed-2018-xinxiang.txt"]
        code = run(PY, "-m", "checker", "check", *sample)
        return 0 if code in (0, 1) else code  # findings are the point of the demo
    if task == "test":
        install("test")
        # every core (pytest-xdist, from the test extra), unless the caller chose otherwise
        parallel = (
            []
            if any(a.startswith(("-n", "--numprocesses", "-p")) for a in rest)
            else ["-n", "auto"]
        )
        code = run(PY, "-m", "pytest", *parallel, *rest)
        return code
    if task == "lint":
        install("dev")
        return run(PY, "-m", "ruff", "check", "src", "tests", "scripts") or run(PY, "-m", "mypy")
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
