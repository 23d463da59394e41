"""The closed vocabularies of a plan. Values are the text stored in files and shown in the CLI."""

from __future__ import annotations

from enum import StrEnum


class TaskKind(StrEnum):
    PHASE = "phase"
    MISSION = "mission"
    MILESTONE = "milestone"
    INFRASTRUCTURE = "infrastructure"
    AGREEMENT = "agreement"
    TASK = "task"


class ConstraintType(StrEnum):
    """ASAP and ALAP need no date; every other constraint carries one (MS Project's set)."""

    ASAP = "ASAP"
    SNET = "SNET"  # start no earlier than
    SNLT = "SNLT"  # start no later than
    FNET = "FNET"  # finish no earlier than
    FNLT = "FNLT"  # finish no later than
    MSO = "MSO"  # must start on
    MFO = "MFO"  # must finish on
    ALAP = "ALAP"  # as late as possible

    @property
    def dated(self) -> bool:
        """Does this constraint carry a date? As soon and as late as possible do not."""
        return self not in (ConstraintType.ASAP, ConstraintType.ALAP)


class LinkType(StrEnum):
    FS = "FS"
    SS = "SS"
    FF = "FF"
    SF = "SF"


class Precision(StrEnum):
    """How precisely a date was announced: '2035' is not 1 January 2035."""

    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


class Confidence(StrEnum):
    """How far a task's dates can be trusted, as a programme office grades a date.

    SOURCED: stated by the source the task cites. INFERRED: worked out from sourced statements (a
    sequence, a typical interval) but stated by nobody. ASSUMPTION: the plan's own working figure,
    to be replaced when a source gives one. A task that states none (None on the task) is shown as
    sourced when it cites a source and as "unsourced" otherwise: see domain/provenance.py.
    """

    SOURCED = "sourced"
    INFERRED = "inferred"
    ASSUMPTION = "assumption"


class Classification(StrEnum):
    """Need-to-know levels, ordered from the widest audience to the narrowest."""

    PUBLIC = "public"
    PARTNERS = "partners"
    RESTRICTED = "restricted"

    @property
    def rank(self) -> int:
        return _CLASSIFICATION_RANK[self]

    @property
    def label(self) -> str:
        """The level's one name wherever a person reads it: window, command line, messages."""
        return _CLASSIFICATION_LABEL[self]

    @classmethod
    def named(cls, text: str) -> Classification | None:
        """The level a person typed: its name in any case ("everyone"), or the stored value ("public",
        which the command line took before the levels had one name)."""
        wanted = text.strip().casefold()
        return next((c for c in cls if wanted in (c.label.casefold(), c.value)), None)


_CLASSIFICATION_RANK = {Classification.PUBLIC: 0, Classification.PARTNERS: 1, Classification.RESTRICTED: 2}
# The stored value "public" stays (files, CSV, ICS CLASS); people read "Everyone", as in "Seen by: Everyone".
_CLASSIFICATION_LABEL = {Classification.PUBLIC: "Everyone", Classification.PARTNERS: "Partners",
                         Classification.RESTRICTED: "Restricted"}


class ParticipantKind(StrEnum):
    COUNTRY = "country"
    AGENCY = "agency"
    ORGANISATION = "organisation"
    INSTITUTION = "institution"
