package web

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"forum/model"
	"forum/sessions"
)

func TestAWrongOrVoidedCodeIsRefusedWithAClearPage(t *testing.T) {
	r := newRig(t, 3, Config{})
	c := r.client()
	status, page := r.get(c, "/c/AAAA-AAAA")
	if status != http.StatusForbidden || !strings.Contains(page, "This card cannot vote") || !strings.Contains(page, "AAAA-AAAA: not a card of this event") {
		t.Fatalf("a made-up code: %d\n%s", status, page)
	}
	if strings.Contains(page, `name="t"`) {
		t.Fatal("a refused code got a ballot form")
	}
	card := r.card(0)
	if _, err := r.eng.VoidCard(r.ctx, "org", r.event, card.Code); err != nil {
		t.Fatal(err)
	}
	status, page = r.get(c, "/c/"+card.Code)
	if status != http.StatusForbidden || !strings.Contains(page, "this card was voided; ask the organiser for its replacement") {
		t.Fatalf("a voided card: %d\n%s", status, page)
	}
	status, _ = r.post(c, "/c/"+card.Code, dots(model.MethodDots, r.items[0]), nil)
	if status != http.StatusForbidden || len(r.table().DotVote.Ballots) != 0 {
		t.Fatalf("a voided card's ballot: %d, %d ballots", status, len(r.table().DotVote.Ballots))
	}
	for i := 0; i < MaxFailures; i++ {
		path := "/c/BBBB-BBB" + string(rune('A'+i))
		if i%2 == 1 {
			path += "/state" // the page's check counts as much as the page
		}
		r.get(c, path)
	}
	status, page = r.get(c, "/c/"+r.card(1).Code)
	if status != http.StatusTooManyRequests || !strings.Contains(page, "Too many wrong codes") {
		t.Fatalf("after %d wrong codes a good one is still checked: %d", MaxFailures, status)
	}
}

func TestATypedCodeOpensItsBallot(t *testing.T) {
	r := newRig(t, 3, Config{})
	typed := strings.ToLower(strings.ReplaceAll(r.card(0).Code, "-", " "))
	status, page := r.post(r.client(), "/join", url.Values{"code": {typed}}, nil)
	if status != http.StatusOK || !strings.Contains(page, "Vote on priorities: dots") || !strings.Contains(page, "Shared records") {
		t.Fatalf("a code typed in lower case with a space: %d\n%s", status, page)
	}
}

func TestABallotIsBlindWhileOpenAndRevealedAfterClose(t *testing.T) {
	r := newRig(t, 3, Config{})
	c := r.client()
	code := r.card(0).Code
	status, page := r.cast(c, code, dots(model.MethodDots, r.items...))
	if status != http.StatusUnprocessableEntity || !strings.Contains(page, "Ballot refused: 3 dots spent; the budget is 2.") {
		t.Fatalf("over budget: %d\n%s", status, page)
	}
	if strings.Count(page, `value="1" checked`) != 3 {
		t.Fatal("the refused ballot is not shown again as it was sent")
	}
	if len(r.table().DotVote.Ballots) != 0 {
		t.Fatal("a refused ballot was saved")
	}
	status, page = r.cast(c, code, dots(model.MethodDots, r.items[0], r.items[1]))
	if status != http.StatusOK || !strings.Contains(page, "Your ballot is saved. It stays hidden") {
		t.Fatalf("a good ballot: %d\n%s", status, page)
	}
	other := r.client()
	if s, _ := r.cast(other, r.card(1).Code, dots(model.MethodDots, r.items[0])); s != http.StatusOK {
		t.Fatalf("a second card's ballot: %d", s)
	}
	_, page = r.get(c, "/c/"+code)
	if strings.Contains(page, `class="results"`) || strings.Contains(page, "2 dots</span>") {
		t.Fatalf("an open round shows totals:\n%s", page)
	}
	if strings.Count(page, `value="1" checked`) != 2 || !strings.Contains(page, "saved and hidden") {
		t.Fatal("the card's own ballot is not shown back to it")
	}
	if _, err := r.eng.CloseVote(r.ctx, "fac", r.tables[0].ID, "priorities", model.MethodDots); err != nil {
		t.Fatal(err)
	}
	_, page = r.get(c, "/c/"+code)
	if !strings.Contains(page, `class="results"`) || !strings.Contains(page, "Shared records</span><span class=\"sc\">2 dots") ||
		!strings.Contains(page, "2 ballots in this round") || strings.Contains(page, "Send my ballot") {
		t.Fatalf("a closed round does not show its result:\n%s", page)
	}
	status, page = r.post(c, "/c/"+code, url.Values{"kind": {"dots"}, "t": {r.srv.token(code)}, "i-" + string(r.items[2]): {"1"}}, nil)
	if status != http.StatusUnprocessableEntity || !strings.Contains(page, "closed") {
		t.Fatalf("a ballot on a closed vote: %d", status)
	}
}

