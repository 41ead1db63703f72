"""Vector drawing of the organisation chart with reportlab, from the model's geometry.

Bands come from :func:`orgdesigner.layout.band_rects` (the same function the canvas uses),
colours, line styles, arrowheads and font sizes from :mod:`orgdesigner.style`. The drawing
is done in model units (1 unit = 1 pt at 100 %) with ``y`` pointing down; callers set
up the transformation (:func:`draw_chart`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from orgdesigner import layout, style
from orgdesigner.catalog import LEVEL_IDS, catalog, form_name
from orgdesigner.export import fonts
from orgdesigner.model import Edge, Node, OrgModel

Point = tuple[float, float]


@dataclass(frozen=True)
class Extent:
    """The drawing's bounding box in model units (``y`` down)."""

    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.bottom - self.top


def extent(model: OrgModel) -> Extent:
    bands = layout.band_rects(model)
    left = min([0.0] + [n.x for n in model.nodes])
    top = min([0.0] + [n.y for n in model.nodes])
    right = max([layout.band_width(model)] + [n.x + n.width for n in model.nodes])
    bottom = max([bands[LEVEL_IDS[-1]].bottom] + [n.y + n.height for n in model.nodes])
    return Extent(left, top, right, bottom)


def rgb(colour: str) -> tuple[float, float, float]:
    return style.hex_to_rgb(colour)


def draw_chart(c: Any, model: OrgModel, lang: str) -> None:
    """Draw bands, relations and nodes on canvas ``c`` in model units.

    The caller has translated and scaled ``c`` so that model ``(x, y)`` is drawn at
    ``(x, -y)``.
    """
    width = max(layout.band_width(model), extent(model).right)
    for band in layout.band_rects(model).values():
        _draw_band(c, band, width, lang)
    nodes = {n.id: n for n in model.nodes}
    for edge in model.edges:
        draw_edge(c, edge, nodes[edge.source], nodes[edge.target])
    for node in model.nodes:
        _draw_node(c, node, lang)


