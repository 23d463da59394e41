"""The plan file schema: numbered migrations, the version in `PRAGMA user_version`.

A fresh file is made by running every migration in order, so the tables of any version N are
exactly what migrations 1..N produce. The reader recomputes that expected schema in memory and
compares it with a file's `sqlite_master`, which is how anything added by a third party is found.

Never edit a released migration: files in the wild carry its exact DDL. Add a new number instead.

Rules that every value must meet live in the DDL as named CHECK constraints (the name says the
table and column, e.g. `task_duration`), so SQLite itself enforces them when saving and
`PRAGMA integrity_check` verifies them when opening. Tables are STRICT (SQLite 3.37 or newer).
Rows refer to each other by an integer `num` (the rowid), not by the tasks' UUID text: appending
to a rowid b-tree is far cheaper than indexing random UUIDs, and it makes files smaller. There are
no secondary indexes, because the program always reads whole tables; so the uniqueness of the
UUIDs is checked in Python when reading (a dict per table), not by a UNIQUE index.
"""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache

APPLICATION_ID = 0x494C5253  # the bytes 'ILRS' in the SQLite header, offset 68
PAGE_SIZE = 16384  # fewer, fuller pages: about 8 % faster to write a large plan than 4096

_DATE = "date({c}, '+0 days') IS {c} AND {c} BETWEEN '1900-01-01' AND '2200-12-31'"  # dates.MIN_YEAR/MAX_YEAR


def _one_of(column: str, *values: str) -> str:
    # An OR chain, not IN (...): SQLite rebuilds an IN list for every row a CHECK is evaluated on.
    return " OR ".join(f"{column} = '{value}'" for value in values)


