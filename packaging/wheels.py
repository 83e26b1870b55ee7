"""``python3 tasks.py wheels``: can every pinned dependency be installed from a wheel on the
systems clinics use? Asks the package index with ``pip download --only-binary=:all: --no-deps
--platform … --python-version …`` and prints a Markdown table (the README's). Standard library
only; downloads go to a temporary folder that is deleted afterwards.

Rerun it whenever a pin in pyproject.toml changes, and paste its table into the README.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHONS = ("3.11", "3.12", "3.13")
# (column, pip --platform tags). pip widens a macOS tag to the older versions it implies
# (macosx_13_0_arm64 takes macosx_11_0 wheels too) but not a manylinux one: every glibc
# level up to 2.34 is named (2.34: PySide6 6.11's Linux wheels need it).
MANYLINUX = (*(f"manylinux_2_{minor}_x86_64" for minor in range(34, 16, -1)),
             "manylinux2014_x86_64", "manylinux2010_x86_64", "manylinux1_x86_64")
PLATFORMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Windows x64", ("win_amd64",)),
    ("macOS arm64 (13+)", ("macosx_13_0_arm64",)),  # PySide6 6.11 needs macOS 13
    ("macOS x86_64 (13+)", ("macosx_13_0_x86_64",)),
    ("Linux x86_64 (glibc 2.34+)", MANYLINUX),
)
WORKERS = 4


def pinned(pyproject: Path = ROOT / "pyproject.toml") -> list[tuple[str, str]]:
    """(name, version) of every runtime dependency; each must be pinned with ``==``."""
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    pins = []
    for requirement in data["project"]["dependencies"]:
        found = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+)\s*==\s*([^\s;]+)\s*", requirement)
        if found is None:
            raise ValueError(f"not pinned with ==: {requirement!r}")
        pins.append((found.group(1), found.group(2)))
    return pins


def pip_download_args(name: str, version: str, platforms: tuple[str, ...], python: str,
                      dest: Path, cache: Path) -> list[str]:
    tags = [arg for tag in platforms for arg in ("--platform", tag)]
    return ["-m", "pip", "--disable-pip-version-check", "download", "--quiet",
            "--only-binary=:all:", "--no-deps", *tags,
            "--python-version", python, "--implementation", "cp", "--dest", str(dest),
            "--cache-dir", str(cache), f"{name}=={version}"]


@dataclass(frozen=True)
class Answer:
    wheel: str | None  # the wheel's file name, None when the index has none
    error: str = ""


def ask_index(python_exe: str, name: str, version: str, platforms: tuple[str, ...],
              python: str, work: Path) -> Answer:
    dest = Path(tempfile.mkdtemp(dir=work))
    done = subprocess.run([python_exe, *pip_download_args(name, version, platforms, python,
                                                          dest, work / "cache")],
                          capture_output=True, text=True, check=False)
    wheels = sorted(p.name for p in dest.glob("*.whl"))
    for path in dest.iterdir():
        path.unlink()
    dest.rmdir()
    if done.returncode == 0 and wheels:
        return Answer(wheels[0])
    lines = [ln for ln in done.stderr.splitlines() if ln.strip()]
    return Answer(None, lines[-1] if lines else f"pip exit {done.returncode}")


def cell(answers: dict[str, Answer]) -> str:
    have = [py for py in PYTHONS if answers[py].wheel]
    if len(have) == len(PYTHONS):
        return "yes"
    if not have:
        return "**no**"
    return "only " + ", ".join(have)


def table(pins: list[tuple[str, str]],
          results: dict[tuple[str, str, str], Answer]) -> str:
    """Markdown; ``results`` is keyed by (dependency, column, Python version)."""
    head = ["dependency", *[column for column, _ in PLATFORMS]]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, version in pins:
        row = [f"{name} {version}"]
        for column, _ in PLATFORMS:
            row.append(cell({py: results[(name, column, py)] for py in PYTHONS}))
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def check_all(python_exe: str, pins: list[tuple[str, str]], work: Path,
              progress: Callable[[str], None] = lambda s: None
              ) -> dict[tuple[str, str, str], Answer]:
    jobs = [(name, version, column, tags, py) for name, version in pins
            for column, tags in PLATFORMS for py in PYTHONS]
    results: dict[tuple[str, str, str], Answer] = {}
    with ThreadPoolExecutor(WORKERS) as pool:
        futures = {job: pool.submit(ask_index, python_exe, job[0], job[1], job[3], job[4], work)
                   for job in jobs}
        for (name, _, column, _, py), future in futures.items():
            results[(name, column, py)] = future.result()
            progress(".")
    return results


def has_pip(python_exe: str) -> bool:
    return subprocess.run([python_exe, "-m", "pip", "--version"], capture_output=True,
                          check=False).returncode == 0


def main(argv: list[str], python_exe: str | None = None) -> int:
    """``python_exe``: a Python with pip (default: this one)."""
    if argv:
        print("tasks.py wheels takes no arguments", file=sys.stderr)
        return 2
    python_exe = python_exe or sys.executable
    if not has_pip(python_exe):
        print(f"pip is not available for {python_exe}", file=sys.stderr)
        return 2
    pins = pinned()
    print(f"asking the package index for {len(pins)} pinned dependencies x "
          f"{len(PLATFORMS)} platforms x CPython {', '.join(PYTHONS)} ...", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="jdmdesk-wheels-") as tmp:
        results = check_all(python_exe, pins, Path(tmp),
                            lambda s: print(s, end="", file=sys.stderr, flush=True))
    print(file=sys.stderr)
    print(table(pins, results))
    day = datetime.now(UTC).date().isoformat()
    print(f"\n\"yes\": PyPI has a wheel for CPython {', '.join(PYTHONS)} (pip download "
          f"--only-binary=:all: --platform {' / '.join(tags[0] for _, tags in PLATFORMS)}), "
          f"checked {day}.")
    missing = [(key, answer) for key, answer in results.items() if answer.wheel is None]
    for (name, column, py), answer in missing:
        print(f"missing: {name} for {column}, CPython {py}: {answer.error}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