func TestABallotForAVoteTheTableHasLeftIsNotSaved(t *testing.T) {
	r := newRig(t, 3, Config{})
	status, page := r.cast(r.client(), r.card(0).Code, url.Values{"kind": {"fist"}, "fist": {"5"}})
	if status != http.StatusUnprocessableEntity || !strings.Contains(page, "The facilitator has changed the vote since this page was loaded") ||
		!strings.Contains(page, "Vote on priorities: dots") {
		t.Fatalf("a fist-to-five sent to a table at its vote on priorities: %d\n%s", status, page)
	}
	if v := r.table(); len(v.Fist.Ballots)+len(v.DotVote.Ballots) != 0 {
		t.Fatal("a ballot for another vote was saved")
	}
}

func TestTheSameCardOnTwoPhonesHasOneBallot(t *testing.T) {
	r := newRig(t, 3, Config{})
	code := r.card(0).Code
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 5; j++ {
				r.cast(r.client(), code, dots(model.MethodDots, r.items[i]))
			}
		}()
	}
	wg.Wait()
	v := r.table()
	if len(v.DotVote.Ballots) != 1 || v.DotVote.Ballots[0].Spent() != 1 || v.DotVote.Ballots[0].Voter != r.card(0).Voter {
		t.Fatalf("one card on two phones: %+v", v.DotVote.Ballots)
	}
}

func TestCrossSitePostsAreRefused(t *testing.T) {
	r := newRig(t, 3, Config{})
	c := r.client()
	code := r.card(0).Code
	good := r.srv.token(code)
	for name, tc := range map[string]struct {
		token string
		h     map[string]string
	}{
		"no token":          {"", nil},
		"another card's":    {r.srv.token(r.card(1).Code), nil},
		"another origin":    {good, map[string]string{"Origin": "http://evil.example"}},
		"a cross-site post": {good, map[string]string{"Sec-Fetch-Site": "cross-site"}},
	} {
		f := dots(model.MethodDots, r.items[0])
		f.Set("t", tc.token)
		status, page := r.post(c, "/c/"+code, f, tc.h)
		if status != http.StatusForbidden || !strings.Contains(page, "sent from another page or site") {
			t.Errorf("%s: %d", name, status)
		}
	}
	if len(r.table().DotVote.Ballots) != 0 {
		t.Fatal("a cross-site ballot was saved")
	}
	f := dots(model.MethodDots, r.items[0])
	f.Set("t", good)
	if status, _ := r.post(c, "/c/"+code, f, map[string]string{"Origin": r.ts.URL, "Sec-Fetch-Site": "same-origin"}); status != http.StatusOK {
		t.Fatalf("the page's own post: %d", status)
	}
}

