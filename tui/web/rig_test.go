package web

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"forum/model"
	"forum/sessions"
)

// rig is a real database, an event whose tables vote with cards, and the
// ballot server on a real listener on 127.0.0.1.
type rig struct {
	t      testing.TB
	ctx    context.Context
	eng    *sessions.Engine
	event  model.ID
	tables []model.Group
	cards  map[model.ID][]model.Card // by table
	items  []model.ID                // the first table's vote items
	srv    *Server
	ts     *httptest.Server
}

// newRig makes an event of five tables of n participants each, with
// cards, the first table at the vote on priorities with three notes.
func newRig(t testing.TB, n int, cfg Config) *rig {
	t.Helper()
	ctx := context.Background()
	eng, closeDB, err := sessions.Open(ctx, filepath.Join(t.TempDir(), "forum.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { closeDB() })
	tm, _ := sessions.BuiltinTemplate(sessions.DefaultTemplate)
	id, err := eng.CreateEvent(ctx, "test", tm, sessions.NewEvent{})
	if err != nil {
		t.Fatal(err)
	}
	r := &rig{t: t, ctx: ctx, eng: eng, event: id, cards: map[model.ID][]model.Card{}}
	b, _ := eng.Board(ctx, id)
	r.tables = b.Groups
	for _, g := range b.Groups {
		if _, err := eng.SetRoles(ctx, "fac", g.ID, sessions.Roles{Participants: n}); err != nil {
			t.Fatal(err)
		}
	}
	if err := eng.SetVoteRules(ctx, "org", id, model.MethodDots, model.DotRules{Budget: 2, Cap: 1}); err != nil {
		t.Fatal(err)
	}
	tables, err := eng.IssueCards(ctx, "org", id)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tables {
		r.cards[tc.Group.ID] = tc.Cards
	}
	g := r.tables[0].ID
	r.goTo(g, "priorities")
	for _, s := range []string{"Shared records", "Estates", "Leadership"} {
		c, err := eng.Capture(ctx, "scribe", g, s, nil, "")
		if err != nil {
			t.Fatal(err)
		}
		r.items = append(r.items, c.Record.ID)
	}
	cfg.Event = id
	r.srv = New(eng, cfg)
	r.ts = httptest.NewServer(r.srv.Handler())
	t.Cleanup(r.ts.Close)
	return r
}

// goTo moves a table to a stage.
func (r *rig) goTo(g model.ID, key string) {
	r.t.Helper()
	for i := 0; i < 10; i++ {
		v, _ := r.eng.Table(r.ctx, g)
		if v.Stage.Key == key {
			return
		}
		if _, _, err := r.eng.MoveStage(r.ctx, "fac", g, 1); err != nil {
			r.t.Fatal(err)
		}
	}
	r.t.Fatalf("never reached %s", key)
}

// card is the first table's i-th card.
func (r *rig) card(i int) model.Card { return r.cards[r.tables[0].ID][i] }

// table is the first table's view.
func (r *rig) table() sessions.TableView {
	v, err := r.eng.Table(r.ctx, r.tables[0].ID)
	if err != nil {
		r.t.Fatal(err)
	}
	return v
}

// client is a phone's browser: it follows redirects and keeps no cookies
// (the pages set none).
func (r *rig) client() *http.Client { return &http.Client{} }

// get fetches a page.
func (r *rig) get(c *http.Client, path string) (int, string) {
	r.t.Helper()
	res, err := c.Get(r.ts.URL + path)
	if err != nil {
		r.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

var tokenRE = regexp.MustCompile(`name="t" value="([^"]+)"`)

// cast opens a card's page and sends its form with the fields given, as
// the page's own form does.
func (r *rig) cast(c *http.Client, code string, fields url.Values) (int, string) {
	r.t.Helper()
	_, page := r.get(c, "/c/"+code)
	m := tokenRE.FindStringSubmatch(page)
	if m == nil {
		r.t.Fatalf("the page has no ballot form:\n%s", page)
	}
	fields.Set("t", m[1])
	return r.post(c, "/c/"+code, fields, nil)
}

// post sends a form with extra headers.
func (r *rig) post(c *http.Client, path string, fields url.Values, h map[string]string) (int, string) {
	r.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, r.ts.URL+path, strings.NewReader(fields.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for k, v := range h {
		req.Header.Set(k, v)
	}
	res, err := c.Do(req)
	if err != nil {
		r.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// dots is a dots ballot's form fields.
func dots(kind string, on ...model.ID) url.Values {
	f := url.Values{"kind": {kind}}
	for _, id := range on {
		f.Set("i-"+string(id), "1")
	}
	return f
}
