"""Alternative figures are marked lines of a task's notes: read back exactly, nothing else taken."""

from ilrs_planner.domain.alternatives import alternative_figures, alternative_line


def test_marked_lines_are_the_alternatives_in_order():
    notes = ("The plan follows 2045.\nALTERNATIVE: by 2050 - Wu Yanhua, 2024-09-05\n"
             "  alternative:  2048 - someone else  \nAn alternative view is not marked.")
    assert alternative_figures(notes) == ("by 2050 - Wu Yanhua, 2024-09-05", "2048 - someone else")


def test_a_written_line_reads_back_on_one_line():
    line = alternative_line("by 2050 -\nWu Yanhua")
    assert line == "ALTERNATIVE: by 2050 - Wu Yanhua" and alternative_figures(line) == ("by 2050 - Wu Yanhua",)
