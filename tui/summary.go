package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"forum/model"
	"forum/sessions/report"
)

// summaryModel previews the summary report, drawn for the terminal from
// the same report document as every export, and opens the export dialog.
type summaryModel struct {
	vp viewport.Model
	// doc is the report; rendered is doc drawn for width.
	doc      report.Doc
	rendered string
	ready    bool
	width    int
	event    model.Event
	back     screen
}

var keyExport = kb([]string{"w", "x"}, "w", "export…")

var summaryKeys = keyMap{
	short: []key.Binding{keyScroll, keyExport, keyBack},
	full:  [][]key.Binding{{keyScroll}, {keyExport, keyBack}},
}

// summaryMsg carries the report and its rendering for a width.
type summaryMsg struct {
	doc      report.Doc
	rendered string
	width    int
	event    model.Event
}

// loadSummary builds the event's report and draws it, in a command: a
// large event's report takes a moment.
func (a *App) loadSummary(id model.ID) tea.Cmd {
	eng, ctx, width, st := a.eng, a.ctx, a.width, a.st
	return func() tea.Msg {
		snap, err := eng.Snapshot(ctx, id)
		if err != nil {
			return doneMsg{err: err}
		}
		doc, err := report.Build(snap, report.Scope{})
		if err != nil {
			return doneMsg{err: err}
		}
		return summaryMsg{doc: doc, rendered: renderReport(doc, width, st), width: width, event: snap.Event}
	}
}

func (s *summaryModel) resize(a *App) tea.Cmd {
	s.vp.SetWidth(a.width)
	s.vp.SetHeight(max(a.height-3, 1))
	if !s.ready || s.width == a.width {
		return nil
	}
	doc, width, st, ev := s.doc, a.width, a.st, s.event
	return func() tea.Msg {
		return summaryMsg{doc: doc, rendered: renderReport(doc, width, st), width: width, event: ev}
	}
}

func (s *summaryModel) set(a *App, m summaryMsg) {
	offset := s.vp.YOffset()
	s.doc, s.rendered, s.width, s.event, s.ready = m.doc, m.rendered, m.width, m.event, true
	s.vp = viewport.New()
	s.vp.SetWidth(a.width)
	s.vp.SetHeight(max(a.height-3, 1))
	s.vp.SetContent(strings.TrimRight(s.rendered, "\n"))
	s.vp.SetYOffset(offset)
}

func (s *summaryModel) update(a *App, k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, keyBack), key.Matches(k, keyQuitScreen):
		a.screen = s.back
		a.status = ""
		return a.reload()
	case key.Matches(k, keyExport):
		if !s.ready {
			return nil
		}
		return a.openForm(a.exportForm(s.event), screenSummary)
	}
	var cmd tea.Cmd
	s.vp, cmd = s.vp.Update(k)
	return cmd
}

func (s *summaryModel) render(a *App) string {
	if !s.ready {
		return a.page(a.headerBar("Summary"), []string{"", "  Building the summary…"}, summaryKeys)
	}
	return a.page(a.headerBar(fmt.Sprintf("Summary · %d%% · w exports it (Markdown, HTML, PDF, Word, CSV, JSON)", int(s.vp.ScrollPercent()*100))),
		strings.Split(s.vp.View(), "\n"), summaryKeys)
}

// exportForm asks for a format and a path, then writes the export and says
// where it went.
func (a *App) exportForm(ev model.Event) formModel {
	eng, ctx := a.eng, a.ctx
	names := map[report.Format]string{report.FormatMarkdown: "Markdown (.md): plain text, renders on forges",
		report.FormatHTML: "HTML (.html): one page to open in a browser", report.FormatPDF: "PDF (.pdf): print-ready A4, to publish", report.FormatDOCX: "Word (.docx): to edit and restyle",
		report.FormatCSV: "CSV (a folder, or .zip): notes, votes, next steps, messages", report.FormatJSON: "JSON (.json): the complete event, for 'forum import'"}
	f := formModel{
		title:  "Export · " + model.Safe(ev.Title, false),
		intro:  []string{"Choose the format with ↑/↓; the file name follows it. The file is written whole or not at all."},
		fields: []field{newField("Save as", report.DefaultName(ev, report.Scope{}, report.FormatMarkdown), "a file name or path")},
		pick:   "serves", listTitle: "Format (↑/↓):", listHelp: "format",
		check: []func(string) error{func(v string) error {
			if strings.TrimSpace(v) == "" {
				return fmt.Errorf("type a file name, e.g. report.html")
			}
			return nil
		}},
	}
	for _, fm := range report.Formats {
		f.choices = append(f.choices, choice{label: names[fm], text: string(fm)})
	}
	f.onChoose = func(f *formModel) {
		fm := report.Format(f.choices[f.choiceSel].text)
		f.fields[0].input.SetValue(report.DefaultName(ev, report.Scope{}, fm))
		f.fields[0].input.CursorEnd()
	}
	f.submit = checked(func(f *formModel) tea.Cmd {
		fm, path := report.Format(f.choices[f.choiceSel].text), f.value(0)
		return func() tea.Msg {
			if err := checkExportFolder(path); err != nil {
				return formResultMsg{err: err}
			}
			x, err := report.Make(ctx, eng, ev.ID, report.Scope{}, fm)
			if err != nil {
				return formResultMsg{err: err}
			}
			abs, err := x.Write(path)
			if err != nil {
				return formResultMsg{err: err}
			}
			return formResultMsg{status: "✓ Written to " + abs}
		}
	})
	return f
}

// checkExportFolder accepts a path whose folder exists (run in the save's
// command: a check as the user types would touch the disk on every frame).
func checkExportFolder(v string) error {
	dir := filepath.Dir(strings.TrimSpace(v))
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("there is no folder %s; write the path of an existing folder", dir)
	}
	return nil
}
