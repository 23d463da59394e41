"""What the command line says when asked the unusual: an image format it does not write, a folder
that is not there, its version, slips read as last days of work."""

from __future__ import annotations

import pytest

from ilrs_planner import __version__
from ilrs_planner.cli import main


@pytest.fixture
def plan_db(tmp_path):
    path = tmp_path / "roadmap.db"
    assert main(["new", "--reference", str(path)]) == 0
    return path


def test_an_unsupported_image_format_lists_the_image_formats_too(plan_db, tmp_path, capsys):
    assert main(["export", str(plan_db), "-o", str(tmp_path / "out.jpg")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error[export.failed]: out.jpg: '.jpg' files cannot be written")
    for suffix in (".png", ".svg", ".pdf", ".csv", ".xml", ".xlsx", ".ics"):
        assert suffix in err


@pytest.mark.parametrize("name", ["out.png", "out.csv"])
def test_exporting_into_a_missing_folder_names_the_folder(plan_db, tmp_path, capsys, name):
    target = tmp_path / "no-such-folder" / name
    assert main(["export", str(plan_db), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error[export.no_folder]:") and "no-such-folder' does not exist" in err
    assert "PNG writer" not in err


def test_version_is_printed(capsys):
    with pytest.raises(SystemExit) as ended:
        main(["--version"])
    assert ended.value.code == 0
    assert capsys.readouterr().out.strip() == f"ilrs-planner {__version__}"


def test_diff_help_documents_its_exit_status(capsys):
    with pytest.raises(SystemExit):
        main(["diff", "--help"])
    assert "Exit status 0 = same content, 1 = different" in " ".join(capsys.readouterr().out.split())


def test_slip_text_shows_last_days_of_work_and_says_so(plan_db, capsys):
    assert main(["slip", str(plan_db)]) == 0
    out = capsys.readouterr().out
    assert "last day of work" in out
    basic = next(line for line in out.splitlines() if line.split()[-1:] == ["ilrs-basic"])  # key last
    assert basic.split()[-2] == "2035"  # "by 2035": known to the year, so shown as the year
    recon = next(line for line in out.splitlines() if line.split()[-1:] == ["ilrs-recon"])
    # Chang'e 7 has not flown by the status date 2026-12-01: its 184-day window runs from it to its last
    # day 2027-06-02, and the phase it ends, dated to the year, is shown as 2027 (not 2025 as announced)
    assert recon.split()[-2] == "2027"
    luna = next(line for line in out.splitlines() if line.split()[-1:] == ["luna-25"])
    assert "2023-08-19" in luna  # flown: its last day, not the exclusive 2023-08-20
