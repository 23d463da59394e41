"""Code generated from ui/*.ui by pyside6-uic. Never edit by hand: change the .ui and regenerate."""
