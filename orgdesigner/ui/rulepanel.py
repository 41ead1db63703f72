"""The rule panel (dock „Prüfung“): the guide's findings on the model, live.

:class:`RuleEvaluator` follows the document: every change restarts a single-shot timer
(:data:`DEBOUNCE_MS`); when it fires, the rules run on a snapshot of the model
(``OrgModel.copy_model``) and :attr:`RuleEvaluator.evaluated` delivers an
:class:`Evaluation`. Evaluation never touches Qt; from :data:`WORKER_NODES` units on it
runs in a worker thread, and a result that a newer edit has overtaken (generation
counter) is dropped. The panel, the canvas badges and the status-bar counts follow that
signal; none of them keeps state the document does not have.

:class:`RulePanel` shows the findings grouped by severity, with counts and a filter;
each entry shows the rule's title, the message (what is wrong and what to do), the
units it concerns by name and the guide citation with the rule id. Clicking an entry
selects and centres its units and relations. A rule can be switched off for this model
with a reason (``SetRuleSuppressed``, undoable, saved in the file and listed in the PDF
appendix); its findings then appear under „Bewusst angenommen“ with the reason, and it
can be switched on again.
"""

from __future__ import annotations

import contextlib
import difflib
import html
import time
import traceback
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRectF,
    QSettings,
    QSize,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QContextMenuEvent,
    QFont,
    QGuiApplication,
    QIcon,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QResizeEvent,
    QStandardItem,
    QStandardItemModel,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from orgdesigner import style
from orgdesigner.canvas.badges import FindingBadges, Mark, mark_pixmap, paint_mark
from orgdesigner.canvas.items import form_name
from orgdesigner.canvas.scene import OrgScene
from orgdesigner.canvas.view import OrgView
from orgdesigner.catalog import catalog, guide
from orgdesigner.commands import ChangeSet, SetRuleSuppressed
from orgdesigner.document import Document
from orgdesigner.i18n import current_language
from orgdesigner.model import OrgModel
from orgdesigner.rules import SEVERITIES, Finding, all_rules, evaluate
from orgdesigner.rules.understanding import understanding
from orgdesigner.ui.accessibility import readable
from orgdesigner.ui.controller import Controller
from orgdesigner.ui.docks import raise_enclosing_dock

DEBOUNCE_MS = 80
"""Quiet time after the last edit before the rules run again: a burst of edits (arrow
keys, undo held down) is evaluated once, and the panel is current 200 ms after an edit."""
WORKER_NODES = 300
"""From this many units (evaluation ≈ 15 ms and more) the rules run in a worker thread,
so that typing and dragging never wait for them; smaller models are evaluated at once."""
MAX_NAMES = 6
"""Units named in an entry; more are summed up."""
MAX_ENTRIES = 250
"""Entries listed per severity; more are summed up in one line (a huge model stays quick)."""
DOCK_HEIGHT = 240
"""Height of the „Prüfung“ dock under the canvas in the default layout (px)."""

GROUPS = ("warning", "hint", "info", "accepted")
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2
GROUP_ROLE = Qt.ItemDataRole.UserRole + 3


# -- evaluation: no Qt until RuleEvaluator --------------------------------------------
@dataclass(frozen=True)
class Evaluation:
    """The rules' verdict on one snapshot of the model."""

    generation: int
    findings: tuple[Finding, ...]
    suppressed: tuple[tuple[str, str], ...]
    """(rule id, reason) of the rules switched off in this model, sorted"""
    understanding: tuple[str, str, str]
    """(key, reason_de, reason_en) of the coordination level (4.2 Exkurs)"""
    names: dict[str, str] = field(compare=True)
    """display name of every node and relation a finding concerns"""
    node_count: int = 0
    elapsed_ms: float = field(default=0.0, compare=False)

    def same_content(self, other: Evaluation | None) -> bool:
        return other is not None and (
            self.findings,
            self.suppressed,
            self.understanding,
            self.names,
        ) == (other.findings, other.suppressed, other.understanding, other.names)


_understood: tuple[tuple[Any, ...], tuple[str, str, str]] | None = None


