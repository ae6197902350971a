package serve

import (
	"context"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"forum/model"
	"forum/sessions"
)

func TestACardJoinsOnOneSeatAtATimeAndKeepsItsBallot(t *testing.T) {
	r := newRig(t, 1)
	ctx := context.Background()
	tables, err := r.eng.IssueCards(ctx, "test", r.event)
	if err != nil {
		t.Fatal(err)
	}
	var card model.Card
	for _, tc := range tables {
		if tc.Group.Name == "Table 1" {
			card = tc.Cards[0]
		}
	}
	first, err := r.dial(CardUser, gossh.Password(strings.ToLower(card.Code)))
	if err != nil {
		t.Fatalf("the card could not join: %v", err)
	}
	first.waitFor("You are "+card.Voter, 5*time.Second)

	second, err := r.dial(CardUser, gossh.Password(card.Code))
	if err == nil {
		second.waitFor("in use on another seat", 5*time.Second)
	}
	first.sess.Close()
	first.client.Close()
	time.Sleep(200 * time.Millisecond)
	again, err := r.dial(CardUser, gossh.Password(card.Code))
	if err != nil {
		t.Fatalf("the card could not join again after its seat closed: %v", err)
	}
	again.waitFor("You are "+card.Voter, 5*time.Second)

	if _, err := r.dial(CardUser, gossh.Password("AAAA-AAAA")); err == nil {
		t.Error("a made-up card was let in")
	}
	p, err := r.dial("participant-1", gossh.Password(r.pass[sessions.RoleParticipant]))
	if err == nil {
		p.waitFor("participant cards", 5*time.Second)
		t.Error("the shared participant passcode still joins a table that votes with cards")
	}
	log := r.logText()
	if strings.Contains(log, card.Code) || strings.Contains(log, card.Voter) {
		t.Errorf("the log names the card or its voter code:\n%s", log)
	}
}
