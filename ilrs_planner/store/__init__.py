"""Plan files: SQLite behind one small module."""
