"""The guide's four understandings of the coordination level (DOMAIN.md §6, 6c; guide 4.2
Exkurs): :func:`understanding` classifies a model, ``coordination-understanding`` reports it."""

from __future__ import annotations

from collections.abc import Iterator

from orgdesigner.catalog import EXTERNAL_FORMS
from orgdesigner.model import Node, OrgModel
from orgdesigner.rules.context import Context
from orgdesigner.rules.engine import Hit, cite, rule
from orgdesigner.rules.text import Text

UNDERSTANDINGS: dict[str, tuple[int, str, str]] = {
    "organising": (1, "die organisierende Koordination", "organising coordination"),
    "extended": (2, "die erweiterte Koordination", "extended coordination"),
    "involved": (3, "die involvierte Koordination", "involved coordination"),
    "none": (4, "ohne Koordination", "without coordination"),
}
"""Key → (number of the Organisationsverständnis, the guide's German name, English)."""


def _core_team(ctx: Context) -> Text:
    """Describe the core team ("Kernteam mit 3 Personen") from ``persons``."""
    units = ctx.coordination_units
    roles = [n for n in units if n.form == "coordination_lead"]
    teams = [n for n in units if n.form != "coordination_lead"]
    if not teams:
        count: int | None = len(roles)
        partial = False
    else:
        known = [n.persons for n in teams if n.persons is not None]
        count = sum(known) if known else None
        partial = len(known) < len(teams)
    if count is None:
        return Text("Kernteam (Personenzahl nicht angegeben)", "core team (headcount not given)")
    team = Text(
        "Kernteam mit {at_least}{count} {people}", "core team of {at_least}{count} {people}"
    )
    one = count == 1 and not partial
    team = team.format(
        at_least=Text("mindestens ", "at least ") if partial else "",
        count=count,
        people=Text("Person", "person") if one else Text("Personen", "people"),
    )
    if count >= 5:
        team += Text(
            " (größer als das schlanke Modell mit weniger als fünf Personen)",
            " (larger than the lean model of fewer than five people)",
        )
    return team


def _classify(ctx: Context) -> tuple[str, Text]:
    """The key of :data:`UNDERSTANDINGS` and the reason (see :func:`understanding`)."""
    units = ctx.coordination_units
    if not units:
        if ctx.by_form["extended_circle"]:
            return "none", Text(
                "nur ein erweiterter Kreis, aber kein Kernteam auf der Koordinationsebene",
                "only an extended circle but no core team on the coordination level",
            )
        return "none", Text(
            "keine Einheit auf der Koordinationsebene", "no unit on the coordination level"
        )
    unit_ids = {n.id for n in units}
    leads: dict[str, Node] = {}
    for n in units:
        if n.lead.strip():
            leads.setdefault(ctx.person_key(n.lead), n)
    for node in ctx.by_level["implementation"]:
        if node.form in EXTERNAL_FORMS or not node.lead.strip():
            continue
        lead_unit = leads.get(ctx.person_key(node.lead))
        if lead_unit is not None:
            who = " ".join(lead_unit.lead.split())
            return "involved", Text(
                "{who} leitet {unit} und zugleich das Umsetzungsprojekt {project}",
                "{who} leads {unit} and also the implementation project {project}",
            ).format(
                who=Text(f"„{who}“", f'"{who}"'),
                unit=ctx.name(lead_unit.id),
                project=ctx.name(node.id),
            )
    for e in ctx.by_type["delegates"]:
        if e.source in unit_ids and ctx.nodes[e.target].level == "implementation":
            return "involved", Text(
                "{unit} entsendet Mitarbeitende in das Umsetzungsprojekt {project}",
                "{unit} sends staff into the implementation project {project}",
            ).format(unit=ctx.name(e.source), project=ctx.name(e.target))
    team = _core_team(ctx)
    circles = [n.id for n in ctx.by_form["extended_circle"]]
    pilots = [
        n.id
        for n in ctx.by_form["digital_pilots"]
        if any(other in unit_ids for other in ctx.neighbours(n.id))
    ]
    if circles or pilots:
        if circles:
            extension = Text("den erweiterten Kreis {names}", "the extended circle {names}")
        else:
            extension = Text(
                "angebundene Digitallotsinnen und -lotsen ({names})",
                "attached digital pilots ({names})",
            )
        return "extended", Text(
            "{team}, ergänzt um {extension}; keine Projektleitung in der Umsetzung",
            "{team}, complemented by {extension}; no project leadership in implementation",
        ).format(team=team, extension=extension.format(names=ctx.names(circles or pilots)))
    return "organising", Text(
        "{team}, kein erweiterter Kreis, keine Projektleitung in der Umsetzung",
        "{team}, no extended circle, no project leadership in implementation",
    ).format(team=team)


