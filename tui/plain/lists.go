package plain

import (
	"fmt"
	"strings"

	"forum/model"
	"forum/sessions"
)

// showEvents lists the events, numbered (the home screen).
func (s *session) showEvents() {
	if seat := s.opts.Seat; seat != nil {
		s.showTables() // a seat belongs to one event
		return
	}
	evs, err := s.eng.Events(s.ctx)
	if err != nil {
		s.failed("The events could not be read", err)
		return
	}
	s.event, s.numbers, s.listing = "", nil, listEvents
	if len(evs) == 0 {
		s.say("No events yet. Run 'forum demo' to add an illustrative one, or create one in the full-screen app.")
		return
	}
	lines := []string{plural(len(evs), "event", "events") + ":"}
	for i, e := range evs {
		demo := ""
		if e.Illustrative {
			demo = " (demo data)"
		}
		archived := ""
		if e.Archived {
			archived = ", archived"
		}
		lines = append(lines, fmt.Sprintf("%d. %s%s, %s, %s%s.", i+1, e.Title, demo, e.Date, plural(e.Tables, "table", "tables"), archived))
		s.numbers = append(s.numbers, e.ID)
	}
	lines = append(lines, "Type an event's number to hear its tables.")
	s.say("%s", strings.Join(lines, "\n"))
}

// showTables lists the event's tables, numbered, with each one's stage
// and clock (the tables screen and the room's overview).
func (s *session) showTables() {
	if s.event == "" {
		s.showEvents()
		return
	}
	b, err := s.eng.Board(s.ctx, s.event)
	if err != nil {
		s.failed("The tables could not be read", err)
		return
	}
	s.board, s.numbers, s.listing = b, nil, listTables
	areas := map[model.ID]model.Area{}
	for _, a := range b.Areas {
		areas[a.ID] = a
	}
	now := s.now()
	lines := []string{fmt.Sprintf("%s %s.", end(b.Event.Title), plural(len(b.Groups), "table", "tables"))}
	for i, g := range b.Groups {
		stage, clock := g.StageKey, "not started"
		if k := model.StageIndex(b.Event.Stages, g.StageKey); k >= 0 {
			st := b.Event.Stages[k]
			stage = fmt.Sprintf("stage %d of %d, %s", k+1, len(b.Event.Stages), st.Title)
			clock = clockSentence(sessions.TableView{Group: g, Stage: st}, now)
		}
		stats := b.Stats[g.ID]
		lines = append(lines, fmt.Sprintf("%d. %s, %s: %s, %s; %s, %s.", i+1, g.Name, areas[g.AreaID].Code, stage, clock,
			plural(stats.Notes, "note", "notes"), plural(stats.Ballots, "ballot", "ballots")))
		s.numbers = append(s.numbers, g.ID)
	}
	lines = append(lines, "Type a table's number to follow it.")
	s.say("%s", strings.Join(lines, "\n"))
}

// list kinds: what the last numbered list numbered.
const (
	listEvents = iota + 1
	listTables
)

// choose picks item n of the last list.
func (s *session) choose(n int) {
	if n < 1 || n > len(s.numbers) {
		s.say("There is no number %d in the list; Enter hears it again.", n)
		return
	}
	id := s.numbers[n-1]
	switch s.listing {
	case listEvents:
		s.event = id
		s.showTables()
	case listTables:
		s.openTable(id)
	}
}
