package report

import (
	"fmt"

	"forum/model"
	"forum/sessions"
)

// voteHeader names votes.csv's columns. value is, by method: dots, the
// dots placed; approval, 1 for yes (0 for no); ranking, the place given
// (1 is first); fist-to-five, the fingers (0 to 5); support, from -2
// (strongly oppose) to +2 (strongly support).
var voteHeader = []string{"area", "table", "stage", "round", "method", "voter", "item_ref", "item", "value"}

// voteRows are every ballot line of a table's closed rounds, of every
// method, with its round and method: a spreadsheet can recompute any result
// the report gives. Ballots of a round still open are not exported: the
// vote is blind until the facilitator closes it.
func voteRows(snap sessions.Snapshot, area model.Area, v sessions.TableView, ref map[model.ID]string, text map[model.ID]string) [][]string {
	stage := map[string]string{}
	for _, s := range v.Event.Stages {
		stage[s.Key] = s.Title
	}
	round := map[model.ID]model.VoteRound{}
	for _, r := range snap.Rounds {
		if r.GroupID == v.Group.ID && r.Status == model.RoundClosed {
			round[r.ID] = r
		}
	}
	steps := map[model.ID]string{}
	for _, n := range snap.NextSteps {
		if n.GroupID == v.Group.ID {
			steps[n.ID] = n.Action
		}
	}
	var rows [][]string
	for _, vt := range snap.Votes {
		r, closed := round[vt.RoundID]
		if vt.GroupID != v.Group.ID || !closed {
			continue
		}
		itemRef, item := ref[vt.ItemID], text[vt.ItemID]
		switch {
		case vt.Method == model.MethodFist:
			itemRef, item = "vision", v.Group.Vision
		case vt.Method == model.MethodSupport:
			itemRef, item = "next-step", steps[vt.ItemID]
		case itemRef == "":
			itemRef = "theme"
		}
		rows = append(rows, []string{area.Code, v.Group.Name, stage[vt.StageKey], fmt.Sprint(r.Round), sessions.MethodWord(vt.Method),
			vt.Voter, itemRef, item, numberCell(vt.Value)})
	}
	return rows
}
