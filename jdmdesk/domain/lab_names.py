"""Default names of the twelve analytes in hospital lab files: Dutch and English test names and
their LOINC codes (issue 20). A study's saved mapping adds its own names on top of these.

Names are compared after :func:`name_key`: case, accents, spaces and punctuation do not count
("C-reactief proteïne" = "c reactief proteine"), so only the letters and digits must match.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Final

# analyte code -> the names labs print for it (Dutch and English, abbreviations included)
DEFAULT_TEST_NAMES: Final[dict[str, tuple[str, ...]]] = {
    "CK": ("CK", "CPK", "creatinekinase", "creatine kinase", "creatine fosfokinase",
           "creatine phosphokinase", "CK totaal", "CK total"),
    "LD": ("LD", "LDH", "lactaatdehydrogenase", "lactate dehydrogenase", "LD totaal"),
    "ASAT": ("ASAT", "AST", "SGOT", "aspartaataminotransferase", "aspartate aminotransferase",
             "ASAT (GOT)"),
    "ALAT": ("ALAT", "ALT", "SGPT", "alanineaminotransferase", "alanine aminotransferase",
             "ALAT (GPT)"),
    "ALDOLASE": ("aldolase", "ALD"),
    "CREATININE": ("kreatinine", "creatinine", "kreat", "creat", "creatinine serum",
                   "kreatinine serum"),
    "K": ("kalium", "potassium", "K", "K+"),
    "MG": ("magnesium", "Mg", "Mg2+"),
    "GLUCOSE": ("glucose", "glucose nuchter", "glucose fasting", "glucose serum",
                "glucose plasma", "gluc"),
    "TACROLIMUS": ("tacrolimus", "tacrolimus dal", "tacrolimus dalspiegel",
                   "tacrolimus spiegel", "tacrolimus trough", "tacrolimus trough level",
                   "FK506", "FK-506"),
    "CRP": ("CRP", "C-reactief proteine", "C-reactief proteïne", "C-reactive protein"),
    "ESR": ("BSE", "bezinking", "bezinkingssnelheid", "ESR", "erythrocyte sedimentation rate",
            "bloedbezinking"),
}

# LOINC code -> analyte code (serum or plasma unless the name says blood)
DEFAULT_LOINC: Final[dict[str, str]] = {
    "2157-6": "CK",  # Creatine kinase [Enzymatic activity/volume] in Serum or Plasma
    "2532-0": "LD",  # Lactate dehydrogenase [Enzymatic activity/volume] in Serum or Plasma
    "14804-9": "LD",  # ... by Lactate to pyruvate reaction
    "1920-8": "ASAT",  # Aspartate aminotransferase [Enzymatic activity/volume] in S/P
    "30239-8": "ASAT",  # ... by With P-5'-P
    "1742-6": "ALAT",  # Alanine aminotransferase [Enzymatic activity/volume] in S/P
    "1743-4": "ALAT",  # ... by With P-5'-P
    "1744-2": "ALAT",  # ... by No addition of P-5'-P
    "1761-6": "ALDOLASE",  # Aldolase [Enzymatic activity/volume] in Serum or Plasma
    "2160-0": "CREATININE",  # Creatinine [Mass/volume] in Serum or Plasma
    "14682-9": "CREATININE",  # Creatinine [Moles/volume] in Serum or Plasma
    "2823-3": "K",  # Potassium [Moles/volume] in Serum or Plasma
    "6298-4": "K",  # Potassium [Moles/volume] in Blood
    "2601-3": "MG",  # Magnesium [Moles/volume] in Serum or Plasma
    "19123-9": "MG",  # Magnesium [Mass/volume] in Serum or Plasma
    "2345-7": "GLUCOSE",  # Glucose [Mass/volume] in Serum or Plasma
    "14749-6": "GLUCOSE",  # Glucose [Moles/volume] in Serum or Plasma
    "2339-0": "GLUCOSE",  # Glucose [Mass/volume] in Blood
    "15074-8": "GLUCOSE",  # Glucose [Moles/volume] in Blood
    "11253-2": "TACROLIMUS",  # Tacrolimus [Mass/volume] in Blood
    "74097-7": "TACROLIMUS",  # Tacrolimus [Mass/volume] in Blood by LC/MS/MS
    "1988-5": "CRP",  # C reactive protein [Mass/volume] in Serum or Plasma
    "4537-7": "ESR",  # Erythrocyte sedimentation rate by Westergren method
    "30341-2": "ESR",  # Erythrocyte sedimentation rate
}

_LOINC = re.compile(r"^\d{1,7}-\d$")


def name_key(text: str) -> str:
    """What two test names must share to be the same name: letters and digits, lower case,
    accents removed ("C-reactief proteïne" -> "creactiefproteine"). A trailing "+" is kept
    apart ("K+" -> "k") as labs write ions either way."""
    plain = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in plain.casefold() if ch.isalnum() and ch.isascii())


_BY_NAME: Final[dict[str, str]] = {name_key(n): code for code, names in
                                   DEFAULT_TEST_NAMES.items() for n in names}
_BY_NAME.update({code.casefold(): code for code in DEFAULT_TEST_NAMES})


def is_loinc(text: str) -> bool:
    return bool(_LOINC.match(text.strip()))


def match_analyte(text: str, extra: Mapping[str, str] | None = None) -> str | None:
    """The analyte code a lab file's test name or LOINC code stands for, or None. ``extra``
    (the study's saved names, name -> code) is looked up first, by :func:`name_key`."""
    s = text.strip()
    if not s:
        return None
    if extra:
        for name, code in extra.items():
            if name.strip() == s or name_key(name) == name_key(s):
                return code
    if is_loinc(s):
        return DEFAULT_LOINC.get(s)
    return _BY_NAME.get(name_key(s))
