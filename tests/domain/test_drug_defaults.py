from jdmdesk.domain import codes
from jdmdesk.domain.drug_defaults import DRUG_DEFAULTS, defaults_for


def test_every_drug_has_defaults_from_the_code_lists():
    assert set(DRUG_DEFAULTS) == set(dict(codes.DRUGS))
    lists = {"route": codes.ROUTES, "dose_unit": codes.DOSE_UNITS,
             "frequency": codes.FREQUENCIES}
    for drug, d in DRUG_DEFAULTS.items():
        for name, code in d.as_fields().items():
            assert code in dict(lists[name]), (drug, name, code)
    assert defaults_for("tacrolimus") == {"route": "oral", "dose_unit": "mg", "frequency": "bd"}
    assert defaults_for("ivig")["dose_unit"] == "g/kg"
    assert defaults_for(None) == {} and defaults_for("aspirin") == {}