def coordination_understanding(model: OrgModel) -> tuple[str, str, str]:
    """``rules.understanding.understanding`` of ``model``, computed on the part it reads.

    The classification (4.2 Exkurs) reads the coordination and implementation units and
    the relations at coordination units only; that part of the model is passed on, and
    the result is reused while the part is unchanged (nodes and relations are immutable
    values shared by snapshots, so the comparison is mostly by identity)."""
    global _understood
    levels = ("coordination", "implementation")
    nodes = tuple(n for n in model.nodes if n.level in levels)
    coordination = {n.id for n in nodes if n.level == "coordination"}
    kept = {n.id for n in nodes}
    edges = tuple(e for e in model.edges if (e.source in coordination or e.target in coordination)
                  and e.source in kept and e.target in kept)  # fmt: skip
    key = (nodes, edges)
    cached = _understood
    if cached is not None and cached[0] == key:
        return cached[1]
    part = OrgModel.model_construct(meta=model.meta, nodes=list(nodes), edges=list(edges),
                                    reflection={}, suppressed_rules={})  # fmt: skip
    result = understanding(part)
    _understood = (key, result)
    return result


def evaluate_snapshot(model: OrgModel, generation: int = 0) -> Evaluation:
    """Run all rules on ``model`` (a snapshot nobody else changes). Pure: no Qt."""
    start = time.perf_counter()
    findings = tuple(evaluate(model))
    nodes = {n.id: n for n in model.nodes}
    edges = {e.id: e for e in model.edges}
    names: dict[str, str] = {}

    def name(node_id: str) -> str:
        node = nodes[node_id]
        return node.label.strip() or form_name(node) or node_id

    cat = catalog()
    for f in findings:
        for subject in f.subjects:
            if subject in names:
                continue
            if subject in nodes:
                names[subject] = name(subject)
            elif subject in edges:
                e = edges[subject]
                names[subject] = (f"{name(e.source)} → {name(e.target)} "
                                  f"({cat.relation(e.type).label.get()})")  # fmt: skip
    return Evaluation(
        generation=generation,
        findings=findings,
        suppressed=tuple(sorted(model.suppressed_rules.items())),
        understanding=coordination_understanding(model),
        names=names,
        node_count=len(model.nodes),
        elapsed_ms=(time.perf_counter() - start) * 1000,
    )


def affects_rules(changes: ChangeSet) -> bool:
    """False when only reflection answers changed (no rule reads them)."""
    return not (changes.reflection and ChangeSet(reflection=changes.reflection) == changes)


class _Relay(QObject):
    done = Signal(object)


class RuleEvaluator(QObject):
    """Re-evaluates the rules after every change of the document, debounced."""

    evaluated = Signal(object)
    """An :class:`Evaluation` of the current model."""

    def __init__(self, document: Document, parent: QObject | None = None,
                 debounce_ms: int = DEBOUNCE_MS, worker_nodes: int = WORKER_NODES) -> None:  # fmt: skip
        super().__init__(parent)
        self.document = document
        self.worker_nodes = worker_nodes
        # the pool is created first so that it is destroyed first: it waits for a
        # running evaluation before the relay that carries results goes away
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.debounce_ms = debounce_ms
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.run)
        self.generation = 0
        self.latest: Evaluation | None = None
        self.scheduled_at = 0.0
        """``time.perf_counter()`` of the last change (benchmarks: change → panel)."""
        document.changed.connect(self._on_change)
        document.reset.connect(self._on_change)
        self.schedule(0)

    def _on_change(self, value: object) -> None:
        if isinstance(value, ChangeSet) and not affects_rules(value):
            return  # reflection answers: no rule reads them, typing stays light
        self.schedule()

    def schedule(self, delay: int | None = None) -> None:
        """Evaluate after ``delay`` ms (default: the debounce) without further changes."""
        self.generation += 1
        self.scheduled_at = time.perf_counter()
        self.timer.start(self.debounce_ms if delay is None else delay)

    def pending(self) -> bool:
        """True while a change has not yet been evaluated."""
        return self.latest is None or self.latest.generation != self.generation

    @Slot()
    def run(self) -> None:
        generation = self.generation
        snapshot = self.document.model.copy_model()
        if len(snapshot.nodes) >= self.worker_nodes:
            relay = self._relay

            def work() -> None:
                try:
                    result = evaluate_snapshot(snapshot, generation)
                except Exception:  # pragma: no cover - a defect in a rule: keep the GUI alive
                    traceback.print_exc()
                    return
                with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                    relay.done.emit(result)

            self._pool.start(work)
        else:
            self._deliver(evaluate_snapshot(snapshot, generation))

    def evaluate_now(self) -> Evaluation:
        """Evaluate at once on this thread (first show, tests)."""
        self.timer.stop()
        result = evaluate_snapshot(self.document.model.copy_model(), self.generation)
        self._deliver(result)
        return result

    @Slot(object)
    def _deliver(self, result: Evaluation) -> None:
        if result.generation != self.generation:
            return  # overtaken by a newer edit: its own evaluation follows
        self.latest = result
        self.evaluated.emit(result)

    def wait(self, msecs: int = 5000) -> bool:
        """Wait for a running worker evaluation (tests, closing)."""
        return bool(self._pool.waitForDone(msecs))


