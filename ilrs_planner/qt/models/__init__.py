"""Qt item models over the document."""
