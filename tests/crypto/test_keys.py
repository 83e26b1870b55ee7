"""Study key wrapping, sub-keys and the SQLCipher key statement."""

import pytest

from jdmdesk.crypto.keys import (
    KdfParams,
    Purpose,
    WrongKey,
    new_key,
    subkey,
    unwrap,
    wrap,
)

FAST = KdfParams(time_cost=1, memory_kib=64, parallelism=1)  # test speed only


def test_a_wrapped_key_opens_with_its_password_and_context_only():
    key = new_key()
    wrapped = wrap(key, "correct horse", b"study-1|user:nurse", FAST)
    assert key not in wrapped.ciphertext
    assert unwrap(wrapped, "correct horse", b"study-1|user:nurse") == key
    with pytest.raises(WrongKey):
        unwrap(wrapped, "correct hors", b"study-1|user:nurse")
    with pytest.raises(WrongKey):  # the copy moved to another account's slot
        unwrap(wrapped, "correct horse", b"study-1|user:doctor")
    with pytest.raises(WrongKey):  # or to another study
        unwrap(wrapped, "correct horse", b"study-2|user:nurse")


def test_a_flipped_bit_in_a_wrapped_copy_is_refused():
    wrapped = wrap(new_key(), "pw", b"ctx", FAST)
    flipped = bytes([wrapped.ciphertext[0] ^ 1]) + wrapped.ciphertext[1:]
    with pytest.raises(WrongKey):
        unwrap(type(wrapped)(wrapped.salt, wrapped.nonce, flipped, wrapped.kdf), "pw", b"ctx")


def test_each_wrap_uses_fresh_salt_and_nonce():
    key = new_key()
    first, second = wrap(key, "pw", b"c", FAST), wrap(key, "pw", b"c", FAST)
    assert first.salt != second.salt and first.nonce != second.nonce
    assert first.ciphertext != second.ciphertext


def test_default_cost_is_above_the_owasp_minimum():
    params = KdfParams()
    assert params.time_cost >= 2 and params.memory_kib >= 19 * 1024


def test_subkeys_differ_per_purpose_and_per_study():
    key, other = new_key(), new_key()
    derived = {subkey(key, p) for p in Purpose}
    assert len(derived) == len(Purpose)
    assert subkey(key, Purpose.AUDIT_CHAIN) == subkey(key, Purpose.AUDIT_CHAIN)
    assert subkey(key, Purpose.AUDIT_CHAIN) != subkey(other, Purpose.AUDIT_CHAIN)
    assert key not in derived

