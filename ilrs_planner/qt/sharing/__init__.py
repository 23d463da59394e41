"""Sharing tools in the desktop app: import/export, compare, merge, partner exports, signature state.

The main window adds to its File menu: Import…, Export…, Compare with another plan…, Merge…, Export for
partner…, and a signature label to the status bar.

Import opens the chosen file as a new, unsaved plan, the way Open does (after the usual question
about unsaved changes). It is not an edit of the current plan: an MS Project or CSV file is a
whole plan, and folding it into the open one is what Merge… is for. Merge… takes the result into
the open plan as one undoable step (Edit → Undo returns to the plan before the merge).
"""
