package sessions

import (
	"context"
	"fmt"

	"forum/model"
)

// SummaryMarkdown builds the event's key-messages summary as Markdown.
// The same data always gives the same bytes.
func (e *Engine) SummaryMarkdown(ctx context.Context, eventID model.ID) (string, error) {
	snap, err := e.store.Snapshot(ctx, eventID)
	if err != nil {
		return "", fmt.Errorf("reading the event for its summary: %w", err)
	}
	return Markdown(snap), nil
}
