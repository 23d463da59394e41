"""Words a partner writes never unmask withheld work: redact, merge their copy back, redact again.

A partner who adds (or renames) a task to list guessed codenames, or cites a source or adds a
participant naming them, must find next week's copy still saying "[withheld]" where it did, and
their own name and source shown as they wrote them (withheld there, it would confirm the guess).
The owner's own kept names still show the words they hold, as before.
"""

from datetime import date

from ilrs_planner.cli import main
from ilrs_planner.domain import Classification, Participant, Project, Task
from ilrs_planner.store import open_project, save_project

GUESSES = "Bird survey: Falcon Osprey Kestrel Harrier Merlin Nightjar Hobby Peregrine Goshawk"
NOTE = "Survey data goes to the Nightjar team first; its bus comes from Orbitex."
AS_SENT = "Survey data goes to the [withheld] team first; its bus comes from [withheld]."


def _plan(*kept: Task) -> Project:
    """A Restricted "Nightjar lander" (its notes name its bus, "Orbitex") and a public survey whose notes
    name both."""
    plan = Project(name="Lunar plan", start=date(2030, 1, 7))
    hidden = Task(key="nj", name="Nightjar lander", duration=20, id="t-nj",
                  classification=Classification.RESTRICTED, notes="Bus built by Orbitex.")
    survey = Task(key="pub", name="Public survey", duration=10, id="t-pub", notes=NOTE, position=1)
    for position, task in enumerate([hidden, survey, *kept]):
        task.position = position
        plan.tasks[task.id] = task
    return plan


def _week(tmp_path, capsys, name: str, plan_file) -> Project:
    copy = tmp_path / f"{name}.db"
    assert main(["redact", str(plan_file), "--level", "public", "-o", str(copy)]) == 0
    capsys.readouterr()
    return open_project(copy)


def _merged_back(tmp_path, capsys, edit) -> Project:
    """Week 1's copy, edited by the partner with `edit`, merged back; week 2's copy of the merged plan."""
    ours = tmp_path / "ours.db"
    save_project(_plan(), ours)
    week1 = _week(tmp_path, capsys, "week1", ours)
    assert week1.tasks["t-pub"].notes == AS_SENT
    edit(week1)
    save_project(week1, tmp_path / "theirs.db")
    merged = tmp_path / "merged.db"
    assert main(["merge", str(tmp_path / "week1.db"), str(ours), str(tmp_path / "theirs.db"), "-o", str(merged)]) == 0
    assert capsys.readouterr().out.startswith(f"merged cleanly into {merged}")
    return _week(tmp_path, capsys, "week2", merged)


def _add_task(copy: Project, **fields) -> None:
    task = Task(key="T-2", name=fields.pop("name", "Partner check"), duration=1, id="t-theirs", position=5, **fields)
    copy.tasks[task.id] = task


def test_a_partners_task_named_with_guessed_codenames_leaves_them_withheld_and_its_name_as_written(
        tmp_path, capsys):
    week2 = _merged_back(tmp_path, capsys, lambda copy: _add_task(copy, name=GUESSES))
    assert week2.tasks["t-pub"].notes == AS_SENT
    assert week2.tasks["t-theirs"].name == GUESSES  # a "[withheld]" among their own guesses would confirm one


def test_a_partner_renaming_one_of_our_kept_tasks_to_the_guesses_unmasks_nothing(tmp_path, capsys):
    def rename(copy: Project) -> None:
        copy.tasks["t-pub"].name = "Nightjar Orbitex survey"
    week2 = _merged_back(tmp_path, capsys, rename)
    assert week2.tasks["t-pub"].name == "Nightjar Orbitex survey"
    assert "Nightjar" not in week2.tasks["t-pub"].notes and "Orbitex" not in week2.tasks["t-pub"].notes


def test_a_partners_source_address_naming_a_word_of_withheld_notes_unmasks_nothing(tmp_path, capsys):
    source = "https://example.org/Orbitex-Nightjar-bus"
    week2 = _merged_back(tmp_path, capsys, lambda copy: _add_task(copy, source_url=source))
    assert week2.tasks["t-pub"].notes.endswith("its bus comes from [withheld].")
    assert "Nightjar" not in week2.tasks["t-pub"].notes
    assert week2.tasks["t-theirs"].source_url == source


def test_a_participant_the_partner_adds_unmasks_nothing(tmp_path, capsys):
    def add(copy: Project) -> None:
        firm = Participant(key="orbitex", name="Orbitex Nightjar Corp", id="p-theirs",
                           source_url="https://orbitex.example/nightjar")
        copy.participants[firm.id] = firm
        _add_task(copy, owner_id=firm.id)  # a participant who owns a kept task stays in the copy
    week2 = _merged_back(tmp_path, capsys, add)
    assert "p-theirs" in week2.participants
    assert week2.participants["p-theirs"].source_url == "https://orbitex.example/nightjar"
    assert week2.tasks["t-pub"].notes == AS_SENT


def test_the_owners_own_kept_names_still_show_the_words_they_hold(tmp_path, capsys):
    ours = tmp_path / "ours.db"
    save_project(_plan(Task(key="nj-survey", name="Night-jar survey", duration=3, id="t-own",
                            source_url="https://example.org/orbitex")), ours)
    copy = _week(tmp_path, capsys, "copy", ours)
    assert copy.tasks["t-own"].name == "Night-jar survey"
    assert copy.tasks["t-pub"].notes == NOTE  # "Nightjar" read across the hyphen; "Orbitex" from its source


def test_an_owners_word_stays_shown_after_a_partner_writes_it_too(tmp_path, capsys):
    ours = tmp_path / "ours.db"
    save_project(_plan(Task(key="nj-survey", name="Night-jar survey", duration=3, id="t-own")), ours)
    week1 = _week(tmp_path, capsys, "week1", ours)
    _add_task(week1, name=GUESSES)
    save_project(week1, tmp_path / "theirs.db")
    merged = tmp_path / "merged.db"
    assert main(["merge", str(tmp_path / "week1.db"), str(ours), str(tmp_path / "theirs.db"), "-o", str(merged)]) == 0
    week2 = _week(tmp_path, capsys, "week2", merged)
    assert week2.tasks["t-pub"].notes == "Survey data goes to the Nightjar team first; its bus comes from [withheld]."
