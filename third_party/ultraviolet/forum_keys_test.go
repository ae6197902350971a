package uv

// forum's test of its patch (forum_keys.go). Run by forum's .ci/run.

import (
	"reflect"
	"testing"
)

// Readers of the same kind of terminal share one key table, and it is the
// table upstream would have built for each; another kind gets its own.
func TestForumReadersShareTheirKindsKeyTable(t *testing.T) {
	a, b := NewTerminalReader(nil, "xterm-256color"), NewTerminalReader(nil, "xterm-256color")
	if reflect.ValueOf(a.table).Pointer() != reflect.ValueOf(b.table).Pointer() {
		t.Error("two xterm readers hold two key tables")
	}
	if !reflect.DeepEqual(a.table, newKeysTable(0, "xterm-256color", false)) {
		t.Error("the shared table differs from a fresh one")
	}
	c := NewTerminalReader(nil, "screen")
	if reflect.ValueOf(a.table).Pointer() == reflect.ValueOf(c.table).Pointer() {
		t.Error("an xterm and a screen reader share a table")
	}
	if !reflect.DeepEqual(c.table, newKeysTable(0, "screen", false)) {
		t.Error("the screen table differs from a fresh one")
	}
	if got := buildKeysTable(flagCtrlAt, "xterm", true); !reflect.DeepEqual(got, newKeysTable(flagCtrlAt, "xterm", true)) {
		t.Error("a table with flags differs from a fresh one")
	}
}
