"""Keyed chain and content-bound signatures: every outsider's edit is detected."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jdmdesk.crypto.chain import GENESIS, canonical, first_broken, link
from jdmdesk.crypto.keys import new_key
from jdmdesk.crypto.signing import SignedContent, new_signing_keys, sign, verify


def _chain(key, rows):
    out, previous = [], GENESIS
    for row in rows:
        previous = link(key, previous, row)
        out.append((row, previous))
    return out


ROWS = [{"seq": i, "field": "ck", "new": 1247 + i} for i in range(5)]


def test_an_intact_chain_verifies():
    key = new_key()
    assert first_broken(key, _chain(key, ROWS)) is None


def test_an_edited_row_breaks_the_chain_there():
    key = new_key()
    chain = _chain(key, ROWS)
    chain[2] = ({**chain[2][0], "new": 124.7}, chain[2][1])
    assert first_broken(key, chain) == 2


def test_rehashing_without_the_key_does_not_verify():
    key, outsider = new_key(), new_key()
    forged = _chain(outsider, [*ROWS, {"seq": 5, "field": "role", "new": "data_manager"}])
    assert first_broken(key, forged) == 0


def test_a_cut_tail_still_verifies_so_the_head_must_be_kept_elsewhere():
    key = new_key()
    assert first_broken(key, _chain(key, ROWS)[:3]) is None  # why keyfile.ChainHead exists


def test_canonical_refuses_nan_and_orders_keys():
    assert canonical({"b": 1, "a": 34.2}) == b'{"a":34.2,"b":1}'
    with pytest.raises(ValueError):
        canonical({"x": float("nan")})


def _visit(**changes):
    base = dict(table="visit", record_id="v-1", values={"weight_kg": 34.2, "cmas_total": 41},
                signer="doctor", signed_at_utc="2026-12-03T10:00:00Z", meaning="reviewed")
    return SignedContent(**{**base, **changes})


def test_signature_verifies_only_for_the_signed_content():
    keys = new_signing_keys()
    signature = sign(keys.private_raw, _visit())
    assert verify(keys.public_raw, _visit(), signature)
    assert not verify(keys.public_raw, _visit(values={"weight_kg": 77.7, "cmas_total": 41}),
                      signature)
    assert not verify(keys.public_raw, _visit(record_id="v-2"), signature)  # copied elsewhere
    assert not verify(keys.public_raw, _visit(signer="manager"), signature)
    assert not verify(keys.public_raw, _visit(meaning="approved"), signature)
    assert not verify(new_signing_keys().public_raw, _visit(), signature)
    assert not verify(keys.public_raw, _visit(), signature[:-1] + bytes([signature[-1] ^ 1]))


@given(st.floats(allow_nan=False, allow_infinity=False), st.floats(allow_nan=False,
                                                                    allow_infinity=False))
def test_any_change_of_a_value_invalidates(a, b):
    keys = new_signing_keys()
    signature = sign(keys.private_raw, _visit(values={"x": a}))
    assert verify(keys.public_raw, _visit(values={"x": b}), signature) == (repr(a) == repr(b))
