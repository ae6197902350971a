package tui

import (
	"context"
	"strings"
	"testing"

	"forum/model"
	"forum/sessions/report"
)

// TestTableThroughEveryStage takes one table of a new London 2018 event
// from opening to key messages with keys only, then checks the summary.
func TestTableThroughEveryStage(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.contains("There are no events yet", "Press n")
	v := h.londonTable()
	h.contains("NCL", "Table 1", "1/6 Open the table", "not started · 5:00", "Ground rules")

	// Open: roles.
	h.keys("ctrl+o")
	h.contains("Roles · Table 1", "Facilitator")
	h.typ("Ann")
	h.keys("tab")
	h.typ("Bo")
	h.keys("tab")
	h.typ("Cy")
	h.keys("tab", "backspace")
	h.typ("6")
	h.keys("ctrl+s")
	h.contains("✓ Roles saved.", "Facilitator: Ann", "Participants: 6")

	// Vision: notes, then a statement chosen from them.
	h.keys("ctrl+n", "y")
	h.contains("2/6 Set the vision", "What should general practice at scale look like in North Central London")
	h.typ("Care joined up around the patient")
	h.keys("enter")
	h.contains("✓ Saved.", "✓ Care joined up around the patient")
	h.typ("A workforce that wants to stay")
	h.keys("enter", "tab", "up")
	h.menu("use the note as the vision statement")
	h.contains("Vision: Care joined up around the patient")

	// Journey.
	h.keys("tab", "ctrl+n", "y")
	h.contains("3/6 The journey so far")
	h.typ("Federation runs extended access")
	h.keys("enter")

	// Priorities, and a dot vote: a paper tally and one ballot.
	h.keys("ctrl+n", "y")
	h.contains("4/6 Choose the priorities")
	for _, p := range []string{"Shared records", "Estates funding", "Leadership development"} {
		h.typ(p)
		h.keys("enter")
	}
	h.keys("ctrl+o")
	h.contains("Dot vote", "Round 1, blind · 0 of 6 have voted", "› P1    not yet", "Paper tally")
	h.keys("enter")
	h.contains("Ballot of P1", "1 of 1 dots left")
	h.keys("down", "space", "enter") // P1: one dot on Estates funding
	h.contains("✓ P1's ballot is hidden.", "Pass the laptop to the next person", "✓ P1's dots saved.")
	h.keys("space")
	h.contains("1 of 6 have voted", "P1    ✓ voted", "› P2    not yet")
	h.keys("up", "up", "enter")                                 // up past P1 to the paper tally
	h.contains("Paper tally", "5 of 5 dots left")               // P1 voted by ballot: paper counts for the other five
	h.keys("space", "space", "down", "space", "space", "enter") // 2 on Shared records, 2 on Estates funding
	h.contains("✓ The paper tally's dots saved.")
	h.keys("r")
	h.contains("The vote is blind until it is closed")
	h.keys("c")
	h.contains("Close round 1 and reveal the ranking (1 ballot cast)?")
	h.keys("y")
	h.contains("Round 1 closed and revealed.", "Ranked results", "1   3", "Estates funding")
	h.keys("esc")
	h.contains(" 3● Estates funding", " 2● Shared records", " 0● Leadership development")

	// Next steps.
	h.keys("ctrl+n", "y", "ctrl+o")
	h.contains("Add a next step", "Estates funding")
	h.typ("Bid for hub funding")
	h.keys("tab")
	h.typ("STP estates lead")
	h.keys("tab")
	h.typ("June 2018")
	h.keys("tab")
	h.typ("Faster capital approvals")
	h.keys("ctrl+s")
	h.contains("✓ Next step saved.", "Bid for hub funding — STP estates lead — June 2018")

	// Key messages, suggested from the votes.
	h.keys("ctrl+n", "y", "ctrl+o")
	h.contains("Key messages · Table 1", "Estates funding", "Faster capital approvals")
	h.keys("ctrl+s")
	h.contains("✓ Key messages saved.", "1. Estates funding", "Ask: Faster capital approvals")

	x, err := report.Make(context.Background(), h.eng, v.Event.ID, report.Scope{}, report.FormatMarkdown)
	md := string(x.Data)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Facilitator: Ann · Scribe: Bo · Reporter: Cy · 6 participants",
		"> Care joined up around the patient",
		"| 1 | Estates funding (NCL/T1/5) | 3 |",
		"| 2 | Shared records (NCL/T1/4) | 2 |",
		"| Bid for hub funding | STP estates lead | June 2018 | Faster capital approvals |",
		"1. Estates funding (NCL/T1/5)",
		"- **Ask:** Faster capital approvals (NCL/T1/5)",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("summary lacks %q\n%s", want, md)
		}
	}

	// The summary preview shows the same report.
	h.keys("ctrl+s")
	h.contains("Summary", "Next steps for general practice in London")
}

