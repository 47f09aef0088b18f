"""axe-core (npm package, installed into node_modules by `make test`) run in the page under test."""

from functools import cache
from pathlib import Path

from tests.backends import skip_missing_backend

AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_22_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@cache
def axe_source():
    if not AXE_JS.exists():
        skip_missing_backend(f"axe-core is not at {AXE_JS} (run `npm ci`, which `make test` does)")
    return AXE_JS.read_text(encoding="utf-8")


def axe_violations(page, context=None):
    """axe's violations of WCAG 2.2 A and AA on the page (or in the part that `context` selects)."""
    # Evaluated through the DevTools protocol rather than as a <script> tag: a strict
    # Content-Security-Policy, which the portal sends, would block an inline script.
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    options = {"runOnly": {"type": "tag", "values": WCAG_22_A_AA}, "resultTypes": ["violations"]}
    return page.evaluate(
        "async ([context, options]) => (await axe.run(context || document, options)).violations",
        [context, options],
    )


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact')}): {violation['help']} <{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            lines.append(f"    at {', '.join(map(str, node['target']))}")
            summary = (node.get("failureSummary") or "").strip().replace("\n", "\n       ")
            if summary:
                lines.append(f"       {summary}")
    return "\n".join(lines)


def assert_no_axe_violations(page, context=None):
    violations = axe_violations(page, context)
    assert not violations, f"axe-core found WCAG 2.2 A/AA violations on {page.url}:\n{describe(violations)}"
