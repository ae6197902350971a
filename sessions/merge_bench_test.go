package sessions

import (
	"fmt"
	"testing"
)

// BenchmarkMergeLargeEvent merges a table laptop's copy of the large demo
// (20 tables, 4,000 notes, about 20,000 votes) with 50 new notes and 10
// edits into the organiser's database: what the organiser waits for after
// forum merge. Run with -benchtime=1x -count=3 (each iteration imports the
// event into a fresh database first, outside the timer).
func BenchmarkMergeLargeEvent(b *testing.B) {
	org := newFixture(b)
	id, err := org.eng.Demo(org.ctx, "bench", DemoOptions{Large: true})
	if err != nil {
		b.Fatal(err)
	}
	pack, err := org.eng.ExportJSON(org.ctx, id)
	if err != nil {
		b.Fatal(err)
	}
	lap := newFixture(b)
	if _, err := lap.eng.ImportJSON(lap.ctx, "bench", pack, false); err != nil {
		b.Fatal(err)
	}
	board, _ := lap.eng.Board(lap.ctx, id)
	g := board.Groups[0].ID
	for i := range 50 {
		lap.eng.Capture(lap.ctx, "bench", g, fmt.Sprintf("new note %d", i), nil, "")
	}
	v := lap.table(g)
	for i := 0; i < 10 && i < len(v.Notes); i++ {
		lap.eng.EditNote(lap.ctx, "bench", v.Notes[i].ID, fmt.Sprintf("edited %d", i))
	}
	data, _ := lap.eng.ExportJSON(lap.ctx, id)
	for b.Loop() {
		b.StopTimer()
		dst := newFixture(b)
		if _, err := dst.eng.ImportJSON(dst.ctx, "bench", pack, false); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		x, err := ParseExchange(data)
		if err != nil {
			b.Fatal(err)
		}
		rep, err := dst.eng.Merge(dst.ctx, "bench", id, []MergeSource{{Name: "lap", Snap: snapshotOf(x)}})
		if err != nil || !rep.Changed {
			b.Fatalf("merge: %v", err)
		}
	}
}
