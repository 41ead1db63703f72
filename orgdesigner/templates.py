"""Templates from the guide: example models an officer can start from.

Each template is named neutrally ("Musterstadt …") and says which municipalities of the
guide inspired it. Built as the guide recommends, each produces no warnings (tested).
The first one is the built-in example model the program opens without a file.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from orgdesigner.catalog import LEVEL_RANK
from orgdesigner.i18n import current_language
from orgdesigner.model import Edge, Meta, Node, OrgModel
from orgdesigner.style import BAND_HEIGHT, BAND_LABEL_WIDTH

_X0 = BAND_LABEL_WIDTH + 30.0
_DX = 215.0
_DY = 28.0


class _Builder:
    """Places nodes left to right in their level's band, in the order they are added."""

    def __init__(self, **meta: Any) -> None:
        self.meta = Meta(**meta)
        self.nodes: list[Node] = []
        self.edges: list[Edge] = []
        self._column: dict[str, int] = defaultdict(int)

    def node(
        self,
        node_id: str,
        level: str,
        form: str | None,
        label: str,
        *,
        column: float | None = None,
        **attrs: Any,
    ) -> str:
        col = self._column[level] if column is None else column
        self._column[level] = int(col) + 1
        self.nodes.append(
            Node(
                id=node_id,
                level=level,
                form=form,
                label=label,
                x=_X0 + col * _DX,
                y=LEVEL_RANK[level] * BAND_HEIGHT + _DY,
                **attrs,
            )
        )
        return node_id

    def rel(self, kind: str, source: str, target: str, **attrs: Any) -> None:
        self.edges.append(
            Edge(id=f"e{len(self.edges) + 1}", type=kind, source=source, target=target, **attrs)
        )

    def build(self) -> OrgModel:
        return OrgModel(meta=self.meta, nodes=self.nodes, edges=self.edges)


@dataclass(frozen=True)
class Template:
    name: str
    title_de: str
    title_en: str
    inspired_de: str
    inspired_en: str
    builder: Callable[[], OrgModel]

    def title(self, lang: str | None = None) -> str:
        return self.title_en if (lang or current_language()) == "en" else self.title_de

    def inspired(self, lang: str | None = None) -> str:
        return self.inspired_en if (lang or current_language()) == "en" else self.inspired_de

    def build(self) -> OrgModel:
        return self.builder()


# ---------------------------------------------------------------------------
def _stabsstelle() -> OrgModel:
    b = _Builder(
        title="Musterstadt – Stabsstelle Smart City mit Projektgruppen",
        municipality="Musterstadt",
        municipality_kind="city",
        population=62000,
        phase="implementation",
        scope="municipal",
        status="draft",
        version="1",
        description="Mittelstadt mit einer Stabsstelle Smart City beim Oberbürgermeister, "
        "Lenkungskreis, Projektgruppen und Digitallotsen. Angelehnt an die in der Arbeitshilfe "
        "beschriebene häufigste Form der Modellprojekte Smart Cities (Kap. 4.2, 4.3).",
    )
    b.node("rat", "political", "council", "Stadtrat")
    b.node("aus", "political", "committee", "Ausschuss für Digitalisierung")
    b.node("ob", "strategic", "administration_head", "Oberbürgermeisterin")
    b.node(
        "lk", "strategic", "steering_committee", "Lenkungskreis Smart City", cadence="half_yearly"
    )
    b.node(
        "ops",
        "strategic",
        "operational_steering",
        "Steuerungsrunde Amtsleitungen",
        cadence="monthly",
    )
    b.node(
        "lead",
        "coordination",
        "coordination_lead",
        "Projektleitung Smart City",
        lead="Projektleiterin Smart City",
        deputy="Stellv. Projektleitung",
        persons=1,
        fte=1.0,
    )
    b.node(
        "stab",
        "coordination",
        "staff_unit",
        "Stabsstelle Smart City",
        persons=4,
        fte=3.5,
        lead="Projektleiterin Smart City",
        deputy="Stellv. Projektleitung",
    )
    b.node(
        "pg1", "implementation", "project_group", "Projektgruppe Mobilität", lead="Amt für Verkehr"
    )
    b.node(
        "pg2",
        "implementation",
        "project_group",
        "Projektgruppe Daten & Plattform",
        lead="Amt für IT",
    )
    b.node(
        "pg3", "implementation", "project_group", "Projektgruppe Bürgerservice", lead="Bürgeramt"
    )
    b.node("fa", "implementation", "line_departments", "Fachämter")
    b.node(
        "lotsen",
        "implementation",
        "digital_pilots",
        "Digitallotsinnen und -lotsen",
        pilot_type="qualified_volunteer",
        persons=8,
        fte=1.6,
    )
    b.node("sw", "implementation", "municipal_company", "Stadtwerke Musterstadt GmbH")
    b.node("beirat", "advisory", "expert_board", "Fachbeirat Smart City", cadence="half_yearly")
    b.rel("mandates", "rat", "ob", label="Ratsbeschluss Smart-City-Strategie")
    b.rel("informs", "ob", "aus")
    b.rel("reports_to", "aus", "rat")
    b.rel("reports_to", "lk", "ob")
    b.rel("reports_to", "ops", "lk")
    b.rel("reports_to", "stab", "ob")
    b.rel("reports_to", "lead", "lk")
    b.rel("cooperates", "lead", "stab")
    b.rel("coordinates", "stab", "pg1")
    b.rel("coordinates", "stab", "pg2")
    b.rel("coordinates", "stab", "pg3")
    b.rel("coordinates", "stab", "lotsen")
    b.rel("delegates", "fa", "pg1")
    b.rel("delegates", "fa", "pg2")
    b.rel("delegates", "fa", "pg3")
    b.rel("delegates", "fa", "lotsen")
    b.rel("delegates", "sw", "pg1")
    b.rel("reports_to", "sw", "lk")
    b.rel("advises", "beirat", "ob")
    return b.build()


