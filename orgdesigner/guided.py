"""The guided start: a first model from answers about the municipality (no Qt).

The wizard (Datei → „Geführter Start …“) and ``orgdesigner new --guided ANSWERS.json`` ask
about the municipality (kind, population, scope, member municipalities, phase), its political
and strategic bodies, the form of the coordination, the implementation approach and advisory
boards. :func:`build` turns the answers into a laid-out model with the relations the guide
recommends between those units (mandate and reports to the council, the steering circle with
the coordination, coordination of the implementation, departments that send staff into
groups and pilots, boards that advise the top, a mirror structure for an agency).

Where the answers leave out something whose absence the guide warns about – a council, the
administration head, a steering body outside the trial phase, a coordination lead, a
department for the pilots to be tied to – it is added and :attr:`Guided.notes` says what and
why, so the model raises no warnings. Head counts and full-time equivalents are assumptions
by the municipality's size and the description says so.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from orgdesigner.catalog import FORM_LEVEL
from orgdesigner.errors import OrgDesignerError
from orgdesigner.model import Edge, Meta, MunicipalityKind, Node, OrgModel, Phase, PilotType, Scope
from orgdesigner.rules.text import Text

PoliticalForm = Literal["council", "committee", "informal_round"]
StrategicForm = Literal["administration_head", "steering_committee", "operational_steering", "cdo"]
ImplementationForm = Literal[
    "line_departments", "matrix_team", "project_group", "municipal_company", "digital_pilots",
    "external_provider", "external_partner", "member_municipality",
]  # fmt: skip
AdvisoryForm = Literal["expert_board", "ethics_board", "network_board", "participation_board"]
Coordination = Literal[
    "staff_unit", "office", "outsourced_entity", "staff_unit+outsourced_entity", "none"
]
COORDINATIONS: tuple[str, ...] = Coordination.__args__  # type: ignore[attr-defined]

MAX_MEMBER_NODES = 6
"""Up to this many member municipalities get a unit each; more are grouped into sub-regions
of about three (as the Regionallotsen of Mayen-Koblenz serve two or three, S. 51)."""


class Answers(BaseModel):
    """The answers, exactly the keys of ``docs/cli.md`` (all required, nothing else)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    municipality: Annotated[str, Field(max_length=300)]
    municipality_kind: MunicipalityKind
    population: Annotated[int, Field(ge=0, le=100_000_000)]
    phase: Phase
    scope: Scope
    member_municipalities: Annotated[int, Field(ge=0, le=1000)]
    political: tuple[PoliticalForm, ...]
    strategic: tuple[StrategicForm, ...]
    coordination: Coordination
    implementation: tuple[ImplementationForm, ...]
    pilot_type: PilotType | None
    advisory: tuple[AdvisoryForm, ...]


class AnswersError(OrgDesignerError):
    """The answers file is missing, not JSON, or an answer is wrong (the key is named)."""


def _key_of(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in loc) or "(Antworten)"


def parse_answers(data: Any, path: Path | None = None) -> Answers:
    """Validate ``data`` (parsed JSON); :class:`AnswersError` names the first wrong key."""
    try:
        return Answers.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = _key_of(err["loc"])
        kind = err["type"]
        if kind == "missing":
            de, en = "die Antwort fehlt", "the answer is missing"
        elif kind == "extra_forbidden":
            de, en = "diese Frage gibt es nicht", "there is no such question"
        elif kind in ("greater_than_equal", "less_than_equal"):
            de, en = f"„{err.get('input')}“ liegt außerhalb des erlaubten Bereichs", (
                f"“{err.get('input')}” is out of range")
        elif kind in ("literal_error", "enum"):
            allowed = err.get("ctx", {}).get("expected", "")
            de = f"„{err.get('input')}“ ist keine erlaubte Antwort (erlaubt: {allowed})"
            en = f"“{err.get('input')}” is not an allowed answer (allowed: {allowed})"
        else:
            de = en = err["msg"]
        raise AnswersError("answers", f"Antwort „{key}“: {de}.", f"Answer “{key}”: {en}.",
                           path) from exc  # fmt: skip


