package sessions

import (
	"fmt"
	"testing"
)

// BenchmarkCapture is one note from Enter to committed: sanitize and
// validate, one immediate transaction with its audit row, synchronous FULL.
func BenchmarkCapture(b *testing.B) {
	f := newFixture(b)
	g := f.london().Group.ID
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := f.eng.Capture(f.ctx, "bench", g, fmt.Sprintf("note %d about shared estates and records", i), []string{"systems"}, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProposeLinksLarge compares every pair of themes across the
// large demo event's 20 tables.
func BenchmarkProposeLinksLarge(b *testing.B) {
	f := newFixture(b)
	id, err := f.eng.Demo(f.ctx, "bench", DemoOptions{Large: true})
	if err != nil {
		b.Fatal(err)
	}
	snap, err := f.eng.Snapshot(f.ctx, id)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(snap.Themes)), "themes")
	b.ResetTimer()
	for b.Loop() {
		ProposeLinks(snap)
	}
}

// BenchmarkProposeClustersLarge clusters the large demo's themes (20
// tables, 4 themes each), as the review screen does on every reload.
func BenchmarkProposeClustersLarge(b *testing.B) {
	f := newFixture(b)
	id, err := f.eng.Demo(f.ctx, "bench", DemoOptions{Large: true})
	if err != nil {
		b.Fatal(err)
	}
	snap, err := f.eng.Snapshot(f.ctx, id)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		ProposeClusters(snap)
	}
}

// BenchmarkAreaSynthesesLarge drafts every area's synthesis of the large
// demo (5 areas of 4 tables: their priorities joined across the tables),
// as the report, the JSON export and the plenary dashboard do.
func BenchmarkAreaSynthesesLarge(b *testing.B) {
	f := newFixture(b)
	id, err := f.eng.Demo(f.ctx, "bench", DemoOptions{Large: true})
	if err != nil {
		b.Fatal(err)
	}
	snap, err := f.eng.Snapshot(f.ctx, id)
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for _, s := range AreaSyntheses(snap) {
		for _, p := range s.Priorities {
			n += len(p.Members)
		}
	}
	for b.Loop() {
		ForgetKeptJoins() // the work itself, not the kept joins
		AreaSyntheses(snap)
	}
	b.ReportMetric(float64(n), "priorities")
}

// BenchmarkCaptureLargeLive is one note at a table of the large demo
// event while its live model is open (as in forum serve): the commit, and
// the table's rows re-read and its view rebuilt before Capture returns.
func BenchmarkCaptureLargeLive(b *testing.B) {
	f := newFixture(b)
	id, err := f.eng.Demo(f.ctx, "bench", DemoOptions{Large: true})
	if err != nil {
		b.Fatal(err)
	}
	snap, err := f.eng.Snapshot(f.ctx, id)
	if err != nil {
		b.Fatal(err)
	}
	g := snap.Groups[0].ID
	before, err := f.eng.Table(f.ctx, g)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := f.eng.Capture(f.ctx, "bench", g, fmt.Sprintf("note %d about shared estates and records", i), []string{"systems"}, ""); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	after, err := f.eng.Table(f.ctx, g)
	if err != nil {
		b.Fatal(err)
	}
	if len(after.Notes) != len(before.Notes)+b.N {
		b.Fatalf("the live view has %d notes, want %d", len(after.Notes), len(before.Notes)+b.N)
	}
}
