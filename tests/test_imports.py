"""The code's own shape (issue 19): no module reaches into another's private helpers, and the
CSV importers share their code through portal/csvimport, never through each other. Read from
the source with `ast`, so a function-level import counts too."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

PORTAL = Path(__file__).resolve().parent.parent / "portal"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PORTAL.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def _modules() -> dict[str, ast.Module]:
    return {_module_name(path): ast.parse(path.read_text()) for path in PORTAL.rglob("*.py")}


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _imports(tree: ast.Module) -> list[tuple[str, str | None, int]]:
    """(module, name imported from it or None, line) for every import of a portal module."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("portal"):
            found += [(node.module, alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [
                (a.name, None, node.lineno) for a in node.names if a.name.startswith("portal")
            ]
    return found


def _private_uses(name: str, tree: ast.Module) -> list[str]:
    """`from portal.x import _helper` and `x._helper` (x an imported portal module)."""
    found, modules = [], {}
    for module, imported, line in _imports(tree):
        if imported is not None and _is_private(imported):
            found.append(f"{name}:{line} imports {module}.{imported}")
        if imported is None:
            modules[module.split(".")[0]] = module
        elif f"{module}.{imported}" in _modules():
            modules[imported] = f"{module}.{imported}"
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
            and _is_private(node.attr)
        ):
            found.append(f"{name}:{node.lineno} uses {modules[node.value.id]}.{node.attr}")
    return found


def _dependencies(name: str) -> set[str]:
    """The portal modules `name` imports (a name imported from a package may be a module)."""
    found = set()
    for module, imported, _line in _imports(_modules()[name]):
        submodule = f"{module}.{imported}"
        found.add(submodule if submodule in _modules() else module)
    return found & _modules().keys() - {name}


def _reachable(start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for module in _dependencies(todo.pop()) - seen:
            seen.add(module)
            todo.append(module)
    return seen


def _importers() -> list[str]:
    return sorted(name for name in _modules() if name.rsplit(".", 1)[-1] == "importer")


def test_no_module_uses_another_modules_private_names():
    found = [use for name, tree in _modules().items() for use in _private_uses(name, tree)]
    assert found == [], "make the helper public, or move it where both can use it"


def test_the_checks_see_a_private_import_and_a_cycle(tmp_path):
    """The walk is not blind: it finds what the two tests above forbid."""
    tree = ast.parse("from portal.jobs import importer\nimporter._x()\nfrom portal.a import _b\n")
    assert len(_private_uses("portal.fake", tree)) == 2
    assert "portal.csvimport" in _reachable("portal.jobs.importer")
    assert len(_importers()) >= 2


def test_importers_share_code_through_csvimport_not_through_each_other():
    for importer in _importers():
        others = set(_importers()) - {importer}
        assert _reachable(importer) & others == set(), f"{importer} imports another importer"
    csv_machinery = [name for name in _modules() if name.startswith("portal.csvimport")]
    for name in csv_machinery:
        assert _reachable(name) & set(_importers()) == set(), f"{name} imports an importer"


def _is_web(name: str) -> bool:
    """Views and the API: what answers HTTP."""
    last = name.rsplit(".", 1)[-1]
    return last == "views" or last.endswith("_views") or name.startswith("portal.api")


def test_views_reach_the_search_engine_only_through_its_verbs():
    from portal import search

    found = [
        f"{name}:{line} {module}.{imported or ''}"
        for name, tree in _modules().items()
        if _is_web(name)
        for module, imported, line in _imports(tree)
        if module.startswith("portal.search.")
        or (module == "portal.search" and imported not in search.__all__)
    ]
    assert found == [], "add a verb to portal/search/__init__.py instead"
    assert any(_is_web(name) for name in _modules())
