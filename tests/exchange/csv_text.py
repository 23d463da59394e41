"""A CSV task table written as text and read as a plan, for the CSV tests."""

from ilrs_planner.exchange.formats import read_plan


def read_csv_text(tmp_path, text: str):
    """The plan (or the refusal) that reading `text` as a CSV file gives."""
    path = tmp_path / "table.csv"
    path.write_text(text, encoding="utf-8")
    return read_plan(path)
