"""Bootstrap JDM Desk on a fresh machine with nothing but Python 3.11+.

    python3 tasks.py demo    # make .venv, install, build the demo study, open the app on it
    python3 tasks.py test    # make .venv, install with test extras, run the whole suite offscreen
    python3 tasks.py i18n    # pyside6-lupdate + pyside6-lrelease: update resources/i18n/*.ts,
                             # list the strings without a Dutch translation, compile the .qm

For packagers:

    python3 tasks.py bundle [--smoke]  # the self-contained app in dist/jdmdesk (PyInstaller);
                                       # --smoke: then run it as a user would (see smoke)
    python3 tasks.py smoke             # check the built dist/jdmdesk in a clean environment
    python3 tasks.py wheels            # does every pinned dependency have a wheel for
                                       # Windows, macOS and Linux, CPython 3.11-3.13?

On Windows use ``py tasks.py demo`` / ``py tasks.py test``. Standard library only: this file runs
before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
import venv
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".jdmdesk-installed"
BUNDLE_STAMP = VENV / ".jdmdesk-bundle-installed"
DEMO_STUDY = ROOT / "out" / "demo.jdm"
SPEC = ROOT / "packaging" / "jdmdesk.spec"
DIST = ROOT / "dist"


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def ensure_venv() -> Path:
    """Create .venv and install the package with its test extras when pyproject changed."""
    python = venv_python()
    if not python.exists():
        print("Creating virtual environment in .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text(encoding="utf-8") != wanted:
        print("Installing JDM Desk and its pinned dependencies ...", flush=True)
        pip = [str(python), "-m", "pip", "--disable-pip-version-check"]
        subprocess.run([*pip, "install", "--quiet", "--upgrade", "pip"], check=True)
        subprocess.run([*pip, "install", "--quiet", "-e", f"{ROOT}[test]"], check=True)
        STAMP.write_text(wanted, encoding="utf-8")
    return python


def _demo_has_accounts(python: Path, path: Path) -> bool:
    """A demo study written before access control has no accounts to log in with."""
    probe = "import sys; from jdmdesk.demo import has_accounts; " \
            "sys.exit(0 if has_accounts(sys.argv[1]) else 1)"
    return subprocess.call([str(python), "-c", probe, str(path)]) == 0


def run_demo(python: Path, extra: list[str]) -> int:
    DEMO_STUDY.parent.mkdir(exist_ok=True)
    if DEMO_STUDY.exists() and not _demo_has_accounts(python, DEMO_STUDY):
        old = DEMO_STUDY.with_name(f"demo-before-accounts-{int(time.time())}.jdm")
        DEMO_STUDY.rename(old)  # kept, never deleted
        print(f"the old demo study (no user accounts) was moved to {old}")
    if not DEMO_STUDY.exists():
        subprocess.run([str(python), "-m", "jdmdesk", "demo", str(DEMO_STUDY)], check=True)
    return subprocess.call([str(python), "-m", "jdmdesk", str(DEMO_STUDY), *extra])


def run_tests(python: Path, extra: list[str]) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.call([str(python), "-m", "pytest", *extra], cwd=ROOT, env=env)


def _packaging(name: str) -> ModuleType:
    """A helper module of packaging/ (standard library only)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"jdmdesk_{name}", ROOT / "packaging" /
                                                  f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def ensure_bundle_tools(python: Path) -> None:
    """PyInstaller, pinned in pyproject's ``bundle`` extra (not needed to run or test)."""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if BUNDLE_STAMP.exists() and BUNDLE_STAMP.read_text(encoding="utf-8") == wanted:
        return
    print("Installing the bundle tools (PyInstaller) ...", flush=True)
    subprocess.run([str(python), "-m", "pip", "--disable-pip-version-check", "install",
                    "--quiet", "-e", f"{ROOT}[bundle]"], check=True)
    BUNDLE_STAMP.write_text(wanted, encoding="utf-8")


def build_bundle(python: Path) -> int:
    """dist/jdmdesk: PyInstaller on packaging/jdmdesk.spec (the same spec on every system)."""
    started = time.perf_counter()
    code = subprocess.call([str(python), "-m", "PyInstaller", "--noconfirm", "--log-level",
                            "WARN", "--distpath", str(DIST), "--workpath", str(ROOT / "build"),
                            str(SPEC)], cwd=ROOT)
    if code != 0:
        print(f"PyInstaller failed (exit {code})", file=sys.stderr)
        return code
    smoke = _packaging("smoke")
    size_mb = smoke.size_bytes(smoke.BUNDLE) / 1e6
    print(f"built {smoke.executable()} in {time.perf_counter() - started:.0f} s; "
          f"{size_mb:.0f} MB unpacked (budget {smoke.SIZE_BUDGET_MB} MB)")
    if size_mb > smoke.SIZE_BUDGET_MB:
        print(f"the bundle is over its size budget of {smoke.SIZE_BUDGET_MB} MB",
              file=sys.stderr)
        return 1
    return 0


def run_bundle(argv: list[str]) -> int:
    unknown = [a for a in argv if a != "--smoke"]
    if unknown:
        print(f"tasks.py bundle: unknown option {unknown[0]} (only --smoke)", file=sys.stderr)
        return 2
    python = ensure_venv()
    ensure_bundle_tools(python)
    code = build_bundle(python)
    if code == 0 and "--smoke" in argv:
        code = _packaging("smoke").main([])
    return code


def run_i18n(python: Path) -> int:
    """Translations (issue 21); the compiled .qm files are committed, so demo and test never
    need this step."""
    return subprocess.call([str(python), "-m", "jdmdesk.ui.translations"], cwd=ROOT)


def main(argv: list[str]) -> int:
    commands = {"demo", "test", "i18n", "bundle", "smoke", "wheels"}
    if not argv or argv[0] not in commands:
        print(__doc__, file=sys.stderr)
        return 2
    if argv[0] == "bundle":
        return run_bundle(argv[1:])
    if argv[0] == "smoke":
        return _packaging("smoke").main(argv[1:])
    if argv[0] == "wheels":
        wheels = _packaging("wheels")
        # this Python's pip when it has one (a Debian python3 may not): else the project's venv
        python = sys.executable if wheels.has_pip(sys.executable) else str(ensure_venv())
        return wheels.main(argv[1:], python)
    python = ensure_venv()
    if argv[0] == "demo":
        return run_demo(python, argv[1:])
    if argv[0] == "i18n":
        return run_i18n(python)
    return run_tests(python, argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
