"""The pieces of tasks.py wheels / bundle that need no network and no build."""

from __future__ import annotations

import struct
import tomllib

from tests.packaging.helpers import ROOT, load

wheels = load("wheels")
smoke = load("smoke")


def test_every_runtime_dependency_is_pinned_and_asked_about():
    pins = wheels.pinned()
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    assert len(pins) == len(declared)
    assert ("PySide6-Essentials", "6.11.3") in pins


def test_an_unpinned_dependency_is_refused(tmp_path):
    bad = tmp_path / "pyproject.toml"
    bad.write_text('[project]\ndependencies = ["numpy>=2"]\n')
    try:
        wheels.pinned(bad)
    except ValueError as err:
        assert "numpy>=2" in str(err)
    else:
        raise AssertionError("an unpinned dependency was accepted")


def test_pip_is_asked_for_a_binary_wheel_of_that_platform_and_python(tmp_path):
    args = wheels.pip_download_args("numpy", "2.4.6", ("macosx_13_0_arm64",), "3.13",
                                    tmp_path / "d", tmp_path / "c")
    assert args[:4] == ["-m", "pip", "--disable-pip-version-check", "download"]
    for pair in (["--platform", "macosx_13_0_arm64"], ["--python-version", "3.13"],
                 ["--dest", str(tmp_path / "d")]):
        i = args.index(pair[0])
        assert args[i:i + 2] == pair
    assert "--only-binary=:all:" in args and "--no-deps" in args
    assert args[-1] == "numpy==2.4.6"


def test_the_platforms_are_the_ones_clinics_use():
    tags = [tags[0] for _, tags in wheels.PLATFORMS]
    assert tags == ["win_amd64", "macosx_13_0_arm64", "macosx_13_0_x86_64",
                    "manylinux_2_34_x86_64"]
    assert wheels.PYTHONS == ("3.11", "3.12", "3.13")


def test_every_older_manylinux_level_is_asked_for_too(tmp_path):
    linux = dict(wheels.PLATFORMS)["Linux x86_64 (glibc 2.34+)"]
    assert {"manylinux_2_28_x86_64", "manylinux_2_17_x86_64", "manylinux2014_x86_64"} <= set(linux)
    args = wheels.pip_download_args("numpy", "2.4.6", linux, "3.12", tmp_path, tmp_path)
    assert args.count("--platform") == len(linux)


def test_the_table_says_yes_only_when_every_python_has_a_wheel():
    pins = [("numpy", "2.4.6"), ("odd", "1.0")]
    have = wheels.Answer("x.whl")
    none = wheels.Answer(None, "No matching distribution")
    results = {}
    for column, _ in wheels.PLATFORMS:
        for py in wheels.PYTHONS:
            results[("numpy", column, py)] = have
            results[("odd", column, py)] = have if py == "3.11" or column != "Windows x64" \
                else none
    for py in wheels.PYTHONS:
        results[("odd", "Linux x86_64 (glibc 2.34+)", py)] = none
    lines = wheels.table(pins, results).splitlines()
    assert lines[0].startswith("| dependency | Windows x64 |") and lines[1].startswith("|---|")
    assert lines[2] == "| numpy 2.4.6 | yes | yes | yes | yes |"
    assert lines[3] == "| odd 1.0 | only 3.11 | yes | yes | **no** |"


def test_the_demo_data_manager_is_read_from_the_demo_output():
    out = ("wrote x.jdm: 3 patients\ndemo accounts (user name / password): Data entry: nurse / "
           "a-1; Reviewer: doctor / b-2; Data manager: manager / c-3\n")
    assert smoke.demo_manager(out) == ("manager", "c-3")


def test_the_clean_environment_has_no_python_in_it(tmp_path):
    env = smoke.clean_env(tmp_path, QT_QPA_PLATFORM="offscreen")
    assert env == {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin",
                   "QT_QPA_PLATFORM": "offscreen"}


def test_size_counts_files_once_and_links_not_at_all(tmp_path):
    (tmp_path / "a").write_bytes(b"x" * 1000)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b").write_bytes(b"y" * 24)
    (tmp_path / "link").symlink_to(tmp_path / "a")
    assert smoke.size_bytes(tmp_path) == 1024


def test_the_icons_hold_what_windows_and_macos_expect():
    icons = ROOT / "resources" / "icons"
    ico = (icons / "jdmdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    sizes = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes
    icns = (icons / "jdmdesk.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert b"ic08" in icns and b"ic10" in icns  # 256 and 1024 px
    assert (icons / "jdmdesk-256.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_desktop_entry_opens_jdm_files():
    entry = (ROOT / "resources" / "linux" / "jdmdesk.desktop").read_text()
    fields = dict(line.split("=", 1) for line in entry.splitlines() if "=" in line)
    assert fields["Type"] == "Application" and fields["Icon"] == "jdmdesk"
    assert fields["Exec"].endswith("%f") and fields["Terminal"] == "false"
    mime = (ROOT / "resources" / "linux" / "jdmdesk-mime.xml").read_text()
    assert fields["MimeType"].rstrip(";") in mime and 'pattern="*.jdm"' in mime


def test_the_macos_bundle_declares_the_jdm_document_type():
    spec = (ROOT / "packaging" / "jdmdesk.spec").read_text()
    assert '"CFBundleTypeExtensions": ["jdm"]' in spec
    assert '"LSMinimumSystemVersion": "13.0"' in spec
    iss = (ROOT / "packaging" / "windows" / "jdmdesk.iss").read_text()
    assert 'Subkey: "Software\\Classes\\.jdm"' in iss and "ChangesAssociations=yes" in iss


def _tasks():
    import importlib.util

    spec = importlib.util.spec_from_file_location("jdmdesk_tasks", ROOT / "tasks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_tasks_refuses_unknown_commands_and_options_before_installing(capsys, monkeypatch):
    tasks = _tasks()
    monkeypatch.setattr(tasks, "ensure_venv", lambda: (_ for _ in ()).throw(AssertionError))
    assert tasks.main(["bundle", "--fast"]) == 2
    assert "unknown option --fast" in capsys.readouterr().err
    assert tasks.main(["ship"]) == 2
    assert "tasks.py bundle" in capsys.readouterr().err  # the usage names the new commands


def test_tasks_smoke_without_a_bundle_says_how_to_build_one(tmp_path, capsys):
    assert _tasks().main(["smoke", str(tmp_path / "nothing")]) == 2
    assert "python3 tasks.py bundle" in capsys.readouterr().err
