package storage

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"forum/model"
)

// A database of schema 18, where ballots were keyed by their id, keeps
// every ballot, field for field, when schema 19 keys them by table, stage,
// voter, round and item; the ballots still come back in the order the
// report reads them, and a ballot's id is still refused twice.
func TestBallotsKeyedByTableKeepEveryBallot(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v18.db")
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	names, err := migrations.ReadDir("migrations")
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, n := range names {
		files = append(files, n.Name())
	}
	sort.Strings(files)
	before := slices.Index(files, "0021_votes_by_table.sql") // the schema just before it
	if before < 0 {
		t.Fatalf("migrations = %v: no 0021_votes_by_table.sql", files)
	}
	for _, f := range files[:before] {
		b, err := migrations.ReadFile("migrations/" + f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := raw.Exec(string(b)); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
	}
	const ev, area, t1, t2 = "0190c3e4-0000-7000-8000-0000000000e1", "0190c3e4-0000-7000-8000-0000000000a1", "0190c3e4-0000-7000-8000-0000000000b1", "0190c3e4-0000-7000-8000-0000000000b2"
	stmts := []string{
		fmt.Sprintf("PRAGMA user_version = %d", before), fmt.Sprintf("PRAGMA application_id = %d", appID),
		`INSERT INTO events(id, title, date, created_at, updated_at) VALUES ('` + ev + `', 'Forum', '2018-01-25', '2018-01-25T09:00:00Z', '2018-01-25T09:00:00Z')`,
		`INSERT INTO areas(id, event_id, position, code, name, created_at, updated_at) VALUES ('` + area + `', '` + ev + `', 1, 'NCL', 'North Central London', '2018-01-25T09:00:00Z', '2018-01-25T09:00:00Z')`,
		`INSERT INTO breakout_tables(id, event_id, area_id, name, created_at, updated_at) VALUES ('` + t1 + `', '` + ev + `', '` + area + `', 'Table 1', '2018-01-25T09:00:00Z', '2018-01-25T09:00:00Z'), ('` + t2 + `', '` + ev + `', '` + area + `', 'Table 2', '2018-01-25T09:00:00Z', '2018-01-25T09:00:00Z')`,
	}
	// Ballots in an order unlike the report's: two tables, two stages,
	// voters and rounds mixed, ids that sort against that order.
	var want []model.Vote
	n := 0
	for _, table := range []string{t2, t1} {
		for _, stage := range []string{"priorities", "messages"} {
			for _, voter := range []string{"v9", "v1", "v5"} {
				for _, round := range []string{"", "0190c3e4-0000-7000-8000-0000000000c1"} {
					for _, item := range []string{"0190c3e4-0000-7000-8000-0000000000d2", "0190c3e4-0000-7000-8000-0000000000d1"} {
						n++
						id := fmt.Sprintf("0190c3e4-0000-7000-8000-%012d", 1000-n)
						v := model.Vote{ID: model.ID(id), GroupID: model.ID(table), StageKey: stage, Method: "dots", Voter: voter, ItemID: model.ID(item), Value: n % 4, RoundID: model.ID(round)}
						v.Version, v.Vector = int64(n), model.Vector(fmt.Sprintf("r%d", n))
						want = append(want, v)
						stmts = append(stmts, fmt.Sprintf(`INSERT INTO votes(id, table_id, stage_key, method, voter, item_id, value, round_id, created_at, updated_at, version, clock)
							VALUES ('%s', '%s', '%s', 'dots', '%s', '%s', %d, '%s', '2018-01-25T10:%02d:00Z', '2018-01-25T11:%02d:00Z', %d, 'r%d')`, id, table, stage, voter, item, v.Value, round, n%60, n%60, n, n))
					}
				}
			}
		}
	}
	for _, q := range stmts {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()

	s := openT(t, path)
	snap, err := s.SnapshotAll(ctx, ev)
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(want, func(i, j int) bool {
		a, b := want[i], want[j]
		for _, c := range [][2]string{{string(a.GroupID), string(b.GroupID)}, {a.StageKey, b.StageKey}, {a.Voter, b.Voter}, {string(a.RoundID), string(b.RoundID)}, {string(a.ItemID), string(b.ItemID)}} {
			if c[0] != c[1] {
				return c[0] < c[1]
			}
		}
		return a.ID < b.ID
	})
	if len(snap.Votes) != len(want) {
		t.Fatalf("after the upgrade the event holds %d ballots' votes, want %d", len(snap.Votes), len(want))
	}
	for i, v := range snap.Votes {
		w := want[i]
		if v.ID != w.ID || v.GroupID != w.GroupID || v.StageKey != w.StageKey || v.Method != w.Method || v.Voter != w.Voter || v.ItemID != w.ItemID ||
			v.Value != w.Value || v.RoundID != w.RoundID || v.Version != w.Version || v.Vector != w.Vector || v.CreatedAt.IsZero() || !v.UpdatedAt.After(v.CreatedAt) {
			t.Fatalf("vote %d after the upgrade = %+v, want %+v", i, v, w)
		}
	}
	_, err = s.w.Exec(`INSERT INTO votes(id, table_id, stage_key, method, voter, item_id, value, round_id, created_at, updated_at) VALUES (?, ?, 'other', 'dots', 'v2', 'x', 1, '', 'now', 'now')`, string(want[0].ID), t1)
	if err == nil || !strings.Contains(err.Error(), "UNIQUE") {
		t.Fatalf("a second ballot row with a stored id was not refused: %v", err)
	}
}
