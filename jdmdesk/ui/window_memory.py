"""What the main window remembers between sessions, per user: its size, every splitter (the
sections' ones too, restored when a section is built after the window opened) and the
patient it showed last (jdmdesk.ui.window_state keeps them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QSplitter

from jdmdesk.ui import window_state

if TYPE_CHECKING:
    from jdmdesk.ui.main_window import MainWindow


class RememberedLayout:
    """A base of ``MainWindow``: restores its layout when it opens, saves it when it closes."""

    def _splitters(self: MainWindow) -> list[QSplitter]:
        """The main splitter, each section's table | form, and the lab chart | entry one."""
        out = [self.splitter]
        for section in self.workspace.sections.built().values():
            out.append(section.splitter)
            if section.outer is not None:
                out.append(section.outer)
        return out

    def _restore_geometry(self: MainWindow) -> None:
        """Where the window was last (the same for every user and study)."""
        geometry = window_state.load_bytes("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def _restore_state(self: MainWindow) -> None:
        """This user's panes and the patient this study was left on."""
        for s in self._splitters():
            self._restore_splitter(s)
        self.workspace.page_built.connect(self._section_built)
        last = window_state.load_text(window_state.study_key(self.study_path) + "/last_patient")
        if last and last in self.patients.model.ids:
            self.choose_patient(last, remember=False)  # remembered already: no disk write

    def _restore_splitter(self: MainWindow, splitter: QSplitter) -> None:
        user = self.services.session.username
        state = window_state.load_bytes(window_state.splitter_key(user, splitter.objectName()))
        if state is not None:
            splitter.restoreState(state)

    def _section_built(self: MainWindow, kind: str) -> None:
        """A section built after the window opened gets this user's splitter sizes."""
        section = self.workspace.sections.built().get(kind)
        if section is not None:
            for s in (section.splitter, section.outer):
                if s is not None:
                    self._restore_splitter(s)

    def _save_state(self: MainWindow) -> None:
        window_state.save_bytes("window/geometry", self.saveGeometry())
        user = self.services.session.username
        for s in self._splitters():
            window_state.save_bytes(window_state.splitter_key(user, s.objectName()),
                                    s.saveState())
        window_state.save_text("last_study", self.study_path)
