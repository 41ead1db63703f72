"""Generate the rule test models in this folder (run from anywhere; rerun after changes).

For each of the 38 rule ids of DOMAIN.md §6 this script writes

* ``<rule-id>.fires.orgmodel.json`` – a small model on which the rule fires, and
* ``<rule-id>.passes.orgmodel.json`` – a close variant on which it does not,

plus ``cases.json`` (rule id → expected severity, expected subjects of the finding and
one sentence on what the close variant changes) and ``guide-recommended.orgmodel.json``,
the base model built as the guide recommends (no warnings, no hints).

Most cases start from that base model, "Smart City Musterstadt" (48,000 inhabitants,
strategy phase): Stadtrat and Digitalausschuss, Oberbürgermeisterin and Lenkungskreis,
a Stabsstelle Smart City with its Projektleitung, two Fachämter, a Projektgruppe,
Digitallotsinnen und -lotsen, the Stadtwerke and a Fachbeirat. The regional cases start
from "Smarte Region Musterland", the same structure for a Landkreis. Node ids are
readable on purpose; nodes sit in the level bands (y: political 40, strategic 160,
coordination 280, implementation 400, advisory 520), so the files double as examples.

``coordination-understanding`` always fires; its case names the understanding of the
fires and the passes model instead (``fires_key``/``passes_key``).

For the rules whose severity depends on the project phase (DOMAIN.md §6b) it also writes
``<rule-id>.<phase>.orgmodel.json``: the fires model (phase ``strategy``) in another
phase (:data:`PHASE_TWINS`).
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from orgdesigner.catalog import FORM_LEVEL  # noqa: E402
from orgdesigner.fileformat import save  # noqa: E402
from orgdesigner.model import OrgModel  # noqa: E402

LEVEL_Y = {"political": 40, "strategic": 160, "coordination": 280, "implementation": 400,
           "advisory": 520}  # fmt: skip


class Draft:
    """A model under construction: nodes and edges as plain dicts, easy to vary."""

    def __init__(self, **meta: Any) -> None:
        self.meta: dict[str, Any] = meta
        self.nodes: dict[str, dict[str, Any]] = {}
        self.edges: dict[str, dict[str, Any]] = {}

    def copy(self) -> Draft:
        return copy.deepcopy(self)

    def node(self, node_id: str, form: str, label: str, col: int, *, level: str | None = None,
             **attrs: Any) -> Draft:  # fmt: skip
        lv = level or FORM_LEVEL[form]
        data: dict[str, Any] = {"id": node_id, "level": lv, "form": form or None, "label": label,
                                "x": 40 + 220 * col, "y": LEVEL_Y[lv]}  # fmt: skip
        data.update(attrs)
        self.nodes[node_id] = data
        return self

    def edge(self, edge_id: str, kind: str, source: str, target: str, **attrs: Any) -> Draft:
        self.edges[edge_id] = {"id": edge_id, "type": kind, "source": source, "target": target,
                               **attrs}  # fmt: skip
        return self

    def drop(self, *ids: str) -> Draft:
        """Remove nodes (with their edges) and edges."""
        for i in ids:
            if i in self.nodes:
                del self.nodes[i]
                for e in [e for e, d in self.edges.items() if i in (d["source"], d["target"])]:
                    del self.edges[e]
            else:
                del self.edges[i]
        return self

    def set(self, item_id: str, **attrs: Any) -> Draft:
        target = self.nodes[item_id] if item_id in self.nodes else self.edges[item_id]
        target.update(attrs)
        return self

    def with_meta(self, **meta: Any) -> Draft:
        self.meta.update(meta)
        return self

    def model(self) -> OrgModel:
        nodes = [{k: v for k, v in n.items() if v is not None and v != ""}
                 for n in self.nodes.values()]  # fmt: skip
        edges = [{k: v for k, v in e.items() if v is not None and v != ""}
                 for e in self.edges.values()]  # fmt: skip
        return OrgModel.model_validate({"meta": self.meta, "nodes": nodes, "edges": edges})


def base() -> Draft:
    """Smart City Musterstadt, organised as the guide recommends."""
    d = Draft(title="Smart City Musterstadt", municipality="Musterstadt",
              municipality_kind="city", population=48_000, phase="strategy", scope="municipal",
              author="Referat Smart City", status="proposal", version="1.0",
              description="Organisationsmodell des Smart-City-Vorhabens der Stadt Musterstadt.")  # fmt: skip
    d.node("rat", "council", "Stadtrat", 1, cadence="monthly")
    d.node("ausschuss", "committee", "Ausschuss für Digitalisierung und Smart City", 2,
           cadence="bimonthly")  # fmt: skip
    d.node("ob", "administration_head", "Oberbürgermeisterin", 1,
           lead="Dr. Petra Lange")  # fmt: skip
    d.node("lenkungskreis", "steering_committee", "Lenkungskreis Smart City", 2,
           cadence="half_yearly", lead="Dr. Petra Lange")  # fmt: skip
    d.node("projektleitung", "coordination_lead", "Projektleitung Smart City", 1,
           lead="Jana Becker", deputy="Tobias Wolf")  # fmt: skip
    d.node("stabsstelle", "staff_unit", "Stabsstelle Smart City", 2, persons=3, fte=2.5,
           lead="Jana Becker", deputy="Tobias Wolf", scope="municipal")  # fmt: skip
    d.node("stadtentwicklung", "line_departments", "Amt für Stadtentwicklung", 0,
           lead="Martin Schulz")  # fmt: skip
    d.node("tiefbauamt", "line_departments", "Tiefbauamt", 1, lead="Sabine Roth")
    d.node("pg-mobilitaet", "project_group", "Projektgruppe Mobilität", 2, cadence="biweekly",
           lead="Lena Hoffmann")  # fmt: skip
    d.node("lotsen", "digital_pilots", "Digitallotsinnen und -lotsen", 3, persons=8, fte=0.8,
           pilot_type="qualified_volunteer")  # fmt: skip
    d.node("stadtwerke", "municipal_company", "Stadtwerke Musterstadt GmbH", 4)
    d.node("fachbeirat", "expert_board", "Fachbeirat Digitalisierung", 2, cadence="quarterly")
    d.edge("e-auftrag", "mandates", "rat", "ob", label="Beschluss der Smart-City-Strategie")
    d.edge("e-ausschuss", "reports_to", "ausschuss", "rat", label="bereitet Beschlüsse vor")
    d.edge("e-ob-bericht", "reports_to", "ob", "ausschuss", label="Sachstandsbericht")
    d.edge("e-lk-ausschuss", "informs", "lenkungskreis", "ausschuss")
    d.edge("e-stab-ob", "reports_to", "stabsstelle", "ob")
    d.edge("e-ob-stab", "instructs", "ob", "stabsstelle")
    d.edge("e-pl-lk", "reports_to", "projektleitung", "lenkungskreis")
    d.edge("e-pl-stab", "supervises", "projektleitung", "stabsstelle", label="leitet")
    d.edge("e-koord-se", "coordinates", "stabsstelle", "stadtentwicklung")
    d.edge("e-koord-tba", "coordinates", "stabsstelle", "tiefbauamt")
    d.edge("e-koord-pg", "coordinates", "stabsstelle", "pg-mobilitaet")
    d.edge("e-koord-lotsen", "coordinates", "stabsstelle", "lotsen")
    d.edge("e-se-pg", "delegates", "stadtentwicklung", "pg-mobilitaet")
    d.edge("e-tba-pg", "delegates", "tiefbauamt", "pg-mobilitaet")
    d.edge("e-se-lotsen", "delegates", "stadtentwicklung", "lotsen")
    d.edge("e-sw-lk", "reports_to", "stadtwerke", "lenkungskreis",
           label="Geschäftsführung im Lenkungskreis")  # fmt: skip
    d.edge("e-sw-stab", "cooperates", "stadtwerke", "stabsstelle", contract=True,
           label="Kooperationsvereinbarung")  # fmt: skip
    d.edge("e-beirat", "advises", "fachbeirat", "lenkungskreis")
    return d


def regional_base() -> Draft:
    """Smarte Region Musterland: the same structure for a Landkreis with regional scope."""
    d = base().with_meta(title="Smarte Region Musterland", municipality="Landkreis Musterland",
                         municipality_kind="district", population=160_000, scope="regional",
                         description="Organisationsmodell der smarten Region Musterland.")  # fmt: skip
    d.set("rat", label="Kreistag")
    d.set("ausschuss", label="Ausschuss für Kreisentwicklung und Digitalisierung")
    d.set("ob", label="Landrätin", lead="Andrea Neumann")
    d.set("lenkungskreis", label="Lenkungskreis Smarte Region", lead="Andrea Neumann")
    d.set("projektleitung", label="Projektleitung Smarte Region")
    d.set("stabsstelle", label="Stabsstelle Smarte Region", scope="regional")
    d.set("stadtentwicklung", label="Amt für Kreisentwicklung")
    d.set("tiefbauamt", label="Straßenverkehrsamt")
    d.set("lotsen", label="Regionallotsinnen und -lotsen")
    d.set("stadtwerke", label="Kreiswerke Musterland GmbH")
    d.set("fachbeirat", label="Netzwerkbeirat Smarte Region")
    return d


Case = tuple[Draft, Draft, dict[str, Any]]


def _expect(severity: str, subjects: list[str], description: str, **more: Any) -> dict[str, Any]:
    return {"severity": severity, "subjects": subjects, "description": description, **more}


def cases() -> dict[str, Case]:
    c: dict[str, Case] = {}

    fires = base().edge("e-lk-pl", "reports_to", "lenkungskreis", "projektleitung",
                        label="versehentlich falsch herum gezeichnet")  # fmt: skip
    passes = base().edge("e-lk-pl", "informs", "lenkungskreis", "projektleitung")
    c["cycle-in-authority"] = (fires, passes, _expect(
        "warning", ["lenkungskreis", "projektleitung", "e-lk-pl", "e-pl-lk"],
        "The Lenkungskreis informs the Projektleitung instead of reporting to it, so the "
        "Projektleitung is no longer both below and above it."))  # fmt: skip

    fires = base().node("ordnungsamt", "line_departments", "Ordnungsamt", 5)
    passes = fires.copy().edge("e-koord-oa", "coordinates", "stabsstelle", "ordnungsamt")
    c["isolated-node"] = (fires, passes, _expect(
        "hint", ["ordnungsamt"],
        "The Stabsstelle coordinates the Ordnungsamt."))  # fmt: skip

    fires = base().edge("e-up", "instructs", "tiefbauamt", "projektleitung")
    passes = base().edge("e-up", "informs", "tiefbauamt", "projektleitung")
    c["upward-instruction"] = (fires, passes, _expect(
        "warning", ["e-up", "tiefbauamt", "projektleitung"],
        "The Tiefbauamt informs the Projektleitung instead of instructing it."))  # fmt: skip

    fires = base().drop("rat", "ausschuss")
    passes = base().drop("ausschuss")
    c["no-political-body"] = (fires, passes, _expect(
        "warning", [],
        "The Stadtrat stays in the model (only the committee is removed)."))  # fmt: skip

    fires = base().set("e-auftrag", type="informs", label="Information")
    passes = base()
    c["no-mandate"] = (fires, passes, _expect(
        "hint", ["rat", "ausschuss"],
        "The Stadtrat mandates the Oberbürgermeisterin instead of only informing her."))  # fmt: skip

    fires = base().set("lenkungskreis", form="cdo", label="Chief Digital Officer",
                       cadence=None, lead="Dr. Markus Klein")  # fmt: skip
    passes = base()
    c["no-strategic-body"] = (fires, passes, _expect(
        "warning", [],
        "The strategic node is a Lenkungskreis (a body), not a Chief Digital Officer "
        "(a person)."))  # fmt: skip

    fires = base().drop("projektleitung", "stabsstelle")
    passes = base().drop("projektleitung")
    c["no-coordination"] = (fires, passes, _expect(
        "warning", [],
        "The Stabsstelle Smart City stays (only the separate lead role is removed)."))  # fmt: skip

    fires = base().drop("projektleitung").set("stabsstelle", lead="", deputy="")
    passes = base().drop("projektleitung")
    c["no-coordination-lead"] = (fires, passes, _expect(
        "warning", ["stabsstelle"],
        "The Stabsstelle names its lead (Jana Becker)."))  # fmt: skip

    fires = base().set("projektleitung", deputy="").set("stabsstelle", deputy="")
    passes = base().set("projektleitung", deputy="")
    c["coordination-lead-no-deputy"] = (fires, passes, _expect(
        "hint", ["projektleitung"],
        "The deputy of the same lead person is named on the Stabsstelle."))  # fmt: skip

    def with_office(d: Draft) -> Draft:
        return d.node("amt-digital", "office", "Amt für Digitalisierung und IT", 3,
                      persons=6, fte=5.0, lead="Frank Meier", deputy="Ute Krause")  # fmt: skip

    fires = with_office(base())
    fires.edge("e-ad-tba", "coordinates", "amt-digital", "tiefbauamt")
    fires.edge("e-ad-pg", "coordinates", "amt-digital", "pg-mobilitaet")
    passes = fires.copy().edge("e-ad-ob", "reports_to", "amt-digital", "ob")
    c["coordination-not-reporting"] = (fires, passes, _expect(
        "warning", ["amt-digital"],
        "The Amt für Digitalisierung reports to the Oberbürgermeisterin."))  # fmt: skip

    fires = base().set("stabsstelle", fte=0.5)
    passes = base().set("stabsstelle", fte=0.5).with_meta(population=14_000)
    c["coordination-understaffed"] = (fires, passes, _expect(
        "warning", ["projektleitung", "stabsstelle"],
        "Same staffing, but the town has 14,000 inhabitants, below the 15,000 "
        "threshold."))  # fmt: skip

    fires = base().set("e-koord-pg", type="instructs")
    passes = base()
    c["staff-unit-instructs"] = (fires, passes, _expect(
        "warning", ["stabsstelle", "e-koord-pg"],
        "The Stabsstelle coordinates the Projektgruppe instead of instructing it."))  # fmt: skip

    fires = base().drop("projektleitung", "e-stab-ob", "e-ob-stab")
    fires.node("innere", "line_departments", "Fachbereich Innere Dienste", 5)
    fires.edge("e-stab-innere", "reports_to", "stabsstelle", "innere")
    fires.edge("e-innere-ob", "reports_to", "innere", "ob")
    passes = fires.copy().edge("e-stab-ob", "reports_to", "stabsstelle", "ob")
    c["staff-unit-not-at-top"] = (fires, passes, _expect(
        "hint", ["stabsstelle"],
        "The Stabsstelle also reports directly to the Oberbürgermeisterin."))  # fmt: skip

    fires = with_office(base())
    fires.edge("e-ad-stab", "cooperates", "amt-digital", "stabsstelle")
    fires.edge("e-ad-pg", "coordinates", "amt-digital", "pg-mobilitaet")
    passes = fires.copy().edge("e-ad-ob", "reports_to", "amt-digital", "ob")
    c["office-without-backing"] = (fires, passes, _expect(
        "warning", ["amt-digital"],
        "The Amt für Digitalisierung reports to the Oberbürgermeisterin."))  # fmt: skip

    fires = with_office(base())
    fires.edge("e-ad-ob", "reports_to", "amt-digital", "ob")
    fires.edge("e-ad-tba", "coordinates", "amt-digital", "tiefbauamt")
    passes = fires.copy().edge("e-ad-pg", "coordinates", "amt-digital", "pg-mobilitaet")
    c["office-without-cross-links"] = (fires, passes, _expect(
        "hint", ["amt-digital"],
        "The Amt für Digitalisierung also coordinates the cross-departmental "
        "Projektgruppe."))  # fmt: skip

    fires = base().node("digitalagentur", "outsourced_entity", "Digitalagentur Musterstadt GmbH",
                        3, persons=4, fte=3.5, lead="Kai Brandt", deputy="Mira Stein")  # fmt: skip
    fires.edge("e-da-lk", "reports_to", "digitalagentur", "lenkungskreis")
    fires.edge("e-da-pg", "coordinates", "digitalagentur", "pg-mobilitaet")
    passes = fires.copy().edge("e-da-stab", "liaison", "digitalagentur", "stabsstelle",
                               label="Spiegelstruktur")  # fmt: skip
    c["outsourced-no-mirror"] = (fires, passes, _expect(
        "warning", ["digitalagentur"],
        "A liaison links the Digitalagentur with the Stabsstelle (its mirror in the "
        "administration)."))  # fmt: skip

    fires = base().edge("e-sw-tba", "instructs", "stadtwerke", "tiefbauamt")
    passes = base().edge("e-sw-tba", "cooperates", "stadtwerke", "tiefbauamt")
    c["outsourced-instructs-admin"] = (fires, passes, _expect(
        "warning", ["stadtwerke", "e-sw-tba", "tiefbauamt"],
        "The Stadtwerke cooperate with the Tiefbauamt instead of instructing it."))  # fmt: skip

    fires = base().node("ordnungsamt", "line_departments", "Ordnungsamt", 5, lead="Olaf Berg")
    fires.edge("e-oa-ob", "reports_to", "ordnungsamt", "ob", label="Dezernatslinie")
    passes = fires.copy().edge("e-oa-pg", "delegates", "ordnungsamt", "pg-mobilitaet")
    c["departments-without-integration"] = (fires, passes, _expect(
        "warning", ["ordnungsamt"],
        "The Ordnungsamt sends staff into the shared Projektgruppe Mobilität."))  # fmt: skip

    fires = base()
    fires.node("pg-energie", "project_group", "Projektgruppe Energie und Klima", 4,
               lead="Sven Richter")  # fmt: skip
    fires.node("pg-bildung", "project_group", "Arbeitsgruppe Digitale Bildung", 5,
               lead="Aylin Demir")  # fmt: skip
    fires.set("stadtwerke", x=40 + 220 * 6)
    fires.edge("e-koord-energie", "coordinates", "stabsstelle", "pg-energie")
    fires.edge("e-tba-energie", "delegates", "tiefbauamt", "pg-energie")
    fires.edge("e-se-bildung", "delegates", "stadtentwicklung", "pg-bildung")
    passes = fires.copy().edge("e-koord-bildung", "coordinates", "stabsstelle", "pg-bildung")
    c["project-groups-uncoordinated"] = (fires, passes, _expect(
        "warning", ["pg-bildung"],
        "The Stabsstelle also coordinates the Arbeitsgruppe Digitale Bildung."))  # fmt: skip

    def with_matrix(d: Draft) -> Draft:
        d.node("innovation-unit", "matrix_team", "Smart City Innovation Unit", 5,
               persons=7, lead="Dr. Nils Krüger")  # fmt: skip
        d.edge("e-se-iu", "delegates", "stadtentwicklung", "innovation-unit")
        d.edge("e-koord-iu", "coordinates", "stabsstelle", "innovation-unit")
        return d

    fires = with_matrix(base())
    fires.edge("e-se-iu-aufsicht", "supervises", "stadtentwicklung", "innovation-unit")
    passes = fires.copy().edge("e-iu-lk", "reports_to", "innovation-unit", "lenkungskreis")
    c["matrix-without-commitment"] = (fires, passes, _expect(
        "warning", ["innovation-unit"],
        "The Innovation Unit reports to the Lenkungskreis."))  # fmt: skip

    fires = with_matrix(base())
    fires.edge("e-tba-iu", "delegates", "tiefbauamt", "innovation-unit")
    fires.edge("e-iu-lk", "reports_to", "innovation-unit", "lenkungskreis")
    passes = fires.copy()
    passes.edge("e-se-iu-aufsicht", "supervises", "stadtentwicklung", "innovation-unit")
    passes.edge("e-tba-iu-aufsicht", "supervises", "tiefbauamt", "innovation-unit")
    c["matrix-dual-authority"] = (fires, passes, _expect(
        "hint", ["innovation-unit", "stadtentwicklung", "tiefbauamt"],
        "The sending departments are drawn as keeping the personnel authority "
        "(supervises)."))  # fmt: skip

    fires = base().drop("e-se-lotsen")
    passes = base()
    c["pilots-missing-tie"] = (fires, passes, _expect(
        "warning", ["lotsen"],
        "The Amt für Stadtentwicklung sends its staff into the pilot network."))  # fmt: skip

    fires = base().set("lotsen", pilot_type="volunteer", fte=None)
    passes = base()
    c["pilots-without-resources"] = (fires, passes, _expect(
        "hint", ["lotsen"],
        "The pilots are qualified volunteers with 0.8 full-time equivalents."))  # fmt: skip

    fires = base().drop("e-beirat")
    passes = base()
    c["board-unconnected"] = (fires, passes, _expect(
        "warning", ["fachbeirat"],
        "The Fachbeirat advises the Lenkungskreis."))  # fmt: skip

    fires = base().set("e-beirat", target="pg-mobilitaet")
    passes = base().set("e-beirat", target="stabsstelle")
    c["board-not-at-top"] = (fires, passes, _expect(
        "hint", ["fachbeirat"],
        "The Fachbeirat advises the Stabsstelle, which reports to the "
        "Oberbürgermeisterin (one intermediate unit)."))  # fmt: skip

    fires = regional_base().set("stabsstelle", scope="municipal")
    passes = regional_base()
    c["regional-without-regional-coordination"] = (fires, passes, _expect(
        "warning", ["projektleitung", "stabsstelle"],
        "The Stabsstelle Smarte Region has the scope 'regional'."))  # fmt: skip

    def with_partner_office(d: Draft) -> Draft:
        d.node("buero-nachbar", "", "Smart-City-Büro der Stadt Beispielstadt", 3,
               level="coordination", persons=2, fte=1.5, lead="Katrin Vogel",
               deputy="Paul Lorenz", scope="municipal")  # fmt: skip
        return d

    fires = with_partner_office(regional_base())
    fires.edge("e-koop", "cooperates", "stabsstelle", "buero-nachbar")
    passes = with_partner_office(regional_base())
    passes.edge("e-koop", "cooperates", "stabsstelle", "buero-nachbar", contract=True,
                label="Kooperationsvereinbarung")  # fmt: skip
    c["regional-without-agreement"] = (fires, passes, _expect(
        "hint", ["stabsstelle", "e-koop", "buero-nachbar"],
        "The cooperation is governed by an agreement (contract: true)."))  # fmt: skip

    passes = base().node("beratung", "external_provider", "Digital Consult GmbH", 5)
    passes.edge("e-ext-stab", "cooperates", "beratung", "stabsstelle", contract=True,
                label="Dienstleistungsvertrag Prozessbegleitung")  # fmt: skip
    fires = passes.copy().edge("e-ext-pg", "coordinates", "beratung", "pg-mobilitaet")
    c["external-provider-coordinates"] = (fires, passes, _expect(
        "warning", ["beratung", "e-ext-pg"],
        "The provider only supports the Stabsstelle under contract and does not "
        "coordinate the Projektgruppe."))  # fmt: skip

    fires = base().drop("e-sw-lk")
    passes = base()
    c["company-not-in-steering"] = (fires, passes, _expect(
        "hint", ["stadtwerke"],
        "The management of the Stadtwerke sits in the Lenkungskreis (reports to it)."))  # fmt: skip

    fires = base().drop("projektleitung").set("pg-mobilitaet", lead="Jana Becker")
    passes = fires.copy().with_meta(population=9_500, municipality_kind="municipality",
                                    title="Smart City Kleinstadt")  # fmt: skip
    c["single-point-of-failure"] = (fires, passes, _expect(
        "hint", ["stabsstelle", "pg-mobilitaet"],
        "The same structure in a small town of 9,500 inhabitants, where one person may "
        "lead coordination and implementation."))  # fmt: skip

    fires = base().set("lenkungskreis", cadence="weekly")
    passes = base()
    c["strategic-cadence"] = (fires, passes, _expect(
        "hint", ["lenkungskreis"],
        "The Lenkungskreis meets half-yearly."))  # fmt: skip

    fires = base().drop("fachbeirat")
    passes = base()
    c["no-advisory"] = (fires, passes, _expect(
        "info", [],
        "The Fachbeirat Digitalisierung stays in the model."))  # fmt: skip

    fires = base().edge("e-stab-pg", "delegates", "stabsstelle", "pg-mobilitaet",
                        label="Mitarbeitende der Stabsstelle leiten das Projekt")  # fmt: skip
    passes = base()
    c["coordination-understanding"] = (fires, passes, _expect(
        "info", ["projektleitung", "stabsstelle"],
        "Always fires; without staff of the Stabsstelle in the Projektgruppe the model is "
        "'extended' (pilots tied to the core team) instead of 'involved'.",
        always_fires=True, fires_key="involved", passes_key="extended"))  # fmt: skip

    # --- added in the second version of the contract ------------------------------------
    fires = base().drop("e-ob-bericht", "e-lk-ausschuss")
    passes = base().drop("e-lk-ausschuss")
    c["politics-not-informed"] = (fires, passes, _expect(
        "hint", ["rat"],
        "The Oberbürgermeisterin still reports to the Ausschuss, which reports to the Stadtrat: "
        "politics hears of the progress."))  # fmt: skip

    fires = base().edge("e-ob-beirat", "instructs", "ob", "fachbeirat",
                        label="Prüfauftrag")  # fmt: skip
    passes = base().edge("e-ob-beirat", "informs", "ob", "fachbeirat", label="Prüfauftrag")
    c["board-instructed"] = (fires, passes, _expect(
        "warning", ["fachbeirat", "e-ob-beirat", "ob"],
        "The Oberbürgermeisterin informs the Fachbeirat of the question instead of "
        "instructing it."))  # fmt: skip

    fires = base().set("projektleitung", label="Chief Digital Officer (CDO)")
    passes = base().node("cdo", "cdo", "Chief Digital Officer (CDO)", 3,
                         lead="Dr. Ralf Weber").edge("e-cdo-ob", "reports_to", "cdo", "ob")  # fmt: skip
    c["cdo-on-coordination-level"] = (fires, passes, _expect(
        "hint", ["projektleitung"],
        "The Projektleitung keeps its name; a CDO is added on the strategic level, where the "
        "KGSt role model places it."))  # fmt: skip

    fires = base().set("e-pl-lk", target="ob")
    passes = base()
    c["steering-without-coordination"] = (fires, passes, _expect(
        "hint", ["lenkungskreis"],
        "The Projektleitung reports to the Lenkungskreis, not past it to the "
        "Oberbürgermeisterin."))  # fmt: skip

    fires = base().drop("ob", "lenkungskreis")
    passes = base().drop("lenkungskreis").node(
        "vv", "operational_steering", "Verwaltungsvorstand Smart City", 2, cadence="monthly"
    ).edge("e-vv-ob", "reports_to", "vv", "ob").edge("e-pl-vv", "reports_to", "projektleitung", "vv")
    passes.edge("e-beirat", "advises", "fachbeirat", "vv")
    c["function-uncovered"] = (fires, passes, _expect(
        "warning", [],
        "The Oberbürgermeisterin decides strategically and a steering round of the department "
        "heads links the departments: both essential strategic functions are held.",
        count=3))  # fmt: skip
    return c


PHASE_TWINS: dict[str, tuple[str, ...]] = {
    "no-coordination": ("pilot",),
    "departments-without-integration": ("pilot",),
    "no-strategic-body": ("pilot",),
    "company-not-in-steering": ("pilot",),
    "external-provider-coordinates": ("pilot",),
    "regional-without-agreement": ("pilot", "consolidation"),
    "board-not-at-top": ("pilot",),
}
"""Rule id → the phases of the twins of its fires model (DOMAIN.md §6b)."""


def variants() -> dict[str, Case]:
    """Further fires/passes pairs for triggers DOMAIN.md §6c counts precisely, keyed
    ``<rule-id>.<variant>``; their expectations go to ``variants.json``."""
    v: dict[str, Case] = {}

    def informal_round(d: Draft) -> Draft:
        return d.node("stammtisch", "informal_round", "Smart-City-Stammtisch der Fraktionen", 3,
                      cadence="quarterly")  # fmt: skip

    fires = informal_round(base().drop("rat", "ausschuss"))
    fires.edge("e-auftrag", "mandates", "stammtisch", "ob", label="Auftrag des Stammtischs")
    fires.edge("e-ob-bericht", "reports_to", "ob", "stammtisch", label="Sachstandsbericht")
    passes = informal_round(base().drop("ausschuss"))
    passes.edge("e-st-rat", "informs", "stammtisch", "rat")
    v["no-political-body.informal-round"] = (fires, passes, _expect(
        "warning", ["stammtisch"],
        "The Stadtrat is in the model beside the informal round and gives the mandate.",
        rule_id="no-political-body"))  # fmt: skip

    fires = informal_round(base()).set("e-auftrag", source="stammtisch")
    fires.edge("e-st-rat", "informs", "stammtisch", "rat")
    passes = informal_round(base()).edge("e-st-rat", "informs", "stammtisch", "rat")
    v["no-mandate.informal-round"] = (fires, passes, _expect(
        "hint", ["rat", "ausschuss", "stammtisch"],
        "The Stadtrat, not the informal round, gives the Oberbürgermeisterin the mandate.",
        rule_id="no-mandate"))  # fmt: skip

    def matrix(d: Draft) -> Draft:
        d.node("innovation-unit", "matrix_team", "Smart City Innovation Unit", 5, persons=7,
               lead="Dr. Nils Krüger")  # fmt: skip
        d.edge("e-se-iu", "delegates", "stadtentwicklung", "innovation-unit")
        d.edge("e-koord-iu", "coordinates", "stabsstelle", "innovation-unit")
        d.edge("e-iu-lk", "reports_to", "innovation-unit", "lenkungskreis")
        d.edge("e-iu-se", "instructs", "innovation-unit", "stadtentwicklung",
               label="fachlich für die entsandten Mitarbeitenden")  # fmt: skip
        return d

    fires = matrix(base()).edge("e-se-iu-weisung", "instructs", "stadtentwicklung",
                                "innovation-unit")  # fmt: skip
    passes = matrix(base()).edge("e-se-iu-aufsicht", "supervises", "stadtentwicklung",
                                 "innovation-unit", label="Dienstaufsicht")  # fmt: skip
    v["cycle-in-authority.matrix"] = (fires, passes, _expect(
        "warning", ["stadtentwicklung", "innovation-unit", "e-iu-se", "e-se-iu-weisung"],
        "The Amt für Stadtentwicklung keeps only the personnel authority (supervises) over "
        "the Innovation Unit that instructs its delegated staff: the matrix's dual "
        "subordination, no cycle.", rule_id="cycle-in-authority"))  # fmt: skip

    def lean(d: Draft) -> Draft:
        return d.drop("lotsen")  # no pilots tied to the team: only its size decides

    fires = lean(base()).set("stabsstelle", persons=5, fte=4.5)
    passes = lean(base()).set("stabsstelle", persons=4, fte=3.5)
    v["coordination-understanding.lean-team"] = (fires, passes, _expect(
        "info", ["projektleitung", "stabsstelle"],
        "The Stabsstelle has four persons instead of five: a lean team, 'organising' "
        "instead of 'extended'.", rule_id="coordination-understanding", always_fires=True,
        fires_key="extended", passes_key="organising"))  # fmt: skip

    def agency(d: Draft) -> Draft:
        d.node("digitalagentur", "outsourced_entity", "Digitalagentur Musterstadt GmbH", 3,
               persons=3, fte=3.0, lead="Kai Brandt", deputy="Mira Stein")  # fmt: skip
        d.edge("e-da-lk", "reports_to", "digitalagentur", "lenkungskreis")
        d.edge("e-da-stab", "liaison", "digitalagentur", "stabsstelle", label="Spiegelstruktur")
        d.edge("e-da-pg", "coordinates", "digitalagentur", "pg-mobilitaet")
        return d

    fires = agency(lean(base()).set("stabsstelle", persons=1, fte=1.0))
    fires.set("pg-mobilitaet", lead="Digitalagentur Musterstadt")
    passes = agency(lean(base()).set("stabsstelle", persons=1, fte=1.0))
    v["coordination-understanding.agency-implements"] = (fires, passes, _expect(
        "info", ["projektleitung", "stabsstelle", "digitalagentur"],
        "The Projektgruppe keeps its own lead instead of being led by the Digitalagentur: "
        "'organising' instead of 'involved'.", rule_id="coordination-understanding",
        always_fires=True, fires_key="involved", passes_key="organising"))  # fmt: skip

    # a member municipality counts like a line department (DOMAIN.md §2, issue 14)
    def members(d: Draft) -> Draft:
        d.drop("tiefbauamt")
        d.node("kom-nord", "member_municipality", "Verbandsgemeinde Nord", 1)
        d.node("kom-sued", "member_municipality", "Verbandsgemeinde Süd", 5)
        d.edge("e-koord-nord", "coordinates", "stabsstelle", "kom-nord")
        d.edge("e-koord-sued", "coordinates", "stabsstelle", "kom-sued")
        return d

    fires = members(regional_base()).drop("e-koord-sued")
    passes = members(regional_base()).drop("e-koord-sued")
    passes.edge("e-sued-nord", "informs", "kom-sued", "kom-nord", label="Jour fixe")
    v["departments-without-integration.member-municipality"] = (fires, passes, _expect(
        "warning", ["kom-sued"],
        "The Verbandsgemeinde Süd meets the Verbandsgemeinde Nord in a regular Jour fixe: "
        "a regular exchange between member municipalities integrates them as between "
        "departments.", rule_id="departments-without-integration"))  # fmt: skip

    fires = members(regional_base()).drop("e-se-lotsen")
    passes = members(regional_base()).drop("e-se-lotsen")
    passes.edge("e-nord-lotsen", "delegates", "kom-nord", "lotsen")
    v["pilots-missing-tie.member-municipality"] = (fires, passes, _expect(
        "warning", ["lotsen"],
        "The Verbandsgemeinde Nord sends staff into the Regionallotsen: a member "
        "municipality is the pilots' department-side tie.",
        rule_id="pilots-missing-tie"))  # fmt: skip

    fires = base().set("stabsstelle", lead="Chief Digital Officer")
    passes = base().set("stabsstelle", lead="Projektleitung Smart City")
    v["cdo-on-coordination-level.lead"] = (fires, passes, _expect(
        "hint", ["stabsstelle"],
        "The Stabsstelle's lead is called Projektleitung Smart City instead of Chief "
        "Digital Officer.", rule_id="cdo-on-coordination-level"))  # fmt: skip
    return v


def main() -> None:
    all_cases = cases()
    expected: dict[str, Any] = {}
    for rule_id, (fires, passes, expect) in all_cases.items():
        save(fires.model(), HERE / f"{rule_id}.fires.orgmodel.json", backup=False)
        save(passes.model(), HERE / f"{rule_id}.passes.orgmodel.json", backup=False)
        expected[rule_id] = expect
        for phase in PHASE_TWINS.get(rule_id, ()):
            assert fires.meta["phase"] == "strategy", rule_id
            twin = fires.copy().with_meta(phase=phase)
            save(twin.model(), HERE / f"{rule_id}.{phase}.orgmodel.json", backup=False)
    more: dict[str, Any] = {}
    for key, (fires, passes, expect) in variants().items():
        save(fires.model(), HERE / f"{key}.fires.orgmodel.json", backup=False)
        save(passes.model(), HERE / f"{key}.passes.orgmodel.json", backup=False)
        more[key] = expect
    text = json.dumps(dict(sorted(more.items())), ensure_ascii=False, indent=2) + "\n"
    (HERE / "variants.json").write_text(text, encoding="utf-8")
    save(base().model(), HERE / "guide-recommended.orgmodel.json", backup=False)
    text = json.dumps(dict(sorted(expected.items())), ensure_ascii=False, indent=2) + "\n"
    (HERE / "cases.json").write_text(text, encoding="utf-8")
    print(f"wrote {2 * len(all_cases) + 1} models and cases.json for {len(all_cases)} rules")


if __name__ == "__main__":
    main()
