"""A read-only study file in a read-only folder opens for review (read_only=True), no crash."""

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from jdmdesk.db import lock as lockmod
from jdmdesk.db.studyfile import create_study, open_study
from jdmdesk.services.results import Status

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import sys
sys.path.insert(0, sys.argv[2])
import os
from pathlib import Path
from jdmdesk.db import keystore
from jdmdesk.db.lock import open_locked
# another process: the encrypted study opens with its recovery key (no write to the key file)
keystore.unlock_with_recovery(Path(sys.argv[1]), os.environ["JDMDESK_RECOVERY_KEY"])
opened = open_locked(Path(sys.argv[1]))
try:
    n = opened.study.conn.execute("SELECT count(*) FROM patient").fetchone()[0]
    print(opened.read_only, n, opened.lock is None)
    print(" | ".join(opened.notices))
finally:
    opened.close()
"""


RECOVERY: dict[Path, str] = {}


@pytest.fixture
def ro_study():
    """A study with one patient, chmod 0444, in a 0555 folder readable by everyone."""
    top = Path(tempfile.mkdtemp(prefix="jdm-ro-"))
    os.chmod(top, 0o755)
    folder = top / "study"
    folder.mkdir()
    s = create_study(folder / "ro.jdm")
    s.conn.execute("INSERT INTO patient (id, study_code, sex, birth_date, created_at, updated_at) "
                   "VALUES (?, 'P-1', 'F', '2015-01-01', 'x', 'x')", ("a" * 36,))
    s.close()
    RECOVERY[s.path] = s.recovery_key
    os.chmod(s.path, 0o444)
    os.chmod(folder, 0o555)
    yield s.path
    os.chmod(folder, 0o755)
    shutil.rmtree(top)


def _honour_mode_bits(path, mode, **kwargs):
    """os.access as an unprivileged user sees it (root bypasses permission bits)."""
    st = os.stat(path)
    if mode & os.W_OK:
        return bool(st.st_mode & stat.S_IWUSR) and bool(st.st_mode & stat.S_IWOTH)
    return True


def test_read_only_file_and_folder_open_for_review(ro_study, monkeypatch, qapp):
    if os.geteuid() == 0:
        monkeypatch.setattr(os, "access", _honour_mode_bits)
    before = ro_study.read_bytes(), ro_study.stat().st_mtime_ns
    s = open_study(ro_study)
    try:
        assert s.read_only
        assert s.conn.execute("SELECT count(*) FROM patient").fetchone()[0] == 1
        from jdmdesk.services.records import RecordService

        result = RecordService(s, "t").save("visit", {"visit_date": "2024-01-01"},
                                            patient_id="a" * 36)
        assert result.status is Status.FORBIDDEN and "read-only" in result.message
    finally:
        s.close()
    assert (ro_study.read_bytes(), ro_study.stat().st_mtime_ns) == before


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_unprivileged_user_opens_read_only_with_a_notice(ro_study):
    """The real thing, without monkeypatching: as an unprivileged user (via setpriv when root)."""
    cmd = [sys.executable, "-c", CHILD, str(ro_study), str(ROOT)]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: permission bits are bypassed")
        cmd = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", *cmd]
    before = ro_study.read_bytes(), ro_study.stat().st_mtime_ns
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd="/",
                          env={**os.environ, "JDMDESK_RECOVERY_KEY": RECOVERY[ro_study]})
    if proc.returncode != 0 and "Permission denied" in proc.stderr and "python" in proc.stderr:
        pytest.skip("the unprivileged user cannot run this interpreter")
    assert proc.returncode == 0, proc.stderr
    first, notices = proc.stdout.splitlines()[:2]
    assert first == "True 1 True"
    assert "cannot be locked for editing" in notices and "read-only" in notices
    assert (ro_study.read_bytes(), ro_study.stat().st_mtime_ns) == before
    assert sorted(os.listdir(ro_study.parent)) == ["ro.jdm", "ro.jdm.keys"]


def test_asking_for_read_only_never_writes(tmp_path):
    s = create_study(tmp_path / "s.jdm")
    s.close()
    before = s.path.read_bytes(), s.path.stat().st_mtime_ns
    opened = lockmod.open_locked(s.path, read_only=True)
    try:
        assert opened.read_only and opened.lock is None
        assert not lockmod.lock_path(s.path).exists()
    finally:
        opened.close()
    assert (s.path.read_bytes(), s.path.stat().st_mtime_ns) == before
