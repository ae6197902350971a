package sessions

import (
	"fmt"
	"strings"

	"forum/model"
)

// checkExchange checks every record of an import: ids, links between
// records, and every text against the rule it is stored under (text that
// forum would have cleaned is refused, so an import stores what it shows).
func checkExchange(x Exchange) error {
	ev := x.Event
	seen := map[model.ID]string{}
	id := func(path string, v model.ID) error {
		if !model.ValidID(string(v)) {
			return fmt.Errorf("%s: %q is not a forum id", path, v)
		}
		if other, ok := seen[v]; ok {
			return fmt.Errorf("%s: the id %s is also %s", path, v, other)
		}
		seen[v] = path
		return nil
	}
	text := func(path, s string, rule model.TextRule) error {
		c, err := model.Clean(s, rule)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if c.Text != s {
			return fmt.Errorf("%s: holds characters forum does not store (%s)", path, c.Notice())
		}
		return nil
	}
	if err := id("event.ID", ev.ID); err != nil {
		return err
	}
	if err := text("event.Title", ev.Title, model.TitleRule); err != nil {
		return err
	}
	if _, err := model.ParsePaper(ev.Paper); err != nil { // empty: an export from before the paper size, on A4
		return fmt.Errorf("event.Paper: %w", err)
	}
	if err := model.CheckDate(ev.Date); err != nil || ev.Date == "" {
		return fmt.Errorf("event.Date: %q: expected a date written YYYY-MM-DD", ev.Date)
	}
	if len(ev.Stages) == 0 {
		return fmt.Errorf("event.Stages: expected at least one stage")
	}
	stages := map[string]bool{}
	for i, s := range ev.Stages {
		p := fmt.Sprintf("event.Stages[%d]", i)
		switch {
		case s.Key == "" || stages[s.Key]:
			return fmt.Errorf("%s.Key: %q: expected a key of its own", p, s.Key)
		case s.Title == "":
			return fmt.Errorf("%s.Title: expected a title", p)
		case s.Minutes < 0:
			return fmt.Errorf("%s.Minutes: %d: expected 0 or more", p, s.Minutes)
		case !s.Activity.Known():
			return fmt.Errorf("%s.Activity: %q: expected one of %s", p, s.Activity, activityList())
		}
		stages[s.Key] = true
	}
	if model.CheckDots(ev.Dots.Budget) != nil || model.CheckDots(ev.Dots.Cap) != nil {
		return fmt.Errorf("event.Dots: expected a budget and a cap from 0 to 100")
	}
	codes := map[string]bool{}
	areas := map[model.ID]bool{}
	for i, a := range x.Areas {
		p := fmt.Sprintf("areas[%d]", i)
		if err := id(p+".ID", a.ID); err != nil {
			return err
		}
		if a.EventID != ev.ID {
			return fmt.Errorf("%s.EventID: expected the event's id %s", p, ev.ID)
		}
		if err := model.CheckAreaCode(a.Code); err != nil || codes[a.Code] || model.AreaCode(a.Code) != a.Code {
			return fmt.Errorf("%s.Code: %q: expected a short upper-case code of its own, such as NCL", p, a.Code)
		}
		codes[a.Code], areas[a.ID] = true, true
		if err := text(p+".Name", a.Name, model.TextRule{Field: "area name", Max: 120, Required: true}); err != nil {
			return err
		}
	}
	tables := map[model.ID]bool{}
	for i, g := range x.Tables {
		p := fmt.Sprintf("tables[%d]", i)
		if err := id(p+".ID", g.ID); err != nil {
			return err
		}
		if g.EventID != ev.ID || !areas[g.AreaID] {
			return fmt.Errorf("%s: expected the event's id and one of its areas", p)
		}
		if !stages[g.StageKey] {
			return fmt.Errorf("%s.StageKey: %q: expected one of the event's stages", p, g.StageKey)
		}
		if err := text(p+".Vision", g.Vision, model.VisionRule); err != nil {
			return err
		}
		tables[g.ID] = true
	}
	themes := map[model.ID]model.ID{}
	for i, th := range x.Themes {
		p := fmt.Sprintf("themes[%d]", i)
		if err := id(p+".ID", th.ID); err != nil {
			return err
		}
		if !tables[th.GroupID] {
			return fmt.Errorf("%s.GroupID: expected one of the event's tables", p)
		}
		if err := text(p+".Name", th.Name, themeRule); err != nil {
			return err
		}
		themes[th.ID] = th.GroupID
	}
	for i, l := range x.Links {
		p := fmt.Sprintf("theme_links[%d]", i)
		if err := id(p+".ID", l.ID); err != nil {
			return err
		}
		if l.EventID != ev.ID || themes[l.A] == "" || themes[l.B] == "" || (l.Status != model.LinkAccepted && l.Status != model.LinkRejected) {
			return fmt.Errorf("%s: expected an accepted or rejected link between two of the event's themes", p)
		}
	}
	notes := map[model.ID]model.ID{}
	for i, c := range x.Contributions {
		p := fmt.Sprintf("contributions[%d]", i)
		if err := id(p+".ID", c.ID); err != nil {
			return err
		}
		if !tables[c.GroupID] || !stages[c.StageKey] {
			return fmt.Errorf("%s: expected one of the event's tables and stages", p)
		}
		if err := text(p+".Text", c.Text, model.NoteRule); err != nil {
			return err
		}
		if c.ThemeID != "" && themes[c.ThemeID] != c.GroupID {
			return fmt.Errorf("%s.ThemeID: expected one of its table's themes", p)
		}
		notes[c.ID] = c.GroupID
	}
	steps := map[model.ID]model.ID{}
	for _, n := range x.NextSteps {
		steps[n.ID] = n.GroupID
	}
	rounds := map[model.ID]bool{}
	for i, r := range x.Rounds {
		p := fmt.Sprintf("vote_rounds[%d]", i)
		if err := id(p+".ID", r.ID); err != nil {
			return err
		}
		if !tables[r.GroupID] || r.Round < 1 || (r.Status != model.RoundOpen && r.Status != model.RoundClosed) {
			return fmt.Errorf("%s: expected a round (1 or more, open or closed) of one of the event's tables", p)
		}
		rounds[r.ID] = true
	}
	for i, v := range x.Votes {
		p := fmt.Sprintf("votes[%d]", i)
		if err := id(p+".ID", v.ID); err != nil {
			return err
		}
		item := notes[v.ItemID] == v.GroupID || themes[v.ItemID] == v.GroupID
		switch v.Method {
		case model.MethodFist:
			item = v.ItemID == v.GroupID && model.CheckFist(v.Value) == nil
		case model.MethodSupport:
			item = steps[v.ItemID] == v.GroupID && model.CheckSupport(v.Value) == nil
		default:
			item = item && v.Value >= 0
		}
		if !tables[v.GroupID] || !item || (v.RoundID != "" && !rounds[v.RoundID]) {
			return fmt.Errorf("%s: expected a vote on an item of the same table, with a value its method allows", p)
		}
	}
	for i, n := range x.NextSteps {
		p := fmt.Sprintf("next_steps[%d]", i)
		if err := id(p+".ID", n.ID); err != nil {
			return err
		}
		if !tables[n.GroupID] {
			return fmt.Errorf("%s.GroupID: expected one of the event's tables", p)
		}
		if err := text(p+".Action", n.Action, model.ActionRule); err != nil {
			return err
		}
	}
	for i, r := range x.Ratings {
		p := fmt.Sprintf("maturity_ratings[%d]", i)
		if err := id(p+".ID", r.ID); err != nil {
			return err
		}
		if !tables[r.GroupID] || r.Dimension < 0 || r.Dimension >= len(EventMaturity(ev).Dimensions) || r.Level < 1 || r.Level > len(EventMaturity(ev).Levels) {
			return fmt.Errorf("%s: expected a level of the event's maturity model at one of its tables", p)
		}
	}
	for i, r := range x.Revisions {
		p := fmt.Sprintf("note_revisions[%d]", i)
		if notes[r.ID] == "" || !stages[r.StageKey] {
			return fmt.Errorf("%s: expected an earlier version of one of the event's notes, at one of its stages", p)
		}
		if err := text(p+".Text", r.Text, model.NoteRule); err != nil {
			return err
		}
	}
	for i, k := range x.History {
		if k.Entity == "" || !model.ValidID(string(k.RecordID)) && !strings.Contains(string(k.RecordID), "|") || len(k.Data) == 0 || k.Data[0] != '{' {
			return fmt.Errorf("record_history[%d]: expected a kind of record, its id and the record as it was", i)
		}
	}
	for i, k := range x.KeyMessages {
		p := fmt.Sprintf("key_messages[%d]", i)
		if err := id(p+".ID", k.ID); err != nil {
			return err
		}
		if k.EventID != ev.ID || (k.GroupID != "" && !tables[k.GroupID]) {
			return fmt.Errorf("%s: expected the event's id and one of its tables (or none)", p)
		}
		if err := text(p+".Text", k.Text, model.MessageRule); err != nil {
			return err
		}
	}
	return nil
}
