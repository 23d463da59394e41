"""A partner copy names nothing it removed and shows no trace of where hidden work was.

Each test is one leak a red team found: names surviving in another case or word by word, a dropped
participant's name, "[withheld]" inside a word, a kept summary's baseline span set by a hidden
task, sibling position gaps, a bridge lag equal to the hidden work. The property test builds
random plans, redacts them to a file, and searches the file's bytes for every removed token (the
distinctive words of what was left out's notes included), and its texts, read as a person reads
them, for every removed word however the notes disguise it (glued to a digit, to another word in
CamelCase or to Chinese text, in Greek look-alike capitals, with an l, 1 or 0 for an I or O, with
a hyphen inside it, in capitals before a CamelCase part, with emoji between its letters).
"""

import re
import string
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ilrs_planner.domain import Baseline, Link, LinkType, Participant, Project, Task, TaskKind
from ilrs_planner.domain import Classification as C
from ilrs_planner.domain.chain import broken_links
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.sharing.redact import WITHHELD, redact_project
from ilrs_planner.sharing.redact_fold import fold, fold_as_drawn
from ilrs_planner.sharing.redact_notes import note_secrets
from ilrs_planner.sharing.redact_scrub import secret_tokens
from ilrs_planner.store import save_project

D = date


def _plan() -> Project:
    plan = Project(name="Relay study", start=D(2030, 1, 1))
    plan.add_participant(Participant(key="ORB", name="Orbitex Corporation", id="p-orbitex"))
    plan.add_participant(Participant(key="CNSA", name="China National Space Administration", id="p-cnsa"))
    plan.add_task(Task(key="BUILD", name="Construction", kind=TaskKind.PHASE, id="ph"))
    plan.add_task(Task(key="A", name="Lander build", duration=10, id="a", parent_id="ph", position=0, owner_id="p-cnsa",
                       notes="NIGHTJAR must finish first; see Lunar-Nightjar-unit and orbitex's manual"))
    plan.add_task(Task(key="NJ-7", name="Nightjar relay", duration=30, id="nightjar0secret", parent_id="ph",
                       position=1, classification=C.RESTRICTED, owner_id="p-orbitex",
                       constraint_date=None))
    plan.add_task(Task(key="B", name="Station ready", duration=0, kind=TaskKind.MILESTONE, id="b", parent_id="ph",
                       position=2))
    plan.add_link(Link("a", "nightjar0secret", LinkType.FS, 2, id="l-1"))
    plan.add_link(Link("nightjar0secret", "b", LinkType.FS, 3, id="l-2"))
    plan.baselines.append(Baseline("With the nightjar RELAY", D(2029, 1, 1), {
        "ph": (D(2030, 1, 1), D(2030, 2, 20)), "a": (D(2030, 1, 1), D(2030, 1, 11)),
        "nightjar0secret": (D(2030, 1, 13), D(2030, 2, 20)), "b": (D(2030, 2, 18), D(2030, 2, 18))},
        notes="Orbitex pays for Nightjar"))
    return plan


def test_removed_names_are_scrubbed_in_any_case_and_word_by_word():
    out = redact_project(_plan(), "public")
    texts = [out.tasks["a"].notes, out.baselines[0].name, out.baselines[0].notes]
    joined = " ".join(texts).casefold()
    for secret in ("nightjar", "nj-7", "orbitex", "nightjar0secret"):
        assert secret not in joined, secret
    assert out.baselines[0].name == f"With the {WITHHELD}"  # "relay" too: only the hidden task had it


def test_withheld_replaces_whole_words_only():
    notes = redact_project(_plan(), "public").tasks["a"].notes
    assert notes == f"{WITHHELD} must finish first; see {WITHHELD} and {WITHHELD}'s manual"
    assert not re.search(rf"\w{re.escape(WITHHELD)}|{re.escape(WITHHELD)}\w|-{re.escape(WITHHELD)}", notes)


