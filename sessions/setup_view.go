package sessions

import (
	"context"
	"fmt"

	"forum/model"
)

// SetupView is what the set-up screen shows: the event with its areas and
// tables, the removed ones (to restore), and what each area and table
// holds (to warn before removing it).
type SetupView struct {
	Board
	RemovedAreas  []model.Area
	RemovedGroups []model.Group
	// Holdings are keyed by area id and by table id.
	Holdings map[model.ID]Holdings
}

// Setup reads an event's set-up.
func (e *Engine) Setup(ctx context.Context, eventID model.ID) (SetupView, error) {
	if err := allow(ctx, needReadAll, ""); err != nil {
		return SetupView{}, err
	}
	snap, err := e.live.snapshot(ctx, eventID)
	if err != nil {
		return SetupView{}, fmt.Errorf("reading the set-up: %w", err)
	}
	v := SetupView{Board: BoardOf(snap),
		RemovedAreas: snap.RemovedAreas, RemovedGroups: snap.RemovedGroups, Holdings: map[model.ID]Holdings{}}
	for _, a := range snap.Areas {
		v.Holdings[a.ID] = HoldingsOf(snap, func(g model.Group) bool { return g.AreaID == a.ID })
	}
	for _, g := range snap.Groups {
		v.Holdings[g.ID] = HoldingsOf(snap, func(x model.Group) bool { return x.ID == g.ID })
	}
	return v, nil
}
