"""The findings of one evaluation as the window shows them.

:class:`FindingsModel` is a Qt item model over one :class:`~orgdesigner.ui.evaluator.Evaluation`:
four group rows (warnings, hints, information, deliberately accepted rules), each with
one row per :class:`~orgdesigner.ui.entries.Entry`. A new evaluation changes only the
rows whose entries changed, so selection and scrolling stay where the user left them.

:func:`canvas_badges` makes the canvas badges follow the evaluator (:func:`badge_marks`
turns an evaluation into their marks). The severity words and counts („1 Warnung“,
„3 Hinweise“) are shared by the panel, its filter buttons and the status bar.
"""

from __future__ import annotations

import difflib
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from orgdesigner.canvas.badges import FindingBadges, Mark
from orgdesigner.canvas.scene import OrgScene
from orgdesigner.i18n import current_language
from orgdesigner.rules import SEVERITIES, Finding
from orgdesigner.ui.entries import Entry, accepted_entry, finding_entry, more_entry
from orgdesigner.ui.evaluator import Evaluation, RuleEvaluator

MAX_ENTRIES = 250
"""Entries listed per severity; more are summed up in one line (a huge model stays quick)."""

GROUPS = ("warning", "hint", "info", "accepted")
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
"""``group``, or the entry's kind (``finding``, ``accepted``, ``more``)"""
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2
"""the row's :class:`Entry` (none on group rows)"""
GROUP_ROLE = Qt.ItemDataRole.UserRole + 3
"""the group of a group row"""

_GROUP_ID = 0
"""``internalId`` of a group row; an entry row has its group's row + 1."""
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


# -- the panel's words ----------------------------------------------------------------
def severity_name(severity: str) -> str:
    """„Warnung“, „Hinweis“, „Information“ ('' for anything else)."""
    names = {
        "warning": QCoreApplication.translate("RulePanel", "Warnung"),
        "hint": QCoreApplication.translate("RulePanel", "Hinweis"),
        "info": QCoreApplication.translate("RulePanel", "Information"),
    }
    return names.get(severity, "")


def count_text(severity: str, n: int) -> str:
    """„1 Warnung“, „3 Hinweise“ …"""
    if n == 1:
        one = {"warning": QCoreApplication.translate("RulePanel", "1 Warnung"),
               "hint": QCoreApplication.translate("RulePanel", "1 Hinweis"),
               "info": QCoreApplication.translate("RulePanel", "1 Information")}  # fmt: skip
        return one[severity]
    many = {"warning": QCoreApplication.translate("RulePanel", "{0} Warnungen"),
            "hint": QCoreApplication.translate("RulePanel", "{0} Hinweise"),
            "info": QCoreApplication.translate("RulePanel", "{0} Informationen")}  # fmt: skip
    return many[severity].format(n)


def group_title(group: str, n: int) -> str:
    """„Warnungen (3)“ …"""
    names = {
        "warning": QCoreApplication.translate("RulePanel", "Warnungen ({0})"),
        "hint": QCoreApplication.translate("RulePanel", "Hinweise ({0})"),
        "info": QCoreApplication.translate("RulePanel", "Informationen ({0})"),
        "accepted": QCoreApplication.translate("RulePanel", "Bewusst angenommen ({0})"),
    }
    return names[group].format(n)


# -- the canvas badges ----------------------------------------------------------------
def badge_names() -> dict[str, str]:
    """The severity words of the badges' tooltips."""
    names: dict[str, str] = {s: severity_name(s) for s in SEVERITIES}
    names["more"] = QCoreApplication.translate("RulePanel", "{0} weitere")
    return names


def canvas_badges(evaluator: RuleEvaluator, scene: OrgScene) -> FindingBadges:
    """Badges on ``scene`` that follow every evaluation of ``evaluator``."""
    badges = FindingBadges(scene)
    badges.names = badge_names()
    evaluator.evaluated.connect(lambda result: badges.show(badge_marks(result)))
    return badges


def badge_marks(result: Evaluation) -> dict[str, Mark]:
    """One mark per unit or relation with findings not accepted: worst severity first."""
    rank: dict[str, int] = {s: i for i, s in enumerate(SEVERITIES)}
    lines: dict[str, list[tuple[str, str]]] = {}
    lang = current_language()
    for f in result.findings:
        if f.accepted:
            continue
        for subject in dict.fromkeys(f.subjects):
            text = f"{f.title(lang)}: {f.message(lang)}"  # the rule by title, as in the panel
            lines.setdefault(subject, []).append((f.severity, text))
    marks = {}
    for subject, found in lines.items():
        found.sort(key=lambda x: rank[x[0]])
        marks[subject] = Mark(found[0][0], tuple(found))
    return marks


