"""What one row of the rule panel says: an :class:`Entry`, built from a finding or from a
rule switched off for this model.

Each entry carries its rich text (drawn by ``ui.findingsview``: the rule's title, the
message, the units it concerns by name, the guide citation and a link that switches the
rule off or on again) and the same content as plain text (screen readers, tests, copying).
Users read a rule by its title; the rule id is only in the entry's tooltip (DOMAIN.md §6d).
The texts belong to the panel: their translation context stays ``RulePanel``.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from orgdesigner import style
from orgdesigner.rules import Finding, all_rules, rule_title

MAX_NAMES = 6
"""Units named in an entry; more are summed up."""


@dataclass(frozen=True)
class Entry:
    """One row of the panel: a finding, or a rule switched off for this model."""

    kind: str
    """``finding``, ``accepted``, or ``more`` (the line that sums up entries not listed)"""
    severity: str
    rule_id: str
    subjects: tuple[str, ...]
    html: str
    text: str
    """plain text of the entry (accessibility, tests, copying)"""
    reason: str = ""
    tooltip: str = ""
    """where the rule id is shown (for support and the JSON of ``orgdesigner check``)"""

    @property
    def key(self) -> str:
        return self.html


def concerns(subjects: Sequence[str], names: dict[str, str]) -> str:
    """The names of ``subjects``, at most :data:`MAX_NAMES` of them."""
    shown = [names.get(s, s) for s in subjects]
    if len(shown) > MAX_NAMES:
        rest = len(shown) - MAX_NAMES + 1
        more = QCoreApplication.translate("RulePanel", "und {0} weitere").format(rest)
        shown = [*shown[: MAX_NAMES - 1], more]
    return "; ".join(shown)


def _source_line(citation: str, href: str, link: str) -> str:
    """The last line of an entry: citation and the link that acts on the rule."""
    return (f"<div style='margin-top:3px; color:{style.ACCEPTED}; font-size:small'>"
            f"{html.escape(citation)} &nbsp; <a href='{href}' "
            f"style='color:{style.SELECTION}'>{html.escape(link)}</a></div>")  # fmt: skip


def rule_tooltip(rule_id: str, lang: str) -> str:
    """The tooltip of an entry: the rule's title and its id (the only place it is shown)."""
    text = QCoreApplication.translate("RulePanel", "Prüfregel „{0}“ (Kennung: {1})")
    return text.format(rule_title(rule_id, lang), rule_id)


def finding_entry(f: Finding, names: dict[str, str], lang: str) -> Entry:
    """The entry of a finding; its link (``suppress:<rule id>``) switches the rule off."""
    title = rule_title(f.rule_id, lang)
    concerned = concerns(f.subjects, names)
    citation = f.citation.format(lang)
    link = QCoreApplication.translate("RulePanel", "Für dieses Modell ausschalten …")
    concerns_label = QCoreApplication.translate("RulePanel", "Betrifft:")
    body = (
        f"<div style='font-weight:600'>{html.escape(title)}</div>"
        f"<div style='margin-top:2px'>{html.escape(f.message(lang))}</div>"
    )
    if concerned:
        body += (f"<div style='margin-top:3px; color:{style.MUTED_TEXT}'>"
                 f"{html.escape(concerns_label)} {html.escape(concerned)}</div>")  # fmt: skip
    body += _source_line(citation, f"suppress:{f.rule_id}", link)
    text = "\n".join(filter(None, [
        title, f.message(lang), f"{concerns_label} {concerned}" if concerned else "",
        citation]))  # fmt: skip
    return Entry("finding", f.severity, f.rule_id, f.subjects, body, text,
                 tooltip=rule_tooltip(f.rule_id, lang))  # fmt: skip


def accepted_entry(rule_id: str, reason: str, found: list[Finding],
                   names: dict[str, str], lang: str) -> Entry:  # fmt: skip
    """The entry of a rule switched off with ``reason``; ``found``: its findings now.
    Its link (``enable:<rule id>``) switches the rule on again."""
    rule = all_rules().get(rule_id)
    title = rule_title(rule_id, lang)
    subjects = tuple(dict.fromkeys(s for f in found for s in f.subjects))
    if not found:
        status = QCoreApplication.translate("RulePanel", "Derzeit kein Befund dieser Regel.")
    elif len(found) == 1:
        status = QCoreApplication.translate("RulePanel", "1 Befund angenommen.")
    else:
        status = QCoreApplication.translate("RulePanel", "{0} Befunde angenommen.").format(len(found))
    concerned = concerns(subjects, names)
    if concerned:
        status += " " + QCoreApplication.translate("RulePanel", "Betrifft:") + " " + concerned
    citation = rule.citation.format(lang) if rule else ""
    severity = found[0].severity if found else (rule.severity if rule else "info")
    link = QCoreApplication.translate("RulePanel", "Wieder einschalten")
    because = QCoreApplication.translate("RulePanel", "Bewusst angenommen – Begründung:")
    body = (
        f"<div style='font-weight:600; color:{style.MUTED_TEXT}'>{html.escape(title)}</div>"
        f"<div style='margin-top:2px'>{html.escape(because)} „{html.escape(reason)}“</div>"
        f"<div style='margin-top:3px; color:{style.MUTED_TEXT}'>{html.escape(status)}</div>"
        + _source_line(citation, f"enable:{rule_id}", link)
    )
    text = "\n".join(filter(None, [title, f"{because} „{reason}“", status, citation]))
    return Entry("accepted", severity, rule_id, subjects, body, text, reason,
                 rule_tooltip(rule_id, lang))  # fmt: skip


def more_entry(severity: str, rest: int) -> Entry:
    """The line that sums up the ``rest`` findings of ``severity`` not listed."""
    text = QCoreApplication.translate(
        "RulePanel", "… und {0} weitere. Die Markierungen auf der Zeichenfläche "
        "zeigen alle; was Sie beheben, rückt hier nach.").format(rest)  # fmt: skip
    return Entry("more", severity, "", (), f"<div style='color:{style.MUTED_TEXT}'>"
                 f"{html.escape(text)}</div>", text)  # fmt: skip
