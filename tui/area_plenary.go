package tui

import (
	"fmt"
	"strings"

	"forum/model"
	"forum/sessions"
)

// areaSynthesisColumn is an area's synthesis at the head of its column on
// the plenary dashboard, where the area holds the round (a one-table
// area's column is its table).
func (a *App) areaSynthesisColumn(pa sessions.PlenaryArea, w int) []string {
	s := pa.Synthesis
	if !s.Held || s.Single {
		return nil
	}
	out := hang("", a.st.Key.Render("Area round · "+plural(len(s.Tables), "table", "tables")), w)
	if v := strings.TrimSpace(s.Vision); v != "" {
		out = append(out, hang("  ", "Vision: "+model.Safe(strings.ReplaceAll(v, "\n\n", " / "), false), w)...)
	}
	for _, p := range s.Priorities[:min(3, len(s.Priorities))] {
		out = append(out, hang("  ", fmt.Sprintf("%s. %s (%s)", p.RankLabel(), model.Safe(p.Name, false), p.RaisedAt()), w)...)
	}
	if s.Ask.Text != "" {
		out = append(out, hang("  ", "Ask: "+model.Safe(s.Ask.Text, false), w)...)
	}
	return out
}

// areaSlides are present mode's slides of an area's synthesis: its vision
// and its joined priorities with where each was raised.
func areaSlides(pa sessions.PlenaryArea) []slide {
	s := pa.Synthesis
	if !s.Held || s.Single {
		return nil
	}
	where := model.Safe(pa.Area.Label(), false) + " · the area's synthesis"
	var ss []slide
	if s.Vision != "" {
		ss = append(ss, slide{kicker: where, title: "Vision", lines: []string{model.Safe(s.Vision, true)}, quote: true})
	}
	var top []string
	for _, p := range s.Priorities[:min(5, len(s.Priorities))] {
		top = append(top, p.RankLabel()+"  "+model.Safe(p.Name, false)+"  ("+p.RaisedAt()+")")
	}
	if s.Ask.Text != "" {
		top = append(top, "Ask: "+model.Safe(s.Ask.Text, false))
	}
	if len(top) > 0 {
		ss = append(ss, slide{kicker: where, title: "Priorities", lines: top})
	}
	return ss
}
