"""Scrubbing notes full of separators: CPU time of a partner copy's scrub over texts built to make a
backtracking pattern slow (runs of punctuation and symbols between the letters of a withheld word).

    python3 bench/bench_redact_joiners.py [--length 1000] [--repeat 3] [--against OTHER_CHECKOUT]

Each text is --length characters: only separators; a withheld word's letters each followed by a run
of separators; the word's first half, a run of separators as long as the text, then a letter that
ends nothing; and the word split by one separator, over and over. The secrets are the distinctive
words of 200 withheld task names. Prints, per text, the best CPU time of one scrub and how many
"[withheld]" it wrote, with the load average; --against runs the same on another checkout, in turn.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
length, repeat = int(sys.argv[2]), int(sys.argv[3])
from datetime import date
from ilrs_planner.domain import Classification, Project, Task
from ilrs_planner.sharing.redact_scrub import scrubber, secret_tokens

plan = Project("Bench", date(2030, 1, 1))
birds = ["Nightjar", "Kestrel", "Osprey", "Orbitex", "Wenchang", "Goshawk", "Petrel", "Harrier"]
for n in range(200):
    task = Task(f"k{n}", f"{birds[n % 8]}{n} lander", 5, id=f"t{n}", classification=Classification.RESTRICTED)
    plan.tasks[task.id] = task
plan.tasks["pub"] = Task("pub", "Public survey", 5, id="pub")
scrub = scrubber(secret_tokens(plan, {f"t{n}" for n in range(200)}, set()))
marks = "+=~|$<>\u00b7\u2022\u2212_.*-,;:!?/\\\u30fb"
texts = {
    "separators only": (marks * length)[:length],
    "letters between runs": "".join(c + marks[:6] for c in "nightjar" * length)[:length],
    "half a word, a long run": ("Night" + marks * length)[:length - 1] + "x",
    "split by one mark": ("Night\u00b7jar " * length)[:length],
}
for label, text in texts.items():
    best = None
    for _ in range(repeat):
        start = time.process_time()
        out = scrub(text)
        spent = time.process_time() - start
        best = spent if best is None else min(best, spent)
    print(f"  {label:26} {best * 1000:9.1f} ms CPU  {out.count('[withheld]'):6} withheld")
"""


def _run(root: Path, length: int, repeat: int) -> None:
    print(f"{root} (load average {os.getloadavg()[0]:.1f}):", flush=True)
    subprocess.run([sys.executable, "-c", _CHILD, str(root), str(length), str(repeat)], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--length", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--against", type=Path)
    args = parser.parse_args()
    for root in [ROOT, *([args.against] if args.against else [])]:
        _run(root, args.length, args.repeat)


if __name__ == "__main__":
    main()
