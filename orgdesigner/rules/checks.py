"""The 33 rules of DOMAIN.md §6, one function each.

Each docstring states the trigger, the threshold and the source in the guide; the tests
in ``tests/rules`` load one model per rule on which it fires and a close variant on
which it does not (``tests/data/rules/``).
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from orgdesigner.rules.engine import Context, Hit, cite, rule

# ---------------------------------------------------------------------------
# structural
# ---------------------------------------------------------------------------


@rule("cycle-in-authority", "warning", cite("3", 13),
      "Kreis in der Über-/Unterordnung", "Cycle in authority")  # fmt: skip
def cycle_in_authority(ctx: Context) -> Iterator[Hit]:
    """Trigger: the relation "is above" has a cycle. ``instructs A→B`` and
    ``reports_to B→A`` both mean A is above B; ``supervises A→B`` likewise. Each strongly
    connected group of two or more units is reported once, with the relations inside it.
    Source: the levels of chapter 3 (Abbildung 3) are a hierarchy."""
    above: nx.DiGraph[str] = nx.DiGraph()
    edge_of: dict[tuple[str, str], list[str]] = {}
    for e in ctx.edges:
        if e.type in ("instructs", "supervises"):
            pair = (e.source, e.target)
        elif e.type == "reports_to":
            pair = (e.target, e.source)
        else:
            continue
        above.add_edge(*pair)
        edge_of.setdefault(pair, []).append(e.id)
    for component in nx.strongly_connected_components(above):
        if len(component) < 2:
            continue
        members = sorted(component, key=list(ctx.nodes).index)
        inside = [i for (a, b), ids in edge_of.items() if a in component and b in component for i in ids]
        names = ", ".join(ctx.label(n) for n in members)
        names_en = ", ".join(ctx.label_en(n) for n in members)
        yield Hit(
            tuple(members) + tuple(sorted(inside)),
            f"Die Einheiten {names} stehen im Kreis übereinander: jede ist einer anderen über- "
            "und zugleich untergeordnet. Klären Sie, wer wem berichtet und wer wem Weisungen "
            "erteilt, und entfernen oder drehen Sie die widersprüchliche Beziehung.",
            f"The units {names_en} are above each other in a cycle: each is both above and below "
            "another. Clarify who reports to whom and who instructs whom, and remove or reverse "
            "the contradicting relation.",
        )


@rule("isolated-node", "hint", cite("4.5", 40),
      "Einheit ohne Beziehung", "Unit without relations")  # fmt: skip
def isolated_node(ctx: Context) -> Iterator[Hit]:
    """Trigger: a node with no relation at all (advisory boards are left to
    ``board-unconnected``, which warns). Source: 4.5 – the units only work together
    ("Smart-City-Orchester")."""
    for node_id, node in ctx.nodes.items():
        if node.level == "advisory" or ctx.graph.degree(node_id) > 0:
            continue
        yield Hit(
            (node_id,),
            f"{ctx.label(node_id)} hat keine Beziehung zu anderen Einheiten. Zeichnen Sie ein, "
            "wem sie berichtet, mit wem sie zusammenarbeitet oder wer sie koordiniert – oder "
            "entfernen Sie sie.",
            f"{ctx.label_en(node_id)} has no relation to other units. Draw whom it reports to, "
            "whom it works with or who coordinates it – or remove it.",
        )


@rule("upward-instruction", "warning", cite("3", 13),
      "Weisung von unten nach oben", "Instruction upwards")  # fmt: skip
def upward_instruction(ctx: Context) -> Iterator[Hit]:
    """Trigger: ``instructs`` from a node on a lower level to a node on a higher level
    (political above strategic above coordination above implementation; the advisory
    level has no authority at all, so an instruction from an advisory board to any other
    level also counts). Source: chapter 3, the levels of Abbildung 3 and Tabelle 1."""
    for e in ctx.by_type["instructs"]:
        src, dst = ctx.nodes[e.source], ctx.nodes[e.target]
        if src.level == "advisory" and dst.level != "advisory" or (
            dst.level != "advisory" and ctx.rank(e.source) > ctx.rank(e.target)
        ):
            yield Hit(
                (e.id, e.source, e.target),
                f"{ctx.label(e.source)} erteilt {ctx.label(e.target)} fachliche Weisungen, "
                "obwohl diese Einheit auf einer höheren Ebene steht. Kehren Sie die Richtung um "
                "oder wählen Sie „Berichtet an“ bzw. „Berät“.",
                f"{ctx.label_en(e.source)} instructs {ctx.label_en(e.target)}, although that unit "
                "is on a higher level. Reverse the direction or use 'reports to' or 'advises'.",
            )
