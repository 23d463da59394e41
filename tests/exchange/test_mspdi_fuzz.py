"""Fuzzing the MS Project XML importer: any input ends in a plan or a PlannerError with a code, quickly."""

import re
import time
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ilrs_planner.domain import CODES, PlannerError
from ilrs_planner.exchange.mspdi import read

SAMPLE = (Path(__file__).parent / "data" / "msproject_standard.xml").read_bytes()
TEXTS = re.findall(rb">([^<>]+)<", SAMPLE)  # every text value in the sample, to swap around
# CPU seconds per file (not wall time, which a busy machine stretches): the sample is tiny, more is a hang.
TIME_LIMIT = 2.0
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                        HealthCheck.too_slow])


def _import_ends_well(tmp_path, data: bytes) -> None:
    path = tmp_path / "fuzz.xml"
    path.write_bytes(data)
    started = time.process_time()
    try:
        result = read(path)
    except PlannerError as err:
        assert err.code in CODES and err.message
    else:
        assert result.project.tasks is not None and isinstance(result.warnings, list)
        for task in result.project.tasks.values():
            assert task.duration >= 0 and task.key
    assert time.process_time() - started < TIME_LIMIT


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes(tmp_path, data):
    _import_ends_well(tmp_path, data)


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(SAMPLE) - 1), st.integers(0, 255)), max_size=12))
@example([(31, 45)])  # encoding="U-F-8": an unknown encoding once escaped as a LookupError
def test_flipped_bytes_in_a_real_file(tmp_path, flips):
    data = bytearray(SAMPLE)
    for position, value in flips:
        data[position] = value
    _import_ends_well(tmp_path, bytes(data))


@FUZZ
@given(st.integers(0, len(SAMPLE)))
def test_truncated_file(tmp_path, length):
    _import_ends_well(tmp_path, SAMPLE[:length])


ODD_VALUES = st.sampled_from([b"", b"-1", b"0", b"99999999999999999999", b"1e308", b"NaN", b"PT-8H", b"P1Y2M",
                              b"PT99999999999999H", b"9999-12-31T23:59:59", b"0001-01-01T00:00:00", b"NA",
                              b"\xff\xfe", b"&amp;", b"2030-02-30T08:00:00", b"true", b"P", b"PT", b"1.5"])


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(TEXTS) - 1), st.one_of(ODD_VALUES, st.sampled_from(TEXTS))),
                min_size=1, max_size=8))
def test_text_values_swapped_for_odd_ones(tmp_path, swaps):
    data = SAMPLE
    for index, replacement in swaps:
        data = data.replace(b">" + TEXTS[index] + b"<", b">" + replacement + b"<", 1)
    _import_ends_well(tmp_path, data)


ELEMENTS = [b"<Task><UID>7</UID><OutlineLevel>9</OutlineLevel></Task>", b"<Baseline><Number>42</Number></Baseline>",
            b"<PredecessorLink><PredecessorUID>5</PredecessorUID><Type>9</Type></PredecessorLink>",
            b"<ExtendedAttribute><FieldID>188743731</FieldID><Value>2</Value></ExtendedAttribute>",
            b"<Resource><UID>3</UID><Name>X</Name><Code>../../etc</Code></Resource>", b"<Task/>", b"<Tasks/>"]


@FUZZ
@given(st.lists(st.tuples(st.sampled_from([m.start() for m in re.finditer(rb"<(?!/|\?)", SAMPLE)]),
                          st.sampled_from(ELEMENTS)), max_size=6))
def test_elements_inserted_anywhere(tmp_path, insertions):
    data = SAMPLE
    for position, element in sorted(insertions, reverse=True):
        data = data[:position] + element + data[position:]
    _import_ends_well(tmp_path, data)
