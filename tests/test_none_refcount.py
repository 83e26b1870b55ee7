"""Regression guard for the PySide6 6.12.0 / CPython 3.11 None-refcount defect."""

import sys

from PySide6.QtCore import QObject


def test_void_calls_do_not_leak_none_references(qapp):
    obj = QObject()
    for _ in range(1000):  # warm-up: caches and interned objects settle
        obj.setObjectName("x")
    before = sys.getrefcount(None)
    for _ in range(20_000):
        obj.setObjectName("x")  # returns nothing
        obj.blockSignals(False)
    after = sys.getrefcount(None)
    assert abs(after - before) < 100, (before, after)
