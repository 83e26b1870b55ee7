"""The entry views read records and audit lines through Protocols (ui never imports db);
the services' dataclasses must keep providing every member the views read."""

from __future__ import annotations

import dataclasses

import pytest

from jdmdesk.db.audit import AuditRow
from jdmdesk.db.records import Record
from jdmdesk.ui.entry.rows import AuditLine, StoredRecord


def _members(protocol: type) -> set[str]:
    return {n for n, v in vars(protocol).items() if isinstance(v, property)}


@pytest.mark.parametrize(("protocol", "dataclass"), [(StoredRecord, Record),
                                                     (AuditLine, AuditRow)])
def test_service_dataclasses_provide_what_the_views_read(protocol, dataclass):
    members = _members(protocol)
    assert members  # the protocol names what is read
    fields = {f.name for f in dataclasses.fields(dataclass)}
    assert members <= fields, f"{dataclass.__name__} lacks {members - fields}"


def test_reader_rows_reach_the_table_with_the_protocol_members(service, study, patient_id):
    from jdmdesk.services.reader import StudyReader
    from jdmdesk.ui.entry.record_table import RecordTableModel

    service.save("visit", {"visit_date": "2024-05-01", "phga": "4"}, patient_id=patient_id)
    reader = StudyReader(study, service.session)
    records = reader.records("visit", patient_id)
    model = RecordTableModel("visit")
    model.set_rows(records)
    assert model.ids == [records[0].id] and model.deleted == [False]
    assert model.rows[0]["visit_date"] == "2024-05-01" and model.rows[0]["phga"] == "4"
