package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"forum/model"
	"forum/sessions"
	"forum/sessions/report"
)

// errAuditFails is the exit of a verification that found a problem.
var errAuditFails = errors.New("the database or its audit log fails verification (see above)")

// runAudit is 'forum audit verify' and 'forum audit export'.
func runAudit(ctx context.Context, db string, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || (args[0] != "verify" && args[0] != "export") {
		return errors.New("say what to do: forum audit verify [--event ID], or forum audit export [--format csv|json] [-o PATH]")
	}
	sub, args := args[0], args[1:]
	fs := flagSet("forum audit "+sub, &db, stderr)
	event := fs.String("event", "", "verify: print only this event's data digest (default: every event's)")
	format := fs.String("format", "csv", "export: csv or json")
	out := fs.String("o", "", "export: write to this file instead of printing")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected %q (see forum audit %s --help)", fs.Arg(0), sub)
	}
	if *format != "csv" && *format != "json" {
		return fmt.Errorf("--format %q: the audit log is exported as csv or json", *format)
	}
	return withEngine(ctx, db, "cli", func(eng *sessions.Engine, actor string) error {
		if sub == "verify" {
			return verifyAudit(ctx, eng, *event, stdout)
		}
		entries, err := eng.AuditLog(ctx)
		if err != nil {
			return err
		}
		data, err := auditData(entries, *format)
		if err != nil || *out == "" {
			if err == nil {
				_, err = stdout.Write(data)
			}
			return err
		}
		if err := sessions.WriteFileAtomic(*out, data); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "wrote %d audit entries to %s\n", len(entries), *out)
		return nil
	})
}

// verifyAudit prints what verification found and the events' digests.
func verifyAudit(ctx context.Context, eng *sessions.Engine, event string, stdout io.Writer) error {
	c, err := eng.VerifyAudit(ctx)
	if err != nil {
		return err
	}
	if c.Integrity == "ok" {
		fmt.Fprintln(stdout, "Database file: sound (SQLite's integrity check found nothing).")
	} else {
		fmt.Fprintf(stdout, "Database file: DAMAGED: %s\nRestore it from a backup (made with VACUUM INTO or a JSON export).\n", c.Integrity)
	}
	if c.Problem == "" {
		fmt.Fprintf(stdout, "Audit log: %d entries, the chain holds", c.Entries)
		if c.Sealed > 0 {
			fmt.Fprintf(stdout, " (the first %d, from before the chain, are sealed by it)", c.Sealed)
		}
		fmt.Fprintln(stdout, ".")
	} else {
		fmt.Fprintf(stdout, "Audit log: TAMPERED: %s.\n", c.Problem)
	}
	if c.Head != "" {
		fmt.Fprintf(stdout, "Last entry: %d, hash %s (note it: a later verify that ends elsewhere shows entries were cut off).\n", c.HeadSeq, c.Head)
	}
	events, err := eng.Events(ctx)
	if err != nil {
		return err
	}
	for _, ev := range events {
		if event != "" && string(ev.ID) != event {
			continue
		}
		d, err := eng.EventDigest(ctx, ev.ID)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Event %s «%s»: data digest %s (its reports' \"Data as of\" line states it).\n", ev.ID, model.Safe(ev.Title, false), d)
	}
	if !c.OK() {
		return errAuditFails
	}
	return nil
}

// auditData renders the audit log as CSV (cells safe in a spreadsheet) or
// as indented JSON.
func auditData(entries []sessions.AuditEntry, format string) ([]byte, error) {
	var buf bytes.Buffer
	if format == "json" {
		type entry struct {
			Seq      int64           `json:"seq"`
			At       string          `json:"at"`
			Actor    string          `json:"actor"`
			Action   string          `json:"action"`
			Entity   string          `json:"entity"`
			EntityID model.ID        `json:"entity_id"`
			Detail   json.RawMessage `json:"detail"`
			Prev     string          `json:"prev"`
			Hash     string          `json:"hash"`
		}
		list := make([]entry, 0, len(entries))
		for _, e := range entries {
			d := json.RawMessage(e.Detail)
			if !json.Valid(d) {
				d, _ = json.Marshal(e.Detail)
			}
			list = append(list, entry{e.Seq, e.At.UTC().Format(time.RFC3339Nano), e.Actor, e.Action, e.Entity, e.EntityID, d, e.Prev, e.Hash})
		}
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		err := enc.Encode(list)
		return buf.Bytes(), err
	}
	w := csv.NewWriter(&buf)
	w.Write([]string{"seq", "at", "actor", "action", "entity", "entity_id", "detail", "prev", "hash"})
	for _, e := range entries {
		w.Write([]string{strconv.FormatInt(e.Seq, 10), e.At.UTC().Format(time.RFC3339Nano), report.CSVCell(e.Actor), e.Action, e.Entity,
			string(e.EntityID), report.CSVCell(e.Detail), e.Prev, e.Hash})
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}
