"""MS Project XML (MSPDI, the mspdi_pj12 schema): `read(path) -> ImportResult`, `write(project, path)`.

Calendars. The plan's calendars are written as MS Project calendars (`write_calendars`), its
default as the project calendar; a plan without calendars gets "ILRS 7-day", on which every day
of the week is worked, and reads back as having none. Every working day is 8 hours (08:00-12:00,
13:00-17:00) and MinutesPerDay is 480, so a duration of N working days is `PT{8N}H0M0S` with
DurationFormat 7 (days) and lags are tenths of a minute of working time (1 day = 4800, LagFormat
7); elapsed durations and lags use DurationFormat/LagFormat 8 (edays). On import
(`read_calendars`), every calendar of the file is read with its working weekdays and its dated
exceptions (recurring ones as MS Project expanded them), with their names; a task's CalendarUID
names its calendar; durations count the file's MinutesPerDay. A manually scheduled task (Manual 1,
read and written) keeps its stored start: one without a dated constraint starts no earlier than it
(see engine.cpm for how a manual task is scheduled). A task starts at 08:00 on its first day and finishes at 17:00 on
its last; a milestone starts and finishes at 08:00.

Progress. Every task carries ActualDuration and RemainingDuration, as MS Project writes them: MS
Project (and MPXJ's MicrosoftScheduler, which follows it) schedules a started task from them, not
from its dates. A started task has done its duration x % complete; a finished one all of it, as
many working days as its actual dates span. Actual dates are written where our schedule placed
them (an actual finish typed on a non-working day is the end of the last working day before), and
a task with only an actual finish gets the start it was scheduled at as its ActualStart, which MS
Project requires. A summary's actual dates are written as typed.

Dates that ILRS Planner compares with a finish (finish constraints, actual finishes) are
exclusive in the domain (a deadline is its last day, as in MS Project, and written as that day);
MS Project's are the last working moment, so they are written as 17:00 on the day before (or 08:00
on the day itself for a milestone) and read back the same way.

What has no MSPDI field is kept in task custom text fields (Text1..Text8, named by alias so
they can be moved), the project summary task's notes (the baseline register: names, "as of"
dates, ids and notes of Baseline0..10) and resources (participants: key in Initials, id in Code,
kind in Group, joined in AvailableFrom, colour and joined precision in resource Text1/Text2).
Not carried: positions' gaps between siblings (sibling order is kept), baselines beyond 11 (the 11 latest are
written, a warning says which were left out), the signature (a signature covers a plan file, not
an export). On import, anything that cannot be carried over is listed as a warning; another plan's
own custom fields once a field, with how many tasks carried a value (`foreign_fields`).

Modules: `helpers` (the mapping's constants and date conventions, a leaf every other module may
import), `xml_safe` -> `xml_stream` and `values` (parsing untrusted XML and lenient values),
`reader` -> `read_header` (the plan's header, calendars and custom field definitions: what precedes
the tasks) -> `read_calendars`, `reader` -> `read_tasks` -> `read_links` (through `links_early`,
which reads the links as their tasks arrive) and `task_fields` (a task's own fields), `reader` ->
`read_resources` (participants and baselines: what follows the tasks) and `read_splits` (import);
`parse_worker` parses a large file in a second process and hands its tasks over as `task_record`s,
which `read_tasks` reads whichever process parsed them (a task list written as MS Project writes it
is read there from its text, `plain_file` -> `task_scan` (a task of a recurring layout by one
match, `task_layouts`, and from its match straight into what the reading takes, `layout_readings`),
the file checked whole by expat beside it, and most tasks sent as only what `plain_task` reads of
them, read again from the file's text where the record is needed, `task_text`);
`writer` -> `write_calendars`, `write_tasks` (export), all writing through `xml_out`, which sends
each element to the file as it is made.
Imports run one way, from this package's entry points down to `helpers`.
"""

from __future__ import annotations

from pathlib import Path

from ...domain import Project
from ..formats import ImportResult
from .read_links import drop_loops
from .reader import read_mspdi
from .writer import write_mspdi

__all__ = ["drop_loops", "read", "read_mspdi", "write", "write_mspdi"]


def read(path: str | Path, loops_dropped: bool = True, **_opts) -> ImportResult:
    """Import an MSPDI file (untrusted: no DTDs or entities, sizes bounded).

    `loops_dropped=False`: a dependency loop is left for the caller to schedule and `drop_loops`."""
    return read_mspdi(path, loops_dropped)


def write(project: Project, path: str | Path, **_opts) -> list[str]:
    """Export a plan as MSPDI; returns warnings about what the format could not carry."""
    return write_mspdi(project, path)
