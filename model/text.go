package model

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// TextRule says what a text field accepts.
type TextRule struct {
	// Field names the field in messages ("note", "owner").
	Field string
	// Max is the most characters (runes) allowed.
	Max int
	// Multiline keeps line breaks; otherwise they become spaces.
	Multiline bool
	// Required refuses text that is empty once cleaned.
	Required bool
}

// The rules for forum's text fields.
var (
	NoteRule    = TextRule{Field: "note", Max: 2000, Multiline: true, Required: true}
	VisionRule  = TextRule{Field: "vision statement", Max: 2000, Multiline: true}
	MessageRule = TextRule{Field: "key message", Max: 500, Multiline: false, Required: true}
	ActionRule  = TextRule{Field: "action", Max: 500, Required: true}
	NameRule    = TextRule{Field: "name", Max: 120}
	TitleRule   = TextRule{Field: "title", Max: 200, Required: true}
	ShortRule   = TextRule{Field: "text", Max: 500}
)

// ErrEmpty and ErrTooLong are wrapped by Clean's refusals.
var (
	ErrEmpty   = errors.New("empty")
	ErrTooLong = errors.New("too long")
)

// TextError is a refusal of Clean: its message is one sentence for the
// user, and errors.Is matches its Kind (ErrEmpty or ErrTooLong).
type TextError struct {
	Kind error
	Msg  string
}

// Error is the sentence for the user.
func (e *TextError) Error() string { return e.Msg }

// Unwrap lets errors.Is match the kind.
func (e *TextError) Unwrap() error { return e.Kind }

// Cleaned is text made safe to store and show, with what was changed.
type Cleaned struct {
	Text string
	// Changes says, in words for the user, what was removed or replaced.
	// Empty when the text was kept as typed (apart from outer spaces).
	Changes []string
}

// Changed reports whether anything beyond outer white space was altered.
func (c Cleaned) Changed() bool { return len(c.Changes) > 0 }

// Notice is one sentence telling the user what was changed, or "".
func (c Cleaned) Notice() string {
	if !c.Changed() {
		return ""
	}
	return "Text was changed: " + strings.Join(c.Changes, "; ") + "."
}

// Clean makes text safe to store and to show on anyone's terminal, in a
// browser or a spreadsheet: invalid UTF-8 is replaced, terminal escape
// sequences are removed, C0/C1 control characters and invisible format
// characters (bidi overrides, zero-width spaces) are dropped, keeping the
// emoji joiner and, where the field allows, line breaks. Outer white space
// is trimmed. Text that is empty (when required) or longer than the rule's
// maximum is refused, never cut silently.
func Clean(s string, r TextRule) (Cleaned, error) {
	var changes []string
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
		changes = append(changes, "invalid characters replaced with \uFFFD")
	}
	if stripped := ansi.Strip(s); stripped != s {
		s = stripped
		changes = append(changes, "terminal escape sequences removed")
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	var controls, invisible, joined bool
	prev := rune(0)
	for _, c := range s {
		switch {
		case c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085':
			if r.Multiline {
				b.WriteRune('\n')
			} else {
				b.WriteRune(' ')
				joined = true
			}
			if c == '\r' {
				controls = true
			}
		case c == '\t':
			b.WriteRune(' ')
		case c < 0x20 || (c >= 0x7f && c <= 0x9f):
			controls = true
		case c == '\u200d': // zero-width joiner: keeps emoji sequences whole
			b.WriteRune(c)
		case c >= 0xE0020 && c <= 0xE007F && (prev == '\U0001F3F4' || (prev >= 0xE0020 && prev <= 0xE007F)):
			b.WriteRune(c) // tag characters inside a subdivision flag (England, Scotland, Wales)
		case unicode.Is(unicode.Cf, c) || c == '\uFFF9' || c == '\uFFFA' || c == '\uFFFB':
			invisible = true
			continue
		default:
			b.WriteRune(c)
		}
		prev = c
	}
	if controls {
		changes = append(changes, "control characters removed")
	}
	if invisible {
		changes = append(changes, "invisible formatting characters removed")
	}
	if joined {
		changes = append(changes, "line breaks joined into one line")
	}
	out := strings.TrimSpace(b.String())
	if r.Multiline {
		out = trimLines(out)
	}
	name := r.Field
	if name == "" {
		name = "text"
	}
	if r.Required && out == "" {
		return Cleaned{Changes: changes}, &TextError{ErrEmpty, fmt.Sprintf("the %s is empty; type something first", name)}
	}
	if n := utf8.RuneCountInString(out); r.Max > 0 && n > r.Max {
		return Cleaned{Text: out, Changes: changes}, &TextError{ErrTooLong, fmt.Sprintf("the %s is %d characters; the limit is %d, so shorten it or split it", name, n, r.Max)}
	}
	return Cleaned{Text: out, Changes: changes}, nil
}

// trimLines removes trailing spaces on each line and runs of more than one
// blank line.
func trimLines(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := 0
	for _, l := range lines {
		l = strings.TrimRightFunc(l, unicode.IsSpace)
		if l == "" {
			blank++
			if blank > 1 {
				continue
			}
		} else {
			blank = 0
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// Safe cleans text already stored, for display: the same rules as Clean,
// but never refusing (a second line of defence at render time). Text that
// Clean would leave as it is comes back at once.
func Safe(s string, multiline bool) string {
	if alreadyClean(s, multiline) {
		return s
	}
	c, _ := Clean(s, TextRule{Multiline: multiline})
	return c.Text
}

// alreadyClean reports, quickly, that Clean would not change s.
func alreadyClean(s string, multiline bool) bool {
	if s != strings.TrimSpace(s) || (multiline && (strings.Contains(s, " \n") || strings.Contains(s, "\n\n\n"))) {
		return false
	}
	for _, c := range s {
		switch {
		case c == '\n':
			if !multiline {
				return false
			}
		case c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == utf8.RuneError:
			return false
		case c >= 0xad && (unicode.Is(unicode.Cf, c) || c == '\u2028' || c == '\u2029' || (c >= '\uFFF9' && c <= '\uFFFB')):
			return false
		}
	}
	return true
}
