"""iCalendar export: milestones as all-day events with stable UIDs, precision and source."""

from datetime import date

from icalendar import Calendar

from ilrs_planner.domain import Classification, Link, LinkType, Precision, Project, Task, TaskKind
from ilrs_planner.exchange.formats import write_plan


def _plan():
    plan = Project(name="ILRS milestones", start=date(2030, 1, 1))
    plan.add_task(Task("CE8", "Chang'e 8", 30, TaskKind.MISSION, id="t-ce8"))
    plan.add_task(Task("BASIC", "Basic station complete", 0, TaskKind.MILESTONE, id="t-basic", position=1,
                       precision=Precision.YEAR, source_url="https://example.org/basic", notes="by 2035",
                       classification=Classification.PARTNERS))
    plan.add_link(Link("t-ce8", "t-basic", LinkType.FS, 5))
    return plan


def _events(path):
    return [c for c in Calendar.from_ical(path.read_bytes()).walk() if c.name == "VEVENT"]


def test_milestones_become_all_day_events(tmp_path):
    write_plan(_plan(), tmp_path / "m.ics")
    [event] = _events(tmp_path / "m.ics")
    assert str(event["uid"]) == "t-basic@ilrs-planner"
    # Chang'e 8 works 1 to 30 January; 5 days' lag after the end of the 30th ends with 4 February, a
    # day no source states: the milestone is known to the year, so its event spans 2030.
    assert event.decoded("dtstart") == date(2030, 1, 1)
    assert event.decoded("dtend") == date(2031, 1, 1)
    assert str(event["summary"]) == "Basic station complete (2030)"
    description = str(event["description"])
    assert "Key: BASIC" in description and "precision: year" in description
    assert "https://example.org/basic" in description
    assert str(event["class"]) == "PRIVATE"


def test_uids_are_stable_across_exports_and_missions_are_optional(tmp_path):
    from ilrs_planner.exchange.ics import write
    plan = _plan()
    write(plan, tmp_path / "a.ics")
    plan.tasks["t-ce8"].duration = 40
    write(plan, tmp_path / "b.ics", missions=True)
    first = {str(e["uid"]) for e in _events(tmp_path / "a.ics")}
    second = {str(e["uid"]): e for e in _events(tmp_path / "b.ics")}
    assert first <= set(second)
    mission = second["t-ce8@ilrs-planner"]
    assert (mission.decoded("dtstart"), mission.decoded("dtend")) == (date(2030, 1, 1), date(2030, 2, 10))


def _hostile_plan(name="ILRS\r\nX-EVIL:1", url="https://example.org/a\r\nX-EVIL:2"):
    plan = Project(name=name, start=date(2030, 1, 1))
    plan.add_task(Task("K\rEY", "Basic\rstation\r\nX-EVIL:3", 0, TaskKind.MILESTONE, id="t-m\r\nX-EVIL:4",
                       source_url=url, notes="line one\rline two\x1b[2K"))
    return plan


def _content_lines(raw: bytes) -> list[bytes]:
    return raw.replace(b"\r\n ", b"").split(b"\r\n")  # unfolded, as a calendar reads them


def test_line_breaks_in_plan_text_never_start_a_property_nor_leave_a_raw_cr(tmp_path):
    from ilrs_planner.exchange.ics import write
    path = tmp_path / "m.ics"
    warnings = write(_hostile_plan(), path)
    raw = path.read_bytes()
    lines = _content_lines(raw)
    assert not any(line.startswith(b"X-EVIL") for line in lines)
    assert all(b"\r" not in line and b"\n" not in line and b"\x1b" not in line for line in lines)
    assert b"X-WR-CALNAME:ILRS X-EVIL:1" in lines
    [event] = _events(path)
    assert str(event["summary"]) == "Basic station X-EVIL:3"
    assert "line one\nline two[2K" in str(event["description"])
    assert "url" not in event and "https://example.org/a X-EVIL:2" in str(event["description"])
    assert warnings and "source URL" in warnings[0]


def test_a_lone_cr_in_the_plan_name_is_not_written_raw(tmp_path):
    from ilrs_planner.exchange.ics import write
    write(_hostile_plan(name="ILRS\rmilestones", url="https://example.org/a"), tmp_path / "m.ics")
    raw = (tmp_path / "m.ics").read_bytes()
    assert b"X-WR-CALNAME:ILRS milestones\r\n" in raw
    assert str(_events(tmp_path / "m.ics")[0]["url"]) == "https://example.org/a"


def test_a_milestone_known_to_the_day_is_an_event_of_its_day(tmp_path):
    plan = _plan()
    plan.tasks["t-basic"].precision = Precision.DAY
    write_plan(plan, tmp_path / "m.ics")
    [event] = _events(tmp_path / "m.ics")
    assert (event.decoded("dtstart"), event.decoded("dtend")) == (date(2030, 2, 4), date(2030, 2, 5))
    assert str(event["summary"]) == "Basic station complete"
