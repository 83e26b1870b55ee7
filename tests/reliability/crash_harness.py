"""Parent side of the crash test, shared by tests/reliability/test_crash.py and
benchmarks/crash_soak.py: start a child that saves in a loop, SIGKILL it at a random moment,
then check that everything acknowledged is there, whole, audited, and the file is intact."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from jdmdesk.db.audit import verify_chain
from jdmdesk.db.connection import wrap
from jdmdesk.db.studyfile import create_study
from jdmdesk.domain.fields import record_type
from tests.conftest import raw_connect

CHILD = Path(__file__).with_name("crash_child.py")
ROOT = Path(__file__).resolve().parents[2]
VISIT_FIELDS = record_type("visit").field_names


@dataclass
class SoakResult:
    rounds: int = 0
    acknowledged: int = 0  # saves the child reported committed
    committed_unacknowledged: int = 0  # committed, killed before it could say so (allowed)
    killed_before_ready: int = 0
    visits: int = 0
    lab_results: int = 0
    audit_rows: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    def figures(self) -> str:
        return json.dumps({k: v for k, v in self.__dict__.items() if k != "failures"}
                          | {"failures": len(self.failures),
                             "rounds_per_s": round(self.rounds / max(self.seconds, 1e-9), 2)})


CHILD_USER = "crash-child"


RECOVERY: dict[str, str] = {}


def make_study(path: Path) -> str:
    """A new study with one patient (created in-process, without Qt); returns its id."""
    from argon2 import PasswordHasher

    from jdmdesk.db import accounts
    from jdmdesk.db import records as repo
    from jdmdesk.db.connection import write_transaction

    study = create_study(path)
    RECOVERY[str(path)] = study.recovery_key or ""  # the child opens the encrypted study with it
    try:
        with write_transaction(study.db) as db:
            # the child saves as this data entry account (it never logs in: no password use)
            accounts.insert(db, "setup", CHILD_USER, "Crash test child", "data_entry",
                            PasswordHasher(time_cost=1, memory_cost=64).hash("not used"))
            return repo.insert(db, "setup", "patient",
                               {"study_code": "CRASH-1", "sex": "F",
                                "birth_date": date(2010, 1, 1).isoformat()}, {})
    finally:
        study.close()


def _reader(stream, lines: list[str]) -> None:
    for line in stream:
        lines.append(line)


def one_round(path: Path, patient_id: str, rnd: random.Random) -> tuple[list[str], bool]:
    """Run a child, kill it at a random moment; returns (complete stdout lines, was it ready)."""
    proc = subprocess.Popen([sys.executable, str(CHILD), str(path), patient_id,
                             str(rnd.randrange(2**31))], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8", cwd=ROOT,
                            env={**os.environ, "JDMDESK_RECOVERY_KEY": RECOVERY[str(path)]})
    lines: list[str] = []
    reader = threading.Thread(target=_reader, args=(proc.stdout, lines), daemon=True)
    reader.start()
    if rnd.random() < 0.1:
        time.sleep(rnd.uniform(0.0, 0.3))  # sometimes during start-up and the checks on open
    else:
        deadline = time.monotonic() + 5
        while not lines and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.002)
        time.sleep(rnd.uniform(0.0, 0.08))
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    reader.join(5)
    err = proc.stderr.read() if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if proc.stdout:
        proc.stdout.close()
    if proc.returncode != -signal.SIGKILL:
        raise AssertionError(f"child exited by itself ({proc.returncode}): {err.strip()[-500:]}")
    complete = [ln.rstrip("\n") for ln in lines if ln.endswith("\n")]
    ready = bool(complete) and complete[0] == "ready"
    return [ln for ln in complete if ln != "ready"], ready


def check(path: Path, acked_visits: set[str], acked_labs: set[str], *,
          chain: bool = False) -> tuple[list[str], dict[str, int]]:
    """Everything acknowledged present and whole; returns (problems, counts)."""
    problems: list[str] = []
    conn = raw_connect(path)
    try:
        ok = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if ok != ["ok"]:
            problems.append(f"integrity_check: {ok[:3]}")
        if conn.execute("PRAGMA foreign_key_check").fetchall():
            problems.append("foreign_key_check failed")
        visits = {r[0]: r[1:] for r in conn.execute(
            f"SELECT id, {', '.join(VISIT_FIELDS)}, missing FROM visit")}
        labs = {r[0] for r in conn.execute("SELECT id FROM lab_result")}
        if missing := acked_visits - visits.keys():
            problems.append(f"{len(missing)} acknowledged visits lost, e.g. {min(missing)}")
        if missing := acked_labs - labs:
            problems.append(f"{len(missing)} acknowledged lab results lost")
        audited: dict[str, set[str]] = {}
        for rid, fld in conn.execute("SELECT record_id, field FROM audit_log "
                                     "WHERE table_name = 'visit' AND action = 'create'"):
            audited.setdefault(rid, set()).add(fld)
        for rid, row in visits.items():
            *values, missing_json = row
            expected = {n for n, v in zip(VISIT_FIELDS, values, strict=True) if v is not None}
            expected |= {f"{n}_missing" for n in json.loads(missing_json)}
            expected.add("patient_id")
            if audited.get(rid) != expected:
                problems.append(f"visit {rid}: audit rows {sorted(audited.get(rid, ()))} "
                                f"!= fields {sorted(expected)}")
                break
        orphans = conn.execute(
            "SELECT count(*) FROM audit_log a WHERE a.table_name = 'visit' AND NOT EXISTS "
            "(SELECT 1 FROM visit v WHERE v.id = a.record_id)").fetchone()[0]
        orphans += conn.execute(
            "SELECT count(*) FROM audit_log a WHERE a.table_name = 'lab_result' AND NOT EXISTS "
            "(SELECT 1 FROM lab_result l WHERE l.id = a.record_id)").fetchone()[0]
        if orphans:
            problems.append(f"{orphans} audit rows refer to records that do not exist")
        unaudited_labs = conn.execute(
            "SELECT count(*) FROM lab_result l WHERE NOT EXISTS (SELECT 1 FROM audit_log a "
            "WHERE a.table_name = 'lab_result' AND a.record_id = l.id "
            "AND a.field = 'value')").fetchone()[0]
        if unaudited_labs:
            problems.append(f"{unaudited_labs} lab results without audit rows")
        partial = conn.execute("SELECT count(*) FROM (SELECT sample_id FROM lab_result "
                               "GROUP BY sample_id HAVING count(*) != 3)").fetchone()[0]
        if partial:
            problems.append(f"{partial} lab panels half-written")
        if chain:
            report = verify_chain(wrap(conn))
            if not report.ok:
                problems.append(f"audit chain: {report.detail}")
        counts = {"visits": len(visits), "lab_results": len(labs),
                  "audit_rows": conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]}
    finally:
        conn.close()
    return problems, counts


def soak(path: Path, rounds: int, *, seed: int = 1, chain_every: int = 25,
         progress: bool = False) -> SoakResult:
    rnd = random.Random(seed)
    patient_id = make_study(path)
    result = SoakResult()
    acked_visits: set[str] = set()
    acked_labs: set[str] = set()
    start = time.monotonic()
    for n in range(1, rounds + 1):
        lines, ready = one_round(path, patient_id, rnd)
        result.killed_before_ready += not ready
        for line in lines:
            kind, ids = line.split(" ", 1)
            (acked_visits if kind == "visit" else acked_labs).update(ids.split(","))
            result.acknowledged += 1
        problems, counts = check(path, acked_visits, acked_labs,
                                 chain=(n % chain_every == 0 or n == rounds))
        result.rounds = n
        if problems:
            result.failures.extend(f"round {n}: {p}" for p in problems)
            break
        if progress and n % 100 == 0:
            print(f"  round {n}: {counts}", flush=True)
    else:
        counts = check(path, acked_visits, acked_labs, chain=True)[1]
    result.seconds = time.monotonic() - start
    result.visits, result.lab_results = counts["visits"], counts["lab_results"]
    result.audit_rows = counts["audit_rows"]
    result.committed_unacknowledged = (counts["visits"] - len(acked_visits)) + \
        (counts["lab_results"] - len(acked_labs)) // 3
    return result
