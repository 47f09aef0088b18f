#!/usr/bin/env python3
"""`make bench`: runs every benchmarks/*_bench.py in turn, each in its own process."""

import subprocess
import sys
from pathlib import Path

failed = 0
for script in sorted(Path(__file__).resolve().parent.glob("*_bench.py")):
    print(f"== {script.name}", flush=True)
    failed |= subprocess.run([sys.executable, str(script), *sys.argv[1:]]).returncode  # noqa: S603
sys.exit(failed)
