"""The Nu HTML checker (npm's vnu-jar, run by Java) on pages the tests fetched: one JVM for many pages."""

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.backends import skip_missing_backend

VNU_JAR = Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_command():
    java = shutil.which("java")
    if java is None:
        skip_missing_backend(
            "Java is not installed, so the Nu HTML checker cannot run (apt-get install default-jre-headless)"
        )
    if not VNU_JAR.exists():
        skip_missing_backend(
            f"the Nu HTML checker is not at {VNU_JAR} (run `npm ci`, which `make test` does)"
        )
    return [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]


def html_errors(pages):
    """Errors the checker finds in each page: {name: [message, ...]} for pages with errors only."""
    command = vnu_command()
    with tempfile.TemporaryDirectory(prefix="vnu-") as folder:
        names = {}
        for number, (name, html) in enumerate(pages.items()):
            path = Path(folder) / f"page-{number}.html"
            path.write_text(html, encoding="utf-8")
            names[str(path)] = name
        result = subprocess.run(  # noqa: S603 - fixed command, our own files
            [*command, *names],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    report = json.loads(result.stderr or '{"messages": []}')
    errors = {}
    for message in report["messages"]:
        url = message.get("url", "")
        name = names.get(url.removeprefix("file:"), url)
        where = f"line {message.get('lastLine')}: " if message.get("lastLine") else ""
        errors.setdefault(name, []).append(
            f"{where}{message['message']} [{message.get('extract', '').strip()}]"
        )
    return errors
