"""The status bar's summary of the check: „2 Warnungen · 5 Hinweise“."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QToolButton, QWidget

from orgdesigner.canvas.badges import mark_pixmap
from orgdesigner.rules import count
from orgdesigner.ui.evaluator import Evaluation, RuleEvaluator
from orgdesigner.ui.findings import count_text


class RuleCountsButton(QToolButton):
    """The counts of warnings and hints of the latest evaluation, with the worst mark.

    A click is meant to show the rule panel (the window connects ``clicked``)."""

    def __init__(self, evaluator: RuleEvaluator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rule_counts")
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        # the panel's words: the translation context stays the panel's
        self.evaluator = evaluator
        self.setToolTip(QCoreApplication.translate("RulePanel", "Prüfung nach der Arbeitshilfe zeigen"))
        self.setText(QCoreApplication.translate("RulePanel", "Prüfung läuft …"))
        evaluator.evaluated.connect(self.show_evaluation)
        if evaluator.latest is not None:
            self.show_evaluation(evaluator.latest)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "evaluator"):
            self.setToolTip(QCoreApplication.translate("RulePanel", "Prüfung nach der Arbeitshilfe zeigen"))
            if self.evaluator.latest is not None:
                self.show_evaluation(self.evaluator.latest)

    def show_evaluation(self, result: Evaluation) -> None:
        counts = count(result.findings)
        w, h = counts["warning"], counts["hint"]
        text = f"{count_text('warning', w)} · {count_text('hint', h)}"
        if text == self.text():
            return
        self.setText(text)
        worst = "warning" if w else "hint" if h else "info"
        self.setIcon(QIcon(mark_pixmap(worst, 14, self.devicePixelRatioF())))
