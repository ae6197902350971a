package serve

import (
	"context"
	"fmt"
	"io"
	"strings"

	"charm.land/ssh"
	"charm.land/wish/v2"

	"forum/model"
	"forum/sessions"
)

// PushCommand is the SSH command a table's laptop runs to send its copy
// of the event (JSON export on standard input) for the server to merge.
const PushCommand = "forum-merge"

// maxPush caps a pushed file (a 4,000-note event is a few megabytes).
const maxPush = 64 << 20

// push handles the push command; every other session goes on to the app.
// The merge is scoped like the seat: an organiser's push may bring in
// everything, a facilitator's or scribe's only their own table's records.
func (s *Server) push(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		cmd := sess.Command()
		if len(cmd) == 0 {
			next(sess)
			return
		}
		seat, _ := sess.Context().Value(seatKey{}).(*sessions.Seat)
		if len(cmd) != 1 || cmd[0] != PushCommand || seat == nil {
			wish.Fatalln(sess, "forum: the only command is "+PushCommand+" (use forum push)")
			return
		}
		lines, err := s.mergePush(sess.Context(), seat, host(sess.RemoteAddr()), io.LimitReader(sess, maxPush+1))
		if err != nil {
			s.log.Warn("push refused", "seat", seat.String(), "why", err.Error())
			wish.Fatalln(sess, "forum: "+err.Error())
			return
		}
		s.log.Info("push merged", "seat", seat.String())
		wish.Println(sess, strings.Join(lines, "\n"))
	}
}

// mergePush reads a pushed export and merges it as the seat may.
func (s *Server) mergePush(ctx context.Context, seat *sessions.Seat, addr string, r io.Reader) ([]string, error) {
	var tables []model.ID
	switch {
	case seat.Role == sessions.RoleOrganiser:
	case seat.Role == sessions.RoleFacilitator || seat.Role == sessions.RoleScribe:
		tables = []model.ID{seat.Table}
	default:
		return nil, fmt.Errorf("a %s cannot push; sign in as the table's facilitator or scribe", seat.Role)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading the pushed file: %w", err)
	}
	if len(data) > maxPush {
		return nil, fmt.Errorf("the pushed file is larger than %d MB; nothing was merged", maxPush>>20)
	}
	x, err := sessions.ParseExchange(data)
	if err != nil {
		return nil, fmt.Errorf("%w; nothing was merged", err)
	}
	if x.Event.ID != s.event {
		return nil, fmt.Errorf("%w (%q): this server serves another; nothing was merged", sessions.ErrOtherEvent, x.Event.Title)
	}
	src := sessions.MergeSource{Name: "the push from " + seat.String(), Snap: sessions.SnapshotOfExchange(x), Tables: tables}
	rep, err := s.eng.Merge(sessions.WithSeat(ctx, seat), "ssh:"+seat.String()+"@"+addr, s.event, []sessions.MergeSource{src})
	if err != nil {
		return nil, err
	}
	return rep.Lines, nil
}