def test_the_dropped_participant_is_gone_by_name_key_and_id():
    out = redact_project(_plan(), "public")
    assert set(out.participants) == {"p-cnsa"}
    tokens = secret_tokens(_plan(), {"nightjar0secret"}, {"p-orbitex"})
    assert {"orbitex", "orbitex corporation", "p-orbitex", "orb"} <= tokens


def test_a_participant_classified_above_the_copy_is_left_out_with_its_name_even_on_visible_work():
    plan = _plan()
    plan.participants["p-cnsa"].classification = C.PARTNERS  # owns the public "Lander build"
    plan.tasks["b"].notes = "China National Space Administration signs off"
    public, partners = redact_project(plan, "public"), redact_project(plan, "partners")
    assert "p-cnsa" not in public.participants and public.tasks["a"].owner_id is None
    assert public.tasks["b"].notes == f"{WITHHELD} signs off"
    assert partners.tasks["a"].owner_id == "p-cnsa"


def test_a_baseline_classified_above_the_copy_is_left_out_and_the_history_still_chains():
    plan = _plan()
    plan.baselines.append(Baseline("Kestrel option", D(2029, 6, 1), {"a": (D(2030, 1, 1), D(2030, 1, 11))},
                                   classification=C.RESTRICTED, id="kestrel-option"))
    plan.baselines.append(Baseline("Spring review", D(2029, 9, 1), {"a": (D(2030, 1, 2), D(2030, 1, 12))}))
    plan.tasks["a"].notes = "compare with the Kestrel option"
    out = redact_project(plan, "partners")
    assert [b.name for b in out.baselines][1:] == ["Spring review"]
    assert out.tasks["a"].notes == f"compare with the {WITHHELD}"
    assert broken_links(out.baselines) == []


def test_a_kept_summary_baseline_span_comes_from_kept_sub_tasks_only():
    out = redact_project(_plan(), "public")
    entries = out.baselines[0].entries
    # The phase ran to 2030-02-20 only because of the hidden relay; its kept tasks end by 02-18.
    assert entries["ph"] == (D(2030, 1, 1), D(2030, 2, 18))


def _moved_after_the_baseline(where: str | None) -> Project:
    """A public phase whose baseline was taken while the Nightjar test was in it; since then the test
    went to a restricted phase (`where`) or was deleted (None)."""
    from ilrs_planner.commands.baselines import snapshot

    plan = Project("Owner plan", D(2030, 1, 1))
    plan.add_task(Task("PROP", "Propulsion", kind=TaskKind.PHASE, id="prop", position=0))
    plan.add_task(Task("A", "Tank test", 10, id="a", parent_id="prop", position=0))
    plan.add_task(Task("NJ", "Nightjar engine test", 200, id="nj", parent_id="prop", position=1))
    plan.add_task(Task("RES", "Restricted work", kind=TaskKind.PHASE, id="res", position=1,
                       classification=C.RESTRICTED))
    plan.add_link(Link("a", "nj", LinkType.FS, 0, id="l-a-nj"))
    plan.baselines.append(snapshot(plan, schedule(plan), "Original", D(2029, 12, 1)))
    assert plan.baselines[0].entries["prop"][1] == D(2030, 7, 30)  # the test's 200 days
    if where is None:
        del plan.tasks["nj"], plan.links["l-a-nj"]
    else:
        plan.tasks["nj"].parent_id, plan.tasks["nj"].position = where, 0
    return plan


@pytest.mark.parametrize("where", ["res", None])
def test_a_summary_baseline_span_set_by_work_moved_away_or_deleted_since_is_not_shown(where):
    # The phase lost no sub-task the copy withholds, so its baseline entry was kept as captured: it ran to
    # 2030-07-30 while its only sub-task ended 2030-01-10, dating 200 days of work the copy does not show.
    out = redact_project(_moved_after_the_baseline(where), "public")
    entries = out.baselines[0].entries
    assert sorted(entries) == ["a", "prop"]
    assert tuple(entries["prop"])[:2] == tuple(entries["a"])[:2]


