"""benchmarks/peer/settle.py: how busy the machine was between two readings of /proc/stat."""

import os

from benchmarks.peer.settle import QUIET, busy_and_total, busy_cores


def test_a_reading_counts_busy_ticks_within_all_ticks():
    busy, total = busy_and_total()
    assert 0 <= busy <= total
    assert total > 0


def test_busy_cores_is_the_busy_share_of_the_ticks_times_the_cores():
    cores = os.cpu_count()
    assert busy_cores((100, 1000), (100, 1400)) == 0.0
    assert busy_cores((100, 1000), (500, 1400)) == cores
    assert busy_cores((100, 1000), (200, 1400)) == cores / 4
    a_little = int(400 * QUIET / cores / 2)  # half the quiet share, whatever the cores
    assert busy_cores((100, 1000), (100 + a_little, 1400)) <= QUIET < busy_cores((100, 1000), (200, 1400))


def test_no_ticks_between_readings_is_no_work():
    assert busy_cores((100, 1000), (100, 1000)) == 0.0
