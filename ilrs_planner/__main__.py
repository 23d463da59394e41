"""`python -m ilrs_planner` is the same as `ilrs-planner`."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
