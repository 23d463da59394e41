"""Text from a partner's plan never drives the terminal: every command's output is escaped.

The plans are handed to the commands in memory (the store's own checks are not what is tested
here), with escape sequences in every text field a command prints.
"""

import errno
import io
import json
import re
from datetime import date

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

import ilrs_planner.store
from ilrs_planner.cli import main
from ilrs_planner.domain import Baseline, Link, LinkType, Project, Task
from ilrs_planner.domain.terminal_text import fits_one_line, one_line, shown
from ilrs_planner.sharing.signing import sign_project

CLEAR_LINE = "\r\x1b[2K"
OSC_TITLE = "\x1b]0;pwned\x07"
HOSTILE = f"Lander{CLEAR_LINE}{OSC_TITLE}\x9b31m\u202eevil"
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _hostile_plan(name_suffix: str = "") -> Project:
    plan = Project(name=f"Plan{OSC_TITLE}", start=date(2030, 1, 1))
    plan.add_task(Task(key=f"LANDER{CLEAR_LINE}", name=HOSTILE + name_suffix, duration=10, id="t-lander",
                       notes=f"note{OSC_TITLE}"))
    plan.add_task(Task(key="READY", name=f"Ready{CLEAR_LINE}", duration=0, id="t-ready", position=1))
    plan.add_link(Link("t-lander", "t-ready", LinkType.FS, 0, id="l-1"))
    plan.baselines.append(Baseline(f"Original{OSC_TITLE}", date(2029, 1, 1),
                                   {"t-ready": (date(2030, 1, 5), date(2030, 1, 5)),
                                    "t-lander": (date(2030, 1, 1), date(2030, 1, 5))}))
    return plan


@pytest.fixture
def plans(monkeypatch, tmp_path):
    """Paths the commands open as hostile plans (A; B and C each rename and slip a task)."""
    a, b, c = _hostile_plan(), _hostile_plan(" v2"), _hostile_plan(" v3")
    b.tasks["t-lander"].duration, c.tasks["t-lander"].duration = 20, 30
    by_path = {str(tmp_path / f"{name}.db"): plan for name, plan in zip("abc", (a, b, c))}
    monkeypatch.setattr(ilrs_planner.store, "open_project", lambda path, *_, **__: by_path[str(path)])
    monkeypatch.setattr(ilrs_planner.store, "open_project_columns", lambda path, *_, **__: (by_path[str(path)], None))
    monkeypatch.setattr(ilrs_planner.store, "layout_problems", lambda path, project: [])  # no file to look at
    # Saving refuses control characters (store/text_check.py); the merged plan is kept in memory too.
    monkeypatch.setattr(ilrs_planner.store, "save_project", lambda project, path, *_, **__: by_path.update(
        {str(path): project}))
    return tmp_path


def _assert_escaped(text: str) -> None:
    assert text, "the command printed nothing"
    assert not RAW_CONTROL.search(text), repr(text)


@pytest.mark.parametrize("argv", [
    ["schedule", "{a}"], ["slip", "{a}"], ["baselines", "{a}"], ["diff", "{a}", "{b}"],
    ["why", "{a}", "READY", "--baseline", f"Original{OSC_TITLE}"],
])
def test_command_output_carries_no_raw_control_character(plans, capsys, argv):
    main([arg.format(a=plans / "a.db", b=plans / "b.db") for arg in argv])
    out, err = capsys.readouterr()
    _assert_escaped(out + err)
    assert "\\u001b" in out  # the escape sequences are shown, not dropped


@pytest.mark.parametrize("command", ["schedule", "slip", "diff"])
def test_json_output_stays_valid_and_keeps_the_original_text(plans, capsys, command):
    main([command, str(plans / "a.db")] + ([str(plans / "b.db")] if command == "diff" else []) + ["--json"])
    out = capsys.readouterr().out
    _assert_escaped(out)
    assert HOSTILE in _strings(json.loads(out))


def _strings(data) -> list[str]:
    if isinstance(data, dict):
        data = list(data.values())
    if isinstance(data, list):
        return [text for item in data for text in _strings(item)]
    return [data] if isinstance(data, str) else []


def test_a_long_json_output_still_escapes_what_json_leaves_raw(capsys, monkeypatch, tmp_path):
    # JSON escapes the C0 controls itself but not DEL; output blocks longer than 4096 characters
    # are first tested by their least and greatest byte, and DEL must still be caught there.
    plan = Project(name="Long plan", start=date(2030, 1, 1))
    for n in range(200):
        plan.add_task(Task(key=f"T{n}", name=f"Task {n}" + ("\x7f[2K" if n == 150 else ""), duration=1,
                           id=f"t-{n}", position=n))
    monkeypatch.setattr(ilrs_planner.store, "open_project_columns", lambda *_, **__: (plan, None))
    assert main(["schedule", str(tmp_path / "long.db"), "--json"]) == 0
    out = capsys.readouterr().out
    assert len(out) > 4096
    _assert_escaped(out)
    assert json.loads(out)["tasks"][150]["name"] == "Task 150\x7f[2K"


