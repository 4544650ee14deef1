"""Run axe-core (bundled with axe-playwright-python, so nothing is fetched) on a page."""

from axe_playwright_python.sync_playwright import Axe

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
_axe = Axe()


def assert_accessible(page, *, best_practice: bool = False) -> None:
    """Fail with a readable list when axe finds any WCAG 2.2 A or AA violation, and with
    `best_practice` any of axe's best-practice rules too (landmarks, heading order...)."""
    tags = [*WCAG_22_AA, "best-practice"] if best_practice else WCAG_22_AA
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": tags}})
    violations = results.response["violations"]
    if violations:
        lines = [f"{page.url}: {len(violations)} axe violation(s)"]
        for violation in violations:
            targets = ", ".join(str(node["target"]) for node in violation["nodes"][:5])
            lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
        raise AssertionError("\n".join(lines))
