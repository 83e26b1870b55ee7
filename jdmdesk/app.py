"""Composition root: open the study, build services and the window, wire the signals."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMessageBox

from jdmdesk import APP_NAME
from jdmdesk.db import chain_head, keystore
from jdmdesk.db.backup import (
    BackupError,
    backup_on_close,
    describe_with_backup,
    newest_verified_backup,
    restore_backup,
    restore_helps,
)
from jdmdesk.db.backup.background import BackupJob, BackupOnOpen
from jdmdesk.db.backup.background import wait_for as wait_for_backup
from jdmdesk.db.connection import (
    Study,
    StudyFileError,
    cancel_held_check,
    hold_writes,
    release_writes,
)
from jdmdesk.db.driver import Error as DbError
from jdmdesk.db.lock import HEARTBEAT_INTERVAL_S, open_locked, os_user, read_lock
from jdmdesk.db.studyfile import IntegrityCheck, create_study, start_integrity_check
from jdmdesk.domain.access import Credentials, Session
from jdmdesk.domain.clock import SYSTEM_CLOCK, Clock
from jdmdesk.login_flow import (
    AskCredentials,
    AskRecovery,
    LoginCancelled,
    log_in,
    unlock,
)
from jdmdesk.services.accounts import HASHER, AccountError, AccountService
from jdmdesk.services.chart import ChartService
from jdmdesk.services.maintenance import MaintenanceService
from jdmdesk.services.opening import plain_study_notice, tamper_alarm
from jdmdesk.services.reader import StudyReader
from jdmdesk.services.records import RecordService
from jdmdesk.services.results import ServiceResult
from jdmdesk.services.review import ReviewService
from jdmdesk.services.settings import SettingsService
from jdmdesk.services.signoff import SignoffService
from jdmdesk.services.study_services import StudyServices
from jdmdesk.ui.after_paint import after_first_paint
from jdmdesk.ui.chart.deferred import DeferredChart
from jdmdesk.ui.closing_wait import wait_for_closing_backup
from jdmdesk.ui.i18n import error_message, sentence
from jdmdesk.ui.i18n import message as translated

if TYPE_CHECKING:
    from jdmdesk.db.lock import OpenedStudy
    from jdmdesk.ui.chart.panel import EnzymeChartPanel
    from jdmdesk.ui.main_window import MainWindow


# Shows a new study's recovery key, once
ShowRecoveryKey = Callable[[str], None]


def build_main_window(study_path: str | Path, credentials: Credentials | None = None, *,
                      read_only: bool = False, ask: AskCredentials | None = None,
                      hasher: PasswordHasher = HASHER,
                      clock: Clock = SYSTEM_CLOCK,
                      show_recovery_key: ShowRecoveryKey | None = None,
                      ask_recovery: AskRecovery | None = None,
                      integrity: IntegrityCheck | None = None,
                      defer_check: bool = False,
                      ahead: MainWindow | None = None) -> QMainWindow:
    """The whole window for a study file (created when missing), opened as the user of
    ``credentials`` (or of what ``ask`` returns), without an event loop.

    Raises AccountError when the credentials are refused and LoginCancelled when ``ask`` gives
    up. The window owns the study connection and closes it when the window closes. ``hasher``
    is for tests (a cheaper Argon2id for the accounts they create); ``clock`` is the one clock
    of the services and of the idle auto-lock (tests pass a ``FixedClock`` and move it).

    A new study is encrypted: ``show_recovery_key`` is given its recovery key, once. An
    encrypted study is unlocked first (a password, or ``ask_recovery`` when its key file is
    gone); only then is the file opened.

    ``integrity`` is a ``quick_check`` already started (by the launcher, while the login
    dialog was up). With ``defer_check`` the window is returned while the check still runs:
    every write waits for it (a damaged file refuses them and turns the window read-only with
    a red banner), and the login is recorded once it has passed. Without it, as before, a
    damaged file raises StudyFileError here.

    ``ahead`` is this study's window built ahead, unbound (``MainWindow(study_path=…)``,
    made by the launcher while the login dialog was up): it is bound to the session instead
    of a new window being built.
    """
    path = Path(study_path)
    if not read_only and not path.exists():
        created = create_study(path)
        created.close()
        if show_recovery_key is not None and created.recovery_key is not None:
            show_recovery_key(created.recovery_key)
    unlocked = unlock(path, credentials, ask, ask_recovery)
    if unlocked.credentials is not None:
        credentials = unlocked.credentials
    # quick_check of a large study runs beside the imports and the password check
    if integrity is None:
        integrity = start_integrity_check(Path(study_path))
    opened = open_locked(Path(study_path), read_only=read_only, create=not read_only,
                         user=os_user(), integrity=integrity)
    study = opened.study
    accounts = AccountService(study, clock=clock, hasher=hasher,
                              ready=integrity.wait if integrity is not None else None)
    try:
        tampered = keystore.Tamper([], [])
        if study.key is not None:
            keystore.remember_study(study.db, path, study.key)
            if unlocked.rebuild_key_file and not study.read_only:
                keystore.rebuild_key_file(study.db, path)
            tampered = keystore.tamper_problems(study.db, path)
        if not tampered.problems:
            for name in unlocked.refused:
                accounts.record_refused(name)
        session = log_in(accounts, credentials, ask, read_only=study.read_only,
                         opened=unlocked.opened)
        alarm = tamper_alarm(study, session, tampered)
        notices = list(opened.notices) + plain_study_notice(study)
    except BaseException:
        opened.close()
        raise
    try:
        window = assemble_window(Path(study_path), opened, accounts, session, notices, clock,
                                 ahead=ahead)
        deferred = defer_check and integrity is not None and not integrity.done
        if integrity is not None and not deferred:
            integrity.wait()  # a damaged file is refused before anything can be written
        if alarm is not None:
            window.show_alarm(alarm)
        if deferred:
            assert integrity is not None
            finish_when_checked(window, study, accounts, integrity)
            return window
        if not study.read_only:
            accounts.record_pending()  # the login, now that the file is known to be sound
    except BaseException:
        opened.close()
        raise
    _backup_on_open(window, study)
    return window


def _backup_on_open(window: MainWindow, study: Study) -> BackupOnOpen:
    """The daily backup, made in a worker thread (saves go on meanwhile: it copies a snapshot);
    a failure is told in the window's banner when it ends."""
    job = BackupOnOpen(study)
    timer = QTimer(window)
    timer.setInterval(200)

    def poll() -> None:
        if not job.done:
            return
        timer.stop()
        if job.error is not None:
            error = job.error
            window.show_notice(lambda: QCoreApplication.translate(
                "app", "Automatic backup failed: {problem}").format(
                    problem=error_message(error)))

    timer.timeout.connect(poll)
    timer.start()
    window.backup_on_open = job
    return job


