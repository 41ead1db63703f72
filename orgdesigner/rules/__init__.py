"""Rules: the guide's verdict on a model (DOMAIN.md §6). No Qt here.

One module per family of rules, each listing its rules in ``RULES``; :data:`REGISTRY`
joins the families explicitly, in the order of the contract. Each rule's docstring states
its trigger, threshold and source; ``tests/rules`` holds a model per rule on which it fires
and a close variant on which it does not (``tests/data/rules/``).

Conventions: subjects name the main node first, then the relations and other nodes
concerned (``upward-instruction`` and ``cycle-in-authority`` keep their original order);
rules about something missing from the whole model have no subjects and stay quiet on an
empty model; a coordination unit and the ``coordination_lead`` role related to it count as
one team (:meth:`Context.with_lead_role`); every rule is linear in the model.
"""

from __future__ import annotations

from collections.abc import Iterable

from orgdesigner.model import OrgModel
from orgdesigner.rules import (
    advisory,
    coordination,
    functions,
    implementation,
    political,
    regional,
    structural,
    understanding,
)
from orgdesigner.rules.engine import SEVERITIES, Finding, Rule, count, registry, run, title_of

REGISTRY: dict[str, Rule] = registry(
    structural.RULES,
    political.RULES,
    coordination.RULES,
    implementation.RULES,
    advisory.RULES,
    regional.RULES,
    understanding.RULES,
    functions.RULES,
)
"""Every rule by id."""


def evaluate(model: OrgModel, *, rules: Iterable[str] | None = None) -> list[Finding]:
    """Run the rules (all by default, else those ids) on ``model``; see :func:`engine.run`."""
    return run(model, REGISTRY.values() if rules is None else [REGISTRY[r] for r in rules])


def all_rules() -> dict[str, Rule]:
    """Every rule by id, in the order of :data:`REGISTRY`."""
    return dict(REGISTRY)


def rule_title(rule_id: str, lang: str | None = None) -> str:
    """The title users read for ``rule_id`` (in ``lang``, else the current language): the
    one source for the panel, the hints, the CLI and the PDF. Ids stay in machine output."""
    return title_of(rule_id, REGISTRY, lang)


__all__ = [
    "REGISTRY",
    "SEVERITIES",
    "Finding",
    "Rule",
    "all_rules",
    "count",
    "evaluate",
    "rule_title",
]
