-- Indexes for "when did this event last change" (the event list and the
-- latest event): the newest updated_at of each table's notes, votes and
-- next steps is one index seek instead of a scan of every row.
CREATE INDEX contributions_changed ON contributions(table_id, updated_at);
CREATE INDEX votes_changed ON votes(table_id, updated_at);
CREATE INDEX next_steps_changed ON next_steps(table_id, updated_at);
