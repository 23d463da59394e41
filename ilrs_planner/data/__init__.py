"""Bundled reference data: the ILRS roadmap, readable without Qt."""
