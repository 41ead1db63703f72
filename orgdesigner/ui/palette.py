"""The palette: the organisation forms grouped by level, to drag onto the canvas."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPoint,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QDrag, QIcon, QKeyEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orgdesigner import search, style
from orgdesigner.canvas import paint
from orgdesigner.canvas.items import canvas_measure
from orgdesigner.canvas.scene import FORM_MIME, new_unit
from orgdesigner.catalog import LEVEL_IDS, catalog
from orgdesigner.drawing import geometry

FORM_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
"""What the search looks at besides an entry's name: its description."""

# one small glyph per form, drawn on the level colour (distinct shapes, no image files)
_GLYPHS: dict[str, str] = {
    "council": "R", "committee": "A", "informal_round": "◌",
    "administration_head": "★", "steering_committee": "◆", "operational_steering": "◇", "cdo": "C",
    "coordination_lead": "●", "staff_unit": "S", "office": "▤", "outsourced_entity": "G",
    "extended_circle": "○",
    "line_departments": "▥", "matrix_team": "▦", "project_group": "P", "municipal_company": "U",
    "digital_pilots": "L", "external_provider": "D", "external_partner": "⇄",
    "member_municipality": "K",
    "expert_board": "F", "ethics_board": "E", "network_board": "N", "participation_board": "B",
}  # fmt: skip


def form_icon(level: str, form: str | None, size: int = 22) -> QIcon:
    """A rounded square in the level's colours with the form's glyph."""
    ls = style.LEVEL_STYLES[level]
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(QColor(ls.border), 1.2))
    p.setBrush(QBrush(QColor(ls.fill)))
    p.drawRoundedRect(QRectF(1, 1, size - 2, size - 2), 4, 4)
    p.setPen(QColor(style.TEXT))
    f = p.font()
    f.setPixelSize(int(size * 0.55))
    f.setBold(True)
    p.setFont(f)
    p.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter,
               _GLYPHS.get(form or "", "+"))  # fmt: skip
    p.end()
    return QIcon(pix)


def card_pixmap(key: str, scale: float, ratio: float = 1.0) -> QPixmap | None:
    """The card a palette entry adds, as the canvas draws it at ``scale`` pixels per
    model unit (``ratio``: the screen's device pixel ratio); ``None`` for an unknown key."""
    unit = new_unit(key, "drag")
    if unit is None:
        return None
    border = 2.0  # room for the card's outline
    width = math.ceil((unit.width + 2 * border) * scale * ratio)
    height = math.ceil((unit.height + 2 * border) * scale * ratio)
    pix = QPixmap(max(width, 1), max(height, 1))
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setOpacity(0.9)
    painter.scale(scale * ratio, scale * ratio)
    paint.paint_unit(painter, geometry.unit_geometry(unit, canvas_measure(), at=(border, border)))
    painter.end()
    pix.setDevicePixelRatio(ratio)
    return pix


def _hidden(item: QTreeWidgetItem | None) -> bool:
    return item is not None and item.isHidden()


