"""Timeline export in each format, headless: size, content, critical colour, page size."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from PySide6.QtGui import QImage

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import Link, PlannerError, Project, Task
from ilrs_planner.qt.image_export import export_image

CRITICAL_RGB = (0xD6, 0x27, 0x28)


@pytest.fixture(scope="module")
def roadmap():
    return build_reference_project()


def _colors(image: QImage, step: int = 3) -> dict[tuple[int, int, int], int]:
    image = image.convertToFormat(QImage.Format_RGB32)
    counts: dict[tuple[int, int, int], int] = {}
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            c = image.pixelColor(x, y)
            key = (c.red(), c.green(), c.blue())
            counts[key] = counts.get(key, 0) + 1
    return counts


def _near(colors, rgb, tolerance=10) -> int:
    return sum(n for c, n in colors.items() if all(abs(a - b) <= tolerance for a, b in zip(c, rgb)))


def test_png_has_the_asked_width_content_and_the_critical_colour(roadmap, tmp_path):
    path = export_image(roadmap, tmp_path / "roadmap.png", width=1600)
    image = QImage(str(path))
    assert image.width() == 1600 and image.height() > 600
    colors = _colors(image)
    white = colors.get((255, 255, 255), 0)
    assert white < 0.9 * sum(colors.values()) and len(colors) > 50  # not blank
    assert _near(colors, CRITICAL_RGB) > 0


def test_png_at_a_fixed_pixel_size_and_dpi(roadmap, tmp_path):
    image = QImage(str(export_image(roadmap, tmp_path / "wall.png", width=3840, height=2160)))
    assert (image.width(), image.height()) == (3840, 2160)
    printed = QImage(str(export_image(roadmap, tmp_path / "print.png", dpi=150)))
    assert printed.width() == round(420 / 25.4 * 150)
    assert abs(printed.dotsPerMeterX() - 150 / 0.0254) < 2


def test_milestones_only_in_a_date_range(roadmap, tmp_path):
    full = QImage(str(export_image(roadmap, tmp_path / "all.png", width=1600)))
    few = QImage(str(export_image(roadmap, tmp_path / "ms.png", width=1600, milestones_only=True,
                                  date_from=date(2024, 1, 1), date_to=date(2051, 1, 1))))
    assert few.height() < full.height()  # fewer rows


def test_svg_is_xml_with_the_title_and_task_names_as_text(roadmap, tmp_path):
    path = export_image(roadmap, tmp_path / "roadmap.svg", title="ILRS briefing")
    root = ET.parse(path).getroot()
    texts = " ".join("".join(el.itertext()) for el in root.iter() if el.tag.endswith("text"))
    assert "ILRS briefing" in texts and "Chang'e 7" in texts and "ILRS Planner" in texts


@pytest.mark.parametrize("page, size_pt", [("A3", (1190.55, 841.89)), ("A4", (841.89, 595.28))])
def test_pdf_is_a_landscape_page_of_the_chosen_size(roadmap, tmp_path, page, size_pt):
    path = export_image(roadmap, tmp_path / f"roadmap-{page}.pdf", page_size=page)
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert box is not None
    assert abs(float(box[1]) - size_pt[0]) < 1.5 and abs(float(box[2]) - size_pt[1]) < 1.5


def test_bad_requests_are_refused_with_a_clear_error(roadmap, tmp_path):
    with pytest.raises(PlannerError) as error:
        export_image(roadmap, tmp_path / "roadmap.gif")
    assert error.value.code == "export.failed" and ".png" in error.value.message
    with pytest.raises(PlannerError) as error:
        export_image(roadmap, tmp_path / "x.png", date_from=date(2040, 1, 1), date_to=date(2030, 1, 1))
    assert error.value.code == "export.failed"
    with pytest.raises(PlannerError) as error:
        export_image(roadmap, tmp_path / "missing-dir" / "x.png", width=800)
    assert error.value.code == "export.failed"
    with pytest.raises(PlannerError) as error:
        export_image(roadmap, tmp_path / "x.png", baseline="no such baseline")
    assert error.value.code == "baseline.unknown"


def _long_plan(n: int):
    from ilrs_planner.domain import Project, Task

    project = Project("Long plan", date(2030, 1, 1))
    for i in range(n):
        project.add_task(Task(f"t{i}", f"Task {i}", 10 + i % 50, position=i))
    return project


def test_a_long_plan_shrinks_its_rows_to_fit_the_tallest_png(tmp_path):
    path = tmp_path / "long.png"
    export_image(_long_plan(1500), path, width=1920)  # 1,500 rows at 24 px would need ~36,000 px
    image = QImage(str(path))
    assert image.width() == 1920 and 10000 < image.height() <= 20000


def test_a_plan_too_long_for_any_legible_png_is_refused_before_painting(tmp_path):
    path = tmp_path / "huge.png"
    with pytest.raises(PlannerError) as err:
        export_image(_long_plan(5000), path, width=3840)
    assert err.value.code == "export.failed" and "5,000 rows" in err.value.message and "SVG/PDF" in err.value.message
    assert not path.exists()



def test_a_flat_plan_too_long_for_a_slide_says_how_tall_an_image_holds_it(tmp_path):
    """A plan with no branches to fold cannot fit 1920 × 1080: the refusal says how many rows that
    holds (fewer than the plan has) and a height that does hold them, and that height works."""
    plan, path = _long_plan(110), tmp_path / "slide.png"
    with pytest.raises(PlannerError) as err:
        export_image(plan, path, width=1920, height=1080)
    found = re.search(r"110 rows .* holds about ([\d,]+)\); make the image at least ([\d,]+) pixels tall",
                      err.value.message)
    assert err.value.code == "export.failed" and found, err.value.message
    holds, tall = (int(group.replace(",", "")) for group in found.groups())
    assert 0 < holds < 110 and tall > 1080
    export_image(plan, path, width=1920, height=tall)
    assert QImage(str(path)).height() == tall
    with pytest.raises(PlannerError):
        export_image(plan, path, width=1920, height=tall - 20)

def _svg_texts(path) -> list[str]:
    return re.findall(r">([^<>]+)</text>", path.read_text(encoding="utf-8"))


def _short_plan(start: date, days: tuple[int, ...]) -> Project:
    """A chain of tasks of `days` (0: a milestone) from `start` on the 7-day calendar."""
    project = Project("Short", start)
    for pos, length in enumerate(days):
        project.add_task(Task(f"T{pos}", f"Step {pos}", length, id=f"t{pos}", position=pos))
        if pos:
            project.add_link(Link(f"t{pos - 1}", f"t{pos}", id=f"l{pos}"))
    return project


def test_a_plan_in_2061_exports_its_own_weeks_not_an_empty_programme(tmp_path):
    texts = _svg_texts(export_image(_short_plan(date(2061, 3, 2), (10, 20, 0)), tmp_path / "far.svg", width=1600))
    assert any("3 critical tasks of 3 rows shown" in t for t in texts)
    assert "No tasks in this range" not in texts
    # 2061-03-02 .. 2061-04-01 with two days each side: the day axis from Mon 28 February to Sat 2 April
    days = [t for t in texts if re.fullmatch(r"(\w{1,3} )?\d{1,2}", t)]  # every day alike: 'Mon 28', 'M 28' or '28'
    assert days[0] in ("28", "M 28", "Mon 28") and days[-1] in ("2", "S 2", "Sat 2")
    assert {"Step 0", "Step 1"} <= set(texts)
    assert not any("2060" in t or "2062" in t for t in texts)


def test_a_short_plan_far_from_today_names_neither_today_nor_its_rows_in_the_plural(tmp_path):
    plan = _short_plan(date(2061, 3, 2), (10,))
    plan.status_date = date(2061, 3, 5)  # inside the image's dates: its line is drawn and named
    texts = _svg_texts(export_image(plan, tmp_path / "one.svg", width=1600))
    assert any("1 critical task of 1 row shown" in t for t in texts)
    assert "Today" not in texts  # no today line among 2061's days, so none to explain
    assert "Status 2061-03-05" in texts


def test_the_roadmap_names_today_whose_line_it_draws(roadmap, tmp_path):
    assert "Today" in _svg_texts(export_image(roadmap, tmp_path / "roadmap.svg", width=1600))


def test_a_ten_day_plan_fills_the_slide_with_its_days(tmp_path):
    plan = _short_plan(date(2027, 1, 4), (5, 0, 3, 0))  # Mon 4 .. Sat 9 (a milestone) .. Tue 12 (the last one)
    texts = _svg_texts(export_image(plan, tmp_path / "short.svg", width=1280, height=720))
    days = [t for t in texts if re.fullmatch(r"(\w{3} )?\d{1,2}", t)]
    assert days[0] == "Sun 3" and days[-1] == "Tue 12"  # one day of margin each side, no more


def test_from_and_to_still_choose_the_range_and_the_roadmap_keeps_its_programme(roadmap, tmp_path):
    plan = _short_plan(date(2027, 1, 4), (5, 3))
    texts = _svg_texts(export_image(plan, tmp_path / "years.svg", date_from=date(2026, 1, 1),
                                    date_to=date(2029, 1, 1)))
    assert {"2026", "2027", "2028"} <= set(texts)
    roadmap_texts = _svg_texts(export_image(roadmap, tmp_path / "roadmap.svg"))
    assert {"2010s", "2050s"} <= set(roadmap_texts)
    from_2024 = _svg_texts(export_image(roadmap, tmp_path / "from.svg", date_from=date(2024, 1, 1)))
    assert any("2024–2052" in t for t in from_2024)  # the other end stays the programme's
    before = _svg_texts(export_image(plan, tmp_path / "before.svg", date_to=date(2026, 12, 1)))
    assert "No tasks in this range" in before  # a range ending before the plan: drawn, not refused as empty
