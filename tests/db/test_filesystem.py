import sys

import pytest

from jdmdesk.db import filesystem as fs

PROC_MOUNTS = """\
overlay / overlay rw,relatime 0 0
/dev/sda1 /home ext4 rw 0 0
server:/export /home/clinic/share nfs4 rw,vers=4.2 0 0
//nas/research /mnt/research\\040data cifs rw 0 0
sshfs#me@host: /mnt/ssh fuse.sshfs rw 0 0
/dev/sdb1 /home/clinic/share/local ext4 rw 0 0
"""


@pytest.mark.parametrize(("path", "expected"), [
    ("/home/clinic/share/study.jdm", "nfs4"),
    ("/home/clinic/share", "nfs4"),
    ("/home/clinic/shared/study.jdm", None),  # a prefix of the name is not a parent folder
    ("/home/clinic/share/local/study.jdm", None),  # a local disk mounted inside the share
    ("/mnt/research data/s.jdm", "cifs"),
    ("/mnt/ssh/x/s.jdm", "fuse.sshfs"),
    ("/home/me/s.jdm", None),
    ("/tmp/s.jdm", None),
])
def test_proc_mounts_longest_prefix(path, expected):
    assert fs.fstype_from_proc_mounts(path, PROC_MOUNTS) == expected


def test_bsd_mount_output():
    out = ("/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)\n"
           "//clinic@nas._smb._tcp.local/research on /Volumes/research (smbfs, nodev, nosuid)\n"
           "nas:/export on /Volumes/nfs share (nfs, asynchronous)\n")
    assert fs.fstype_from_bsd_mount("/Volumes/research/s.jdm", out) == "smbfs"
    assert fs.fstype_from_bsd_mount("/Volumes/nfs share/s.jdm", out) == "nfs"
    assert fs.fstype_from_bsd_mount("/Users/me/s.jdm", out) is None


@pytest.mark.parametrize(("text", "unc"), [
    (r"\\server\share\study.jdm", True),
    ("//server/share/study.jdm", True),
    (r"\\?\UNC\server\share\s.jdm", True),
    (r"\\?\C:\data\s.jdm", False),
    (r"C:\data\s.jdm", False),
])
def test_unc_paths(text, unc):
    assert fs.is_unc(text) is unc


def test_local_temp_folder_gives_no_warning(tmp_path):
    if sys.platform.startswith("linux") and fs.network_fstype(tmp_path) is not None:
        pytest.skip("the temporary folder itself is on a network file system")
    assert fs.network_warning(tmp_path / "s.jdm") is None


def test_warning_names_the_share_and_wal(monkeypatch, tmp_path):
    monkeypatch.setattr(fs, "network_fstype", lambda p: "cifs")
    text = fs.network_warning(tmp_path / "s.jdm")
    assert text is not None and "network drive (cifs)" in text and "write-ahead log" in text