def _v1() -> tuple[str, ...]:
    d = {c: _DATE.format(c=c) for c in (
        "start", "status_date", "joined", "constraint_date", "deadline", "actual_start",
        "actual_finish", "as_of", "finish")}
    precision = ("day", "month", "quarter", "year")
    return (
        f"""CREATE TABLE plan (
    singleton INTEGER PRIMARY KEY CONSTRAINT plan_singleton CHECK (singleton = 1),
    id TEXT NOT NULL CONSTRAINT plan_id CHECK (length(id) BETWEEN 1 AND 64),
    name TEXT NOT NULL CONSTRAINT plan_name CHECK (length(name) <= 1000),
    start TEXT NOT NULL CONSTRAINT plan_start CHECK ({d['start']}),
    status_date TEXT CONSTRAINT plan_status_date CHECK ({d['status_date']}),
    author TEXT NOT NULL CONSTRAINT plan_author CHECK (length(author) <= 1000)
) STRICT""",
        f"""CREATE TABLE participants (
    num INTEGER PRIMARY KEY,
    id TEXT NOT NULL CONSTRAINT participant_id CHECK (length(id) BETWEEN 1 AND 64),
    key TEXT NOT NULL CONSTRAINT participant_key CHECK (length(key) <= 200),
    name TEXT NOT NULL CONSTRAINT participant_name CHECK (length(name) <= 1000),
    kind TEXT NOT NULL CONSTRAINT participant_kind
        CHECK ({_one_of('kind', 'country', 'agency', 'organisation', 'institution')}),
    joined TEXT CONSTRAINT participant_joined CHECK ({d['joined']}),
    joined_precision TEXT NOT NULL CONSTRAINT participant_joined_precision
        CHECK ({_one_of('joined_precision', *precision)}),
    source_url TEXT NOT NULL CONSTRAINT participant_source_url CHECK (length(source_url) <= 2000),
    notes TEXT NOT NULL CONSTRAINT participant_notes CHECK (length(notes) <= 100000),
    color TEXT NOT NULL CONSTRAINT participant_color CHECK (length(color) <= 32)
) STRICT""",
        f"""CREATE TABLE tasks (
    num INTEGER PRIMARY KEY,
    id TEXT NOT NULL CONSTRAINT task_id CHECK (length(id) BETWEEN 1 AND 64),
    key TEXT NOT NULL CONSTRAINT task_key CHECK (length(key) <= 200),
    name TEXT NOT NULL CONSTRAINT task_name CHECK (length(name) <= 1000),
    duration INTEGER NOT NULL CONSTRAINT task_duration CHECK (duration BETWEEN 0 AND 109575),
    kind TEXT NOT NULL CONSTRAINT task_kind
        CHECK ({_one_of('kind', 'phase', 'mission', 'milestone', 'infrastructure', 'agreement', 'task')}),
    parent INTEGER REFERENCES tasks (num),
    position INTEGER NOT NULL CONSTRAINT task_position
        CHECK (position BETWEEN -1000000000 AND 1000000000),
    owner INTEGER REFERENCES participants (num),
    constraint_type TEXT NOT NULL CONSTRAINT task_constraint_type
        CHECK ({_one_of('constraint_type', 'ASAP', 'SNET', 'SNLT', 'FNET', 'FNLT', 'MSO', 'MFO')}),
    constraint_date TEXT CONSTRAINT task_constraint_date CHECK ({d['constraint_date']}),
    deadline TEXT CONSTRAINT task_deadline CHECK ({d['deadline']}),
    actual_start TEXT CONSTRAINT task_actual_start CHECK ({d['actual_start']}),
    actual_finish TEXT CONSTRAINT task_actual_finish CHECK ({d['actual_finish']}),
    percent_complete INTEGER NOT NULL CONSTRAINT task_percent_complete
        CHECK (percent_complete BETWEEN 0 AND 100),
    precision TEXT NOT NULL CONSTRAINT task_precision CHECK ({_one_of('precision', *precision)}),
    optimistic INTEGER CONSTRAINT task_optimistic CHECK (optimistic BETWEEN 0 AND 109575),
    most_likely INTEGER CONSTRAINT task_most_likely CHECK (most_likely BETWEEN 0 AND 109575),
    pessimistic INTEGER CONSTRAINT task_pessimistic CHECK (pessimistic BETWEEN 0 AND 109575),
    classification TEXT NOT NULL CONSTRAINT task_classification
        CHECK ({_one_of('classification', 'public', 'partners', 'restricted')}),
    source_url TEXT NOT NULL CONSTRAINT task_source_url CHECK (length(source_url) <= 2000),
    notes TEXT NOT NULL CONSTRAINT task_notes CHECK (length(notes) <= 100000)
) STRICT""",
        f"""CREATE TABLE links (
    num INTEGER PRIMARY KEY,
    id TEXT NOT NULL CONSTRAINT link_id CHECK (length(id) BETWEEN 1 AND 64),
    pred INTEGER NOT NULL REFERENCES tasks (num),
    succ INTEGER NOT NULL REFERENCES tasks (num),
    type TEXT NOT NULL CONSTRAINT link_type CHECK ({_one_of('type', 'FS', 'SS', 'FF', 'SF')}),
    lag INTEGER NOT NULL CONSTRAINT link_lag CHECK (lag BETWEEN -109575 AND 109575)
) STRICT""",
        f"""CREATE TABLE baselines (
    num INTEGER PRIMARY KEY,
    id TEXT NOT NULL CONSTRAINT baseline_id CHECK (length(id) BETWEEN 1 AND 64),
    name TEXT NOT NULL CONSTRAINT baseline_name CHECK (length(name) <= 1000),
    as_of TEXT NOT NULL CONSTRAINT baseline_as_of CHECK ({d['as_of']}),
    notes TEXT NOT NULL CONSTRAINT baseline_notes CHECK (length(notes) <= 100000),
    prev_hash TEXT NOT NULL CONSTRAINT baseline_prev_hash CHECK (length(prev_hash) <= 128)
) STRICT""",
        f"""CREATE TABLE baseline_entries (
    baseline INTEGER NOT NULL REFERENCES baselines (num),
    task_id TEXT NOT NULL CONSTRAINT baseline_entry_task_id CHECK (length(task_id) BETWEEN 1 AND 64),
    start TEXT NOT NULL CONSTRAINT baseline_entry_start CHECK ({d['start']}),
    finish TEXT NOT NULL CONSTRAINT baseline_entry_finish CHECK ({d['finish']})
) STRICT""",
        """CREATE TABLE signature (
    singleton INTEGER PRIMARY KEY CONSTRAINT signature_singleton CHECK (singleton = 1),
    signer TEXT NOT NULL CONSTRAINT signature_signer CHECK (length(signer) <= 1000),
    public_key BLOB NOT NULL CONSTRAINT signature_public_key CHECK (length(public_key) <= 256),
    signature BLOB NOT NULL CONSTRAINT signature_signature CHECK (length(signature) <= 256),
    content_hash TEXT NOT NULL CONSTRAINT signature_content_hash CHECK (length(content_hash) <= 128),
    signed_at TEXT NOT NULL CONSTRAINT signature_signed_at CHECK (length(signed_at) <= 64)
) STRICT""",
    )


