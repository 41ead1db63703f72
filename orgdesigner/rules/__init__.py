"""Rules: the guide's verdict on a model (DOMAIN.md §6). No Qt here."""

from orgdesigner.rules.engine import (
    REGISTRY,
    SEVERITIES,
    Finding,
    Rule,
    all_rules,
    count,
    evaluate,
)

__all__ = ["REGISTRY", "SEVERITIES", "Finding", "Rule", "all_rules", "count", "evaluate"]
