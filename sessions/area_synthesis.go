package sessions

import (
	"sort"
	"strings"

	"forum/model"
)

// AreaSynthesis is what an area agrees in the area round: one vision, its
// tables' priorities joined and ranked, its next steps and its key
// messages with one ask. Drafted from its tables and overridden part by
// part by what the area saved (each part with its own version). An area
// with one table needs no round: its table's outcomes are the area's.
type AreaSynthesis struct {
	Event model.Event
	Area  model.Area
	// Tables are the views of the area's tables that took part (captured,
	// voted or agreed anything), in board order: the "of M tables".
	Tables []TableView
	// Single: the area has one table, whose outcomes are the area's.
	Single bool
	// Round is the event's area round; Held whether this area holds it
	// (otherwise its synthesis is the draft from its tables).
	Round model.AreaRound
	Held  bool
	// Vision is the area's vision; VisionVersion its stored version (0:
	// still the draft from the tables' visions).
	Vision        string
	VisionVersion int
	// Consensus is each table's fist-to-five on its own vision, in the
	// order of Tables (the area's check, where no area vote was held).
	Consensus []model.FistResult
	// Fist is the area's own fist-to-five on its vision, counted in the
	// room (Voters 0: none held); FistVersion its stored version.
	Fist        model.FistResult
	FistVersion int
	Priorities  []AreaPriority
	Steps       []AreaStep
	// Messages are up to model.MaxMessages key messages; Ask the one ask.
	Messages []AreaMessage
	Ask      AreaMessage
}

// AreaStep is one of an area's next steps: drafted from a table's (Table
// set, Support its table's support vote) or added in the area round.
type AreaStep struct {
	Key   string
	Table model.Group
	// Also are the other tables that agreed the same action (the same
	// words): one step, its support their ballots together.
	Also    []model.Group
	Action  string
	Owner   string
	ByWhen  string
	Assist  string
	Support model.SupportResult
	Version int
}

// AreaMessage is one of an area's key messages (Key "1".."3") or its ask
// (Key "ask").
type AreaMessage struct {
	Key     string
	Text    string
	Version int
}

// AreaSynthesisOf drafts an area's synthesis from a snapshot and applies
// the parts stored for it.
func AreaSynthesisOf(snap Snapshot, views map[model.ID]TableView, area model.Area) AreaSynthesis {
	s := AreaSynthesis{Event: snap.Event, Area: area}
	for _, g := range snap.Groups {
		if g.AreaID == area.ID && g.RemovedAt.IsZero() {
			if v, ok := views[g.ID]; ok && tookPart(v) {
				s.Tables = append(s.Tables, v)
			}
		}
	}
	s.Single = len(s.Tables) == 1
	s.Round = EventAreaRound(snap)
	s.Held = s.Round.Applies(len(s.Tables))
	parts := map[[2]string]model.AreaPart{}
	for _, p := range snap.AreaParts {
		if p.AreaID == area.ID {
			parts[[2]string{p.Kind, p.Key}] = p
		}
	}
	var visions []string
	for _, v := range s.Tables {
		if strings.TrimSpace(v.Group.Vision) != "" {
			visions = append(visions, strings.TrimSpace(v.Group.Vision))
		}
		s.Consensus = append(s.Consensus, v.FistResult)
	}
	s.Vision = strings.Join(visions, "\n\n")
	if p, ok := parts[[2]string{model.AreaVision, model.AreaVision}]; ok {
		s.Vision, s.VisionVersion = p.Text, p.Version
	}
	s.Fist, s.FistVersion = AreaFistOf(snap, area.ID)
	s.Priorities = joinAreaPriorities(snap, s.Tables)
	for i, p := range s.Priorities {
		if st, ok := parts[[2]string{model.AreaPriority, p.Key}]; ok {
			s.Priorities[i].Version = st.Version
			if st.Text != "" {
				s.Priorities[i].Name = st.Text
			}
		}
	}
	s.Steps = areaSteps(s.Tables, parts)
	s.Messages, s.Ask = areaMessages(s, parts)
	return s
}

// areaSteps are the tables' next steps, table by table, as the area
// edited them (dropped ones left out), then the steps the area added.
func areaSteps(views []TableView, parts map[[2]string]model.AreaPart) []AreaStep {
	var out []AreaStep
	drafted := map[string]bool{}
	for _, v := range views {
		for _, n := range v.NextSteps {
			st := AreaStep{Key: string(n.ID), Table: v.Group, Action: n.Action, Owner: n.Owner, ByWhen: n.ByWhen, Assist: n.Assist, Support: v.StepSupport[n.ID]}
			drafted[st.Key] = true
			if i := sameAction(out, n.Action); i >= 0 {
				out[i].Also = append(out[i].Also, v.Group)
				out[i].Support = addSupport(out[i].Support, st.Support)
				continue
			}
			if p, ok := parts[[2]string{model.AreaStep, st.Key}]; ok {
				if p.Deleted {
					continue
				}
				st.Action, st.Owner, st.ByWhen, st.Assist, st.Version = p.Text, p.Owner, p.ByWhen, p.Assist, p.Version
			}
			out = append(out, st)
		}
	}
	var added []model.AreaPart
	for k, p := range parts {
		if k[0] == model.AreaStep && !drafted[k[1]] && !p.Deleted {
			added = append(added, p)
		}
	}
	sort.Slice(added, func(i, j int) bool {
		if !added[i].CreatedAt.Equal(added[j].CreatedAt) {
			return added[i].CreatedAt.Before(added[j].CreatedAt)
		}
		return added[i].Key < added[j].Key
	})
	for _, p := range added {
		out = append(out, AreaStep{Key: p.Key, Action: p.Text, Owner: p.Owner, ByWhen: p.ByWhen, Assist: p.Assist, Version: p.Version})
	}
	return out
}

