package sessions

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"forum/model"
)

// Evidence is where a point came from: how many areas and tables the notes
// behind it were captured at, out of how many. It is a count, not a vote.
type Evidence struct {
	Areas, Tables, AllAreas, AllTables int
}

// String is "raised by 3 of 5 STPs, 4 of 10 tables".
func (e Evidence) String(areaLabel string) string {
	if areaLabel == "" {
		areaLabel = "Area"
	}
	return fmt.Sprintf("raised by %d of %d %ss, %d of %d tables", e.Areas, e.AllAreas, areaLabel, e.Tables, e.AllTables)
}

// EvidenceOf counts the areas and tables of the live notes ids.
func EvidenceOf(snap Snapshot, ids []model.ID) Evidence {
	want := map[model.ID]bool{}
	for _, id := range ids {
		want[id] = true
	}
	area := map[model.ID]model.ID{}
	for _, g := range snap.Groups {
		area[g.ID] = g.AreaID
	}
	tables, areas := map[model.ID]bool{}, map[model.ID]bool{}
	for _, c := range snap.Contributions {
		if want[c.ID] && !c.Deleted() {
			if a, ok := area[c.GroupID]; ok {
				tables[c.GroupID], areas[a] = true, true
			}
		}
	}
	return Evidence{Areas: len(areas), Tables: len(tables), AllAreas: len(snap.Areas), AllTables: len(snap.Groups)}
}

// Plenary is what the chair's dashboard shows: every area's tables side by
// side, the event's own key messages with their evidence, and the tables'
// messages and priorities to build them from.
type Plenary struct {
	Event    model.Event
	Areas    []PlenaryArea
	Messages []model.KeyMessage
	Evidence map[model.ID]Evidence // by message id
	// Suggestions are the tables' key messages and top priorities.
	Suggestions []Suggestion
	// Cross are the cross-cutting themes the organiser linked.
	Cross []CrossTheme
}

// PlenaryArea is one area and its tables' views.
type PlenaryArea struct {
	Area   model.Area
	Tables []TableView
	// Synthesis is the area's synthesis (the area round).
	Synthesis AreaSynthesis
}

// Suggestion is a point a table made, for the event's key messages.
type Suggestion struct {
	Label   string
	Text    string
	Sources []model.ID
}

// Plenary reads the chair's dashboard for an event.
func (e *Engine) Plenary(ctx context.Context, eventID model.ID) (Plenary, error) {
	if err := allow(ctx, needReadAll, ""); err != nil {
		return Plenary{}, err
	}
	snap, err := e.live.snapshot(ctx, eventID)
	if err != nil {
		return Plenary{}, fmt.Errorf("reading the event: %w", err)
	}
	return PlenaryOf(snap), nil
}

// PlenaryOf builds the dashboard from a snapshot.
func PlenaryOf(snap Snapshot) Plenary {
	p := Plenary{Event: snap.Event, Evidence: map[model.ID]Evidence{}}
	views := TableViews(snap)
	for _, a := range snap.Areas {
		pa := PlenaryArea{Area: a}
		for _, g := range snap.Groups {
			if g.AreaID != a.ID {
				continue
			}
			v, ok := views[g.ID]
			if !ok {
				continue
			}
			pa.Tables = append(pa.Tables, v)
			where := a.Code + " " + g.Name
			for _, k := range v.KeyMessages {
				kind := "message"
				if k.Kind == model.KindAsk {
					kind = "ask"
				}
				p.Suggestions = append(p.Suggestions, Suggestion{Label: where + " " + kind + ": " + k.Text, Text: k.Text, Sources: k.Sources})
			}
			for _, pr := range v.Priorities[:min(3, len(v.Priorities))] {
				if pr.Dots > 0 {
					p.Suggestions = append(p.Suggestions, Suggestion{Label: fmt.Sprintf("%s priority, %d dots: %s", where, pr.Dots, pr.Note.Text),
						Text: pr.Note.Text, Sources: pr.Sources})
				}
			}
		}
		pa.Synthesis = AreaSynthesisOf(snap, views, a)
		p.Suggestions = append(p.Suggestions, areaSuggestions(pa.Synthesis)...)
		p.Areas = append(p.Areas, pa)
	}
	for _, k := range snap.KeyMessages {
		if k.GroupID == "" {
			p.Messages = append(p.Messages, k)
			p.Evidence[k.ID] = EvidenceOf(snap, k.Sources)
		}
	}
	p.Suggestions = mergeSuggestions(snap, p.Suggestions)
	p.Cross = CrossCutting(snap)
	return p
}

// mergeSuggestions joins the points several tables made in the same words
// (ignoring case and spacing), with all their notes, and puts the most
// widely raised first.
func mergeSuggestions(snap Snapshot, in []Suggestion) []Suggestion {
	type merged struct {
		Suggestion
		where []string
		ev    Evidence
		first int
	}
	byText := map[string]*merged{}
	var order []*merged
	for i, s := range in {
		k := strings.ToLower(strings.Join(strings.Fields(s.Text), " "))
		where, _, _ := strings.Cut(s.Label, ":")
		m := byText[k]
		if m == nil {
			m = &merged{Suggestion: Suggestion{Text: s.Text}, first: i}
			byText[k] = m
			order = append(order, m)
		}
		m.where = append(m.where, where)
		for _, id := range s.Sources {
			if !slices.Contains(m.Sources, id) {
				m.Sources = append(m.Sources, id)
			}
		}
	}
	for _, m := range order {
		m.ev = EvidenceOf(snap, m.Sources)
		m.Label = strings.Join(m.where, "; ") + ": " + m.Text
		if m.ev.Tables > 1 {
			m.Label = fmt.Sprintf("%d tables, %d areas: %s", m.ev.Tables, m.ev.Areas, m.Text)
		}
	}
	sort.SliceStable(order, func(i, j int) bool {
		if order[i].ev.Areas != order[j].ev.Areas {
			return order[i].ev.Areas > order[j].ev.Areas
		}
		return order[i].ev.Tables > order[j].ev.Tables
	})
	out := make([]Suggestion, len(order))
	for i, m := range order {
		out[i] = m.Suggestion
	}
	return out
}
