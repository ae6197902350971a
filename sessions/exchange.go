package sessions

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"

	"forum/model"
	"forum/storage"
)

// ExchangeFormat and ExchangeVersion head every JSON export; an import
// refuses any other format and any newer version.
const (
	ExchangeFormat  = "forum-event"
	ExchangeVersion = 2
)

// Exchange is the complete event as JSON: everything stored for it,
// removed areas and tables, deleted notes, notes' earlier versions, closed
// vote rounds and the versions a merge did not keep included, so that an
// import restores it exactly (import then export gives the same bytes).
// The audit log is each database's own and is not part of it. Version 2
// writes every key in snake_case, nested records too (see renameKeys);
// version 1 files (Go field names, no history) still import.
type Exchange struct {
	Format        string               `json:"format"`
	Version       int                  `json:"version"`
	Event         model.Event          `json:"event"`
	Areas         []model.Area         `json:"areas"`
	Tables        []model.Group        `json:"tables"`
	Contributions []model.Contribution `json:"contributions"`
	Votes         []model.Vote         `json:"votes"`
	NextSteps     []model.NextStep     `json:"next_steps"`
	KeyMessages   []model.KeyMessage   `json:"key_messages"`
	Ratings       []model.Rating       `json:"maturity_ratings"`
	Themes        []model.Theme        `json:"themes"`
	Links         []model.ThemeLink    `json:"theme_links"`
	Rounds        []model.VoteRound    `json:"vote_rounds"`
	// Revisions are notes' earlier versions (ID is the note's), History
	// the other records' versions that lost a merge.
	Revisions []model.Contribution `json:"note_revisions"`
	History   []model.Kept         `json:"record_history"`
	AreaExchange
}

// ExportJSON writes the complete event as indented JSON; the same data
// gives the same bytes.
func (e *Engine) ExportJSON(ctx context.Context, eventID model.ID) ([]byte, error) {
	if err := allow(ctx, needReadAll, ""); err != nil {
		return nil, err
	}
	snap, err := e.store.SnapshotAll(ctx, eventID)
	if err != nil {
		return nil, fmt.Errorf("reading the event to export: %w", err)
	}
	return exportBytes(snap)
}

// exchangeOf is the exchange of a complete snapshot.
func exchangeOf(snap Snapshot) Exchange {
	x := storedExchange(snap)
	x.AreaSyntheses = areaBriefs(snap)
	return x
}

// storedExchange is the exchange of a complete snapshot without what is
// derived from the rest (the areas' syntheses).
func storedExchange(snap Snapshot) Exchange {
	return Exchange{Format: ExchangeFormat, Version: ExchangeVersion, Event: snap.Event, Areas: snap.Areas, Tables: snap.Groups,
		Contributions: snap.Contributions, Votes: snap.Votes, NextSteps: snap.NextSteps, KeyMessages: snap.KeyMessages, Ratings: snap.Ratings,
		Themes: snap.Themes, Links: snap.Links, Rounds: snap.Rounds, Revisions: snap.Revisions, History: snap.History, AreaExchange: storedAreas(snap)}
}

// SnapshotOfExchange is the snapshot an exchange stores (for a merge).
func SnapshotOfExchange(x Exchange) Snapshot { return snapshotOf(x) }

// snapshotOf is the snapshot an exchange stores.
func snapshotOf(x Exchange) Snapshot {
	return Snapshot{Event: x.Event, Areas: x.Areas, Groups: x.Tables, Contributions: x.Contributions, Votes: x.Votes,
		NextSteps: x.NextSteps, KeyMessages: x.KeyMessages, Ratings: x.Ratings, Themes: x.Themes, Links: x.Links, Rounds: x.Rounds,
		Revisions: x.Revisions, History: x.History, AreaParts: x.AreaParts, AreaRound: x.areaRoundOf()}
}

// ErrEventExists is returned by an import of an event the database holds.
var ErrEventExists = errors.New("the database already holds this event")

// ImportJSON checks a JSON export whole and, only if all of it is valid,
// stores the event in one transaction. An event that is already in the
// database is refused unless replace is true, which erases the stored one
// first (the audit log records both).
func (e *Engine) ImportJSON(ctx context.Context, actor string, data []byte, replace bool) (model.ID, error) {
	if err := allow(ctx, needOrganise, ""); err != nil {
		return "", err
	}
	x, err := ParseExchange(data)
	if err != nil {
		return "", err
	}
	id := x.Event.ID
	err = e.store.Update(ctx, actor, func(tx *storage.Tx) error {
		old, err := tx.Event(id)
		switch {
		case err == nil && !replace:
			return fmt.Errorf("%w: %q (id %s). Nothing was imported; to overwrite it, run the import again with --replace", ErrEventExists, old.Title, id)
		case err == nil:
			if err := tx.PurgeEvent(id); err != nil {
				return err
			}
		case !errors.Is(err, storage.ErrNotFound):
			return err
		}
		tx.Raw()
		if err := insertSnapshot(tx, snapshotOf(x)); err != nil {
			return err
		}
		return tx.Note("import", "event", id, "{}")
	})
	if err != nil {
		return "", fmt.Errorf("import: %w", err)
	}
	return id, nil
}

// ParseExchange reads and checks a JSON export without storing anything;
// the error names the first problem: where in the file, and what was
// expected.
func ParseExchange(data []byte) (Exchange, error) {
	var head struct {
		Version int `json:"version"`
	}
	if json.Unmarshal(data, &head) == nil && head.Version >= 2 {
		x, err := parseExchange(renameKeys(data, goName))
		if err != nil { // name the fields as the file does
			err = errors.New(goPath.ReplaceAllStringFunc(err.Error(), func(m string) string { return "." + snakeName(m[1:]) }))
		}
		return x, err
	}
	return parseExchange(data)
}

// goPath is a Go field name in an error's path ("areas[0].Code").
var goPath = regexp.MustCompile(`\.[A-Z][A-Za-z]*`)

func parseExchange(data []byte) (Exchange, error) {
	var x Exchange
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&x); err != nil {
		return x, fmt.Errorf("not a forum JSON export: %s", jsonProblem(data, err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return x, errors.New("not a forum JSON export: there is more after the event's closing brace")
	}
	switch {
	case x.Format != ExchangeFormat:
		return x, fmt.Errorf("format: %q is not a forum event export (want %q)", x.Format, ExchangeFormat)
	case x.Version > ExchangeVersion:
		return x, fmt.Errorf("version: the file was written by a newer forum (version %d; this one reads up to %d); update forum", x.Version, ExchangeVersion)
	case x.Version < 1:
		return x, fmt.Errorf("version: %d is not a version (want %d)", x.Version, ExchangeVersion)
	}
	for i, k := range x.History {
		var buf bytes.Buffer
		if err := json.Compact(&buf, k.Data); err == nil {
			x.History[i].Data = buf.Bytes()
		}
	}
	if err := checkExchange(x); err != nil {
		return x, err
	}
	return x, gateExchange(x)
}

// jsonProblem turns a decoding error into "line 12: …".
func jsonProblem(data []byte, err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("line %d: %v", lineAt(data, syn.Offset), syn)
	case errors.As(err, &typ):
		return fmt.Sprintf("line %d: %s: expected %s, found a JSON %s", lineAt(data, typ.Offset), typ.Field, typ.Type, typ.Value)
	case errors.Is(err, io.EOF):
		return "the file is empty"
	}
	return err.Error()
}

func lineAt(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	return bytes.Count(data[:off], []byte("\n")) + 1
}
