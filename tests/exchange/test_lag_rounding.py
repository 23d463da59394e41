"""A lag that is not whole days rounds up to the day it touches, as a typed duration does, and says so.

MS Project keeps a lag of 4 hours; a plan counts whole days, so `1FS+4h` (half of MS Project's
8-hour working day) and `1FS+0.5d` are both a lag of 1 day, and the planner is told, as for a
duration typed `1.5d` ("'1.5d' was rounded up to 2 d: a plan counts whole working days"). Up is
to the later day, for a lead too, as MS Project XML's part-day lags are read.
"""

from datetime import date

import pytest

from ilrs_planner.domain import LinkType
from ilrs_planner.domain.durations import WORKING_DAYS
from ilrs_planner.exchange.formats import read_plan
from ilrs_planner.exchange.predecessors import parse_predecessors, rounded_lags

KNOWN = {"1", "2"}


@pytest.mark.parametrize("typed, lag, elapsed, note", [
    ("1FS+4h", 1, False, "Lag '+4h' was rounded up to +1 d: a plan counts whole working days"),  # 4/8 of a day
    ("1FS+0.5d", 1, False, "Lag '+0.5d' was rounded up to +1 d: a plan counts whole working days"),
    # A lead rounds up too, to the later day, as MS Project XML's lags are read: -1.5 -> -1, -0.5 -> 0.
    ("1SS-1.5d", -1, False, "Lag '-1.5d' was rounded up to -1 d: a plan counts whole working days"),
    ("1SS-0.5d", 0, False, "Lag '-0.5d' was rounded up to 0 d: a plan counts whole working days"),
    ("1FS+36eh", 2, True, "Lag '+36eh' was rounded up to +2 ed: a plan counts whole days"),  # 1.5 x 24 h
    ("1FS+1.5w", 8, False, "Lag '+1.5w' was rounded up to +8 d: a plan counts whole working days"),  # 7.5 d
])
def test_a_part_day_lag_rounds_up_and_is_said(typed, lag, elapsed, note):
    [ref] = parse_predecessors(typed, KNOWN, WORKING_DAYS)
    assert (ref.lag, ref.elapsed) == (lag, elapsed)
    assert rounded_lags([ref]) == note


def test_whole_day_lags_say_nothing():
    refs = parse_predecessors("1FS+16h;2SS-3d", KNOWN, WORKING_DAYS)  # 16 h: two 8-hour days
    assert [(ref.type, ref.lag) for ref in refs] == [(LinkType.FS, 2), (LinkType.SS, -3)]
    assert rounded_lags(refs) is None


def test_two_rounded_lags_are_said_in_one_note():
    refs = parse_predecessors("1FS+4h;2FS+0.5d", KNOWN, WORKING_DAYS)
    assert rounded_lags(refs) == "Lag '+4h' was rounded up to +1 d, '+0.5d' was rounded up to +1 d: " \
        "a plan counts whole working days"


def test_a_csv_lag_of_a_part_day_is_rounded_up_with_a_warning(tmp_path):
    # Continuous calendar from 2030-01-01: Design Jan 1-5 (exclusive Jan 6); Build follows 2.5 days
    # later, rounded to 3: it starts Jan 9.
    path = tmp_path / "plan.csv"
    path.write_text("ID,Name,Duration,Predecessors,Outline Level\n1,Design,5d,,1\n2,Build,10d,1FS+2.5d,1\n",
                    encoding="utf-8")
    result = read_plan(path, start=date(2030, 1, 1))
    [link] = result.project.links.values()
    assert link.lag == 3
    assert any("row 3, column Predecessors: Lag '+2.5d' was rounded up to +3 d" in w for w in result.warnings)
