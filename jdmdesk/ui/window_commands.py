"""The main window's menu commands (File, Tools, Help): each opens its dialog or asks what
it needs and hands the work to a service; ``MainWindow`` builds the menus that call them.
Their texts keep the window's translation context ("MainWindow")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication as Q
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from jdmdesk.ui.i18n import message


class WindowCommands(QMainWindow):
    """The commands of ``MainWindow``'s menus (a base class of it: they use its services,
    prompts and status bar)."""

    def show_about(self) -> None:
        from jdmdesk.ui.about import about_box

        self.about = about_box(self)
        self.about.open()

    def open_settings(self) -> None:
        from jdmdesk.ui.admin.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.services.settings, self.prompts, self)
        if dialog.exec():
            self.setWindowTitle(self._title())
            self.show_status(Q.translate("MainWindow", "Study settings saved."))

    def open_users(self) -> None:
        from jdmdesk.ui.admin.users_dialog import UsersDialog

        UsersDialog(self.services.accounts, self.services.session, self.prompts, self).exec()

    def open_overview(self) -> None:
        from jdmdesk.ui.review.overview_dialog import OverviewDialog

        dialog = OverviewDialog(self.services.review, self)
        dialog.patient_chosen.connect(self.choose_patient)
        dialog.show()

    def open_case_series(self) -> None:
        from jdmdesk.services.case_series import CaseSeriesService
        from jdmdesk.ui.case_series.dialog import CaseSeriesDialog

        codes = sorted(CaseSeriesService(self.services.review.study).patient_codes())
        CaseSeriesDialog(Path(self.study_path), self.services.session, codes, self).show()

    def open_export(self) -> None:
        from jdmdesk.ui.export_dialog import open_export_dialog

        open_export_dialog(self, Path(self.study_path), self.services.session)

    def lab_import_service(self):  # noqa: ANN201 (a services type, imported when used)
        from jdmdesk.services.lab_import import LabImportService

        return LabImportService(self.writer.study, self.services.session, self.services.clock,
                                announce=self.writer.announce, parent=self)

    def import_labs(self, path: Path | None = None) -> object:
        from jdmdesk.ui.entry.lab_import_dialog import open_lab_import

        return open_lab_import(self, self.lab_import_service(), path)

    def undo_lab_import(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        service = self.lab_import_service()
        live = [i for i in service.imports() if not i.undone]
        if not live:
            self.show_status(Q.translate("MainWindow", "No lab import to undo."))
            return
        labels = [Q.translate("MainWindow", "{at} · {file} · {n} results · {user}").format(
            at=i.imported_at[:16].replace("T", " "), file=i.file_name,
            n=i.counts.get("new", 0), user=i.imported_by) for i in live]
        chosen, ok = QInputDialog.getItem(
            self, Q.translate("MainWindow", "Undo a lab import"),
            Q.translate("MainWindow", "Import to undo (its results are deleted):"), labels, 0,
            False)
        if not ok:
            return
        reason = self.prompts.reason(Q.translate("MainWindow", "Undo a lab import"),
                                     Q.translate("MainWindow", "Reason for undoing this import:"))
        if reason is None:
            return
        result = service.undo(live[labels.index(chosen)].id, reason)
        self.show_status(message(result.message))
        if not result.ok:
            self.prompts.error(Q.translate("MainWindow", "Undo a lab import"),
                               message(result.message))

    def back_up(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        maintenance = self.services.maintenance
        target, _ = QFileDialog.getSaveFileName(self,
                                                Q.translate("MainWindow", "Back up the study"),
                                                str(maintenance.suggested_backup_path()),
                                                Q.translate("MainWindow", "JDM Desk study (*.jdm)"))
        if target:
            result = maintenance.backup_to(Path(target))
            self.show_status(message(result.message))
            if not result.ok:
                self.prompts.error(Q.translate("MainWindow", "Backup"), message(result.message))

    def restore_backup(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        source, _ = QFileDialog.getOpenFileName(
            self, Q.translate("MainWindow", "Choose a backup"),
            str(self.services.maintenance.suggested_backup_path().parent),
            Q.translate("MainWindow", "JDM Desk study (*.jdm)"))
        if not source:
            return
        target, _ = QFileDialog.getSaveFileName(
            self, Q.translate("MainWindow", "Restore into a new study file"), "",
            Q.translate("MainWindow", "JDM Desk study (*.jdm)"))
        if target:
            result = self.services.maintenance.restore(Path(source), Path(target))
            self.show_status(message(result.message))
            if not result.ok:
                self.prompts.error(Q.translate("MainWindow", "Restore"), message(result.message))

    def _language_menu(self) -> QMenu:
        """Tools ▸ Language: this user's choice, remembered, and applied at once."""
        from PySide6.QtGui import QActionGroup

        from jdmdesk.ui import language

        menu = QMenu(Q.translate("MainWindow", "&Language"), self)
        menu.setObjectName("language_menu")
        group = QActionGroup(menu)
        chosen = language.saved_choice()
        for code, name in (("", Q.translate("MainWindow", "Operating system's language")),
                           *language.LANGUAGES.items()):
            action = QAction(name, menu, checkable=True, checked=code == chosen)
            action.setObjectName(f"language_{code or 'system'}_action")
            action.triggered.connect(lambda _checked=False, c=code: self.choose_language(c))
            group.addAction(action)
            menu.addAction(action)
        return menu

    def break_lock(self) -> QMainWindow | None:
        """File ▸ Break the lock… (enabled when this window is read-only because another
        instance holds the lock): the writable window that replaces this one, or None."""
        if self._break_lock is None:
            return None
        from jdmdesk.ui.lock_break import break_lock

        return break_lock(self, self._break_lock)

    def choose_language(self, code: str) -> bool:
        """Speak ``code`` now ("" = the operating system's language; see ui/language_switch)."""
        from jdmdesk.ui import language
        from jdmdesk.ui.language_switch import switch_language

        if switch_language(self, code):
            return True
        chosen = language.saved_choice() or "system"
        kept = self.findChild(QAction, f"language_{chosen}_action")
        if kept is not None:
            kept.setChecked(True)  # the menu shows the language still spoken
        return False

    def encrypt_copy(self) -> None:
        """A study made before encryption: write an encrypted copy (never in place)."""
        from PySide6.QtWidgets import QFileDialog

        from jdmdesk.ui.admin.recovery_dialog import RecoveryKeyShownDialog

        path = self.services.path
        target, _ = QFileDialog.getSaveFileName(
            self, Q.translate("MainWindow", "Write an encrypted copy"),
            str(path.with_name(f"{path.stem}-encrypted.jdm")),
            Q.translate("MainWindow", "JDM Desk study (*.jdm)"))
        if not target:
            return
        password = self.prompts.password(
            Q.translate("MainWindow", "Encrypted copy"),
            Q.translate("MainWindow", "Your password again: the new study's key is "
                        "wrapped for your account."))
        if password is None:
            return
        result, done = self.services.maintenance.encrypt_copy(Path(target), password)
        self.show_status(message(result.message))
        if not result.ok or done is None:
            self.prompts.error(Q.translate("MainWindow", "Encrypted copy"), message(result.message))
            return
        # the recovery key is shown once; the status bar then says where the copy is
        RecoveryKeyShownDialog(done.path.name, done.recovery_key, self).exec()