def _amt_lotsen() -> OrgModel:
    b = _Builder(
        title="Musterstadt – Amt für Digitalisierung mit Digitallotsen",
        municipality="Musterstadt",
        municipality_kind="city",
        population=180000,
        phase="implementation",
        scope="municipal",
        status="draft",
        version="1",
        description="Die Koordination liegt bei einem Amt in der Linie; ämterübergreifende "
        "Arbeitskreise und Digitallotsen brechen die Linienstruktur auf. Angeregt durch "
        "Pforzheim und Bielefeld (Arbeitshilfe Kap. 4.2, Exkurs Digitallotsen Kap. 4.3).",
    )
    b.node("rat", "political", "council", "Gemeinderat")
    b.node("ob", "strategic", "administration_head", "Oberbürgermeister")
    b.node("vv", "strategic", "steering_committee", "Verwaltungsvorstand", cadence="quarterly")
    b.node(
        "amt",
        "coordination",
        "office",
        "Amt für Digitalisierung",
        persons=9,
        fte=8.0,
        lead="Amtsleiterin Digitalisierung",
        deputy="Stellv. Amtsleitung",
    )
    b.node(
        "ak",
        "coordination",
        "extended_circle",
        "Ämterübergreifender Arbeitskreis Smart City",
        persons=12,
    )
    b.node("fa", "implementation", "line_departments", "Fachämter")
    b.node(
        "lotsen",
        "implementation",
        "digital_pilots",
        "Digitallotsinnen und -lotsen",
        pilot_type="qualified_volunteer",
        persons=20,
        fte=4.0,
    )
    b.node(
        "pg", "implementation", "project_group", "Projektgruppe Open Data", lead="Vermessungsamt"
    )
    b.rel("mandates", "rat", "ob", label="Digitalstrategie")
    b.rel("reports_to", "vv", "ob")
    b.rel("reports_to", "amt", "vv")
    b.rel("instructs", "ob", "amt")
    b.rel("cooperates", "amt", "ak")
    b.rel("coordinates", "amt", "lotsen")
    b.rel("coordinates", "amt", "pg")
    b.rel("coordinates", "amt", "fa")
    b.rel("delegates", "fa", "lotsen")
    b.rel("delegates", "fa", "pg")
    b.rel("delegates", "fa", "ak")
    return b.build()


