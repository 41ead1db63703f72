"""The dock „Aufgaben“: who does what – the functions of DOMAIN.md §7 × the units.

Rows are the 18 functions in the catalog's order, under a heading row for each level
(political, strategic, …), the essential ones marked „(wesentlich)“; columns are the units,
ordered by level and then from left to right, named as :mod:`orgdesigner.naming` names
them. A tick shows that a unit holds a function (its own choice or its form's default).
A function no unit holds is highlighted – tinted and „– nicht besetzt“ in its header, so it
shows in greyscale too. Clicking a cell (or Space on it) gives or takes that function
through the controller (one undoable „Aufgaben ändern“ step); clicking a function's header
selects the units that hold it on the canvas, clicking a unit's header selects the unit.

One :class:`CoverageModel` (a ``QAbstractTableModel``) over the document feeds a
``QTableView``: a model of 1,000 units is 23 rows × 1,000 columns painted on demand,
never a widget per cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from orgdesigner import style
from orgdesigner.catalog import LEVEL_IDS, Function, catalog
from orgdesigner.commands import ChangeSet
from orgdesigner.document import Document
from orgdesigner.model import Node
from orgdesigner.naming import unit_names
from orgdesigner.ui.controller import Controller

TICK = "✓"
ROW_HEADER_CHARS = 32
"""Width of the functions' headers, in average characters (longer labels wrap)."""
Index = QModelIndex | QPersistentModelIndex


def functions_with(node: Node, function: str, held: bool) -> tuple[str, ...] | None:
    """The value of ``node.functions`` once ``function`` is given (``held``) or taken: the
    catalog's order, ``None`` when that is just the form's defaults (as the file stores it)."""
    current: set[str] = set(node.held_functions())
    if held:
        current.add(function)
    else:
        current.discard(function)
    ordered = [f.id for f in catalog().functions if f.id in current]
    return Node.model_validate({**node.model_dump(), "functions": ordered}).functions


def set_function(controller: Controller, node_id: str, function: str, held: bool) -> bool:
    """Give ``function`` to the unit ``node_id`` (or take it away): one undo step."""
    node = controller.document.model.node(node_id)
    if (function in node.held_functions()) == held:
        return False
    return controller.set_node_properties([node_id], {"functions": functions_with(node, function, held)})


def units_in_order(nodes: list[Node]) -> list[Node]:
    """The units as the matrix's columns: by level (top to bottom), then left to right."""
    rank = {level: k for k, level in enumerate(LEVEL_IDS)}
    return sorted(nodes, key=lambda n: (rank[n.level], n.x, n.y))


@dataclass(frozen=True)
class Row:
    """A row of the matrix: a level's heading (``function`` is ``None``) or a function."""

    level: str
    function: Function | None = None


def matrix_rows() -> list[Row]:
    rows: list[Row] = []
    cat = catalog()
    for level in LEVEL_IDS:
        members = [f for f in cat.functions if f.level == level]
        if members:
            rows.append(Row(level))
            rows.extend(Row(level, f) for f in members)
    return rows


