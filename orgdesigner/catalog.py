"""The catalog: levels, organisation forms and relation types, with the guide's content.

Everything here is data shipped in ``resources/catalog/`` (``catalog.json`` for the
contract ids, labels and citations; ``guide_content.json`` for the guide's tables,
characterisations, Botschaften and reflection questions). It is loaded and validated once;
a broken catalog fails the test suite, never a user.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache, cached_property
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, model_validator

from orgdesigner.i18n import current_language
from orgdesigner.paths import resource

LevelId = Literal["political", "strategic", "coordination", "implementation", "advisory"]
FormId = Literal[
    "council",
    "committee",
    "informal_round",
    "administration_head",
    "steering_committee",
    "operational_steering",
    "cdo",
    "coordination_lead",
    "staff_unit",
    "office",
    "outsourced_entity",
    "extended_circle",
    "line_departments",
    "matrix_team",
    "project_group",
    "municipal_company",
    "digital_pilots",
    "external_provider",
    "external_partner",
    "member_municipality",
    "expert_board",
    "ethics_board",
    "network_board",
    "participation_board",
]
RelationId = Literal[
    "mandates",
    "reports_to",
    "instructs",
    "supervises",
    "coordinates",
    "advises",
    "delegates",
    "cooperates",
    "liaison",
    "informs",
]

FunctionId = Literal[
    "basic_decisions",
    "resource_provision",
    "representation",
    "strategic_decisions",
    "cross_department_links",
    "conflict_resolution",
    "network_coordination",
    "process_coordination",
    "measure_coordination",
    "resource_coordination",
    "strategy_development",
    "reporting",
    "public_participation",
    "funding_management",
    "evaluation",
    "measure_design",
    "measure_delivery",
    "external_input",
]
"""The functions of DOMAIN.md §7 (Tabelle 1 and the four coordination fields of 4.2)."""

LEVEL_IDS: tuple[LevelId, ...] = LevelId.__args__  # type: ignore[attr-defined]
FORM_IDS: tuple[FormId, ...] = FormId.__args__  # type: ignore[attr-defined]
RELATION_IDS: tuple[RelationId, ...] = RelationId.__args__  # type: ignore[attr-defined]
FUNCTION_IDS: tuple[FunctionId, ...] = FunctionId.__args__  # type: ignore[attr-defined]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Strict):
    """A text in German (primary) and English."""

    de: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str | None = None) -> str:
        return self.en if (lang or current_language()) == "en" else self.de

    def __str__(self) -> str:
        return self.get()


SECTIONS: dict[str, int] = {
    "1": 6, "2": 10, "2.1": 10, "2.2": 11, "3": 13, "4": 17, "4.1": 19, "4.2": 22, "4.3": 30,
    "4.4": 39, "4.5": 40, "5": 43, "5.1": 44, "5.2": 46, "5.3": 48, "5.4": 50, "5.5": 52,
    "5.6": 54, "5.7": 56, "5.8": 58, "5.9": 60, "5.10": 62,
}  # fmt: skip
"""The guide's table of contents: each chapter's or section's first page ("Inhalt")."""
LITERATURE_PAGE = 64
"""The page after the last section (Literatur)."""


def botschaft_section(number: int) -> str:
    """Botschaft ``number``'s section: Botschaft 4 is section 5.4 (table of contents)."""
    return f"5.{number}"


def section_end(chapter: str) -> int:
    """The last page a passage of ``chapter`` can be on: the first page of the next section
    that is not inside it (a section may end on the page where the next one begins)."""
    start = SECTIONS[chapter]
    later = [p for c, p in SECTIONS.items() if p > start and not c.startswith(chapter + ".")]
    return min(later, default=LITERATURE_PAGE)


