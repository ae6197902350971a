package model

import "encoding/json"

// Kept is an earlier or losing version of a record, kept in its history:
// when a merge finds a record changed on two laptops, the version that did
// not win is kept here (notes keep theirs as revisions instead).
type Kept struct {
	// Entity names the kind of record ("table", "next-step", "ballot", …).
	Entity   string
	RecordID ID
	Version  int64
	// Hash tells two kept versions with the same number apart.
	Hash string
	// Data is the record as it was, as JSON.
	Data json.RawMessage
}
