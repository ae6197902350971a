package serve

import (
	"database/sql"
	"fmt"
	"net"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
	_ "modernc.org/sqlite"

	"forum/sessions"
)

// TestIdleSocketsDoNotLockTheRoomOut holds 300 idle TCP sockets open, as
// anyone on the venue's network could, then logs a scribe in.
func TestIdleSocketsDoNotLockTheRoomOut(t *testing.T) {
	r := newRigWith(t, 1, Limits{Handshake: 3 * time.Second})
	var idle []net.Conn
	for range 300 {
		c, err := net.Dial("tcp", r.addr)
		if err != nil {
			t.Fatalf("opening idle socket %d: %v", len(idle), err)
		}
		idle = append(idle, c)
	}
	t.Cleanup(func() {
		for _, c := range idle {
			c.Close()
		}
	})
	start := time.Now()
	s := r.join("scribe-1", sessions.RoleScribe)
	s.waitFor("Table 1", 5*time.Second)
	took := time.Since(start)
	if took > 5*time.Second {
		t.Fatalf("with 300 idle sockets, a login took %v", took)
	}
	t.Logf("with 300 idle sockets held, a scribe logged in and saw the table in %v", took.Round(time.Millisecond))
	// The idle sockets are dropped within the handshake timeout.
	deadline := time.Now().Add(10 * time.Second)
	for _, c := range idle[len(idle)-10:] {
		c.SetReadDeadline(deadline)
		buf := make([]byte, 512)
		for {
			if _, err := c.Read(buf); err != nil {
				if ne, ok := err.(net.Error); ok && ne.Timeout() {
					t.Fatal("an idle socket was still open after 10 s")
				}
				break
			}
		}
	}
}

// TestAPersonTypingThePasscodeIsNotCutOff: the handshake timeout stops
// idle sockets, not someone slower than it to type their passcode.
func TestAPersonTypingThePasscodeIsNotCutOff(t *testing.T) {
	r := newRigWith(t, 1, Limits{Handshake: time.Second})
	typing := gossh.PasswordCallback(func() (string, error) {
		time.Sleep(2500 * time.Millisecond)
		return r.pass[sessions.RoleScribe], nil
	})
	s, err := r.dial("scribe-1", typing)
	if err != nil {
		t.Fatalf("a scribe who took 2.5 s to type (handshake timeout 1 s) was cut off: %v", err)
	}
	s.waitFor("Table 1", 5*time.Second)
}

// TestParallelGuessesCheckAtMostTheLimit sends 50 wrong passcodes at once
// from one address: at most MaxFailures of them are hashed and checked.
func TestParallelGuessesCheckAtMostTheLimit(t *testing.T) {
	r := newRig(t, 1)
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := r.dial("scribe-1", gossh.Password(fmt.Sprintf("guess-%d", i))); err == nil {
				t.Error("a guess was accepted")
			}
		}()
	}
	wg.Wait()
	n := strings.Count(r.logText(), "wrong passcode")
	if n > MaxFailures {
		t.Fatalf("%d of 50 parallel guesses were checked; the limit is %d", n, MaxFailures)
	}
	t.Logf("%d of 50 parallel guesses were checked", n)
	if !strings.Contains(r.logText(), "too many failures") {
		t.Error("the guesses past the limit are not logged as refused")
	}
}

