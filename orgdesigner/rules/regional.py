"""Rules for regional programmes (DOMAIN.md §6; guide 4.1, 4.2, 4.5): a regional
coordination and agreements between the partners."""

from __future__ import annotations

from collections.abc import Iterator

from orgdesigner.catalog import cite, sources
from orgdesigner.rules.context import Context
from orgdesigner.rules.engine import Hit, rule
from orgdesigner.rules.text import Text

REGIONAL_LEVELS = ("political", "strategic", "coordination")


@rule("regional-without-regional-coordination", "warning", sources(cite("3"), cite("4.5")),
      Text("Region ohne regionale Koordination", "Region without regional coordination"))  # fmt: skip
def regional_without_regional_coordination(ctx: Context) -> Iterator[Hit]:
    """Trigger: ``meta.scope`` is ``regional`` and there are coordination units, but none
    of them has ``scope`` ``regional``. Threshold: zero regional coordination units (without
    any coordination unit, ``no-coordination`` warns instead). Source: Kap. 3, S. 13 ff. –
    regional programmes anchor the inter-municipal coordination on the coordination level
    (Tabelle 1: Koordinationsebene Region); 4.5, S. 40 ff. – a regional "Taktgeber"."""
    if ctx.meta.scope != "regional":
        return
    units = ctx.coordination_units
    if not units or any(n.scope == "regional" for n in units):
        return
    ids = [n.id for n in units]
    yield Hit(
        tuple(ids),
        Text(
            "Das Vorhaben ist regional angelegt, aber keine Koordinationseinheit ({names}) ist "
            "für die Region zuständig. Bei einem regionalen Ansatz wird auch die "
            "interkommunale Zusammenarbeit auf der Koordinationsebene verankert. Legen Sie eine "
            "regionale Koordination fest (z. B. Smart-Region-Büro oder Digitalagentur) und "
            "setzen Sie ihren Zuständigkeitsbereich auf „regional“.",
            "The programme is regional, but no coordination unit ({names}) is responsible for "
            "the region. In a regional approach the inter-municipal cooperation is anchored on "
            "the coordination level as well. Designate a regional coordination (e.g. "
            "smart-region office or digital agency) and set its scope to 'regional'.",
        ).format(names=ctx.names(ids)),
    )


@rule("regional-without-agreement", "hint", cite("4.1"),
      Text("Regionale Kooperation ohne Vereinbarung",
           "Regional cooperation without agreement"))  # fmt: skip
def regional_without_agreement(ctx: Context) -> Iterator[Hit]:
    """Trigger: a regional ``cooperates`` relation without ``contract: true``. Regional
    means: both ends are on the political, strategic or coordination level (the partners of
    an inter-municipal cooperation, not implementation partners), and the model's
    ``meta.scope`` is ``regional`` or one end has ``scope`` ``regional``. Threshold: any
    such relation; one finding per relation.
    Severity by phase (``rules.phase``, DOMAIN.md §6b). Source: 4.1, S. 19 ff. – long-term regional
    cooperations benefit from contracts and agreements on decision paths, roles and
    resources, especially for consolidation (Fraunhofer IESE 2021)."""
    regional_model = ctx.meta.scope == "regional"
    for e in ctx.by_type["cooperates"]:
        if e.contract:
            continue
        a, b = ctx.nodes[e.source], ctx.nodes[e.target]
        if a.level not in REGIONAL_LEVELS or b.level not in REGIONAL_LEVELS:
            continue
        if not (regional_model or a.scope == "regional" or b.scope == "regional"):
            continue
        yield Hit(
            (e.source, e.id, e.target),
            Text(
                "Die regionale Kooperation zwischen {a} und {b} ist nicht vertraglich geregelt. "
                "Für langfristig angelegte regionale Kooperationen ist es förderlich, "
                "Entscheidungswege, Aufgaben, Rollen und einzubringende Ressourcen verbindlich "
                "zu vereinbaren – gerade für die Verstetigung. Schließen Sie eine Vereinbarung "
                "und markieren Sie die Beziehung als „Vertrag vorhanden“.",
                "The regional cooperation between {a} and {b} is not governed by an agreement. "
                "Long-term regional cooperations benefit from binding agreements on decision "
                "paths, tasks, roles and resources – especially for consolidation. Conclude an "
                "agreement and mark the relation as 'contract in place'.",
            ).format(a=ctx.name(e.source), b=ctx.name(e.target)),
        )


RULES = (regional_without_regional_coordination, regional_without_agreement)
