"""The dependency rule: apps build on humas_site, never the other way round."""

import ast
import re
from pathlib import Path

import humas_site

APPS = {"news", "meetings", "agendas"}
GET_MODEL = re.compile(r"""get_model\(\s*["'](news|meetings|agendas)["']""")


def app_references(path):
    """The apps named by ``path``'s imports and ``apps.get_model`` calls."""
    source = path.read_text()
    named = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            named.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            named.add(node.module.split(".")[0])
    named.update(GET_MODEL.findall(source))
    return named & APPS


def test_app_references_are_found(tmp_path):
    module = tmp_path / "module.py"
    module.write_text(
        "import news.models\nfrom meetings import services\n"
        "def f():\n    from agendas.models import Event\n"
    )
    assert app_references(module) == APPS
    module.write_text('Event = apps.get_model("agendas", "Event")\n')
    assert app_references(module) == {"agendas"}


def test_humas_site_imports_no_app():
    root = Path(humas_site.__file__).parent
    offenders = {
        str(path.relative_to(root)): sorted(app_references(path))
        for path in root.rglob("*.py")
        if app_references(path)
    }
    assert offenders == {}
