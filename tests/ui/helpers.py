"""Drive the real window with the keyboard, and answer its questions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QWidget


class FakePrompts:
    """Stands in for ui.prompts.Prompts: records questions, gives scripted answers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.reasons: list[str | None] = []
        self.unsaved_answers: list[str] = []
        self.asked: list[tuple[str, str]] = []
        self.errors: list[str] = []
        self.passwords: list[str | None] = []

    def unsaved_changes(self, what: str) -> str:
        self.asked.append(("unsaved", what))
        return self.unsaved_answers.pop(0)

    def reason(self, title: str, question: str) -> str | None:
        self.asked.append(("reason", question))
        return self.reasons.pop(0) if self.reasons else None

    def password(self, title: str, question: str) -> str | None:
        self.asked.append(("password", title))
        return self.passwords.pop(0) if self.passwords else None

    def confirm_warnings(self, warnings: dict[str, str]) -> str | None:
        self.asked.append(("warnings", ", ".join(warnings)))
        return self.reasons.pop(0) if self.reasons else None

    def confirm(self, title: str, text: str, *, risky: bool = False) -> bool:
        self.asked.append(("confirm risky" if risky else "confirm", text))
        return True

    def error(self, title: str, text: str) -> None:
        self.errors.append(text)


def install_prompts(window) -> FakePrompts:
    fake = FakePrompts()
    window.prompts = fake
    window.workspace.prompts = fake
    for form in window.workspace.forms.values():
        form.prompts = fake
    return fake


def focused() -> QWidget:
    w = QApplication.focusWidget()
    assert w is not None, "nothing has keyboard focus"
    return w


def type_field(qtbot, expected_name: str, text: str, *, key=Qt.Key.Key_Tab) -> None:
    """Type into the focused widget (which must be the named field), then move on."""
    w = focused()
    assert w.objectName() == expected_name, f"focus on {w.objectName()!r}, expected " \
                                            f"{expected_name!r}"
    if isinstance(w, QComboBox):
        if text:
            index = next(i for i in range(w.count()) if w.itemText(i).startswith(text))
            # keyboard: Home then Down arrows to the item, as a nurse would
            qtbot.keyClick(w, Qt.Key.Key_Home)
            for _ in range(index):
                qtbot.keyClick(w, Qt.Key.Key_Down)
            assert w.currentIndex() == index
    elif text:
        qtbot.keyClicks(w, text)
    qtbot.keyClick(w, key)


def ctrl(qtbot, key) -> None:
    qtbot.keyClick(focused(), key, Qt.KeyboardModifier.ControlModifier)
