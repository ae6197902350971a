package storage

import (
	"encoding/json"
	"time"
)

// ts stores a time as RFC 3339 UTC text; the zero time is stored as "".
func ts(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// parseTS reads what ts wrote.
func parseTS(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// js stores a value as JSON; nil lists become [].
func js(v any) string {
	b, err := json.Marshal(v)
	if err != nil || string(b) == "null" {
		return "[]"
	}
	return string(b)
}

// unjs reads what js wrote into v; bad JSON leaves v empty.
func unjs(s string, v any) { _ = json.Unmarshal([]byte(s), v) }

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