# -- the panel's entries ----------------------------------------------------------------
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

    @property
    def key(self) -> str:
        return self.html


def tabify_when_shown(window: QMainWindow, first: QDockWidget, second: QDockWidget,
                      height: int = DOCK_HEIGHT) -> None:  # fmt: skip
    """Put ``second`` in a tab behind ``first`` once the window runs, raise ``first`` and
    give the pair ``height`` (a dock under the canvas).

    Qt 6.11 leaves a stray, visible tab bar behind when a second group of tabbed docks is
    made before the window is shown; tabifying from the event loop avoids it. A layout
    the user arranged (restored from the settings) is left alone unless both docks are
    still side by side in the same area.
    """

    def tabify() -> None:
        area = window.dockWidgetArea(first)
        if (first.isFloating() or second.isFloating() or area != window.dockWidgetArea(second)
                or second in window.tabifiedDockWidgets(first)):  # fmt: skip
            return
        window.tabifyDockWidget(first, second)
        first.raise_()
        window.resizeDocks([first], [height], Qt.Orientation.Vertical)

    QTimer.singleShot(0, window, tabify)  # dropped if the window is gone by then


def reveal(scene: OrgScene, view: OrgView, ids: Iterable[str]) -> bool:
    """Select the units and relations ``ids`` and centre them in the view.

    When they do not fit in the visible area at the current zoom, the view zooms out
    until they do (never in). Returns False when none of them is on the canvas.
    """
    items = [scene.nodes.get(i) or scene.edges.get(i) for i in ids]
    present = [i for i in items if i is not None]
    if not present:
        return False
    scene.select_ids([i for i in ids if i in scene.nodes or i in scene.edges])
    rect = QRectF()
    for item in present:
        rect = rect.united(item.sceneBoundingRect())
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    if rect.width() > visible.width() * 0.9 or rect.height() > visible.height() * 0.9:
        factor = min(visible.width() * 0.9 / max(rect.width(), 1),
                     visible.height() * 0.9 / max(rect.height(), 1))  # fmt: skip
        view.set_zoom(view.zoom() * factor)
    view.centerOn(rect.center())
    return True


