"""A partner copy hides a secret however it is spelt, and garbles nothing else.

A person reads "Kеstrelfalcon" (a Cyrillic "е"), "Kėstrelfalcon", "Kestrelf︀alcon" (a variation
selector) and "Kestrelfalcons" as the hidden "Kestrelfalcon", and "kestrel_9" as the key
"kestrel-9"; each is withheld, and the rest of the text stays as written. What is not a secret
stays: a kept task's own source, the "https" and "com" of an address, an everyday word of a
hidden task's name.
"""

import re
import sqlite3
from datetime import date

import pytest

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import Classification as C
from ilrs_planner.domain import Project, Task
from ilrs_planner.sharing.redact import WITHHELD, redact_project
from ilrs_planner.sharing.redact_fold import fold
from ilrs_planner.sharing.redact_scrub import secret_tokens
from ilrs_planner.store import save_project

HIDDEN_SOURCE = "https://intranet.example/kestrel-9"
DISGUISES = [
    ("See K\u0435strelfalcon trial", f"See {WITHHELD} trial"),  # a Cyrillic "е" among Latin letters
    ("See \u041a\u0415STRELFALCON trial", f"See {WITHHELD} trial"),  # Cyrillic capitals К and Е
    ("See Ke\u0307strelfalcon trial", f"See {WITHHELD} trial"),  # a combining dot above the "e"
    ("See " + "\u0336".join("Kestrelfalcon") + "\u0336 trial", f"See {WITHHELD} trial"),  # a stroke on each letter
    ("See Kestrelfalcon\ufe0f trial", f"See {WITHHELD} trial"),  # a variation selector after it
    ("See Kestrelf\ufe00alcon trial", f"See {WITHHELD} trial"),  # a variation selector inside the word
    ("See Kestrel\u2060falcon trial", f"See {WITHHELD} trial"),  # a word joiner
    ("Two Kestrelfalcons, one Kestrelfalcon's fuel", f"Two {WITHHELD}, one {WITHHELD}'s fuel"),  # plural
    ("Filed as kestrel_9, KESTREL.9 and kestrel 9.", f"Filed as {WITHHELD}, {WITHHELD} and {WITHHELD}."),
    ("Filed as kestrel\u20109 (a typographic hyphen)", f"Filed as {WITHHELD} (a typographic hyphen)"),
    ("After Chang\u2019e 9 Kestrelfalcon reactor", f"After {WITHHELD}"),  # the name, a curly apostrophe
    (f"see {HIDDEN_SOURCE}/plan", f"see {WITHHELD}/plan"),  # the hidden source as a whole
    ("see intranet.example/kestrel-9 and www.intranet.example/kestrel-9", f"see {WITHHELD} and {WITHHELD}"),
    # What a page, a mail or an address bar draws as letters, and letters spelt out one by one.
    ("See &#x4B;estrelfalcon trial", f"See {WITHHELD} trial"),  # an HTML character reference
    ("See &#75;ESTRELFALCON, &Kcy;estrelfalcon trial", f"See {WITHHELD}, {WITHHELD} trial"),  # decimal; Cyrillic К
    ("See %4Bestrelfalcon trial", f"See {WITHHELD} trial"),  # percent-encoding
    ("See %4B%45%53%54relfalcon trial", f"See {WITHHELD} trial"),
    ("See &amp;#x4B;estrelfalcon, %254Bestrelfalcon, &#37;4Bestrelfalcon", f"See {WITHHELD}, {WITHHELD}, {WITHHELD}"),
    ("Filed as kestrel%2D9 and kestrel&#95;9", f"Filed as {WITHHELD} and {WITHHELD}"),
    ("See K E S T R E L F A L C O N trial", f"See {WITHHELD} trial"),
    ("See K.E.S.T.R.E.L.F.A.L.C.O.N. trial", f"See {WITHHELD}. trial"),
    ("See k-e-s-t-r-e-l-f-a-l-c-o-n and K. E. S. T. R. E. L. F. A. L. C. O. N", f"See {WITHHELD} and {WITHHELD}"),
    # Spelt out after or before a word of one letter, as a sentence puts it: "a" and "I" stay.
    ("We saw a K E S T R E L F A L C O N launch", f"We saw a {WITHHELD} launch"),
    ("Is it a K.E.S.T.R.E.L.F.A.L.C.O.N or not", f"Is it a {WITHHELD} or not"),
    ("plan A K E S T R E L F A L C O N", f"plan A {WITHHELD}"),
    ("I K-E-S-T-R-E-L-F-A-L-C-O-N-S and a K E S T R E L F A L C O N I think", f"I {WITHHELD} and a {WITHHELD} I think"),
    # Letters spelt out apart by wider gaps, backslashes, bullets or parentheses ("⒦⒠⒮" reads "(k)(e)(s)").
    ("See K    E    S    T    R    E    L    F    A    L    C    O    N", f"See {WITHHELD}"),
    ("See " + "\\".join("KESTRELFALCON") + "; " + "\u2022".join("KESTRELFALCON"), f"See {WITHHELD}; {WITHHELD}"),
    ("See " + "".join(chr(0x249C + ord(c) - ord("a")) for c in "kestrelfalcon") + " trial", f"See {WITHHELD} trial"),
    # Beside more than one word of one letter, as a sentence may put them.
    ("I a K E S T R E L F A L C O N", f"I a {WITHHELD}"),
    ("Was I a K.E.S.T.R.E.L.F.A.L.C.O.N.S fan? O I a", f"Was I a {WITHHELD} fan? O I a"),
    ("a I a K-E-S-T-R-E-L-F-A-L-C-O-N a I, K E S T R E L F A L C O N I a", f"a I a {WITHHELD} a I, {WITHHELD} I a"),
    ("see https%3A%2F%2Fintranet.example%2Fkestrel-9", f"see {WITHHELD}"),  # the hidden source, encoded
    # Capitals of other scripts drawn like Latin ones, read as drawn, not as their small letters.
    ("See \u039aESTRELFALC\u039f\u039d trial", f"See {WITHHELD} trial"),  # Greek Kappa, Omicron, Nu
    # A Greek capital Nu, a Latin small capital N.
    ("See KESTRELFALCO\u039d and kestrelfalco\u0274 trial", f"See {WITHHELD} and {WITHHELD} trial"),
    ("See \u13e6\u13acSTRELFALCON trial", f"See {WITHHELD} trial"),  # Cherokee Ꮶ and Ꭼ
    ("See kestrelfalco\u0578 trial", f"See {WITHHELD} trial"),  # Armenian vo, drawn n
    ("See KESTREIFAICON, KESTRE1FALC0N trial", f"See {WITHHELD}, {WITHHELD} trial"),  # I and 1 for L, 0 for O
    # Glued to a digit, another word in CamelCase or Chinese text, as a person still reads it.
    ("See Kestrelfalcon2 and KestrelfalconProgramme", f"See {WITHHELD} and {WITHHELD}"),
    ("\u89c1Kestrelfalcon\u8ba1\u5212", f"\u89c1{WITHHELD}\u8ba1\u5212"),  # "see the Kestrelfalcon plan"
]


