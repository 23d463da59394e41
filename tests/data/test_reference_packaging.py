"""The roadmap ships inside the package: it builds with nothing but the installed package."""

import subprocess
import sys
import zipfile
from pathlib import Path

import ilrs_planner
from ilrs_planner.data import facts

PACKAGE = Path(ilrs_planner.__file__).resolve().parent


def test_no_code_reads_outside_the_package():
    for source in PACKAGE.rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        assert "../shared" not in text and "ilrs-facts.csv" not in text, source


def test_data_files_are_read_as_package_resources():
    text = (PACKAGE / "data" / "facts.py").read_text(encoding="utf-8")
    assert "importlib" in text and "resources.files(" in text
    assert "open(" not in text and "__file__" not in text
    assert len(facts.load_facts()) > 100


def test_builds_from_a_zipped_package(tmp_path):
    # A zip has no files on disk, so this fails if any data is read by path instead of as a resource.
    archive = tmp_path / "ilrs_planner.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in PACKAGE.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix in {".py", ".csv", ".toml"}:
                zipped.write(path, path.relative_to(PACKAGE.parent).as_posix())
    code = ("import sys; sys.path.insert(0, sys.argv[1]); "
            "from ilrs_planner.data.reference import build_reference_project as b; "
            "import ilrs_planner; assert ilrs_planner.__file__.startswith(sys.argv[1]); "
            "p = b(); print(len(p.tasks), len(p.baselines))")
    result = subprocess.run([sys.executable, "-I", "-c", code, str(archive)], capture_output=True, text=True,
                            cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    tasks, baselines = map(int, result.stdout.split())
    assert tasks > 50 and baselines > 20
