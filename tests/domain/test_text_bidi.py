"""Bidirectional controls reorder what is drawn, so plan text never holds them; the marks stay."""

import pytest

from ilrs_planner.domain import PlannerError
from ilrs_planner.domain.text import check_typed_text, clean, first_with_control

# LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI: each can make text read as something it is not.
CONTROLS = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
# LRM, RLM, ALM: what Arabic and Hebrew plain text needs to place digits and punctuation.
MARKS = ["\u200e", "\u200f", "\u061c"]


@pytest.mark.parametrize("control", CONTROLS)
@pytest.mark.parametrize("field", ["name", "notes"])
def test_each_bidirectional_control_is_refused_in_typed_text_naming_it(control, field):
    with pytest.raises(PlannerError) as caught:
        check_typed_text(field, f"Lander{control}gnissim", "T1", ["t1"])
    assert caught.value.code == "text.control_character"
    assert f"bidirectional control U+{ord(control):04X} at character 7" in caught.value.message
    assert control not in caught.value.message


def test_the_trojan_source_name_is_found_among_many_and_cleaned_to_what_it_is():
    names = ["Lander"] * 1000 + ["\u202egnissim\u202c"] + ["مرحلة"] * 10
    assert first_with_control(names, multiline=False) == 1000
    assert first_with_control(names, multiline=True) == 1000
    assert clean("\u202egnissim\u202c") == "gnissim"  # stored as "gnissim", now also shown so
    assert clean("Phase \u2067one\u2069 done", multiline=True) == "Phase one done"


@pytest.mark.parametrize("mark", MARKS)
def test_marks_are_kept_in_arabic_and_hebrew_names_and_in_latin_ones(mark):
    # An RLM makes a name that opens with a Latin acronym read right to left; an LRM closes a
    # Latin name shown in a right-to-left window, so its parenthesis stays at its end.
    for text in (f"{mark}ILRS محطة القمر", f"שלב 2{mark}", f"Phase (2){mark}"):
        check_typed_text("name", text, "T1")
        assert clean(text) == text
        assert first_with_control([text], multiline=False) is None
