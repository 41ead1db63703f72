"""The guided start (Datei → „Geführter Start …“): a first model from questions.

Six pages ask about the municipality, its political and strategic bodies, the form of the
coordination (the guide's Vorzüge und Nachteile of the options side by side), the
implementation approach and advisory boards; the last page shows what will be created and
what :func:`orgdesigner.guided.build` adds and why. The answers are exactly the keys of
``orgdesigner new --guided`` (:meth:`GuidedWizard.answers`), so the window and the command
line make the same model.

The wizard is application-modal: while it is open the language cannot change, so its texts
are set once, in the language of the moment.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from orgdesigner import guided
from orgdesigner.catalog import catalog, cite, guide, sources
from orgdesigner.i18n import current_language
from orgdesigner.model import OrgModel

COLUMNS = ("staff_unit", "office", "outsourced_entity", "none")
"""The columns of the coordination page: the three forms with a table, and „noch keine“."""
CHOSEN_COLUMNS = {
    "staff_unit": ("staff_unit",),
    "office": ("office",),
    "outsourced_entity": ("outsourced_entity",),
    "staff_unit+outsourced_entity": ("staff_unit", "outsourced_entity"),
    "none": ("none",),
}
IMPLEMENTATION = ("line_departments", "project_group", "matrix_team", "municipal_company",
                  "digital_pilots", "external_provider", "external_partner")  # fmt: skip
PILOT_TYPES = ("volunteer", "qualified_volunteer", "full_time")
ADVISORY = ("expert_board", "ethics_board", "network_board", "participation_board")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _note(text: str, indent: int = 24) -> QLabel:
    """A wrapped explanation in a quieter colour, below the choice it explains."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName("explanation")
    palette = label.palette()
    palette.setColor(label.foregroundRole(), palette.color(palette.ColorRole.PlaceholderText))
    label.setPalette(palette)
    label.setContentsMargins(indent, 0, 0, 6)
    return label


def _choice(layout: QVBoxLayout, button: QCheckBox | QRadioButton, text: str) -> None:
    layout.addWidget(button)
    if text:
        layout.addWidget(_note(text))


def _form_text(form: str) -> tuple[str, str]:
    f = catalog().form(form)
    return f.label.get(), f.description.get()


class MunicipalityPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Kommune"))
        self.setSubTitle(self.tr("Für welche Kommune entsteht die Organisation, und wo steht das "
                                 "Vorhaben?"))  # fmt: skip
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setMaxLength(300)
        self.name.setPlaceholderText(self.tr("z. B. Musterstadt"))
        self.registerField("municipality*", self.name)
        form.addRow(self.tr("&Name der Kommune:"), self.name)
        self.kind = QComboBox()
        for kind, text in (("city", self.tr("Stadt")), ("municipality", self.tr("Gemeinde")),
                           ("district", self.tr("Landkreis")),
                           ("association", self.tr("Interkommunaler Verbund"))):  # fmt: skip
            self.kind.addItem(text, kind)
        form.addRow(self.tr("&Art:"), self.kind)
        self.population = QSpinBox()
        self.population.setRange(0, 100_000_000)
        self.population.setSingleStep(1000)
        self.population.setGroupSeparatorShown(True)
        self.population.setValue(50_000)
        self.population.setSuffix(self.tr(" Einwohner:innen"))
        form.addRow(self.tr("&Einwohnerzahl:"), self.population)
        scope_box = QHBoxLayout()
        self.scope_group = QButtonGroup(self)
        self.scope: dict[str, QRadioButton] = {}
        for scope, text in (("municipal", self.tr("&kommunal")), ("regional", self.tr("&regional (Smarte Region)"))):
            button = QRadioButton(text)
            self.scope[scope] = button
            self.scope_group.addButton(button)
            scope_box.addWidget(button)
        scope_box.addStretch(1)
        self.scope["municipal"].setChecked(True)
        form.addRow(self.tr("Reichweite:"), scope_box)
        self.members = QSpinBox()
        self.members.setRange(0, 1000)
        self.members.setValue(5)
        self.members_label = QLabel(self.tr("&Mitgliedskommunen:"))
        self.members_label.setBuddy(self.members)
        form.addRow(self.members_label, self.members)
        self.scope["regional"].toggled.connect(self._scope_changed)
        self._scope_changed(False)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        heading = QLabel(self.tr("Phase des Vorhabens:"))
        layout.addSpacing(8)
        layout.addWidget(heading)
        self.phase_group = QButtonGroup(self)
        self.phase: dict[str, QRadioButton] = {}
        for phase, text, explanation in (
            ("pilot", self.tr("Er&probung"),
             self.tr("Erste Maßnahmen werden einzeln ausprobiert; eine Koordination ist noch nicht nötig.")),
            ("strategy", self.tr("&Strategie"),
             self.tr("Die Smart-City-Strategie wird erarbeitet; Steuerung und Koordination entstehen.")),
            ("implementation", self.tr("&Umsetzung"),
             self.tr("Die Strategie ist beschlossen; Maßnahmen werden ämterübergreifend umgesetzt.")),
            ("consolidation", self.tr("&Verstetigung"),
             self.tr("Bewährtes geht in den Regelbetrieb über; die Organisation wird dauerhaft.")),
        ):  # fmt: skip
            button = QRadioButton(text)
            self.phase[phase] = button
            self.phase_group.addButton(button)
            _choice(layout, button, explanation)
        self.phase["strategy"].setChecked(True)
        layout.addStretch(1)

    def _scope_changed(self, regional: bool) -> None:
        self.members.setEnabled(regional)
        self.members_label.setEnabled(regional)

    def chosen_phase(self) -> str:
        return next(p for p, b in self.phase.items() if b.isChecked())


