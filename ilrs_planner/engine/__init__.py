"""Pure scheduling and analysis functions over a project snapshot."""
