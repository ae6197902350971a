package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

var cardCode = regexp.MustCompile(`class="code">([A-Z2-9]{4}-[A-Z2-9]{4})<`)

// printedCards runs 'forum cards' and returns the codes on the page.
func printedCards(t *testing.T, db string) []string {
	t.Helper()
	page := filepath.Join(t.TempDir(), "cards.html")
	out, errs, code := forum(t, nil, "--db", db, "cards", "-o", page, "--join", "ssh card@10.0.0.5 -p 2222")
	if code != 0 || strings.TrimSpace(out) != page {
		t.Fatalf("cards: code %d, out %q, err %q", code, out, errs)
	}
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	// A code's own characters may read like a voter code (ABCD-P234): leave the codes out first.
	if !strings.Contains(string(b), "ssh card@10.0.0.5 -p 2222") || regexp.MustCompile(`\bP\d+\b`).Match(cardCode.ReplaceAll(b, nil)) {
		t.Fatal("the cards should say how to join, and never show a voter code")
	}
	var codes []string
	for _, m := range cardCode.FindAllStringSubmatch(string(b), -1) {
		codes = append(codes, m[1])
	}
	sort.Strings(codes)
	return codes
}

func TestCardsArePrintedOnceAndALostOneIsReplaced(t *testing.T) {
	db := filepath.Join(t.TempDir(), "forum.db")
	if _, errs, code := forum(t, nil, "--db", db, "new", "--template", "london-gp-2018", "--tables", "1"); code != 0 {
		t.Fatalf("new: %s", errs)
	}
	first := printedCards(t, db)
	if len(first) < 5 {
		t.Fatalf("%d cards for five tables", len(first))
	}
	if again := printedCards(t, db); strings.Join(again, " ") != strings.Join(first, " ") {
		t.Fatal("printing the cards again made new ones")
	}
	if out, errs, code := forum(t, nil, "--db", db, "cards", "--void", strings.ToLower(first[0])); code != 0 || !strings.Contains(out, "is void") {
		t.Fatalf("void: code %d, %q %q", code, out, errs)
	}
	after := printedCards(t, db)
	if len(after) != len(first) || strings.Contains(strings.Join(after, " "), first[0]) {
		t.Fatalf("after voiding %s: %d cards, the void one still printed: %v", first[0], len(after), after)
	}
	if _, errs, code := forum(t, nil, "--db", db, "cards", "--void", "ZZZZ-ZZZZ"); code != 1 || !strings.Contains(errs, "not a card of this event") {
		t.Fatalf("voiding a made-up card: code %d, %q", code, errs)
	}
}

func TestCardsAsPDF(t *testing.T) {
	db := filepath.Join(t.TempDir(), "forum.db")
	if _, errs, code := forum(t, nil, "--db", db, "new", "--template", "london-gp-2018", "--tables", "1"); code != 0 {
		t.Fatalf("new: %s", errs)
	}
	html := printedCards(t, db)
	pdf := filepath.Join(t.TempDir(), "cards.pdf")
	if _, errs, code := forum(t, nil, "--db", db, "cards", "--format", "pdf", "-o", pdf); code != 0 {
		t.Fatalf("cards --format pdf: %s", errs)
	}
	text, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil {
		t.Skipf("pdftotext (poppler-utils) is needed to read the PDF back: %v", err)
	}
	for _, code := range html {
		if !strings.Contains(string(text), code) {
			t.Errorf("the PDF lacks card %s", code)
		}
	}
	if regexp.MustCompile(`\bP\d+\b`).Match(regexp.MustCompile(`[A-Z2-9]{4}-[A-Z2-9]{4}`).ReplaceAll(text, nil)) {
		t.Error("a card shows its voter code")
	}
}
