package report

import (
	"bytes"
	"encoding/xml"
	"regexp"
	"time"
)

// docxCore is docProps/core.xml for the report: its title, author and
// dates come from the event and its data, never from the library's
// template (which says "gomutex", 2013).
func docxCore(d Doc) []byte {
	when := d.Updated
	if when.IsZero() {
		when = time.Unix(0, 0)
	}
	stamp := when.UTC().Format("2006-01-02T15:04:05Z")
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	b.WriteString(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	el := func(name, text string) {
		b.WriteString("<" + name + ">")
		_ = xml.EscapeText(&b, []byte(wordText(text)))
		b.WriteString("</" + name + ">")
	}
	el("dc:title", d.Title)
	el("dc:subject", "Summary report: "+d.Scope)
	el("dc:creator", d.Author)
	el("cp:lastModifiedBy", d.Author)
	el("dc:description", "Key-messages summary report, made with forum. Data as of "+d.AsOf+".")
	el("dc:language", "en-GB")
	b.WriteString(`<cp:revision>1</cp:revision>`)
	b.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:created>`)
	b.WriteString(`<dcterms:modified xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:modified>`)
	b.WriteString(`</cp:coreProperties>`)
	return b.Bytes()
}

// docxApp is docProps/app.xml: forum as the application, the title as the
// document's one part.
func docxApp(d Doc) []byte {
	var title bytes.Buffer
	_ = xml.EscapeText(&title, []byte(wordText(d.Title)))
	return []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
		`<Template>Normal.dotm</Template><Application>forum</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
		`<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Title</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
		`<TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>` + title.String() + `</vt:lpstr></vt:vector></TitlesOfParts>` +
		`<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>`)
}

// firstRow is a table's start up to its first row's (empty) properties.
var firstRow = regexp.MustCompile(`(?s)(<w:tbl>.*?<w:tr>\s*<w:trPr>)(\s*</w:trPr>)`)

// repeatHeaders marks each table's first row as a header row, which Word
// repeats at the top of every page the table runs onto (the library has
// no call for it).
func repeatHeaders(doc []byte) []byte {
	return firstRow.ReplaceAll(doc, []byte("${1}<w:tblHeader/>${2}"))
}