// TestEveryRefusalTakesTheSameTime: a table that does not exist, a role
// that does not exist and a wrong passcode are answered alike, so that
// nobody can count the tables by timing.
func TestEveryRefusalTakesTheSameTime(t *testing.T) {
	r := newRigWith(t, 1, Limits{Refusal: 700 * time.Millisecond})
	r.srv.guard.sleep = time.Sleep
	try := func(user, pass string) time.Duration {
		r.srv.guard.mu.Lock()
		clear(r.srv.guard.fails)
		r.srv.guard.mu.Unlock()
		var start time.Time // from sending the passcode, after the key exchange
		ask := gossh.PasswordCallback(func() (string, error) { start = time.Now(); return pass, nil })
		if _, err := r.dial(user, ask); err == nil {
			t.Fatalf("%s was let in", user)
		}
		return time.Since(start)
	}
	median := func(user, pass string) time.Duration {
		var ds []time.Duration
		for range 5 {
			ds = append(ds, try(user, pass))
		}
		slices.Sort(ds)
		return ds[2]
	}
	times := map[string]time.Duration{
		"wrong passcode": median("scribe-1", "not-it"),
		"no such table":  median("scribe-99", r.pass[sessions.RoleScribe]),
		"no such role":   median("janitor", "x"),
	}
	lo, hi := time.Hour, time.Duration(0)
	for _, d := range times {
		lo, hi = min(lo, d), max(hi, d)
	}
	if hi-lo > 50*time.Millisecond {
		t.Fatalf("refusals differ by %v (more than 50 ms): %v", hi-lo, times)
	}
	t.Logf("refusals (median of 5): %v; spread %v", times, hi-lo)
}

func TestALongUserNameIsCutInTheLog(t *testing.T) {
	r := newRig(t, 1)
	r.dial(strings.Repeat("a", 100_000), gossh.Password("x"))
	for _, line := range strings.Split(r.logText(), "\n") {
		if len(line) > 400 {
			t.Fatalf("a log line of %d bytes: %.200s…", len(line), line)
		}
	}
	if !strings.Contains(r.logText(), "login refused") {
		t.Fatal("the refusal is not logged")
	}
}

func TestSeatsPastTheCapAreToldAndTablesAreNamedInTheLog(t *testing.T) {
	r := newRigWith(t, 2, Limits{Seats: 1})
	s := r.join("scribe-3", sessions.RoleScribe)
	s.waitFor("Table 3", 5*time.Second)
	second := r.join("facilitator-4", sessions.RoleFacilitator)
	second.waitFor("seats are taken", 5*time.Second)
	if !strings.Contains(r.logText(), "seat=scribe-3") {
		t.Errorf("the log does not name the scribe's table:\n%s", r.logText())
	}
}

// TestAParticipantLogsInWhateverTheTableStores: a table stored with a
// billion participants, or minus three (by a file from before the import
// gate, or another tool), neither crashes the server nor panics the seat.
func TestAParticipantLogsInWhateverTheTableStores(t *testing.T) {
	for _, n := range []int{1e9, -3} {
		r := newRig(t, 1)
		raw, err := sql.Open("sqlite", "file:"+r.db)
		if err != nil {
			t.Fatal(err)
		}
		_, err = raw.Exec(`UPDATE breakout_tables SET participants = ?`, n)
		raw.Close()
		if err != nil {
			t.Fatal(err)
		}
		s := r.join("participant-1", sessions.RoleParticipant)
		if n > 0 {
			s.waitFor("You are P", 10*time.Second) // a free code, at random
		} else {
			s.waitFor("ask the facilitator", 10*time.Second)
		}
		if _, err := r.dial("participant-1", gossh.Password(r.pass[sessions.RoleParticipant])); err != nil {
			t.Fatalf("with %d participants stored, the server stopped answering: %v", n, err)
		}
	}
}

// TestFortySeatsFromOneAddressJoinAtOnce: the defaults let a full room in.
func TestFortySeatsFromOneAddressJoinAtOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("40 seats: not in -short")
	}
	r := newRig(t, 8)
	var wg sync.WaitGroup
	for i := range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := r.dial(fmt.Sprintf("participant-%d", i%40+1), gossh.Password(r.pass[sessions.RoleParticipant])); err != nil {
				t.Errorf("participant %d: %v", i+1, err)
			}
		}()
	}
	wg.Wait()
	if log := r.logText(); strings.Contains(log, "voter") || regexp.MustCompile(`\bP\d+\b`).MatchString(log) {
		t.Errorf("the log links participants to voter codes:\n%s", log)
	}
}
