"""The Participants view: member states and organisations, and membership over time."""
