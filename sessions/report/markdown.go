package report

import (
	"fmt"
	"regexp"
	"strings"

	"forum/model"
)

// Markdown renders the report as Markdown that reads well as plain text
// and on common forges. All text from users is escaped, so nothing typed
// at a table can become formatting, a link or HTML.
func Markdown(d Doc) []byte {
	var w strings.Builder
	w.WriteString("# " + mdEscape(d.Title) + "\n\n")
	for _, k := range d.Blocks {
		switch k.Kind {
		case Heading:
			w.WriteString(strings.Repeat("#", k.Level+1) + " " + mdSpans(k.Spans) + "\n\n")
		case Para:
			w.WriteString(mdSpans(k.Spans) + "\n\n")
		case Quote:
			w.WriteString("> " + mdSpans(k.Spans) + "\n\n")
		case Notice:
			w.WriteString("> **⚠** " + mdSpans(k.Spans) + "\n\n")
		case Bullets, Numbered:
			for i, it := range k.Items {
				mark := "- "
				if k.Kind == Numbered {
					mark = fmt.Sprintf("%d. ", i+1)
				}
				w.WriteString(mark + mdSpans(it) + "\n")
			}
			w.WriteString("\n")
		case Table:
			mdTable(&w, k)
		case Bars:
			w.WriteString("| Rank | Priority | Dots | |\n|---:|---|---:|---|\n")
			for _, bar := range k.Bars {
				w.WriteString(fmt.Sprintf("| %s | %s | %d | %s |\n", bar.Rank, mdSpans(bar.Label), bar.Value, textBar(bar.Value, bar.Max, 20)))
			}
			w.WriteString("\n")
		}
	}
	return []byte(w.String())
}

func mdTable(w *strings.Builder, k Block) {
	w.WriteString("|")
	for _, h := range k.Head {
		w.WriteString(" " + mdEscape(h) + " |")
	}
	w.WriteString("\n|")
	for i := range k.Head {
		if i < len(k.Right) && k.Right[i] {
			w.WriteString("---:|")
		} else {
			w.WriteString("---|")
		}
	}
	w.WriteString("\n")
	for _, row := range k.Rows {
		w.WriteString("|")
		for _, cell := range row {
			w.WriteString(" " + mdSpans(cell) + " |")
		}
		w.WriteString("\n")
	}
	w.WriteString("\n")
}

// textBar draws value out of most as a bar of at most width blocks.
func textBar(value, most, width int) string {
	if most <= 0 || value <= 0 {
		return ""
	}
	n := max(value*width/most, 1)
	return strings.Repeat("█", n)
}

func mdSpans(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		core := strings.TrimSpace(s.Text)
		if core == "" {
			b.WriteString(s.Text)
			continue
		}
		lead := s.Text[:len(s.Text)-len(strings.TrimLeft(s.Text, " "))]
		trail := s.Text[len(strings.TrimRight(s.Text, " ")):]
		core = mdEscape(core)
		switch {
		case s.Strong:
			core = "**" + core + "**"
		case s.Em:
			core = "*" + core + "*"
		}
		b.WriteString(lead + core + trail)
	}
	return b.String()
}

var entity = regexp.MustCompile(`&(#?[A-Za-z0-9]+;)`)

// mdEscape makes user text inert in Markdown: characters that would start
// emphasis, links, code, HTML, tables or headings are backslash-escaped,
// and line breaks become " / " so a note stays in its list item or cell.
func mdEscape(s string) string {
	s = model.Safe(s, true)
	var b strings.Builder
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteString(" / ")
		}
		line = strings.TrimSpace(line)
		for j, r := range line {
			switch r {
			case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '{', '}':
				b.WriteByte('\\')
			case '#', '+', '-', '=', '!':
				if j == 0 {
					b.WriteByte('\\')
				}
			}
			b.WriteRune(r)
		}
	}
	out := entity.ReplaceAllString(b.String(), `\&$1`)
	// "1. " at the start would become an ordered list.
	if k := strings.IndexFunc(out, func(r rune) bool { return r < '0' || r > '9' }); k > 0 && (out[k] == '.' || out[k] == ')') && (k+1 == len(out) || out[k+1] == ' ') {
		out = out[:k] + `\` + out[k:]
	}
	return out
}
