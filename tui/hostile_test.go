package tui

import (
	"context"
	"database/sql"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"forum/model"
)

// hostileText would draw on a seat's terminal: a link to an attacker's site
// (OSC 8), a clear-screen, a bell, a right-to-left override and a C1 CSI.
const hostileText = "Evil \x1b]8;;https://evil.example/\x07link\x1b]8;;\x07 \x1b[2J\a \u202eflip \u009b31m"

// noControls fails when the raw frame holds any of hostileText's bytes.
func (h *harness) noControls(where string) {
	h.t.Helper()
	raw := h.app.View().Content
	for _, bad := range []string{"\x1b]", "\x1b[2J", "\a", "\u202e", "\u009b"} {
		if strings.Contains(raw, bad) {
			h.t.Fatalf("%s: the frame holds %q:\n%s", where, bad, h.screen())
		}
	}
}

// TestHostileStageTitlesNeverReachTheTerminal plants terminal escapes in
// every stage's title, prompts and notes, as a database written by an older
// forum (before imports and templates were checked) could hold them, then
// visits every screen.
func TestHostileStageTitlesNeverReachTheTerminal(t *testing.T) {
	h := newHarness(t, 100, 30)
	v := h.londonTable()
	raw, err := sql.Open("sqlite", "file:"+filepath.Join(h.dir, "forum.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var js string
	if err := raw.QueryRow(`SELECT stages FROM events WHERE id = ?`, string(v.Event.ID)).Scan(&js); err != nil {
		t.Fatal(err)
	}
	var stages []model.Stage
	if err := json.Unmarshal([]byte(js), &stages); err != nil {
		t.Fatal(err)
	}
	for i := range stages {
		stages[i].Title = stages[i].Title + " " + hostileText
		stages[i].Prompts = append(stages[i].Prompts, hostileText)
		stages[i].Notes = hostileText
	}
	b, _ := json.Marshal(stages)
	if _, err := raw.Exec(`UPDATE events SET stages = ?, title = ? WHERE id = ?`, string(b), "Forum "+hostileText, string(v.Event.ID)); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`UPDATE areas SET name = ? WHERE event_id = ?`, "Area "+hostileText, string(v.Event.ID)); err != nil {
		t.Fatal(err)
	}
	// Another connection wrote: the live model re-reads when its watch
	// notices (data_version), within a second.
	for deadline := time.Now().Add(5 * time.Second); ; {
		tv, err := h.eng.Table(context.Background(), v.Group.ID)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(tv.Stage.Title, "Evil link") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the live model never saw the other connection's write")
		}
		time.Sleep(20 * time.Millisecond)
	}
	h.msg(changedMsg{})
	h.contains("Evil link") // shown, made harmless
	for i := range stages {
		h.noControls("table, stage " + stages[i].Key)
		h.keys("ctrl+o")
		h.noControls("activity, stage " + stages[i].Key)
		h.keys("esc", "tab", "f")
		h.noControls("facilitator notes, stage " + stages[i].Key)
		h.keys("esc", "tab", "ctrl+n")
	}
	h.keys("ctrl+s")
	h.noControls("summary")
	h.keys("esc", "esc")
	h.noControls("board")
	h.keys("esc")
	h.noControls("home")
	h.keys("s")
	h.noControls("event summary")
	h.keys("esc", "p")
	h.noControls("programme")
}
