"""Comparison mode on the canvas: the changes from „bisher“ to „künftig“ marked on the chart.

:class:`ChangeMarkers` shows one :class:`~orgdesigner.compare.Comparison` on the scene of the
open document („künftig“). The marks are told apart by shape and line, not only by colour,
so that they survive a greyscale copy:

* an added unit gets a thick solid frame and a „+“ badge, an added relation a broad band
  under its line and a „+“ badge;
* a removed unit is a dashed ghost (outline and old label) at its old place in its band,
  a removed relation a dashed ghost line between its old ends, each with a „–“ badge;
  ghosts cannot be selected, moved or edited;
* a changed unit or relation gets a „Δ“ badge whose tooltip says what changed
  („Organisationsform: Stabsstelle → Amt / Fachbereich“).

Badges are rounded squares on a unit's top-left corner (the findings' round and
triangular marks sit top-right, :mod:`orgdesigner.canvas.badges`), children of their item,
so they move with it; nothing here is part of the document. The ui layer
(:mod:`orgdesigner.ui.comparepanel`) decides when to show and clear them.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import shiboken6
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from orgdesigner import layout, style
from orgdesigner.canvas import paint
from orgdesigner.canvas.badges import BADGE_RADIUS
from orgdesigner.canvas.items import Z_EDGE, Z_NODE, Z_TOP, EdgeItem, NodeItem
from orgdesigner.canvas.scene import OrgScene
from orgdesigner.catalog import form_name
from orgdesigner.compare import Comparison
from orgdesigner.drawing import geometry, routing
from orgdesigner.drawing.routing import Box, Point
from orgdesigner.fields import field_name, value_text
from orgdesigner.i18n import current_language
from orgdesigner.model import Node
from orgdesigner.naming import subject_names

ADDED, REMOVED, CHANGED = "added", "removed", "changed"
GLYPHS = {ADDED: "+", REMOVED: "–", CHANGED: "Δ"}
COLOURS = style.CHANGE_COLOURS
ADDED_FRAME = 3.5
"""Line width of an added unit's frame (a unit's own border is 1.2)."""
ADDED_BAND = 7.0
"""Width of the band under an added relation's line."""
GHOST_PEN = 1.6
GHOST_FILL = style.GHOST_FILL
HIGHLIGHT = style.SELECTION


def change_lines(fields: Mapping[str, tuple[object, object]], old_names: Mapping[str, str],
                 new_names: Mapping[str, str], lang: str) -> list[str]:  # fmt: skip
    """„Feld: bisher → künftig“ per changed field (the ends of a relation by name)."""
    lines = []
    for name, (before, after) in fields.items():
        if name in ("source", "target"):
            a, b = old_names.get(str(before), str(before)), new_names.get(str(after), str(after))
        else:
            a, b = value_text(name, before, lang), value_text(name, after, lang)
        lines.append(f"{field_name(name, lang)}: {a} → {b}")
    return lines


def badge_path(centre: QPointF, radius: float) -> QPainterPath:
    """A change badge's outline: a rounded square (finding marks are round or triangular)."""
    path = QPainterPath()
    r = radius
    path.addRoundedRect(QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r), r * 0.35, r * 0.35)
    return path


class ChangeBadge(QGraphicsItem):
    """„+“, „–“ or „Δ“ on a unit, a ghost or a relation; its tooltip says what changed."""

    def __init__(self, parent: QGraphicsItem, kind: str, tip: str) -> None:
        super().__init__(parent)
        self.kind = kind
        self.glyph = GLYPHS[kind]
        r = BADGE_RADIUS + 1.5
        self._bounds = QRectF(-r, -r, 2 * r, 2 * r)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # clicks reach the unit below
        self.setZValue(Z_TOP)
        self.setToolTip(tip)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:  # fmt: skip
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(style.PAPER), 1.5))
        painter.setBrush(QBrush(QColor(COLOURS[self.kind])))
        painter.drawPath(badge_path(QPointF(0, 0), BADGE_RADIUS))
        font = QFont(style.FONT_FAMILY)
        font.setBold(True)
        font.setPixelSize(round(BADGE_RADIUS * 1.6))
        painter.setFont(font)
        painter.setPen(QColor(style.BADGE_GLYPH))
        r = BADGE_RADIUS
        box = QRectF(-r, -r - 0.5, 2 * r, 2 * r)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self.glyph)
        painter.restore()


