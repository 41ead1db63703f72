"""Hints for the selection (dock „Hinweise“), like Archi's Hints view.

For a selected unit: its form's description, the Vorzüge and Nachteile quoted from the
guide's table (with the table number) or the guide's characterisation (marked as our
summary, with chapter and page), the typical tasks and actors of its level (Tabelle 1),
the Botschaften that concern it and the rule panel's findings on it. For a level band
(a click on its name): its Tabelle 1 row. For a relation: what the type means. All text
comes from the catalog, in the language of the program.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

import shiboken6
from PySide6.QtCore import QEvent, QTimer, QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from orgdesigner import style
from orgdesigner.canvas.scene import OrgScene
from orgdesigner.catalog import Botschaft, Citation, LevelTable, catalog, guide
from orgdesigner.commands import ChangeSet
from orgdesigner.document import Document
from orgdesigner.i18n import current_language, pick
from orgdesigner.model import Edge, Node
from orgdesigner.ui.accessibility import readable
from orgdesigner.ui.evaluator import Evaluation, RuleEvaluator


def botschaften_for(node: Node | None, level: str | None = None) -> list[Botschaft]:
    """The Botschaften that concern ``node`` (or a level band), in order."""
    numbers: set[int] = set()
    g = guide()
    cat = catalog()
    if node is not None and node.form is not None:
        numbers.update(cat.form(node.form).botschaften.numbers)
        numbers.update(cat.form(node.form).citation.botschaften)
        ch = g.characterisations.get(node.form)
        if ch is not None:
            numbers.update(ch.citation.botschaften)
    else:
        level_id = node.level if node is not None else level
        if level_id:
            numbers.update(cat.level(level_id).botschaften)
    return [b for b in g.botschaften if b.number in numbers]


def _q(text: str) -> str:
    """A quotation in the language's quotation marks, escaped."""
    return pick(f"„{html.escape(text)}“", f"“{html.escape(text)}”")


def css() -> str:
    """The panel's style sheet; its colours stay readable on a dark palette too."""
    return f"""
h2 {{ margin: 0 0 2px 0; font-size: large; }}
h3 {{ margin: 12px 0 3px 0; font-size: medium; }}
p {{ margin: 3px 0; }}
ul {{ margin: 2px 0 2px 0; -qt-list-indent: 1; }}
li {{ margin: 1px 0; }}
.muted {{ color: {readable(style.MUTED_TEXT)}; }}
.cite {{ color: {readable(style.ACCEPTED)}; font-size: small; }}
.quote {{ color: {readable(style.TEXT)}; }}
a {{ color: {readable(style.SELECTION)}; }}
"""


