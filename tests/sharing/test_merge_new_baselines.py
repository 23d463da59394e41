"""A baseline only the partner's plan has never enters our history on their word alone."""

from datetime import date

from ilrs_planner.domain import Baseline, Classification
from ilrs_planner.domain.chain import broken_links, chain_baselines
from ilrs_planner.sharing.clone import clone_project
from ilrs_planner.sharing.merge import merge_projects
from ilrs_planner.sharing.redact import redact_project


def _sent_and_theirs(plan):
    """Our plan (chained history), the Everyone copy we sent (Mission B is Partners: withheld), theirs."""
    plan.baselines[:] = chain_baselines(plan.baselines)
    sent = redact_project(plan, Classification.PUBLIC)
    assert "t-b" not in sent.tasks
    return sent, clone_project(sent)


def test_a_baseline_of_theirs_dated_before_our_latest_is_refused_even_when_chosen(small_plan):
    sent, theirs = _sent_and_theirs(small_plan)
    forged = Baseline("2018 concept", date(2018, 1, 15), {"t-a": (date(2026, 1, 1), date(2026, 1, 2))}, id="b-f")
    theirs.baselines.insert(0, forged)  # "the oldest record": it would be baseline 1
    for choices in ({}, {"baseline:b-f:*": "theirs"}):
        result = merge_projects(sent, small_plan, theirs, choices)
        assert result.clean
        assert result.project.baselines == small_plan.baselines  # our history, as it was, still chained
        assert not broken_links(result.project.baselines)
        assert result.notes == ["their baseline '2018 concept' (as of 2018-01-15) is dated before our latest "
                                "baseline 'Revised' (as of 2029-06-01): history already recorded is not "
                                "rewritten, so it was left out"]


def test_a_later_baseline_of_theirs_is_a_conflict_and_never_dates_work_they_were_not_sent(small_plan):
    sent, theirs = _sent_and_theirs(small_plan)
    spans = {"t-a": (date(2030, 3, 1), date(2030, 3, 11)), "t-b": (date(2020, 1, 1), date(2020, 3, 1))}
    theirs.baselines.append(Baseline("Partner review", date(2029, 9, 1), spans, id="b-p"))
    result = merge_projects(sent, small_plan, theirs)
    assert [(c.kind, c.id, c.resolution) for c in result.conflicts] == [("baseline", "b-p", "ours")]
    assert result.conflicts[0].reason.endswith("its entries for 1 task they were never sent are left out")
    assert result.project.baselines == small_plan.baselines  # left out unless chosen
    chosen = merge_projects(sent, small_plan, theirs, {"baseline:b-p:*": "theirs"})
    taken = chosen.project.baselines
    assert [b.id for b in taken] == ["b-1", "b-2", "b-p"]
    assert dict(taken[-1].entries) == {"t-a": spans["t-a"]}  # the withheld Mission B is not dated by them
    assert taken[:2] == small_plan.baselines and not broken_links(taken)  # chained after ours: history holds