# -- drawing the entries ----------------------------------------------------------------
class _Delegate(QStyledItemDelegate):
    """Paints group headings and entries (rich text, wrapped to the panel's width)."""

    PAD = 7
    MARK_COLUMN = 26
    GROUP_HEIGHT = 28

    def __init__(self, view: _FindingsView) -> None:
        super().__init__(view)
        self.view = view
        self._docs: dict[str, QTextDocument] = {}
        self._width = 0

    def text_width(self) -> int:
        return max(120, self.view.viewport().width() - self.MARK_COLUMN - 2 * self.PAD)

    def document(self, entry: Entry) -> QTextDocument:
        width = self.text_width()
        if width != self._width:
            self._docs.clear()
            self._width = width
        doc = self._docs.get(entry.key)
        if doc is None:
            doc = QTextDocument()
            doc.setDocumentMargin(0)
            doc.setDefaultFont(self.view.font())
            doc.setHtml(entry.html)
            doc.setTextWidth(width)
            self._docs[entry.key] = doc
        return doc

    def forget(self, keep: set[str]) -> None:
        """Drop the laid-out texts of entries no longer shown."""
        for key in [k for k in self._docs if k not in keep]:
            del self._docs[key]

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        width = self.view.viewport().width()
        if index.data(KIND_ROLE) == "group":
            return QSize(width, self.GROUP_HEIGHT)
        entry = index.data(ENTRY_ROLE)
        if not isinstance(entry, Entry):
            return QSize(width, 24)
        doc = self.document(entry)
        return QSize(width, int(doc.size().height()) + 2 * self.PAD + 1)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:  # fmt: skip
        rect = option.rect
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if index.data(KIND_ROLE) == "group":
            self._paint_group(painter, rect, index)
            painter.restore()
            return
        entry = index.data(ENTRY_ROLE)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, QColor(style.SELECTION_TINT))
        painter.setPen(QColor(style.PANEL_LINE))
        painter.drawLine(rect.left() + self.MARK_COLUMN, rect.bottom(), rect.right() - 4, rect.bottom())
        if isinstance(entry, Entry):
            centre = QPointF(rect.left() + self.MARK_COLUMN / 2 + 1, rect.top() + self.PAD + 9)
            if entry.kind == "more":
                pass
            elif entry.kind == "accepted":
                painter.setPen(QColor(style.ACCEPTED))
                f = QFont(self.view.font())
                f.setBold(True)
                painter.setFont(f)
                painter.drawText(QRectF(centre.x() - 8, centre.y() - 9, 16, 18),
                                 Qt.AlignmentFlag.AlignCenter, "✓")  # fmt: skip
            else:
                paint_mark(painter, entry.severity, centre, 7.0, outline=False)
            doc = self.document(entry)
            painter.translate(rect.left() + self.MARK_COLUMN + self.PAD / 2, rect.top() + self.PAD)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.palette = QPalette(option.palette)
            context.palette.setColor(QPalette.ColorRole.Text, QColor(style.TEXT))
            doc.documentLayout().draw(painter, context)
        painter.restore()

    def _paint_group(self, painter: QPainter, rect: Any, index: QModelIndex | QPersistentModelIndex) -> None:
        group = str(index.data(GROUP_ROLE))
        colour = style.SEVERITY_COLOURS.get(group, style.ACCEPTED)
        tint = style.SEVERITY_TINTS.get(group, "#F1F3F4")
        band = QRectF(rect).adjusted(0, 3, 0, -1)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(tint))
        painter.drawRoundedRect(band, 4, 4)
        expanded = self.view.isExpanded(index)
        painter.setPen(QColor(colour))
        f = QFont(self.view.font())
        f.setBold(True)
        painter.setFont(f)
        chevron = "▾" if expanded else "▸"
        painter.drawText(QRectF(band.left() + 4, band.top(), 14, band.height()),
                         Qt.AlignmentFlag.AlignCenter, chevron)  # fmt: skip
        centre = QPointF(band.left() + 27, band.center().y())
        if group in style.SEVERITY_COLOURS:
            paint_mark(painter, group, centre, 7.0, outline=False)
        else:
            painter.drawText(QRectF(centre.x() - 8, band.top(), 16, band.height()),
                             Qt.AlignmentFlag.AlignCenter, "✓")  # fmt: skip
        painter.setPen(QColor(colour))
        painter.setFont(f)
        painter.drawText(band.adjusted(40, 0, -6, 0),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         str(index.data(Qt.ItemDataRole.DisplayRole)))  # fmt: skip

    def anchor_at(self, index: QModelIndex, rect: Any, pos: QPoint) -> str:
        """The link (``suppress:…``, ``enable:…``) under ``pos`` in the entry, or ''."""
        entry = index.data(ENTRY_ROLE)
        if not isinstance(entry, Entry):
            return ""
        doc = self.document(entry)
        local = QPointF(pos.x() - rect.left() - self.MARK_COLUMN - self.PAD / 2,
                        pos.y() - rect.top() - self.PAD)  # fmt: skip
        return str(doc.documentLayout().anchorAt(local))


