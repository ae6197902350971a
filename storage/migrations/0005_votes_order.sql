-- forum schema 5: votes are read grouped by table, stage and voter (a
-- ballot at a time), in a stable order that the index gives without a sort.
CREATE INDEX votes_order ON votes(table_id, stage_key, voter, id);
