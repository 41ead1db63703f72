"""„Verbinden mit …“: choose the other end of a new relation from a searchable list.

Opened by Ctrl+K with one unit selected and by the unit's context menu, so that any two
units can be connected without the mouse, not only neighbours. Typing filters the list
(case, umlauts and parts of words do not matter, as in the palette); Down moves into the
list; Enter connects with the relation type proposed for the two levels.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orgdesigner import search
from orgdesigner.catalog import LEVEL_IDS, catalog, form_name
from orgdesigner.model import Node, OrgModel
from orgdesigner.relations import propose_relation

NODE_ROLE = Qt.ItemDataRole.UserRole + 1


class ConnectDialog(QDialog):
    """The units ``source`` can be connected to; :meth:`target` is the chosen one."""

    def __init__(self, model: OrgModel, source: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connect_dialog")
        self.setWindowTitle(self.tr("Verbinden mit …"))
        self.source = model.node(source)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Neue Beziehung von „{0}“ zu:").format(self._name(self.source)))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.filter = QLineEdit()
        self.filter.setObjectName("connect_filter")
        self.filter.setPlaceholderText(self.tr("Einheit suchen …"))
        self.filter.setAccessibleName(self.tr("Einheit suchen"))
        self.filter.setClearButtonEnabled(True)
        intro.setBuddy(self.filter)
        layout.addWidget(self.filter)
        self.list = QTreeWidget()
        self.list.setObjectName("connect_list")
        self.list.setAccessibleName(self.tr("Einheiten, mit denen verbunden werden kann"))
        self.list.setHeaderLabels([self.tr("Einheit"), self.tr("Ebene"),
                                   self.tr("Vorgeschlagene Beziehung")])  # fmt: skip
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAllColumnsShowFocus(True)
        layout.addWidget(self.list, 1)
        hint = QLabel(self.tr("Die Art der Beziehung wird wie beim Ziehen vorgeschlagen und ist "
                              "danach im Eigenschaftenbereich änderbar."))  # fmt: skip
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox()
        self.connect_button = buttons.addButton(self.tr("Verbinden"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)  # fmt: skip
        self.connect_button.setObjectName("connect_ok")
        self.connect_button.setDefault(True)
        cancel = buttons.addButton(self.tr("Abbrechen"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("connect_cancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.items: dict[str, QTreeWidgetItem] = {}
        self._fill(model)
        self.filter.textChanged.connect(self.apply_filter)
        self.filter.installEventFilter(self)
        self.list.itemActivated.connect(lambda _item, _col: self.accept())
        self.list.currentItemChanged.connect(lambda *_a: self._update_button())
        self.apply_filter("")
        self.filter.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(620, 460)

    @staticmethod
    def _name(node: Node) -> str:
        return node.label or form_name(node.level, node.form)

    def _fill(self, model: OrgModel) -> None:
        cat = catalog()
        order = {level: k for k, level in enumerate(LEVEL_IDS)}
        others = sorted((n for n in model.nodes if n.id != self.source.id),
                        key=lambda n: (order[n.level], round(n.y), n.x, n.id))  # fmt: skip
        names = _unique_names(others)
        for node in others:
            name = names[node.id]
            relation = cat.relation(propose_relation(self.source, node)).label.get()
            item = QTreeWidgetItem([name, cat.level(node.level).label.get(), relation])
            item.setData(0, NODE_ROLE, node.id)
            item.setToolTip(0, form_name(node.level, node.form))
            self.list.addTopLevelItem(item)
            self.items[node.id] = item
        for column in range(3):
            self.list.resizeColumnToContents(column)
            self.list.setColumnWidth(column, self.list.columnWidth(column) + 16)  # breathing room

    def apply_filter(self, text: str) -> None:
        """Show the units whose name, form or level contains every word typed; the first
        of them is chosen (Enter in the field connects to it)."""
        first: QTreeWidgetItem | None = None
        for item in self.items.values():
            hit = search.matches(text, item.text(0), item.toolTip(0), item.text(1))
            item.setHidden(not hit)
            if hit and first is None:
                first = item
        if first is not None:
            self.list.setCurrentItem(first)
        else:
            self.list.setCurrentIndex(QModelIndex())  # nothing to connect to
        self._update_button()

    def _update_button(self) -> None:
        item = self.list.currentItem()
        self.connect_button.setEnabled(item is not None and not item.isHidden())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.filter and isinstance(event, QKeyEvent)
                and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)):  # fmt: skip
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)
            current = self.list.currentItem()
            if current is None or current.isHidden():
                self.apply_filter(self.filter.text())
            return True
        return super().eventFilter(watched, event)

    def accept(self) -> None:
        if self.target() is not None:
            super().accept()

    def target(self) -> str | None:
        """The chosen unit's id (``None`` when nothing matches)."""
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        return str(item.data(0, NODE_ROLE))

    def visible(self) -> list[str]:
        """The ids of the units the filter leaves in the list, in list order."""
        return [i for i, item in self.items.items() if not item.isHidden()]


def _unique_names(nodes: list[Node]) -> dict[str, str]:
    """Each unit's name; units named alike get their form in brackets, and a number when
    that is still not enough (two project groups both called „Mobilität“)."""
    def plain(n: Node) -> str:
        return n.label or form_name(n.level, n.form)

    counts: dict[str, int] = {}
    for n in nodes:
        counts[plain(n)] = counts.get(plain(n), 0) + 1
    named = {n.id: (plain(n) if counts[plain(n)] == 1
                    else f"{plain(n)} ({form_name(n.level, n.form)})") for n in nodes}  # fmt: skip
    again: dict[str, int] = {}
    for n in nodes:
        again[named[n.id]] = again.get(named[n.id], 0) + 1
    seen: dict[str, int] = {}
    for n in nodes:
        name = named[n.id]
        if again[name] > 1:
            seen[name] = seen.get(name, 0) + 1
            named[n.id] = f"{name[:-1]}, {seen[name]})" if name.endswith(")") else (
                f"{name} ({seen[name]})")  # fmt: skip
    return named
