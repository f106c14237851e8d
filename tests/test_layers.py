"""The apps stand on floors and import only what is below them (CONTRIBUTING.md, "Where code goes").

Read from the code's own import statements, so a new import upwards fails here, named, before it
becomes a knot that a later change has to cut.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = [
    "uncnm_portal",
    "stakeholders",
    "history",
    "objectives",
    "policies",
    "pledges",
    "reviews",
    "inputs",
    "drafts",
    "translations",
    "imports",
    "api",
    "public",
    "demo",
]
# What each app may import, besides itself and the project's ground floor (uncnm_portal).
MAY_IMPORT = {
    "uncnm_portal": set(),
    "stakeholders": set(),
    "history": {"stakeholders"},  # each app names its pages in its AppConfig: history names none
    "objectives": {"stakeholders"},
    "policies": {"stakeholders", "objectives"},
    "pledges": {"stakeholders", "objectives"},
    "reviews": {"stakeholders", "objectives", "policies", "pledges"},
    "inputs": {"stakeholders", "objectives", "reviews"},
    "drafts": {"stakeholders", "objectives", "policies", "pledges", "reviews", "inputs"},
    "translations": {"stakeholders", "objectives", "reviews", "inputs", "drafts"},  # the translated texts' models
    "imports": {"stakeholders", "objectives", "policies", "pledges", "reviews", "inputs"},
    "api": {"stakeholders", "objectives", "policies", "pledges", "reviews", "inputs", "drafts"},
    "public": {"stakeholders", "objectives", "policies", "pledges", "reviews", "inputs", "drafts"},
    "demo": set(APPS),  # the demo seeds every app; no app imports it
}


def imported_apps(path: Path) -> set[str]:
    """The project's apps a module imports, at its top or inside a function."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names & set(APPS)


def modules(app: str) -> list[Path]:
    return sorted(path for path in (ROOT / app).rglob("*.py") if "migrations" not in path.parts)


@pytest.mark.parametrize("app", APPS)
def test_an_app_imports_only_the_apps_below_it(app):
    allowed = MAY_IMPORT[app] | {app, "uncnm_portal"}
    upwards = {
        f"{path.relative_to(ROOT)} imports {', '.join(sorted(imported_apps(path) - allowed))}"
        for path in modules(app)
        if imported_apps(path) - allowed
    }
    assert not upwards


def test_every_app_is_on_a_floor():
    """A new app must be given its floor here (and in CONTRIBUTING.md) before anything may import it."""
    on_disk = {path.parent.name for path in ROOT.glob("*/apps.py")}
    assert on_disk == set(APPS)


def test_the_check_sees_an_import_upwards(tmp_path):
    module = tmp_path / "example.py"
    module.write_text("import os\nfrom reviews.models import Input\n\ndef f():\n    import demo.seed\n")
    assert imported_apps(module) == {"reviews", "demo"}
