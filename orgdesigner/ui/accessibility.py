"""Screen readers: accessible names and descriptions for the panels and the canvas.

Canvas units are graphics items, not widgets, so they have no accessible object of their
own. The canvas view therefore describes the current unit in its accessible description
(level, form, label, number of findings) whenever the selection or the check changes, and
announces the change (``QAccessible.updateAccessibility``). Palette entries and findings
carry ``AccessibleTextRole`` data; inspector fields are named after their labels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAccessible, QAccessibleEvent, QColor, QGuiApplication, QPalette

from orgdesigner import style
from orgdesigner.catalog import catalog

if TYPE_CHECKING:
    from orgdesigner.ui.mainwindow import MainWindow


def describe_panels(window: MainWindow) -> None:
    """Names and descriptions of the docks and the canvas (in the current language)."""
    described = {
        window.palette_dock: QCoreApplication.translate("Accessibility", "Organisationsformen nach Ebenen. Eingabe fügt "
                                                "die gewählte Form in die Zeichenfläche ein."),
        window.inspector_dock: QCoreApplication.translate("Accessibility", "Eigenschaften der Auswahl; ohne Auswahl die "
                                                  "Angaben zum Modell."),
        window.history_dock: QCoreApplication.translate("Accessibility", "Bisherige Bearbeitungsschritte; ein Schritt "
                                                "in der Liste stellt diesen Stand wieder her."),
        window.rule_dock: QCoreApplication.translate("Accessibility", "Befunde der Prüfung nach der Arbeitshilfe des "
                                             "BBSR. Eingabe zeigt die betroffenen Einheiten."),
        window.questions_dock: QCoreApplication.translate("Accessibility", "Leitfragen der Arbeitshilfe mit Ihren "
                                                  "Antworten."),
        window.hints_dock: QCoreApplication.translate("Accessibility", "Was die Arbeitshilfe zur Auswahl sagt."),
        window.coverage_dock: QCoreApplication.translate("Accessibility", "Welche Einheit welche Aufgabe "
                                                 "der Arbeitshilfe wahrnimmt; ein Klick in ein Feld "
                                                 "überträgt die Aufgabe oder nimmt sie weg."),
        window.compare_dock: QCoreApplication.translate("Accessibility", "Was sich gegenüber der "
                                                "anderen Fassung ändert. Eingabe zeigt die Änderung "
                                                "in der Zeichenfläche."),
    }  # fmt: skip
    for dock, text in described.items():
        dock.setAccessibleDescription(text)
        widget = dock.widget()
        if widget is not None:
            widget.setAccessibleDescription(text)
    window.view.setAccessibleName(QCoreApplication.translate("Accessibility", "Zeichenfläche"))
    window.rule_panel.tree.setAccessibleName(QCoreApplication.translate("Accessibility", "Befunde der Prüfung"))
    window.undo_view.setAccessibleName(QCoreApplication.translate("Accessibility", "Verlauf der Bearbeitung"))
    describe_canvas(window)


def findings_of(window: MainWindow, item_id: str) -> int:
    latest = window.evaluator.latest
    if latest is None:
        return 0
    return sum(1 for f in latest.findings if item_id in f.subjects and not f.accepted)


def node_description(window: MainWindow, node_id: str) -> str:
    """``Einheit „Label“ – Ebene: …, Organisationsform: …, 2 Befunde``."""
    node = window.document.model.node(node_id)
    cat = catalog()
    form = cat.form(node.form).label.get() if node.form else QCoreApplication.translate("Accessibility", "keine bestimmte Form")
    count = findings_of(window, node_id)
    if count == 0:
        found = QCoreApplication.translate("Accessibility", "keine Befunde")
    elif count == 1:
        found = QCoreApplication.translate("Accessibility", "1 Befund")
    else:
        found = QCoreApplication.translate("Accessibility", "{0} Befunde").format(count)
    return QCoreApplication.translate("Accessibility", "Einheit „{0}“ – Ebene: {1}, Organisationsform: {2}, {3}").format(
        node.label or node.id, cat.level(node.level).label.get(), form, found)  # fmt: skip


def edge_description(window: MainWindow, edge_id: str) -> str:
    model = window.document.model
    edge = model.edge(edge_id)
    src, dst = model.node(edge.source), model.node(edge.target)
    return QCoreApplication.translate("Accessibility", "Beziehung „{0}“ von „{1}“ nach „{2}“").format(
        catalog().relation(edge.type).label.get(), src.label or src.id, dst.label or dst.id)  # fmt: skip


def canvas_description(window: MainWindow) -> str:
    scene = window.scene
    nodes, edges = scene.selected_node_ids(), scene.selected_edge_ids()
    total = len(window.document.model.nodes)
    if len(nodes) == 1 and not edges:
        return node_description(window, nodes[0])
    if len(edges) == 1 and not nodes:
        return edge_description(window, edges[0])
    if nodes or edges:
        return QCoreApplication.translate("Accessibility", "{0} Einheiten und {1} Beziehungen ausgewählt").format(len(nodes), len(edges))
    return QCoreApplication.translate("Accessibility", "Nichts ausgewählt; {0} Einheiten. Tab wählt die erste Einheit.").format(total)


def describe_canvas(window: MainWindow) -> None:
    """Put what is selected into the view's accessible description, and announce it."""
    try:
        text = canvas_description(window)
    except KeyError:  # the model is being replaced
        return
    view = window.view
    if view.accessibleDescription() == text:
        return
    view.setAccessibleDescription(text)
    if QAccessible.isActive():
        QAccessible.updateAccessibility(
            QAccessibleEvent(view, QAccessible.Event.DescriptionChanged))  # fmt: skip


# ---------------------------------------------------------------------------
# dark and high-contrast palettes
# ---------------------------------------------------------------------------
def luminance(colour: QColor) -> float:
    return style.rgb_luminance(colour.redF(), colour.greenF(), colour.blueF())


def contrast(a: QColor | str, b: QColor | str) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    return style.luminance_contrast(luminance(QColor(a)), luminance(QColor(b)))


def background() -> QColor:
    return QGuiApplication.palette().color(QPalette.ColorRole.Base)


def readable(colour: str, against: QColor | None = None) -> str:
    """``colour`` for text on the app's background, lightened (dark palette) or darkened
    until the contrast is at least 4.5 – the style's greys are made for light panels."""
    back = against if against is not None else background()
    c = QColor(colour)
    dark = luminance(back) < 0.18
    target = QColor(style.WHITE) if dark else QColor(style.BLACK)
    step = 0
    while contrast(c, back) < 4.5 and step < 20:
        step += 1
        f = step / 20
        c = QColor.fromRgbF(c.redF() + (target.redF() - c.redF()) * f,
                            c.greenF() + (target.greenF() - c.greenF()) * f,
                            c.blueF() + (target.blueF() - c.blueF()) * f)  # fmt: skip
    return c.name()
