"""The guide's reflection questions (dock „Leitfragen“) with the officer's answers.

The ten Botschaften of chapter 5, each with its reflection questions; next to each
question a text field for the officer's answer or note. Every change of an answer is a
``SetReflectionAnswer`` command on the undo stack, pushed as the user types; consecutive
changes of the same answer merge into one undo step, so nothing typed can be lost by
saving while the cursor is still in the field. The answers live in the model
(``reflection``): the fields follow the document (undo, redo, loading) and are never a
second copy of it.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QEvent, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from orgdesigner import style
from orgdesigner.catalog import Botschaft, Citation, guide
from orgdesigner.commands import ChangeSet, SetReflectionAnswer
from orgdesigner.document import Document
from orgdesigner.i18n import current_language
from orgdesigner.model import OrgModel
from orgdesigner.ui.accessibility import readable
from orgdesigner.ui.controller import Controller
from orgdesigner.ui.docks import raise_enclosing_dock

MERGE_ID_BASE = 0x5200
"""Undo-command ids of answers: base + the question's position in the guide."""


def question_ids() -> list[str]:
    return [q.id for b in guide().botschaften for q in b.questions]


def answered(model: OrgModel) -> int:
    """How many of the guide's questions have a (non-blank) answer in ``model``."""
    return sum(1 for qid in question_ids() if model.reflection.get(qid, "").strip())


class AnswerEdit(QPlainTextEdit):
    """A field for one answer; grows with its text from two to eight lines."""

    MIN_LINES, MAX_LINES = 2, 8

    def __init__(self, question_id: str) -> None:
        super().__init__()
        self.question_id = question_id
        self.setObjectName(f"answer_{question_id}")
        self.setTabChangesFocus(True)
        self.setPlaceholderText(self.tr("Ihre Antwort oder Notiz …"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self.fit_height)
        self.fit_height()

    def fit_height(self) -> None:
        line = self.fontMetrics().lineSpacing()
        lines = max(self.MIN_LINES, min(self.MAX_LINES, self._visual_lines()))
        margins = self.contentsMargins()
        frame = 2 * self.frameWidth() + margins.top() + margins.bottom()
        height = int(lines * line + 2 * self.document().documentMargin() + frame)
        if self.height() != height or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def _visual_lines(self) -> int:
        count = 0
        block = self.document().begin()
        while block.isValid():
            layout = block.layout()
            count += max(1, layout.lineCount() if layout is not None else 1)
            block = block.next()
        return count

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self.fit_height)


class _QuestionRow(QWidget):
    def __init__(self, number: int, question: str, edit: AnswerEdit) -> None:
        super().__init__()
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.number = number
        self.question = question
        self.edit = edit
        self.box = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self.box.setContentsMargins(0, 4, 0, 6)
        self.box.setSpacing(4)
        self.box.addWidget(self.label, 2, Qt.AlignmentFlag.AlignTop)
        self.box.addWidget(edit, 3, Qt.AlignmentFlag.AlignTop)
        self.set_done(False)

    def set_done(self, done: bool) -> None:
        tick = f"<span style='color:{style.DONE}'>✓</span> " if done else ""
        self.label.setText(f"{tick}<b>{self.number}.</b> {html.escape(self.question)}")

    def set_wide(self, wide: bool) -> None:
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.box.direction() != direction:
            self.box.setDirection(direction)


