"""Undoable edits (pure Python)."""