def _plan(notes: str = "") -> Project:
    plan = Project(name="Reactor study", start=date(2030, 1, 1))
    plan.add_task(Task(key="kestrel-9", name="Chang'e 9 Kestrelfalcon reactor", duration=20, id="t-secret",
                       classification=C.RESTRICTED, source_url=HIDDEN_SOURCE))
    plan.add_task(Task(key="change-7", name="Chang'e 7 landing", duration=10, id="t-kept", notes=notes,
                       source_url="https://www.example.com/news/change-7-landing.html"))
    return plan


@pytest.mark.parametrize("written,shown", DISGUISES)
def test_a_disguised_spelling_of_a_hidden_name_key_or_source_is_withheld_and_nothing_else(written, shown):
    assert redact_project(_plan(written), "public").tasks["t-kept"].notes == shown


def test_everyday_words_of_a_hidden_name_and_the_parts_of_its_address_stay():
    notes = "The reactor review at https://www.example.com/news (Space.com); intranet pages are slow."
    out = redact_project(_plan(notes), "public").tasks["t-kept"]
    assert out.notes == notes  # "reactor" is a common word; "https", "com", "intranet" parts of an address
    assert out.source_url == "https://www.example.com/news/change-7-landing.html"


def test_escapes_and_single_letters_of_kept_text_stay_as_written():
    notes = ("R&amp;D at 100% (see https://www.example.com/a%20b?x=1&amp;y=2&#35;top), U.S.A. and A B C; "
             "caf&eacute; &lt;falcon&gt; %ZZ &#xZZ; &#99999999;")
    plan = _plan(notes)
    plan.tasks["t-kept"].source_url = "https://www.example.com/news/%E6%9C%88%E7%90%83?id=7&amp;p=%41"
    out = redact_project(plan, "public").tasks["t-kept"]
    assert out.notes == notes
    assert out.source_url == plan.tasks["t-kept"].source_url


