package sessions

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// encodeExchange writes an exchange as indented JSON with snake_case keys:
// exactly what json.Encoder with SetIndent("", "  ") followed by
// renameKeys(…, snakeName) writes, but made in one pass over
// json.Marshal's compact text (indenting and renaming 13 MB took longer
// than encoding it).
func encodeExchange(x Exchange) ([]byte, error) {
	x.Format, x.Version = ExchangeFormat, ExchangeVersion
	compact, err := json.Marshal(x)
	if err != nil {
		return nil, fmt.Errorf("writing JSON: %w", err)
	}
	return indentRenamed(compact, snakeName), nil
}

// exportBytes is encodeExchange(exchangeOf(all)), made on two cores: the
// areas' syntheses (derived from the rest, and the slowest part) are
// drafted and encoded while the stored records are encoded, and their
// JSON is put where the encoder writes it, as the object's last field.
func exportBytes(all Snapshot) ([]byte, error) {
	var syn []byte
	var synErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		if briefs := areaBriefs(all); len(briefs) > 0 {
			syn, synErr = json.Marshal(briefs)
		}
	}()
	compact, err := json.Marshal(storedExchange(all))
	<-done
	if err == nil {
		err = synErr
	}
	if err != nil {
		return nil, fmt.Errorf("writing JSON: %w", err)
	}
	if syn != nil {
		compact = append(append(append(compact[:len(compact)-1], `,"AreaSyntheses":`...), syn...), '}')
	}
	return indentRenamed(compact, snakeName), nil
}

// indentRenamed indents compact JSON (no space outside strings, as
// json.Marshal writes it) the way json.Indent does with two spaces, ends
// it with a newline as json.Encoder does, and renames every object key
// with rename as renameKeys does.
func indentRenamed(src []byte, rename func(string) string) []byte {
	out := make([]byte, 0, len(src)+len(src)/2)
	keys := map[string][]byte{}
	depth := 0
	open := false // just after '{' or '[': the next byte decides
	newline := func() {
		out = append(out, '\n')
		for range depth {
			out = append(out, ' ', ' ')
		}
	}
	for i := 0; i < len(src); {
		c := src[i]
		if open && c != '}' && c != ']' {
			open = false
			depth++
			newline()
		}
		switch c {
		case '"':
			j := stringEnd(src, i)
			if j < 0 {
				return append(out, src[i:]...)
			}
			s := src[i : j+1]
			if j+1 < len(src) && src[j+1] == ':' {
				s = renamedKey(keys, s, rename)
			}
			out = append(out, s...)
			i = j + 1
			continue
		case '{', '[':
			open = true
			out = append(out, c)
		case ',':
			out = append(out, c)
			newline()
		case ':':
			out = append(out, ':', ' ')
		case '}', ']':
			if open {
				open = false
			} else {
				depth--
				newline()
			}
			out = append(out, c)
		default:
			out = append(out, c)
		}
		i++
	}
	return append(out, '\n')
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