// areaMessages drafts the key messages and the ask: a one-table area's are
// its table's; otherwise the messages are the names of the top joined
// priorities and the ask the tables' asks, one after another. Stored
// parts replace the drafts (an emptied message is dropped).
func areaMessages(s AreaSynthesis, parts map[[2]string]model.AreaPart) ([]AreaMessage, AreaMessage) {
	var drafts []string
	var asks []string
	for _, v := range s.Tables {
		for _, k := range v.KeyMessages {
			if k.Kind == model.KindAsk {
				asks = append(asks, k.Text)
			} else if s.Single {
				drafts = append(drafts, k.Text)
			}
		}
	}
	if !s.Single {
		for _, p := range s.Priorities {
			drafts = append(drafts, p.Name)
		}
	}
	var out []AreaMessage
	for i := range model.MaxMessages {
		m := AreaMessage{Key: itoa(i + 1)}
		if i < len(drafts) {
			m.Text = drafts[i]
		}
		if p, ok := parts[[2]string{model.AreaMessage, m.Key}]; ok {
			m.Text, m.Version = p.Text, p.Version
		}
		if strings.TrimSpace(m.Text) != "" {
			out = append(out, m)
		}
	}
	ask := AreaMessage{Key: model.AreaAsk, Text: strings.Join(asks, " / ")}
	if p, ok := parts[[2]string{model.AreaAsk, model.AreaAsk}]; ok {
		ask.Text, ask.Version = p.Text, p.Version
	}
	return out, ask
}

// AreaSyntheses drafts every live area's synthesis of a snapshot, in board
// order.
func AreaSyntheses(snap Snapshot) []AreaSynthesis {
	views := TableViews(snap)
	var out []AreaSynthesis
	for _, a := range snap.Areas {
		if a.RemovedAt.IsZero() {
			out = append(out, AreaSynthesisOf(snap, views, a))
		}
	}
	return out
}

// Agreed reports whether every table that held a fist-to-five reached
// consensus, and how many held one.
func (s AreaSynthesis) Agreed() (bool, int) {
	held, ok := 0, true
	for _, r := range s.Consensus {
		if r.Voters > 0 {
			held++
			ok = ok && r.Consensus
		}
	}
	return ok && held > 0, held
}

// tookPart reports whether a table did anything: a table that never met
// does not count among the area's tables.
func tookPart(v TableView) bool {
	return len(v.Notes) > 0 || strings.TrimSpace(v.Group.Vision) != "" || len(v.Ballots) > 0 || v.FistResult.Voters > 0 ||
		len(v.NextSteps) > 0 || len(v.KeyMessages) > 0
}

// sameAction is the index of the step with the same action, ignoring case
// and outer space, or -1.
func sameAction(steps []AreaStep, action string) int {
	for i, s := range steps {
		if s.Table.ID != "" && strings.EqualFold(strings.TrimSpace(s.Action), strings.TrimSpace(action)) {
			return i
		}
	}
	return -1
}

// addSupport puts two support votes' ballots together.
func addSupport(a, b model.SupportResult) model.SupportResult {
	var out model.SupportResult
	for i := range a.Counts {
		out.Counts[i] = a.Counts[i] + b.Counts[i]
	}
	out.Voters = a.Voters + b.Voters
	if out.Voters > 0 {
		out.Percent = 100 * float64(out.Counts[3]+out.Counts[4]) / float64(out.Voters)
	}
	supp, opp := out.Counts[3]+out.Counts[4], out.Counts[0]+out.Counts[1]
	out.Divergent = supp > 0 && opp > 0
	return out
}

// From says where a step came from: its tables ("Table 1, Table 2"), or
// "area round" for a step the area added.
func (s AreaStep) From() string {
	if s.Table.ID == "" {
		return "area round"
	}
	names := []string{s.Table.Name}
	for _, g := range s.Also {
		names = append(names, g.Name)
	}
	return strings.Join(names, ", ")
}

// areaSuggestions offer an area's key messages and ask, where it held the
// area round, for the event's key messages; a message that names a joined
// priority rests on that priority's notes at every table that raised it.
func areaSuggestions(s AreaSynthesis) []Suggestion {
	if !s.Held {
		return nil
	}
	var out []Suggestion
	for _, m := range append(append([]AreaMessage(nil), s.Messages...), s.Ask) {
		if strings.TrimSpace(m.Text) == "" {
			continue
		}
		kind := "area message"
		if m.Key == model.AreaAsk {
			kind = "area ask"
		}
		var sources []model.ID
		for _, p := range s.Priorities {
			if strings.EqualFold(strings.TrimSpace(p.Name), strings.TrimSpace(m.Text)) {
				for _, it := range p.Members {
					sources = append(sources, it.Priority.Sources...)
				}
			}
		}
		out = append(out, Suggestion{Label: s.Area.Code + " " + kind + " (" + s.Area.Code + " brief): " + m.Text, Text: m.Text, Sources: sources})
	}
	return out
}
