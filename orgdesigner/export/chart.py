"""The organisation chart painted with reportlab, from :mod:`orgdesigner.drawing.geometry`.

Nothing is placed here: bands, boxes, text lines, routes, heads and label boxes come
from the geometry (computed with the PDF's own font metrics, :data:`fonts.MEASURE`);
this module only turns them into reportlab calls. Model units (1 unit = 1 pt at
100 %) with ``y`` pointing down; callers set up the transformation so that model
``(x, y)`` is drawn at ``(x, -y)`` (:func:`draw_chart`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from functools import lru_cache
from itertools import groupby
from typing import Any

from orgdesigner import style
from orgdesigner.drawing import arrows, changes, geometry
from orgdesigner.drawing.geometry import Chart, RelationGeometry, TextRun
from orgdesigner.drawing.routing import Mode, PathOp
from orgdesigner.export import fonts
from orgdesigner.model import OrgModel


@lru_cache(maxsize=256)
def rgb(colour: str) -> tuple[float, float, float]:
    return style.hex_to_rgb(colour)


def chart_of(model: OrgModel, lang: str | None, mode: Mode = "orthogonal") -> Chart:
    """The geometry of ``model`` measured with the PDF's fonts."""
    return geometry.compute(model, fonts.MEASURE, lang, mode=mode)


def draw_chart(c: Any, chart: Chart) -> None:
    """Draw bands, relations and units of ``chart`` on canvas ``c`` in model units."""
    draw_band_backgrounds(c, chart)
    draw_content(c, chart)


def draw_band_backgrounds(c: Any, chart: Chart) -> None:
    """The bands' fills and rules: decoration (an artifact in the tagged PDF)."""
    for band in chart.bands:
        c.setFillColorRGB(*rgb(band.fill))
        c.rect(0, -band.bottom, band.width, band.height, stroke=0, fill=1)
        c.setStrokeColorRGB(*rgb(band.border))
        c.setLineWidth(0.8)
        c.setDash()
        c.line(0, -band.top, band.width, -band.top)
        c.line(band.separator_x, -(band.top + 8), band.separator_x, -(band.bottom - 8))


def draw_content(c: Any, chart: Chart) -> None:
    """The bands' labels, relations and units (over :func:`draw_band_backgrounds`)."""
    for band in chart.bands:
        draw_text(c, band.label)
    # relations of one type share their line state: set it once per type, not per line
    by_type = sorted(chart.relations.values(), key=lambda g: g.type)
    for _type, of_type in groupby(by_type, key=lambda g: g.type):
        relations = list(of_type)
        _line_state(c, relations[0])
        for relation in relations:
            for stroke in relation.strokes:
                c.drawPath(_path(c, stroke), stroke=1, fill=0)
        c.setDash()
        c.setLineWidth(relations[0].head_width)
        c.setLineJoin(0)
        for relation in relations:
            for head in relation.heads:
                draw_head(c, head)
    for relation in by_type:
        _draw_label(c, relation)
    c.setDash()
    c.setLineWidth(1.2)
    for _level, units in groupby(sorted(chart.units.values(), key=lambda u: u.level),
                                key=lambda u: u.level):  # fmt: skip
        same_level = list(units)
        c.setStrokeColorRGB(*rgb(same_level[0].border))
        c.setFillColorRGB(*rgb(same_level[0].fill))
        for unit in same_level:
            x, y, w, h = unit.box
            c.roundRect(x, -(y + h), w, h, unit.radius, stroke=1, fill=1)
    runs = [run for unit in chart.units.values() for run in (unit.form, *unit.lines)]
    draw_text(c, runs)


def draw_text(c: Any, runs: Sequence[TextRun]) -> None:
    colour: str | None = None
    font: tuple[bool, float] | None = None
    for run in runs:
        if run.colour != colour:
            colour = run.colour
            c.setFillColorRGB(*rgb(colour))
        if (run.bold, run.size) != font:
            font = (run.bold, run.size)
            c.setFont(fonts.BOLD if run.bold else fonts.REGULAR, run.size)
        c.drawString(run.x, -run.baseline, run.text)


def _path(c: Any, ops: Sequence[PathOp]) -> Any:
    path = c.beginPath()
    cur = (0.0, 0.0)
    for op, args in ops:
        if op == "move":
            path.moveTo(args[0], -args[1])
            cur = (args[0], args[1])
        elif op == "line":
            path.lineTo(args[0], -args[1])
            cur = (args[0], args[1])
        else:  # quadratic corner → the cubic reportlab draws
            cx, cy, x, y = args
            c1 = (cur[0] + 2 / 3 * (cx - cur[0]), cur[1] + 2 / 3 * (cy - cur[1]))
            c2 = (x + 2 / 3 * (cx - x), y + 2 / 3 * (cy - y))
            path.curveTo(c1[0], -c1[1], c2[0], -c2[1], x, -y)
            cur = (x, y)
    return path


