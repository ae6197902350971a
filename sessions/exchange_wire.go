package sessions

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"forum/model"
)

// wire writes an exchange's compact JSON, byte for byte what json.Marshal
// writes, to an indenter a piece at a time. The notes, their earlier
// versions and the ballots (most of an event) are written field by field
// without reflection; the rest goes through json.Marshal. No copy of the
// whole text is ever held.
type wire struct {
	b   []byte
	ind *indenter
	err error
}

// newWire is a wire feeding ind.
func newWire(ind *indenter) *wire {
	return &wire{b: make([]byte, 0, indentFlush+4<<10), ind: ind}
}

// flush feeds what the wire holds to the indenter once there is enough.
func (w *wire) flush(all bool) {
	if len(w.b) >= indentFlush || all && len(w.b) > 0 {
		w.ind.feed(w.b)
		w.b = w.b[:0]
	}
}

// raw writes s as it is.
func (w *wire) raw(s string) { w.b = append(w.b, s...) }

// value writes v as json.Marshal does.
func (w *wire) value(v any) {
	if w.err != nil {
		return
	}
	m, err := json.Marshal(v)
	if err != nil {
		w.err = err
		return
	}
	w.b = append(w.b, m...)
}

// field writes the comma and key that start a field after the first.
func (w *wire) field(key string) {
	w.b = append(w.b, ',', '"')
	w.b = append(w.b, key...)
	w.b = append(w.b, '"', ':')
}

// str writes s as json.Marshal does (HTML characters escaped): as it is
// when nothing in it needs escaping, else through json.Marshal.
func (w *wire) str(s string) {
	if !plainString(s) {
		w.value(s)
		return
	}
	w.b = append(w.b, '"')
	w.b = append(w.b, s...)
	w.b = append(w.b, '"')
}

// plainString reports whether json.Marshal writes s between quotes
// unchanged: valid UTF-8 with no control character, quote, backslash,
// '<', '>', '&', U+2028 or U+2029.
func plainString(s string) bool {
	high := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20, c == '"', c == '\\', c == '<', c == '>', c == '&':
			return false
		case c >= utf8.RuneSelf:
			high = true
		}
	}
	return !high || utf8.ValidString(s) && !strings.Contains(s, "\u2028") && !strings.Contains(s, "\u2029")
}

// int writes n.
func (w *wire) int(n int64) { w.b = strconv.AppendInt(w.b, n, 10) }

// time writes t as its MarshalJSON does; a time that method refuses goes
// through json.Marshal, for its error.
func (w *wire) time(t time.Time) {
	n0 := len(w.b) + 1
	w.b = append(w.b, '"')
	w.b = t.AppendFormat(w.b, time.RFC3339Nano)
	b := w.b
	ok := len(b) > n0+4 && b[n0+4] == '-'
	if ok && b[len(b)-1] != 'Z' {
		c := b[len(b)-len("Z07:00")]
		ok = !('0' <= c && c <= '9') && 10*(b[len(b)-5]-'0')+(b[len(b)-4]-'0') < 24
	}
	if !ok {
		w.b = w.b[:n0-1]
		w.value(t)
		return
	}
	w.b = append(w.b, '"')
}

// stamp writes a record's stamp fields, after the record's own.
func (w *wire) stamp(s model.Stamp) {
	w.field("CreatedAt")
	w.time(s.CreatedAt)
	w.field("UpdatedAt")
	w.time(s.UpdatedAt)
	w.field("Version")
	w.int(s.Version)
	w.field("Vector")
	w.str(string(s.Vector))
}

// notes writes notes (or their earlier versions) as json.Marshal does.
func (w *wire) notes(cs []model.Contribution) {
	if cs == nil {
		w.raw("null")
		return
	}
	w.b = append(w.b, '[')
	for i, c := range cs {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		w.raw(`{"ID":`)
		w.str(string(c.ID))
		w.field("GroupID")
		w.str(string(c.GroupID))
		w.field("StageKey")
		w.str(c.StageKey)
		w.field("Text")
		w.str(c.Text)
		w.field("Tags")
		w.strs(c.Tags)
		w.field("Author")
		w.str(c.Author)
		w.field("DeletedAt")
		w.time(c.DeletedAt)
		w.field("ThemeID")
		w.str(string(c.ThemeID))
		w.stamp(c.Stamp)
		w.b = append(w.b, '}')
		w.flush(false)
	}
	w.b = append(w.b, ']')
}

// strs writes a list of strings as json.Marshal does.
func (w *wire) strs(ss []string) {
	if ss == nil {
		w.raw("null")
		return
	}
	w.b = append(w.b, '[')
	for i, s := range ss {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		w.str(s)
	}
	w.b = append(w.b, ']')
}

// votes writes ballots as json.Marshal does.
func (w *wire) votes(vs []model.Vote) {
	if vs == nil {
		w.raw("null")
		return
	}
	w.b = append(w.b, '[')
	for i, v := range vs {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		w.raw(`{"ID":`)
		w.str(string(v.ID))
		w.field("GroupID")
		w.str(string(v.GroupID))
		w.field("StageKey")
		w.str(v.StageKey)
		w.field("Method")
		w.str(v.Method)
		w.field("Voter")
		w.str(v.Voter)
		w.field("ItemID")
		w.str(string(v.ItemID))
		w.field("Value")
		w.int(int64(v.Value))
		w.field("RoundID")
		w.str(string(v.RoundID))
		w.stamp(v.Stamp)
		w.b = append(w.b, '}')
		w.flush(false)
	}
	w.b = append(w.b, ']')
}

// exchange writes x as json.Marshal does but for the closing brace, so
// that a field may still be added after the rest (see exportTo).
func (w *wire) exchange(x Exchange) {
	w.raw(`{"format":`)
	w.str(x.Format)
	w.field("version")
	w.int(int64(x.Version))
	w.field("event")
	w.value(x.Event)
	w.field("areas")
	w.value(x.Areas)
	w.field("tables")
	w.value(x.Tables)
	w.field("contributions")
	w.notes(x.Contributions)
	w.field("votes")
	w.votes(x.Votes)
	w.field("next_steps")
	w.value(x.NextSteps)
	w.field("key_messages")
	w.value(x.KeyMessages)
	w.field("maturity_ratings")
	w.value(x.Ratings)
	w.field("themes")
	w.value(x.Themes)
	w.field("theme_links")
	w.value(x.Links)
	w.field("vote_rounds")
	w.value(x.Rounds)
	w.field("note_revisions")
	w.notes(x.Revisions)
	w.field("record_history")
	w.value(x.History)
	if w.err != nil {
		return
	}
	// The embedded AreaExchange's fields are the object's own, as the
	// encoder flattens them; every one of them is left out when empty.
	m, err := json.Marshal(x.AreaExchange)
	if err != nil {
		w.err = err
		return
	}
	if len(m) > 2 {
		w.b = append(w.b, ',')
		w.b = append(w.b, m[1:len(m)-1]...)
	}
	w.flush(false)
}
