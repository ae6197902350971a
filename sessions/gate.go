package sessions

import (
	"fmt"
	"time"

	"forum/model"
)

// The gate: every value that comes from outside forum (an import, a
// template file) passes here once, whatever the door. Numbers must lie in
// the ranges set-up allows, and every free-text field must be text that
// model.Clean leaves as it is, under the rule set-up cleans that field
// with: text forum would have changed is refused, so what is stored is
// what every screen shows, and no terminal escape reaches a seat.

// The rules of fields that set-up cleans inline, named here once for the
// gate.
var (
	labelRule    = model.TextRule{Field: "area label", Max: 40}
	venueRule    = model.TextRule{Field: "venue", Max: 200}
	chairRule    = model.TextRule{Field: "chair", Max: 300}
	aimRule      = model.TextRule{Field: "aim", Max: 500}
	speakerRule  = model.TextRule{Field: "speaker", Max: 120}
	roleRule     = model.TextRule{Field: "speaker's role", Max: 300}
	areaRule     = model.TextRule{Field: "area name", Max: 120}
	placeRule    = model.TextRule{Field: "place", Max: 120}
	tableRule    = model.TextRule{Field: "table name", Max: 60}
	authorRule   = model.TextRule{Field: "who said it", Max: 40}
	ownerRule    = model.TextRule{Field: "owner", Max: 200}
	byWhenRule   = model.TextRule{Field: "by when", Max: 100}
	assistRule   = model.TextRule{Field: "what would assist", Max: 500}
	keyRule      = model.TextRule{Field: "key", Max: 40}
	promptRule   = model.TextRule{Field: "prompt", Max: 1000, Multiline: true}
	stageNotes   = model.TextRule{Field: "facilitator's notes", Max: 4000, Multiline: true}
	tagRule      = model.TextRule{Field: "tag", Max: 30}
	levelRule    = model.TextRule{Field: "maturity level", Max: 120}
	describeRule = model.TextRule{Field: "descriptor", Max: 1000, Multiline: true}
	codeRule     = model.TextRule{Field: "code", Max: 40}
)

// gate collects the first refusal; its checks do nothing once one failed.
type gate struct{ err error }

func (g *gate) fail(path, format string, a ...any) {
	if g.err == nil {
		g.err = fmt.Errorf("%s: "+format, append([]any{path}, a...)...)
	}
}

// text refuses s unless model.Clean keeps it as it is under r (apart from
// the Required check, which the record's own checks make).
func (g *gate) text(path, s string, r model.TextRule) {
	if g.err != nil {
		return
	}
	r.Required = false
	c, err := model.Clean(s, r)
	switch {
	case err != nil:
		g.fail(path, "%v", err)
	case c.Text != s:
		if c.Notice() == "" {
			g.fail(path, "has spaces at the start or end of a line, which forum does not store")
		} else {
			g.fail(path, "holds characters forum does not store (%s)", c.Notice())
		}
	}
}

func (g *gate) texts(path string, ss []string, r model.TextRule) {
	for i, s := range ss {
		g.text(fmt.Sprintf("%s[%d]", path, i), s, r)
	}
}

// in refuses n outside lo..hi.
func (g *gate) in(path string, n, lo, hi int) {
	if n < lo || n > hi {
		g.fail(path, "%d: expected a number from %d to %d", n, lo, hi)
	}
}

func (g *gate) check(path string, err error) {
	if err != nil {
		g.fail(path, "%v", err)
	}
}

// gateEvent checks an event's own fields, its script and its models.
func (g *gate) gateEvent(ev model.Event) {
	g.text("event.Title", ev.Title, model.TitleRule)
	g.text("event.Venue", ev.Venue, venueRule)
	g.text("event.Chair", ev.Chair, chairRule)
	g.texts("event.Aims", ev.Aims, aimRule)
	g.text("event.AreaLabel", ev.AreaLabel, labelRule)
	g.text("event.Template", ev.Template, model.NameRule)
	g.texts("event.Tags", ev.Tags, tagRule)
	g.in("event.ProgrammeAt", ev.ProgrammeAt, -1, len(ev.Programme)-1)
	for i, t := range ev.Programme {
		p := fmt.Sprintf("event.Programme[%d]", i)
		g.text(p+".Title", t.Title, model.ShortRule)
		g.check(p+".Starts", model.CheckTime(t.Starts))
		if t.Kind != "" {
			g.check(p+".Kind", model.CheckTalkKind(t.Kind))
		}
		for j, s := range t.Speakers {
			g.text(fmt.Sprintf("%s.Speakers[%d].Name", p, j), s.Name, speakerRule)
			g.text(fmt.Sprintf("%s.Speakers[%d].Role", p, j), s.Role, roleRule)
		}
	}
	g.in("event.Dots.Budget", ev.Dots.Budget, 0, model.MaxDots)
	g.in("event.Dots.Cap", ev.Dots.Cap, 0, model.MaxDots)
	g.in("event.Stages", len(ev.Stages), 1, model.MaxStages)
	for i, s := range ev.Stages {
		g.stage(fmt.Sprintf("event.Stages[%d]", i), s.Key, s.Title, s.Notes, s.Prompts, s.Minutes)
	}
	g.maturity("event.Maturity", ev.Maturity)
}

func (g *gate) stage(p, key, title, notes string, prompts []string, minutes int) {
	g.text(p+".Key", key, keyRule)
	g.text(p+".Title", title, model.TitleRule)
	g.texts(p+".Prompts", prompts, promptRule)
	g.text(p+".Notes", notes, stageNotes)
	g.check(p+".Minutes", model.CheckMinutes(minutes))
}

