package tui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"forum/model"
	"forum/sessions"
)

// textCheck checks a field as typed with a text rule.
func textCheck(rule model.TextRule) func(string) error {
	return func(v string) error { _, err := model.Clean(v, rule); return err }
}

// numberCheck checks a field holds a whole number that ok accepts.
func numberCheck(ok func(int) error) func(string) error {
	return func(v string) error {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil {
			return errors.New("write a whole number, e.g. 3")
		}
		return ok(n)
	}
}

// checked refuses to save while a field fails its check.
func checked(save func(f *formModel) tea.Cmd) func(f *formModel) tea.Cmd {
	return func(f *formModel) tea.Cmd {
		if err := f.firstProblem(); err != nil {
			f.err = err.Error()
			return nil
		}
		return save(f)
	}
}

// detailsForm edits the event's title, date, venue, chair, area label,
// paper size and aims.
func (a *App) detailsForm() formModel {
	eng, ctx, actor, ev := a.eng, a.ctx, a.actor, a.setup.Event
	d := sessions.DetailsOf(ev)
	f := formModel{
		title: "Event details",
		intro: []string{"What the report's first page says. \"Areas are called\" names the groups of tables: STP in 2018, ICS since 2022. Paper is the printed report's page size (A4 or Letter). Leave an aim empty to drop it."},
		fields: []field{newField("Title", d.Title, "the event's title"), newField("Date", d.Date, "YYYY-MM-DD"),
			newField("Venue", d.Venue, "where it is held"), newField("Chair", d.Chair, "name, role"),
			newField("Areas are called", d.AreaLabel, "e.g. STP, ICS, Borough, Team"),
			newField("Paper", d.Paper, "A4 or Letter: the printed report's page size")},
		check: []func(string) error{textCheck(model.TitleRule), func(v string) error {
			if strings.TrimSpace(v) == "" {
				return errors.New("the date is required: write YYYY-MM-DD")
			}
			return model.CheckDate(strings.TrimSpace(v))
		}, textCheck(model.TextRule{Field: "venue", Max: 200}), textCheck(model.TextRule{Field: "chair", Max: 300}),
			textCheck(model.TextRule{Field: "area label", Max: 40, Required: true}),
			func(v string) error { _, err := model.ParsePaper(v); return err }},
	}
	aims := min(max(len(d.Aims)+1, 2), 6)
	for i := 0; i < aims; i++ {
		v := ""
		if i < len(d.Aims) {
			v = d.Aims[i]
		}
		f.fields = append(f.fields, newField(fmt.Sprintf("Aim %d", i+1), v, "what the forum sets out to do"))
		f.check = append(f.check, textCheck(model.TextRule{Field: "aim", Max: 500}))
	}
	extra := []string(nil)
	if len(d.Aims) > aims {
		extra = d.Aims[aims:] // kept as they are
	}
	f.submit = checked(func(f *formModel) tea.Cmd {
		in := sessions.Details{Title: f.value(0), Date: f.value(1), Venue: f.value(2), Chair: f.value(3), AreaLabel: f.value(4), Paper: f.value(5)}
		for i := 6; i < len(f.fields); i++ {
			in.Aims = append(in.Aims, f.value(i))
		}
		in.Aims = append(in.Aims, extra...)
		return saveCmd("✓ Details saved.", func() (string, error) { return eng.SetDetails(ctx, actor, ev.ID, in) })
	})
	return f
}

// rulesForm edits how the event's tables vote on priorities.
func (a *App) rulesForm() formModel {
	eng, ctx, actor, ev := a.eng, a.ctx, a.actor, a.setup.Event
	dots := numberCheck(model.CheckDots)
	return formModel{
		title: "Voting rules",
		intro: []string{"How tables choose priorities: dots (each participant places a few dots; 0 dots means about a third of the items; a cap of 0 lets them put all on one item), approval (a yes to any number of items) or ranking (Borda: each ranks them; first of n gets n points)."},
		fields: []field{newField("Method", model.PriorityMethodWord(sessions.PriorityMethod(ev)), "dots, approval or ranking"),
			newField("Dots per participant", strconv.Itoa(ev.Dots.Budget), "0 = about a third of the items"),
			newField("Cap per item", strconv.Itoa(ev.Dots.Cap), "0 = no cap"),
			newField("Spend all dots", map[bool]string{true: "yes", false: "no"}[ev.Dots.SpendAll], "yes: a ballot must place every dot")},
		check: []func(string) error{func(v string) error {
			if _, ok := model.ParsePriorityMethod(v); ok {
				return nil
			}
			return errors.New("write dots, approval or ranking")
		}, dots, dots, func(v string) error {
			switch strings.ToLower(strings.TrimSpace(v)) {
			case "yes", "no":
				return nil
			}
			return errors.New("write yes or no")
		}},
		submit: checked(func(f *formModel) tea.Cmd {
			method, _ := model.ParsePriorityMethod(f.value(0))
			b, _ := f.number(1)
			c, _ := f.number(2)
			r := model.DotRules{Budget: b, Cap: c, SpendAll: strings.EqualFold(f.value(3), "yes")}
			return saveCmd("✓ Voting rules saved: "+rulesText(model.Event{VoteMethod: method, Dots: r})+".", func() (string, error) {
				return "", eng.SetVoteRules(ctx, actor, ev.ID, method, r)
			})
		}),
	}
}