func TestDraftSurvivesFailedSaveResizeAndLeaving(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.londonTable()
	long := strings.Repeat("x", model.NoteRule.Max+1)
	h.app.tbl.input.SetValue(long)
	h.keys("enter")
	h.contains("the limit is 2000")
	if h.app.tbl.input.Value() != long {
		t.Fatal("a refused note was cleared from the input")
	}
	h.app.tbl.input.SetValue("half a thought")
	h.msg(keyMsg("!"))
	h.msg(resize(120, 40))
	h.msg(resize(40, 10))
	h.keys("esc", "esc") // to the notes list, then leave the table
	if h.app.screen != screenBoard {
		t.Fatalf("not back on the board:\n%s", h.screen())
	}
	h.keys("enter")
	if got := h.app.tbl.input.Value(); got != "half a thought!" {
		t.Fatalf("draft after resize and leaving = %q", got)
	}
	if n := len(h.table().Notes); n != 0 {
		t.Fatalf("%d notes stored; nothing was confirmed", n)
	}
}

func TestHostileTextIsNeutralisedAndTheScribeTold(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.londonTable()
	// The input drops ESC, BEL and CR itself; bidi and zero-width characters
	// get through it and are removed by the sanitizer, which says so.
	h.app.tbl.input.SetValue("Shared\u202e rec\u200bords\u2066")
	h.keys("enter")
	h.contains("✓ Saved. Text was changed", "✓ Shared records")
	if s := h.app.View().Content; strings.Contains(s, "\x1b]0;") || strings.Contains(s, "\u202e") {
		t.Fatal("hostile sequences reached the screen")
	}
	if got := h.table().Notes[0].Text; got != "Shared records" {
		t.Fatalf("stored %q", got)
	}
}

func TestDeleteAndUndoSeveralLevels(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.londonTable()
	for _, s := range []string{"one", "two", "three"} {
		h.typ(s)
		h.keys("enter")
	}
	h.keys("tab", "ctrl+d", "up", "delete")
	if n := len(h.table().Notes); n != 1 {
		t.Fatalf("%d notes after two deletes", n)
	}
	h.keys("ctrl+z")
	h.keys("ctrl+z")
	h.contains("✓ one", "✓ two", "✓ three")
	h.keys("ctrl+z")
	h.contains("Nothing to undo")
}

func TestEditKeepsTheDraftAside(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.londonTable()
	h.typ("first wording")
	h.keys("enter")
	h.typ("a draft in progress")
	h.keys("tab", "ctrl+e")
	if h.app.tbl.input.Value() != "first wording" {
		t.Fatalf("edit did not load the note: %q", h.app.tbl.input.Value())
	}
	h.typ(" improved")
	h.keys("enter")
	h.contains("✓ first wording improved", "Edit saved")
	if h.app.tbl.input.Value() != "a draft in progress" {
		t.Fatalf("the draft was lost: %q", h.app.tbl.input.Value())
	}
}

// TestEnterWhileSavingIsQueued types three notes faster than the commits
// return: every Enter counts, in order, and no text is merged or lost.
func TestEnterWhileSavingIsQueued(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.londonTable()
	h.typ("one")
	_, first := h.app.Update(keyMsg("enter")) // its commit has not returned yet
	h.typ("two")
	if _, c := h.app.Update(keyMsg("enter")); c != nil {
		t.Fatal("a second save started while the first was in flight")
	}
	h.typ("three")
	h.app.Update(keyMsg("enter"))
	h.typ("draft")
	h.send(first)
	var got []string
	for _, n := range h.table().Notes {
		got = append(got, n.Text)
	}
	if strings.Join(got, "|") != "one|two|three" {
		t.Fatalf("notes %q, want one, two, three", got)
	}
	if v := h.app.tbl.input.Value(); v != "draft" {
		t.Fatalf("the input holds %q, want the unsent draft", v)
	}
}
