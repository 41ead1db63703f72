"""The guide content catalogue must match the BBSR guide word for word.

resources/catalog/guide_content.json carries the pros and cons of Tabelle 2-8, the
reflection questions of the ten Botschaften and the other guide texts the program shows.
These tests compare it with the guide text itself (../shared/guide/..., when present) and
always with tests/data/guide_tables_expected.json, a copy of the table bullets extracted
once from the guide.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "resources" / "catalog" / "guide_content.json"
EXPECTED = ROOT / "tests" / "data" / "guide_tables_expected.json"
GUIDE = (
    Path(__file__).resolve().parents[3]
    / "shared"
    / "guide"
    / "arbeitshilfe-organisation-smart-city-2024.txt"
)
DOMAIN = Path(__file__).resolve().parents[3] / "shared" / "DOMAIN.md"

TABLE_FORMS = {
    2: "staff_unit",
    3: "office",
    4: "outsourced_entity",
    5: "line_departments",
    6: "matrix_team",
    7: "project_group",
    8: "municipal_company",
}
# DOMAIN.md §2 forms without a table: they carry a characterisation instead.
NON_TABLE_FORMS = {
    "council",
    "committee",
    "informal_round",
    "administration_head",
    "steering_committee",
    "operational_steering",
    "cdo",
    "coordination_lead",
    "extended_circle",
    "digital_pilots",
    "external_provider",
    "external_partner",
    "member_municipality",
    "expert_board",
    "ethics_board",
    "network_board",
    "participation_board",
}
REFLECTION_HEADING = "Reflexionsfragen, die Ihnen weiterhelfen können:"
UL_TAG = re.compile(r"<ul[^>]*>")


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


@pytest.fixture(scope="module")
def content() -> dict:
    return json.loads(CONTENT.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads(EXPECTED.read_text(encoding="utf-8"))["tables"]


@pytest.fixture(scope="module")
def guide_lines() -> list[str]:
    if not GUIDE.is_file():
        pytest.skip(f"guide text not available at {GUIDE}")
    return GUIDE.read_text(encoding="utf-8").split("\n")


# ----------------------------------------------------------------------------- parsers


def split_bullets(cell: str, marker: str) -> list[str]:
    """Split a table cell into bullets at a marker ('+' or '-') that starts a bullet.

    A bullet marker stands at the start of the cell or after whitespace and is followed by
    whitespace, so word-internal hyphens ("Rollen- und", "-umsetzung") never split.
    """
    parts = re.split(r"(?:^|\s)" + re.escape(marker) + r"\s", cell.strip())
    return [norm(p) for p in parts if p.strip()]


def parse_table(lines: list[str], number: int) -> tuple[str, list[str], list[str]]:
    """Caption, pros and cons of 'Tabelle <number>' as printed in the guide text."""
    captions = [i for i, line in enumerate(lines) if line.startswith(f"Tabelle {number}:")]
    assert len(captions) == 1, f"caption of Tabelle {number} not found exactly once"
    cap = captions[0]
    # Collect the <ul> line(s) just above the caption (back to the header row).
    block: list[str] = []
    i = cap - 1
    while i >= 0 and not lines[i].startswith("Vorzüge"):
        assert not lines[i].startswith("Tabelle "), f"no bullet block above Tabelle {number}"
        block.insert(0, lines[i])
        i -= 1
    joined = " ".join(block)
    cells = UL_TAG.split(joined)
    assert len(cells) == 3, f"Tabelle {number}: expected two <ul> cells, got {len(cells) - 1}"
    assert not cells[0].strip()
    caption = norm(lines[cap].split(":", 1)[1].split("|", 1)[0])
    return caption, split_bullets(cells[1], "+"), split_bullets(cells[2], "-")


def parse_reflection_questions(lines: list[str]) -> dict[int, list[str]]:
    """Bullets under each 'Reflexionsfragen' heading, keyed by Botschaft number.

    A non-bullet line right after a bullet that does not end a sentence continues that
    bullet (a page break in the source); any other text ends the list.
    """
    result: dict[int, list[str]] = {}
    current: int | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        m = re.match(r"^5\.\d+ Botschaft (\d+):", line)
        if m and "\t" not in line:  # section heading, not the table of contents
            current = int(m.group(1))
        if line.startswith(REFLECTION_HEADING):
            assert current is not None
            bullets: list[str] = []
            j = i + 1
            while j < len(lines):
                text = lines[j]
                if text.startswith("- "):
                    bullets.append(text[2:])
                elif text.strip():
                    if bullets and not bullets[-1].rstrip().endswith(("?", ".", "!")):
                        bullets[-1] += " " + text
                    else:
                        break
                j += 1
            assert current not in result, f"two reflection lists in Botschaft {current}"
            result[current] = [norm(b) for b in bullets]
            i = j
            continue
        i += 1
    return result


def domain_forms() -> dict[str, str] | None:
    """form id -> level from the table in DOMAIN.md §2, or None if the file is missing."""
    if not DOMAIN.is_file():
        return None
    text = DOMAIN.read_text(encoding="utf-8")
    section = text.split("## 2.", 1)[1].split("\n## 3.", 1)[0]
    forms = {}
    for m in re.finditer(r"^\|\s*(\w+)\s*\|\s*`(\w+)`\s*\|", section, flags=re.M):
        forms[m.group(2)] = m.group(1)
    return forms


# ----------------------------------------------------------------------------- 1. tables


@pytest.mark.parametrize("number", sorted(TABLE_FORMS))
def test_table_bullets_match_guide_text(content, guide_lines, number):
    caption, pros, cons = parse_table(guide_lines, number)
    entry = content["pros_cons"][TABLE_FORMS[number]]
    assert entry["table"] == number
    assert entry["caption_de"] == caption
    assert [p["de"] for p in entry["pros"]] == pros
    assert [c["de"] for c in entry["cons"]] == cons


@pytest.mark.parametrize("number", sorted(TABLE_FORMS))
def test_expected_copy_matches_guide_text(expected, guide_lines, number):
    caption, pros, cons = parse_table(guide_lines, number)
    copy = expected[str(number)]
    assert copy["form"] == TABLE_FORMS[number]
    assert copy["caption_de"] == caption
    assert copy["pros"] == pros
    assert copy["cons"] == cons


@pytest.mark.parametrize("number", sorted(TABLE_FORMS))
def test_table_bullets_match_expected_copy(content, expected, number):
    entry = content["pros_cons"][TABLE_FORMS[number]]
    copy = expected[str(number)]
    assert entry["table"] == number
    assert entry["caption_de"] == copy["caption_de"]
    assert [p["de"] for p in entry["pros"]] == copy["pros"]
    assert [c["de"] for c in entry["cons"]] == copy["cons"]


def test_pros_cons_cover_exactly_the_table_forms(content, expected):
    assert set(content["pros_cons"]) == set(TABLE_FORMS.values())
    assert set(expected) == {str(n) for n in TABLE_FORMS}
    for form, entry in content["pros_cons"].items():
        assert entry["chapter"] == ("4.2" if entry["table"] <= 4 else "4.3"), form
        assert entry["page"] == (22 if entry["table"] <= 4 else 30), form
        assert entry["caption_en"].strip(), form
        assert entry["pros"] and entry["cons"], form
        for bullet in entry["pros"] + entry["cons"]:
            assert set(bullet) == {"de", "en"}, form
            assert bullet["de"].strip() and bullet["en"].strip(), form
            assert not bullet["de"].startswith(("+", "-")), bullet["de"]


# ----------------------------------------------------------------------------- 2. questions


def test_reflection_questions_occur_verbatim_in_guide(content, guide_lines):
    guide = norm("\n".join(guide_lines))
    for b in content["botschaften"]:
        for q in b["questions"]:
            assert norm(q["de"]) in guide, q["id"]


def test_reflection_question_counts_match_guide(content, guide_lines):
    parsed = parse_reflection_questions(guide_lines)
    assert sorted(parsed) == list(range(1, 11))
    for b in content["botschaften"]:
        assert len(b["questions"]) == len(parsed[b["number"]]), f"Botschaft {b['number']}"
        assert [q["de"] for q in b["questions"]] == parsed[b["number"]], b["number"]


# ----------------------------------------------------------------------------- 3. structure


def test_botschaft_titles_occur_in_guide(content, guide_lines):
    headings = {
        int(m.group(2)): (m.group(1), m.group(3).strip())
        for line in guide_lines
        if "\t" not in line and (m := re.match(r"^(5\.\d+) Botschaft (\d+): (.+)$", line))
    }
    guide = norm("\n".join(guide_lines))
    for b in content["botschaften"]:
        assert norm(b["title_de"]) in guide, b["number"]
        assert headings[b["number"]] == (b["section"], b["title_de"]), b["number"]


def test_all_ten_botschaften_and_question_ids(content):
    botschaften = content["botschaften"]
    assert [b["number"] for b in botschaften] == list(range(1, 11))
    pages = [44, 46, 48, 50, 52, 54, 56, 58, 60, 62]
    ids = []
    for b, page in zip(botschaften, pages, strict=True):
        n = b["number"]
        assert b["section"] == f"5.{n}"
        assert b["page"] == page
        assert b["title_de"].strip() and b["title_en"].strip()
        assert b["recommendations_de"], n
        assert len(b["recommendations_de"]) == len(b["recommendations_en"]), n
        assert all(r.strip() for r in b["recommendations_de"] + b["recommendations_en"]), n
        assert b["questions"], n
        for k, q in enumerate(b["questions"], start=1):
            assert re.fullmatch(r"B(\d+)\.Q(\d+)", q["id"]), q["id"]
            assert q["id"] == f"B{n}.Q{k}"
            assert q["de"].strip() and q["en"].strip(), q["id"]
            ids.append(q["id"])
    assert len(ids) == len(set(ids))


def test_every_non_table_form_has_a_characterisation(content):
    forms = domain_forms()
    if forms is not None:
        assert set(forms) - set(TABLE_FORMS.values()) == NON_TABLE_FORMS
        assert set(TABLE_FORMS.values()) <= set(forms)
    chars = content["characterisations"]
    assert set(chars) == NON_TABLE_FORMS
    for form, c in chars.items():
        assert c["summary_de"].strip() and c["summary_en"].strip(), form
        assert c["citation"], form  # each place checked against the contents: test_citations


LEVEL_ROWS = {
    "political": "politische Ebene",
    "strategic": "strategische Ebene",
    "coordination": "Koordinations Ebene (Stadt)",
    "implementation": "Umsetzungsebene",
    "advisory": "Beiratsebene",
    "coordination_regional": "Koordinations Ebene (Region)",
}
UNDERSTANDINGS = {"organising": 1, "extended": 2, "involved": 3, "none": 4}


def level_entries(content: dict) -> dict:
    return dict(content["levels"], coordination_regional=content["coordination_regional"])


def test_levels_understandings_and_pilot_roles_structure(content):
    assert set(content["levels"]) == set(LEVEL_ROWS) - {"coordination_regional"}
    for key, e in level_entries(content).items():
        assert (e["table"], e["chapter"], e["page"]) == (1, "3", 13), key
        for field in ("tasks", "actors", "names"):
            assert e[f"{field}_de"].strip() and e[f"{field}_en"].strip(), (key, field)

    u = content["understandings"]
    assert (u["chapter"], u["page"]) == ("4.2", 22)
    for key, number in UNDERSTANDINGS.items():
        assert u[key]["number"] == number
        assert all(u[key][f].strip() for f in ("label_de", "label_en", "summary_de", "summary_en"))

    p = content["pilot_roles"]
    assert (p["chapter"], p["page"]) == ("4.3", 30)
    for key in ("volunteer", "qualified_volunteer", "full_time"):
        assert all(p[key][f].strip() for f in ("label_de", "label_en", "summary_de", "summary_en"))


def test_level_texts_and_understanding_labels_match_guide(content, guide_lines):
    rows = {}
    for line in guide_lines:
        cells = line.split("\t")
        if len(cells) == 5:  # a row of Tabelle 1
            rows[norm(cells[1])] = [norm(c) for c in cells[2:]]
    for key, row in LEVEL_ROWS.items():
        e = level_entries(content)[key]
        assert [e["tasks_de"], e["actors_de"], e["names_de"]] == rows[row], key

    headings = {
        int(m.group(1)): m.group(2)
        for line in guide_lines
        if (m := re.match(r"^Organisationsverständnis (\d): (?:die )?(.+)$", line))
    }
    for key, number in UNDERSTANDINGS.items():
        label = content["understandings"][key]["label_de"]
        assert label.lower() == headings[number].strip().lower(), key
