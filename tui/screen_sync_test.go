package tui

import (
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/vt"
)

// recorder is a model that keeps the last frame its App drew.
type recorder struct {
	app  *App
	mu   *sync.Mutex
	last *string
}

func (r recorder) Init() tea.Cmd { return r.app.Init() }

func (r recorder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := r.app.Update(msg)
	return r, cmd
}

func (r recorder) View() tea.View {
	v := r.app.View()
	r.mu.Lock()
	*r.last = v.Content
	r.mu.Unlock()
	return v
}

// onlcr maps each newline to CR LF on the way to the terminal, as an SSH
// session's pty (and a terminal's line discipline) does for Bubble Tea.
type onlcr struct{ f *frames }

func (o onlcr) Write(p []byte) (int, error) {
	if _, err := o.f.Write([]byte(strings.ReplaceAll(string(p), "\n", "\r\n"))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// What a terminal shows is the app's last frame, after any run of keys,
// saves and clock ticks: Bubble Tea (patched in third_party/bubbletea to
// parse only the lines of a frame that changed, and without its scroll
// optimisation) sends a real terminal emulator what puts every cell, its
// text and its style, where a frame drawn whole from nothing puts it.
func TestTheTerminalShowsTheLastFrameExactly(t *testing.T) {
	h := busyTable(t)
	h.keys("ctrl+t")
	const w, ht = 100, 30
	out := &frames{emu: vt.NewEmulator(w, ht)}
	defer out.emu.Close()
	rec := recorder{app: h.app, mu: new(sync.Mutex), last: new(string)}
	p := tea.NewProgram(rec, tea.WithInput(nil), tea.WithOutput(onlcr{out}), tea.WithWindowSize(w, ht),
		tea.WithoutSignalHandler(), tea.WithColorProfile(colorprofile.TrueColor))
	done := make(chan struct{})
	go func() { p.Run(); close(done) }()
	defer func() { p.Quit(); <-done }()

	// differs says where the emulator's screen and the last frame drawn
	// whole differ, or "".
	differs := func() string {
		rec.mu.Lock()
		content := *rec.last
		rec.mu.Unlock()
		want := uv.NewScreenBuffer(w, ht)
		want.Clear()
		uv.NewStyledString(content).Draw(want, want.Bounds())
		out.mu.Lock()
		defer out.mu.Unlock()
		for y := range ht {
			for x := range w {
				a, b := want.CellAt(x, y), out.emu.CellAt(x, y)
				if a == nil || b == nil || a.Content != b.Content && !(a.Content == " " && b.Content == "") ||
					a.Width != b.Width || !a.Style.Equal(&b.Style) {
					return strings.TrimRight(want.Line(y).String(), " ") + "\n  but the terminal shows\n" +
						strings.TrimRight(out.emu.String(), " ")
				}
			}
		}
		return ""
	}
	settle := func(step int, what string) {
		t.Helper()
		var d string
		for end := time.Now().Add(2 * time.Second); time.Now().Before(end); time.Sleep(5 * time.Millisecond) {
			if d = differs(); d == "" {
				return
			}
		}
		t.Fatalf("step %d (%s): the terminal does not show the frame; expected line:\n%s", step, what, d)
	}
	settle(0, "start")

	r := rand.New(rand.NewPCG(7, 12))
	second := 0
	for step := 1; step <= 400; step++ {
		var msg tea.Msg
		var what string
		switch k := r.IntN(20); {
		case k < 11:
			c := rune("abcdefghij klmnopqrstu✓世é"[r.IntN(24)])
			msg, what = tea.KeyPressMsg{Code: c, Text: string(c)}, "a key"
		case k < 13:
			msg, what = keyMsg("backspace"), "backspace"
		case k < 15:
			second++
			msg, what = tickMsg(testNow.Add(time.Duration(second)*time.Second+2*time.Millisecond)), "a clock tick"
		case k < 16:
			msg, what = keyMsg("enter"), "enter"
		case k < 17:
			msg, what = keyMsg([]string{"up", "down", "pgup", "pgdown"}[r.IntN(4)]), "scrolling"
		default:
			msg, what = keyMsg("end"), "end"
		}
		p.Send(msg)
		if step%5 == 0 {
			settle(step, what)
		}
	}
	settle(401, "the end")
}
