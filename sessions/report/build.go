package report

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"forum/model"
	"forum/sessions"
)

// Scope narrows a report to one area (by code) or one table (by id); the
// zero Scope is the whole event.
type Scope struct {
	Area  string
	Table model.ID
}

// ErrScope is returned when the scope names no area or table of the event.
var ErrScope = errors.New("no such area or table in this event")

// builder appends blocks to a document; single is set for a report on one
// table.
type builder struct {
	doc    Doc
	single bool
	// briefs are the areas' syntheses, by area id (none for one table).
	briefs map[model.ID]sessions.AreaSynthesis
}

func (b *builder) add(k Block) { b.doc.Blocks = append(b.doc.Blocks, k) }

func (b *builder) heading(level int, id, text string) {
	b.add(Block{Kind: Heading, Level: level, ID: id, Spans: []Span{Text(text)}})
}

func (b *builder) para(spans ...Span) { b.add(Block{Kind: Para, Spans: spans}) }

// Build makes the report for a snapshot: the whole event, or the scope's
// area or table. References (NCL/T1/4) are the same whatever the scope.
func Build(snap sessions.Snapshot, scope Scope) (Doc, error) {
	ref := Refs(snap)
	part, covers, err := narrow(snap, scope)
	if err != nil {
		return Doc{}, err
	}
	ev := snap.Event
	author := ev.Chair
	if strings.TrimSpace(author) == "" {
		author = "forum"
	}
	b := &builder{doc: Doc{Title: ev.Title, Scope: covers, AsOf: AsOf(snap), Updated: updated(snap), Author: author, Paper: ev.PaperSize()}, single: scope.Table != ""}
	areas := byArea(part)
	label := areaLabel(ev)
	if !b.single {
		b.briefs = syntheses(part, areas)
	}

	if ev.Illustrative {
		b.add(Block{Kind: Notice, Spans: []Span{Strong(sessions.DemoNotice)}})
	}
	facts := [][]Span{{Strong("Date: "), Text(longDate(ev.Date))}}
	if ev.Venue != "" {
		facts = append(facts, []Span{Strong("Venue: "), Text(ev.Venue)})
	}
	if ev.Chair != "" {
		facts = append(facts, []Span{Strong("Chair: "), Text(ev.Chair)})
	}
	took := "no table has met yet"
	var met []model.Group
	metAreas := 0
	for _, at := range areas {
		if gs := metGroups(at.Tables); len(gs) > 0 {
			met, metAreas = append(met, gs...), metAreas+1
		}
	}
	if len(met) > 0 {
		took = fmt.Sprintf("%s in %s, %s", plural(len(met), "table", "tables"), plural(metAreas, label, label+"s"), plural(participants(met), "participant", "participants"))
	}
	facts = append(facts,
		[]Span{Strong("Who took part: "), Text(took)},
		[]Span{Strong("This report covers: "), Text(covers)},
		[]Span{Strong("Data as of: "), Text(b.doc.AsOf)})
	b.add(Block{Kind: Bullets, Items: facts})
	if len(ev.Aims) > 0 {
		b.heading(1, "aims", "Aims")
		var items [][]Span
		for _, a := range ev.Aims {
			items = append(items, []Span{Text(a)})
		}
		b.add(Block{Kind: Numbered, Items: items})
	}

	b.keyMessages(part, ref, scope == Scope{})
	b.crossCutting(snap, part, ref)
	b.context(ev, part, areas)
	b.method(ev, areas)
	b.heading(1, "by-area", "By "+label)
	for _, at := range areas {
		b.area(at, ref)
	}
	b.diverged(areas)
	b.appendix(areas, ref)
	return b.doc, nil
}

// narrow cuts the snapshot down to the scope, and says what it covers.
func narrow(snap sessions.Snapshot, scope Scope) (sessions.Snapshot, string, error) {
	if scope.Area == "" && scope.Table == "" {
		return snap, "the whole event", nil
	}
	out := snap
	out.Areas, out.Groups = nil, nil
	covers := ""
	for _, g := range snap.Groups {
		a := areaOf(snap, g.AreaID)
		if (scope.Table != "" && g.ID == scope.Table) || (scope.Table == "" && strings.EqualFold(a.Code, scope.Area)) {
			out.Groups = append(out.Groups, g)
			if len(out.Areas) == 0 || out.Areas[len(out.Areas)-1].ID != a.ID {
				out.Areas = append(out.Areas, a)
			}
			covers = a.Label()
			if scope.Table != "" {
				covers += ", " + g.Name
			}
		}
	}
	if scope.Table == "" && len(out.Areas) == 0 {
		for _, a := range snap.Areas { // an area without tables
			if strings.EqualFold(a.Code, scope.Area) {
				out.Areas, covers = []model.Area{a}, a.Label()
			}
		}
	}
	if len(out.Areas) == 0 {
		what := "area " + scope.Area
		if scope.Table != "" {
			what = "table " + scope.Table.Short()
		}
		return out, "", fmt.Errorf("%s: %w", what, ErrScope)
	}
	return out, covers, nil
}

func areaOf(snap sessions.Snapshot, id model.ID) model.Area {
	for _, a := range snap.Areas {
		if a.ID == id {
			return a
		}
	}
	return model.Area{}
}

// AsOf is when the data last changed, "25 January 2018, 12:40 UTC": the
// one time the report states, so that the same data gives the same bytes.
func AsOf(snap sessions.Snapshot) string {
	return updated(snap).Format("2 January 2006, 15:04 UTC")
}

// updated is when the event's data last changed, in UTC.
func updated(snap sessions.Snapshot) time.Time {
	t := snap.Event.UpdatedAt
	later := func(u time.Time) {
		if u.After(t) {
			t = u
		}
	}
	for _, a := range snap.Areas {
		later(a.UpdatedAt)
	}
	for _, g := range snap.Groups {
		later(g.UpdatedAt)
	}
	for _, c := range snap.Contributions {
		later(c.UpdatedAt)
	}
	for _, v := range snap.Votes {
		later(v.UpdatedAt)
	}
	for _, n := range snap.NextSteps {
		later(n.UpdatedAt)
	}
	for _, k := range snap.KeyMessages {
		later(k.UpdatedAt)
	}
	return t.UTC()
}

func areaLabel(ev model.Event) string {
	if ev.AreaLabel == "" {
		return "Area"
	}
	return ev.AreaLabel
}
