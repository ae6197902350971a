package sessions

import (
	"context"
	"fmt"

	"forum/model"
	"forum/storage"
)

// SetKeyMessages replaces a table's key messages: at most three messages and
// one ask, each with text. Sources must be notes of the table.
func (e *Engine) SetKeyMessages(ctx context.Context, actor string, groupID model.ID, in []MessageInput) (string, error) {
	if err := allow(ctx, needWrite, groupID); err != nil {
		return "", err
	}
	msgs, notice, err := e.keyMessages(in, groupID, model.MaxMessages, "a table picks")
	if err != nil {
		return "", err
	}
	err = e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		g, err := liveGroup(tx, groupID)
		if err != nil {
			return err
		}
		for i := range msgs {
			msgs[i].EventID = g.EventID
			for _, src := range msgs[i].Sources {
				n, err := tx.Contribution(src)
				if err != nil || n.GroupID != groupID {
					return fmt.Errorf("a message cites a note that is not this table's")
				}
			}
		}
		return tx.ReplaceKeyMessages(g.EventID, groupID, msgs)
	})
	if err != nil {
		return "", fmt.Errorf("key messages not saved: %w", err)
	}
	return notice, nil
}

// keyMessages checks and cleans key messages: at most most messages and
// one ask (who says who picks them, for the refusal).
func (e *Engine) keyMessages(in []MessageInput, groupID model.ID, most int, who string) ([]model.KeyMessage, string, error) {
	var msgs []model.KeyMessage
	var cs []model.Cleaned
	count := map[model.MessageKind]int{}
	for _, m := range in {
		if m.Kind != model.KindMessage && m.Kind != model.KindAsk {
			return nil, "", fmt.Errorf("not saved: unknown kind %q", m.Kind)
		}
		count[m.Kind]++
		c, err := clean(m.Text, model.MessageRule)
		if err != nil {
			return nil, "", err
		}
		cs = append(cs, c)
		msgs = append(msgs, model.KeyMessage{ID: model.NewID(), GroupID: groupID, Position: len(msgs),
			Kind: m.Kind, Text: c.Text, Sources: append([]model.ID(nil), m.Sources...), Stamp: model.NewStamp(e.Now())})
	}
	if count[model.KindMessage] > most {
		return nil, "", fmt.Errorf("not saved: %d key messages; %s at most %d", count[model.KindMessage], who, most)
	}
	if count[model.KindAsk] > 1 {
		return nil, "", fmt.Errorf("not saved: %d asks; %s one", count[model.KindAsk], who)
	}
	return msgs, notices(cs...), nil
}

// MaxEventMessages bounds the event's own key messages (the report's first
// page).
const MaxEventMessages = 8

// SetEventMessages replaces the event's own key messages (the plenary's),
// each citing notes from any of its tables. The organiser sets them.
func (e *Engine) SetEventMessages(ctx context.Context, actor string, eventID model.ID, in []MessageInput) (string, error) {
	if err := allow(ctx, needOrganise, ""); err != nil {
		return "", err
	}
	msgs, notice, err := e.keyMessages(in, "", MaxEventMessages, "the event has")
	if err != nil {
		return "", err
	}
	err = e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		if _, err := tx.Event(eventID); err != nil {
			return err
		}
		for i := range msgs {
			msgs[i].EventID = eventID
			for _, src := range msgs[i].Sources {
				n, err := tx.Contribution(src)
				if err != nil {
					return fmt.Errorf("a message cites a note that does not exist")
				}
				g, err := tx.Group(n.GroupID)
				if err != nil || g.EventID != eventID {
					return fmt.Errorf("a message cites a note from another event")
				}
			}
		}
		return tx.ReplaceKeyMessages(eventID, "", msgs)
	})
	if err != nil {
		return "", fmt.Errorf("key messages not saved: %w", err)
	}
	return notice, nil
}

// SuggestKeyMessages proposes a table's key messages from its votes: the top
// voted priorities (up to three, only those with dots), and as the ask the
// first "what would assist" of its next steps.
func SuggestKeyMessages(v TableView) []MessageInput {
	var out []MessageInput
	for _, p := range v.Priorities {
		if len(out) == model.MaxMessages || p.Dots == 0 {
			break
		}
		out = append(out, MessageInput{Kind: model.KindMessage, Text: firstLine(p.Note.Text), Sources: p.Sources})
	}
	for _, s := range v.NextSteps {
		if s.Assist != "" {
			var src []model.ID
			if s.PriorityID != "" {
				src = []model.ID{s.PriorityID}
			}
			out = append(out, MessageInput{Kind: model.KindAsk, Text: firstLine(s.Assist), Sources: src})
			break
		}
	}
	return out
}

// firstLine is the text up to its first line break, capped for a message.
func firstLine(s string) string {
	for i, r := range s {
		if r == '\n' {
			s = s[:i]
			break
		}
	}
	if r := []rune(s); len(r) > model.MessageRule.Max {
		s = string(r[:model.MessageRule.Max-1]) + "…"
	}
	return s
}
