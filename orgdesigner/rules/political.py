"""Rules on the political and strategic level (DOMAIN.md §6; guide 2.1, 3, 4.1): the council,
its mandate and the steering bodies."""

from __future__ import annotations

from collections.abc import Iterator

from orgdesigner.catalog import botschaft, cite, sources
from orgdesigner.rules.context import Context
from orgdesigner.rules.engine import Hit, rule
from orgdesigner.rules.text import Text

STRATEGIC_BODIES = frozenset({"steering_committee", "operational_steering"})
POLITICAL_BODIES = frozenset({"council", "committee"})
"""The democratically legitimised bodies (4.1, S. 19 ff.): an informal round is none (§6c)."""


def _political_bodies(ctx: Context) -> list[str]:
    return [n.id for n in ctx.by_level["political"] if n.form in POLITICAL_BODIES]


@rule("no-political-body", "warning", cite("4.1"),
      Text("Keine politische Ebene", "No political body"))  # fmt: skip
def no_political_body(ctx: Context) -> Iterator[Hit]:
    """Trigger: the model has nodes but no political body. Threshold: zero nodes of the
    forms ``council`` or ``committee`` (DOMAIN.md §6c); an ``informal_round`` (e.g. a
    Stammtisch with the parliamentary groups) or a generic political node alone is no
    democratically legitimised body and gets the finding too, naming it. Source: 4.1 –
    basic decisions of a smart-city programme must be taken by the democratically
    legitimised body (Gemeinderat, Stadtrat, Kreistag), S. 19 ff."""
    if not ctx.nodes or _political_bodies(ctx):
        return
    others = [n.id for n in ctx.by_level["political"]]
    if others:
        yield Hit(
            tuple(others),
            Text(
                "Auf der politischen Ebene steht nur {names}, aber kein Rat, Kreistag oder "
                "Ausschuss. Eine informelle Runde ist kein demokratisch legitimiertes Gremium: "
                "Grundsatzentscheidungen – etwa der Beschluss der Smart-City-Strategie und die "
                "Bereitstellung von Ressourcen – muss der Rat bzw. Kreistag treffen. Ergänzen "
                "Sie ihn (gegebenenfalls mit dem zuständigen Ausschuss) und verbinden Sie ihn "
                "mit der Verwaltung.",
                "The political level holds only {names}, but no council or committee. An "
                "informal round is no democratically legitimised body: basic decisions – such "
                "as adopting the smart-city strategy and providing resources – must be taken "
                "by the council. Add it (and, where there is one, the responsible committee) "
                "and connect it with the administration.",
            ).format(names=ctx.names(others)),
        )
        return
    yield Hit(
        (),
        Text(
            "Im Modell fehlt die politische Ebene. Grundsatzentscheidungen – etwa der Beschluss "
            "der Smart-City-Strategie und die Bereitstellung von Ressourcen – muss das "
            "demokratisch legitimierte Gremium treffen. Ergänzen Sie den Rat bzw. Kreistag "
            "(gegebenenfalls mit dem zuständigen Ausschuss) und verbinden Sie ihn mit der "
            "Verwaltung.",
            "The model has no political level. Basic decisions – such as adopting the "
            "smart-city strategy and providing resources – must be taken by the democratically "
            "legitimised body. Add the council (and, where there is one, the responsible "
            "committee) and connect it with the administration.",
        ),
    )


@rule("no-mandate", "hint", sources(cite("2.1"), cite("3")),
      Text("Kein politischer Auftrag", "No political mandate"))  # fmt: skip
def no_mandate(ctx: Context) -> Iterator[Hit]:
    """Trigger: there is a political level, but no ``mandates`` relation leads from a
    political body – a ``council`` or ``committee`` (DOMAIN.md §6c) – into the
    administration (a node on the strategic, coordination or implementation level).
    Threshold: zero such relations; a mandate between two political nodes does not count,
    nor one from an ``informal_round`` or a generic political node (no democratically
    legitimised body: an informal round alone gives this finding and
    ``no-political-body``). Without any political node the rule stays quiet
    (``no-political-body`` warns). Source: 2.1 – the Smart City Charta asks the
    politically responsible bodies for a clear mandate to the administration that settles
    tasks and responsibilities, S. 10 ff. (repeated in chapter 3, S. 13 ff.)."""
    political = [n.id for n in ctx.by_level["political"]]
    if not political:
        return
    for e in ctx.by_type["mandates"]:
        if ctx.nodes[e.source].form in POLITICAL_BODIES and ctx.nodes[e.target].level in (
            "strategic", "coordination", "implementation"
        ):  # fmt: skip
            return
    yield Hit(
        tuple(political),
        Text(
            "Die politische Ebene ({names}) erteilt der Verwaltung keinen Auftrag. Die Smart "
            "City Charta verlangt einen klaren Auftrag der politisch verantwortlichen Gremien, "
            "der Aufgabenbereiche und Verantwortlichkeiten regelt. Zeichnen Sie eine Beziehung "
            "„Auftrag / Beschluss“ vom Rat zur Verwaltungsspitze, zum Lenkungskreis oder zur "
            "Koordination ein.",
            "The political level ({names}) gives the administration no mandate. The Smart City "
            "Charter asks the politically responsible bodies for a clear mandate that settles "
            "tasks and responsibilities. Draw a 'mandates' relation from the council to the "
            "administration head, the steering committee or the coordination.",
        ).format(names=ctx.names(political)),
    )


