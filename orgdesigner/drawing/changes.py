"""The change markers of a comparison („bisher / künftig“), as geometry (no Qt).

:func:`markers` turns a :class:`~orgdesigner.compare.Comparison` and the charts of both
versions into what the künftig chart shows on top of itself, so that the markers survive
a greyscale copy (no meaning rides on colour alone):

- an added unit gets a thick solid border and a „+“ badge, an added relation a thicker
  line and a „+“ badge at its label point;
- a removed unit is a dashed ghost (outline and its old name) at its old place with a
  „–“ badge, a removed relation a dashed ghost of its old route with a „–“ badge;
- a changed unit gets a „Δ“ badge, a changed relation (retyped, retargeted, relabelled)
  a „Δ“ badge at its label point.

The PDF's „Gegenüberstellung“ (:mod:`orgdesigner.export.comparison`) paints these; the
canvas's comparison mode can paint the same. Model units, ``y`` pointing down.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from orgdesigner.drawing.geometry import Chart, RelationGeometry, UnitGeometry, midpoint
from orgdesigner.drawing.routing import Box, Point
from orgdesigner.i18n import pick

if TYPE_CHECKING:
    from orgdesigner.compare import Comparison

Change = Literal["added", "removed", "changed"]
GLYPHS: dict[str, str] = {"added": "+", "removed": "–", "changed": "Δ"}
"""the badge's sign for each kind of change (the same signs ``orgdesigner diff`` prints)"""
BADGE_RADIUS = 7.0
BADGE_PT = 9.0
ADDED_BORDER_WIDTH = 3.2
"""the thick solid border of an added unit (a unit's own border is 1.2)"""
ADDED_LINE_EXTRA = 2.0
"""an added relation is drawn this much wider than its type's line"""
GHOST_DASH = (4.0, 3.0)
"""the dashes of a ghost's outline and route, in points (model units)"""
GHOST_LINE_WIDTH = 1.2


@dataclass(frozen=True)
class Badge:
    """A round badge with ``glyph`` centred at ``centre``; ``subject`` is the unit or
    relation id it marks (the new id; for a removed one, the old id)."""

    change: Change
    glyph: str
    centre: Point
    radius: float
    subject: str
    relation: bool

    @property
    def box(self) -> Box:
        x, y = self.centre
        r = self.radius
        return x - r, y - r, 2 * r, 2 * r


@dataclass(frozen=True)
class ChangeMarkers:
    """What the künftig chart draws besides itself."""

    added_units: tuple[UnitGeometry, ...]
    """units of the new chart that get the thick border"""
    ghost_units: tuple[UnitGeometry, ...]
    """removed units as the old chart drew them (their old place and name)"""
    added_relations: tuple[RelationGeometry, ...]
    """relations of the new chart drawn again, thicker"""
    ghost_relations: tuple[RelationGeometry, ...]
    """removed relations as the old chart routed them"""
    badges: tuple[Badge, ...]
    extent: Box
    """the new chart's extent grown to hold the ghosts and the badges"""

    def badge_of(self, subject: str, relation: bool = False) -> Badge | None:
        return next((b for b in self.badges if b.subject == subject and b.relation == relation),
                    None)  # fmt: skip


def unit_badge_centre(box: Box) -> Point:
    """A unit's badge sits on its top-right corner."""
    x, y, w, _h = box
    return x + w - BADGE_RADIUS * 0.6, y + BADGE_RADIUS * 0.6 - BADGE_RADIUS


def relation_badge_centre(g: RelationGeometry) -> Point:
    """A relation's badge sits at its label point: left of the label box when it has a
    label (the label stays readable), else at the middle of the route."""
    if g.label_box is not None:
        x, y, _w, h = g.label_box
        return x - BADGE_RADIUS - 1, y + h / 2
    return midpoint(g.points)


def _union(a: Box, b: Box) -> Box:
    left, top = min(a[0], b[0]), min(a[1], b[1])
    right, bottom = max(a[0] + a[2], b[0] + b[2]), max(a[1] + a[3], b[1] + b[3])
    return left, top, right - left, bottom - top


def union_extent(*boxes: Box) -> Box:
    """The smallest box holding all ``boxes``."""
    out = boxes[0]
    for box in boxes[1:]:
        out = _union(out, box)
    return out


def _route_box(points: tuple[Point, ...]) -> Box:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)


def markers(c: Comparison, new_chart: Chart, old_chart: Chart) -> ChangeMarkers:
    """The markers of ``c`` on ``new_chart`` (the künftig version's geometry); ghosts are
    taken from ``old_chart`` (the bisher version's geometry, same measure)."""
    badges: list[Badge] = []

    def badge(change: Change, centre: Point, subject: str, relation: bool) -> None:
        badges.append(Badge(change, GLYPHS[change], centre, BADGE_RADIUS, subject, relation))

    added_units = tuple(new_chart.units[n.id] for n in c.units_added if n.id in new_chart.units)
    ghosts = tuple(old_chart.units[n.id] for n in c.units_removed if n.id in old_chart.units)
    for u in added_units:
        badge("added", unit_badge_centre(u.box), u.id, False)
    for u in ghosts:
        badge("removed", unit_badge_centre(u.box), u.id, False)
    for change in c.units_changed:
        unit = new_chart.units.get(change.new_id)
        if unit is not None:
            badge("changed", unit_badge_centre(unit.box), unit.id, False)
    added_relations = tuple(new_chart.relations[e.id] for e in c.relations_added
                            if e.id in new_chart.relations)  # fmt: skip
    ghost_relations = tuple(old_chart.relations[e.id] for e in c.relations_removed
                            if e.id in old_chart.relations)  # fmt: skip
    for g in added_relations:
        badge("added", relation_badge_centre(g), g.id, True)
    for g in ghost_relations:
        badge("removed", relation_badge_centre(g), g.id, True)
    for rc in c.relations_changed:
        rel = new_chart.relations.get(rc.new_id)
        if rel is not None:
            badge("changed", relation_badge_centre(rel), rel.id, True)
    boxes = [new_chart.extent, *(u.box for u in ghosts), *(b.box for b in badges)]
    boxes += [_route_box(g.points) for g in ghost_relations if g.points]
    return ChangeMarkers(added_units, ghosts, added_relations, ghost_relations, tuple(badges),
                         union_extent(*boxes))  # fmt: skip


def with_extent(chart: Chart, extent: Box) -> Chart:
    """``chart`` drawn in a larger frame (both versions of a comparison share one, so a
    unit that stayed in place is at the same spot on both pages)."""
    return dataclasses.replace(chart, extent=extent)


LEGEND: tuple[tuple[Change, str, str], ...] = (
    ("added", "neu (dicker Rahmen, dicke Linie)", "new (thick border, thick line)"),
    ("removed", "entfällt (gestrichelt)", "removed (dashed)"),
    ("changed", "geändert", "changed"),
)


def legend_entries(lang: str) -> list[tuple[Change, str, str]]:
    """The marker legend: (change, glyph, text) for each kind of marker."""
    return [(change, GLYPHS[change], pick(de, en, lang)) for change, de, en in LEGEND]


def legend_heading(lang: str) -> str:
    return pick("Änderungen:", "Changes:", lang)
