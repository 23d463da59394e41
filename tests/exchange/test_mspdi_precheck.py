"""An oversized MS Project XML file is refused by a streaming count, before any tree is built."""

import pytest

from ilrs_planner.domain import PlannerError
from ilrs_planner.exchange.formats import read_plan
from ilrs_planner.exchange.mspdi import precheck, xml_safe

TASK = b"<Task><UID>1</UID><Name>T</Name></Task>\n"


def _mspdi(tmp_path, tasks: int, extra: bytes = b"") -> object:
    path = tmp_path / "plan.xml"
    path.write_bytes(b'<?xml version="1.0"?><Project xmlns="http://schemas.microsoft.com/project">'
                     b"<Name>Big</Name>" + extra + b"<Tasks>" + TASK * tasks + b"</Tasks></Project>")
    return path


@pytest.fixture
def no_tree(monkeypatch):
    """Fail loudly if the full parse starts: the refusal must come before it."""
    def refuse(*_):
        raise AssertionError("the full parse started")
    monkeypatch.setattr(xml_safe, "_Builder", refuse)


def test_too_many_tasks_are_refused_before_the_tree_is_built(tmp_path, monkeypatch, no_tree):
    monkeypatch.setattr("ilrs_planner.exchange.mspdi.reader.MAX_TASKS", 50)
    with pytest.raises(PlannerError) as err:
        read_plan(_mspdi(tmp_path, 51))
    assert err.value.code == "import.bad_file" and "more than 50 tasks" in err.value.message


def test_too_many_elements_are_refused_before_the_tree_is_built(tmp_path, monkeypatch, no_tree):
    monkeypatch.setattr(xml_safe, "MAX_ELEMENTS", 1000)
    with pytest.raises(PlannerError) as err:
        read_plan(_mspdi(tmp_path, 10, extra=b"<ExtendedAttributes>" + b"<X/>" * 1000 + b"</ExtendedAttributes>"))
    assert "more than 1,000 elements" in err.value.message


@pytest.mark.parametrize("chunk", [5, 7, 64, 1 << 20])
def test_counts_are_exact_across_chunk_boundaries(tmp_path, monkeypatch, chunk):
    monkeypatch.setattr(precheck, "_CHUNK", chunk)
    path = _mspdi(tmp_path, 30)  # 3 + 30 * 3 + 1 start tags (Project, Name, Tasks; UID, Name, Task each)
    precheck.refuse_oversized(path, max_elements=3 + 90 + 1, max_tasks=30)
    with pytest.raises(PlannerError, match="more than 29 tasks"):
        precheck.refuse_oversized(path, max_elements=10**6, max_tasks=29)
    with pytest.raises(PlannerError, match="more than 92 elements"):
        precheck.refuse_oversized(path, max_elements=92, max_tasks=10**6)


def _linked(tmp_path, tasks: int):
    """`tasks` tasks, each after the one before it: `tasks - 1` dependencies."""
    link = "<PredecessorLink><PredecessorUID>{}</PredecessorUID></PredecessorLink>"
    body = "".join(f"<Task><UID>{uid}</UID><Name>T{uid}</Name>{link.format(uid - 1) if uid > 1 else ''}</Task>"
                   for uid in range(1, tasks + 1))
    path = tmp_path / "plan.xml"
    path.write_text(f"<Project><Name>Linked</Name><Tasks>{body}</Tasks></Project>", encoding="utf-8")
    return path


def test_too_many_dependencies_are_refused_before_the_tree_is_built(tmp_path, monkeypatch, no_tree):
    monkeypatch.setattr("ilrs_planner.exchange.mspdi.reader.MAX_LINKS", 5)
    with pytest.raises(PlannerError) as err:
        read_plan(_linked(tmp_path, 7))
    assert err.value.code == "import.bad_file"
    assert "plan.xml: more than 5 dependencies (predecessor links); an import takes at most 5" in err.value.message


def test_as_many_dependencies_as_the_bound_are_read(tmp_path, monkeypatch):
    monkeypatch.setattr("ilrs_planner.exchange.mspdi.reader.MAX_LINKS", 5)
    assert len(read_plan(_linked(tmp_path, 6)).project.links) == 5


def test_dependencies_the_count_misses_are_refused_as_they_are_read(tmp_path, monkeypatch):
    """A tag spelled with a line break inside is not counted before the parse; reading counts it."""
    monkeypatch.setattr("ilrs_planner.exchange.mspdi.reader.MAX_LINKS", 5)
    path = _linked(tmp_path, 7)
    path.write_text(path.read_text().replace("<PredecessorLink>", "<PredecessorLink\n>"))
    with pytest.raises(PlannerError, match="more than 5 dependencies"):
        read_plan(path)


def test_the_dependency_bound_is_the_csv_imports(tmp_path):
    from ilrs_planner.exchange import msp_csv
    from ilrs_planner.exchange.mspdi import reader

    assert reader.MAX_LINKS == msp_csv.MAX_LINKS == 800_000


def test_a_plan_within_the_bounds_is_still_read(tmp_path):
    result = read_plan(_mspdi(tmp_path, 3))
    assert len(result.project.tasks) >= 1