def load_answers(path: Path) -> Answers:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise AnswersError("answers", "Die Antwortdatei lässt sich nicht lesen.",
                           "The answers file cannot be read.", path) from exc  # fmt: skip
    if len(text) > 1_000_000:
        raise AnswersError("answers", "Die Antwortdatei ist zu groß.", "The answers file is too big.", path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AnswersError("answers", f"Die Antwortdatei ist kein JSON (Zeile {exc.lineno}).",
                           f"The answers file is not JSON (line {exc.lineno}).", path) from exc  # fmt: skip
    return parse_answers(data, path)


@dataclass
class Guided:
    model: OrgModel
    notes: list[Text] = field(default_factory=list)
    """What was added although the answers left it out, and why (the guide's reason)."""


# -- words ------------------------------------------------------------------------------------
HEAD = {
    "city": Text("Oberbürgermeister:in", "Lord mayor"),
    "municipality": Text("Bürgermeister:in", "Mayor"),
    "district": Text("Landrät:in", "District administrator"),
    "association": Text("Verbandsbürgermeister:in", "Mayor of the association"),
}
COUNCIL = {
    "city": Text("Stadtrat", "City council"),
    "municipality": Text("Gemeinderat", "Municipal council"),
    "district": Text("Kreistag", "District assembly"),
    "association": Text("Verbandsgemeinderat", "Association council"),
}
LABELS: dict[str, Text] = {
    "committee": Text("Ausschuss für Digitalisierung und Smart City", "Committee for digitalisation and smart city"),
    "informal_round": Text("Smart-City-Stammtisch", "Smart-city round table"),
    "steering_committee": Text("Lenkungskreis Smart City", "Smart-city steering committee"),
    "operational_steering": Text("Steuerungsrunde der Amtsleitungen", "Steering round of the department heads"),
    "cdo": Text("Chief Digital Officer", "Chief Digital Officer"),
    "coordination_lead": Text("Projektleitung Smart City", "Smart-city project lead"),
    "staff_unit": Text("Stabsstelle Smart City", "Smart-city staff unit"),
    "office": Text("Amt für Digitalisierung", "Digitalisation office"),
    "outsourced_entity": Text("Digitalagentur GmbH", "Digital agency (company)"),
    "extended_circle": Text("Ämterübergreifender Arbeitskreis", "Cross-departmental working circle"),
    "line_departments": Text("Fachämter", "Specialist departments"),
    "matrix_team": Text("Smart-City-Team (Matrix)", "Smart-city team (matrix)"),
    "municipal_company": Text("Kommunale Unternehmen (z. B. Stadtwerke)", "Municipal companies (e.g. utilities)"),
    "digital_pilots": Text("Digitallotsinnen und -lotsen", "Digital pilots"),
    "external_provider": Text("Externer Dienstleister", "External service provider"),
    "external_partner": Text("Externe Partner", "External partners"),
    "expert_board": Text("Fachbeirat Smart City", "Smart-city expert board"),
    "ethics_board": Text("Ethikbeirat", "Ethics board"),
    "network_board": Text("Netzwerkbeirat", "Network board"),
    "participation_board": Text("Beteiligungsbeirat", "Participation board"),
    "mayors": Text("Bürgermeisterkonferenz", "Conference of mayors"),
}  # fmt: skip


def _staffing(population: int) -> tuple[int, float]:
    """An assumed core team by size: the guide sees one full-time equivalent for the
    coordinating role from 15,000 inhabitants (4.2, S. 22 ff.)."""
    if population < 15_000:
        return 1, 1.0
    if population < 100_000:
        return 3, 2.5
    return 4, 4.0


# -- building ---------------------------------------------------------------------------------
class _Draft:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.nodes: list[Node] = []
        self.edges: list[Edge] = []

    def text(self, t: Text) -> str:
        return t.en if self.lang == "en" else t.de

    def node(self, node_id: str, form: str, label: Text | str, **attrs: Any) -> str:
        name = label if isinstance(label, str) else self.text(label)
        self.nodes.append(Node(id=node_id, level=FORM_LEVEL[form], form=form, label=name, **attrs))
        return node_id

    def edge(self, kind: str, source: str, target: str, label: Text | str = "", **attrs: Any) -> None:
        text = label if isinstance(label, str) else self.text(label)
        self.edges.append(Edge(id=f"e{len(self.edges) + 1}", type=kind, source=source,
                               target=target, label=text, **attrs))  # fmt: skip

    def has(self, node_id: str) -> bool:
        return any(n.id == node_id for n in self.nodes)


def build(answers: Answers, lang: str = "de") -> Guided:
    """The model the answers describe (laid out, unsaved) and the notes on what was added."""
    a = answers
    d = _Draft(lang)
    notes: list[Text] = []
    pilot = a.phase == "pilot"
    regional = a.scope == "regional"

    # political level: the council decides (4.1, S. 19 ff.)
    if "council" not in a.political:
        notes.append(Text(
            "Der Rat ist ergänzt: Grundsatzentscheidungen trifft das demokratisch legitimierte "
            "Gremium (Kap. 4.1, S. 19 ff.).",
            "The council is added: basic decisions are taken by the democratically legitimised "
            "body (ch. 4.1, p. 19 ff.).",
        ))  # fmt: skip
    d.node("rat", "council", COUNCIL[a.municipality_kind])
    if "committee" in a.political:
        d.node("ausschuss", "committee", LABELS["committee"])
        d.edge("reports_to", "ausschuss", "rat", Text("bereitet Beschlüsse vor", "prepares decisions"))
    # strategic level: the head always; a steering body outside the trial phase (4.1, B. 2)
    if "administration_head" not in a.strategic:
        notes.append(Text(
            "Die Verwaltungsspitze ist ergänzt: Smart City braucht sie als „Chefsache“ "
            "(Botschaft 2, S. 46).",
            "The head of administration is added: smart city needs it as a matter for the top "
            "(message 2, p. 46).",
        ))  # fmt: skip
    d.node("spitze", "administration_head", HEAD[a.municipality_kind])
    d.edge("mandates", "rat", "spitze", Text("Beschluss der Smart-City-Strategie", "adopts the smart-city strategy"))
    d.edge("reports_to", "spitze", "ausschuss" if d.has("ausschuss") else "rat",
           Text("Sachstandsbericht", "progress report"))  # fmt: skip
    if "informal_round" in a.political:
        d.node("stammtisch", "informal_round", LABELS["informal_round"], cadence="quarterly")
        d.edge("informs", "spitze", "stammtisch", Text("Austausch", "exchange"))
    steering = "steering_committee" in a.strategic
    if not steering and not pilot and "operational_steering" not in a.strategic:
        notes.append(Text(
            "Ein Lenkungskreis ist ergänzt: Alle betrachteten Smart Cities steuern ihr Vorhaben "
            "über ein Gremium auf oberster Verwaltungsebene (Kap. 4.1, S. 19 ff.).",
            "A steering committee is added: all smart cities studied steer their programme "
            "through a body at the top of the administration (ch. 4.1, p. 19 ff.).",
        ))  # fmt: skip
        steering = True
    top = "spitze"
    if steering:
        if regional and a.member_municipalities > 0:
            d.node("lenkung", "steering_committee", LABELS["mayors"], cadence="half_yearly")
            d.edge("cooperates", "spitze", "lenkung",
                   Text("Kooperationsvereinbarung", "cooperation agreement"), contract=True)  # fmt: skip
        else:
            d.node("lenkung", "steering_committee", LABELS["steering_committee"], cadence="half_yearly")
        d.edge("reports_to", "lenkung", "spitze")
        top = "lenkung"
    if "operational_steering" in a.strategic:
        d.node("steuerung", "operational_steering", LABELS["operational_steering"], cadence="monthly")
        d.edge("reports_to", "steuerung", top)
    if "cdo" in a.strategic:
        d.node("cdo", "cdo", LABELS["cdo"])
        d.edge("reports_to", "cdo", "spitze")

    # coordination level (4.2)
    coordination: list[str] = []
    lead: str | None = None
    choice = a.coordination
    needs_coordination = (not pilot) or any(
        f in a.implementation for f in ("digital_pilots", "matrix_team")
    )
    if choice == "none" and needs_coordination:
        notes.append(Text(
            "Eine Projektleitung Smart City ist ergänzt: Ohne Koordination kommt ein Vorhaben nur "
            "in der frühen Erprobung aus (Kap. 4.2, S. 22 ff., Organisationsverständnis 4).",
            "A smart-city project lead is added: a programme does without coordination only in "
            "its early trial phase (ch. 4.2, p. 22 ff., understanding 4).",
        ))  # fmt: skip
    persons, fte = _staffing(a.population)
    scope = {"scope": "regional"} if regional else {}
    if choice != "none" or needs_coordination:
        lead = d.node("projektleitung", "coordination_lead", LABELS["coordination_lead"],
                      persons=1, fte=1.0 if choice == "none" else None, **scope)  # fmt: skip
        d.edge("reports_to", lead, top, Text("Sachstand", "progress"))
        if top != "spitze":
            d.edge("reports_to", lead, "spitze")
        coordination.append(lead)
        if "operational_steering" in a.strategic:
            d.edge("informs", lead, "steuerung", Text("nimmt teil", "takes part"))
        if "cdo" in a.strategic:
            d.edge("informs", "cdo", lead)
    if choice in ("staff_unit", "staff_unit+outsourced_entity"):
        d.node("stabsstelle", "staff_unit", LABELS["staff_unit"], persons=persons, fte=fte, **scope)
        d.edge("reports_to", "stabsstelle", "spitze")
        d.edge("supervises", "projektleitung", "stabsstelle", Text("leitet", "leads"))
        coordination.append("stabsstelle")
    if choice == "office":
        d.node("amt", "office", LABELS["office"], persons=persons, fte=fte, **scope)
        d.edge("reports_to", "amt", top)
        d.edge("supervises", "projektleitung", "amt", Text("leitet", "leads"))
        coordination.append("amt")
    if choice in ("outsourced_entity", "staff_unit+outsourced_entity"):
        d.node("agentur", "outsourced_entity", LABELS["outsourced_entity"],
               persons=persons, fte=fte, **scope)  # fmt: skip
        d.edge("reports_to", "agentur", top)
        mirror = "stabsstelle" if choice == "staff_unit+outsourced_entity" else "projektleitung"
        d.edge("liaison", mirror, "agentur", Text("Spiegelstruktur", "mirror structure"))
        coordination.append("agentur")
    coordinator = next((c for c in ("stabsstelle", "amt", "agentur") if d.has(c)), lead)

    # implementation level (4.3)
    impl = list(dict.fromkeys(a.implementation))
    implementing = {"line_departments", "matrix_team", "project_group", "municipal_company",
                    "member_municipality"}  # fmt: skip
    if not implementing & set(impl) and not (regional and a.member_municipalities):
        notes.append(Text(
            "Die Fachämter sind ergänzt: Maßnahmen konzipieren und umsetzen muss eine Einheit "
            "der Umsetzungsebene, in der Regel die Fachverwaltung (Kap. 3, Tabelle 1; Kap. 4.3, "
            "S. 30 ff.).",
            "The specialist departments are added: measures must be designed and delivered by a "
            "unit of the implementation level, usually the departments (ch. 3, table 1; ch. 4.3, "
            "p. 30 ff.).",
        ))  # fmt: skip
        impl.insert(0, "line_departments")
    departments: list[str] = []
    if "line_departments" in impl or (
        "digital_pilots" in impl and not {"municipal_company", "member_municipality"} & set(impl)
        and not (regional and a.member_municipalities)
    ):
        if "line_departments" not in impl:
            notes.append(Text(
                "Die Fachämter sind ergänzt: Digitallotsinnen und -lotsen wirken als „doppelte "
                "Botschafter“ zwischen Koordination und ihren Fachbereichen (Botschaft 4, S. 50).",
                "The specialist departments are added: digital pilots act as double ambassadors "
                "between the coordination and their departments (message 4, p. 50).",
            ))  # fmt: skip
        departments.append(d.node("fachaemter", "line_departments", LABELS["line_departments"]))
    members: list[str] = []
    count = a.member_municipalities if regional or "member_municipality" in impl else 0
    if "member_municipality" in impl and count == 0:
        count = 1
    if count:
        groups = count if count <= MAX_MEMBER_NODES else -(-count // 3)
        for k in range(1, groups + 1):
            if count <= MAX_MEMBER_NODES:
                label = Text(f"Mitgliedskommune {k}", f"Member municipality {k}")
            else:
                size = min(3, count - 3 * (k - 1))
                label = Text(f"Kommunen der Teilregion {k} ({size})", f"Municipalities of sub-region {k} ({size})")
            members.append(d.node(f"kommune{k}", "member_municipality", label))
    for unit in departments + members:
        if coordinator:
            d.edge("coordinates", coordinator, unit)
        else:
            d.edge("instructs", "spitze", unit)
    if len(departments + members) >= 2 and not coordinator:
        # without a coordination (trial phase) the departments still exchange (4.3 Tabelle 5)
        d.edge("informs", (departments + members)[0], (departments + members)[1],
               Text("regelmäßiger Austausch", "regular exchange"))  # fmt: skip
    senders = departments + members
    if "municipal_company" in impl:
        company = d.node("unternehmen", "municipal_company", LABELS["municipal_company"])
        d.edge("reports_to", company, top, Text("Geschäftsführung im Gremium", "management in the body"))
        if coordinator:
            d.edge("cooperates", coordinator, company, contract=True)
        senders.append(company)
    if "project_group" in impl:
        for k in (1, 2):
            group = d.node(f"projektgruppe{k}", "project_group",
                           Text(f"Projektgruppe {k}", f"Project group {k}"), cadence="biweekly")  # fmt: skip
            if coordinator:
                d.edge("coordinates", coordinator, group)
            else:
                d.edge("reports_to", group, "spitze")
            for s in senders[:2]:
                d.edge("delegates", s, group)
    if "matrix_team" in impl:
        team = d.node("matrix", "matrix_team", LABELS["matrix_team"], persons=max(6, persons * 2))
        d.edge("reports_to", team, top)
        if coordinator:
            d.edge("coordinates", coordinator, team)
        d.edge("instructs", "cdo" if d.has("cdo") else "spitze", team, Text("fachlich", "on content"))
        for s in senders[:2]:
            d.edge("delegates", s, team)
            d.edge("supervises", s, team, Text("dienstlich", "personnel"))
    if "digital_pilots" in impl:
        pilots_fte = {"volunteer": None, "qualified_volunteer": 0.8, "full_time": 2.0}
        pt = a.pilot_type or "qualified_volunteer"
        pilots = d.node("lotsen", "digital_pilots", LABELS["digital_pilots"], persons=6,
                        fte=pilots_fte[pt], pilot_type=pt)  # fmt: skip
        if coordinator:
            d.edge("coordinates", coordinator, pilots)
        for s in senders[:3]:
            d.edge("delegates", s, pilots)
    if "external_provider" in impl:
        provider = d.node("dienstleister", "external_provider", LABELS["external_provider"])
        d.edge("cooperates", coordinator or "spitze", provider, Text("Auftrag", "contract"), contract=True)
    if "external_partner" in impl:
        partner = d.node("partner", "external_partner", LABELS["external_partner"])
        target = "projektgruppe1" if d.has("projektgruppe1") else (coordinator or "spitze")
        d.edge("cooperates", partner, target)
    if "extended_circle" not in impl and choice == "office" and not (
        {"project_group", "matrix_team", "digital_pilots"} & set(impl)
    ):
        notes.append(Text(
            "Ein ämterübergreifender Arbeitskreis ist ergänzt: Er verkürzt die langen Wege einer "
            "Koordination in der Linie (Kap. 4.2, Tabelle 3, S. 22 ff.).",
            "A cross-departmental working circle is added: it shortens the long ways of a "
            "coordination in the line (ch. 4.2, table 3, p. 22 ff.).",
        ))  # fmt: skip
        circle = d.node("arbeitskreis", "extended_circle", LABELS["extended_circle"], persons=8)
        d.edge("informs", "amt", circle, Text("Austausch", "exchange"))
        for s in senders[:1]:
            d.edge("delegates", s, circle)

    # advisory level (4.4, Botschaft 8: at the top)
    for form in dict.fromkeys(a.advisory):
        board = d.node(form.replace("_board", "beirat"), form, LABELS[form], cadence="half_yearly")
        d.edge("advises", board, top)

    title = Text(f"Smarte Region {a.municipality}", f"Smart region {a.municipality}") if regional \
        else Text(f"Smart City {a.municipality}", f"Smart city {a.municipality}")  # fmt: skip
    description = Text(
        "Mit dem geführten Start aus den Antworten zur Kommune erstellt. Personenzahlen und "
        "Vollzeitäquivalente sind Annahmen nach der Größe der Kommune – bitte anpassen.",
        "Made with the guided start from the answers about the municipality. Head counts and "
        "full-time equivalents are assumptions by the municipality's size – please adjust.",
    )
    meta = Meta(title=d.text(title).strip(), municipality=a.municipality,
                municipality_kind=a.municipality_kind, population=a.population, phase=a.phase,
                scope=a.scope, description=d.text(description))  # fmt: skip
    model = OrgModel(meta=meta, nodes=d.nodes, edges=d.edges)
    from orgdesigner.drawing.autolayout import auto_layout

    positions = auto_layout(model)
    model.nodes = [
        n.model_copy(update=dict(zip(("x", "y"), positions[n.id], strict=True)))
        if n.id in positions else n
        for n in model.nodes
    ]  # fmt: skip
    return Guided(model, notes)
