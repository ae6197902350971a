package sessions

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"forum/model"
)

// permutations lists every order of 0..n-1.
func permutations(n int) [][]int {
	if n == 1 {
		return [][]int{{0}}
	}
	var out [][]int
	for _, p := range permutations(n - 1) {
		for i := 0; i <= len(p); i++ {
			q := append(append(append([]int{}, p[:i]...), n-1), p[i:]...)
			out = append(out, q)
		}
	}
	return out
}

// randomOps applies n random table operations on a laptop; edited collects
// the notes it edited.
func randomOps(t *testing.T, f *fixture, r *rand.Rand, tables []model.ID, name string, n int, edited map[model.ID]map[string]bool) {
	for i := 0; i < n; i++ {
		f.now = f.now.Add(time.Duration(1+r.IntN(5)) * time.Second)
		g := tables[r.IntN(len(tables))]
		snap, err := f.eng.store.SnapshotAll(f.ctx, f.table(g).Group.EventID)
		if err != nil {
			t.Fatal(err)
		}
		var notes []model.Contribution
		for _, c := range snap.Contributions {
			if c.GroupID == g {
				notes = append(notes, c)
			}
		}
		var themes []model.Theme
		for _, th := range snap.Themes {
			if th.GroupID == g {
				themes = append(themes, th)
			}
		}
		pick := func() (model.Contribution, bool) {
			if len(notes) == 0 {
				return model.Contribution{}, false
			}
			return notes[r.IntN(len(notes))], true
		}
		switch r.IntN(10) {
		case 0, 1:
			f.eng.Capture(f.ctx, "test", g, fmt.Sprintf("%s note %d", name, i), nil, "")
		case 2:
			if c, ok := pick(); ok {
				if _, err := f.eng.EditNote(f.ctx, "test", c.ID, fmt.Sprintf("%s edit %d", name, i)); err == nil {
					if edited[c.ID] == nil {
						edited[c.ID] = map[string]bool{}
					}
					edited[c.ID][name] = true
				}
			}
		case 3:
			if c, ok := pick(); ok {
				if c.Deleted() {
					f.eng.RestoreNote(f.ctx, "test", c.ID)
				} else {
					f.eng.DeleteNote(f.ctx, "test", c.ID)
				}
			}
		case 4:
			if c, ok := pick(); ok {
				f.eng.TagNote(f.ctx, "test", c.ID, []string{model.Enablers[r.IntN(4)]})
			}
		case 5:
			if c, ok := pick(); ok {
				f.eng.GroupNotes(f.ctx, "test", g, []model.ID{c.ID}, name+" theme")
			}
		case 6:
			var items []model.ID
			for _, c := range model.VoteChoices(model.Live(notes), themes, "priorities") {
				items = append(items, c.ID)
			}
			if len(items) > 0 {
				f.eng.CastDots(f.ctx, "test", g, fmt.Sprintf("P%d", 1+r.IntN(3)), map[model.ID]int{items[r.IntN(len(items))]: 1})
			}
		case 7:
			f.eng.AddNextStep(f.ctx, "test", g, NextStepInput{Action: fmt.Sprintf("%s step %d", name, i)})
		case 8:
			f.eng.MoveStage(f.ctx, "test", g, 1+r.IntN(2)-1)
		case 9:
			if _, err := f.eng.CloseVote(f.ctx, "test", g, "priorities", model.MethodDots); err != nil {
				f.eng.ReopenVote(f.ctx, "test", g, "priorities", model.MethodDots)
			}
		}
	}
}

func TestMergePropertyEveryOrder(t *testing.T) {
	seeds := 6
	if testing.Short() {
		seeds = 2
	}
	for seed := 0; seed < seeds; seed++ {
		r := rand.New(rand.NewPCG(uint64(seed), 15))
		org := newFixture(t)
		v := org.london()
		ev := v.Group.EventID
		b, _ := org.eng.Board(org.ctx, ev)
		var tables []model.ID
		for _, g := range b.Groups[:2] {
			tables = append(tables, g.ID)
			org.goTo(g.ID, "priorities")
			org.capture(g.ID, "shared priority")
		}
		pack := export(t, org, ev)
		n := 2 + seed%3
		edited := map[model.ID]map[string]bool{}
		var files [][]byte
		texts := map[string]bool{}
		for i := 0; i < n; i++ {
			lap := laptop(t, pack, org.now.Add(time.Duration(i)*time.Second))
			randomOps(t, lap, r, tables, fmt.Sprintf("L%d", i), 25, edited)
			x := export(t, lap, ev)
			files = append(files, x)
			p, _ := ParseExchange(x)
			for _, c := range p.Contributions {
				texts[c.Text] = true
			}
			for _, c := range p.Revisions {
				texts[c.Text] = true
			}
		}
		concurrent := false
		for _, by := range edited {
			concurrent = concurrent || len(by) > 1
		}
		var first []byte
		for _, order := range permutations(n) {
			target := laptop(t, pack, org.now)
			var in [][]byte
			for _, i := range order {
				in = append(in, files[i])
			}
			rep := mergeAll(t, target, ev, in...)
			out := export(t, target, ev)
			if first == nil {
				first = out
				x, _ := ParseExchange(out)
				got := map[string]bool{}
				for _, c := range x.Contributions {
					got[c.Text] = true
				}
				for _, c := range x.Revisions {
					got[c.Text] = true
				}
				for s := range texts {
					if !got[s] {
						t.Errorf("seed %d: %q was lost", seed, s)
					}
				}
				if concurrent && !strings.Contains(strings.Join(rep.Lines, "\n"), ": note \"") {
					t.Errorf("seed %d: a note edited on two laptops was not reported:\n%s", seed, strings.Join(rep.Lines, "\n"))
				}
			} else if !bytes.Equal(first, out) {
				a, b := strings.Split(string(first), "\n"), strings.Split(string(out), "\n")
				for i := range min(len(a), len(b)) {
					if a[i] != b[i] {
						t.Logf("line %d:\n%s\n---\n%s", i, strings.Join(a[max(i-15, 0):min(i+5, len(a))], "\n"), strings.Join(b[max(i-15, 0):min(i+5, len(b))], "\n"))
						break
					}
				}
				t.Fatalf("seed %d: order %v gives another event than the first order", seed, order)
			}
			if again := mergeAll(t, target, ev, in...); again.Changed {
				t.Fatalf("seed %d: merging the same files again changed the event:\n%s", seed, strings.Join(again.Lines, "\n"))
			}
		}
	}
}
