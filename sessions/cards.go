package sessions

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"forum/model"
	"forum/storage"
)

// ErrCardNeeded refuses a participant who joins with the shared passcode
// at a table that votes with participant cards.
var ErrCardNeeded = errors.New("this table votes with participant cards: join with the code on your card (ssh card@… and the card's code as the password)")

// cardAlphabet is the passcodes' alphabet in capitals: no 0/O, 1/I/L.
var cardAlphabet = strings.ToUpper(passcodeAlphabet)

// NewCardCode is a random card code, "K7DP-3MXQ": 8 characters from 31
// (about 40 bits; logins are limited per address, see the SSH server).
func NewCardCode() string {
	var s strings.Builder
	for i := 0; i < 8; i++ {
		if i == 4 {
			s.WriteByte('-')
		}
		n, _ := rand.Int(rand.Reader, big.NewInt(int64(len(cardAlphabet)))) // never fails (crypto/rand)
		s.WriteByte(cardAlphabet[n.Int64()])
	}
	return s.String()
}

// NormaliseCardCode forgives case, spaces and dashes as typed by a person:
// "k7dp 3mxq" is "K7DP-3MXQ".
func NormaliseCardCode(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		if r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	c := b.String()
	if len(c) != 8 {
		return c
	}
	return c[:4] + "-" + c[4:]
}

// TableCards are one table's live cards, in a random order for printing.
type TableCards struct {
	Area  model.Area
	Group model.Group
	Cards []model.Card
}

