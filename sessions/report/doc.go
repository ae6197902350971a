// Package report builds the key-messages summary report once, as a
// structured document whose every element says where it came from, and
// renders it as Markdown, HTML, DOCX and PDF; it also writes the event's data as
// CSV files for spreadsheets. Everything here is a pure function of a
// stored snapshot: the same data gives the same bytes, every time.
package report

import "time"

// Kind is what a block of the document is.
type Kind int

// The kinds of block.
const (
	// Heading is a section title; Level 1 is a main section, 2 to 4 below it
	// (an area, a table, a part of a table such as its vision).
	Heading Kind = iota
	// Para is a paragraph of spans.
	Para
	// Quote is a quoted statement, such as a table's vision.
	Quote
	// Bullets and Numbered are lists; each item is a row of spans.
	Bullets
	Numbered
	// Table has a header row and rows of cells.
	Table
	// Bars is a bar chart of counts (the dots each priority received).
	Bars
	// Notice is a warning that must not be missed (illustrative data).
	Notice
)

// Doc is the report: a title and a flat list of blocks in reading order.
type Doc struct {
	Title string
	// Scope says what the report covers: the whole event, one area or one table.
	Scope string
	// AsOf states, once, when the data last changed: the report's date.
	AsOf string
	// Updated is when the data last changed, as a time: paged and Word
	// formats carry it as their creation and modification dates.
	Updated time.Time
	// Author is who the document is by: the event's chair, or "forum".
	Author string
	// Paper is the page size of paged formats: "A4" (the default) or
	// "Letter".
	Paper  string
	Blocks []Block
}

// Block is one element of the report.
type Block struct {
	Kind  Kind
	Level int    // Heading
	ID    string // Heading: an anchor, e.g. "key-messages"
	Spans []Span // Heading, Para, Quote, Notice
	Items [][]Span
	// Head, Rows and Right describe a Table: Right[i] right-aligns column i.
	Head  []string
	Rows  [][][]Span
	Right []bool
	Bars  []Bar
	// Source is the provenance: the references (NCL/T1/4) or record ids of
	// what the block shows.
	Source []string
	// NewPage asks paged formats to start the block on a new page.
	NewPage bool
}

// Span is a run of text; Cite marks a reference such as "NCL/T1/4".
type Span struct {
	Text   string
	Strong bool
	Em     bool
	Cite   bool
}

// Bar is one bar of a chart.
type Bar struct {
	Rank  string // "1", "=2"
	Label []Span
	Value int
	Max   int
}

// Text is a plain span.
func Text(s string) Span { return Span{Text: s} }

// Strong is a bold span.
func Strong(s string) Span { return Span{Text: s, Strong: true} }

// Em is an italic span.
func Em(s string) Span { return Span{Text: s, Em: true} }

// Cite is a reference span, such as "NCL/T1/4".
func Cite(s string) Span { return Span{Text: s, Cite: true} }

// Plain joins the spans' text.
func Plain(spans []Span) string {
	out := ""
	for _, s := range spans {
		out += s.Text
	}
	return out
}
