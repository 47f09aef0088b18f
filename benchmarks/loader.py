"""The benchmark library: records from the shared generator (../shared/data/gen_resources.py, the
same bytes for the same count and seed), streamed through the importer, which writes in bulk and
refreshes the search index per batch. Idempotent by slug, like any import."""

import os
import subprocess
import sys
from pathlib import Path

from library.importing import CREATED, Importer

# (a worktree elsewhere names the generator with GEN_RESOURCES)
GENERATOR = Path(
    os.environ.get("GEN_RESOURCES")
    or Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "gen_resources.py"
)
PROGRESS_EVERY = 2000


def load(count, *, seed=7, progress=print):
    """Import `count` generated records; returns the number of resources created."""
    generator = subprocess.Popen(  # noqa: S603 - our own generator, fixed arguments
        [sys.executable, str(GENERATOR), "--count", str(count), "--seed", str(seed)],
        stdout=subprocess.PIPE,
    )

    def on_progress(line):
        if line % PROGRESS_EVERY == 0:
            progress(f"  loaded {line:,}")

    with generator.stdout:
        report = Importer(on_progress=on_progress).run(generator.stdout, name="generated.jsonl")
    if generator.wait() != 0:
        raise SystemExit(f"{GENERATOR.name} failed")
    if report.rejected:
        raise SystemExit(f"the importer rejected generated records: {report.summary()}")
    return report.count(CREATED)
