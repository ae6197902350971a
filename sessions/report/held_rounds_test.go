package report

import (
	"bytes"
	"regexp"
	"testing"

	"forum/model"
)

// A published report must not change when the organiser later edits the
// voting rules in set-up: every held round keeps its method and rules.
func TestChangingTheVotingMethodLeavesTheReportByteIdentical(t *testing.T) {
	f := newFixture(t)
	id := f.london()
	before := map[string][]byte{}
	for _, fm := range []Format{FormatMarkdown, FormatHTML, FormatCSV} {
		x, err := Make(f.ctx, f.eng, id, Scope{}, fm)
		f.must(err)
		before[string(fm)] = flatten(x)
	}
	f.must(f.eng.SetVoteRules(f.ctx, "organiser", id, "ranking", model.DotRules{Budget: 7, Cap: 3}))
	for _, fm := range []Format{FormatMarkdown, FormatHTML, FormatCSV} {
		x, err := Make(f.ctx, f.eng, id, Scope{}, fm)
		f.must(err)
		if got := flatten(x); !bytes.Equal(got, before[string(fm)]) {
			t.Errorf("the %s report changed when set-up switched the method to ranking after the vote was held", fm)
		}
	}
}

// digestLine is the data digest a report states: it names all the data the
// report was made from, set-up included, so a set-up change changes it
// (as it should); what the report says must not change.
var digestLine = regexp.MustCompile(`sha256:[0-9a-f]+`)

// flatten is an export's bytes, its files in name order for CSV, with the
// data digest masked.
func flatten(x Export) []byte {
	if len(x.Files) == 0 {
		return digestLine.ReplaceAll(x.Data, []byte("sha256:…"))
	}
	var out []byte
	for _, name := range []string{"contributions.csv", "key_messages.csv", "maturity.csv", "next_steps.csv", "votes.csv"} {
		out = append(out, x.Files[name]...)
	}
	return out
}
