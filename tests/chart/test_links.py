"""Connector routing per link type, computed by hand."""

import numpy as np

from ilrs_planner.chart.links import STUB_PX, route, route_all

S = STUB_PX


def test_fs_just_ahead_goes_out_down_and_in():
    assert route(0, (0, 100, 12), (120, 300, 60), 24) == [(100, 12), (100 + S, 12), (100 + S, 60), (120, 60)]


def test_fs_far_ahead_runs_along_the_boundary_above_the_target_row_not_through_it():
    pts = route(0, (0, 100, 12), (200, 300, 60), 24)
    assert pts == [(100, 12), (100 + S, 12), (100 + S, 48), (200 - S, 48), (200 - S, 60), (200, 60)]
    assert all(b[0] - a[0] <= S for a, b in zip(pts, pts[1:]) if a[1] == b[1] == 60)  # only a stub in the row


def test_a_long_ss_link_never_runs_along_the_target_row():
    # The power plant (row below, 2024-2036) starts 11 years before the basic station (a milestone):
    # the run goes along the boundary above the plant's own bar, then up to the station.
    pts = route(1, (100, 600, 84), (500, 500, 12), 24)
    assert pts == [(100, 84), (100 - S, 84), (100 - S, 72), (500 - S, 72), (500 - S, 12), (500, 12)]


def test_fs_upwards_back_link_runs_along_the_boundary_above_the_source_row():
    # Along the top of a row, as every long run: run under the target, it framed a task entered
    # from above and from below with two lines that read as an empty bar.
    pts = route(0, (0, 100, 60), (50, 80, 12), 24)
    assert pts == [(100, 60), (100 + S, 60), (100 + S, 48), (50 - S, 48), (50 - S, 12), (50, 12)]


def test_ss_runs_round_both_starts():
    assert route(1, (40, 100, 12), (20, 80, 36), 24) == [(40, 12), (20 - S, 12), (20 - S, 36), (20, 36)]


def test_ff_runs_round_both_ends():
    assert route(2, (0, 140, 12), (0, 150, 36), 24) == [(140, 12), (150 + S, 12), (150 + S, 36), (150, 36)]
    # far apart: out of the source row at once, then along the boundary between the two rows
    assert route(2, (0, 100, 12), (0, 150, 36), 24) == [(100, 12), (100 + S, 12), (100 + S, 24), (150 + S, 24),
                                                        (150 + S, 36), (150, 36)]


def test_sf_leaves_the_start_and_enters_the_end():
    assert route(3, (100, 200, 12), (0, 80, 36), 24) == [(100, 12), (100 - S, 12), (100 - S, 36), (80, 36)]


def test_routing_many_links_at_once_gives_each_link_its_own_route():
    rng = np.random.default_rng(5)
    n = 2000
    x0 = rng.choice([0.0, 3.5, 40.0, 100.0, 108.0, 131.0, 500.0], n) + rng.integers(0, 3, n) * 8.0
    src = np.column_stack([x0, x0 + rng.choice([0.0, 8.0, 20.0, 300.0], n), rng.integers(0, 40, n) * 24 + 12.0])
    y0 = rng.choice([0.0, 4.0, 96.0, 108.0, 140.0, 520.0], n) + rng.integers(-2, 3, n) * 8.0
    dst = np.column_stack([y0, y0 + rng.choice([0.0, 8.0, 32.0], n), rng.integers(0, 40, n) * 24 + 12.0])
    codes = rng.integers(0, 4, n)
    points, offsets = route_all(codes, src, dst, 24)
    assert len(offsets) == n + 1
    for i in range(n):
        one = route(int(codes[i]), tuple(src[i]), tuple(dst[i]), 24)
        assert [tuple(p) for p in points[offsets[i]:offsets[i + 1]].tolist()] == one
    empty_points, empty_offsets = route_all(np.zeros(0, np.int64), np.zeros((0, 3)), np.zeros((0, 3)), 24)
    assert empty_points.shape == (0, 2) and empty_offsets.tolist() == [0]
