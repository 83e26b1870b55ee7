"""How each drug is usually given in juvenile dermatomyositis: the medication form's defaults.

Chosen when the drug is picked and the route, unit and frequency are still untouched; the
nurse changes them where the chart says otherwise. Codes are those of domain/codes.py.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DrugDefaults:
    route: str
    dose_unit: str
    frequency: str

    def as_fields(self) -> dict[str, str]:
        return {"route": self.route, "dose_unit": self.dose_unit, "frequency": self.frequency}


DRUG_DEFAULTS: dict[str, DrugDefaults] = {
    "tacrolimus": DrugDefaults("oral", "mg", "bd"),
    "prednisolone": DrugDefaults("oral", "mg", "od"),
    "prednisone": DrugDefaults("oral", "mg", "od"),
    "methylprednisolone": DrugDefaults("iv", "mg", "once"),  # IV pulse
    "dexamethasone": DrugDefaults("oral", "mg", "od"),
    "hydrocortisone": DrugDefaults("oral", "mg", "tds"),
    "methotrexate": DrugDefaults("sc", "mg/m2", "weekly"),
    "hydroxychloroquine": DrugDefaults("oral", "mg", "od"),
    "ivig": DrugDefaults("iv", "g/kg", "every_4_weeks"),
    "mycophenolate": DrugDefaults("oral", "mg", "bd"),
    "ciclosporin": DrugDefaults("oral", "mg", "bd"),
    "rituximab": DrugDefaults("iv", "mg/m2", "once"),
    "cyclophosphamide": DrugDefaults("iv", "mg/m2", "every_4_weeks"),
    "topical_tacrolimus": DrugDefaults("topical", "application", "bd"),
    "topical_steroid": DrugDefaults("topical", "application", "od"),
}


def defaults_for(drug: str | None) -> dict[str, str]:
    """Route, dose unit and frequency codes for ``drug``; empty for an unknown drug."""
    found = DRUG_DEFAULTS.get(drug or "")
    return found.as_fields() if found else {}