class AddedFrame(QGraphicsItem):
    """The thick solid frame around an added unit (a child of its item)."""

    def __init__(self, parent: NodeItem) -> None:
        super().__init__(parent)
        self._box = parent.box().adjusted(-2.5, -2.5, 2.5, 2.5)
        m = ADDED_FRAME
        self._bounds = self._box.adjusted(-m, -m, m, m)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(1)

    def pen(self) -> QPen:
        return QPen(QColor(COLOURS[ADDED]), ADDED_FRAME, Qt.PenStyle.SolidLine)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:  # fmt: skip
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self.pen())
        painter.setBrush(Qt.BrushStyle.NoBrush)
        radius = style.NODE_RADIUS + 2.5
        painter.drawRoundedRect(self._box, radius, radius)


class UnitGhost(QGraphicsItem):
    """A removed unit where it stood: a dashed outline with its old name. Not selectable,
    not movable; a click from the comparison panel highlights it."""

    def __init__(self, node: Node, pos: QPointF, tip: str) -> None:
        super().__init__()
        self.node = node
        self.highlighted = False
        self._box = QRectF(0.0, 0.0, node.width, node.height)
        self._bounds = self._box.adjusted(-3, -3, 3, 3)
        self.setPos(pos)
        self.setZValue(Z_NODE - 1)  # over relations, under the units of the new version
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setToolTip(tip)
        self.badge = ChangeBadge(self, REMOVED, tip)
        self.badge.setPos(QPointF(1, 1))

    def pen(self) -> QPen:
        colour = HIGHLIGHT if self.highlighted else style.MUTED_TEXT
        pen = QPen(QColor(colour), GHOST_PEN * (1.6 if self.highlighted else 1.0),
                   Qt.PenStyle.DashLine)  # fmt: skip
        return pen

    def box_tuple(self) -> Box:
        p = self.pos()
        return p.x(), p.y(), self.node.width, self.node.height

    def set_highlighted(self, on: bool) -> None:
        if on != self.highlighted:
            self.highlighted = on
            self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:  # fmt: skip
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(GHOST_FILL)
        fill.setAlpha(200)
        painter.setBrush(fill)
        painter.setPen(self.pen())
        painter.drawRoundedRect(self._box, style.NODE_RADIUS, style.NODE_RADIUS)
        font = paint.qfont(style.NODE_TITLE_PT, False, 96)
        font.setItalic(True)
        painter.setFont(font)
        painter.setPen(QColor(style.MUTED_TEXT))
        text = self.node.label or form_name(self.node.level, self.node.form)
        inner = self._box.adjusted(style.NODE_PADDING + 8, 4, -style.NODE_PADDING, -4)
        painter.drawText(inner, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)


class RelationGhost(QGraphicsItem):
    """A removed relation: a dashed line between its old ends where they are now drawn
    (the unit of the new version, or the ghost of a removed one), with a „–“ badge."""

    def __init__(self, edge_id: str, points: Sequence[Point], tip: str) -> None:
        super().__init__()
        self.edge_id = edge_id
        self.highlighted = False
        self.points = tuple(points)
        self._path = QPainterPath()
        if self.points:
            self._path.moveTo(*self.points[0])
            for p in self.points[1:]:
                self._path.lineTo(*p)
        self._bounds = self._path.boundingRect().adjusted(-4, -4, 4, 4)
        self.setZValue(Z_EDGE - 1)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setToolTip(tip)
        self.badge = ChangeBadge(self, REMOVED, tip)
        self.badge.setPos(QPointF(*geometry.midpoint(self.points)))

    def pen(self) -> QPen:
        colour = HIGHLIGHT if self.highlighted else style.MUTED_TEXT
        pen = QPen(QColor(colour), 2.6 if self.highlighted else 1.6, Qt.PenStyle.DashLine)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        return pen

    def set_highlighted(self, on: bool) -> None:
        if on != self.highlighted:
            self.highlighted = on
            self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:  # fmt: skip
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(self.pen())
        painter.drawPath(self._path)


