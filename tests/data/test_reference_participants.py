"""ILRS participants with their signing dates, colours and the '555' membership target."""

import re
from datetime import date

import pytest

from ilrs_planner.data.reference import MEMBERSHIP_TARGETS, REPORTED_COUNTS
from ilrs_planner.domain import ParticipantKind, Precision


def _member(plan, key):
    return plan.participant_by_key(key)


@pytest.mark.parametrize("key, signed", [
    ("russia", date(2021, 3, 9)), ("venezuela", date(2023, 7, 17)), ("south-africa", date(2023, 9, 1)),
    ("azerbaijan", date(2023, 10, 3)), ("pakistan", date(2023, 10, 18)), ("belarus", date(2023, 10, 23)),
    ("egypt", date(2023, 12, 6)), ("thailand", date(2024, 4, 5)), ("nicaragua", date(2024, 4, 24)),
    ("kazakhstan", date(2024, 7, 3)), ("senegal", date(2024, 9, 5)),
])
def test_member_states_signing_dates(plan, key, signed):
    member = _member(plan, key)
    assert member.kind is ParticipantKind.COUNTRY
    assert (member.joined, member.joined_precision) == (signed, Precision.DAY)
    assert member.source_url.startswith("http")


def test_serbia_signed_in_may_2024_day_unknown(plan):
    serbia = _member(plan, "serbia")
    assert (serbia.joined, serbia.joined_precision) == (date(2024, 5, 1), Precision.MONTH)


@pytest.mark.parametrize("key", ["djibouti", "ethiopia", "bolivia"])
def test_listed_members_without_a_known_signing_date(plan, key):
    member = _member(plan, key)
    assert member.joined is None
    assert "not found" in member.notes


def test_turkey_applied_but_is_not_a_member(plan):
    turkey = _member(plan, "turkey")
    assert turkey.joined is None and "Applied" in turkey.notes


@pytest.mark.parametrize("key, kind, signed", [
    ("mbrsc", ParticipantKind.AGENCY, date(2022, 9, 16)),
    ("apsco", ParticipantKind.ORGANISATION, date(2023, 4, 25)),
    ("auass", ParticipantKind.ORGANISATION, date(2024, 4, 24)),
    ("narit", ParticipantKind.INSTITUTION, date(2023, 9, 25)),
    ("kaist", ParticipantKind.INSTITUTION, date(2024, 4, 8)),
])
def test_agencies_organisations_and_institutions(plan, key, kind, signed):
    member = _member(plan, key)
    assert (member.kind, member.joined) == (kind, signed)


def test_task_owners_have_distinct_colours(plan):
    owners = {t.owner_id for t in plan.tasks.values()}
    colours = [plan.participants[pid].color for pid in owners]
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in colours), colours
    assert len(set(colours)) == len(colours)
    agencies = [p.color for p in plan.participants.values() if p.kind is ParticipantKind.AGENCY]
    assert all(agencies) and len(set(agencies)) == len(agencies)


def test_membership_target_is_data_without_an_invented_year():
    assert (MEMBERSHIP_TARGETS.countries, MEMBERSHIP_TARGETS.institutions,
            MEMBERSHIP_TARGETS.researchers) == (50, 500, 5000)
    assert MEMBERSHIP_TARGETS.target_year is None
    assert MEMBERSHIP_TARGETS.source_url.startswith("http")
    assert [c.on for c in REPORTED_COUNTS] == sorted(c.on for c in REPORTED_COUNTS)


def test_signed_states_stay_below_the_target(plan):
    signed = [p for p in plan.participants.values() if p.kind is ParticipantKind.COUNTRY and p.joined]
    assert 13 <= len(signed) < MEMBERSHIP_TARGETS.countries
