"""`ilrs-planner risk PLAN.db --iterations 10000 --seed 1`: Monte Carlo schedule risk."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from ..domain import PlannerError, Precision, format_fuzzy_date, parse_fuzzy_date
from ..engine.risk_seed import DEFAULT_SEED

PERCENTILE_KEYS = ("p10", "p50", "p80", "p90")  # summary_dict's keys for engine.risk.PERCENTILES


def register(subparsers) -> None:
    """Add the `risk` sub-command."""
    parser = subparsers.add_parser(
        "risk", help="Monte Carlo schedule risk: P10-P90 dates, chance of a date, criticality, drivers",
        description="Simulate the plan many times with uncertain durations: a task's three-point estimate "
        "(optimistic/most likely/pessimistic) or, without one, a default spread by kind (missions -10%/+60%, "
        "infrastructure -10%/+40%, phases -5%/+30%, other tasks -10%/+30%, agreements -5%/+15%). "
        "Durations are drawn from a triangular distribution over the three points (--distribution pert: "
        "PERT-beta), seeded: the same seed gives the same result, and the default seed 1 is the risk panel's, "
        "so the window and this command agree on one plan. Actual dates are certain. A P-date is the first "
        "day by whose end that share of the runs has finished (P80: 80 %), read as the schedule shows a "
        "finish: a task's last day of work, a milestone's day. A date is shown at the precision the "
        "milestone's scheduled date is known to (a milestone driven by '2033' shows 2033 at every "
        "percentile); --json gives the simulated days and that precision.")
    parser.add_argument("plan", metavar="PLAN.db", help="the plan file")
    parser.add_argument("--iterations", type=int, default=10_000, metavar="N", help="runs (default 10000)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, metavar="N",
                        help=f"random seed: the same seed gives the same result (default {DEFAULT_SEED}, the risk "
                        "panel's)")
    parser.add_argument("--distribution", choices=("triangular", "pert"), default="triangular",
                        help="duration distribution (default triangular)")
    parser.add_argument("--milestone", metavar="KEY", help="show the chance of --target-date and the top drivers")
    parser.add_argument("--target-date", type=_by_date, metavar="DATE",
                        help="for --milestone: the date to meet (2035 means by 2035-12-31)")
    parser.add_argument("--top", type=int, default=10, metavar="N", help="how many drivers to show (default 10)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run the simulation and print the milestones' percentiles (and the chosen milestone's drivers)."""
    from ..engine.cpm import schedule
    from ..engine.risk import run_risk
    from ..engine.risk_basis import default_spreads  # numpy, loaded when a simulation runs
    from .render import load_plan

    if args.target_date and not args.milestone:
        raise PlannerError("cli.usage", "--target-date needs --milestone KEY")
    project = load_plan(args.plan)
    chosen = project.task_by_key(args.milestone).id if args.milestone else None
    result = run_risk(project, args.iterations, args.seed, args.distribution)
    data = result.summary_dict(chosen, args.target_date, args.top)
    plan = schedule(project)
    precisions = _add_precision(data, project, plan, result.milestone_ids(), chosen)
    _add_plan(data, plan, result, precisions)
    data["default_spreads"] = default_spreads(project, result).as_dict()
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    _print_milestones(_as_shown(data))
    print(default_spreads(project, result).sentence())
    if chosen:
        _print_chosen(_as_shown(data)["milestone"])
    return 0


def _add_precision(data: dict, project, plan, milestone_ids: list[str], chosen: str | None) -> dict:
    """Each milestone's shown precision ('year', 'day', …): its dates are printed at it (see
    engine/risk_shown.py); --json keeps the simulated days beside it. Returns task id -> precision."""
    from ..engine.risk_shown import milestone_precisions

    precisions = milestone_precisions(project, plan, [*milestone_ids, *([chosen] if chosen else [])])
    for milestone, task_id in zip(data["milestones"], milestone_ids):
        milestone["precision"] = precisions[task_id].value
    if chosen is not None:
        data["milestone"]["precision"] = precisions[chosen].value
    return precisions


