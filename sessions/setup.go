package sessions

import (
	"context"
	"fmt"
	"strings"

	"forum/model"
)

// Details are an event's own fields that the set-up screen edits.
type Details struct {
	Title     string
	Date      string // YYYY-MM-DD
	Venue     string
	Chair     string
	AreaLabel string // what an area is called: "STP", later "ICS"
	Aims      []string
	// Paper is the report's page size, "A4" or "Letter" (any case; empty
	// keeps the event's).
	Paper string
}

// DetailsOf reads the editable fields of an event.
func DetailsOf(ev model.Event) Details {
	return Details{Title: ev.Title, Date: ev.Date, Venue: ev.Venue, Chair: ev.Chair, AreaLabel: ev.AreaLabel,
		Aims: append([]string(nil), ev.Aims...), Paper: ev.PaperSize()}
}

// SetDetails checks and stores an event's title, date, venue, chair, area
// label, aims (empty aims are dropped) and paper size (empty keeps it). It returns a sentence when text
// had to be cleaned.
func (e *Engine) SetDetails(ctx context.Context, actor string, id model.ID, d Details) (string, error) {
	if err := allow(ctx, needOrganise, ""); err != nil {
		return "", err
	}
	title, err := clean(d.Title, model.TitleRule)
	if err != nil {
		return "", err
	}
	date := strings.TrimSpace(d.Date)
	if date == "" {
		return "", fmt.Errorf("not saved: the date is required (YYYY-MM-DD)")
	}
	if err := model.CheckDate(date); err != nil {
		return "", fmt.Errorf("not saved: %w", err)
	}
	label, err := clean(d.AreaLabel, model.TextRule{Field: "area label", Max: 40, Required: true})
	if err != nil {
		return "", err
	}
	venue, err := clean(d.Venue, model.TextRule{Field: "venue", Max: 200})
	if err != nil {
		return "", err
	}
	chair, err := clean(d.Chair, model.TextRule{Field: "chair", Max: 300})
	if err != nil {
		return "", err
	}
	paper, err := model.ParsePaper(d.Paper)
	if err != nil {
		return "", fmt.Errorf("not saved: %w", err)
	}
	keepPaper := strings.TrimSpace(d.Paper) == ""
	cleaned := []model.Cleaned{title, label, venue, chair}
	var aims []string
	for _, a := range d.Aims {
		c, err := clean(a, model.TextRule{Field: "aim", Max: 500})
		if err != nil {
			return "", err
		}
		if c.Text != "" {
			aims = append(aims, c.Text)
			cleaned = append(cleaned, c)
		}
	}
	err = e.changeEvent(ctx, actor, id, func(ev *model.Event) error {
		ev.Title, ev.Date, ev.Venue, ev.Chair, ev.AreaLabel, ev.Aims = title.Text, date, venue.Text, chair.Text, label.Text, aims
		if !keepPaper {
			ev.Paper = paper
		}
		return nil
	})
	return notices(cleaned...), err
}

// SetDotRules sets the event's dot-voting rules: dots per participant (0:
// about a third of the items on the vote) and the most dots one participant
// may put on one item (0: no cap).
func (e *Engine) SetDotRules(ctx context.Context, actor string, id model.ID, r model.DotRules) error {
	return e.SetVoteRules(ctx, actor, id, model.MethodDots, r)
}

// SetVoteRules sets how the event's tables vote on priorities: the method
// (dots, approval or ranking, see model.ParsePriorityMethod) and, for dots,
// the rules. Rounds already held, or open with ballots, keep the method and
// rules they ran under: the change applies to each table's next round.
func (e *Engine) SetVoteRules(ctx context.Context, actor string, id model.ID, method string, r model.DotRules) error {
	m, ok := model.ParsePriorityMethod(method)
	if !ok {
		return fmt.Errorf("not saved: the method is %s, not %q", model.PriorityMethodNames, method)
	}
	method = m
	if err := allow(ctx, needOrganise, ""); err != nil {
		return err
	}
	if err := model.CheckDots(r.Budget); err != nil {
		return fmt.Errorf("not saved: dots per participant %w", err)
	}
	if err := model.CheckDots(r.Cap); err != nil {
		return fmt.Errorf("not saved: the cap per item %w", err)
	}
	return e.changeEvent(ctx, actor, id, func(ev *model.Event) error {
		ev.Dots, ev.VoteMethod = r, method
		return nil
	})
}

