package report

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"forum/model"
	"forum/sessions"
)

var large struct {
	once sync.Once
	dir  string
	eng  *sessions.Engine
	id   model.ID
	err  error
}

// largeEvent is the demo --large event (20 tables, about 4,000 notes and
// 20,000 votes), written once per test binary.
func largeEvent(b *testing.B) (*sessions.Engine, model.ID) {
	b.Helper()
	large.once.Do(func() {
		large.dir, large.err = os.MkdirTemp("", "forum-bench-")
		if large.err != nil {
			return
		}
		now := time.Date(2018, 1, 25, 13, 0, 0, 0, time.UTC)
		large.eng, _, large.err = sessions.Open(context.Background(), filepath.Join(large.dir, "forum.db"), sessions.WithClock(func() time.Time { return now }))
		if large.err == nil {
			large.id, large.err = large.eng.Demo(context.Background(), "bench", sessions.DemoOptions{Large: true})
		}
	})
	if large.err != nil {
		b.Fatal(large.err)
	}
	return large.eng, large.id
}

func TestMain(m *testing.M) {
	code := m.Run()
	if large.dir != "" {
		os.RemoveAll(large.dir)
	}
	os.Exit(code)
}

// BenchmarkLargeSnapshot reads the large event from the database.
func BenchmarkLargeSnapshot(b *testing.B) {
	eng, id := largeEvent(b)
	snap, err := eng.Snapshot(context.Background(), id)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(snap.Contributions)), "notes")
	b.ReportMetric(float64(len(snap.Votes)), "votes")
	for b.Loop() {
		if _, err := eng.Snapshot(context.Background(), id); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLargeBuild builds the report document from a snapshot in memory.
func BenchmarkLargeBuild(b *testing.B) {
	eng, id := largeEvent(b)
	snap, _ := eng.Snapshot(context.Background(), id)
	for b.Loop() {
		sessions.ForgetKeptJoins()
		if _, err := Build(snap, Scope{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLargeRender renders a built document in each document format.
func BenchmarkLargeRender(b *testing.B) {
	eng, id := largeEvent(b)
	snap, _ := eng.Snapshot(context.Background(), id)
	doc, _ := Build(snap, Scope{})
	for _, f := range []Format{FormatMarkdown, FormatHTML, FormatDOCX, FormatPDF} {
		b.Run(string(f), func(b *testing.B) {
			for b.Loop() {
				if _, err := Render(doc, f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLargeExport is the whole export, as 'forum export' runs it in
// a fresh process: open the database, read, build and render (or write
// CSV or JSON), the data digest included.
func BenchmarkLargeExport(b *testing.B) {
	_, id := largeEvent(b)
	ctx := context.Background()
	for _, f := range Formats {
		b.Run(string(f), func(b *testing.B) {
			for b.Loop() {
				sessions.ForgetKeptJoins() // as in a fresh process
				eng, closeDB, err := sessions.Open(ctx, filepath.Join(large.dir, "forum.db"))
				if err != nil {
					b.Fatal(err)
				}
				if _, err := Make(ctx, eng, id, Scope{}, f); err != nil {
					b.Fatal(err)
				}
				closeDB()
			}
		})
	}
}

// BenchmarkLargeExportAgain is a Markdown export made again by a process
// that made one before, nothing committed since (the TUI, the server):
// the event is not read again nor its digest worked out again.
func BenchmarkLargeExportAgain(b *testing.B) {
	eng, id := largeEvent(b)
	ctx := context.Background()
	if _, err := Make(ctx, eng, id, Scope{}, FormatMarkdown); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Make(ctx, eng, id, Scope{}, FormatMarkdown); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLargeDigest is the data digest of the large event in a fresh
// process: the complete read and the canonical JSON's SHA-256.
func BenchmarkLargeDigest(b *testing.B) {
	_, id := largeEvent(b)
	ctx := context.Background()
	for b.Loop() {
		sessions.ForgetKeptJoins()
		eng, closeDB, err := sessions.Open(ctx, filepath.Join(large.dir, "forum.db"))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := eng.EventDigest(ctx, id); err != nil {
			b.Fatal(err)
		}
		closeDB()
	}
}
