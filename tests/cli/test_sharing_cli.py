"""The sharing commands end to end on real plan files: keygen/sign/verify, diff, merge, redact."""

import json
import stat
from datetime import date

import pytest

from ilrs_planner.cli import main
from ilrs_planner.domain import Baseline, Classification, Link, LinkType, Project, Task
from ilrs_planner.store import open_project, save_project


def _plan() -> Project:
    plan = Project(name="CLI plan", start=date(2030, 1, 1))
    plan.add_task(Task(key="LANDER", name="Lander build", duration=10, id="t-lander"))
    plan.add_task(Task(key="ORBITER", name="Orbiter build", duration=20, id="t-orbiter", position=1))
    plan.add_task(Task(key="READY", name="Station ready", duration=0, id="t-ready", position=2))
    plan.add_link(Link("t-lander", "t-ready", LinkType.FS, 0, id="l-1"))
    plan.add_link(Link("t-orbiter", "t-ready", LinkType.FS, 0, id="l-2"))
    plan.baselines.append(Baseline("Original", date(2029, 1, 1), {"t-ready": (date(2030, 1, 21), date(2030, 1, 21))}))
    return plan


@pytest.fixture
def plan_file(tmp_path):
    path = tmp_path / "plan.db"
    save_project(_plan(), path)
    return path


def _edit(path, change):
    project = open_project(path)
    change(project)
    save_project(project, path)


def test_keygen_sign_verify_states(tmp_path, plan_file, capsys):
    keys = tmp_path / "keys"
    assert main(["keygen", "--name", "SUPARCO planning", "-o", str(keys)]) == 0
    private = keys / "suparco-planning.key"
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert main(["verify", str(plan_file), "--trusted", str(keys)]) == 4  # unsigned
    assert main(["sign", str(plan_file), "--key", str(private)]) == 0
    assert main(["verify", str(plan_file), "--trusted", str(keys)]) == 0  # trusted
    assert main(["verify", str(plan_file), "--trusted", str(tmp_path / "nobody")]) == 1  # unknown key
    _edit(plan_file, lambda p: None)  # a re-save that changes nothing
    assert main(["verify", str(plan_file), "--trusted", str(keys)]) == 0
    _edit(plan_file, lambda p: setattr(p.tasks["t-lander"], "name", "Lander build (moved)"))
    capsys.readouterr()
    assert main(["verify", str(plan_file), "--trusted", str(keys)]) == 3  # altered
    assert "Altered after signing" in capsys.readouterr().out


def test_baseline_date_tampering_is_detected(tmp_path, plan_file):
    main(["keygen", "--name", "CNSA", "-o", str(tmp_path)])
    main(["sign", str(plan_file), "--key", str(tmp_path / "cnsa.key")])

    def move_baseline(project):
        old = project.baselines[0]
        project.baselines[0] = Baseline(old.name, old.as_of, {"t-ready": (date(2030, 2, 1), date(2030, 2, 1))},
                                        old.notes, old.id, old.prev_hash)
    _edit(plan_file, move_baseline)
    assert main(["verify", str(plan_file), "--trusted", str(tmp_path)]) == 3


def test_passphrase_from_environment(tmp_path, plan_file, monkeypatch):
    monkeypatch.setenv("PLAN_KEY_PASS", "s3cret words")
    assert main(["keygen", "--name", "ESA", "-o", str(tmp_path), "--passphrase-env", "PLAN_KEY_PASS"]) == 0
    assert main(["sign", str(plan_file), "--key", str(tmp_path / "esa.key"), "--passphrase-env", "PLAN_KEY_PASS"]) == 0
    monkeypatch.setenv("PLAN_KEY_PASS", "wrong")
    assert main(["sign", str(plan_file), "--key", str(tmp_path / "esa.key"), "--passphrase-env", "PLAN_KEY_PASS"]) == 2


