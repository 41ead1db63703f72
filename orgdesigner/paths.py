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


GUIDES = {"de": "benutzerhandbuch.md", "en": "user-guide.md"}
"""The user guide in each language (``docs/`` in the repository)."""


@cache
def guide_dir() -> Path:
    """Return the folder that holds the user guides and their screenshots.

    In a source checkout (and an editable install, and the frozen app, which carries the
    guides as ``docs/`` next to the package) that is the top-level ``docs/`` folder; an
    installed wheel carries the guides as the package ``orgdesigner.guide``.
    """
    checkout = Path(__file__).resolve().parent.parent / "docs"
    if (checkout / GUIDES["de"]).is_file():
        return checkout
    try:
        import orgdesigner.guide as packaged  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return checkout  # not shipped: the viewer says the guide is missing
    return Path(next(iter(packaged.__path__)))


def guide_file(lang: str) -> Path:
    """Return the path of the user guide in ``lang`` (German unless ``"en"``)."""
    return guide_dir() / GUIDES["en" if lang == "en" else "de"]
