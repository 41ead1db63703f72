"""The palette: the organisation forms grouped by level, to drag onto the canvas."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMimeData, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDrag, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orgdesigner import style
from orgdesigner.canvas.scene import FORM_MIME
from orgdesigner.catalog import LEVEL_IDS, catalog

FORM_ROLE = Qt.ItemDataRole.UserRole + 1

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


class _FormTree(QTreeWidget):
    def startDrag(self, supported_actions: Any) -> None:
        item = self.currentItem()
        form = item.data(0, FORM_ROLE) if item is not None else None
        if item is None or not form:
            return
        data = QMimeData()
        data.setData(FORM_MIME, str(form).encode("utf-8"))
        drag = QDrag(self)
        drag.setMimeData(data)
        drag.setPixmap(item.icon(0).pixmap(QSize(22, 22)))
        drag.exec(Qt.DropAction.CopyAction)


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
        self.tree.itemActivated.connect(self._activate)

    def selected_form(self) -> str | None:
        item = self.tree.currentItem()
        form = item.data(0, FORM_ROLE) if item is not None else None
        return str(form) if form else None

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        form = item.data(0, FORM_ROLE)
        if form:
            self.form_activated.emit(str(form))

    def _activate_first(self) -> None:
        for item in self.items.values():
            parent = item.parent()
            if not item.isHidden() and not (parent is not None and parent.isHidden()):
                self.tree.setCurrentItem(item)
                self._activate(item)
                return

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
        needle = text.strip().casefold()
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            if group is None:
                continue
            visible = 0
            for j in range(group.childCount()):
                child = group.child(j)
                if child is None:
                    continue
                hit = not needle or needle in child.text(0).casefold() or needle in (
                    child.toolTip(0).casefold())  # fmt: skip
                child.setHidden(not hit)
                visible += hit
            group.setHidden(visible == 0)