class _Page(QWidget):
    """One Botschaft: title, citation, recommendations (folded) and its questions."""

    WIDE = 640

    def __init__(self, panel: QuestionsPanel, b: Botschaft) -> None:
        super().__init__()
        en = current_language() == "en"
        self.rows: dict[str, _QuestionRow] = {}
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 6, 8, 8)
        column.setSpacing(4)
        name = QCoreApplication.translate("QuestionsPanel", "Botschaft {0}").format(b.number)
        title = QLabel(f"<b>{html.escape(name)}: "
                       f"{html.escape(b.title_en if en else b.title_de)}</b>")  # fmt: skip
        title.setWordWrap(True)
        column.addWidget(title)
        cite = Citation(chapter=b.section, page=b.page).format()
        source = QLabel(QCoreApplication.translate("QuestionsPanel", "Reflexionsfragen der Arbeitshilfe, {0}").format(cite))
        source.setStyleSheet(f"color: {readable(style.ACCEPTED)}")  # dark palettes too
        source.setWordWrap(True)
        column.addWidget(source)
        recs = b.recommendations_en if en else b.recommendations_de
        if recs:
            toggle = QToolButton()
            toggle.setObjectName(f"recommendations_{b.number}")
            toggle.setText(QCoreApplication.translate("QuestionsPanel", "Empfehlungen der Arbeitshilfe ({0}, zusammengefasst)")
                           .format(len(recs)))  # fmt: skip
            toggle.setCheckable(True)
            toggle.setAutoRaise(True)
            toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            toggle.setArrowType(Qt.ArrowType.RightArrow)
            text = QLabel("<ul style='margin-left:0; -qt-list-indent:1'>"
                          + "".join(f"<li>{html.escape(r)}</li>" for r in recs) + "</ul>")  # fmt: skip
            text.setWordWrap(True)
            text.setVisible(False)

            def fold(on: bool, t: QToolButton = toggle, label: QLabel = text) -> None:
                t.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
                label.setVisible(on)

            toggle.toggled.connect(fold)
            column.addWidget(toggle)
            column.addWidget(text)
        for n, q in enumerate(b.questions, 1):
            edit = panel.make_edit(q.id)
            row = _QuestionRow(n, q.en if en else q.de, edit)
            self.rows[q.id] = row
            column.addWidget(row)
        column.addStretch(1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = event.size().width() >= self.WIDE
        for row in self.rows.values():
            row.set_wide(wide)


class QuestionsPanel(QWidget):
    """The ten Botschaften with their reflection questions and the officer's answers."""

    def __init__(self, document: Document, controller: Controller,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("questions_panel")
        self.document = document
        self.controller = controller
        self.botschaften = guide().botschaften
        self.total = sum(len(b.questions) for b in self.botschaften)
        self._merge_ids = {qid: MERGE_ID_BASE + i for i, qid in enumerate(question_ids())}
        self.edits: dict[str, AnswerEdit] = {}
        self._loading = False

        self.progress_label = QLabel()
        self.progress_label.setObjectName("progress")
        self.progress = QProgressBar()
        self.progress.setRange(0, self.total)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(6)
        self.progress.setMaximumWidth(220)
        self.combo = QComboBox()
        self.combo.setObjectName("botschaft")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(18)
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.previous = QToolButton()
        self.previous.setArrowType(Qt.ArrowType.LeftArrow)
        self.previous.setToolTip(self.tr("Vorige Botschaft"))
        self.previous.clicked.connect(lambda: self.combo.setCurrentIndex(max(0, self.combo.currentIndex() - 1)))
        self.next = QToolButton()
        self.next.setArrowType(Qt.ArrowType.RightArrow)
        self.next.setToolTip(self.tr("Nächste Botschaft"))
        self.next.clicked.connect(lambda: self.combo.setCurrentIndex(
            min(self.combo.count() - 1, self.combo.currentIndex() + 1)))  # fmt: skip
        self.stack = QStackedWidget()
        self.pages: dict[int, _Page] = {}
        for _b in self.botschaften:
            self.stack.addWidget(QWidget())  # pages are built when first shown
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.stack)
        self.scroll_area = scroll

        top = QHBoxLayout()
        top.setContentsMargins(8, 6, 8, 2)
        top.addWidget(self.progress_label)
        top.addWidget(self.progress, 1, Qt.AlignmentFlag.AlignVCenter)
        top.addStretch(0)
        nav = QHBoxLayout()
        nav.setContentsMargins(8, 2, 8, 2)
        nav.setSpacing(4)
        nav.addWidget(self.previous)
        nav.addWidget(self.combo, 1)
        nav.addWidget(self.next)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(top)
        column.addLayout(nav)
        column.addWidget(scroll, 1)

        self._fill_combo()
        self.combo.currentIndexChanged.connect(self._show_page)
        document.changed.connect(self._changed)
        document.reset.connect(lambda _m: self.reload())
        self._show_page(0)
        self.reload()

    # -- language -----------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "scroll_area"):
            self.retranslate()

    def retranslate(self) -> None:
        """The Botschaften in the language chosen now: pages built so far are built again
        (every answer is in the model already, typed text is committed as it is typed)."""
        self.previous.setToolTip(self.tr("Vorige Botschaft"))
        self.next.setToolTip(self.tr("Nächste Botschaft"))
        current = max(0, self.combo.currentIndex())
        for index in list(self.pages):
            page = self.pages.pop(index)
            for qid in [q.id for q in self.botschaften[index].questions]:
                self.edits.pop(qid, None)
            self.stack.insertWidget(index, QWidget())
            self.stack.removeWidget(page)
            page.deleteLater()
        self._fill_combo()
        self._show_page(current)
        self._update_progress()

    # -- building ---------------------------------------------------------------------
    def make_edit(self, question_id: str) -> AnswerEdit:
        edit = AnswerEdit(question_id)
        self.edits[question_id] = edit
        with QSignalBlocker(edit):
            edit.setPlainText(self.document.model.reflection.get(question_id, ""))
        edit.fit_height()
        edit.textChanged.connect(lambda e=edit: self._typed(e))
        return edit

    def _page(self, index: int) -> _Page:
        page = self.pages.get(index)
        if page is None:
            page = _Page(self, self.botschaften[index])
            self.pages[index] = page
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self._update_ticks()
        return page

    def _show_page(self, index: int) -> None:
        if index < 0:
            return
        page = self._page(index)
        self.stack.setCurrentWidget(page)
        self.previous.setEnabled(index > 0)
        self.next.setEnabled(index < len(self.botschaften) - 1)
        self.scroll_area.verticalScrollBar().setValue(0)

    def _fill_combo(self) -> None:
        en = current_language() == "en"
        model = self.document.model
        with QSignalBlocker(self.combo):
            current = max(0, self.combo.currentIndex())
            texts = []
            for b in self.botschaften:
                done = sum(1 for q in b.questions if model.reflection.get(q.id, "").strip())
                texts.append(f"{b.number} – {b.title_en if en else b.title_de} ({done}/{len(b.questions)})")
            if self.combo.count() != len(texts):
                self.combo.clear()
                self.combo.addItems(texts)
            else:
                for i, text in enumerate(texts):
                    if self.combo.itemText(i) != text:
                        self.combo.setItemText(i, text)
            self.combo.setCurrentIndex(current)

    # -- following the document ---------------------------------------------------------------
    def _changed(self, changes: ChangeSet) -> None:
        if changes.reflection:
            self.reload(changes.reflection)

    def reload(self, keys: set[str] | None = None) -> None:
        """Show the model's answers (all, or those of ``keys``) and the progress."""
        model = self.document.model
        self._loading = True
        try:
            for qid, edit in self.edits.items():
                if keys is not None and qid not in keys:
                    continue
                text = model.reflection.get(qid, "")
                if edit.toPlainText() != text:
                    with QSignalBlocker(edit):
                        edit.setPlainText(text)
                    edit.fit_height()
        finally:
            self._loading = False
        self._update_progress()

    def _update_progress(self) -> None:
        done = answered(self.document.model)
        self.progress_label.setText(self.tr("{0} von {1} beantwortet").format(done, self.total))
        self.progress.setValue(done)
        self._fill_combo()
        self._update_ticks()

    def _update_ticks(self) -> None:
        reflection = self.document.model.reflection
        for page in self.pages.values():
            for qid, row in page.rows.items():
                row.set_done(bool(reflection.get(qid, "").strip()))

    # -- editing -----------------------------------------------------------------------
    def _typed(self, edit: AnswerEdit) -> None:
        if self._loading:
            return
        self.set_answer(edit.question_id, edit.toPlainText())

    def set_answer(self, question_id: str, text: str) -> bool:
        """Store ``text`` as the answer to ``question_id`` (one undoable step, merged)."""
        if self.document.model.reflection.get(question_id, "") == text:
            return False
        return self.controller.push(SetReflectionAnswer(question_id, text),
                                    self._merge_ids.get(question_id, -1))  # fmt: skip

    # -- for the window and tests ------------------------------------------------------------
    def show_botschaft(self, number: int) -> None:
        """Show the questions of Botschaft ``number`` and raise the dock."""
        for i, b in enumerate(self.botschaften):
            if b.number == number:
                self.combo.setCurrentIndex(i)
        raise_enclosing_dock(self)

    def answer_edit(self, question_id: str) -> AnswerEdit:
        """The field of ``question_id`` (its page is built if needed)."""
        if question_id not in self.edits:
            number = int(question_id[1:].split(".")[0])
            self._page(number - 1)
        return self.edits[question_id]

    def progress_text(self) -> str:
        return self.progress_label.text()
