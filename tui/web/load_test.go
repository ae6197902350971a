package web

import (
	"net/http"
	"sort"
	"sync"
	"testing"
	"time"

	"forum/model"
)

// TestAHundredAndFiftyPhonesCastInAMinute: 150 phones (30 at each of five
// tables), all at once, each opening its card's page, casting, and
// checking the page twice as its script would; every ballot is counted
// once, and it all takes well under a minute.
func TestAHundredAndFiftyPhonesCastInAMinute(t *testing.T) {
	if testing.Short() {
		t.Skip("150 phones at once: skipped with -short (run without it)")
	}
	const perTable = 30
	// One address sends for all 150 phones here; a room's phones each have
	// their own.
	r := newRig(t, perTable, Config{AddressRate: 1e6, AddressBurst: 1e6})
	items := map[model.ID][]model.ID{r.tables[0].ID: r.items}
	for _, g := range r.tables[1:] {
		r.goTo(g.ID, "priorities")
		for _, s := range []string{"Access", "Workforce", "Digital"} {
			c, err := r.eng.Capture(r.ctx, "scribe", g.ID, s, nil, "")
			if err != nil {
				t.Fatal(err)
			}
			items[g.ID] = append(items[g.ID], c.Record.ID)
		}
	}
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		took  []time.Duration
		fails []string
	)
	start := time.Now()
	for _, g := range r.tables {
		for i, card := range r.cards[g.ID] {
			wg.Add(1)
			go func() {
				defer wg.Done()
				c := &http.Client{Timeout: 30 * time.Second}
				t0 := time.Now()
				ids := items[g.ID]
				status, _ := r.cast(c, card.Code, dots(model.MethodDots, ids[i%3], ids[(i+1)%3]))
				for k := 0; k < 2; k++ {
					r.get(c, "/c/"+card.Code+"/state")
				}
				mu.Lock()
				defer mu.Unlock()
				took = append(took, time.Since(t0))
				if status != http.StatusOK {
					fails = append(fails, card.Voter)
				}
			}()
		}
	}
	wg.Wait()
	all := time.Since(start)
	if len(fails) > 0 {
		t.Fatalf("%d of 150 ballots refused: %v", len(fails), fails)
	}
	total := 0
	for _, g := range r.tables {
		v, err := r.eng.Table(r.ctx, g.ID)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, b := range v.DotVote.Ballots {
			if seen[b.Voter] || b.Spent() != 2 {
				t.Fatalf("%s: ballot %s counted twice or wrong: %+v", g.Name, b.Voter, b)
			}
			seen[b.Voter] = true
		}
		if len(seen) != perTable {
			t.Fatalf("%s: %d ballots of %d", g.Name, len(seen), perTable)
		}
		total += len(seen)
	}
	sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
	t.Logf("%d ballots from 150 phones in %v; per phone (page, cast, page, 2 checks): median %v, 95th %v, slowest %v",
		total, all.Round(time.Millisecond), took[len(took)/2].Round(time.Millisecond), took[len(took)*95/100].Round(time.Millisecond), took[len(took)-1].Round(time.Millisecond))
	if all > time.Minute {
		t.Fatalf("150 phones took %v", all)
	}
}
