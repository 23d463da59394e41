"""The plan file's migrations, numbered: migration N takes a version N-1 file to version N.

Never edit a released migration: files in the wild carry its exact DDL. Add a new number instead.
Version 1's tables are in store/first_tables.py, with the CHECK helpers every migration uses.
"""

from __future__ import annotations

from .first_tables import date_check, one_of, version_1


def _v2() -> tuple[str, ...]:
    """Working calendars: a plan default, a calendar per task, elapsed durations and lags.

    A version-1 file has no calendar: its plan works on the 7-day Continuous calendar (a NULL
    default), which schedules exactly as version 1 did.
    """
    start, finish = date_check("start"), date_check("finish")
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
    confidence = one_of("confidence", "sourced", "inferred", "assumption")
    return (
        f"ALTER TABLE tasks ADD COLUMN confidence TEXT CONSTRAINT task_confidence CHECK ({confidence})",
        f"ALTER TABLE tasks ADD COLUMN source_date TEXT CONSTRAINT task_source_date "
        f"CHECK ({date_check('source_date')})",
    )


def _v5() -> tuple[str, ...]:
    """Need-to-know for history and membership: a baseline and a participant carry a classification.

    'public' in an older file, which is what a partner copy assumed of them before.
    """
    level = one_of("classification", "public", "partners", "restricted")
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
        f"CHECK ({date_check('manual_start')})",
        """ALTER TABLE tasks ADD COLUMN manual_start_at_day_end INTEGER NOT NULL DEFAULT 0
    CONSTRAINT task_manual_start_at_day_end CHECK (manual_start_at_day_end = 0
        OR manual_start_at_day_end = 1 AND manual_start IS NOT NULL)""",
    )


def _v9() -> tuple[str, ...]:
    """A partner copy says so: the level `redact` made it for, and whether it left notes out. NULL and 0
    in an older file, read as a plan of one's own (a copy written before says nothing of its making)."""
    level = one_of("partner_level", "public", "partners", "restricted")
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
            f"CHECK ({date_check('must_finish_by')})",)


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
    precision = one_of("precision", "day", "month", "quarter", "year")
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


def _v16() -> tuple[str, ...]:
    """What a signature covers of the plan's record of partner copies sent (sharing/signed_beside.py): how
    many of them it was signed with and their digest, "3 <64 hex digits>"; empty in an older file, whose
    signature covers none (copies it records are read as recorded after signing)."""
    return ("""ALTER TABLE signature ADD COLUMN sent_copies TEXT NOT NULL DEFAULT '' CONSTRAINT signature_sent_copies
    CHECK (length(sent_copies) <= 80)""",)


# Migration N takes a version N-1 file to version N. Each is a tuple of SQL statements.
MIGRATIONS: dict[int, tuple[str, ...]] = {1: version_1(), 2: _v2(), 3: _v3(), 4: _v4(), 5: _v5(), 6: _v6(), 7: _v7(),
                                          8: _v8(), 9: _v9(), 10: _v10(), 11: _v11(),
                                          12: _v12(), 13: _v13(), 14: _v14(), 15: _v15(),
                                          16: _v16()}
CURRENT_VERSION = max(MIGRATIONS)
