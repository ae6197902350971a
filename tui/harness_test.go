package tui

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"forum/sessions"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// testNow is the fixed clock: ten minutes into the forum's breakouts.
var testNow = time.Date(2018, 1, 25, 10, 0, 0, 0, time.UTC)

// harness drives an App through Update the way Bubble Tea would, running
// every command synchronously and feeding its message back.
type harness struct {
	t   testing.TB
	app *App
	eng *sessions.Engine
	dir string
}

func newHarness(t testing.TB, w, h int) *harness {
	t.Helper()
	dir := t.TempDir()
	eng, closeDB, err := sessions.Open(context.Background(), filepath.Join(dir, "forum.db"), sessions.WithClock(func() time.Time { return testNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { closeDB() })
	app := New(eng, Options{Actor: "test"})
	app.static = true
	hs := &harness{t: t, app: app, eng: eng, dir: dir}
	hs.send(app.Init())
	hs.msg(tea.WindowSizeMsg{Width: w, Height: h})
	return hs
}

// send runs a command and everything that follows from it.
func (h *harness) send(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	msg := cmd()
	switch m := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range m {
			h.send(c)
		}
	default:
		// tea.Sequence's message is an unexported []tea.Cmd.
		if v := reflect.ValueOf(m); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
			for i := 0; i < v.Len(); i++ {
				h.send(v.Index(i).Interface().(tea.Cmd))
			}
			return
		}
		h.msg(m)
	}
}

// msg delivers one message, and checks that the frame drawn after it (as
// Bubble Tea draws one after every message), from what the last frame
// kept, is the frame drawn from nothing.
func (h *harness) msg(m tea.Msg) {
	h.t.Helper()
	_, cmd := h.app.Update(m)
	kept := h.app.View().Content
	h.app.dropFrameCache()
	if fresh := h.app.View().Content; kept != fresh {
		h.t.Fatalf("after %T %v the frame from the kept parts differs from a fresh one:\nkept:\n%s\nfresh:\n%s", m, m, ansi.Strip(kept), ansi.Strip(fresh))
	}
	h.send(cmd)
}

// dropFrameCache forgets every part of the last frame that was kept.
func (a *App) dropFrameCache() {
	a.frames = frameCache{frameGen: a.frames.frameGen + 1}
}

// keys presses named keys: "enter", "ctrl+n", "y", "esc", "tab", "up", "left", …
func (h *harness) keys(names ...string) {
	for _, n := range names {
		h.msg(keyMsg(n))
	}
}

// menu runs the table screen's ctrl+x menu item described desc.
func (h *harness) menu(desc string) {
	h.t.Helper()
	h.keys("ctrl+x")
	items := tableKeys.menuItems(h.app.tbl.view)
	for i, b := range items {
		if b.Help().Desc == desc {
			for range i {
				h.keys("down")
			}
			h.keys("enter")
			return
		}
	}
	h.t.Fatalf("no menu item %q", desc)
}

// typ types text one character at a time.
func (h *harness) typ(s string) {
	for _, r := range s {
		h.msg(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// altEsc is two quick escapes that arrive as one key.
func altEsc() tea.KeyPressMsg { return tea.KeyPressMsg{Code: tea.KeyEscape, Mod: tea.ModAlt} }

func keyMsg(name string) tea.KeyPressMsg {
	special := map[string]rune{"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab, "up": tea.KeyUp,
		"down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight, "space": tea.KeySpace, "backspace": tea.KeyBackspace,
		"delete": tea.KeyDelete, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd}
	if r, ok := special[name]; ok {
		return tea.KeyPressMsg{Code: r}
	}
	if name == "shift+tab" {
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	}
	if rest, ok := strings.CutPrefix(name, "ctrl+"); ok {
		return tea.KeyPressMsg{Code: rune(rest[0]), Mod: tea.ModCtrl}
	}
	return tea.KeyPressMsg{Code: rune(name[0]), Text: name}
}

// screen is what the user sees, without colours, with the temp dir masked.
func (h *harness) screen() string {
	s := ansi.Strip(h.app.View().Content)
	return strings.ReplaceAll(s, h.dir, "<tmp>")
}

// contains fails unless the screen shows every want.
func (h *harness) contains(wants ...string) {
	h.t.Helper()
	s := h.screen()
	for _, w := range wants {
		if !strings.Contains(s, w) {
			h.t.Fatalf("screen lacks %q:\n%s", w, s)
		}
	}
}

// golden compares the screen with testdata/NAME.golden.
func (h *harness) golden(name string) {
	h.t.Helper()
	got := h.screen()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			h.t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		h.t.Fatalf("%v (run go test ./tui -update to create it)", err)
	}
	if got != string(want) {
		h.t.Errorf("%s differs from the golden file (go test ./tui -update rewrites it)\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// lines checks that the screen fills exactly the terminal and no wider.
func (h *harness) fits(w, hgt int) {
	h.t.Helper()
	lines := strings.Split(h.app.View().Content, "\n")
	if len(lines) != hgt {
		h.t.Errorf("screen has %d lines, terminal %d", len(lines), hgt)
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			h.t.Errorf("line %d is %d wide, terminal %d: %q", i, ansi.StringWidth(l), w, ansi.Strip(l))
		}
	}
}

// londonTable creates a London 2018 event with n (accepting the set-up
// form's defaults) and opens its first table.
func (h *harness) londonTable() sessions.TableView {
	h.t.Helper()
	h.keys("n", "enter", "enter", "enter") // title, date, tables: the defaults
	h.keys("enter")                        // open the first table
	if h.app.screen != screenTable {
		h.t.Fatalf("not on the table screen:\n%s", h.screen())
	}
	return h.app.tbl.view
}

func (h *harness) table() sessions.TableView {
	h.t.Helper()
	v, err := h.eng.Table(context.Background(), h.app.tbl.view.Group.ID)
	if err != nil {
		h.t.Fatal(err)
	}
	return v
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }
