"""Templates from the guide: example models an officer can start from.

The templates are data: model files in ``resources/templates/`` (one ``*.orgmodel`` each
– a file still named ``*.orgmodel.json`` is found too – read by the same loader as a
user's file, so they are checked like one) and the
list ``resources/templates/templates.json`` with each template's name, title and the
guide's municipalities that inspired it, in German and English. To change a template,
open its file in OrgDesigner, edit and save it.

Each template is named neutrally ("Musterstadt …"); built as the guide recommends, each
produces no warnings (tested). The first one is the built-in example model the program
opens without a file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from orgdesigner import fileformat
from orgdesigner.i18n import current_language
from orgdesigner.model import OrgModel
from orgdesigner.paths import resource

INDEX = "templates.json"


class _Text(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    de: str = Field(min_length=1)
    en: str = Field(min_length=1)


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    file: str = Field(pattern=r"^[a-z0-9-]+\.orgmodel(\.json)?$")
    title: _Text
    inspired: _Text


class _Index(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    templates: tuple[_Entry, ...] = Field(min_length=1)


class TemplateError(RuntimeError):
    """A shipped template list or file is broken (a packaging defect, never user data)."""


@dataclass(frozen=True)
class Template:
    name: str
    title_de: str
    title_en: str
    inspired_de: str
    inspired_en: str
    path: Path
    """the template's model file"""

    def title(self, lang: str | None = None) -> str:
        return self.title_en if (lang or current_language()) == "en" else self.title_de

    def inspired(self, lang: str | None = None) -> str:
        return self.inspired_en if (lang or current_language()) == "en" else self.inspired_de

    def build(self) -> OrgModel:
        """A fresh copy of the template's model (callers may change it)."""
        return _model(self.path).model_copy(deep=True)


@cache
def _model(path: Path) -> OrgModel:
    return fileformat.load(path)


def load_templates(folder: Path | None = None) -> tuple[Template, ...]:
    """Read and check the template list and every template's model file."""
    folder = folder or resource("templates")
    index_path = folder / INDEX
    try:
        index = _Index.model_validate(json.loads(index_path.read_text(encoding="utf-8")))
    except (OSError, ValueError, ValidationError) as exc:
        raise TemplateError(f"{index_path}: {exc}") from exc
    names = [e.name for e in index.templates]
    if len(set(names)) != len(names):
        raise TemplateError(f"{index_path}: a template name appears twice: {names}")
    templates = tuple(
        Template(
            e.name, e.title.de, e.title.en, e.inspired.de, e.inspired.en, _find(folder, e.file)
        )
        for e in index.templates
    )
    for template in templates:
        _model(template.path)  # raises ModelFileError with the file and JSON path
    return templates


def _find(folder: Path, name: str) -> Path:
    """The template file ``name`` in ``folder``, or the same model under the other model
    extension (``x.orgmodel`` ↔ ``x.orgmodel.json``) when only that one exists."""
    path = folder / name
    if path.is_file():
        return path
    stem = fileformat.model_stem(name)
    for suffix in (fileformat.SUFFIX, fileformat.LEGACY_SUFFIX):
        other = folder / (stem + suffix)
        if other.is_file():
            return other
    return path  # missing: loading it reports the file that the list names


TEMPLATES: tuple[Template, ...] = load_templates()


def available() -> dict[str, Template]:
    return {t.name: t for t in TEMPLATES}


def example_model() -> OrgModel:
    """The built-in example model the program opens without a file."""
    return TEMPLATES[0].build()
