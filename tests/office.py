"""LibreOffice (headless) for tests: converting .docx to PDF and rendering pages.

``.ci/setup-office`` installs it on CI; locally the tests that need it skip when it is
absent, on CI (``CI`` set) they fail, so a broken install cannot pass unnoticed."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("no soffice on CI (.ci/setup-office should have installed LibreOffice)")
    pytest.skip("LibreOffice (soffice) is not installed")


def convert(files: list[Path], outdir: Path, target: str = "pdf") -> list[Path]:
    """Convert ``files`` with one soffice run (a private profile, so parallel runs and a
    desktop LibreOffice do not collide); every output must exist and be non-empty."""
    binary = soffice()
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="giaoban-qa-lo-") as profile:
        proc = subprocess.run(
            [binary, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", target, "--outdir", str(outdir), *map(str, files)],
            capture_output=True,
            text=True,
            timeout=300,
        )
    outputs = [outdir / (f.stem + "." + target.split(":")[0]) for f in files]
    missing = [str(p) for p in outputs if not p.exists() or p.stat().st_size == 0]
    assert proc.returncode == 0 and not missing, f"soffice failed ({proc.returncode}): {proc.stderr[-2000:]} missing={missing}"
    assert "Error" not in proc.stderr, proc.stderr[-2000:]
    return outputs


def render_page(pdf: Path, png_prefix: Path, page: int = 1, dpi: int = 60) -> Path:
    """Page ``page`` of ``pdf`` as a PNG (poppler's pdftoppm)."""
    binary = shutil.which("pdftoppm")
    if not binary:
        if os.environ.get("CI"):
            pytest.fail("no pdftoppm on CI (.ci/setup-office should have installed poppler-utils)")
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    subprocess.run([binary, "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(png_prefix)], check=True, timeout=120)
    return png_prefix.with_suffix(".png")
