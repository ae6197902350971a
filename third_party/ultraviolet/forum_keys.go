package uv

// forum's patch: one key table per kind of terminal, not one per reader.
//
// Upstream builds the table of key sequences afresh for every terminal
// reader: about 200 KB of map for each, and forum serve runs a reader per
// SSH seat, so 40 seats held 40 identical tables (8 MB). The table depends
// only on its three arguments and is only read once built, so readers of
// the same kind of terminal can share one.

import "sync"

type keysTableKind struct {
	flags       LegacyKeyEncoding
	term        string
	useTerminfo bool
}

var keysTables sync.Map // keysTableKind → map[string]Key

// sharedKeysTable returns the table for a kind of terminal, building it
// the first time. Callers must not change it.
func sharedKeysTable(flags LegacyKeyEncoding, term string, useTerminfo bool) map[string]Key {
	kind := keysTableKind{flags, term, useTerminfo}
	if t, ok := keysTables.Load(kind); ok {
		return t.(map[string]Key)
	}
	t, _ := keysTables.LoadOrStore(kind, newKeysTable(flags, term, useTerminfo))
	return t.(map[string]Key)
}
