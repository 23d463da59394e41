"""The plan file's first tables (schema version 1), one CREATE TABLE statement each, and the CHECK
helpers every migration writes its rules with (store/migrations.py numbers them)."""

from __future__ import annotations

_DATE = "date({c}, '+0 days') IS {c} AND {c} BETWEEN '1900-01-01' AND '2200-12-31'"  # dates.MIN_YEAR/MAX_YEAR
PRECISIONS = ("day", "month", "quarter", "year")


def date_check(column: str) -> str:
    """The CHECK that `column` holds a real ISO day in the years a plan's dates run through."""
    return _DATE.format(c=column)


def one_of(column: str, *values: str) -> str:
    """The CHECK that `column` is one of `values`."""
    # An OR chain, not IN (...): SQLite rebuilds an IN list for every row a CHECK is evaluated on.
    return " OR ".join(f"{column} = '{value}'" for value in values)


def version_1() -> tuple[str, ...]:
    """The tables of the first file format: the plan, its participants, tasks, links, baselines and signature."""
    return (_plan(), _participants(), _tasks(), _links(), _baselines(), _baseline_entries(), _signature())


def _plan() -> str:
    return f"""CREATE TABLE plan (
    singleton INTEGER PRIMARY KEY CONSTRAINT plan_singleton CHECK (singleton = 1),
    id TEXT NOT NULL CONSTRAINT plan_id CHECK (length(id) BETWEEN 1 AND 64),
    name TEXT NOT NULL CONSTRAINT plan_name CHECK (length(name) <= 1000),
    start TEXT NOT NULL CONSTRAINT plan_start CHECK ({date_check('start')}),
    status_date TEXT CONSTRAINT plan_status_date CHECK ({date_check('status_date')}),
    author TEXT NOT NULL CONSTRAINT plan_author CHECK (length(author) <= 1000)
) STRICT"""


def _participants() -> str:
    return f"""CREATE TABLE participants (
    num INTEGER PRIMARY KEY,
    id TEXT NOT NULL CONSTRAINT participant_id CHECK (length(id) BETWEEN 1 AND 64),
    key TEXT NOT NULL CONSTRAINT participant_key CHECK (length(key) <= 200),
    name TEXT NOT NULL CONSTRAINT participant_name CHECK (length(name) <= 1000),
    kind TEXT NOT NULL CONSTRAINT participant_kind
        CHECK ({one_of('kind', 'country', 'agency', 'organisation', 'institution')}),
    joined TEXT CONSTRAINT participant_joined CHECK ({date_check('joined')}),
    joined_precision TEXT NOT NULL CONSTRAINT participant_joined_precision
        CHECK ({one_of('joined_precision', *PRECISIONS)}),
    source_url TEXT NOT NULL CONSTRAINT participant_source_url CHECK (length(source_url) <= 2000),
    notes TEXT NOT NULL CONSTRAINT participant_notes CHECK (length(notes) <= 100000),
    color TEXT NOT NULL CONSTRAINT participant_color CHECK (length(color) <= 32)
) STRICT"""


