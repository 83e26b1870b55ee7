"""Real storage faults without privileges: a child Python runs in its own user and mount
namespace (``unshare -rm``) on a small tmpfs that can be filled or remounted read-only.

``run_on_tmpfs(setup, check)`` runs ``setup`` (Python source) with the working directory on a
fresh tmpfs, then applies ``fault`` ("ro" remounts it read-only; "full" fills it), then runs
``check``; both print what the test compares. Skipped where namespaces are not allowed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

_PRELUDE = f"import sys, os\nsys.path.insert(0, {str(ROOT)!r})\nfrom pathlib import Path\n"

_SCRIPT = """
set -e
mount -t tmpfs -o size={size} tmpfs "$MNT"
cd "$MNT"
"$PY" "$SETUP"
{fault}
"$PY" "$CHECK"
"""

_FAULTS = {
    "ro": 'mount -o remount,ro "$MNT"',
    # fill every free block: the next write that needs one gets ENOSPC
    "full": 'dd if=/dev/zero of="$MNT/.filler" bs=4k >/dev/null 2>&1 || true',
    # leave about LEAVE bytes free
    "almost": '"$PY" -c "import shutil; n = shutil.disk_usage(\'.\').free - $LEAVE; '
              'open(\'.filler\', \'wb\').write(bytes(max(n, 0)))"',
    "none": "",
}


def namespaces_available() -> bool:
    unshare = shutil.which("unshare")
    if unshare is None or not sys.platform.startswith("linux"):
        return False
    proc = subprocess.run([unshare, "-rm", "true"], capture_output=True, check=False)
    return proc.returncode == 0


def run_on_tmpfs(setup: str, check: str, *, fault: str, size: str = "4m", leave: int = 0,
                 env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    if not namespaces_available():
        pytest.skip("unprivileged user and mount namespaces are not available here")
    with tempfile.TemporaryDirectory(prefix="jdm-ns-") as work:
        w = Path(work)
        (w / "mnt").mkdir()
        (w / "setup.py").write_text(_PRELUDE + setup, encoding="utf-8")
        (w / "check.py").write_text(_PRELUDE + check, encoding="utf-8")
        script = _SCRIPT.format(size=size, fault=_FAULTS[fault])
        env = {"MNT": str(w / "mnt"), "PY": sys.executable, "SETUP": str(w / "setup.py"),
               "CHECK": str(w / "check.py"), "PATH": "/usr/bin:/bin",
               "QT_QPA_PLATFORM": "offscreen", "HOME": work, "LEAVE": str(leave),
               **(env or {})}
        return subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True,
                              text=True, env=env, check=False, timeout=120)