// IssueCards gives every live table of the event one live card per
// participant, making only the cards that are missing (so running it again
// adds none, and after a card is voided it adds its replacement), and
// returns every table's live cards shuffled. A new card's voter code is one
// that no card, and no ballot at the table, has used.
func (e *Engine) IssueCards(ctx context.Context, actor string, eventID model.ID) ([]TableCards, error) {
	if err := allow(ctx, needOrganise, ""); err != nil {
		return nil, err
	}
	snap, err := e.store.Snapshot(ctx, eventID)
	if err != nil {
		return nil, fmt.Errorf("cards not made: %w", err)
	}
	err = e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		for _, g := range snap.Groups {
			if !g.RemovedAt.IsZero() {
				continue
			}
			have, err := tx.TableCards(g.ID)
			if err != nil {
				return err
			}
			used, live := map[string]bool{}, 0
			for _, c := range have {
				used[c.Voter] = true
				if c.Live() {
					live++
				}
			}
			for _, v := range snap.Votes {
				if v.GroupID == g.ID {
					used[v.Voter] = true
				}
			}
			var fresh []model.Card
			for n := 1; live+len(fresh) < g.Participants && n <= maxVoterCode; n++ {
				if code := fmt.Sprintf("P%d", n); !used[code] {
					fresh = append(fresh, model.Card{Code: NewCardCode(), EventID: eventID, GroupID: g.ID, Voter: code, CreatedAt: e.Now()})
				}
			}
			if len(fresh) > 0 {
				if err := tx.InsertCards(g.ID, fresh); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("cards not made: %w", err)
	}
	return e.Cards(ctx, eventID)
}

// Cards returns every live table's live cards, each table's shuffled.
func (e *Engine) Cards(ctx context.Context, eventID model.ID) ([]TableCards, error) {
	if err := allow(ctx, needOrganise, ""); err != nil {
		return nil, err
	}
	snap, err := e.store.Snapshot(ctx, eventID)
	if err != nil {
		return nil, err
	}
	cards, err := e.store.Cards(ctx, eventID)
	if err != nil {
		return nil, err
	}
	area := map[model.ID]model.Area{}
	for _, a := range snap.Areas {
		area[a.ID] = a
	}
	var out []TableCards
	for _, g := range snap.Groups {
		if !g.RemovedAt.IsZero() || !area[g.AreaID].RemovedAt.IsZero() {
			continue
		}
		tc := TableCards{Area: area[g.AreaID], Group: g}
		for _, c := range cards {
			if c.GroupID == g.ID && c.Live() {
				tc.Cards = append(tc.Cards, c)
			}
		}
		shuffle(tc.Cards)
		out = append(out, tc)
	}
	return out, nil
}

// shuffle puts cards in a random order (crypto/rand), so that the order on
// the printed sheet says nothing about the voter codes.
func shuffle(cards []model.Card) {
	for i := len(cards) - 1; i > 0; i-- {
		j, _ := rand.Int(rand.Reader, big.NewInt(int64(i+1)))
		cards[i], cards[j.Int64()] = cards[j.Int64()], cards[i]
	}
}

// VoidCard voids a lost or misprinted card: it no longer joins, and its
// ballots in the table's open rounds are taken out (held rounds never
// change). The next IssueCards makes its replacement, under a new voter
// code.
func (e *Engine) VoidCard(ctx context.Context, actor string, eventID model.ID, code string) (model.Card, error) {
	if err := allow(ctx, needOrganise, ""); err != nil {
		return model.Card{}, err
	}
	c, err := e.store.Card(ctx, NormaliseCardCode(code))
	if err != nil || c.EventID != eventID {
		return model.Card{}, fmt.Errorf("card %q: not a card of this event (check the code on the card)", model.Safe(code, false))
	}
	if !c.Live() {
		return c, fmt.Errorf("card %s was voided already", c.Code)
	}
	err = e.store.Update(ctx, actor, func(tx *storage.Tx) error { return tx.VoidCard(c, e.Now()) })
	if err != nil {
		return c, fmt.Errorf("card not voided: %w", err)
	}
	c.VoidedAt = e.Now()
	return c, nil
}

// CardSeat is the seat a participant card joins as: a participant at the
// card's table, voting under the card's voter code, so the holder can leave
// and join again and finds the same ballot. A voided card, another event's,
// or a card of a removed table is refused.
func (e *Engine) CardSeat(ctx context.Context, eventID model.ID, code string) (*Seat, error) {
	c, err := e.store.Card(ctx, NormaliseCardCode(code))
	if err != nil || c.EventID != eventID {
		return nil, errors.New("not a card of this event")
	}
	if !c.Live() {
		return nil, errors.New("this card was voided; ask the organiser for its replacement")
	}
	g, err := e.store.Group(ctx, c.GroupID)
	if err != nil || !g.RemovedAt.IsZero() {
		return nil, errors.New("this card's table is no longer in the event")
	}
	s := NewSeat(RoleParticipant, eventID, c.GroupID)
	s.Voter = c.Voter
	return s, nil
}

// TableUsesCards reports whether a table has live participant cards: its
// participants then join with their cards, not with the shared passcode,
// so the table never has more ballots than cards.
func (e *Engine) TableUsesCards(ctx context.Context, eventID, table model.ID) bool {
	cards, err := e.store.Cards(ctx, eventID)
	if err != nil {
		return false
	}
	for _, c := range cards {
		if c.GroupID == table && c.Live() {
			return true
		}
	}
	return false
}

// CardVoter is the voter code of a live card of the table, for the
// table's shared laptop: there too a person votes by their card, so they
// vote once whichever way they vote.
func (e *Engine) CardVoter(ctx context.Context, table model.ID, code string) (string, error) {
	c, err := e.store.Card(ctx, NormaliseCardCode(code))
	if err != nil || c.GroupID != table {
		return "", errors.New("that is not a card of this table: check the code on the card")
	}
	if !c.Live() {
		return "", errors.New("this card was voided; ask the organiser for its replacement")
	}
	return c.Voter, nil
}

// checkCardVoter refuses, at a table that votes with cards, a ballot under
// a voter code no live card holds (the paper tally aside): the table never
// has more ballots than cards, and a voided card's ballot is not counted.
func checkCardVoter(tx *storage.Tx, table model.ID, voter string) error {
	if voter == model.PaperVoter {
		return nil
	}
	cards, err := tx.TableCards(table)
	if err != nil {
		return err
	}
	live := false
	for _, c := range cards {
		if c.Live() {
			live = true
			if c.Voter == voter {
				return nil
			}
		}
	}
	if !live {
		return nil
	}
	return fmt.Errorf("vote refused: this table votes with participant cards, and no card votes as %s: vote with the code on your card", voter)
}
