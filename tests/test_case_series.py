"""The case series report (issue 17 B): jdmdesk case-series and its files, from the demo."""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

import pypdf
import pytest

from jdmdesk.cli import main
from jdmdesk.db import records as repo
from jdmdesk.db.studyfile import open_study
from jdmdesk.demo import demo_credentials, write_demo
from jdmdesk.domain.access import Role, Session
from jdmdesk.services.case_series import CaseSeriesError, CaseSeriesService, parse_codes
from jdmdesk.services.review import ReviewService
from tests.conftest import FAST, TODAY, log_in_as, study_with_users

CODES = ("SYN-001", "SYN-002", "SYN-003")


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cs") / "demo.jdm"
    write_demo(path, hasher=FAST)
    return path


@pytest.fixture(scope="module")
def report(demo, tmp_path_factory) -> Path:
    """The demo's report, written once by the command as the reviewer."""
    out = tmp_path_factory.mktemp("cs-out") / "report"
    with pytest.MonkeyPatch.context() as mp:
        log_in_as(mp, demo_credentials(Role.REVIEWER))
        assert main(["case-series", str(demo), "--output", str(out)]) == 0
    return out


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_table1_has_the_demo_ages_from_the_dates(report):
    rows = _csv(report / "table1.csv")
    assert list(rows[0])[:6] == ["study_code", "sex", "age_at_tacrolimus_start_y",
                                 "age_at_onset_y", "disease_duration_at_start_y",
                                 "follow_up_months"]
    assert [r["study_code"] for r in rows] == list(CODES)
    assert [r["age_at_tacrolimus_start_y"] for r in rows] == ["11.0", "7.0", "9.0"]
    assert [r["age_at_onset_y"] for r in rows] == ["6.1", "5.8", "4.4"]
    assert [r["sex"] for r in rows] == ["M", "F", "F"]
    assert all(r["prior_second_line_agents"] == "Methotrexate" for r in rows)
    # follow-up to the last record, 7-9 months as in the abstract
    assert all(6.5 <= float(r["follow_up_months"]) <= 9.5 for r in rows)


