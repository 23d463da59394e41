"""Partner copy (redaction): CPU time of `redact_project`, and a digest of the copy's texts.

    python3 bench/bench_redact.py [--tasks 100000] [--repeat 1] [--rounds 1] [--against OTHER_CHECKOUT] [--joined]

Each measurement is a fresh process that builds the synthetic plan (bench/synth.py), classifies 2 %
of its tasks (drawn at random, seed 7) restricted, and writes into the notes of 10 % of the tasks a
mention of a restricted task in the spellings the scrub must catch (its name, its key in a hyphenated
or underscored compound, in capitals, in full-width letters, split by a soft hyphen, in the plural,
in Cyrillic look-alike letters, its id; with --joined also in flags' letters, with an emoji inside
it, broken by a hyphen at a line's end). It then makes the
public copy --repeat times and prints the best CPU time, the number of tasks kept, how many texts
say "[withheld]", and a digest of every text of the copy: two checkouts that print the same digest
wrote the same copy. With --against, the same is run on another checkout (e.g. a detached worktree
of the previous commit), alternating with this one for --rounds rounds: on a shared machine only
figures measured side by side can be compared. The load average is printed with them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Run in the child, with the checkout to measure first on sys.path.
_CHILD = r"""
import hashlib, json, random, sys, time
from pathlib import Path
root, tasks, repeat, joined = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "1"
sys.path[:0] = [str(root), str(root / "bench")]
from synth import make_plan
from ilrs_planner.domain import Classification
from ilrs_planner.sharing.redact import redact_project

plan = make_plan(tasks)
rng = random.Random(7)
ids = sorted(plan.tasks)
hidden = rng.sample(ids, tasks * 2 // 100)
for tid in hidden:
    plan.tasks[tid].classification = Classification.RESTRICTED
mentions = ["see {name} first", "after the {key}-2 test", "X-{key}", "{name_caps}", "ref {id}",
            "{key}x and {key}", "\uff2e{key}", "soft\u00ad{key}", "waits on {other}", "two {key}s",
            "look-alike {key_cyrillic}", "{key}_draft"]
if joined:  # flags' letters, a rocket inside the name, the key broken by a hyphen at a line's end
    mentions += ["{name_flags} slips", "{name_rocket} review", "see the\n{key_broken} plan"]
cyrillic = str.maketrans({"T": "\u0422", "P": "\u0420"})  # capitals drawn like the Latin ones
flags = {c: chr(0x1F1E6 + ord(c) - 65) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
for tid in rng.sample(ids, tasks // 10):
    gone, other = plan.tasks[rng.choice(hidden)], plan.tasks[rng.choice(ids)]
    plan.tasks[tid].notes = rng.choice(mentions).format(name=gone.name, key=gone.key, name_caps=gone.name.upper(),
                                                        id=gone.id, other=other.key,
                                                        key_cyrillic=gone.key.translate(cyrillic),
                                                        name_flags="".join(flags.get(c, c) for c in gone.name.upper()),
                                                        name_rocket=gone.name[:2] + "\U0001F680" + gone.name[2:],
                                                        key_broken=gone.key[:2] + "-\n" + gone.key[2:])
best = None
for _ in range(repeat):
    start = time.process_time()
    copy = redact_project(plan, "public")
    spent = time.process_time() - start
    best = spent if best is None else min(best, spent)
texts = [(t.id, t.key, t.name, t.notes, t.source_url) for t in copy.tasks.values()]
texts += [(c.name, [e.name for e in c.exceptions]) for c in copy.calendars.values()]
texts += [(p.notes, p.source_url) for p in copy.participants.values()]
texts += [(b.name, b.notes) for b in copy.baselines] + [(copy.name, copy.author, len(copy.links))]
flat = repr(texts)
print(json.dumps({"cpu": best, "kept": len(copy.tasks), "withheld": flat.count("[withheld]"),
                  "digest": hashlib.sha256(flat.encode()).hexdigest()[:16]}))
"""


def measure(checkout: Path, tasks: int, repeat: int, joined: bool = False) -> dict:
    """One fresh process's figures for the program in `checkout`."""
    out = subprocess.run([sys.executable, "-c", _CHILD, str(checkout), str(tasks), str(repeat), str(int(joined))],
                         capture_output=True, text=True, check=True, env={**os.environ, "PYTHONPATH": ""})
    return json.loads(out.stdout.strip().splitlines()[-1])


def show(label: str, figures: dict) -> None:
    print(f"{label:<10} redact {figures['cpu']:.2f} s CPU   {figures['kept']} tasks kept   "
          f"{figures['withheld']} withheld   texts {figures['digest']}   load {os.getloadavg()[0]:.1f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=1, help="copies per process; the best is shown")
    parser.add_argument("--rounds", type=int, default=1, help="processes per checkout, alternating")
    parser.add_argument("--against", type=Path, help="another checkout to measure alternately")
    parser.add_argument("--joined", action="store_true",
                        help="mentions also in flags' letters, with an emoji inside, broken at a line's end")
    args = parser.parse_args()
    for _ in range(args.rounds):
        show("this", measure(ROOT, args.tasks, args.repeat, args.joined))
        if args.against:
            show("against", measure(args.against.resolve(), args.tasks, args.repeat, args.joined))


if __name__ == "__main__":
    main()
