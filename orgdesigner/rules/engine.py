"""The rule engine: what a rule is, and one evaluation that runs rules over a snapshot.

A rule is a function over a :class:`~orgdesigner.rules.context.Context` that yields
:class:`Hit` objects (subjects and a bilingual message that says what is wrong and what to
do); :func:`rule` wraps it into a :class:`Rule` with its contract id (DOMAIN.md §6),
default severity, guide citation and title. :func:`run` turns the hits into
:class:`Finding` objects. Rules are pure functions over a snapshot of the model: no Qt, no
I/O, no mutation. Which rules exist is listed in ``orgdesigner.rules``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from orgdesigner.catalog import Citation, Citations, sources
from orgdesigner.i18n import current_language
from orgdesigner.model import OrgModel
from orgdesigner.rules.context import Context
from orgdesigner.rules.phase import phase_note, phase_of, phase_severity
from orgdesigner.rules.text import Text

Severity = Literal["warning", "hint", "info"]
Details = tuple[tuple[str, str | int | None], ...]
"""Machine-readable facts of a finding as (key, value) pairs (``details`` in the JSON)."""
SEVERITIES: tuple[Severity, ...] = ("warning", "hint", "info")
SEVERITY_RANK: dict[str, int] = {"warning": 0, "hint": 1, "info": 2}


@dataclass(frozen=True)
class Hit:
    """What a rule reports; the engine adds id, citation and default severity."""

    subjects: tuple[str, ...]
    message: Text
    severity: Severity | None = None
    details: Details = ()
    citation: Citations | None = None
    """Where this case's sentence stands when it is not the rule's own source (e.g. a
    municipal company is judged by Tabelle 8, an outsourced entity by Tabelle 4)."""


@dataclass(frozen=True)
class Finding:
    """One finding of one rule on one model."""

    rule_id: str
    severity: Severity
    subjects: tuple[str, ...]
    message_de: str
    message_en: str
    citation: Citations
    accepted: bool = False
    """The model's officer switched this rule off (``suppressed_rules``) with a reason."""
    title_de: str = ""
    title_en: str = ""
    """The rule's title: what users read instead of the id (DOMAIN.md §6d)."""
    details: Details = ()
    """Machine-readable facts, e.g. ``coordination-understanding``'s ``understanding``."""

    def message(self, lang: str | None = None) -> str:
        return self.message_en if (lang or current_language()) == "en" else self.message_de

    def title(self, lang: str | None = None) -> str:
        return self.title_en if (lang or current_language()) == "en" else self.title_de

    def to_json(self, lang: str | None = None) -> dict[str, Any]:
        """The documented JSON form (``docs/cli.md``)."""
        return {
            "rule_id": self.rule_id,
            "title": self.title(lang),
            "severity": self.severity,
            "subjects": list(self.subjects),
            "message": self.message(lang),
            "citation": self.citation.format(lang),
            "citations": self.citation.to_json(lang),
            "accepted": self.accepted,
            "details": dict(self.details),
        }


RuleFunction = Callable[[Context], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    citation: Citations
    title_de: str
    title_en: str
    function: RuleFunction = field(compare=False)

    @property
    def description(self) -> str:
        """Trigger, threshold and source, from the rule function's docstring."""
        return " ".join((self.function.__doc__ or "").split())

    def title(self, lang: str | None = None) -> str:
        return self.title_en if (lang or current_language()) == "en" else self.title_de


def rule(
    rule_id: str, severity: Severity, citation: Citation | Citations, title: Text
) -> Callable[[RuleFunction], Rule]:
    """Make a rule function the :class:`Rule` ``rule_id`` (registers nothing). ``citation``
    is the guide's place for the rule, or all of them when two sources back it (§6d)."""
    cited = sources(citation) if isinstance(citation, Citation) else citation

    def make(function: RuleFunction) -> Rule:
        return Rule(rule_id, severity, cited, title.de, title.en, function)

    return make


UNKNOWN_RULE = Text("Unbekannte Prüfregel „{id}“", "Unknown rule “{id}”")
"""The title of a rule id no registered rule has (``suppressed_rules`` of a newer version)."""


def title_of(rule_id: str, rules: dict[str, Rule], lang: str | None = None) -> str:
    """The title of ``rule_id`` among ``rules``; a rule this version does not know is named
    as such (its id is all there is to say about it)."""
    rule_ = rules.get(rule_id)
    if rule_ is not None:
        return rule_.title(lang)
    text = UNKNOWN_RULE.format(id=rule_id)
    return text.en if (lang or current_language()) == "en" else text.de


def registry(*families: Iterable[Rule]) -> dict[str, Rule]:
    """The rules of ``families`` by id, in the order given; an id may occur only once."""
    rules: dict[str, Rule] = {}
    for family in families:
        for rule_ in family:
            if rule_.id in rules:
                raise ValueError(f"rule {rule_.id} registered twice")
            rules[rule_.id] = rule_
    return rules


def run(model: OrgModel, rules: Iterable[Rule]) -> list[Finding]:
    """Run ``rules`` on ``model`` and return the findings, sorted.

    Findings of rules the model lists in ``suppressed_rules`` are returned with
    ``accepted=True``. A hit without its own severity gets the rule's severity in the
    model's phase (``rules.phase``, DOMAIN.md §6b), else the rule's default; when the
    phase changed it, the message ends with why. Sorted by severity, rule id, then
    subjects.
    """
    ctx = Context(model)
    phase = phase_of(model.meta)
    findings: list[Finding] = []
    for rule_ in rules:
        accepted = rule_.id in model.suppressed_rules
        in_phase = phase_severity(rule_.id, phase)
        note = phase_note(rule_.id, phase)
        for hit in rule_.function(ctx):
            message = hit.message
            if hit.severity is None and note is not None:
                message = message + Text(" ", " ") + note
            findings.append(
                Finding(
                    rule_id=rule_.id,
                    severity=hit.severity or in_phase or rule_.severity,
                    subjects=hit.subjects,
                    message_de=message.de,
                    message_en=message.en,
                    citation=hit.citation or rule_.citation,
                    accepted=accepted,
                    title_de=rule_.title_de,
                    title_en=rule_.title_en,
                    details=hit.details,
                )
            )
    findings.sort(key=lambda f: (SEVERITY_RANK[f.severity], f.rule_id, f.subjects))
    return findings


def count(findings: Iterable[Finding]) -> dict[str, int]:
    """Number of findings per severity, not counting accepted ones."""
    result: dict[str, int] = dict.fromkeys(SEVERITIES, 0)
    for f in findings:
        if not f.accepted:
            result[f.severity] += 1
    return result