class CoverageModel(QAbstractTableModel):
    """Functions (rows) × units (columns) of one document; follows every change."""

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.rows = matrix_rows()
        self.units: list[Node] = []
        self.names: dict[str, str] = {}
        self.held: list[set[str]] = []
        self.holders: dict[str, list[str]] = {}
        self._compute()

    # -- following the document ------------------------------------------------------
    def _compute(self) -> None:
        self.units = units_in_order(list(self.document.model.nodes))
        self.names = unit_names(self.units)
        self.held = [set(n.held_functions()) for n in self.units]
        self.holders = {f.id: [] for f in catalog().functions}
        for node, held in zip(self.units, self.held, strict=True):
            for f in held:
                self.holders[f].append(node.id)

    def refresh(self) -> bool:
        """Read the document again: the same columns are updated in place (the view keeps
        its scroll position and current cell), other columns reset the table (``True``)."""
        before = ([n.id for n in self.units], dict(self.names))
        self._compute()
        if ([n.id for n in self.units], self.names) != before:
            self.beginResetModel()
            self.endResetModel()
            return True
        if self.units:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.rows) - 1, len(self.units) - 1))  # fmt: skip
        self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self.rows) - 1)
        return False

    def retranslate(self) -> None:
        """Names and labels in the language chosen now."""
        self.beginResetModel()
        self._compute()
        self.endResetModel()

    # -- what a cell says --------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.units)

    def function_at(self, row: int) -> Function | None:
        return self.rows[row].function if 0 <= row < len(self.rows) else None

    def unit_at(self, column: int) -> Node | None:
        return self.units[column] if 0 <= column < len(self.units) else None

    def is_uncovered(self, row: int) -> bool:
        function = self.function_at(row)
        return function is not None and bool(self.units) and not self.holders[function.id]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid() or self.function_at(index.row()) is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        function, unit = row.function, self.units[index.column()]
        if function is None:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(style.LEVEL_STYLES[row.level].band))
            return None
        held = function.id in self.held[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return TICK if held else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and self.is_uncovered(index.row()):
            return QBrush(QColor(self._tint(function)))
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            name = self.names[unit.id]
            if held:
                text = QCoreApplication.translate("CoveragePanel", "{0} nimmt „{1}“ wahr. Klicken nimmt die Aufgabe weg.")
            else:
                text = QCoreApplication.translate("CoveragePanel", "{0} nimmt „{1}“ nicht wahr. Klicken überträgt die Aufgabe.")
            return text.format(name, function.label.get())
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if orientation == Qt.Orientation.Horizontal:
            unit = self.unit_at(section)
            if unit is None:
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return self.names[unit.id]
            if role == Qt.ItemDataRole.ToolTipRole:
                level = catalog().level(unit.level).label.get()
                return QCoreApplication.translate("CoveragePanel", "{0} ({1}) – klicken wählt die Einheit aus.").format(
                    self.names[unit.id], level)  # fmt: skip
            return None
        if not 0 <= section < len(self.rows):
            return None
        row = self.rows[section]
        function = row.function
        if function is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return catalog().level(row.level).label.get()
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(style.LEVEL_STYLES[row.level].border))
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(style.LEVEL_STYLES[row.level].band))
            return None
        uncovered = self.is_uncovered(section)
        if role == Qt.ItemDataRole.DisplayRole:
            text = function.label.get()
            if function.essential:
                text += " " + QCoreApplication.translate("CoveragePanel", "(wesentlich)")
            if uncovered:
                text += " – " + QCoreApplication.translate("CoveragePanel", "nicht besetzt")
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            holders = [self.names[i] for i in self.holders[function.id]]
            who = (QCoreApplication.translate("CoveragePanel", "Wahrgenommen von: {0}").format(", ".join(holders)) if holders
                   else QCoreApplication.translate("CoveragePanel", "Keine Einheit nimmt diese Aufgabe wahr."))  # fmt: skip
            return (f"{function.description.get()}\n{function.citation.format()}\n{who}\n"
                    + QCoreApplication.translate("CoveragePanel", "Klicken wählt die Einheiten aus, die sie wahrnehmen."))  # fmt: skip
        if role == Qt.ItemDataRole.FontRole and uncovered:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and uncovered:
            return QBrush(QColor(self._colour(function)))
        if role == Qt.ItemDataRole.BackgroundRole and uncovered:
            return QBrush(QColor(self._tint(function)))
        return None

    def _severity(self, function: Function) -> str:
        pilot = self.document.model.meta.phase == "pilot"
        return "warning" if function.essential and not pilot else "hint"

    def _tint(self, function: Function) -> str:
        return style.SEVERITY_TINTS[self._severity(function)]

    def _colour(self, function: Function) -> str:
        return style.SEVERITY_COLOURS[self._severity(function)]



