// An activity's status: `planned` until its first review, then the status of its latest review
// (the review area records the review; mirror-activity-review.ts copies its status here). Any
// reviewed status may follow any other, since a later review may correct an earlier one: the
// status has no transitions to check, so it is a value, not a lifecycle. Pure: no I/O.

export const activityStatuses = ['planned', 'in_progress', 'delayed', 'done', 'stopped'] as const;
export type ActivityStatus = (typeof activityStatuses)[number];
