"""Child of the crash test: save records in a loop, print each id after its commit.

Usage: python crash_child.py STUDY PATIENT_ID SEED

Each line on stdout is written only after ``RecordService`` returned SAVED, i.e. after COMMIT:
``visit <id>`` or ``lab <id>,<id>,<id>`` (one sample's panel, all or none).
"""

from __future__ import annotations

import os
import random
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from jdmdesk.db import keystore
from jdmdesk.db.studyfile import open_study
from jdmdesk.domain.access import Role, Session
from jdmdesk.domain.clock import FixedClock
from jdmdesk.services.records import RecordService


def visit_draft(rnd: random.Random) -> dict[str, str]:
    day = date(2016, 1, 1).toordinal() + rnd.randrange(3600)
    draft = {
        "visit_date": date.fromordinal(day).isoformat(),
        "weight_kg": f"{rnd.uniform(20, 60):.1f}",
        "height_cm": str(rnd.randrange(110, 170)),
        "sbp": str(rnd.randrange(95, 130)),
        "dbp": str(rnd.randrange(50, 80)),
        "phga": f"{rnd.randrange(0, 100) / 10:.1f}",
        "cmas_1": str(rnd.randrange(0, 6)),
        "cmas_2": str(rnd.randrange(0, 3)),
        "das_skin": str(rnd.randrange(0, 10)),
        "note": "crash test " + "x" * rnd.randrange(0, 3000),
    }
    if rnd.random() < 0.3:
        draft["ptga"] = "ND"  # a missing-value reason: audited as weight of its own
    return draft


def lab_panel(rnd: random.Random) -> list[dict[str, str]]:
    day = date(2016, 1, 1).toordinal() + rnd.randrange(3600)
    when = date.fromordinal(day).isoformat()
    return [{"sample_date": when, "analyte": code, "value": str(rnd.randrange(20, 150)),
             "unit": "U/L"} for code in ("CK", "ASAT", "ALAT")]


def main() -> int:
    path, patient_id, seed = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    rnd = random.Random(seed)
    keystore.unlock_with_recovery(path, os.environ["JDMDESK_RECOVERY_KEY"])  # encrypted study
    study = open_study(path)
    session = Session("crash-child", "Crash test child", Role.DATA_ENTRY)
    service = RecordService(study, session, FixedClock.on(date(2026, 11, 25)))
    print("ready", flush=True)
    while True:
        if rnd.random() < 0.3:
            result = service.save_lab_panel(patient_id, lab_panel(rnd))
            line = "lab " + ",".join(result.record_ids)
        else:
            # random weights and heights across visits are implausible: confirmed as such
            result = service.save("visit", visit_draft(rnd), patient_id=patient_id,
                                  reason="crash test", confirm_warnings=True)
            line = f"visit {result.record_id}"
        if not result.ok:
            print(f"save failed: {result}", file=sys.stderr, flush=True)
            return 3
        sys.stdout.write(line + "\n")
        sys.stdout.flush()
        time.sleep(rnd.random() * 0.002)


if __name__ == "__main__":
    sys.exit(main())
