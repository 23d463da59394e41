"""The tracking Gantt's marks, computed by hand: slip colours and words, key dates, roll-ups."""

from datetime import date

import numpy as np
import pytest

from ilrs_planner.chart import SceneOptions, TimeScale, build_chart_data, build_scene, palette
from ilrs_planner.chart.labels import shorten_by_words
from ilrs_planner.chart.scene import GHOST_TOP
from ilrs_planner.chart.variance import DAY_STEPS, SLIP_STEPS, slip_color, slip_step, slip_steps
from ilrs_planner.domain import Baseline, Link, Precision, Project, Task
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.slippage import slip_report

SCALE = TimeScale.fit(date(2030, 1, 1), date(2030, 3, 2), 600)  # 10 px per day, as in test_scene


def _roadmap_like(precision: Precision, baseline: tuple[date, date]) -> tuple:
    """Work through 2030 (365 days from 2030-01-01) -> a key milestone at the end of 2030-12-31."""
    project = Project("Slips", date(2030, 1, 1))
    work = project.add_task(Task("W", "Work", 365, position=0, precision=precision))
    done = project.add_task(Task("M", "Done", 0, position=1, precision=precision, key_milestone=True))
    project.add_link(Link(work.id, done.id))
    project.baselines.append(Baseline("then", date(2027, 1, 1), {done.id: baseline}))
    return project, done


@pytest.mark.parametrize("precision, baseline, words", [
    # 'by 2028': the point after 2028-12-31's end, read at the moment of day the milestone has now.
    (Precision.YEAR, (date(2029, 1, 1), date(2029, 1, 1)), "+2 y"),
    (Precision.MONTH, (date(2029, 10, 1), date(2029, 10, 1)), "+1 y 3 mo"),  # Sep 2029 to Dec 2030
    (Precision.DAY, (date(2029, 10, 1), date(2029, 10, 1)), "+457 d"),
    (Precision.DAY, (date(2031, 1, 1), date(2031, 1, 1)), "0 d"),
])
def test_a_key_milestones_badge_says_its_slip_in_the_words_of_the_slip_report(precision, baseline, words):
    project, done = _roadmap_like(precision, baseline)
    result = schedule(project)
    assert result.tasks[done.id].shown_finish == date(2030, 12, 31) and result.tasks[done.id].early_at_day_end
    data = build_chart_data(project, result, list(project.tasks), baseline="then")
    scene = build_scene(data, TimeScale.fit(date(2026, 1, 1), date(2032, 1, 1), 600), 600, 0, 2,
                        SceneOptions(text_width=lambda t: 7.0 * len(t)))
    badge = next(label.badge for label in scene.labels if label.row == 1)
    report = slip_report(project, result, "then").row(done.id)
    assert badge == report.variance_texts()[1] == words
    assert [line.slip for line in scene.key_lines] == [words]


def test_a_variance_colour_follows_the_slip_warm_when_late_cool_when_early():
    late_colours = [slip_color(d) for d in (45, 400, 7 * 365)]
    assert late_colours == [palette.LATE_BY_MONTHS, palette.LATE_BY_YEARS, palette.LATE_BY_MORE_YEARS]
    assert slip_color(-400) == palette.EARLY_BY_YEARS and slip_color(-60) == palette.EARLY_BY_MONTHS
    assert slip_color(10) == slip_color(-10) == palette.ON_TIME  # within a month: neutral
    days = np.array([-400, -60, 0, 45, 400, 3000, np.nan])
    assert slip_steps(days).tolist() == [slip_step(d) for d in (-400, -60, 0, 45, 400, 3000, 0)]
    assert len({c for _, c, _ in SLIP_STEPS}) == len(SLIP_STEPS)


def _compared(plan, entries, key=None):
    project, schedule, rows = plan
    if key is not None:
        project.tasks[rows[key]].key_milestone = True
    project.baselines.append(Baseline("2029", date(2029, 6, 1), entries))
    data = build_chart_data(project, schedule, rows, baseline="2029")
    return build_scene(data, SCALE, 600, 0, 10, SceneOptions(text_width=lambda t: 7.0 * len(t)))


def test_a_late_bar_gets_a_warm_slip_mark_from_its_baseline_end_to_its_current_end(plan):
    rows = plan[2]
    # Build was due 2029-11-11 (-> 2029-12-01 exclusive); it now ends 2030-01-31: 61 days late.
    scene = _compared(plan, {rows[2]: (date(2029, 11, 11), date(2029, 12, 1)),
                             rows[1]: (date(2030, 1, 1), date(2030, 1, 11))})
    assert scene.slips.rows.tolist() == [2]  # Design is on time: no mark
    assert (scene.slips.x0[0], scene.slips.x1[0]) == (-310, 300)
    # The plan spans 30 days, so its slips are counted in weeks (variance.DAY_STEPS): over two weeks late.
    assert DAY_STEPS[scene.slips.color[0]][1] == slip_color(61, DAY_STEPS) == palette.LATE_BY_MORE_YEARS
    assert scene.slips.y0[0] == 2 * 24 + GHOST_TOP * 24  # on the baseline band, under the current bar


def test_a_key_milestone_carries_its_slip_and_a_key_date_line(plan):
    rows = plan[2]
    scene = _compared(plan, {rows[3]: (date(2028, 1, 31), date(2028, 1, 31))}, key=3)  # two years late
    launch = next(label for label in scene.labels if label.row == 3)
    # Launch follows Build, known to the year: its date reads '2030', the baseline's 2028.
    assert launch.badge == "+2 y" and DAY_STEPS[launch.badge_step][1] == slip_color(731, DAY_STEPS)
    assert [(line.x, line.text, line.slip) for line in scene.key_lines] == [(300, "Launch", "+2 y")]
    assert scene.milestones.key.tolist() == [True]


def test_a_key_date_line_shows_even_when_its_row_is_scrolled_away(plan):
    project, schedule, rows = plan
    project.tasks[rows[3]].key_milestone = True
    scene = build_scene(build_chart_data(project, schedule, rows), SCALE, 600, 0, 1)
    assert [line.x for line in scene.key_lines] == [300] and not len(scene.milestones)
    assert scene.key_lines[0].slip == ""  # no baseline compared


def test_a_collapsed_summary_shows_its_milestones_on_its_own_row(plan):
    project, schedule, rows = plan
    data = build_chart_data(project, schedule, [rows[0]])  # the phase, collapsed
    scene = build_scene(data, SCALE, 600, 0, 10)
    assert scene.rollups.rows.tolist() == [0] and scene.rollups.x0.tolist() == [300]
    expanded = build_scene(build_chart_data(project, schedule, rows), SCALE, 600, 0, 10)
    assert not len(expanded.rollups)  # open: the milestone has its own row


def test_phase_names_shorten_by_words_never_to_initials():
    def measure(text):
        return 10.0 * len(text)
    name = "CONSTRUCTION / BASIC STATION"
    assert shorten_by_words(name, 400, measure) == name
    assert shorten_by_words(name, 200, measure) == "CONSTRUCTION / BASIC"
    assert shorten_by_words(name, 150, measure) == "CONSTRUCTION"
    assert shorten_by_words(name, 100, measure) == ""
