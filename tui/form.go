package tui

import (
	"errors"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"forum/model"
	"forum/sessions"
)

// formResultMsg reports a form's save: an error keeps the form open with
// everything typed; success returns to the table.
type formResultMsg struct {
	status string
	err    error
	// undo, when the save can be undone, goes on the seat's undo stack;
	// clearMarks clears the notes marked for a theme.
	undo       sessions.Undo
	clearMarks bool
}

// field is one labelled input of a form.
type field struct {
	label string
	input textinput.Model
}

// choice is an item of a form's list: a priority a next step serves, or a
// suggestion for a key message.
type choice struct {
	label string
	id    model.ID
	text  string
	// ids, when set, are all the notes behind the choice (else id alone).
	ids []model.ID
}

// formModel is a small form of text fields with, optionally, a list to
// choose from. submit turns the values into a command that saves them.
type formModel struct {
	title     string
	intro     []string
	fields    []field
	focus     int
	choices   []choice
	choiceSel int
	// pick says what the list is: "serves" (the choice is a value) or
	// "use" (ctrl+o copies the choice into the focused field).
	pick string
	// listTitle heads the list and listHelp names ↑/↓ in the footer.
	listTitle, listHelp string
	sources             map[int][]model.ID
	err                 string
	submit              func(f *formModel) tea.Cmd
	// check, when set, checks field i as it is typed; the reason shows
	// under the form.
	check []func(string) error
	// done is the screen to return to.
	done screen
	// onChoose, when set, runs after the list's choice changes.
	onChoose func(f *formModel)
	// opened are the fields' values when the form opened: esc drops what
	// was typed since only after a y.
	opened string
}

// values are the fields' values, joined.
func (f *formModel) values() string {
	var vs []string
	for _, fl := range f.fields {
		vs = append(vs, fl.input.Value())
	}
	return strings.Join(vs, "\x00")
}

// formDroppedMsg closes a form after its typing was dropped (with a y).
type formDroppedMsg struct{ back screen }

// The forms' keys.
var (
	keyNextField = kb([]string{"enter", "tab"}, "tab", "next field")
	keyPrevField = kb([]string{"shift+tab"}, "shift+tab", "previous field")
	keyLastEnter = kb([]string{"enter"}, "enter", "save (on the last field)")
)

// firstProblem is the first field that fails its check, as an error naming
// the field.
func (f *formModel) firstProblem() error {
	for i, c := range f.check {
		if c == nil || i >= len(f.fields) {
			continue
		}
		if err := c(f.fields[i].input.Value()); err != nil {
			return errors.New(f.fields[i].label + ": " + err.Error())
		}
	}
	return nil
}

func newField(label, value, placeholder string) field {
	in := steadyInput()
	in.Prompt = ""
	in.Placeholder = placeholder
	in.SetValue(value)
	in.CursorEnd()
	return field{label: label, input: in}
}

// value is the trimmed text of field i.
func (f *formModel) value(i int) string { return strings.TrimSpace(f.fields[i].input.Value()) }

// number reads field i as a whole number.
func (f *formModel) number(i int) (int, error) { return strconv.Atoi(f.value(i)) }

func (f *formModel) keys() keyMap {
	short := []key.Binding{keyField, keyFormSave}
	switch f.pick {
	case "serves":
		short = append(short, kb([]string{"up", "down"}, "↑/↓", f.listHelp))
	case "use":
		short = append(short, keyChoose, keyUse)
	}
	short = append(short, keyCancel)
	return keyMap{short: short, full: [][]key.Binding{{keyNextField, keyPrevField, keyLastEnter, keyFormSave}, short[2:]}}
}

func (f *formModel) focusField(i int) tea.Cmd {
	if len(f.fields) == 0 {
		return nil
	}
	f.fields[f.focus].input.Blur()
	f.focus = (i + len(f.fields)) % len(f.fields)
	return f.fields[f.focus].input.Focus()
}