def _tasks() -> str:
    return f"""CREATE TABLE tasks (
    num INTEGER PRIMARY KEY,
    id TEXT NOT NULL CONSTRAINT task_id CHECK (length(id) BETWEEN 1 AND 64),
    key TEXT NOT NULL CONSTRAINT task_key CHECK (length(key) <= 200),
    name TEXT NOT NULL CONSTRAINT task_name CHECK (length(name) <= 1000),
    duration INTEGER NOT NULL CONSTRAINT task_duration CHECK (duration BETWEEN 0 AND 109575),
    kind TEXT NOT NULL CONSTRAINT task_kind
        CHECK ({one_of('kind', 'phase', 'mission', 'milestone', 'infrastructure', 'agreement', 'task')}),
    parent INTEGER REFERENCES tasks (num),
    position INTEGER NOT NULL CONSTRAINT task_position
        CHECK (position BETWEEN -1000000000 AND 1000000000),
    owner INTEGER REFERENCES participants (num),
    constraint_type TEXT NOT NULL CONSTRAINT task_constraint_type
        CHECK ({one_of('constraint_type', 'ASAP', 'SNET', 'SNLT', 'FNET', 'FNLT', 'MSO', 'MFO')}),
    constraint_date TEXT CONSTRAINT task_constraint_date CHECK ({date_check('constraint_date')}),
    deadline TEXT CONSTRAINT task_deadline CHECK ({date_check('deadline')}),
    actual_start TEXT CONSTRAINT task_actual_start CHECK ({date_check('actual_start')}),
    actual_finish TEXT CONSTRAINT task_actual_finish CHECK ({date_check('actual_finish')}),
    percent_complete INTEGER NOT NULL CONSTRAINT task_percent_complete
        CHECK (percent_complete BETWEEN 0 AND 100),
    precision TEXT NOT NULL CONSTRAINT task_precision CHECK ({one_of('precision', *PRECISIONS)}),
    optimistic INTEGER CONSTRAINT task_optimistic CHECK (optimistic BETWEEN 0 AND 109575),
    most_likely INTEGER CONSTRAINT task_most_likely CHECK (most_likely BETWEEN 0 AND 109575),
    pessimistic INTEGER CONSTRAINT task_pessimistic CHECK (pessimistic BETWEEN 0 AND 109575),
    classification TEXT NOT NULL CONSTRAINT task_classification
        CHECK ({one_of('classification', 'public', 'partners', 'restricted')}),
    source_url TEXT NOT NULL CONSTRAINT task_source_url CHECK (length(source_url) <= 2000),
    notes TEXT NOT NULL CONSTRAINT task_notes CHECK (length(notes) <= 100000)
) STRICT"""


def _links() -> str:
    return f"""CREATE TABLE links (
    num INTEGER PRIMARY KEY,
    id TEXT NOT NULL CONSTRAINT link_id CHECK (length(id) BETWEEN 1 AND 64),
    pred INTEGER NOT NULL REFERENCES tasks (num),
    succ INTEGER NOT NULL REFERENCES tasks (num),
    type TEXT NOT NULL CONSTRAINT link_type CHECK ({one_of('type', 'FS', 'SS', 'FF', 'SF')}),
    lag INTEGER NOT NULL CONSTRAINT link_lag CHECK (lag BETWEEN -109575 AND 109575)
) STRICT"""


def _baselines() -> str:
    return f"""CREATE TABLE baselines (
    num INTEGER PRIMARY KEY,
    id TEXT NOT NULL CONSTRAINT baseline_id CHECK (length(id) BETWEEN 1 AND 64),
    name TEXT NOT NULL CONSTRAINT baseline_name CHECK (length(name) <= 1000),
    as_of TEXT NOT NULL CONSTRAINT baseline_as_of CHECK ({date_check('as_of')}),
    notes TEXT NOT NULL CONSTRAINT baseline_notes CHECK (length(notes) <= 100000),
    prev_hash TEXT NOT NULL CONSTRAINT baseline_prev_hash CHECK (length(prev_hash) <= 128)
) STRICT"""


def _baseline_entries() -> str:
    return f"""CREATE TABLE baseline_entries (
    baseline INTEGER NOT NULL REFERENCES baselines (num),
    task_id TEXT NOT NULL CONSTRAINT baseline_entry_task_id CHECK (length(task_id) BETWEEN 1 AND 64),
    start TEXT NOT NULL CONSTRAINT baseline_entry_start CHECK ({date_check('start')}),
    finish TEXT NOT NULL CONSTRAINT baseline_entry_finish CHECK ({date_check('finish')})
) STRICT"""


def _signature() -> str:
    return """CREATE TABLE signature (
    singleton INTEGER PRIMARY KEY CONSTRAINT signature_singleton CHECK (singleton = 1),
    signer TEXT NOT NULL CONSTRAINT signature_signer CHECK (length(signer) <= 1000),
    public_key BLOB NOT NULL CONSTRAINT signature_public_key CHECK (length(public_key) <= 256),
    signature BLOB NOT NULL CONSTRAINT signature_signature CHECK (length(signature) <= 256),
    content_hash TEXT NOT NULL CONSTRAINT signature_content_hash CHECK (length(content_hash) <= 128),
    signed_at TEXT NOT NULL CONSTRAINT signature_signed_at CHECK (length(signed_at) <= 64)
) STRICT"""
