"""Comparison mode: „bisher“ (another file, or the saved state) against the open model.

:class:`ComparePanel` is the content of the dock „Vergleich“. It holds the other version
(never written), compares it with the open document (:func:`orgdesigner.compare.compare`)
and shows the result twice: as a list – the verdict change first („2 Warnungen entfallen,
1 Hinweis kommt hinzu“), the findings resolved and introduced by title, then the changes
grouped into units, relations and the model's data – and on the canvas
(:class:`orgdesigner.canvas.changes.ChangeMarkers`). A click on a change selects its unit
or relation, or highlights the ghost of a removed one.

Editing stays possible: after every evaluation of the window's rule evaluator (which is
debounced) the comparison is made again with the evaluator's findings for the new version,
so the rules run once per edit, not twice.
"""

from __future__ import annotations

import html
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orgdesigner.canvas.badges import mark_pixmap
from orgdesigner.canvas.changes import GLYPHS, ChangeMarkers, change_lines
from orgdesigner.canvas.scene import OrgScene
from orgdesigner.canvas.view import OrgView
from orgdesigner.catalog import catalog
from orgdesigner.compare import Comparison, change_rows, compare, verdict_summary
from orgdesigner.document import Document
from orgdesigner.i18n import current_language
from orgdesigner.model import OrgModel
from orgdesigner.naming import subject_names
from orgdesigner.rules import Finding, evaluate
from orgdesigner.ui.evaluator import Evaluation, RuleEvaluator
from orgdesigner.ui.session import OPEN_FILTER

TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
"""(new ids, old ids) a row reveals on the canvas"""
GROUP_ROLE = Qt.ItemDataRole.UserRole + 2
"""the group of a group row: ``resolved``, ``introduced``, ``unit``, ``relation``, ``meta``,
``notes``"""


def choose_compare_file(parent: QWidget, start: str, options: QFileDialog.Option) -> Path | None:
    """The file dialog of „Vergleichen mit …“ (the window's default chooser)."""
    name, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("ComparePanel", "Vergleichen mit …"), start,
        QCoreApplication.translate("MainWindow", "Organisationsmodelle ({0})").format(OPEN_FILTER),
        "", options)  # fmt: skip
    return Path(name) if name else None


def finding_text(f: Finding, lang: str) -> str:
    """A finding as the list names it: its title, and the function it is about (two
    uncovered functions are two findings with one title)."""
    function = dict(f.details).get("function")
    if isinstance(function, str) and function in {x.id for x in catalog().functions}:
        return f"{f.title(lang)}: {catalog().function(function).label.get(lang)}"
    return f.title(lang)


