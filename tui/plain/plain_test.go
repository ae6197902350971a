package plain

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"forum/model"
	"forum/sessions"
)

// stream is the output stream, captured whole.
type stream struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *stream) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

func (s *stream) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

// rig is a plain session on a real database, with a clock and ticks the
// test moves by hand.
type rig struct {
	t     *testing.T
	eng   *sessions.Engine
	out   *stream
	in    *io.PipeWriter
	ticks chan time.Time
	mu    sync.Mutex
	now   time.Time
	table model.ID
	done  chan error
	seen  int // how much of the output the test has read
}

func newRig(t *testing.T, terminal bool) *rig {
	t.Helper()
	r := &rig{t: t, out: &stream{}, ticks: make(chan time.Time), now: time.Date(2026, 3, 12, 10, 0, 0, 0, time.UTC), done: make(chan error, 1)}
	eng, closeDB, err := sessions.Open(context.Background(), filepath.Join(t.TempDir(), "forum.db"), sessions.WithClock(r.clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { closeDB() })
	r.eng = eng
	tmpl, err := sessions.LoadTemplate(sessions.DefaultTemplate)
	if err != nil {
		t.Fatal(err)
	}
	ev, err := eng.CreateEvent(context.Background(), "test", tmpl, sessions.NewEvent{Title: "Spring forum", TablesPerArea: 1})
	if err != nil {
		t.Fatal(err)
	}
	b, err := eng.Board(context.Background(), ev)
	if err != nil {
		t.Fatal(err)
	}
	r.table = b.Groups[0].ID
	if _, _, err := eng.MoveStage(context.Background(), "test", r.table, 1); err != nil { // vision, 15 min
		t.Fatal(err)
	}
	in, w := io.Pipe()
	r.in = w
	go func() {
		r.done <- Run(context.Background(), eng, Options{Actor: "test:plain", In: in, Out: r.out, Terminal: terminal, Ticks: r.ticks})
	}()
	t.Cleanup(func() { w.Close(); <-r.done })
	return r
}

func (r *rig) clock() time.Time {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.now
}

// at sets the clock to the stage's start plus d and ticks once.
func (r *rig) at(d time.Duration) {
	r.mu.Lock()
	r.now = time.Date(2026, 3, 12, 10, 0, 0, 0, time.UTC).Add(d)
	r.mu.Unlock()
	r.ticks <- r.clock()
}

func (r *rig) typ(s string) {
	if _, err := io.WriteString(r.in, s); err != nil {
		r.t.Fatal(err)
	}
}

// expect waits until the output, after what the test has read, holds
// every want; it returns the new output.
func (r *rig) expect(wants ...string) string {
	r.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		all := r.out.String()
		fresh := all[r.seen:]
		ok := true
		for _, w := range wants {
			ok = ok && strings.Contains(fresh, w)
		}
		if ok {
			r.seen = len(all)
			return fresh
		}
		if time.Now().After(deadline) {
			r.t.Fatalf("the output lacks %q; it has:\n%s", wants, fresh)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// quiet checks that nothing was written since the last expect.
func (r *rig) quiet(why string) {
	r.t.Helper()
	time.Sleep(30 * time.Millisecond)
	if fresh := r.out.String()[r.seen:]; fresh != "" {
		r.t.Errorf("%s, yet the output grew by %q", why, fresh)
	}
}

func TestPlainSessionIsLinearTextThatSpeaksOnlyOfChanges(t *testing.T) {
	r := newRig(t, false)
	r.expect("plain mode", "1. Spring forum", "Type an event's number")
	r.typ("1\n")
	r.expect("Spring forum. 5 tables.", "1. Table 1, NCL: stage 2 of 6, Set the vision, 15 min left; 0 notes")
	r.typ("1\n")
	r.expect("Table 1, NCL North Central London, at Spring forum.", "Stage 2 of 6: Set the vision. Clock: 15 min left.", "Prompt: What should")

	r.typ("Care closer to home, with one record\n")
	r.expect("Saved: Care closer to home, with one record\n")
	r.typ("  \n/notes\n")
	r.expect("1 note at Set the vision:\n1. Care closer to home, with one record\n")

	ctx := context.Background()
	if _, err := r.eng.Capture(ctx, "other", r.table, "Shared estates", nil, "JS"); err != nil {
		t.Fatal(err)
	}
	r.expect("New note by JS: Shared estates\n")

	// idle: the clock ticks every second, and nothing is said within a minute
	for s := 1; s < 60; s += 7 {
		r.at(time.Duration(s) * time.Second)
	}
	r.quiet("the clock ticked within one minute")
	r.at(time.Minute)
	r.expect("Clock: 14 min left.\n")
	r.at(13 * time.Minute)
	r.expect("Clock: ⚠ 2 min left.\n")
	r.at(13*time.Minute + 30*time.Second)
	r.quiet("half a minute passed in the warning")
	r.at(15 * time.Minute)
	r.expect("Clock: ⚠ time up.\n")
	r.at(16*time.Minute + 5*time.Second)
	r.expect("Clock: ⚠ over by 1 min.\n")

	if _, _, err := r.eng.MoveStage(ctx, "facilitator", r.table, 1); err != nil {
		t.Fatal(err)
	}
	r.expect("Stage moved. Stage 3 of 6: The journey so far. Clock: 15 min left.\n")

	r.typ("/next\n")
	out := r.expect("Stage moved. Stage 4 of 6")
	if strings.Count(out, "Stage moved") != 1 {
		t.Errorf("one move, said more than once:\n%s", out)
	}
	r.typ("Fund the practice nurses\n/votes\n")
	r.expect("Saved: Fund the practice nurses", "The vote (dots) is open, round 1: 0 ballots cast", "Choice 1: Fund the practice nurses")
	r.typ("/close\n")
	r.expect("Vote closed: the results are revealed.", "Rank 1: Fund the practice nurses, 0 dots.")

	if err := r.eng.LockStage(ctx, "facilitator", r.table, "priorities", true); err != nil {
		t.Fatal(err)
	}
	r.typ("One more idea\n")
	r.expect("Not saved: note not saved: the stage is locked")

	all := r.out.String()
	if strings.ContainsAny(all, "\x1b\r\b\a") {
		t.Errorf("the stream holds escape or control characters: %q", all)
	}
	if !strings.HasSuffix(all, "\n") {
		t.Errorf("the stream does not end with a whole line: %q", all[len(all)-40:])
	}
}

func TestPlainOverARawTerminalEchoesWithoutRedrawing(t *testing.T) {
	r := newRig(t, true)
	r.expect("plain mode")
	r.typ("1\r1\r")
	r.expect("Stage 2 of 6: Set the vision.")
	r.typ("Joined-up\x1b[Dx\x7f care\r")
	r.expect("Joined-upx\b \b care\r\nSaved: Joined-up care\r\n") // Backspace erases as a terminal does
	r.typ("half typ")
	r.expect("half typ")
	if _, err := r.eng.Capture(context.Background(), "other", r.table, "Estates", nil, ""); err != nil {
		t.Fatal(err)
	}
	// said on a line of its own, then what was typed is repeated
	r.expect("\r\nNew note: Estates\r\nhalf typ")
	r.typ("ed\r")
	r.expect("Saved: half typed\r\n")
	for _, s := range []int{5, 10, 20} {
		r.at(time.Duration(s) * time.Second)
	}
	r.quiet("idle")
	if all := r.out.String(); strings.Contains(all, "\x1b") {
		t.Errorf("escape sequences in the stream: %q", all)
	}
	r.typ("\x04")
	if err := <-r.done; err != nil {
		t.Fatal(err)
	}
	r.done <- nil // for the cleanup
}

// TestPlainParticipantVotesAndHearsTheResult: a participant's seat lists
// the choices, casts dots by number, is refused an over-budget ballot in
// one line, and hears the vote close.
func TestPlainParticipantVotesAndHearsTheResult(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	eng, closeDB, err := sessions.Open(ctx, filepath.Join(dir, "forum.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer closeDB()
	tmpl, _ := sessions.LoadTemplate(sessions.DefaultTemplate)
	ev, err := eng.CreateEvent(ctx, "test", tmpl, sessions.NewEvent{TablesPerArea: 1})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := eng.Board(ctx, ev)
	table := b.Groups[0].ID
	if _, _, err := eng.MoveStage(ctx, "test", table, 3); err != nil { // priorities
		t.Fatal(err)
	}
	for _, n := range []string{"Shared records", "Practice nurses"} {
		if _, err := eng.Capture(ctx, "scribe", table, n, nil, ""); err != nil {
			t.Fatal(err)
		}
	}
	seat := sessions.NewSeat(sessions.RoleParticipant, ev, table)
	seat.Voter = "P1"
	in, w := io.Pipe()
	out := &stream{}
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, eng, Options{Actor: "p1", Seat: seat, In: in, Out: out, Ticks: make(chan time.Time)})
	}()
	r := &rig{t: t, out: out, in: w}
	r.expect("Stage 4 of 6: Choose the priorities")
	r.typ("/votes\n")
	r.expect("Choice 1: Shared records", "Choice 2: Practice nurses", "You vote as P1 with 1 dot")
	r.typ("/dots 1 2\n")
	r.expect("Not cast: dots not saved:")
	r.typ("/dots 3\n")
	r.expect(`Not cast: "3" is not a choice's number (1 to 2; /votes lists them).`)
	r.typ("/dots 1\n")
	r.expect("Ballot saved: 1 dot.")
	r.typ("A participant's note\n")
	r.expect("Not saved: your seat may not do that.")
	if _, err := eng.CloseVote(ctx, "facilitator", table, "priorities", model.MethodDots); err != nil {
		t.Fatal(err)
	}
	r.expect("Vote closed: 1 ballot; the results are revealed.")
	r.typ("/votes\n")
	r.expect("Rank 1: Shared records, 1 dot.", "Rank 2: Practice nurses, 0 dots.")
	w.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
