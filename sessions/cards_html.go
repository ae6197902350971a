package sessions

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
)

// CardsHTML is a printable page of participant cards, one A4 page per
// table (more when a table has more than eight cards), self-contained (no
// scripts, fonts or images from elsewhere). join is how to reach the
// server, such as "ssh card@192.168.1.20 -p 2222", or "" to leave a line
// for it to be written in (left out when web is given and join is not).
// web, when not "", is the phones' ballot page
// (such as "http://192.168.1.20:8080", from forum serve --web): each card
// then carries a QR code of web/c/CODE, which opens that card's ballot. The
// cards come in the random order Cards gives, and no card shows its voter
// code.
func CardsHTML(title string, tables []TableCards, join, web string) ([]byte, error) {
	type card struct {
		Code, Area, Table, URL string
		QR                     template.HTML
	}
	type page struct{ Cards []card }
	web = strings.TrimRight(web, "/")
	var pages []page
	for _, t := range tables {
		for i := 0; i < len(t.Cards); i += 8 {
			var p page
			for _, c := range t.Cards[i:min(i+8, len(t.Cards))] {
				k := card{Code: c.Code, Area: t.Area.Code, Table: t.Group.Name}
				if web != "" {
					k.URL = web + "/c/" + c.Code
					qr, err := qrSVG(k.URL, "QR code: your ballot at "+k.URL)
					if err != nil {
						return nil, err
					}
					k.QR = qr
				}
				p.Cards = append(p.Cards, k)
			}
			pages = append(pages, p)
		}
	}
	var b bytes.Buffer
	err := cardsPage.Execute(&b, map[string]any{"Title": title, "Pages": pages, "Join": join, "Web": web})
	if err != nil {
		return nil, fmt.Errorf("cards page: %w", err)
	}
	return b.Bytes(), nil
}

var cardsPage = template.Must(template.New("cards").Parse(`<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Participant cards: {{.Title}}</title>
<style>
@page { size: A4; margin: 12mm; }
body { font-family: Arial, Helvetica, sans-serif; color: #111; margin: 0; }
.page { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; page-break-after: always; break-after: page; }
.card { border: 1px dashed #555; padding: 5mm 6mm; height: 62mm; box-sizing: border-box; overflow: hidden; }
.where { font-size: 11pt; font-weight: bold; }
.event { font-size: 9pt; color: #333; margin-bottom: 2mm; }
.code { font-family: "Courier New", monospace; font-size: 24pt; font-weight: bold; letter-spacing: 2px; margin: 2mm 0; }
.how { font-size: 8.5pt; line-height: 1.3; }
.qr { float: right; width: 24mm; height: 24mm; margin: 0 0 1mm 2mm; }
.url { font-family: "Courier New", monospace; font-size: 8pt; overflow-wrap: anywhere; }
</style></head><body>
{{range .Pages}}<div class="page">
{{range .Cards}}<div class="card">
{{if .QR}}{{.QR}}{{end}}<div class="where">{{.Area}} · {{.Table}} · your voting card</div>
<div class="event">{{$.Title}}</div>
<div class="code">{{.Code}}</div>
<div class="how">This code is your vote at this table: keep it to yourself. It is not linked to your name.<br>
{{if .URL}}From your phone: scan the square, or open <span class="url">{{$.Web}}</span> and type the code.<br>
{{end}}{{if or $.Join (not $.Web)}}From your laptop: <b>{{if $.Join}}{{$.Join}}{{else}}ssh card@________________ -p 2222{{end}}</b>, password: the code above.<br>
{{end}}You can leave and join again: your ballot is kept.</div>
</div>
{{end}}</div>
{{end}}</body></html>
`))
