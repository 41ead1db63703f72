"""The rule panel (dock „Prüfung“): the guide's findings on the model, live.

:class:`RulePanel` follows the window's :class:`~orgdesigner.ui.evaluator.RuleEvaluator`
and shows its findings grouped by severity (a :class:`~orgdesigner.ui.findings.FindingsModel`
in a :class:`~orgdesigner.ui.findingsview.FindingsView`), with the coordination
understanding, counts and a filter in its header. Each entry shows the rule's title, the
message (what is wrong and what to do), the units it concerns by name and the guide
citation with the rule id. Clicking an entry selects and centres its units and relations
(``OrgView.reveal``). A rule can be switched off for this model with a reason
(``SetRuleSuppressed``, undoable, saved in the file and listed in the PDF appendix); its
findings then appear under „Bewusst angenommen“ with the reason, and it can be switched
on again.
"""

from __future__ import annotations

import html
import time

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSettings,
    Qt,
)
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from orgdesigner import style
from orgdesigner.canvas.badges import mark_pixmap
from orgdesigner.canvas.view import OrgView
from orgdesigner.catalog import guide
from orgdesigner.commands import SetRuleSuppressed
from orgdesigner.document import Document
from orgdesigner.i18n import current_language
from orgdesigner.rules import SEVERITIES, rule_title
from orgdesigner.ui.accessibility import readable
from orgdesigner.ui.controller import Controller
from orgdesigner.ui.docks import raise_enclosing_dock
from orgdesigner.ui.entries import Entry
from orgdesigner.ui.evaluator import Evaluation, RuleEvaluator
from orgdesigner.ui.findings import (
    GROUP_ROLE,
    GROUPS,
    KIND_ROLE,
    FindingsModel,
    count_text,
    group_title,
)
from orgdesigner.ui.findingsview import FindingsView
from orgdesigner.ui.reasondialog import MAX_REASON_LENGTH
from orgdesigner.ui.reasondialog import ask_reason as ask_reason_dialog
from orgdesigner.ui.widgets import ElidedLabel


