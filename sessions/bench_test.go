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
