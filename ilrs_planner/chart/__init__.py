"""The Gantt scene, built without Qt: geometry for bars, milestones, links and hit testing."""