class _FormTree(QTreeWidget):
    """The entries; level headings are shown but never a stop for the keyboard."""

    leave_up = Signal()
    """Up on the first entry: back to the search field."""
    card_scale: Callable[[], float] = staticmethod(lambda: 1.0)
    """Pixels per model unit of the canvas (the dragged card has the size it will have)."""

    def startDrag(self, supported_actions: Any) -> None:
        item = self.currentItem()
        form = item.data(0, FORM_ROLE) if item is not None else None
        if item is None or not form:
            return
        data = QMimeData()
        data.setData(FORM_MIME, str(form).encode("utf-8"))
        drag = QDrag(self)
        drag.setMimeData(data)
        pix = card_pixmap(str(form), self.card_scale(), self.devicePixelRatioF())
        if pix is not None:
            drag.setPixmap(pix)
            size = pix.deviceIndependentSize()
            # held at its centre: the drop puts the card's centre under the cursor
            drag.setHotSpot(QPoint(round(size.width() / 2), round(size.height() / 2)))
        drag.exec(Qt.DropAction.CopyAction)

    def moveCursor(self, action: QAbstractItemView.CursorAction,
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:  # fmt: skip
        actions = QAbstractItemView.CursorAction
        current = self.currentIndex()
        index = super().moveCursor(action, modifiers)
        upwards = action in (actions.MoveUp, actions.MovePageUp, actions.MoveEnd,
                             actions.MovePrevious)  # fmt: skip
        while index.isValid() and not self._is_entry(index):  # skip the level headings
            index = self.indexAbove(index) if upwards else self.indexBelow(index)
        if not index.isValid():
            index = current  # only headings beyond: stay on the entry
        if action == actions.MoveUp and index == current:
            self.leave_up.emit()  # above the first entry is the search field
        return index

    def _is_entry(self, index: QModelIndex) -> bool:
        return bool(index.data(FORM_ROLE))

    def first_entry(self) -> QTreeWidgetItem | None:
        """The first visible entry (headings are not entries)."""
        item = self.topLevelItem(0)
        while item is not None:
            if item.data(0, FORM_ROLE) and not item.isHidden():
                parent = item.parent()
                if parent is None or not parent.isHidden():
                    return item
            item = self.itemBelow(item)
        return None


class Palette(QWidget):
    """Forms grouped by level, with a search field; entries can be dragged onto the canvas.

    Without a mouse: Enter on an entry (or in the search field: on the first match) asks
    for the form to be inserted (:attr:`form_activated`).
    """

    form_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("palette_search")
        self.search.setPlaceholderText(self.tr("Suchen …"))
        self.search.setAccessibleName(self.tr("Organisationsform suchen"))
        self.search.setAccessibleDescription(self.tr(
            "Eingabe fügt die erste passende Organisationsform in die Zeichenfläche ein."))  # fmt: skip
        self.search.setClearButtonEnabled(True)
        self.tree = _FormTree()
        self.tree.setObjectName("palette_forms")
        self.tree.setAccessibleName(self.tr("Organisationsformen nach Ebenen"))
        self.tree.setAccessibleDescription(self.tr(
            "Eingabe fügt die gewählte Organisationsform in der Mitte der Zeichenfläche ein; "
            "Ziehen mit der Maus an eine bestimmte Stelle."))  # fmt: skip
        self.tree.setHeaderHidden(True)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setIconSize(QSize(22, 22))
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(8)
        self.tree.setUniformRowHeights(True)
        self.tree.setWordWrap(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.tree)
        self.items: dict[str, QTreeWidgetItem] = {}
        self._fill()
        self.search.textChanged.connect(self.filter)
        self.search.returnPressed.connect(self._activate_first)
        self.search.installEventFilter(self)
        self.tree.itemActivated.connect(self._activate)
        self.tree.leave_up.connect(lambda: self.search.setFocus(Qt.FocusReason.OtherFocusReason))

    def set_card_scale(self, scale: Callable[[], float]) -> None:
        """How large a dragged card is drawn: the canvas's pixels per model unit."""
        self.tree.card_scale = scale

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.search and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down):  # fmt: skip
            self.enter_list()
            return True
        return super().eventFilter(watched, event)

    def enter_list(self) -> None:
        """From the search field into the list, on the best visible entry."""
        item = self._best_match() or self.tree.first_entry()
        if item is not None:
            self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def selected_form(self) -> str | None:
        item = self.tree.currentItem()
        form = item.data(0, FORM_ROLE) if item is not None else None
        return str(form) if form else None

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        form = item.data(0, FORM_ROLE)
        if form:
            self.form_activated.emit(str(form))

    def _activate_first(self) -> None:
        item = self._best_match()
        if item is not None:
            self.tree.setCurrentItem(item)
            self._activate(item)

    def visible_forms(self) -> list[str]:
        """The forms the search leaves in the list, in list order."""
        return [key for key, item in self.items.items()
                if not item.isHidden() and not _hidden(item.parent())]  # fmt: skip

    def _best_match(self) -> QTreeWidgetItem | None:
        """The first visible entry whose name matches the search (else the first visible
        entry whose description does)."""
        visible = [self.items[k] for k in self.visible_forms()]
        needle = self.search.text()
        named = [i for i in visible if search.matches(needle, i.text(0))]
        found = named or visible
        return found[0] if found else None

    def _fill(self) -> None:
        cat = catalog()
        for level in LEVEL_IDS:
            lv = cat.level(level)
            group = QTreeWidgetItem([lv.label.get()])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            f = group.font(0)
            f.setBold(True)
            group.setFont(0, f)
            group.setForeground(0, QBrush(QColor(style.LEVEL_STYLES[level].border)))
            group.setBackground(0, QBrush(QColor(style.LEVEL_STYLES[level].band)))
            group.setToolTip(0, lv.description.get())
            group.setData(0, Qt.ItemDataRole.AccessibleTextRole, self.tr("Ebene: {0}").format(
                lv.label.get()))  # fmt: skip
            group.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, lv.description.get())
            self.tree.addTopLevelItem(group)
            for form in cat.forms_of(level):
                entry = QTreeWidgetItem([form.label.get()])
                entry.setIcon(0, form_icon(level, form.id))
                entry.setData(0, FORM_ROLE, form.id)
                entry.setData(0, SEARCH_ROLE, form.description.get())
                entry.setData(0, Qt.ItemDataRole.AccessibleTextRole,
                              self.tr("{0} ({1})").format(form.label.get(), lv.label.get()))
                entry.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole,
                              f"{form.description.get()} {form.citation.format()}")  # fmt: skip
                entry.setToolTip(0, f"<b>{form.label.get()}</b><br>{form.description.get()}"
                                    f"<br><i>{form.citation.format()}</i>")  # fmt: skip
                entry.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                               | Qt.ItemFlag.ItemIsDragEnabled)  # fmt: skip
                group.addChild(entry)
                self.items[form.id] = entry
            generic = QTreeWidgetItem([self.tr("Sonstige Einheit")])
            generic.setIcon(0, form_icon(level, None))
            generic.setData(0, FORM_ROLE, f"level:{level}")
            generic.setData(0, Qt.ItemDataRole.AccessibleTextRole, self.tr(
                "Sonstige Einheit ({0})").format(lv.label.get()))  # fmt: skip
            generic.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, self.tr(
                "Eine Einheit dieser Ebene ohne bestimmte Organisationsform"))  # fmt: skip
            generic.setToolTip(0, self.tr("Eine Einheit dieser Ebene ohne bestimmte "
                                          "Organisationsform"))  # fmt: skip
            generic.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                             | Qt.ItemFlag.ItemIsDragEnabled)  # fmt: skip
            group.addChild(generic)
            self.items[f"level:{level}"] = generic
        self.tree.expandAll()

    def filter(self, text: str) -> None:
        """Show the entries whose name or description contains every word of
        ``text`` – in any case, with or without umlauts (ä = ae), parts of words too."""
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            if group is None:
                continue
            visible = 0
            for j in range(group.childCount()):
                child = group.child(j)
                if child is None:
                    continue
                hit = search.matches(text, child.text(0), child.data(0, SEARCH_ROLE))
                child.setHidden(not hit)
                visible += hit
            group.setHidden(visible == 0)