class Citation(_Strict):
    """A place in the guide (DOMAIN.md §6d): chapter or section, optional table or Botschaft,
    and a page. A Botschaft is cited by its own section and page (Botschaft 4: Kap. 5.4,
    S. 50); a passage inside a chapter by the section's first page with „ff.“
    (``page_follows``) unless the exact page is certain. The validator holds every citation
    to the table of contents (:data:`SECTIONS`)."""

    chapter: str = Field(pattern=r"^[1-5](\.[0-9]{1,2})?$")
    page: int = Field(ge=1, le=80)
    table: int | None = Field(default=None, ge=1, le=8)
    botschaft: int | None = Field(default=None, ge=1, le=10)
    page_follows: bool = False

    @model_validator(mode="after")
    def _in_table_of_contents(self) -> Citation:
        if self.chapter not in SECTIONS:
            raise ValueError(f"chapter {self.chapter} is not in the guide's table of contents")
        if self.botschaft is not None:
            section = botschaft_section(self.botschaft)
            if self.chapter != section or self.page != SECTIONS[section]:
                raise ValueError(
                    f"Botschaft {self.botschaft} is cited as Kap. {section}, "
                    f"S. {SECTIONS[section]}, not Kap. {self.chapter}, S. {self.page}"
                )
        elif not SECTIONS[self.chapter] <= self.page <= section_end(self.chapter):
            raise ValueError(f"page {self.page} is not in Kap. {self.chapter}")
        return self

    def format(self, lang: str | None = None) -> str:
        """Return the citation as users read it, e.g. ``Kap. 4.2, Tabelle 2, S. 22 ff.``."""
        en = (lang or current_language()) == "en"
        parts = [("Chapter " if en else "Kap. ") + self.chapter]
        if self.table is not None:
            parts.append(("Table " if en else "Tabelle ") + str(self.table))
        if self.botschaft is not None:
            parts.append(("Message " if en else "Botschaft ") + str(self.botschaft))
        page = ("p. " if en else "S. ") + str(self.page)
        parts.append(page + (" ff." if self.page_follows else ""))
        return ", ".join(parts)

    def to_json(self, lang: str | None = None) -> dict[str, Any]:
        """The documented JSON form (``docs/cli.md``): the parts and the display text."""
        return {
            "chapter": self.chapter,
            "table": self.table,
            "botschaft": self.botschaft,
            "page": self.page,
            "page_follows": self.page_follows,
            "text": self.format(lang),
        }


class Citations(RootModel[tuple[Citation, ...]]):
    """One or more places in the guide: a text with two sources cites both (§6d). Catalog
    data may give a single citation object where there is one source."""

    model_config = ConfigDict(frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _one_or_many(cls, data: Any) -> Any:
        return [data] if isinstance(data, dict | Citation) else data

    @model_validator(mode="after")
    def _not_empty(self) -> Citations:
        if not self.root:
            raise ValueError("at least one citation")
        return self

    def __iter__(self) -> Iterator[Citation]:  # type: ignore[override]
        return iter(self.root)

    def __len__(self) -> int:
        return len(self.root)

    def __getitem__(self, index: int) -> Citation:
        return self.root[index]

    @property
    def botschaften(self) -> tuple[int, ...]:
        return tuple(c.botschaft for c in self.root if c.botschaft is not None)

    def format(self, lang: str | None = None) -> str:
        """All sources as users read them: ``Kap. 4.3, S. 30 ff.; Kap. 5.4, Botschaft 4,
        S. 50``."""
        return "; ".join(c.format(lang) for c in self.root)

    def to_json(self, lang: str | None = None) -> list[dict[str, Any]]:
        return [c.to_json(lang) for c in self.root]

    def __add__(self, other: Citations) -> Citations:
        return Citations(self.root + other.root)


def cite(
    chapter: str, page: int | None = None, *, table: int | None = None, exact: bool = False
) -> Citation:
    """A passage of ``chapter``: on its first page with „ff.“ unless ``page`` is given
    (exact when ``exact`` or when the page is later than the first)."""
    start = SECTIONS[chapter]
    at = start if page is None else page
    return Citation(chapter=chapter, page=at, table=table, page_follows=not exact and at == start)


def botschaft(number: int) -> Citation:
    """Botschaft ``number`` on its own page (table of contents)."""
    section = botschaft_section(number)
    return Citation(chapter=section, page=SECTIONS[section], botschaft=number)


def sources(*citations: Citation) -> Citations:
    return Citations(citations)


class Level(_Strict):
    id: LevelId
    order: int
    label: Text
    short: Text
    optional: bool
    description: Text
    citation: Citations
    botschaften: tuple[Annotated[int, Field(ge=1, le=10)], ...] = Field(
        description="Botschaften (chapter 5) for the level's band and units without a form"
    )


class BotschaftLinks(_Strict):
    """Which Botschaften (chapter 5) concern a form, and the passages that say so."""

    numbers: tuple[Annotated[int, Field(ge=1, le=10)], ...] = Field(min_length=1)
    basis: str = Field(min_length=1, description="the guide's passages, for maintainers")


class Aliases(_Strict):
    """Other names of a form, as officers write them in their own lists (the import
    matches them): „Lenkungskreis“, „Stadtwerke“, „Fachamt“."""

    de: tuple[str, ...] = ()
    en: tuple[str, ...] = ()


class Form(_Strict):
    id: FormId
    level: LevelId
    label: Text
    description: Text
    citation: Citations
    is_body: bool = Field(description="a body that meets (cadence applies)")
    botschaften: BotschaftLinks
    aliases: Aliases = Aliases()
    functions: tuple[FunctionId, ...] = Field(
        description="the functions a unit of this form holds unless the user changes them"
    )


class Function(_Strict):
    """A function every smart-city organisation must distribute (DOMAIN.md §7)."""

    id: FunctionId
    level: LevelId
    """the level where it usually sits"""
    essential: bool
    """uncovered, it gives a warning (else a hint)"""
    label: Text
    description: Text
    citation: Citations


class RelationType(_Strict):
    id: RelationId
    label: Text
    description: Text
    citation: Citations
    directed: bool
    typical_direction: Text = Field(description="DOMAIN.md §3: from which level to which")


class Bullet(_Strict):
    de: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str | None = None) -> str:
        return self.en if (lang or current_language()) == "en" else self.de