class ComparePanel(QWidget):
    """The list of changes between „bisher“ and the open model („künftig“)."""

    active_changed = Signal(bool)

    def __init__(self, document: Document, scene: OrgScene, view: OrgView,
                 evaluator: RuleEvaluator, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("compare_panel")
        self.document = document
        self.scene = scene
        self.view = view
        self.evaluator = evaluator
        self.markers = ChangeMarkers(scene)
        self.old: OrgModel | None = None
        """the other version („bisher“) while comparing"""
        self.old_name = ""
        self._old_findings: tuple[Finding, ...] = ()
        self.comparison: Comparison | None = None
        self._listed: tuple[object, ...] = ()
        """what the list shows (rebuilt only when it changes)"""

        self.verdict = QLabel()
        self.verdict.setObjectName("compare_verdict")
        self.verdict.setWordWrap(True)
        bold = QFont(self.verdict.font())
        bold.setBold(True)
        self.verdict.setFont(bold)
        self.versions = QLabel()
        self.versions.setObjectName("compare_versions")
        self.versions.setWordWrap(True)
        self.versions.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.stop_button = QPushButton()
        self.stop_button.setObjectName("compare_stop")
        self.stop_button.clicked.connect(self.stop)
        self.tree = QTreeWidget()
        self.tree.setObjectName("compare_changes")
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self.tree.itemClicked.connect(lambda item, _col: self.reveal(item))
        self.tree.itemActivated.connect(lambda item, _col: self.reveal(item))
        header = QHBoxLayout()
        header.setContentsMargins(6, 4, 6, 2)
        texts = QVBoxLayout()
        texts.setSpacing(1)
        texts.addWidget(self.verdict)
        texts.addWidget(self.versions)
        header.addLayout(texts, 1)
        header.addWidget(self.stop_button, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(header)
        column.addWidget(self.tree, 1)
        evaluator.evaluated.connect(self._evaluated)
        scene.selectionChanged.connect(self._selection_changed)
        self.retranslate()

    # -- the mode ----------------------------------------------------------------------------
    @property
    def active(self) -> bool:
        return self.old is not None

    def start(self, old: OrgModel, name: str) -> None:
        """Compare ``old`` („bisher“, called ``name``) with the open model from now on."""
        self.old = old.copy_model()
        self.old_name = name
        self._old_findings = tuple(evaluate(self.old))
        latest = self.evaluator.latest
        current = latest.findings if latest is not None and not self.evaluator.pending() else None
        self._show(compare(self.old, self.document.model, old_findings=self._old_findings,
                           new_findings=current))  # fmt: skip
        self.active_changed.emit(True)

    def stop(self) -> None:
        """Leave comparison mode: every mark and ghost goes, the list empties."""
        if self.old is None:
            return
        self.old = None
        self.comparison = None
        self._old_findings = ()
        self.markers.clear()
        self.tree.clear()
        self._listed = ()
        self.retranslate()
        self.active_changed.emit(False)

    def _evaluated(self, result: Evaluation) -> None:
        """The open model changed and the rules have run: compare again with their findings."""
        if self.old is not None:
            self._show(compare(self.old, self.document.model, old_findings=self._old_findings,
                               new_findings=result.findings))  # fmt: skip

    def refresh(self) -> None:
        """Compare again now (another language, the evaluator not yet done)."""
        if self.old is None:
            return
        latest = self.evaluator.latest
        current = latest.findings if latest is not None and not self.evaluator.pending() else None
        self._show(compare(self.old, self.document.model, old_findings=self._old_findings,
                           new_findings=current))  # fmt: skip

    # -- showing -----------------------------------------------------------------------------
    def _show(self, c: Comparison) -> None:
        self.comparison = c
        self.markers.show(c)
        lang = current_language()
        listed = (lang, tuple(change_rows(c, lang)), c.notes,
                  tuple(finding_text(f, lang) for f in c.findings_resolved),
                  tuple(finding_text(f, lang) for f in c.findings_introduced))  # fmt: skip
        if listed != self._listed:  # the same list stays as it is: scrolling, expanded rows
            self._listed = listed
            self._fill(c)
        self.retranslate()

    def _group(self, key: str, title: str) -> QTreeWidgetItem:
        group = QTreeWidgetItem(self.tree, [title])
        group.setData(0, GROUP_ROLE, key)
        font = QFont(self.tree.font())
        font.setBold(True)
        group.setFont(0, font)
        group.setExpanded(True)
        return group

    def _fill(self, c: Comparison) -> None:
        lang = current_language()
        self.tree.clear()
        old_names = subject_names(c.old, lang=lang)
        new_names = subject_names(c.new, lang=lang)
        for key, findings, title in (
            ("resolved", c.findings_resolved, self.tr("Entfällt bei der Prüfung ({0})")),
            ("introduced", c.findings_introduced, self.tr("Kommt bei der Prüfung hinzu ({0})")),
        ):
            if not findings:
                continue
            group = self._group(key, title.format(len(findings)))
            for f in findings:
                row = QTreeWidgetItem(group, [finding_text(f, lang)])
                row.setIcon(0, QIcon(mark_pixmap(f.severity, 14, self.devicePixelRatioF())))
                row.setToolTip(0, f"<p>{html.escape(f.message(lang))}</p><p>"
                                  f"{html.escape(f.citation.format(lang))}</p>")  # fmt: skip
                target: tuple[list[str], list[str]]
                if key == "introduced":
                    target = (list(f.subjects), [])
                else:
                    new = [c.unit_match.get(s) or c.relation_match.get(s) for s in f.subjects]
                    target = ([i for i in new if i],
                              [s for s, i in zip(f.subjects, new, strict=True) if not i])  # fmt: skip
                row.setData(0, TARGET_ROLE, target)
        rows = change_rows(c, lang)
        titles = {"unit": self.tr("Einheiten ({0})"), "relation": self.tr("Beziehungen ({0})"),
                  "meta": self.tr("Angaben zum Modell ({0})")}  # fmt: skip
        unit_changes = {u.new_id: u for u in c.units_changed}
        relation_changes = {r.new_id: r for r in c.relations_changed}
        for kind, title in titles.items():
            mine = [r for r in rows if r.kind == kind]
            if not mine:
                continue
            group = self._group(kind, title.format(len(mine)))
            for r in mine:
                if kind == "meta":
                    row = QTreeWidgetItem(group, [f"{r.what}: {r.before} → {r.after}"])
                    row.setToolTip(0, row.text(0))
                    continue
                row = QTreeWidgetItem(group, [f"{GLYPHS[r.change]} {r.what}"])
                row.setData(0, TARGET_ROLE, ([r.new_id] if r.new_id else [],
                                             [r.old_id] if r.old_id and not r.new_id else []))  # fmt: skip
                if r.change == "added":
                    row.setToolTip(0, self.tr("Neu (künftig): {0}").format(r.after))
                elif r.change == "removed":
                    row.setToolTip(0, self.tr("Entfällt (bisher): {0}").format(r.before))
                else:
                    change = (unit_changes.get(r.new_id or "") if kind == "unit"
                              else relation_changes.get(r.new_id or ""))  # fmt: skip
                    lines = change_lines(change.fields, old_names, new_names, lang) if change else []
                    for line in lines:
                        child = QTreeWidgetItem(row, [line])
                        child.setToolTip(0, line)
                        child.setData(0, TARGET_ROLE, row.data(0, TARGET_ROLE))
                    row.setToolTip(0, "\n".join(lines))
                    row.setExpanded(True)
        if c.notes:
            group = self._group("notes", self.tr("Hinweise zum Abgleich ({0})").format(len(c.notes)))
            for note in c.notes:
                text = note.en if lang == "en" else note.de
                row = QTreeWidgetItem(group, [text])
                row.setToolTip(0, text)
        if c.equal:
            QTreeWidgetItem(self.tree, [self.tr("Keine Änderungen: beide Fassungen sind gleich.")])

    # -- clicks ------------------------------------------------------------------------------
    def reveal(self, item: QTreeWidgetItem) -> bool:
        """Select what ``item`` names on the canvas (a ghost: highlighted); False if nothing."""
        target = item.data(0, TARGET_ROLE)
        if not target:
            return False
        new_ids, old_ids = target
        present = [i for i in new_ids if i in self.scene.nodes or i in self.scene.edges]
        if present:
            self.view.reveal(present)
            return True
        for old_id in old_ids:
            if self.markers.ghost(old_id) is not None:
                self.scene.clearSelection()
                rect = self.markers.highlight(old_id)
                if rect is not None:
                    self.view.keep_fitted = False
                    self.view.centerOn(rect.center())
                return True
        return False

    def _selection_changed(self) -> None:
        if not shiboken6.isValid(self.scene):
            return  # the window is going: its scene clears the selection as it is deleted
        if self.scene.selectedItems():
            self.markers.highlight(None)  # a unit chosen on the canvas: no ghost stays lit

    # -- words -------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
            self.retranslate()

    def retranslate(self) -> None:
        self.stop_button.setText(self.tr("Vergleich beenden"))
        self.stop_button.setToolTip(self.tr("Die Markierungen entfernen; das Modell bleibt, "
                                            "wie es ist"))  # fmt: skip
        c = self.comparison
        if c is None:
            self.verdict.setText(self.tr("Kein Vergleich"))
            self.versions.setText(self.tr("Datei → „Vergleichen mit …“ zeigt, was sich gegenüber "
                                          "einer anderen Fassung ändert."))  # fmt: skip
            return
        summary = verdict_summary(c)
        if c.findings_resolved or c.findings_introduced:
            summary = self.tr("Prüfung: {0}").format(summary)
        self.verdict.setText(summary)
        self.versions.setText(self.tr("Bisher: {0} · Künftig: das geöffnete Modell").format(
            self.old_name))  # fmt: skip
