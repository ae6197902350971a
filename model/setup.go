package model

import (
	"fmt"
	"strings"
	"time"
	"unicode"
)

// TalkKinds are the kinds of programme item.
var TalkKinds = []string{"talk", "breakout", "plenary"}

// CheckTalkKind accepts one of TalkKinds.
func CheckTalkKind(k string) error {
	for _, t := range TalkKinds {
		if k == t {
			return nil
		}
	}
	return fmt.Errorf("%q is not a kind of item: write %s", k, strings.Join(TalkKinds, ", "))
}

// CheckTime accepts "" (not known) or a time of day written HH:MM (24-hour).
func CheckTime(s string) error {
	if s == "" {
		return nil
	}
	if _, err := time.Parse("15:04", s); err != nil || len(s) != 5 {
		return fmt.Errorf("%q is not a time of day: write HH:MM, e.g. 09:15 or 13:30", s)
	}
	return nil
}

// MaxAreaCode is the longest area code, which heads columns and references.
const MaxAreaCode = 8

// AreaCode normalises an area code: trimmed, upper case.
func AreaCode(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }

// CheckAreaCode accepts 1 to MaxAreaCode letters, digits or hyphens: the
// code is part of every note's reference ("NCL/T1/4").
func CheckAreaCode(s string) error {
	c := AreaCode(s)
	if c == "" {
		return fmt.Errorf("a code is required: a short name such as NCL")
	}
	if n := len([]rune(c)); n > MaxAreaCode {
		return fmt.Errorf("the code is %d characters; at most %d, such as NCL", n, MaxAreaCode)
	}
	for _, r := range c {
		if r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return fmt.Errorf("the code may hold only letters, digits and hyphens, not %q", r)
		}
	}
	return nil
}

// CheckDots accepts a dots budget or cap: 0 (automatic) to 100.
func CheckDots(n int) error {
	if n < 0 || n > 100 {
		return fmt.Errorf("must be from 0 (automatic) to 100, not %d", n)
	}
	return nil
}

// ParseSpeakers reads "Name (Role); Name (Role)" into speakers. A name
// without a bracketed role has no role.
func ParseSpeakers(s string) []Speaker {
	var out []Speaker
	for _, part := range strings.Split(s, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		sp := Speaker{Name: part}
		if i := roleStart(part); i > 0 {
			sp = Speaker{Name: strings.TrimSpace(part[:i]), Role: strings.TrimSpace(part[i+1 : len(part)-1])}
		}
		out = append(out, sp)
	}
	return out
}

// FormatSpeakers writes speakers the way ParseSpeakers reads them.
func FormatSpeakers(sp []Speaker) string {
	parts := make([]string, len(sp))
	for i, s := range sp {
		parts[i] = s.Name
		if s.Role != "" {
			parts[i] += " (" + s.Role + ")"
		}
	}
	return strings.Join(parts, "; ")
}

// roleStart is where the bracket that closes s opens (brackets inside the
// role may nest), or -1 when s does not end with a bracketed role.
func roleStart(s string) int {
	if !strings.HasSuffix(s, ")") {
		return -1
	}
	depth := 0
	for i := len(s) - 1; i >= 0; i-- {
		switch s[i] {
		case ')':
			depth++
		case '(':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}