def test_diff_text_and_json(tmp_path, plan_file, capsys):
    other = tmp_path / "other.db"
    project = open_project(plan_file)
    project.tasks["t-orbiter"].duration = 30
    save_project(project, other)
    assert main(["diff", str(plan_file), str(plan_file)]) == 0
    capsys.readouterr()
    assert main(["diff", str(plan_file), str(other)]) == 1
    out = capsys.readouterr().out
    assert "Orbiter build (ORBITER)" in out and "duration: 20 d → 30 d" in out
    # READY follows the orbiter's last day, 2030-01-20 (then 01-30): at its end, shown on that day
    assert "Station ready (READY): 2030-01-20 → 2030-01-30 (+10 d)" in out
    assert main(["diff", str(plan_file), str(other), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["tasks"]["changed"][0]["changes"] == [{"field": "duration", "old": 20, "new": 30}]


def test_merge_clean_and_with_conflicts(tmp_path, plan_file, capsys):
    ours, theirs, merged = tmp_path / "ours.db", tmp_path / "theirs.db", tmp_path / "merged.db"
    for path, duration, notes in ((ours, 12, ""), (theirs, 10, "their note")):
        project = open_project(plan_file)
        project.tasks["t-lander"].duration = duration
        project.tasks["t-lander"].notes = notes
        save_project(project, path)
    assert main(["merge", str(plan_file), str(ours), str(theirs), "-o", str(merged)]) == 0
    result = open_project(merged).tasks["t-lander"]
    assert (result.duration, result.notes) == (12, "their note")
    _edit(theirs, lambda p: setattr(p.tasks["t-lander"], "duration", 15))
    capsys.readouterr()
    assert main(["merge", str(plan_file), str(ours), str(theirs), "-o", str(merged), "--force"]) == 1
    out = capsys.readouterr().out
    assert "CONFLICT task LANDER Lander build, field duration" in out and "ours 12, theirs 15" in out
    assert open_project(merged).tasks["t-lander"].duration == 12


def test_a_merge_refused_by_a_fault_of_theirs_names_their_file(tmp_path, plan_file, capsys):
    """Their copy holds a task linked to itself (a partner's tool wrote it): the merge cannot be made,
    and the refusal says the fault is in THEIRS, not in the merge or in our plan."""
    ours, theirs, merged = tmp_path / "ours.db", tmp_path / "theirs.db", tmp_path / "merged.db"
    _edit_copy(plan_file, ours, 12)
    _edit_copy(plan_file, theirs, 15)
    _edit(theirs, lambda p: p.links.__setitem__("l-self", Link("t-orbiter", "t-orbiter", id="l-self")))
    assert main(["merge", str(plan_file), str(ours), str(theirs), "-o", str(merged)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error[link.self]: THEIRS ({theirs}) cannot be merged: ") and "ORBITER" in err
    assert not merged.exists()


@pytest.mark.parametrize("role", ["base", "ours", "theirs"])
def test_merge_never_writes_over_one_of_its_own_inputs(tmp_path, plan_file, capsys, role):
    ours, theirs = tmp_path / "ours.db", tmp_path / "theirs.db"
    _edit_copy(plan_file, ours, 12)
    _edit_copy(plan_file, theirs, 15)
    inputs = {"base": plan_file, "ours": ours, "theirs": theirs}
    link = tmp_path / "merged.db"  # another name for the input: saving over a link writes its target
    link.symlink_to(inputs[role])
    before = {name: path.read_bytes() for name, path in inputs.items()}
    for output in (inputs[role], link):
        assert main(["merge", str(plan_file), str(ours), str(theirs), "-o", str(output)]) == 2
        assert f"not {role.upper()}" in capsys.readouterr().err
    assert {name: path.read_bytes() for name, path in inputs.items()} == before


def _edit_copy(source, target, duration):
    project = open_project(source)
    project.tasks["t-lander"].duration = duration
    save_project(project, target)


def test_redacted_file_holds_no_byte_of_a_removed_task(tmp_path, plan_file):
    def add_secret(project):
        secret = Task(key="ZEPHYR-9", name="Zephyr reactor delivery", duration=40, id="zephyr0000secret",
                      classification=Classification.RESTRICTED, notes="Classified payload manifest QX-771",
                      source_url="https://restricted.example/zephyr", position=3)
        project.add_task(secret)
        project.add_link(Link("t-lander", secret.id, LinkType.FS, 0))
        project.add_link(Link(secret.id, "t-ready", LinkType.FS, 0))
        project.tasks["t-orbiter"].notes = "needs the Zephyr reactor delivery first"
        project.baselines.append(Baseline("With Zephyr reactor delivery", date(2029, 6, 1),
                                          {secret.id: (date(2030, 1, 11), date(2030, 2, 20))}))
    _edit(plan_file, add_secret)
    out = tmp_path / "public.db"
    assert main(["redact", str(plan_file), "--level", "public", "-o", str(out)]) == 0
    raw = out.read_bytes()
    for word in ("Zephyr", "ZEPHYR-9", "zephyr0000secret", "QX-771", "restricted.example"):
        for encoded in (word.encode("utf-8"), word.encode("utf-16-le")):
            assert encoded not in raw, word
    assert not list(tmp_path.glob(".public.db.*"))  # no temporary file left beside it
    from ilrs_planner.engine.cpm import schedule
    before, after = schedule(open_project(plan_file)).tasks, schedule(open_project(out)).tasks
    assert after["t-ready"].early_start == before["t-ready"].early_start == date(2030, 2, 20)
    assert main(["redact", str(plan_file), "--level", "public", "-o", str(plan_file)]) == 2


def test_redact_never_writes_the_partner_copy_over_its_own_plan_through_a_link(tmp_path, plan_file, capsys):
    # Saving over a link writes the file it points to: this replaced the plan with its partner copy.
    link = tmp_path / "copy.db"
    link.symlink_to(plan_file)
    before = plan_file.read_bytes()
    assert main(["redact", str(plan_file), "--level", "public", "-o", str(link)]) == 2
    assert "new file" in capsys.readouterr().err
    assert plan_file.read_bytes() == before


@pytest.mark.parametrize("spelling", ["everyone", "Everyone", "public"])
def test_redact_names_the_widest_level_everyone_as_the_window_does(tmp_path, plan_file, capsys, spelling):
    # "public" is the name the command line documented before the levels had one name everywhere.
    out = tmp_path / "copy.db"
    assert main(["redact", str(plan_file), "--level", spelling, "-o", str(out)]) == 0
    assert "at level 'everyone'" in capsys.readouterr().out
    assert all(t.classification == Classification.PUBLIC for t in open_project(out).tasks.values())


def test_redact_without_notes_sends_no_note_and_says_so(tmp_path, plan_file, capsys):
    def annotate(project):
        project.tasks["t-lander"].notes = "ahead of the reserve we keep before the landing"
        project.baselines[0] = Baseline("Original", date(2029, 1, 1), dict(project.baselines[0].entries),
                                        notes="agreed at the internal review")
    _edit(plan_file, annotate)
    with_notes, without = tmp_path / "with.db", tmp_path / "without.db"
    assert main(["redact", str(plan_file), "--level", "everyone", "-o", str(with_notes)]) == 0
    assert open_project(with_notes).tasks["t-lander"].notes == "ahead of the reserve we keep before the landing"
    capsys.readouterr()
    assert main(["redact", str(plan_file), "--level", "everyone", "--without-notes", "-o", str(without)]) == 0
    assert capsys.readouterr().out == f"{without}: 3 tasks at level 'everyone', nothing withheld, notes left out\n"
    copy = open_project(without)
    assert [t.notes for t in copy.tasks.values()] == ["", "", ""] and copy.baselines[0].notes == ""
    for word in (b"reserve", b"internal review"):
        assert word not in without.read_bytes()


def test_redact_names_the_tasks_whose_floats_the_copy_cannot_keep(tmp_path, plan_file, capsys):
    # The lander (10 d) is followed at once by a withheld 5-day test that nothing waits on; the orbiter
    # (20 d) ends the plan on Jan 21. The lander has 5 d of float, none free, which no link can say.
    def add_test(project):
        project.add_task(Task(key="TEST", name="Secret test", duration=5, id="t-test", position=3,
                              classification=Classification.RESTRICTED))
        project.add_link(Link("t-lander", "t-test", LinkType.FS, 0, id="l-3"))
        project.links.pop("l-1")
    _edit(plan_file, add_test)
    assert main(["redact", str(plan_file), "--level", "everyone", "-o", str(tmp_path / "copy.db")]) == 0
    assert capsys.readouterr().out.splitlines()[1] == (
        "Floats differ in the copy for 1 task with withheld work after them: "
        "Lander build (in the copy total 5 d, free 5 d; in this plan total 5 d, free 0 d)")


def test_redact_gives_the_copy_a_must_finish_by_where_withheld_work_ends_the_plan(tmp_path, plan_file, capsys):
    # A withheld 60-day soak after Station ready (Jan 21) ends the plan on Mar 22 (last day Mar 21); a
    # site survey (5 d, Jan 1-5) waits on nothing and has 75 d of float to it: its late finish is the
    # end of Mar 21. The copy ends with Station ready, so it must finish by Mar 21, and the survey reads
    # its 75 d there too (15 d, to Station ready, without it).
    def add_soak(project):
        project.add_task(Task(key="SOAK", name="Secret soak", duration=60, id="t-soak", position=3,
                              classification=Classification.RESTRICTED))
        project.add_task(Task(key="SURVEY", name="Site survey", duration=5, id="t-survey", position=4))
        project.add_link(Link("t-ready", "t-soak", LinkType.FS, 0, id="l-3"))
    _edit(plan_file, add_soak)
    assert main(["redact", str(plan_file), "--level", "everyone", "-o", str(tmp_path / "copy.db")]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == [
        "Withheld work ends this plan after the copy's last task, so the copy must finish by 2030-03-21, the "
        "latest late finish of its tasks in this plan: its floats run to that day as this plan's do"]
    copy = open_project(tmp_path / "copy.db")
    assert copy.must_finish_by == date(2030, 3, 21)
    assert main(["schedule", str(tmp_path / "copy.db"), "--json"]) == 0
    survey = next(t for t in json.loads(capsys.readouterr().out)["tasks"] if t["key"] == "SURVEY")
    assert (survey["total_float_days"], survey["free_float_days"]) == (75, 75)


def test_redact_refuses_an_unknown_level_naming_the_three(tmp_path, plan_file, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["redact", str(plan_file), "--level", "secret", "-o", str(tmp_path / "copy.db")])
    assert stop.value.code == 2
    assert "a level is one of everyone, partners, restricted, not 'secret'" in capsys.readouterr().err
    assert not (tmp_path / "copy.db").exists()


def test_a_task_added_to_a_partner_copy_keeps_its_id_and_takes_a_free_key_on_merging_back(tmp_path, capsys):
    plan = Project(name="Keyed plan", start=date(2030, 1, 1))
    for number in range(1, 6):  # keyed as the window keys tasks it adds; T-3 is withheld from partners
        plan.add_task(Task(key=f"T-{number}", name=f"Step {number}", duration=5, id=f"t{number}", position=number,
                           classification=Classification.RESTRICTED if number == 3 else Classification.PUBLIC))
    save_project(plan, tmp_path / "plan.db")
    assert main(["redact", str(tmp_path / "plan.db"), "--level", "partners", "-o", str(tmp_path / "copy.db")]) == 0
    copy = open_project(tmp_path / "copy.db")
    assert sorted(t.key for t in copy.tasks.values()) == ["T-1", "T-2", "T-3", "T-4"]  # no gap at the withheld T-3
    copy.add_task(Task(key="T-3", name="Their step", duration=2, id="t-theirs", position=9))  # keys alike, as
    copy.add_task(Task(key="T-5", name="Their check", duration=1, id="t-check", position=10))  # theirs may
    save_project(copy, tmp_path / "theirs.db")
    capsys.readouterr()
    assert main(["merge", str(tmp_path / "copy.db"), str(tmp_path / "plan.db"), str(tmp_path / "theirs.db"),
                 "-o", str(tmp_path / "merged.db")]) == 0
    out = capsys.readouterr().out
    merged = open_project(tmp_path / "merged.db").tasks
    assert {tid: merged[tid].key for tid in merged} == {"t1": "T-1", "t2": "T-2", "t3": "T-3", "t4": "T-4",
                                                         "t5": "T-5", "t-theirs": "T-6", "t-check": "T-7"}
    assert (merged["t3"].name, merged["t-theirs"].name) == ("Step 3", "Their step")  # nothing confused
    assert out.startswith("merged cleanly") and out.count("NOTE their new task") == 2
    assert "'Their step' is keyed T-6 here: T-3, its key in their copy" in out


@pytest.mark.parametrize("command", ["redact", "merge", "sign"])
def test_a_sharing_command_never_replaces_an_existing_file_without_force(tmp_path, plan_file, capsys, command):
    """A copy, a merge or a signed copy written over a file already there would lose that file (a
    partner's copy received earlier, yesterday's merge): refused unless --force, the file untouched."""
    keys = tmp_path / "keys"
    main(["keygen", "--name", "CNSA", "-o", str(keys)])
    existing = tmp_path / "existing.db"
    existing.write_bytes(b"yesterday's merge")
    args = {"redact": ["redact", str(plan_file), "--level", "everyone"],
            "merge": ["merge", str(plan_file), str(plan_file), str(plan_file)],
            "sign": ["sign", str(plan_file), "--key", str(keys / "cnsa.key")]}[command]
    capsys.readouterr()
    assert main([*args, "-o", str(existing)]) == 2
    err = capsys.readouterr().err
    assert "existing.db already exists" in err and "--force" in err
    assert existing.read_bytes() == b"yesterday's merge"
    assert main([*args, "-o", str(existing), "--force"]) in (0, 1)
    assert open_project(existing).name == "CLI plan"