def understanding(model_or_ctx: OrgModel | Context) -> tuple[str, str, str]:
    """Classify the coordination level by the guide's four understandings (4.2 Exkurs).

    Returns ``(key, reason_de, reason_en)``; the first matching definition wins:

    * ``none`` (Organisationsverständnis 4, „ohne Koordination“) – no coordination unit,
      i.e. no node on the coordination level other than an extended circle.
    * ``involved`` (3, „die involvierte Koordination“) – coordination staff lead
      implementation projects: a coordination unit and an implementation unit (not an
      external provider or partner) have the same ``lead`` person, or a coordination unit
      ``delegates`` staff into an implementation unit. Merely coordinating implementation
      groups does not count: every coordination does that.
    * ``extended`` (2, „die erweiterte Koordination“) – the core team is complemented by an
      extended circle (any ``extended_circle`` node; the guide calls it often informal) or
      by ``digital_pilots`` related to a coordination unit.
    * ``organising`` (1, „die organisierende Koordination“) – otherwise: the lean core team
      (the guide: fewer than five people) without project leadership in implementation. A
      larger team still classifies here; the reason says it is larger than the lean model.

    The core team's size is the sum of ``persons`` over the coordination units except the
    ``coordination_lead`` role (a role node counts as one person only when it is the whole
    team).
    """
    ctx = model_or_ctx if isinstance(model_or_ctx, Context) else Context(model_or_ctx)
    key, reason = _classify(ctx)
    return key, reason.de, reason.en


ADVICE: dict[str, Text] = {
    "organising": Text(
        "Die Koordination konzentriert sich auf Steuerung, Netzwerk und Berichtswesen. Prüfen "
        "Sie, ob ein erweiterter Kreis oder Digitallotsinnen und -lotsen die Netzwerkarbeit in "
        "die Fachbereiche mittragen können – gerade ein kleines Team ist sonst schnell "
        "ausgelastet.",
        "Coordination concentrates on steering, networking and reporting. Check whether an "
        "extended circle or digital pilots could carry the networking into the departments – "
        "a small team in particular is otherwise quickly overloaded.",
    ),
    "extended": Text(
        "Binden Sie den erweiterten Kreis bzw. die Lotsinnen und Lotsen eng an das Kernteam an "
        "und klären Sie ihre Aufgaben – auch wenn sie informell mitarbeiten.",
        "Attach the extended circle or the pilots closely to the core team and clarify their "
        "tasks – even if they contribute informally.",
    ),
    "involved": Text(
        "Das sichert den Informationsfluss zwischen Koordination und Umsetzung, verlangt aber "
        "breite Fachlichkeit im Team und eine gute interne Abstimmung.",
        "This secures the flow of information between coordination and implementation but "
        "requires broad expertise in the team and good internal coordination.",
    ),
    "none": Text(
        "Ein Modell ohne Koordination funktioniert nur in der Frühphase; planen Sie den "
        "Schritt zu einer koordinierten Strategie- und Umsetzungsphase.",
        "A model without coordination only works in the early phase; plan the step towards a "
        "coordinated strategy and implementation phase.",
    ),
}
"""What the finding advises for each understanding."""


@rule("coordination-understanding", "info", cite("4.2", 22),
      Text("Organisationsverständnis der Koordination",
           "Understanding of the coordination"))  # fmt: skip
def coordination_understanding(ctx: Context) -> Iterator[Hit]:
    """Trigger: always exactly one finding naming which of the guide's four
    "Organisationsverständnisse" the coordination level matches – ``organising``,
    ``extended``, ``involved`` or ``none`` – and why. Threshold: the classification of
    :func:`understanding` (core team under five persons for ``organising``). Subjects: the
    coordination units (none for ``none``). Source: 4.2 Exkurs, p. 22."""
    key, reason = _classify(ctx)
    number, name_de, name_en = UNDERSTANDINGS[key]
    yield Hit(
        tuple(n.id for n in ctx.coordination_units),
        Text(
            "Die Koordinationsebene entspricht dem Organisationsverständnis {number} "
            "(„{name}“): {reason}. {advice}",
            "The coordination level matches understanding {number} ('{name}'): {reason}. {advice}",
        ).format(number=number, name=Text(name_de, name_en), reason=reason, advice=ADVICE[key]),
    )


RULES = (coordination_understanding,)
