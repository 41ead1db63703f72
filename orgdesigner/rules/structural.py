"""Structural rules (DOMAIN.md §6): the hierarchy of the levels and units without relations."""

from __future__ import annotations

from collections.abc import Iterator

from orgdesigner.catalog import cite
from orgdesigner.rules.context import Context
from orgdesigner.rules.engine import Hit, rule
from orgdesigner.rules.text import Text


@rule("cycle-in-authority", "warning", cite("3"),
      Text("Kreis in der Über-/Unterordnung", "Cycle in authority"))  # fmt: skip
def cycle_in_authority(ctx: Context) -> Iterator[Hit]:
    """Trigger: the relation "is above" has a cycle. It is built from ``instructs`` and
    ``reports_to`` only (DOMAIN.md §6c): ``instructs A→B`` and ``reports_to B→A`` both mean
    A is above B. ``supervises`` and ``delegates`` are left out: they describe a matrix's
    dual subordination (personnel authority in the sending unit, content in the team),
    which the guide describes as intended (4.3, Tabelle 6). Each strongly
    connected group of two or more units is reported once, with the relations inside it.
    Threshold: any cycle, of two or more units. Source: the levels of chapter 3
    (Abbildung 3) are a hierarchy. Linear: one pass assigns the relations to their
    cycle."""
    import networkx as nx  # imported with the first evaluation (see Context)

    above: nx.DiGraph[str] = nx.DiGraph()
    edge_of: dict[tuple[str, str], list[str]] = {}
    for e in ctx.edges:
        if e.type == "instructs":
            pair = (e.source, e.target)
        elif e.type == "reports_to":
            pair = (e.target, e.source)
        else:
            continue
        above.add_edge(*pair)
        edge_of.setdefault(pair, []).append(e.id)
    components = [c for c in nx.strongly_connected_components(above) if len(c) >= 2]
    component_of = {n: k for k, component in enumerate(components) for n in component}
    inside: list[list[str]] = [[] for _ in components]
    for (a, b), ids in edge_of.items():
        k = component_of.get(a)
        if k is not None and component_of.get(b) == k:
            inside[k].extend(ids)
    order = {node_id: i for i, node_id in enumerate(ctx.nodes)}
    for k, component in enumerate(components):
        members = sorted(component, key=order.__getitem__)
        names = Text.join(ctx.name(n) for n in members)
        yield Hit(
            tuple(members) + tuple(sorted(inside[k])),
            Text(
                "Die Einheiten {names} stehen im Kreis übereinander: jede ist einer anderen über- "
                "und zugleich untergeordnet. Klären Sie, wer wem berichtet und wer wem Weisungen "
                "erteilt, und entfernen oder drehen Sie die widersprüchliche Beziehung.",
                "The units {names} are above each other in a cycle: each is both above and below "
                "another. Clarify who reports to whom and who instructs whom, and remove or "
                "reverse the contradicting relation.",
            ).format(names=names),
        )


@rule("isolated-node", "hint", cite("4.5"),
      Text("Einheit ohne Beziehung", "Unit without relations"))  # fmt: skip
def isolated_node(ctx: Context) -> Iterator[Hit]:
    """Trigger: a node with no relation at all (advisory boards are left to
    ``board-unconnected``, which warns). Threshold: zero relations of any type. Source: 4.5 – the units only work together
    ("Smart-City-Orchester")."""
    for node_id, node in ctx.nodes.items():
        if node.level == "advisory" or ctx.graph.degree(node_id) > 0:
            continue
        yield Hit(
            (node_id,),
            Text(
                "{unit} hat keine Beziehung zu anderen Einheiten. Zeichnen Sie ein, wem sie "
                "berichtet, mit wem sie zusammenarbeitet oder wer sie koordiniert – oder "
                "entfernen Sie sie.",
                "{unit} has no relation to other units. Draw whom it reports to, whom it works "
                "with or who coordinates it – or remove it.",
            ).format(unit=ctx.name(node_id)),
        )


@rule("upward-instruction", "warning", cite("3", table=1),
      Text("Weisung von unten nach oben", "Instruction upwards"))  # fmt: skip
def upward_instruction(ctx: Context) -> Iterator[Hit]:
    """Trigger: ``instructs`` from a node on a lower level to a node on a higher level
    (political above strategic above coordination above implementation; the advisory
    level has no authority at all, so an instruction from an advisory board to any other
    level also counts). Threshold: any such relation. Source: chapter 3, the levels of Abbildung 3 and Tabelle 1."""
    for e in ctx.by_type["instructs"]:
        src, dst = ctx.nodes[e.source], ctx.nodes[e.target]
        if (src.level == "advisory" and dst.level != "advisory") or (
            dst.level != "advisory" and ctx.rank(e.source) > ctx.rank(e.target)
        ):
            yield Hit(
                (e.id, e.source, e.target),
                Text(
                    "{source} erteilt {target} fachliche Weisungen, obwohl diese Einheit auf "
                    "einer höheren Ebene steht. Kehren Sie die Richtung um oder wählen Sie "
                    "„Berichtet an“ bzw. „Berät“.",
                    "{source} instructs {target}, although that unit is on a higher level. "
                    "Reverse the direction or use 'reports to' or 'advises'.",
                ).format(source=ctx.name(e.source), target=ctx.name(e.target)),
            )


RULES = (cycle_in_authority, isolated_node, upward_instruction)