# -- the item model ---------------------------------------------------------------------
class FindingsModel(QAbstractItemModel):
    """Groups and entries of one evaluation (one column)."""

    synced = Signal()
    """Rows were inserted or removed for a new evaluation."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.evaluation: Evaluation | None = None
        """the evaluation shown"""
        self.counts: dict[str, int] = dict.fromkeys(GROUPS, 0)
        """findings per severity (all of them, also those summed up) and accepted rules"""
        self._rows: dict[str, list[Entry]] = {g: [] for g in GROUPS}
        self._entry_cache: dict[tuple[Any, ...], Entry] = {}

    # -- following evaluations ------------------------------------------------------------
    def set_evaluation(self, result: Evaluation) -> bool:
        """Show ``result``; False when its content is the one shown already."""
        if result.same_content(self.evaluation):
            self.evaluation = result
            return False
        self.evaluation = result
        entries = self._entries(result)
        counts = {g: len(entries[g]) for g in GROUPS}
        counts["accepted"] = len(result.suppressed)
        for severity in SEVERITIES:
            if counts[severity] > MAX_ENTRIES:  # the badges on the canvas still show them all
                rest = counts[severity] - MAX_ENTRIES
                entries[severity] = [*entries[severity][:MAX_ENTRIES], more_entry(severity, rest)]
        changed = False
        for group in GROUPS:
            changed = self._sync_group(group, entries[group]) or changed
        before, self.counts = self.counts, counts
        for row, group in enumerate(GROUPS):
            if counts[group] != before[group]:  # its title: one row at a time, so that the
                index = self.index(row, 0)  # view does not measure every entry in between
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])
        if changed:
            self.synced.emit()
        return True

    def _entries(self, result: Evaluation) -> dict[str, list[Entry]]:
        """The entries for ``result``; an unchanged finding keeps its entry."""
        lang = current_language()
        out: dict[str, list[Entry]] = {g: [] for g in GROUPS}
        accepted: dict[str, list[Finding]] = {}
        cache: dict[tuple[Any, ...], Entry] = {}
        for f in result.findings:
            if f.accepted:
                accepted.setdefault(f.rule_id, []).append(f)
                continue
            key = (f, tuple(result.names.get(s, s) for s in f.subjects), lang)
            entry = self._entry_cache.get(key)
            if entry is None:
                entry = finding_entry(f, result.names, lang)
            cache[key] = entry
            out[f.severity].append(entry)
        self._entry_cache = cache
        for rule_id, reason in result.suppressed:
            out["accepted"].append(accepted_entry(rule_id, reason, accepted.get(rule_id, []),
                                                  result.names, lang))  # fmt: skip
        return out

    def _sync_group(self, group: str, entries: list[Entry]) -> bool:
        """Make the group's rows show ``entries``; rows of unchanged entries stay."""
        rows = self._rows[group]
        old = [e.key for e in rows]
        new = [e.key for e in entries]
        if old == new:
            self._rows[group] = list(entries)  # same texts; the subjects' ids may differ
            return False
        parent = self.group_index(group)
        matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
        for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
            if tag == "equal":
                continue
            if i2 > i1:
                self.beginRemoveRows(parent, i1, i2 - 1)
                del rows[i1:i2]
                self.endRemoveRows()
            if j2 > j1:
                self.beginInsertRows(parent, i1, i1 + j2 - j1 - 1)
                rows[i1:i1] = entries[j1:j2]
                self.endInsertRows()
        self._rows[group] = list(entries)
        return True

    # -- reading ------------------------------------------------------------------------
    def group_index(self, group: str) -> QModelIndex:
        return self.index(GROUPS.index(group), 0)

    def entries(self, group: str) -> list[Entry]:
        return list(self._rows[group])

    def entry_index(self, group: str, rule_id: str) -> QModelIndex:
        """The first entry of ``rule_id`` in ``group`` (invalid when there is none)."""
        parent = self.group_index(group)
        for row, entry in enumerate(self._rows[group]):
            if entry.rule_id == rule_id:
                return self.index(row, 0, parent)
        return QModelIndex()

    def keys(self) -> set[str]:
        """The keys of every entry shown."""
        return {e.key for rows in self._rows.values() for e in rows}

    @staticmethod
    def entry(index: QModelIndex | QPersistentModelIndex) -> Entry | None:
        value = index.data(ENTRY_ROLE)
        return value if isinstance(value, Entry) else None

    # -- QAbstractItemModel ---------------------------------------------------------------
    def index(self, row: int, column: int,
              parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008  # fmt: skip
        if parent.isValid():  # an entry: asked for each row at every layout, so kept short
            group = parent.row()
            if (column == 0 and parent.internalId() == _GROUP_ID
                    and 0 <= row < len(self._rows[GROUPS[group]])):  # fmt: skip
                return self.createIndex(row, 0, group + 1)
            return QModelIndex()
        if column == 0 and 0 <= row < len(GROUPS):
            return self.createIndex(row, 0, _GROUP_ID)
        return QModelIndex()

    def parent(self, index: QModelIndex | QPersistentModelIndex) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _GROUP_ID:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _GROUP_ID)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(GROUPS)
        if parent.internalId() == _GROUP_ID:
            return len(self._rows[GROUPS[parent.row()]])
        return 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if not index.isValid():
            return None
        if index.internalId() == _GROUP_ID:
            group = GROUPS[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return group_title(group, self.counts[group])
            if role == KIND_ROLE:
                return "group"
            if role == GROUP_ROLE:
                return group
            return None
        rows = self._rows[GROUPS[index.internalId() - 1]]
        if index.row() >= len(rows):
            return None
        entry = rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.text
        if role == KIND_ROLE:
            return entry.kind
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.tooltip or None  # the rule id: shown here only
        if role == Qt.ItemDataRole.AccessibleTextRole:
            severity = severity_name(entry.severity)
            return f"{severity}: {entry.text}" if severity else None  # „Warnung: <text>“
        return None
