package model

// Second line of defence: the text of records read back from a database,
// which forum checked on the way in (set-up, capture, the import gate),
// made safe again on the way out, so that a file written by an older forum
// or edited by another tool cannot draw on anyone's terminal. Each costs a
// quick scan when the text is already clean.

// SafeEvent cleans, in place, every free-text field of an event.
func SafeEvent(e *Event) {
	e.Title, e.Venue, e.Chair = Safe(e.Title, false), Safe(e.Venue, false), Safe(e.Chair, false)
	e.AreaLabel, e.Template = Safe(e.AreaLabel, false), Safe(e.Template, false)
	safeAll(e.Aims, false)
	safeAll(e.Tags, false)
	for i := range e.Programme {
		t := &e.Programme[i]
		t.Title, t.Starts, t.Kind = Safe(t.Title, false), Safe(t.Starts, false), Safe(t.Kind, false)
		for j := range t.Speakers {
			t.Speakers[j].Name, t.Speakers[j].Role = Safe(t.Speakers[j].Name, false), Safe(t.Speakers[j].Role, false)
		}
	}
	for i := range e.Stages {
		s := &e.Stages[i]
		s.Title, s.Notes = Safe(s.Title, false), Safe(s.Notes, true)
		safeAll(s.Prompts, true)
	}
	safeAll(e.Maturity.Levels, false)
	for i := range e.Maturity.Dimensions {
		d := &e.Maturity.Dimensions[i]
		d.Name = Safe(d.Name, false)
		safeAll(d.Descriptors, true)
	}
}

// SafeArea cleans, in place, an area's name and places.
func SafeArea(a *Area) {
	a.Name = Safe(a.Name, false)
	safeAll(a.Places, false)
}

// SafeGroup cleans, in place, a table's name and roles.
func SafeGroup(g *Group) {
	g.Name, g.Facilitator = Safe(g.Name, false), Safe(g.Facilitator, false)
	g.Scribe, g.Reporter = Safe(g.Scribe, false), Safe(g.Reporter, false)
	g.Vision = Safe(g.Vision, true)
}

func safeAll(ss []string, multiline bool) {
	for i, s := range ss {
		ss[i] = Safe(s, multiline)
	}
}
