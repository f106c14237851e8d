"""The validators the tests run over every page: the Nu HTML Checker (vnu-jar) and axe-core.

Both come from the npm registry, pinned in package.json (`npm ci`, which `make test` runs). When
they or Java are missing the checks are skipped, unless REQUIRE_BROWSER is set, as in CI.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def require(path: Path, *programs: str) -> None:
    missing = [str(path)] if not path.exists() else []
    missing += [program for program in programs if shutil.which(program) is None]
    if missing:
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(f"missing for the page checks: {', '.join(missing)} (run `npm ci`)")
        pytest.skip(f"missing for the page checks: {', '.join(missing)}")


def vnu_errors(files: list[Path]) -> list[str]:
    """The HTML errors the Nu HTML Checker finds in the files, as 'file: line: message'."""
    require(VNU, "java")
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    return [f"{Path(m.get('url', '')).name}: {m.get('lastLine', '?')}: {m['message']}" for m in messages]


def libreoffice_convert(source: Path, target_filter: str, outdir: Path, *, infilter: str = "") -> list[Path]:
    """Open a file in LibreOffice (headless, Debian's libreoffice-*-nogui) and save it through a filter;
    the files it wrote. Skipped without LibreOffice, unless REQUIRE_BROWSER is set, as in CI."""
    require(ROOT, "soffice")
    outdir.mkdir(parents=True, exist_ok=True)
    profile = outdir / "profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            *([f"--infilter={infilter}"] if infilter else []),
            "--convert-to",
            target_filter,
            "--outdir",
            str(outdir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return sorted(p for p in outdir.iterdir() if p.is_file())
