package tui

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"
)

// frameCounter signals each write of a program's output.
type frameCounter struct {
	mu    sync.Mutex
	bytes int
	wrote chan struct{}
}

func (f *frameCounter) Write(p []byte) (int, error) {
	f.mu.Lock()
	f.bytes += len(p)
	f.mu.Unlock()
	select {
	case f.wrote <- struct{}{}:
	default:
	}
	return len(p), nil
}

func processCPU() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// frameBench runs the app of a table screen at 100×30 (the FullRoom
// benchmark's terminals) with 300 notes in a real Bubble Tea program,
// sends one message per iteration and waits for the frame it draws; it
// reports the process's CPU per frame: Update, View, the renderer's diff
// and the write (to memory: no SSH).
func frameBench(b *testing.B, next func(i int) tea.Msg) {
	h := busyTable(b)
	h.keys("ctrl+t") // the clock runs
	out := &frameCounter{wrote: make(chan struct{}, 1)}
	p := tea.NewProgram(h.app, tea.WithInput(nil), tea.WithOutput(out), tea.WithWindowSize(100, 30),
		tea.WithoutSignalHandler(), tea.WithColorProfile(colorprofile.TrueColor))
	done := make(chan struct{})
	go func() { p.Run(); close(done) }()
	defer func() { p.Quit(); <-done }()
	wait := func() {
		select {
		case <-out.wrote:
		case <-time.After(2 * time.Second):
			b.Fatal("no frame drawn")
		}
	}
	wait()
	time.Sleep(100 * time.Millisecond)
	for len(out.wrote) > 0 {
		<-out.wrote
	}
	runtime.GC() // the notes' garbage is not the frames'
	b.ResetTimer()
	cpu := processCPU()
	for i := range b.N {
		time.Sleep(20 * time.Millisecond) // past the frame interval, as between ticks
		p.Send(next(i))
		wait()
	}
	b.StopTimer()
	b.ReportMetric(float64(processCPU()-cpu)/float64(b.N)/1e3, "cpu-µs/frame")
}

// BenchmarkClockFrame is one second of a table screen's clock: a tick, and
// the frame it draws (the header's time and the clock bar change).
func BenchmarkClockFrame(b *testing.B) {
	frameBench(b, func(i int) tea.Msg { return tickMsg(testNow.Add(time.Duration(i+1)*time.Second + 2*time.Millisecond)) })
}

// BenchmarkTypingFrame is one key typed on the typing line and its frame.
func BenchmarkTypingFrame(b *testing.B) {
	frameBench(b, func(i int) tea.Msg {
		if i%40 == 39 {
			return tea.KeyPressMsg{Code: tea.KeyBackspace}
		}
		r := rune('a' + i%26)
		return tea.KeyPressMsg{Code: r, Text: string(r)}
	})
}

// BenchmarkClockFrameRenderer is the renderer's part of a clock frame
// alone, as Bubble Tea's renderer does it: the 100×30 frame parsed into
// cells (every frame is drawn whole), diffed against the screen, written.
func BenchmarkClockFrameRenderer(b *testing.B) {
	h := busyTable(b)
	h.keys("ctrl+t")
	var frames [2]string
	for i := range frames {
		h.msg(tickMsg(testNow.Add(time.Duration(i+1) * time.Second)))
		frames[i] = h.app.View().Content
	}
	var out strings.Builder
	scr := uv.NewTerminalRenderer(&out, []string{"TERM=xterm-256color"})
	scr.SetColorProfile(colorprofile.TrueColor)
	scr.SetFullscreen(true)
	buf := uv.NewScreenBuffer(100, 30)
	b.ResetTimer()
	for i := range b.N {
		buf.Clear()
		uv.NewStyledString(frames[i%2]).Draw(buf, buf.Bounds())
		scr.Render(buf.RenderBuffer)
		_ = scr.Flush()
		out.Reset()
	}
}

// BenchmarkClockView is a clock tick's Update and View on the table screen
// with 300 notes at 100×30, the unchanged parts kept from the frame before;
// BenchmarkClockViewWhole draws the whole frame each time, as before they
// were kept.
func BenchmarkClockView(b *testing.B)      { clockView(b, false) }
func BenchmarkClockViewWhole(b *testing.B) { clockView(b, true) }

func clockView(b *testing.B, whole bool) {
	h := busyTable(b)
	h.keys("ctrl+t")
	b.ResetTimer()
	for i := range b.N {
		if whole {
			h.app.dropFrameCache()
		}
		h.app.Update(tickMsg(testNow.Add(time.Duration(i+1) * time.Second)))
		_ = h.app.View()
	}
}

// BenchmarkTypingKey is one key typed on the table screen (300 notes,
// 100×30): Update and View, the unchanged parts kept.
func BenchmarkTypingKey(b *testing.B) {
	h := busyTable(b)
	h.keys("ctrl+t")
	b.ResetTimer()
	for i := range b.N {
		if i%30 == 29 { // a note's length: start again, as after a save
			h.app.tbl.input.SetValue("")
			h.app.dropFrameCache()
		}
		r := rune('a' + i%26)
		h.app.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		_ = h.app.View()
	}
}

// busyTable is a table screen at 100×30 with 300 notes captured.
func busyTable(b testing.TB) *harness {
	h := newHarness(b, 100, 30)
	v := h.londonTable()
	for i := range 300 {
		if _, err := h.eng.Capture(context.Background(), "bench", v.Group.ID, fmt.Sprintf("Note %d about shared estates, records and the workforce", i), []string{"people"}, ""); err != nil {
			b.Fatal(err)
		}
	}
	h.msg(changedMsg{})
	return h
}

// BenchmarkNoteCycle is one note at table 1 of the large event (200
// notes, at its last stage) at 100×30, as the FullRoom benchmark's scribe
// types it: 29 characters arriving at once (Update for each, View after
// the first and the last, as the renderer's pacing does), Enter, the save
// and the messages it brings, a View after each. Run it with a fixed
// -benchtime (200x): the table grows by a note an iteration.
func BenchmarkNoteCycle(b *testing.B) {
	h := largeHarness(b, 100, 30)
	h.keys("enter")
	var run func(cmd tea.Cmd)
	run = func(cmd tea.Cmd) {
		if cmd == nil {
			return
		}
		switch m := cmd().(type) {
		case nil:
		case tea.BatchMsg:
			for _, c := range m {
				run(c)
			}
		default:
			if _, ok := m.(tickMsg); ok {
				return
			}
			_, next := h.app.Update(m)
			_ = h.app.View()
			run(next)
		}
	}
	runtime.GC()
	b.ResetTimer()
	cpu := processCPU()
	for i := range b.N {
		text := fmt.Sprintf("bench note %03d at table one", i%1000)
		for j, r := range text {
			_, cmd := h.app.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
			if cmd != nil {
				b.Fatal("a typed key gave a command")
			}
			if j == 0 || j == len(text)-1 {
				_ = h.app.View()
			}
		}
		_, cmd := h.app.Update(keyMsg("enter"))
		_ = h.app.View()
		run(cmd)
	}
	b.StopTimer()
	b.ReportMetric(float64(processCPU()-cpu)/float64(b.N)/1e3, "cpu-µs/note")
}
