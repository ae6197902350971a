package sessions

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"forum/model"
	"forum/storage"
)

// DemoNotice is the sentence every rendering of demo data carries.
const DemoNotice = "Illustrative demo data, made up by 'forum demo' to show how forum works. It is not the outcome of any real forum, and in particular not of the London Clinical Senate Forum of 25 January 2018."

// DemoOptions size the illustrative demo event.
type DemoOptions struct {
	// TablesPerArea is how many tables each area gets; 0 means 1 or 2.
	TablesPerArea int
	// NotesPerStage is how many notes each table captures at each capture
	// stage; 0 means a handful.
	NotesPerStage int
	// Large makes the event for load tests: 20 tables of 22 participants,
	// 200 notes each (4,000 in all) and about 20,000 votes; with
	// TablesPerArea set, that many tables in each area instead of 4 (8: 40
	// tables, 8,000 notes).
	Large bool
}

// Demo writes an illustrative, completed event (five areas, every table
// through every stage, with notes, themes, a fist-to-five on each vision,
// maturity ratings, dot votes (one reopened for a second round), next steps
// and their support, key messages; cross-cutting themes accepted and the
// event's key messages chosen) in one transaction and returns its id. It is marked Illustrative and its
// title says so: demo data must never pass for a real forum's outcomes.
func (e *Engine) Demo(ctx context.Context, actor string, opts DemoOptions) (model.ID, error) {
	if err := allow(ctx, needOrganise, ""); err != nil {
		return "", err
	}
	t, err := BuiltinTemplate(DefaultTemplate)
	if err != nil {
		return "", err
	}
	perStage := map[string]int{}
	participants := 0
	if opts.Large {
		tables := 4 // per area; TablesPerArea sets another size (same notes per table)
		if opts.TablesPerArea > 0 {
			tables = opts.TablesPerArea
		}
		opts.TablesPerArea, perStage, participants = tables, map[string]int{"vision": 20, "journey": 40, "priorities": 140}, 22
		t.Votes.Dots, t.Votes.Cap = 0, 1
	}
	now := e.Now()
	start := now.Add(-3 * time.Hour)
	snap := Snapshot{}
	ev, areas, groups, err := EventFromTemplate(t, NewEvent{Title: "Illustrative demo: " + t.Event.Title, Illustrative: true, TablesPerArea: max(opts.TablesPerArea, 1)}, start)
	if err != nil {
		return "", err
	}
	if opts.TablesPerArea == 0 {
		// A second table in two of the areas, so the report shows both shapes.
		ev, areas, groups = addTables(ev, areas, groups, start, 0, 2)
		renumber(areas, groups)
	}
	ev.UpdatedAt = now // written now, though its notes are back-dated
	snap.Event, snap.Areas = ev, areas
	rng := rand.New(rand.NewPCG(2018, 125))
	extra := rand.New(rand.NewPCG(2018, 126)) // for the fist-to-five, ratings, support and the first round: rng's draws stay as they were
	per := opts.NotesPerStage
	if per <= 0 {
		per = 5
	}
	for gi := range groups {
		g := &groups[gi]
		people := demoPeople[gi%len(demoPeople)]
		g.Facilitator, g.Scribe, g.Reporter, g.Participants = people[0], people[1], people[2], 6+rng.IntN(4)
		if participants > 0 {
			g.Participants = participants
		}
		g.StageKey = ev.Stages[len(ev.Stages)-1].Key
		g.StageStartedAt, g.UpdatedAt = now.Add(-5*time.Minute), now
		clock := start
		tick := func() time.Time { clock = clock.Add(time.Duration(20+rng.IntN(40)) * time.Second); return clock }
		var vision string
		for _, stage := range []string{"vision", "journey", "priorities"} {
			pool := demoNotes[stage]
			n := per
			if perStage[stage] > 0 {
				n = perStage[stage]
			}
			for i := 0; i < n; i++ {
				k := (i + gi) % len(pool)
				text, tag := pool[k][0], pool[k][1]
				if i >= len(pool) {
					text = fmt.Sprintf("%s (point %d)", text, i+1)
				}
				c := model.Contribution{ID: model.NewID(), GroupID: g.ID, StageKey: stage, Text: text,
					Tags: model.NormalizeTags([]string{tag}), Stamp: model.NewStamp(tick())}
				snap.Contributions = append(snap.Contributions, c)
				if stage == "vision" && vision == "" {
					vision = text
				}
			}
		}
		g.Vision = vision
		demoThemes(&snap, g, tick)
		snap.Groups = append(snap.Groups, *g)
		v, err := TableFromSnapshot(snap, g.ID)
		if err != nil {
			return "", err
		}
		demoFist(extra, &snap, *g, gi, tick)
		demoRatings(extra, &snap, *g, gi, tick)
		// The demo's votes are over: one closed, revealed round per table;
		// the second table reopened its vote, so its first round is kept
		// in the history and the second counts.
		round := model.VoteRound{ID: model.NewID(), GroupID: g.ID, StageKey: v.VoteStage, Method: model.MethodDots, Round: 1,
			Status: model.RoundClosed, Rules: v.Rules, Voters: g.Participants, Stamp: model.NewStamp(tick())}
		if gi == 1 {
			for _, vt := range demoBallots(extra, v, tick) {
				vt.RoundID = round.ID
				snap.Votes = append(snap.Votes, vt)
			}
			snap.Rounds = append(snap.Rounds, round)
			round.ID, round.Round, round.Stamp = model.NewID(), 2, model.NewStamp(tick())
		}
		for _, vt := range demoBallots(rng, v, tick) {
			vt.RoundID = round.ID
			snap.Votes = append(snap.Votes, vt)
		}
		snap.Rounds = append(snap.Rounds, round)
		v, _ = TableFromSnapshot(snap, g.ID)
		for i, p := range v.Priorities[:min(2, len(v.Priorities))] {
			s := demoSteps[(gi+i)%len(demoSteps)]
			snap.NextSteps = append(snap.NextSteps, model.NextStep{ID: model.NewID(), GroupID: g.ID, Action: s[0], Owner: s[1],
				ByWhen: s[2], Assist: s[3], Enabler: s[4], PriorityID: p.Note.ID, Stamp: model.NewStamp(tick())})
		}
		demoSupport(extra, &snap, *g, gi, tick)
		v, _ = TableFromSnapshot(snap, g.ID)
		for i, m := range SuggestKeyMessages(v) {
			snap.KeyMessages = append(snap.KeyMessages, model.KeyMessage{ID: model.NewID(), EventID: ev.ID, GroupID: g.ID,
				Position: i, Kind: m.Kind, Text: m.Text, Sources: m.Sources, Stamp: model.NewStamp(tick())})
		}
	}
	demoCrossThemes(&snap, now.Add(-10*time.Minute))
	demoEventMessages(&snap, now.Add(-5*time.Minute))
	demoAreaRound(&snap, now.Add(-3*time.Minute))
	if err := e.store.Update(ctx, actor, func(tx *storage.Tx) error { return insertSnapshot(tx, snap) }); err != nil {
		return "", fmt.Errorf("writing the demo event: %w", err)
	}
	return ev.ID, nil
}

