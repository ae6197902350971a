package tui

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/vt"
)

// counter is a model whose view is the number of messages it has seen.
type counter struct{ n int }

type bump struct{}

func (c counter) Init() tea.Cmd { return nil }
func (c counter) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(bump); ok {
		c.n++
	}
	return c, nil
}
func (c counter) View() tea.View { return tea.NewView(fmt.Sprintf("count=%04d", c.n)) }

// frames puts what a program writes through a terminal emulator, and
// counts the writes.
type frames struct {
	mu     sync.Mutex
	emu    *vt.Emulator
	writes int
}

func (f *frames) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.writes++
	return f.emu.Write(p)
}

func (f *frames) has(s string) (bool, int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return strings.Contains(f.emu.String(), s), f.writes
}

// The renderer (Bubble Tea patched in third_party/bubbletea to sleep while
// nothing changes; its wakeups are measured by BenchmarkFullRoom) draws the
// first change after a pause at once, collapses a burst of updates into a
// few frames whose last shows the end, and writes nothing while idle.
func TestRendererDrawsOnDemand(t *testing.T) {
	out := &frames{emu: vt.NewEmulator(40, 5)}
	defer out.emu.Close()
	p := tea.NewProgram(counter{}, tea.WithInput(nil), tea.WithOutput(out), tea.WithWindowSize(40, 5), tea.WithoutSignalHandler())
	done := make(chan struct{})
	go func() { p.Run(); close(done) }()
	defer func() { p.Quit(); <-done }()
	waitShown := func(s string, within time.Duration) int {
		t.Helper()
		for end := time.Now().Add(within); ; time.Sleep(time.Millisecond) {
			if ok, n := out.has(s); ok {
				return n
			}
			if time.Now().After(end) {
				t.Fatalf("%q not drawn within %v", s, within)
			}
		}
	}
	waitShown("count=0000", 2*time.Second)
	time.Sleep(100 * time.Millisecond)
	start := time.Now()
	p.Send(bump{})
	waitShown("count=0001", time.Second)
	if d := time.Since(start); d > 500*time.Millisecond {
		t.Errorf("one change after a pause took %v to draw", d)
	}
	_, before := out.has("")
	for range 300 {
		p.Send(bump{})
	}
	after := waitShown("count=0301", 2*time.Second)
	if frames := after - before; frames > 100 {
		t.Errorf("300 updates in a burst took %d writes; want them collapsed into frames", frames)
	}
	time.Sleep(100 * time.Millisecond)
	_, idle := out.has("")
	time.Sleep(300 * time.Millisecond)
	if _, n := out.has(""); n != idle {
		t.Errorf("an idle program wrote %d times", n-idle)
	}
}