def _v2() -> tuple[str, ...]:
    """Working calendars: a plan default, a calendar per task, elapsed durations and lags.

    A version-1 file has no calendar: its plan works on the 7-day Continuous calendar (a NULL
    default), which schedules exactly as version 1 did.
    """
    start, finish = _DATE.format(c="start"), _DATE.format(c="finish")
    flag = "{c} = 0 OR {c} = 1"
    # Only functions the reader's authorizer allows: seven characters, each '0' or '1' (Monday first).
    bits = " AND ".join(f"substr(weekdays, {i}, 1) BETWEEN '0' AND '1'" for i in range(1, 8))
    return (
        f"""CREATE TABLE calendars (
    num INTEGER PRIMARY KEY,
    id TEXT NOT NULL CONSTRAINT calendar_id CHECK (length(id) BETWEEN 1 AND 64),
    name TEXT NOT NULL CONSTRAINT calendar_name CHECK (length(name) <= 1000),
    weekdays TEXT NOT NULL CONSTRAINT calendar_weekdays CHECK (length(weekdays) = 7 AND {bits})
) STRICT""",
        f"""CREATE TABLE calendar_exceptions (
    calendar INTEGER NOT NULL REFERENCES calendars (num),
    name TEXT NOT NULL CONSTRAINT calendar_exception_name CHECK (length(name) <= 1000),
    start TEXT NOT NULL CONSTRAINT calendar_exception_start CHECK ({start}),
    finish TEXT NOT NULL CONSTRAINT calendar_exception_finish CHECK ({finish} AND finish >= start),
    working INTEGER NOT NULL CONSTRAINT calendar_exception_working CHECK ({flag.format(c="working")})
) STRICT""",
        "ALTER TABLE plan ADD COLUMN default_calendar INTEGER REFERENCES calendars (num)",
        "ALTER TABLE tasks ADD COLUMN calendar INTEGER REFERENCES calendars (num)",
        f"ALTER TABLE tasks ADD COLUMN elapsed INTEGER NOT NULL DEFAULT 0 CONSTRAINT task_elapsed "
        f"CHECK ({flag.format(c='elapsed')})",
        f"ALTER TABLE links ADD COLUMN elapsed INTEGER NOT NULL DEFAULT 0 CONSTRAINT link_elapsed "
        f"CHECK ({flag.format(c='elapsed')})",
    )


def _v3() -> tuple[str, ...]:
    """Key milestones: the few dates a programme is judged by (basic station, extended station)."""
    return ("""ALTER TABLE tasks ADD COLUMN key_milestone INTEGER NOT NULL DEFAULT 0
    CONSTRAINT task_key_milestone CHECK (key_milestone = 0 OR key_milestone = 1)""",)


def _v4() -> tuple[str, ...]:
    """Provenance as data: how far a task's dates can be trusted, and the date of its source.

    Both are NULL in an older file: confidence not stated, source undated (domain/provenance.py).
    """
    confidence = _one_of("confidence", "sourced", "inferred", "assumption")
    return (
        f"ALTER TABLE tasks ADD COLUMN confidence TEXT CONSTRAINT task_confidence CHECK ({confidence})",
        f"ALTER TABLE tasks ADD COLUMN source_date TEXT CONSTRAINT task_source_date "
        f"CHECK ({_DATE.format(c='source_date')})",
    )


