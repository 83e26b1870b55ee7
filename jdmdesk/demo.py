"""Synthetic demo studies shaped like the tacrolimus case series (clinical-reference.md §1).

Every patient is synthetic and says so in its study code (``SYN-…``) and the study name.
``case_series()`` gives the three children of the abstract; ``synthetic(n)`` gives n more for
performance work. Both yield plain value dicts that ``write_demo`` stores in bulk.
"""

from __future__ import annotations

import math
import random
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher

from jdmdesk.atomic_file import SQLITE_COMPANIONS, atomic_write
from jdmdesk.crypto.keys import KdfParams
from jdmdesk.db import accounts, audit, keyring, keystore, queries
from jdmdesk.db.bulk import (
    Prepared,
    bulk_load_profile,
    bulk_rows,
    create_indexes,
    drop_secondary_indexes,
    insert_prepared,
    study_profile,
)
from jdmdesk.db.connection import write_transaction
from jdmdesk.db.ids import new_ids
from jdmdesk.db.studyfile import create_study
from jdmdesk.domain.access import Credentials, Role
from jdmdesk.domain.fields import CHAQ_DOMAINS, CMAS_ITEMS, MMT8_GROUPS
from jdmdesk.services.accounts import HASHER

DEMO_USER = "demo-generator"
# One documented account per role (README, "Demo accounts"). Demo studies only: real studies
# get their first data manager from whoever creates them.
DEMO_ACCOUNTS = (
    ("nurse", "Demo Research Nurse", Role.DATA_ENTRY, "demo-entry-2026"),
    ("doctor", "Dr Demo Reviewer", Role.REVIEWER, "demo-review-2026"),
    ("manager", "Demo Data Manager", Role.DATA_MANAGER, "demo-manage-2026"),
)
# Source study reference ranges (§1) and the target band of the demo's tacrolimus dosing.
REF = {"CK": (0, 145), "LD": (0, 325), "ASAT": (0, 30), "ALAT": (0, 30)}


@dataclass
class PatientPlan:
    patient: dict[str, Any]
    visits: list[dict[str, Any]] = field(default_factory=list)
    medications: list[dict[str, Any]] = field(default_factory=list)
    labs: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class Shape:
    code: str
    sex: str
    age_years: float
    onset_age: float
    tac_start: date
    months: int
    weight: float
    height: float
    ck0: float
    ld0: float
    asat0: float


CASES = (
    Shape("SYN-001", "M", 11.0, 6.1, date(2025, 1, 13), 9, 34.0, 142.0, 1850, 980, 140),
    Shape("SYN-002", "F", 7.0, 5.8, date(2025, 2, 10), 7, 22.0, 121.0, 960, 720, 95),
    Shape("SYN-003", "F", 9.0, 4.4, date(2025, 3, 17), 8, 27.0, 131.0, 1320, 850, 110),
)


def _years(d: date, years: float) -> date:
    return d - timedelta(days=round(years * 365.25))


def _decay(start: float, end: float, frac: float, rng: random.Random, noise: float) -> float:
    value = end + (start - end) * math.exp(-3.2 * frac)
    return max(1.0, value * (1 + rng.uniform(-noise, noise)))


def plan_patient(s: Shape, rng: random.Random, *, sample_every: int = 14) -> PatientPlan:
    birth = _years(s.tac_start, s.age_years)
    onset = _years(s.tac_start, s.age_years - s.onset_age)
    p = PatientPlan({"study_code": s.code, "sex": s.sex, "birth_date": birth.isoformat(),
                     "onset_date": onset.isoformat(),
                     "diagnosis_date": (onset + timedelta(days=45)).isoformat(),
                     "note": "Synthetic demo patient."})
    end_day = round(s.months * 30.4)
    _visits(p, s, rng, end_day)
    _medications(p, s, end_day)
    _labs(p, s, rng, end_day, sample_every)
    return p


