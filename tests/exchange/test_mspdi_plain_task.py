"""A task written as MS Project writes it is read by a shortcut (`plain_task`); every file, and every
task whatever its fields hold, reads as the general reading reads it: the same plan, the same
warnings in the same order, the same refusal."""

from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mspdi_ways import plan_file, read_way

from ilrs_planner.exchange.mspdi import plain_task

TESTS = Path(__file__).resolve().parent.parent
MSPDI_FILES = sorted(path for path in TESTS.rglob("*.xml") if b"<Project" in path.read_bytes()[:2000])
_HEADER = ("<ExtendedAttributes>" + "".join(
    f"<ExtendedAttribute><FieldID>{field_id}</FieldID><FieldName>Text{n}</FieldName><Alias>ILRS {alias}</Alias>"
    "</ExtendedAttribute>" for n, (field_id, alias) in enumerate(
        [("101", "key"), ("102", "id"), ("103", "kind"), ("104", "source date"), ("105", "estimate o/m/p days"),
         ("106", "summary duration"), ("107", "confidence")], start=1)) + "</ExtendedAttributes>")


def _both(monkeypatch, path: Path):
    monkeypatch.setattr(plain_task, "FAST", False)
    general, _ = read_way(monkeypatch, path, "single")
    monkeypatch.setattr(plain_task, "FAST", True)
    shortcut, _ = read_way(monkeypatch, path, "single")
    return general, shortcut


@pytest.mark.parametrize("path", MSPDI_FILES, ids=[path.stem for path in MSPDI_FILES])
def test_every_ms_project_file_of_the_tests_reads_alike_with_or_without_the_shortcut(monkeypatch, path):
    general, shortcut = _both(monkeypatch, path)
    assert shortcut == general


def test_the_shortcut_reads_a_plain_task_and_leaves_an_odd_one_to_the_general_reading(monkeypatch, tmp_path):
    plain = _task(2, {"Name": "Plain", "Duration": "PT16H0M0S", "ConstraintType": "4",
                      "ConstraintDate": "2030-01-09T08:00:00"})
    odd = _task(3, {"Name": "Odd", "Duration": "PT4H0M0S"})  # half a day: a warning, so the general way
    taken: list[bool] = []
    original = plain_task.read_plain
    monkeypatch.setattr("ilrs_planner.exchange.mspdi.reader.read_plain",
                        lambda tasks, record, ready: taken.append(original(tasks, record, ready)) or taken[-1])
    general, shortcut = _both(monkeypatch, plan_file(tmp_path, _task(1, {"Name": "First"}) + plain + odd))
    assert shortcut == general and taken[-3:] == [True, True, False]
    assert any("rounded up to 1" in warning for warning in general[1])


# Each field's texts: first as MS Project writes them, then odd ones (a warning, a refusal, a text to clean).
_FIELDS = {
    "OutlineLevel": (["1", "2", "3"], ["0", "-1", " 2", "two", None]),
    "IsNull": (["0"], ["1", "true"]),
    "Manual": (["0"], ["1", "TRUE"]),
    "Milestone": (["0", "1"], ["true"]),
    "Summary": (["0", "1"], []),
    "Name": (["Task", "Ünïcode", " Padded ", ""], ["  ", "n" * 201, "n" * 600, "tab\there", "a\u202eb"]),
    "WBS": (["1.2", " 1.2 ", ""], ["k" * 150]),
    "DurationFormat": (["7", "8", "53"], ["39", "7.5", "x"]),
    "Duration": (["PT0H0M0S", "PT8H0M0S", "PT16H0M0S", "PT24H0M0S", ""],
                 ["PT4H0M0S", "P2D", "-PT8H0M0S", " PT8H0M0S", "PT999999999H0M0S", "x"]),
    "ConstraintType": (["0", "2", "3", "4", "5", "6", "7"], ["9", " 4", "x"]),
    "ConstraintDate": (["2030-01-09T08:00:00", "2030-01-09T17:00:00"],
                       ["", "2030-02-30T08:00:00", "2030-01-09", "1200-01-01T08:00:00", "NA",
                        "2030-01-09T08:00:00+02"]),
    "ActualStart": (["2030-01-08T08:00:00", "2030-01-10T08:00:00"], ["x"]),
    "ActualFinish": (["2030-01-09T17:00:00", "2030-01-07T17:00:00"], [" 2030-01-09T17:00:00"]),
    "Deadline": (["2030-01-10T00:00:00", "2030-01-10T17:00:00"], ["2030-01-10"]),
    "PercentComplete": (["0", "50", "100", "150"], ["-5", "5.5"]),
    "CalendarUID": (["1", ""], [" 1 ", "x"]),
    "HyperlinkAddress": ([" https://example.org "], ["h" * 300]),
    "Notes": (["", " spaced "], ["two\nlines", "n" * 250]),
    "Start": (["2030-01-07T08:00:00", "2030-01-07T17:00:00"], ["", "2030-01-07", "x"]),
    "Finish": (["2030-01-08T17:00:00", "2030-01-06T17:00:00"], ["NA"]),
}
_CUSTOM = {"101": ["", "K1", " K1 ", "K2"], "102": ["", "badid!", "a" * 32, "b" * 32],
           "103": ["", "task", "milestone", "phase", "bogus"], "104": ["", "2030-01-05", "2030-02-31", " 2030-01-05 "],
           "105": ["", "3/5/8", "3/5", "a/b/c"], "106": ["", "12", "x"], "107": ["", "high", "bogus"]}
