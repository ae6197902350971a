package web

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"

	"forum/model"
	"forum/sessions"
)

// The ballots a phone can show, by what the table is doing.
const (
	kindWaiting  = "waiting"
	kindDots     = model.MethodDots
	kindApproval = model.MethodApproval
	kindRanking  = model.MethodBorda
	kindFist     = model.MethodFist
	kindSupport  = model.MethodSupport
)

// ballot is what the page shows: the table, its stage, and the one vote
// the participant can cast now (or its result, or nothing).
type ballot struct {
	Event, Area, Table, Stage string
	Kind                      string
	// Heading names the vote; Help says its rules in a sentence.
	Heading, Help string
	Open          bool
	Round         int
	// Items are the ballot's questions, each with its choices, pre-set to
	// the participant's own ballot (or to what they just tried to cast).
	Items []item
	// Cast tells whether the participant has a ballot in this round.
	Cast bool
	// Results are the revealed tally, once the round is closed.
	Results []result
	Verdict string
}

// item is one question of a ballot.
type item struct {
	ID, Text string
	// Name is the form field's name; Choices its radio buttons, or, for a
	// ranking, its select's options.
	Name    string
	Choices []choice
	Checked bool // approval: a yes
}

// choice is one radio button or option.
type choice struct {
	Value, Label string
	On           bool
}

// result is one line of a revealed tally.
type result struct {
	Rank, Text, Score string
}

// pickVote is the vote a participant's phone shows, as the SSH
// participant's screen picks it (tui.participantVote): fist-to-five on the
// vision stage, support on the next-steps stage, the vote on priorities
// otherwise; but where there is nothing to vote on yet, it waits.
func pickVote(v sessions.TableView) string {
	switch v.Stage.Activity {
	case model.ActivityVision:
		if v.Group.Vision == "" {
			return kindWaiting
		}
		return kindFist
	case model.ActivityNextSteps:
		if len(v.NextSteps) == 0 {
			return kindWaiting
		}
		return kindSupport
	}
	if v.VoteStage == "" || len(v.VoteChoices()) == 0 {
		return kindWaiting
	}
	return v.Method
}

// ownBallot is the voter's ballot in a vote's round, or nil.
func ownBallot(st sessions.VoteState, voter string) map[model.ID]int {
	for _, b := range st.Ballots {
		if b.Voter == voter {
			return b.Dots
		}
	}
	return nil
}

// buildBallot reads the page for voter from the table's view; tried, when
// not nil, is a ballot just refused, shown again so nothing is lost.
func buildBallot(v sessions.TableView, voter string, tried map[model.ID]int) ballot {
	b := ballot{Event: v.Event.Title, Area: v.Area.Code, Table: v.Group.Name, Stage: v.Stage.Title, Kind: pickVote(v)}
	var st sessions.VoteState
	switch b.Kind {
	case kindWaiting:
		b.Heading = "Waiting for the facilitator"
		b.Help = "There is nothing to vote on at this stage yet. This page updates by itself."
		return b
	case kindFist:
		st = v.Fist
	case kindSupport:
		st = v.Support
	default:
		st = v.DotVote
	}
	b.Open, b.Round = st.Open, st.Round
	own := ownBallot(st, voter)
	b.Cast = own != nil
	if tried != nil {
		own = tried
	}
	switch b.Kind {
	case kindFist:
		b.Heading = "Fist-to-five on the vision"
		b.Help = "0 fingers: I block this. 5 fingers: full support. Consensus is everyone showing 3 or more."
		it := item{ID: string(v.Group.ID), Text: v.Group.Vision, Name: "fist"}
		n, ok := own[v.Group.ID]
		for f := 0; f <= 5; f++ {
			it.Choices = append(it.Choices, choice{Value: strconv.Itoa(f), Label: fistLabel(f), On: ok && n == f})
		}
		b.Items = []item{it}
	case kindSupport:
		b.Heading = "Support for the next steps"
		b.Help = "For each next step, say how far you support it. Steps you leave unrated are not counted."
		for _, s := range v.NextSteps {
			it := item{ID: string(s.ID), Text: s.Action, Name: "s-" + string(s.ID)}
			n, ok := own[s.ID]
			for l := -2; l <= 2; l++ {
				it.Choices = append(it.Choices, choice{Value: strconv.Itoa(l), Label: model.SupportLevels[l+2], On: ok && n == l})
			}
			b.Items = append(b.Items, it)
		}
	default:
		b.Heading = "Vote on priorities: " + sessions.MethodWord(b.Kind)
		b.Items, b.Help = priorityItems(v, b.Kind, own)
	}
	if !b.Open {
		b.Results, b.Verdict = results(v, b.Kind)
	}
	return b
}

