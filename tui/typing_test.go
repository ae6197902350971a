package tui

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"forum/model"
	"forum/sessions"
)

// sentences are what a scribe types: between them, every letter of the
// alphabet, upper and lower case, with the signs of ordinary prose.
var sentences = []string{
	"no one talks to the acute trust",
	"people feel left out of decisions, and data sharing matters.",
	"The quick brown fox jumps over the lazy dog!",
	"Quality? Maybe: we vex Jim's zealous GPs (and 24 wards) - kind of.",
	"a broken lift means x-rays queue; help is wanted by June",
}

// tableState is everything typing must never change: the stage, its
// clock, the lock, the vision, and every note as it was.
func tableState(v sessions.TableView) string {
	g := v.Group
	var b strings.Builder
	b.WriteString(strings.Join([]string{g.StageKey, g.StageStartedAt.String(), g.PausedAt.String(), g.PausedFor.String(),
		strings.Join(g.LockedStages, ","), g.Vision}, "|"))
	for _, n := range v.Notes {
		b.WriteString("\n" + strings.Join([]string{string(n.ID), n.Text, n.StageKey, strings.Join(n.Tags, ","), n.Author, string(n.ThemeID), n.DeletedAt.String()}, "|"))
	}
	return b.String()
}

// TestTypingInAnyStateNeverChangesTheTable is the "done when": a
// scribe who tabs into the notes list (or opens the menu, or is asked a
// question, or is looking at another stage) and carries on typing whole
// sentences leaves every note, the stage, the vision and the clock as they
// were; the sentences become new notes and nothing else.
func TestTypingInAnyStateNeverChangesTheTable(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.londonTable()
	h.keys("ctrl+n", "y", "ctrl+t") // the vision stage, started
	for _, s := range []string{"Care joined up around the patient", "A workforce that wants to stay"} {
		h.typ(s)
		h.keys("enter")
	}
	h.keys("ctrl+o")
	h.typ("Joined-up care for every Londoner")
	h.keys("ctrl+s")
	h.msg(tickMsg(testNow.Add(3 * time.Minute)))
	before := h.table()
	want := tableState(before)

	letters := map[rune]bool{}
	for _, s := range sentences {
		for _, r := range strings.ToLower(s) {
			if r >= 'a' && r <= 'z' {
				letters[r] = true
			}
		}
	}
	if len(letters) != 26 {
		t.Fatalf("the sentences hold %d letters, not all 26", len(letters))
	}

	into := map[string][]string{
		"the notes list":          {"tab"},
		"the notes list, via esc": {"esc"},
		"the list, a note chosen": {"tab", "up"},
		"the ctrl+x menu":         {"tab", "ctrl+x"},
		"a question (ctrl+n)":     {"ctrl+n"},
		"another stage's notes":   {"tab", "left"},
		"the full help":           {"tab", "?"},
		"a note's history":        {"tab", "up", "enter"},
	}
	saved := len(before.Notes)
	for state, path := range into {
		for _, s := range sentences {
			h.keys(path...)
			h.typ(s)
			if got := h.app.tbl.input.Value(); got != s {
				t.Fatalf("typed %q from %s: the typing line holds %q\n%s", s, state, got, h.screen())
			}
			h.keys("enter")
			saved++
			after := h.table()
			if got := tableState(after); !strings.HasPrefix(got, want) {
				t.Fatalf("typing %q from %s changed the table:\nwas %s\nnow %s", s, state, want, got)
			}
			if n := len(after.Notes); n != saved || after.Notes[n-1].Text != s {
				t.Fatalf("typing %q from %s: %d notes, want %d, the last %q", s, state, n, saved, after.Notes[n-1].Text)
			}
		}
	}
	if h.app.screen != screenTable {
		t.Fatalf("typing left the table screen:\n%s", h.screen())
	}
}

