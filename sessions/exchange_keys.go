package sessions

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"sync"
	"unicode"
)

// snakeName is the exchange's JSON key for a Go field name: EventID is
// event_id, StageStartedAt stage_started_at, and a table's GroupID is
// table_id (the file calls breakout tables tables).
func snakeName(name string) string {
	if v, ok := snakeCache.Load(name); ok {
		return v.(string)
	}
	v := toSnake(name)
	snakeCache.Store(name, v)
	return v
}

var snakeCache sync.Map

func toSnake(name string) string {
	if name == "GroupID" {
		return "table_id"
	}
	r := []rune(name)
	var b strings.Builder
	for i, c := range r {
		if unicode.IsUpper(c) && i > 0 {
			prev := r[i-1]
			next := i+1 < len(r) && unicode.IsLower(r[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && next) {
				b.WriteByte('_')
			}
		}
		b.WriteRune(unicode.ToLower(c))
	}
	return b.String()
}

var (
	goNamesOnce sync.Once
	goNames     map[string]string
)

// goName turns an exchange key back into the Go field name it came from
// (decoding matches case-insensitively); unknown keys stay as they are.
func goName(key string) string {
	goNamesOnce.Do(func() {
		goNames = map[string]string{}
		seen := map[reflect.Type]bool{}
		var walk func(t reflect.Type)
		walk = func(t reflect.Type) {
			for t.Kind() == reflect.Slice || t.Kind() == reflect.Pointer || t.Kind() == reflect.Map {
				t = t.Elem()
			}
			if t.Kind() != reflect.Struct || seen[t] {
				return
			}
			seen[t] = true
			for i := 0; i < t.NumField(); i++ {
				f := t.Field(i)
				if f.Anonymous {
					walk(f.Type)
					continue
				}
				name := f.Name
				if tag, _, _ := strings.Cut(f.Tag.Get("json"), ","); tag != "" && tag != "-" {
					name = tag
				}
				if _, ok := goNames[snakeName(name)]; !ok {
					goNames[snakeName(name)] = name
				}
				walk(f.Type)
			}
		}
		walk(reflect.TypeOf(Exchange{}))
	})
	if n, ok := goNames[key]; ok {
		return n
	}
	return key
}

// renameKeys rewrites every object key of a JSON text with rename and
// copies everything else byte for byte (so line numbers stay true for
// error messages). Malformed JSON is copied as it is, for the decoder to
// report.
func renameKeys(data []byte, rename func(string) string) []byte {
	out := make([]byte, 0, len(data)+len(data)/16)
	var stack []byte
	expectKey := false
	for i := 0; i < len(data); {
		c := data[i]
		switch c {
		case '{', '[':
			stack = append(stack, c)
			expectKey = c == '{'
		case '}', ']':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			expectKey = false
		case ',':
			expectKey = len(stack) > 0 && stack[len(stack)-1] == '{'
		case '"':
			j := i + 1
			for j < len(data) && data[j] != '"' {
				if data[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(data) {
				return append(out, data[i:]...)
			}
			s := data[i : j+1]
			if expectKey {
				var k string
				plain := bytes.IndexByte(s, '\\') < 0
				if plain {
					k = string(s[1 : len(s)-1])
				}
				if plain || json.Unmarshal(s, &k) == nil {
					if r := rename(k); r != k {
						s, _ = json.Marshal(r)
					}
				}
				expectKey = false
			}
			out = append(out, s...)
			i = j + 1
			continue
		}
		out = append(out, c)
		i++
	}
	return out
}
