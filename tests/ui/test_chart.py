"""The live enzyme chart, driven through the RecordService as the lab form drives it."""

from __future__ import annotations

import ast
import calendar
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

import jdmdesk
from jdmdesk.services.chart import ChartService

TAC_START = "2025-01-13"


@pytest.fixture
def panel(qtbot, study, service):
    from jdmdesk.ui.chart.panel import EnzymeChartPanel

    p = EnzymeChartPanel(ChartService(study))
    qtbot.addWidget(p)
    service.changed.connect(p.on_records_changed)
    p.resize(900, 600)
    p.show()
    qtbot.waitExposed(p)
    return p


def save(qtbot, panel, service, kind, draft, patient_id, **kw):
    """Save through the service and wait for the chart's redraw that follows the commit."""
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        result = service.save(kind, draft, patient_id=patient_id, **kw)
    assert result.ok, result
    return result.record_id


def lab(day, analyte, value, unit="U/L", ref_high="145"):
    return {"sample_date": day, "analyte": analyte, "value": value, "unit": unit,
            "ref_low": "0" if ref_high else None, "ref_high": ref_high}


def tacrolimus(start=TAC_START, dose="2", end=None, reason="start"):
    return {"drug": "tacrolimus", "route": "oral", "dose_amount": dose, "dose_unit": "mg",
            "frequency": "bd", "start_date": start, "end_date": end, "change_reason": reason}


def item(panel, name):
    found = [i for i in panel.plot.getPlotItem().listDataItems() if i.name() == name]
    assert len(found) == 1, f"{len(found)} items named {name!r}"
    return found[0]


def by_object_name(panel, name):
    return next(i for i in panel.plot.getPlotItem().listDataItems() if i.objectName() == name)


def xy(it):
    x, y = it.getData()
    return np.asarray(x, dtype=float), np.asarray(y, dtype=float)


@pytest.fixture
def with_tacrolimus(qtbot, panel, service, patient_id):
    panel.show_patient(patient_id)
    save(qtbot, panel, service, "medication", tacrolimus(), patient_id)
    return patient_id


def test_chart_widget_names_follow_the_contract(panel):
    assert panel.plot.objectName() == "enzyme_chart"
    assert panel.plot.accessibleName() == "enzyme_chart"
    for code in ("CK", "LD", "ASAT", "ALAT", "ALDOLASE"):
        assert item(panel, code).objectName() == code


def test_saved_labs_update_the_ck_item_in_place(qtbot, panel, service, with_tacrolimus):
    pid = with_tacrolimus
    before = list(panel.plot.getPlotItem().listDataItems())
    ck = item(panel, "CK")
    save(qtbot, panel, service, "lab", lab("2025-01-06", "CK", "1850"), pid)
    save(qtbot, panel, service, "lab", lab("2025-02-12", "CK", "15", "\u00b5kat/L", "2.4"), pid)
    save(qtbot, panel, service, "lab", lab(TAC_START, "CK", "1600"), pid)
    save(qtbot, panel, service, "lab", lab("2025-03-14", "CK", "120"), pid)
    save(qtbot, panel, service, "lab", lab("2025-02-12", "ASAT", "90", ref_high="30"), pid)
    x, y = xy(item(panel, "CK"))
    assert x.tolist() == [-7.0, 0.0, 30.0, 60.0]
    assert y.tolist() == [1850.0, 1600.0, 900.0, 120.0]  # 15 µkat/L = 900 U/L
    assert (ck.xData.tolist(), ck.yData.tolist()) == (x.tolist(), y.tolist())
    assert panel.series_data("CK")[0].tolist() == x.tolist()
    above_x, _ = xy(by_object_name(panel, "CK_above"))
    assert above_x.tolist() == [-7.0, 0.0, 30.0]  # 120 U/L is within the range
    uln_x, uln_y = xy(by_object_name(panel, "CK_uln"))
    # each result's own ULN holds until the next result; 2.4 µkat/L = 144 U/L
    assert uln_x.tolist() == [-7.0, 0.0, 30.0, 30.0, 60.0, 60.0, 60.0]
    assert uln_y == pytest.approx([145.0, 145.0, 145.0, 144.0, 144.0, 145.0, 145.0])
    assert xy(item(panel, "ASAT"))[0].tolist() == [30.0]
    # the same items, updated with setData
    assert item(panel, "CK") is ck
    assert list(panel.plot.getPlotItem().listDataItems()) == before
    assert panel.plot.getPlotItem().ctrl.logYCheck.isChecked()


