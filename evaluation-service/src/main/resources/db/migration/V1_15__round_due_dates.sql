-- The due date of the step the round waits for: the self-assessments while OPEN, the mutual review while IN_REVIEW,
-- publication while CLOSED.
alter table evaluation_round add column step_due_on date;