def finish_when_checked(window: MainWindow, study: Study, accounts: AccountService,
                        integrity: IntegrityCheck) -> None:
    """The window is up while ``quick_check`` runs: writes wait for it (``hold_writes``);
    when it ends, record the login and make the backup that is due, or, for a damaged file,
    turn the window read-only with a red banner."""
    hold_writes(study.db, integrity)
    timer = QTimer(window)
    timer.setInterval(50)

    def poll() -> None:
        if not integrity.done:
            return
        timer.stop()
        if integrity.error is None:
            release_writes(study.db)
        else:
            study.read_only = True
            window.show_alarm(QCoreApplication.translate(
                "App", "The study file failed its integrity check: {problem}. Nothing can be "
                "saved; close it and restore a verified backup.").format(
                    problem=error_message(integrity.error)))
            return
        try:
            if not study.read_only:
                accounts.record_pending()
        except DbError as err:
            failed = err
            window.show_notice(lambda: QCoreApplication.translate(
                "app", "The login could not be recorded: {problem}").format(
                    problem=error_message(failed)))
            return
        _backup_on_open(window, study)

    timer.timeout.connect(poll)
    timer.start()


def assemble_window(study_path: Path, opened: OpenedStudy, accounts: AccountService,
                    session: Session, notices: list[str],
                    clock: Clock = SYSTEM_CLOCK, *, ahead: MainWindow | None = None
                    ) -> MainWindow:
    """Services and the window for one session on an opened (locked) study (``ahead``: a
    window built before the study was open, bound here). The window closes the study when it
    closes, unless it handed the study over to the next user (File ▸ Switch user: the same
    file and lock, a new session, a window rebuilt for the new role)."""
    from jdmdesk.ui.main_window import MainWindow

    study = opened.study
    records = RecordService(study, session, clock)
    services = StudyServices(
        path=study_path, session=session, clock=clock, records=records,
        reader=StudyReader(study, session, clock), settings=SettingsService(study, session),
        maintenance=MaintenanceService(study, session), review=ReviewService(study, clock),
        accounts=accounts, signoff=SignoffService(study, session, accounts, records),
        chart=ChartService(study), notices=notices)
    handed_over = False

    def close() -> None:
        if handed_over:
            return  # the next user's window has the study now
        if cancel_held_check(study.db):  # closed before quick_check ended: write nothing
            opened.close()
            return
        try:
            if study.key is not None and not study.read_only:
                chain_head.write_head(study.db, study_path)  # outside the file: what it has reached
            wait_for_backup(study.path)  # the one made on opening ends first
            job = BackupJob(study, lambda: backup_on_close(study), name="backup-on-close")
            wait_for_closing_backup(job, study_path.name)
            if job.error is not None:
                raise job.error
        except (BackupError, OSError) as err:
            print(f"jdmdesk: backup on close failed: {err}", file=sys.stderr)
        finally:
            opened.close()

    def switch_user(given: Credentials) -> MainWindow:
        """Log ``given`` in (AccountError when refused) and build their window."""
        nonlocal handed_over
        new_session = accounts.login(given.username, given.password)
        handed_over = True
        try:
            return assemble_window(study_path, opened, accounts, new_session, notices, clock)
        except BaseException:
            handed_over = False
            raise

    def break_held_lock(confirm: Callable[[str], bool]
                        ) -> tuple[ServiceResult, MainWindow | None]:
        """Break the lock of the instance that stopped and build a writable window for this
        session on the study opened under the new lock (this window's read-only study closes
        with this window)."""
        from jdmdesk.services.lock_break import break_study_lock

        result, writable = break_study_lock(study, study_path, session, confirm)
        if writable is None:
            return result, None
        try:
            new_accounts = AccountService(writable.study, clock=clock, hasher=accounts.hasher)
            kept = [n for n in notices if n not in opened.notices]
            return result, assemble_window(study_path, writable, new_accounts, session,
                                           kept + list(writable.notices), clock)
        except BaseException:
            writable.close()
            raise

    held = opened.lock is None and study.read_only and read_lock(study_path) is not None
    window = ahead if ahead is not None else MainWindow(study_path=study_path)
    window.bind(services, on_close=close, chart_factory=lambda: deferred_chart(services),
                switch_user=switch_user, break_lock=break_held_lock if held else None)
    for service in (services.records, services.settings, services.chart):
        service.setParent(window)
    if opened.lock is not None:  # the lock's heartbeat, so a stopped holder can be told
        heartbeat = QTimer(window)
        heartbeat.timeout.connect(opened.refresh_lock)
        heartbeat.start(HEARTBEAT_INTERVAL_S * 1000)
    return window


