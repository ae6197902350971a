package web

import (
	"bytes"
	"context"
	"image"
	_ "image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"

	"forum/model"
	"forum/sessions"
)

// chromium finds a Chromium to drive, or "".
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// phone is a headless Chromium tab the size of a phone (390×844 CSS
// pixels, twice as many device pixels, touch), started once for the test.
func phone(t *testing.T) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("drives Chromium: skipped with -short (run without it)")
	}
	path := chromium()
	if path == "" {
		t.Skip("no Chromium found (chromium, chromium-browser, google-chrome): the browser tests are skipped; .ci/run installs Debian's chromium")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.WindowSize(390, 844))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancelTab := chromedp.NewContext(actx)
	t.Cleanup(cancelTab)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile, chromedp.EmulateTouch)); err != nil {
		t.Fatalf("starting Chromium at %s: %v", path, err)
	}
	return ctx
}

// tab opens another tab of the same browser at phone size: another phone.
func tab(t *testing.T, ctx context.Context) context.Context {
	t.Helper()
	c, cancel := chromedp.NewContext(ctx)
	t.Cleanup(cancel)
	if err := chromedp.Do(c, chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile, chromedp.EmulateTouch)); err != nil {
		t.Fatal(err)
	}
	return c
}

// do runs steps within 15 s.
func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	if err := chromedp.Do(c, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// text reads an element's text.
func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	s, err := chromedp.Run(c, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("reading %s: %v", sel, err)
	}
	return strings.TrimSpace(s)
}

// eval runs JavaScript in the page.
func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// shot saves the page as docs/NAME.png when FORUM_SCREENSHOTS is set.
func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	if os.Getenv("FORUM_SCREENSHOTS") == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("..", "..", "docs", name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// radio is the selector of an item's choice on a dots ballot.
func radio(id model.ID, value string) string {
	return `input[name="i-` + string(id) + `"][value="` + value + `"]`
}

func TestInABrowserAPhoneCastsIsRefusedOverBudgetAndSeesTheResult(t *testing.T) {
	ctx := phone(t)
	r := newRig(t, 3, Config{Poll: 300 * time.Millisecond})
	code := r.card(0).Code
	page := r.ts.URL + "/c/" + code

	do(t, ctx, "opening the card's page", chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("h1")))
	if h := text(t, ctx, "h1"); h != "Vote on priorities: dots" {
		t.Fatalf("the heading reads %q", h)
	}
	if bg := eval[string](t, ctx, `getComputedStyle(document.querySelector('button')).backgroundColor`); bg != "rgb(10, 79, 153)" {
		t.Fatalf("the style sheet is not applied (blocked by the CSP?): button %s", bg)
	}
	unlabelled := eval[int](t, ctx, `[...document.querySelectorAll('input:not([type=hidden]),select')].filter(e => !e.labels.length && !e.closest('label')).length`)
	small := eval[int](t, ctx, `[...document.querySelectorAll('label:has(input[type=radio]),button')].filter(e => e.getBoundingClientRect().height < 44).length`)
	if unlabelled != 0 || small != 0 {
		t.Fatalf("%d controls without a label, %d touch targets under 44 px", unlabelled, small)
	}
	shot(t, ctx, "web-ballot")

	do(t, ctx, "placing three dots", chromedp.Click(chromedp.CSS(radio(r.items[0], "1"))), chromedp.Click(chromedp.CSS(radio(r.items[1], "1"))), chromedp.Click(chromedp.CSS(radio(r.items[2], "1"))))
	if s := text(t, ctx, "#spent"); s != "3 of 2 dots placed." {
		t.Fatalf("the dots counter (the inline script, allowed by the CSP) reads %q", s)
	}
	do(t, ctx, "sending", chromedp.Click(chromedp.CSS("button[type=submit]")), chromedp.WaitVisible(chromedp.CSS(".err")))
	if e := text(t, ctx, ".err"); e != "Ballot refused: 3 dots spent; the budget is 2." {
		t.Fatalf("over budget the page says %q", e)
	}
	do(t, ctx, "letting the page check for changes a few times", chromedp.Sleep(time.Second))
	if n := eval[int](t, ctx, `document.querySelectorAll('input[type=radio][value="1"]:checked').length`); n != 3 {
		t.Fatalf("a second after, the refused ballot shows %d dots placed, not the 3 sent", n)
	}
	shot(t, ctx, "web-refused")

	do(t, ctx, "taking one off and sending", chromedp.Click(chromedp.CSS(radio(r.items[2], "0"))), chromedp.Click(chromedp.CSS("button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#status .ok")))
	if s := text(t, ctx, "#status"); !strings.Contains(s, "Your ballot is saved. It stays hidden") {
		t.Fatalf("after a good ballot the status reads %q", s)
	}
	shot(t, ctx, "web-saved")

	// The same card on a second phone: it sees the ballot, changes it, and
	// the table still has one ballot from this card.
	other := tab(t, ctx)
	do(t, other, "the same card on another phone", chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("h1")))
	if n := eval[int](t, other, `document.querySelectorAll('input[type=radio][value="1"]:checked').length`); n != 2 {
		t.Fatalf("the second phone sees %d of the card's 2 dots", n)
	}
	do(t, other, "changing the ballot there", chromedp.Click(chromedp.CSS(radio(r.items[0], "0"))), chromedp.Click(chromedp.CSS(radio(r.items[2], "1"))),
		chromedp.Click(chromedp.CSS("button[type=submit]")), chromedp.WaitVisible(chromedp.CSS("#status .ok")))
	v := r.table()
	if len(v.DotVote.Ballots) != 1 || v.DotVote.Ballots[0].Dots[r.items[0]] != 0 || v.DotVote.Ballots[0].Dots[r.items[2]] != 1 {
		t.Fatalf("one card on two phones: %+v", v.DotVote.Ballots)
	}
	if eval[int](t, ctx, `document.querySelectorAll('.results').length`) != 0 {
		t.Fatal("the open round shows totals")
	}

	// The facilitator closes the vote: the first phone shows the result by
	// itself.
	if _, err := r.eng.CloseVote(r.ctx, "fac", r.tables[0].ID, "priorities", model.MethodDots); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, "waiting for the result", chromedp.WaitVisible(chromedp.CSS(".results")))
	if res := text(t, ctx, ".results"); !strings.Contains(res, "Shared records") || !strings.Contains(res, "1 dot") {
		t.Fatalf("the result reads %q", res)
	}
	shot(t, ctx, "web-results")

	do(t, ctx, "a wrong code", chromedp.Navigate(r.ts.URL+"/c/AAAA-AAAA"), chromedp.WaitVisible(chromedp.CSS(".err")))
	if h, e := text(t, ctx, "h1"), text(t, ctx, ".err"); h != "This card cannot vote" || !strings.Contains(e, "not a card of this event") {
		t.Fatalf("a wrong code: %q, %q", h, e)
	}
	shot(t, ctx, "web-wrong-code")
}