class ProsCons(_Strict):
    """Vorzüge/Nachteile of one form, quoted from one table of the guide."""

    table: int = Field(ge=2, le=8)
    chapter: str
    page: int
    caption_de: str
    caption_en: str
    pros: tuple[Bullet, ...] = Field(min_length=1)
    cons: tuple[Bullet, ...] = Field(min_length=1)

    @property
    def citation(self) -> Citations:
        return sources(cite(self.chapter, self.page, table=self.table))


class Characterisation(_Strict):
    """The guide's running text on a form without a table, summarised in our words."""

    citation: Citations
    summary_de: str = Field(min_length=1)
    summary_en: str = Field(min_length=1)

    def summary(self, lang: str | None = None) -> str:
        return self.summary_en if (lang or current_language()) == "en" else self.summary_de


class Role(_Strict):
    label_de: str
    label_en: str
    summary_de: str
    summary_en: str


class PilotRoles(_Strict):
    volunteer: Role
    qualified_volunteer: Role
    full_time: Role
    chapter: str
    page: int

    @property
    def citation(self) -> Citations:
        """Where the passage stands: its section's first page with „ff.“ (§6d)."""
        return sources(cite(self.chapter, self.page))


class LevelTable(_Strict):
    """One row of the guide's Tabelle 1, quoted."""

    table: int
    chapter: str
    page: int
    tasks_de: str
    tasks_en: str
    actors_de: str
    actors_en: str
    names_de: str
    names_en: str

    @property
    def citation(self) -> Citations:
        """Where the passage stands: its section's first page with „ff.“ (§6d)."""
        return sources(cite(self.chapter, self.page, table=self.table))


class Understanding(_Strict):
    number: int
    label_de: str
    label_en: str
    summary_de: str
    summary_en: str


class Understandings(_Strict):
    organising: Understanding
    extended: Understanding
    involved: Understanding
    none: Understanding
    chapter: str
    page: int

    @property
    def citation(self) -> Citations:
        """Where the passage stands: its section's first page with „ff.“ (§6d)."""
        return sources(cite(self.chapter, self.page))


class Question(_Strict):
    id: str = Field(pattern=r"^B([1-9]|10)\.Q[1-9][0-9]?$")
    de: str
    en: str


