"""The words for a model's fields and their values, for outputs without Qt.

``orgdesigner diff``, the PDF's „Gegenüberstellung“ and the comparison panel say what
changed in a unit, a relation or the model's meta data („Organisationsform: Stabsstelle →
Amt / Fachbereich“). The names here are those the inspector shows; values are put in words
in German or English: a form or level by its catalog label, a cadence or phase by its name,
numbers in the language's format, an empty value as „—“.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from orgdesigner.catalog import catalog
from orgdesigner.i18n import current_language
from orgdesigner.rules.text import Text, number

FIELD_NAMES: dict[str, Text] = {
    # units
    "label": Text("Bezeichnung", "Name"),
    "level": Text("Ebene", "Level"),
    "form": Text("Organisationsform", "Organisation form"),
    "persons": Text("Personen", "Persons"),
    "fte": Text("Vollzeitäquivalente (VZÄ)", "Full-time equivalents (FTE)"),
    "lead": Text("Leitung", "Lead"),
    "deputy": Text("Stellvertretung", "Deputy"),
    "cadence": Text("Sitzungsturnus", "Meeting cycle"),
    "scope": Text("Zuständigkeit", "Scope"),
    "pilot_type": Text("Art der Lotsen", "Type of pilots"),
    "notes": Text("Notizen", "Notes"),
    "functions": Text("Aufgaben", "Functions"),
    "x": Text("Position (waagerecht)", "Position (horizontal)"),
    "y": Text("Position (senkrecht)", "Position (vertical)"),
    "width": Text("Breite", "Width"),
    "height": Text("Höhe", "Height"),
    # relations
    "type": Text("Art der Beziehung", "Type of relation"),
    "source": Text("Von", "From"),
    "target": Text("Nach", "To"),
    "contract": Text("Vertrag / Vereinbarung", "Contract / agreement"),
    # the model
    "title": Text("Titel", "Title"),
    "municipality": Text("Kommune", "Municipality"),
    "municipality_kind": Text("Art der Kommune", "Kind of municipality"),
    "population": Text("Einwohnerzahl", "Population"),
    "phase": Text("Projektphase", "Project phase"),
    "author": Text("Verfasst von", "Author"),
    "status": Text("Status", "Status"),
    "version": Text("Version", "Version"),
    "date": Text("Datum", "Date"),
    "description": Text("Beschreibung", "Description"),
}

VALUE_NAMES: dict[str, dict[Any, Text]] = {
    "cadence": {
        "weekly": Text("wöchentlich", "weekly"),
        "biweekly": Text("alle zwei Wochen", "every two weeks"),
        "monthly": Text("monatlich", "monthly"),
        "bimonthly": Text("alle zwei Monate", "every two months"),
        "quarterly": Text("vierteljährlich", "quarterly"),
        "half_yearly": Text("halbjährlich", "half-yearly"),
        "yearly": Text("jährlich", "yearly"),
    },
    "scope": {"municipal": Text("kommunal", "municipal"), "regional": Text("regional", "regional")},
    "pilot_type": {
        "volunteer": Text("ehrenamtlich", "volunteer"),
        "qualified_volunteer": Text("ehrenamtlich mit Qualifizierung", "qualified volunteer"),
        "full_time": Text("hauptamtlich", "full-time"),
    },
    "contract": {True: Text("ja", "yes"), False: Text("nein", "no")},
    "municipality_kind": {
        "city": Text("Stadt", "City"),
        "municipality": Text("Gemeinde", "Municipality"),
        "district": Text("Landkreis", "District"),
        "association": Text("Interkommunaler Verbund", "Inter-municipal association"),
    },
    "phase": {
        "pilot": Text("Erprobung", "Pilot"),
        "strategy": Text("Strategie", "Strategy"),
        "implementation": Text("Umsetzung", "Implementation"),
        "consolidation": Text("Verstetigung", "Consolidation"),
    },
    "status": {
        "draft": Text("Entwurf", "Draft"),
        "proposal": Text("Vorschlag", "Proposal"),
        "adopted": Text("Beschlossen", "Adopted"),
    },
}

EMPTY = "—"
MAX_TEXT = 80
"""Longer texts (notes, descriptions) are shortened in a change list."""


def field_name(name: str, lang: str | None = None) -> str:
    text = FIELD_NAMES.get(name)
    if text is None:
        return name
    return text.en if (lang or current_language()) == "en" else text.de


def value_text(name: str, value: Any, lang: str | None = None) -> str:
    """``value`` of field ``name`` in words, as a reader of the council paper reads it."""
    lang = lang or current_language()
    en = lang == "en"
    if value is None or value == "" or value == () or value == []:
        return EMPTY
    cat = catalog()
    if name == "form":
        return cat.form(value).label.get(lang)
    if name == "level":
        return cat.level(value).label.get(lang)
    if name == "type":
        return cat.relation(value).label.get(lang)
    if name == "functions":
        return ", ".join(cat.function(f).label.get(lang) for f in value) or EMPTY
    names = VALUE_NAMES.get(name)
    if names is not None and value in names:
        return names[value].en if en else names[value].de
    if isinstance(value, bool):
        return ("yes" if en else "ja") if value else ("no" if en else "nein")
    if isinstance(value, int | float):
        formatted = number(float(value))
        return formatted.en if en else formatted.de
    if isinstance(value, dt.date):
        return value.isoformat() if en else value.strftime("%d.%m.%Y")
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(str(v) for v in value) or EMPTY
    text = " ".join(str(value).split())
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"