class BodiesPage(QWizardPage):
    """Politik und Spitze: the political and the strategic bodies there are already."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Politik und Spitze"))
        self.setSubTitle(self.tr("Welche politischen und strategischen Gremien gibt es schon oder "
                                 "soll es geben?"))  # fmt: skip
        columns = QHBoxLayout(self)
        left, right = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addLayout(right, 1)
        left.addWidget(QLabel(self.tr("<b>Politische Ebene</b>")))
        left.addWidget(_note(self.tr(
            "Der Rat entscheidet: Er beschließt die Smart-City-Strategie, erteilt den Auftrag und "
            "stellt die Mittel bereit. Fehlt er hier, wird er ergänzt."), 0))  # fmt: skip
        self.political: dict[str, QCheckBox] = {}
        for form in ("council", "committee", "informal_round"):
            label, description = _form_text(form)
            box = QCheckBox(label)
            self.political[form] = box
            _choice(left, box, description)
        self.political["council"].setChecked(True)
        left.addStretch(1)
        right.addWidget(QLabel(self.tr("<b>Strategische Ebene</b>")))
        right.addWidget(_note(self.tr(
            "Die Verwaltungsspitze macht Smart City zur Chefsache; ein Lenkungskreis trifft die "
            "strategischen Entscheidungen."), 0))  # fmt: skip
        self.strategic: dict[str, QCheckBox] = {}
        for form in ("administration_head", "steering_committee", "operational_steering", "cdo"):
            label, description = _form_text(form)
            box = QCheckBox(label)
            self.strategic[form] = box
            _choice(right, box, description)
        self.strategic["administration_head"].setChecked(True)
        self.strategic["steering_committee"].setChecked(True)
        right.addStretch(1)


class CoordinationPage(QWizardPage):
    """Koordination: the options, with the guide's Vorzüge und Nachteile side by side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Koordination"))
        self.setSubTitle(self.tr("Wer koordiniert das Vorhaben? Darunter stehen die Vorzüge und "
                                 "Nachteile, die der Leitfaden nennt."))  # fmt: skip
        layout = QVBoxLayout(self)
        options = QGridLayout()
        self.group = QButtonGroup(self)
        self.options: dict[str, QRadioButton] = {}
        for i, (choice, text) in enumerate((
            ("staff_unit", self.tr("&Stabsstelle")),
            ("office", self.tr("&Amt")),
            ("outsourced_entity", self.tr("Aus&gelagerte Rechtsform")),
            ("staff_unit+outsourced_entity", self.tr("Stabsstelle &+ ausgelagerte Rechtsform")),
            ("none", self.tr("&Noch keine")),
        )):  # fmt: skip
            button = QRadioButton(text)
            self.options[choice] = button
            self.group.addButton(button)
            options.addWidget(button, i // 3, i % 3)
        layout.addLayout(options)

        row = QWidget()
        columns = QHBoxLayout(row)
        columns.setContentsMargins(0, 0, 0, 0)
        self.columns: dict[str, QFrame] = {}
        self.column_text: dict[str, QLabel] = {}
        for key in COLUMNS:
            frame = QFrame()
            frame.setObjectName(f"column_{key}")
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            inner = QVBoxLayout(frame)
            column = QLabel(self._column_html(key))
            column.setWordWrap(True)
            column.setTextFormat(Qt.TextFormat.RichText)
            column.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            inner.addWidget(column)
            inner.addStretch(1)
            self.columns[key] = frame
            self.column_text[key] = column
            columns.addWidget(frame, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(row)
        layout.addWidget(scroll, 1)
        for button in self.options.values():
            button.toggled.connect(self._highlight)
        self.options["staff_unit"].setChecked(True)

    def _column_html(self, key: str) -> str:
        lang = current_language()
        if key == "none":
            understanding = guide().understandings
            u = understanding.none
            title = self.tr("Noch keine Koordination")
            source = sources(cite(understanding.chapter, understanding.page)).format()
            label = u.label_en if lang == "en" else u.label_de
            lead = self.tr("Organisationsverständnis {0}: {1}").format(u.number, label)
            body = f"<p><i>{_escape(lead)}</i></p><p>{_escape(u.summary_en if lang == 'en' else u.summary_de)}</p>"
        else:
            pc = next(t for form, t in guide().pros_cons.items() if form == key)
            title = catalog().form(key).label.get()
            source = pc.citation.format()

            left, right = ("“", "”") if lang == "en" else ("„", "“")

            def bullets(items: tuple[Any, ...]) -> str:
                return "".join(f"<li>{left}{_escape(b.get())}{right}</li>" for b in items)

            pros, cons = self.tr("Vorzüge"), self.tr("Nachteile")
            body = (f"<p><b>{_escape(pros)}</b></p><ul style='margin-left:-24px'>{bullets(pc.pros)}</ul>"
                    f"<p><b>{_escape(cons)}</b></p><ul style='margin-left:-24px'>{bullets(pc.cons)}</ul>")  # fmt: skip
        where = self.tr("Leitfaden, {0}").format(source)
        return f"<h3>{_escape(title)}</h3><p><small>{_escape(where)}</small></p>{body}"

    def chosen(self) -> str:
        return next(c for c, b in self.options.items() if b.isChecked())

    def highlighted(self) -> tuple[str, ...]:
        """The columns shown as chosen (both for Stabsstelle + ausgelagerte Rechtsform)."""
        return tuple(k for k, f in self.columns.items() if f.property("chosen"))

    def _highlight(self, *_args: object) -> None:
        chosen = CHOSEN_COLUMNS[self.chosen()]
        for key, frame in self.columns.items():
            on = key in chosen
            frame.setProperty("chosen", on)
            frame.setStyleSheet(
                f"QFrame#column_{key} {{ border: 2px solid palette(highlight); border-radius: 4px;"
                " background: palette(alternate-base); }" if on else
                f"QFrame#column_{key} {{ border: 1px solid palette(mid); border-radius: 4px; }}"
            )  # fmt: skip


class ImplementationPage(QWizardPage):
    """Umsetzung: who carries out the measures (several at once are usual)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Umsetzung"))
        self.setSubTitle(self.tr("Wie werden Maßnahmen umgesetzt? Mehreres zugleich ist üblich."))
        columns = QHBoxLayout(self)
        left, right = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addLayout(right, 1)
        self.forms: dict[str, QCheckBox] = {}
        for i, form in enumerate(IMPLEMENTATION):
            label, description = _form_text(form)
            box = QCheckBox(label)
            self.forms[form] = box
            _choice(left if i < 4 else right, box, description)
            if form == "digital_pilots":
                self.pilot_type = QComboBox()
                self.pilot_type.setAccessibleName(self.tr("Art der Lotsinnen und Lotsen"))
                for pilot, text in (("volunteer", self.tr("ehrenamtlich")),
                                    ("qualified_volunteer", self.tr("ehrenamtlich mit Qualifizierung")),
                                    ("full_time", self.tr("hauptamtlich"))):  # fmt: skip
                    self.pilot_type.addItem(text, pilot)
                self.pilot_type.setCurrentIndex(1)
                row = QHBoxLayout()
                row.setContentsMargins(24, 0, 0, 0)
                self.pilot_type_label = QLabel(self.tr("&Art:"))
                self.pilot_type_label.setBuddy(self.pilot_type)
                row.addWidget(self.pilot_type_label)
                row.addWidget(self.pilot_type, 1)
                right.addLayout(row)
                self.pilot_summary = _note("")
                right.addWidget(self.pilot_summary)
                box.toggled.connect(self._pilots_changed)
                self.pilot_type.currentIndexChanged.connect(self._pilots_changed)
        self.forms["line_departments"].setChecked(True)
        left.addStretch(1)
        right.addStretch(1)
        self._pilots_changed()

    def _pilots_changed(self, *_args: object) -> None:
        on = self.forms["digital_pilots"].isChecked()
        for w in (self.pilot_type, self.pilot_type_label, self.pilot_summary):
            w.setEnabled(on)
        role = getattr(guide().pilot_roles, self.pilot_type.currentData())
        lang = current_language()
        label = role.label_en if lang == "en" else role.label_de
        summary = role.summary_en if lang == "en" else role.summary_de
        self.pilot_summary.setText(f"<i>{_escape(label)}:</i> {_escape(summary)}")

    def chosen_pilot_type(self) -> str | None:
        return str(self.pilot_type.currentData()) if self.forms["digital_pilots"].isChecked() else None


class AdvisoryPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Beiräte"))
        self.setSubTitle(self.tr("Welche Beiräte sollen das Vorhaben beraten? Sie beraten die "
                                 "Spitze des Vorhabens; keiner ist Pflicht."))  # fmt: skip
        layout = QVBoxLayout(self)
        self.forms: dict[str, QCheckBox] = {}
        for form in ADVISORY:
            label, description = _form_text(form)
            box = QCheckBox(label)
            self.forms[form] = box
            _choice(layout, box, description)
        layout.addStretch(1)


class SummaryPage(QWizardPage):
    """Zusammenfassung: the units that will be created and the notes of ``build()``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Zusammenfassung"))
        self.setSubTitle(self.tr("Das entsteht mit „Fertigstellen“ als neues, noch nicht "
                                 "gespeichertes Modell. Alles lässt sich danach ändern."))  # fmt: skip
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        layout.addWidget(self.text)

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, GuidedWizard)
        self.show_result(wizard.build())

    def show_result(self, result: guided.Guided) -> None:
        lang = current_language()
        cat = catalog()
        counts = self.tr("{0} Einheiten und {1} Beziehungen:").format(
            len(result.model.nodes), len(result.model.edges))  # fmt: skip
        parts = [f"<h3>{_escape(result.model.meta.title)}</h3>", f"<p>{_escape(counts)}</p>"]
        for level in cat.levels:
            nodes = [n for n in result.model.nodes if n.level == level.id]
            if not nodes:
                continue
            items = "".join(
                f"<li>{_escape(n.label)} <small>({_escape(cat.form(n.form).label.get())})</small></li>"
                if n.form else f"<li>{_escape(n.label)}</li>" for n in nodes
            )  # fmt: skip
            parts.append(f"<p><b>{_escape(level.label.get())}</b></p><ul>{items}</ul>")
        if not result.notes:
            nothing = self.tr("Nichts ergänzt: Die Antworten enthalten alles, was der Leitfaden "
                              "für diese Phase erwartet.")  # fmt: skip
            parts.append(f"<p>{_escape(nothing)}</p>")
        else:
            added = self.tr("Ergänzt, obwohl nicht gewählt (und warum):")
            parts.append(f"<p><b>{_escape(added)}</b></p><ul>")
            parts += [f"<li>{_escape(n.en if lang == 'en' else n.de)}</li>" for n in result.notes]
            parts.append("</ul>")
        parts.append(f"<p><small>{_escape(result.model.meta.description)}</small></p>")
        self.text.setHtml("".join(parts))


class GuidedWizard(QWizard):
    """Datei → „Geführter Start …“. After „Fertigstellen“ :meth:`result_model` is the model."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guided_wizard")
        self.setWindowTitle(self.tr("Geführter Start"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.municipality_page = MunicipalityPage()
        self.bodies_page = BodiesPage()
        self.coordination_page = CoordinationPage()
        self.implementation_page = ImplementationPage()
        self.advisory_page = AdvisoryPage()
        self.summary_page = SummaryPage()
        for page in (self.municipality_page, self.bodies_page, self.coordination_page,
                     self.implementation_page, self.advisory_page, self.summary_page):  # fmt: skip
            self.addPage(page)
        for button, text in ((QWizard.WizardButton.BackButton, self.tr("< &Zurück")),
                             (QWizard.WizardButton.NextButton, self.tr("&Weiter >")),
                             (QWizard.WizardButton.FinishButton, self.tr("&Fertigstellen")),
                             (QWizard.WizardButton.CancelButton, self.tr("Abbrechen"))):  # fmt: skip
            self.setButtonText(button, text)
        self.resize(900, 640)
        self._result: OrgModel | None = None

    def answers(self) -> dict[str, Any]:
        """The answers as ``orgdesigner new --guided`` reads them (docs/cli.md)."""
        m, b = self.municipality_page, self.bodies_page
        regional = m.scope["regional"].isChecked()
        return {
            "municipality": m.name.text().strip(),
            "municipality_kind": m.kind.currentData(),
            "population": m.population.value(),
            "phase": m.chosen_phase(),
            "scope": "regional" if regional else "municipal",
            "member_municipalities": m.members.value() if regional else 0,
            "political": [f for f, box in b.political.items() if box.isChecked()],
            "strategic": [f for f, box in b.strategic.items() if box.isChecked()],
            "coordination": self.coordination_page.chosen(),
            "implementation": [f for f, box in self.implementation_page.forms.items() if box.isChecked()],
            "pilot_type": self.implementation_page.chosen_pilot_type(),
            "advisory": [f for f, box in self.advisory_page.forms.items() if box.isChecked()],
        }  # fmt: skip

    def build(self) -> guided.Guided:
        return guided.build(guided.parse_answers(self.answers()), current_language())

    def accept(self) -> None:
        self._result = self.build().model
        super().accept()

    def result_model(self) -> OrgModel | None:
        """The model made on „Fertigstellen“ (``None`` before or after cancelling)."""
        return self._result