func (g *gate) maturity(p string, m model.Maturity) {
	g.in(p+".Levels", len(m.Levels), 0, 10)
	g.in(p+".Dimensions", len(m.Dimensions), 0, 30)
	g.texts(p+".Levels", m.Levels, levelRule)
	for i, d := range m.Dimensions {
		g.text(fmt.Sprintf("%s.Dimensions[%d].Name", p, i), d.Name, levelRule)
		g.texts(fmt.Sprintf("%s.Dimensions[%d].Descriptors", p, i), d.Descriptors, describeRule)
	}
}

// maxPause bounds a stored pause: no stage is paused for longer than a day.
const maxPause = 24 * time.Hour

// gateExchange passes a whole import through the gate.
func gateExchange(x Exchange) error {
	var g gate
	g.gateEvent(x.Event)
	for i, a := range x.Areas {
		p := fmt.Sprintf("areas[%d]", i)
		g.in(p+".Position", a.Position, 0, 10000)
		g.text(p+".Name", a.Name, areaRule)
		g.texts(p+".Places", a.Places, placeRule)
	}
	for i, t := range x.Tables {
		p := fmt.Sprintf("tables[%d]", i)
		g.text(p+".Name", t.Name, tableRule)
		g.text(p+".Facilitator", t.Facilitator, model.NameRule)
		g.text(p+".Scribe", t.Scribe, model.NameRule)
		g.text(p+".Reporter", t.Reporter, model.NameRule)
		g.check(p+".Participants", model.CheckParticipants(t.Participants))
		g.in(p+".ExtraMinutes", t.ExtraMinutes, 0, MaxExtraMinutes)
		if t.PausedFor < 0 || t.PausedFor > maxPause {
			g.fail(p+".PausedFor", "%v: expected a pause from 0 to %v", t.PausedFor, maxPause)
		}
		g.texts(p+".LockedStages", t.LockedStages, keyRule)
	}
	for i, c := range x.Contributions {
		p := fmt.Sprintf("contributions[%d]", i)
		g.text(p+".Author", c.Author, authorRule)
		g.texts(p+".Tags", c.Tags, tagRule)
	}
	for i, v := range x.Votes {
		p := fmt.Sprintf("votes[%d]", i)
		g.check(p+".Value", model.CheckVoteValue(v.Method, v.Value))
		if !validVoter(v.Voter) {
			g.fail(p+".Voter", "%q: expected a voter code P1 to P1000, or paper", v.Voter)
		}
	}
	for i, n := range x.NextSteps {
		p := fmt.Sprintf("next_steps[%d]", i)
		g.text(p+".Owner", n.Owner, ownerRule)
		g.text(p+".ByWhen", n.ByWhen, byWhenRule)
		g.text(p+".Enabler", n.Enabler, tagRule)
		g.text(p+".Assist", n.Assist, assistRule)
	}
	for i, k := range x.KeyMessages {
		g.in(fmt.Sprintf("key_messages[%d].Position", i), k.Position, 0, 100)
	}
	for i, r := range x.Ratings {
		g.text(fmt.Sprintf("maturity_ratings[%d].Rater", i), r.Rater, codeRule)
	}
	for i, r := range x.Rounds {
		p := fmt.Sprintf("vote_rounds[%d]", i)
		g.in(p+".Round", r.Round, 1, 1000)
		g.in(p+".Rules.Budget", r.Rules.Budget, 0, model.MaxDots*model.MaxParticipants)
		g.in(p+".Rules.Cap", r.Rules.Cap, 0, model.MaxDots*model.MaxParticipants)
		g.in(p+".Voters", r.Voters, 0, model.MaxParticipants)
	}
	return g.err
}

// gateTemplate passes a template file through the gate.
func gateTemplate(t Template) error {
	var g gate
	g.text("name", t.Name, model.NameRule)
	g.text("description", t.Description, model.ShortRule)
	e := t.Event
	g.text("event.title", e.Title, model.TitleRule)
	g.text("event.venue", e.Venue, venueRule)
	g.text("event.chair", e.Chair, chairRule)
	g.text("event.area_label", e.AreaLabel, labelRule)
	g.texts("event.aims", e.Aims, aimRule)
	g.in("votes.dots", t.Votes.Dots, 0, model.MaxDots)
	g.in("votes.cap", t.Votes.Cap, 0, model.MaxDots)
	for i, p := range t.Programme {
		w := fmt.Sprintf("programme[%d]", i+1)
		g.text(w+".title", p.Title, model.ShortRule)
		g.check(w+".starts", model.CheckTime(p.Starts))
		if p.Kind != "" {
			g.check(w+".kind", model.CheckTalkKind(p.Kind))
		}
		for j, s := range p.Speakers {
			g.text(fmt.Sprintf("%s.speakers[%d].name", w, j+1), s.Name, speakerRule)
			g.text(fmt.Sprintf("%s.speakers[%d].role", w, j+1), s.Role, roleRule)
		}
	}
	for i, a := range t.Areas {
		w := fmt.Sprintf("areas[%d]", i+1)
		g.text(w+".name", a.Name, areaRule)
		g.texts(w+".places", a.Places, placeRule)
	}
	g.in("stages", len(t.Stages), 1, model.MaxStages)
	for i, s := range t.Stages {
		g.stage(fmt.Sprintf("stages[%d]", i+1), s.Key, s.Title, s.Notes, s.Prompts, s.Minutes)
	}
	g.texts("tags", t.Tags, tagRule)
	g.maturity("maturity", t.Maturity)
	return g.err
}