class Botschaft(_Strict):
    number: int = Field(ge=1, le=10)
    section: str
    page: int
    title_de: str
    title_en: str
    recommendations_de: tuple[str, ...]
    recommendations_en: tuple[str, ...]
    questions: tuple[Question, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _same_counts(self) -> Botschaft:
        if len(self.recommendations_de) != len(self.recommendations_en):
            raise ValueError(f"Botschaft {self.number}: recommendations de/en differ in count")
        for q in self.questions:
            if not q.id.startswith(f"B{self.number}."):
                raise ValueError(f"question {q.id} filed under Botschaft {self.number}")
        return self


class Source(_Strict):
    title: str
    publisher: str
    year: int
    month: str


class GuideContent(_Strict):
    source: Source
    pros_cons: dict[FormId, ProsCons]
    characterisations: dict[FormId, Characterisation]
    pilot_roles: PilotRoles
    levels: dict[LevelId, LevelTable]
    coordination_regional: LevelTable
    understandings: Understandings
    botschaften: tuple[Botschaft, ...] = Field(min_length=10, max_length=10)


class Catalog(_Strict):
    catalog_version: int
    levels: tuple[Level, ...]
    forms: tuple[Form, ...]
    relations: tuple[RelationType, ...]
    functions: tuple[Function, ...]

    @model_validator(mode="after")
    def _complete(self) -> Catalog:
        if tuple(lv.id for lv in sorted(self.levels, key=lambda lv: lv.order)) != LEVEL_IDS:
            raise ValueError("catalog levels must be the five contract levels in order")
        if sorted(f.id for f in self.forms) != sorted(FORM_IDS):
            raise ValueError("catalog forms must be exactly the 24 contract forms")
        if sorted(r.id for r in self.relations) != sorted(RELATION_IDS):
            raise ValueError("catalog relations must be exactly the 10 contract relation types")
        if tuple(f.id for f in self.functions) != FUNCTION_IDS:
            raise ValueError("catalog functions must be the 18 contract functions in order")
        for form in self.forms:
            if len(set(form.functions)) != len(form.functions):
                raise ValueError(f"form {form.id} lists a default function twice")
        return self

    # Lookups by id, built once per catalog (they run per node while a scene is built).
    @cached_property
    def _levels_by_id(self) -> dict[str, Level]:
        return {item.id: item for item in self.levels}

    @cached_property
    def _forms_by_id(self) -> dict[str, Form]:
        return {item.id: item for item in self.forms}

    @cached_property
    def _relations_by_id(self) -> dict[str, RelationType]:
        return {item.id: item for item in self.relations}

    def level(self, level_id: str) -> Level:
        return self._levels_by_id[level_id]

    def form(self, form_id: str) -> Form:
        return self._forms_by_id[form_id]

    def relation(self, relation_id: str) -> RelationType:
        return self._relations_by_id[relation_id]

    @cached_property
    def _functions_by_id(self) -> dict[str, Function]:
        return {item.id: item for item in self.functions}

    def function(self, function_id: str) -> Function:
        return self._functions_by_id[function_id]

    def default_functions(self, form_id: str | None) -> tuple[FunctionId, ...]:
        """The functions a unit of ``form_id`` holds by default (none without a form)."""
        return () if form_id is None else self.form(form_id).functions

    def forms_of(self, level_id: str) -> tuple[Form, ...]:
        return tuple(f for f in self.forms if f.level == level_id)


@cache
def catalog() -> Catalog:
    """Return the catalog, loaded and validated on first use."""
    data = json.loads(resource("catalog", "catalog.json").read_text(encoding="utf-8"))
    return Catalog.model_validate(data)


@cache
def guide() -> GuideContent:
    """Return the guide's content (tables, Botschaften, questions), loaded on first use."""
    data = json.loads(resource("catalog", "guide_content.json").read_text(encoding="utf-8"))
    content = GuideContent.model_validate(data)
    table_forms = {
        "staff_unit",
        "office",
        "outsourced_entity",
        "line_departments",
        "matrix_team",
        "project_group",
        "municipal_company",
    }
    if set(content.pros_cons) != table_forms:
        raise ValueError("pros_cons must cover exactly the seven forms with a table")
    if set(content.characterisations) != set(FORM_IDS) - table_forms:
        raise ValueError("every form without a table needs a characterisation")
    return content


def form_level(form_id: str) -> LevelId:
    """Return the level a form belongs to."""
    return FORM_LEVEL[form_id]


FORM_LEVEL: dict[str, LevelId] = {
    "council": "political",
    "committee": "political",
    "informal_round": "political",
    "administration_head": "strategic",
    "steering_committee": "strategic",
    "operational_steering": "strategic",
    "cdo": "strategic",
    "coordination_lead": "coordination",
    "staff_unit": "coordination",
    "office": "coordination",
    "outsourced_entity": "coordination",
    "extended_circle": "coordination",
    "line_departments": "implementation",
    "matrix_team": "implementation",
    "project_group": "implementation",
    "municipal_company": "implementation",
    "digital_pilots": "implementation",
    "external_provider": "implementation",
    "external_partner": "implementation",
    "member_municipality": "implementation",
    "expert_board": "advisory",
    "ethics_board": "advisory",
    "network_board": "advisory",
    "participation_board": "advisory",
}
"""The form → level table of DOMAIN.md §2; a test checks it against the catalog data."""

LEVEL_RANK: dict[str, int] = {lv: i for i, lv in enumerate(LEVEL_IDS)}
"""Top-to-bottom order of the levels (0 = political)."""

EXTERNAL_FORMS: frozenset[str] = frozenset({"external_provider", "external_partner"})
"""Forms outside the municipal administration (DOMAIN.md §2): external providers and
partners. The relation proposal and the coordination understanding both ask this."""


def form_name(level: str, form: str | None, lang: str | None = None) -> str:
    """What a unit is, in words: its form's label, or its level's short name without one.

    The canvas, the PDF chart, the preview and the rule panel all name units by this."""
    cat = catalog()
    if form is None:
        return cat.level(level).short.get(lang)
    return cat.form(form).label.get(lang)