// TestEscNeverSavesOrDropsADraft: esc, esc esc (also when they arrive as
// one alt+esc) and the enter that follows never save a half-typed line or
// throw it away.
func TestEscNeverSavesOrDropsADraft(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.londonTable()
	h.typ("half a thought")
	h.msg(keyMsg("esc"))
	h.keys("enter") // in the notes list enter shows a history, never saves
	h.keys("esc")   // the second esc: leaves the table, the draft kept
	if n := len(h.table().Notes); n != 0 {
		t.Fatalf("esc, enter, esc saved %d notes", n)
	}
	h.contains("its draft is kept")
	h.keys("enter")
	if got := h.app.tbl.input.Value(); got != "half a thought" {
		t.Fatalf("the draft came back as %q", got)
	}
	h.msg(altEsc())
	h.keys("enter")
	if n := len(h.table().Notes); n != 0 {
		t.Fatalf("alt+esc then enter saved %d notes", n)
	}
	// An edit dropped only after a y.
	h.keys("tab", "ctrl+u")
	h.typ("first wording")
	h.keys("enter", "tab", "ctrl+e")
	h.typ(" and more")
	h.keys("esc", "esc")
	if got := h.app.tbl.input.Value(); got != "first wording and more" || h.app.tbl.editing == "" {
		t.Fatalf("esc esc on an edit left %q (editing %v)", got, h.app.tbl.editing != "")
	}
	h.keys("esc", "y")
	h.contains("Edit dropped")
	if got := h.app.tbl.input.Value(); got != "" || h.app.tbl.editing != "" {
		t.Fatalf("after dropping the edit the typing line holds %q", got)
	}
	if n := h.table().Notes; len(n) != 1 || n[0].Text != "first wording" {
		t.Fatalf("the dropped edit changed the note: %+v", n)
	}
}

// TestEveryTableKeyInTheHelpIsHandled presses each key the table screen's
// ? help lists, in each state, on a fresh table, and checks the screen
// changed (or says why not).
func TestEveryTableKeyInTheHelpIsHandled(t *testing.T) {
	setup := map[string][]string{"typing": nil, "notes list": {"tab", "up"}}
	for state, path := range setup {
		h := newHarness(t, 80, 24)
		h.londonTable()
		h.keys(path...)
		var all []key.Binding
		for _, g := range h.app.tbl.keys().FullHelp() {
			all = append(all, g...)
		}
		for _, b := range all {
			for _, k := range b.Keys() {
				h := newHarness(t, 80, 24)
				h.londonTable()
				for _, s := range []string{"one", "two", "three"} {
					h.typ(s)
					h.keys("enter")
				}
				h.typ("a draft")
				h.keys(path...)
				before := h.screen()
				h.keys(k)
				if h.screen() == before {
					t.Errorf("%s: %s (%s) changed nothing and said nothing", state, k, b.Help().Desc)
				}
			}
		}
	}
}

// TestFootersFitOneLineAt80 draws every table footer (and the other
// screens' short help) without cutting it.
func TestFootersFitOneLineAt80(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.londonTable()
	check := func(where string, km keyMap) {
		t.Helper()
		h.app.help.SetWidth(0)
		line := h.app.help.ShortHelpView(km.ShortHelp())
		h.app.help.SetWidth(80)
		if w := ansi.StringWidth(line); w > 80 {
			t.Errorf("%s: the footer is %d wide: %q", where, w, ansi.Strip(line))
		}
	}
	check("typing", h.app.tbl.keys())
	h.keys("tab")
	check("notes list", h.app.tbl.keys())
	h.keys("ctrl+x")
	check("menu", h.app.tbl.keys())
	h.keys("esc", "ctrl+e")
	check("editing", h.app.tbl.keys())
	for name, km := range map[string]keyMap{"board": boardKeys, "home": homeKeys, "maturity": maturityKeys, "read-back": readBackKeys.keyMap(),
		"themes": reviewKeys, "dashboard": dashKeys, "present": presentKeys, "programme": programmeKeys, "scale": scaleKeys,
		"setup": setupKeyList, "summary": summaryKeys, "ballot": privateVoteKeys, "vote": voteKeys, "help": helpPageKeys} {
		check(name, km)
	}
}

// TestLookingChangesNothing: opening a table, and looking at another
// stage's notes, starts no clock and moves no table; ctrl+t starts it.
func TestLookingChangesNothing(t *testing.T) {
	h := newHarness(t, 80, 24)
	v := h.londonTable()
	h.typ("from the first stage")
	h.keys("enter", "ctrl+n", "y")
	if g := h.table().Group; g.StageStartedAt.IsZero() {
		t.Fatal("moving the table on deliberately did not start the new stage")
	}
	id := h.table().Group.ID
	h.keys("tab", "esc", "down", "enter", "esc", "esc", "up", "enter") // another table, and back
	if got := h.table().Group; got.ID != id {
		t.Fatal("not back at the first table")
	}
	h.keys("esc", "esc", "down", "enter")
	other := h.app.tbl.view.Group
	if !other.StageStartedAt.IsZero() {
		t.Fatal("opening a table started its clock")
	}
	h.contains("not started · 5:00", "Not started")
	h.keys("esc", "esc", "up", "enter", "tab", "left")
	h.contains("LOOKING AT 1/6 Open the table · read-only", "from the first stage")
	h.keys("ctrl+d")
	h.contains("Read-only")
	if n := h.table().Notes; len(n) != 1 || n[0].Deleted() {
		t.Fatalf("a read-only look changed a note: %+v", n)
	}
	if g := h.table().Group; g.StageKey != v.Event.Stages[1].Key {
		t.Fatalf("looking moved the table to %s", g.StageKey)
	}
	_ = model.Contribution{}
	if !reflect.DeepEqual(h.table().Group.LockedStages, v.Group.LockedStages) {
		t.Fatal("looking locked a stage")
	}
}

