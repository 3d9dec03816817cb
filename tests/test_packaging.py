"""An installed editqa finds its built-in rules and dictionaries without the source tree."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import REPO


def test_wheel_ships_rules_and_dictionaries_with_licences(tmp_path: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(tmp_path),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    (wheel,) = tmp_path.glob("editqa-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    rules = {n for n in names if n.startswith("editqa/builtin_rules/") and n.endswith(".yml")}
    source_rules = {
        p.relative_to(REPO / "rules").as_posix() for p in (REPO / "rules").rglob("*.yml")
    }
    assert {r.removeprefix("editqa/builtin_rules/") for r in rules} == source_rules
    for lang in ("en-gb", "en-us", "ru", "de", "fr", "es"):
        base = f"editqa/resources/dictionaries/{lang}/"
        assert {base + f"{lang}.aff", base + f"{lang}.dic", base + "LICENSE"} <= names
    assert "editqa/py.typed" in names
