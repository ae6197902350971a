package sessions

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"forum/model"
)

//go:embed templates/*.toml
var builtin embed.FS

// Template is a facilitation script as data: event defaults, areas, stages,
// vote rules and a maturity model. It is read from TOML.
type Template struct {
	Name        string          `toml:"name"`
	Description string          `toml:"description"`
	Event       TemplateEvent   `toml:"event"`
	Votes       TemplateVotes   `toml:"votes"`
	Programme   []TemplateTalk  `toml:"programme"`
	Areas       []TemplateArea  `toml:"areas"`
	Stages      []TemplateStage `toml:"stages"`
	Maturity    model.Maturity  `toml:"maturity"`
	// Tags are the template's own tags for notes (at most MaxTemplateTags),
	// keys 5 to 9 on the notes list, besides the four enablers on 1 to 4.
	Tags []string `toml:"tags"`
	// AreaRound says whether the event holds an area round after its
	// tables' stages, and with what prompts and minutes (see
	// TemplateAreaRound).
	AreaRound TemplateAreaRound `toml:"area_round"`
}

// MaxTemplateTags is how many tags of its own a template may have.
const MaxTemplateTags = 5

// TemplateEvent holds an event's defaults.
type TemplateEvent struct {
	Title     string   `toml:"title"`
	Date      string   `toml:"date"`
	Venue     string   `toml:"venue"`
	Chair     string   `toml:"chair"`
	AreaLabel string   `toml:"area_label"`
	Aims      []string `toml:"aims"`
	// Paper is the page size the report prints on: "a4" (the default) or
	// "letter".
	Paper string `toml:"paper"`
}

// TemplateVotes holds the dot-voting rules: dots per participant (0: about a
// third of the items) and the cap per item (0: none).
type TemplateVotes struct {
	Dots int `toml:"dots"`
	Cap  int `toml:"cap"`
	// Method is how tables vote on priorities: "dots" (the default),
	// "approval" or "ranking" (the Borda count; "borda" is read too).
	Method string `toml:"method"`
	// SpendAll asks every dot ballot to place all its dots.
	SpendAll bool `toml:"spend_all"`
}

// TemplateTalk is a programme item.
type TemplateTalk struct {
	Kind     string            `toml:"kind"`
	Title    string            `toml:"title"`
	Starts   string            `toml:"starts"`
	Speakers []TemplateSpeaker `toml:"speakers"`
}

// TemplateSpeaker is a speaker and their role.
type TemplateSpeaker struct {
	Name string `toml:"name"`
	Role string `toml:"role"`
}

// TemplateArea is an area tables are grouped by.
type TemplateArea struct {
	Code   string   `toml:"code"`
	Name   string   `toml:"name"`
	Places []string `toml:"places"`
}

// TemplateStage is one stage of the script.
type TemplateStage struct {
	Key      string   `toml:"key"`
	Title    string   `toml:"title"`
	Minutes  int      `toml:"minutes"`
	Activity string   `toml:"activity"`
	Prompts  []string `toml:"prompts"`
	Notes    string   `toml:"notes"`
}

// EventTags are the event's own tags; an event made before forum stored
// them gets its built-in template's.
func EventTags(ev model.Event) []string {
	if len(ev.Tags) > 0 || ev.Template == "" {
		return ev.Tags
	}
	if t, err := BuiltinTemplate(ev.Template); err == nil {
		return t.Tags
	}
	return nil
}

// EventMaturity is the event's maturity model; an event made before forum
// stored it gets its built-in template's.
func EventMaturity(ev model.Event) model.Maturity {
	if !ev.Maturity.Empty() || ev.Template == "" {
		return ev.Maturity
	}
	if t, err := BuiltinTemplate(ev.Template); err == nil {
		return t.Maturity
	}
	return ev.Maturity
}

// DefaultTemplate is the built-in template a new event starts from.
const DefaultTemplate = "london-gp-2018"

