package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"forum/model"
	"forum/sessions/report"
)

// reportView draws the report document for a terminal of a given width:
// one more renderer of the document, beside Markdown, HTML, Word and PDF.
// Words wrap at their boundaries (a word longer than the line is the only
// one ever split), tables share the width among their columns, headings
// are styled as headings.
type reportView struct {
	st    Styles
	width int // the text width, inside a two-column margin
	out   []string
}

// renderReport draws d for a terminal width columns wide.
func renderReport(d report.Doc, width int, st Styles) string {
	r := &reportView{st: st, width: max(width-4, 20)}
	r.wrap(st.Title.Render(clean(d.Title)), "", "")
	r.blank()
	for _, k := range d.Blocks {
		r.block(k)
	}
	for i, l := range r.out {
		r.out[i] = "  " + l
	}
	return strings.Join(r.out, "\n")
}

// clean is user text made safe for the terminal, on one line.
func clean(s string) string {
	return strings.ReplaceAll(model.Safe(s, true), "\n", " / ")
}

func (r *reportView) blank() {
	if len(r.out) > 0 && r.out[len(r.out)-1] != "" {
		r.out = append(r.out, "")
	}
}

// wrap adds text wrapped to the width, the first line after first and the
// others after rest (a hanging indent).
func (r *reportView) wrap(text, first, rest string) {
	w := max(r.width-ansi.StringWidth(first), 8)
	for i, line := range strings.Split(ansi.Wrap(text, w, ""), "\n") {
		lead := rest
		if i == 0 {
			lead = first
		}
		r.out = append(r.out, lead+line)
	}
}

// spans styles a run of spans: strong bold, emphasis italic, references
// faint.
func (r *reportView) spans(ss []report.Span) string {
	var b strings.Builder
	for _, s := range ss {
		core := strings.TrimSpace(s.Text)
		if core == "" {
			b.WriteString(s.Text)
			continue
		}
		at := strings.Index(s.Text, core)
		lead, trail := s.Text[:at], s.Text[at+len(core):]
		t := clean(core) // Safe trims: the spaces that join spans are kept apart
		switch {
		case s.Cite:
			t = r.st.Faint.Render(t)
		case s.Strong:
			t = lipgloss.NewStyle().Bold(true).Render(t)
		case s.Em:
			t = lipgloss.NewStyle().Italic(true).Render(t)
		}
		b.WriteString(lead + t + trail)
	}
	return b.String()
}

func (r *reportView) block(k report.Block) {
	switch k.Kind {
	case report.Heading:
		r.blank()
		text := clean(report.Plain(k.Spans))
		switch k.Level {
		case 1:
			r.wrap(r.st.Title.Render(strings.ToUpper(text)), "", "")
			r.out = append(r.out, r.st.Bar.Render(strings.Repeat("━", min(ansi.StringWidth(text), r.width))))
		case 2:
			r.wrap(r.st.Title.Render(text), "", "")
			r.out = append(r.out, r.st.Faint.Render(strings.Repeat("─", min(ansi.StringWidth(text), r.width))))
		case 3:
			r.wrap(r.st.Key.Render("▌ "+text), "", "  ")
		default:
			r.wrap(r.st.Prompt.Render(text), "", "")
		}
	case report.Para:
		r.wrap(r.spans(k.Spans), "", "")
		r.blank()
	case report.Quote:
		bar := r.st.Bar.Render("│ ")
		r.wrap(lipgloss.NewStyle().Italic(true).Render(r.spans(k.Spans)), bar, bar)
		r.blank()
	case report.Notice:
		r.wrap(r.st.Demo.Render("⚠ "+clean(report.Plain(k.Spans))), "", "  ")
		r.blank()
	case report.Bullets, report.Numbered:
		for i, it := range k.Items {
			mark := "• "
			if k.Kind == report.Numbered {
				mark = fmt.Sprintf("%d. ", i+1)
			}
			r.wrap(r.spans(it), mark, strings.Repeat(" ", ansi.StringWidth(mark)))
		}
		r.blank()
	case report.Table:
		rows := make([][]string, len(k.Rows))
		for i, row := range k.Rows {
			for _, c := range row {
				rows[i] = append(rows[i], r.spans(c))
			}
		}
		head := make([]string, len(k.Head))
		for i, h := range k.Head {
			head[i] = clean(h)
		}
		r.table(head, rows, k.Right)
		r.blank()
	case report.Bars:
		var rows [][]string
		for _, b := range k.Bars {
			rows = append(rows, []string{b.Rank, r.spans(b.Label), fmt.Sprint(b.Value), barText(b.Value, b.Max, 12)})
		}
		r.table([]string{"Rank", "Priority", "Dots", ""}, rows, []bool{true, false, true, false})
		r.blank()
	}
}

// barText draws value out of most as at most width blocks.
func barText(value, most, width int) string {
	if most <= 0 || value <= 0 {
		return ""
	}
	return strings.Repeat("█", max(value*width/most, 1))
}
