package serve

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"forum/model"
	"forum/sessions"
)

// TestNothingStoredOrLoggedLinksAnSSHParticipantToTheirBallot drives
// three participants through a dot vote over real SSH, a few seconds
// apart, closes the round, then reads every value of every table of the
// database file and the serve log: no value holds an address or a login,
// no time falls in the moments the later ballots were cast (the round's
// first ballot opens the round, so its time is the round's), and the log
// names no voter code.
func TestNothingStoredOrLoggedLinksAnSSHParticipantToTheirBallot(t *testing.T) {
	if testing.Short() {
		t.Skip("three seats voting seconds apart: not in -short")
	}
	r := newRig(t, 1)
	ctx := context.Background()
	b, err := r.eng.Board(ctx, r.event)
	if err != nil {
		t.Fatal(err)
	}
	g := b.Groups[0].ID
	if _, err := r.eng.SetRoles(ctx, "test", g, sessions.Roles{Participants: 3}); err != nil {
		t.Fatal(err)
	}
	for v, _ := r.eng.Table(ctx, g); v.Stage.Activity != model.ActivityDotVote; v, _ = r.eng.Table(ctx, g) {
		if _, _, err := r.eng.MoveStage(ctx, "test", g, 1); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range []string{"Shared records", "Estates funding", "Leadership development"} {
		if _, err := r.eng.Capture(ctx, "test", g, s, nil, ""); err != nil {
			t.Fatal(err)
		}
	}
	type window struct{ from, to time.Time }
	var casts []window
	for i := range 3 {
		p := r.join("participant-1", sessions.RoleParticipant)
		p.waitFor("Youranonymousballot", 10*time.Second)
		time.Sleep(1100 * time.Millisecond) // stored times are to the second or finer
		from := time.Now()
		p.typ(" \r") // a dot on the first item, cast
		p.waitFor("dotssaved", 10*time.Second)
		casts = append(casts, window{from.Add(-time.Second), time.Now().Add(time.Second)})
		time.Sleep(1100 * time.Millisecond)
		p.typ("q")
		if v, _ := r.eng.Table(ctx, g); len(v.Ballots) != i+1 {
			t.Fatalf("%d ballots after %d participants voted", len(v.Ballots), i+1)
		}
	}
	if _, err := r.eng.CloseVote(ctx, "test", g, "priorities", model.MethodDots); err != nil {
		t.Fatal(err)
	}

	raw, err := sql.Open("sqlite", "file:"+r.db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	values := everyValue(t, raw)
	if len(values) < 100 {
		t.Fatalf("read only %d values from the file", len(values))
	}
	times := 0
	stamp := regexp.MustCompile(`\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?`)
	for _, v := range values {
		for _, bad := range []string{"127.0.0.1", "participant-1"} {
			if strings.Contains(v.value, bad) {
				t.Errorf("%s.%s holds %q: %.200s", v.table, v.column, bad, v.value)
			}
		}
		for _, s := range stamp.FindAllString(v.value, -1) {
			at, err := parseStamp(s)
			if err != nil {
				continue
			}
			times++
			for i, w := range casts[1:] { // the first ballot's time is its round's
				if !at.Before(w.from) && !at.After(w.to) {
					t.Errorf("%s.%s holds %s, the moment ballot %d was cast: %.200s", v.table, v.column, s, i+2, v.value)
				}
			}
		}
	}
	if times < 20 {
		t.Fatalf("only %d stored times read: the check would miss them", times)
	}
	log := r.logText()
	if regexp.MustCompile(`\bP\d+\b`).MatchString(log) || strings.Contains(log, "voter") {
		t.Errorf("the serve log names a voter code:\n%s", log)
	}
}

// cell is one stored value, with where it is.
type cell struct{ table, column, value string }

// everyValue reads every value of every table of a database file as text.
func everyValue(t *testing.T, db *sql.DB) []cell {
	t.Helper()
	rows, err := db.Query(`SELECT name FROM sqlite_schema WHERE type='table'`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	var out []cell
	for _, tb := range tables {
		rs, err := db.Query(fmt.Sprintf(`SELECT * FROM "%s"`, tb))
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rs.Columns()
		for rs.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rs.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for i, v := range vals {
				out = append(out, cell{tb, cols[i], fmt.Sprint(v)})
			}
		}
		rs.Close()
	}
	return out
}

// parseStamp reads a stored time, with or without a zone.
func parseStamp(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02 15:04:05.999999999-07:00", "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if at, err := time.Parse(layout, s); err == nil {
			return at, nil
		}
	}
	return time.Time{}, fmt.Errorf("not a time: %s", s)
}
