"""REDCap project files follow REDCap's rules: certain event names, project-level missing data
codes, matrix groups for CMAS, MMT8 and CHAQ, dates flagged as identifiers, short names."""

from __future__ import annotations

import re
from itertools import groupby
from pathlib import Path

import pytest

from jdmdesk.export import ExportOptions
from jdmdesk.export.redcap import MISSING_DATA_CODES, NAME_MAX, unique_event_name
from jdmdesk.services.exports import run_export
from tests.export.helpers import MANAGER, make_study, read_csv, read_members

NAME = "Variable / Field Name"
CHOICES = "Choices, Calculations, OR Slider Labels"


def _export(tmp_path: Path, identified: bool = False) -> dict[str, bytes]:
    study = make_study(tmp_path / "s.jdm")
    out = tmp_path / f"redcap-{identified}.zip"
    run_export(study, out, ExportOptions("redcap", identified=identified,
                                         include_free_text=True), session=MANAGER)
    return read_members(out)


@pytest.fixture(params=[False, True], ids=["pseudonymised", "identified"])
def members(request, tmp_path: Path) -> dict[str, bytes]:
    return _export(tmp_path, request.param)


def _redcap_variants(label: str, arm: int) -> set[str]:
    """The unique name under each reading of REDCap's rule: non-alphanumerics replaced by _
    or removed (spaces to _), truncated to 18 characters or not."""
    low = label.lower()
    out = set()
    for text in (re.sub(r"[^a-z0-9]", "_", low),
                 re.sub(r"[^a-z0-9_]", "", low.replace(" ", "_"))):
        for cut in (text[:18], text):
            out.add(f"{cut.strip('_')}_arm_{arm}")
    return out


def test_event_labels_give_certain_unique_names(members):
    events = read_csv(members["redcap_events.csv"])
    names = set()
    for e in events:
        variants = _redcap_variants(e["event_name"], int(e["arm_num"]))
        assert variants == {e["unique_event_name"]}, (e, variants)
        assert unique_event_name(e["event_name"], int(e["arm_num"])) == e["unique_event_name"]
        names.add(e["unique_event_name"])
    rows = read_csv(members["redcap_import.csv"])
    assert {r["redcap_event_name"] for r in rows} == names
    mapping = read_csv(members["redcap_instrument_event_mapping.csv"])
    repeating = read_csv(members["redcap_repeating_instruments.csv"])
    assert {m["unique_event_name"] for m in mapping} | {r["event_name"] for r in repeating} \
        <= names


def test_the_old_label_was_not_certain():
    assert len(_redcap_variants("Follow-up", 1)) > 1


def test_readme_says_how_to_create_the_project_in_order(members):
    readme = members["README.txt"].decode()
    steps = ["Missing Data Codes", "Data Dictionary", "Define My Events",
             "Designate Instruments", "repeating instruments", "Data Import Tool"]
    places = [readme.index(s) for s in steps]
    assert places == sorted(places)
    for e in read_csv(members["redcap_events.csv"]):
        assert e["event_name"] in readme and e["unique_event_name"] in readme


def test_missing_reasons_are_project_missing_data_codes(tmp_path):
    members = _export(tmp_path)
    dictionary = read_csv(members["redcap_data_dictionary.csv"])
    names = [r[NAME] for r in dictionary]
    assert not [n for n in names if n.endswith("_missing")]
    codes = members["redcap_missing_data_codes.txt"].decode().strip()
    assert codes == ("ND, Not done | NA, Not applicable | UNK, Unknown | REF, Refused | "
                     "LOST, Lost | NOTAC, Patient has no systemic tacrolimus start (no day 0)")
    choice_codes = {c.split(",")[0].strip().upper() for r in dictionary
                    for c in r[CHOICES].split("|") if c.strip()}
    assert not choice_codes & {c.upper() for c in MISSING_DATA_CODES.values()}
    rows = read_csv(members["redcap_import.csv"])
    visits = [r for r in rows if r["redcap_repeat_instrument"] == "visit"]
    assert [v["height_cm"] for v in visits] == ["ND", "ND", ""]
    assert [v["visit_date_day"] for v in visits] == ["-12", "31", "NOTAC"]
    patient = rows[0]
    assert patient["diagnosis_date_day"] == "UNK"


def test_cmas_mmt8_and_chaq_are_matrix_groups(members):
    dictionary = read_csv(members["redcap_data_dictionary.csv"])
    scored = [r for r in dictionary
              if re.fullmatch(r"cmas_\d+|mmt8_[a-z_]+|chaq_[a-z]+", r[NAME])
              and "derived" not in r["Field Note"]]
    assert len(scored) == 14 + 8 + 8
    assert all(r["Matrix Group Name"] and r["Field Type"] == "radio" for r in scored)
    order = [r["Matrix Group Name"] for r in dictionary if r["Matrix Group Name"]]
    groups = [g for g, _ in groupby(order)]
    assert len(groups) == len(set(groups))  # each group contiguous
    for group in set(groups):
        members_ = [r for r in dictionary if r["Matrix Group Name"] == group]
        assert len({r[CHOICES] for r in members_}) == 1, group
        assert members_[0]["Section Header"]
    assert {"mmt8", "chaq"} <= set(groups)
    mmt8 = next(r for r in dictionary if r[NAME] == "mmt8_deltoid")
    assert mmt8[CHOICES] == " | ".join(f"{n}, {n}" for n in range(11))


def test_every_date_is_an_identifier_when_identified(tmp_path):
    for identified in (False, True):
        dictionary = read_csv(_export(tmp_path / str(identified), identified)
                              ["redcap_data_dictionary.csv"])
        dates = [r for r in dictionary
                 if r["Text Validation Type OR Show Slider Number"] == "date_ymd"]
        assert bool(dates) == identified
        assert all(r["Identifier?"] == "y" for r in dates)
        if identified:
            assert {"visit_date", "sample_date"} <= {r[NAME] for r in dates}


def test_field_names_are_short_unique_and_valid(members):
    dictionary = read_csv(members["redcap_data_dictionary.csv"])
    names = [r[NAME] for r in dictionary]
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", n) and len(n) <= NAME_MAX for n in names)
