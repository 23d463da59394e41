"""An SVG picture is XML any reader parses, whatever characters a plan's names hold (U+FFFE, U+FFFF)."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from datetime import date

from six_weeks import six_weeks

from ilrs_planner.domain import Link, Project, Task
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.mta import milestone_trend
from ilrs_planner.qt.analysis.mta_chart import MtaPicture
from ilrs_planner.qt.analysis.mta_export import write_picture
from ilrs_planner.qt.image_export import export_image

NONCHARACTERS = "\uffff\ufffe"  # the plan's text rule takes them; XML 1.0 does not


def _texts(path) -> str:
    root = ET.parse(path).getroot()  # a noncharacter written as it is: "not well-formed (invalid token)"
    return " ".join("".join(element.itertext()) for element in root.iter() if element.tag.endswith("text"))


def test_a_timeline_of_names_holding_noncharacters_is_xml_with_the_names_readable(tmp_path):
    project = Project(f"Relay {NONCHARACTERS}plan", date(2030, 1, 7))
    project.add_task(Task("T1", f"Chang'e 7 {NONCHARACTERS}", 10, id="t1", position=0))
    project.add_task(Task("T2", f"Landing{NONCHARACTERS} site survey", 5, id="t2", position=1))
    project.add_link(Link("t1", "t2", id="l1"))
    path = export_image(project, tmp_path / "relay.svg", title=f"Briefing {NONCHARACTERS}")
    texts = _texts(path)
    assert "Chang'e 7" in texts and "Landing site survey" in texts and "Briefing" in texts
    assert not set(NONCHARACTERS) & set(path.read_text(encoding="utf-8"))


def test_a_milestone_trend_of_a_name_holding_noncharacters_is_xml(qtbot, tmp_path):
    project = six_weeks()
    project.tasks["ship"] = dataclasses.replace(project.tasks["ship"], name=f"Ship {NONCHARACTERS}")
    path = tmp_path / "trend.svg"
    write_picture(MtaPicture(milestone_trend(project, schedule(project), ["ship"]), title=f"Trend {NONCHARACTERS}"),
                  path)
    assert "Trend" in _texts(path)
    assert not set(NONCHARACTERS) & set(path.read_text(encoding="utf-8"))
