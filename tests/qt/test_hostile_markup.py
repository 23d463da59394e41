"""Text from a partner's plan is shown as text: markup in it never renders, loads an image or a file.

Qt shows a label, tooltip or message box as HTML when its text looks like HTML, and an
`<img src="/dev/zero">` in HTML makes Qt read that file to the end: a plan whose calendar or
baseline carried one made the window allocate memory until it was killed, on opening. These tests
use a tall image instead: a label that rendered the markup would be as tall as the image.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent, QImage, Qt, QTextDocument
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QMessageBox, QToolTip

from ilrs_planner.domain import Baseline, Calendar, Participant, PlannerError, Project, Task
from ilrs_planner.engine.mta import MilestoneTrend, Report, TrendLine
from ilrs_planner.qt.analysis.common import MessageLine
from ilrs_planner.qt.analysis.mta_chart import MtaChartWidget
from ilrs_planner.qt.analysis.mta_labels import legend_entries
from ilrs_planner.qt.analysis.why_panel import WhyPanel
from ilrs_planner.qt.dialogs.messages import message_box
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.main_window import MainWindow
from ilrs_planner.qt.participants.table_model import ParticipantTableModel
from ilrs_planner.qt.sharing.compare_dialog import ComparisonDialog
from ilrs_planner.qt.sharing.sign_actions import passphrase
from ilrs_planner.qt.sharing.signature_label import SignatureStatus
from ilrs_planner.sharing.diff import diff_projects
from ilrs_planner.sharing.keys import load_private_key, write_key_pair
from ilrs_planner.sharing.signing import sign_project

TALL = 3000  # pixels: a label rendering the image would be at least this tall


@pytest.fixture
def markup(tmp_path) -> str:
    """An `<img>` tag naming a tall picture on disk (a stand-in for /dev/zero)."""
    image = QImage(4, TALL, QImage.Format.Format_RGB32)
    image.fill(0)
    path = tmp_path / "tall.png"
    assert image.save(str(path))
    return f'<img src="{path}">'


def shown(text: str) -> str:
    """What Qt displays for a label or tooltip text in its automatic format."""
    document = QTextDocument()
    if Qt.mightBeRichText(text):
        document.setHtml(text)
    else:
        document.setPlainText(text)
    return document.toPlainText()


def hostile_plan(markup: str) -> Project:
    """A plan whose texts are markup, and which cannot be scheduled (its calendar has no working day)."""
    plan = Project(markup, date(2030, 1, 1))
    plan.add_calendar(Calendar(markup, (False,) * 7, [], id="c-none"))
    plan.default_calendar_id = "c-none"
    plan.add_participant(Participant(key="p", name=markup, notes=markup, id="p-1"))
    plan.add_task(Task("a", markup, 5, id="t-a", owner_id="p-1"))  # the chooser lists owners of tasks
    plan.baselines.append(Baseline(markup, date(2029, 1, 1), {"t-a": (date(2030, 1, 1), date(2030, 1, 6))}))
    return plan


def test_opening_a_plan_full_of_markup_shows_every_label_as_text(qtbot, markup):
    window = MainWindow(Document(hostile_plan(markup)))
    qtbot.addWidget(window, before_close_func=lambda w: w.document.mark_saved())
    window.show()
    assert markup in window.status_bar_widgets["finish"].text()  # the error names the calendar
    tall = [label.text() for label in window.findChildren(QLabel) if label.sizeHint().height() > TALL // 2]
    assert tall == []


def test_a_participants_notes_tooltip_is_shown_as_text(qtbot, markup):
    model = ParticipantTableModel(Document(hostile_plan(markup)))
    tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert shown(tip) == markup


def test_the_why_panel_headline_shows_a_milestone_name_as_text(qtbot, markup):
    panel = WhyPanel(Document(hostile_plan(markup)))
    qtbot.addWidget(panel)
    panel.show_result(SimpleNamespace(key=markup, name=markup, notes=[markup], old_date=None, new_date=None))
    assert markup in shown(panel.headline.text())
    assert panel.headline.sizeHint().height() < TALL // 2


def test_an_error_naming_plan_text_is_shown_as_text(qtbot, markup):
    line = MessageLine()
    qtbot.addWidget(line)
    line.show_error(PlannerError("calendar.no_working_day", f"calendar '{markup}' has no working day"))
    assert line.sizeHint().height() < TALL // 2
    box = message_box(QMessageBox.Icon.Warning, "Plan in use", f"{markup} is open by {markup}", None)
    qtbot.addWidget(box)
    assert box.findChild(QLabel, "qt_msgbox_label").sizeHint().height() < TALL // 2


def test_a_signer_name_cannot_add_a_line_to_the_signature_verdict(qtbot, tmp_path):
    # U+2028 is a line break to Qt: the name would put a "trusted" line of its own under the verdict.
    plan = Project("Signed plan", date(2030, 1, 1))
    forged = "Unknown\u2028Signed by a trusted key: CNSA planning"
    sign_project(plan, Ed25519PrivateKey.generate(), forged)
    label = SignatureStatus(Document(plan), trusted_dir=tmp_path / "no-keys")
    qtbot.addWidget(label)
    assert label.text().startswith("Signed by an unknown key")
    assert "\u2028" not in label.text() and "\u2028" not in label.toolTip()
    assert label.sizeHint().height() < 2 * label.fontMetrics().height()


def test_a_participants_name_in_the_owner_filters_tooltip_is_shown_as_text(qtbot, markup):
    # Hovering "Owner: P" in the Filter list showed the name's markup: /dev/zero there ate the memory.
    window = MainWindow(Document(hostile_plan(markup)))
    qtbot.addWidget(window, before_close_func=lambda w: w.document.mark_saved())
    combo = window.filters.combo
    row = combo.findText("Owner: P")  # a long name without an acronym: its key, as the Owner column
    tip = combo.itemData(row, Qt.ItemDataRole.ToolTipRole)
    assert row >= 0 and shown(tip) == markup


def test_the_compare_dialogs_summary_shows_a_plan_name_as_text(qtbot, markup):
    plan = Project(markup, date(2030, 1, 1))
    plan.add_task(Task("a", "A", 5, id="t-a"))
    other = Project("Other", date(2030, 1, 1))
    dialog = ComparisonDialog(diff_projects(plan, other), markup, "other.db")
    qtbot.addWidget(dialog)
    assert [label.text() for label in dialog.findChildren(QLabel) if label.sizeHint().height() > TALL // 2] == []


def test_a_milestone_name_in_the_trend_charts_tooltip_is_shown_as_text(qtbot, markup):
    reports = (Report("2021 baseline", date(2021, 1, 1)), Report("Current", date(2025, 1, 1), True))
    line = TrendLine("1", "m", markup, ((date(2021, 1, 1), date(2024, 6, 1)), (date(2025, 1, 1), date(2026, 8, 1))))
    chart = MtaChartWidget()
    qtbot.addWidget(chart)
    chart.set_trend(MilestoneTrend(reports, (line,), date(2021, 1, 1), date(2030, 1, 1)))
    chart.resize(1200, 700)
    chart.show()
    zoom = chart.zoom()
    picture = chart.picture()
    box, columns = picture.legend(chart.width() / zoom, chart.height() / zoom)
    entry = legend_entries(box, 1, columns, picture.legend_row(chart.height() / zoom))[0]
    at = (entry.center() * zoom).toPoint()
    QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, at, chart.mapToGlobal(at)))
    qtbot.waitUntil(QToolTip.isVisible)
    assert shown(QToolTip.text()).startswith(f"{markup}: ")


def test_a_key_files_name_in_the_passphrase_prompt_is_shown_as_text(monkeypatch, markup):
    asked: list[str] = []
    def get_text(parent, title, label, mode):
        asked.append(label)
        return "", False
    monkeypatch.setattr(QInputDialog, "getText", get_text)
    assert passphrase(None, markup) is None
    assert shown(asked[0]) == f"Passphrase of {markup}:"


def test_a_trusted_partner_signing_in_another_agencys_name_is_named_by_its_own_key(qtbot, tmp_path):
    # The label named the trusted key's owner, but its tooltip repeated the name the signature claims.
    private, _public = write_key_pair("SUPARCO planning", tmp_path / "keys")
    key, _name = load_private_key(private)
    plan = Project("Signed plan", date(2030, 1, 1))
    sign_project(plan, key, "CNSA planning")
    label = SignatureStatus(Document(plan), trusted_dir=tmp_path / "keys")
    qtbot.addWidget(label)
    assert label.text() == "Signed by a trusted key: SUPARCO planning"
    tip = shown(label.toolTip())
    assert tip.startswith("Signed by a trusted key — SUPARCO planning (")
    assert "The signature calls its signer 'CNSA planning'" in tip