// demoBallots has every participant spend their dots, leaning towards the
// first items so the ranking is clear but ties can happen.
func demoBallots(rng *rand.Rand, v TableView, tick func() time.Time) []model.Vote {
	items := v.VoteItems()
	if len(items) == 0 {
		return nil
	}
	var out []model.Vote
	for _, voter := range VoterCodes(v.Group.Participants) {
		b := model.Ballot{Voter: voter, Dots: map[model.ID]int{}}
		for left := v.Rules.Budget; left > 0; {
			i := min(rng.IntN(len(items)), rng.IntN(len(items)))
			if b.Dots[items[i]] < v.Rules.EffectiveCap() {
				b.Dots[items[i]]++
				left--
			}
		}
		out = append(out, model.BallotVotes(v.Group.ID, v.VoteStage, b, tick())...)
	}
	return out
}

// addTables gives n more tables, one each to the areas from the first.
func addTables(ev model.Event, areas []model.Area, groups []model.Group, now time.Time, first, n int) (model.Event, []model.Area, []model.Group) {
	for i := first; i < first+n && i < len(areas); i++ {
		groups = append(groups, model.Group{ID: model.NewID(), EventID: ev.ID, AreaID: areas[i].ID,
			Name: fmt.Sprintf("Table %d", len(groups)+1), Participants: 8, StageKey: ev.Stages[0].Key, Stamp: model.NewStamp(now)})
	}
	return ev, areas, groups
}

