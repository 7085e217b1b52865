"""Export every generated .docx sample to .pdf and .doc the way offices do: through LibreOffice.

    python scripts/make_office_samples.py            # (re)write samples/*.pdf, *.doc
    python scripts/make_office_samples.py --check    # exit 1 if a source .docx changed since

LibreOffice output is not byte-for-byte reproducible (it stamps dates and ids),
so the exported files are committed and ``samples/office-exports.json`` records,
for each, the SHA-256 of the .docx it was made from. A test compares those
digests with the current .docx files, which tells when to run this again without
needing LibreOffice. Exporting needs ``soffice`` and a CJK font (on Debian:
``apt-get install libreoffice-writer fonts-wqy-zenhei``); without a CJK font
LibreOffice writes one glyph for every Chinese character.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
MANIFEST = SAMPLES / "office-exports.json"
FORMATS = ("pdf", "doc")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sources() -> list[Path]:
    return sorted(SAMPLES.glob("*.docx"))


def expected_manifest() -> dict[str, dict[str, str]]:
    return {
        f"{src.stem}.{fmt}": {"source": src.name, "source_sha256": digest(src)}
        for src in sources()
        for fmt in FORMATS
    }


def export(soffice: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for src in sources():
            shutil.copy(src, tmp)
        for fmt in FORMATS:
            subprocess.run(
                [soffice, "--headless", "--convert-to", fmt, "--outdir", tmp, *map(str, sources())],
                check=True,
                capture_output=True,
                timeout=600,
            )
            for src in sources():
                shutil.copy(Path(tmp) / f"{src.stem}.{fmt}", SAMPLES / f"{src.stem}.{fmt}")
    MANIFEST.write_text(
        json.dumps(expected_manifest(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Export the .docx samples to .pdf and .doc.")
    parser.add_argument("--check", action="store_true", help="only compare the recorded digests")
    args = parser.parse_args(argv)
    if args.check:
        recorded = json.loads(MANIFEST.read_text(encoding="utf-8")) if MANIFEST.exists() else {}
        stale = sorted(
            name
            for name, entry in expected_manifest().items()
            if recorded.get(name) != entry or not (SAMPLES / name).is_file()
        )
        for name in stale:
            print(f"out of date: {name}", file=sys.stderr)
        return 1 if stale else 0
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("soffice (LibreOffice) is needed to export the samples", file=sys.stderr)
        return 2
    export(soffice)
    print(f"exported {len(sources())} samples to {', '.join(FORMATS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
