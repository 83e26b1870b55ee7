"""The main window: patient list on the left, the patient's workspace on the right."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QSplitter, QStackedWidget, QWidget

from jdmdesk import APP_NAME
from jdmdesk.domain.access import ROLE_LABELS, Action, Credentials
from jdmdesk.domain.texts import QT_TRANSLATE_NOOP
from jdmdesk.services.accounts import AccountError
from jdmdesk.services.reader import StudyReader
from jdmdesk.services.records import RecordService
from jdmdesk.services.study_services import StudyServices
from jdmdesk.ui import window_state
from jdmdesk.ui.admin.auto_lock import IdleWatcher, LockScreen
from jdmdesk.ui.app_shortcuts import ApplicationShortcuts
from jdmdesk.ui.entry.patient_list import PatientListPanel
from jdmdesk.ui.i18n import catalogue, error_message, message
from jdmdesk.ui.lock_break import BreakLock
from jdmdesk.ui.prompts import Prompts
from jdmdesk.ui.review.read_only import apply_read_only_look
from jdmdesk.ui.window_commands import WindowCommands
from jdmdesk.ui.window_lock import LockableWindow
from jdmdesk.ui.window_memory import RememberedLayout
from jdmdesk.ui.workspace import PatientWorkspace


class MainWindow(WindowCommands, RememberedLayout, LockableWindow):
    """Built in two steps: the widgets (``study_path`` only: no study, no session needed),
    then ``bind`` to one session's services. ``MainWindow(services, …)`` does both; the
    launcher builds the widgets while the person types the password (an encrypted study
    cannot be read before) and binds them after the unlock (issue 19)."""

    services: StudyServices
    writer: RecordService
    reader: StudyReader

    def __init__(self, services: StudyServices | None = None,
                 chart_factory: Callable[[], QWidget] | None = None,
                 on_close: Callable[[], None] | None = None,
                 parent: QWidget | None = None, *,
                 switch_user: Callable[[Credentials], MainWindow] | None = None,
                 break_lock: BreakLock | None = None,
                 study_path: str | Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        path = study_path if study_path is not None else services.path if services else None
        if path is None:
            raise ValueError("a window needs its study's services or its study's path")
        self.study_path = str(Path(path).resolve())
        self.prompts = Prompts(self)
        self.bound = False
        # asks (first user?, previous error) for the next user's credentials; tests replace it
        self.ask_credentials: Callable[[bool, str | None], Credentials | None] = \
            self._ask_with_dialog
        self._closed = False
        self.backup_on_open: object | None = None  # the daily backup's worker (app.py)
        # the window's style sheet before its children exist: set after them, it re-polishes
        # every one (the edit-only controls are hidden in ``bind``, once the role is known)
        apply_read_only_look(self, True)
        # children made in their final parents: reparenting a built form re-polishes it
        self.stack = QStackedWidget(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self.stack)
        self.splitter.setObjectName("main_splitter")
        self.patients = PatientListPanel(None, self.splitter)
        self.workspace = PatientWorkspace(None, self.prompts, None, self.splitter)
        self.splitter.addWidget(self.patients)
        self.splitter.addWidget(self.workspace)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([180, 1100])
        self.stack.addWidget(self.splitter)
        self.setCentralWidget(self.stack)
        self._hidden_dialogs: list[QWidget] = []
        self._actions_on: list[QAction] = []
        self._focus_before_lock: QWidget | None = None
        self.user_label = QLabel(self)
        self.user_label.setObjectName("user_label")
        self.statusBar().addPermanentWidget(self.user_label)
        self.banner = QLabel(self)
        self.banner.setObjectName("read_only_banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff3cd; color: #664d03; padding: 4px;")
        self.statusBar().addPermanentWidget(self.banner, 1)
        self.banner.hide()
        self._notice_sources: list[Callable[[], str]] = []  # each writes its notice
        self.resize(1400, 880)
        self._restore_geometry()
        if services is not None:
            self.bind(services, chart_factory, on_close, switch_user=switch_user,
                      break_lock=break_lock)

    def bind(self, services: StudyServices,
             chart_factory: Callable[[], QWidget] | None = None,
             on_close: Callable[[], None] | None = None, *,
             switch_user: Callable[[Credentials], MainWindow] | None = None,
             break_lock: BreakLock | None = None) -> None:
        """One session on the study: the role's menus and controls, the patients, the
        remembered patient and panes, the idle lock. Once per window."""
        if self.bound:
            raise RuntimeError("this window is bound to a session already")
        if Path(services.path).resolve() != Path(self.study_path):
            raise ValueError("the services are for another study than this window's")
        self.bound = True
        self.services = services
        self.writer, self.reader = services.records, services.reader
        reader = self.reader
        self._on_close = on_close
        self._switch_user = switch_user
        self._break_lock = break_lock
        self._chart_factory = chart_factory  # the workspace is built again on a language change
        self.setWindowTitle(self._title())
        self.workspace.bind(services, chart_factory)
        session = services.session
        self.lock_screen = LockScreen(f"{session.display_name} ({session.username})",
                                      self._check_password, self)
        self.lock_screen.unlocked.connect(self.unlock)
        self.lock_screen.close_requested.connect(self._close_from_lock)
        self.stack.addWidget(self.lock_screen)
        self.idle = IdleWatcher(reader.settings().auto_lock_minutes * 60_000, self,
                                clock=services.clock)
        self.idle.idle.connect(self.lock)
        services.settings.changed.connect(self._settings_changed)
        self.idle.start()
        self.user_label.setText(
            f"{session.display_name} · {catalogue(ROLE_LABELS[session.role])}")
        if reader.read_only:
            self.show_notice(lambda: self.tr("Read-only: this study can be reviewed but not "
                                             "changed."))
        for notice in services.notices:
            self.show_notice(lambda notice=notice: message(notice))
        self.patients.load = reader.patient_index
        self.patients.patient_chosen.connect(self.choose_patient)
        self.patients.new_patient_requested.connect(self.new_patient)
        self.workspace.status_message.connect(self.show_status)
        self.writer.changed.connect(self.patients.on_records_changed)
        self.workspace.forms["patient"].saved.connect(self._patient_saved)
        self._build_menus()
        apply_read_only_look(self, self.reader.can_edit)
        self.app_shortcuts = ApplicationShortcuts(self)
        self.workspace.around_build = self._app_filters_paused
        self.patients.refresh()
        self._restore_state()

    # --- menus ---------------------------------------------------------------------------

    def _action(self, text: str, slot: Callable[[], object], shortcut: str | None = None,
                name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        if self.reader.can(Action.EXPORT):
            self.file_menu.addAction(self._action(self.tr("&Export study file…"), self.open_export,
                                                  "Ctrl+E", "export_action"))
        if self.reader.can(Action.BACKUP):
            self.file_menu.addAction(self._action(self.tr("&Back up now…"), self.back_up, None,
                                                  "backup_action"))
            self.file_menu.addAction(self._action(self.tr("&Restore a backup into a new file…"),
                                                  self.restore_backup, None, "restore_action"))
            if self.services.maintenance.is_plain_study():
                self.file_menu.addAction(self._action(
                    self.tr("Write an &encrypted copy…"), self.encrypt_copy, None,
                    "encrypt_copy_action"))
        if self.reader.can(Action.IMPORT_LABS):
            self.file_menu.addAction(self._action(self.tr("&Import lab results…"),
                                                  self.import_labs, None, "import_labs_action"))
        if self.reader.can(Action.UNDO_IMPORT):
            self.file_menu.addAction(self._action(self.tr("&Undo a lab import…"),
                                                  self.undo_lab_import, None,
                                                  "undo_import_action"))
        if self.reader.can(Action.BREAK_LOCK):
            broken = self._action(self.tr("Brea&k the lock…"), self.break_lock, None,
                                  "break_lock_action")
            broken.setEnabled(self._break_lock is not None)
            self.file_menu.addAction(broken)
        self.file_menu.addSeparator()
        if self._switch_user is not None:
            self.file_menu.addAction(self._action(self.tr("S&witch user…"), self.switch_user, None,
                                                  "switch_user_action"))
        self.file_menu.addAction(self._action(self.tr("&Lock now"), self.lock, "Ctrl+L",
                                              "lock_action"))
        self.file_menu.addAction(self._action(self.tr("&Close"), self.close, "Ctrl+Q",
                                              "close_action"))
        patient = bar.addMenu(self.tr("&Patient"))
        if self.reader.can_edit:
            patient.addAction(self._action(self.tr("&New patient"), self.new_patient,
                                           "Ctrl+Shift+N",
                                           "new_patient_action"))
        patient.addAction(self._action(self.tr("&Find patient"), self._focus_search, "Ctrl+F",
                                       "find_patient_action"))
        go = bar.addMenu(self.tr("&Go"))
        for i, kind in enumerate(("patient", "visit", "medication", "lab", "adverse_event")):
            go.addAction(self._action(catalogue(kind.replace("_", " ").title()),
                                      lambda _checked=False, k=kind: self.workspace.show_section(k),
                                      f"Ctrl+{i + 1}", f"go_{kind}_action"))
        self.tools_menu = bar.addMenu(self.tr("&Tools"))
        if self.reader.can(Action.STUDY_SETTINGS):
            self.tools_menu.addAction(self._action(self.tr("Study &settings…"), self.open_settings,
                                                   None,
                                                   "settings_action"))
        if self.reader.can(Action.MANAGE_USERS):
            self.tools_menu.addAction(self._action(self.tr("&Users…"), self.open_users, None,
                                                   "users_action"))
        self.tools_menu.addAction(self._action(self.tr("Study &overview…"), self.open_overview,
                                               "Ctrl+Shift+O", "overview_action"))
        self.tools_menu.addAction(self._action(self.tr("&Case series report…"),
                                               self.open_case_series, None,
                                               "case_series_action"))
        self.tools_menu.addMenu(self._language_menu())
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.addAction(self._action(self.tr("&Keyboard shortcuts"), self._show_keys))
        self.help_menu.addAction(self._action(self.tr("&About JDM Desk"), self.show_about, None,
                                              "about_action"))

    def _title(self) -> str:
        ro = self.tr(" — read-only") if self.reader.read_only else ""
        return f"{self.reader.settings().study_name} — {APP_NAME}{ro}"

    def _focus_search(self) -> None:
        self.patients.search.setFocus()
        self.patients.search.selectAll()

    def _show_keys(self) -> None:
        self.prompts.error(self.tr("Keyboard shortcuts"), self.tr(KEYS_HELP))

    # --- actions -------------------------------------------------------------------------

    def show_notice(self, text: str | Callable[[], str]) -> None:
        """A lasting notice in the banner (read-only, lock holder, network share, backup). Given
        as a function, it is written again in the new language when the language changes."""
        source = text if callable(text) else (lambda: text)
        if source() not in (known() for known in self._notice_sources):
            self._notice_sources.append(source)
        self.retranslate_notices()
        self.banner.show()

    def retranslate_notices(self) -> None:
        """The banner's notices in the language now installed."""
        self.banner.setText("  ".join(source() for source in self._notice_sources))

    def show_alarm(self, text: str) -> None:
        """A red banner: the study was changed outside JDM Desk (tamper evidence)."""
        self.alarm = QLabel(text, self)
        self.alarm.setObjectName("tamper_banner")
        self.alarm.setWordWrap(True)
        self.alarm.setStyleSheet("background: #b00020; color: white; padding: 4px; "
                                 "font-weight: bold;")
        self.statusBar().insertPermanentWidget(0, self.alarm, 2)

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(message(text), 8000)

    def choose_patient(self, patient_id: str, *, remember: bool = True) -> None:
        """Show ``patient_id`` (unsaved changes resolved first) and, with ``remember``, make it
        the patient this study opens on next time (a settings write, synced to disk)."""
        if patient_id == self.workspace.patient_id:
            return
        if not self.workspace.resolve_unsaved():
            self.patients.select(self.workspace.patient_id, emit=False)
            return
        self.patients.select(patient_id, emit=False)
        self.workspace.set_patient(patient_id)
        if remember:
            window_state.save_text(window_state.study_key(self.study_path) + "/last_patient",
                                   patient_id)

    def new_patient(self) -> None:
        if not self.reader.can_edit or not self.workspace.resolve_unsaved():
            return
        self.patients.select(None, emit=False)
        self.workspace.start_new_patient()

    def _patient_saved(self, kind: str, ids: list[str]) -> None:
        """Go to the patient just saved (the list itself follows RecordService.changed)."""
        if ids:
            self.patients.select(ids[0], emit=False)
            if self.workspace.patient_id != ids[0]:
                self.workspace.set_patient(ids[0])
                self.workspace.show_section("visit")

    # --- switch user ------------------------------------------------------------------------

    def _ask_with_dialog(self, first: bool, error: str | None) -> Credentials | None:
        from jdmdesk.ui.admin.login_dialog import ask_with_dialog

        return ask_with_dialog(Path(self.study_path).name)(first, error)

    def switch_user(self) -> MainWindow | None:
        """File ▸ Switch user: unsaved changes are saved, discarded or the switch cancelled;
        then the login dialog, until a login succeeds or is cancelled. The next user gets a
        window of their own (their role's menus and forms) on the same open study; this one
        closes without closing the study. Returns the new window, or None."""
        if self._switch_user is None or self.locked or not self.workspace.resolve_unsaved():
            return None
        error: str | None = None
        while True:
            given = self.ask_credentials(False, error)
            if given is None:
                self.show_status(self.tr("Switch user cancelled: still logged in as {name}.")
                                 .format(name=self.services.session.display_name))
                return None
            try:
                new = self._switch_user(given)
            except AccountError as err:
                error = error_message(err)
                continue
            break
        self.close()  # saves this window's state; the study stays open for ``new``
        self.deleteLater()  # with this session's services and views
        new.show()
        new.activateWindow()
        return new

    # --- state and closing ---------------------------------------------------------------

    @contextmanager
    def _app_filters_paused(self) -> Iterator[None]:
        """While a section is built: the application-wide filters (idle watch, shortcuts) are
        off. Building one sends thousands of events that are nobody's input, and each would
        go through Python (half the time of building the visit section)."""
        app = QApplication.instance()
        filters = [] if self._closed or app is None else [self.idle, self.app_shortcuts]
        for f in filters:
            app.removeEventFilter(f)
        try:
            yield
        finally:
            for f in filters:
                app.installEventFilter(f)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.bound:  # built ahead for a login that did not happen: nothing to save
            event.accept()
            return
        if not self._closed and self.locked and self.workspace.dirty_forms():
            self._close_from_lock()  # nobody but the user who typed them may save or drop
            event.ignore()
            return
        if not self._closed and not self.workspace.resolve_unsaved():
            event.ignore()
            return
        if not self._closed:
            self._closed = True
            self.idle.remove()
            self.app_shortcuts.remove()
            self._save_state()
            for form in self.workspace.forms.built().values():
                form.active = False
            if self._on_close is not None:
                self.hide()  # gone at once: the backup on closing may take a while
                self._on_close()
        event.accept()


KEYS_HELP = QT_TRANSLATE_NOOP("MainWindow", """Tab / Enter: next field · Shift+Tab: previous field
Ctrl+S: save · Esc: discard changes · Ctrl+N: new record
Ctrl+D: change dose (medication) · Ctrl+P: lab panel mode (F2: a row's unit and range)
Ctrl+Shift+G: hide or show the lab chart · F4: calendar in a date field
Ctrl+F: find patient · Ctrl+Shift+N: new patient · Ctrl+1…5: patient, visits, medication,
labs, adverse events · Alt+O: history · Alt+R: review · Del: delete the selected record""")
