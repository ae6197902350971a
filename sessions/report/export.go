package report

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"forum/model"
	"forum/sessions"
)

// Export is one export of an event: a single file (md, html, docx, json)
// or, for csv, several.
type Export struct {
	Format Format
	// Data is the single file's content.
	Data []byte
	// Files are the CSV files by name.
	Files map[string][]byte
}

// Make builds an export of an event in format f, narrowed to scope.
func Make(ctx context.Context, eng *sessions.Engine, id model.ID, scope Scope, f Format) (Export, error) {
	out := Export{Format: f}
	if f == FormatJSON {
		if scope != (Scope{}) {
			return out, errors.New("a JSON export is always the whole event (it is what 'forum import' restores); leave out --area and --table")
		}
		var err error
		out.Data, err = eng.ExportJSON(ctx, id)
		return out, err
	}
	if f == FormatCSV {
		snap, err := eng.Snapshot(ctx, id)
		if err != nil {
			return out, fmt.Errorf("reading the event to export: %w", err)
		}
		out.Files, err = CSV(snap, scope)
		return out, err
	}
	var doc Doc
	digest, err := eng.Report(ctx, id, func(snap sessions.Snapshot) error {
		var err error
		doc, err = Build(snap, scope)
		return err
	})
	if err != nil {
		return out, err
	}
	out.Data, err = Render(withDigest(doc, digest), f)
	return out, err
}

// DefaultName is a file name for an export of the event: its date, a slug
// of its title, and the format's extension (a folder name for CSV).
func DefaultName(ev model.Event, scope Scope, f Format) string {
	var slug []rune
	for _, r := range strings.ToLower(model.Safe(ev.Title, false)) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			slug = append(slug, r)
		case len(slug) > 0 && slug[len(slug)-1] != '-':
			slug = append(slug, '-')
		}
		if len(slug) >= 40 {
			break
		}
	}
	name := "forum-" + ev.Date + "-" + strings.Trim(string(slug), "-")
	if scope.Area != "" {
		name += "-" + strings.ToLower(scope.Area)
	}
	if scope.Table != "" {
		name += "-table-" + scope.Table.Short()
	}
	if f == FormatCSV {
		return name + "-csv"
	}
	return name + "." + string(f)
}

// Write writes the export to path, never leaving a half-written file in
// place of a good one: each file is written to a temporary name and
// renamed. CSV goes to a folder (created if needed), or to a zip archive
// when path ends in .zip. It returns the absolute path written.
func (x Export) Write(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	if x.Format != FormatCSV {
		return abs, sessions.WriteFileAtomic(abs, x.Data)
	}
	if strings.EqualFold(filepath.Ext(abs), ".zip") {
		z, err := Zip(x.Files)
		if err != nil {
			return "", err
		}
		return abs, sessions.WriteFileAtomic(abs, z)
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return "", fmt.Errorf("cannot make the folder %s: %w", abs, err)
	}
	names := make([]string, 0, len(x.Files))
	for n := range x.Files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := sessions.WriteFileAtomic(filepath.Join(abs, n), x.Files[n]); err != nil {
			return "", err
		}
	}
	return abs, nil
}
