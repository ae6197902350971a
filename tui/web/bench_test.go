package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"forum/model"
	"forum/sessions"
)

// BenchmarkBallotPage is one phone opening its card's ballot over a real
// connection: the card checked, the table read, the page made.
func BenchmarkBallotPage(b *testing.B) {
	r := newRig(b, 3, Config{AddressRate: 1e9, AddressBurst: 1e9})
	c, path := r.client(), "/c/"+r.card(0).Code
	for b.Loop() {
		if status, _ := r.get(c, path); status != http.StatusOK {
			b.Fatal(status)
		}
	}
}

// BenchmarkCast is one phone casting a dots ballot (POST, then the
// redirect's GET).
func BenchmarkCast(b *testing.B) {
	r := newRig(b, 3, Config{AddressRate: 1e9, AddressBurst: 1e9})
	c, code := r.client(), r.card(0).Code
	f := dots(model.MethodDots, r.items[0])
	f.Set("t", r.srv.token(code))
	for b.Loop() {
		r.srv.seats = newSeats() // a fresh card limit: this measures the cast, not the limit
		if status, _ := r.post(c, "/c/"+code, f, nil); status != http.StatusOK {
			b.Fatal(status)
		}
	}
}

// BenchmarkStateCheck is one page's check for the facilitator's changes,
// as each open page makes every 4 seconds.
func BenchmarkStateCheck(b *testing.B) {
	r := newRig(b, 3, Config{AddressRate: 1e9, AddressBurst: 1e9})
	c, path := r.client(), "/c/"+r.card(0).Code+"/state"
	for b.Loop() {
		if status, _ := r.get(c, path); status != http.StatusOK {
			b.Fatal(status)
		}
	}
}

// largeRig is the demo --large event (20 tables, 4,000 notes, 20,000
// votes) with cards, served.
func largeRig(b *testing.B) (*rig, string) {
	b.Helper()
	ctx := context.Background()
	eng, closeDB, err := sessions.Open(ctx, filepath.Join(b.TempDir(), "forum.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { closeDB() })
	id, err := eng.Demo(ctx, "bench", sessions.DemoOptions{Large: true})
	if err != nil {
		b.Fatal(err)
	}
	tables, err := eng.IssueCards(ctx, "org", id)
	if err != nil {
		b.Fatal(err)
	}
	r := &rig{t: b, ctx: ctx, eng: eng, event: id, srv: New(eng, Config{Event: id, AddressRate: 1e9, AddressBurst: 1e9})}
	r.ts = httptest.NewServer(r.srv.Handler())
	b.Cleanup(r.ts.Close)
	return r, tables[0].Cards[0].Code
}

// BenchmarkLargeBallotPage opens a card's page on the large event while
// nothing changes (the kept view answers).
func BenchmarkLargeBallotPage(b *testing.B) {
	r, code := largeRig(b)
	c := r.client()
	for b.Loop() {
		if status, _ := r.get(c, "/c/"+code); status != http.StatusOK {
			b.Fatal(status)
		}
	}
}

// BenchmarkLargeStateCheck is a page's check on the large event while
// nothing changes (the kept view answers).
func BenchmarkLargeStateCheck(b *testing.B) {
	r, code := largeRig(b)
	c := r.client()
	for b.Loop() {
		if status, _ := r.get(c, "/c/"+code+"/state"); status != http.StatusOK {
			b.Fatal(status)
		}
	}
}

// BenchmarkLargeBallotPageAfterAChange opens a card's page on the large
// event just after a commit: the table is read from the database.
func BenchmarkLargeBallotPageAfterAChange(b *testing.B) {
	r, code := largeRig(b)
	c := r.client()
	for b.Loop() {
		r.srv.views.changed()
		if status, _ := r.get(c, "/c/"+code); status != http.StatusOK {
			b.Fatal(status)
		}
	}
}