def _visits(p: PatientPlan, s: Shape, rng: random.Random, end_day: int) -> None:
    days = [-7, *range(30, end_day + 1, 45)]
    for i, day in enumerate(days):
        frac = max(0.0, day) / end_day
        v: dict[str, Any] = {
            "visit_date": (s.tac_start + timedelta(days=day)).isoformat(),
            "weight_kg": round(s.weight + 1.5 * frac + rng.uniform(-0.3, 0.3), 1),
            "height_cm": round(s.height + 2.5 * frac, 1),
            "sbp": rng.randint(100, 118), "dbp": rng.randint(58, 74),
            "phga": round(max(0.5, 6.5 - 4.5 * frac + rng.uniform(-0.3, 0.3)), 1),
            "ptga": round(max(0.5, 6.0 - 3.5 * frac + rng.uniform(-0.3, 0.3)), 1),
            "ptga_rater": "parent",
            "extramuscular_ga": round(max(0.3, 5.5 - 4.5 * frac), 1),
            "das_skin": max(1, round(7 - 5 * frac)), "das_muscle": max(3, round(7 - 2 * frac)),
            "cdasi_activity": max(4, round(32 - 26 * frac)), "cdasi_damage": 6,
            "physical_activity": str(min(3, 1 + round(2 * frac))),
            "skin_heliotrope": int(frac < 0.4), "skin_gottron": int(frac < 0.8),
            "skin_malar": int(frac < 0.3), "skin_nailfold": 1, "skin_ulceration": 0,
            "skin_calcinosis": 0,
            "note": "Baseline before tacrolimus." if i == 0 else None,
        }
        # Strength barely recovers (§1): CMAS and MMT8 items move little.
        for n, (_, top) in enumerate(CMAS_ITEMS, start=1):
            v[f"cmas_{n}"] = min(top, max(0, round(top * (0.55 + 0.1 * frac))))
        for key, _ in MMT8_GROUPS:
            v[f"mmt8_{key}"] = min(10, round(7 + 1.0 * frac + rng.uniform(-0.4, 0.4)))
        for key, _ in CHAQ_DOMAINS:
            v[f"chaq_{key}"] = max(0, min(3, round(1.8 - 1.0 * frac + rng.uniform(-0.5, 0.5))))
        p.visits.append(v)


def _medications(p: PatientPlan, s: Shape, end_day: int) -> None:
    def seg(drug: str, route: str, dose: float, freq: str, start: int, end: int | None,
            reason: str, unit: str = "mg") -> dict[str, Any]:
        return {"drug": drug, "route": route, "dose_amount": dose, "dose_unit": unit,
                "frequency": freq, "start_date": (s.tac_start + timedelta(days=start)).isoformat(),
                "end_date": None if end is None else (s.tac_start + timedelta(days=end))
                .isoformat(), "change_reason": reason}

    tac = round(s.weight * 0.1 / 2 * 2) / 2 or 0.5  # ≈0.1 mg/kg/day in 0.5 mg steps, bd
    p.medications += [
        seg("tacrolimus", "oral", tac, "bd", 0, 41, "start"),
        seg("tacrolimus", "oral", tac + 0.5, "bd", 42, None, "increase"),
        seg("methotrexate", "sc", round(15 * (s.weight * s.height / 3600) ** 0.5, 1), "weekly",
            -400, None, "start"),
    ]
    pred0 = round(s.weight * 1.0 / 2.5) * 2.5  # ≈1 mg/kg/day, taper every ~6 weeks
    steps, start = [pred0, pred0 * 0.75, pred0 * 0.5, pred0 * 0.35, pred0 * 0.25, 5.0], -120
    for i, dose in enumerate(steps):
        nxt = -1 + (42 * (i + 1) if i < len(steps) - 1 else 0)
        last = i == len(steps) - 1
        p.medications.append(seg("prednisolone", "oral", round(dose / 2.5) * 2.5 or 2.5, "od",
                                 start, None if last else nxt,
                                 "start" if i == 0 else "taper"))
        start = nxt + 1