// CleanTalk checks a programme item and returns it cleaned: a title is
// required, the start is HH:MM or empty, the kind one of model.TalkKinds.
func CleanTalk(t model.Talk) (model.Talk, string, error) {
	title, err := clean(t.Title, model.TitleRule)
	if err != nil {
		return t, "", err
	}
	out := model.Talk{Title: title.Text, Starts: strings.TrimSpace(t.Starts), Kind: strings.ToLower(strings.TrimSpace(t.Kind))}
	if out.Kind == "" {
		out.Kind = "talk"
	}
	if err := model.CheckTime(out.Starts); err != nil {
		return t, "", fmt.Errorf("not saved: %w", err)
	}
	if err := model.CheckTalkKind(out.Kind); err != nil {
		return t, "", fmt.Errorf("not saved: %w", err)
	}
	cleaned := []model.Cleaned{title}
	for _, s := range t.Speakers {
		name, err := clean(s.Name, model.TextRule{Field: "speaker", Max: 120, Required: true})
		if err != nil {
			return t, "", err
		}
		role, err := clean(s.Role, model.TextRule{Field: "speaker's role", Max: 300})
		if err != nil {
			return t, "", err
		}
		out.Speakers = append(out.Speakers, model.Speaker{Name: name.Text, Role: role.Text})
		cleaned = append(cleaned, name, role)
	}
	return out, notices(cleaned...), nil
}

// SaveTalk stores programme item at (a new item at the end when at is -1 or
// past the end). It returns where the item is and a cleaning notice.
func (e *Engine) SaveTalk(ctx context.Context, actor string, id model.ID, at int, t model.Talk) (int, string, error) {
	if err := allow(ctx, needOrganise, ""); err != nil {
		return at, "", err
	}
	talk, notice, err := CleanTalk(t)
	if err != nil {
		return at, "", err
	}
	err = e.changeEvent(ctx, actor, id, func(ev *model.Event) error {
		if at < 0 || at >= len(ev.Programme) {
			at = len(ev.Programme)
			ev.Programme = append(ev.Programme, talk)
			return nil
		}
		ev.Programme[at] = talk
		return nil
	})
	return at, notice, err
}

// RemoveTalk removes programme item at; the chair's marker stays on the
// item it was on (or moves to the one before, when that item goes).
func (e *Engine) RemoveTalk(ctx context.Context, actor string, id model.ID, at int) error {
	if err := allow(ctx, needOrganise, ""); err != nil {
		return err
	}
	return e.changeEvent(ctx, actor, id, func(ev *model.Event) error {
		if at < 0 || at >= len(ev.Programme) {
			return fmt.Errorf("there is no item %d on the programme", at+1)
		}
		ev.Programme = append(ev.Programme[:at], ev.Programme[at+1:]...)
		if ev.ProgrammeAt >= at {
			ev.ProgrammeAt = max(ev.ProgrammeAt-1, -1)
		}
		return nil
	})
}

// MoveTalk moves programme item at by delta places (-1 up, +1 down); the
// chair's marker moves with the item it is on.
func (e *Engine) MoveTalk(ctx context.Context, actor string, id model.ID, at, delta int) (int, error) {
	if err := allow(ctx, needOrganise, ""); err != nil {
		return at, err
	}
	to := at + delta
	err := e.changeEvent(ctx, actor, id, func(ev *model.Event) error {
		if at < 0 || at >= len(ev.Programme) || to < 0 || to >= len(ev.Programme) {
			return fmt.Errorf("the item is already at the %s", map[bool]string{true: "top", false: "end"}[delta < 0])
		}
		p := ev.Programme
		p[at], p[to] = p[to], p[at]
		switch ev.ProgrammeAt {
		case at:
			ev.ProgrammeAt = to
		case to:
			ev.ProgrammeAt = at
		}
		return nil
	})
	if err != nil {
		return at, err
	}
	return to, nil
}
