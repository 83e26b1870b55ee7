"""Import rules of architecture.md, held by parsing every module's imports."""

import ast
from pathlib import Path

import jdmdesk

PKG = Path(jdmdesk.__file__).parent

FORBIDDEN = {
    "domain": ("PySide6", "pyqtgraph", "sqlite3", "sqlite_utils", "jdmdesk.db", "jdmdesk.ui",
               "jdmdesk.services"),
    "db": ("PySide6", "pyqtgraph", "jdmdesk.ui", "jdmdesk.services"),
    "ui": ("sqlite3", "sqlite_utils", "jdmdesk.db"),
    "services": ("PySide6.QtWidgets", "PySide6.QtGui", "pyqtgraph", "jdmdesk.ui"),
    "export": ("PySide6", "pyqtgraph", "jdmdesk.ui"),
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_layer_import_rules():
    violations = []
    for layer, banned in FORBIDDEN.items():
        for path in (PKG / layer).rglob("*.py"):
            for name in _imports(path):
                if any(name == b or name.startswith(b + ".") for b in banned):
                    violations.append(f"{path.relative_to(PKG)} imports {name}")
    assert violations == []


def test_sql_stays_in_db_layer():
    offenders = []
    for path in PKG.rglob("*.py"):
        if path.parent.name == "db":
            continue
        text = path.read_text(encoding="utf-8")
        for keyword in ("SELECT ", "INSERT INTO", "UPDATE ", "DELETE FROM", "CREATE TABLE"):
            if keyword in text and path.parent.name != "db":
                offenders.append(f"{path.relative_to(PKG)}: {keyword.strip()}")
    assert offenders == []
