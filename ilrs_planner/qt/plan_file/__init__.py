"""The plan file's life in the desktop app: one controller owns new, open, import, recover, reload, save, close.

`PlanFileController` is the only code that puts a different plan into the Document or marks it
saved or unsaved; menus, drag and drop, the sharing tools and start-up all ask it. `FileSession`
beneath it holds the store's PlanSession (in-use marker, changed-on-disk check, autosave,
recovery) and asks the planner whenever the store reports something a person must decide.
"""

from .controller import PlanFileController

__all__ = ["PlanFileController"]
