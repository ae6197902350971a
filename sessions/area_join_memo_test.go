package sessions

import (
	"reflect"
	"testing"

	"forum/model"
)

// TestKeptJoinsAreTheJoinsWorkedOut: the area syntheses drafted with the
// joins kept are the ones drafted afresh, and the key follows the words.
func TestKeptJoinsAreTheJoinsWorkedOut(t *testing.T) {
	f := newFixture(t)
	id, err := f.eng.Demo(f.ctx, "o", DemoOptions{})
	if err != nil {
		t.Fatal(err)
	}
	snap, err := f.eng.Snapshot(f.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	joins = &joinMemo{made: map[[32]byte]*joinEntry{}}
	fresh := AreaSyntheses(snap)
	if len(joins.made) == 0 {
		t.Fatal("no joins kept")
	}
	if kept := AreaSyntheses(snap); !reflect.DeepEqual(kept, fresh) {
		t.Fatal("the syntheses drafted with kept joins differ")
	}
	ts := []ThemeAt{{ThemeView: ThemeView{Theme: model.Theme{ID: "a", Name: "Shared records"}, Notes: []model.Contribution{{Text: "one record"}}}, Table: model.Group{ID: "t1"}}}
	k := joinKey(ts, [][]int{{0}}, nil)
	ts[0].Notes = []model.Contribution{{Text: "one shared record"}}
	if joinKey(ts, [][]int{{0}}, nil) == k {
		t.Fatal("a note's words changed and the key did not")
	}
	if joinKey(ts, [][]int{{0}}, map[[2]int]bool{{0, 0}: true}) == joinKey(ts, [][]int{{0}}, nil) {
		t.Fatal("a pair kept apart did not change the key")
	}
}
