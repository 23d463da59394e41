"""Connector routing per link type, computed by hand."""

from ilrs_planner.chart.links import STUB_PX, route

S = STUB_PX


def test_fs_with_room_goes_out_down_and_in():
    assert route(0, (0, 100, 12), (200, 300, 60), 24) == [(100, 12), (100 + S, 12), (100 + S, 60), (200, 60)]


def test_fs_upwards_back_link_uses_the_gap_below_the_target_row():
    pts = route(0, (0, 100, 60), (50, 80, 12), 24)
    assert pts == [(100, 60), (100 + S, 60), (100 + S, 24), (50 - S, 24), (50 - S, 12), (50, 12)]


def test_ss_runs_round_both_starts():
    assert route(1, (40, 100, 12), (20, 80, 36), 24) == [(40, 12), (20 - S, 12), (20 - S, 36), (20, 36)]


def test_ff_runs_round_both_ends():
    assert route(2, (0, 100, 12), (0, 150, 36), 24) == [(100, 12), (150 + S, 12), (150 + S, 36), (150, 36)]


def test_sf_leaves_the_start_and_enters_the_end():
    assert route(3, (100, 200, 12), (0, 50, 36), 24) == [(100, 12), (100 - S, 12), (100 - S, 36), (50, 36)]