def test_single_letters_beside_a_one_letter_word_that_spell_nothing_stay_as_written():
    notes = ("Options a b c d e, I think; a I a I; plan A B C and U S A. I saw a K and an E. "
             "Is it a or b? I a m sure: a f e w letters; I a I a o; (a), (b) and (c); x    y    z")
    assert redact_project(_plan(notes), "public").tasks["t-kept"].notes == notes


def test_a_kept_task_citing_the_article_a_hidden_one_cites_keeps_its_source_unless_it_names_a_secret():
    article = "https://news.example.org/2030/01/lunar-programme-update"
    plan = _plan(f"As reported at {article}.")
    plan.tasks["t-secret"].source_url = plan.tasks["t-kept"].source_url = article
    out = redact_project(plan, "public").tasks["t-kept"]
    assert (out.source_url, out.notes) == (article, f"As reported at {article}.")
    plan.tasks["t-kept"].source_url = "https://www.example.com/news/kestrelfalcon-test"
    assert redact_project(plan, "public").tasks["t-kept"].source_url == f"https://www.example.com/news/{WITHHELD}"


def test_the_copys_bytes_hold_no_disguise_of_a_secret(tmp_path):
    plan = _plan(" / ".join(written for written, _ in DISGUISES))
    plan.baselines.clear()
    out = redact_project(plan, "public")
    save_project(out, tmp_path / "partner.db")
    with sqlite3.connect(tmp_path / "partner.db") as db:
        dump = fold("\n".join(db.iterdump()))[0]  # the file's every text, read as a person reads it
    tokens = secret_tokens(plan, {"t-secret"}, set())
    assert {fold(t)[0] for t in ("kestrelfalcon", "kestrel-9", "intranet.example/kestrel-9")} <= tokens
    for token in tokens:
        spelled = r"[-_.\s]".join(re.escape(part) for part in re.split(r"[-_.\s]", token))
        assert not re.search(rf"(?<![^\W_]){spelled}(?:e?s)?(?![^\W_])", dump), token
    assert fold("kestrel")[0] not in dump


@pytest.fixture(scope="module")
def public_roadmap():
    roadmap = build_reference_project()
    return roadmap, redact_project(roadmap, "public")


def test_the_roadmaps_kept_sources_stay_as_cited(public_roadmap):
    roadmap, out = public_roadmap
    source = {t.key: t.source_url for t in out.tasks.values()}
    assert source["change-4"] == "https://www.latimes.com/world/la-fg-china-moonlanding-20190102-story.html"
    assert source["change-6-landing"] == "https://tass.com/science/1796903"
    # Each of these is also the source of a withheld task, which a kept task's own citation does not hide.
    assert source["change-8"] == "https://www.shine.cn/news/nation/2504248796/"
    assert source["ilrs-basic"] == "https://www.globaltimes.cn/page/202504/1332711.shtml"
    assert source["crewed-landing"] == ("https://www.newsbytesapp.com/news/science/"
                                        "china-aims-for-moon-landing-by-2030-reveals-space-station-agenda/story")
    assert {t.id: t.source_url for t in out.tasks.values()} == {t: roadmap.tasks[t].source_url for t in out.tasks}


def test_the_roadmaps_kept_notes_stay_as_written(public_roadmap):
    roadmap, out = public_roadmap
    notes = {t.key: t.notes for t in out.tasks.values()}
    assert "visao.pt citing Space.com), so that" in notes["ilrs-1-5"]
    assert notes["lanyue"].startswith("Announced only as 'for the landing before 2030'.")
    assert "is a modelling choice: delivery in mid-2030, ahead of the landing." in notes["lanyue"]
    assert "CMSA (news release, reported by China Daily)" in notes["mengzhou-abort-test"]
    assert all(WITHHELD not in b.notes for b in out.baselines)
    assert {t.id: t.notes for t in out.tasks.values()} == {t: roadmap.tasks[t].notes for t in out.tasks}
