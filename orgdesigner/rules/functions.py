"""Who does what (DOMAIN.md §7; guide Kap. 3, Tabelle 1, and the four coordination fields of
4.2): every function a smart-city organisation must distribute is held by some unit."""

from __future__ import annotations

from collections.abc import Iterator

from orgdesigner.catalog import catalog, cite, sources
from orgdesigner.rules.context import Context
from orgdesigner.rules.engine import Hit, rule
from orgdesigner.rules.text import Text

MAX_FORMS_NAMED = 4
"""The message names at most this many forms that usually hold a function."""


@rule("function-uncovered", "warning", sources(cite("3", table=1)),
      Text("Aufgabe ohne Einheit", "Function not held by any unit"))  # fmt: skip
def function_uncovered(ctx: Context) -> Iterator[Hit]:
    """Trigger: a function of DOMAIN.md §7 that no unit holds – a unit holds its own
    ``functions`` where the officer changed them, else its form's default functions (catalog
    data). Threshold: zero units; one finding per function, in the catalog's order, with
    ``details.function``. Severity: warning for the essential functions, hint for the others;
    in phase ``pilot`` a hint for every function, and the message says why. An empty model
    stays quiet. Source: Kap. 3, Tabelle 1, S. 13 ff. – all the functions of steering,
    coordination and implementation must be taken on and distributed in the organisation;
    each function's own passage is cited with it (e.g. Kap. 4.2 for the four coordination
    fields)."""
    if not ctx.nodes:
        return
    cat = catalog()
    held = {f for node in ctx.nodes.values() for f in node.held_functions()}
    pilot = ctx.meta.phase == "pilot"
    for function in cat.functions:
        if function.id in held:
            continue
        usual = [f for f in cat.forms if function.id in f.functions]
        names = usual[:MAX_FORMS_NAMED]
        forms = Text(
            ", ".join(f"„{f.label.de}“" for f in names),
            ", ".join(f'"{f.label.en}"' for f in names),
        )
        message = Text(
            "Die Aufgabe „{label}“ ist keiner Einheit zugeordnet: {what} Alle Aufgaben der "
            "Steuerung, Koordination und Umsetzung müssen in der Aufbauorganisation verteilt "
            "werden. Üblicherweise übernimmt sie {forms}. Ordnen Sie die Aufgabe einer Einheit "
            "zu (Eigenschaften → Aufgaben) oder ergänzen Sie eine solche Einheit.",
            "The function “{label}” is held by no unit: {what} All functions of steering, "
            "coordination and implementation must be distributed in the organisation. It is "
            "usually held by {forms}. Assign it to a unit (Properties → Functions) or add such "
            "a unit.",
        ).format(label=Text(function.label.de, function.label.en),
                 what=Text(function.description.de, function.description.en), forms=forms)  # fmt: skip
        severity = "warning" if function.essential and not pilot else "hint"
        if pilot and function.essential:
            message += Text(
                " In der Erprobungsphase ist das ein Hinweis: Die Strukturen entstehen erst, "
                "und die Aufgaben werden noch in den Fachbereichen wahrgenommen "
                "(Organisationsverständnis 4, Kap. 4.2, S. 22 ff.).",
                " In the trial phase this is a hint: the structures are only emerging, and the "
                "functions are still carried in the departments (understanding 4, ch. 4.2, "
                "p. 22 ff.).",
            )
        cited = [cite("3", table=1), *(c for c in function.citation if c != cite("3", table=1))]
        yield Hit((), message, severity=severity, details=(("function", function.id),),  # type: ignore[arg-type]
                  citation=sources(*cited))  # fmt: skip


RULES = (function_uncovered,)