class _FindingsView(QTreeView):
    """The list of entries; links inside entries act on a click."""

    link_activated = Signal(str, QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(0)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setExpandsOnDoubleClick(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMouseTracking(True)
        self.setFrameShape(QTreeView.Shape.NoFrame)
        self.verticalScrollBar().setSingleStep(20)
        self.delegate = _Delegate(self)
        self.setItemDelegate(self.delegate)
        self._width = 0

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.viewport().width() != self._width:
            self._width = self.viewport().width()
            self.doItemsLayout()  # the entries wrap anew

    def _link(self, pos: QPoint) -> tuple[str, QModelIndex]:
        index = self.indexAt(pos)
        if not index.isValid() or index.data(KIND_ROLE) == "group":
            return "", index
        return self.delegate.anchor_at(index, self.visualRect(index), pos), index

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        link, _index = self._link(event.position().toPoint())
        if link:
            self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.viewport().unsetCursor()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            link, index = self._link(event.position().toPoint())
            if link:
                self.link_activated.emit(link, index)
                event.accept()
                return
        super().mouseReleaseEvent(event)


class ElidedLabel(QLabel):
    """A one-line label that shortens its text with „…“ to the room it has."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_text = text
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(40)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        self.setText(self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight,
                                                   max(0, self.width())))  # fmt: skip


class ReasonDialog(QDialog):
    """Asks why a rule is switched off for this model; the reason is required."""

    def __init__(self, title: str, reason: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Prüfregel ausschalten"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Warum wird „{0}“ für dieses Modell bewusst angenommen?").format(title))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        note = QLabel(self.tr("Die Begründung wird mit dem Modell gespeichert und im PDF-Anhang "
                              "aufgeführt, damit der Rat sieht, was bewusst so entschieden wurde."))  # fmt: skip
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {readable(style.MUTED_TEXT)}")
        layout.addWidget(note)
        self.edit = QLineEdit(reason)
        self.edit.setObjectName("reason")
        self.edit.setMaxLength(300)
        self.edit.setPlaceholderText(self.tr("z. B. Übergangslösung bis zur Besetzung der Stelle "
                                             "(Ratsbeschluss vom …)"))  # fmt: skip
        layout.addWidget(self.edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)  # fmt: skip
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Ausschalten"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Abbrechen"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(lambda t: ok.setEnabled(bool(t.strip())))
        ok.setEnabled(bool(reason.strip()))
        self.resize(460, self.sizeHint().height())

    def reason(self) -> str:
        return self.edit.text().strip()


# -- the panel --------------------------------------------------------------------------
class RulePanel(QWidget):
    """Findings of the rules on the model, live; the content of the dock „Prüfung“."""

    counts_changed = Signal(str)
    """The status-bar text, e.g. „2 Warnungen · 5 Hinweise“."""

    def __init__(self, document: Document, controller: Controller, scene: OrgScene,
                 view: OrgView, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("rule_panel")
        self.document = document
        self.controller = controller
        self.scene = scene
        self.view = view
        self.evaluator = RuleEvaluator(document, self)
        self.badges = FindingBadges(scene)
        self.badges.names = {"warning": self.tr("Warnung"), "hint": self.tr("Hinweis"),
                             "info": self.tr("Information"), "more": self.tr("{0} weitere")}  # fmt: skip
        self.shown: Evaluation | None = None
        self.updated_at = 0.0
        """``time.perf_counter()`` when the panel last showed an evaluation."""
        self.update_ms = 0.0
        """how long showing the last evaluation took (entries, badges, counts)"""
        self._expanded = {g: True for g in GROUPS}
        self._keys: dict[str, list[str]] = {g: [] for g in GROUPS}
        """the keys of the entries shown per group (the rows' order)"""
        self._entry_cache: dict[tuple[Any, ...], Entry] = {}
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
        self.header = QVBoxLayout()
        self.header.setContentsMargins(6, 4, 6, 2)
        self.header.setSpacing(2)
        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.understanding_title)
        top.addWidget(self.understanding_badge)
        top.addWidget(self.understanding_reason, 1)
        filters = QHBoxLayout()
        filters.setSpacing(2)
        for button in self.filter_buttons.values():
            filters.addWidget(button)
        filters.addStretch(1)
        self.header.addLayout(top)
        self.header.addLayout(filters)

        self.model = QStandardItemModel(self)
        self.tree = _FindingsView()
        self.tree.setObjectName("findings")
        self.tree.setModel(self.model)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
        self.tree.clicked.connect(self._clicked)
        self.tree.activated.connect(self._activated)
        self.tree.link_activated.connect(self._link)
        self.tree.installEventFilter(self)
        self.groups: dict[str, QStandardItem] = {}
        for group in GROUPS:
            item = QStandardItem()
            item.setData("group", KIND_ROLE)
            item.setData(group, GROUP_ROLE)
            item.setEditable(False)
            self.groups[group] = item
            self.model.appendRow(item)

        self.status_button = QToolButton()
        self.status_button.setObjectName("rule_counts")
        self.status_button.setAutoRaise(True)
        self.status_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.status_button.setToolTip(self.tr("Prüfung nach der Arbeitshilfe zeigen"))
        self.status_button.clicked.connect(self.raise_dock)

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
        self.evaluator.evaluated.connect(self.show_evaluation)
        self._update_groups({g: 0 for g in GROUPS})
        self.status_button.setText(self.tr("Prüfung läuft …"))

    # -- following the evaluator ------------------------------------------------------
    def show_evaluation(self, result: Evaluation) -> None:
        """Show ``result`` (the panel, the badges and the counts follow it)."""
        start = time.perf_counter()
        if result.same_content(self.shown):
            self.shown = result
            self.updated_at = time.perf_counter()
            self.update_ms = (self.updated_at - start) * 1000
            return
        self.shown = result
        entries = self._entries(result)
        counts = {g: len(entries[g]) for g in GROUPS}
        counts["accepted"] = len(result.suppressed)
        for severity in SEVERITIES:
            if counts[severity] > MAX_ENTRIES:  # the badges on the canvas still show them all
                rest = counts[severity] - MAX_ENTRIES
                text = self.tr("… und {0} weitere. Die Markierungen auf der Zeichenfläche "
                               "zeigen alle; was Sie beheben, rückt hier nach.").format(rest)  # fmt: skip
                more = Entry("more", severity, "", (), f"<div style='color:{style.MUTED_TEXT}'>"
                             f"{html.escape(text)}</div>", text)  # fmt: skip
                entries[severity] = [*entries[severity][:MAX_ENTRIES], more]
        self._update_groups(counts)
        keep: set[str] = set()
        for group in GROUPS:
            self._sync_group(group, entries[group])
            keep.update(e.key for e in entries[group])
        self.tree.delegate.forget(keep)
        self._show_understanding(result.understanding)
        self._update_counts(counts)
        self.badges.show(self._marks(result))
        self.updated_at = time.perf_counter()
        self.update_ms = (self.updated_at - start) * 1000

    def _entries(self, result: Evaluation) -> dict[str, list[Entry]]:
        """The panel's entries for ``result``; an unchanged finding keeps its entry."""
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
                entry = self._finding_entry(f, result.names, lang)
            cache[key] = entry
            out[f.severity].append(entry)
        self._entry_cache = cache
        for rule_id, reason in result.suppressed:
            out["accepted"].append(self._accepted_entry(rule_id, reason, accepted.get(rule_id, []),
                                                        result.names, lang))  # fmt: skip
        return out

    def _finding_entry(self, f: Finding, names: dict[str, str], lang: str) -> Entry:
        rule = all_rules().get(f.rule_id)
        title = rule.title(lang) if rule else f.rule_id
        concerns = self._concerns(f.subjects, names)
        citation = f.citation.format(lang)
        link = self.tr("Für dieses Modell ausschalten …")
        concerns_label = self.tr("Betrifft:")
        body = (
            f"<div style='font-weight:600'>{html.escape(title)}</div>"
            f"<div style='margin-top:2px'>{html.escape(f.message(lang))}</div>"
        )
        if concerns:
            body += (f"<div style='margin-top:3px; color:{style.MUTED_TEXT}'>"
                     f"{html.escape(concerns_label)} {html.escape(concerns)}</div>")  # fmt: skip
        body += (f"<div style='margin-top:3px; color:{style.ACCEPTED}; font-size:small'>"
                 f"{html.escape(citation)} · <span style='font-family:monospace'>"
                 f"{html.escape(f.rule_id)}</span> &nbsp; <a href='suppress:{f.rule_id}' "
                 f"style='color:{style.SELECTION}'>{html.escape(link)}</a></div>")  # fmt: skip
        text = "\n".join(filter(None, [
            title, f.message(lang), f"{concerns_label} {concerns}" if concerns else "",
            f"{citation} · {f.rule_id}"]))  # fmt: skip
        return Entry("finding", f.severity, f.rule_id, f.subjects, body, text)

    def _accepted_entry(self, rule_id: str, reason: str, found: list[Finding],
                        names: dict[str, str], lang: str) -> Entry:  # fmt: skip
        rule = all_rules().get(rule_id)
        title = rule.title(lang) if rule else rule_id
        subjects = tuple(dict.fromkeys(s for f in found for s in f.subjects))
        if not found:
            status = self.tr("Derzeit kein Befund dieser Regel.")
        elif len(found) == 1:
            status = self.tr("1 Befund angenommen.")
        else:
            status = self.tr("{0} Befunde angenommen.").format(len(found))
        concerns = self._concerns(subjects, names)
        if concerns:
            status += " " + self.tr("Betrifft:") + " " + concerns
        citation = rule.citation.format(lang) if rule else ""
        severity = found[0].severity if found else (rule.severity if rule else "info")
        link = self.tr("Wieder einschalten")
        because = self.tr("Bewusst angenommen – Begründung:")
        body = (
            f"<div style='font-weight:600; color:{style.MUTED_TEXT}'>{html.escape(title)}</div>"
            f"<div style='margin-top:2px'>{html.escape(because)} „{html.escape(reason)}“</div>"
            f"<div style='margin-top:3px; color:{style.MUTED_TEXT}'>{html.escape(status)}</div>"
            f"<div style='margin-top:3px; color:{style.ACCEPTED}; font-size:small'>"
            f"{html.escape(citation)} · <span style='font-family:monospace'>"
            f"{html.escape(rule_id)}</span> &nbsp; <a href='enable:{rule_id}' "
            f"style='color:{style.SELECTION}'>{html.escape(link)}</a></div>"
        )
        text = "\n".join([title, f"{because} „{reason}“", status, f"{citation} · {rule_id}"])
        return Entry("accepted", severity, rule_id, subjects, body, text, reason)

    def _concerns(self, subjects: Sequence[str], names: dict[str, str]) -> str:
        shown = [names.get(s, s) for s in subjects]
        if len(shown) > MAX_NAMES:
            rest = len(shown) - MAX_NAMES + 1
            shown = [*shown[: MAX_NAMES - 1], self.tr("und {0} weitere").format(rest)]
        return "; ".join(shown)

    def _sync_group(self, group: str, entries: list[Entry]) -> None:
        """Make the group's rows show ``entries``; rows of unchanged entries stay."""
        parent = self.groups[group]
        old = self._keys[group]
        new = [e.key for e in entries]
        if old == new:
            return
        self._keys[group] = new
        matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
        for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
            if tag == "equal":
                continue
            if i2 > i1:
                parent.removeRows(i1, i2 - i1)
            if j2 > j1:
                parent.insertRows(i1, [self._row(e) for e in entries[j1:j2]])
        index = parent.index()
        self.tree.setExpanded(index, self._expanded[group])

    @staticmethod
    def _row(entry: Entry) -> QStandardItem:
        item = QStandardItem(entry.text)
        item.setEditable(False)
        item.setData(entry.kind, KIND_ROLE)
        item.setData(entry, ENTRY_ROLE)
        item.setToolTip("")
        severity = {"warning": "Warnung", "hint": "Hinweis", "info": "Information"}.get(
            entry.severity, "")  # fmt: skip
        if severity:  # screen readers: "Warnung: <text>"
            severity = QCoreApplication.translate("RulePanel", severity)  # the panel's own words
            item.setData(f"{severity}: {entry.text}", Qt.ItemDataRole.AccessibleTextRole)
        return item

    def _group_title(self, group: str, n: int) -> str:
        names = {
            "warning": self.tr("Warnungen ({0})"),
            "hint": self.tr("Hinweise ({0})"),
            "info": self.tr("Informationen ({0})"),
            "accepted": self.tr("Bewusst angenommen ({0})"),
        }
        return names[group].format(n)

    def _update_groups(self, counts: dict[str, int]) -> None:
        root = QModelIndex()
        for row, group in enumerate(GROUPS):
            item = self.groups[group]
            title = self._group_title(group, counts[group])
            if item.text() != title:
                item.setText(title)
            hidden = (group == "accepted" and counts[group] == 0) or not self._visible.get(group, True)
            self.tree.setRowHidden(row, root, hidden)
            self.tree.setExpanded(item.index(), self._expanded[group])
        for severity, button in self.filter_buttons.items():
            button.setText(self._count_text(severity, counts[severity]))
            button.setToolTip(self.tr("{0} ein- oder ausblenden").format(self._group_title(severity, counts[severity])))

    def _count_text(self, severity: str, n: int) -> str:
        """„1 Warnung“, „3 Hinweise“ …"""
        one = {"warning": self.tr("1 Warnung"), "hint": self.tr("1 Hinweis"),
               "info": self.tr("1 Information")}  # fmt: skip
        many = {"warning": self.tr("{0} Warnungen"), "hint": self.tr("{0} Hinweise"),
                "info": self.tr("{0} Informationen")}  # fmt: skip
        return one[severity] if n == 1 else many[severity].format(n)

    def _update_counts(self, counts: dict[str, int]) -> None:
        w, h = counts["warning"], counts["hint"]
        text = f"{self._count_text('warning', w)} · {self._count_text('hint', h)}"
        self.status_button.setText(text)
        self.status_button.setIcon(QIcon(mark_pixmap("warning" if w else "hint" if h else "info",
                                                     14, self.devicePixelRatioF())))  # fmt: skip
        self.counts_changed.emit(text)

    def _show_understanding(self, value: tuple[str, str, str]) -> None:
        key, reason_de, reason_en = value
        lang = current_language()
        u = getattr(guide().understandings, key)
        label = u.label_en if lang == "en" else u.label_de
        reason = reason_en if lang == "en" else reason_de
        summary = u.summary_en if lang == "en" else u.summary_de
        self.understanding_badge.setText(f"{u.number} · {label}")
        ls = style.LEVEL_STYLES["coordination"]
        fill, border = (ls.fill, ls.border) if key != "none" else ("#EEEEEE", style.MUTED_TEXT)
        self.understanding_badge.setStyleSheet(
            f"QLabel#understanding {{ background: {fill}; color: {style.TEXT}; "
            f"border: 1px solid {border}; border-radius: 9px; padding: 1px 8px; }}"
        )
        cite = guide().understandings
        source = self.tr("Zusammenfassung der Arbeitshilfe, Kap. {0}, S. {1}").format(
            cite.chapter, cite.page)  # fmt: skip
        tip = (f"<p><b>{html.escape(label)}</b> – {html.escape(reason)}</p>"
               f"<p>{html.escape(summary)}</p><p style='color:{style.MUTED_TEXT}'>"
               f"{html.escape(source)}</p>")  # fmt: skip
        self.understanding_badge.setToolTip(tip)
        self.understanding_title.setToolTip(tip)
        self.understanding_key = key
        self.understanding_reason.set_full_text(f"– {reason}")
        self.understanding_reason.setToolTip(tip)

    def _marks(self, result: Evaluation) -> dict[str, Mark]:
        rank: dict[str, int] = {s: i for i, s in enumerate(SEVERITIES)}
        lines: dict[str, list[tuple[str, str]]] = {}
        lang = current_language()
        for f in result.findings:
            if f.accepted:
                continue
            for subject in dict.fromkeys(f.subjects):
                lines.setdefault(subject, []).append((f.severity, f.message(lang)))
        marks = {}
        for subject, found in lines.items():
            found.sort(key=lambda x: rank[x[0]])
            marks[subject] = Mark(found[0][0], tuple(found))
        return marks

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
        value = index.data(ENTRY_ROLE)
        return value if isinstance(value, Entry) else None

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
            reveal(self.scene, self.view, entry.subjects)
        else:
            self.controller.message.emit(self.tr("Dieser Befund betrifft das Modell als Ganzes."))

    def _link(self, link: str, index: QModelIndex) -> None:
        self.tree.setCurrentIndex(index)
        action, _, rule_id = link.partition(":")
        if action == "suppress":
            self.request_suppress(rule_id)
        elif action == "enable":
            self.enable(rule_id)

    def rule_title(self, rule_id: str) -> str:
        rule = all_rules().get(rule_id)
        return rule.title() if rule else rule_id

    def ask_reason(self, rule_id: str, reason: str = "") -> str | None:
        """Ask for the reason to switch ``rule_id`` off; ``None`` when cancelled."""
        dialog = ReasonDialog(self.rule_title(rule_id), reason, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.reason():
            return None
        return dialog.reason()

    def request_suppress(self, rule_id: str) -> bool:
        """Ask for a reason, then switch ``rule_id`` off for this model (undoable)."""
        current = self.document.model.suppressed_rules.get(rule_id, "")
        reason = self.ask_reason(rule_id, current)
        if reason is None:
            return False
        return self.suppress(rule_id, reason)

    def suppress(self, rule_id: str, reason: str) -> bool:
        reason = reason.strip()[:300]
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
        title = self.rule_title(entry.rule_id)
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
        return self.groups[group].index()

    def entries(self, group: str) -> list[Entry]:
        parent = self.groups[group]
        return [parent.child(r).data(ENTRY_ROLE) for r in range(parent.rowCount())]

    def entry_texts(self, group: str) -> list[str]:
        return [e.text for e in self.entries(group)]

    def entry_index(self, group: str, rule_id: str) -> QModelIndex:
        parent = self.groups[group]
        for r in range(parent.rowCount()):
            if parent.child(r).data(ENTRY_ROLE).rule_id == rule_id:
                return parent.child(r).index()
        return QModelIndex()

    def is_group_visible(self, group: str) -> bool:
        return not self.tree.isRowHidden(GROUPS.index(group), QModelIndex())

    def counts_text(self) -> str:
        return self.status_button.text()
