"""Wait until the machine is quiet: no process busy, so a measurement does not share the CPU with
work left over from the one before it. The Wagtail peer's search pages take over a second a
request; when wrk stops after its 10 s and drops the connections, the peer's two workers still
answer the requests already queued, for about 2 s, and the next server measured pays for it in its
tail (p99 80-118 ms instead of 23-29 ms for the filtered list on a 2-core machine).

python3 benchmarks/peer/settle.py [--timeout 30]   prints the seconds it waited
"""

import argparse
import os
import time

QUIET = 0.15  # at most this share of one core busy, over a sample
SAMPLE = 0.3  # seconds
QUIET_SAMPLES = 2  # in a row


def busy_and_total():
    with open("/proc/stat") as stat:  # noqa: PTH123 - a /proc file read at once
        ticks = [int(value) for value in stat.readline().split()[1:]]
    idle = ticks[3] + ticks[4]  # idle, iowait
    return sum(ticks) - idle, sum(ticks)


def busy_cores(before, after):
    """How many cores were busy on average between two readings of busy_and_total()."""
    busy, total = after[0] - before[0], after[1] - before[1]
    return os.cpu_count() * busy / total if total else 0.0


def settle(timeout):
    started = time.monotonic()
    quiet_in_a_row = 0
    before = busy_and_total()
    while time.monotonic() - started < timeout:
        time.sleep(SAMPLE)
        after = busy_and_total()
        quiet_in_a_row = quiet_in_a_row + 1 if busy_cores(before, after) <= QUIET else 0
        before = after
        if quiet_in_a_row == QUIET_SAMPLES:
            break
    return time.monotonic() - started


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=30.0)
    print(f"{settle(parser.parse_args().timeout):.1f}")
