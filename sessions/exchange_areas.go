package sessions

import "forum/model"

// AreaExchange is the area round's part of a JSON export: the stored parts
// of the areas' syntheses (re-imported as they are) and, for readers of
// the file, each area's synthesis as the report gives it (derived from the
// rest, so an import ignores it). Older exports have neither and import
// as before.
type AreaExchange struct {
	AreaRound     *model.AreaRound `json:",omitempty"`
	AreaParts     []model.AreaPart `json:",omitempty"`
	AreaSyntheses []AreaBrief      `json:",omitempty"`
}

// AreaBrief is an area's synthesis in plain fields, as exported.
type AreaBrief struct {
	Area       string
	Tables     int
	Vision     string
	Priorities []AreaBriefItem
	Steps      []AreaBriefStep
	Messages   []string
	Ask        string
	RankRule   string
	Consensus  []AreaBriefCheck
	// AreaConsensus is the area's own fist-to-five on its vision, if held.
	AreaConsensus *AreaBriefCheck `json:",omitempty"`
}

// AreaBriefItem is one joined priority, as exported.
type AreaBriefItem struct {
	Rank     string
	Name     string
	RaisedAt int
	Of       int
	Score    float64
	Where    []string
}

// AreaBriefStep is one of an area's next steps, as exported.
type AreaBriefStep struct {
	Action  string
	Owner   string
	ByWhen  string
	Assist  string
	Table   string
	Support float64
	Voters  int
}

// AreaBriefCheck is one table's fist-to-five on its vision.
type AreaBriefCheck struct {
	Table     string
	Voters    int
	Consensus bool
}

// Brief turns a synthesis into its exported plain fields.
func (s AreaSynthesis) Brief() AreaBrief {
	b := AreaBrief{Area: s.Area.Code, Tables: len(s.Tables), Vision: s.Vision, Ask: s.Ask.Text, RankRule: AreaRankRule}
	for _, p := range s.Priorities {
		it := AreaBriefItem{Rank: p.RankLabel(), Name: p.Name, RaisedAt: p.Tables, Of: p.Of, Score: float64(int(p.Score*1000+0.5)) / 1000}
		for _, m := range p.Members {
			it.Where = append(it.Where, m.Table.Name)
		}
		b.Priorities = append(b.Priorities, it)
	}
	for _, st := range s.Steps {
		b.Steps = append(b.Steps, AreaBriefStep{Action: st.Action, Owner: st.Owner, ByWhen: st.ByWhen, Assist: st.Assist, Table: st.From(), Support: st.Support.Percent, Voters: st.Support.Voters})
	}
	for _, m := range s.Messages {
		b.Messages = append(b.Messages, m.Text)
	}
	if s.Fist.Voters > 0 {
		b.AreaConsensus = &AreaBriefCheck{Table: s.Area.Code, Voters: s.Fist.Voters, Consensus: s.Fist.Consensus}
	}
	for i, r := range s.Consensus {
		b.Consensus = append(b.Consensus, AreaBriefCheck{Table: s.Tables[i].Group.Name, Voters: r.Voters, Consensus: r.Consensus})
	}
	return b
}

// storedAreas is the export's stored area part of a snapshot: the area
// round and the parts (areaBriefs adds the syntheses).
func storedAreas(snap Snapshot) AreaExchange {
	x := AreaExchange{AreaParts: snap.AreaParts}
	if snap.AreaRound.Held != "" {
		r := snap.AreaRound
		x.AreaRound = &r
	}
	return x
}

// areaBriefs are the export's areas' syntheses of a snapshot.
func areaBriefs(snap Snapshot) []AreaBrief {
	var out []AreaBrief
	for _, s := range AreaSyntheses(snap) {
		out = append(out, s.Brief())
	}
	return out
}

// areaRoundOf is an import's area round (zero when the file has none).
func (x AreaExchange) areaRoundOf() model.AreaRound {
	if x.AreaRound == nil {
		return model.AreaRound{}
	}
	return *x.AreaRound
}