def _add_plan(data: dict, plan, result, precisions: dict) -> None:
    """Each milestone's planned date (its last day) and the share of runs meeting it by the end of
    the period it is known to: the question a programme office asks first."""
    from ..engine.risk_shown import chance_of_plan

    for milestone, task_id in zip(data["milestones"], result.milestone_ids()):
        found = chance_of_plan(result, plan, task_id, precisions[task_id])
        milestone["planned"] = found[0].isoformat() if found else None
        milestone["chance_of_planned"] = round(found[1], 4) if found else None


def _as_shown(data: dict) -> dict:
    """`data` with every date of a milestone (percentiles, drivers' finishes) at its precision."""
    shown = {**data, "milestones": [_dates_at(m) for m in data["milestones"]]}
    if "milestone" in data:
        shown["milestone"] = _dates_at(data["milestone"])
    return shown


def _dates_at(entry: dict[str, Any]) -> dict[str, Any]:
    precision = Precision(entry["precision"])
    out: dict[str, Any] = {k: _shown(v, precision) if k in PERCENTILE_KEYS or (k == "planned" and v) else v
                           for k, v in entry.items()}
    drivers: list[dict[str, Any]] = entry.get("drivers", [])
    if drivers:
        out["drivers"] = [{**d, "finish_if_short": _shown(d["finish_if_short"], precision),
                           "finish_if_long": _shown(d["finish_if_long"], precision)} for d in drivers]
    return out


def _shown(iso: str, precision: Precision) -> str:
    return format_fuzzy_date(date.fromisoformat(iso), precision)


def _by_date(text: str):
    return parse_fuzzy_date(text, end=True)[0]


def _print_milestones(data: dict) -> None:
    seed = "no seed" if data["seed"] is None else f"seed {data['seed']}"
    print(f"{data['iterations']:,} iterations, {data['distribution']}, {seed}")
    ahead = [m for m in data["milestones"] if not m["history"]]
    rows = [(m["key"], m["planned"] or "", _chance(m["chance_of_planned"], m["modelled"]),
             m["p10"], m["p50"], m["p80"], m["p90"], f"{m['criticality']:.0%}") for m in ahead]
    _table(("Milestone", "Plan", "On plan", "P10", "P50", "P80", "P90", "Critical"), rows)
    if any(not m["modelled"] for m in ahead):
        from ..engine.risk_basis import NOT_MODELLED, NOT_MODELLED_WHY

        print(f"({NOT_MODELLED}: {NOT_MODELLED_WHY})")
    if len(ahead) < len(data["milestones"]):
        print(f"({len(data['milestones']) - len(ahead)} milestones already reached are not shown; --json lists all)")


def _chance(share: float | None, modelled: bool) -> str:
    from ..engine.risk_basis import NOT_MODELLED
    from ..engine.risk_shown import chance_text

    if share is None:
        return ""
    return chance_text(share) if modelled else NOT_MODELLED


def _print_chosen(chosen: dict) -> None:
    print()
    print(f"{chosen['key']}: P50 {chosen['p50']}, P80 {chosen['p80']}")
    if "probability" in chosen:
        print(f"Chance of meeting {chosen['target_date']}: {chosen['probability']:.0%}")
    if chosen["drivers"]:
        print("Top drivers (rank correlation of duration with the milestone's date):")
        rows = [(d["key"], f"{d['correlation']:+.2f}", f"{d['criticality']:.0%}", d["finish_if_short"],
                 d["finish_if_long"]) for d in chosen["drivers"]]
        _table(("Task", "Corr", "Critical", "If short", "If long"), rows)
    else:
        print("No uncertain task drives this milestone (its date is fixed or certain).")


def _table(header: tuple[str, ...], rows: Sequence[tuple[object, ...]]) -> None:
    widths = [max(len(str(c)) for c in column) for column in zip(header, *rows)]
    for cells in [header, *rows]:
        print("  ".join(str(c).ljust(w) for c, w in zip(cells, widths)).rstrip())
