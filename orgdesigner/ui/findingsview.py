"""The rule panel's list: a tree view over a :class:`~orgdesigner.ui.findings.FindingsModel`
and the delegate that draws its rows.

The delegate lays each entry's rich text out once per panel width and paints it beside
the severity mark; the same layout answers which link lies under the mouse
(:meth:`FindingsDelegate.anchor_at`), so a link is clickable exactly where it is drawn.
Rows are compact: one line each (the rule's title and the start of the message), so the
panel shows many findings at once under the canvas; the current row (clicked, or reached
with the arrow keys) opens to the full entry with the units, the citation and its link.
The view turns a click on a link into :attr:`FindingsView.link_activated` instead of a
click on the row, and shows a pointing hand over links.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPalette,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from orgdesigner import style
from orgdesigner.canvas.badges import paint_mark
from orgdesigner.ui.entries import Entry
from orgdesigner.ui.findings import ENTRY_ROLE, GROUP_ROLE, KIND_ROLE, FindingsModel


class FindingsDelegate(QStyledItemDelegate):
    """Paints group headings and entries (rich text, wrapped to the panel's width)."""

    PAD = 7
    COMPACT_PAD = 4
    MARK_COLUMN = 26
    GROUP_HEIGHT = 24

    def __init__(self, view: FindingsView) -> None:
        super().__init__(view)
        self.view = view
        self._docs: dict[str, QTextDocument] = {}
        self._width = 0

    def text_width(self) -> int:
        return max(120, self.view.viewport().width() - self.MARK_COLUMN - 2 * self.PAD)

    def text_origin(self, rect: QRect) -> QPointF:
        """Where an entry's text starts in the row ``rect`` (painting and hit-testing)."""
        return QPointF(rect.left() + self.MARK_COLUMN + self.PAD / 2, rect.top() + self.PAD)

    def document(self, entry: Entry) -> QTextDocument:
        """The entry's text laid out at the current width (kept while the width stays)."""
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

    def expanded(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        """Whether the row shows its full entry (the current row) or one line."""
        current = self.view.currentIndex()
        return (current.isValid() and current.row() == index.row()
                and current.internalId() == index.internalId())  # fmt: skip

    def compact_height(self) -> int:
        return self.view.fontMetrics().height() + 2 * self.COMPACT_PAD + 1

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        width = self.view.viewport().width()
        entry = index.data(ENTRY_ROLE)  # asked for every row at each layout: one look-up
        if isinstance(entry, Entry):
            if not self.expanded(index):
                return QSize(width, self.compact_height())
            doc = self.document(entry)
            return QSize(width, int(doc.size().height()) + 2 * self.PAD + 1)
        if index.data(KIND_ROLE) == "group":
            return QSize(width, self.GROUP_HEIGHT)
        return QSize(width, 24)

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
            full = self.expanded(index)
            pad = self.PAD if full else self.COMPACT_PAD
            centre = QPointF(rect.left() + self.MARK_COLUMN / 2 + 1,
                             rect.top() + pad + self.view.fontMetrics().height() / 2)  # fmt: skip
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
            if not full:
                self._paint_line(painter, rect, entry)
                painter.restore()
                return
            doc = self.document(entry)
            painter.translate(self.text_origin(rect))
            context = QAbstractTextDocumentLayout.PaintContext()
            context.palette = QPalette(option.palette)
            context.palette.setColor(QPalette.ColorRole.Text, QColor(style.TEXT))
            doc.documentLayout().draw(painter, context)
        painter.restore()

    def _paint_line(self, painter: QPainter, rect: QRect, entry: Entry) -> None:
        """The compact row: the title in bold, then as much of the message as fits."""
        title, _, rest = entry.text.partition("\n")
        message = rest.partition("\n")[0]
        if entry.kind == "more":
            title, message = "", title
        left = rect.left() + self.MARK_COLUMN + self.PAD / 2
        room = rect.right() - 4 - left
        line = QRectF(left, rect.top() + self.COMPACT_PAD, room, self.view.fontMetrics().height())
        bold = QFont(self.view.font())
        bold.setBold(True)
        painter.setPen(QColor(style.MUTED_TEXT if entry.kind != "finding" else style.TEXT))
        used = 0.0
        if title:
            painter.setFont(bold)
            metrics = QFontMetrics(bold)
            shown = metrics.elidedText(title, Qt.TextElideMode.ElideRight, int(room))
            painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
            used = metrics.horizontalAdvance(shown)
            message = f" – {message}" if message else ""
        if message and used < room - 20:
            painter.setFont(self.view.font())
            painter.setPen(QColor(style.MUTED_TEXT))
            shown = self.view.fontMetrics().elidedText(message, Qt.TextElideMode.ElideRight,
                                                       int(room - used))  # fmt: skip
            painter.drawText(line.adjusted(used, 0, 0, 0),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)  # fmt: skip

    def _paint_group(self, painter: QPainter, rect: Any, index: QModelIndex | QPersistentModelIndex) -> None:
        group = str(index.data(GROUP_ROLE))
        colour = style.SEVERITY_COLOURS.get(group, style.ACCEPTED)
        tint = style.SEVERITY_TINTS.get(group, style.ACCEPTED_TINT)
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
        if not isinstance(entry, Entry) or not self.expanded(index):
            return ""
        doc = self.document(entry)
        local = QPointF(pos) - self.text_origin(rect)
        return str(doc.documentLayout().anchorAt(local))


class FindingsView(QTreeView):
    """The list of entries; links inside entries act on a click."""

    link_activated = Signal(str, QModelIndex)
    """A link in an entry was clicked: its target (``suppress:<rule id>`` …) and the row."""

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
        self.delegate = FindingsDelegate(self)
        self.setItemDelegate(self.delegate)
        self._width = 0

    def setModel(self, model: QAbstractItemModel | None) -> None:
        old = self.model()
        if isinstance(old, FindingsModel):
            old.synced.disconnect(self._forget_unshown)
        super().setModel(model)
        if isinstance(model, FindingsModel):
            model.synced.connect(self._forget_unshown)

    def _forget_unshown(self) -> None:
        model = self.model()
        if isinstance(model, FindingsModel):
            self.delegate.forget(model.keys())

    def currentChanged(self, current: QModelIndex | QPersistentModelIndex,
                       previous: QModelIndex | QPersistentModelIndex) -> None:  # fmt: skip
        super().currentChanged(current, previous)
        self.doItemsLayout()  # the current row opens, the one before closes
        index = self.currentIndex()
        if index.isValid():
            self.scrollTo(index)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.viewport().width() != self._width:
            self._width = self.viewport().width()
            self.doItemsLayout()  # the entries wrap anew

    def link_at(self, pos: QPoint) -> tuple[str, QModelIndex]:
        """The link under ``pos`` (viewport coordinates, '' for none) and its row."""
        index = self.indexAt(pos)
        if not index.isValid() or index.data(KIND_ROLE) == "group":
            return "", index
        return self.delegate.anchor_at(index, self.visualRect(index), pos), index

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        link, _index = self.link_at(event.position().toPoint())
        if link:
            self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.viewport().unsetCursor()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            link, index = self.link_at(event.position().toPoint())
            if link:
                self.link_activated.emit(link, index)
                event.accept()
                return
        super().mouseReleaseEvent(event)
