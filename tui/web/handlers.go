package web

import (
	"bytes"
	"crypto/hmac"
	"errors"
	"net/http"
	"net/url"

	"forum/model"
	"forum/sessions"
)

// join is the page where a code is typed in.
func (s *Server) join(w http.ResponseWriter, r *http.Request) {
	s.render(w, http.StatusOK, view{Title: "Your ballot", Page: "join"})
}

// joinPost sends a typed code to its ballot's address.
func (s *Server) joinPost(w http.ResponseWriter, r *http.Request) {
	if !sameSite(r) {
		s.render(w, http.StatusForbidden, view{Title: "Refused", Page: "join", Error: "This form was sent from another site: type your code here."})
		return
	}
	code := sessions.NormaliseCardCode(r.PostFormValue("code"))
	if code == "" {
		s.render(w, http.StatusUnprocessableEntity, view{Title: "Your ballot", Page: "join", Error: "Type the code on your card, then open your ballot."})
		return
	}
	http.Redirect(w, r, "/c/"+url.PathEscape(code), http.StatusSeeOther)
}

// card checks the code in the address with sessions.CardSeat, refusing
// with a page (and counting the failure) a wrong or voided code; it
// returns the card's seat, its normalised code, and the table's view.
func (s *Server) card(w http.ResponseWriter, r *http.Request) (*sessions.Seat, string, sessions.TableView, bool) {
	addr := remote(r)
	if s.addrs.blocked(addr) {
		w.Header().Set("Retry-After", "600")
		s.render(w, http.StatusTooManyRequests, view{Title: "Too many wrong codes", Page: "refused",
			Error: "Too many wrong codes from this phone: wait ten minutes, or ask the organiser to check your card."})
		return nil, "", sessions.TableView{}, false
	}
	code := sessions.NormaliseCardCode(r.PathValue("code"))
	fresh, err := s.eng.CardSeat(r.Context(), s.cfg.Event, code)
	if err != nil {
		s.addrs.failed(addr)
		msg := model.Safe(code, false) + ": " + err.Error() + ". Check the code on your card (8 letters and digits), or ask the organiser."
		s.render(w, http.StatusForbidden, view{Title: "This card cannot vote", Page: "refused", Error: msg})
		return nil, "", sessions.TableView{}, false
	}
	seat := s.seats.keep(code, fresh)
	v, err := s.views.get(r.Context(), s.eng, seat, false)
	if err != nil {
		s.render(w, http.StatusServiceUnavailable, view{Title: "Not available", Page: "refused", Error: "The table cannot be read just now: reload in a moment."})
		return nil, "", sessions.TableView{}, false
	}
	return seat, code, v, true
}

// page shows a card's ballot.
func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	seat, code, v, ok := s.card(w, r)
	if !ok {
		return
	}
	vw := s.ballotView(code, buildBallot(v, seat.Voter, nil), v)
	if r.URL.Query().Get("saved") != "" && vw.B.Cast && vw.B.Open {
		vw.Saved = "Your ballot is saved. It stays hidden until the facilitator closes the vote."
	}
	s.render(w, http.StatusOK, vw)
}

// cast takes a ballot: saved, it redirects to the page (POST, redirect,
// GET); refused, it shows the page again with the reason and the ballot
// as it was sent.
func (s *Server) cast(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.render(w, http.StatusRequestEntityTooLarge, view{Title: "Refused", Page: "refused", Error: "That form is too large."})
		return
	}
	seat, code, v, ok := s.card(w, r)
	if !ok {
		return
	}
	if !sameSite(r) || !hmac.Equal([]byte(r.PostForm.Get("t")), []byte(s.token(code))) {
		vw := s.ballotView(code, buildBallot(v, seat.Voter, nil), v)
		vw.Error = "This ballot was sent from another page or site, or from a page older than the server's last start, so it was not saved. Send it again from this page."
		s.render(w, http.StatusForbidden, vw)
		return
	}
	tried, err := castForm(sessions.WithSeat(r.Context(), seat), s.eng, seat, v, r.PostForm)
	s.views.changed()
	if err == nil {
		http.Redirect(w, r, "/c/"+url.PathEscape(code)+"?saved=1", http.StatusSeeOther)
		return
	}
	if errors.Is(err, errStale) {
		tried = nil
	}
	if now, e := s.views.get(r.Context(), s.eng, seat, false); e == nil {
		v = now
	}
	vw := s.ballotView(code, buildBallot(v, seat.Voter, tried), v)
	vw.State = fingerprint(buildBallot(v, seat.Voter, nil)) // the ballot as stored: the script must not reload the refused one away
	vw.Error = refusal(err)
	status := http.StatusUnprocessableEntity
	if errors.Is(err, sessions.ErrTooFast) {
		status = http.StatusTooManyRequests
	}
	s.render(w, status, vw)
}

// state is the ballot's fingerprint, which the page's script polls.
func (s *Server) state(w http.ResponseWriter, r *http.Request) {
	addr := remote(r)
	if s.addrs.blocked(addr) {
		http.Error(w, "refused", http.StatusTooManyRequests)
		return
	}
	seat, err := s.eng.CardSeat(r.Context(), s.cfg.Event, sessions.NormaliseCardCode(r.PathValue("code")))
	if err != nil {
		s.addrs.failed(addr) // guessing codes here counts as much as on the page
		http.Error(w, "refused", http.StatusForbidden)
		return
	}
	v, err := s.views.get(r.Context(), s.eng, seat, true)
	if err != nil {
		http.Error(w, "unavailable", http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write([]byte(fingerprint(buildBallot(v, seat.Voter, nil))))
}

// ballotView is the page of a ballot.
func (s *Server) ballotView(code string, b ballot, v sessions.TableView) view {
	vw := view{Title: b.Heading + " · " + b.Table, Page: "ballot", Action: "/c/" + url.PathEscape(code), Token: s.token(code),
		B: b, State: fingerprint(b), Poll: int(s.cfg.Poll.Milliseconds()), Budget: v.Rules.Budget}
	if b.Kind == kindWaiting || !b.Open {
		vw.Refresh = 15 // no form to lose: reload by itself even with scripts off
	}
	return vw
}

// render writes a page.
func (s *Server) render(w http.ResponseWriter, status int, v view) {
	var b bytes.Buffer
	if err := pageTmpl.Execute(&b, v); err != nil {
		http.Error(w, "the page could not be made", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b.Bytes())
}
