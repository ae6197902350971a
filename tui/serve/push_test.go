package serve

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"forum/model"
	"forum/sessions"
)

func TestPushMergesOnlyTheSeatsTable(t *testing.T) {
	r := newRig(t, 1)
	ctx := context.Background()
	pack, err := r.eng.ExportJSON(ctx, r.event)
	if err != nil {
		t.Fatal(err)
	}
	lap, closeLap, err := sessions.Open(ctx, filepath.Join(t.TempDir(), "laptop.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer closeLap()
	if _, err := lap.ImportJSON(ctx, "test", pack, false); err != nil {
		t.Fatal(err)
	}
	b, _ := lap.Board(ctx, r.event)
	t1, t2 := b.Groups[0].ID, b.Groups[1].ID
	for g, text := range map[model.ID]string{t1: "offline at table 1", t2: "offline at table 2"} {
		if _, err := lap.Capture(ctx, "test", g, text, nil, ""); err != nil {
			t.Fatal(err)
		}
	}
	data, _ := lap.ExportJSON(ctx, r.event)
	known := filepath.Join(t.TempDir(), "known_hosts")
	opts := PushOptions{Addr: r.addr, User: "facilitator-1", Passcode: r.pass[sessions.RoleFacilitator], KnownHosts: known}
	lines, err := Push(ctx, opts, data)
	if err != nil {
		t.Fatal(err)
	}
	if rep := strings.Join(lines, "\n"); !strings.Contains(rep, "Table 1: 1 added") || strings.Contains(rep, "Table 2: 1 added") {
		t.Fatalf("push report:\n%s", rep)
	}
	v1, _ := r.eng.Table(ctx, t1)
	v2, _ := r.eng.Table(ctx, t2)
	if len(v1.Notes) != 1 || len(v2.Notes) != 0 {
		t.Fatalf("after a facilitator-1 push: table 1 has %d notes, table 2 %d; want 1 and 0", len(v1.Notes), len(v2.Notes))
	}
	if again, err := Push(ctx, opts, data); err != nil || !strings.Contains(strings.Join(again, "\n"), "Nothing changed") {
		t.Fatalf("the same push again: %v %v", again, err)
	}
	opts.User, opts.Passcode = "participant-1", r.pass[sessions.RoleParticipant]
	if _, err := Push(ctx, opts, data); err == nil || !strings.Contains(err.Error(), "cannot push") {
		t.Fatalf("a participant's push: %v", err)
	}
	opts.User, opts.Passcode = "organiser", "wrong"
	if _, err := Push(ctx, opts, data); err == nil || !strings.Contains(err.Error(), "passcode") {
		t.Fatalf("a wrong passcode: %v", err)
	}
	opts.Passcode = r.pass[sessions.RoleOrganiser]
	if _, err := Push(ctx, opts, data); err != nil {
		t.Fatal(err)
	}
	if v2, _ = r.eng.Table(ctx, t2); len(v2.Notes) != 1 {
		t.Fatalf("the organiser's push did not bring table 2's note")
	}
}

func TestPushRefusesAServerWithAnotherKey(t *testing.T) {
	r := newRig(t, 1)
	ctx := context.Background()
	data, _ := r.eng.ExportJSON(ctx, r.event)
	known := filepath.Join(t.TempDir(), "known_hosts")
	opts := PushOptions{Addr: r.addr, User: "organiser", Passcode: r.pass[sessions.RoleOrganiser], KnownHosts: known}
	if _, err := Push(ctx, opts, data); err != nil {
		t.Fatal(err)
	}
	other := newRig(t, 1) // another server, another host key, at the first one's name
	opts.Addr = other.addr
	_, oldPort, _ := net.SplitHostPort(r.addr)
	_, newPort, _ := net.SplitHostPort(other.addr)
	os.WriteFile(known, []byte(strings.Replace(string(must(os.ReadFile(known))), "]:"+oldPort, "]:"+newPort, 1)), 0o600)
	if _, err := Push(ctx, opts, data); err == nil || !strings.Contains(err.Error(), "another key") {
		t.Fatalf("a server with another key: %v", err)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
