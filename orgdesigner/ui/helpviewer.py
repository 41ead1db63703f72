"""Hilfe → Benutzerhandbuch: the bundled user guide, offline, in the program's language.

The guides are the Markdown files of ``docs/`` (``benutzerhandbuch.md``, ``user-guide.md``
with their screenshots), shipped with the program (:func:`orgdesigner.paths.guide_file`).
A :class:`HelpViewer` window shows one in a ``QTextBrowser`` (Qt renders the Markdown,
links between the guides and to the screenshots are followed locally, web links open in
the system's browser), with the chapters listed beside it and a search field. Switching
the language (Qt's ``LanguageChange``) shows the other guide. There is one viewer per
program; F1 brings it forward.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QImage, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from orgdesigner.i18n import current_language
from orgdesigner.paths import guide_file

MAX_IMAGE_WIDTH = 720
"""Screenshots wider than this are shown scaled down (the file keeps its resolution)."""


class GuideBrowser(QTextBrowser):
    """A text browser that shows wide screenshots at a readable width."""

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        data = super().loadResource(kind, name)
        if kind != int(QTextDocument.ResourceType.ImageResource.value) or data is None:
            return data
        image = data if isinstance(data, QImage) else QImage.fromData(data)
        if image.isNull() or image.width() <= MAX_IMAGE_WIDTH:
            return data
        return image.scaledToWidth(MAX_IMAGE_WIDTH, Qt.TransformationMode.SmoothTransformation)


class HelpViewer(QWidget):
    """The user guide in a window of its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("help_viewer")
        self.lang = ""
        self.path: Path | None = None
        self.search_label = QLabel()
        self.search = QLineEdit()
        self.search.setObjectName("help_search")
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.find_next)
        self.search_label.setBuddy(self.search)
        self.not_found = QLabel()
        self.not_found.setObjectName("help_not_found")
        self.contents = QListWidget()
        self.contents.setObjectName("help_contents")
        self.contents.itemActivated.connect(self.go_to)
        self.contents.itemClicked.connect(self.go_to)
        self.contents.setWordWrap(True)
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.browser = GuideBrowser()
        self.browser.setObjectName("help_browser")
        self.browser.setOpenLinks(True)  # the guide's links to the other guide stay here
        self.browser.setOpenExternalLinks(True)  # web links open in the system's browser
        self.browser.sourceChanged.connect(lambda _url: self._fill_contents())
        self.browser.document().setDocumentMargin(14)

        top = QHBoxLayout()
        top.addWidget(self.search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.not_found)
        splitter = QSplitter()
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 760])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.search.setFocus)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        self.retranslate()
        self.resize(1040, 720)

    def sizeHint(self) -> QSize:
        return QSize(1040, 720)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("OrgDesigner – Benutzerhandbuch"))
        self.search_label.setText(self.tr("&Suchen:"))
        self.search.setPlaceholderText(self.tr("Wort im Handbuch, dann Eingabe"))
        self.contents.setAccessibleName(self.tr("Inhalt"))
        self.browser.setAccessibleName(self.tr("Benutzerhandbuch"))
        self.not_found.clear()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            # the program's language is switched with its translator; show that guide once
            # the switch is complete
            QTimer.singleShot(0, lambda: self.show_guide(current_language()))
        super().changeEvent(event)

    # -- content ------------------------------------------------------------------------
    def show_guide(self, lang: str | None = None) -> None:
        """Show the guide in ``lang`` (default: the program's language) from its start."""
        lang = lang or current_language()
        path = guide_file(lang)
        if lang == self.lang and path == self.path:
            return
        self.lang, self.path = lang, path
        if path.is_file():
            self.browser.setSource(QUrl.fromLocalFile(str(path)),
                                   QTextDocument.ResourceType.MarkdownResource)  # fmt: skip
        else:
            self.browser.setSource(QUrl())
            self.browser.setPlainText(self.tr(
                "Das Benutzerhandbuch wurde nicht gefunden ({0}). Die Installation ist "
                "unvollständig; bitte wenden Sie sich an Ihre IT.").format(path))  # fmt: skip
        self._fill_contents()

    def _fill_contents(self) -> None:
        """List the guide's chapters (its second-level headings; the first is its title)."""
        self.contents.clear()
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() == 2 and block.text().strip():
                item = QListWidgetItem(block.text().strip())
                item.setData(Qt.ItemDataRole.UserRole, block.position())
                self.contents.addItem(item)
            block = block.next()

    def go_to(self, item: QListWidgetItem) -> None:
        """Scroll so that the chapter of ``item`` starts at the top."""
        position = int(item.data(Qt.ItemDataRole.UserRole))
        document = self.browser.document()
        block = document.findBlock(position)
        top = document.documentLayout().blockBoundingRect(block).top()
        cursor = self.browser.textCursor()
        cursor.setPosition(position)
        self.browser.setTextCursor(cursor)
        self.browser.verticalScrollBar().setValue(int(top))

    def find_next(self) -> bool:
        """Select the next place the search text occurs (from the start after the end)."""
        text = self.search.text().strip()
        self.not_found.clear()
        if not text:
            return False
        if self.browser.find(text):
            return True
        cursor = self.browser.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        self.browser.setTextCursor(cursor)
        if self.browser.find(text):
            return True
        self.not_found.setText(self.tr("Nicht gefunden"))
        return False


_viewer: HelpViewer | None = None


def show_user_guide(parent: QWidget | None = None) -> HelpViewer:
    """Open the user guide (or bring the open viewer forward) in the program's language."""
    global _viewer
    if _viewer is None or not shiboken6.isValid(_viewer):
        _viewer = HelpViewer()
    _viewer.show_guide(current_language())
    if parent is not None and not _viewer.isVisible():
        centre = parent.frameGeometry().center()
        _viewer.move(centre.x() - _viewer.width() // 2, centre.y() - _viewer.height() // 2)
    _viewer.show()
    _viewer.raise_()
    _viewer.activateWindow()
    return _viewer
