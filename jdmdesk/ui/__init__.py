"""Qt widgets: the main window, forms, tables and the chart. No SQL here.

Rooms: ``entry/`` (record forms and their fields, lab panel, record tables, patient list,
history), ``chart/`` (the enzyme chart panel, its axes, plots, export and deferred
place-holder; the only package that imports pyqtgraph), ``review/`` (the physician's review,
its texts, the PDF summary, the study overview), ``admin/`` (login, users, study settings,
auto-lock). Here: the main window, the patient workspace, prompts, the export dialog and the
saved window state.

One refresh path: views follow ``RecordService.changed(kind, patient_id, ids)`` only, each
filtering by kind and patient; forms never refresh tables themselves.
"""
