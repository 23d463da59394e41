"""Baseline entries keep how they were read when taken (schema version 13), and older files still open.

The roadmap's April 2026 baseline holds "ILRS basic station complete" by 2035: the point 2036-01-01,
at the end of 2035-12-31 (moments 1), known to the year. Saved and opened again it reads so; a file
written before version 13 holds the dates only and opens with entries that kept no reading.
"""

from __future__ import annotations

from datetime import date

from file_surgery import DROP_V13, query_one, tamper

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import Precision
from ilrs_planner.domain.baseline_entry import entry_reading
from ilrs_planner.domain.canonical import content_hash
from ilrs_planner.store import open_project, save_project

APRIL_2026 = "2026-04-13 Chang'e 7 in the second half of 2026"


def _basic_entry(project):
    return project.baseline(APRIL_2026).entries[project.task_by_key("ilrs-basic").id]


def test_an_entrys_reading_survives_a_save(tmp_path):
    roadmap = build_reference_project()
    path = tmp_path / "roadmap.db"
    save_project(roadmap, path)
    entry = _basic_entry(open_project(path))
    assert tuple(entry) == (date(2036, 1, 1), date(2036, 1, 1)) and entry_reading(entry) == (Precision.YEAR, 1)
    task_id = roadmap.task_by_key("ilrs-basic").id
    assert query_one(path, "SELECT precision, moments FROM baseline_entries WHERE task_id = ? AND baseline = "
                     "(SELECT num FROM baselines WHERE name = ?)", (task_id, APRIL_2026)) == ("year", 1)
    assert content_hash(open_project(path)) == content_hash(roadmap)  # a signature over it holds


def test_a_version_12_file_opens_with_its_entries_read_from_their_dates(tmp_path):
    path = tmp_path / "old.db"
    save_project(build_reference_project(), path)
    tamper(path, *DROP_V13, "PRAGMA user_version = 12")
    entry = _basic_entry(open_project(path))
    assert tuple(entry) == (date(2036, 1, 1), date(2036, 1, 1)) and entry_reading(entry) is None


def test_a_changed_reading_is_a_changed_plan(tmp_path):
    # What a signature covers: reading "by 2035" as 2036 would hide the headline slip.
    path = tmp_path / "roadmap.db"
    roadmap = build_reference_project()
    save_project(roadmap, path)
    tamper(path, "UPDATE baseline_entries SET moments = 0")
    assert content_hash(open_project(path)) != content_hash(roadmap)
