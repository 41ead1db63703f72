"""Where the program finds its shipped data (catalog, schema, templates, fonts)."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    """Return the folder that holds the shipped resources.

    In a source checkout (and an editable install) that is the top-level ``resources/``
    folder next to the package; an installed wheel carries the same folder as the
    package ``orgdesigner.resources``.
    """
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if (checkout / "catalog" / "catalog.json").is_file():
        return checkout
    import orgdesigner.resources as packaged  # type: ignore[import-not-found,unused-ignore]

    return Path(next(iter(packaged.__path__)))


def resource(*parts: str) -> Path:
    """Return the path of one shipped resource file."""
    return resources_dir().joinpath(*parts)
