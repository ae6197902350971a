package model

import "time"

// Card is a participant card: a login code printed for one participant of
// a table, bound to one voter code there. Cards are shuffled before they are
// handed out, so nobody knows whose card holds which code; whichever way the
// holder votes (their own laptop, a phone, the table's shared laptop) the
// ballot is the card's, so a person votes once.
type Card struct {
	// Code is what is printed on the card and typed to join, such as
	// "K7DP-3MXQ".
	Code    string
	EventID ID
	GroupID ID
	// Voter is the anonymous voter code the card votes under (P1…Pn).
	Voter string
	// VoidedAt is when the card was voided (lost, or misprinted); a voided
	// card no longer joins, and its ballots in open rounds were taken out.
	VoidedAt  time.Time
	CreatedAt time.Time
}

// Live reports whether the card still joins.
func (c Card) Live() bool { return c.VoidedAt.IsZero() }
