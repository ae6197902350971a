package tui

import (
	"fmt"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
)

// Every message makes Bubble Tea call View, and a room of seats gets a
// clock tick a second each and a View per key typed. Most of those frames
// differ from the one before in a line or two (the clock, the typing line),
// so the parts that did not change are kept from the last frame:
//
//   - frameGen counts the messages that may have changed what a screen
//     shows. A clock tick on the table screen leaves it as it was (the
//     clock is drawn afresh each frame), and so does a message that sets
//     kept: a key that went straight into the typing line or sent a new
//     note on its way, a change signal (it only starts a reload), a table
//     view the screen shows already.
//   - the typing lines (see footLines), the footer, the status line and
//     each line's cut to the width are kept while their inputs are the
//     same.
type frameCache struct {
	frameGen uint64
	// kept is set by a message that changed nothing on screen but the
	// typing line and the status line.
	kept bool

	footKey   string
	footLines []string
	statusKey string
	status    []string
	fitIn     []string
	fitOut    []string
	fitWidth  int
	// typing is the table screen's typing lines drawn for typingKey (see
	// footLines).
	typingKey typingKey
	typing    []string
	// draw holds the typing line's pieces (see typingDraw).
	draw typingDraw
}

// beforeMsg starts a message's update.
func (a *App) beforeMsg() { a.frames.kept = false }

// afterMsg counts a message that may have changed the screen.
func (a *App) afterMsg(msg tea.Msg) {
	_, tick := msg.(tickMsg)
	if tick && a.screen == screenTable || a.frames.kept {
		return
	}
	a.frames.frameGen++
}

// cachedFooter is footer(km), kept while the keys and the help are the same.
func (a *App) cachedFooter(km keyMap) []string {
	var k strings.Builder
	k.WriteString(strconv.Itoa(a.width))
	if a.dark { // the styles
		k.WriteString("\x00dark")
	}
	if a.help.ShowAll {
		k.WriteString("\x00all")
	}
	for _, b := range km.ShortHelp() {
		h := b.Help()
		k.WriteString("\x00" + h.Key + "\x01" + h.Desc)
		if !b.Enabled() {
			k.WriteString("\x02")
		}
	}
	key := k.String()
	if a.frames.footLines == nil || key != a.frames.footKey {
		a.frames.footKey, a.frames.footLines = key, strings.Split(a.footer(km), "\n")
	}
	return a.frames.footLines
}

// cachedStatus is statusLines(), kept while the status is the same.
func (a *App) cachedStatus() []string {
	key := fmt.Sprintf("%d\x00%t\x00%t\x00%s", a.width, a.dark, a.isErr, a.status)
	if a.frames.status == nil || key != a.frames.statusKey {
		a.frames.statusKey, a.frames.status = key, a.statusLines()
	}
	return a.frames.status
}

// fitLine is fit(s) for the frame's line i, kept when that line is the
// same string as in the frame before.
func (a *App) fitLine(i int, s string) string {
	c := &a.frames
	if i < len(c.fitIn) && c.fitIn[i] == s {
		return c.fitOut[i]
	}
	for len(c.fitIn) <= i {
		c.fitIn, c.fitOut = append(c.fitIn, ""), append(c.fitOut, "")
	}
	c.fitIn[i], c.fitOut[i] = s, a.fit(s)
	return c.fitOut[i]
}
