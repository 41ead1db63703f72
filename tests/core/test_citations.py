"""Citations as DOMAIN.md §6d asks: every place the program cites is in the guide's table of
contents, a Botschaft is cited on its own page, a passage inside a chapter on the section's
first page with „ff.“, and a text with two sources cites both."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import ValidationError

from orgdesigner.catalog import SECTIONS, Citation, Citations, catalog, guide
from orgdesigner.fileformat import load
from orgdesigner.model import OrgModel
from orgdesigner.rules import all_rules, evaluate
from orgdesigner.templates import TEMPLATES

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT.parent / "shared" / "guide" / "arbeitshilfe-organisation-smart-city-2024.txt"

# The guide's table of contents („Inhalt“, S. 3), copied so the test runs without the guide.
TABLE_OF_CONTENTS = {
    "1": 6, "2": 10, "2.1": 10, "2.2": 11, "3": 13, "4": 17, "4.1": 19, "4.2": 22,
    "4.3": 30, "4.4": 39, "4.5": 40, "5": 43, "5.1": 44, "5.2": 46, "5.3": 48, "5.4": 50,
    "5.5": 52, "5.6": 54, "5.7": 56, "5.8": 58, "5.9": 60, "5.10": 62,
}  # fmt: skip
BOTSCHAFT_PAGES = {1: 44, 2: 46, 3: 48, 4: 50, 5: 52, 6: 54, 7: 56, 8: 58, 9: 60, 10: 62}
"""DOMAIN.md §6d, word for word."""


def _guide_toc() -> dict[str, int]:
    text = GUIDE.read_text(encoding="utf-8")
    block = text[text.index("\nInhalt\n") : text.index("\nLiteratur\t")]
    return {m[1]: int(m[2]) for m in re.finditer(r"^(\d+(?:\.\d+)?) [^\t]+\t(\d+)$", block, re.M)}


@pytest.mark.skipif(not GUIDE.is_file(), reason="the guide text (../shared/guide) is not here")
def test_the_copied_table_of_contents_is_the_guides() -> None:
    assert _guide_toc() == TABLE_OF_CONTENTS


def test_the_program_uses_the_table_of_contents() -> None:
    assert SECTIONS == TABLE_OF_CONTENTS
    assert {n: TABLE_OF_CONTENTS[f"5.{n}"] for n in range(1, 11)} == BOTSCHAFT_PAGES


def _every_citation() -> Iterator[tuple[str, Citations]]:
    for rule in all_rules().values():
        yield f"rule {rule.id}", rule.citation
    cat = catalog()
    for item in (*cat.levels, *cat.forms, *cat.relations):
        yield f"catalog {item.id}", item.citation
    content = guide()
    for form_id, pc in content.pros_cons.items():
        yield f"table of {form_id}", pc.citation
    for form_id, ch in content.characterisations.items():
        yield f"characterisation of {form_id}", ch.citation
    # a finding may carry its own citation (e.g. a municipal company: Tabelle 8)
    models = sorted((ROOT / "tests" / "data" / "rules").glob("*.orgmodel.json"))
    models += [t.path for t in TEMPLATES]
    for path in models:
        for finding in evaluate(load(path)):
            yield f"finding {finding.rule_id} on {path.name}", finding.citation


def test_every_citation_is_in_the_table_of_contents() -> None:
    seen = 0
    for where, citations in _every_citation():
        assert len(citations) >= 1, where
        for c in citations:
            seen += 1
            if c.botschaft is not None:
                assert (c.chapter, c.page) == (f"5.{c.botschaft}", BOTSCHAFT_PAGES[c.botschaft]), (
                    f"{where}: {c.format()}"
                )
                assert not c.page_follows, where
            else:
                start = TABLE_OF_CONTENTS[c.chapter]
                assert start <= c.page < start + 12, f"{where}: {c.format()}"
                # no exact page is known for a passage: the section's first page, with „ff.“
                assert (c.page, c.page_follows) == (start, True), f"{where}: {c.format()}"
                assert c.format("de").endswith(f"S. {start} ff.")
    assert seen > 200


def test_two_sources_are_both_cited() -> None:
    rules = all_rules()
    assert rules["pilots-missing-tie"].citation.format("de") == (
        "Kap. 4.3, S. 30 ff.; Kap. 5.4, Botschaft 4, S. 50"
    )
    head = catalog().form("administration_head").citation.format("de")
    assert head == guide().characterisations["administration_head"].citation.format("de")
    assert "Botschaft 2, S. 46" in head and "Kap. 4.1, S. 19 ff." in head


def test_a_municipal_company_is_judged_by_table_8() -> None:
    """The fires model's Stadtwerke instruct the Tiefbauamt; an agency is added that does
    the same. Each finding cites the table that describes its form."""
    path = ROOT / "tests" / "data" / "rules" / "outsourced-instructs-admin.fires.orgmodel.json"
    data = json.loads(load(path).model_dump_json())
    data["nodes"].append(
        {"id": "agentur", "level": "coordination", "form": "outsourced_entity", "label": "Agentur"}
    )
    data["edges"].append(
        {"id": "w2", "type": "instructs", "source": "agentur", "target": "tiefbauamt"}
    )
    findings = evaluate(OrgModel.model_validate(data), rules=["outsourced-instructs-admin"])
    by_source = {f.subjects[0]: f.citation.format("de") for f in findings}
    assert by_source == {
        "stadtwerke": "Kap. 4.3, Tabelle 8, S. 30 ff.",
        "agentur": "Kap. 4.2, Tabelle 4, S. 22 ff.",
    }


@pytest.mark.parametrize(
    "wrong",
    [
        {"chapter": "4.1", "page": 19, "botschaft": 2},  # Botschaft 2 with the chapter's page
        {"chapter": "5.2", "page": 19, "botschaft": 2},
        {"chapter": "4.2", "page": 19},  # before its section
        {"chapter": "4.2", "page": 45},  # far behind it
        {"chapter": "6", "page": 64},  # no such chapter
    ],
)
def test_a_wrong_citation_is_rejected(wrong: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Citation.model_validate(wrong)


def test_citation_json_form() -> None:
    (c,) = all_rules()["board-not-at-top"].citation
    assert c.to_json("de") == {
        "chapter": "5.8",
        "table": None,
        "botschaft": 8,
        "page": 58,
        "page_follows": False,
        "text": "Kap. 5.8, Botschaft 8, S. 58",
    }
    assert all_rules()["no-coordination"].citation.to_json("en")[0]["text"] == (
        "Chapter 4.2, p. 22 ff."
    )
