package plain

import (
	"fmt"
	"strings"
	"time"

	"forum/model"
	"forum/sessions"
)

// openTable reads a table and says where it stands.
func (s *session) openTable(id model.ID) {
	v, err := s.eng.Table(s.ctx, id)
	if err != nil {
		s.failed("The table could not be opened", err)
		return
	}
	s.table = nil
	s.follow(v)
	s.say("%s", tableHeading(v))
	s.say("%s", stageLines(v, s.now()))
	s.say("Type a note and press Enter to save it. /notes reads this stage's notes, /help lists the commands.")
}

// tableHeading is the table's name, area and event.
func tableHeading(v sessions.TableView) string {
	h := end(fmt.Sprintf("%s, %s, at %s", v.Group.Name, v.Area.Label(), v.Event.Title))
	if v.Event.Illustrative {
		h = "Demo data. " + h
	}
	return h
}

// stageLines is where the table is in its script, its clock and prompts.
func stageLines(v sessions.TableView, now time.Time) string {
	lines := []string{fmt.Sprintf("Stage %d of %d: %s. Clock: %s.", v.StageIndex+1, len(v.Event.Stages), v.Stage.Title, clockSentence(v, now))}
	for _, p := range v.Stage.Prompts {
		lines = append(lines, "Prompt: "+model.Fill(p, v.Area))
	}
	if v.Group.Locked(v.Stage.Key) {
		lines = append(lines, "This stage is locked: nothing more is captured in it.")
	}
	return strings.Join(lines, "\n")
}

// differences are the lines that say what changed at a table from old to
// v: notes added or removed by others, the stage moved, the vote opened or
// closed, the clock paused, resumed or extended. mine are the notes this
// person saved, which they already heard about.
func differences(old, v sessions.TableView, mine map[model.ID]bool, now time.Time) []change {
	var out []change
	add := func(k kind, text string) { out = append(out, change{k, text}) }
	if old.Group.StageKey != v.Group.StageKey {
		add(kindStage, "Stage moved. "+stageLines(v, now))
	}
	before := map[model.ID]model.Contribution{}
	for _, c := range old.Notes {
		before[c.ID] = c
	}
	after := map[model.ID]bool{}
	for _, c := range v.Notes {
		after[c.ID] = true
		prev, seen := before[c.ID]
		switch {
		case !seen && !mine[c.ID] && c.StageKey == v.Group.StageKey:
			add(kindNote, "New note"+by(c)+": "+c.Text)
		case seen && prev.Text != c.Text && c.StageKey == v.Group.StageKey:
			add(kindNote, "Note changed"+by(c)+": "+c.Text)
		}
	}
	for _, c := range old.Notes {
		if !after[c.ID] && c.StageKey == v.Group.StageKey {
			add(kindNote, "Note removed: "+c.Text)
		}
	}
	switch ov, nv := old.DotVote, v.DotVote; {
	case ov.Open && !nv.Open:
		add(kindVote, fmt.Sprintf("Vote closed: %s; the results are revealed. /votes reads them.", plural(len(nv.Ballots), "ballot", "ballots")))
	case !ov.Open && nv.Open:
		add(kindVote, fmt.Sprintf("Vote opened (round %d): /votes lists the choices.", nv.Round))
	}
	og, ng := old.Group, v.Group
	switch {
	case og.PausedAt.IsZero() && !ng.PausedAt.IsZero():
		add(kindClock, "Clock paused.")
	case !og.PausedAt.IsZero() && ng.PausedAt.IsZero() && og.StageKey == ng.StageKey:
		add(kindClock, "Clock running again.")
	}
	if ng.ExtraMinutes > og.ExtraMinutes && og.StageKey == ng.StageKey {
		add(kindClock, fmt.Sprintf("Clock extended by %d min.", ng.ExtraMinutes-og.ExtraMinutes))
	}
	return out
}

// kind is what a change is about.
type kind int

const (
	kindStage kind = iota + 1
	kindNote
	kindVote
	kindClock
)

// change is one line to say about a table.
type change struct {
	kind kind
	text string
}

// by is " by the author", if the note names one.
func by(c model.Contribution) string {
	if c.Author == "" {
		return ""
	}
	return " by " + c.Author
}

// stageNotes reads the notes of the table's current stage, numbered.
func (s *session) stageNotes() {
	v := s.table
	notes := v.StageNotes()
	if len(notes) == 0 {
		s.say("No notes yet at %s.", v.Stage.Title)
		return
	}
	lines := []string{fmt.Sprintf("%s at %s:", plural(len(notes), "note", "notes"), v.Stage.Title)}
	for i, c := range notes {
		tags := ""
		if len(c.Tags) > 0 {
			tags = " (tags: " + strings.Join(c.Tags, ", ") + ")"
		}
		lines = append(lines, fmt.Sprintf("%d. %s%s%s", i+1, c.Text, by(c), tags))
	}
	s.say("%s", strings.Join(lines, "\n"))
}

// end ends a sentence with a full stop, unless it ends in one already.
func end(s string) string {
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
