"""Rules on the implementation level (DOMAIN.md §6; guide 4.3): line departments, project
groups, matrix teams, digital pilots, companies and external providers, and who leads them."""

from __future__ import annotations

from collections.abc import Iterator

from orgdesigner.catalog import botschaft, cite, sources
from orgdesigner.rules.context import Context
from orgdesigner.rules.engine import Hit, rule
from orgdesigner.rules.text import Text

GROUP_FORMS = frozenset({"project_group", "matrix_team", "digital_pilots", "extended_circle",
                         "operational_steering"})  # fmt: skip
"""Shared formats that integrate line departments (4.3, 4.1: operational steering round)."""

DEPARTMENT_LIKE = frozenset({"line_departments", "municipal_company", "member_municipality"})
"""Units that implement in their own line and can send pilots or staff (4.3; a member
municipality's administration does so for its own town in a regional programme)."""
DEPARTMENT_FORMS = ("line_departments", "member_municipality")
"""What ``departments-without-integration`` counts as a department (DOMAIN.md §2: a member
municipality counts like a line department)."""

PROJECT_GROUPS_MIN = 3
SPOF_UNITS = 3
SPOF_POPULATION = 10_000


@rule("departments-without-integration", "warning", cite("4.3", table=5),
      Text("Fachämter ohne Verzahnung", "Departments without integration"))  # fmt: skip
def departments_without_integration(ctx: Context) -> Iterator[Hit]:
    """Trigger: the model has two or more departments (``line_departments`` or
    ``member_municipality``, which counts like a department) and at least one of them is
    not integrated. Integrated means a relation of any type with a coordination-level node
    (coordination relation), or with a shared group (``project_group``, ``matrix_team``,
    ``digital_pilots``, ``extended_circle`` or the ``operational_steering`` round of
    department heads), or an ``informs``/``cooperates`` relation with another line
    department or member municipality (regular exchange). Threshold: ≥ 2 departments; one finding naming every
    department that is not integrated.
    Severity by phase (``rules.phase``, DOMAIN.md §6b). Source: 4.3, Tabelle 5, S. 30 ff. – implementation in
    the line risks little cross-departmental collaboration; departments are linked through
    a cross-departmental working group steered by the coordination and regular alignment
    rounds."""
    departments = [n for form in DEPARTMENT_FORMS for n in ctx.by_form[form]]
    if len(departments) < 2:
        return
    lonely: list[str] = []
    for node in departments:
        integrated = False
        for e in ctx.edges_at(node.id):
            other = ctx.nodes[e.target if e.source == node.id else e.source]
            if (
                other.level == "coordination"
                or other.form in GROUP_FORMS
                or (other.form in DEPARTMENT_FORMS and e.type in ("informs", "cooperates"))
            ):
                integrated = True
                break
        if not integrated:
            lonely.append(node.id)
    if not lonely:
        return
    if len(lonely) == 1:
        alone = Text("setzt Maßnahmen für sich allein um", "implements measures on its own")
        them = (
            Text("die Kommune", "the municipality")
            if ctx.nodes[lonely[0]].form == "member_municipality"
            else Text("das Amt", "the department")
        )
    else:
        alone = Text("setzen Maßnahmen jeweils für sich um", "implement measures each on their own")
        them = Text("sie", "them")
    yield Hit(
        tuple(lonely),
        Text(
            "{names} {alone}: Es gibt keine gemeinsame Arbeitsgruppe, keine Verbindung zur "
            "Koordination und keinen regelmäßigen Austausch mit anderen Fachämtern oder "
            "beteiligten Kommunen. So droht "
            "eine geringe fachbereichsübergreifende Zusammenarbeit. Binden Sie {them} an die "
            "Koordination an, bilden Sie eine ämterübergreifende Arbeitsgruppe oder richten "
            "Sie regelmäßige Abstimmungsrunden ein („Informiert / Austausch“).",
            "{names} {alone}: there is no shared working group, no link to the coordination "
            "and no regular exchange with other departments or participating municipalities. "
            "This risks little "
            "cross-departmental collaboration. Link {them} to the coordination, form a "
            "cross-departmental working group or set up regular alignment rounds "
            "('informs / exchange').",
        ).format(names=ctx.names(lonely), alone=alone, them=them),
    )


@rule("project-groups-uncoordinated", "warning", cite("4.3", table=7),
      Text("Projektgruppen ohne Koordination", "Project groups not coordinated"))  # fmt: skip
