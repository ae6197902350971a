package sessions

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"
	"time"

	"forum/model"
)

// randomText is a string with what JSON must escape, or not: quotes,
// backslashes, HTML characters, control characters, U+2028, invalid
// UTF-8, a valid U+FFFD, DEL and plain words.
func randomText(r *rand.Rand) string {
	parts := []string{"", "plain words", `a"b`, `back\slash`, "<b>&</b>", "a<b", "c>d", "R&D", "naïve – café", "line\nbreak", "\u2028", "\u2029", "\x00\x1b[31m", "\x1f", "\xff\xfe", "\ufffd", "\x7f", "tab\there", "emoji 🙂", "\xe2\x80"}
	var s string
	for range r.IntN(4) {
		s += parts[r.IntN(len(parts))]
	}
	return s
}

// randomTime is a time as stored, or one a user's clock or an import
// could bring: nanoseconds, another zone, the zero time, a year JSON
// refuses.
func randomTime(r *rand.Rand) time.Time {
	switch r.IntN(60) {
	case 0:
		return time.Time{}
	case 3:
		return time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	case 4:
		return time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC)
	case 1:
		return time.Date(2026, 12, 3, 9, 30, 0, 0, time.FixedZone("", 5*3600+1800))
	case 2:
		return time.Date(2026, 12, 3, 9, 30, 0, 0, time.FixedZone("", -(24*3600+60)))
	default:
		return time.Unix(1_700_000_000+r.Int64N(1e8), r.Int64N(1e9)).UTC()
	}
}

// randomStamp is a random record stamp.
func randomStamp(r *rand.Rand) model.Stamp {
	return model.Stamp{CreatedAt: randomTime(r), UpdatedAt: randomTime(r), Version: r.Int64N(1e6) - 5, Vector: model.Vector(randomText(r))}
}

// TestTheWireIsJSONMarshal: the notes, ballots and the rest of an
// exchange are written exactly as json.Marshal writes them, hostile text,
// odd times, nil and empty lists included, so the data digest of the
// same data stays the same; what json.Marshal refuses is refused.
func TestTheWireIsJSONMarshal(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	refused := 0
	for i := range 2000 {
		x := Exchange{Format: ExchangeFormat, Version: ExchangeVersion, Event: model.Event{ID: model.ID(randomText(r)), Title: randomText(r)}}
		if r.IntN(3) > 0 {
			x.Contributions = []model.Contribution{}
		}
		for range r.IntN(4) {
			c := model.Contribution{ID: model.ID(randomText(r)), GroupID: model.ID(randomText(r)), StageKey: randomText(r), Text: randomText(r),
				Author: randomText(r), DeletedAt: randomTime(r), ThemeID: model.ID(randomText(r)), Stamp: randomStamp(r)}
			switch r.IntN(3) {
			case 0:
				c.Tags = []string{}
			case 1:
				c.Tags = []string{randomText(r), randomText(r)}
			}
			x.Contributions = append(x.Contributions, c)
			if r.IntN(2) == 0 {
				x.Revisions = append(x.Revisions, c)
			}
		}
		for range r.IntN(4) {
			x.Votes = append(x.Votes, model.Vote{ID: model.ID(randomText(r)), GroupID: model.ID(randomText(r)), StageKey: randomText(r),
				Method: randomText(r), Voter: randomText(r), ItemID: model.ID(randomText(r)), Value: r.IntN(11) - 5,
				RoundID: model.ID(randomText(r)), Stamp: randomStamp(r)})
		}
		if r.IntN(2) == 0 {
			x.History = []model.Kept{{Entity: randomText(r), RecordID: "r", Version: 2, Data: json.RawMessage(`{"a": [1, 2]}`)}}
		}
		if r.IntN(3) == 0 {
			x.AreaParts = []model.AreaPart{{Key: randomText(r)}}
		}
		want, wantErr := json.Marshal(x)
		var got bytes.Buffer
		ind := newIndenter(&got, func(s string) string { return s })
		w := newWire(ind)
		w.exchange(x)
		w.flush(true)
		ind.feed([]byte{'}'})
		if err := ind.end(); err != nil {
			t.Fatal(err)
		}
		if wantErr != nil {
			refused++
			if w.err == nil {
				t.Fatalf("exchange %d: json.Marshal refuses it (%v), the wire wrote it", i, wantErr)
			}
			continue
		}
		if w.err != nil {
			t.Fatalf("exchange %d: %v", i, w.err)
		}
		if plain := indentRenamed(want, func(s string) string { return s }); !bytes.Equal(got.Bytes(), plain) {
			t.Fatalf("exchange %d:\ngot  %q\nwant %q", i, got.Bytes(), plain)
		}
	}
	if refused == 0 || refused > 1500 {
		t.Fatalf("%d of 2000 exchanges refused: the test does not try both kinds", refused)
	}
}
