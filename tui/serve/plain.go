package serve

import (
	"context"
	"strings"

	"charm.land/ssh"
	"charm.land/wish/v2"

	"forum/sessions"
	"forum/tui/plain"
)

// PlainSuffix at the end of a login ("scribe-3+plain") asks for the plain,
// line-by-line front end (package plain) instead of the full-screen app:
// environment variables rarely reach an SSH server, the login always does.
const PlainSuffix = "+plain"

// plainLogin splits the plain suffix off a login.
func plainLogin(user string) (string, bool) {
	lower := strings.ToLower(user)
	if strings.HasSuffix(lower, PlainSuffix) {
		return user[:len(user)-len(PlainSuffix)], true
	}
	return user, false
}

// plainSessions runs the plain front end for a login that asks for it,
// with or without a pseudo-terminal, and hands every other session on.
func (s *Server) plainSessions(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if _, ok := plainLogin(sess.User()); !ok {
			next(sess)
			return
		}
		seat, _ := sess.Context().Value(seatKey{}).(*sessions.Seat)
		if seat == nil {
			return
		}
		if seat.Role == sessions.RoleParticipant {
			code, release, err := s.voters.claim(s.eng, seat.Table)
			if err != nil {
				wish.Fatalln(sess, "forum: "+err.Error())
				return
			}
			seat.Voter = code
			defer release()
		}
		_, _, hasPty := sess.Pty()
		ctx, cancel := context.WithTimeout(sess.Context(), s.cfg.MaxSession)
		defer cancel()
		err := plain.Run(ctx, s.eng, plain.Options{Actor: "ssh:" + seat.String() + "@" + host(sess.RemoteAddr()), Seat: seat,
			In: sess, Out: sess, Terminal: hasPty, Stopping: s.stopping, IdleTimeout: s.cfg.IdleTimeout})
		if err != nil {
			s.log.Warn("plain session ended", "seat", seat.String(), "err", err.Error())
		}
	}
}
