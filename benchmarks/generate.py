"""Realistic models of any size for benchmarks (fixed seeds).

All levels and forms appear in plausible proportions (most units implement, a few decide),
with about 1.5 relations per unit of the types DOMAIN.md §3 proposes between the levels,
and positions in the level bands in rows, as the auto-layout would place them.
"""

from __future__ import annotations

import random

from orgdesigner import layout
from orgdesigner.catalog import FORM_IDS, FORM_LEVEL, LEVEL_IDS
from orgdesigner.model import DEFAULT_NODE_HEIGHT, DEFAULT_NODE_WIDTH, Edge, Meta, Node, OrgModel
from orgdesigner.relations import propose_relation

SHARE = {
    "political": 0.04,
    "strategic": 0.08,
    "coordination": 0.12,
    "implementation": 0.66,
    "advisory": 0.10,
}
PER_ROW = 25
SIZES = (100, 1_000, 10_000)

_NAMES = {
    "political": ["Stadtrat", "Ausschuss für Digitales", "Fraktionsrunde"],
    "strategic": ["Lenkungskreis", "Verwaltungsvorstand", "Steuerungsrunde"],
    "coordination": ["Stabsstelle Smart City", "Amt für Digitalisierung", "Koordinationsbüro"],
    "implementation": ["Projektgruppe", "Fachamt", "Stadtwerke", "Lotsennetz", "Arbeitsgruppe"],
    "advisory": ["Fachbeirat", "Ethikbeirat", "Bürgerbeirat"],
}


def generate(n: int, seed: int = 1) -> OrgModel:
    """Return a model with ``n`` units and about ``1.5 n`` relations."""
    rng = random.Random(seed)
    forms = {lv: [f for f in FORM_IDS if FORM_LEVEL[f] == lv] for lv in LEVEL_IDS}
    counts = {lv: max(1, round(n * share)) for lv, share in SHARE.items()}
    counts["implementation"] += n - sum(counts.values())
    nodes: list[Node] = []
    top = 0.0
    for level in LEVEL_IDS:
        rows = (counts[level] + PER_ROW - 1) // PER_ROW
        for i in range(counts[level]):
            row, col = divmod(i, PER_ROW)
            form = rng.choice(forms[level])
            nodes.append(
                Node(
                    id=f"n{len(nodes) + 1}",
                    level=level,
                    form=form,
                    label=f"{rng.choice(_NAMES[level])} {i + 1}",
                    x=layout.NODE_LEFT + col * (DEFAULT_NODE_WIDTH + layout.H_GAP),
                    y=top + layout.PAD + row * (DEFAULT_NODE_HEIGHT + layout.V_GAP),
                    fte=round(rng.uniform(0, 4), 1) if level == "coordination" else None,
                    lead=f"Leitung {rng.randrange(n)}" if rng.random() < 0.3 else "",
                    cadence=rng.choice(["monthly", "half_yearly"])
                    if level == "strategic"
                    else None,
                )
            )
        band = rows * DEFAULT_NODE_HEIGHT + max(0, rows - 1) * layout.V_GAP + 2 * layout.PAD
        top += max(band, 120.0)
    by_level: dict[str, list[Node]] = {lv: [x for x in nodes if x.level == lv] for lv in LEVEL_IDS}
    edges: list[Edge] = []
    seen: set[tuple[str, str]] = set()
    target_edges = round(n * 1.5)
    below = {
        "political": "strategic",
        "strategic": "coordination",
        "coordination": "implementation",
        "implementation": "implementation",
        "advisory": "strategic",
    }
    while len(edges) < target_edges:
        src = rng.choice(nodes)
        pool = by_level[below[src.level]] if rng.random() < 0.8 else nodes
        dst = rng.choice(pool)
        if dst.id == src.id or (src.id, dst.id) in seen:
            continue
        seen.add((src.id, dst.id))
        # lower units report upwards; so draw them from below
        a, b = (dst, src) if src.level != "advisory" and rng.random() < 0.5 else (src, dst)
        edges.append(
            Edge(id=f"e{len(edges) + 1}", type=propose_relation(a, b), source=a.id, target=b.id)
        )
    meta = Meta(
        title=f"Benchmark {n}",
        municipality="Musterstadt",
        population=50_000 + n,
        phase="implementation",
    )
    return OrgModel(meta=meta, nodes=nodes, edges=edges)


def proposal(model: OrgModel, seed: int = 2) -> OrgModel:
    """A proposal made from a copy of ``model``, as an officer edits one: about 5 % of the
    units renamed, 2 % removed (with their relations), 2 % added and tied in, 1 % of the
    relations given another target. Deterministic for a seed."""
    rng = random.Random(seed)
    nodes = list(model.nodes)
    n = len(nodes)
    removed = {nodes[i].id for i in rng.sample(range(n), max(1, n // 50))}
    renamed = set(rng.sample(range(n), max(1, n // 20)))
    new_nodes = [
        node.model_copy(update={"label": node.label + " (neu)"}) if i in renamed else node
        for i, node in enumerate(nodes)
        if node.id not in removed
    ]
    edges = [e for e in model.edges if e.source not in removed and e.target not in removed]
    kept = [node.id for node in new_nodes]
    for k in rng.sample(range(len(edges)), max(1, len(edges) // 100)):
        e = edges[k]
        target = rng.choice(kept)
        if target != e.source:
            edges[k] = e.model_copy(update={"target": target})
    for k in range(max(1, n // 50)):
        template = rng.choice(new_nodes)
        added = template.model_copy(update={"id": f"neu{k}", "label": f"Neue Einheit {k}"})
        new_nodes.append(added)
        edges.append(Edge(id=f"neu-e{k}", type="cooperates", source=added.id, target=template.id))
    return OrgModel(meta=model.meta, nodes=new_nodes, edges=edges)
