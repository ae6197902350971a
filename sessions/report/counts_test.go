package report

import (
	"fmt"
	"strings"
	"testing"

	"forum/model"
	"forum/sessions"
)

func TestOnlyTablesThatMetAreCounted(t *testing.T) {
	f := newFixture(t)
	tm, err := sessions.BuiltinTemplate(sessions.DefaultTemplate)
	f.must(err)
	id, err := f.eng.CreateEvent(f.ctx, "organiser", tm, sessions.NewEvent{TablesPerArea: 2})
	f.must(err)
	b, err := f.eng.Board(f.ctx, id)
	f.must(err)
	if len(b.Groups) != 10 {
		t.Fatalf("%d tables, want 10", len(b.Groups))
	}
	// Two of the ten tables meet: one captures a note, one only rates its
	// maturity. Every table keeps its default participant count.
	one, two := b.Groups[0].ID, b.Groups[5].ID
	_, err = f.eng.SetRoles(f.ctx, "facilitator", one, sessions.Roles{Participants: 7})
	f.must(err)
	_, err = f.eng.SetRoles(f.ctx, "facilitator", two, sessions.Roles{Participants: 5})
	f.must(err)
	f.goTo(one, "vision")
	f.note(one, "Care joined up around the patient")
	f.goTo(two, "journey")
	f.must(f.eng.RateMaturity(f.ctx, "facilitator", two, "R1", []int{1, 2, 2, 1, 1, 3}))

	x, err := Make(f.ctx, f.eng, id, Scope{}, FormatMarkdown)
	f.must(err)
	md := string(x.Data)
	if !strings.Contains(md, "**Who took part:** 2 tables in 2 STPs, 12 participants") {
		t.Errorf("the report does not count the two tables that met and their 12 participants:\n%s", md[:min(len(md), 900)])
	}
	if !strings.Contains(md, "| **Total** | **2** | **12** |") {
		t.Error("the Who took part table's total is not 2 tables, 12 participants")
	}
	never := "**8 tables never met** (nothing was captured there): NCL Table 2, NEL Table 3, NEL Table 4, NWL Table 5, SEL Table 7, SEL Table 8, SWL Table 9, SWL Table 10."
	if !strings.Contains(md, never) {
		t.Errorf("the tables that never met are not named together; want %q", never)
	}
	if n := strings.Count(md, "Nothing was captured at this table"); n != 0 {
		t.Errorf("%d tables are reported as capturing nothing, one by one", n)
	}
	if strings.Contains(md, "#### Table 3") || !strings.Contains(md, "#### Table 1") || !strings.Contains(md, "#### Table 6") {
		t.Error("the by-area sections should hold the tables that met, and only them")
	}
}

func TestWithoutEventMessagesTheWidestFiveShow(t *testing.T) {
	f := newFixture(t)
	tm, err := sessions.BuiltinTemplate(sessions.DefaultTemplate)
	f.must(err)
	id, err := f.eng.CreateEvent(f.ctx, "organiser", tm, sessions.NewEvent{TablesPerArea: 2})
	f.must(err)
	b, err := f.eng.Board(f.ctx, id)
	f.must(err)
	for i, g := range b.Groups {
		f.goTo(g.ID, "key-messages")
		msgs := []sessions.MessageInput{{Kind: model.KindMessage, Text: fmt.Sprintf("Only table %d says this", i+1)}}
		if i%2 == 0 {
			msgs = append(msgs, sessions.MessageInput{Kind: model.KindMessage, Text: "Fund shared estates"})
		}
		if i < 3 {
			msgs = append(msgs, sessions.MessageInput{Kind: model.KindMessage, Text: "share  BACK offices"})
		}
		_, err := f.eng.SetKeyMessages(f.ctx, "reporter", g.ID, msgs)
		f.must(err)
	}
	x, err := Make(f.ctx, f.eng, id, Scope{}, FormatMarkdown)
	f.must(err)
	md := string(x.Data)
	key := md[strings.Index(md, "## Key messages"):strings.Index(md, "## Programme")]
	if !strings.Contains(key, "*No event key messages have been chosen yet; these are the tables' messages raised most widely.*") {
		t.Errorf("the report does not say that no event messages were chosen:\n%s", key)
	}
	if n := strings.Count(key, "\n1. ") + strings.Count(key, "\n2. ") + strings.Count(key, "\n3. ") + strings.Count(key, "\n4. ") + strings.Count(key, "\n5. ") + strings.Count(key, "\n6. "); n != 5 {
		t.Errorf("%d messages under Key messages, want the five raised most widely:\n%s", n, key)
	}
	if !strings.Contains(key, "1. Fund shared estates — *chosen by 5 tables (NCL Table 1; NEL Table 3; NWL Table 5; SEL Table 7; SWL Table 9)*") ||
		!strings.Contains(key, "2. share BACK offices — *chosen by 3 tables") && !strings.Contains(key, "2. share  BACK offices — *chosen by 3 tables") {
		t.Errorf("the widest messages do not come first, merged:\n%s", key)
	}
}
