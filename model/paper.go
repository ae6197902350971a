package model

import (
	"fmt"
	"strings"
)

// The page sizes a report prints on.
const (
	// PaperA4 is 210 × 297 mm, what London's NHS organisers print on; the
	// default.
	PaperA4 = "A4"
	// PaperLetter is US Letter, 8.5 × 11 in.
	PaperLetter = "Letter"
)

// PaperSize returns the event's page size: PaperLetter when it asks for
// Letter, otherwise PaperA4 (events made before the choice existed, and
// exports from them, have none and print on A4).
func (e Event) PaperSize() string {
	if e.Paper == PaperLetter {
		return PaperLetter
	}
	return PaperA4
}

// ParsePaper reads a paper size as a template or a user writes it ("a4",
// "A4", "letter", "Letter"); empty means A4. Anything else is an error
// that says what is allowed.
func ParsePaper(s string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "a4":
		return PaperA4, nil
	case "letter", "us letter":
		return PaperLetter, nil
	}
	return "", fmt.Errorf("paper %q: allowed: \"a4\" (the default) or \"letter\"", s)
}
