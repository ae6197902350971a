package report

import (
	"fmt"
	"html"
	"strings"

	"forum/model"
)

// htmlStyle is the report's only styling: inline, nothing fetched, and
// print rules so that a browser's "Save as PDF" gives sensible pages.
const htmlStyle = `body{font:11pt/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;max-width:52rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.7rem;margin:0 0 .5rem}h2{font-size:1.3rem;border-bottom:2px solid #005f87;padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.1rem;margin-top:1.5rem}h4{font-size:1rem;margin:1.2rem 0 .3rem}h5{font-size:.95rem;margin:1rem 0 .3rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #bbb;padding:.25rem .45rem;text-align:left;vertical-align:top}
th{background:#eef4f7}td.n,th.n{text-align:right;white-space:nowrap}
blockquote{margin:.5rem 0 1rem;padding:.4rem .9rem;border-left:4px solid #005f87;background:#f4f8fa;font-style:italic}
.cite{font-size:.85em;color:#555;white-space:nowrap}.notice{border:2px solid #b58900;background:#fff8e1;padding:.5rem .8rem;font-weight:bold}
.bar{display:block}
@media print{body{margin:0;max-width:none;font-size:10pt}h2,h3,h4,h5{break-after:avoid}.newpage{break-before:page}tr,blockquote,li{break-inside:avoid}}`

// HTML renders the report as one self-contained HTML file: inline CSS, bar
// charts as inline SVG, no scripts and nothing fetched from the network.
func HTML(d Doc) []byte {
	var w strings.Builder
	w.WriteString("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
	w.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	w.WriteString("<title>" + esc(d.Title) + "</title>\n<style>\n" + htmlStyle + "\n</style>\n</head>\n<body>\n<main>\n")
	w.WriteString("<h1>" + esc(d.Title) + "</h1>\n")
	for _, k := range d.Blocks {
		class := ""
		if k.NewPage {
			class = ` class="newpage"`
		}
		switch k.Kind {
		case Heading:
			id := ""
			if k.ID != "" {
				id = ` id="` + esc(k.ID) + `"`
			}
			w.WriteString(fmt.Sprintf("<h%d%s%s>%s</h%d>\n", k.Level+1, id, class, htmlSpans(k.Spans), k.Level+1))
		case Para:
			w.WriteString("<p" + class + ">" + htmlSpans(k.Spans) + "</p>\n")
		case Quote:
			w.WriteString("<blockquote>" + htmlSpans(k.Spans) + "</blockquote>\n")
		case Notice:
			w.WriteString("<p class=\"notice\">⚠ " + htmlSpans(k.Spans) + "</p>\n")
		case Bullets, Numbered:
			tag := "ul"
			if k.Kind == Numbered {
				tag = "ol"
			}
			w.WriteString("<" + tag + ">\n")
			for _, it := range k.Items {
				w.WriteString("<li>" + htmlSpans(it) + "</li>\n")
			}
			w.WriteString("</" + tag + ">\n")
		case Table:
			htmlTable(&w, k)
		case Bars:
			w.WriteString("<table class=\"bars\">\n<thead><tr><th class=\"n\">Rank</th><th>Priority</th><th class=\"n\">Dots</th><th></th></tr></thead>\n<tbody>\n")
			for _, b := range k.Bars {
				w.WriteString(fmt.Sprintf("<tr><td class=\"n\">%s</td><td>%s</td><td class=\"n\">%d</td><td>%s</td></tr>\n", esc(b.Rank), htmlSpans(b.Label), b.Value, svgBar(b.Value, b.Max)))
			}
			w.WriteString("</tbody>\n</table>\n")
		}
	}
	w.WriteString("</main>\n</body>\n</html>\n")
	return []byte(w.String())
}

func htmlTable(w *strings.Builder, k Block) {
	cls := func(i int) string {
		if i < len(k.Right) && k.Right[i] {
			return ` class="n"`
		}
		return ""
	}
	w.WriteString("<table>\n<thead><tr>")
	for i, h := range k.Head {
		w.WriteString("<th" + cls(i) + ">" + esc(h) + "</th>")
	}
	w.WriteString("</tr></thead>\n<tbody>\n")
	for _, row := range k.Rows {
		w.WriteString("<tr>")
		for i, c := range row {
			w.WriteString("<td" + cls(i) + ">" + htmlSpans(c) + "</td>")
		}
		w.WriteString("</tr>\n")
	}
	w.WriteString("</tbody>\n</table>\n")
}

// svgBar draws value out of most as an inline SVG bar, 160 px at most.
func svgBar(value, most int) string {
	if most <= 0 || value <= 0 {
		return ""
	}
	width := max(value*160/most, 2)
	return fmt.Sprintf(`<svg class="bar" width="160" height="12" viewBox="0 0 160 12" role="img" aria-label="%d dots"><rect width="%d" height="12" fill="#005f87"/></svg>`, value, width)
}

func htmlSpans(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		t := esc(s.Text)
		switch {
		case s.Cite:
			t = `<span class="cite">` + t + `</span>`
		case s.Strong:
			t = "<strong>" + t + "</strong>"
		case s.Em:
			t = "<em>" + t + "</em>"
		}
		b.WriteString(t)
	}
	return b.String()
}

// esc makes user text inert in HTML; line breaks become <br>.
func esc(s string) string {
	return strings.ReplaceAll(html.EscapeString(safe(s)), "\n", "<br>")
}

// safe neutralises user text (escape sequences, control and bidi
// characters) but keeps the spaces around it, which join spans.
func safe(s string) string {
	core := strings.TrimSpace(s)
	if core == "" {
		return s
	}
	lead := s[:strings.Index(s, core[:1])]
	trail := s[len(lead)+len(core):]
	return lead + model.Safe(core, true) + trail
}
