"""Shared pieces of the browser tests: their marks, viewport sizes, keyboard helpers and axe-core."""

import functools
from pathlib import Path

import pytest

# Every browser test needs a live server, so committed data: `pytestmark = browser_test` in each module.
# serialized_rollback restores the migrations' data (locales, the tree's root, groups) before each test.
browser_test = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DESKTOP_VIEWPORT = {"width": 1280, "height": 800}
MOBILE_VIEWPORT = {"width": 375, "height": 740}


# --- Keyboard -----------------------------------------------------------------------------------------

FOCUSED_ELEMENT_JS = """
() => {
    const element = document.activeElement;
    const focusStyle = (node) => {
        const style = getComputedStyle(node);
        return {outlineStyle: style.outlineStyle, outlineWidth: style.outlineWidth, boxShadow: style.boxShadow};
    };
    const card = element.closest(".card");
    return {
        tag: element.tagName.toLowerCase(),
        id: element.id,
        className: element.getAttribute("class") || "",
        text: (element.innerText || element.value || "").trim().replace(/\\s+/g, " ").slice(0, 80),
        path: element.href ? new URL(element.href).pathname : null,
        inMain: element.closest("main") !== null,
        inHeader: element.closest(".site-header") !== null,
        html: element.outerHTML.slice(0, 160),
        focusStyle: focusStyle(element),
        cardFocusStyle: card ? focusStyle(card) : null,
    };
}
"""


def focused(page):
    """What has keyboard focus: tag, id, class, text, the path of a link, where it is and its focus styles."""
    return page.evaluate(FOCUSED_ELEMENT_JS)


def describe(element):
    return f"<{element['tag']}> {element['text']!r} {element['path'] or ''}".strip()


def tab_until(page, found, limit=50):
    """Press Tab until `found(focused element)` is true; return every element focused on the way, in order."""
    visited = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        visited.append(element)
        if found(element):
            return visited
    pytest.fail(
        f"Not reached after {limit} presses of Tab. Focus went to:\n" + "\n".join(describe(e) for e in visited),
        pytrace=False,
    )


def shows_focus(style):
    """True when a computed style draws a focus indicator: an outline of some width, or a box shadow."""
    if style is None:
        return False
    has_outline = (
        style["outlineStyle"] not in {"none", "hidden"} and float(style["outlineWidth"].removesuffix("px")) > 0
    )
    return has_outline or style["boxShadow"] != "none"


# --- Accessibility checks -------------------------------------------------------------------------------

# The rules for WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus axe's best practices.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_TAGS = [*WCAG_TAGS, "best-practice"]


@functools.cache
def axe_source():
    """axe-core as bundled by axe-playwright-python (its version is in the file's first line)."""
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def run_axe(page, tags=AXE_TAGS):
    """Run axe-core on the page as it stands and return its violations."""
    page.add_script_tag(content=axe_source())
    options = {"runOnly": {"type": "tag", "values": list(tags)}, "resultTypes": ["violations"]}
    results = page.evaluate("async (options) => await axe.run(document, options)", options)
    return results["violations"]


def describe_violations(violations):
    """One paragraph per violation, with the elements and what to fix, so a failure says what to change."""
    lines = []
    for violation in violations:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"]:
            lines.append(f"    at {' '.join(node['target'])}")
            lines.append(f"       {node['html'][:200]}")
            summary = (node.get("failureSummary") or "").replace("\n", "\n       ")
            if summary:
                lines.append(f"       {summary}")
    return "\n".join(lines)
