"""Help ▸ About: the same lines as ``jdmdesk --version`` (one function builds both), and the
application's icon."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QMessageBox, QWidget

from jdmdesk import APP_NAME
from jdmdesk.frozen import resources_dir
from jdmdesk.ui.i18n import message
from jdmdesk.version_info import version_text


def icon_path() -> str:
    return str(resources_dir() / "icons" / "jdmdesk-256.png")


def app_icon() -> QIcon:
    """The window icon (empty when the icon file is missing: Qt then shows its default)."""
    return QIcon(icon_path())


def about_box(parent: QWidget | None = None) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("about_box")
    box.setWindowTitle(QCoreApplication.translate("About", "About {app}").format(app=APP_NAME))
    box.setText(QCoreApplication.translate(
        "About", "{app}: offline data capture for juvenile dermatomyositis studies.")
        .format(app=APP_NAME))
    box.setInformativeText(version_text(render=message))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    pixmap = QPixmap(icon_path())
    if not pixmap.isNull():
        box.setIconPixmap(pixmap.scaled(64, 64, Qt.AspectRatioMode.KeepAspectRatio,
                                        Qt.TransformationMode.SmoothTransformation))
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    return box