class HintsPanel(QWidget):
    """What the guide says about the selected unit, relation or level."""

    botschaft_requested = Signal(int)
    """The user followed a Botschaft link: show its reflection questions."""

    def __init__(self, document: Document, scene: OrgScene, evaluator: RuleEvaluator | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("hints_panel")
        self.document = document
        self.scene = scene
        self.evaluator = evaluator
        self.browser = QTextBrowser()
        self.browser.setObjectName("hints")
        self.browser.setOpenLinks(False)
        self.browser.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.browser.document().setDefaultStyleSheet(css())
        self.browser.document().setDocumentMargin(8)
        self.browser.anchorClicked.connect(self._link)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(400)
        self._progress_timer.timeout.connect(self.refresh)
        self.subject: tuple[str, str] = ("none", "")
        """what is shown: ("none", ""), ("node", id), ("edge", id), ("level", id), ("many", n)"""
        scene.selectionChanged.connect(self._selection_changed)
        scene.level_clicked.connect(self.show_level)
        document.changed.connect(self._changed)
        document.reset.connect(lambda _m: self.show_subject(("none", "")))
        if evaluator is not None:
            evaluator.evaluated.connect(self._evaluated)
        self.show_subject(("none", ""))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "subject"):
            self.refresh()  # the guide's texts in the language chosen now

    # -- what to show ------------------------------------------------------------------
    def _selection_changed(self) -> None:
        if not shiboken6.isValid(self.scene) or not shiboken6.isValid(self):
            return  # the window is being destroyed: its scene clears its items
        nodes, edges = self.scene.selected_node_ids(), self.scene.selected_edge_ids()
        if len(nodes) == 1:  # a unit with some of its relations (as a finding selects them)
            self.show_subject(("node", nodes[0]))
        elif not nodes and len(edges) == 1:
            self.show_subject(("edge", edges[0]))
        elif nodes or edges:
            self.show_subject(("many", str(len(nodes) + len(edges))))
        else:
            self.show_subject(("none", ""))

    def show_level(self, level: str) -> None:
        """Show a level band's Tabelle 1 row (the user clicked the band's name)."""
        self.show_subject(("level", level))

    def _changed(self, changes: ChangeSet) -> None:
        kind, ident = self.subject
        node = kind == "node" and bool({ident} & (changes.nodes_changed | changes.nodes_removed))
        edge = kind == "edge" and bool(
            {ident} & (changes.edges_changed | changes.edges_removed) or changes.nodes_changed
        )
        if node or edge or changes.meta:
            self.refresh()
        elif kind in ("node", "level") and changes.reflection:
            self._progress_timer.start()  # answers shown as progress: not on every keystroke

    def _evaluated(self, _result: Evaluation) -> None:
        if self.subject[0] in ("node", "edge"):
            self.refresh()

    def show_subject(self, subject: tuple[str, str]) -> None:
        self.subject = subject
        self.refresh()

    def refresh(self) -> None:
        kind, ident = self.subject
        model = self.document.model
        body = ""
        try:
            if kind == "node":
                body = self._node_html(model.node(ident))
            elif kind == "edge":
                body = self._edge_html(model.edge(ident))
            elif kind == "level":
                body = self._level_html(ident)
        except KeyError:  # the unit was deleted meanwhile
            kind = "none"
        if kind == "many":
            body = "<p class='muted'>" + html.escape(self.tr(
                "{0} Elemente ausgewählt. Wählen Sie eine einzelne Einheit oder Beziehung, "
                "um zu sehen, was die Arbeitshilfe dazu sagt.").format(ident)) + "</p>"  # fmt: skip
        elif kind == "none":
            body = self._intro_html()
        scroll = self.browser.verticalScrollBar().value()
        previous = getattr(self, "_shown", None)
        self.browser.setHtml(body)
        self._shown = (kind, ident)
        if previous == self._shown:
            self.browser.verticalScrollBar().setValue(scroll)

    def text(self) -> str:
        """The shown text as plain text (tests, copying)."""
        return self.browser.toPlainText()

    # -- pages ---------------------------------------------------------------------------
    def _intro_html(self) -> str:
        return (
            "<h2>" + html.escape(self.tr("Hinweise der Arbeitshilfe")) + "</h2><p class='muted'>"
            + html.escape(self.tr(
                "Wählen Sie eine Einheit oder eine Beziehung auf der Zeichenfläche – oder klicken "
                "Sie links auf den Namen einer Ebene –, um zu sehen, was die Arbeitshilfe dazu "
                "sagt: Vorzüge und Nachteile, typische Aufgaben und Akteure, passende Botschaften."))
            + "</p><p class='cite'>" + html.escape(guide().source.title) + " (" + html.escape(
                guide().source.publisher) + f", {guide().source.month} {guide().source.year})</p>"
        )  # fmt: skip

    def _node_html(self, node: Node) -> str:
        cat, g = catalog(), guide()
        lang = current_language()
        level = cat.level(node.level)
        parts = [f"<h2>{html.escape(node.label.strip() or node.id)}</h2>"]
        if node.form is None:
            form_label = self.tr("Sonstige Einheit")
            parts.append(f"<p class='muted'>{html.escape(form_label)} · {html.escape(level.label.get())}</p>")
            parts.append(f"<p>{html.escape(level.description.get())} "
                         f"<span class='cite'>({html.escape(level.citation.format())})</span></p>")  # fmt: skip
        else:
            form = cat.form(node.form)
            parts.append(f"<p class='muted'>{html.escape(form.label.get())} · "
                         f"{html.escape(level.label.get())}</p>")  # fmt: skip
            parts.append(f"<p>{html.escape(form.description.get())} "
                         f"<span class='cite'>({html.escape(form.citation.format())})</span></p>")  # fmt: skip
            pc = g.pros_cons.get(node.form)
            ch = g.characterisations.get(node.form)
            if pc is not None:
                caption = pc.caption_en if lang == "en" else pc.caption_de
                parts.append("<h3>" + html.escape(self.tr("Vorzüge und Nachteile – Tabelle {0}")
                                                  .format(pc.table)) + "</h3>")  # fmt: skip
                parts.append("<p class='cite'>" + html.escape(self.tr(
                    "Zitiert aus Tabelle {0}: {1} ({2})").format(
                    pc.table, caption, pc.citation.format())) + "</p>")  # fmt: skip
                parts.append("<p><b>" + html.escape(self.tr("Vorzüge")) + "</b></p><ul>"
                             + "".join(f"<li class='quote'>{_q(b.get())}</li>" for b in pc.pros)
                             + "</ul>")  # fmt: skip
                parts.append("<p><b>" + html.escape(self.tr("Nachteile")) + "</b></p><ul>"
                             + "".join(f"<li class='quote'>{_q(b.get())}</li>" for b in pc.cons)
                             + "</ul>")  # fmt: skip
            elif ch is not None:
                parts.append("<h3>" + html.escape(self.tr("Zusammenfassung")) + "</h3>")
                parts.append("<p class='cite'>" + html.escape(self.tr(
                    "Zusammenfassung der Arbeitshilfe in eigenen Worten, kein Zitat – {0}")
                    .format(ch.citation.format())) + "</p>")  # fmt: skip
                parts.append(f"<p>{html.escape(ch.summary())}</p>")
                if node.form == "digital_pilots":
                    parts.append(self._pilot_roles_html(node))
        parts.append(self._table1_html(node.level, self._regional(node)))
        parts.append(self._botschaften_html(botschaften_for(node)))
        parts.append(self._findings_html(node.id))
        return "".join(parts)

    def _regional(self, node: Node) -> bool:
        if node.level != "coordination":
            return False
        if node.scope is not None:
            return node.scope == "regional"
        return self.document.model.meta.scope == "regional"

    def _pilot_roles_html(self, node: Node) -> str:
        roles = guide().pilot_roles
        en = current_language() == "en"
        items = []
        for key in ("volunteer", "qualified_volunteer", "full_time"):
            role = getattr(roles, key)
            label = role.label_en if en else role.label_de
            summary = role.summary_en if en else role.summary_de
            mark = " ◀ " + html.escape(self.tr("so im Modell")) if node.pilot_type == key else ""
            items.append(f"<li><b>{html.escape(label)}</b>{mark}: {html.escape(summary)}</li>")
        cite = self.tr("Zusammenfassung, {0}").format(roles.citation.format())
        return ("<p><b>" + html.escape(self.tr("Drei Typen von Lotsinnen und Lotsen")) + "</b> "
                f"<span class='cite'>({html.escape(cite)})"
                "</span></p><ul>" + "".join(items) + "</ul>")  # fmt: skip

    def _table1_rows(self, row: LevelTable, names: bool) -> str:
        en = current_language() == "en"
        rows = [
            (self.tr("Typische Aufgaben"), row.tasks_en if en else row.tasks_de),
            (self.tr("Typische Akteure"), row.actors_en if en else row.actors_de),
        ]
        if names:
            rows.append((self.tr("Typische Bezeichnungen"), row.names_en if en else row.names_de))
        return "".join(f"<p><b>{html.escape(k)}:</b> {_q(v)}</p>" for k, v in rows)

    def _table1_html(self, level: str, regional: bool, names: bool = False) -> str:
        g = guide()
        label = catalog().level(level).label.get()
        row = g.coordination_regional if (level == "coordination" and regional) else g.levels[level]  # type: ignore[index]
        title = self.tr("{0} – Tabelle 1").format(label)
        if level == "coordination":
            title += " " + (self.tr("(Region)") if regional else self.tr("(Stadt)"))
        return ("<h3>" + html.escape(title) + "</h3><p class='cite'>" + html.escape(self.tr(
            "Zitiert aus {0}").format(row.citation.format())) + "</p>"
            + self._table1_rows(row, names))  # fmt: skip

    def _botschaften_html(self, items: Iterable[Botschaft]) -> str:
        items = list(items)
        if not items:
            return ""
        en = current_language() == "en"
        answered = self.document.model.reflection
        out = ["<h3>" + html.escape(self.tr("Botschaften der Arbeitshilfe")) + "</h3><ul>"]
        for b in items:
            title = b.title_en if en else b.title_de
            done = sum(1 for q in b.questions if answered.get(q.id, "").strip())
            progress = self.tr("{0} von {1} Leitfragen beantwortet").format(done, len(b.questions))
            name = self.tr("Botschaft {0}").format(b.number)
            out.append(f"<li><a href='botschaft:{b.number}'>{html.escape(name)}: "
                       f"{html.escape(title)}</a> <span class='cite'>({Citation(chapter=b.section, page=b.page).format()}) – "
                       f"{html.escape(progress)}</span></li>")  # fmt: skip
        out.append("</ul>")
        return "".join(out)

    def _findings_html(self, item_id: str) -> str:
        if self.evaluator is None or self.evaluator.latest is None:
            return ""
        found = [f for f in self.evaluator.latest.findings if item_id in f.subjects]
        if not found:
            return ""
        names = {"warning": self.tr("Warnung"), "hint": self.tr("Hinweis"), "info": self.tr("Information")}
        out = ["<h3>" + html.escape(self.tr("Prüfung")) + "</h3><ul>"]
        for f in found:
            title = f.title()  # the rule's title; its id is not for readers
            colour = style.ACCEPTED if f.accepted else style.SEVERITY_COLOURS[f.severity]
            state = html.escape(self.tr("bewusst angenommen")) + " – " if f.accepted else ""
            out.append(f"<li><span style='color:{colour}'><b>{html.escape(names[f.severity])}:</b></span> "
                       f"{state}<b>{html.escape(title)}</b> – {html.escape(f.message())} "
                       f"<span class='cite'>({html.escape(f.citation.format())})</span></li>")  # fmt: skip
        out.append("</ul>")
        return "".join(out)

    def _edge_html(self, edge: Edge) -> str:
        cat = catalog()
        model = self.document.model
        rel = cat.relation(edge.type)
        src, dst = model.node(edge.source), model.node(edge.target)
        arrow = "↔" if not rel.directed else "→"
        parts = [f"<h2>{html.escape(rel.label.get())}</h2>",
                 f"<p class='muted'>{html.escape(src.label or src.id)} {arrow} "
                 f"{html.escape(dst.label or dst.id)}</p>"]  # fmt: skip
        if edge.label:
            caption = self.tr("Beschriftung:")
            parts.append(f"<p>{html.escape(caption)} {html.escape(edge.label)}</p>")
        parts.append("<h3>" + html.escape(self.tr("Bedeutung")) + "</h3>")
        parts.append(f"<p>{html.escape(rel.description.get())} "
                     f"<span class='cite'>({html.escape(rel.citation.format())})</span></p>")  # fmt: skip
        direction = self.tr("Typische Richtung:")
        typical = rel.typical_direction.get()
        parts.append(f"<p><b>{html.escape(direction)}</b> {html.escape(typical)}</p>")
        if edge.type == "cooperates":
            state = {True: self.tr("ja"), False: self.tr("nein"), None: self.tr("nicht angegeben")}[edge.contract]
            contract = self.tr("Vertrag oder Vereinbarung:")
            parts.append(f"<p><b>{html.escape(contract)}</b> {html.escape(state)}</p>")
        parts.append(self._findings_html(edge.id))
        return "".join(parts)

    def _level_html(self, level: str) -> str:
        lv = catalog().level(level)
        parts = [f"<h2>{html.escape(lv.label.get())}</h2>",
                 f"<p>{html.escape(lv.description.get())} "
                 f"<span class='cite'>({html.escape(lv.citation.format())})</span></p>"]  # fmt: skip
        if lv.optional:
            parts.append("<p class='muted'>" + html.escape(self.tr("Diese Ebene ist optional.")) + "</p>")
        parts.append(self._table1_html(level, regional=False, names=True))
        if level == "coordination":
            parts.append(self._table1_html(level, regional=True, names=True))
        parts.append(self._botschaften_html(botschaften_for(None, level)))
        return "".join(parts)

    # -- links ---------------------------------------------------------------------------
    def _link(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("botschaft:"):
            number = text.split(":", 1)[1]
            if number.isdigit():
                self.botschaft_requested.emit(int(number))