_LINKS = [
    "<PredecessorLink><PredecessorUID>{p}</PredecessorUID><Type>1</Type><CrossProject>0</CrossProject>"
    "<LinkLag>0</LinkLag><LagFormat>7</LagFormat></PredecessorLink>",
    "<PredecessorLink><PredecessorUID>{p}</PredecessorUID><Type>9</Type><LinkLag>-2400</LinkLag></PredecessorLink>",
    "<PredecessorLink></PredecessorLink>",
    "<PredecessorLink><PredecessorUID>{p}</PredecessorUID><CrossProject>1</CrossProject></PredecessorLink>",
    "<Baseline><Number>0</Number><Start>2030-01-07T08:00:00</Start><Finish>2030-01-06T17:00:00</Finish></Baseline>",
    "<Baseline><Number>12</Number></Baseline>",
    "<ExtendedAttribute></ExtendedAttribute>",
    "<ExtendedAttribute><Value> K9 </Value><FieldID> 101 </FieldID></ExtendedAttribute>",
]


def _task(uid: int | str, texts: dict[str, str | None], extra: str = "") -> str:
    """A task of these child texts (None: left out), the UID first unless `texts` gives another."""
    texts = {"UID": str(uid), "OutlineLevel": "1", **texts}
    children = "".join(f"<{tag}>{escape(text)}</{tag}>" for tag, text in texts.items() if text is not None)
    return f"<Task>{children}{extra}</Task>"


def _text(draw, plain: list[str], odd: list[str | None]) -> str | None:
    """Mostly a plain text, sometimes none, now and then an odd one."""
    way = draw(st.integers(0, 15))
    return None if way < 5 else draw(st.sampled_from(odd)) if way == 15 and odd else draw(st.sampled_from(plain))


@st.composite
def _tasks(draw) -> str:
    tasks = [_task(1, {"Name": "First"})]
    for uid in range(2, draw(st.integers(2, 7))):
        odd_uid = draw(st.sampled_from(["", " 7 ", "x", "0", "1", "12345678901234567", str(uid)]))
        texts = {"UID": str(uid) if draw(st.integers(0, 5)) else odd_uid, **{tag: _text(draw, *values)
                                                                              for tag, values in _FIELDS.items()}}
        custom = "".join(f"<ExtendedAttribute><FieldID>{field}</FieldID><Value>{escape(draw(st.sampled_from(v)))}"
                         "</Value></ExtendedAttribute>" for field, v in _CUSTOM.items() if draw(st.booleans()))
        extra = "".join(draw(st.lists(st.sampled_from(_LINKS), max_size=2))).format(p=draw(st.integers(0, uid)))
        tasks.append(_task(uid, texts, custom + extra))
    return "".join(tasks)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tasks=_tasks())
def test_any_task_reads_as_the_general_reading_reads_it(monkeypatch, tmp_path, tasks):
    path = plan_file(tmp_path, tasks)
    path.write_text(path.read_text().replace("<Tasks>", _HEADER + "<Tasks>", 1))
    general, shortcut = _both(monkeypatch, path)
    assert shortcut == general


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tasks=_tasks())
def test_any_task_reads_alike_with_its_custom_fields_and_links_read_in_the_worker(monkeypatch, tmp_path, tasks):
    """The short way's worker reads each task's custom fields and plain links (`prepared`) beside the
    reading of the tasks before it: the plan and warnings are the general reading's."""
    path = plan_file(tmp_path, tasks)
    path.write_text(path.read_text().replace("<Tasks>", _HEADER + "<Tasks>", 1))
    read: list[bool] = []
    original = plain_task.read_plain
    monkeypatch.setattr("ilrs_planner.exchange.mspdi.reader.read_plain", lambda tasks, record, ready:
                        read.append(True) or original(tasks, record, ready))
    made_here: list[bool] = []  # readings made in this process (the worker's are made in its own)
    monkeypatch.setattr("ilrs_planner.exchange.mspdi.reader.prepared",
                        lambda *args: made_here.append(True) or plain_task.prepared(*args))
    general, _ = _both(monkeypatch, path)
    read.clear()
    made_here.clear()
    outcome, started = read_way(monkeypatch, path, "plain")
    assert outcome == general
    assert started == [True] and read and not made_here  # read the short way, every task with its reading made