@rule("no-strategic-body", "warning", sources(cite("4.1"), botschaft(2)),
      Text("Kein Steuerungsgremium", "No steering body"))  # fmt: skip
def no_strategic_body(ctx: Context) -> Iterator[Hit]:
    """Trigger: the model has nodes but no steering body on the strategic level. Threshold:
    zero nodes of the forms ``steering_committee`` or ``operational_steering`` or without
    a form on the strategic level; the administration head and a CDO are persons, not
    bodies, and do not count.
    Severity by phase (``rules.phase``, DOMAIN.md §6b). Source: 4.1 (S. 19 ff.) – all smart cities studied set up bodies
    on the top administrative level (Lenkungs-/Steuerungskreise); Botschaft 2, S. 46 –
    almost all set one up early."""
    if not ctx.nodes:
        return
    if any(n.form is None or n.form in STRATEGIC_BODIES for n in ctx.by_level["strategic"]):
        return
    if ctx.by_form["administration_head"]:
        almost = Text(
            "Die Verwaltungsspitze allein ersetzt es nicht: fast",
            "The administration head alone does not replace it: almost",
        )
    else:
        almost = Text("Fast", "Almost")
    yield Hit(
        (),
        Text(
            "Auf der strategischen Ebene gibt es kein Steuerungsgremium. {almost} alle "
            "Smart-City-Kommunen richten auf oberster Verwaltungsebene einen Lenkungs- oder "
            "Steuerungskreis ein, der Schwerpunkte setzt, die Dezernate vernetzt und bei "
            "Konflikten entscheidet. Ergänzen Sie einen Lenkungskreis (oder nutzen Sie den "
            "Verwaltungsvorstand) und lassen Sie die Koordination an ihn berichten.",
            "There is no steering body on the strategic level. {almost} all smart-city "
            "municipalities set up a steering committee on the top administrative level that "
            "sets priorities, links the departments and resolves conflicts. Add a steering "
            "committee (or use the executive board) and let the coordination report to it.",
        ).format(almost=almost),
    )


@rule("strategic-cadence", "hint", cite("4.1"),
      Text("Sitzungsturnus eines strategischen Gremiums",
           "Meeting cadence of a strategic body"))  # fmt: skip
def strategic_cadence(ctx: Context) -> Iterator[Hit]:
    """Trigger: a strategic body (form ``steering_committee`` or ``operational_steering``,
    or a strategic node without a form that has a cadence) meets weekly → hint; a steering
    committee or operational steering body without a cadence → ``info`` asking for it.
    Threshold: ``weekly``, as DOMAIN.md fixes it; the guide observed strategic bodies
    meeting monthly to yearly (mostly half-yearly) and operational steering monthly or
    every two weeks, so ``biweekly`` is not flagged. Source: 4.1, S. 19 ff."""
    for node in ctx.by_level["strategic"]:
        steering = node.form in STRATEGIC_BODIES
        if not steering and not (node.form is None and node.cadence is not None):
            continue
        body = ctx.name(node.id)
        if node.cadence is None:
            yield Hit(
                (node.id,),
                Text(
                    "Für {body} ist kein Sitzungsturnus eingetragen. Strategische Gremien tagen "
                    "meist halbjährlich, operative Steuerungsgremien monatlich oder alle zwei "
                    "Wochen. Tragen Sie den Turnus ein.",
                    "No meeting cadence is entered for {body}. Strategic bodies mostly meet "
                    "half-yearly, operational steering bodies monthly or every two weeks. "
                    "Enter the cadence.",
                ).format(body=body),
                severity="info",
            )
        elif node.cadence == "weekly" and node.form == "operational_steering":
            yield Hit(
                (node.id,),
                Text(
                    "{body} tagt wöchentlich. Operative Steuerungsgremien tagen meist monatlich "
                    "oder alle zwei Wochen. Prüfen Sie, ob ein solcher Turnus genügt, und "
                    "überlassen Sie die laufende Abstimmung der Koordinationsebene.",
                    "{body} meets weekly. Operational steering bodies mostly meet monthly or "
                    "every two weeks. Check whether such a cadence suffices and leave the "
                    "day-to-day alignment to the coordination level.",
                ).format(body=body),
            )
        elif node.cadence == "weekly":
            yield Hit(
                (node.id,),
                Text(
                    "{body} tagt wöchentlich. Strategische Gremien tagen meist halbjährlich, "
                    "manche monatlich bis jährlich; ein wöchentlicher Turnus deutet auf "
                    "operative Aufgaben hin. Prüfen Sie einen längeren Turnus und überlassen Sie "
                    "operative Fragen einem operativen Steuerungsgremium oder der Koordination.",
                    "{body} meets weekly. Strategic bodies mostly meet half-yearly, some monthly "
                    "to yearly; a weekly cadence suggests operational work. Consider a longer "
                    "cadence and leave operational questions to an operational steering body or "
                    "the coordination.",
                ).format(body=body),
            )


