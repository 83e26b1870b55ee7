"""Import rules of architecture.md, held by parsing every module's imports.

The layers, from the bottom: domain (pure rules) → db (SQLite, the only place with SQL) →
export (reads through db) → services (one unit of work per user action, QtCore signals only) →
ui (widgets). ``app.py`` and ``report.py`` are the composition roots that build services and Qt
objects together; ``cli.py``, ``cli_auth.py`` and ``demo.py`` are entry points without Qt.
"""

import ast
from pathlib import Path

import jdmdesk

PKG = Path(jdmdesk.__file__).parent
QT = ("PySide6", "pyqtgraph", "shiboken6")

FORBIDDEN = {
    "domain": (*QT, "sqlite3", "sqlite_utils", "jdmdesk.db", "jdmdesk.ui",
               "jdmdesk.services", "jdmdesk.export"),
    # keys, wrapping, keyed chains and signatures: pure functions over cryptography
    "crypto": (*QT, "sqlite3", "sqlite_utils", "jdmdesk.db", "jdmdesk.ui", "jdmdesk.services",
               "jdmdesk.export"),
    "db": (*QT, "jdmdesk.ui", "jdmdesk.services", "jdmdesk.export"),
    "ui": ("sqlite3", "sqlite_utils", "jdmdesk.db"),
    "services": ("PySide6.QtWidgets", "PySide6.QtGui", "pyqtgraph", "jdmdesk.ui"),
    # export is below the services: it reads through db and is given its permission check
    "export": (*QT, "jdmdesk.ui", "jdmdesk.services"),
}

# Qt (PySide6, pyqtgraph) lives in the ui and services packages and in the composition roots.
# version_info.py asks Qt for its version (jdmdesk --version, Help ▸ About) and nothing else.
QT_ALLOWED = ("ui/", "services/", "app.py", "report.py", "version_info.py")

# What SQL looks like in Python source; none of it belongs outside jdmdesk/db.
SQL_MARKERS = ("SELECT ", "INSERT INTO", "UPDATE ", "DELETE FROM", "CREATE TABLE",
               "CREATE INDEX", "DROP ", "PRAGMA", ".execute(", ".executemany(",
               ".executescript(")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _banned(name: str, banned: tuple[str, ...]) -> bool:
    return any(name == b or name.startswith(b + ".") for b in banned)


def _modules() -> list[tuple[str, Path]]:
    return [(path.relative_to(PKG).as_posix(), path) for path in sorted(PKG.rglob("*.py"))]


def test_layer_import_rules():
    violations = []
    for layer, banned in FORBIDDEN.items():
        for path in (PKG / layer).rglob("*.py"):
            for name in _imports(path):
                if _banned(name, banned):
                    violations.append(f"{path.relative_to(PKG)} imports {name}")
    assert violations == []


def test_qt_only_in_ui_services_and_composition_roots():
    offenders = [f"{rel} imports {name}" for rel, path in _modules()
                 if not rel.startswith(QT_ALLOWED)
                 for name in _imports(path) if _banned(name, QT)]
    assert offenders == []


def test_sql_stays_in_db_layer():
    offenders = []
    for rel, path in _modules():
        if rel.startswith("db/"):
            continue
        text = path.read_text(encoding="utf-8")
        offenders += [f"{rel}: {m.strip()}" for m in SQL_MARKERS if m in text]
    assert offenders == []


def test_the_rules_catch_what_they_forbid(tmp_path):
    """The checks above are not vacuous: each sees the thing it forbids."""
    sample = tmp_path / "sample.py"
    sample.write_text('from jdmdesk.services.guard import refusal\nimport pyqtgraph as pg\n'
                      'conn.execute("PRAGMA foreign_keys = OFF")\n', encoding="utf-8")
    names = _imports(sample)
    assert _banned("jdmdesk.services.guard", FORBIDDEN["export"])
    assert any(_banned(n, QT) for n in names)
    assert {m for m in SQL_MARKERS if m in sample.read_text()} == {"PRAGMA", ".execute("}
    assert not "export/job.py".startswith(QT_ALLOWED)
