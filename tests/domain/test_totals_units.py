from hypothesis import given
from hypothesis import strategies as st

from jdmdesk.domain.analytes import ANALYTES
from jdmdesk.domain.fields import CHAQ_DOMAINS, CMAS_ITEMS, MMT8_GROUPS
from jdmdesk.domain.timeline import age_years, study_day
from jdmdesk.domain.totals import chaq_di, cmas_total, das_total, mmt8_total


def test_cmas_maxima_sum_to_52():
    assert sum(top for _, top in CMAS_ITEMS) == 52


def test_totals_need_all_items():
    full = {f"cmas_{i}": top for i, (_, top) in enumerate(CMAS_ITEMS, start=1)}
    assert cmas_total(full) == 52
    assert cmas_total({**full, "cmas_7": None}) is None
    mmt = {f"mmt8_{k}": 9 for k, _ in MMT8_GROUPS}
    assert mmt8_total(mmt) == 72
    assert mmt8_total({**mmt, "mmt8_biceps": None}) is None
    assert das_total({"das_skin": 3, "das_muscle": 4}) == 7
    assert das_total({"das_skin": 3}) is None


def test_chaq_mean_of_answered_with_minimum_six():
    six = {f"chaq_{k}": v for (k, _), v in zip(CHAQ_DOMAINS[:6], [1, 2, 0, 3, 1, 2],
                                               strict=True)}
    assert chaq_di(six) == 1.5
    five = dict(list(six.items())[:5])
    assert chaq_di(five) is None


@given(st.floats(min_value=0, max_value=1000, allow_nan=False))
def test_enzyme_units_round_trip(x):
    ck = ANALYTES["CK"]
    assert abs(ck.from_canonical(ck.to_canonical(x, "\u00b5kat/L"), "\u00b5kat/L") - x) < 1e-9
    assert ck.to_canonical(1, "\u00b5kat/L") == 60


def test_other_conversions():
    assert round(ANALYTES["CREATININE"].to_canonical(1, "mg/dL"), 1) == 88.4
    assert round(ANALYTES["GLUCOSE"].to_canonical(180.16, "mg/dL"), 3) == 10.0
    assert round(ANALYTES["MG"].to_canonical(2, "mg/dL"), 4) == 0.8228


def test_study_days_and_age():
    assert study_day("2025-01-13", "2025-01-13") == 0
    assert study_day("2025-01-06", "2025-01-13") == -7
    assert study_day("2025-01-06", None) is None
    assert age_years("2014-01-13", "2025-01-13") == 11.0