// renumber names tables "Table 1", "Table 2", … in area order.
func renumber(areas []model.Area, groups []model.Group) {
	n := 0
	for _, a := range areas {
		for i := range groups {
			if groups[i].AreaID == a.ID {
				n++
				groups[i].Name = fmt.Sprintf("Table %d", n)
			}
		}
	}
}

// insertSnapshot stores every record of a snapshot.
func insertSnapshot(tx *storage.Tx, s Snapshot) error {
	if err := tx.InsertEvent(s.Event); err != nil {
		return err
	}
	return insertRecords(tx, s)
}

// insertRecords stores everything of a snapshot but the event's own row.
func insertRecords(tx *storage.Tx, s Snapshot) error {
	for _, a := range s.Areas {
		if err := tx.InsertArea(a); err != nil {
			return err
		}
	}
	for _, g := range s.Groups {
		if err := tx.InsertGroup(g); err != nil {
			return err
		}
	}
	for _, th := range s.Themes {
		if err := tx.PutTheme(th); err != nil {
			return err
		}
	}
	for _, c := range s.Contributions {
		if err := tx.InsertContribution(c); err != nil {
			return err
		}
	}
	for _, l := range s.Links {
		if err := tx.PutLink(l); err != nil {
			return err
		}
	}
	for _, v := range s.Votes {
		if err := tx.InsertVote(v); err != nil {
			return err
		}
	}
	for _, r := range s.Rounds {
		if err := tx.PutRound(r); err != nil {
			return err
		}
	}
	for _, n := range s.NextSteps {
		if err := tx.InsertNextStep(n); err != nil {
			return err
		}
	}
	if s.AreaRound.Held != "" {
		if err := tx.PutAreaRound(s.Event.ID, s.AreaRound); err != nil {
			return err
		}
	}
	for _, p := range s.AreaParts {
		if err := tx.InsertAreaPart(p); err != nil {
			return err
		}
	}
	keyed := map[model.ID][]model.KeyMessage{}
	for _, k := range s.KeyMessages {
		keyed[k.GroupID] = append(keyed[k.GroupID], k)
	}
	for _, g := range append([]model.Group{{}}, s.Groups...) { // the event's own messages first
		if msgs := keyed[g.ID]; len(msgs) > 0 {
			if err := tx.ReplaceKeyMessages(s.Event.ID, g.ID, msgs); err != nil {
				return err
			}
		}
	}
	byRater := map[[2]string][]model.Rating{}
	var raters [][2]string
	for _, r := range s.Ratings {
		k := [2]string{string(r.GroupID), r.Rater}
		if _, ok := byRater[k]; !ok {
			raters = append(raters, k)
		}
		byRater[k] = append(byRater[k], r)
	}
	for _, k := range raters {
		if err := tx.ReplaceRatings(model.ID(k[0]), k[1], byRater[k]); err != nil {
			return err
		}
	}
	for _, r := range s.Revisions {
		if err := tx.PutRevision(r); err != nil {
			return err
		}
	}
	for _, k := range s.History {
		if err := tx.PutKept(s.Event.ID, k); err != nil {
			return err
		}
	}
	return nil
}

// demoThemeNames name the themes a demo table groups its journey notes
// into, by their enabler tag.
var demoThemeNames = map[string]string{"people": "Workforce and relationships", "processes": "Shared ways of working",
	"systems": "Records and data sharing", "resources": "Estates and money"}

// demoThemes groups a demo table's journey notes into themes by tag.
func demoThemes(snap *Snapshot, g *model.Group, tick func() time.Time) {
	made := map[string]model.ID{}
	for i := range snap.Contributions {
		c := &snap.Contributions[i]
		if c.GroupID != g.ID || c.StageKey != "journey" || len(c.Tags) == 0 {
			continue
		}
		name, ok := demoThemeNames[c.Tags[0]]
		if !ok {
			continue
		}
		if made[name] == "" {
			th := model.Theme{ID: model.NewID(), GroupID: g.ID, StageKey: "journey", Name: name, Stamp: model.NewStamp(tick())}
			snap.Themes = append(snap.Themes, th)
			made[name] = th.ID
		}
		c.ThemeID = made[name]
	}
}
