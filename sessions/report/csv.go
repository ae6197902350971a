package report

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"

	"forum/model"
	"forum/sessions"
)

// CSV writes the event's data (or the scope's) as spreadsheet files:
// contributions.csv, votes.csv (one row per ballot line of every method
// and closed round; voters appear only as their anonymous codes), next_steps.csv, key_messages.csv and
// maturity.csv (raters, too, by anonymous code), and the areas' syntheses
// in area_briefs.csv, area_priorities.csv and area_next_steps.csv.
// Every cell that a spreadsheet would read as a formula is made text.
func CSV(snap sessions.Snapshot, scope Scope) (map[string][]byte, error) {
	ref := Refs(snap)
	part, _, err := narrow(snap, scope)
	if err != nil {
		return nil, err
	}
	areas := byArea(part)
	var notes, votes, steps, msgs [][]string
	notes = append(notes, []string{"ref", "area", "table", "stage", "text", "tags", "said_by", "captured_at", "id"})
	votes = append(votes, voteHeader)
	steps = append(steps, []string{"area", "table", "action", "owner", "by_when", "enabler", "what_would_assist", "serves_ref", "serves", "id"})
	msgs = append(msgs, []string{"area", "table", "position", "kind", "text", "cites"})
	ratings := [][]string{{"area", "table", "rater", "dimension", "level", "level_name"}}
	text := map[model.ID]string{}
	for _, c := range snap.Contributions {
		text[c.ID] = c.Text
	}
	for _, th := range snap.Themes {
		text[th.ID] = th.Name
	}
	for _, at := range areas {
		for _, v := range at.Tables {
			stage := map[string]string{}
			for _, s := range v.Event.Stages {
				stage[s.Key] = s.Title
			}
			for _, c := range v.Notes {
				notes = append(notes, []string{ref[c.ID], at.Area.Code, v.Group.Name, stage[c.StageKey], c.Text, strings.Join(c.Tags, "; "),
					c.Author, c.CreatedAt.UTC().Format("2006-01-02T15:04:05Z"), string(c.ID)})
			}
			votes = append(votes, voteRows(snap, at.Area, v, ref, text)...)
			for _, s := range v.NextSteps {
				steps = append(steps, []string{at.Area.Code, v.Group.Name, s.Action, s.Owner, s.ByWhen, s.Enabler, s.Assist, ref[s.PriorityID], text[s.PriorityID], string(s.ID)})
			}
			for _, r := range v.Ratings {
				if r.Dimension < len(v.Maturity.Dimensions) && r.Level >= 1 && r.Level <= len(v.Maturity.Levels) {
					ratings = append(ratings, []string{at.Area.Code, v.Group.Name, r.Rater, v.Maturity.Dimensions[r.Dimension].Name, fmt.Sprint(r.Level), v.Maturity.Levels[r.Level-1]})
				}
			}
			for _, k := range v.KeyMessages {
				msgs = append(msgs, []string{at.Area.Code, v.Group.Name, fmt.Sprint(k.Position + 1), string(k.Kind), k.Text, strings.Join(cites(k.Sources, ref), "; ")})
			}
		}
	}
	if scope == (Scope{}) {
		for _, k := range snap.KeyMessages {
			if k.GroupID == "" {
				msgs = append(msgs, []string{"", "", fmt.Sprint(k.Position + 1), string(k.Kind), k.Text, strings.Join(cites(k.Sources, ref), "; ")})
			}
		}
	}
	files := map[string][][]string{"contributions.csv": notes, "votes.csv": votes, "next_steps.csv": steps, "key_messages.csv": msgs, "maturity.csv": ratings}
	for name, rows := range areaCSV(part, areas, scope) {
		files[name] = rows
	}
	out := map[string][]byte{}
	for name, rows := range files {
		b, err := csvBytes(rows)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		out[name] = b
	}
	return out, nil
}

// csvBytes writes rows as CSV with a byte-order mark (so that Excel reads
// UTF-8) and CRLF line ends.
func csvBytes(rows [][]string) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	for i, r := range rows {
		if i > 0 {
			for j := range r {
				if n, ok := strings.CutPrefix(r[j], numberMark); ok {
					r[j] = n // a number forum wrote, such as a support level of -2
				} else {
					r[j] = CSVCell(r[j])
				}
			}
		}
		if err := w.Write(r); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// numberMark starts a cell that holds a number forum computed, which is
// written as it is (CSVCell would make "-2" text); user text never starts
// with it, since cleaning drops control characters.
const numberMark = "\x00"

// numberCell is n as a cell that stays a number in a spreadsheet.
func numberCell(n int) string { return numberMark + strconv.Itoa(n) }

// CSVCell makes user text safe in a spreadsheet: control characters go,
// and a cell that starts like a formula (=, +, -, @, tab, CR) is prefixed
// with an apostrophe so that it stays text.
func CSVCell(s string) string {
	s = model.Safe(s, true)
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
