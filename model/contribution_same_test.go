package model

import (
	"reflect"
	"testing"
	"time"
)

// TestSameSeesEveryField changes each field of a note in turn (Stamp's
// fields one by one) and checks Same tells the copy from the original,
// and that a copy whose tags are another slice with the same words is
// the same note.
func TestSameSeesEveryField(t *testing.T) {
	at := time.Date(2018, 6, 14, 10, 0, 0, 0, time.UTC)
	base := Contribution{ID: "n1", GroupID: "g1", StageKey: "vision", Text: "Shared records", Tags: []string{"systems"},
		Author: "GP", DeletedAt: at, ThemeID: "t1", Stamp: Stamp{CreatedAt: at, UpdatedAt: at, Version: 3, Vector: "a:1"}}
	twin := base
	twin.Tags = append([]string(nil), base.Tags...)
	if !base.Same(&twin) {
		t.Fatal("a copy with its own tags slice is not the same note")
	}
	var changes []string
	change := func(v reflect.Value, path string) {
		switch v.Kind() {
		case reflect.String:
			v.SetString(v.String() + "x")
		case reflect.Int64:
			v.SetInt(v.Int() + 1)
		case reflect.Slice:
			v.Set(reflect.ValueOf([]string{"people"}))
		case reflect.Struct: // time.Time
			v.Set(reflect.ValueOf(at.Add(time.Second)))
		default:
			t.Fatalf("%s: a %s field this test cannot change", path, v.Kind())
		}
		changes = append(changes, path)
	}
	typ := reflect.TypeOf(base)
	for i := range typ.NumField() {
		f := typ.Field(i)
		if f.Type == reflect.TypeOf(Stamp{}) {
			for j := range f.Type.NumField() {
				c := base
				c.Tags = append([]string(nil), base.Tags...)
				change(reflect.ValueOf(&c).Elem().Field(i).Field(j), f.Name+"."+f.Type.Field(j).Name)
				if base.Same(&c) {
					t.Errorf("a note with another %s is the same note", changes[len(changes)-1])
				}
			}
			continue
		}
		c := base
		c.Tags = append([]string(nil), base.Tags...)
		change(reflect.ValueOf(&c).Elem().Field(i), f.Name)
		if base.Same(&c) {
			t.Errorf("a note with another %s is the same note", f.Name)
		}
	}
	if len(changes) != typ.NumField()-1+reflect.TypeOf(Stamp{}).NumField() {
		t.Errorf("changed %v", changes)
	}
}
