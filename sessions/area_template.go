package sessions

import (
	"fmt"
	"strings"

	"forum/model"
	"forum/storage"
)

// TemplateAreaRound is a template's [area_round] table: held is "never"
// (the default), "multiple-tables" (only where an area has more than one
// table: the others' table outcomes are the area's) or "always"; minutes
// and prompts guide the round.
type TemplateAreaRound struct {
	Held    string   `toml:"held"`
	Minutes int      `toml:"minutes"`
	Prompts []string `toml:"prompts"`
}

func (r TemplateAreaRound) validate() error {
	switch strings.TrimSpace(r.Held) {
	case "", model.AreaRoundNever, model.AreaRoundMultiple, model.AreaRoundAlways:
	default:
		return fmt.Errorf("area_round.held: %q; allowed: %s, %s, %s", r.Held, model.AreaRoundNever, model.AreaRoundMultiple, model.AreaRoundAlways)
	}
	if r.Minutes < 0 {
		return fmt.Errorf("area_round.minutes is %d; it must be 0 or more", r.Minutes)
	}
	return nil
}

// round is the template's area round as the event stores it.
func (r TemplateAreaRound) round() model.AreaRound {
	held := strings.TrimSpace(r.Held)
	if held == "" {
		held = model.AreaRoundNever
	}
	return model.AreaRound{Held: held, Minutes: r.Minutes, Prompts: append([]string(nil), r.Prompts...)}
}

// putAreaRound stores the template's area round with a new event.
func putAreaRound(tx *storage.Tx, event model.ID, r TemplateAreaRound) error {
	return tx.PutAreaRound(event, r.round())
}

// EventAreaRound is whether and how the event holds the area round; an
// event made before forum stored it gets its built-in template's.
func EventAreaRound(snap Snapshot) model.AreaRound {
	if snap.AreaRound.Held != "" || snap.Event.Template == "" {
		return snap.AreaRound
	}
	if t, err := BuiltinTemplate(snap.Event.Template); err == nil {
		return t.AreaRound.round()
	}
	return snap.AreaRound
}
