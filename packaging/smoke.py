"""Does the built bundle work on a machine without Python? (``tasks.py bundle --smoke``, the
slow test tests/test_bundle.py.) Standard library only.

Every command runs in a clean environment, as ``env -i HOME=<fresh> PATH=/usr/bin:/bin`` would
give: no virtual environment, no PYTHONPATH, no Python on the path that the bundle could lean
on. The checks: ``--version``; ``demo`` writes a study; ``check`` verifies it; ``export`` writes
the ZIP of CSVs, the workbook, CDISC ODM and Stata files (xlsxwriter, lxml, pandas and
pyreadstat inside the bundle); ``report`` writes a PDF; and the window opens offscreen (the
login dialog filled in, the main window painted and saved as a PNG).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE_NAME = "jdmdesk.exe" if os.name == "nt" else "jdmdesk"
BUNDLE = ROOT / "dist" / "jdmdesk"
SIZE_BUDGET_MB = 250
TIMEOUT_S = 600  # a loaded 2-core machine is slow; a hang still ends


def executable(bundle: Path = BUNDLE) -> Path:
    return bundle / EXE_NAME


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of ``env -i HOME=home PATH=/usr/bin:/bin`` plus ``extra``."""
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin"}
    if os.name == "nt":  # Windows cannot start a program without these
        env = {key: os.environ[key] for key in ("SYSTEMROOT", "WINDIR", "TEMP", "TMP")
               if key in os.environ}
        env.update(USERPROFILE=str(home), APPDATA=str(home / "AppData"), PATH="")
    env.update(extra)
    return env


def size_bytes(folder: Path) -> int:
    """Unpacked size: the bytes of every file (a symbolic link counts as nothing)."""
    total = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
    return total


@dataclass
class Result:
    name: str
    ok: bool
    seconds: float
    detail: str


@dataclass
class Run:
    code: int
    out: str
    err: str


def run(exe: Path, args: list[str], env: dict[str, str], cwd: Path) -> Run:
    done = subprocess.run([str(exe), *args], env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=TIMEOUT_S, check=False, stdin=subprocess.DEVNULL)
    return Run(done.returncode, done.stdout, done.stderr)


def demo_manager(out: str) -> tuple[str, str]:
    """The data manager's user name and password from ``jdmdesk demo``'s output."""
    found = re.search(r"Data manager: (\S+) / (\S+?)(?:;|$)", out, re.MULTILINE)
    if found is None:
        raise ValueError("jdmdesk demo printed no data manager account")
    return found.group(1), found.group(2)


def _starts(path: Path, magic: bytes) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(len(magic)) == magic
    except OSError:
        return False


def smoke(exe: Path, work: Path, version: str,
          report: Callable[[Result], None] = lambda r: None) -> list[Result]:
    """Run every check with ``exe`` in ``work`` (a fresh folder); stops at a failed step that
    later ones need (no demo study: nothing else can run)."""
    home = work / "home"
    home.mkdir(parents=True, exist_ok=True)
    results: list[Result] = []

    def step(name: str, args: list[str], check: Callable[[Run], str | None],
             **extra: str) -> Run:
        start = time.perf_counter()
        try:
            done = run(exe, args, clean_env(home, **extra), work)
            problem = check(done)
        except (OSError, subprocess.SubprocessError) as err:
            done, problem = Run(-1, "", str(err)), str(err)
        if problem is None and done.code != 0:
            problem = f"exit {done.code}"
        if problem is None and "Traceback (most recent call last)" in done.err:
            problem = "a Python traceback on stderr"
        detail = problem or "ok"
        if problem:
            lines = [ln for ln in (done.err or done.out).strip().splitlines()
                     if "propagateSizeHints" not in ln]
            detail += ": " + " | ".join(lines[-3:])
        result = Result(name, problem is None, time.perf_counter() - start, detail)
        results.append(result)
        report(result)
        return done

    def version_ok(done: Run) -> str | None:
        text = done.out
        for wanted in (f"JDM Desk {version} (bundled application)", "study file schema version",
                       "Qt ", "SQLCipher", "Python "):
            if wanted not in text:
                return f"--version does not say {wanted!r}"
        return None

    step("--version", ["--version"], version_ok)
    study = work / "demo.jdm"
    demo = step("demo", ["demo", str(study)],
                lambda d: None if study.is_file() else "no study file was written")
    if not study.is_file():
        return results
    try:
        user, password = demo_manager(demo.out)
    except ValueError as err:
        results.append(Result("demo accounts", False, 0.0, str(err)))
        return results
    login = {"JDMDESK_USER": user, "JDMDESK_PASSWORD": password}
    step("check", ["check", str(study)],
         lambda d: None if "audit" in d.out.lower() else "check printed no audit line", **login)
    for fmt, name, magic in (("bundle", "export.zip", b"PK"), ("xlsx", "export.xlsx", b"PK"),
                             ("odm", "export.xml", b"<?xml"), ("stata", "stata.zip", b"PK")):
        out = work / name
        step(f"export {fmt}", ["export", str(study), "--format", fmt, "--output", str(out)],
             lambda d, out=out, magic=magic: None if _starts(out, magic)
             else f"{out.name} missing or not a {magic!r} file", **login)
    pdf = work / "report.pdf"
    step("report", ["report", str(study), "--patient", "SYN-001", "--output", str(pdf)],
         lambda d: None if _starts(pdf, b"%PDF") else "no PDF written", **login)
    shot = work / "window.png"
    step("window (offscreen)", [str(study)],
         lambda d: None if "first paint: MainWindow" in d.err and _starts(shot, b"\x89PNG")
         else "the main window did not paint", QT_QPA_PLATFORM="offscreen",
         JDMDESK_FIRST_PAINT=str(shot), **login)
    return results


def print_result(result: Result) -> None:
    mark = "ok  " if result.ok else "FAIL"
    print(f"  {mark} {result.name:<20} {result.seconds:6.1f} s  {result.detail}", flush=True)


def main(argv: list[str]) -> int:
    bundle = Path(argv[0]) if argv else BUNDLE
    exe = executable(bundle)
    if not exe.exists():
        print(f"no bundle at {bundle}: build it with 'python3 tasks.py bundle'", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    from jdmdesk import __version__

    print(f"smoke test of {exe} in a clean environment (no Python, fresh HOME):")
    with tempfile.TemporaryDirectory(prefix="jdmdesk-smoke-") as tmp:
        results = smoke(exe, Path(tmp), __version__, print_result)
    failed = [r for r in results if not r.ok]
    print(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