def _stab_agentur() -> OrgModel:
    b = _Builder(
        title="Musterstadt – Stabsstelle Digitalisierung und Digitalagentur GmbH",
        municipality="Musterstadt",
        municipality_kind="city",
        population=100000,
        phase="implementation",
        scope="municipal",
        status="draft",
        version="1",
        description="Eine Stabsstelle in der Verwaltung und eine städtische Digitalagentur "
        "koordinieren gemeinsam; die Stabsstelle ist die Spiegelstruktur der GmbH. Angeregt "
        "durch Kaiserslautern (Arbeitshilfe Kap. 4.2, Tabelle 4; Botschaft 10).",
    )
    b.node("rat", "political", "council", "Stadtrat")
    b.node("ob", "strategic", "administration_head", "Oberbürgermeister")
    b.node(
        "lk",
        "strategic",
        "steering_committee",
        "Lenkungskreis Digitalisierung",
        cadence="half_yearly",
    )
    b.node(
        "stab",
        "coordination",
        "staff_unit",
        "Stabsstelle Digitalisierung",
        persons=3,
        fte=3.0,
        lead="Chief Digital Officer",
        deputy="Referentin Digitalisierung",
    )
    b.node(
        "gmbh",
        "coordination",
        "outsourced_entity",
        "Digitalagentur GmbH",
        persons=25,
        fte=22.0,
        lead="Geschäftsführung Digitalagentur",
        deputy="Prokurist",
    )
    b.node("fa", "implementation", "line_departments", "Fachreferate")
    b.node(
        "pg", "implementation", "project_group", "Projektteams Smart City", lead="Digitalagentur"
    )
    b.node("sw", "implementation", "municipal_company", "Stadtwerke Musterstadt")
    b.node("eth", "advisory", "ethics_board", "Ethikbeirat Daten", cadence="quarterly")
    b.rel("mandates", "rat", "ob")
    b.rel("reports_to", "lk", "ob")
    b.rel("reports_to", "stab", "ob")
    b.rel("reports_to", "gmbh", "lk")
    b.rel("liaison", "stab", "gmbh", label="Spiegelstruktur")
    b.rel("coordinates", "gmbh", "pg")
    b.rel("coordinates", "stab", "fa")
    b.rel("delegates", "fa", "pg")
    b.rel("delegates", "sw", "pg")
    b.rel("reports_to", "sw", "lk")
    b.rel("advises", "eth", "lk")
    return b.build()


def _matrix() -> OrgModel:
    b = _Builder(
        title="Musterstadt – Matrixorganisation im Stadtkonzern",
        municipality="Musterstadt",
        municipality_kind="city",
        population=360000,
        phase="implementation",
        scope="municipal",
        status="draft",
        version="1",
        description="Ein Smart-City-Team als Matrix aus Mitarbeitenden der Fachbereiche und der "
        "städtischen Gesellschaften; die Geschäftsführungen sitzen im Lenkungskreis. Angeregt "
        "durch Bochum und Solingen (Arbeitshilfe Kap. 4.1, 4.3, Tabelle 6).",
    )
    b.node("rat", "political", "council", "Rat der Stadt")
    b.node("aus", "political", "committee", "Ausschuss Digitalisierung")
    b.node("ob", "strategic", "administration_head", "Oberbürgermeister")
    b.node(
        "lk",
        "strategic",
        "steering_committee",
        "Lenkungskreis Stadtkonzern",
        cadence="half_yearly",
        notes="Mit den Geschäftsführungen der städtischen Gesellschaften",
    )
    b.node("cdo", "strategic", "cdo", "Chief Digital Officer", lead="CDO", deputy="Stellv. CDO")
    b.node(
        "stab",
        "coordination",
        "staff_unit",
        "Stabsstelle Smart City",
        persons=4,
        fte=4.0,
        lead="Leiter Stabsstelle",
        deputy="Stellv. Leitung Stabsstelle",
    )
    b.node("fa", "implementation", "line_departments", "Fachbereiche")
    b.node(
        "mx",
        "implementation",
        "matrix_team",
        "Smart City Innovation Unit",
        persons=14,
        fte=7.0,
        lead="Teamleitung Innovation Unit",
    )
    b.node("sw", "implementation", "municipal_company", "Stadtwerke")
    b.node("wf", "implementation", "municipal_company", "Wirtschaftsförderung GmbH")
    b.node(
        "nb", "advisory", "network_board", "Netzwerkbeirat Digitale Stadt", cadence="half_yearly"
    )
    b.rel("mandates", "rat", "ob")
    b.rel("reports_to", "aus", "rat")
    b.rel("informs", "ob", "aus")
    b.rel("reports_to", "lk", "ob")
    b.rel("reports_to", "cdo", "ob")
    b.rel("reports_to", "stab", "cdo")
    b.rel("coordinates", "stab", "mx")
    b.rel("instructs", "cdo", "mx", label="fachlich")
    b.rel("supervises", "fa", "mx", label="dienstlich")
    b.rel("delegates", "fa", "mx")
    b.rel("delegates", "sw", "mx")
    b.rel("delegates", "wf", "mx")
    b.rel("reports_to", "mx", "lk")
    b.rel("reports_to", "sw", "lk")
    b.rel("reports_to", "wf", "lk")
    b.rel("advises", "nb", "lk")
    return b.build()


