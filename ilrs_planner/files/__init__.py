"""Writing files safely, shared by every writer of the program (plans, exports, keys). Stdlib only."""
