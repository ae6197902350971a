package sessions

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"forum/model"
	"forum/storage"
)

// NewEvent are the choices when starting an event from a template.
type NewEvent struct {
	// Title and Date override the template's when not empty.
	Title string
	Date  string
	// TablesPerArea is how many tables each area gets (at least 1).
	TablesPerArea int
	// Illustrative marks demo data.
	Illustrative bool
}

// EventFromTemplate builds (without storing) an event, its areas and tables
// from a template.
func EventFromTemplate(t Template, opts NewEvent, now time.Time) (model.Event, []model.Area, []model.Group, error) {
	ev := model.Event{
		ID: model.NewID(), Title: t.Event.Title, Date: t.Event.Date, Venue: t.Event.Venue,
		Chair: t.Event.Chair, Aims: append([]string(nil), t.Event.Aims...), AreaLabel: t.Event.AreaLabel,
		Template: t.Name, Illustrative: opts.Illustrative, ProgrammeAt: -1,
		Dots: model.DotRules{Budget: t.Votes.Dots, Cap: t.Votes.Cap}, VoteMethod: voteMethodOr(t.Votes.Method),
		Stamp: model.NewStamp(now),
	}
	ev.Paper, _ = model.ParsePaper(t.Event.Paper) // validated with the template; A4 otherwise
	if opts.Title != "" {
		c, err := model.Clean(opts.Title, model.TitleRule)
		if err != nil {
			return ev, nil, nil, fmt.Errorf("title: %w", err)
		}
		ev.Title = c.Text
	}
	if err := model.CheckDate(opts.Date); err != nil {
		return ev, nil, nil, fmt.Errorf("date: %w", err)
	}
	if opts.Date != "" {
		ev.Date = opts.Date
	}
	if ev.Date == "" {
		ev.Date = now.Format("2006-01-02")
	}
	if ev.AreaLabel == "" {
		ev.AreaLabel = "Area"
	}
	for _, p := range t.Programme {
		talk := model.Talk{Title: p.Title, Starts: p.Starts, Kind: p.Kind}
		for _, s := range p.Speakers {
			talk.Speakers = append(talk.Speakers, model.Speaker{Name: s.Name, Role: s.Role})
		}
		ev.Programme = append(ev.Programme, talk)
	}
	ev.Maturity = model.Maturity{Levels: slices.Clone(t.Maturity.Levels)}
	for _, d := range t.Maturity.Dimensions {
		ev.Maturity.Dimensions = append(ev.Maturity.Dimensions, model.MaturityDimension{Name: d.Name, Descriptors: slices.Clone(d.Descriptors)})
	}
	for _, tag := range t.Tags {
		ev.Tags = append(ev.Tags, strings.ToLower(strings.TrimSpace(tag)))
	}
	for _, s := range t.Stages {
		ev.Stages = append(ev.Stages, model.Stage{Key: s.Key, Title: s.Title, Prompts: append([]string(nil), s.Prompts...),
			Minutes: s.Minutes, Activity: model.Activity(s.Activity), Notes: s.Notes})
	}
	n := opts.TablesPerArea
	if n < 1 {
		n = 1
	}
	var areas []model.Area
	var groups []model.Group
	table := 0
	for i, a := range t.Areas {
		area := model.Area{ID: model.NewID(), EventID: ev.ID, Position: i, Code: strings.ToUpper(strings.TrimSpace(a.Code)),
			Name: a.Name, Places: append([]string(nil), a.Places...), Stamp: model.NewStamp(now)}
		areas = append(areas, area)
		for j := 0; j < n; j++ {
			table++
			groups = append(groups, model.Group{ID: model.NewID(), EventID: ev.ID, AreaID: area.ID,
				Name: fmt.Sprintf("Table %d", table), Participants: 8, StageKey: ev.Stages[0].Key, Stamp: model.NewStamp(now)})
		}
	}
	return ev, areas, groups, nil
}

// CreateEvent stores a new event made from a template and returns its id.
func (e *Engine) CreateEvent(ctx context.Context, actor string, t Template, opts NewEvent) (model.ID, error) {
	if err := allow(ctx, needOrganise, ""); err != nil {
		return "", err
	}
	ev, areas, groups, err := EventFromTemplate(t, opts, e.Now())
	if err != nil {
		return "", err
	}
	err = e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		if err := tx.InsertEvent(ev); err != nil {
			return err
		}
		if err := putAreaRound(tx, ev.ID, t.AreaRound); err != nil {
			return err
		}
		for _, a := range areas {
			if err := tx.InsertArea(a); err != nil {
				return err
			}
		}
		for _, g := range groups {
			if err := tx.InsertGroup(g); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("creating the event: %w", err)
	}
	return ev.ID, nil
}

func voteMethodOr(m string) string {
	if p, ok := model.ParsePriorityMethod(m); ok {
		return p
	}
	return model.MethodDots
}
