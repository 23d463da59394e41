"""`ilrs-planner export`: other formats through the exchange modules, images through the Qt exporter."""

import sys
import types
from datetime import date
from pathlib import Path

import pytest

from ilrs_planner.cli import main
from ilrs_planner.exchange.formats import read_plan

DATA = Path(__file__).parent / "data"


@pytest.fixture
def plan_db(tmp_path):
    path = tmp_path / "tiny.db"
    assert main(["import", str(DATA / "tiny.csv"), "-o", str(path)]) == 0
    return path


def test_export_csv_gives_back_the_imported_plan(plan_db, tmp_path, capsys):
    out = tmp_path / "tiny-out.csv"
    assert main(["export", str(plan_db), "-o", str(out)]) == 0
    assert f"Wrote {out}" in capsys.readouterr().out
    again, original = read_plan(out).project, read_plan(DATA / "tiny.csv").project
    shape = lambda p: [(depth, t.key, t.name, t.duration) for t, depth in p.walk()]  # noqa: E731
    assert shape(again) == shape(original) and again.start == date(2030, 1, 1)


def test_image_options_on_a_table_export_are_reported(plan_db, tmp_path, capsys):
    assert main(["export", str(plan_db), "-o", str(tmp_path / "t.csv"), "--width", "3840"]) == 0
    assert "warning: --width apply to images only" in capsys.readouterr().err


