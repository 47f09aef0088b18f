"""CPU seconds a gunicorn master's workers have used so far: the live ones plus those it reaped.

python3 benchmarks/peer/cpu_of.py MASTER_PID [MASTER_PID ...]
"""

import os
import sys

TICK = os.sysconf("SC_CLK_TCK")


def fields(pid):
    data = open(f"/proc/{pid}/stat").read()  # noqa: SIM115, PTH123 - a /proc file read at once
    return data[data.rindex(")") + 2 :].split()  # after "pid (name) "


def children(parent):
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if int(fields(entry)[1]) == parent:
                    found.append(int(entry))
            except OSError:
                pass  # gone meanwhile
    return found


def cpu_seconds(master):
    state = fields(master)
    ticks = int(state[13]) + int(state[14])  # cutime, cstime: the reaped workers
    for child in children(master):
        try:
            state = fields(child)
            ticks += int(state[11]) + int(state[12])  # utime, stime
        except OSError:
            pass
    return ticks / TICK


if __name__ == "__main__":
    print(sum(cpu_seconds(int(pid)) for pid in sys.argv[1:]))
