"""The guide's four understandings of the coordination level (DOMAIN.md §6, 6c; guide 4.2
Exkurs): :func:`understanding` classifies a model, ``coordination-understanding`` reports it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from orgdesigner.catalog import EXTERNAL_FORMS, cite, sources
from orgdesigner.model import Node, OrgModel
from orgdesigner.rules.context import Context
from orgdesigner.rules.engine import Finding, Hit, rule
from orgdesigner.rules.text import Text

UNDERSTANDINGS: dict[str, tuple[int, str, str]] = {
    "organising": (1, "die organisierende Koordination", "organising coordination"),
    "extended": (2, "die erweiterte Koordination", "extended coordination"),
    "involved": (3, "die involvierte Koordination", "involved coordination"),
    "none": (4, "ohne Koordination", "without coordination"),
}
"""Key → (number of the Organisationsverständnis, the guide's German name, English)."""


LEAN_TEAM = 5
"""The organising coordination is a small team of fewer than this many persons (4.2 Exkurs)."""

LEADING = ("delegates", "supervises")
"""Relations by which a coordination unit runs an implementation unit itself: it sends the
staff or holds the personnel lead (4.2 Exkurs, Organisationsverständnis 3; 4.3)."""


def _head_count(ctx: Context) -> tuple[int | None, bool]:
    """The core team's size and whether it is partial (some units give no ``persons``):
    the sum of ``persons`` over the coordination units except the ``coordination_lead``
    role, which counts as one person only when it is the whole team; ``None`` if unknown."""
    units = ctx.coordination_units
    roles = [n for n in units if n.form == "coordination_lead"]
    teams = [n for n in units if n.form != "coordination_lead"]
    if not teams:
        return len(roles), False
    known = [n.persons for n in teams if n.persons is not None]
    return (sum(known) if known else None), len(known) < len(teams)


def _core_team(count: int | None, partial: bool) -> Text:
    """Describe the core team ("Kernteam mit 3 Personen")."""
    if count is None:
        return Text("Kernteam (Personenzahl nicht angegeben)", "core team (headcount not given)")
    team = Text(
        "Kernteam mit {at_least}{count} {people}", "core team of {at_least}{count} {people}"
    )
    one = count == 1 and not partial
    return team.format(
        at_least=Text("mindestens ", "at least ") if partial else "",
        count=count,
        people=Text("Person", "person") if one else Text("Personen", "people"),
    )


def _names_unit(lead: str, unit: Node, ctx: Context) -> bool:
    """True if ``lead`` (an implementation unit's lead) names ``unit`` itself: its label or
    the label's first words („Digitalagentur“ for „Digitalagentur GmbH“)."""
    key, label = ctx.person_key(lead), ctx.person_key(unit.label)
    return bool(key) and (label == key or label.startswith(key + " "))


def _involvement(ctx: Context) -> Text | None:
    """Why a coordination unit also runs implementation work, or ``None`` (see
    :func:`understanding`)."""
    units = ctx.coordination_units
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
            return Text(
                "{who} leitet {unit} und zugleich das Umsetzungsprojekt {project}",
                "{who} leads {unit} and also the implementation project {project}",
            ).format(
                who=Text(f"„{who}“", f'"{who}"'),
                unit=ctx.name(lead_unit.id),
                project=ctx.name(node.id),
            )
        for unit in units:
            if _names_unit(node.lead, unit, ctx):
                return Text(
                    "{unit} leitet selbst das Umsetzungsprojekt {project}",
                    "{unit} itself leads the implementation project {project}",
                ).format(unit=ctx.name(unit.id), project=ctx.name(node.id))
    for kind in LEADING:
        for e in ctx.by_type[kind]:
            if e.source in unit_ids and ctx.nodes[e.target].level == "implementation":
                text = (
                    Text(
                        "{unit} entsendet Mitarbeitende in das Umsetzungsprojekt {project}",
                        "{unit} sends staff into the implementation project {project}",
                    )
                    if kind == "delegates"
                    else Text(
                        "{unit} führt das Umsetzungsprojekt {project} personell",
                        "{unit} holds the personnel lead of the implementation project {project}",
                    )
                )
                return text.format(unit=ctx.name(e.source), project=ctx.name(e.target))
    for company in ctx.by_form["municipal_company"]:
        steered = [
            e.target
            for e in ctx.out_edges(company.id, "coordinates")
            if ctx.nodes[e.target].level == "implementation"
        ]
        if steered:
            return Text(
                "das umsetzende Unternehmen {company} koordiniert zugleich {names}",
                "the implementing company {company} also coordinates {names}",
            ).format(company=ctx.name(company.id), names=ctx.names(steered))
    return None


def _classify(ctx: Context) -> tuple[str, Text, int | None]:
    """The key of :data:`UNDERSTANDINGS`, the reason and the core team's known headcount
    (see :func:`understanding`)."""
    units = ctx.coordination_units
    if not units:
        if ctx.by_form["extended_circle"]:
            return (
                "none",
                Text(
                    "nur ein erweiterter Kreis, aber kein Kernteam auf der Koordinationsebene",
                    "only an extended circle but no core team on the coordination level",
                ),
                None,
            )
        return (
            "none",
            Text("keine Einheit auf der Koordinationsebene", "no unit on the coordination level"),
            None,
        )
    count, partial = _head_count(ctx)
    involved = _involvement(ctx)
    if involved is not None:
        return "involved", involved, count
    unit_ids = {n.id for n in units}
    team = _core_team(count, partial)
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
        return (
            "extended",
            Text(
                "{team}, ergänzt um {extension}; keine Projektleitung in der Umsetzung",
                "{team}, complemented by {extension}; no project leadership in implementation",
            ).format(team=team, extension=extension.format(names=ctx.names(circles or pilots))),
            count,
        )
    if count is not None and count >= LEAN_TEAM:
        return (
            "extended",
            Text(
                "{team}, mehr als das schlanke Modell der organisierenden Koordination mit weniger "
                "als fünf Personen; keine Projektleitung in der Umsetzung",
                "{team}, more than the lean model of organising coordination with fewer than five "
                "people; no project leadership in implementation",
            ).format(team=team),
            count,
        )
    return (
        "organising",
        Text(
            "{team}, kein erweiterter Kreis, keine Projektleitung in der Umsetzung",
            "{team}, no extended circle, no project leadership in implementation",
        ).format(team=team),
        count,
    )


def understanding(model_or_ctx: OrgModel | Context) -> tuple[str, str, str]:
    """Classify the coordination level by the guide's four understandings (4.2 Exkurs;
    DOMAIN.md §6c).

    Returns ``(key, reason_de, reason_en)``; the first matching definition wins:

    * ``none`` (Organisationsverständnis 4, „ohne Koordination“) – no coordination unit,
      i.e. no node on the coordination level other than an extended circle.
    * ``involved`` (3, „die involvierte Koordination“) – a coordination unit also runs
      implementation work: a coordination unit and an implementation unit (not an external
      provider or partner) have the same ``lead`` person; an implementation unit's ``lead``
      names a coordination unit itself (its label or the label's first words, e.g. a
      Digitalagentur leading the project teams); a coordination unit ``delegates`` staff
      into or ``supervises`` an implementation unit; or an implementing
      ``municipal_company`` ``coordinates`` implementation units. Merely coordinating
      implementation groups does not count: every coordination does that.
    * ``extended`` (2, „die erweiterte Koordination“) – the core team is complemented by an
      extended circle (any ``extended_circle`` node; the guide calls it often informal) or
      by ``digital_pilots`` related to a coordination unit; or the core team has five or
      more persons, beyond the lean organising model.
    * ``organising`` (1, „die organisierende Koordination“) – otherwise: a core team of
      fewer than five persons (or of unknown size, which the reason says) without project
      leadership in implementation.

    The core team's size is the sum of ``persons`` over the coordination units except the
    ``coordination_lead`` role (a role node counts as one person only when it is the whole
    team).
    """
    ctx = model_or_ctx if isinstance(model_or_ctx, Context) else Context(model_or_ctx)
    key, reason, _count = _classify(ctx)
    return key, reason.de, reason.en


def of_findings(findings: Iterable[Finding]) -> tuple[str, str, str]:
    """``(key, reason_de, reason_en)`` as the ``coordination-understanding`` finding among
    ``findings`` reports it (the rule's one result, read e.g. by the panel's chip);
    ``("", "", "")`` when the rule did not run."""
    for f in findings:
        if f.rule_id == "coordination-understanding":
            details = dict(f.details)
            return (
                str(details["understanding"]),
                str(details["reason_de"]),
                str(details["reason_en"]),
            )
    return "", "", ""


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


@rule("coordination-understanding", "info", sources(cite("4.2"), cite("4.3")),
      Text("Organisationsverständnis der Koordination",
           "Understanding of the coordination"))  # fmt: skip
def coordination_understanding(ctx: Context) -> Iterator[Hit]:
    """Trigger: always exactly one finding naming which of the guide's four
    "Organisationsverständnisse" the coordination level matches – ``organising``,
    ``extended``, ``involved`` or ``none`` – and why. Threshold: the classification of
    :func:`understanding` (core team under five persons for ``organising``; a unit that
    also runs implementation work is ``involved``). Subjects: the coordination units (none
    for ``none``). Details (JSON): ``understanding`` (the key), ``core_team_persons`` (the
    known headcount, ``null`` if not given), ``reason_de``/``reason_en`` (why). Source: 4.2
    Exkurs, S. 22 ff. (the four understandings, the small team of fewer than five persons);
    4.3, S. 30 ff. (coordination staff that also lead implementation work)."""
    key, reason, count = _classify(ctx)
    number, name_de, name_en = UNDERSTANDINGS[key]
    yield Hit(
        tuple(n.id for n in ctx.coordination_units),
        Text(
            "Die Koordinationsebene entspricht dem Organisationsverständnis {number} "
            "(„{name}“): {reason}. {advice}",
            "The coordination level matches understanding {number} ('{name}'): {reason}. {advice}",
        ).format(number=number, name=Text(name_de, name_en), reason=reason, advice=ADVICE[key]),
        details=(
            ("understanding", key),
            ("core_team_persons", count),
            ("reason_de", reason.de),
            ("reason_en", reason.en),
        ),
    )


RULES = (coordination_understanding,)
