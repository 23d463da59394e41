"""The import-linter contracts (core never imports Qt; layers) and the absence of import loops."""

import shutil
import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold():
    exe = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    result = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _cycles(graph) -> list[list[str]]:
    """Each import a -> b for which b leads back to a, as the loop a -> b -> ... -> a."""
    loops = []
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            back = graph.find_shortest_chain(importer=imported, imported=importer)
            if back:
                loops.append([importer, *back])
    return loops


def test_no_module_imports_itself_through_others():
    # Imports under TYPE_CHECKING are annotations only and never run, so they cannot form a loop.
    graph = grimp.build_graph("ilrs_planner", exclude_type_checking_imports=True)
    loops = _cycles(graph)
    assert not loops, "import loops:\n" + "\n".join(" -> ".join(loop) for loop in loops[:20])