// Templates lists the built-in templates by name.
func Templates() ([]Template, error) {
	entries, err := builtin.ReadDir("templates")
	if err != nil {
		return nil, fmt.Errorf("reading built-in templates: %w", err)
	}
	var out []Template
	for _, e := range entries {
		t, err := BuiltinTemplate(strings.TrimSuffix(e.Name(), ".toml"))
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// BuiltinTemplateSource returns a built-in template's TOML, ready to edit.
func BuiltinTemplateSource(name string) ([]byte, error) {
	b, err := builtin.ReadFile("templates/" + name + ".toml")
	if err != nil {
		return nil, fmt.Errorf("no built-in template %q (see 'forum templates'): %w", name, err)
	}
	return b, nil
}

// parsedBuiltins holds each built-in template once parsed: they are
// embedded and never change, and older events fall back to them on every
// read (EventTags, EventMaturity).
var parsedBuiltins sync.Map // name → Template

// BuiltinTemplate parses a built-in template (once; later calls get the
// same result). Callers must not change the slices it holds.
func BuiltinTemplate(name string) (Template, error) {
	if t, ok := parsedBuiltins.Load(name); ok {
		return t.(Template), nil
	}
	b, err := BuiltinTemplateSource(name)
	if err != nil {
		return Template{}, err
	}
	t, err := ParseTemplate(name+".toml", b)
	if err != nil {
		return Template{}, err
	}
	parsedBuiltins.Store(name, t)
	return t, nil
}

// LoadTemplate reads a template by built-in name or from a TOML file.
func LoadTemplate(nameOrPath string) (Template, error) {
	if !strings.ContainsAny(nameOrPath, `/\`) && !strings.HasSuffix(nameOrPath, ".toml") {
		return BuiltinTemplate(nameOrPath)
	}
	b, err := os.ReadFile(nameOrPath)
	if err != nil {
		return Template{}, fmt.Errorf("reading template: %w", err)
	}
	return ParseTemplate(filepath.Base(nameOrPath), b)
}

// ParseTemplate reads and validates a template's TOML. Errors name the file
// and the line or field, and say what is allowed.
func ParseTemplate(file string, b []byte) (Template, error) {
	var t Template
	md, err := toml.NewDecoder(bytes.NewReader(b)).Decode(&t)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return Template{}, fmt.Errorf("%s: line %d: %s", file, pe.Position.Line, pe.Message)
		}
		return Template{}, fmt.Errorf("%s: %w", file, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return Template{}, fmt.Errorf("%s: unknown field %q (check its spelling against 'forum templates show %s')", file, und[0].String(), DefaultTemplate)
	}
	if err := t.Validate(); err != nil {
		return Template{}, fmt.Errorf("%s: %w", file, err)
	}
	return t, nil
}

// Validate checks the rules a template must follow.
func (t Template) Validate() error {
	if strings.TrimSpace(t.Event.Title) == "" {
		return errors.New("event.title: a title is required")
	}
	if err := model.CheckDate(t.Event.Date); err != nil {
		return fmt.Errorf("event.date: %w", err)
	}
	if _, err := model.ParsePaper(t.Event.Paper); err != nil {
		return fmt.Errorf("event.paper: %w", err)
	}
	if _, ok := model.ParsePriorityMethod(t.Votes.Method); !ok && t.Votes.Method != "" {
		return fmt.Errorf("votes.method: %q; allowed: dots, approval, ranking (Borda; \"borda\" is read too)", t.Votes.Method)
	}
	if t.Votes.Dots < 0 || t.Votes.Cap < 0 {
		return fmt.Errorf("votes: dots (%d) and cap (%d) must be 0 or more", t.Votes.Dots, t.Votes.Cap)
	}
	if len(t.Areas) == 0 {
		return errors.New("areas: at least one area is required")
	}
	codes := map[string]bool{}
	for i, a := range t.Areas {
		code := strings.ToUpper(strings.TrimSpace(a.Code))
		if code == "" || strings.TrimSpace(a.Name) == "" {
			return fmt.Errorf("areas[%d]: code and name are both required", i+1)
		}
		if codes[code] {
			return fmt.Errorf("areas[%d]: the code %q is used twice; each area needs its own", i+1, a.Code)
		}
		codes[code] = true
	}
	if len(t.Tags) > MaxTemplateTags {
		return fmt.Errorf("tags: %d tags; at most %d (keys 5 to 9)", len(t.Tags), MaxTemplateTags)
	}
	seenTag := map[string]bool{}
	for i, tag := range t.Tags {
		tag = strings.ToLower(strings.TrimSpace(tag))
		if tag == "" || len([]rune(tag)) > 30 || seenTag[tag] || slices.Contains(model.Enablers, tag) {
			return fmt.Errorf("tags[%d]: %q: each tag at most 30 characters, used once, and not one of the enablers", i+1, tag)
		}
		seenTag[tag] = true
	}
	if err := t.AreaRound.validate(); err != nil {
		return err
	}
	if len(t.Stages) == 0 {
		return errors.New("stages: at least one stage is required")
	}
	keys := map[string]bool{}
	for i, s := range t.Stages {
		where := fmt.Sprintf("stages[%d] (%s)", i+1, s.Key)
		switch {
		case strings.TrimSpace(s.Key) == "":
			return fmt.Errorf("stages[%d]: a key is required (a short name such as \"vision\")", i+1)
		case keys[s.Key]:
			return fmt.Errorf("%s: the key is used twice; each stage needs its own", where)
		case strings.TrimSpace(s.Title) == "":
			return fmt.Errorf("%s: a title is required", where)
		case s.Minutes < 0:
			return fmt.Errorf("%s: minutes is %d; it must be 0 or more", where, s.Minutes)
		case !model.Activity(s.Activity).Known():
			return fmt.Errorf("%s: unknown activity %q; allowed: %s", where, s.Activity, activityList())
		}
		keys[s.Key] = true
	}
	return gateTemplate(t)
}

func activityList() string {
	var names []string
	for _, a := range model.Activities {
		names = append(names, string(a))
	}
	return strings.Join(names, ", ")
}
