"""A participant's colour is '#rrggbb' or empty: anything else is refused where it would enter a plan
file, and never reaches the chart."""

from __future__ import annotations

from datetime import date

import pytest
from file_surgery import tamper

from ilrs_planner.chart.palette import OWNER_PALETTE, owner_colors
from ilrs_planner.data import members
from ilrs_planner.domain import Participant, PlannerError, Project, Task
from ilrs_planner.store import open_project, save_project


def _plan(color: str) -> Project:
    plan = Project("Colours", date(2030, 1, 1))
    plan.add_participant(Participant("ESA", "European Space Agency", color=color, id="p-esa"))
    plan.add_task(Task("a", "Alpha", 5, id="t-a", owner_id="p-esa"))
    return plan


@pytest.mark.parametrize("color", ["#zzzzzz", "#12345", "0072b2", "#0072b2 ", "red", "#0072b2ff"])
def test_saving_a_colour_that_is_not_rrggbb_is_refused_naming_the_participant(tmp_path, color):
    path = tmp_path / "plan.db"
    with pytest.raises(PlannerError) as caught:
        save_project(_plan(color), path)
    assert caught.value.code == "participant.bad_color" and caught.value.subject_ids == ("p-esa",)
    assert "'ESA'" in caught.value.message and f"'{color}'" in caught.value.message
    assert not path.exists()


@pytest.mark.parametrize("color", ["", "#0072b2", "#E69F00"])
def test_an_empty_or_rrggbb_colour_is_saved_and_read_back(tmp_path, color):
    path = tmp_path / "plan.db"
    save_project(_plan(color), path)
    assert open_project(path).participants["p-esa"].color == color


def test_a_file_holding_a_colour_that_is_not_rrggbb_is_refused_naming_where(tmp_path):
    path = tmp_path / "plan.db"
    save_project(_plan("#0072b2"), path)
    tamper(path, "UPDATE participants SET color = '#zzzzzz'")
    with pytest.raises(PlannerError) as caught:
        open_project(path)
    assert caught.value.code == "store.bad_value"
    assert "table participants, row 1, column color: '#zzzzzz' is not a colour" in caught.value.message


def test_the_chart_draws_a_participant_of_a_colour_that_is_not_rrggbb_in_a_palette_colour():
    colors = owner_colors(_plan("#zzzzzz"))
    assert colors["p-esa"] in OWNER_PALETTE


def test_the_bundled_participants_refuse_a_colour_that_is_not_rrggbb(monkeypatch):
    entry = {"key": "ESA", "name": "European Space Agency", "kind": "agency", "color": "#zzzzzz"}
    monkeypatch.setattr(members, "read_data_toml", lambda _name: {"participant": [entry]})
    with pytest.raises(PlannerError) as caught:
        members.load_participants()
    assert caught.value.code == "participant.bad_color" and "'ESA'" in caught.value.message