def test_a_summary_baseline_whose_sub_tasks_all_went_since_is_left_out():
    plan = _moved_after_the_baseline("res")
    plan.tasks["a"].parent_id = None  # the tank test moved to the top; the phase gets new work
    plan.add_task(Task("B", "New work", 5, id="b", parent_id="prop", position=0))
    out = redact_project(plan, "public")
    assert "prop" not in out.baselines[0].entries and "a" in out.baselines[0].entries


def test_a_summary_baseline_its_sub_tasks_explain_is_kept_as_captured():
    from ilrs_planner.commands.baselines import snapshot

    plan = _plan()
    plan.baselines.append(snapshot(plan, schedule(plan), "Captured", D(2029, 12, 2)))
    before = dict(plan.baselines[-1].entries)
    out = redact_project(plan, "restricted")  # nothing withheld: every entry as the plan holds it
    assert dict(out.baselines[-1].entries) == before


def test_sibling_positions_leave_no_gap_and_the_bridge_lag_is_what_the_dates_show():
    out = redact_project(_plan(), "public")
    assert sorted(t.position for t in out.tasks.values() if t.parent_id == "ph") == [0, 1]
    [bridge] = out.links.values()
    # a ends Jan 11, +2, 30 days of relay, +3: b on Feb 15. a has no float, so the lag is the 35 days
    # its finish and b's date show; the relay's 30 days, the +2 and the +3 stay unknown.
    assert (bridge.pred_id, bridge.succ_id, bridge.lag) == ("a", "b", 35)
    assert schedule(out).tasks["b"].early_start == D(2030, 2, 15)


# -- property: no removed token anywhere in the redacted file --------------------------------------

# Ways a note may spell a word that a person still reads as the word.
DISGUISES = [
    lambda w: w, lambda w: w + "2", lambda w: w + "Programme", lambda w: w + "\u8ba1\u5212",
    lambda w: w.upper().replace("I", "l").replace("O", "0"), lambda w: w.upper().replace("L", "1"),
    lambda w: w.upper().translate(str.maketrans("NHYEKOTAB", "\u039d\u0397\u03a5\u0395\u039a\u039f\u03a4\u0391\u0392")),
    lambda w: w[:3] + "-" + w[3:], lambda w: w.upper() + "Corp",
    lambda w: w[:2] + "\U0001F680" + w[2:] + "\U0001F680Corp",
]
WORDS = ["Kestrel", "Nightjar", "Osprey", "Harrier", "Merlin", "Lander", "Orbiter", "Relay", "Rover",
         "Sample", "Drill", "Beacon", "Crater", "Polar", "Thermal"]