def _region() -> OrgModel:
    b = _Builder(
        title="Musterkreis – Smarte Region mit Regionallotsen",
        municipality="Landkreis Musterkreis",
        municipality_kind="district",
        population=215000,
        phase="implementation",
        scope="regional",
        status="draft",
        version="1",
        description="Ein Landkreis koordiniert die smarte Region mit seinen kreisangehörigen "
        "Kommunen auf Grundlage einer Kooperationsvereinbarung; Regionallotsen sichern den "
        "Zugang in die Rathäuser. Angeregt durch den Landkreis Mayen-Koblenz (Arbeitshilfe "
        "Kap. 4.2, Exkurs Digitallotsen in Kap. 4.3, Botschaft 4).",
    )
    b.node("kt", "political", "council", "Kreistag")
    b.node("bm", "political", "informal_round", "Bürgermeisterkonferenz", cadence="quarterly")
    b.node("lr", "strategic", "administration_head", "Landrat")
    b.node(
        "lk",
        "strategic",
        "steering_committee",
        "Lenkungsgruppe Smarte Region",
        cadence="half_yearly",
    )
    b.node(
        "reg",
        "coordination",
        "staff_unit",
        "Stabsstelle Smarte Region",
        scope="regional",
        persons=5,
        fte=4.5,
        lead="Regionalmanagerin",
        deputy="Stellv. Regionalmanagement",
    )
    b.node(
        "lotsen",
        "implementation",
        "digital_pilots",
        "Regionallotsinnen und -lotsen",
        pilot_type="full_time",
        persons=4,
        fte=4.0,
    )
    b.node(
        "kom", "implementation", "line_departments", "Verwaltungen der kreisangehörigen Kommunen"
    )
    b.node(
        "pg", "implementation", "project_group", "Regionale Projektgruppen", lead="je eine Kommune"
    )
    b.node("hs", "implementation", "external_partner", "Hochschule der Region")
    b.node(
        "beirat",
        "advisory",
        "participation_board",
        "Bürgerbeirat Smarte Region",
        cadence="half_yearly",
    )
    b.rel("mandates", "kt", "lr")
    b.rel("reports_to", "lk", "lr")
    b.rel("informs", "lr", "bm")
    b.rel("cooperates", "lr", "bm", contract=True, label="Kooperationsvereinbarung")
    b.rel("reports_to", "reg", "lr")
    b.rel("reports_to", "reg", "lk")
    b.rel("coordinates", "reg", "lotsen")
    b.rel("coordinates", "reg", "pg")
    b.rel("cooperates", "lotsen", "kom", contract=True)
    b.rel("delegates", "kom", "pg")
    b.rel("cooperates", "hs", "pg", contract=True)
    b.rel("advises", "beirat", "lk")
    return b.build()


