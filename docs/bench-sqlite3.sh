#!/bin/sh
# The GROUP BY queries that hold what the Markdown report shows, run by the
# sqlite3 command-line tool (C) on a database made by 'forum demo --large'.
# Usage: sh docs/bench-sqlite3.sh DB [RUNS] [all]. Prints the median wall
# time. With "all", it also reads every row the report's data digest covers
# (the event's whole record: every note and revision, every ballot and
# round, themes, steps, ratings, links, history), which the report has
# read since it states that digest.
set -eu
db=$1
runs=${2:-21}
ev=$(sqlite3 "$db" "SELECT id FROM events WHERE title LIKE 'Illustrative%' ORDER BY created_at DESC LIMIT 1")
live="SELECT b.id FROM breakout_tables b JOIN areas a ON a.id = b.area_id WHERE b.event_id = '$ev' AND b.removed_at = '' AND a.removed_at = ''"
sql="
SELECT * FROM events WHERE id = '$ev';
SELECT a.code, count(b.id), sum(b.participants) FROM areas a JOIN breakout_tables b ON b.area_id = a.id WHERE a.event_id = '$ev' GROUP BY a.id ORDER BY a.position;
SELECT table_id, stage_key, id, text, tags FROM contributions WHERE table_id IN ($live) AND deleted_at = '' ORDER BY table_id, created_at, id;
SELECT v.table_id, v.item_id, sum(v.value) AS dots, count(DISTINCT v.voter) FROM votes v WHERE v.table_id IN ($live) GROUP BY v.table_id, v.item_id ORDER BY v.table_id, dots DESC;
SELECT table_id, count(DISTINCT voter) FROM votes WHERE table_id IN ($live) GROUP BY table_id;
SELECT * FROM next_steps WHERE table_id IN ($live) AND deleted_at = '' ORDER BY created_at, id;
SELECT * FROM key_messages WHERE event_id = '$ev' ORDER BY table_id, position;"
if [ "${3:-}" = all ]; then
  tables="SELECT id FROM breakout_tables WHERE event_id = '$ev'"
  sql="$sql
SELECT * FROM areas WHERE event_id = '$ev';
SELECT * FROM breakout_tables WHERE event_id = '$ev';
SELECT * FROM contributions WHERE table_id IN ($tables) ORDER BY table_id, created_at, id;
SELECT * FROM contribution_revisions WHERE contribution_id IN (SELECT id FROM contributions WHERE table_id IN ($tables));
SELECT * FROM votes WHERE table_id IN ($tables) ORDER BY table_id, stage_key, method, voter, item_id;
SELECT * FROM vote_rounds WHERE table_id IN ($tables);
SELECT * FROM themes WHERE table_id IN ($tables);
SELECT * FROM next_steps WHERE table_id IN ($tables);
SELECT * FROM maturity_ratings WHERE table_id IN ($tables);
SELECT * FROM theme_links WHERE event_id = '$ev';
SELECT * FROM record_history;
SELECT * FROM area_parts;"
fi
i=0
: > /tmp/forum-bench-times
while [ $i -lt "$runs" ]; do
  s=$(date +%s%N)
  sqlite3 "$db" "$sql" > /dev/null
  e=$(date +%s%N)
  echo $(( (e - s) / 1000 )) >> /tmp/forum-bench-times
  i=$((i + 1))
done
echo "median $(sort -n /tmp/forum-bench-times | sed -n "$(( (runs + 1) / 2 ))p") µs over $runs runs"