def deferred_chart(services: StudyServices) -> DeferredChart:
    """An enzyme chart that follows every committed change, built when first shown. It is
    connected before the tables, so the chart is the first view to update after a save."""
    place = DeferredChart(lambda: make_chart(services))
    services.records.changed.connect(place.on_records_changed)
    return place


def make_chart(services: StudyServices) -> EnzymeChartPanel:
    from jdmdesk.ui.chart.panel import EnzymeChartPanel

    panel = EnzymeChartPanel(services.chart)
    panel.lazy = True  # hidden tabs redraw when shown, so a save only pays for what is seen
    return panel


def run_gui(path: Path, *, read_only: bool = False) -> int:
    """The window for ``path``, the login dialog first (see jdmdesk.ui.launch)."""
    from jdmdesk.ui.launch import run_gui as launch

    return launch(path, read_only=read_only)


def open_window(app: QApplication, path: Path, credentials: Credentials | None, *,
                read_only: bool = False, integrity: IntegrityCheck | None = None,
                ahead: MainWindow | None = None) -> int:
    """After the login dialog: the window (``ahead``, when it was built while the person
    typed; asking again on a refused password), then the event loop. Returns the process's
    exit code."""
    from jdmdesk.ui.admin.login_dialog import ask_with_dialog
    from jdmdesk.ui.admin.recovery_dialog import (
        ask_recovery_with_dialog,
        show_recovery_key_with_dialog,
    )

    try:
        window = build_main_window(path, credentials, read_only=read_only,
                                   ask=ask_with_dialog(path.name),
                                   show_recovery_key=show_recovery_key_with_dialog(path.name),
                                   ask_recovery=ask_recovery_with_dialog(path.name),
                                   integrity=integrity, defer_check=True, ahead=ahead)
    except StudyFileError as err:
        message = describe_with_backup(err)
        print(f"jdmdesk: {message}", file=sys.stderr)
        _offer_restore(err, message)
        return 2
    except LoginCancelled:
        print("jdmdesk: login cancelled: the study was not opened", file=sys.stderr)
        return 1
    except AccountError as err:
        print(f"jdmdesk: {err}", file=sys.stderr)
        QMessageBox.warning(None, APP_NAME, sentence(error_message(err)))
        return 2
    # after the first paint: the other sections, then the lab tab's chart, so that switching
    # to any tab is instant
    after_first_paint(window, lambda: (window.workspace.build_rest_when_idle(),
                                       QTimer.singleShot(0, window.workspace.chart.panel)))
    window.show()
    return int(app.exec())


def _offer_restore(err: StudyFileError, message: str) -> None:
    """A refused file is never repaired in place: offer its newest verified backup as a copy."""
    backup = newest_verified_backup(err.path) if restore_helps(err) else None
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME,
                      QCoreApplication.translate("app", "Cannot open {file}.").format(
                          file=err.path.name))
    box.setInformativeText(translated(message))
    restore = box.addButton(QCoreApplication.translate("app", "Restore backup into a new file…"),
                            QMessageBox.ButtonRole.AcceptRole) if backup else None
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if restore is None or box.clickedButton() is not restore or backup is None:
        return
    target, _ = QFileDialog.getSaveFileName(None, QCoreApplication.translate(
                                                "app", "Restore into a new study file"),
                                            str(err.path.with_name(err.path.stem +
                                                                   "-restored.jdm")),
                                            QCoreApplication.translate("app",
                                                                       "JDM Desk study (*.jdm)"))
    if not target:
        return
    try:
        restore_backup(backup, Path(target))
    except BackupError as exc:
        QMessageBox.warning(None, APP_NAME, error_message(exc))
        return
    QMessageBox.information(None, APP_NAME, QCoreApplication.translate(
        "app", "Restored into {file}. Open it with jdmdesk.").format(file=target))
