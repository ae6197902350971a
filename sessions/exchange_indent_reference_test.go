package sessions

import "bytes"

// indentRenamed is the indenter fed the whole text at once: it indents compact JSON (no space outside strings, as
// json.Marshal writes it) the way json.Indent does with two spaces, ends
// it with a newline as json.Encoder does, and renames every object key
// with rename as renameKeys does.
func indentRenamed(src []byte, rename func(string) string) []byte {
	var out bytes.Buffer
	out.Grow(len(src) + len(src)/2)
	ind := newIndenter(&out, rename)
	ind.feed(src)
	ind.end()
	return out.Bytes()
}
