"""File ▸ Import lab results…: map the file's columns, preview what an import would do, import.

The dialog only gathers choices and shows results; the rules live in
:class:`jdmdesk.services.lab_import.LabImportService` (checking, importing, saving the mapping).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jdmdesk.domain.analytes import ANALYTES
from jdmdesk.domain.lab_mapping import (
    PATIENT_KEYS,
    REQUIRED_ROLES,
    ROLES,
    LabMapping,
    MappingError,
)
from jdmdesk.importing.lab_file import LabFileError
from jdmdesk.services.lab_import import ImportCheck, LabImportService, conflict_text
from jdmdesk.services.results import ServiceResult
from jdmdesk.ui.i18n import catalogue, error_message, message
from jdmdesk.ui.locale_format import show_date, show_number

PREVIEW_ROWS = 8


class LabImportDialog(QDialog):
    """One file: mapping (with a preview of its first rows), check, import."""

    def __init__(self, service: LabImportService, path: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lab_import_dialog")
        self.service = service
        self.path = Path(path)
        self.check: ImportCheck | None = None
        self.result: ServiceResult | None = None
        self.setWindowTitle(self.tr("Import lab results: {name}").format(name=self.path.name))
        facts, self.header, rows = service.preview(self.path, PREVIEW_ROWS)
        mapping, source = service.mapping_for(self.header)
        self.mapping_tests = dict(mapping.tests)
        self.mapping_units = dict(mapping.units)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self._source_text(source, facts.kind), self))
        layout.addWidget(self._preview_table(rows))
        layout.addWidget(self._mapping_box(mapping))
        self.tests_table = QTableWidget(0, 3, self)
        self.tests_table.setObjectName("unknown_tests")
        self.tests_table.setHorizontalHeaderLabels(
            [self.tr("Test name in the file"), self.tr("Rows"), self.tr("Analyte")])
        self.tests_table.horizontalHeader().setStretchLastSection(True)
        self.tests_table.setMaximumHeight(130)
        self.tests_table.setVisible(False)
        layout.addWidget(self.tests_table)
        buttons = QHBoxLayout()
        self.check_button = self._button(buttons, self.tr("&Check"), "check_button",
                                         self.run_check)
        self.load_button = self._button(buttons, self.tr("&Load mapping…"),
                                        "load_mapping_button", self.ask_load_mapping)
        self.export_button = self._button(buttons, self.tr("E&xport mapping…"),
                                          "export_mapping_button", self.ask_export_mapping)
        buttons.addStretch(1)
        self.skip_invalid = QCheckBox(self.tr("Import the valid rows only (a report is "
                                              "written beside the file)"), self)
        self.skip_invalid.setObjectName("skip_invalid")
        self.skip_invalid.toggled.connect(self._update_import_button)
        buttons.addWidget(self.skip_invalid)
        self.import_button = self._button(buttons, self.tr("&Import"), "import_button",
                                          self.run_import)
        self.import_button.setEnabled(False)
        self._button(buttons, self.tr("Close"), "close_button", self.reject)
        layout.addLayout(buttons)
        self.counts = QLabel(self)
        self.counts.setObjectName("import_counts")
        self.counts.setWordWrap(True)
        layout.addWidget(self.counts)
        self.problems = QListWidget(self)
        self.problems.setObjectName("import_problems")
        layout.addWidget(self.problems)
        self.conflicts = QTableWidget(0, 6, self)
        self.conflicts.setObjectName("import_conflicts")
        self.conflicts.horizontalHeader().setStretchLastSection(True)
        self.conflicts.setHorizontalHeaderLabels([
            self.tr("Line"), self.tr("Patient"), self.tr("Analyte"), self.tr("Sample"),
            self.tr("In the file"), self.tr("Stored (kept)")])
        layout.addWidget(self.conflicts)
        self.resize(900, 860)

    # --- building ---------------------------------------------------------------------

    def _source_text(self, source: str, kind: str) -> str:
        texts = {
            "own": self.tr("The header uses JDM Desk's field names: no mapping needed."),
            "saved": self.tr("This layout was imported before: its saved mapping is offered."),
            "guess": self.tr("A new layout: check which column holds what, then Check."),
        }
        return texts[source] + " " + self.tr("File type: {kind}.").format(kind=kind.upper())

    def _button(self, row: QHBoxLayout, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def _preview_table(self, rows: list) -> QTableWidget:
        table = QTableWidget(len(rows), len(self.header), self)
        table.setObjectName("preview_table")
        table.setHorizontalHeaderLabels(self.header)
        table.setVerticalHeaderLabels([str(r.line) for r in rows])
        for i, row in enumerate(rows):
            for j, text in enumerate(row.cells[:len(self.header)]):
                table.setItem(i, j, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        table.setMinimumHeight(170)
        table.setMaximumHeight(230)
        return table

    def _mapping_box(self, mapping: LabMapping) -> QGroupBox:
        box = QGroupBox(self.tr("Columns"), self)
        form = QFormLayout(box)
        self.role_combos: dict[str, QComboBox] = {}
        for role, label in ROLES.items():
            combo = QComboBox(box)
            combo.setObjectName(f"map_{role}")
            combo.addItem(self.tr("(none)") if role not in REQUIRED_ROLES
                          else self.tr("(choose)"), "")
            for h in self.header:
                combo.addItem(h, h)
            combo.setCurrentIndex(max(0, combo.findData(mapping.columns.get(role, ""))))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.role_combos[role] = combo
            form.addRow(catalogue(label) + (" *" if role in REQUIRED_ROLES else ""), combo)
        self.patient_key = QComboBox(box)
        self.patient_key.setObjectName("patient_key")
        labels = {"auto": self.tr("Study code or hospital number"),
                  "study_code": self.tr("Study code"),
                  "hospital_number": self.tr("Hospital number")}
        for key in PATIENT_KEYS:
            self.patient_key.addItem(labels[key], key)
        self.patient_key.setCurrentIndex(self.patient_key.findData(mapping.patient_key))
        self.patient_key.currentIndexChanged.connect(self._mapping_changed)
        form.addRow(self.tr("Patients are matched by"), self.patient_key)
        return box

    # --- state ------------------------------------------------------------------------

    def mapping(self) -> LabMapping:
        columns = {role: combo.currentData() for role, combo in self.role_combos.items()
                   if combo.currentData()}
        tests = dict(self.mapping_tests)
        for i in range(self.tests_table.rowCount()):
            name_item = self.tests_table.item(i, 0)
            combo = self.tests_table.cellWidget(i, 2)
            if name_item is not None and isinstance(combo, QComboBox) and combo.currentData():
                tests[name_item.text()] = combo.currentData()
        return LabMapping(columns, self.patient_key.currentData(), tests, self.mapping_units)

    def _mapping_changed(self) -> None:
        self.check = None
        self.import_button.setEnabled(False)

    def _update_import_button(self) -> None:
        c = self.check
        ok = c is not None and c.counts["new"] > 0 and (
            c.blocking == 0 or self.skip_invalid.isChecked())
        self.import_button.setEnabled(ok)

    # --- actions ----------------------------------------------------------------------

    def run_check(self) -> None:
        mapping = self.mapping()
        self.mapping_tests = dict(mapping.tests)  # names chosen below stay when it refills
        problems = mapping.problems(self.header)
        if problems:
            self._show_message("; ".join(message(p) for p in problems))
            return
        try:
            self.check = self.service.check(self.path, mapping)
        except LabFileError as err:
            self._show_message(error_message(err))
            return
        self._show_check(self.check)

    def _show_message(self, text: str) -> None:
        self.check = None
        self.counts.setText(text)
        self.problems.clear()
        self.conflicts.setRowCount(0)
        self._update_import_button()

    def _show_check(self, check: ImportCheck) -> None:
        c = check.counts
        self.counts.setText(self.tr(
            "{rows} rows: {new} new, {dup} duplicate (skipped), {conflict} conflict (not "
            "imported), {invalid} invalid, {unknown} unknown patient").format(
                rows=check.rows, new=c["new"], dup=c["duplicate"], conflict=c["conflict"],
                invalid=c["invalid"], unknown=c["unknown_patient"]))
        self.problems.clear()
        self.problems.addItems([message(p.text()) for p in check.problems])
        self.problems.addItems([self.tr("unusual (imported): {p}").format(p=message(p.text()))
                                for p in check.unusual])
        self.conflicts.setRowCount(len(check.conflicts))
        for i, r in enumerate(check.conflicts):
            v = r.values
            stored = r.stored
            cells = [str(r.line), r.patient_text, v["analyte"],
                     show_date(v["sample_date"]) + (f" {v['sample_time']}"
                                                    if v.get("sample_time") else ""),
                     _value_text(v.get("censored"), v["value"], v["unit"]),
                     _value_text(stored.censored, stored.value, stored.unit) if stored
                     else self.tr("line {n} of the file").format(n=r.same_as_line)]
            tip = message(conflict_text(r))
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                self.conflicts.setItem(i, j, item)
        self._show_unknown_tests(check.unknown_tests)
        self._update_import_button()

    def _show_unknown_tests(self, unknown: dict[str, int]) -> None:
        self.tests_table.setRowCount(len(unknown))
        for i, (name, n) in enumerate(sorted(unknown.items())):
            self.tests_table.setItem(i, 0, QTableWidgetItem(name))
            self.tests_table.setItem(i, 1, QTableWidgetItem(str(n)))
            combo = QComboBox(self.tests_table)
            combo.setObjectName(f"test_{i}")
            combo.addItem(self.tr("(not an analyte of the study)"), "")
            for code, a in ANALYTES.items():
                combo.addItem(f"{code} — {catalogue(a.name)}", code)
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.tests_table.setCellWidget(i, 2, combo)
        self.tests_table.resizeColumnsToContents()
        self.tests_table.setVisible(bool(unknown))

    def run_import(self) -> None:
        if self.check is None:
            return
        result, check = self.service.run(self.path, self.mapping(),
                                         skip_invalid=self.skip_invalid.isChecked(),
                                         expected_sha256=self.check.facts.sha256,
                                         render=message)
        self.result = result
        if check is not None:
            self._show_check(check)
        text = message(result.message)
        if check is not None and check.report_path is not None:
            text += " " + self.tr("Report: {path}").format(path=check.report_path)
        self.counts.setText(text)
        self.import_button.setEnabled(False)
        self.check = None if result.ok else self.check

    def ask_load_mapping(self) -> None:
        source, _ = QFileDialog.getOpenFileName(
            self, self.tr("Load a mapping"), str(self.path.parent), self.tr("Mapping (*.json)"))
        if source:
            self.load_mapping(Path(source))

    def load_mapping(self, source: Path) -> bool:
        """Take the columns, patient key, test names and units from a mapping file (one
        written by Export mapping, or for ``jdmdesk import-labs --mapping``); False, with the
        reason shown, when the file cannot be used."""
        try:
            loaded = LabMapping.from_json(source.read_text(encoding="utf-8"))
        except (OSError, UnicodeError) as err:
            self._show_message(self.tr("The mapping {file} cannot be read: {problem}").format(
                file=source.name, problem=getattr(err, "strerror", None) or err))
            return False
        except MappingError as err:
            self._show_message(self.tr("The mapping {file} cannot be used: {problem}").format(
                file=source.name, problem=error_message(err)))
            return False
        for role, combo in self.role_combos.items():
            combo.setCurrentIndex(max(0, combo.findData(loaded.columns.get(role, ""))))
        self.patient_key.setCurrentIndex(max(0, self.patient_key.findData(loaded.patient_key)))
        self.mapping_tests = dict(loaded.tests)
        self.mapping_units = dict(loaded.units)
        self._mapping_changed()
        self._show_message(self.tr("Mapping loaded from {file}: check it, then Check.").format(
            file=source.name))
        return True

    def ask_export_mapping(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the mapping"), str(self.path.with_suffix(".mapping.json")),
            self.tr("Mapping (*.json)"))
        if target:
            self.export_mapping(Path(target))

    def export_mapping(self, target: Path) -> None:
        """Write the mapping as JSON for ``jdmdesk import-labs --mapping``."""
        from jdmdesk.atomic_file import atomic_write

        try:
            with atomic_write(target, create=True) as tmp:
                tmp.write_text(self.mapping().to_json() + "\n", encoding="utf-8")
        except OSError as err:
            self.counts.setText(self.tr("The mapping could not be written: {err}")
                                .format(err=err.strerror or err))
            return
        self.counts.setText(self.tr("Mapping written to {path}").format(path=target))


def _value_text(censored: str | None, value: float, unit: str) -> str:
    """A result as the conflicts table shows it: censoring, the locale's decimals, unit."""
    return f"{censored or ''}{show_number(f'{value:g}')} {unit}"


def open_lab_import(parent: QWidget, service: LabImportService,
                    path: Path | None = None) -> LabImportDialog | None:
    """Ask for the file (unless given) and show the dialog; None when cancelled or the file
    cannot be read (then the reason is shown)."""
    from PySide6.QtWidgets import QMessageBox

    if (refused := service.refusal()) is not None:
        QMessageBox.warning(parent, parent.tr("Import lab results"), message(refused.message))
        return None
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(
            parent, parent.tr("Import lab results"), "",
            parent.tr("Lab results (*.csv *.txt *.tsv *.xlsx);;All files (*)"))
        if not chosen:
            return None
        path = Path(chosen)
    try:
        dialog = LabImportDialog(service, path, parent)
    except LabFileError as err:
        QMessageBox.warning(parent, parent.tr("Import lab results"), error_message(err))
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
