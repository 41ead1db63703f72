"""The rule evaluator: the window's one service that runs the guide's rules, live.

:class:`RuleEvaluator` follows the document: every change restarts a single-shot timer
(:data:`DEBOUNCE_MS`); when it fires, the rules run on a snapshot of the model
(``OrgModel.copy_model``) and :attr:`RuleEvaluator.evaluated` delivers an
:class:`Evaluation`. From :data:`WORKER_NODES` units on the rules run in a worker thread,
and a result that a newer edit has overtaken (generation counter) is dropped.

The main window creates one evaluator and hands it to everything that shows findings:
the rule panel, the hints panel, the canvas badges, the status-bar counts and the
accessible description of the canvas. None of them keeps state the document does not have.

Threads share nothing mutable: the worker gets an immutable snapshot of the model, and
its result comes back through a queued signal. :func:`evaluate_snapshot` is pure: no Qt.
"""

from __future__ import annotations

import contextlib
import time
import traceback
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal, Slot

from orgdesigner.commands import ChangeSet
from orgdesigner.document import Document
from orgdesigner.model import OrgModel
from orgdesigner.naming import subject_names
from orgdesigner.rules import Finding, evaluate
from orgdesigner.rules.understanding import of_findings

DEBOUNCE_MS = 80
"""Quiet time after the last edit before the rules run again: a burst of edits (arrow
keys, undo held down) is evaluated once, and the panel is current 200 ms after an edit."""
WORKER_NODES = 300
"""From this many units (evaluation ≈ 15 ms and more) the rules run in a worker thread,
so that typing and dragging never wait for them; smaller models are evaluated at once."""

# -- evaluation: no Qt until RuleEvaluator --------------------------------------------
@dataclass(frozen=True)
class Evaluation:
    """The rules' verdict on one snapshot of the model (never changed after it is made)."""

    generation: int
    findings: tuple[Finding, ...]
    suppressed: tuple[tuple[str, str], ...]
    """(rule id, reason) of the rules switched off in this model, sorted"""
    understanding: tuple[str, str, str]
    """(key, reason_de, reason_en) of the coordination level (4.2 Exkurs), as the
    ``coordination-understanding`` finding reports it (one source)"""
    names: dict[str, str] = field(compare=True)
    """display name of every node and relation a finding concerns"""
    node_count: int = 0
    elapsed_ms: float = field(default=0.0, compare=False)

    def same_content(self, other: Evaluation | None) -> bool:
        return other is not None and (
            self.findings,
            self.suppressed,
            self.understanding,
            self.names,
        ) == (other.findings, other.suppressed, other.understanding, other.names)


def evaluate_snapshot(model: OrgModel, generation: int = 0) -> Evaluation:
    """Run all rules on ``model`` (a snapshot nobody else changes). Pure: no Qt.

    The Organisationsverständnis is read from the ``coordination-understanding`` finding,
    not computed again."""
    start = time.perf_counter()
    findings = tuple(evaluate(model))
    names = subject_names(model, dict.fromkeys(s for f in findings for s in f.subjects))
    return Evaluation(
        generation=generation,
        findings=findings,
        suppressed=tuple(sorted(model.suppressed_rules.items())),
        understanding=of_findings(findings),
        names=names,
        node_count=len(model.nodes),
        elapsed_ms=(time.perf_counter() - start) * 1000,
    )


def affects_rules(changes: ChangeSet) -> bool:
    """False when only reflection answers changed (no rule reads them)."""
    return not (changes.reflection and ChangeSet(reflection=changes.reflection) == changes)


# -- the service --------------------------------------------------------------------------
class _Relay(QObject):
    done = Signal(object)


class RuleEvaluator(QObject):
    """Re-evaluates the rules after every change of the document, debounced."""

    evaluated = Signal(object)
    """An :class:`Evaluation` of the current model (also in :attr:`latest`)."""

    def __init__(self, document: Document, parent: QObject | None = None,
                 debounce_ms: int = DEBOUNCE_MS, worker_nodes: int = WORKER_NODES) -> None:  # fmt: skip
        super().__init__(parent)
        self.document = document
        self.worker_nodes = worker_nodes
        # the pool is created first so that it is destroyed first: it waits for a
        # running evaluation before the relay that carries results goes away
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.debounce_ms = debounce_ms
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.run)
        self.generation = 0
        self.latest: Evaluation | None = None
        """the newest evaluation delivered (``None`` until the first one)"""
        self.scheduled_at = 0.0
        """``time.perf_counter()`` of the last change (benchmarks: change → panel)."""
        document.changed.connect(self._on_change)
        document.reset.connect(self._on_change)
        self.schedule(0)

    def _on_change(self, value: object) -> None:
        if isinstance(value, ChangeSet) and not affects_rules(value):
            return  # reflection answers: no rule reads them, typing stays light
        self.schedule()

    def schedule(self, delay: int | None = None) -> None:
        """Evaluate after ``delay`` ms (default: the debounce) without further changes."""
        self.generation += 1
        self.scheduled_at = time.perf_counter()
        self.timer.start(self.debounce_ms if delay is None else delay)

    def pending(self) -> bool:
        """True while a change has not yet been evaluated."""
        return self.latest is None or self.latest.generation != self.generation

    @Slot()
    def run(self) -> None:
        generation = self.generation
        snapshot = self.document.model.copy_model()
        if len(snapshot.nodes) >= self.worker_nodes:
            relay = self._relay

            def work() -> None:
                try:
                    result = evaluate_snapshot(snapshot, generation)
                except Exception:  # pragma: no cover - a defect in a rule: keep the GUI alive
                    traceback.print_exc()
                    return
                with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                    relay.done.emit(result)

            self._pool.start(work)
        else:
            self._deliver(evaluate_snapshot(snapshot, generation))

    @Slot(object)
    def _deliver(self, result: Evaluation) -> None:
        if result.generation != self.generation:
            return  # overtaken by a newer edit: its own evaluation follows
        self.latest = result
        self.evaluated.emit(result)

    def wait(self, msecs: int = 5000) -> bool:
        """Wait for a running worker evaluation (tests, closing)."""
        return bool(self._pool.waitForDone(msecs))
