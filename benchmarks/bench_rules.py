"""Benchmark: evaluate all rules on realistic models of 100, 1,000 and 10,000 nodes.

Run from the repository root: ``python benchmarks/bench_rules.py [--repeat N]``.

The models are generated with a fixed random seed. Levels and forms come in plausible
proportions (a few political and strategic bodies, a coordination team per "district",
mostly implementation units, a few advisory boards), with about 1.5 relations per node
wired as the guide would draw them: coordination reports to the top and coordinates
implementation, departments send staff into groups and pilots, boards advise the top,
some cooperation and information relations. The script prints, per size, the median and
spread (min, max, interquartile range) of a full ``evaluate`` in milliseconds (garbage
collected before each run, collector on as in the program), the median with the cyclic
collector off (as ``timeit`` measures), the time to build the rule context alone, the
number of Python function calls of one evaluation (the work done, independent of caches
and collector), the slowest rules, and the ratios between sizes: ratios near 10 for a
tenfold size show linear growth. For reference it also times a trivially linear pass over
the same model (index nodes and relations, one look at each): on a given machine its ratio
shows how much of the growth comes from memory caches rather than from the rules.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import itertools
import pstats
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from orgdesigner.model import OrgModel  # noqa: E402
from orgdesigner.rules import all_rules, evaluate  # noqa: E402
from orgdesigner.rules.context import Context  # noqa: E402

SIZES = (100, 1_000, 10_000)
SEED = 20240501

# share of nodes per (level, form); form None = generic unit of that level
MIX: list[tuple[str, str | None, float]] = [
    ("political", "council", 0.01),
    ("political", "committee", 0.015),
    ("political", "informal_round", 0.005),
    ("strategic", "administration_head", 0.01),
    ("strategic", "steering_committee", 0.02),
    ("strategic", "operational_steering", 0.015),
    ("strategic", "cdo", 0.005),
    ("coordination", "coordination_lead", 0.02),
    ("coordination", "staff_unit", 0.03),
    ("coordination", "office", 0.015),
    ("coordination", "outsourced_entity", 0.01),
    ("coordination", "extended_circle", 0.01),
    ("implementation", "line_departments", 0.30),
    ("implementation", "project_group", 0.22),
    ("implementation", "matrix_team", 0.04),
    ("implementation", "municipal_company", 0.05),
    ("implementation", "digital_pilots", 0.05),
    ("implementation", "external_provider", 0.03),
    ("implementation", "external_partner", 0.07),
    ("implementation", None, 0.03),
    ("advisory", "expert_board", 0.01),
    ("advisory", "ethics_board", 0.005),
    ("advisory", "network_board", 0.01),
    ("advisory", "participation_board", 0.005),
]
LEVEL_Y = {"political": 40, "strategic": 160, "coordination": 280, "implementation": 400,
           "advisory": 520}  # fmt: skip
CADENCES = ["monthly", "bimonthly", "quarterly", "half_yearly", "half_yearly", "yearly"]
PEOPLE = [f"{first} {last}" for first in ("Anna", "Jonas", "Lea", "Murat", "Petra", "Kai",
                                          "Sofia", "Tim", "Ines", "Olaf")
          for last in ("Becker", "Yilmaz", "Schulz", "Wolf", "Krüger", "Lange", "Roth",
                       "Vogel", "Neumann", "Fischer")]  # fmt: skip


def build(n: int, seed: int = SEED) -> OrgModel:
    """A realistic model with ``n`` nodes and about ``1.5 * n`` relations."""
    rng = random.Random(seed + n)
    weights = [w for _, _, w in MIX]
    kinds = rng.choices([(lv, f) for lv, f, _ in MIX], weights=weights, k=n)
    nodes: list[dict[str, Any]] = []
    by: dict[str | None, list[str]] = {}
    level_of: dict[str, str] = {}
    for i, (level, form) in enumerate(kinds):
        node_id = f"n{i}"
        node: dict[str, Any] = {"id": node_id, "level": level, "form": form,
                                "label": f"{form or level} {i}", "x": 40 + 200 * (i % 50),
                                "y": LEVEL_Y[level] + 20 * (i // 50)}  # fmt: skip
        if form in ("council", "committee", "steering_committee", "operational_steering",
                    "project_group", "expert_board", "network_board"):  # fmt: skip
            node["cadence"] = rng.choice(CADENCES)
        if level in ("coordination", "implementation") and rng.random() < 0.6:
            node["lead"] = rng.choice(PEOPLE) + f" {i % 97}"
            if rng.random() < 0.7:
                node["deputy"] = rng.choice(PEOPLE)
        if level == "coordination":
            node["persons"] = rng.randint(1, 6)
            node["fte"] = round(rng.uniform(0.5, 4.0), 1)
            node["scope"] = rng.choice(["municipal", "municipal", "regional"])
        if form == "digital_pilots":
            node["pilot_type"] = rng.choice(["volunteer", "qualified_volunteer", "full_time"])
            node["fte"] = round(rng.uniform(0.0, 2.0), 1)
        nodes.append(node)
        by.setdefault(form, []).append(node_id)
        by.setdefault(level, []).append(node_id)
        level_of[node_id] = level

    def pick(*keys: str | None) -> str | None:
        pool = [i for k in keys for i in by.get(k, [])]
        return rng.choice(pool) if pool else None

    edges: list[dict[str, Any]] = []

    def add(kind: str, source: str | None, target: str | None, **attrs: Any) -> None:
        if source is None or target is None or source == target:
            return
        edges.append({"id": f"e{len(edges)}", "type": kind, "source": source,
                      "target": target, **attrs})  # fmt: skip

    top = ("administration_head", "steering_committee", "operational_steering", "cdo")
    for node in nodes:
        nid, level, form = node["id"], node["level"], node["form"]
        if level == "political":
            add("mandates", nid, pick(*top))
        elif level == "strategic":
            add("reports_to", nid, pick("council", "committee"))
        elif level == "coordination":
            add("reports_to", nid, pick(*top))
            if form == "outsourced_entity":
                add("liaison", nid, pick("staff_unit", "office"))
        elif level == "implementation":
            add("coordinates", pick("staff_unit", "office", "outsourced_entity"), nid)
            if form in ("project_group", "matrix_team", "digital_pilots"):
                add("delegates", pick("line_departments", "municipal_company"), nid)
            elif form == "municipal_company":
                add("reports_to", nid, pick("steering_committee"))
            elif rng.random() < 0.15:
                add("informs", nid, pick("line_departments"))
        else:
            add("advises", nid, pick(*top))
    while len(edges) < int(1.5 * n):  # extra cooperation and exchange, plausible pairs
        a = pick("implementation", "coordination")
        b = pick("implementation", "coordination", "strategic")
        kind = rng.choice(["cooperates", "informs", "informs", "supervises"])
        if kind == "supervises" and (level_of.get(a or "") != "implementation"
                                     or level_of.get(b or "") != "implementation"):  # fmt: skip
            kind = "informs"
        add(kind, a, b, **({"contract": rng.random() < 0.5} if kind == "cooperates" else {}))
    meta = {"title": f"Benchmark {n}", "population": 60_000 + 100 * n, "phase": "implementation",
            "scope": "regional" if n >= 1_000 else "municipal"}  # fmt: skip
    return OrgModel.model_validate({"meta": meta, "nodes": nodes, "edges": edges})


def _ms(samples: list[float]) -> dict[str, float]:
    q = statistics.quantiles(samples, n=4) if len(samples) >= 2 else [samples[0]] * 3
    return {"median": statistics.median(samples), "min": min(samples), "max": max(samples),
            "iqr": q[2] - q[0]}  # fmt: skip


def _time(fn: Any, repeat: int, collector: bool = True) -> list[float]:
    fn()  # warm-up
    out = []
    for _ in range(repeat):
        gc.collect()
        if not collector:
            gc.disable()
        try:
            start = time.perf_counter()
            fn()
            out.append((time.perf_counter() - start) * 1000)
        finally:
            gc.enable()
    return out


def _baseline(model: OrgModel) -> int:
    """A trivially linear pass: index nodes and relations, look at each node once."""
    nodes = {n.id: n for n in model.nodes}
    out: dict[str, list[Any]] = {}
    into: dict[str, list[Any]] = {}
    for e in model.edges:
        out.setdefault(e.source, []).append(e)
        into.setdefault(e.target, []).append(e)
    return sum(len(out.get(i, ())) + len(into.get(i, ())) for i, n in nodes.items() if n.level)


def _calls(fn: Any) -> int:
    profile = cProfile.Profile()
    profile.runcall(fn)
    return int(pstats.Stats(profile).total_calls)  # type: ignore[attr-defined]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="timed runs per size")
    args = parser.parse_args()
    rules = all_rules()
    print(f"{len(rules)} rules, Python {sys.version.split()[0]}, {args.repeat} runs per size\n")
    print(f"{'nodes':>7} {'edges':>7} {'findings':>9} | {'median':>9} {'min':>9} {'max':>9} "
          f"{'IQR':>8} | {'gc off':>9} | {'context':>9} | {'calls':>8} | {'baseline':>9}")  # fmt: skip
    medians: dict[int, float] = {}
    baseline: dict[int, float] = {}
    medians_off: dict[int, float] = {}
    calls: dict[int, int] = {}
    slowest: dict[int, list[tuple[float, str]]] = {}
    for n in SIZES:
        model = build(n)
        repeat = max(3, args.repeat // (3 if n >= 10_000 else 1))
        findings = len(evaluate(model))
        stats = _ms(_time(lambda m=model: evaluate(m), repeat))  # type: ignore[misc]
        off = _ms(_time(lambda m=model: evaluate(m), repeat, collector=False))  # type: ignore[misc]
        ctx_stats = _ms(_time(lambda m=model: Context(m), repeat))  # type: ignore[misc]
        medians[n], medians_off[n] = stats["median"], off["median"]
        calls[n] = _calls(lambda m=model: evaluate(m))  # type: ignore[misc]
        baseline[n] = _ms(_time(lambda m=model: _baseline(m), 3 * repeat))["median"]  # type: ignore[misc]
        print(f"{n:>7} {len(model.edges):>7} {findings:>9} | {stats['median']:>7.2f}ms "
              f"{stats['min']:>7.2f}ms {stats['max']:>7.2f}ms {stats['iqr']:>6.2f}ms | "
              f"{off['median']:>7.2f}ms | {ctx_stats['median']:>7.2f}ms | "
              f"{calls[n]:>8} | {baseline[n]:>7.2f}ms")  # fmt: skip
        per_rule = []
        for rule_id, rule in rules.items():
            def run(rule: Any = rule, m: OrgModel = model) -> None:
                ctx = Context(m)
                ctx.coordination_units  # noqa: B018  (shared caches count for the context)
                ctx.reporting_to_top  # noqa: B018
                start = time.perf_counter()
                list(rule.function(ctx))
                run.elapsed = (time.perf_counter() - start) * 1000  # type: ignore[attr-defined]

            samples = []
            for _ in range(5):
                gc.collect()
                gc.disable()
                try:
                    run()
                finally:
                    gc.enable()
                samples.append(run.elapsed)  # type: ignore[attr-defined]
            per_rule.append((statistics.median(samples), rule_id))
        slowest[n] = sorted(per_rule, reverse=True)[:5]
    print()
    for small, large in itertools.pairwise(SIZES):
        print(f"ratio {large:>6} / {small:<6} nodes: time {medians[large] / medians[small]:5.1f}, "
              f"gc off {medians_off[large] / medians_off[small]:5.1f}, "
              f"calls {calls[large] / calls[small]:5.1f}, "
              f"baseline {baseline[large] / baseline[small]:5.1f}  "
              f"(linear = {large // small})")  # fmt: skip
    print("\nslowest rules (median ms of 5, context prepared, collector off):")
    for n in SIZES:
        text = ", ".join(f"{rule_id} {ms:.2f}" for ms, rule_id in slowest[n])
        print(f"  {n:>6}: {text}")


if __name__ == "__main__":
    main()
