"""The layers of DESIGN.md: core, rules and export never import Qt; core never imports ui."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "orgdesigner"
HEADLESS = [p for p in PACKAGE.rglob("*.py") if p.parent.name not in ("ui", "canvas")]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_headless_layers_do_not_import_qt() -> None:
    assert len(HEADLESS) >= 15
    offenders = {
        str(p.relative_to(PACKAGE)): sorted(n for n in _imports(p) if n.startswith(("PySide6", "shiboken6")))
        for p in HEADLESS
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_headless_layers_do_not_import_gui_packages() -> None:
    allowed_lazy = {"cli.py"}  # opens the GUI only when no subcommand is given
    offenders = {
        str(p.relative_to(PACKAGE))
        for p in HEADLESS
        if p.name not in allowed_lazy
        and any(n.startswith(("orgdesigner.ui", "orgdesigner.canvas")) for n in _imports(p))
    }
    assert offenders == set()


def test_every_package_ships_in_the_wheel() -> None:
    """pyproject lists the packages explicitly: a new sub-package missing there would work
    in the editable checkout and be absent from an installed program."""
    import tomllib

    root = PACKAGE.parent
    listed = set(tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(root).parts) for p in PACKAGE.rglob("__init__.py")
        if "resources" not in p.parts
    }
    assert found <= listed, f"not in pyproject's packages: {sorted(found - listed)}"
