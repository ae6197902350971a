package serve

import (
	"context"

	"charm.land/ssh"
)

// CardUser is the SSH user name a participant card joins with; the card's
// code is the password: ssh card@HOST -p PORT.
const CardUser = "card"

// cardLogin lets in a participant card: the seat votes under the card's
// voter code at the card's table. A refused card counts as a failed login.
// The log records the address, never the card or its voter code.
func (s *Server) cardLogin(ctx ssh.Context, addr, code string) bool {
	seat, err := s.eng.CardSeat(context.Background(), s.event, code)
	if err != nil {
		s.log.Warn("login refused", "user", CardUser, "addr", addr, "why", err.Error())
		s.guard.failed(addr)
		return false
	}
	ctx.SetValue(seatKey{}, seat)
	return true
}
