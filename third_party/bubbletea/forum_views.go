package tea

// forum's patch: View is called when its frame can be drawn.
//
// Upstream calls the model's View after every message and hands it to the
// renderer, which draws at most one frame per frame interval: of a burst
// of messages (a pasted line, 29 keys arriving in one SSH packet, a save
// followed by its reload) every View but the last is thrown away. forum
// serve runs a program per seat, and a View of its table screen with its
// typing line costs about a tenth of a millisecond, so those Views were a
// visible part of the server's CPU while a room types. viewPacer keeps the
// first message after a quiet interval drawn at once and defers the rest of
// a burst to the end of the interval, when one View shows them all, so no
// frame is drawn later than upstream's renderer would have drawn it.

import "time"

// viewPacer decides, on the event loop's goroutine, when View is called.
type viewPacer struct {
	interval time.Duration
	last     time.Time // when the last View that changed was called
	pending  bool      // a message came since, whose View waits for timer
	prev     View      // the last View
	timer    *time.Timer
}

func (v *viewPacer) init(fps int) {
	if fps <= 0 {
		fps = defaultFPS
	}
	v.interval = time.Second / time.Duration(fps)
	v.timer = time.NewTimer(time.Hour)
	v.timer.Stop()
}

func (v *viewPacer) stop() { v.timer.Stop() }

// ready reports whether a View may be called now; if not, it arranges for
// due to fire at the end of the interval.
func (v *viewPacer) ready() bool {
	wait := v.interval - time.Since(v.last)
	if wait <= 0 {
		return true
	}
	if !v.pending {
		v.pending = true
		v.timer.Reset(wait)
	}
	return false
}

// view calls the model's View and hands it to the renderer. Only a View
// that differs from the one before starts an interval: a message that
// changed nothing on screen (a reload that found nothing new) must not
// hold back the next one that does.
func (v *viewPacer) view(p *Program, model Model) {
	if v.pending {
		v.pending = false
		v.timer.Stop()
	}
	if p.renderer == nil {
		return
	}
	view := model.View()
	if !viewEquals(&v.prev, &view) {
		v.last = time.Now()
	}
	v.prev = view
	p.renderer.render(view)
	p.wakeRenderer()
}

// due fires when a deferred View is to be called.
func (v *viewPacer) due() <-chan time.Time { return v.timer.C }
