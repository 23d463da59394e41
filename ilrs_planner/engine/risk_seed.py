"""The Monte Carlo's default seed, shared by the window's risk panel and the `risk` command.

A run is drawn from one seeded generator (engine/risk.py), so a seed repeats it exactly; with one
default, a plan's figures are the same whether read in the window or printed by the command, and a
figure reported to a programme office can be produced again. The module imports nothing, so the
command line reads it without loading numpy.
"""

DEFAULT_SEED = 1