// priorityItems are the vote on priorities' items in the order they were
// written (never by score: the vote is blind), with the rules' sentence.
func priorityItems(v sessions.TableView, method string, own map[model.ID]int) ([]item, string) {
	choices := v.VoteChoices()
	var out []item
	for _, c := range choices {
		it := item{ID: string(c.ID), Text: c.Text, Name: "i-" + string(c.ID)}
		n := own[c.ID]
		switch method {
		case kindApproval:
			it.Checked = n == 1
		case kindRanking:
			it.Choices = append(it.Choices, choice{Value: "0", Label: "Not ranked", On: n == 0})
			for p := 1; p <= len(choices); p++ {
				it.Choices = append(it.Choices, choice{Value: strconv.Itoa(p), Label: ordinal(p), On: n == p})
			}
		default:
			for d := 0; d <= v.Rules.EffectiveCap(); d++ {
				it.Choices = append(it.Choices, choice{Value: strconv.Itoa(d), Label: strconv.Itoa(d), On: n == d})
			}
		}
		out = append(out, it)
	}
	switch method {
	case kindApproval:
		return out, "Tick every item you would say yes to; leave the others."
	case kindRanking:
		return out, fmt.Sprintf("Rank as many items as you like: 1st, 2nd, 3rd… without gaps, each place once. First of %d gets %d points.", len(choices), len(choices))
	}
	r := v.Rules
	help := fmt.Sprintf("You have %s: at most %d on one item.", plural(r.Budget, "dot", "dots"), r.EffectiveCap())
	if r.SpendAll {
		help += " This vote asks you to place them all."
	}
	return out, help
}

// results is a closed vote's revealed tally.
func results(v sessions.TableView, kind string) ([]result, string) {
	var out []result
	switch kind {
	case kindFist:
		r := v.FistResult
		for f := 5; f >= 0; f-- {
			out = append(out, result{Text: fistLabel(f), Score: strconv.Itoa(r.Counts[f])})
		}
		verdict := fmt.Sprintf("No consensus yet: %d of %d showed fewer than 3 fingers.", r.Counts[0]+r.Counts[1]+r.Counts[2], r.Voters)
		if r.Consensus {
			verdict = fmt.Sprintf("Consensus: all %d showed 3 or more fingers.", r.Voters)
		} else if r.Voters == 0 {
			verdict = "No one voted in this round."
		}
		return out, verdict
	case kindSupport:
		for _, s := range v.NextSteps {
			r := v.StepSupport[s.ID]
			out = append(out, result{Text: s.Action, Score: fmt.Sprintf("%.0f%% support (%d of %d)", r.Percent, r.Counts[3]+r.Counts[4], r.Voters)})
		}
		return out, ""
	}
	one, many := "dot", "dots"
	if kind == kindApproval {
		one, many = "yes", "yes"
	} else if kind == kindRanking {
		one, many = "point", "points"
	}
	for _, p := range v.Priorities {
		out = append(out, result{Rank: p.Label(), Text: p.Note.Text, Score: plural(p.Dots, one, many)})
	}
	return out, fmt.Sprintf("%s in this round.", plural(len(v.DotVote.Ballots), "ballot", "ballots"))
}

// fistLabel names f fingers.
func fistLabel(f int) string {
	switch f {
	case 0:
		return "0 – a fist: I block this"
	case 5:
		return "5 – full support"
	}
	return plural(f, "finger", "fingers")
}

// ordinal is 1st, 2nd, 3rd, 4th…
func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

// plural is "1 dot" or "3 dots".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// fingerprint changes when what the page shows this voter changes (the
// stage, the vote, its round, whether it is open, the items, their own
// ballot, the results), never when another participant casts a ballot in
// an open round: the page reloads itself only for the facilitator's moves.
func fingerprint(b ballot) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s|%s|%s|%v|%d|%s|%v\n", b.Stage, b.Kind, b.Heading, b.Open, b.Round, b.Help, b.Cast)
	for _, it := range b.Items {
		fmt.Fprintf(h, "%s|%s|%v\n", it.ID, it.Text, it.Checked)
		for _, c := range it.Choices {
			fmt.Fprintf(h, "%s%v,", c.Value, c.On)
		}
	}
	for _, r := range b.Results {
		fmt.Fprintf(h, "%s|%s|%s\n", r.Rank, r.Text, r.Score)
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}
