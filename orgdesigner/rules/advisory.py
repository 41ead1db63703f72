"""Rules on the advisory level (DOMAIN.md §6; guide 4.4, Botschaft 8): boards and whom
they advise."""

from __future__ import annotations

from collections.abc import Iterator

from orgdesigner.catalog import botschaft, cite, sources
from orgdesigner.rules.context import Context
from orgdesigner.rules.engine import Hit, rule
from orgdesigner.rules.text import Text

ADVICE_OUT = ("advises", "informs", "reports_to")
ADVICE_ON = ("reports_to", "informs", "advises")


@rule("board-unconnected", "warning", cite("4.4"),
      Text("Beirat ohne Anbindung", "Advisory board not connected"))  # fmt: skip
def board_unconnected(ctx: Context) -> Iterator[Hit]:
    """Trigger: a node on the advisory level has no relation at all. Threshold: zero
    relations of any type. Source: 4.4, S. 39 ff. – advisory boards give external impulses,
    build networks and acceptance; they need someone they advise."""
    for node in ctx.by_level["advisory"]:
        if ctx.edges_at(node.id):
            continue
        yield Hit(
            (node.id,),
            Text(
                "{board} hat keine Beziehung zu anderen Einheiten. Ein Beirat soll Impulse "
                "geben, Netzwerke knüpfen und Akzeptanz schaffen – dafür muss klar sein, wen er "
                "berät. Zeichnen Sie „Berät“ zur Verwaltungsspitze, zum Lenkungskreis oder zur "
                "Koordination ein.",
                "{board} has no relation to other units. An advisory board is meant to give "
                "impulses, build networks and create acceptance – for that it must be clear "
                "whom it advises. Draw 'advises' to the administration head, the steering "
                "committee or the coordination.",
            ).format(board=ctx.name(node.id)),
        )


@rule("board-not-at-top", "hint", botschaft(8),
      Text("Beirat nicht an der Spitze angebunden", "Advisory board not tied to the top"))  # fmt: skip
def board_not_at_top(ctx: Context) -> Iterator[Hit]:
    """Trigger: an advisory board with relations whose advice reaches neither the
    administration head nor any strategic or political node. Threshold: it reaches the top
    if it has a relation of any type with a strategic or political node, or an outgoing
    ``advises``/``informs``/``reports_to`` relation to a unit that itself has an outgoing
    ``reports_to``/``informs``/``advises`` relation to such a node (at most one
    intermediate unit). Boards without any relation are left to ``board-unconnected``.
    Severity by phase (``rules.phase``, DOMAIN.md §6b).
    Source: Botschaft 8, S. 58 – place the board at the upper leadership level, chaired by
    the mayor or district administrator."""
    for node in ctx.by_level["advisory"]:
        if not ctx.edges_at(node.id):
            continue
        if any(ctx.is_top(other) for other in ctx.neighbours(node.id)):
            continue
        if any(
            ctx.is_top(e2.target)
            for e1 in ctx.out_edges(node.id, *ADVICE_OUT)
            for e2 in ctx.out_edges(e1.target, *ADVICE_ON)
        ):
            continue
        yield Hit(
            (node.id,),
            Text(
                "Die Empfehlungen von {board} erreichen weder die Verwaltungsspitze noch ein "
                "strategisches oder politisches Gremium. Die Arbeitshilfe empfiehlt, Beiräte "
                "auf oberer Leitungsebene anzusiedeln, möglichst unter Vorsitz der "
                "(Ober-)Bürgermeisterin, des (Ober-)Bürgermeisters oder der Landrätin, des "
                "Landrats – gerade für Netzwerkbeiräte ein wichtiges Signal. Verbinden Sie den "
                "Beirat mit der Verwaltungsspitze oder dem Lenkungskreis.",
                "The advice of {board} reaches neither the administration head nor a strategic "
                "or political body. The guide recommends placing boards at the upper leadership "
                "level, if possible chaired by the mayor or district administrator – an "
                "important signal especially for network boards. Connect the board with the "
                "administration head or the steering committee.",
            ).format(board=ctx.name(node.id)),
        )


@rule("no-advisory", "info", cite("4.4"), Text("Kein Beirat", "No advisory board"))
def no_advisory(ctx: Context) -> Iterator[Hit]:
    """Trigger: the model has nodes but none on the advisory level. Threshold: zero
    advisory nodes. Source: 4.4, S. 39 ff. – the advisory level is optional; about half of the
    model projects (39 of 73) have expert and/or network boards, and expectations of boards
    should not be overrated."""
    if not ctx.nodes or ctx.by_level["advisory"]:
        return
    yield Hit(
        (),
        Text(
            "Das Modell hat keinen Beirat. Die Beiratsebene ist optional: Etwa die Hälfte der "
            "Modellprojekte Smart Cities (39 von 73) hat Fach- oder Netzwerkbeiräte "
            "eingerichtet. Prüfen Sie, ob ein Fach-, Ethik-, Netzwerk- oder Beteiligungsbeirat "
            "Ihrem Vorhaben nützt, und schätzen Sie realistisch ein, was er leisten kann.",
            "The model has no advisory board. The advisory level is optional: about half of the "
            "Smart City model projects (39 of 73) have expert or network boards. Check whether "
            "an expert, ethics, network or participation board would help your programme, and "
            "be realistic about what it can deliver.",
        ),
    )


@rule("board-instructed", "warning", sources(cite("4.4"), botschaft(8)),
      Text("Beirat erhält Weisungen", "Advisory board receives instructions"))  # fmt: skip
def board_instructed(ctx: Context) -> Iterator[Hit]:
    """Trigger: an ``instructs`` relation ends at a node on the advisory level. Threshold:
    any such relation; one finding per relation, naming the board, the relation and who
    instructs. Source: 4.4, S. 39 ff. – boards are strategically supporting actors with an
    advisory function; Botschaft 8, S. 58 – their value is independent input and their
    members' networks, which instructions would not give."""
    for e in ctx.by_type["instructs"]:
        if ctx.nodes[e.target].level != "advisory":
            continue
        yield Hit(
            (e.target, e.id, e.source),
            Text(
                "{source} erteilt {board} fachliche Weisungen. Beiräte beraten: Sie sind "
                "strategisch unterstützende Gremien, deren Wert im unabhängigen Blick von außen "
                "und in den Netzwerken ihrer Mitglieder liegt, und sind an Weisungen nicht "
                "gebunden. Ändern Sie die Beziehung, z. B. in „Informiert / Austausch“ (die "
                "Verwaltung unterrichtet den Beirat) oder „Berät“ vom Beirat aus.",
                "{source} instructs {board}. Advisory boards advise: they are strategically "
                "supporting bodies whose value lies in an independent view from outside and in "
                "their members' networks, and they are not bound by instructions. Change the "
                "relation, e.g. to 'informs' (the administration briefs the board) or to "
                "'advises' from the board.",
            ).format(source=ctx.name(e.source), board=ctx.name(e.target)),
        )


RULES = (board_unconnected, board_not_at_top, no_advisory, board_instructed)