def _line_state(c: Any, g: RelationGeometry) -> None:
    c.setStrokeColorRGB(*rgb(style.EDGE_COLOUR))
    c.setLineWidth(g.width)
    c.setLineCap(0)
    c.setLineJoin(1)
    # dash patterns are in line widths (Qt's convention), reportlab's in points
    if g.dash:
        c.setDash([d * g.width for d in g.dash], 0)
    else:
        c.setDash()


def draw_relation(c: Any, g: RelationGeometry) -> None:
    """One relation with its heads and label (the legend's samples)."""
    _line_state(c, g)
    for stroke in g.strokes:
        c.drawPath(_path(c, stroke), stroke=1, fill=0)
    c.setDash()
    c.setLineWidth(g.head_width)
    c.setLineJoin(0)
    for head in g.heads:
        draw_head(c, head)
    _draw_label(c, g)


def _draw_label(c: Any, g: RelationGeometry) -> None:
    if g.label is not None and g.label_box is not None:
        x, y, w, h = g.label_box
        c.setFillColorRGB(*rgb(style.EDGE_LABEL_BACKGROUND))
        c.roundRect(x, -(y + h), w, h, 3, stroke=0, fill=1)
        draw_text(c, (g.label,))


def draw_head(c: Any, head: arrows.Head) -> None:
    colour = rgb(style.EDGE_COLOUR)
    c.setStrokeColorRGB(*colour)
    fill = 0
    if head.fill == "line":
        c.setFillColorRGB(*colour)
        fill = 1
    elif head.fill == "paper":
        c.setFillColorRGB(*rgb(style.HEAD_FILL_OPEN))
        fill = 1
    if head.circle is not None:
        cx, cy, r = head.circle
        c.circle(cx, -cy, r, stroke=1, fill=fill)
    if head.polygon:
        path = c.beginPath()
        path.moveTo(head.polygon[0][0], -head.polygon[0][1])
        for x, y in head.polygon[1:]:
            path.lineTo(x, -y)
        if fill:
            path.close()
        c.drawPath(path, stroke=1, fill=fill)
    if head.bar is not None:
        (x1, y1), (x2, y2) = head.bar
        c.line(x1, -y1, x2, -y2)


# ---------------------------------------------------------------------------
# change markers of a comparison (geometry from orgdesigner.drawing.changes)
# ---------------------------------------------------------------------------
def draw_ghosts(c: Any, markers: changes.ChangeMarkers) -> None:
    """Removed relations and units at their old place: dashed, unfilled, in grey, with
    their old names (under the chart's content)."""
    grey = rgb(style.MUTED_TEXT)
    c.setStrokeColorRGB(*grey)
    c.setLineWidth(changes.GHOST_LINE_WIDTH)
    c.setLineCap(0)
    c.setLineJoin(1)
    c.setDash(list(changes.GHOST_DASH), 0)
    for g in markers.ghost_relations:
        for stroke in g.strokes:
            c.drawPath(_path(c, stroke), stroke=1, fill=0)
    for unit in markers.ghost_units:
        x, y, w, h = unit.box
        c.setFillColorRGB(*rgb(style.PAPER))
        c.roundRect(x, -(y + h), w, h, unit.radius, stroke=1, fill=1)
    c.setDash()
    runs = [run for unit in markers.ghost_units for run in (unit.form, *unit.lines)]
    draw_text(c, [dataclasses.replace(run, colour=style.MUTED_TEXT) for run in runs])


def draw_markers(c: Any, markers: changes.ChangeMarkers) -> None:
    """Thick borders and lines of what was added, and every badge (over the content)."""
    ink = rgb(style.TEXT)
    for g in markers.added_relations:
        _line_state(c, g)
        c.setLineWidth(g.width + changes.ADDED_LINE_EXTRA)
        if g.dash:
            c.setDash([d * g.width for d in g.dash], 0)
        for stroke in g.strokes:
            c.drawPath(_path(c, stroke), stroke=1, fill=0)
    c.setDash()
    c.setStrokeColorRGB(*ink)
    c.setLineWidth(changes.ADDED_BORDER_WIDTH)
    for unit in markers.added_units:
        x, y, w, h = unit.box
        c.roundRect(x, -(y + h), w, h, unit.radius, stroke=1, fill=0)
    c.setLineWidth(1.0)
    for badge in markers.badges:
        draw_badge(c, badge.centre, badge.radius, badge.glyph)


def draw_badge(c: Any, centre: tuple[float, float], radius: float, glyph: str) -> None:
    """A white disc with a dark ring and the sign centred in it."""
    cx, cy = centre
    c.setStrokeColorRGB(*rgb(style.TEXT))
    c.setFillColorRGB(*rgb(style.PAPER))
    c.setLineWidth(1.0)
    c.setDash()
    c.circle(cx, -cy, radius, stroke=1, fill=1)
    size = changes.BADGE_PT
    c.setFillColorRGB(*rgb(style.TEXT))
    c.setFont(fonts.BOLD, size)
    width = fonts.width(glyph, fonts.BOLD, size)
    # optical centre: the baseline a third of the size below the disc's centre
    c.drawString(cx - width / 2, -(cy + size * 0.35), glyph)
