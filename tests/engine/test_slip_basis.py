"""Only real changes of plan are slips: each variance is marked sourced or modelling, and another
official's figure is listed as an alternative, never compared as a baseline."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import Baseline, Confidence, Link, Project, Task, TaskKind
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.slippage import MODELLING, PLANNED, SOURCED, report_csv, slip_report

D = date


def _plan() -> Project:
    """Two 100-day tasks that both moved 50 days later than the baseline: one announced, one modelled."""
    project = Project("Basis", D(2030, 1, 1))
    project.add_task(Task("announced", "Announced launch", 100, TaskKind.MISSION, id="announced", position=0,
                          confidence=Confidence.SOURCED))
    project.add_task(Task("spread", "Our spread of five launches", 100, TaskKind.MISSION, id="spread", position=1,
                          confidence=Confidence.INFERRED,
                          notes="Modelled.\nALTERNATIVE: 2031 to 2040 - a second official, 2029-05-01"))
    early = (D(2029, 11, 12), D(2030, 2, 20))
    project.baselines.append(Baseline("2029 plan", D(2029, 5, 1), {"announced": early, "spread": early}))
    project.baselines.append(Baseline("2029 update", D(2029, 9, 1), {"announced": early,
                                                                     "spread": (D(2030, 1, 1), D(2030, 4, 11))}))
    return project


def test_a_modelled_date_is_marked_modelling_and_is_not_a_slip():
    project = _plan()
    report = slip_report(project, schedule(project), "2029 plan")
    announced, spread = report.row("announced"), report.row("spread")
    assert announced.finish_variance == spread.finish_variance == 50  # 2030-02-20 -> 2030-04-11
    assert (announced.basis, announced.slipped) == (SOURCED, True)
    assert (spread.basis, spread.slipped) == (MODELLING, False)
    assert [r.key for r in report.slipped()] == ["announced"]


def test_a_modelled_date_moved_by_a_statement_newer_than_the_baseline_is_sourced():
    project = _plan()
    project.tasks["spread"].source_date = D(2029, 6, 1)  # said after the 2029-05-01 baseline
    row = slip_report(project, schedule(project), "2029 plan").row("spread")
    assert (row.basis, row.slipped) == (SOURCED, True)
    project.tasks["spread"].source_date = D(2029, 5, 1)  # the baseline already knew it
    assert slip_report(project, schedule(project), "2029 plan").row("spread").basis == MODELLING


def test_what_happened_is_sourced_but_work_under_way_still_ends_as_modelled():
    project = _plan()
    spread = project.tasks["spread"]
    spread.actual_start = D(2030, 1, 1)
    assert slip_report(project, schedule(project), "2029 plan").row("spread").basis == MODELLING
    spread.actual_finish, spread.percent_complete = D(2030, 4, 11), 100
    assert slip_report(project, schedule(project), "2029 plan").row("spread").basis == SOURCED


def test_two_baselines_are_two_recorded_plans_so_their_difference_is_sourced():
    project = _plan()
    report = slip_report(project, None, "2029 plan", against="2029 update")
    assert report.row("spread").finish_variance == 50 and report.row("spread").basis == SOURCED
    assert report.row("announced").basis == ""  # no variance, nothing to explain


def test_alternatives_are_listed_with_the_row_and_in_the_csv():
    project = _plan()
    report = slip_report(project, schedule(project), "2029 plan")
    assert report.row("spread").alternatives == ("2031 to 2040 - a second official, 2029-05-01",)
    rows = list(csv.DictReader(io.StringIO(report_csv(report))))
    spread = next(r for r in rows if r["key"] == "spread")
    assert (spread["basis"], spread["slipped"]) == (MODELLING, "no")
    assert spread["alternatives"] == "2031 to 2040 - a second official, 2029-05-01"
    assert report.to_dict()["tasks"][1]["basis"] == MODELLING


@pytest.fixture(scope="module")
def ilrs():
    project = build_reference_project()
    return project, schedule(project)


def _row(ilrs, baseline, key):
    project, result = ilrs
    return slip_report(project, result, baseline).row(project.task_by_key(key).id)


def test_ilrs_1_5_spread_over_2030_2035_is_our_modelling_not_a_pull_in(ilrs):
    row = _row(ilrs, "2023-04-25 Hefei conference (Wu Weiren, Wu Yanhua)", "ilrs-1-5")
    assert row.finish_variance == (D(2035, 12, 31) - D(2040, 12, 31)).days == -1827
    assert row.basis == MODELLING


def test_the_extended_station_shows_no_five_year_move_against_wu_yanhuas_day(ilrs):
    row = _row(ilrs, "2024-09-05 Wu Yanhua: basic 2035 (extended about 2050: an alternative)", "ilrs-extended")
    assert (row.finish_variance, row.basis) == (0, "")
    assert row.alternatives and row.alternatives[0].startswith("by 2050 - Wu Yanhua")


def test_lanyue_finishing_before_its_by_2030_date_is_modelling(ilrs):
    row = _row(ilrs, "2025-08-07 Lanyue lander by 2030 (CMSA)", "lanyue")
    assert row.finish_variance < 0 and row.basis == MODELLING


def test_long_march_10_moving_from_2027_to_2026_is_an_announced_change(ilrs):
    row = _row(ilrs, "2023-05-02 Long March 10 test flight 2027 (Space.com)", "lm10")
    assert row.finish_variance < 0 and row.basis == SOURCED


def test_luna_28s_announced_delay_is_sourced_though_its_years_are_inferred(ilrs):
    row = _row(ilrs, "2023-04-25 Hefei conference (Wu Weiren, Wu Yanhua)", "luna-28")
    assert row.finish_variance > 5 * 365 and row.basis == SOURCED  # Krasnikov, 2025-08-22: after Luna-27


def test_long_march_9s_wikipedia_2033_is_not_a_sourced_slip(ilrs):
    row = _row(ilrs, "2019-10-08 Russian Luna schedule (Zeleny, IKI RAS)", "lm9")
    assert row.finish_variance == 1096 and (row.basis, row.slipped) == (MODELLING, False)


def test_a_move_inside_the_announced_year_is_not_a_slip(ilrs):
    # Announced "2026" (CALT, 2025-12-11): the baseline holds 1 January, the plan another day of 2026.
    row = _row(ilrs, "2026-04-13 Chang'e 7 in the second half of 2026", "lm10")
    assert row.current_start.year == 2026 and row.finish_variance > 0
    assert (row.basis, row.slipped) == (MODELLING, False)


def test_a_task_citing_no_source_never_reads_sourced():
    # A plan of the planner's own (a new plan, an MS Project file): no task cites a source, so a move
    # is the planner's change, a slip nobody announced: 'planned', counted, never 'sourced'; between two
    # baselines and once recorded as done too. Its link-pushed successor takes that basis.
    project = Project("Own plan", D(2030, 1, 1))
    project.add_task(Task("design", "Design", 100, id="design", position=0))
    project.add_task(Task("build", "Build", 50, id="build", position=1))
    project.add_link(Link("design", "build"))
    project.baselines.append(Baseline("first", D(2029, 12, 1), {"design": (D(2030, 1, 1), D(2030, 3, 12)),
                                                                "build": (D(2030, 3, 12), D(2030, 5, 1))}))
    report = slip_report(project, schedule(project), "first")  # design now 100 days, not 70
    assert [(r.key, r.finish_variance, r.basis, r.slipped) for r in report.rows] == [
        ("design", 30, PLANNED, True), ("build", 30, PLANNED, True)]
    project.baselines.append(Baseline("second", D(2029, 12, 20), {"design": (D(2030, 1, 1), D(2030, 4, 11)),
                                                                  "build": (D(2030, 4, 11), D(2030, 5, 31))}))
    against = slip_report(project, schedule(project), "first", against="second")
    assert {r.basis for r in against.rows} == {PLANNED}
    design = project.tasks["design"]
    design.actual_start, design.actual_finish, design.percent_complete = D(2030, 1, 1), D(2030, 4, 11), 100
    assert slip_report(project, schedule(project), "first").row("design").basis == PLANNED
    design.source_url = "https://example.org/plan"  # now it cites one: what happened is sourced
    assert slip_report(project, schedule(project), "first").row("design").basis == SOURCED
