"""The inspector: edits the properties of the selection, or the model's data.

One page per kind of selection: units (one or several at once), relations (one or
several), or nothing selected (the model's meta data). Every edit goes through the
controller as one undoable command. With several units selected, a field shows a value
only when all of them share it; it changes all of them only when the user edits it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFocusEvent, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from orgdesigner.catalog import LEVEL_IDS, RELATION_IDS, catalog
from orgdesigner.document import Document
from orgdesigner.i18n import current_language
from orgdesigner.model import SHORT_TEXT_MAX_LENGTH, Node
from orgdesigner.ui.controller import Controller
from orgdesigner.ui.coverage import set_function

MIXED = object()
"""Marks a field whose value differs between the selected items."""


class _NotesEdit(QPlainTextEdit):
    editing_finished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self.document().isModified():
            self.editing_finished.emit()


class _Field:
    """One editable property: its widget, how to show a value, how to read it back."""

    def __init__(self, name: str, widget: QWidget, show: Callable[[Any], None],
                 read: Callable[[], Any]) -> None:  # fmt: skip
        self.name = name
        self.widget = widget
        self.show = show
        self.read = read


class _Page(QWidget):
    """A form of fields; ``commit(name, value)`` is called when the user edits one."""

    def __init__(self, commit: Callable[[str, Any], None]) -> None:
        super().__init__()
        self._commit = commit
        self._loading = False
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # labels above their fields: the dock is narrow, and neither a label („Vollzeit-
        # äquivalente (VZÄ)“) nor a value („Lenkungs-/Steuerungskreis“) may be cut off
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.form.setVerticalSpacing(4)
        self.fields: dict[str, _Field] = {}
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.form.addRow(self.title)

    def _emit(self, name: str) -> None:
        if self._loading:
            return
        field = self.fields[name]
        self._commit(name, field.read())

    def load(self, values: dict[str, Any]) -> None:
        self._loading = True
        try:
            for name, value in values.items():
                if name in self.fields:
                    self.fields[name].show(value)
        finally:
            self._loading = False

    def set_visible(self, name: str, visible: bool) -> None:
        self.form.setRowVisible(self.fields[name].widget, visible)

    # -- field factories ---------------------------------------------------------
    def add_text(self, name: str, label: str,
                 max_length: int = SHORT_TEXT_MAX_LENGTH) -> QLineEdit:  # fmt: skip
        edit = QLineEdit()
        edit.setMaxLength(max_length)

        def show(value: Any) -> None:
            edit.setPlaceholderText(self.tr("(verschiedene Werte)") if value is MIXED else "")
            edit.setText("" if value is MIXED or value is None else str(value))
            edit.setCursorPosition(0)
            edit.setModified(False)

        def finished() -> None:
            if edit.isModified():
                edit.setModified(False)
                self._emit(name)

        edit.editingFinished.connect(finished)
        self._add(name, label, edit, show, edit.text)
        return edit

    def add_notes(self, name: str, label: str) -> _NotesEdit:
        edit = _NotesEdit()
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(80)

        def show(value: Any) -> None:
            edit.setPlaceholderText(self.tr("(verschiedene Werte)") if value is MIXED else "")
            edit.setPlainText("" if value is MIXED or value is None else str(value))
            edit.document().setModified(False)

        def finished() -> None:
            edit.document().setModified(False)
            self._emit(name)

        edit.editing_finished.connect(finished)
        self._add(name, label, edit, show, edit.toPlainText)
        return edit

    def add_int(self, name: str, label: str, maximum: int) -> QSpinBox:
        """An optional whole number; the lowest value, shown as "—", means "not given"."""
        spin = QSpinBox()
        spin.setRange(-1, maximum)
        spin.setSpecialValueText("—")
        spin.setKeyboardTracking(False)
        spin.setGroupSeparatorShown(True)

        def show(value: Any) -> None:
            spin.setValue(-1 if value is MIXED or value is None else int(value))
            spin.setToolTip(self.tr("verschiedene Werte") if value is MIXED else "")

        def read() -> int | None:
            return None if spin.value() < 0 else spin.value()

        spin.valueChanged.connect(lambda _v: self._emit(name))
        self._add(name, label, spin, show, read)
        return spin

    def add_float(self, name: str, label: str, maximum: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setDecimals(2)
        spin.setRange(-0.25, maximum)
        spin.setSingleStep(0.25)
        spin.setSpecialValueText("—")
        spin.setKeyboardTracking(False)

        def show(value: Any) -> None:
            spin.setValue(-0.25 if value is MIXED or value is None else float(value))

        def read() -> float | None:
            return None if spin.value() < 0 else round(spin.value(), 2)

        spin.valueChanged.connect(lambda _v: self._emit(name))
        self._add(name, label, spin, show, read)
        return spin

    def add_choice(self, name: str, label: str, options: list[tuple[Any, str]],
                   optional: bool = True) -> QComboBox:  # fmt: skip
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        if optional:
            combo.addItem("—", None)
        for value, text in options:
            combo.addItem(text, value)
        combo.setPlaceholderText(self.tr("(verschiedene Werte)"))

        def show(value: Any) -> None:
            combo.setCurrentIndex(-1 if value is MIXED else combo.findData(value))

        combo.activated.connect(lambda _i: self._emit(name))
        self._add(name, label, combo, show, combo.currentData)
        return combo

    def add_date(self, name: str, label: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd.MM.yyyy")
        empty = QDate(2000, 1, 1)
        edit.setMinimumDate(empty)
        edit.setSpecialValueText("—")
        edit.setKeyboardTracking(False)

        def show(value: Any) -> None:
            if isinstance(value, dt.date):
                edit.setDate(QDate(value.year, value.month, value.day))
            else:
                edit.setDate(empty)

        def read() -> dt.date | None:
            d = edit.date()
            return None if d == empty else dt.date(d.year(), d.month(), d.day())

        edit.dateChanged.connect(lambda _d: self._emit(name))
        self._add(name, label, edit, show, read)
        return edit

    def add_info(self, name: str, label: str) -> QLabel:
        info = QLabel()
        info.setWordWrap(True)
        info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        def show(value: Any) -> None:
            info.setText("" if value is None or value is MIXED else str(value))

        self._add(name, label, info, show, info.text)
        return info

    def _add(self, name: str, label: str, widget: QWidget, show: Callable[[Any], None],
             read: Callable[[], Any]) -> None:  # fmt: skip
        widget.setObjectName(f"field_{name}")
        widget.setAccessibleName(label.removesuffix(":"))
        widget.setMinimumWidth(90)
        self.fields[name] = _Field(name, widget, show, read)
        caption = QLabel(label)
        # above its field a label has the dock's width; only a label longer than a narrow
        # dock wraps (a wrapping QLabel would break even short labels in two)
        caption.setWordWrap(caption.sizeHint().width() > 220)
        caption.setBuddy(widget)
        self.form.addRow(caption, widget)

    def commit_pending(self) -> None:
        """Commit a text the user is typing (before the page is rebuilt)."""
        for name, field in self.fields.items():
            widget = field.widget
            if isinstance(widget, QLineEdit) and widget.isModified():
                widget.setModified(False)
                self._emit(name)
            elif isinstance(widget, _NotesEdit) and widget.document().isModified():
                widget.document().setModified(False)
                self._emit(name)


class _ClickLabel(QLabel):
    """A wrapping label that toggles its check box when clicked (a check box's own text
    cannot wrap, and the dock is narrow)."""

    def __init__(self, box: QCheckBox) -> None:
        super().__init__()
        self.box = box
        self.setWordWrap(True)
        self.setBuddy(box)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.box.isEnabled():
            self.box.click()
        else:
            super().mousePressEvent(event)


class FunctionsSection(QWidget):
    """„Aufgaben“ of one unit: a check box per function of DOMAIN.md §7, grouped by level,
    the form's defaults and the essential functions marked. Each click is one undoable
    „Aufgaben ändern“ step; „Standard wiederherstellen“ goes back to the form's defaults."""

    def __init__(self, controller: Controller) -> None:
        super().__init__()
        self.setObjectName("functions_section")
        self.controller = controller
        self.node_id: str | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 8, 0, 0)
        column.setSpacing(2)
        self.heading = QLabel("<b>" + self.tr("Aufgaben") + "</b>")
        column.addWidget(self.heading)
        self.note = QLabel()
        self.note.setObjectName("functions_note")
        self.note.setWordWrap(True)
        column.addWidget(self.note)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(2)
        self.boxes: dict[str, QCheckBox] = {}
        self.labels: dict[str, QLabel] = {}
        cat = catalog()
        for level in LEVEL_IDS:
            members = [f for f in cat.functions if f.level == level]
            if not members:
                continue
            title = QLabel(cat.level(level).label.get())
            title.setObjectName(f"functions_level_{level}")
            title.setWordWrap(True)
            title.setStyleSheet("font-weight: bold; margin-top: 4px;")
            body.addWidget(title)
            for function in members:
                box = QCheckBox()
                box.setObjectName(f"function_{function.id}")
                label = _ClickLabel(box)
                tip = f"{function.description.get()}\n{function.citation.format()}"
                for w in (box, label):
                    w.setToolTip(tip)
                box.clicked.connect(lambda on, f=function.id: self._toggle(f, on))
                row = QHBoxLayout()
                row.setContentsMargins(8, 0, 0, 0)
                row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
                row.addWidget(label, 1)
                body.addLayout(row)
                self.boxes[function.id] = box
                self.labels[function.id] = label
        self.restore = QPushButton(self.tr("Standard wiederherstellen"))
        self.restore.setObjectName("functions_restore")
        self.restore.setToolTip(self.tr("Die Aufgaben, die die Organisationsform üblicherweise "
                                        "wahrnimmt (nach der Arbeitshilfe)"))  # fmt: skip
        self.restore.clicked.connect(self._restore)
        body.addWidget(self.restore, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.body)

    def show_nodes(self, nodes: list[Node]) -> None:
        """Show the functions of the one unit in ``nodes``; for several, say why not."""
        if len(nodes) != 1:
            self.node_id = None
            self.body.hide()
            self.note.setText(self.tr("Die Aufgaben zeigt und ändert dieser Bereich für eine "
                                      "einzelne Einheit; wählen Sie nur eine aus."))  # fmt: skip
            self.note.show()
            return
        node = nodes[0]
        self.node_id = node.id
        held = set(node.held_functions())
        defaults = set(catalog().default_functions(node.form))
        cat = catalog()
        for function_id, box in self.boxes.items():
            function = cat.function(function_id)
            marks = []
            if function.essential:
                marks.append(self.tr("wesentlich"))
            if function_id in defaults:
                marks.append(self.tr("Standard"))
            text = function.label.get() + (f" ({', '.join(marks)})" if marks else "")
            self.labels[function_id].setText(text)
            box.setAccessibleName(text)
            with QSignalBlocker(box):
                box.setChecked(function_id in held)
        self.restore.setEnabled(node.functions is not None)
        if node.functions is None:
            self.note.setText(self.tr("Die Einheit nimmt die üblichen Aufgaben ihrer "
                                      "Organisationsform wahr („Standard“)."))  # fmt: skip
        else:
            self.note.setText(self.tr("Die Aufgaben weichen von denen der Organisationsform "
                                      "ab („Standard“)."))  # fmt: skip
        self.note.show()
        self.body.show()

    def _toggle(self, function_id: str, on: bool) -> None:
        if self.node_id is not None:
            set_function(self.controller, self.node_id, function_id, on)

    def _restore(self) -> None:
        if self.node_id is not None:
            self.controller.set_node_properties([self.node_id], {"functions": None})


