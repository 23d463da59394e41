"""Plans between institutions: compare, three-way merge, need-to-know redaction, signatures."""