class CoverageTable(QTableView):
    """The matrix; Space on a cell toggles it like a click."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and self.currentIndex().isValid():
            self.clicked.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class CoveragePanel(QWidget):
    """The dock's content: a short explanation, the summary and the matrix."""

    def __init__(self, document: Document, controller: Controller,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.document = document
        self.controller = controller
        self.model = CoverageModel(document, self)
        self.summary = QLabel()
        self.summary.setObjectName("coverage_summary")
        self.summary.setWordWrap(True)
        self.table = CoverageTable()
        self.table.setObjectName("coverage_table")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.setCornerButtonEnabled(False)
        top = self.table.horizontalHeader()
        top.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        top.setDefaultSectionSize(96)
        top.setMinimumSectionSize(48)
        top.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        top.setSectionsClickable(True)
        top.setHighlightSections(False)
        top.setMinimumHeight(3 * top.fontMetrics().lineSpacing() + 10)
        left = self.table.verticalHeader()
        left.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                                 | Qt.TextFlag.TextWordWrap)  # fmt: skip
        left.setSectionsClickable(True)
        left.setHighlightSections(False)
        left.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        left.setMinimumSectionSize(left.fontMetrics().lineSpacing() + 6)
        left.setFixedWidth(ROW_HEADER_CHARS * left.fontMetrics().averageCharWidth())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.table.clicked.connect(self._cell_clicked)
        left.sectionClicked.connect(self.select_holders)
        top.sectionClicked.connect(self._unit_clicked)
        document.changed.connect(self._changed)
        document.reset.connect(lambda _m: self._changed(ChangeSet()))
        self.model.modelReset.connect(self._fit_sections)
        self.retranslate()

    def _fit_sections(self) -> None:
        """Each function's header as tall as its wrapped text, each unit's column as wide
        as its longest word (within bounds): nothing of a label is cut off."""
        self._fit_rows()
        top = self.table.horizontalHeader()
        words = top.fontMetrics()
        for column in range(self.model.columnCount()):
            text = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            longest = max((words.horizontalAdvance(w) for w in text.split()), default=0)
            top.resizeSection(column, max(56, min(longest + 16, 180)))

    def _fit_rows(self) -> None:
        left = self.table.verticalHeader()
        metrics = left.fontMetrics()
        width = left.width() - 12
        flags = int(Qt.TextFlag.TextWordWrap)
        for row in range(self.model.rowCount()):
            text = str(self.model.headerData(row, Qt.Orientation.Vertical) or "")
            height = metrics.boundingRect(QRect(0, 0, width, 10_000), flags, text).height()
            left.resizeSection(row, height + 8)

    # -- following the document -------------------------------------------------------
    def _changed(self, _changes: ChangeSet) -> None:
        if not shiboken6.isValid(self):
            return  # the window is being destroyed
        if not self.model.refresh():
            self._fit_rows()
        self._show_summary()

    def _show_summary(self) -> None:
        open_rows = [r for r in range(len(self.model.rows)) if self.model.is_uncovered(r)]
        if not self.model.units:
            text = self.tr("Noch keine Einheiten. Sobald Einheiten da sind, zeigt die Tabelle, "
                           "welche Einheit welche Aufgabe der Arbeitshilfe wahrnimmt.")  # fmt: skip
        elif not open_rows:
            text = self.tr("Jede Aufgabe der Arbeitshilfe ist mindestens einer Einheit "
                           "zugeordnet.")  # fmt: skip
        else:
            text = self.tr("Aufgaben ohne Einheit: {0} (markiert: „nicht besetzt“).").format(
                len(open_rows))  # fmt: skip
        self.summary.setText(text + " " + self.tr("Ein Klick in ein Feld überträgt die Aufgabe "
                                                  "oder nimmt sie weg."))  # fmt: skip

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "model"):
            self.retranslate()

    def retranslate(self) -> None:
        self.model.retranslate()
        self.table.setAccessibleName(self.tr("Aufgaben und Einheiten"))
        self.table.setAccessibleDescription(self.tr(
            "Zeilen: die Aufgaben der Arbeitshilfe nach Ebenen; Spalten: die Einheiten. Ein "
            "Haken heißt: die Einheit nimmt die Aufgabe wahr. Leertaste überträgt die Aufgabe "
            "oder nimmt sie weg."))  # fmt: skip
        self._show_summary()

    # -- clicks -----------------------------------------------------------------------
    def _cell_clicked(self, index: QModelIndex) -> None:
        function, unit = self.model.function_at(index.row()), self.model.unit_at(index.column())
        if function is None or unit is None:
            return
        held = function.id in unit.held_functions()
        set_function(self.controller, unit.id, function.id, not held)

    def select_holders(self, row: int) -> None:
        """Select on the canvas the units that hold the function of ``row``."""
        function = self.model.function_at(row)
        if function is not None:
            self.controller.scene.select_ids(self.model.holders[function.id])

    def _unit_clicked(self, column: int) -> None:
        unit = self.model.unit_at(column)
        if unit is not None:
            self.controller.scene.select_ids([unit.id])
