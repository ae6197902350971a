package sessions

import (
	"slices"
	"sort"
	"strings"

	"forum/model"
)

// SharedMessage is a key message that one or more tables chose in the same
// words (ignoring case and spacing, as the dashboard merges them): where
// each chose it, and every note they cited.
type SharedMessage struct {
	Text    string
	Where   []string // "NCL Table 1", in the order of the tables
	Sources []model.ID
}

// WidestMessages are the tables' key messages (not their asks) merged by
// their words, the most widely shared first (by how many tables chose
// them, then by how many areas and tables their notes come from), at most
// n of them.
func WidestMessages(snap Snapshot, n int) []SharedMessage {
	areaCode := map[model.ID]string{}
	for _, a := range snap.Areas {
		areaCode[a.ID] = a.Code
	}
	name := map[model.ID]string{}
	order := map[model.ID]int{}
	for i, g := range snap.Groups {
		name[g.ID], order[g.ID] = strings.TrimSpace(areaCode[g.AreaID]+" "+g.Name), i
	}
	msgs := make([]model.KeyMessage, 0, len(snap.KeyMessages))
	for _, k := range snap.KeyMessages {
		if _, ok := name[k.GroupID]; ok && k.Kind != model.KindAsk {
			msgs = append(msgs, k)
		}
	}
	sort.SliceStable(msgs, func(i, j int) bool { return order[msgs[i].GroupID] < order[msgs[j].GroupID] })
	byText := map[string]*SharedMessage{}
	var out []*SharedMessage
	for _, k := range msgs {
		key := strings.ToLower(strings.Join(strings.Fields(k.Text), " "))
		m := byText[key]
		if m == nil {
			m = &SharedMessage{Text: k.Text}
			byText[key] = m
			out = append(out, m)
		}
		if w := name[k.GroupID]; !slices.Contains(m.Where, w) {
			m.Where = append(m.Where, w)
		}
		for _, id := range k.Sources {
			if !slices.Contains(m.Sources, id) {
				m.Sources = append(m.Sources, id)
			}
		}
	}
	ev := make(map[*SharedMessage]Evidence, len(out))
	for _, m := range out {
		ev[m] = EvidenceOf(snap, m.Sources)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if len(a.Where) != len(b.Where) {
			return len(a.Where) > len(b.Where)
		}
		if ev[a].Areas != ev[b].Areas {
			return ev[a].Areas > ev[b].Areas
		}
		return ev[a].Tables > ev[b].Tables
	})
	res := make([]SharedMessage, 0, min(n, len(out)))
	for _, m := range out[:min(n, len(out))] {
		res = append(res, *m)
	}
	return res
}