// TestADigitSetsAValueAndStays: on the maturity screen a digit sets the
// row's level and the selection stays on that row (↓ moves on).
func TestADigitSetsAValueAndStays(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.londonTable()
	h.keys("tab")
	h.menu("maturity self-assessment")
	h.keys("2", "3")
	if m := h.app.maturity; m.dim != 0 {
		t.Fatalf("a digit moved the selection to row %d", m.dim)
	}
	h.keys("down", "1")
	levels := h.app.maturity.levels["R1"]
	if levels[0] != 3 || levels[1] != 1 {
		t.Fatalf("levels %v, want the first 3 (the last digit pressed) and the second 1", levels)
	}
}

// TestEveryKeyInEachScreensHelpIsHandled presses the first key of every
// binding each screen's ? help lists, on a fresh demo event, and checks
// the screen changed (or says why not).
func TestEveryKeyInEachScreensHelpIsHandled(t *testing.T) {
	if testing.Short() {
		t.Skip("opens a demo event per key")
	}
	screens := []struct {
		name string
		path []string
		menu string
		km   keyMap
	}{
		{"home", []string{"esc", "d", "esc"}, "", homeKeys},
		{"board", nil, "", boardKeys},
		{"dashboard", []string{"d"}, "", dashKeys},
		{"themes", []string{"d", "t"}, "", reviewKeys},
		{"programme", []string{"p"}, "", programmeKeys},
		{"summary", []string{"s"}, "", summaryKeys},
		{"maturity", []string{"enter", "tab"}, "maturity self-assessment", maturityKeys},
		{"vote", []string{"enter", "ctrl+p", "y", "ctrl+p", "y", "ctrl+o"}, "", voteKeys},
		{"support", []string{"enter", "ctrl+p", "y", "tab"}, "consensus (vision) / support (next steps)", scaleKeys},
	}
	for _, sc := range screens {
		for _, group := range sc.km.FullHelp() {
			for _, b := range group {
				if len(b.Keys()) == 0 {
					continue
				}
				k := b.Keys()[0]
				if k == "ctrl+c" || k == "q" && (sc.name == "home" || sc.name == "board") {
					continue // quits the app: nothing left to look at
				}
				h := newHarness(t, 80, 24)
				h.keys("d")
				h.keys(sc.path...)
				if sc.menu != "" {
					h.menu(sc.menu)
				}
				if k == "up" || k == "pgup" || k == "home" {
					h.keys("down", "down") // somewhere to go back from
				}
				before := h.screen()
				h.keys(k)
				if h.screen() == before {
					t.Errorf("%s: %s (%s) changed nothing and said nothing", sc.name, k, b.Help().Desc)
				}
			}
		}
	}
}

// TestTableStatesGolden draws the table screen's states, at 80x24 and at a
// large size: typing, the notes list, the ctrl+x menu, a note's history,
// another stage looked at, and the full help.
func TestTableStatesGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		w, hg := size[0], size[1]
		h := newHarness(t, w, hg)
		h.londonTable()
		h.keys("ctrl+n", "y")
		h.typ("Care joined up around the patient")
		h.keys("enter")
		h.typ("A workforce that wants to stay")
		h.keys("enter", "tab", "up", "ctrl+e")
		h.typ(" together")
		h.keys("enter")
		h.typ("half a thought")
		steps := []struct {
			name string
			keys []string
		}{
			{"table-typing", nil},
			{"table-list", []string{"tab"}},
			{"table-menu", []string{"ctrl+x", "up", "up"}},
			{"table-history", []string{"esc", "up", "enter"}},
			{"table-browse", []string{"esc", "left"}},
			{"table-help", []string{"?"}},
		}
		for _, s := range steps {
			h.keys(s.keys...)
			h.golden(fmt.Sprintf("%s-%dx%d", s.name, w, hg))
			h.fits(w, hg)
		}
	}
}
