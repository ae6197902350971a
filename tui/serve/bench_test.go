package serve

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"testing"
	"time"

	"forum/sessions"
)

// BenchmarkCommitLatency has N seats capture notes at once, each at its own
// table, and reports the median and 99th-percentile time from the call to
// the durable commit (one writer, synchronous FULL): "flat-out" seats write
// as fast as they can (b.N notes in all), "paced" seats write 20 notes at
// ten a second each, the most a seat is allowed.
func BenchmarkCommitLatency(b *testing.B) {
	for _, c := range []struct {
		n     int
		paced bool
	}{{1, false}, {10, false}, {40, false}, {1, true}, {10, true}, {40, true}} {
		n, paced := c.n, c.paced
		name := fmt.Sprintf("flat-out/seats=%d", n)
		if paced {
			name = fmt.Sprintf("paced/seats=%d", n)
		}
		b.Run(name, func(b *testing.B) {
			ctx := context.Background()
			eng, closeDB, err := sessions.Open(ctx, filepath.Join(b.TempDir(), "forum.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer closeDB()
			tm, _ := sessions.BuiltinTemplate(sessions.DefaultTemplate)
			id, err := eng.CreateEvent(ctx, "bench", tm, sessions.NewEvent{TablesPerArea: 8})
			if err != nil {
				b.Fatal(err)
			}
			board, _ := eng.Board(ctx, id)
			var mu sync.Mutex
			var lat []time.Duration
			per := max(b.N/n, 1)
			if paced {
				per = 20
			}
			b.ResetTimer()
			var wg sync.WaitGroup
			for s := 0; s < n; s++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					g := board.Groups[s%len(board.Groups)].ID
					mine := make([]time.Duration, 0, per)
					if paced { // seats type independently: spread their starts
						time.Sleep(time.Duration(s) * 100 * time.Millisecond / time.Duration(n))
					}
					for i := 0; i < per; i++ {
						start := time.Now()
						if _, err := eng.Capture(ctx, "bench", g, fmt.Sprintf("seat %d note %d", s, i), nil, ""); err != nil {
							b.Error(err)
							return
						}
						mine = append(mine, time.Since(start))
						if paced {
							time.Sleep(100*time.Millisecond - time.Since(start))
						}
					}
					mu.Lock()
					lat = append(lat, mine...)
					mu.Unlock()
				}()
			}
			wg.Wait()
			b.StopTimer()
			sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
			if len(lat) > 0 {
				b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
				b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
			}
		})
	}
}

// BenchmarkMemoryPerSeat connects ten SSH seats (scribes at their tables)
// and reports the heap each adds, server and test client together.
func BenchmarkMemoryPerSeat(b *testing.B) {
	for b.Loop() {
		r := newRig(b, 2)
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		const n = 10
		for i := 0; i < n; i++ {
			s := r.join(fmt.Sprintf("scribe-%d", i+1), sessions.RoleScribe)
			s.waitFor("type what people say", 10*time.Second)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/n/1024, "KiB/seat")
	}
}