func (f *formModel) update(a *App, msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, keyCancel) && f.values() != f.opened:
			back := f.done
			a.ask("Drop what you typed in this form?", "Still here: ctrl+s saves it.", func() tea.Msg { return formDroppedMsg{back} })
			return nil
		case key.Matches(k, keyCancel):
			a.screen = f.done
			a.setStatus("Cancelled; nothing saved.", nil)
			return nil
		case key.Matches(k, keyFormSave) || (key.Matches(k, keyLastEnter) && f.focus == len(f.fields)-1):
			f.err = ""
			return f.submit(f)
		case key.Matches(k, keyNextField):
			return f.focusField(f.focus + 1)
		case key.Matches(k, keyPrevField):
			return f.focusField(f.focus - 1)
		case key.Matches(k, keyChoose) && len(f.choices) > 0:
			d := 1
			if k.String() == "up" {
				d = -1
			}
			f.choiceSel = clamp(f.choiceSel+d, len(f.choices))
			if f.onChoose != nil {
				f.onChoose(f)
			}
			return nil
		case key.Matches(k, keyUse) && f.pick == "use" && len(f.choices) > 0:
			c := f.choices[f.choiceSel]
			f.fields[f.focus].input.SetValue(c.text)
			f.fields[f.focus].input.CursorEnd()
			f.sources[f.focus] = nil
			if len(c.ids) > 0 {
				f.sources[f.focus] = append([]model.ID(nil), c.ids...)
			} else if c.id != "" {
				f.sources[f.focus] = []model.ID{c.id}
			}
			return nil
		}
	}
	var cmd tea.Cmd
	f.err = "" // a refusal is shown until the user changes something
	old := f.fields[f.focus].input.Value()
	f.fields[f.focus].input, cmd = f.fields[f.focus].input.Update(msg)
	if f.pick == "use" && f.fields[f.focus].input.Value() == "" && old != "" {
		f.sources[f.focus] = nil // an emptied field no longer cites its note
	}
	return cmd
}

func (f *formModel) render(a *App) string {
	body := []string{""}
	for _, l := range f.intro {
		body = append(body, wrapIndent(l, a.width-4, "  ")...)
	}
	body = append(body, "")
	labelW := 0
	for _, fl := range f.fields {
		labelW = max(labelW, len([]rune(fl.label)))
	}
	for i, fl := range f.fields {
		mark := "  "
		if i == f.focus {
			mark = a.st.Prompt.Render("› ")
		}
		fl.input.SetWidth(max(a.width-labelW-6, 10))
		body = append(body, mark+a.st.Key.Render(pad(fl.label, labelW))+"  "+fl.input.View())
	}
	msg := f.err
	if err := f.firstProblem(); err != nil && msg == "" {
		msg = err.Error()
	}
	if msg != "" {
		body = append(body, "")
		for _, l := range wrap(msg, a.width-4) {
			body = append(body, "  "+a.st.Error.Render(l))
		}
	}
	if len(f.choices) > 0 {
		body = append(body, "")
		head := "Suggestions (↑/↓ to choose, ctrl+o puts one in the field you are on):"
		if f.listTitle != "" {
			head = f.listTitle
		}
		body = append(body, a.st.Faint.Render("  "+head))
		room := a.height - 4 - len(body)
		from, to := scrollWindow(len(f.choices), f.choiceSel, room)
		for i := from; i < to; i++ {
			line := model.Safe(f.choices[i].label, false)
			if i == f.choiceSel {
				line = a.st.Selected.Render("› " + line)
			} else {
				line = "  " + line
			}
			body = append(body, "  "+line)
		}
	}
	return a.page(a.headerBar(f.title), body, f.keys())
}

func pad(s string, w int) string {
	if n := len([]rune(s)); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}

func wrapIndent(s string, w int, indent string) []string {
	var out []string
	for _, l := range wrap(s, w) {
		out = append(out, indent+l)
	}
	return out
}

// steadyInput is a text input whose cursor does not blink: nothing redraws
// while nobody types.
func steadyInput() textinput.Model {
	in := textinput.New()
	s := in.Styles()
	s.Cursor.Blink = false
	in.SetStyles(s)
	return in
}