func TestInABrowserWithScriptsOffTheFormStillVotes(t *testing.T) {
	ctx := phone(t)
	r := newRig(t, 3, Config{})
	g := r.tables[1].ID
	code := r.cards[g][0].Code
	do(t, ctx, "turning scripts off", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}))
	do(t, ctx, "typing the code", chromedp.Navigate(r.ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS("#code")))
	shot(t, ctx, "web-join")
	do(t, ctx, "opening the ballot", chromedp.SetValue(chromedp.CSS("#code"), strings.ToLower(code)), chromedp.Click(chromedp.CSS("button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("p.stage")))
	if h := text(t, ctx, "h1"); h != "Waiting for the facilitator" {
		t.Fatalf("a table at its opening stage shows %q", h)
	}
	shot(t, ctx, "web-waiting")
	r.goTo(g, "vision")
	if _, err := r.eng.SetVision(r.ctx, "fac", g, "Joined-up care for every Londoner, close to home"); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, "reloading", chromedp.Navigate(r.ts.URL+"/c/"+code), chromedp.WaitVisible(chromedp.CSS(`input[name=fist][value="4"]`)))
	shot(t, ctx, "web-fist")
	do(t, ctx, "showing four fingers", chromedp.Click(chromedp.CSS(`input[name=fist][value="4"]`)), chromedp.Click(chromedp.CSS("button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#status .ok")))
	v, _ := r.eng.Table(r.ctx, g)
	if len(v.Fist.Ballots) != 1 || v.Fist.Ballots[0].Dots[g] != 4 {
		t.Fatalf("with scripts off the fist-to-five saved %+v", v.Fist.Ballots)
	}
}

func TestInABrowserACardsQRCodeOpensItsBallot(t *testing.T) {
	ctx := phone(t)
	r := newRig(t, 3, Config{})
	tables, err := r.eng.Cards(r.ctx, r.event)
	if err != nil {
		t.Fatal(err)
	}
	page, err := sessions.CardsHTML("Forum", tables[:1], "", r.ts.URL)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "cards.html")
	if err := os.WriteFile(file, page, 0o600); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, "opening the printed cards", chromedp.Navigate("file://"+file), chromedp.WaitVisible(chromedp.CSS(".qr")))
	png, err := chromedp.Run(ctx, chromedp.ScreenshotScale(chromedp.CSS(".qr"), 4))
	if err != nil {
		t.Fatal(err)
	}
	img, _, err := image.Decode(bytes.NewReader(png))
	if err != nil {
		t.Fatal(err)
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	scanned, err := qrcode.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		t.Fatalf("the card's QR code, as the browser draws it, does not scan: %v", err)
	}
	first := text(t, ctx, ".code")
	if scanned.GetText() != r.ts.URL+"/c/"+first {
		t.Fatalf("the first card (%s) scans as %q", first, scanned.GetText())
	}
	do(t, ctx, "following the QR code", chromedp.Navigate(scanned.GetText()), chromedp.WaitVisible(chromedp.CSS("p.stage")))
	if h := text(t, ctx, "h1"); h != "Vote on priorities: dots" {
		t.Fatalf("the scanned card's page shows %q", h)
	}
}