class RulePanel(QWidget):
    """Findings of the rules on the model, live; the content of the dock „Prüfung“."""

    def __init__(self, document: Document, controller: Controller, evaluator: RuleEvaluator,
                 view: OrgView, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("rule_panel")
        self.document = document
        self.controller = controller
        self.view = view
        self.shown: Evaluation | None = None
        self.updated_at = 0.0
        """``time.perf_counter()`` when the panel last showed an evaluation."""
        self.update_ms = 0.0
        """how long showing the last evaluation took (entries, header)"""
        self.understanding_key = ""
        self._expanded = {g: True for g in GROUPS}
        self._visible = self._load_filter()

        self.understanding_title = QLabel(self.tr("Organisationsverständnis:"))
        self.understanding_badge = QLabel()
        self.understanding_badge.setObjectName("understanding")
        self.understanding_badge.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.filter_buttons: dict[str, QToolButton] = {}
        for severity in SEVERITIES:
            button = QToolButton()
            button.setObjectName(f"filter_{severity}")
            button.setCheckable(True)
            button.setChecked(self._visible[severity])
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            button.setIcon(QIcon(mark_pixmap(severity, 14, self.devicePixelRatioF())))
            button.toggled.connect(lambda on, s=severity: self.set_filter(s, on))
            self.filter_buttons[severity] = button
        self.understanding_reason = ElidedLabel()
        self.understanding_reason.setObjectName("understanding_reason")
        self.understanding_reason.setStyleSheet(f"color: {readable(style.MUTED_TEXT)}")
        # one line: the understanding on the left, the filters on the right (the rows
        # below get the height: at 1366 × 768 the panel shows at least four findings)
        self.header = QHBoxLayout()
        self.header.setContentsMargins(6, 3, 6, 2)
        self.header.setSpacing(6)
        self.header.addWidget(self.understanding_title)
        self.header.addWidget(self.understanding_badge)
        self.header.addWidget(self.understanding_reason, 1)
        filters = QHBoxLayout()
        filters.setSpacing(2)
        for button in self.filter_buttons.values():
            filters.addWidget(button)
        self.header.addLayout(filters)

        self.findings_model = FindingsModel(self)
        self.tree = FindingsView()
        self.tree.setObjectName("findings")
        self.tree.setModel(self.findings_model)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
        self.tree.clicked.connect(self._clicked)
        self.tree.activated.connect(self._activated)
        self.tree.link_activated.connect(self._link)
        self.tree.installEventFilter(self)

        header = QWidget()
        header.setObjectName("rule_panel_header")
        header.setLayout(self.header)
        # the header never widens the dock: the reason is elided, the buttons may be cut
        header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(header)
        column.addWidget(self.tree, 1)
        evaluator.evaluated.connect(self.show_evaluation)
        self._update_groups()
        if evaluator.latest is not None:
            self.show_evaluation(evaluator.latest)

    # -- following the evaluator ------------------------------------------------------
    def show_evaluation(self, result: Evaluation) -> None:
        """Show ``result`` (the entries and the header follow it)."""
        start = time.perf_counter()
        if self.findings_model.set_evaluation(result):
            self._update_groups()
            self._show_understanding(result.understanding)
        self.shown = result
        self.updated_at = time.perf_counter()
        self.update_ms = (self.updated_at - start) * 1000

    def _update_groups(self) -> None:
        counts = self.findings_model.counts
        root = QModelIndex()
        for row, group in enumerate(GROUPS):
            hidden = (group == "accepted" and counts[group] == 0) or not self._visible.get(group, True)
            self.tree.setRowHidden(row, root, hidden)
            self.tree.setExpanded(self.group_index(group), self._expanded[group])
        for severity, button in self.filter_buttons.items():
            button.setText(count_text(severity, counts[severity]))
            button.setToolTip(self.tr("{0} ein- oder ausblenden").format(group_title(severity, counts[severity])))

    def _show_understanding(self, value: tuple[str, str, str]) -> None:
        key, reason_de, reason_en = value
        lang = current_language()
        u = getattr(guide().understandings, key)
        label = u.label_en if lang == "en" else u.label_de
        reason = reason_en if lang == "en" else reason_de
        summary = u.summary_en if lang == "en" else u.summary_de
        self.understanding_badge.setText(f"{u.number} · {label}")
        ls = style.LEVEL_STYLES["coordination"]
        fill, border = (ls.fill, ls.border) if key != "none" else (style.NO_UNDERSTANDING_FILL, style.MUTED_TEXT)
        self.understanding_badge.setStyleSheet(
            f"QLabel#understanding {{ background: {fill}; color: {style.TEXT}; "
            f"border: 1px solid {border}; border-radius: 9px; padding: 1px 8px; }}"
        )
        cite = guide().understandings
        source = self.tr("Zusammenfassung der Arbeitshilfe, {0}").format(cite.citation.format())
        tip = (f"<p><b>{html.escape(label)}</b> – {html.escape(reason)}</p>"
               f"<p>{html.escape(summary)}</p><p style='color:{style.MUTED_TEXT}'>"
               f"{html.escape(source)}</p>")  # fmt: skip
        self.understanding_badge.setToolTip(tip)
        self.understanding_title.setToolTip(tip)
        self.understanding_key = key
        self.understanding_reason.set_full_text(f"– {reason}")
        self.understanding_reason.setToolTip(tip)

    # -- language ------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        """The header and every entry in the language chosen now."""
        self.understanding_title.setText(self.tr("Organisationsverständnis:"))
        shown = self.findings_model.evaluation
        if shown is not None:
            self.findings_model.evaluation = None  # the same findings, built in the new language
            self.show_evaluation(shown)
            self._update_groups()
            self._show_understanding(shown.understanding)
            self.tree.doItemsLayout()

    # -- filter ---------------------------------------------------------------------------
    def _load_filter(self) -> dict[str, bool]:
        settings = QSettings()
        return {s: bool(settings.value(f"rules/show_{s}", True, bool)) for s in SEVERITIES}

    def set_filter(self, severity: str, visible: bool) -> None:
        """Show or hide the entries of one severity (remembered in the settings)."""
        self._visible[severity] = visible
        QSettings().setValue(f"rules/show_{severity}", visible)
        button = self.filter_buttons[severity]
        if button.isChecked() != visible:
            button.setChecked(visible)
        self.tree.setRowHidden(GROUPS.index(severity), QModelIndex(), not visible)

    # -- acting on entries ------------------------------------------------------------------
    def entry(self, index: QModelIndex | QPersistentModelIndex) -> Entry | None:
        return self.findings_model.entry(index)

    def _clicked(self, index: QModelIndex) -> None:
        if index.data(KIND_ROLE) == "group":
            group = str(index.data(GROUP_ROLE))
            self._expanded[group] = not self.tree.isExpanded(index)
            self.tree.setExpanded(index, self._expanded[group])
            return
        self._activated(index)

    def _activated(self, index: QModelIndex) -> None:
        entry = self.entry(index)
        if entry is None or entry.kind == "more":
            return
        if entry.subjects:
            self.view.reveal(entry.subjects)
        else:
            self.controller.message.emit(self.tr("Der Befund „{0}“ betrifft das Modell als Ganzes.")
                                         .format(rule_title(entry.rule_id)))  # fmt: skip

    def _link(self, link: str, index: QModelIndex) -> None:
        self.tree.setCurrentIndex(index)
        action, _, rule_id = link.partition(":")
        if action == "suppress":
            self.request_suppress(rule_id)
        elif action == "enable":
            self.enable(rule_id)

    def ask_reason(self, rule_id: str, reason: str = "") -> str | None:
        """Ask for the reason to switch ``rule_id`` off; ``None`` when cancelled."""
        return ask_reason_dialog(rule_title(rule_id), reason, self)

    def request_suppress(self, rule_id: str) -> bool:
        """Ask for a reason, then switch ``rule_id`` off for this model (undoable)."""
        current = self.document.model.suppressed_rules.get(rule_id, "")
        reason = self.ask_reason(rule_id, current)
        if reason is None:
            return False
        return self.suppress(rule_id, reason)

    def suppress(self, rule_id: str, reason: str) -> bool:
        reason = reason.strip()[:MAX_REASON_LENGTH]
        if not reason:
            return False
        command = SetRuleSuppressed(rule_id, reason)
        return self.controller.push(command)

    def enable(self, rule_id: str) -> bool:
        """Switch ``rule_id`` on again (undoable)."""
        if rule_id not in self.document.model.suppressed_rules:
            return False
        command = SetRuleSuppressed(rule_id, "")
        command.text_de, command.text_en = "Prüfregel wieder einschalten", "Re-enable rule"
        return self.controller.push(command)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree and event.type() == QEvent.Type.ContextMenu:
            assert isinstance(event, QContextMenuEvent)
            self._context_menu(event.pos(), event.globalPos())
            return True
        if watched is self.tree and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._activated(self.tree.currentIndex())
                return True
        return super().eventFilter(watched, event)

    def build_context_menu(self, index: QModelIndex) -> QMenu | None:
        entry = self.entry(index)
        if entry is None or entry.kind == "more":
            return None
        menu = QMenu(self)
        show = menu.addAction(self.tr("Im Modell zeigen"))
        show.setEnabled(bool(entry.subjects))
        show.triggered.connect(lambda: self._activated(index))
        menu.addSeparator()
        title = rule_title(entry.rule_id)
        if entry.kind == "accepted":
            change = menu.addAction(self.tr("Begründung ändern …"))
            change.setObjectName("change_reason")
            change.triggered.connect(lambda: self.request_suppress(entry.rule_id))
            enable = menu.addAction(self.tr("Regel „{0}“ wieder einschalten").format(title))
            enable.setObjectName("enable_rule")
            enable.triggered.connect(lambda: self.enable(entry.rule_id))
        else:
            off = menu.addAction(self.tr("Regel „{0}“ für dieses Modell ausschalten …").format(title))
            off.setObjectName("suppress_rule")
            off.triggered.connect(lambda: self.request_suppress(entry.rule_id))
        menu.addSeparator()
        copy = menu.addAction(self.tr("Text kopieren"))
        copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(entry.text))
        return menu

    def _context_menu(self, pos: QPoint, global_pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        menu = self.build_context_menu(index)
        if menu is not None:
            self.tree.setCurrentIndex(index)
            menu.exec(global_pos)

    # -- for the window and tests -----------------------------------------------------------------
    def raise_dock(self) -> None:
        raise_enclosing_dock(self)

    def group_index(self, group: str) -> QModelIndex:
        return self.findings_model.group_index(group)

    def entries(self, group: str) -> list[Entry]:
        return self.findings_model.entries(group)

    def entry_texts(self, group: str) -> list[str]:
        return [e.text for e in self.entries(group)]

    def entry_index(self, group: str, rule_id: str) -> QModelIndex:
        return self.findings_model.entry_index(group, rule_id)

    def is_group_visible(self, group: str) -> bool:
        return not self.tree.isRowHidden(GROUPS.index(group), QModelIndex())
