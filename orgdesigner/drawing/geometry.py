"""The chart's geometry: bands, unit boxes and text, relation routes, heads and labels.

:func:`compute` turns a model into a :class:`Chart`, which the canvas, the PDF, the export
preview and printing paint as it is; none of them places text, cuts a line at a box
border or shapes an arrowhead on its own. Model units throughout (1 unit = 1 pt at
100 %), ``y`` pointing down. Text is measured through the output's
:class:`~orgdesigner.drawing.text.TextMeasure`, so each output breaks lines with its own
font metrics; the PDF's measure is also the preview's, so the preview shows the PDF.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from orgdesigner import layout, style
from orgdesigner.catalog import LEVEL_IDS, catalog, form_name
from orgdesigner.drawing import arrows, routing
from orgdesigner.drawing.routing import Box, Link, Mode, PathOp, Point, Route
from orgdesigner.drawing.text import TextMeasure, elide, wrap
from orgdesigner.model import Edge, Node, OrgModel

LABEL_MAX_WIDTH = 220.0
"""a relation label's box is at most this wide; longer labels are elided"""
LABEL_PADDING = 4.0
BAND_LABEL_MIN_PT = 7.0


@dataclass(frozen=True)
class TextRun:
    """One line of text: drawn with its baseline at ``(x, baseline)``."""

    text: str
    x: float
    baseline: float
    size: float
    bold: bool
    colour: str
    width: float
    """the measured advance width (for centring and hit tests)"""


@dataclass(frozen=True)
class BandGeometry:
    level: str
    top: float
    height: float
    width: float
    label: tuple[TextRun, ...]
    fill: str
    border: str
    separator_x: float
    """the thin vertical line right of the band label"""

    @property
    def bottom(self) -> float:
        return self.top + self.height


@dataclass(frozen=True)
class UnitGeometry:
    id: str
    level: str
    box: Box
    fill: str
    border: str
    radius: float
    form: TextRun
    lines: tuple[TextRun, ...]
    """the unit's name (or its form's name when it has none), wrapped"""
    lead: TextRun | None = None
    """the lead person under the name (a canvas view option; ``None`` in the PDF)"""

    @property
    def text(self) -> tuple[str, ...]:
        lead = (self.lead.text,) if self.lead is not None else ()
        return (self.form.text, *(line.text for line in self.lines), *lead)


@dataclass(frozen=True)
class RelationGeometry:
    id: str
    type: str
    source: str
    target: str
    points: tuple[Point, ...]
    """the route, from the source box's border to the target box's border"""
    strokes: tuple[tuple[PathOp, ...], ...]
    """the line(s) to stroke: cut back at the heads, rounded at corners, doubled for
    double-line types"""
    heads: tuple[arrows.Head, ...]
    width: float
    dash: tuple[float, ...]
    """dash pattern in line widths (Qt's convention); () = solid"""
    head_width: float
    """line width of the heads' outlines"""
    label_box: Box | None
    label: TextRun | None


@dataclass(frozen=True)
class Chart:
    bands: tuple[BandGeometry, ...]
    units: dict[str, UnitGeometry]
    relations: dict[str, RelationGeometry]
    extent: Box
    """left, top, width, height of everything drawn"""
    routing: Mode = "orthogonal"
    routes: dict[str, Route] = field(default_factory=dict, compare=False)
    """the router's result, kept so that an edit can re-route only what it affects"""

    def to_json(self) -> dict[str, Any]:
        """The geometry as ``orgdesigner geometry --format json`` prints it (docs/cli.md)."""

        def r(v: float) -> float:
            return round(v, 2)

        return {
            "extent": [r(v) for v in self.extent],
            "routing": self.routing,
            "bands": [
                {"level": b.level, "top": r(b.top), "height": r(b.height), "width": r(b.width)}
                for b in self.bands
            ],
            "units": [
                {"id": u.id, "level": u.level, "box": [r(v) for v in u.box], "text": list(u.text)}
                for u in self.units.values()
            ],
            "relations": [
                {
                    "id": g.id,
                    "type": g.type,
                    "source": g.source,
                    "target": g.target,
                    "points": [[r(x), r(y)] for x, y in g.points],
                    "label_box": None if g.label_box is None else [r(v) for v in g.label_box],
                }
                for g in self.relations.values()
            ],
        }


