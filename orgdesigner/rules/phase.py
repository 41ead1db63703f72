"""The project phase changes the verdict (DOMAIN.md §6b): one table of severities per phase.

The guide stresses that structures change as the process advances (Kap. 3, S. 13 ff.;
Kap. 4.2, Organisationsverständnis 4, S. 22 ff.: in the early trial phase a coordination
is „weder vorhanden noch erforderlich“). :data:`PHASE_SEVERITIES` gives, for the rules
whose verdict depends on ``meta.phase``, the severity in each phase; a model without a
phase counts as ``strategy``. Wherever a phase's severity differs from the ``strategy``
one, :data:`PHASE_REASONS` says why, and the engine appends that reason to the message
(:func:`phase_note`). Data only: the rules themselves do not look at the phase.
"""

from __future__ import annotations

from typing import Literal

from orgdesigner.model import Meta
from orgdesigner.rules.text import Text

Severity = Literal["warning", "hint", "info"]
Phase = Literal["pilot", "strategy", "implementation", "consolidation"]
PHASES: tuple[Phase, ...] = ("pilot", "strategy", "implementation", "consolidation")
DEFAULT_PHASE: Phase = "strategy"
"""The phase of a model that names none."""

PHASE_SEVERITIES: dict[str, tuple[Severity, Severity, Severity, Severity]] = {
    # rule id                          pilot      strategy   implementation consolidation
    "no-coordination":                 ("info",    "warning", "warning",     "warning"),
    "departments-without-integration": ("info",    "warning", "warning",     "warning"),
    "no-strategic-body":               ("hint",    "warning", "warning",     "warning"),
    "company-not-in-steering":         ("info",    "hint",    "hint",        "hint"),
    "external-provider-coordinates":   ("hint",    "warning", "warning",     "warning"),
    "regional-without-agreement":      ("hint",    "hint",    "hint",        "warning"),
    "board-not-at-top":                ("info",    "hint",    "hint",        "hint"),
}  # fmt: skip
"""Rule id → severity in the phases of :data:`PHASES`, in that order (DOMAIN.md §6b)."""

_TRIAL = Text("In der Erprobungsphase", "In the trial phase")
PHASE_REASONS: dict[tuple[str, Phase], Text] = {
    ("no-coordination", "pilot"): _TRIAL
    + Text(
        " ist eine übergeordnete Koordination weder vorhanden noch erforderlich "
        "(Organisationsverständnis 4, Kap. 4.2, S. 22 ff.)",
        " an overarching coordination is neither in place nor needed (understanding 4, "
        "ch. 4.2, p. 22 ff.)",
    ),
    ("departments-without-integration", "pilot"): _TRIAL
    + Text(
        " erproben einzelne Fachämter erste Maßnahmen und bleiben dabei in der Regel bei "
        "ihrem eigenen Fachbereich (Organisationsverständnis 4, Kap. 4.2, S. 22 ff.)",
        " single departments try out first measures and as a rule stay within their own "
        "field (understanding 4, ch. 4.2, p. 22 ff.)",
    ),
    ("no-strategic-body", "pilot"): _TRIAL
    + Text(
        " ist das Vorhaben noch nicht übergeordnet gesteuert; erst der Schritt in die "
        "koordinierte Strategiephase braucht ein Steuerungsgremium (Organisationsverständnis "
        "4, Kap. 4.2, S. 22 ff.)",
        " the programme is not yet steered as a whole; the step into the coordinated "
        "strategy phase is what needs a steering body (understanding 4, ch. 4.2, p. 22 ff.)",
    ),
    ("company-not-in-steering", "pilot"): _TRIAL
    + Text(
        " erproben kommunale Unternehmen wie Stadtwerke einzelne Maßnahmen meist noch für "
        "sich (Organisationsverständnis 4, Kap. 4.2, S. 22 ff.)",
        " municipal companies such as utilities mostly still try out single measures on "
        "their own (understanding 4, ch. 4.2, p. 22 ff.)",
    ),
    ("external-provider-coordinates", "pilot"): _TRIAL
    + Text(
        " werden erste Erfahrungen gesammelt und Fachkompetenzen vor Ort erst aufgebaut "
        "(Organisationsverständnis 4, Kap. 4.2, S. 22 ff.); spätestens für die Strategiephase "
        "sollte das Know-how in der Kommune liegen (Botschaft 6, S. 54)",
        " first experience is gathered and local expertise is only being built up "
        "(understanding 4, ch. 4.2, p. 22 ff.); by the strategy phase at the latest the "
        "know-how should lie within the municipality (Botschaft 6, p. 54)",
    ),
    ("regional-without-agreement", "consolidation"): Text(
        "In der Verstetigungsphase braucht eine regionale Kooperation verbindliche Verträge "
        "und Vereinbarungen über Entscheidungswege, Rollen und Ressourcen (Kap. 4.1, "
        "S. 19 ff.; Fraunhofer IESE 2021: 30 ff.)",
        "In the consolidation phase a regional cooperation needs binding contracts and "
        "agreements on decision paths, roles and resources (ch. 4.1, p. 19 ff.; Fraunhofer "
        "IESE 2021: 30 ff.)",
    ),
    ("board-not-at-top", "pilot"): _TRIAL
    + Text(
        " gibt es meist noch keine übergeordnete Steuerung, die der Rat eines Beirats "
        "erreichen müsste (Organisationsverständnis 4, Kap. 4.2, S. 22 ff.)",
        " there is mostly no overall steering yet that a board's advice would have to reach "
        "(understanding 4, ch. 4.2, p. 22 ff.)",
    ),
}
"""Why a phase changes a rule's severity from the ``strategy`` one: one entry for every
such cell of :data:`PHASE_SEVERITIES`. Summaries in our own words with the guide's place;
„weder vorhanden noch erforderlich“ is the guide's wording (4.2, Organisationsverständnis 4)."""

_CONSEQUENCE: dict[tuple[bool, Severity], Text] = {
    (True, "hint"): Text(", daher nur ein Hinweis.", ", hence only a hint."),
    (True, "info"): Text(", daher nur eine Information.", ", hence only information."),
    (False, "warning"): Text(", daher eine Warnung.", ", hence a warning."),
    (False, "hint"): Text(", daher ein Hinweis.", ", hence a hint."),
}
"""(lowered?, severity) → how the note ends."""

_RANK: dict[str, int] = {"warning": 0, "hint": 1, "info": 2}


def phase_of(meta: Meta) -> Phase:
    """``meta.phase``, or :data:`DEFAULT_PHASE` when the model names none."""
    return meta.phase or DEFAULT_PHASE


def phase_severity(rule_id: str, phase: Phase) -> Severity | None:
    """The severity of ``rule_id`` in ``phase``; ``None`` for a rule the phase does not
    change."""
    row = PHASE_SEVERITIES.get(rule_id)
    return None if row is None else row[PHASES.index(phase)]


def phase_note(rule_id: str, phase: Phase) -> Text | None:
    """The sentence the message gets when ``phase`` changed the severity of ``rule_id``
    from the ``strategy`` one (what the phase means and the consequence); else ``None``."""
    severity = phase_severity(rule_id, phase)
    usual = phase_severity(rule_id, DEFAULT_PHASE)
    if severity is None or usual is None or severity == usual:
        return None
    lowered = _RANK[severity] > _RANK[usual]
    return PHASE_REASONS[(rule_id, phase)] + _CONSEQUENCE[(lowered, severity)]
