"""The patient list: search by study code as you type, and 'new patient'."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QStringListModel, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QPushButton, QVBoxLayout, QWidget


class PatientListModel(QStringListModel):
    """The study codes shown, with the patient ids beside them (same order). A C++ model: the
    list view asks for the row count twice per row when it lays out, and 10 000 patients
    through a Python ``rowCount`` took 15 ms of the window's first show (issue 19)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ids: list[str] = []
        self.codes: list[str] = []

    def set_rows(self, rows: Sequence[tuple[str, str]]) -> None:
        """(id, study code) pairs."""
        self.ids = [r[0] for r in rows]
        self.codes = [r[1] for r in rows]
        self.setStringList(self.codes)


class PatientListPanel(QWidget):
    patient_chosen = Signal(str)
    new_patient_requested = Signal()

    def __init__(self, load: Callable[[str], Sequence[tuple[str, str]]] | None,
                 parent: QWidget | None = None) -> None:
        """``load`` lists (id, study code) for a search text; None until the study is open
        (a window built while the person types its password: see MainWindow.bind)."""
        super().__init__(parent)
        self.load = load
        self.search = QLineEdit(self)
        self.search.setObjectName("patient_search")
        self.search.setAccessibleName("patient_search")
        self.search.setPlaceholderText(self.tr("Search study code (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.model = PatientListModel(self)
        self.view = QListView(self)
        self.view.setObjectName("patient_list")
        self.view.setAccessibleName("patient_list")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.view.setUniformItemSizes(True)  # 10 000 rows: no per-row size query
        self.count = QLabel(self)
        self.count.setObjectName("patient_count")
        self.new_button = QPushButton(self.tr("New patient"), self)
        self.new_button.setObjectName("new_patient_button")
        self.new_button.setAccessibleName("new_patient_button")
        self.new_button.setToolTip(self.tr("New patient (Ctrl+Shift+N)"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.search)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.count)
        lay.addWidget(self.new_button)
        self.search.textChanged.connect(self.refresh)
        self.search.returnPressed.connect(self._choose_first)
        self.view.activated.connect(self._chosen)
        self.view.clicked.connect(self._chosen)
        self.new_button.clicked.connect(self.new_patient_requested)
        self.current_id: str | None = None

    def on_records_changed(self, kind: str, patient_id: str, ids: list[str]) -> None:
        """``RecordService.changed``: a patient added or its study code changed."""
        if kind == "patient":
            self.refresh()

    def refresh(self) -> None:
        if self.load is None:
            return
        rows = self.load(self.search.text())
        self.model.set_rows(rows)
        self.count.setText((self.tr("1 patient") if len(rows) == 1 else
                            self.tr("{n} patients")).format(n=len(rows)))
        self.select(self.current_id, emit=False)

    def select(self, patient_id: str | None, *, emit: bool = True) -> None:
        self.current_id = patient_id
        if patient_id in self.model.ids:
            row = self.model.ids.index(patient_id)
            self.view.setCurrentIndex(self.model.index(row))
        else:
            self.view.clearSelection()
        if emit and patient_id:
            self.patient_chosen.emit(patient_id)

    def _choose_first(self) -> None:
        if self.model.ids:
            self.view.setCurrentIndex(self.model.index(0))
            self._chosen(self.model.index(0))
            self.view.setFocus()

    def _chosen(self, index: QModelIndex) -> None:
        pid = self.model.ids[index.row()]
        if pid != self.current_id:
            self.patient_chosen.emit(pid)