# ---------------------------------------------------------------------------
# bands
# ---------------------------------------------------------------------------
_BAND_LABEL_SIZES: dict[tuple[int, str | None], float] = {}


def _band_label_size(measure: TextMeasure, lang: str | None) -> float:
    """The band label size, shrunk (down to 7 pt) until every level's longest word fits."""
    key = (id(type(measure)), lang)
    if key in _BAND_LABEL_SIZES:
        return _BAND_LABEL_SIZES[key]
    room = style.BAND_LABEL_WIDTH - 16
    words = [w for lv in catalog().levels for w in lv.label.get(lang).split()]
    size = style.BAND_LABEL_PT
    while size > BAND_LABEL_MIN_PT and any(measure.width(w, size, True) > room for w in words):
        size -= 0.5
    _BAND_LABEL_SIZES[key] = size
    return size


def band_geometry(
    band: layout.Band, width: float, measure: TextMeasure, lang: str | None
) -> BandGeometry:
    ls = style.LEVEL_STYLES[band.level]
    size = _band_label_size(measure, lang)
    room = style.BAND_LABEL_WIDTH - 16
    lh = measure.line_height(size, True)
    max_lines = max(1, int((band.height - 20) // lh))
    text = measure.printable(catalog().level(band.level).label.get(lang))
    y = band.top + 10
    runs = []
    for line in wrap(measure, text, size, room, max_lines, bold=True):
        w = measure.width(line, size, True)
        runs.append(TextRun(line, 10.0, y + measure.ascent(size, True), size, True, ls.border, w))
        y += lh
    return BandGeometry(band.level, band.top, band.height, width, tuple(runs), ls.band,
                        ls.border, style.BAND_LABEL_WIDTH)  # fmt: skip


# ---------------------------------------------------------------------------
# units
# ---------------------------------------------------------------------------
def unit_geometry(
    node: Node,
    measure: TextMeasure,
    lang: str | None = None,
    at: Point | None = None,
    lead: bool = False,
) -> UnitGeometry:
    """The box and text of ``node``, at its own position or at ``at`` (a drag).

    ``lead``: a last line with the unit's lead person, when one is entered (the name
    gets one line less)."""
    x, y = at if at is not None else (node.x, node.y)
    ls = style.LEVEL_STYLES[node.level]
    pad = style.NODE_PADDING
    inner = node.width - 2 * pad
    top = y + pad - 2
    form_size = style.NODE_FORM_PT
    form_text = measure.printable(form_name(node.level, node.form, lang))
    form_line = elide(measure, form_text, form_size, inner)
    form = TextRun(form_line, x + pad, top + measure.ascent(form_size), form_size, False,
                   style.MUTED_TEXT, measure.width(form_line, form_size))  # fmt: skip
    size = style.NODE_TITLE_PT
    lh = measure.line_height(size, True)
    form_h = measure.line_height(form_size)
    room = node.height - 2 * pad + 2 - form_h
    lead_text = measure.printable(" ".join(node.lead.split())) if lead else ""
    if lead_text:
        room -= form_h
    max_lines = max(1, int(room // lh))
    label = measure.printable(node.label) if node.label else form_text
    ly = top + form_h + 1
    lines = []
    for line in wrap(measure, label, size, inner, max_lines, bold=True):
        lines.append(TextRun(line, x + pad, ly + measure.ascent(size, True), size, True,
                             style.TEXT, measure.width(line, size, True)))  # fmt: skip
        ly += lh
    lead_run = None
    if lead_text:
        line = elide(measure, lead_text, form_size, inner)
        baseline = y + node.height - pad + 2 - form_h + measure.ascent(form_size)
        lead_run = TextRun(line, x + pad, baseline, form_size, False, style.MUTED_TEXT,
                           measure.width(line, form_size))  # fmt: skip
    return UnitGeometry(node.id, node.level, (x, y, node.width, node.height), ls.fill,
                        ls.border, style.NODE_RADIUS, form, tuple(lines), lead_run)  # fmt: skip


# ---------------------------------------------------------------------------
# relations
# ---------------------------------------------------------------------------
def label_size(label: str, measure: TextMeasure) -> tuple[float, float] | None:
    """Width and height of a relation label's box, or ``None`` without a label."""
    if not label:
        return None
    size = style.EDGE_LABEL_PT
    w = min(measure.width(measure.printable(label), size) + 2 * LABEL_PADDING, LABEL_MAX_WIDTH)
    return w, measure.line_height(size) + LABEL_PADDING


def link_of(edge: Edge, measure: TextMeasure) -> Link:
    return Link(edge.id, edge.source, edge.target, label_size(edge.label, measure))


def _unit(dx: float, dy: float) -> Point:
    length = math.hypot(dx, dy)
    return (dx / length, dy / length) if length else (1.0, 0.0)


def _trim(points: Sequence[Point], start: float, end: float) -> list[Point]:
    """``points`` with ``start`` cut from the first segment and ``end`` from the last."""
    out: list[Point] = [(float(x), float(y)) for x, y in points]
    if len(out) < 2:
        return out
    if end:
        (ax, ay), (bx, by) = out[-2], out[-1]
        seg = math.hypot(bx - ax, by - ay)
        if seg > end:
            ux, uy = _unit(bx - ax, by - ay)
            out[-1] = (bx - ux * end, by - uy * end)
    if start:
        (ax, ay), (bx, by) = out[0], out[1]
        seg = math.hypot(bx - ax, by - ay)
        if seg > start:
            ux, uy = _unit(bx - ax, by - ay)
            out[0] = (ax + ux * start, ay + uy * start)
    return out


def midpoint(points: Sequence[Point]) -> Point:
    """The point halfway along the polyline ``points``."""
    if not points:
        return 0.0, 0.0
    total = sum(math.dist(a, b) for a, b in itertools.pairwise(points))
    left = total / 2
    for a, b in itertools.pairwise(points):
        seg = math.dist(a, b)
        if seg >= left and seg > 0:
            t = left / seg
            return a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
        left -= seg
    return points[-1]


def label_on(points: Sequence[Point], size: tuple[float, float] | None) -> Box | None:
    """A label box of ``size`` centred halfway along ``points`` (while dragging)."""
    if size is None or not points:
        return None
    x, y = midpoint(points)
    return x - size[0] / 2, y - size[1] / 2, size[0], size[1]


def relation_geometry(
    edge: Edge,
    points: Sequence[Point],
    label_box: Box | None,
    measure: TextMeasure,
    corner_radius: float = routing.CORNER_RADIUS,
) -> RelationGeometry:
    """The drawing of ``edge`` along ``points`` (a route from the router)."""
    rs = style.RELATION_STYLES[edge.type]
    size = style.HEAD_SIZE
    pts = tuple((float(x), float(y)) for x, y in points)
    heads: list[arrows.Head] = []
    strokes: list[tuple[PathOp, ...]] = []
    length = sum(math.dist(a, b) for a, b in itertools.pairwise(pts))
    if len(pts) >= 2 and length >= 1:
        end_dir = _unit(pts[-1][0] - pts[-2][0], pts[-1][1] - pts[-2][1])
        start_dir = _unit(pts[0][0] - pts[1][0], pts[0][1] - pts[1][1])
        cut_end = arrows.shaft_cut(rs.head, size) if length > size else 0.0
        cut_start = arrows.shaft_cut(rs.tail, size) if length - cut_end > size else 0.0
        shaft = _trim(pts, cut_start, cut_end)
        if rs.double:
            off = rs.width + 1.2
            for sign in (1.0, -1.0):
                side = routing.offset_polyline(shaft, sign * off)
                strokes.append(tuple(routing.rounded(side, corner_radius)))
        else:
            strokes.append(tuple(routing.rounded(shaft, corner_radius)))
        for kind, tip, direction in ((rs.head, pts[-1], end_dir), (rs.tail, pts[0], start_dir)):
            h = arrows.head(kind, tip, direction, size)
            if h is not None:
                heads.append(h)
    label = None
    if edge.label and label_box is not None:
        lsize = style.EDGE_LABEL_PT
        bx, by, bw, _ = label_box
        text = elide(measure, measure.printable(edge.label), lsize, bw - 6)
        tw = measure.width(text, lsize)
        baseline = by + LABEL_PADDING / 2 + measure.ascent(lsize)
        label = TextRun(text, bx + (bw - tw) / 2, baseline, lsize, False, style.TEXT, tw)
    return RelationGeometry(edge.id, edge.type, edge.source, edge.target, pts, tuple(strokes),
                            tuple(heads), rs.width, rs.dash, max(1.2, rs.width * 0.8),
                            label_box, label)  # fmt: skip


def legend_sample(relation: str, length: float, measure: TextMeasure) -> RelationGeometry:
    """A relation type's line from ``(0, 0)`` to ``(length, 0)``, for the legend."""
    edge = Edge.model_construct(id="legend", type=relation, source="a", target="b", label="")  # type: ignore[arg-type]
    return relation_geometry(edge, ((0.0, 0.0), (length, 0.0)), None, measure)


# ---------------------------------------------------------------------------
# the whole chart
# ---------------------------------------------------------------------------
def boxes_of(nodes: Iterable[Node], positions: Mapping[str, Point] | None = None) -> dict[str, Box]:
    pos = positions or {}
    out = {}
    for n in nodes:
        x, y = pos.get(n.id, (n.x, n.y))
        out[n.id] = (x, y, n.width, n.height)
    return out


BAND_LABEL_OBSTACLE = "\x00band:"
"""prefix of the band-label columns among the router's boxes (never a unit id: ids are
printable)"""


def obstacles(model: OrgModel | Iterable[Node], positions: Mapping[str, Point] | None = None
              ) -> dict[str, Box]:  # fmt: skip
    """The boxes relations are routed around: the units and each band's label column (a
    line through „Politische Ebene“ would cross the band's label and its rule)."""
    nodes = model.nodes if isinstance(model, OrgModel) else list(model)
    boxes = boxes_of(nodes, positions)
    for band in layout.band_rects(nodes, positions).values():
        boxes[BAND_LABEL_OBSTACLE + band.level] = (0.0, band.top, style.BAND_LABEL_WIDTH + 2,
                                                   band.height)  # fmt: skip
    return boxes


def compute(
    model: OrgModel,
    measure: TextMeasure,
    lang: str | None = None,
    *,
    mode: Mode = "orthogonal",
    previous: Chart | None = None,
    moved: Iterable[str] = (),
) -> Chart:
    """The geometry of ``model`` as every output draws it.

    With ``previous`` (the chart before an edit) and ``moved`` (the units whose box
    changed), only the relations the edit affects are routed again.
    """
    bands = layout.band_rects(model)
    width = layout.band_width(model)
    units = {n.id: unit_geometry(n, measure, lang) for n in model.nodes}
    boxes = obstacles(model)
    links = [link_of(e, measure) for e in model.edges]
    if previous is not None and previous.routing == mode and previous.routes:
        routes = routing.reroute(previous.routes, boxes, links, set(moved), mode=mode)
    else:
        routes = routing.route_all(boxes, links, mode=mode)
    relations = {}
    for e in model.edges:
        route = routes[e.id]
        relations[e.id] = relation_geometry(e, route.points, route.label_box, measure)
    band_geoms = tuple(band_geometry(bands[lv], width, measure, lang) for lv in LEVEL_IDS)
    return Chart(band_geoms, units, relations, _extent(band_geoms, units, relations, width),
                 mode, routes)  # fmt: skip


def _extent(
    bands: Sequence[BandGeometry],
    units: Mapping[str, UnitGeometry],
    relations: Mapping[str, RelationGeometry],
    width: float,
) -> Box:
    left, top = 0.0, 0.0
    right, bottom = width, bands[-1].bottom if bands else 0.0
    for u in units.values():
        x, y, w, h = u.box
        left, top = min(left, x), min(top, y)
        right, bottom = max(right, x + w), max(bottom, y + h)
    margin = style.HEAD_SIZE
    for g in relations.values():
        for x, y in g.points:
            left, top = min(left, x - margin), min(top, y - margin)
            right, bottom = max(right, x + margin), max(bottom, y + margin)
        if g.label_box is not None:
            x, y, w, h = g.label_box
            left, top = min(left, x), min(top, y)
            right, bottom = max(right, x + w), max(bottom, y + h)
    return left, top, right - left, bottom - top
