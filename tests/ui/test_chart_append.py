"""The chart's incremental paths (a lab result saved, edited or deleted; medication or a weight
changed) draw what a full redraw draws."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest

from jdmdesk.services.chart import ChartService
from tests.ui.test_chart import lab, save, tacrolimus

START = date(2025, 1, 13)


@pytest.fixture
def panels(qtbot, study, service):
    """The panel that follows the saves, and a second one that only ever redraws in full."""
    from jdmdesk.ui.chart.panel import EnzymeChartPanel

    live = EnzymeChartPanel(ChartService(study))
    full = EnzymeChartPanel(ChartService(study))
    for p in (live, full):
        qtbot.addWidget(p)
        p.resize(900, 600)
        p.show()
        qtbot.waitExposed(p)
    service.changed.connect(live.on_records_changed)
    return live, full


def drawn(panel) -> dict[str, object]:
    """Everything on screen that a lab result can change, as plain lists."""
    out: dict[str, object] = {}
    items = {**{c: it for c, it in panel.items.items()},
             **{f"{c}_uln": it for c, it in panel.uln_items.items()},
             **{f"{c}_above": it for c, it in panel.above_items.items()},
             "troughs": panel.trough_plot.item, "pred": panel.steroid.pred_item}
    for name, it in items.items():
        x, y = it.getData()
        data = it.opts.get("data")
        out[name] = ([repr(v) for v in np.asarray(x, float).round(9).tolist()],
                     [repr(v) for v in np.asarray(y, float).tolist()],  # NaN equals NaN
                     [] if data is None else [str(t) for t in data])
    out["legend"] = [label.text for _, label in panel.legend.items]
    out["note"] = panel.note.text()
    out["x_range"] = [round(v, 6) for v in panel.main.vb.viewRange()[0]]
    return out


def same_as_full(live, full, patient_id) -> None:
    full.show_patient(patient_id)
    assert drawn(live) == drawn(full)


def test_appends_then_edits_and_deletes_match_a_full_redraw(qtbot, panels, service, patient_id,
                                                           monkeypatch):
    live, full = panels
    live.show_patient(patient_id)
    save(qtbot, live, service, "medication", tacrolimus(), patient_id)
    save(qtbot, live, service, "medication", {
        "drug": "prednisolone", "route": "oral", "dose_amount": "30", "dose_unit": "mg",
        "frequency": "od", "start_date": (START - timedelta(10)).isoformat(),
        "change_reason": "start"}, patient_id)
    visit = save(qtbot, live, service, "visit", {"visit_date": START.isoformat(),
                                                 "weight_kg": "30"}, patient_id)
    updated, reloaded = [], []
    real_update, real_load = live.service.update, live.service.load
    monkeypatch.setattr(live.service, "update",
                        lambda d, kind, ids: updated.append(r := real_update(d, kind, ids)) or r)
    monkeypatch.setattr(live.service, "load",
                        lambda pid: reloaded.append(pid) or real_load(pid))
    ids = []
    for n, (analyte, value) in enumerate([("CK", "1850"), ("LD", "980"), ("CK", "900"),
                                          ("ASAT", "140"), ("TACROLIMUS", "7.5"),
                                          ("CK", "400")]):
        day = (START + timedelta(7 * n)).isoformat()
        draft = lab(day, analyte, value, *(("ng/mL", "") if analyte == "TACROLIMUS" else ()))
        if analyte == "TACROLIMUS":
            draft["ref_low"] = draft["ref_high"] = None
        ids.append(save(qtbot, live, service, "lab", draft, patient_id))
        same_as_full(live, full, patient_id)
    assert len(updated) == 6 and all(a is not None for a in updated) and not reloaded
    # a result with no ULN, far later: moves the open prednisolone line and the range
    save(qtbot, live, service, "lab", lab("2025-09-01", "CK", "120", ref_high=""), patient_id)
    same_as_full(live, full, patient_id)
    live.set_uln_mode(True)
    full.set_uln_mode(True)
    save(qtbot, live, service, "lab", lab("2025-09-08", "LD", "300", ref_high=""), patient_id)
    same_as_full(live, full, patient_id)
    live.set_uln_mode(False)
    full.set_uln_mode(False)
    # an earlier date, an edit of a value, an edit of a date and a deletion: in place too
    save(qtbot, live, service, "lab", lab("2025-01-20", "CK", "50", ref_high="30"), patient_id)
    same_as_full(live, full, patient_id)
    save(qtbot, live, service, "lab", lab((START + timedelta(14)).isoformat(), "CK", "2000"),
         patient_id, record_id=ids[2], reason="typo")
    same_as_full(live, full, patient_id)
    save(qtbot, live, service, "lab", lab((START + timedelta(40)).isoformat(), "LD", "700",
                                          ref_high="325"),
         patient_id, record_id=ids[1], reason="wrong date")
    same_as_full(live, full, patient_id)
    with qtbot.waitSignal(live.refreshed, timeout=5000):
        assert service.set_deleted("lab", ids[0], "entered twice").ok
    same_as_full(live, full, patient_id)
    # a tacrolimus dose change, a steroid taper step and a new weight: the treatment only
    save(qtbot, live, service, "medication", tacrolimus(
        (START + timedelta(21)).isoformat(), dose="3", reason="increase"), patient_id)
    same_as_full(live, full, patient_id)
    save(qtbot, live, service, "medication", {
        "drug": "prednisolone", "route": "oral", "dose_amount": "20", "dose_unit": "mg",
        "frequency": "od", "start_date": (START + timedelta(30)).isoformat(),
        "change_reason": "taper"}, patient_id)
    same_as_full(live, full, patient_id)
    save(qtbot, live, service, "visit", {"visit_date": START.isoformat(), "weight_kg": "33"},
         patient_id, record_id=visit, reason="weighed again")
    same_as_full(live, full, patient_id)
    assert not reloaded and all(a is not None for a in updated)
    # tacrolimus started earlier: day 0 moves, every x with it: loaded again
    save(qtbot, live, service, "medication", tacrolimus((START - timedelta(5)).isoformat()),
         patient_id)
    same_as_full(live, full, patient_id)
    assert len(reloaded) == 1


def test_a_lab_panel_with_analytes_off_the_chart_appends(qtbot, panels, service, patient_id):
    live, full = panels
    live.show_patient(patient_id)
    save(qtbot, live, service, "medication", tacrolimus(), patient_id)
    with qtbot.waitSignal(live.refreshed, timeout=5000):
        result = service.save_lab_panel(patient_id, [
            lab("2025-02-01", "CK", "700"), lab("2025-02-01", "LD", "500", ref_high="325"),
            {"sample_date": "2025-02-01", "analyte": "CRP", "value": "12", "unit": "mg/L",
             "ref_low": None, "ref_high": "5"}])
    assert result.ok, result
    same_as_full(live, full, patient_id)