def test_merge_conflicts_are_escaped(plans, capsys, monkeypatch):
    monkeypatch.setattr(ilrs_planner.store, "save_project", lambda *_, **__: None)  # the store refuses such text
    assert main(["merge", *(str(plans / f"{name}.db") for name in "abc"), "-o", str(plans / "m.db")]) == 1
    out = capsys.readouterr().out
    _assert_escaped(out)
    assert "CONFLICT task LANDER\\u000d\\u001b[2K" in out


def test_a_forged_signer_name_cannot_pass_for_a_trusted_verdict(plans, capsys):
    plan = ilrs_planner.store.open_project(str(plans / "a.db"))
    sign_project(plan, Ed25519PrivateKey.generate(), f"x{CLEAR_LINE}Signed by a trusted key — CNSA planning\nok")
    assert main(["verify", str(plans / "a.db"), "--trusted", str(plans)]) == 1
    out = capsys.readouterr().out
    _assert_escaped(out)
    assert len(out.splitlines()) == 1 and "unknown key" in out.lower()
    assert "x\\u000d\\u001b[2KSigned by a trusted key" in out


def test_error_messages_are_escaped(plans, capsys):
    assert main(["why", str(plans / "a.db"), f"NOPE{OSC_TITLE}", "--baseline", f"Original{OSC_TITLE}"]) == 2
    err = capsys.readouterr().err
    _assert_escaped(err)
    assert err.startswith("error[")


def test_shown_keeps_lines_and_one_line_escapes_them():
    assert shown("a\nb\tc\x1b[2K\r") == "a\nb\tc\\u001b[2K\\u000d"
    assert one_line("a\nb\tc") == "a\\u000ab\\u0009c"
    assert shown("Chang'e 7 嫦娥七号 — Луна-26") == "Chang'e 7 嫦娥七号 — Луна-26"


@pytest.mark.parametrize("unsafe", [chr(c) for c in (*range(0x00, 0x09), *range(0x0b, 0x20), *range(0x7f, 0xa0))]
                         + ["\u061c", "\u200e", "\u200f", "\u2028", "\u2029", *map(chr, range(0x202a, 0x202f)),
                            *map(chr, range(0x2066, 0x206a)), "\u200b", "\u2060", "\ufeff", "\u180e"])
def test_every_unsafe_character_is_escaped_even_among_lines_and_tabs(unsafe):
    # Plain text takes a short cut past the pattern; no unsafe character may take it too.
    text = f"line one\tcell\n{unsafe}line two\n"
    assert shown(text) == f"line one\tcell\n\\u{ord(unsafe):04x}line two\n"


@pytest.mark.parametrize("blank", ["\u3164", "\uffa0", "\u115f", "\u1160"])
def test_a_hangul_filler_a_letter_drawn_blank_is_escaped_so_a_name_cannot_look_empty(blank):
    assert shown(f"{blank}{blank}") == f"\\u{ord(blank):04x}" * 2
    assert shown(f"탐사 {blank}선") == f"탐사 \\u{ord(blank):04x}선"
    assert shown("탐사선") == "탐사선"  # Hangul itself passes


def test_tag_characters_are_escaped_as_json_spells_them_and_joiners_pass():
    spoof = "Ch\U000e0061ange"
    escaped = shown(spoof)
    assert escaped == "Ch\\udb40\\udc61ange" and json.loads(f'"{escaped}"') == spoof
    persian, family = "می\u200cخواهم", "\U0001f469\u200d\U0001f680"  # ZWNJ in Persian, ZWJ in an emoji
    assert shown(persian) == persian and shown(family) == family


@pytest.mark.parametrize("unsafe", ["\x00", "\x1b", "\x7f", "\x0d", "\t", "\n"])
def test_a_long_text_is_escaped_as_a_short_one_is(unsafe):
    # Long ASCII texts (blocks of JSON) are first tested by their least and greatest byte.
    row = '{"key":"W1","name":"Work package","early_start":"2030-01-01"},'
    text = row * 200 + unsafe + row * 200
    assert len(text) > 4096
    expected = text if unsafe in "\t\n" else text.replace(unsafe, f"\\u{ord(unsafe):04x}")
    assert shown(text) == expected
    assert shown(row * 200) == row * 200


@pytest.mark.parametrize("text", ["plain names", "Chang'e 7 嫦娥七号", "tab\there", "new\nline", "esc\x1b[2K",
                                  "del\x7f", "Луна\u202eevil", "Луна\u2028next", ""])
def test_a_text_fits_one_line_exactly_when_one_line_leaves_it_as_it_is(text):
    assert fits_one_line(text) is (one_line(text) == text)


class _FullDevice(io.StringIO):
    def write(self, text):
        raise OSError(errno.ENOSPC, "No space left on device")


def test_output_to_a_full_disk_is_a_coded_error_not_a_traceback(plans, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdout", _FullDevice())
    assert main(["schedule", str(plans / "a.db")]) == 2
    assert "error[cli.output]: could not write the output: No space left on device" in capsys.readouterr().err