def _draw_band(c: Any, band: layout.Band, width: float, lang: str) -> None:
    ls = style.LEVEL_STYLES[band.level]
    c.setFillColorRGB(*rgb(ls.band))
    c.rect(0, -band.bottom, width, band.height, stroke=0, fill=1)
    c.setStrokeColorRGB(*rgb(ls.border))
    c.setLineWidth(0.8)
    c.setDash()
    c.line(0, -band.top, width, -band.top)
    c.line(style.BAND_LABEL_WIDTH, -(band.top + 8), style.BAND_LABEL_WIDTH, -(band.bottom - 8))
    c.setFillColorRGB(*rgb(ls.border))
    size = style.BAND_LABEL_PT
    label = catalog().level(band.level).label.get(lang)
    room = style.BAND_LABEL_WIDTH - 16
    max_lines = max(1, int((band.height - 20) // (size * fonts.LINE_SPACING)))
    y = band.top + 10 + size * fonts.ASCENT
    for line in fonts.wrap(label, fonts.BOLD, size, room, max_lines):
        c.setFont(fonts.BOLD, size)
        c.drawString(10, -y, line)
        y += size * fonts.LINE_SPACING


def _draw_node(c: Any, node: Node, lang: str) -> None:
    ls = style.LEVEL_STYLES[node.level]
    c.setDash()
    c.setStrokeColorRGB(*rgb(ls.border))
    c.setFillColorRGB(*rgb(ls.fill))
    c.setLineWidth(1.2)
    c.roundRect(
        node.x,
        -(node.y + node.height),
        node.width,
        node.height,
        style.NODE_RADIUS,
        stroke=1,
        fill=1,
    )
    pad = style.NODE_PADDING
    inner_w = node.width - 2 * pad
    top = node.y + pad - 2
    form_size = style.NODE_FORM_PT
    form_h = form_size * fonts.LINE_SPACING
    c.setFillColorRGB(*rgb(style.MUTED_TEXT))
    c.setFont(fonts.REGULAR, form_size)
    c.drawString(
        node.x + pad,
        -(top + form_size * fonts.ASCENT),
        fonts.elide(form_name(node.level, node.form, lang), fonts.REGULAR, form_size, inner_w),
    )
    size = style.NODE_TITLE_PT
    lh = size * fonts.LINE_SPACING
    room = node.height - 2 * pad + 2 - form_h
    max_lines = max(1, int(room // lh))
    label = fonts.printable(node.label or form_name(node.level, node.form, lang))
    c.setFillColorRGB(*rgb(style.TEXT))
    c.setFont(fonts.BOLD, size)
    y = top + form_h + 1
    for line in fonts.wrap(label, fonts.BOLD, size, inner_w, max_lines):
        c.drawString(node.x + pad, -(y + size * fonts.ASCENT), line)
        y += lh


def border_point(node: Node, towards: Point) -> Point:
    """Where the line from the centre of ``node``'s box to ``towards`` leaves the box."""
    cx, cy = node.x + node.width / 2, node.y + node.height / 2
    dx, dy = towards[0] - cx, towards[1] - cy
    if dx == 0 and dy == 0:
        return cx, cy
    hw, hh = node.width / 2, node.height / 2
    scale = min(hw / abs(dx) if dx else math.inf, hh / abs(dy) if dy else math.inf)
    return cx + dx * scale, cy + dy * scale


def _centre(node: Node) -> Point:
    return node.x + node.width / 2, node.y + node.height / 2


def draw_edge(c: Any, edge: Edge, source: Node, target: Node) -> None:
    p1 = border_point(source, _centre(target))
    p2 = border_point(target, _centre(source))
    length = math.dist(p1, p2)
    if length < 1:
        return
    rs = style.RELATION_STYLES[edge.type]
    ux, uy = (p2[0] - p1[0]) / length, (p2[1] - p1[1]) / length
    size = style.HEAD_SIZE
    s1, s2 = p1, p2
    shaft = length
    if rs.head != "none" and shaft > size:
        cut = size * (0.2 if rs.head == "open" else 0.9)
        s2 = (s2[0] - ux * cut, s2[1] - uy * cut)
        shaft -= cut
    if rs.tail != "none" and shaft > size:
        cut = size * 0.9
        s1 = (s1[0] + ux * cut, s1[1] + uy * cut)
    colour = rgb(style.EDGE_COLOUR)
    c.setStrokeColorRGB(*colour)
    c.setLineWidth(rs.width)
    c.setLineCap(0)
    c.setLineJoin(0)
    # Qt dash patterns are in line widths, reportlab's in points
    if rs.dash:
        c.setDash([d * rs.width for d in rs.dash], 0)
    else:
        c.setDash()
    if rs.double:
        off = rs.width + 1.2
        nx, ny = -uy * off, ux * off
        for sign in (1, -1):
            c.line(s1[0] + sign * nx, -(s1[1] + sign * ny), s2[0] + sign * nx, -(s2[1] + sign * ny))
    else:
        c.line(s1[0], -s1[1], s2[0], -s2[1])
    c.setDash()
    c.setLineWidth(max(1.2, rs.width * 0.8))
    for kind, tip, direction in ((rs.head, p2, (ux, uy)), (rs.tail, p1, (-ux, -uy))):
        if kind != "none":
            draw_arrowhead(c, kind, tip, direction, size)
    if edge.label:
        _draw_edge_label(c, edge.label, ((p1[0] + p2[0]) / 2, (p1[1] + p2[1]) / 2))


def draw_arrowhead(c: Any, kind: str, tip: Point, direction: Point, size: float) -> None:
    """Draw arrowhead ``kind`` at ``tip`` (model units); ``direction`` points into the tip.

    The shapes are the canvas's (``orgdesigner.canvas.items.arrowhead_path``).
    """
    colour = rgb(style.EDGE_COLOUR)
    bx, by = -direction[0], -direction[1]
    sx, sy = -by, bx

    def at(back: float, side: float) -> Point:
        return tip[0] + bx * back + sx * side, tip[1] + by * back + sy * side

    def polygon(points: list[Point], fill: bool) -> None:
        path = c.beginPath()
        path.moveTo(points[0][0], -points[0][1])
        for x, y in points[1:]:
            path.lineTo(x, -y)
        path.close()
        c.drawPath(path, stroke=1, fill=1 if fill else 0)

    c.setStrokeColorRGB(*colour)
    c.setLineJoin(0)
    if kind in ("filled", "bar"):
        c.setFillColorRGB(*colour)
        polygon([tip, at(size, size * 0.5), at(size, -size * 0.5)], True)
        if kind == "bar":
            b1, b2 = at(size * 1.3, size * 0.6), at(size * 1.3, -size * 0.6)
            c.line(b1[0], -b1[1], b2[0], -b2[1])
    elif kind == "open":
        path = c.beginPath()
        a, b = at(size, size * 0.5), at(size, -size * 0.5)
        path.moveTo(a[0], -a[1])
        path.lineTo(tip[0], -tip[1])
        path.lineTo(b[0], -b[1])
        c.drawPath(path, stroke=1, fill=0)
    elif kind == "diamond":
        c.setFillColorRGB(*rgb(style.HEAD_FILL_OPEN))
        polygon(
            [tip, at(size * 0.75, size * 0.4), at(size * 1.5, 0), at(size * 0.75, -size * 0.4)],
            True,
        )
    elif kind == "circle":
        c.setFillColorRGB(*rgb(style.HEAD_FILL_OPEN))
        centre = at(size * 0.4, 0)
        c.circle(centre[0], -centre[1], size * 0.4, stroke=1, fill=1)


def _draw_edge_label(c: Any, label: str, centre: Point) -> None:
    label = fonts.printable(label)
    size = style.EDGE_LABEL_PT
    w = min(fonts.width(label, fonts.REGULAR, size) + 8, 220.0)
    h = size * fonts.LINE_SPACING + 4
    c.setFillColorRGB(*rgb(style.EDGE_LABEL_BACKGROUND))
    c.roundRect(centre[0] - w / 2, -(centre[1] + h / 2), w, h, 3, stroke=0, fill=1)
    c.setFillColorRGB(*rgb(style.TEXT))
    c.setFont(fonts.REGULAR, size)
    text = fonts.elide(label, fonts.REGULAR, size, w - 6)
    c.drawCentredString(centre[0], -(centre[1] - h / 2 + 2 + size * fonts.ASCENT), text)