def project_groups_uncoordinated(ctx: Context) -> Iterator[Hit]:
    """Trigger: the model has three or more ``project_group`` nodes and some of them have no
    relation of any type with a coordination-level node. A group whose ``lead`` is the same
    person as the lead of a coordination unit counts as coordinated (involved
    coordination). Threshold: ≥ 3 project groups, ≥ 1 of them unconnected; one finding
    naming those. Source: 4.3, Tabelle 7, S. 30 ff. – independent project groups need much
    alignment; the coordination level brings the group leads together in regular
    "Projektleitungsrunden"."""
    groups = ctx.by_form["project_group"]
    if len(groups) < PROJECT_GROUPS_MIN:
        return
    coordination_leads = {ctx.person_key(n.lead) for n in ctx.coordination_units if n.lead.strip()}
    loose = [
        g.id
        for g in groups
        if not ctx.related_to_level(g.id, "coordination")
        and not (g.lead.strip() and ctx.person_key(g.lead) in coordination_leads)
    ]
    if not loose:
        return
    yield Hit(
        tuple(loose),
        Text(
            "Von {groups} Projektgruppen {is_} {names} nicht mit der Koordinationsebene "
            "verbunden. Unabhängig voneinander arbeitende Projektgruppen erfordern einen hohen "
            "Abstimmungsaufwand. Führen Sie die Gruppenleitungen in einer regelmäßigen "
            "Projektleitungsrunde der Koordination zusammen und zeichnen Sie „Koordiniert“ ein.",
            "Of {groups} project groups, {names} {is_} not connected with the coordination "
            "level. Project groups working independently of each other need much alignment. "
            "Bring the group leads together in a regular project-lead round of the "
            "coordination and draw 'coordinates'.",
        ).format(
            groups=len(groups),
            names=ctx.names(loose),
            is_=Text("ist", "is") if len(loose) == 1 else Text("sind", "are"),
        ),
    )


@rule("matrix-without-commitment", "warning", cite("4.3"),
      Text("Matrix ohne Rückhalt der Spitze", "Matrix without commitment from the top"))  # fmt: skip
def matrix_without_commitment(ctx: Context) -> Iterator[Hit]:
    """Trigger: a ``matrix_team`` has no direct relation of any type with a node on the
    strategic level (administration head, steering committee, operational steering, CDO).
    Threshold: zero such relations; a path through the coordination does not count,
    because a matrix is a lasting structure and should show whom at the top it answers to.
    Source: 4.3, S. 30 ff. – the matrix works with few conflicts where there is a strong and
    broadly anchored commitment to smart city across the municipality's organisations;
    this consensus is an important precondition."""
    for node in ctx.by_form["matrix_team"]:
        if ctx.related_to_level(node.id, "strategic"):
            continue
        yield Hit(
            (node.id,),
            Text(
                "{unit} ist mit keinem Gremium der strategischen Ebene verbunden. Eine "
                "Matrixorganisation arbeitet dort reibungsarm, wo es ein starkes und breit "
                "verankertes Bekenntnis zur Smart City innerhalb des Stadtkonzerns gibt. "
                "Verbinden Sie das Team mit dem Lenkungskreis oder "
                "der Verwaltungsspitze (z. B. „Berichtet an“), um diesen Rückhalt sichtbar zu "
                "machen.",
                "{unit} is not connected with any body on the strategic level. A matrix "
                "organisation works with little friction where there is a strong, broadly "
                "anchored commitment to smart city within the whole municipal group. "
                "Connect the team with the steering committee or the administration head (e.g. "
                "'reports to') to make this backing visible.",
            ).format(unit=ctx.name(node.id)),
        )


@rule("matrix-dual-authority", "hint", cite("4.3", table=6),
      Text("Matrix: Weisungsrechte unklar", "Matrix: authority unclear"))  # fmt: skip