def _v5() -> tuple[str, ...]:
    """Need-to-know for history and membership: a baseline and a participant carry a classification.

    'public' in an older file, which is what a partner copy assumed of them before.
    """
    level = _one_of("classification", "public", "partners", "restricted")
    return tuple(f"ALTER TABLE {table} ADD COLUMN classification TEXT NOT NULL DEFAULT 'public' "
                 f"CONSTRAINT {name}_classification CHECK ({level})"
                 for table, name in (("baselines", "baseline"), ("participants", "participant")))


def _v6() -> tuple[str, ...]:
    """As late as possible: a flag beside an 'ASAP' constraint type, as the type's CHECK of version 1
    cannot be widened without rebuilding the table. 0 in an older file: as soon as possible."""
    return ("""ALTER TABLE tasks ADD COLUMN alap INTEGER NOT NULL DEFAULT 0
    CONSTRAINT task_alap CHECK (alap = 0 OR alap = 1 AND constraint_type = 'ASAP')""",)


def _v7() -> tuple[str, ...]:
    """Manually scheduled tasks (MS Project's Task Mode): 0 in an older file, auto scheduled."""
    return ("""ALTER TABLE tasks ADD COLUMN manual INTEGER NOT NULL DEFAULT 0
    CONSTRAINT task_manual CHECK (manual = 0 OR manual = 1)""",)


def _v8() -> tuple[str, ...]:
    """A manual task's start kept apart from its constraint (MS Project's ManualStart): NULL in an
    older file, where the reader finds the Start No Earlier Than that held a manual task (reader.py).
    A milestone may stand at the end of its manual start's day (MS Project's 17:00)."""
    return (
        f"ALTER TABLE tasks ADD COLUMN manual_start TEXT CONSTRAINT task_manual_start "
        f"CHECK ({_DATE.format(c='manual_start')})",
        """ALTER TABLE tasks ADD COLUMN manual_start_at_day_end INTEGER NOT NULL DEFAULT 0
    CONSTRAINT task_manual_start_at_day_end CHECK (manual_start_at_day_end = 0
        OR manual_start_at_day_end = 1 AND manual_start IS NOT NULL)""",
    )


def _v9() -> tuple[str, ...]:
    """A partner copy says so: the level `redact` made it for, and whether it left notes out. NULL and 0
    in an older file, read as a plan of one's own (a copy written before says nothing of its making)."""
    level = _one_of("partner_level", "public", "partners", "restricted")
    return (
        f"ALTER TABLE plan ADD COLUMN partner_level TEXT CONSTRAINT plan_partner_level CHECK ({level})",
        """ALTER TABLE plan ADD COLUMN partner_without_notes INTEGER NOT NULL DEFAULT 0
    CONSTRAINT plan_partner_without_notes CHECK (partner_without_notes = 0
        OR partner_without_notes = 1 AND partner_level IS NOT NULL)""",
    )


def _v10() -> tuple[str, ...]:
    """The plan's Must finish by (Primavera P6's project Must Finish By): NULL in an older file, where
    late dates count back from the plan's finish, as they always did."""
    return (f"ALTER TABLE plan ADD COLUMN must_finish_by TEXT CONSTRAINT plan_must_finish_by "
            f"CHECK ({_DATE.format(c='must_finish_by')})",)


def _v11() -> tuple[str, ...]:
    """The plan's secret (domain.model): 32 random bytes the ids of a partner copy's links over withheld
    work are keyed on. NULL in an older file, which gains one when it is next saved."""
    return ("""ALTER TABLE plan ADD COLUMN secret BLOB CONSTRAINT plan_secret
    CHECK (secret IS NULL OR typeof(secret) = 'blob' AND length(secret) = 32)""",)


def _v12() -> tuple[str, ...]:
    """The ids of tasks and participants whose name, key or source a merge took from another plan
    (domain.model's `supplied`), as a JSON list; '' for none, as in an older file, where every name is
    read as the owner's."""
    return ("""ALTER TABLE plan ADD COLUMN supplied TEXT NOT NULL DEFAULT '' CONSTRAINT plan_supplied
    CHECK (typeof(supplied) = 'text')""",)