class ChangeMarkers:
    """Shows a comparison on the scene: badges and frames on the items of the open model,
    ghosts of what it no longer has. :meth:`show` replaces what was shown; :meth:`clear`
    leaves the canvas as it is outside comparison mode."""

    def __init__(self, scene: OrgScene) -> None:
        self.scene = scene
        self.badges: dict[str, ChangeBadge] = {}
        """new unit or relation id → its „+“ or „Δ“ badge"""
        self.frames: dict[str, AddedFrame] = {}
        self.unit_ghosts: dict[str, UnitGhost] = {}
        """old unit id → its ghost"""
        self.relation_ghosts: dict[str, RelationGhost] = {}
        """old relation id → its ghost"""
        self.added_relations: set[str] = set()

    # -- showing -------------------------------------------------------------------------
    def show(self, c: Comparison) -> None:
        self.clear()
        lang = current_language()
        old_names = subject_names(c.old, lang=lang)
        new_names = subject_names(c.new, lang=lang)
        scene = self.scene
        new_word = QCoreApplication.translate("ChangeMarkers", "Neu (künftig)")
        changed_word = QCoreApplication.translate("ChangeMarkers", "Geändert")
        gone_word = QCoreApplication.translate("ChangeMarkers", "Entfällt (bisher)")
        for n in c.units_added:
            item = scene.nodes.get(n.id)
            if item is None:
                continue
            self.frames[n.id] = AddedFrame(item)
            self._badge(item, n.id, ADDED, self._tip(new_word, new_names.get(n.id, n.id)),
                        QPointF(1, 1))  # fmt: skip
        for u in c.units_changed:
            item = scene.nodes.get(u.new_id)
            if item is None:
                continue
            lines = change_lines(u.fields, old_names, new_names, lang)
            tip = self._tip(changed_word, new_names.get(u.new_id, u.new_id), lines)
            self._badge(item, u.new_id, CHANGED, tip, QPointF(1, 1))
        new_bands = scene.band_geometry()
        old_bands = layout.band_rects(c.old)
        for n in c.units_removed:
            y = n.y
            if n.level in old_bands and n.level in new_bands:  # the same place in its band
                y = n.y - old_bands[n.level].top + new_bands[n.level].top
            tip = self._tip(gone_word, old_names.get(n.id, n.id),
                            [form_name(n.level, n.form, lang)])  # fmt: skip
            ghost = UnitGhost(n, QPointF(n.x, y), tip)
            scene.addItem(ghost)
            self.unit_ghosts[n.id] = ghost
        for e in c.relations_added:
            edge_item = scene.edges.get(e.id)
            if edge_item is None:
                continue
            edge_item.set_emphasis(ADDED_BAND, COLOURS[ADDED])
            self.added_relations.add(e.id)
            self._badge(edge_item, e.id, ADDED,
                        self._tip(new_word, new_names.get(e.id, e.id)))  # fmt: skip
        for r in c.relations_changed:
            edge_item = scene.edges.get(r.new_id)
            if edge_item is None:
                continue
            lines = change_lines(r.fields, old_names, new_names, lang)
            tip = self._tip(changed_word, new_names.get(r.new_id, r.new_id), lines)
            self._badge(edge_item, r.new_id, CHANGED, tip)
        for e in c.relations_removed:
            source, target = self._end(c, e.source), self._end(c, e.target)
            if source is None or target is None:
                continue
            points = routing.quick_route(source, target, mode=scene.routing_mode)
            tip = self._tip(gone_word, old_names.get(e.id, e.id))
            ghost_line = RelationGhost(e.id, points, tip)
            scene.addItem(ghost_line)
            self.relation_ghosts[e.id] = ghost_line

    def _end(self, c: Comparison, old_id: str) -> Box | None:
        """Where an old relation's end is drawn now: its unit, or the unit's ghost."""
        new_id = c.unit_match.get(old_id)
        if new_id is not None and new_id in self.scene.nodes:
            return self.scene.nodes[new_id].box_tuple()
        ghost = self.unit_ghosts.get(old_id)
        return ghost.box_tuple() if ghost is not None else None

    def _badge(self, parent: NodeItem | EdgeItem, item_id: str, kind: str, tip: str,
               at: QPointF | None = None) -> None:  # fmt: skip
        badge = ChangeBadge(parent, kind, tip)
        if isinstance(parent, EdgeItem):
            parent.change_badge = badge
            badge.setPos(parent.change_anchor())
        elif at is not None:
            badge.setPos(at)
        self.badges[item_id] = badge

    @staticmethod
    def _tip(heading: str, name: str, lines: Sequence[str] = ()) -> str:
        rows = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
        body = f"<ul style='margin-left:12px; -qt-list-indent:0'>{rows}</ul>" if rows else ""
        return (f"<p style='white-space:pre-wrap'><b>{html.escape(heading)}:</b> "
                f"{html.escape(name)}</p>{body}")  # fmt: skip

    # -- leaving --------------------------------------------------------------------------
    def clear(self) -> None:
        """Remove every mark and ghost; the items of the model look as without comparison."""
        for badge in self.badges.values():
            if not shiboken6.isValid(badge):
                continue
            parent = badge.parentItem()
            if isinstance(parent, EdgeItem) and parent.change_badge is badge:
                parent.change_badge = None
            self._drop(badge)
        for frame in self.frames.values():
            if shiboken6.isValid(frame):
                self._drop(frame)
        for edge_id in self.added_relations:
            edge_item = self.scene.edges.get(edge_id)
            if edge_item is not None:
                edge_item.set_emphasis(0.0)
        for ghost in [*self.unit_ghosts.values(), *self.relation_ghosts.values()]:
            if shiboken6.isValid(ghost) and ghost.scene() is not None:
                self.scene.removeItem(ghost)
        self.badges.clear()
        self.frames.clear()
        self.unit_ghosts.clear()
        self.relation_ghosts.clear()
        self.added_relations.clear()

    @staticmethod
    def _drop(item: QGraphicsItem) -> None:
        scene = item.scene()
        if scene is not None:
            scene.removeItem(item)
        else:
            item.setParentItem(None)

    # -- the panel's clicks ------------------------------------------------------------------
    def ghost(self, old_id: str) -> UnitGhost | RelationGhost | None:
        return self.unit_ghosts.get(old_id) or self.relation_ghosts.get(old_id)

    def highlight(self, old_id: str | None) -> QRectF | None:
        """Highlight the ghost of ``old_id`` (``None``: none); its scene rectangle."""
        found = None
        ghosts: list[tuple[str, UnitGhost | RelationGhost]] = [
            *self.unit_ghosts.items(), *self.relation_ghosts.items()]  # fmt: skip
        for key, ghost in ghosts:
            on = key == old_id
            ghost.set_highlighted(on)
            if on:
                found = ghost.sceneBoundingRect()
        return found

    def count(self) -> int:
        """Every mark and ghost shown (0 outside comparison mode)."""
        return (len(self.badges) + len(self.frames) + len(self.unit_ghosts)
                + len(self.relation_ghosts) + len(self.added_relations))  # fmt: skip
