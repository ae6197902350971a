package sessions

import (
	"context"
	"errors"
	"fmt"

	"forum/model"
	"forum/storage"
)

// ErrAreaStale is returned when a part of an area's synthesis was saved by
// someone else since the copy being saved was read; nothing was saved.
var ErrAreaStale = storage.ErrStale

// AreaEdit is one part of an area's synthesis to save: which part (Kind,
// Key: see model.AreaPart), its new text and step fields, and Base, the
// version the editor started from (0: the draft).
type AreaEdit struct {
	Kind    string
	Key     string
	Text    string
	Owner   string
	ByWhen  string
	Assist  string
	Deleted bool
	Base    int
}

// areaPartRule is the rule for an area part's text (a vision may run to
// several lines).
func areaPartRule(kind string) model.TextRule {
	if kind == model.AreaVision {
		return model.VisionRule
	}
	return model.TextRule{Field: kind, Max: 500}
}

// AreaSynthesis reads one area's synthesis.
func (e *Engine) AreaSynthesis(ctx context.Context, eventID, areaID model.ID) (AreaSynthesis, error) {
	if err := allow(ctx, needReadAll, ""); err != nil {
		return AreaSynthesis{}, err
	}
	snap, err := e.store.Snapshot(ctx, eventID)
	if err != nil {
		return AreaSynthesis{}, fmt.Errorf("reading the area: %w", err)
	}
	for _, s := range AreaSyntheses(snap) {
		if s.Area.ID == areaID {
			return s, nil
		}
	}
	return AreaSynthesis{}, fmt.Errorf("area %s: %w", areaID.Short(), ErrNotFound)
}

// SaveAreaPart saves one part of an area's synthesis if no one else saved
// that part since edit.Base; otherwise it saves nothing and says so (the
// screen reloads and shows their change). Other parts are separate
// records: edits to them never conflict. The organiser, and the
// facilitators and scribes of the area's tables, may save.
func (e *Engine) SaveAreaPart(ctx context.Context, actor string, areaID model.ID, edit AreaEdit) (Saved[model.AreaPart], error) {
	var out Saved[model.AreaPart]
	switch edit.Kind {
	case model.AreaVision, model.AreaPriority, model.AreaStep, model.AreaMessage, model.AreaAsk, AreaFistKind:
	default:
		return out, fmt.Errorf("an area's synthesis has no part %q", edit.Kind)
	}
	if edit.Kind == model.AreaVision || edit.Kind == model.AreaAsk {
		edit.Key = edit.Kind
	}
	if edit.Key == "" {
		if edit.Kind != model.AreaStep {
			return out, errors.New("which part of the area's synthesis? (no key)")
		}
		edit.Key = string(model.NewID()) // a step the area adds
	}
	var notices []string
	clean := func(s string, r model.TextRule) string {
		c, err := model.Clean(s, r)
		if err != nil {
			return s
		}
		if n := c.Notice(); n != "" {
			notices = append(notices, n)
		}
		return c.Text
	}
	edit.Text = clean(edit.Text, areaPartRule(edit.Kind))
	if len([]rune(edit.Text)) > areaPartRule(edit.Kind).Max {
		return out, fmt.Errorf("the %s is longer than %d characters: shorten it", edit.Kind, areaPartRule(edit.Kind).Max)
	}
	short := model.TextRule{Field: "field", Max: 200}
	edit.Owner, edit.ByWhen, edit.Assist = clean(edit.Owner, short), clean(edit.ByWhen, short), clean(edit.Assist, model.TextRule{Field: "what would assist", Max: 500})
	err := e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		a, err := tx.Area(areaID)
		if err != nil {
			return err
		}
		if err := allowArea(ctx, tx, areaID); err != nil {
			return err
		}
		p := model.AreaPart{ID: model.NewID(), EventID: a.EventID, AreaID: areaID, Kind: edit.Kind, Key: edit.Key, Text: edit.Text,
			Owner: edit.Owner, ByWhen: edit.ByWhen, Assist: edit.Assist, Deleted: edit.Deleted, Stamp: model.NewStamp(e.Now())}
		out.Record, err = tx.PutAreaPart(p, edit.Base)
		if errors.Is(err, storage.ErrStale) {
			return fmt.Errorf("someone else saved this part of %s's synthesis while you were editing it; it has been reloaded with their change: make yours again if it is still needed: %w", a.Code, err)
		}
		return err
	})
	if err != nil {
		return out, fmt.Errorf("area synthesis not saved: %w", err)
	}
	if len(notices) > 0 {
		out.Notice = notices[0]
	}
	return out, nil
}

// allowArea lets the organiser, and a facilitator or scribe of one of the
// area's tables, edit the area's synthesis.
func allowArea(ctx context.Context, tx *storage.Tx, areaID model.ID) error {
	s := SeatOf(ctx)
	if s == nil || s.Role == RoleOrganiser {
		return nil
	}
	if s.Role == RoleFacilitator || s.Role == RoleScribe {
		if g, err := tx.Group(s.Table); err == nil && g.AreaID == areaID {
			return allow(ctx, needWrite, s.Table)
		}
	}
	return fmt.Errorf("%w: only the organiser and the area's facilitators and scribes edit its synthesis", ErrForbidden)
}