def matrix_dual_authority(ctx: Context) -> Iterator[Hit]:
    """Trigger: a ``matrix_team`` receives staff (incoming ``delegates``) from units that
    keep personnel authority, and the model does not name both authorities. Threshold:
    fires when there is no incoming ``supervises`` (who keeps the personnel authority), or
    when there is neither an incoming ``instructs`` nor a ``lead`` of the team (who holds
    the authority on content; the guide places it in the smart-city team). Source: 4.3,
    Tabelle 6, S. 30 ff. – risk of conflicts between personnel and content authority."""
    for node in ctx.by_form["matrix_team"]:
        senders = [e.source for e in ctx.in_edges(node.id, "delegates")]
        if not senders:
            continue
        personnel = bool(ctx.in_edges(node.id, "supervises"))
        content = bool(ctx.in_edges(node.id, "instructs")) or bool(node.lead.strip())
        if personnel and content:
            continue
        missing = [
            text
            for ok, text in (
                (
                    personnel,
                    Text(
                        "wer die Dienst- und Personalaufsicht behält",
                        "who keeps the personnel authority",
                    ),
                ),
                (
                    content,
                    Text("wer fachlich weisungsbefugt ist", "who holds the authority on content"),
                ),
            )
            if not ok
        ]
        yield Hit(
            (node.id, *senders),
            Text(
                "In {team} arbeiten Mitarbeitende aus {senders} mit. In einer Matrix behält "
                "meist die entsendende Einheit die Personalweisung, während die fachliche "
                "Weisung im Team liegt; im Modell ist aber nicht eingezeichnet, {missing}. Ohne "
                "diese Klärung drohen Konflikte zwischen Personal- und Fachweisungsrecht. "
                "Zeichnen Sie „Dienst-/Personalaufsicht“ von der entsendenden Einheit und "
                "„Fachliche Weisung“ zum Team ein oder tragen Sie eine Teamleitung ein.",
                "Staff from {senders} work in {team}. In a matrix the sending unit usually "
                "keeps the personnel authority while the authority on content lies with the "
                "team; but the model does not show {missing}. Without this, conflicts between "
                "personnel and content authority are likely. Draw 'supervises' from the "
                "sending unit and 'instructs' to the team, or enter a team lead.",
            ).format(
                team=ctx.name(node.id),
                senders=ctx.names(senders),
                missing=Text(
                    " und ".join(t.de for t in missing), " and ".join(t.en for t in missing)
                ),
            ),
        )


@rule("pilots-missing-tie", "warning", sources(cite("4.3"), botschaft(4)),
      Text("Digitallotsen nicht doppelt angebunden", "Digital pilots not tied both ways"))  # fmt: skip
def pilots_missing_tie(ctx: Context) -> Iterator[Hit]:
    """Trigger: ``digital_pilots`` without a relation (any type) to the coordination level,
    or without a relation to at least one department or company (``line_departments``,
    ``municipal_company``, ``member_municipality`` – in a regional programme pilots are the
    core team's access to the member municipalities – or an implementation unit without a
    form). Threshold: one of the
    two ties missing. Source: 4.3 Exkurs, S. 30 ff., and Botschaft 4, S. 50 – pilots are
    "doppelte Botschafter" between their department or company and the smart-city
    structures."""
    for node in ctx.by_form["digital_pilots"]:
        others = [ctx.nodes[o] for o in ctx.neighbours(node.id)]
        coordination = any(o.level == "coordination" for o in others)
        department = any(
            o.form in DEPARTMENT_LIKE or (o.level == "implementation" and o.form is None)
            for o in others
        )
        if coordination and department:
            continue
        if not coordination and not department:
            gap = Text(
                "zur Koordinationsebene und zu den Fachämtern oder kommunalen Unternehmen",
                "to the coordination level and to the departments or municipal companies",
            )
        elif not coordination:
            gap = Text("zur Koordinationsebene", "to the coordination level")
        else:
            gap = Text(
                "zu einem Fachamt oder kommunalen Unternehmen",
                "to a department or municipal company",
            )
        yield Hit(
            (node.id,),
            Text(
                "Für {pilots} fehlt die Verbindung {gap}. Digitallotsinnen und -lotsen wirken "
                "als „doppelte Botschafter“: Sie tragen Wissen aus dem Smart-City-Vorhaben in "
                "ihre Fachbereiche und bringen Bedarfe, Ideen und Kritik zurück. Verbinden Sie "
                "sie sowohl mit der Koordination als auch mit mindestens einem Fachamt oder "
                "kommunalen Unternehmen.",
                "The link {gap} is missing for {pilots}. Digital pilots act as 'double "
                "ambassadors': they carry knowledge from the smart-city programme into their "
                "departments and bring needs, ideas and criticism back. Connect them both with "
                "the coordination and with at least one department or municipal company.",
            ).format(pilots=ctx.name(node.id), gap=gap),
        )


@rule("pilots-without-resources", "hint", sources(cite("4.3"), botschaft(4)),
      Text("Digitallotsen ohne Ressourcen", "Digital pilots without resources"))  # fmt: skip