@st.composite
def plans(draw):
    n = draw(st.integers(2, 9))
    plan = Project(name="Random " + draw(st.sampled_from(WORDS)), start=D(2030, 1, 1))
    owners = []
    for i in range(draw(st.integers(0, 3))):
        name = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=2)))
        suffix = draw(st.text(string.ascii_lowercase, min_size=6, max_size=6))
        owners.append(plan.add_participant(Participant(key=f"P{i}{draw(st.sampled_from(WORDS))}", name=name,
                                                       id=f"part{i}id{suffix}",
                                                       classification=draw(st.sampled_from(list(C))))).id)
    ids = []
    for i in range(n):
        parent = draw(st.sampled_from([None] + ids)) if ids and draw(st.booleans()) else None
        words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3))
        task = Task(key=f"{words[0][:4].upper()}-{i}", name=" ".join(words), duration=draw(st.integers(0, 40)),
                    id=f"task{i}x{draw(st.text(string.ascii_lowercase, min_size=8, max_size=8))}", parent_id=parent,
                    position=i, classification=draw(st.sampled_from(list(C))),
                    owner_id=draw(st.sampled_from([None] + owners)) if owners else None,
                    notes=" ".join(draw(st.lists(st.builds(lambda w, d: d(w), st.sampled_from(WORDS + ["and", "after"]),
                                                          st.sampled_from(DISGUISES)), max_size=6))))
        ids.append(plan.add_task(task).id)
    leaves = [tid for tid in ids if tid not in plan.summary_ids()]  # in creation order: links never loop
    pairs = st.lists(st.integers(0, len(leaves) - 1), min_size=2, max_size=2, unique=True).map(sorted)
    for pred, succ in draw(st.lists(pairs, max_size=n, unique_by=tuple)) if len(leaves) > 1 else []:
        plan.add_link(Link(leaves[pred], leaves[succ], LinkType.FS, draw(st.integers(0, 5))))
    entries = {tid: (D(2030, 1, 1) + timedelta(days=i), D(2030, 2, 1) + timedelta(days=i)) for i, tid in enumerate(ids)}
    for number in range(draw(st.integers(1, 3))):
        suffix = draw(st.text(string.ascii_lowercase, min_size=8, max_size=8))
        plan.baselines.append(Baseline(" ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3))),
                                       D(2029, 1, 1 + number), entries, notes=draw(st.sampled_from(WORDS)),
                                       id=f"base{number}x{suffix}", classification=draw(st.sampled_from(list(C)))))
    return plan


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(plan=plans(), level=st.sampled_from([C.PUBLIC, C.PARTNERS]))
def test_the_redacted_file_holds_no_removed_token_in_any_case(tmp_path_factory, plan, level):
    out = redact_project(plan, level)
    removed = set(plan.tasks) - set(out.tasks)
    dropped = set(plan.participants) - set(out.participants)
    hidden = {b.id for b in plan.baselines if b.classification.rank > level.rank}
    assert all(p.classification.rank <= level.rank for p in out.participants.values())
    assert [b.id for b in out.baselines] == [b.id for b in plan.baselines if b.id not in hidden]
    assert all(t.owner_id in out.participants for t in out.tasks.values() if t.owner_id)
    path = tmp_path_factory.mktemp("redacted") / "out.db"
    save_project(out, path)
    raw = path.read_bytes().lower()
    read = _as_a_person_reads(out)
    noted = note_secrets(plan, removed, dropped, [b for b in plan.baselines if b.id in hidden])
    for token in secret_tokens(plan, removed, dropped) | noted | {tid.lower() for tid in removed | dropped | hidden}:
        # Folded, a token reads "l" as "i": either letter stands for it in the bytes.
        written = re.escape(token).replace("i", "[il]")
        # As a word: "nigh" (a removed key) may sit inside a kept "Nightjar" without naming anything.
        assert not re.search(rb"(?<![a-z0-9_])" + written.encode() + rb"(?![a-z0-9_])", raw), token
        # Read as a person reads: a digit, a Chinese letter or a CamelCase hump ends a word too.
        assert not any(re.search(rf"(?<![a-z]){re.escape(token)}(?:e?s)?(?![a-z])", text) for text in read), token


def _as_a_person_reads(plan: Project) -> set[str]:
    """Every text the copy scrubs (what kept things are called and keyed is theirs): pictures between
    letters left out, CamelCase words parted (also after a word in capitals), folded and folded as
    drawn, with a 0, 1 or | among letters read as a letter, and with a hyphen between letters left out."""
    texts = [plan.name, plan.author] + [t for task in plan.tasks.values() for t in (task.name, task.notes)]
    texts += [p.notes for p in plan.participants.values()]
    texts += [t for b in plan.baselines for t in (b.name, b.notes)]
    joined = re.sub("(?<=[A-Za-z])\U0001F680(?=[A-Za-z])", "", "\n".join(texts))
    parted = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", joined)
    forms = {fold(parted)[0]} | ({drawn[0]} if (drawn := fold_as_drawn(parted)) else set())
    as_letters = {re.sub(r"(?<=[a-z])[01|]|[01|](?=[a-z])", lambda m: "oii"["01|".index(m.group())], f) for f in forms}
    return forms | as_letters | {re.sub(r"(?<=[a-z])-(?=[a-z])", "", f) for f in forms | as_letters}
