"""The controller: turns the scene's requests and the window's actions into commands.

Every edit is a core command pushed on the window's ``QUndoStack`` through
:class:`~orgdesigner.ui.undo.UndoAdapter`. Before a command is pushed it is tried on a
copy of the model, so an invalid edit is refused with a message instead of half-done.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QMimeData, QObject, QPointF, Signal
from PySide6.QtGui import QUndoStack

from orgdesigner import layout
from orgdesigner.canvas.scene import OrgScene, new_unit
from orgdesigner.catalog import FORM_LEVEL, LEVEL_IDS, catalog
from orgdesigner.commands import (
    AddEdge,
    AddNode,
    Command,
    CommandError,
    Compound,
    MoveNodes,
    SetEdgeProperties,
    SetMeta,
    SetNodeProperties,
    add_items,
    remove_items,
)
from orgdesigner.document import Document
from orgdesigner.drawing import arrange
from orgdesigner.model import DEFAULT_NODE_HEIGHT, DEFAULT_NODE_WIDTH, Edge, Node
from orgdesigner.relations import propose_relation
from orgdesigner.ui.undo import UndoAdapter

ITEMS_MIME = "application/x-orgdesigner-items"
PASTE_OFFSET = (40.0, 30.0)

Position = tuple[float, float]


class Controller(QObject):
    message = Signal(str)
    """A short message for the status bar (e.g. why an edit was refused)."""

    def __init__(self, document: Document, scene: OrgScene, undo_stack: QUndoStack,
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.document = document
        self.scene = scene
        self.undo_stack = undo_stack
        scene.drop_requested.connect(self.drop_form)
        scene.move_finished.connect(self.move_nodes)
        scene.connect_requested.connect(self.connect_nodes)
        scene.rename_requested.connect(self.rename_node)

    # -- pushing ---------------------------------------------------------------
    def push(self, command: Command, merge_id: int = -1) -> bool:
        """Try ``command`` on a copy; if it works, push it (which applies it).

        Commands pushed one after another with the same ``merge_id`` (not -1) become one
        undo step where the commands allow it (typing on in one answer field).
        """
        try:
            command.apply(self.document.model.copy_model())
        except (CommandError, KeyError, ValueError) as exc:
            self.message.emit(self.tr("Die Änderung ist nicht möglich: {0}").format(exc))
            return False
        self.undo_stack.push(UndoAdapter(self.document, command, merge_id))
        return True

    def _moves(self, proposed: Mapping[str, Position]) -> dict[str, Position]:
        return layout.settle(self.document.model, proposed)

    # -- requests from the scene -------------------------------------------------
    def drop_form(self, form: str, pos: QPointF, free: bool = False) -> str | None:
        """Add a unit of ``form`` (or ``level:<id>``) centred at scene ``pos``.

        ``free``: at the free place of its band nearest to ``pos`` (inserted by keyboard,
        where no one aimed: it must not land on another unit)."""
        model = self.document.model
        node_id = model.new_id("n")
        w, h = DEFAULT_NODE_WIDTH, DEFAULT_NODE_HEIGHT
        node = new_unit(form, node_id)
        if node is None:
            return None
        level = node.level
        x, y = float(round(pos.x() - w / 2)), float(round(pos.y() - h / 2))
        if free:
            x, y = arrange.free_place(model, level, w, h, near=(x, y))
        else:
            x, y = layout.place_new(model, level, x, y, h)
        node = node.model_copy(update={"x": x, "y": y})
        trial = model.copy_model()
        AddNode(node).apply(trial)
        moves = layout.settle(trial, {node_id: (x, y)})
        nx, ny = moves.pop(node_id, (x, y))
        node = node.model_copy(update={"x": nx, "y": ny})
        command: Command = AddNode(node)
        if moves:
            command = Compound([command, MoveNodes(moves)], "Einheit hinzufügen", "Add unit")
        if self.push(command):
            self.scene.select_ids([node_id])
            if not free and self.scene.level_at(pos.y()) != level:
                # aimed at another level's band: the unit went to its own; say why
                self.message.emit(self.scene.level_notice(node.label, level, moved=False))
            return node_id
        return None

    def move_nodes(self, ids: list[str], old: Mapping[str, Position],
                   new: Mapping[str, Position]) -> None:  # fmt: skip
        """Record one undoable move for nodes the user dragged (Qt already moved them)."""
        moves = self._moves(new)
        if any(moves.get(i) != (self.document.model.node(i).x, self.document.model.node(i).y)
               for i in moves):  # fmt: skip
            self.push(MoveNodes(moves))
        self.scene.follow_model_positions(ids)  # a refused or partly refused move

    def connect_nodes(self, source: str, target: str) -> str | None:
        model = self.document.model
        try:
            src, dst = model.node(source), model.node(target)
        except KeyError:
            return None
        if source == target:
            return None
        edge = Edge(id=model.new_id("e"), type=propose_relation(src, dst), source=source,
                    target=target)  # fmt: skip
        if self.push(AddEdge(edge)):
            self.scene.select_ids([edge.id])
            name = catalog().relation(edge.type).label.get()
            self.message.emit(self.tr("Beziehung „{0}“ angelegt – im Eigenschaftenbereich "
                                      "änderbar.").format(name))  # fmt: skip
            return edge.id
        return None

    def change_level(self, ids: list[str], level: str) -> bool:
        """Move the units ``ids`` to ``level`` (one undo step): each goes to a free place in
        the new band and becomes a „Sonstige Einheit“ there unless its form belongs to it;
        its name, people and notes stay."""
        model = self.document.model
        moving = [model.node(i) for i in ids if model.node(i).level != level]
        if level not in LEVEL_IDS or not moving:
            return False
        trial = model.copy_model()
        for node in moving:
            # placed one by one, so that several units do not land on each other
            others = trial.copy_model()
            others.nodes = [n for n in others.nodes if n.id not in {m.id for m in moving}
                            or n.level == level]  # fmt: skip
            x, y = arrange.free_place(others, level, node.width, node.height, near=(node.x, 0.0))
            form = node.form if node.form is not None and FORM_LEVEL[node.form] == level else None
            index = next(k for k, n in enumerate(trial.nodes) if n.id == node.id)
            trial.nodes[index] = node.model_copy(update={"level": level, "form": form,
                                                         "x": x, "y": y})  # fmt: skip
        placed = {n.id: n for n in trial.nodes}
        moves = layout.settle(trial, {n.id: (placed[n.id].x, placed[n.id].y) for n in moving})
        final = {n.id: moves.get(n.id, (placed[n.id].x, placed[n.id].y)) for n in moving}
        others_moved = {i: p for i, p in moves.items() if i not in final}
        children: list[Command] = [
            SetNodeProperties([n.id], {"level": level, "form": placed[n.id].form,
                                       "x": final[n.id][0], "y": final[n.id][1]})
            for n in moving
        ]  # fmt: skip
        if others_moved:
            children.append(MoveNodes(others_moved))
        if self.push(Compound(children, "Ebene ändern", "Change level")):
            self.scene.select_ids([n.id for n in moving])
            return True
        return False

    def rename_node(self, node_id: str, label: str) -> None:
        self.push(SetNodeProperties([node_id], {"label": label}))

    # -- edits from the window -----------------------------------------------------
    def delete_selection(self, cut: bool = False) -> None:
        """Delete the selected units (with their relations) and relations: one step."""
        ids = self.scene.selected_ids()
        if ids:
            self.push(remove_items(self.document.model, ids, cut=cut))

    def set_node_properties(self, ids: list[str], changes: dict[str, Any]) -> bool:
        items = [self.document.model.node(i) for i in ids]
        return _changes_any(items, changes) and self.push(SetNodeProperties(ids, changes))

    def set_edge_properties(self, ids: list[str], changes: dict[str, Any]) -> bool:
        items = [self.document.model.edge(i) for i in ids]
        return _changes_any(items, changes) and self.push(SetEdgeProperties(ids, changes))

    def set_meta(self, changes: dict[str, Any]) -> bool:
        if self.document.model.meta.model_dump() | changes == self.document.model.meta.model_dump():
            return False
        return self.push(SetMeta(changes))

    def auto_layout(self) -> None:
        """Order the units for few crossings and place them tidily in their bands."""
        positions = layout.auto_layout(self.document.model)
        if positions:
            self.push(Compound([MoveNodes(positions)], "Automatisch anordnen", "Auto-layout"))

    def tidy_keep_order(self) -> None:
        """Line the rows up and remove overlaps, keeping every band's order and rows."""
        positions = layout.auto_layout(self.document.model, keep_order=True)
        if positions:
            self.push(Compound([MoveNodes(positions)], "Ordnen, Reihenfolge behalten",
                               "Tidy, keep order"))  # fmt: skip

    def align(self, how: arrange.AlignMode) -> None:
        """Align the selected nodes: ``left``, ``right``, ``hcenter`` or ``top``; units that
        would land on another one move aside."""
        proposed = arrange.align(self.document.model, self.scene.selected_node_ids(), how)
        if proposed:
            self._push_moves(proposed, "Ausrichten", "Align")

    def distribute(self) -> None:
        """Space the selected nodes evenly from left to right, at least the normal gap apart."""
        proposed = arrange.distribute(self.document.model, self.scene.selected_node_ids())
        if proposed:
            self._push_moves(proposed, "Gleichmäßig verteilen", "Distribute")

    def _push_moves(self, proposed: Mapping[str, Position], de: str, en: str) -> None:
        moves = self._moves(proposed)
        model = self.document.model
        if any(moves[i] != (model.node(i).x, model.node(i).y) for i in moves):
            self.push(Compound([MoveNodes(moves)], de, en))

    # -- clipboard ---------------------------------------------------------------
    def copy_mime(self) -> QMimeData | None:
        """The selected nodes and the relations among them, for the clipboard."""
        model = self.document.model
        ids = set(self.scene.selected_node_ids())
        if not ids:
            return None
        nodes = [n for n in model.nodes if n.id in ids]
        edges = [e for e in model.edges if e.source in ids and e.target in ids]
        payload = {
            "nodes": [n.model_dump(mode="json") for n in nodes],
            "edges": [e.model_dump(mode="json") for e in edges],
        }
        data = QMimeData()
        data.setData(ITEMS_MIME, json.dumps(payload, ensure_ascii=False).encode("utf-8"))
        data.setText("\n".join(n.label or n.id for n in nodes))
        return data

    def paste_mime(self, data: QMimeData | None) -> list[str]:
        """Add the nodes and relations carried by ``data`` with new ids; return the new ids."""
        if data is None or not data.hasFormat(ITEMS_MIME):
            return []
        try:
            payload = json.loads(bytes(data.data(ITEMS_MIME).data()).decode("utf-8"))
            nodes = [Node.model_validate(n) for n in payload.get("nodes", [])]
            edges = [Edge.model_validate(e) for e in payload.get("edges", [])]
        except (ValueError, TypeError, AttributeError):
            self.message.emit(self.tr("Die Zwischenablage enthält keine lesbaren Einheiten."))
            return []
        if not nodes:
            return []
        model = self.document.model
        taken = model.ids()
        mapping: dict[str, str] = {}
        new_nodes: list[Node] = []
        dx, dy = PASTE_OFFSET
        for n in nodes:
            new_id = model.new_id("n", taken)
            taken.add(new_id)
            mapping[n.id] = new_id
            new_nodes.append(n.model_copy(update={"id": new_id, "x": n.x + dx, "y": n.y + dy}))
        new_edges: list[Edge] = []
        for e in edges:
            if e.source in mapping and e.target in mapping:
                new_id = model.new_id("e", taken)
                taken.add(new_id)
                new_edges.append(e.model_copy(update={
                    "id": new_id, "source": mapping[e.source], "target": mapping[e.target]}))  # fmt: skip
        trial = model.copy_model()
        try:
            add_items(new_nodes, new_edges, "", "").apply(trial)
        except (CommandError, KeyError, ValueError) as exc:
            self.message.emit(self.tr("Einfügen nicht möglich: {0}").format(exc))
            return []
        moves = layout.settle(trial, {n.id: (n.x, n.y) for n in new_nodes})
        placed = [n.model_copy(update=dict(zip(("x", "y"), moves.pop(n.id, (n.x, n.y)), strict=True)))
                  for n in new_nodes]  # fmt: skip
        command = add_items(placed, new_edges, "Einfügen", "Paste")
        if moves:
            command.children.append(MoveNodes(moves))
        if self.push(command):
            new_ids = [n.id for n in placed] + [e.id for e in new_edges]
            self.scene.select_ids(new_ids)
            return new_ids
        return []


def _changes_any(items: list[Any], changes: dict[str, Any]) -> bool:
    """Whether setting ``changes`` on ``items`` would change anything (no empty undo steps)."""
    return any(getattr(item, k) != v for item in items for k, v in changes.items())