INFORMING = ("reports_to", "informs")
"""Relations that carry information upwards: regular reports and exchange formats."""


@rule("politics-not-informed", "hint", sources(cite("4.1"), botschaft(2)),
      Text("Politik wird nicht unterrichtet", "Politics not kept informed"))  # fmt: skip
def politics_not_informed(ctx: Context) -> Iterator[Hit]:
    """Trigger: a political body (``council`` or ``committee``, DOMAIN.md §6c) gives a
    ``mandates`` relation, but no path of ``reports_to`` or ``informs`` relations (one or
    more steps, through any units) leads from a node on the strategic or coordination level
    to a political body. Threshold: zero such paths; one finding naming the mandating
    bodies. Without a mandate the rule stays quiet (``no-mandate`` gives the hint). One
    backward breadth-first search from the political bodies: linear in the model. Source:
    4.1, S. 19 ff. – the council (or its committees) is the body that is regularly told of
    the programme's progress, and committees that are kept informed continuously support
    its political backing; Botschaft 2, S. 46 – keep politics involved from the start."""
    bodies = _political_bodies(ctx)
    mandating = [b for b in bodies if any(e.type == "mandates" for e in ctx.out_edges(b))]
    if not mandating:
        return
    reached = set(bodies)
    queue = list(bodies)
    while queue:
        for e in ctx.in_edges(queue.pop(), *INFORMING):
            if e.source not in reached:
                reached.add(e.source)
                queue.append(e.source)
    if any(ctx.nodes[n].level in ("strategic", "coordination") for n in reached):
        return
    yield Hit(
        tuple(mandating),
        Text(
            "{bodies} erteilt den Auftrag, erfährt aber nichts über den Fortgang: Weder die "
            "strategische Ebene noch die Koordination berichtet an ein politisches Gremium "
            "oder informiert es. Der Rat und seine Ausschüsse sind die Gremien, denen "
            "regelmäßig über den Fortschritt berichtet wird; kontinuierliche Information "
            "stärkt den politischen Rückhalt. Zeichnen Sie ein, wer dem Rat oder dem "
            "Ausschuss berichtet („Berichtet an“) oder ihn informiert („Informiert / "
            "Austausch“), z. B. die Verwaltungsspitze oder die Koordination.",
            "{bodies} gives the mandate but hears nothing of the progress: neither the "
            "strategic level nor the coordination reports to or informs a political body. The "
            "council and its committees are the bodies that are regularly told of the "
            "progress; continuous information strengthens the political backing. Draw who "
            "reports to ('reports to') or informs ('informs') the council or the committee, "
            "e.g. the administration head or the coordination.",
        ).format(bodies=ctx.names(mandating)),
    )


@rule("steering-without-coordination", "hint", cite("4.1"),
      Text("Steuerungsgremium ohne Koordination", "Steering body without coordination"))  # fmt: skip
def steering_without_coordination(ctx: Context) -> Iterator[Hit]:
    """Trigger: a ``steering_committee`` or ``operational_steering`` body has no relation
    of any type (either direction) with a coordination unit (a node on the coordination
    level other than the extended circle, the ``coordination_lead`` role included).
    Threshold: zero such relations; one finding per body. A model without any coordination
    unit stays quiet: ``no-coordination`` speaks of that, and in the trial phase a
    coordination is not yet needed (§6b). Source: 4.1, S. 19 ff. – steering circles meet
    with the project coordination taking part and receive its regular reports; the
    operational steering round includes the coordinating project lead."""
    coordination = {n.id for n in ctx.coordination_units}
    if not coordination:
        return
    for form in sorted(STRATEGIC_BODIES):
        for node in ctx.by_form[form]:
            if ctx.neighbours(node.id) & coordination:
                continue
            yield Hit(
                (node.id,),
                Text(
                    "{body} hat keine Verbindung zur Koordination. In Lenkungs- und "
                    "Steuerungskreisen sitzt die Projektkoordination mit am Tisch, und die "
                    "Koordinationsebene berichtet dem Gremium regelmäßig. Zeichnen Sie ein, "
                    "wie die Koordination an das Gremium angebunden ist, z. B. „Berichtet an“ "
                    "von der Projektleitung zum Gremium.",
                    "{body} has no relation to the coordination. The project coordination "
                    "takes part in steering circles, and the coordination level reports to "
                    "the body regularly. Draw how the coordination is tied to the body, e.g. "
                    "'reports to' from the project lead to the body.",
                ).format(body=ctx.name(node.id)),
            )


RULES = (
    no_political_body,
    no_mandate,
    no_strategic_body,
    strategic_cadence,
    politics_not_informed,
    steering_without_coordination,
)