def _pilot() -> OrgModel:
    b = _Builder(
        title="Mustergemeinde – kleine Gemeinde in der Erprobung",
        municipality="Mustergemeinde",
        municipality_kind="municipality",
        population=9000,
        phase="pilot",
        scope="municipal",
        status="draft",
        version="1",
        description="Kleine Gemeinde, die Smart City mit ersten Maßnahmen erprobt: Die "
        "Koordination liegt bei einer Person im Hauptamt, die Verwaltung wird mit einem "
        "kurzen Austauschformat eingebunden. Angeregt durch Eichenzell und seine „smarte "
        "halbe Stunde“ (Arbeitshilfe Kap. 4.2, 4.3, Botschaft 3).",
    )
    b.node("gr", "political", "council", "Gemeindevertretung")
    b.node("bgm", "strategic", "administration_head", "Bürgermeister")
    b.node(
        "lk", "strategic", "operational_steering", "Steuerungsrunde Smart City", cadence="monthly"
    )
    b.node(
        "lead",
        "coordination",
        "coordination_lead",
        "Smart-City-Koordination im Hauptamt",
        lead="Sachbearbeiterin Smart City",
        deputy="Hauptamtsleiter",
        persons=1,
        fte=0.75,
    )
    b.node(
        "fa",
        "implementation",
        "line_departments",
        "Fachbereiche der Gemeinde",
        lead="Sachbearbeiterin Smart City",
    )
    b.node("gw", "implementation", "municipal_company", "Gemeindewerke")
    b.rel("mandates", "gr", "bgm")
    b.rel("reports_to", "lk", "bgm")
    b.rel("reports_to", "lead", "bgm")
    b.rel("reports_to", "lead", "lk")
    b.rel("coordinates", "lead", "fa")
    b.rel("informs", "lead", "fa", label="„smarte halbe Stunde“ alle acht Wochen")
    b.rel("coordinates", "lead", "gw")
    b.rel("reports_to", "gw", "lk")
    return b.build()


TEMPLATES: tuple[Template, ...] = (
    Template(
        "stabsstelle",
        "Musterstadt – Stabsstelle Smart City mit Projektgruppen",
        "Model town – smart-city staff unit with project groups",
        "Angelehnt an die häufigste Form der Modellprojekte Smart Cities (Kap. 4.2, 4.3)",
        "Based on the most common form among the German smart-city model projects (ch. 4.2, 4.3)",
        _stabsstelle,
    ),
    Template(
        "amt-lotsen",
        "Musterstadt – Amt für Digitalisierung mit Digitallotsen",
        "Model town – digitalisation office with digital pilots",
        "Angeregt durch Pforzheim und Bielefeld (Kap. 4.2, 4.3)",
        "Inspired by Pforzheim and Bielefeld (ch. 4.2, 4.3)",
        _amt_lotsen,
    ),
    Template(
        "stabsstelle-agentur",
        "Musterstadt – Stabsstelle und Digitalagentur GmbH",
        "Model town – staff unit and digital agency company",
        "Angeregt durch Kaiserslautern (Kap. 4.2, Tabelle 4, Botschaft 10)",
        "Inspired by Kaiserslautern (ch. 4.2, table 4, message 10)",
        _stab_agentur,
    ),
    Template(
        "matrix",
        "Musterstadt – Matrixorganisation im Stadtkonzern",
        "Model town – matrix organisation across the city group",
        "Angeregt durch Bochum und Solingen (Kap. 4.1, 4.3, Tabelle 6)",
        "Inspired by Bochum and Solingen (ch. 4.1, 4.3, table 6)",
        _matrix,
    ),
    Template(
        "smarte-region",
        "Musterkreis – Smarte Region mit Regionallotsen",
        "Model district – smart region with regional pilots",
        "Angeregt durch den Landkreis Mayen-Koblenz (Kap. 4.2, 4.3, Botschaft 4)",
        "Inspired by the district of Mayen-Koblenz (ch. 4.2, 4.3, message 4)",
        _region,
    ),
    Template(
        "kleine-gemeinde",
        "Mustergemeinde – kleine Gemeinde in der Erprobung",
        "Model municipality – small municipality in its pilot phase",
        "Angeregt durch Eichenzell (Kap. 4.2, 4.3, Botschaft 3)",
        "Inspired by Eichenzell (ch. 4.2, 4.3, message 3)",
        _pilot,
    ),
)


def available() -> dict[str, Template]:
    return {t.name: t for t in TEMPLATES}


def example_model() -> OrgModel:
    """The built-in example model the program opens without a file."""
    return TEMPLATES[0].build()
