"""ILRS participants (participants.toml) and the membership figures the participants chart needs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..domain import Participant, ParticipantKind, Precision, parse_fuzzy_date
from ..domain.colors import check_color
from .facts import read_data_toml
from .roadmap import stable_id

PARTICIPANTS_FILE = "participants.toml"


@dataclass(frozen=True, slots=True)
class MembershipTarget:
    """The '555 Project' goal: invite 50 countries, 500 institutions and 5,000 researchers."""

    countries: int
    institutions: int
    researchers: int
    target_year: int | None  # no source gives one
    announced_on: date
    source_url: str
    notes: str


@dataclass(frozen=True, slots=True)
class ReportedCount:
    """An official headcount of ILRS participants on a date."""

    on: date
    countries: int  # the sources count countries and international organisations together
    institutions: int  # 'more than N'
    source_url: str
    notes: str


MEMBERSHIP_TARGETS = MembershipTarget(
    countries=50, institutions=500, researchers=5000, target_year=None, announced_on=date(2025, 4, 23),
    source_url="https://americanfocus.online/china-considers-building-nuclear-plant-on-moon",
    notes=("Reuters, ILRS developers conference, Shanghai, 2025-04-23 (also dhakatribune.com). No target "
           "year appears in the sources found; a 'by 2035' year seen elsewhere is unverified."),
)

REPORTED_COUNTS = (
    ReportedCount(date(2024, 9, 5), 17, 40, "https://news.cgtn.com/news/2024-09-05/China-s-lunar-research-"
                  "station-initiative-welcomes-new-global-partners-1wDZ56adPpK/share_amp.html",
                  "CGTN / CNSA: 17 countries, 40+ institutions."),
    ReportedCount(date(2025, 4, 23), 17, 50, "https://org-today.line-apps.com/hk/v2/article/vX9R1Q3",
                  "Bian Zhigang (CNSA deputy director): 17 countries and international organisations, "
                  "50+ institutions."),
)


def _joined(value: date | str | None) -> tuple[date | None, Precision]:
    if value is None:
        return None, Precision.DAY
    if isinstance(value, date):
        return value, Precision.DAY
    return parse_fuzzy_date(value)  # '2024-05': signed that month, day not known


def _participant(entry: dict) -> Participant:
    joined, precision = _joined(entry.get("joined"))
    check_color(entry.get("color", ""), f"participant {entry['key']!r} of {PARTICIPANTS_FILE}")
    return Participant(
        key=entry["key"], name=entry["name"], kind=ParticipantKind(entry["kind"]), joined=joined,
        joined_precision=precision, source_url=entry.get("source", ""), notes=entry.get("notes", ""),
        color=entry.get("color", ""), id=stable_id("participant", entry["key"]),
    )


def load_participants() -> list[Participant]:
    """Every participant of the reference roadmap, in the order of participants.toml."""
    return [_participant(entry) for entry in read_data_toml(PARTICIPANTS_FILE)["participant"]]
