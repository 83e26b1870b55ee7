"""The printable recovery key: round trip, typing errors told apart, read-alike letters."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jdmdesk.crypto.recovery import (
    RecoveryKeyError,
    format_recovery_key,
    new_recovery_secret,
    parse_recovery_key,
)


@given(st.binary(min_size=32, max_size=32))
def test_round_trip(secret):
    assert parse_recovery_key(format_recovery_key(secret)) == secret


def test_typed_loosely_still_reads():
    secret = new_recovery_secret()
    text = format_recovery_key(secret)
    loose = " ".join(text.lower().split("-"))
    assert parse_recovery_key(loose) == secret
    assert parse_recovery_key(text.replace("0", "O").replace("1", "l")) == secret


def test_one_wrong_character_is_a_typing_error_not_a_wrong_key():
    text = format_recovery_key(bytes(32))
    i = 5
    swapped = text[:i] + ("A" if text[i] != "A" else "B") + text[i + 1:]
    with pytest.raises(RecoveryKeyError, match="typing error"):
        parse_recovery_key(swapped)


@pytest.mark.parametrize(("text", "message"), [
    ("", "54 characters"),
    ("ABCD-EFGH", "54 characters"),
    ("U" * 54, "has no U"),
])
def test_not_a_recovery_key(text, message):
    with pytest.raises(RecoveryKeyError, match=message):
        parse_recovery_key(text)


def test_format_is_grouped_by_four():
    groups = format_recovery_key(new_recovery_secret()).split("-")
    assert len(groups) == 14 and all(len(g) == 4 for g in groups[:-1]) and len(groups[-1]) == 2