def test_uln_mode_divides_each_value_by_its_own_uln(qtbot, panel, service, with_tacrolimus):
    pid = with_tacrolimus
    save(qtbot, panel, service, "lab", lab("2025-01-06", "CK", "1450"), pid)
    save(qtbot, panel, service, "lab", lab("2025-02-12", "CK", "6", "\u00b5kat/L", "3"), pid)
    save(qtbot, panel, service, "lab", lab("2025-03-14", "CK", "100", ref_high=None), pid)
    with qtbot.waitSignal(panel.refreshed):
        qtbot.mouseClick(panel.uln_button, Qt.MouseButton.LeftButton)
    assert panel.uln_mode and not panel.plot.getPlotItem().ctrl.logYCheck.isChecked()
    x, y = xy(item(panel, "CK"))
    assert x.tolist() == [-7.0, 30.0]  # the result without a ULN is left out of this view
    assert y == pytest.approx([10.0, 2.0])
    assert panel.uln_line.isVisible()
    assert xy(by_object_name(panel, "CK_uln"))[0].size == 0
    assert panel.note.isVisible() and "without an upper limit" in panel.note.text()
    with qtbot.waitSignal(panel.refreshed):
        qtbot.mouseClick(panel.log_button, Qt.MouseButton.LeftButton)
    assert xy(item(panel, "CK"))[1].tolist() == [1450.0, 360.0, 100.0]
    assert not panel.uln_line.isVisible() and not panel.note.isVisible()


def test_soft_deleted_lab_disappears(qtbot, panel, service, with_tacrolimus):
    pid = with_tacrolimus
    keep = save(qtbot, panel, service, "lab", lab("2025-01-20", "CK", "800"), pid)
    gone = save(qtbot, panel, service, "lab", lab("2025-01-27", "CK", "8000"), pid)
    assert xy(item(panel, "CK"))[0].tolist() == [7.0, 14.0]
    with qtbot.waitSignal(panel.refreshed):
        assert service.set_deleted("lab", gone, "typing error: 800").ok
    x, y = xy(item(panel, "CK"))
    assert (x.tolist(), y.tolist()) == ([7.0], [800.0])
    assert keep in {p.record_id for p in panel.data.series["CK"].points}


def test_medication_and_weight_changes_redraw_the_overlay(qtbot, panel, service, patient_id):
    panel.show_patient(patient_id)
    save(qtbot, panel, service, "visit", {"visit_date": "2025-01-01", "weight_kg": "20"},
         patient_id)
    tac = save(qtbot, panel, service, "medication", tacrolimus(), patient_id)
    save(qtbot, panel, service, "medication",
         {"drug": "prednisolone", "route": "oral", "dose_amount": "20", "dose_unit": "mg",
          "frequency": "od", "start_date": "2025-01-01", "end_date": "2025-01-31",
          "change_reason": "start"}, patient_id)
    save(qtbot, panel, service, "lab", lab("2025-03-14", "CK", "300"), patient_id)
    px, py = xy(panel.steroid.pred_item)
    assert px.tolist() == [-12.0, 19.0, 19.0, 61.0]  # 1 mg/kg/day, then stopped
    assert py.tolist() == [1.0, 1.0, 0.0, 0.0]
    with qtbot.waitSignal(panel.refreshed):
        assert service.change_dose(tac, tacrolimus("2025-02-24", "2.5", reason="increase")).ok
    dx, _ = xy(panel.steroid.dose_item)
    assert dx.tolist() == [42.0, 42.0]
    assert panel.steroid.dose_labels[0].toPlainText() == "tac \u21915 mg/d"
    with qtbot.waitSignal(panel.refreshed):  # heavier: the same dose is less per kg
        save(qtbot, panel, service, "visit", {"visit_date": "2025-01-15", "weight_kg": "25"},
             patient_id, reason="weighed again", confirm_warnings=True)  # +25 % in 14 days
    assert xy(panel.steroid.pred_item)[1].tolist()[:4] == [1.0, 1.0, 0.8, 0.8]


