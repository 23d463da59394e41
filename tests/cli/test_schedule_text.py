"""The bulk formatting behind `schedule`: dates, table lines and JSON text made column by column."""

import io
import json
from datetime import date

import numpy as np

from ilrs_planner.cli.schedule_columns import distinct_texts, iso_columns
from ilrs_planner.cli.schedule_rows import joined_rows, line_format, write_lines


def test_dates_close_together_and_centuries_apart_read_as_iso_days():
    near = [date(2030, 1, 1), date(2030, 1, 3), date(2030, 1, 1), date(2029, 12, 31)]
    far = [date(2030, 1, 1), date(2330, 6, 15), date(1, 1, 1), date(9999, 12, 31)]
    for days in (near, far):
        ordinals = np.array([[d.toordinal() for d in days], [d.toordinal() for d in reversed(days)]])
        assert iso_columns(ordinals) == [[d.isoformat() for d in days], [d.isoformat() for d in reversed(days)]]
    assert iso_columns(np.zeros((4, 0), dtype=np.int64)) == [[], [], [], []]


def test_counts_close_together_and_far_apart_each_read_as_their_own_text():
    def days(counts):
        return [f"{count}d" for count in counts]

    for counts in ([5, -12, 0, 5, 3], [5, -900_000, 0, 5, 2_000_000]):  # a slot per value / by sorting
        assert distinct_texts(np.array(counts), days).tolist() == [f"{count}d" for count in counts]
    assert distinct_texts(np.array([[1, 2], [2, 7]]), days).tolist() == [["1d", "2d"], ["2d", "7d"]]
    assert distinct_texts(np.zeros(0, dtype=np.int64), days).tolist() == []


def test_table_lines_align_every_column_and_drop_trailing_spaces():
    headers = ("Key", "Start", "Float", "Crit")
    cells = [["A", "Bb", "Ccc"], ["2030-01-01", "2030-02-01", "2031-12-31"], ["5d", "-12d", "0d"], ["", "*", ""]]
    _, widths = line_format(headers, cells, right={2})
    out = io.StringIO()
    write_lines(widths, {2}, cells, out)
    assert out.getvalue().splitlines() == [
        "A    2030-01-01     5d",
        "Bb   2030-02-01   -12d  *",
        "Ccc  2031-12-31     0d",
    ]


def test_a_column_of_equal_cells_is_padded_on_either_side_as_its_alignment_says():
    cells = [["x", "yy"], ["ab", "cd"], ["z", "w"]]
    for right, lines in (({1}, ["x     ab  z", "yy    cd  w"]), (set(), ["x   ab    z", "yy  cd    w"])):
        out = io.StringIO()
        write_lines([2, 4, 1], right, cells, out)
        assert out.getvalue().splitlines() == lines


def test_rows_joined_at_once_hold_each_value_between_its_pieces():
    text = joined_rows(["[", "=", "]"], [["a", "b", "c"], ["1", "2", "3"]], 1, 3)
    assert text == "[b=2][c=3]"
    assert json.loads("[" + joined_rows(['{"k":"', '"},'], [["p", "q"]], 0, 2)[:-1] + "]") == [{"k": "p"}, {"k": "q"}]
