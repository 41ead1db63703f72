"""Rules on the coordination level (DOMAIN.md §6; guide 4.2): its lead, reporting line,
staffing, and the forms it takes (staff unit, office, outsourced entity)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from orgdesigner.catalog import botschaft, cite, sources
from orgdesigner.rules.context import Context
from orgdesigner.rules.engine import Hit, rule
from orgdesigner.rules.text import Text, number

CROSS_LINK_FORMS = frozenset({"project_group", "matrix_team", "extended_circle", "digital_pilots"})
"""Forms that break the line structure of a coordinating office (4.2)."""

UNDERSTAFFED_POPULATION = 15_000
UNDERSTAFFED_FTE = 1.0


@rule("no-coordination", "warning", cite("4.2"),
      Text("Keine Koordinationsebene", "No coordination level"))  # fmt: skip
def no_coordination(ctx: Context) -> Iterator[Hit]:
    """Trigger: the model has nodes but no coordination unit (a node on the coordination
    level other than an extended circle, which only complements a core team). Threshold:
    zero such units. Severity by phase (``rules.phase``): ``info`` when ``meta.phase`` is
    ``pilot``, the message then says why. Source: 4.2
    Exkurs, Organisationsverständnis 4 – without coordination a model works only in the
    early trial phase, S. 22 ff."""
    if not ctx.nodes or ctx.coordination_units:
        return
    yield Hit(
        (),
        Text(
            "Das Modell hat keine Koordinationseinheit. Ohne Koordination funktioniert ein "
            "Smart-City-Vorhaben nur in der frühen Erprobungsphase; für Strategie und Umsetzung "
            "braucht es eine zentrale Stelle, die den Gesamtprozess im Blick behält. Richten "
            "Sie eine Koordinationseinheit ein (z. B. Stabsstelle, Amt oder Digitalagentur) und "
            "benennen Sie ihre Leitung.",
            "The model has no coordination unit. Without coordination a smart-city programme "
            "works only in the early trial phase; strategy and implementation need a central "
            "unit that keeps the whole process in view. Set up a coordination unit (e.g. staff "
            "unit, office or digital agency) and name its lead.",
        ),
    )


@rule("no-coordination-lead", "warning", cite("4.2"),
      Text("Keine Leitung der Koordination", "No coordination lead"))  # fmt: skip
def no_coordination_lead(ctx: Context) -> Iterator[Hit]:
    """Trigger: there are coordination units, but none has the form
    ``coordination_lead`` and none has a named ``lead``. Threshold: zero lead roles and
    zero non-empty ``lead`` values on the coordination level. Source: 4.2, S. 22 ff. – the lead
    of the coordination level is the pivot of the programme; Benz (2023: 309) considers a
    post with lead responsibility indispensable."""
    units = [n.id for n in ctx.coordination_units]
    if not units or ctx.by_form["coordination_lead"]:
        return
    if any(n.lead.strip() for n in ctx.coordination_units):
        return
    yield Hit(
        tuple(units),
        Text(
            "Für die Koordinationsebene ({names}) ist keine Leitung benannt. Die Leitung der "
            "Koordination ist der Angelpunkt des Vorhabens: Sie verantwortet Strategie, "
            "Netzwerk, Maßnahmen und Berichte. Ergänzen Sie die Rolle „Leitung der "
            "Koordination“ oder tragen Sie bei der Koordinationseinheit eine Leitung ein.",
            "No lead is named for the coordination level ({names}). The coordination lead is "
            "the pivot of the programme: responsible for strategy, network, measures and "
            "reporting. Add the role 'coordination lead' or enter a lead for the coordination "
            "unit.",
        ).format(names=ctx.names(units)),
    )


@rule("coordination-lead-no-deputy", "hint", botschaft(9),
      Text("Koordinationsleitung ohne Stellvertretung",
           "Coordination lead without deputy"))  # fmt: skip
def coordination_lead_no_deputy(ctx: Context) -> Iterator[Hit]:
    """Trigger: the coordination lead has no deputy. The coordination lead is every node of
    the form ``coordination_lead``; without such a role, every coordination unit with a
    named ``lead``. Threshold: its ``deputy`` is empty and no other coordination-level node
    led by the same person (same ``lead``, ignoring case and spaces) names a deputy.
    Source: Botschaft 9, S. 60 – knowledge and network access must not hang on one person;
    share them, e.g. through a (temporary) dual lead."""
    coordination = ctx.by_level["coordination"]
    roles = ctx.by_form["coordination_lead"]
    leads = roles or [n for n in ctx.coordination_units if n.lead.strip()]
    covered = {ctx.person_key(n.lead) for n in coordination if n.lead.strip() and n.deputy.strip()}
    for node in leads:
        if node.deputy.strip() or (node.lead.strip() and ctx.person_key(node.lead) in covered):
            continue
        who = f" ({node.lead.strip()})" if node.lead.strip() else ""
        yield Hit(
            (node.id,),
            Text(
                "Für die Koordinationsleitung {lead}{who} ist keine Stellvertretung "
                "eingetragen. Fällt diese Person aus – etwa durch Jobwechsel, Krankheit oder "
                "Ruhestand –, gerät der Prozess ins Stocken. Benennen Sie eine Stellvertretung "
                "oder eine (temporäre) Doppelspitze und teilen Sie Wissen und "
                "Netzwerkzugänge.",
                "No deputy is entered for the coordination lead {lead}{who}. If this person "
                "drops out – through a job change, illness or retirement – the process stalls. "
                "Name a deputy or a (temporary) dual lead and share knowledge and network "
                "access.",
            ).format(lead=ctx.name(node.id), who=who),
        )


@rule("coordination-not-reporting", "warning", sources(cite("3"), cite("4.1")),
      Text("Koordination ohne Berichtsweg", "Coordination without reporting line"))  # fmt: skip
def coordination_not_reporting(ctx: Context) -> Iterator[Hit]:
    """Trigger: a coordination unit (not the informal extended circle) has no ``reports_to``
    path, over any number of steps, to a node on the strategic or political level.
    Threshold: no such path from the unit itself nor from a coordination-level node it is
    directly related to (one team reports once, e.g. the lead role for its staff unit, or
    the staff unit for the agency it is linked with). Computed with one reverse
    breadth-first search from all top nodes. Source: chapter 3 (S. 13 ff.) – reporting to the
    political-strategic level is a task of the coordination level; 4.1 (S. 19 ff.) – the
    strategic bodies are control bodies that receive regular reports."""
    reporting = ctx.reporting_to_top
    for node in ctx.coordination_units:
        if node.id in reporting:
            continue
        if any(
            other in reporting and ctx.nodes[other].level == "coordination"
            for other in ctx.neighbours(node.id)
        ):
            continue
        yield Hit(
            (node.id,),
            Text(
                "{unit} berichtet weder direkt noch über andere Einheiten an die strategische "
                "oder politische Ebene. Die Koordination braucht einen regelmäßigen Berichtsweg "
                "zu den steuernden Gremien, die den Prozess kontrollieren. Zeichnen Sie eine "
                "Beziehung „Berichtet an“ zur Verwaltungsspitze oder zum Lenkungskreis ein.",
                "{unit} reports neither directly nor through other units to the strategic or "
                "political level. The coordination needs a regular reporting line to the "
                "steering bodies that control the process. Draw a 'reports to' relation to the "
                "administration head or the steering committee.",
            ).format(unit=ctx.name(node.id)),
        )


@rule("coordination-understaffed", "warning", cite("4.2"),
      Text("Koordination unterbesetzt", "Coordination understaffed"))  # fmt: skip
def coordination_understaffed(ctx: Context) -> Iterator[Hit]:
    """Trigger: ``meta.population`` ≥ 15,000 and the coordination units together (lead
    role included, extended circle excluded) have fewer than 1 full-time equivalent.
    Threshold: total ``fte`` < 1.0; a missing ``fte`` counts as 0 and the message asks for
    it; unknown population → quiet. The sum is compared because the guide's figure is
    for the coordinating role, and if the whole level stays below it, the role does too.
    Source: 4.2, S. 22 ff. – single statements see the need for the coordinating role at one
    full-time equivalent already from 15,000 inhabitants (Benz 2023: 266)."""
    population = ctx.meta.population
    units = ctx.coordination_units
    if population is None or population < UNDERSTAFFED_POPULATION or not units:
        return
    total = sum(n.fte or 0.0 for n in units)
    if total >= UNDERSTAFFED_FTE:
        return
    message = Text(
        "Die Koordinationsebene hat zusammen nur {total} Vollzeitäquivalente – bei "
        "{population} Einwohnerinnen und Einwohnern. In einzelnen Stellungnahmen wird der "
        "Bedarf für die koordinierende Rolle schon ab 15.000 Einwohnern bei einem "
        "Vollzeitäquivalent gesehen; hier erreicht die Koordination zusammen nicht einmal "
        "diesen Umfang. Stocken Sie die Stellenanteile der Koordination auf.",
        "The coordination level has only {total} full-time equivalents in total – for "
        "{population} inhabitants. Single statements already see the need for the "
        "coordinating role at one full-time equivalent from 15,000 inhabitants; here the "
        "whole coordination together does not reach that. Increase the coordination's staff "
        "capacity.",
    ).format(total=number(total), population=number(population))
    missing = [n.id for n in units if n.fte is None]
    if missing:
        message += Text(
            " Für {names} ist kein Wert eingetragen; er zählt als 0 – tragen Sie die "
            "Vollzeitäquivalente ein.",
            " No value is entered for {names}; it counts as 0 – enter the full-time equivalents.",
        ).format(names=ctx.names(missing))
    yield Hit(tuple(n.id for n in units), message)


@rule("staff-unit-instructs", "warning", cite("4.2", table=2),
      Text("Stabsstelle erteilt Weisungen", "Staff unit gives instructions"))  # fmt: skip
def staff_unit_instructs(ctx: Context) -> Iterator[Hit]:
    """Trigger: a ``staff_unit`` has one or more outgoing ``instructs`` relations.
    Threshold: any such relation; one finding per staff unit naming all of them. Source:
    4.2, Tabelle 2, S. 22 ff. – staff units report to the head only and have no authority to
    instruct other units; they work by cooperation and persuasion."""
    for node in ctx.by_form["staff_unit"]:
        edges = ctx.out_edges(node.id, "instructs")
        if not edges:
            continue
        yield Hit(
            (node.id, *(e.id for e in edges)),
            Text(
                "{unit} erteilt fachliche Weisungen an {targets}. Stabsstellen haben gegenüber "
                "anderen Stellen keine Weisungsrechte; sie arbeiten kooperativ und setzen auf "
                "Überzeugung. Ändern Sie die Beziehung in „Koordiniert“ oder lassen Sie die "
                "Weisung von der Verwaltungsspitze ausgehen.",
                "{unit} instructs {targets}. Staff units have no authority to instruct other "
                "units; they work cooperatively and by persuasion. Change the relation to "
                "'coordinates' or let the instruction come from the administration head.",
            ).format(unit=ctx.name(node.id), targets=ctx.names([e.target for e in edges])),
        )


def _tied_to_strategic(ctx: Context, node_id: str) -> bool:
    """A relation with a strategic-level node, from the unit or from its lead role."""
    return any(ctx.related_to_level(n, "strategic") for n in ctx.with_lead_role(node_id))


@rule("staff-unit-not-at-top", "hint", cite("4.2"),
      Text("Stabsstelle nicht bei der Spitze", "Staff unit not at the top"))  # fmt: skip
def staff_unit_not_at_top(ctx: Context) -> Iterator[Hit]:
    """Trigger: a ``staff_unit`` has no relation of any type with the administration head
    or another node on the strategic level. Threshold: no such relation from the staff
    unit itself nor from a ``coordination_lead`` role related to it (the lead may be drawn
    as the one who reports). Source: 4.2, S. 22 ff. – staff units for smart city are usually
    placed directly with the mayor or district administrator, which makes smart city a
    "Chefsache"; placing them at a Dezernat also works."""
    for node in ctx.by_form["staff_unit"]:
        if _tied_to_strategic(ctx, node.id):
            continue
        yield Hit(
            (node.id,),
            Text(
                "{unit} hat keine Verbindung zur Verwaltungsspitze oder zu einem strategischen "
                "Gremium. Smart-City-Stabsstellen werden häufig direkt bei der "
                "(Ober-)Bürgermeisterin, dem (Ober-)Bürgermeister oder der Landrätin, dem "
                "Landrat angesiedelt – das macht das Thema zur „Chefsache“. Zeichnen Sie ein, "
                "wem die Stabsstelle zugeordnet ist, z. B. „Berichtet an“ die "
                "Verwaltungsspitze.",
                "{unit} has no relation to the administration head or a strategic body. "
                "Smart-city staff units are often placed directly with the mayor or district "
                "administrator – that makes the topic a matter for the top. Draw where the "
                "staff unit belongs, e.g. 'reports to' the administration head.",
            ).format(unit=ctx.name(node.id)),
        )


@rule("office-without-backing", "warning", cite("4.2", table=3),
      Text("Amt ohne Rückendeckung der Spitze", "Office without backing from the top"))  # fmt: skip
def office_without_backing(ctx: Context) -> Iterator[Hit]:
    """Trigger: an ``office`` (coordination in the line) has no relation of any type with
    the administration head or another node on the strategic level. Threshold: no such
    relation from the office itself nor from a ``coordination_lead`` role related to it.
    Source: 4.2, S. 22 ff. (Tabelle 3) – when the coordination sits in an office, backing from
    the administration head is especially important, because its strategic assertiveness
    is limited."""
    for node in ctx.by_form["office"]:
        if _tied_to_strategic(ctx, node.id):
            continue
        yield Hit(
            (node.id,),
            Text(
                "{unit} koordiniert das Vorhaben aus der Linie heraus, hat aber keine "
                "Verbindung zur Verwaltungsspitze oder zu einem strategischen Gremium. Gerade "
                "bei einem Amt ist die Rückendeckung der Verwaltungsspitze besonders wichtig, "
                "weil seine strategische Durchsetzungsfähigkeit begrenzt ist. Verbinden Sie das "
                "Amt mit der Verwaltungsspitze oder dem Lenkungskreis, z. B. über „Berichtet "
                "an“.",
                "{unit} coordinates the programme from within the line structure but has no "
                "relation to the administration head or a strategic body. For an office, "
                "backing from the administration head is especially important because its "
                "strategic assertiveness is limited. Connect the office with the "
                "administration head or the steering committee, e.g. via 'reports to'.",
            ).format(unit=ctx.name(node.id)),
        )


@rule("office-without-cross-links", "hint", cite("4.2"),
      Text("Amt ohne ämterübergreifende Verbindungen", "Office without cross-links"))  # fmt: skip
def office_without_cross_links(ctx: Context) -> Iterator[Hit]:
    """Trigger: an ``office`` has no relation with a node that breaks the line structure:
    a ``project_group``, ``matrix_team``, ``extended_circle`` or ``digital_pilots``.
    Threshold: no such relation from the office itself nor from its ``coordination_lead``
    role. Source: 4.2, S. 22 ff. – coordinating offices use cross-departmental working groups,
    informal networks or digital pilots as direct connectors to break the line structure
    (Tabelle 3: long procedures, little flexibility)."""
    for node in ctx.by_form["office"]:
        if any(
            ctx.nodes[other].form in CROSS_LINK_FORMS
            for member in ctx.with_lead_role(node.id)
            for other in ctx.neighbours(member)
        ):
            continue
        yield Hit(
            (node.id,),
            Text(
                "{unit} koordiniert ohne ämterübergreifende Arbeitsgruppe, erweiterten Kreis "
                "oder Digitallotsinnen und -lotsen. Lange Verfahrenswege in der Linie sind der "
                "größte Nachteil eines koordinierenden Amtes. Verbinden Sie das Amt mit einer "
                "Projekt- oder Arbeitsgruppe, einem erweiterten Kreis oder mit "
                "Digitallotsinnen und -lotsen als direkten Verbindungen in die anderen Ämter.",
                "{unit} coordinates without a cross-departmental working group, extended circle "
                "or digital pilots. Long procedures along the line are the main drawback of a "
                "coordinating office. Connect the office with a project or working group, an "
                "extended circle or digital pilots as direct links into the other "
                "departments.",
            ).format(unit=ctx.name(node.id)),
        )


@rule("outsourced-no-mirror", "warning", sources(cite("4.2", table=4), botschaft(10)),
      Text("Ausgelagerte Einheit ohne Spiegelstruktur", "Outsourced unit without mirror"))  # fmt: skip
def outsourced_no_mirror(ctx: Context) -> Iterator[Hit]:
    """Trigger: an ``outsourced_entity``, or a ``municipal_company`` with at least one
    outgoing ``coordinates`` relation, has no ``liaison`` relation (either direction) with
    a unit inside the administration (strategic, coordination or implementation level, not
    an outsourced entity, company or external). Threshold: zero such liaisons. Source: 4.2,
    Tabelle 4, S. 22 ff. – an outsourced coordination lacks formal access to the
    administration and needs a "Spiegelstruktur"; Botschaft 10, S. 62 – give it a
    structural access to the administration."""
    candidates = list(ctx.by_form["outsourced_entity"]) + [
        n for n in ctx.by_form["municipal_company"] if ctx.out_edges(n.id, "coordinates")
    ]
    for node in candidates:
        if any(
            ctx.in_administration(e.target if e.source == node.id else e.source)
            for e in ctx.edges_at(node.id, "liaison")
        ):
            continue
        if node.form == "municipal_company":
            stands = Text("koordiniert Einheiten, steht aber", "coordinates units but is")
        else:
            stands = Text("steht", "is")
        yield Hit(
            (node.id,),
            Text(
                "{unit} {stands} außerhalb der Verwaltung und hat keine Spiegelstruktur in ihr. "
                "Einer ausgelagerten Einheit fehlen die formalen Zugänge zur Verwaltung; damit "
                "Planungen abgestimmt werden, braucht sie einen strukturellen Zugang. Zeichnen "
                "Sie eine Beziehung „Spiegelstruktur / Verbindungsstelle“ zu einer Stabsstelle "
                "oder einem Amt ein.",
                "{unit} {stands} outside the administration and has no mirror structure in it. "
                "An outsourced unit lacks formal access to the administration; to align plans "
                "it needs a structural access. Draw a 'liaison' relation to a staff unit or an "
                "office.",
            ).format(unit=ctx.name(node.id), stands=stands),
        )


@rule("outsourced-instructs-admin", "warning", cite("4.2", table=4),
      Text("Ausgelagerte Einheit weist Verwaltung an",
           "Outsourced unit instructs administration"))  # fmt: skip
def outsourced_instructs_admin(ctx: Context) -> Iterator[Hit]:
    """Trigger: an ``instructs`` relation from an ``outsourced_entity`` or a
    ``municipal_company`` to a unit inside the administration (strategic, coordination or
    implementation level, not itself outsourced or external). Threshold: any such relation;
    one finding per relation. Source: for an outsourced entity 4.2, Tabelle 4, S. 22 ff.
    (not part of the administration, so no formal access to it); for a municipal company
    4.3, Tabelle 8, S. 30 ff. (a company outside the administration, which the
    administration commissions). Neither has authority to instruct the administration."""
    for e in ctx.by_type["instructs"]:
        form = ctx.nodes[e.source].form
        if form not in ("outsourced_entity", "municipal_company"):
            continue
        if not ctx.in_administration(e.target):
            continue
        company = form == "municipal_company"
        what = (
            Text("Ein kommunales Unternehmen", "A municipal company")
            if company
            else Text("Eine ausgelagerte Rechtsform", "An outsourced legal form")
        )
        yield Hit(
            (e.source, e.id, e.target),
            Text(
                "{source} erteilt fachliche Weisungen an {target}. {what} ist nicht Teil der "
                "Verwaltung und hat ihr gegenüber keine Weisungsrechte. Ändern Sie die "
                "Beziehung in „Koordiniert“ oder „Kooperation“; Weisungen innerhalb der "
                "Verwaltung gehen von der Verwaltungsspitze aus.",
                "{source} instructs {target}. {what} is not part of the administration and "
                "has no authority to instruct it. Change the relation to 'coordinates' or "
                "'cooperates'; instructions within the administration come from the "
                "administration head.",
            ).format(source=ctx.name(e.source), target=ctx.name(e.target), what=what),
            citation=sources(cite("4.3", table=8)) if company else None,
        )


CDO_NAME = re.compile(r"\bCDO\b|\bchief\s+digital\s+officer\b", re.IGNORECASE)
"""How a unit is named „Chief Digital Officer“: the full title or the abbreviation as a
word (so „CDO-Büro“ matches, „Kreisbüro“ does not)."""


@rule("cdo-on-coordination-level", "hint", cite("4.2"),
      Text("CDO auf der Koordinationsebene", "CDO on the coordination level"))  # fmt: skip
def cdo_on_coordination_level(ctx: Context) -> Iterator[Hit]:
    """Trigger: a node on the coordination level whose label or ``lead`` names a „Chief
    Digital Officer“ or „CDO“ (:data:`CDO_NAME`). Threshold: any such node; one finding per
    node. A CDO on the strategic level (form ``cdo``) is what the guide describes and stays
    quiet. Source: 4.2, S. 22 ff. – the term CDO is often confusing; in the KGSt role model
    the CDO answers for digitalisation as a whole and belongs on the Dezernat level, i.e.
    the strategic level; the coordination of a smart-city programme should rather be called
    project lead or project management."""
    for node in ctx.by_level["coordination"]:
        if CDO_NAME.search(node.label):
            named = Text(
                "heißt aber „Chief Digital Officer“", "but is called 'Chief Digital Officer'"
            )
        elif node.lead and CDO_NAME.search(node.lead):
            named = Text(
                "aber ihre Leitung heißt „Chief Digital Officer“",
                "but its lead is called 'Chief Digital Officer'",
            )
        else:
            continue
        yield Hit(
            (node.id,),
            Text(
                "{unit} steht auf der Koordinationsebene, {named}. Nach dem Rollenmodell der "
                "KGSt verantwortet eine CDO oder ein CDO die Digitalisierung als Ganzes und "
                "gehört auf die Dezernatsebene, also die strategische Ebene; der Begriff "
                "stiftet sonst häufig Verwirrung. Nennen Sie die Rolle Projektleitung oder "
                "Projektmanagement Smart City – oder setzen Sie eine CDO-Einheit auf die "
                "strategische Ebene, wenn es diese Rolle gibt.",
                "{unit} is on the coordination level, {named}. In the KGSt role model a CDO "
                "answers for digitalisation as a whole and belongs on the Dezernat level, i.e. "
                "the strategic level; otherwise the term often causes confusion. Call the role "
                "smart-city project lead or project management – or place a CDO unit on the "
                "strategic level if that role exists.",
            ).format(unit=ctx.name(node.id), named=named),
        )


RULES = (
    no_coordination,
    no_coordination_lead,
    coordination_lead_no_deputy,
    coordination_not_reporting,
    coordination_understaffed,
    staff_unit_instructs,
    staff_unit_not_at_top,
    office_without_backing,
    office_without_cross_links,
    outsourced_no_mirror,
    outsourced_instructs_admin,
    cdo_on_coordination_level,
)
