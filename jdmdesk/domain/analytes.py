"""Analyte catalogue and unit conversion (clinical-reference.md §5)."""

from __future__ import annotations

from dataclasses import dataclass, field

MICRO = "\u00b5"  # MICRO SIGN, as written in the reference ("µkat/L")
UNIT_ALIASES = {
    "ukat/l": f"{MICRO}kat/L",
    "\u03bckat/l": f"{MICRO}kat/L",  # GREEK SMALL LETTER MU
    "ug/l": f"{MICRO}g/L",
    "\u03bcg/l": f"{MICRO}g/L",
    "umol/l": f"{MICRO}mol/L",
    "\u03bcmol/l": f"{MICRO}mol/L",
}


@dataclass(frozen=True)
class Analyte:
    code: str
    name: str
    canonical_unit: str
    # unit -> factor that multiplies a value in that unit to give the canonical unit
    units: dict[str, float] = field(hash=False)
    hard_min: float
    hard_max: float
    soft_min: float
    soft_max: float
    default_ref_low: float | None = None
    default_ref_high: float | None = None
    enzyme: bool = False

    def to_canonical(self, value: float, unit: str) -> float:
        return value * self.units[normalise_unit(unit)]

    def from_canonical(self, value: float, unit: str) -> float:
        return value / self.units[normalise_unit(unit)]

    def accepts(self, unit: str) -> bool:
        return normalise_unit(unit) in self.units


def normalise_unit(unit: str) -> str:
    """Map typed spellings (``ukat/L``, Greek mu) to the catalogue's spelling."""
    return UNIT_ALIASES.get(unit.strip().lower(), unit.strip())


_ENZ = {"U/L": 1.0, f"{MICRO}kat/L": 60.0}  # 1 µkat/L = 60 U/L exactly

ANALYTES: dict[str, Analyte] = {
    a.code: a
    for a in (
        # Default reference ranges for CK, LD and ASAT are those of the source study (§1).
        Analyte("CK", "Creatine kinase", "U/L", dict(_ENZ), 0, 100_000, 0, 20_000, 0, 145, True),
        Analyte("LD", "Lactate dehydrogenase", "U/L", dict(_ENZ), 0, 20_000, 0, 5_000, 0, 325,
                True),
        Analyte("ASAT", "Aspartate aminotransferase", "U/L", dict(_ENZ), 0, 10_000, 0, 2_000,
                0, 30, True),
        Analyte("ALAT", "Alanine aminotransferase", "U/L", dict(_ENZ), 0, 10_000, 0, 2_000,
                0, 30, True),
        Analyte("ALDOLASE", "Aldolase", "U/L", dict(_ENZ), 0, 500, 0, 100, 0, 7.6, True),
        Analyte("CREATININE", "Creatinine", f"{MICRO}mol/L",
                {f"{MICRO}mol/L": 1.0, "mg/dL": 88.4}, 5, 1_500, 15, 300, 20, 70),
        Analyte("K", "Potassium", "mmol/L", {"mmol/L": 1.0, "mEq/L": 1.0}, 1.5, 9.0, 2.5, 6.5,
                3.5, 5.0),
        Analyte("MG", "Magnesium", "mmol/L", {"mmol/L": 1.0, "mg/dL": 0.4114}, 0.1, 3.0, 0.4, 1.5,
                0.7, 1.0),
        Analyte("GLUCOSE", "Glucose", "mmol/L", {"mmol/L": 1.0, "mg/dL": 1 / 18.016}, 1, 50, 2.5,
                25, 3.5, 7.8),
        Analyte("TACROLIMUS", "Tacrolimus trough", "ng/mL", {"ng/mL": 1.0, f"{MICRO}g/L": 1.0},
                0, 60, 0, 25, 5, 10),
        Analyte("CRP", "C-reactive protein", "mg/L", {"mg/L": 1.0, "mg/dL": 10.0}, 0, 500, 0, 250,
                0, 5),
        Analyte("ESR", "Erythrocyte sedimentation rate", "mm/h", {"mm/h": 1.0}, 0, 150, 0, 120,
                0, 20),
    )
}

ENZYME_CODES: tuple[str, ...] = ("CK", "LD", "ASAT", "ALAT", "ALDOLASE")
SAFETY_CODES: tuple[str, ...] = ("CREATININE", "K", "MG", "GLUCOSE")


def analyte(code: str) -> Analyte:
    try:
        return ANALYTES[code]
    except KeyError:
        raise KeyError(f"unknown analyte code {code!r}") from None