def test_unknown_export_format_lists_the_supported_ones(plan_db, tmp_path, capsys):
    assert main(["export", str(plan_db), "-o", str(tmp_path / "plan.docx")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error[export.failed]:") and ".csv" in err


@pytest.fixture
def fake_image_export(monkeypatch):
    """Stand-in for the Qt exporter: records what the command asked for."""
    calls = []
    module = types.ModuleType("ilrs_planner.qt.image_export")
    module.export_image = lambda project, path, **options: calls.append((project, Path(path), options))
    monkeypatch.setitem(sys.modules, "ilrs_planner.qt.image_export", module)
    return calls


def test_image_export_passes_every_option(plan_db, tmp_path, fake_image_export):
    out = tmp_path / "roadmap.png"
    args = ["export", str(plan_db), "-o", str(out), "--from", "2024", "--to", "2050", "--width", "3840",
            "--dpi", "150", "--milestones-only", "--title", "ILRS roadmap", "--baseline", "2024 plan"]
    assert main(args) == 0
    [(project, path, options)] = fake_image_export
    assert project.name == "Tiny" and path == out
    assert options == {"width": 3840, "height": None, "dpi": 150, "date_from": date(2024, 1, 1),
                       "date_to": date(2051, 1, 1), "milestones_only": True, "title": "ILRS roadmap",
                       "one_page": False, "baseline": "2024 plan", "page_size": "A3", "warnings": []}


def test_size_and_fit_page_reach_the_exporter(plan_db, tmp_path, fake_image_export, capsys):
    assert main(["export", str(plan_db), "-o", str(tmp_path / "r.png"), "--size", "1920x1080"]) == 0
    assert (fake_image_export[0][2]["width"], fake_image_export[0][2]["height"]) == (1920, 1080)
    assert main(["export", str(plan_db), "-o", str(tmp_path / "r.pdf"), "--fit-page"]) == 0
    assert fake_image_export[1][2]["one_page"] is True


@pytest.mark.parametrize("size", ["1920", "1920x", "axb", "0x1080"])
def test_a_size_that_is_not_width_x_height_is_a_usage_error(plan_db, tmp_path, capsys, size):
    with pytest.raises(SystemExit) as caught:
        main(["export", str(plan_db), "-o", str(tmp_path / "r.png"), "--size", size])
    assert caught.value.code == 2 and "--size" in capsys.readouterr().err


def test_image_dates_accept_full_dates(plan_db, tmp_path, fake_image_export):
    assert main(["export", str(plan_db), "-o", str(tmp_path / "r.svg"), "--from", "2026-03-15",
                 "--to", "2030-06"]) == 0
    options = fake_image_export[0][2]
    assert (options["date_from"], options["date_to"]) == (date(2026, 3, 15), date(2030, 7,
                                                                                  1))  # exclusive end: 30 June is drawn


def test_image_range_must_not_be_reversed(plan_db, tmp_path, capsys, fake_image_export):
    assert main(["export", str(plan_db), "-o", str(tmp_path / "r.pdf"), "--from", "2040", "--to", "2030"]) == 2
    assert capsys.readouterr().err.startswith("error[cli.usage]:")
    assert fake_image_export == []


def test_bad_width_is_a_usage_error(plan_db, tmp_path, capsys):
    with pytest.raises(SystemExit) as caught:
        main(["export", str(plan_db), "-o", str(tmp_path / "r.png"), "--width", "0"])
    assert caught.value.code == 2 and "--width" in capsys.readouterr().err


def test_real_png_export_has_the_requested_width(qapp, plan_db, tmp_path, capsys):
    # `qapp` first: the process's one Qt application must be a full QApplication for later widget tests.
    out = tmp_path / "tiny.png"
    assert main(["export", str(plan_db), "-o", str(out), "--width", "800", "--title", "Tiny plan"]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert int.from_bytes(data[16:20], "big") == 800  # IHDR width


def test_a_slide_export_of_the_roadmap_is_exactly_1920_by_1080_and_says_what_it_folded(qapp, tmp_path, capsys):
    plan = tmp_path / "roadmap.db"
    assert main(["new", "--reference", str(plan)]) == 0
    out = tmp_path / "slide.png"
    assert main(["export", str(plan), "-o", str(out), "--size", "1920x1080"]) == 0
    data = out.read_bytes()
    assert (int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")) == (1920, 1080)
    assert "folded “Agreements & membership”" in capsys.readouterr().err


def test_history_export_passes_its_options_and_counts_the_frames(plan_db, tmp_path, monkeypatch, capsys):
    calls = []

    def export_history(project, path, **options):
        calls.append((Path(path), options))
        return 7

    module = types.ModuleType("ilrs_planner.qt.image_export")
    module.export_history = export_history
    monkeypatch.setitem(sys.modules, "ilrs_planner.qt.image_export", module)
    out = tmp_path / "history.gif"
    assert main(["export", str(plan_db), "-o", str(out), "--history", "--milestones-only", "--size", "1280x720"]) == 0
    [(path, options)] = calls
    assert path == out and options["size"] == (1280, 720) and options["milestones_only"] is True
    assert "7 frames" in capsys.readouterr().out


def test_a_history_is_a_gif_or_a_png(plan_db, tmp_path, capsys):
    assert main(["export", str(plan_db), "-o", str(tmp_path / "history.pdf"), "--history"]) == 2
    assert ".gif or .apng (an animation) or .png" in capsys.readouterr().err


def test_an_image_against_a_baseline_is_a_tracking_gantt_that_names_it(qapp, tmp_path, capsys):
    plan = tmp_path / "roadmap.db"
    assert main(["new", "--reference", str(plan)]) == 0
    out = tmp_path / "slip.svg"
    baseline = "2022-11-22 Wu Weiren: basic structure by 2028"
    assert main(["export", str(plan), "-o", str(out), "--size", "1920x1080", "--baseline", baseline]) == 0
    svg = out.read_text(encoding="utf-8")
    assert f"compared with baseline “{baseline}”" in svg and "+7 y" in svg  # the basic station's slip
    assert main(["export", str(plan), "-o", str(tmp_path / "x.png"), "--baseline", "2031 plan"]) == 2
    assert "error[baseline.unknown]" in capsys.readouterr().err and not (tmp_path / "x.png").exists()


def test_a_spreadsheet_compares_with_the_baseline_asked_for(tmp_path, capsys):
    """`--baseline` names the baseline an .xlsx compares with (by name or number), as it names the
    image's; without it, the latest captured."""
    from openpyxl import load_workbook

    plan = tmp_path / "roadmap.db"
    assert main(["new", "--reference", str(plan)]) == 0
    hefei = "2023-04-25 Hefei conference (Wu Weiren, Wu Yanhua)"
    for asked, compared in ((hefei, hefei), (None, "2026-04-13 Chang'e 7 in the second half of 2026")):
        out = tmp_path / "roadmap.xlsx"
        capsys.readouterr()
        assert main(["export", str(plan), "-o", str(out)] + (["--baseline", asked] if asked else [])) == 0
        assert "ignored" not in capsys.readouterr().err
        rows = load_workbook(out)["Plan"].iter_rows(min_row=2)
        assert {row[0].value: row[1].value for row in rows}["Compared with baseline"] == compared
