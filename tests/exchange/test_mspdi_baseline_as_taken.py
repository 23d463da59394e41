"""MS Project XML writes a baseline's milestone at the moment of day the baseline kept when taken.

The roadmap's baselines say "ILRS basic station complete" by 2035: its point is the end of
2035-12-31, MS Project's 17:00 that day. Typed today to 2036-03-15 (a milestone at the start of its
day), the baselines still read 2035-12-31T17:00, not 2036-01-01T08:00 (the point read at today's moment).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import ConstraintType, Precision
from ilrs_planner.exchange.mspdi import write_mspdi

NS = {"m": "http://schemas.microsoft.com/project"}


def test_the_basic_stations_baselines_stay_at_the_end_of_2035(tmp_path):
    project = build_reference_project()
    basic = project.task_by_key("ilrs-basic")
    basic.constraint, basic.constraint_date, basic.precision = ConstraintType.SNET, date(2036, 3, 15), Precision.DAY
    write_mspdi(project, tmp_path / "roadmap.xml")
    task = next(t for t in ET.parse(tmp_path / "roadmap.xml").getroot().iter(f"{{{NS['m']}}}Task")
                if t.findtext("m:Name", namespaces=NS) == "ILRS basic station complete")
    latest = next(b for b in task.findall("m:Baseline", NS) if b.findtext("m:Number", namespaces=NS) == "10")
    # The latest baseline written (April 2026): by 2035, the milestone at 17:00 on 2035-12-31.
    assert (latest.findtext("m:Start", namespaces=NS), latest.findtext("m:Finish", namespaces=NS)) == (
        "2035-12-31T17:00:00", "2035-12-31T17:00:00")
