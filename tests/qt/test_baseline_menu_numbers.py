"""View → Compare with baseline numbers the baselines as `ilrs-planner baselines` and the slip
report's chooser do, so "baseline 3" is the same announcement wherever it is read."""

from __future__ import annotations

import re

from ilrs_planner.cli import main
from ilrs_planner.commands.baselines import RenameBaseline
from ilrs_planner.store import save_project


def _menu_labels(window) -> list[str]:
    window.view.baseline_menu.aboutToShow.emit()  # what opening the menu does
    return [action.text() for action in window.view.baseline_menu.actions()]


def test_the_menu_numbers_the_roadmaps_baselines_as_the_command_line_lists_them(
        roadmap_window, tmp_path, capsys):
    path = tmp_path / "ilrs.db"
    save_project(roadmap_window.document.project, path)
    assert main(["baselines", str(path)]) == 0
    listed = [re.match(r"\s*(\d+)  (.+?)\s+as of ", line).groups() for line in capsys.readouterr().out.splitlines()]
    assert len(listed) == 32
    labels = _menu_labels(roadmap_window)
    assert labels[0] == "None (current plan only)"
    assert labels[1:] == [f"{number}  {name}" for number, name in listed]
    roadmap_window.view.baseline_menu.actions()[3].trigger()
    assert roadmap_window.document.baseline_name == listed[2][1]  # "3  ..." compares with baseline 3


def test_an_ampersand_in_a_baseline_name_is_shown_not_taken_as_a_shortcut(window):
    window.document.push(RenameBaseline("2021 roadmap", "R&D review"))
    labels = _menu_labels(window)
    assert labels[1] == "1  R&&D review"  # Qt draws "&&" as one "&"
    window.view.baseline_menu.actions()[1].trigger()
    assert window.document.baseline_name == "R&D review"