def test_changes_of_another_patient_or_kind_are_ignored(qtbot, panel, service, with_tacrolimus):
    other = service.save("patient", {"study_code": "P-002", "sex": "M",
                                     "birth_date": "2014-01-01"}).record_id
    with qtbot.assertNotEmitted(panel.refreshed):
        service.save("lab", lab("2025-02-01", "CK", "500"), patient_id=other)
        service.save("adverse_event", {"onset_date": "2025-02-01", "term": "tremor",
                                       "category": "neurological", "grade": "1",
                                       "serious": "0", "relatedness": "possible"},
                     patient_id=with_tacrolimus)
    assert xy(item(panel, "CK"))[0].size == 0


def test_patient_without_tacrolimus_gets_calendar_axis_and_note(qtbot, panel, service,
                                                                patient_id):
    panel.show_patient(patient_id)
    save(qtbot, panel, service, "lab", lab("2025-01-06", "CK", "900"), patient_id)
    save(qtbot, panel, service, "lab", lab("2025-02-03", "CK", "400"), patient_id)
    assert panel.note.isVisible()
    assert "No tacrolimus" in panel.note.text() and "calendar dates" in panel.note.text()
    assert panel.time_axis.calendar and panel.trough_axis.calendar
    assert not panel.day0_line.isVisible()
    x, y = xy(item(panel, "CK"))
    assert x.tolist() == [calendar.timegm(date(2025, 1, 6).timetuple()),
                          calendar.timegm(date(2025, 2, 3).timetuple())]
    assert y.tolist() == [900.0, 400.0]
    levels = panel.time_axis.tickValues(x[0], x[1], 600)
    spacing, values = next((sp, v) for sp, v in levels if v)
    labels = panel.time_axis.tickStrings(values, 1.0, spacing)
    assert labels and all(labels) and not any(lab.lstrip("-").isdigit() for lab in labels)
    # tacrolimus arrives: study days replace the dates and the note goes away
    save(qtbot, panel, service, "medication", tacrolimus("2025-01-20"), patient_id)
    assert not panel.note.isVisible() and not panel.time_axis.calendar
    assert xy(item(panel, "CK"))[0].tolist() == [-14.0, 14.0]
    assert panel.day0_line.isVisible() and panel.day0_line.label.format == "tacrolimus start"


def test_hover_text_names_analyte_value_unit_uln_date_and_day(qtbot, panel, service,
                                                            with_tacrolimus):
    save(qtbot, panel, service, "lab", lab("2025-01-06", "CK", "1850"), with_tacrolimus)
    ck = item(panel, "CK")
    tips = panel.tooltips("CK")
    assert tips == [ck.scatter.opts["tip"](x=-7.0, y=1850.0, data=tips[0])]
    assert tips[0].splitlines() == ["CK: 1850 U/L", "ULN: 145 U/L \u2014 12.76 \u00d7 ULN",
                                    "2025-01-06 \u00b7 day -7"]
    assert ck.scatter.opts["hoverable"]


def test_troughs_and_target_band(qtbot, panel, service, with_tacrolimus):
    save(qtbot, panel, service, "lab", lab("2025-01-27", "TACROLIMUS", "7.5", "ng/mL", "10"),
         with_tacrolimus)
    x, y = panel.series_data("TACROLIMUS")
    assert (x.tolist(), y.tolist()) == ([14.0], [7.5])
    assert panel.trough_plot.band.getRegion() == (5.0, 10.0)
    assert panel.trough_plot.getViewBox().linkedView(0) is panel.plot.getPlotItem().getViewBox()


def test_no_patient_draws_nothing(panel):
    panel.show_patient(None)
    assert all(xy(item(panel, c))[0].size == 0 for c in ("CK", "LD", "ASAT"))
    assert panel.note.isVisible() and "Select a patient" in panel.note.text()


