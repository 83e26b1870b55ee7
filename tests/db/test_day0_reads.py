"""The db reads of day 0 fetch rows and ask domain.medication.day0; they never decide it."""

from __future__ import annotations

import random
from datetime import date, timedelta

from jdmdesk.db import export_queries, queries
from jdmdesk.db import records as repo
from jdmdesk.db.connection import write_transaction
from jdmdesk.domain import medication as med

ROUTES = ("oral", "iv", "sc", "im", "topical")
DRUGS = ("tacrolimus", "tacrolimus", "topical_tacrolimus", "prednisolone", "methotrexate")


def _fill(study, rng: random.Random, n_patients: int = 25) -> dict[str, list[tuple]]:
    """Patients with random medication; returns each patient's live (drug, route, start)."""
    live: dict[str, list[tuple]] = {}
    with write_transaction(study.db) as db:
        for i in range(n_patients):
            pid = repo.insert(db, "t", "patient", {"study_code": f"P-{i:03}", "sex": "F",
                                                   "birth_date": "2014-01-01"}, {})
            live[pid] = []
            for _ in range(rng.randint(0, 5)):
                drug, route = rng.choice(DRUGS), rng.choice(ROUTES)
                start = date(2024, 1, 1) + timedelta(days=rng.randint(0, 400))
                mid = repo.insert(db, "t", "medication",
                                  {"drug": drug, "route": route, "dose_amount": 1.0,
                                   "dose_unit": "mg", "frequency": "od", "change_reason": "start",
                                   "start_date": start.isoformat()}, {}, patient_id=pid)
                if rng.random() < 0.2:
                    repo.set_deleted(db, "t", "medication", mid, True, "entered in error")
                else:
                    live[pid].append((drug, route, start))
    return live


def test_queries_and_export_agree_with_the_domain_rule(study):
    live = _fill(study, random.Random(13))
    contexts = export_queries.patient_contexts(study.db)
    with_day0 = 0
    for pid, starts in live.items():
        expected = med.day0(starts)
        want = None if expected is None else expected.isoformat()
        with_day0 += want is not None
        assert queries.tacrolimus_start(study.db, pid) == want
        assert contexts[pid].tacrolimus_start == want
    assert 0 < with_day0 < len(live)  # the data had both kinds of patient


def test_both_reads_delegate_to_the_domain_function(study, monkeypatch):
    """Pins the one home: replace the rule and both db reads follow it."""
    live = _fill(study, random.Random(7), 3)
    seen: list[list[tuple]] = []

    def rule(starts):
        seen.append(list(starts))
        return date(2000, 1, 1)

    monkeypatch.setattr(queries, "day0", rule)
    monkeypatch.setattr(export_queries, "day0", rule)
    for pid in live:
        assert queries.tacrolimus_start(study.db, pid) == "2000-01-01"
    assert all(c.tacrolimus_start == "2000-01-01"
               for c in export_queries.patient_contexts(study.db).values())
    assert sorted(map(sorted, seen)) == sorted(sorted(s) for s in [*live.values()] * 2)
