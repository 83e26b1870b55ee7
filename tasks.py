"""Bootstrap JDM Desk on a fresh machine with nothing but Python 3.11+.

    python3 tasks.py demo    # make .venv, install, build the demo study, open the app on it
    python3 tasks.py test    # make .venv, install with test extras, run the whole suite offscreen
    python3 tasks.py i18n    # pyside6-lupdate + pyside6-lrelease: update resources/i18n/*.ts,
                             # list the strings without a Dutch translation, compile the .qm

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

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".jdmdesk-installed"
DEMO_STUDY = ROOT / "out" / "demo.jdm"


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


def run_i18n(python: Path) -> int:
    """Translations (issue 21); the compiled .qm files are committed, so demo and test never
    need this step."""
    return subprocess.call([str(python), "-m", "jdmdesk.ui.translations"], cwd=ROOT)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"demo", "test", "i18n"}:
        print(__doc__, file=sys.stderr)
        return 2
    python = ensure_venv()
    if argv[0] == "demo":
        return run_demo(python, argv[1:])
    if argv[0] == "i18n":
        return run_i18n(python)
    return run_tests(python, argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