// talkForm edits programme item at, or adds one when at is -1.
func (a *App) talkForm(at int) formModel {
	eng, ctx, actor, ev := a.eng, a.ctx, a.actor, a.setup.Event
	t, title := model.Talk{Kind: "talk"}, "Add a programme item"
	if at >= 0 && at < len(ev.Programme) {
		t, title = ev.Programme[at], fmt.Sprintf("Programme item %d", at+1)
	}
	return formModel{
		title: title,
		intro: []string{"Speakers are written Name (Role), separated by semicolons: Dr A Smith (GP, Haringey); B Jones (Patient Representative)."},
		fields: []field{newField("Title", t.Title, "what the item is called"), newField("Starts", t.Starts, "HH:MM, e.g. 09:15"),
			newField("Kind", t.Kind, strings.Join(model.TalkKinds, ", ")), newField("Speakers", model.FormatSpeakers(t.Speakers), "Name (Role); Name (Role)")},
		check: []func(string) error{textCheck(model.TitleRule), func(v string) error { return model.CheckTime(strings.TrimSpace(v)) },
			func(v string) error { return model.CheckTalkKind(strings.ToLower(strings.TrimSpace(v))) }},
		submit: checked(func(f *formModel) tea.Cmd {
			in := model.Talk{Title: f.value(0), Starts: f.value(1), Kind: f.value(2), Speakers: model.ParseSpeakers(f.value(3))}
			return saveCmd("✓ Programme saved.", func() (string, error) {
				_, notice, err := eng.SaveTalk(ctx, actor, ev.ID, at, in)
				return notice, err
			})
		}),
	}
}

// areaForm edits an area, or adds one (with its tables) when ar has no id.
func (a *App) areaForm(ar model.Area) formModel {
	eng, ctx, actor, ev := a.eng, a.ctx, a.actor, a.setup.Event
	label := model.Safe(ev.AreaLabel, false)
	f := formModel{
		title: "Add an " + label,
		intro: []string{"The code is short (NCL) and starts every note's reference in the report (NCL/T1/4). Places are separated by semicolons."},
		fields: []field{newField("Code", ar.Code, "e.g. NCL"), newField("Name", ar.Name, "e.g. North Central London"),
			newField("Places", strings.Join(ar.Places, "; "), "boroughs or places, separated by ;")},
		check: []func(string) error{model.CheckAreaCode, textCheck(model.TextRule{Field: "name", Max: 120, Required: true})},
	}
	if ar.ID != "" {
		f.title = "Edit " + model.Safe(ar.Label(), false)
	} else {
		f.fields = append(f.fields, newField("Tables", "1", "how many tables, 0 to 50"))
		f.check = append(f.check, nil, numberCheck(func(n int) error {
			if n < 0 || n > model.MaxTablesPerArea {
				return fmt.Errorf("from 0 to %d tables", model.MaxTablesPerArea)
			}
			return nil
		}))
	}
	f.submit = checked(func(f *formModel) tea.Cmd {
		in := sessions.AreaInput{Code: f.value(0), Name: f.value(1), Places: strings.Split(f.value(2), ";")}
		if ar.ID != "" {
			return saveCmd("✓ "+label+" saved.", func() (string, error) { return eng.EditArea(ctx, actor, ar.ID, in) })
		}
		n, _ := f.number(3)
		return saveCmd("✓ "+label+" added.", func() (string, error) {
			_, notice, err := eng.AddArea(ctx, actor, ev.ID, in, n)
			return notice, err
		})
	})
	return f
}

// tableForm edits a table's name, roles and number of participants.
func (a *App) tableForm(g model.Group) formModel {
	eng, ctx, actor := a.eng, a.ctx, a.actor
	return formModel{
		title: "Table · " + model.Safe(g.Name, false),
		intro: []string{"Who facilitates, who writes the notes and who reports back; the number of participants sets a paper tally's budget."},
		fields: []field{newField("Name", g.Name, "e.g. Table 3"), newField("Facilitator", g.Facilitator, "name or initials"),
			newField("Scribe", g.Scribe, "name or initials"), newField("Reporter", g.Reporter, "name or initials"),
			newField("Participants", strconv.Itoa(g.Participants), "1 to 100")},
		check: []func(string) error{textCheck(model.TextRule{Field: "name", Max: 60, Required: true}), textCheck(model.NameRule),
			textCheck(model.NameRule), textCheck(model.NameRule), numberCheck(func(n int) error {
				if n < 1 || n > 100 {
					return errors.New("from 1 to 100 participants")
				}
				return nil
			})},
		submit: checked(func(f *formModel) tea.Cmd {
			n, _ := f.number(4)
			in := sessions.TableSetup{Name: f.value(0), Roles: sessions.Roles{Facilitator: f.value(1), Scribe: f.value(2), Reporter: f.value(3), Participants: n}}
			return saveCmd("✓ "+model.Safe(f.value(0), false)+" saved.", func() (string, error) { return eng.EditTable(ctx, actor, g.ID, in) })
		}),
	}
}
