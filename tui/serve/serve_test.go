package serve

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"forum/sessions"
)

func TestWrongPasscodesAndUnknownKeysAreRefused(t *testing.T) {
	r := newRig(t, 1)
	if _, err := r.dial("scribe-1", gossh.Password("not-the-passcode")); err == nil {
		t.Fatal("a wrong passcode was accepted")
	}
	if _, err := r.dial("scribe-1", gossh.Password(r.pass[sessions.RoleOrganiser])); err == nil {
		t.Fatal("the organiser's passcode let a scribe in")
	}
	if _, err := r.dial("scribe-99", gossh.Password(r.pass[sessions.RoleScribe])); err == nil {
		t.Fatal("a scribe joined a table that does not exist")
	}
	if _, err := r.dial("janitor", gossh.Password(r.pass[sessions.RoleScribe])); err == nil {
		t.Fatal("an unknown role joined")
	}
	stranger := newKey(t)
	if _, err := r.dial("organiser", gossh.PublicKeys(stranger)); err == nil {
		t.Fatal("an unknown key joined")
	}
	listed := newKey(t)
	line := string(gossh.MarshalAuthorizedKey(listed.PublicKey()))
	if _, err := r.eng.AddSeatKey(context.Background(), "test", r.event, sessions.RoleObserver, "", line); err != nil {
		t.Fatal(err)
	}
	s, err := r.dial("anyone", gossh.PublicKeys(listed))
	if err != nil {
		t.Fatalf("a listed key was refused: %v", err)
	}
	s.waitFor("enter opens a table", 5*time.Second)
	if log := r.logText(); strings.Contains(log, r.pass[sessions.RoleScribe]) || strings.Contains(log, "not-the-passcode") {
		t.Error("the log holds a passcode")
	}
	if !strings.Contains(r.logText(), "wrong passcode") || !strings.Contains(r.logText(), "seat joined seat=observer") {
		t.Errorf("the log lacks the refusal or the join:\n%s", r.logText())
	}
}

func TestRepeatedGuessingIsCutOff(t *testing.T) {
	r := newRig(t, 1)
	for i := 0; i < MaxFailures; i++ {
		if _, err := r.dial("scribe-1", gossh.Password(fmt.Sprintf("guess-%d", i))); err == nil {
			t.Fatal("a guess was accepted")
		}
	}
	if _, err := r.dial("scribe-1", gossh.Password(r.pass[sessions.RoleScribe])); err == nil {
		t.Fatal("after repeated failures, the address was let in")
	}
	if !strings.Contains(r.logText(), "too many failures") {
		t.Error("the cut-off is not logged")
	}
}

// TestAScribeCannotWriteToAnotherTable asks sessions directly, with the
// seat the server makes for "scribe-1".
func TestAScribeCannotWriteToAnotherTable(t *testing.T) {
	r := newRig(t, 1)
	seat, err := r.srv.seatFor("scribe-1")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := r.eng.Board(context.Background(), r.event)
	ctx := sessions.WithSeat(context.Background(), seat)
	if _, err := r.eng.Capture(ctx, "ssh", b.Groups[1].ID, "not my table", nil, ""); !errors.Is(err, sessions.ErrForbidden) {
		t.Fatalf("capture at table 2 by scribe-1: %v", err)
	}
	if _, err := r.eng.Capture(ctx, "ssh", b.Groups[0].ID, "my table", nil, ""); err != nil {
		t.Fatalf("capture at table 1 by scribe-1: %v", err)
	}
}

func TestANoteOnOneSeatAppearsOnAnother(t *testing.T) {
	r := newRig(t, 1)
	scribe := r.join("scribe-1", sessions.RoleScribe)
	scribe.waitFor("type what people say", 5*time.Second)
	watcher := r.join("facilitator-1", sessions.RoleFacilitator)
	watcher.waitFor("type what people say", 5*time.Second)
	scribe.typ("Shared records across the borough\r")
	scribe.waitFor("✓ Shared records across the borough", 3*time.Second)
	start := time.Now()
	watcher.waitFor("✓ Shared records across the borough", 3*time.Second)
	t.Logf("seen on the second seat %v after the first showed it saved", time.Since(start).Round(time.Millisecond))
}

// TestTwentySeatsCaptureAThousandNotes: 20 clients, two at each of ten
// tables, each types 50 notes; exactly 1,000 are stored.
func TestTwentySeatsCaptureAThousandNotes(t *testing.T) {
	if testing.Short() {
		t.Skip("20 SSH sessions")
	}
	r := newRig(t, 2) // ten tables
	var wg sync.WaitGroup
	seats := make([]*seat, 20)
	for i := range seats {
		seats[i] = r.join(fmt.Sprintf("scribe-%d", i%10+1), sessions.RoleScribe)
	}
	for _, s := range seats {
		s.waitFor("type what people say", 10*time.Second)
	}
	for i, s := range seats {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; n < 50; n++ {
				s.typ(fmt.Sprintf("seat %d note %d\r", i, n))
				time.Sleep(110 * time.Millisecond) // a fast scribe, under the per-seat limit
			}
		}()
	}
	wg.Wait()
	// The seats' saves queue behind each other on a loaded machine: give
	// them time to drain (each note is acknowledged only when stored).
	deadline := time.Now().Add(120 * time.Second)
	count := 0
	for time.Now().Before(deadline) {
		snap, err := r.eng.Snapshot(context.Background(), r.event)
		if err != nil {
			t.Fatal(err)
		}
		if count = len(snap.Contributions); count >= 1000 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	snap, _ := r.eng.Snapshot(context.Background(), r.event)
	seen := map[string]bool{}
	for _, c := range snap.Contributions {
		if seen[c.Text] {
			t.Errorf("stored twice: %q", c.Text)
		}
		seen[c.Text] = true
	}
	if len(snap.Contributions) != 1000 || len(seen) != 1000 {
		t.Fatalf("%d notes stored (%d distinct), want exactly 1,000", len(snap.Contributions), len(seen))
	}
}

func TestAParticipantGetsTheirOwnAnonymousBallot(t *testing.T) {
	r := newRig(t, 1)
	p := r.join("participant-1", sessions.RoleParticipant)
	p.waitFor("You are P", 5*time.Second)
	q := r.join("participant-1", sessions.RoleParticipant)
	q.waitFor("You are P", 5*time.Second)
	code := func(s *seat) string {
		m := regexp.MustCompile(`YouareP(\d+)`).FindStringSubmatch(s.squashed())
		if m == nil {
			t.Fatalf("no voter code on the seat: %.500s", s.squashed())
		}
		return "P" + m[1]
	}
	a, b := code(p), code(q)
	if a == b {
		t.Fatalf("two participants connected at once were both given %s", a)
	}
	if strings.Contains(r.logText(), a) || strings.Contains(r.logText(), b) {
		t.Error("the log links a voter code to an address")
	}
}

func TestStoppingTellsSeatsAndKeepsTheirNotes(t *testing.T) {
	r := newRig(t, 1)
	s := r.join("scribe-1", sessions.RoleScribe)
	s.waitFor("type what people say", 5*time.Second)
	s.typ("Saved before the stop\r")
	s.waitFor("✓ Saved before the stop", 3*time.Second)
	stop, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- r.srv.Shutdown(stop) }()
	s.waitFor("The server is stopping", 3*time.Second)
	if err := <-done; err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	snap, _ := r.eng.Snapshot(context.Background(), r.event)
	if len(snap.Contributions) != 1 {
		t.Fatalf("%d notes after the stop", len(snap.Contributions))
	}
}
