package sessions

import (
	"bytes"
	"encoding/json"
	"io"
)

// indentFlush is how much indented text an indenter holds before it
// writes it on.
const indentFlush = 64 << 10

// indenter indents compact JSON (no space outside strings, as
// json.Marshal writes it) the way json.Indent does with two spaces, ends
// it with a newline as json.Encoder does, and renames every object key
// with rename as renameKeys does. It is fed in pieces and writes as it goes: the
// pieces together are the whole text, cut anywhere (a string cut in two,
// or a string at a piece's end, which may be a key, waits for the next
// piece).
type indenter struct {
	w      io.Writer
	err    error
	rename func(string) string
	keys   map[string][]byte
	out    []byte
	depth  int
	open   bool // just after '{' or '[': the next byte decides
	// partial is a string that a piece ended in or with.
	partial []byte
}

// newIndenter is an indenter writing to w, renaming keys with rename.
func newIndenter(w io.Writer, rename func(string) string) *indenter {
	return &indenter{w: w, rename: rename, keys: map[string][]byte{}, out: make([]byte, 0, indentFlush+4<<10)}
}

// newline starts a line at the indenter's depth.
func (d *indenter) newline() {
	d.out = append(d.out, '\n')
	for range d.depth {
		d.out = append(d.out, ' ', ' ')
	}
}

// feed indents the next piece of the compact text.
func (d *indenter) feed(src []byte) {
	if len(d.partial) > 0 {
		src, d.partial = append(d.partial, src...), nil
	}
	for i := 0; i < len(src); {
		if len(d.out) >= indentFlush {
			d.flush()
		}
		c := src[i]
		if d.open && c != '}' && c != ']' {
			d.open = false
			d.depth++
			d.newline()
		}
		switch c {
		case '"':
			j := stringEnd(src, i)
			if j < 0 || j+1 == len(src) {
				d.partial = append([]byte(nil), src[i:]...)
				return
			}
			s := src[i : j+1]
			if j+1 < len(src) && src[j+1] == ':' {
				s = renamedKey(d.keys, s, d.rename)
			}
			d.out = append(d.out, s...)
			i = j + 1
			continue
		case '{', '[':
			d.open = true
			d.out = append(d.out, c)
		case ',':
			d.out = append(d.out, c)
			d.newline()
		case ':':
			d.out = append(d.out, ':', ' ')
		case '}', ']':
			if d.open {
				d.open = false
			} else {
				d.depth--
				d.newline()
			}
			d.out = append(d.out, c)
		default:
			d.out = append(d.out, c)
		}
		i++
	}
}

// flush writes on what the indenter holds.
func (d *indenter) flush() {
	if d.err == nil && len(d.out) > 0 {
		_, d.err = d.w.Write(d.out)
	}
	d.out = d.out[:0]
}

// end ends the text with a newline and writes the rest on. A string
// that does not end is copied as it is, with no newline, as
// the indenter always has.
func (d *indenter) end() error {
	d.out = append(d.out, d.partial...)
	if len(d.partial) == 0 || stringEnd(d.partial, 0) >= 0 {
		d.out = append(d.out, '\n')
	}
	d.flush()
	return d.err
}

// stringEnd is the index of the quote that closes the string opening at
// src[i], or -1.
func stringEnd(src []byte, i int) int {
	for j := i + 1; ; {
		k := bytes.IndexByte(src[j:], '"')
		if k < 0 {
			return -1
		}
		j += k
		escapes := 0
		for b := j - 1; b > i && src[b] == '\\'; b-- {
			escapes++
		}
		if escapes%2 == 0 {
			return j
		}
		j++
	}
}

// renamedKey is a quoted key as renameKeys writes it, worked out once per
// key.
func renamedKey(keys map[string][]byte, s []byte, rename func(string) string) []byte {
	if r, ok := keys[string(s)]; ok {
		return r
	}
	r := s
	var k string
	plain := bytes.IndexByte(s, '\\') < 0
	if plain {
		k = string(s[1 : len(s)-1])
	}
	if plain || json.Unmarshal(s, &k) == nil {
		if n := rename(k); n != k {
			r, _ = json.Marshal(n)
		}
	}
	keys[string(s)] = r
	return r
}