def _shared(values: list[Any]) -> Any:
    first = values[0]
    return first if all(v == first for v in values[1:]) else MIXED


class Inspector(QWidget):
    """Shows and edits the properties of the canvas selection (or of the model)."""

    def __init__(self, document: Document, controller: Controller,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.document = document
        self.controller = controller
        self.node_ids: list[str] = []
        self.edge_ids: list[str] = []
        self.stack = QStackedWidget()
        self.level: str | None = None
        self._build_pages()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        document.changed.connect(lambda _c: self.refresh())
        document.reset.connect(lambda _m: self.show_selection([], []))
        self.show_selection([], [])

    def _build_pages(self) -> None:
        self.meta_page = self._build_meta_page()
        self.node_page = self._build_node_page()
        self.edge_page = self._build_edge_page()
        self.level_page = self._build_level_page()
        for page in (self.meta_page, self.node_page, self.edge_page, self.level_page):
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(6, 6, 6, 6)
            column.addWidget(page)
            column.addStretch(1)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(holder)
            self.stack.addWidget(scroll)

    # -- language ------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "node_page"):
            self.retranslate()

    def retranslate(self) -> None:
        """Build the pages again in the language chosen now; what is being typed is kept."""
        for page in (self.meta_page, self.node_page, self.edge_page):
            page.commit_pending()
        while (old := self.stack.widget(0)) is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        self._build_pages()
        if self.level is not None:
            self.show_level(self.level)
        else:
            self.refresh()

    # -- pages -----------------------------------------------------------------
    def _build_meta_page(self) -> _Page:
        page = _Page(self._commit_meta)
        page.add_text("title", self.tr("Titel"))
        page.add_text("municipality", self.tr("Kommune"))
        page.add_choice("municipality_kind", self.tr("Art der Kommune"), [
            ("city", self.tr("Stadt")), ("municipality", self.tr("Gemeinde")),
            ("district", self.tr("Landkreis")), ("association", self.tr("Interkommunaler Verbund")),
        ])  # fmt: skip
        page.add_int("population", self.tr("Einwohnerzahl"), 100_000_000)
        page.add_choice("phase", self.tr("Phase"), [
            ("pilot", self.tr("Erprobung")), ("strategy", self.tr("Strategie")),
            ("implementation", self.tr("Umsetzung")), ("consolidation", self.tr("Verstetigung")),
        ])  # fmt: skip
        page.add_choice("scope", self.tr("Zuschnitt"), self._scope_options(), optional=False)
        page.add_text("author", self.tr("Verfasst von"))
        page.add_choice("status", self.tr("Status"), [
            ("draft", self.tr("Entwurf")), ("proposal", self.tr("Vorschlag")),
            ("adopted", self.tr("Beschlossen")),
        ], optional=False)  # fmt: skip
        page.add_text("version", self.tr("Version"))
        page.add_date("date", self.tr("Datum"))
        page.add_notes("description", self.tr("Beschreibung"))
        return page

    def _scope_options(self) -> list[tuple[Any, str]]:
        return [("municipal", self.tr("Kommunal")), ("regional", self.tr("Regional"))]

    def _build_node_page(self) -> _Page:
        page = _Page(self._commit_node)
        page.add_text("label", self.tr("Bezeichnung"), max_length=10_000)
        page.add_info("level", self.tr("Ebene"))
        page.add_choice("form", self.tr("Organisationsform"), [])
        page.add_int("persons", self.tr("Personen"), 1_000_000)
        page.add_float("fte", self.tr("Vollzeitäquivalente (VZÄ)"), 1_000_000)
        page.add_text("lead", self.tr("Leitung"))
        page.add_text("deputy", self.tr("Stellvertretung"))
        page.add_choice("cadence", self.tr("Sitzungsturnus"), [
            ("weekly", self.tr("wöchentlich")), ("biweekly", self.tr("alle zwei Wochen")),
            ("monthly", self.tr("monatlich")), ("bimonthly", self.tr("alle zwei Monate")),
            ("quarterly", self.tr("vierteljährlich")), ("half_yearly", self.tr("halbjährlich")),
            ("yearly", self.tr("jährlich")),
        ])  # fmt: skip
        page.add_choice("scope", self.tr("Zuständigkeit"), self._scope_options())
        page.add_choice("pilot_type", self.tr("Art der Lotsen"), [
            ("volunteer", self.tr("ehrenamtlich")),
            ("qualified_volunteer", self.tr("ehrenamtlich mit Qualifizierung")),
            ("full_time", self.tr("hauptamtlich")),
        ])  # fmt: skip
        page.add_notes("notes", self.tr("Notizen"))
        self.functions_section = FunctionsSection(self.controller)
        page.form.addRow(self.functions_section)
        return page

    def _build_edge_page(self) -> _Page:
        page = _Page(self._commit_edge)
        cat = catalog()
        page.add_choice("type", self.tr("Art der Beziehung"),
                        [(r, cat.relation(r).label.get()) for r in RELATION_IDS],
                        optional=False)  # fmt: skip
        page.add_info("ends", self.tr("Von → nach"))
        page.add_text("label", self.tr("Beschriftung"), max_length=10_000)
        page.add_choice("contract", self.tr("Vertrag / Vereinbarung"), [
            (True, self.tr("ja")), (False, self.tr("nein"))])  # fmt: skip
        page.add_info("description", self.tr("Bedeutung"))
        return page

    def _build_level_page(self) -> _Page:
        page = _Page(lambda _name, _value: None)
        page.add_info("description", self.tr("Funktion"))
        page.add_info("tasks", self.tr("Typische Aufgaben"))
        page.add_info("actors", self.tr("Typische Akteure"))
        page.add_info("names", self.tr("Typische Bezeichnungen"))
        page.add_info("source", self.tr("Quelle"))
        return page

    # -- showing -----------------------------------------------------------------
    def show_selection(self, node_ids: list[str], edge_ids: list[str]) -> None:
        self.node_ids, self.edge_ids = list(node_ids), list(edge_ids)
        self.level = None
        self.refresh()

    def show_level(self, level: str) -> None:
        """Show the guide's description of a level (Tabelle 1) when its band is clicked."""
        from orgdesigner.catalog import guide

        self.node_ids, self.edge_ids, self.level = [], [], level
        lv = catalog().level(level)
        row = guide().levels[catalog().level(level).id]
        en = current_language() == "en"
        self.level_page.title.setText(f"<b>{lv.label.get()}</b>")
        self.level_page.load({
            "description": lv.description.get(),
            "tasks": row.tasks_en if en else row.tasks_de,
            "actors": row.actors_en if en else row.actors_de,
            "names": row.names_en if en else row.names_de,
            "source": lv.citation.format(),
        })  # fmt: skip
        self.stack.setCurrentIndex(3)

    def refresh(self) -> None:
        if self.level is not None:
            return
        model = self.document.model
        if self.node_ids:
            node_ids = {n.id for n in model.nodes}
            self.node_ids = [i for i in self.node_ids if i in node_ids]
        if self.edge_ids:
            edge_ids = {e.id for e in model.edges}
            self.edge_ids = [i for i in self.edge_ids if i in edge_ids]
        if self.node_ids:
            self._show_nodes()
            self.stack.setCurrentIndex(1)
        elif self.edge_ids:
            self._show_edges()
            self.stack.setCurrentIndex(2)
        else:
            meta = model.meta
            self.meta_page.title.setText("<b>" + self.tr("Modell") + "</b> – "
                                         + self.tr("nichts ausgewählt"))  # fmt: skip
            self.meta_page.load(meta.model_dump())
            self.stack.setCurrentIndex(0)

    def _show_nodes(self) -> None:
        model = self.document.model
        nodes = [model.node(i) for i in self.node_ids]
        page = self.node_page
        cat = catalog()
        values: dict[str, Any] = {}
        for name in page.fields:
            if name in ("level",):
                continue
            values[name] = _shared([getattr(n, name) for n in nodes])
        levels = {n.level for n in nodes}
        values["level"] = ", ".join(cat.level(lv).label.get() for lv in sorted(levels))
        # forms offered: those of the (single) level
        combo = page.fields["form"].widget
        assert isinstance(combo, QComboBox)
        with QSignalBlocker(combo):
            combo.clear()
            if len(levels) == 1:
                level = next(iter(levels))
                combo.addItem(self.tr("Sonstige Einheit"), None)
                for f in cat.forms_of(level):
                    combo.addItem(f.label.get(), f.id)
        combo.setEnabled(len(levels) == 1)
        if len(nodes) == 1:
            title = self.tr("Einheit")
        else:
            title = self.tr("{0} Einheiten ausgewählt").format(len(nodes))
        page.title.setText(f"<b>{title}</b>")
        page.load(values)
        forms = {n.form for n in nodes}
        bodies = all(f is not None and cat.form(f).is_body for f in forms)
        page.set_visible("cadence", bodies)
        page.set_visible("scope", levels == {"coordination"})
        page.set_visible("pilot_type", forms == {"digital_pilots"})
        self.functions_section.show_nodes(nodes)

    def _show_edges(self) -> None:
        model = self.document.model
        edges = [model.edge(i) for i in self.edge_ids]
        page = self.edge_page
        cat = catalog()
        values: dict[str, Any] = {
            "type": _shared([e.type for e in edges]),
            "label": _shared([e.label for e in edges]),
            "contract": _shared([e.contract for e in edges]),
        }
        if len(edges) == 1:
            e = edges[0]
            src, dst = model.node(e.source), model.node(e.target)
            values["ends"] = f"{src.label or src.id} → {dst.label or dst.id}"
            rel = cat.relation(e.type)
            values["description"] = f"{rel.description.get()} ({rel.citation.format()})"
            title = self.tr("Beziehung")
        else:
            values["ends"] = ""
            values["description"] = ""
            title = self.tr("{0} Beziehungen ausgewählt").format(len(edges))
        page.title.setText(f"<b>{title}</b>")
        page.load(values)
        page.set_visible("contract", all(e.type == "cooperates" for e in edges))

    # -- committing ----------------------------------------------------------------
    def _commit_meta(self, name: str, value: Any) -> None:
        if not self.controller.set_meta({name: value}):
            self.refresh()

    def _commit_node(self, name: str, value: Any) -> None:
        if not self.controller.set_node_properties(self.node_ids, {name: value}):
            self.refresh()

    def _commit_edge(self, name: str, value: Any) -> None:
        if not self.controller.set_edge_properties(self.edge_ids, {name: value}):
            self.refresh()
