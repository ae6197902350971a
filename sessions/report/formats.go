package report

import (
	"archive/zip"
	"bytes"
	"fmt"
	"sort"
	"strings"
)

// Format is an output format of forum export.
type Format string

// The formats.
const (
	FormatMarkdown Format = "md"
	FormatHTML     Format = "html"
	FormatDOCX     Format = "docx"
	FormatPDF      Format = "pdf"
	FormatCSV      Format = "csv"
	FormatJSON     Format = "json"
)

// Formats lists every format, in the order they are offered.
var Formats = []Format{FormatMarkdown, FormatHTML, FormatPDF, FormatDOCX, FormatCSV, FormatJSON}

// ParseFormat reads a format name.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if strings.EqualFold(s, string(f)) {
			return f, nil
		}
	}
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return "", fmt.Errorf("unknown format %q: choose one of %s", s, strings.Join(names, ", "))
}

// Render renders the report document in a document format: md, html or
// docx or pdf.
func Render(d Doc, f Format) ([]byte, error) {
	switch f {
	case FormatMarkdown:
		return Markdown(d), nil
	case FormatHTML:
		return HTML(d), nil
	case FormatDOCX:
		return DOCX(d)
	case FormatPDF:
		return PDF(d)
	}
	return nil, fmt.Errorf("%s is not a report document format (md, html, pdf or docx)", f)
}

// Zip packs files into one zip archive, by name, with no timestamps: the
// same files give the same bytes.
func Zip(files map[string][]byte) ([]byte, error) {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(files[n]); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
