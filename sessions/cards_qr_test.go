package sessions

import (
	"strings"
	"testing"

	"forum/model"
)

func TestCardsCarryAQRCodeOfTheirBallotWhenThePageIsGiven(t *testing.T) {
	f := newFixture(t)
	v, _ := f.dotTable(3, model.DotRules{Budget: 1})
	tables, err := f.eng.IssueCards(f.ctx, "org", v.Event.ID)
	if err != nil {
		t.Fatal(err)
	}
	page, err := CardsHTML("Forum", tables, "", "http://192.168.1.20:8080/")
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)
	for _, tc := range tables {
		for _, c := range tc.Cards {
			if !strings.Contains(html, `aria-label="QR code: your ballot at http://192.168.1.20:8080/c/`+c.Code+`"`) {
				t.Fatalf("card %s has no QR code of its ballot", c.Code)
			}
		}
	}
	if strings.Count(html, "<svg") != strings.Count(html, `class="code"`) || strings.Contains(html, "<img") || strings.Contains(html, "<script") {
		t.Fatal("not one inline QR code per card")
	}
	plain, _ := CardsHTML("Forum", tables, "", "")
	if strings.Contains(string(plain), "<svg") {
		t.Fatal("cards without --web carry a QR code")
	}
}