def _v13() -> tuple[str, ...]:
    """How each baseline entry was read when its baseline was taken (domain.baseline_entry): the precision
    its task was shown at and its moments of day. NULL in an older file, whose entries are read as before."""
    precision = _one_of("precision", "day", "month", "quarter", "year")
    return (f"""ALTER TABLE baseline_entries ADD COLUMN precision TEXT CONSTRAINT baseline_entry_precision
    CHECK (precision IS NULL OR {precision})""",
            """ALTER TABLE baseline_entries ADD COLUMN moments INTEGER CONSTRAINT baseline_entry_moments
    CHECK (moments IS NULL OR moments BETWEEN 0 AND 13 AND precision IS NOT NULL)""")


def _v14() -> tuple[str, ...]:
    """The partner copies written from the plan, as its owner recorded them (store/sent_copies.py): a
    merge reads from this, not from the partner's file, what a copy was made for. Empty in an older
    file, whose copies a merge reads as made for the lowest level, without notes."""
    return ("""ALTER TABLE plan ADD COLUMN sent_copies TEXT NOT NULL DEFAULT '' CONSTRAINT plan_sent_copies
    CHECK (length(sent_copies) <= 1000000)""",)


def _v15() -> tuple[str, ...]:
    """Digests of the texts a merge took from a partner's plan as they wrote them (store/partner_texts.py),
    which a copy shows as written. Empty in an older file, whose texts are all read as the owner's."""
    return ("""ALTER TABLE plan ADD COLUMN partner_texts TEXT NOT NULL DEFAULT '' CONSTRAINT plan_partner_texts
    CHECK (typeof(partner_texts) = 'text')""",)


# Migration N takes a version N-1 file to version N. Each is a tuple of SQL statements.
MIGRATIONS: dict[int, tuple[str, ...]] = {1: _v1(), 2: _v2(), 3: _v3(), 4: _v4(), 5: _v5(), 6: _v6(), 7: _v7(),
                                          8: _v8(), 9: _v9(), 10: _v10(), 11: _v11(),
                                          12: _v12(), 13: _v13(), 14: _v14(), 15: _v15()}
CURRENT_VERSION = max(MIGRATIONS)

# The tables the reader reads, in reading order (parents before the rows that refer to them).
TABLES = ("plan", "calendars", "calendar_exceptions", "participants", "tasks", "links", "baselines",
          "baseline_entries", "signature")
_ADDED_IN = {"calendars": 2, "calendar_exceptions": 2}  # tables younger than version 1


def tables_in(version: int) -> tuple[str, ...]:
    """The tables a file of `version` has, in reading order."""
    return tuple(table for table in TABLES if _ADDED_IN.get(table, 1) <= version)


def create_schema(conn: sqlite3.Connection, version: int = CURRENT_VERSION) -> None:
    """Run migrations 1..version on an empty database and stamp its header."""
    migrate(conn, 0, version)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def migrate(conn: sqlite3.Connection, from_version: int, to_version: int = CURRENT_VERSION) -> None:
    """Run the migrations after `from_version` up to `to_version` and set `user_version`."""
    for number in range(from_version + 1, to_version + 1):
        for statement in MIGRATIONS[number]:
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {to_version}")


def normalise_sql(sql: str | None) -> str | None:
    """DDL text with runs of whitespace collapsed, so layout alone never tells files apart."""
    if sql is None:
        return None
    return re.sub(r"\s+", " ", sql).strip()


SchemaEntry = tuple[str, str, str, "str | None"]  # (type, name, tbl_name, normalised sql)


def read_schema(conn: sqlite3.Connection) -> set[SchemaEntry]:
    """Every object in a database's `sqlite_master`, comparable across files."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return {(kind, name, table, normalise_sql(sql)) for kind, name, table, sql in rows}


def expected_schema(version: int) -> frozenset[SchemaEntry]:
    """What `sqlite_master` of a plan file of `version` holds: migrations 1..version, in memory."""
    return _schema_of(tuple(MIGRATIONS[number] for number in range(1, version + 1)))


@lru_cache(maxsize=8)
def _schema_of(migrations: tuple[tuple[str, ...], ...]) -> frozenset[SchemaEntry]:
    conn = sqlite3.connect(":memory:")
    try:
        for statements in migrations:
            for statement in statements:
                conn.execute(statement)
        return frozenset(read_schema(conn))
    finally:
        conn.close()
