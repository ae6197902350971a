package sessions

import (
	"strings"
	"time"

	"forum/model"
)

// demoAreaVisions are the visions the demo's areas with two tables agree
// in the area round ({name} is the area's name).
var demoAreaVisions = []string{
	"In three to five years every practice in {name} works in a network that shares staff, records and buildings, so that patients see the right professional quickly and GPs have time for the patients who need them most.",
	"General practice in {name} at scale: networks of practices that plan together with community and hospital services, led by clinicians, with one shared record and a workforce that wants to stay.",
}

// demoAreaSteps are the next steps the demo's areas add in the round.
var demoAreaSteps = [][4]string{
	{"Agree one data-sharing agreement for every practice in the area", "STP digital lead", "September 2018", "A template agreement from NHS England London"},
	{"Run a joint recruitment campaign for network pharmacists", "STP workforce lead", "December 2018", "Funding for the first year of the posts"},
}

// demoAreaRound runs the area round for the demo's areas with more than
// one table: each agrees its vision, adds a next step and words its ask;
// the joined priorities and the key messages are the round's draft.
func demoAreaRound(snap *Snapshot, at time.Time) {
	views := TableViews(*snap)
	k := 0
	for _, a := range snap.Areas {
		s := AreaSynthesisOf(*snap, views, a)
		if !s.Held || len(s.Tables) < 2 {
			continue
		}
		stamp := model.NewStamp(at)
		part := func(kind, key, text string) model.AreaPart {
			return model.AreaPart{ID: model.NewID(), EventID: snap.Event.ID, AreaID: a.ID, Kind: kind, Key: key, Text: text, Version: 1, Stamp: stamp}
		}
		snap.AreaParts = append(snap.AreaParts, part(model.AreaVision, model.AreaVision, strings.ReplaceAll(demoAreaVisions[k%len(demoAreaVisions)], "{name}", a.Name)))
		st := demoAreaSteps[k%len(demoAreaSteps)]
		step := part(model.AreaStep, string(model.NewID()), st[0])
		step.Owner, step.ByWhen, step.Assist = st[1], st[2], st[3]
		snap.AreaParts = append(snap.AreaParts, step)
		if len(s.Priorities) > 0 {
			snap.AreaParts = append(snap.AreaParts, part(model.AreaAsk, model.AreaAsk, "Help "+a.Code+" act on its first priority: "+strings.ToLower(s.Priorities[0].Name[:1])+s.Priorities[0].Name[1:]))
		}
		k++
	}
}
