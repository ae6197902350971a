package tui

import (
	"strings"
	"testing"
	"time"

	"forum/sessions"
)

func TestIdleSeatIsSignedOutAndBusySeatIsNot(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.app.opts.IdleTimeout = time.Minute
	if cmd := h.app.idleCheck(time.Now().Add(30 * time.Second)); cmd != nil {
		t.Fatal("signed out before the idle time")
	}
	h.keys("n") // a key press resets the idle clock
	cmd := h.app.idleCheck(time.Now().Add(2 * time.Minute))
	if cmd == nil {
		t.Fatal("an idle seat was not signed out")
	}
	h.msg(cmd())
	if !strings.Contains(h.app.QuitReason(), "no key pressed for 1m0s") {
		t.Fatalf("quit reason %q", h.app.QuitReason())
	}
}

func TestAScribeSeatOpensOnItsTableAndStaysThere(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.keys("n", "enter", "enter", "enter") // London 2018, one table per STP
	b := h.app.board
	seat := sessions.NewSeat(sessions.RoleScribe, b.Event.ID, b.Groups[2].ID)
	app := New(h.eng, Options{Actor: "ssh:test", Seat: seat})
	app.static = true
	h.app = app
	h.send(app.Init())
	h.msg(resize(80, 24))
	h.contains("NWL · Table 3", "Type what people say")
	h.keys("tab", "esc") // to the board
	h.contains("› Table 3")
	h.keys("up", "enter")
	h.contains("This seat works at its own table only")
	h.keys("esc")
	h.contains("This seat stays with this event")
	if _, err := h.eng.Table(app.ctx, b.Groups[0].ID); err == nil {
		t.Fatal("the seat's context reads another table")
	}
}
