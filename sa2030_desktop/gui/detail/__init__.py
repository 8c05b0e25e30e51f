"""Goal detail: every field of one goal, its milestones, indicators, dependencies and history."""
