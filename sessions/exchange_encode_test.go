package sessions

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

// plainEncode is how exports were written before indentRenamed: the
// indenting encoder, then renameKeys over its output. encodeExchange must
// give the same bytes, so the data digest of the same data stays the same.
func plainEncode(t testing.TB, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return renameKeys(buf.Bytes(), snakeName)
}

// randomJSON is a random value with awkward keys and strings: escapes,
// quotes and backslashes, HTML characters, non-ASCII, empty containers
// and raw JSON inside.
func randomJSON(r *rand.Rand, depth int) any {
	texts := []string{"", "GroupID", "StageStartedAt", `a"b`, `back\slash`, `ends\`, "<b>&</b>", "naïve – café", "line\nbreak", "\u2028", "EventID", "x\\\"y", "tab\there"}
	switch k := r.IntN(7); {
	case depth > 3 || k == 0:
		return texts[r.IntN(len(texts))]
	case k == 1:
		return r.Float64() * 1000
	case k == 2:
		return []any{}
	case k == 3:
		return map[string]any{}
	case k == 4:
		raw, _ := json.Marshal(map[string]any{texts[r.IntN(len(texts))]: randomJSON(r, depth+1)})
		return json.RawMessage(raw)
	case k == 5:
		var out []any
		for range 1 + r.IntN(4) {
			out = append(out, randomJSON(r, depth+1))
		}
		return out
	default:
		out := map[string]any{}
		for range 1 + r.IntN(4) {
			out[texts[r.IntN(len(texts))]] = randomJSON(r, depth+1)
		}
		return out
	}
}

func TestIndentRenamedIsTheIndentingEncoderThenRenameKeys(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 3000 {
		v := randomJSON(r, 0)
		compact, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := indentRenamed(compact, snakeName), plainEncode(t, v); !bytes.Equal(got, want) {
			t.Fatalf("value %d:\ngot  %q\nwant %q", i, got, want)
		}
	}
}

func TestExportIsTheSameBytesAsBefore(t *testing.T) {
	f := newFixture(t)
	opts := []DemoOptions{{}}
	if !testing.Short() {
		opts = append(opts, DemoOptions{Large: true})
	}
	for _, o := range opts {
		id, err := f.eng.Demo(f.ctx, "test", o)
		if err != nil {
			t.Fatal(err)
		}
		got, err := f.eng.ExportJSON(f.ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		snap, err := f.eng.store.SnapshotAll(f.ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		x := exchangeOf(snap)
		x.Format, x.Version = ExchangeFormat, ExchangeVersion
		if want := plainEncode(t, x); !bytes.Equal(got, want) {
			t.Fatalf("large %v: the export's bytes changed (%d against %d)", o.Large, len(got), len(want))
		}
		if !strings.Contains(string(got), `"table_id"`) {
			t.Fatal("keys not renamed")
		}
	}
}

// TestIndentingInPiecesIsIndentingWhole: the export is indented as the
// encoder writes it, so the pieces may be cut anywhere, in a string or
// just after a key, and still give the same bytes.
func TestIndentingInPiecesIsIndentingWhole(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for i := range 3000 {
		compact, err := json.Marshal(randomJSON(r, 0))
		if err != nil {
			t.Fatal(err)
		}
		if i%10 == 0 { // a string that never ends, as indentRenamed copies it
			compact = append(compact[:len(compact)/2:len(compact)/2], `"unended\"`...)
		}
		want := indentRenamed(compact, snakeName)
		var got bytes.Buffer
		ind := newIndenter(&got, snakeName)
		for rest := compact; len(rest) > 0; {
			n := min(len(rest), r.IntN(8))
			ind.feed(rest[:n])
			rest = rest[n:]
		}
		if err := ind.end(); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Fatalf("value %d, %q:\ngot  %q\nwant %q", i, compact, got.Bytes(), want)
		}
	}
}
