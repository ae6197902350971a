package tui

import (
	"path/filepath"
	"testing"

	"forum/model"
	"forum/sessions"
)

func TestATablesPackOpensOnItsTablesAndMovesBetweenThem(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.keys("n", "enter", "enter", "enter") // London 2018, one table per STP
	b := h.app.board
	path := filepath.Join(t.TempDir(), "tables-2-3.db")
	if err := h.eng.Pack(h.app.ctx, b.Event.ID, []model.ID{b.Groups[1].ID, b.Groups[2].ID}, path); err != nil {
		t.Fatal(err)
	}
	eng, closeDB, err := sessions.Open(h.app.ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer closeDB()
	seat, err := eng.PackSeat(h.app.ctx)
	if err != nil || seat == nil {
		t.Fatalf("pack seat: %v", err)
	}
	h.eng = eng
	app := New(eng, Options{Actor: "local", Seat: seat})
	app.static = true
	h.app = app
	h.send(app.Init())
	h.msg(resize(80, 24))
	h.contains("NEL · Table 2", "✎ TYPING")
	h.keys("tab", "esc") // to the board
	h.keys("down", "enter")
	h.contains("NWL · Table 3")
	h.keys("tab", "esc", "up", "up", "up", "enter")
	h.contains("This seat works at its own table only")
}