def pilots_without_resources(ctx: Context) -> Iterator[Hit]:
    """Trigger: ``digital_pilots`` of ``pilot_type`` ``volunteer`` (volunteers without new
    post shares), or with ``fte`` exactly 0. Threshold: either condition; an unknown type
    and unknown ``fte`` stay quiet. Source: 4.3 Exkurs, S. 30 ff. – the role is hard to combine
    with daily work and needs supporting structures and resources; Botschaft 4, S. 50 –
    pilots need qualification and resources, for themselves and for their support."""
    for node in ctx.by_form["digital_pilots"]:
        volunteer = node.pilot_type == "volunteer"
        if not volunteer and node.fte != 0:
            continue
        if volunteer:
            what = Text(
                "Für {pilots} ist der Typ „Freiwillige ohne Stellenanteile“ eingetragen.",
                "The type 'volunteers without post shares' is entered for {pilots}.",
            )
        else:
            what = Text(
                "Für {pilots} sind 0 Vollzeitäquivalente eingetragen.",
                "0 full-time equivalents are entered for {pilots}.",
            )
        yield Hit(
            (node.id,),
            what.format(pilots=ctx.name(node.id))
            + Text(
                " Die Lotsenrolle ist neben dem Tagesgeschäft schwer zu leisten und braucht "
                "Zeit, Qualifizierung und Begleitung. Sehen Sie Stellenanteile, eine "
                "Weiterbildung und eine Betreuung durch die Koordination vor.",
                " The pilot role is hard to combine with daily work and needs time, "
                "qualification and support. Provide post shares, training and support from the "
                "coordination.",
            ),
        )


@rule("external-provider-coordinates", "warning", sources(botschaft(6), botschaft(9)),
      Text("Externer Dienstleister steuert", "External provider in charge"))  # fmt: skip
def external_provider_coordinates(ctx: Context) -> Iterator[Hit]:
    """Trigger: an ``external_provider`` coordinates or leads: it has outgoing
    ``coordinates``, ``instructs`` or ``supervises`` relations, or units of the
    administration ``report_to`` it. Threshold: any such relation; one finding per provider
    naming them.
    Severity by phase (``rules.phase``, DOMAIN.md §6b). Source: Botschaft 6, S. 54 – handing coordination to external providers
    is an obvious step at the start („naheliegend“), but plan it carefully and train own
    staff so the know-how stays in the municipality; Botschaft 9, S. 60 – if providers take
    over the central function temporarily, combine it with training own staff. The message
    asks for that plan; it does not assert that the know-how is lost."""
    for node in ctx.by_form["external_provider"]:
        edges = ctx.out_edges(node.id, "coordinates", "instructs", "supervises") + [
            e for e in ctx.in_edges(node.id, "reports_to") if ctx.in_administration(e.source)
        ]
        if not edges:
            continue
        others = list(dict.fromkeys(e.target if e.source == node.id else e.source for e in edges))
        yield Hit(
            (node.id, *(e.id for e in edges)),
            Text(
                "Der externe Dienstleister {provider} koordiniert oder leitet Einheiten des "
                "Vorhabens ({others}). Gerade zu Beginn liegt es nahe, Koordination an Externe "
                "zu übertragen. Planen Sie den Wissenstransfer: Legen Sie fest, welche Aufgaben "
                "wirklich extern erbracht werden müssen, und bilden Sie eigene Mitarbeitende "
                "weiter, die die Steuerung nach und nach übernehmen – so wird das Know-how "
                "langfristig in der Kommune verankert.",
                "The external provider {provider} coordinates or leads units of the programme "
                "({others}). Handing coordination to external providers is an obvious step at "
                "the start. Plan the transfer of knowledge: decide which tasks really have to "
                "be done externally, and train your own staff to take over the steering step "
                "by step – so the know-how is anchored in the municipality for the long term.",
            ).format(provider=ctx.name(node.id), others=ctx.names(others)),
        )


@rule("company-not-in-steering", "hint", cite("4.1"),
      Text("Kommunales Unternehmen nicht in der Steuerung", "Company not in steering"))  # fmt: skip
