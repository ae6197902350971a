package sessions

import (
	"strings"
	"testing"

	"forum/model"
)

func TestSummaryHoldsTheTablesWork(t *testing.T) {
	f := newFixture(t)
	v := f.london()
	g := v.Group.ID
	f.goTo(g, "vision")
	if _, err := f.eng.SetVision(f.ctx, "s", g, "Joined-up care for every Londoner"); err != nil {
		t.Fatal(err)
	}
	f.goTo(g, "priorities")
	a, b := f.capture(g, "Shared records"), f.capture(g, "Estates funding")
	if err := f.eng.CastDots(f.ctx, "s", g, model.PaperVoter, map[model.ID]int{a.ID: 2, b.ID: 5}); err != nil {
		t.Fatal(err)
	}
	f.goTo(g, "next-steps")
	if _, err := f.eng.AddNextStep(f.ctx, "s", g, NextStepInput{Action: "Bid for hub funding", Owner: "Estates lead", ByWhen: "June"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.eng.SetKeyMessages(f.ctx, "s", g, []MessageInput{{Kind: model.KindMessage, Text: "Fund shared estates", Sources: []model.ID{b.ID}}}); err != nil {
		t.Fatal(err)
	}
	md, err := f.eng.SummaryMarkdown(f.ctx, v.Event.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"# Next steps for general practice in London",
		"- **Date:** 25 January 2018",
		"Dr Vin Diwakar",
		"## Key messages",
		"1. Fund shared estates (NCL/T1/2)",
		"> Joined-up care for every Londoner",
		"| 1 | Estates funding (NCL/T1/2) | 5 |",
		"| 2 | Shared records (NCL/T1/1) | 2 |",
		"| Bid for hub funding | Estates lead | June | — |",
		"### NCL North Central London", "### SWL South West London",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("summary lacks %q", want)
		}
	}
	if strings.Index(md, "Estates funding (NCL") > strings.Index(md, "Shared records (NCL") {
		t.Error("priorities are not in vote order")
	}
	again, _ := f.eng.SummaryMarkdown(f.ctx, v.Event.ID)
	if again != md {
		t.Error("two summaries of the same data differ")
	}
}

func TestMarkdownEscapesHostileNotes(t *testing.T) {
	for in, want := range map[string]string{
		"**bold** and [link](http://x)": `\*\*bold\*\* and \[link\](http://x)`,
		"<script>alert(1)</script>":     `\<script\>alert(1)\</script\>`,
		"# heading":                     `\# heading`,
		"1. not a list":                 `1\. not a list`,
		"a | b":                         `a \| b`,
		"line one\nline two":            "line one / line two",
		"&amp; entity":                  `\&amp; entity`,
		"Barking & Dagenham":            "Barking & Dagenham",
	} {
		if got := mdEscape(in); got != want {
			t.Errorf("mdEscape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDemoIsLabelledAndComplete(t *testing.T) {
	f := newFixture(t)
	id, err := f.eng.Demo(f.ctx, "demo", DemoOptions{})
	if err != nil {
		t.Fatal(err)
	}
	snap, err := f.eng.Snapshot(f.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !snap.Event.Illustrative || !strings.HasPrefix(snap.Event.Title, "Illustrative demo") {
		t.Fatalf("demo not labelled: %q", snap.Event.Title)
	}
	if len(snap.Areas) != 5 || len(snap.Groups) < 5 || len(snap.Votes) == 0 || len(snap.NextSteps) == 0 || len(snap.KeyMessages) == 0 {
		t.Fatalf("demo incomplete: %d areas %d tables %d votes %d steps %d messages", len(snap.Areas), len(snap.Groups), len(snap.Votes), len(snap.NextSteps), len(snap.KeyMessages))
	}
	md := Markdown(snap)
	if !strings.Contains(md, DemoNotice) {
		t.Error("demo summary does not say it is illustrative")
	}
	for _, stp := range []string{"North Central London", "North East London", "North West London", "South East London", "South West London"} {
		if !strings.Contains(md, stp) {
			t.Errorf("summary lacks %s", stp)
		}
	}
}