func TestThePageSetsSecurityHeadersAndNoCookie(t *testing.T) {
	r := newRig(t, 3, Config{})
	res, err := http.Get(r.ts.URL + "/c/" + r.card(0).Code)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if len(body) > 12<<10 {
		t.Errorf("a ballot of three items is %d bytes", len(body))
	}
	t.Logf("a dots ballot of three items: %d bytes, all of it (no other file)", len(body))
	h := res.Header
	for k, want := range map[string]string{
		"Content-Security-Policy": "default-src 'none'",
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "no-referrer",
		"X-Frame-Options":         "DENY",
		"Cache-Control":           "no-store",
	} {
		if !strings.Contains(h.Get(k), want) {
			t.Errorf("%s: %q", k, h.Get(k))
		}
	}
	if !strings.Contains(h.Get("Content-Security-Policy"), "frame-ancestors 'none'") || len(res.Cookies()) != 0 {
		t.Errorf("CSP %q, cookies %v", h.Get("Content-Security-Policy"), res.Cookies())
	}
	big := strings.Repeat("x", 2*maxBody)
	status, _ := r.post(r.client(), "/c/"+r.card(0).Code, url.Values{"kind": {"dots"}, "pad": {big}}, nil)
	if status != http.StatusRequestEntityTooLarge {
		t.Errorf("a form of %d bytes: %d", len(big), status)
	}
}

func TestTheBallotFollowsTheStage(t *testing.T) {
	r := newRig(t, 3, Config{})
	g := r.tables[1].ID // a table still at the opening stage
	code := r.cards[g][0].Code
	c := r.client()
	if _, page := r.get(c, "/c/"+code); !strings.Contains(page, "Waiting for the facilitator") || strings.Contains(page, "<form method=\"post\" action=\"/c/") {
		t.Fatalf("nothing to vote on: \n%s", page)
	}
	r.goTo(g, "vision")
	if _, err := r.eng.SetVision(r.ctx, "fac", g, "Joined-up care for every Londoner"); err != nil {
		t.Fatal(err)
	}
	if status, page := r.cast(c, code, url.Values{"kind": {"fist"}, "fist": {"4"}}); status != http.StatusOK || !strings.Contains(page, "Fist-to-five on the vision") {
		t.Fatalf("fist-to-five: %d\n%s", status, page)
	}
	v, _ := r.eng.Table(r.ctx, g)
	if len(v.Fist.Ballots) != 1 || v.Fist.Ballots[0].Dots[g] != 4 {
		t.Fatalf("the fist-to-five ballot: %+v", v.Fist.Ballots)
	}
	r.goTo(g, "next-steps")
	step, err := r.eng.AddNextStep(r.ctx, "scribe", g, sessions.NextStepInput{Action: "Share records across the STP", Owner: "CCG"})
	if err != nil {
		t.Fatal(err)
	}
	status, page := r.cast(c, code, url.Values{"kind": {"support"}, "s-" + string(step.Record.ID): {"2"}})
	if status != http.StatusOK || !strings.Contains(page, "strongly support") {
		t.Fatalf("support: %d\n%s", status, page)
	}
	if _, err := r.eng.CloseVote(r.ctx, "fac", g, "next-steps", model.MethodSupport); err != nil {
		t.Fatal(err)
	}
	if _, page := r.get(c, "/c/"+code); !strings.Contains(page, "100% support (1 of 1)") {
		t.Fatalf("the support result:\n%s", page)
	}
}

