"""SIGKILL a process that is saving records, hundreds of times: nothing acknowledged is lost,
nothing is half-written, every record has its audit rows, the file stays intact."""

import sys

import pytest

from tests.reliability.crash_harness import soak

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]


def test_sigkill_during_saves_loses_nothing_acknowledged(tmp_path):
    result = soak(tmp_path / "crash.jdm", rounds=200, seed=20261125)
    print(result.figures())
    assert result.failures == []
    assert result.rounds == 200
    # the kills really landed among saves: whatever the machine's load (a busy machine saves
    # fewer times in a round), every round acknowledged saves on average and some kills fell
    # between a commit and its acknowledgement
    assert result.acknowledged >= result.rounds
    assert result.committed_unacknowledged > 0
    assert result.visits > 0 and result.lab_results > 0
