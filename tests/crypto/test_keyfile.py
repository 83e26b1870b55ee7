"""The key file beside an encrypted study: round trip and clear refusals."""

import pytest

from jdmdesk.crypto.keyfile import (
    RECOVERY_SLOT,
    ChainHead,
    KeyFile,
    KeyFileError,
    slot_context,
    user_slot,
)
from jdmdesk.crypto.keys import KdfParams, new_key, unwrap, wrap

FAST = KdfParams(time_cost=1, memory_kib=64, parallelism=1)


def test_round_trip_opens_each_slot_with_its_own_secret():
    key = new_key()
    study = "0190f5c2-study"
    keyfile = KeyFile(study).with_slot(
        user_slot("nurse"), wrap(key, "nurse-pw", slot_context(study, user_slot("nurse")), FAST)
    ).with_slot(RECOVERY_SLOT, wrap(key, b"r" * 32, slot_context(study, RECOVERY_SLOT), FAST))
    keyfile = KeyFile(keyfile.study_id, keyfile.slots, ChainHead(7, "ab" * 32, "cd" * 32))
    read = KeyFile.from_bytes(keyfile.to_bytes())
    assert read == keyfile
    assert unwrap(read.slots[user_slot("nurse")], "nurse-pw",
                  slot_context(study, user_slot("nurse"))) == key
    assert unwrap(read.slots[RECOVERY_SLOT], b"r" * 32, slot_context(study, RECOVERY_SLOT)) == key
    assert user_slot("nurse") not in read.without_slot(user_slot("nurse")).slots


@pytest.mark.parametrize("data", [
    b"", b"\xff\xfe", b"[]", b'{"format": "other"}', b'{"format": "jdmdesk-keys", "version": 1}',
    b'{"format": "jdmdesk-keys", "version": 1, "study_id": "s", "slots": {"u": {"salt": "!"}}}',
])
def test_damaged_or_foreign_files_are_refused_in_one_sentence(data):
    with pytest.raises(KeyFileError) as caught:
        KeyFile.from_bytes(data)
    assert str(caught.value).endswith(".")


def test_a_newer_version_says_so():
    with pytest.raises(KeyFileError, match="version 2"):
        KeyFile.from_bytes(b'{"format": "jdmdesk-keys", "version": 2}')