def test_every_file_is_written(report):
    names = {p.name for p in report.iterdir()}
    expected = {"case_series.pdf", "table1.csv", "outcomes.csv", "outcomes_dictionary.csv",
                "figure_ck_uln_all.svg", "figure_ck_uln_all.png"}
    expected |= {f"figure_enzymes_{c}.{ext}" for c in CODES for ext in ("svg", "png")}
    assert names == expected
    svg = (report / "figure_enzymes_SYN-001.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<path" in svg  # vector, not an image
    assert "<image" not in svg
    assert (report / "figure_ck_uln_all.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    dictionary = {r["column"] for r in _csv(report / "outcomes_dictionary.csv")}
    assert dictionary == set(_csv(report / "outcomes.csv")[0])


def test_outcomes_are_the_reviews_numbers(demo, report):
    session = Session("doctor", "Dr Demo Reviewer", Role.REVIEWER)
    study = open_study(demo, read_only=True)
    try:
        reviews = ReviewService(study)
        cs = CaseSeriesService(study).load()
        written = {r["study_code"]: r for r in _csv(report / "outcomes.csv")}
        for row in cs.outcomes:
            rv = reviews.review(reviews.patient_id(row.study_code))
            base = next(v for v in rv.visits if v.is_baseline)
            last = rv.visits[-1]
            for key, measure in (("cmas", "cmas_total"), ("mmt8", "mmt8_total"),
                                 ("chaq", "chaq_di"), ("phga", "phga"),
                                 ("cdasi_activity", "cdasi_activity")):
                assert row.baseline[key] == base.measures[measure]
                assert row.last[key] == last.measures[measure]
                assert float(written[row.study_code][f"{key}_last"]) == \
                    pytest.approx(last.measures[measure])
            for code in ("CK", "LD", "ASAT"):
                assert row.last[code.lower()] == last.enzymes[code]
            enzyme = last.tis.item("enzyme")  # the TIS's own baseline enzyme
            assert row.baseline[enzyme.source.lower()] == enzyme.baseline
            assert row.final["tis"] == last.tis.score
            assert row.final["tis_category"] == last.tis.category
            assert float(written[row.study_code]["tis_last"]) == last.tis.score
            assert row.baseline["pred_mg_kg_day"] == base.pred_eq_mg_kg_day
            assert row.last["pred_mg_kg_day"] == last.pred_eq_mg_kg_day
            assert row.last["printo"] == last.printo.status
            assert row.last["study_day"] == last.study_day and row.baseline["study_day"] < 0
        assert session.can("read")
    finally:
        study.close()


def test_pdf_has_tables_figures_and_no_calendar_dates_of_patients(demo, report):
    reader = pypdf.PdfReader(report / "case_series.pdf")
    # page 1: title, methods, Tables 1 and 2; then the summary, Table 3 and the four figures
    assert len(reader.pages) == 4
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert "Methods." in pages[0] and "Table 1." in pages[0] and "Table 2." in pages[0]
    for heading in ("Table 2 (all patients)", "Table 3.", "Figure 1a.", "Figure 1b.",
                    "Figure 1c.", "Figure 2."):
        where = [n for n, text in enumerate(pages) if heading in text]
        assert len(where) == 1 and where[0] >= 1, (heading, where)
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == \
            (595, 842)
    box = reader.pages[0].mediabox
    assert round(float(box.width)) == 595 and round(float(box.height)) == 842  # A4
    text = "\n".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())
    for needle in ("Table 1", "Table 2", "Table 3", "Methods.", "Figure 1a", "Figure 1b",
                   "Figure 1c", "Figure 2", "median", "CK 0–145", "LD 0–325", "ASAT 0–30",
                   "SYN-001", "SYN-002", "SYN-003", "No adverse events recorded"):
        assert needle in flat, needle
    # the figures are drawn as vectors: their axis labels are text in the PDF
    assert flat.count("U/L (log scale)") == 3 and "CK, multiple of ULN" in flat
    study = open_study(demo, read_only=True)
    try:
        dates: set[str] = set()
        ids = [ReviewService(study).patient_id(c) for c in CODES]
        for pid in ids:
            patient = repo.get(study.db, "patient", pid)
            dates |= {patient.values["birth_date"], patient.values["onset_date"]}
            dates |= {v.values["visit_date"] for v in repo.list_for_patient(study.db, "visit",
                                                                              pid)}
    finally:
        study.close()
    files = [flat] + [(report / n).read_text(encoding="utf-8")
                      for n in ("table1.csv", "outcomes.csv", "figure_enzymes_SYN-001.svg")]
    for content in files:
        assert not dates & set(re.findall(r"\d{4}-\d{2}-\d{2}", content))


def test_existing_files_are_kept_without_force(demo, report, monkeypatch, capsys):
    log_in_as(monkeypatch, demo_credentials(Role.DATA_ENTRY))  # any role may read
    before = (report / "table1.csv").stat().st_mtime_ns
    assert main(["case-series", str(demo), "--output", str(report)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "already holds" in err and "--force" in err
    assert (report / "table1.csv").stat().st_mtime_ns == before
    assert main(["case-series", str(demo), "--output", str(report), "--force",
                 "--patients", "SYN-002"]) == 0
    assert [r["study_code"] for r in _csv(report / "table1.csv")] == ["SYN-002"]


@pytest.mark.parametrize("case", ["unknown code", "file as folder", "missing parent",
                                  "unwritable", "empty study"])
def test_bad_input_exits_1_with_one_line(case, demo, tmp_path, monkeypatch, capsys):
    log_in_as(monkeypatch, demo_credentials(Role.REVIEWER))
    study, out, extra = demo, tmp_path / "out", []
    if case == "unknown code":
        extra = ["--patients", "SYN-001,NOPE-9"]
    elif case == "file as folder":
        out.write_text("keep")
    elif case == "missing parent":
        out = tmp_path / "no" / "such" / "folder"
    elif case == "unwritable":
        if os.geteuid() == 0:  # root writes into any folder, but not into /sys
            out = Path("/sys/jdmdesk-case-series")
        else:
            out.mkdir()
            out.chmod(0o500)
    else:
        from jdmdesk.domain.access import Credentials
        study = study_with_users(tmp_path / "empty.jdm")
        log_in_as(monkeypatch, Credentials("doctor", "correct horse battery"))
    assert main(["case-series", str(study), "--output", str(out), *extra]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("jdmdesk: ") and "Traceback" not in err
    want = {"unknown code": "'NOPE-9'", "file as folder": "not a folder",
            "missing parent": "does not exist", "unwritable": "permission denied",
            "empty study": "no patients"}[case]
    if case == "unwritable" and os.geteuid() == 0:
        want = "cannot create /sys/jdmdesk-case-series"
    assert want in err
    if case == "file as folder":
        assert out.read_text() == "keep"
    if case in ("unknown code", "empty study"):
        assert not out.exists()


def test_a_patient_without_tacrolimus_is_listed_with_the_reason(demo, tmp_path, qapp):
    from jdmdesk.domain.clock import FixedClock
    from jdmdesk.services.records import RecordService
    from jdmdesk.ui.case_series.job import write_case_series

    copy = tmp_path / "copy.jdm"
    write_demo(copy, hasher=FAST)
    study = open_study(copy)
    try:
        writer = RecordService(study, Session("nurse", "Nurse", Role.DATA_ENTRY),
                               FixedClock.on(TODAY))
        saved = writer.save("patient", {"study_code": "SYN-004", "sex": "F",
                                        "birth_date": "2016-02-01", "onset_date": "2022-05-01"})
        assert saved.ok, saved
        first = ReviewService(study).patient_id("SYN-001")
        for onset, category, grade in (("2025-03-01", "neurological", "1"),
                                       ("2025-04-01", "neurological", "2"),
                                       ("2025-05-01", "renal", "1"),
                                       ("2024-12-01", "infection", "2")):  # before day 0
            ae = writer.save("adverse_event", {
                "onset_date": onset, "term": "tremor", "category": category, "grade": grade,
                "serious": "0", "relatedness": "possible"}, patient_id=first)
            assert ae.ok, ae
        cs = CaseSeriesService(study).load()
    finally:
        study.close()
    assert [c.study_code for c in cs.included] == list(CODES)
    result = write_case_series(cs, tmp_path / "r")
    rows = {r["study_code"]: r for r in _csv(tmp_path / "r" / "table1.csv")}
    assert rows["SYN-004"]["not_included_reason"] == "no tacrolimus recorded"
    assert rows["SYN-004"]["age_at_tacrolimus_start_y"] == ""
    assert rows["SYN-004"]["age_at_onset_y"] == "6.2"
    assert "SYN-004 (no tacrolimus recorded)" in result.summary()
    text = " ".join(pypdf.PdfReader(tmp_path / "r" / "case_series.pdf").pages[0]
                    .extract_text().split())
    assert "SYN-004: not in the case series (no tacrolimus recorded)" in text
    assert not (tmp_path / "r" / "figure_enzymes_SYN-004.svg").exists()
    ae = cs.adverse_events
    assert ae.counts == {"neurological": {"1": 1, "2": 1}, "renal": {"1": 1}}
    assert ae.patients == {"neurological": 1, "renal": 1} and ae.before_start == 1
    pages = pypdf.PdfReader(tmp_path / "r" / "case_series.pdf").pages
    flat = " ".join(" ".join(p.extract_text() for p in pages).split())
    assert "Neurological (tremor, headache)" in flat and "Grade 5" in flat
    assert "1 adverse event(s) with onset before tacrolimus start are not counted" in flat


def test_an_empty_patient_list_is_a_usage_error(demo, tmp_path, capsys):
    assert main(["case-series", str(demo), "--output", str(tmp_path / "o"),
                 "--patients", " , "]) == 2
    assert "no study codes given" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_codes_are_parsed_and_unknown_ones_named(demo):
    assert parse_codes(" SYN-001, SYN-003 ,SYN-001,") == ("SYN-001", "SYN-003")
    assert parse_codes(" , ") == () and parse_codes(None) is None
    study = open_study(demo, read_only=True)
    try:
        with pytest.raises(CaseSeriesError, match="'X'"):
            CaseSeriesService(study).load(["X"])
        assert [r.study_code for r in CaseSeriesService(study).load(["SYN-003"]).outcomes] \
            == ["SYN-003"]
    finally:
        study.close()


def test_the_all_patients_table_is_the_median_of_the_rows(demo):
    from jdmdesk.domain.case_series import outcome_summary

    study = open_study(demo, read_only=True)
    try:
        cs = CaseSeriesService(study).load()
    finally:
        study.close()
    summary = outcome_summary(cs.outcomes)
    cks = sorted(o.baseline["ck"] for o in cs.outcomes)
    base, last = summary["ck"]
    assert (base.median, base.low, base.high, base.n) == (cks[1], cks[0], cks[2], 3)
    assert last.median == sorted(o.last["ck"] for o in cs.outcomes)[1]
    assert summary["printo"][1] == (sum(o.last["printo"] == "inactive" for o in cs.outcomes), 3)
    categories = [o.final["tis_category"] for o in cs.outcomes]
    assert summary["tis_category"][1] == {c: categories.count(c) for c in set(categories)}
    assert summary["tis"][0] is None and summary["tis"][1].n == 3


def test_the_report_is_in_the_language_of_who_makes_it(demo, tmp_path, qapp):
    """Issue 21: in Dutch, the report's own words, the catalogue's labels (drugs, baseline
    rule, statuses) and its decimals are Dutch; the CSV files keep their codes and English."""
    from jdmdesk.ui import language
    from jdmdesk.ui.case_series.job import write_case_series

    study = open_study(demo, read_only=True)
    try:
        cs = CaseSeriesService(study).load()
    finally:
        study.close()
    language.install("nl")
    try:
        result = write_case_series(cs, tmp_path / "nl")
        summary = result.summary()
    finally:
        language.install("en")
    assert summary.startswith(f"{len(result.files)} bestanden geschreven")
    pages = pypdf.PdfReader(tmp_path / "nl" / "case_series.pdf").pages
    flat = " ".join(" ".join(p.extract_text() for p in pages).split())
    for dutch in ("Methoden.", "Tabel 1.", "Tabel 2.", "Figuur 2.", "methotrexaat",
                  "laatste bezoek op of vóór de start van tacrolimus", "actief", "mg/kg/dag",
                  "365,25", "Geen bijwerkingen vastgelegd"):
        assert dutch in flat, dutch
    for english in ("Methods.", "Table 1", "Methotrexate", "last visit on or before",
                    " active ", "mg/kg/day", "median", "(log scale)"):
        assert english not in flat, english
    rows = _csv(tmp_path / "nl" / "table1.csv")
    assert rows[0]["prior_second_line_agents"] == "Methotrexate" and "." in \
        rows[0]["age_at_onset_y"]


def test_the_command_installs_the_users_language(demo, tmp_path):
    """``jdmdesk case-series`` makes its own application object: it must install the
    language (JDMDESK_LANGUAGE here) as the window does."""
    import subprocess
    import sys

    who = demo_credentials(Role.REVIEWER)
    env = {**os.environ, "JDMDESK_LANGUAGE": "nl", "JDMDESK_USER": who.username,
           "JDMDESK_PASSWORD": who.password, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    done = subprocess.run([sys.executable, "-m", "jdmdesk", "case-series", str(demo),
                           "--output", str(tmp_path / "out")], env=env, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "bestanden geschreven" in done.stdout and "casusreeks" in done.stdout
    first = pypdf.PdfReader(tmp_path / "out" / "case_series.pdf").pages[0].extract_text()
    assert "Methoden." in " ".join(first.split())
