package web

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"forum/model"
	"forum/sessions"
)

// actor is how a phone's ballots are recorded: a participant at a table,
// with no address and no card (the audit log says a participant voted, not
// who), as SSH records "ssh:participant@<table>".
func actor(seat *sessions.Seat) string { return "web:" + seat.String() }

// errStale refuses a ballot sent for a vote the table has moved on from.
var errStale = errors.New("the facilitator has changed the vote since this page was loaded: here is the vote as it is now, cast again")

// castForm casts the ballot a form carries, through the engine, with the
// seat's rules (sessions), and returns the ballot as read from the form so
// a refused one can be shown again.
func castForm(ctx context.Context, eng *sessions.Engine, seat *sessions.Seat, v sessions.TableView, form url.Values) (map[model.ID]int, error) {
	kind := pickVote(v)
	if form.Get("kind") != kind {
		return nil, errStale
	}
	g := v.Group.ID
	switch kind {
	case kindFist:
		n, err := strconv.Atoi(form.Get("fist"))
		if err != nil {
			return nil, errors.New("choose how many fingers you show, 0 to 5, then send")
		}
		tried := map[model.ID]int{g: n}
		return tried, eng.CastFist(ctx, actor(seat), g, seat.Voter, n)
	case kindSupport:
		levels, err := values(form, "s-", func(s string) bool { return true })
		if err != nil {
			return nil, err
		}
		if len(levels) == 0 {
			return levels, errors.New("rate at least one next step, then send")
		}
		return levels, eng.CastSupport(ctx, actor(seat), g, seat.Voter, levels)
	case kindWaiting:
		return nil, errStale
	}
	dots, err := values(form, "i-", func(s string) bool { return s != "0" })
	if err != nil {
		return nil, err
	}
	if kind == kindApproval {
		for id := range dots {
			dots[id] = 1
		}
	}
	return dots, eng.CastDots(ctx, actor(seat), g, seat.Voter, dots)
}

// values reads the form's fields named prefix+ID as whole numbers; a
// field that keep refuses (0 dots, an unranked item) is left out.
func values(form url.Values, prefix string, keep func(string) bool) (map[model.ID]int, error) {
	out := map[model.ID]int{}
	for name, vs := range form {
		id, ok := strings.CutPrefix(name, prefix)
		if !ok || len(vs) == 0 || vs[0] == "" || !keep(vs[0]) {
			continue
		}
		n, err := strconv.Atoi(vs[0])
		if err != nil {
			return nil, fmt.Errorf("%q is not a number", model.Safe(vs[0], false))
		}
		out[model.ID(id)] = n
	}
	return out, nil
}

// refusal is the sentence shown for a refused ballot: the engine's own
// reason, without the wrapping that names the layers.
func refusal(err error) string {
	s := err.Error()
	for _, p := range []string{"dots not saved: ", "vote not saved: "} {
		s = strings.ReplaceAll(s, p, "")
	}
	if errors.Is(err, sessions.ErrTooFast) {
		s = "Too many ballots from this card at once: wait a moment, then send again."
	}
	if s != "" {
		s = strings.ToUpper(s[:1]) + s[1:]
	}
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}