func TestApprovalAndRankingUseTheirOwnRules(t *testing.T) {
	r := newRig(t, 3, Config{})
	c := r.client()
	if err := r.eng.SetVoteRules(r.ctx, "org", r.event, model.MethodBorda, model.DotRules{Budget: 2}); err != nil {
		t.Fatal(err)
	}
	code := r.card(0).Code
	gap := url.Values{"kind": {model.MethodBorda}, "i-" + string(r.items[0]): {"2"}}
	status, page := r.cast(c, code, gap)
	if status != http.StatusUnprocessableEntity || !strings.Contains(page, "position 1 is missing") || !strings.Contains(page, "<select") {
		t.Fatalf("a ranking with a gap: %d\n%s", status, page)
	}
	good := url.Values{"kind": {model.MethodBorda}, "i-" + string(r.items[0]): {"2"}, "i-" + string(r.items[2]): {"1"}, "i-" + string(r.items[1]): {"0"}}
	if status, _ := r.cast(c, code, good); status != http.StatusOK {
		t.Fatalf("a good ranking: %d", status)
	}
	if b := r.table().DotVote.Ballots; len(b) != 1 || b[0].Dots[r.items[2]] != 1 || b[0].Dots[r.items[0]] != 2 {
		t.Fatalf("the ranking saved: %+v", b)
	}
	if _, err := r.eng.CloseVote(r.ctx, "fac", r.tables[0].ID, "priorities", model.MethodBorda); err != nil {
		t.Fatal(err)
	}
	if err := r.eng.SetVoteRules(r.ctx, "org", r.event, model.MethodApproval, model.DotRules{Budget: 2}); err != nil {
		t.Fatal(err)
	}
	if _, err := r.eng.ReopenVote(r.ctx, "fac", r.tables[0].ID, "priorities", model.MethodApproval); err != nil {
		t.Fatal(err)
	}
	_, page = r.get(c, "/c/"+code)
	if !strings.Contains(page, `type="checkbox"`) || !strings.Contains(page, "Vote on priorities: approval") {
		t.Fatalf("approval after a new round:\n%s", page)
	}
	if status, _ := r.cast(c, code, dots(model.MethodApproval, r.items...)); status != http.StatusOK {
		t.Fatalf("approving every item: %d", status)
	}
}

func TestAnAddressOrACardThatSendsTooFastIsHeldBack(t *testing.T) {
	r := newRig(t, 3, Config{AddressRate: 1, AddressBurst: 3})
	c := r.client()
	for i := 0; i < 3; i++ {
		r.get(c, "/")
	}
	if status, page := r.get(c, "/"); status != http.StatusTooManyRequests || !strings.Contains(page, "Too many requests from this phone") {
		t.Fatalf("a fourth request at once: %d", status)
	}

	if testing.Short() {
		t.Skip("the card's limit of 10 ballots a second: skipped with -short, since under -race the requests come too slowly to exceed it")
	}
	r = newRig(t, 3, Config{AddressRate: 1e6, AddressBurst: 1e6})
	code := r.card(0).Code
	f := dots(model.MethodDots, r.items[0])
	f.Set("t", r.srv.token(code))
	var (
		mu   sync.Mutex
		wg   sync.WaitGroup
		held int
	)
	const n = 2 * sessions.SeatWriteBurst // at once, in up to five waves: a loaded machine may be slow to send them
	for wave := 0; wave < 5 && held == 0; wave++ {
		for i := 0; i < n; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				status, page := r.post(r.client(), "/c/"+code, f, nil)
				if status == http.StatusTooManyRequests && strings.Contains(page, "Too many ballots from this card at once") {
					mu.Lock()
					held++
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
	}
	if held == 0 {
		t.Fatalf("%d ballots at once from one card were all taken", n)
	}
	if b := r.table().DotVote.Ballots; len(b) != 1 {
		t.Fatalf("one card's repeated ballots: %d", len(b))
	}
}

func TestConnectionsAreCappedOnARealListener(t *testing.T) {
	r := newRig(t, 3, Config{MaxConns: 1})
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go r.srv.Serve(l)
	t.Cleanup(func() { r.srv.Shutdown(context.Background()) })
	base := "http://" + l.Addr().String()
	hog, err := net.Dial("tcp", l.Addr().String()) // a connection that sends nothing
	if err != nil {
		t.Fatal(err)
	}
	quick := &http.Client{Timeout: 500 * time.Millisecond}
	if _, err := quick.Get(base + "/"); err == nil {
		t.Fatal("a second connection was served while the cap of one was taken")
	}
	hog.Close()
	res, err := (&http.Client{Timeout: 5 * time.Second}).Get(base + "/c/" + r.card(0).Code)
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("once the connection closed: %v", err)
	}
	res.Body.Close()
}
