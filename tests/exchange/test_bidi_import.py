"""A partner's export cannot bring in text drawn as something it is not: bidirectional controls
are removed with a warning; the marks Arabic and Hebrew text needs come in as written."""

from ilrs_planner.exchange.formats import read_plan

SPOOF = "\u202egnissim\u202c"  # drawn "missing", stored "gnissim"
REORDERED_NOTE = "approved \u2067not yet\u2069 by CNSA"
ARABIC = "\u200fILRS محطة (المرحلة 2)"  # the RLM makes it read right to left though it opens in Latin


def _only_task(result):
    (task,) = result.project.tasks.values()
    return task


def test_csv_cells_lose_their_bidirectional_controls_with_a_warning_per_column(tmp_path):
    path = tmp_path / "plan.csv"
    path.write_text(f'ID,Name,Duration,Notes\n1,{SPOOF},5d,"{REORDERED_NOTE}"\n', encoding="utf-8")
    result = read_plan(path)
    task = _only_task(result)
    assert (task.name, task.notes) == ("gnissim", "approved not yet by CNSA")
    for column in ("Name", "Notes"):
        assert any(f"column {column}" in w and "bidirectional controls" in w for w in result.warnings)


def test_csv_cells_keep_the_marks_arabic_text_needs_without_a_warning(tmp_path):
    path = tmp_path / "plan.csv"
    path.write_text(f'ID,Name,Duration,Notes\n1,{ARABIC},5d,"سطر\u061c 2"\n', encoding="utf-8")
    result = read_plan(path)
    assert (_only_task(result).name, _only_task(result).notes) == (ARABIC, "سطر\u061c 2")
    assert not any("removed" in w for w in result.warnings)


def _xml(tmp_path, name: str, notes: str):
    path = tmp_path / "plan.xml"
    path.write_text(f"<Project><Name>{name}</Name><StartDate>2030-01-01T08:00:00</StartDate><Tasks><Task>"
                    f"<UID>1</UID><Name>{name}</Name><Notes>{notes}</Notes><Duration>PT8H0M0S</Duration>"
                    "</Task></Tasks></Project>", encoding="utf-8")
    return path


def test_ms_project_xml_loses_its_bidirectional_controls_with_a_warning(tmp_path):
    result = read_plan(_xml(tmp_path, SPOOF, REORDERED_NOTE))
    task = _only_task(result)
    assert (result.project.name, task.name, task.notes) == ("gnissim", "gnissim", "approved not yet by CNSA")
    assert any("Name" in w and "bidirectional controls" in w for w in result.warnings)
    assert any("Notes" in w and "bidirectional controls" in w for w in result.warnings)


def test_ms_project_xml_keeps_the_marks_without_a_warning(tmp_path):
    result = read_plan(_xml(tmp_path, ARABIC, "שלב 2\u200e"))
    assert (_only_task(result).name, _only_task(result).notes) == (ARABIC, "שלב 2\u200e")
    assert not any("removed" in w for w in result.warnings)
