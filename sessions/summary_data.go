package sessions

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"forum/model"
)

// areaTables pairs an area with its tables' views, in board order.
type areaTables struct {
	Area   model.Area
	Tables []TableView
}

// byArea groups a snapshot's tables under their areas, in stable order.
func byArea(snap Snapshot) []areaTables {
	var out []areaTables
	for _, a := range snap.Areas {
		at := areaTables{Area: a}
		for _, g := range snap.Groups {
			if g.AreaID == a.ID {
				if v, err := TableFromSnapshot(snap, g.ID); err == nil {
					at.Tables = append(at.Tables, v)
				}
			}
		}
		out = append(out, at)
	}
	return out
}

// refs gives every live note a short reference, "NCL/T1/4": the area code,
// the table's name initial and number, and the note's place at the table.
func refs(snap Snapshot) map[model.ID]string {
	codes := map[model.ID]string{}
	for _, a := range snap.Areas {
		codes[a.ID] = a.Code
	}
	out := map[model.ID]string{}
	for _, g := range snap.Groups {
		n := 0
		for _, c := range snap.Contributions {
			if c.GroupID == g.ID && !c.Deleted() {
				n++
				out[c.ID] = fmt.Sprintf("%s/%s/%d", codes[g.AreaID], tableCode(g.Name), n)
			}
		}
	}
	return out
}

// tableCode shortens "Table 12" to "T12"; other names are kept, spaces removed.
func tableCode(name string) string {
	if rest, ok := strings.CutPrefix(name, "Table "); ok {
		return "T" + rest
	}
	return strings.ReplaceAll(name, " ", "")
}

// longDate renders 2018-01-25 as "25 January 2018".
func longDate(d string) string {
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return d
	}
	return t.Format("2 January 2006")
}

var entity = regexp.MustCompile(`&(#?[A-Za-z0-9]+;)`)

// mdEscape makes user text inert in Markdown: characters that would start
// emphasis, links, code, HTML, tables or headings are backslash-escaped,
// and line breaks become " / " so a note stays in its list item or cell.
func mdEscape(s string) string {
	s = model.Safe(s, true)
	var b strings.Builder
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteString(" / ")
		}
		line = strings.TrimSpace(line)
		for j, r := range line {
			switch r {
			case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '{', '}':
				b.WriteByte('\\')
			case '#', '+', '-', '=', '!':
				if j == 0 {
					b.WriteByte('\\')
				}
			}
			b.WriteRune(r)
		}
	}
	out := entity.ReplaceAllString(b.String(), `\&$1`)
	// "1. " at the start would become an ordered list.
	if k := strings.IndexFunc(out, func(r rune) bool { return r < '0' || r > '9' }); k > 0 && (out[k] == '.' || out[k] == ')') {
		out = out[:k] + `\` + out[k:]
	}
	return out
}

// rankLabel shows a tie as "=2".
func rankLabel(r model.Ranked) string {
	if r.Tied {
		return fmt.Sprintf("=%d", r.Rank)
	}
	return fmt.Sprint(r.Rank)
}

// participants adds up the table sizes.
func participants(gs []model.Group) int {
	n := 0
	for _, g := range gs {
		n += g.Participants
	}
	return n
}

// plural returns "1 table" or "3 tables".
func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
