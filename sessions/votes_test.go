package sessions

import (
	"strings"
	"testing"

	"forum/model"
)

func TestDotVoteBallotsAndPaperTally(t *testing.T) {
	f := newFixture(t)
	g := f.london().Group.ID
	f.goTo(g, "priorities")
	var ids []model.ID
	for _, s := range []string{"one", "two", "three", "four", "five", "six"} {
		ids = append(ids, f.capture(g, s).ID)
	}
	v := f.table(g)
	if v.Rules.Budget != 2 || v.Rules.EffectiveCap() != 2 {
		t.Fatalf("rules for 6 items = %+v (want a budget of 2, about a third)", v.Rules)
	}
	ok := func(voter string, dots map[model.ID]int) {
		t.Helper()
		if err := f.eng.CastDots(f.ctx, "p", g, voter, dots); err != nil {
			t.Fatal(err)
		}
	}
	ok("P1", map[model.ID]int{ids[1]: 2})
	ok("P2", map[model.ID]int{ids[2]: 1, ids[1]: 1})
	ok("P2", map[model.ID]int{ids[2]: 2}) // P2 changes their mind: replaces the ballot
	for name, bad := range map[string]struct {
		voter string
		dots  map[model.ID]int
	}{
		"over budget":   {"P3", map[model.ID]int{ids[0]: 1, ids[3]: 1, ids[4]: 1}},
		"unknown item":  {"P3", map[model.ID]int{"nope": 1}},
		"bad voter":     {"Alice", map[model.ID]int{ids[0]: 1}},
		"paper overcap": {model.PaperVoter, map[model.ID]int{ids[0]: 17}},
	} {
		if err := f.eng.CastDots(f.ctx, "p", g, bad.voter, bad.dots); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	ok(model.PaperVoter, map[model.ID]int{ids[2]: 3, ids[0]: 5})
	v = f.table(g)
	var got []string
	for _, p := range v.Priorities[:3] {
		got = append(got, p.Note.Text+"="+p.Label()+":"+string(rune('0'+p.Dots)))
	}
	if strings.Join(got, " ") != "three=1:5 one==2:5 two==2:2" && strings.Join(got, " ") != "one=1:5 three=1:5 two=3:2" {
		t.Logf("priorities: %v", got)
	}
	if v.Priorities[0].Dots != 5 || v.Priorities[1].Dots != 5 || !v.Priorities[0].Tied || v.Priorities[2].Note.Text != "two" || v.Priorities[2].Rank != 3 {
		t.Fatalf("priorities: %v", got)
	}
	// A deleted note can no longer receive dots.
	if _, err := f.eng.DeleteNote(f.ctx, "s", ids[5]); err != nil {
		t.Fatal(err)
	}
	if err := f.eng.CastDots(f.ctx, "p", g, "P4", map[model.ID]int{ids[5]: 1}); err == nil {
		t.Fatal("dots on a deleted note accepted")
	}
	// Recomputing from the stored ballots gives the shown result.
	recount := model.TallyDots(v.VoteItems(), v.Ballots)
	for i := range recount {
		if recount[i] != v.Priorities[i].Ranked {
			t.Fatal("stored ballots do not give the shown tally")
		}
	}
}

func TestNextStepsAndKeyMessages(t *testing.T) {
	f := newFixture(t)
	g := f.london().Group.ID
	f.goTo(g, "priorities")
	p := f.capture(g, "Shared estates")
	if err := f.eng.CastDots(f.ctx, "p", g, "P1", map[model.ID]int{p.ID: 1}); err != nil {
		t.Fatal(err)
	}
	f.goTo(g, "next-steps")
	if _, err := f.eng.AddNextStep(f.ctx, "s", g, NextStepInput{Owner: "Someone"}); err == nil {
		t.Fatal("a next step without an action was accepted")
	}
	if _, err := f.eng.AddNextStep(f.ctx, "s", g, NextStepInput{Action: "Map estates", Owner: "STP estates lead", ByWhen: "June", Assist: "Capital funding", PriorityID: p.ID}); err != nil {
		t.Fatal(err)
	}
	v := f.goTo(g, "key-messages")
	sug := SuggestKeyMessages(v)
	if len(sug) != 2 || sug[0].Text != "Shared estates" || sug[1].Kind != model.KindAsk || sug[1].Text != "Capital funding" {
		t.Fatalf("suggestions %+v", sug)
	}
	four := []MessageInput{{Kind: model.KindMessage, Text: "a"}, {Kind: model.KindMessage, Text: "b"}, {Kind: model.KindMessage, Text: "c"}, {Kind: model.KindMessage, Text: "d"}}
	if _, err := f.eng.SetKeyMessages(f.ctx, "s", g, four); err == nil {
		t.Fatal("four messages accepted")
	}
	if _, err := f.eng.SetKeyMessages(f.ctx, "s", g, sug); err != nil {
		t.Fatal(err)
	}
	if got := f.table(g).KeyMessages; len(got) != 2 || got[0].Sources[0] != p.ID {
		t.Fatalf("stored messages %+v", got)
	}
}
