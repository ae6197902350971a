// Package sessions is forum's facilitation engine: the built-in templates,
// the stage flow, every operation a table can do (capture, edit, delete and
// restore notes, move between stages, set roles and the vision, cast dots,
// add next steps, choose key messages), the illustrative demo event and the
// Markdown summary. It validates and sanitizes every input with the rules
// in package model, then commits through package storage, so the TUI (and
// later the SSH seats and exports) share one set of rules.
package sessions
