"""ILRS Planner: plan, schedule and analyse the International Lunar Research Station roadmap."""

__version__ = "0.1.0"
APP_NAME = "ILRS Planner"