def company_not_in_steering(ctx: Context) -> Iterator[Hit]:
    """Trigger: a ``municipal_company`` has no direct relation of any type with a node on
    the strategic level (steering committee, administration head, operational steering).
    Threshold: zero such relations.
    Severity by phase (``rules.phase``, DOMAIN.md §6b). Source: 4.1, S. 19 ff. – municipalities that implement
    intensively with their companies involve the companies' management in the steering
    committee and so work as partners on an equal footing (Bochum, Mannheim)."""
    for node in ctx.by_form["municipal_company"]:
        if ctx.related_to_level(node.id, "strategic"):
            continue
        yield Hit(
            (node.id,),
            Text(
                "{company} setzt Maßnahmen um, ist aber mit keinem Gremium der strategischen "
                "Ebene verbunden. Städte wie Bochum oder Mannheim binden die Geschäftsführung "
                "ihrer kommunalen Unternehmen in den Lenkungskreis ein und arbeiten so auf "
                "Augenhöhe zusammen. Verbinden Sie das Unternehmen mit dem Lenkungskreis oder "
                "der Verwaltungsspitze.",
                "{company} implements measures but is not connected with any body on the "
                "strategic level. Cities such as Bochum or Mannheim involve the management of "
                "their municipal companies in the steering committee and so work together on "
                "an equal footing. Connect the company with the steering committee or the "
                "administration head.",
            ).format(company=ctx.name(node.id)),
        )


@rule("single-point-of-failure", "hint", sources(botschaft(9), cite("4.3")),
      Text("Zu viel hängt an einer Person", "Single point of failure"))  # fmt: skip
def single_point_of_failure(ctx: Context) -> Iterator[Hit]:
    """Trigger: the same person (same ``lead`` value, ignoring case and spaces) leads three
    or more units on the coordination and implementation levels, or leads units on both
    the coordination and the implementation level while ``meta.population`` ≥ 10,000.
    Threshold: ≥ 3 units, or both levels at ≥ 10,000 inhabitants (unknown population: only
    the first criterion). A ``coordination_lead`` node is a role, not a unit: it is not
    counted towards the three units (the role and the team it heads are one lead), but it
    places the person on the coordination level. Strategic, political and advisory bodies
    are not counted: the guide has the mayor chair the steering committee and the boards
    (4.1, Botschaft 8).
    Source: Botschaft 9, S. 60 – don't let the process hang on single persons; 4.3, S. 30 ff. –
    only in small municipalities do coordination and implementation concentrate in one
    person, towns above 10,000 inhabitants give implementation to the departments."""
    persons: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for node in ctx.nodes.values():
        if node.level not in ("coordination", "implementation") or not node.lead.strip():
            continue
        key = ctx.person_key(node.lead)
        persons.setdefault(key, []).append(node.id)
        names.setdefault(key, " ".join(node.lead.split()))
    population = ctx.meta.population
    for key, units in persons.items():
        coordination = [u for u in units if ctx.nodes[u].level == "coordination"]
        implementation = [u for u in units if ctx.nodes[u].level == "implementation"]
        both = bool(coordination and implementation) and (
            population is not None and population >= SPOF_POPULATION
        )
        counted = sum(1 for u in units if ctx.nodes[u].form != "coordination_lead")
        if counted < SPOF_UNITS and not both:
            continue
        who = Text(f"„{names[key]}“", f'"{names[key]}"')
        if both:
            what = Text(
                "{who} leitet sowohl die Koordination ({coordination}) als auch die Umsetzung "
                "({implementation}).",
                "{who} leads both the coordination ({coordination}) and the implementation "
                "({implementation}).",
            ).format(
                who=who,
                coordination=ctx.names(coordination),
                implementation=ctx.names(implementation),
            )
        else:
            what = Text(
                "{who} leitet {counted} Einheiten: {units}.",
                "{who} leads {counted} units: {units}.",
            ).format(who=who, counted=counted, units=ctx.names(units))
        yield Hit(
            tuple(units),
            what
            + Text(
                " Fällt diese Person aus, hängen Wissen und Netzwerke an ihr, und der Prozess "
                "gerät ins Stocken. Nur in kleinen Gemeinden bündeln sich Koordination und "
                "Umsetzung in einer Person; ab etwa 10.000 Einwohnern liegt die Umsetzung meist "
                "bei den Fachämtern. Verteilen Sie die Leitungen auf mehrere Personen oder "
                "benennen Sie Stellvertretungen.",
                " If this person drops out, knowledge and networks go with them and the "
                "process stalls. Only in small municipalities do coordination and "
                "implementation concentrate in one person; from about 10,000 inhabitants "
                "implementation usually lies with the departments. Spread the leads over "
                "several people or name deputies.",
            ),
        )


RULES = (
    departments_without_integration,
    project_groups_uncoordinated,
    matrix_without_commitment,
    matrix_dual_authority,
    pilots_missing_tie,
    pilots_without_resources,
    external_provider_coordinates,
    company_not_in_steering,
    single_point_of_failure,
)
