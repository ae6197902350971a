package report

import (
	"fmt"
	"strings"
	"time"

	"forum/model"
	"forum/sessions"
)

// areaTables pairs an area with its tables' views, in board order.
type areaTables struct {
	Area   model.Area
	Tables []sessions.TableView
}

// byArea groups a snapshot's tables' views under their areas, in stable
// order.
func byArea(snap sessions.Snapshot) []areaTables {
	views := sessions.TableViews(snap)
	var out []areaTables
	for _, a := range snap.Areas {
		at := areaTables{Area: a}
		for _, g := range snap.Groups {
			if v, ok := views[g.ID]; ok && g.AreaID == a.ID {
				at.Tables = append(at.Tables, v)
			}
		}
		out = append(out, at)
	}
	return out
}

// Refs gives every live note a short reference, "NCL/T1/4": the area code,
// the table ("T" and its number) and the note's place at the table.
func Refs(snap sessions.Snapshot) map[model.ID]string {
	codes := map[model.ID]string{}
	for _, a := range snap.Areas {
		codes[a.ID] = a.Code
	}
	tables := map[model.ID]string{}
	for _, g := range snap.Groups {
		tables[g.ID] = codes[g.AreaID] + "/" + tableCode(g.Name)
	}
	out := map[model.ID]string{}
	n := map[model.ID]int{}
	for _, c := range snap.Contributions { // in creation order
		if t, ok := tables[c.GroupID]; ok && !c.Deleted() {
			n[c.GroupID]++
			out[c.ID] = fmt.Sprintf("%s/%d", t, n[c.GroupID])
		}
	}
	return out
}

// tableCode shortens "Table 12" to "T12"; other names lose their spaces.
func tableCode(name string) string {
	if rest, ok := strings.CutPrefix(name, "Table "); ok {
		return "T" + rest
	}
	return strings.ReplaceAll(name, " ", "")
}

// cites are the references of the notes ids that have one.
func cites(ids []model.ID, ref map[model.ID]string) []string {
	var out []string
	for _, id := range ids {
		if r, ok := ref[id]; ok {
			out = append(out, r)
		}
	}
	return out
}

// citeSpans renders references as " (NCL/T1/4, NCL/T1/7)".
func citeSpans(rs []string) []Span {
	if len(rs) == 0 {
		return nil
	}
	out := []Span{Text(" (")}
	for i, r := range rs {
		if i > 0 {
			out = append(out, Text(", "))
		}
		out = append(out, Cite(r))
	}
	return append(out, Text(")"))
}

// longDate renders 2018-01-25 as "25 January 2018".
func longDate(d string) string {
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return d
	}
	return t.Format("2 January 2006")
}

func participants(gs []model.Group) int {
	n := 0
	for _, g := range gs {
		n += g.Participants
	}
	return n
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// met reports whether a table met: whether it captured anything at all (a
// note, a vote, a vision, a rating, a next step, a key message). A table
// that never met counts in no total.
func met(v sessions.TableView) bool {
	return len(v.Notes) > 0 || strings.TrimSpace(v.Group.Vision) != "" || len(v.Ballots) > 0 || v.FistResult.Voters > 0 ||
		len(v.Ratings) > 0 || len(v.NextSteps) > 0 || len(v.KeyMessages) > 0
}

// metGroups are the tables of views that met.
func metGroups(views []sessions.TableView) []model.Group {
	var out []model.Group
	for _, v := range views {
		if met(v) {
			out = append(out, v.Group)
		}
	}
	return out
}

// neverMet names the tables that never met, "NCL Table 2", in order.
func neverMet(areas []areaTables) []string {
	var out []string
	for _, at := range areas {
		for _, v := range at.Tables {
			if !met(v) {
				out = append(out, at.Area.Code+" "+v.Group.Name)
			}
		}
	}
	return out
}
