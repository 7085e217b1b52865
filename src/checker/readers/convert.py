"""Conversion through LibreOffice, for full fidelity on binary Word and WPS files.

Only on request (``--convert-with soffice``): findings should not depend on what
happens to be installed, and the own .doc reader already gets every table cell of
our samples right. The input is copied into a private temporary folder (never
converted in place) and LibreOffice runs with a profile of its own there, so
parallel runs do not wait on one another's lock.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from checker.errors import ReadError

CONVERTERS = ("soffice",)


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_docx(data: bytes, name: str, ext: str, timeout: float) -> bytes:
    """The .docx LibreOffice makes of ``data`` (a .doc or .wps file)."""
    exe = soffice_path()
    if exe is None:
        raise ReadError(name, "conversion-failed", "soffice (LibreOffice) is not installed")
    with tempfile.TemporaryDirectory(prefix="checker-convert-") as tmp:
        folder = Path(tmp)
        source = folder / f"input{ext}"
        source.write_bytes(data)
        command = [
            exe,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx",
            "--outdir",
            str(folder),
            str(source),
        ]
        try:
            run = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise ReadError(
                name, "conversion-failed", f"LibreOffice took over {timeout:g} s"
            ) from None
        except OSError as exc:
            raise ReadError(name, "conversion-failed", exc.strerror or str(exc)) from None
        out = folder / "input.docx"
        if not out.is_file():
            said = run.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
            raise ReadError(name, "conversion-failed", f"LibreOffice wrote no .docx ({said[0]})")
        return out.read_bytes()
