"""Property: no name, birth date or calendar date anywhere in a pseudonymised export."""

from __future__ import annotations

import re
import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from jdmdesk.export import ExportOptions
from jdmdesk.services.exports import run_export
from tests.export.helpers import MANAGER

from .helpers import make_study, read_members

ISO_DATE = re.compile(rb"\d{4}-\d{2}-\d{2}")
names = st.from_regex(r"[A-Z][a-z]{5,10}", fullmatch=True)
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2023, 12, 31))


def _text_of(members: dict[str, bytes]) -> bytes:
    out = b"\n".join(data for name, data in members.items() if name != "manifest.json")
    manifest = members.get("manifest.json", b"")
    # the one calendar time allowed: when the export was made (not about any patient)
    return out + b"\n" + re.sub(rb'"exported_at_utc": "[^"]*"', b"", manifest)


_BASELINE: dict[str, set[bytes]] = {}


def _baseline_tokens(fmt: str) -> set[bytes]:
    """Upper-case words any export of that format holds anyway (codes like CK, OID, ...)."""
    if fmt not in _BASELINE:
        with tempfile.TemporaryDirectory() as tmp:
            study = make_study(Path(tmp) / "s.jdm", initials="QQQ")
            out = Path(tmp) / "o"
            run_export(study, out, ExportOptions(fmt), session=MANAGER)
            members = read_members(out) if fmt != "odm" else {"x": out.read_bytes()}
        _BASELINE[fmt] = set(re.findall(rb"[A-Z]+", _text_of(members)))
    return _BASELINE[fmt]


def _forms(d: date) -> list[bytes]:
    return [d.isoformat().encode(), d.strftime("%Y%m%d").encode(),
            d.strftime("%d.%m.%Y").encode(), d.strftime("%d/%m/%Y").encode()]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(surname=names, initials=st.from_regex(r"[A-Z]{2,3}", fullmatch=True), birth=days,
       offsets=st.lists(st.integers(1, 4000), min_size=2, max_size=3, unique=True),
       fmt=st.sampled_from(["bundle", "xlsx", "odm", "redcap"]))
def test_pseudonymised_export_holds_no_name_or_date(surname, initials, birth, offsets, fmt):
    event_days = sorted(birth + timedelta(days=o) for o in offsets)
    tac = event_days[0] + timedelta(days=3)
    with tempfile.TemporaryDirectory() as tmp:
        study = make_study(Path(tmp) / "s.jdm", initials=initials, birth=birth.isoformat(),
                           tac_start=tac.isoformat(),
                           dates=tuple(d.isoformat() for d in event_days),
                           note=f"Mother {surname} called", user=f"dr.{surname.lower()}")
        out = Path(tmp) / f"out.{fmt}"
        run_export(study, out, ExportOptions(fmt), session=MANAGER)
        data = out.read_bytes()
        members = read_members(out) if fmt in ("bundle", "redcap", "xlsx") else {"x": data}
    text = _text_of(members)
    assert surname.encode() not in text and surname.lower().encode() not in text
    assume(initials.encode() not in _baseline_tokens(fmt))
    if fmt != "xlsx":  # xlsx XML: checked as whole cells below
        assert re.search(rb"[^A-Za-z]" + initials.encode() + rb"[^A-Za-z]", text) is None
    for d in (birth, *event_days, tac):
        for form in _forms(d):
            assert form not in text
    if fmt == "xlsx":
        assert f">{initials}<".encode() not in text
    else:
        assert ISO_DATE.search(re.sub(rb'CreationDateTime="[^"]*"', b"", text)) is None


def test_identified_export_does_hold_the_dates(tmp_path):
    study = make_study(tmp_path / "s.jdm", birth="2011-02-03")
    out = tmp_path / "o.xml"
    run_export(study, out, ExportOptions("odm", identified=True), session=MANAGER)
    assert b"2011-02-03" in out.read_bytes()
