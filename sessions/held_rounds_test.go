package sessions

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"forum/model"
	"forum/storage"
)

// dotTable is a London table at the priorities stage with n participants,
// dots rules r and three notes on the vote.
func (f *fixture) dotTable(n int, r model.DotRules) (TableView, []model.ID) {
	f.t.Helper()
	v := f.london()
	g := v.Group.ID
	if _, err := f.eng.SetRoles(f.ctx, "fac", g, Roles{Participants: n}); err != nil {
		f.t.Fatal(err)
	}
	if err := f.eng.SetVoteRules(f.ctx, "org", v.Event.ID, model.MethodDots, r); err != nil {
		f.t.Fatal(err)
	}
	f.goTo(g, "priorities")
	var ids []model.ID
	for _, s := range []string{"Shared records", "Estates", "Leadership"} {
		ids = append(ids, f.capture(g, s).ID)
	}
	return f.table(g), ids
}

func TestAHeldRoundKeepsItsMethodWhenSetupChanges(t *testing.T) {
	f := newFixture(t)
	v, ids := f.dotTable(4, model.DotRules{Budget: 2, Cap: 2})
	g, ev := v.Group.ID, v.Event.ID
	for voter, dots := range map[string]map[model.ID]int{"P1": {ids[0]: 2}, "P2": {ids[0]: 1, ids[1]: 1}} {
		if err := f.eng.CastDots(f.ctx, "p", g, voter, dots); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.eng.CloseVote(f.ctx, "fac", g, "priorities", model.MethodDots); err != nil {
		t.Fatal(err)
	}
	before := f.table(g)
	if err := f.eng.SetVoteRules(f.ctx, "org", ev, "ranking", model.DotRules{Budget: 5}); err != nil {
		t.Fatal(err)
	}
	after := f.table(g)
	if after.Method != model.MethodDots || after.Rules.Budget != 2 || len(after.Priorities) != 3 ||
		after.Priorities[0].Note.ID != ids[0] || after.Priorities[0].Dots != 3 {
		t.Fatalf("after set-up changed to ranking the held dot vote reads %s, %d dots each, %+v", after.Method, after.Rules.Budget, after.Priorities)
	}
	if before.Priorities[0].Dots != after.Priorities[0].Dots || before.Priorities[1].Dots != after.Priorities[1].Dots {
		t.Fatal("the held round's result changed with set-up")
	}
	if err := f.eng.CastDots(f.ctx, "p", g, "P3", map[model.ID]int{ids[2]: 1}); err == nil {
		t.Fatal("a ballot was taken into the closed round (or into a new one) without the facilitator reopening the vote")
	}
	if r, err := f.eng.ReopenVote(f.ctx, "fac", g, "priorities", after.Method); err != nil || r != 2 {
		t.Fatalf("reopen: %d, %v", r, err)
	}
	next := f.table(g)
	if next.Method != model.MethodBorda || next.DotVote.Round != 2 || len(next.DotVote.Earlier) != 1 || next.DotVote.Earlier[0].Method != model.MethodDots {
		t.Fatalf("the next round should run by ranking, keeping round 1 by dots: %s, %+v", next.Method, next.DotVote)
	}
	if err := f.eng.CastDots(f.ctx, "p", g, "P1", map[model.ID]int{ids[2]: 1, ids[0]: 2}); err != nil {
		t.Fatalf("a ranking ballot in round 2: %v", err)
	}
}

func TestAnOpenRoundKeepsTheRulesOfItsFirstBallot(t *testing.T) {
	f := newFixture(t)
	v, ids := f.dotTable(4, model.DotRules{Budget: 2, Cap: 2})
	g, ev := v.Group.ID, v.Event.ID
	if err := f.eng.CastDots(f.ctx, "p", g, "P1", map[model.ID]int{ids[0]: 2}); err != nil {
		t.Fatal(err)
	}
	if err := f.eng.SetVoteRules(f.ctx, "org", ev, model.MethodApproval, model.DotRules{Budget: 1}); err != nil {
		t.Fatal(err)
	}
	if err := f.eng.CastDots(f.ctx, "p", g, "P2", map[model.ID]int{ids[1]: 2}); err != nil {
		t.Fatalf("P2 voted under the rules P1 voted under (2 dots) and was refused: %v", err)
	}
	if v := f.table(g); v.Method != model.MethodDots || v.Rules.Budget != 2 || len(v.Ballots) != 2 {
		t.Fatalf("the open round changed under its voters: %s, %d dots, %d ballots", v.Method, v.Rules.Budget, len(v.Ballots))
	}
}

func TestThePaperTallyCountsOnlyThoseWhoHaveNotVotedByBallot(t *testing.T) {
	f := newFixture(t)
	v, ids := f.dotTable(3, model.DotRules{Budget: 2, Cap: 2})
	g := v.Group.ID
	for _, p := range []string{"P1", "P2"} {
		if err := f.eng.CastDots(f.ctx, "p", g, p, map[model.ID]int{ids[0]: 1, ids[1]: 1}); err != nil {
			t.Fatal(err)
		}
	}
	if r := f.table(g).RulesFor(model.PaperVoter); r.Budget != 2 {
		t.Fatalf("with 2 of 3 voted by ballot the paper tally may place %d dots, want 2", r.Budget)
	}
	if err := f.eng.CastDots(f.ctx, "s", g, model.PaperVoter, map[model.ID]int{ids[2]: 2, ids[0]: 1}); err == nil {
		t.Fatal("a paper tally of 3 dots was taken where only one participant's 2 dots are left")
	}
	if err := f.eng.CastDots(f.ctx, "s", g, model.PaperVoter, map[model.ID]int{ids[2]: 2}); err != nil {
		t.Fatal(err)
	}
	err := f.eng.CastDots(f.ctx, "p", g, "P3", map[model.ID]int{ids[2]: 1})
	if err == nil || !strings.Contains(err.Error(), "paper tally already counts 2 dots") {
		t.Fatalf("P3's ballot on top of a paper tally counting P3's dots: %v", err)
	}
	if got := f.table(g).Priorities; got[0].Note.ID != ids[0] && got[0].Note.ID != ids[2] {
		t.Fatalf("priorities: %+v", got)
	}
}

func TestNothingInTheFileLinksABallotToWhenOrWhoCastIt(t *testing.T) {
	ctx := context.Background()
	path := t.TempDir() + "/forum.db"
	store, err := storage.Open(ctx, path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, ctx: ctx, now: time.Date(2018, 1, 25, 10, 0, 0, 0, time.UTC)}
	f.eng = New(store, WithClock(func() time.Time { return f.now }))
	v, ids := f.dotTable(4, model.DotRules{Budget: 1})
	g := v.Group.ID
	auditBefore := len(auditRows(t, store))
	for i, p := range []string{"P3", "P1", "P4", "P2"} {
		f.now = f.now.Add(time.Minute)
		if err := f.eng.CastDots(ctx, "ssh:participant", g, p, map[model.ID]int{ids[i%3]: 1}); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.eng.CastDots(ctx, "ssh:participant", g, "P1", map[model.ID]int{}); err != nil {
		t.Fatal(err) // P1 takes their dot back
	}
	if err := f.eng.CastDots(ctx, "ssh:participant", g, "P1", map[model.ID]int{ids[2]: 1}); err != nil {
		t.Fatal(err)
	}
	if n := len(auditRows(t, store)); n != auditBefore {
		t.Fatalf("the ballots added %d audit entries (each would date a ballot)", n-auditBefore)
	}
	if _, err := f.eng.CloseVote(ctx, "fac", g, "priorities", model.MethodDots); err != nil {
		t.Fatal(err)
	}
	rows := auditRows(t, store)
	last := rows[len(rows)-1]
	if !strings.Contains(last, `"ballots":4`) || !strings.Contains(last, `"digest":"`) || strings.Contains(last, "P1") {
		t.Fatalf("the round's close should record 4 ballots and a digest, and no voter: %s", last)
	}
	snap, _ := f.eng.Snapshot(ctx, v.Event.ID)
	round := snap.Rounds[0]
	for _, vt := range snap.Votes {
		if len(vt.ID) < 15 || vt.ID[14] != '4' {
			t.Errorf("ballot row id %s is not random (a UUIDv7 carries the time it was made)", vt.ID)
		}
		if !vt.CreatedAt.Equal(round.CreatedAt) || !vt.UpdatedAt.Equal(round.CreatedAt) {
			t.Errorf("ballot of %s stored at %s, not at its round's time %s", vt.Voter, vt.CreatedAt, round.CreatedAt)
		}
	}
	store.Close()
	raw, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	var ddl string
	if err := raw.QueryRow(`SELECT sql FROM sqlite_schema WHERE name='votes'`).Scan(&ddl); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	if !strings.Contains(ddl, "WITHOUT ROWID") {
		t.Errorf("votes are stored in the order they were cast (a rowid table): %s", ddl)
	}
}

// auditRows reads the audit log as "action entity detail" lines.
func auditRows(t *testing.T, store *storage.Store) []string {
	t.Helper()
	entries, err := store.Audit(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Action+" "+e.Entity+" "+e.Detail)
	}
	return out
}
