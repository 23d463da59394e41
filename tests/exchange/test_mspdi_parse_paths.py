"""MS Project XML read quickly: every refusal kept, a long prolog read, and values in MS Project's usual
shape read exactly as the general parsers read them."""

from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilrs_planner.domain import PlannerError
from ilrs_planner.exchange.formats import read_plan
from ilrs_planner.exchange.mspdi.values import Reader

MSP = "http://schemas.microsoft.com/project"


def _write(tmp_path, text: str, name: str = "plan.xml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("body,why", [
    ("<!-- a note -->\n<?pi x?>\n<!DOCTYPE p [<!ENTITY a 'b'>]><Project><Name>&a;</Name></Project>", "DOCTYPE"),
    # The prolog is read in pieces: a DOCTYPE far into it is still found before the root.
    ("<!--" + "x" * 200_000 + "-->" + '<!DOCTYPE p SYSTEM "file:///etc/passwd"><Project/>', "DOCTYPE"),
    ("<Project><Tasks>" + "<a>" * 30 + "</a>" * 30 + "</Tasks></Project>", "nested more than 24 deep"),
    ("<Project><Tasks><Task><UID>1</UID></Task></Tasks></Project><Project/>", "junk after document element"),
])
def test_hostile_files_are_still_refused(tmp_path, body, why):
    with pytest.raises(PlannerError) as caught:
        read_plan(_write(tmp_path, '<?xml version="1.0"?>' + body))
    assert caught.value.code == "import.bad_file" and why in caught.value.message


def test_a_long_prolog_without_doctype_is_read(tmp_path):
    body = ("<!--" + "x" * 200_000 + '-->\n<Project xmlns="' + MSP + '"><StartDate>2030-01-07T08:00:00</StartDate>'
            "<Tasks><Task><UID>1</UID><Name>Only</Name><OutlineLevel>1</OutlineLevel>"
            "<Duration>PT16H0M0S</Duration></Task></Tasks></Project>")
    result = read_plan(_write(tmp_path, body))
    assert [(t.name, t.duration) for t in result.project.tasks.values()] == [("Only", 2)]


@given(st.integers(0, 10**12))
def test_whole_hours_read_as_the_general_duration_parser_reads_them(hours):
    reader = Reader([])
    # The second spelling has a fractional second, so it takes the general parser.
    assert reader.minutes(f"PT{hours}H0M0S", "", "duration") == reader.minutes(f"PT{hours}H0M0.0S", "", "duration")


@given(st.datetimes(datetime(1900, 1, 1), datetime(2200, 12, 31, 23, 59, 59)).map(lambda d: d.replace(microsecond=0)))
def test_ms_project_date_times_read_as_the_general_date_parser_reads_them(moment):
    reader = Reader([])
    stamp = moment.isoformat()
    assert len(stamp) == 19
    assert reader.moment_of(stamp, "Start") == reader.moment_of(stamp + ".000", "Start") == moment


@pytest.mark.parametrize("stamp,expected,warned", [
    ("2030-01-01T08+05:00", datetime(2030, 1, 1, 8), False),  # 19 characters with a zone: the zone is dropped
    ("1800-01-01T08:00:00", None, True),
    ("2030-13-01T08:00:00", None, True),
    ("NA", None, False),
])
def test_date_times_of_the_usual_length_but_another_shape_take_the_general_rules(stamp, expected, warned):
    warnings: list[str] = []
    value = Reader(warnings).moment_of(stamp, "Start", "task UID 1")
    assert value == expected and (value is None or value.tzinfo is None)
    assert bool(warnings) == warned and all("task UID 1" in w for w in warnings)
