"""One module per exchange format; none of them knows Qt."""