def _labs(p: PatientPlan, s: Shape, rng: random.Random, end_day: int, every: int) -> None:
    for day in [-60, -14, *range(0, end_day + 1, every)]:
        frac = max(0.0, day) / end_day
        when = (s.tac_start + timedelta(days=day)).isoformat()

        def add(code: str, value: float, unit: str, ref: tuple[float | None, float | None],
                when: str = when) -> None:
            p.labs.append({"sample_date": when, "sample_time": "08:30", "analyte": code,
                           "value": value, "unit": unit, "value_canonical": value,
                           "ref_low": ref[0], "ref_high": ref[1], "sample_id": when})

        add("CK", round(_decay(s.ck0, 110, frac, rng, 0.12)), "U/L", REF["CK"])
        add("LD", round(_decay(s.ld0, 290, frac, rng, 0.08)), "U/L", REF["LD"])
        add("ASAT", round(_decay(s.asat0, 26, frac, rng, 0.1)), "U/L", REF["ASAT"])
        if day >= 0:
            add("TACROLIMUS", round(rng.uniform(4.0, 11.5), 1), "ng/mL", (5, 10))
            add("CREATININE", round(rng.uniform(38, 55)), "\u00b5mol/L", (20, 70))
            add("K", round(rng.uniform(3.6, 5.1), 1), "mmol/L", (3.5, 5.0))
            add("MG", round(rng.uniform(0.68, 0.95), 2), "mmol/L", (0.7, 1.0))


def case_series(seed: int = 2008) -> list[PatientPlan]:
    rng = random.Random(seed)
    return [plan_patient(s, rng) for s in CASES]


def synthetic(n: int, seed: int = 1, first: int = 0) -> Iterator[PatientPlan]:
    """n synthetic patients (~100 lab rows each) for registry-scale performance work."""
    rng = random.Random(seed)
    for i in range(first, first + n):
        start = date(2019, 1, 1) + timedelta(days=rng.randrange(0, 2000))
        age = rng.uniform(4, 16)
        shape = Shape(f"SYN-{i + 1:05d}", rng.choice("FM"), age, rng.uniform(2, age - 0.5),
                      start, rng.randint(7, 9), round(10 + age * 3.2, 1), round(80 + age * 5.8),
                      rng.uniform(400, 4000), rng.uniform(400, 1500), rng.uniform(40, 300))
        yield plan_patient(shape, rng, sample_every=11)


def has_accounts(path: str | Path) -> bool:
    """Whether a study file has user accounts (False for files that cannot be read as one)."""
    from jdmdesk.db.connection import StudyFileError
    from jdmdesk.db.studyfile import open_study

    try:
        study = open_study(Path(path), read_only=True)
    except StudyFileError:
        return False
    try:
        return accounts.count(study.db) > 0
    finally:
        study.close()


def demo_credentials(role: Role) -> Credentials:
    username, _, _, password = next(a for a in DEMO_ACCOUNTS if a[2] is role)
    return Credentials(username, password)