def _colours(image: QImage) -> set[tuple[int, int, int]]:
    seen = set()
    for yy in range(0, image.height(), 3):
        for xx in range(0, image.width(), 3):
            c = image.pixelColor(xx, yy)
            seen.add((c.red() // 8, c.green() // 8, c.blue() // 8))
    return seen


def test_offscreen_render_is_not_blank(qtbot, panel, service, with_tacrolimus, tmp_path):
    for day, ck, ld in (("2024-12-20", "1900", "950"), ("2025-01-13", "1500", "800"),
                        ("2025-02-10", "700", "500"), ("2025-04-07", "200", "330")):
        save(qtbot, panel, service, "lab", lab(day, "CK", ck), with_tacrolimus)
        save(qtbot, panel, service, "lab", lab(day, "LD", ld, ref_high="325"), with_tacrolimus)
    image = panel.grab().toImage()
    assert image.width() >= 800 and image.height() >= 500
    colours = _colours(image)
    assert len(colours) > 40
    assert (0xD5 // 8, 0x5E // 8, 0x00 // 8) in colours  # CK's vermillion is drawn
    white = image.pixelColor(image.width() // 2, image.height() // 2)
    assert white.lightness() > 200  # white plot background


def test_export_png_and_svg_without_dialog(qtbot, panel, service, with_tacrolimus, tmp_path):
    save(qtbot, panel, service, "lab", lab("2025-01-06", "CK", "1850"), with_tacrolimus)
    png = panel.export_png(tmp_path / "chart.png")
    svg = panel.export_svg(tmp_path / "chart")
    assert png == tmp_path / "chart.png" and svg == tmp_path / "chart.svg"
    image = QImage(str(png))
    assert image.width() >= panel.plot.width() and len(_colours(image)) > 20
    text = Path(svg).read_text(encoding="utf-8")
    assert "<svg" in text and "tacrolimus start" in text


def test_pyqtgraph_is_imported_only_by_the_chart_package():
    pkg = Path(jdmdesk.__file__).parent
    users = []
    for path in pkg.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(n == "pyqtgraph" or n.startswith("pyqtgraph.") for n in names):
                users.append(path.relative_to(pkg).as_posix())
    assert users and all(u.startswith("ui/chart/") for u in users), users


def test_panel_and_place_holder_both_offer_the_chart_protocol():
    """The window holds an ``EnzymeChart``: the panel and the deferred place-holder each
    define every member with the protocol's parameters, and no ``__getattr__`` forwarding."""
    import inspect

    from jdmdesk.ui.chart.deferred import DeferredChart
    from jdmdesk.ui.chart.panel import EnzymeChartPanel
    from jdmdesk.ui.chart.view import EnzymeChart

    members = [n for n in vars(EnzymeChart) if not n.startswith("_")]
    assert {"refreshed", "show_patient", "on_records_changed", "series_data",
            "image", "widget", "refresh"} <= set(members)
    for cls in (EnzymeChartPanel, DeferredChart):
        assert "__getattr__" not in vars(cls)
        for name in members:
            assert hasattr(cls, name), f"{cls.__name__} lacks {name}"
            wanted = getattr(EnzymeChart, name)
            if inspect.isfunction(wanted):
                params = list(inspect.signature(wanted).parameters)
                assert list(inspect.signature(getattr(cls, name)).parameters) == params, \
                    f"{cls.__name__}.{name}"


def test_place_holder_builds_the_panel_on_first_use_and_passes_its_redraws_on(
        qtbot, study, service, with_tacrolimus):
    from jdmdesk.ui.chart.deferred import DeferredChart
    from jdmdesk.ui.chart.panel import EnzymeChartPanel

    place = DeferredChart(lambda: EnzymeChartPanel(ChartService(study)))
    qtbot.addWidget(place)
    service.changed.connect(place.on_records_changed)
    place.show_patient(with_tacrolimus)
    assert not place.built
    service.save("lab", lab("2025-01-13", "CK", "900"), patient_id=with_tacrolimus)
    assert not place.built  # nothing to redraw before the panel exists
    with qtbot.waitSignal(place.refreshed):
        x, y = place.series_data("CK")  # builds it, for the remembered patient
    assert place.built and y.tolist() == [900.0] and x.tolist() == [0.0]
    with qtbot.waitSignal(place.refreshed):
        service.save("lab", lab("2025-01-20", "CK", "700"), patient_id=with_tacrolimus)
    assert place.series_data("CK")[1].tolist() == [900.0, 700.0]
    assert not place.image().isNull()


def test_steroid_line_from_the_drugs_start_and_plain_right_axis(qtbot, panel, service, patient_id):
    """Issue 16 items 18-19: prednisolone drawn from day -155 although the first weight is on
    day -3 (the legend says which weight), and a right axis in plain mg/kg/day below 1."""
    panel.show_patient(patient_id)
    save(qtbot, panel, service, "medication", tacrolimus(), patient_id)
    save(qtbot, panel, service, "visit", {"visit_date": "2025-01-10", "weight_kg": "40"},
         patient_id)
    save(qtbot, panel, service, "medication",
         {"drug": "prednisolone", "route": "oral", "dose_amount": "10", "dose_unit": "mg",
          "frequency": "od", "start_date": "2024-08-11", "change_reason": "start"}, patient_id)
    save(qtbot, panel, service, "lab", lab("2025-03-14", "CK", "300"), patient_id)
    px, py = xy(panel.steroid.pred_item)
    assert px[0] == -155.0 and py[0] == 0.25
    labels = [label.text for _, label in panel.legend.items]
    assert any("nearest weight, 40 kg" in t and "2025-01-10" in t for t in labels), labels
    axis = panel.main.getAxis("right")
    qtbot.wait(10)
    assert axis.autoSIPrefixScale == 1.0
    assert "x0.001" not in axis.labelString() and "0.001" not in axis.label.toPlainText()
    ticks = [s for _, level in axis.tickValues(0, 0.35, 300) for s in
             axis.tickStrings(level, axis.autoSIPrefixScale, 0.1)]
    assert "0.1" in ticks or "0.10" in ticks, ticks


def test_dose_and_uln_labels_are_readable(qtbot, panel, service, patient_id):
    """Issue 16 item 20: the dose-change label hangs inside the plot (not clipped at its top);
    the ULN label sits at the right end, drawn above the markers."""
    panel.resize(900, 380)  # the size it has in the review
    panel.show_patient(patient_id)
    tac = save(qtbot, panel, service, "medication", tacrolimus(), patient_id)
    for day, value in (("2025-01-10", "3000"), ("2025-02-20", "800"), ("2025-04-01", "200")):
        save(qtbot, panel, service, "lab", lab(day, "CK", value), patient_id)
    with qtbot.waitSignal(panel.refreshed):
        assert service.change_dose(tac, tacrolimus("2025-02-24", "1.5", reason="decrease")).ok
    labels = [lb for lb in panel.steroid.dose_labels if lb.isVisible()]
    assert labels
    view = panel.steroid.sceneBoundingRect()
    for label in labels:  # TextItems ignore the view's scaling: place them by their anchor
        at = panel.steroid.mapViewToScene(label.pos())
        height = label.textItem.boundingRect().height()
        top = at.y() - label.anchor.y() * height
        assert top >= view.top() - 0.5 and top + height <= view.bottom(), (top, view)
    panel.set_uln_mode(True)
    qtbot.wait(20)
    uln_label = panel.uln_line.label
    assert panel.uln_line.zValue() > max(panel.above_items["CK"].zValue(),
                                         panel.items["CK"].zValue())
    main = panel.main.vb.sceneBoundingRect()
    box = uln_label.sceneBoundingRect()
    assert box.right() <= main.right() + 1 and box.left() > main.center().x()


def test_pulses_are_bands_and_a_0_mg_segment_is_a_stop(qtbot, panel, service, patient_id):
    """Issue 17 items 3 and 6 on the chart: an IV methylprednisolone pulse course is a labelled
    band apart from the daily line; a tacrolimus stop entered as a 0 mg segment is a stop."""
    panel.show_patient(patient_id)
    save(qtbot, panel, service, "medication", tacrolimus(end="2025-02-09"), patient_id)
    save(qtbot, panel, service, "visit", {"visit_date": "2025-01-10", "weight_kg": "40"},
         patient_id)
    save(qtbot, panel, service, "medication",
         {"drug": "methylprednisolone", "route": "iv", "dose_amount": "500", "dose_unit": "mg",
          "frequency": "od", "start_date": "2025-01-20", "end_date": "2025-01-22",
          "change_reason": "start"}, patient_id)
    save(qtbot, panel, service, "medication", tacrolimus("2025-02-10", dose="0", reason="stop"),
         patient_id)
    bands = [(band, label) for band, label in panel.steroid.pulse_bands if band.isVisible()]
    assert len(bands) == 1
    start, end = bands[0][0].getRegion()
    day0 = date.fromisoformat(TAC_START)
    assert (start, end) == ((date(2025, 1, 20) - day0).days, (date(2025, 1, 23) - day0).days)
    assert bands[0][1].toPlainText() == "IV MP 3\u00d7500 mg"
    labels = [label.toPlainText() for label in panel.steroid.dose_labels if label.isVisible()]
    assert labels == ["tac stop"]