def write_demo(path: Path, patients: int | None = None, *, batch: int = 500,
               hasher: PasswordHasher | None = None,
               on_recovery_key: Callable[[str], None] | None = None,
               encrypt: bool = True) -> dict[str, int]:
    """Create a demo study file; refuses to overwrite. Returns row counts.

    Encrypted like every new study: each demo account gets its copy of the study key (wrapped
    at the hasher's cost), the key file is written beside the file, and the recovery key is
    given to ``on_recovery_key``. ``encrypt=False`` (benchmarks only) writes a plain file.

    The file is filled under a temporary name with the journal off and no fsync (a failure
    leaves nothing but that temporary file, which is removed), its constraints checked and
    indexed once at the end, switched to the study profile (WAL), synced and renamed into
    place. The rows are made ready (ids, parameter tuples) in a second process while this one
    writes the previous batch.
    """
    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path} already exists")
    h = hasher or HASHER
    kdf = KdfParams(h.time_cost, h.memory_cost, h.parallelism)
    with atomic_write(path, replace=False, companions=SQLITE_COMPANIONS) as tmp:
        study = create_study(tmp, encrypt=encrypt)
        try:
            bulk_load_profile(study.db)  # constraints are checked in one pass at the end
            chunks = [_prepared(case_series())] if patients is None else \
                _generated(patients, batch)
            name = "SYNTHETIC demo: tacrolimus in refractory JDM" if patients is None \
                else f"SYNTHETIC registry demo ({patients} patients)"
            with write_transaction(study.db) as db:
                queries.write_setting(db, "study_name", name)
                queries.write_setting(db, "synthetic", True)
                for username, display_name, role, password in DEMO_ACCOUNTS:
                    accounts.insert(db, DEMO_USER, username, display_name, role.value,
                                    h.hash(password))
                    if study.key is not None:
                        keystore.put_user_copy(db, tmp, study.key, username, password, kdf)
                indexes = drop_secondary_indexes(db)
            for now, tables in chunks:
                with write_transaction(study.db) as db:
                    for rows in tables:
                        insert_prepared(db, DEMO_USER, rows, now, reason=REASON)
            with write_transaction(study.db) as db:
                create_indexes(db, indexes)
            study_profile(study.db)
            counts = queries.counts(study.db)
            if study.key is not None:  # the key file goes beside the final name
                keystore.rebuild_key_file(study.db, path)
                keystore.remember_study(study.db, path, study.key)
        finally:
            study.close()
            keyring.key_file_path(tmp).unlink(missing_ok=True)
    if on_recovery_key is not None and study.recovery_key is not None:
        on_recovery_key(study.recovery_key)
    return counts


REASON = "synthetic demo data"


def _chunk(args: tuple[int, int]) -> tuple[str, list[Prepared]]:
    first, count = args
    return _prepared(list(synthetic(count, seed=first + 1, first=first)))


def _generated(patients: int, batch: int) -> Iterator[tuple[str, list[Prepared]]]:
    """Rows made ready in a second process while this one writes the previous batch."""
    jobs = [(first, min(batch, patients - first)) for first in range(0, patients, batch)]
    if len(jobs) < 2:
        yield _chunk(jobs[0])
        return
    with ProcessPoolExecutor(max_workers=1) as pool:
        ahead = deque(pool.submit(_chunk, job) for job in jobs[:2])  # at most two waiting
        for job in jobs[2:]:
            done = ahead.popleft().result()
            ahead.append(pool.submit(_chunk, job))
            yield done
        while ahead:
            yield ahead.popleft().result()


def _prepared(plans: list[PatientPlan]) -> tuple[str, list[Prepared]]:
    """The plans' patients, visits, medication and labs as parameter rows with new ids (and
    the time they were made): plain tuples, quick to pass between processes."""
    now = audit.utc_now()
    patients = bulk_rows("patient", [p.patient for p in plans], now)
    visits, meds, labs = [], [], []
    for pid, plan in zip(patients[3], plans, strict=True):  # the plans are ours: fill in place
        for v in plan.visits:
            v["patient_id"] = pid
        for m in plan.medications:
            m["patient_id"] = pid
        keys = list(dict.fromkeys(lab["sample_id"] for lab in plan.labs))
        samples = dict(zip(keys, new_ids(len(keys)), strict=True))
        for lab in plan.labs:
            lab["patient_id"] = pid
            lab["sample_id"] = samples[lab["sample_id"]]
        visits += plan.visits
        meds += plan.medications
        labs += plan.labs
    return now, [patients, bulk_rows("visit", visits, now), bulk_rows("medication", meds, now),
                 bulk_rows("lab", labs, now)]
