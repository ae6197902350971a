// Package web is forum's ballot page for participants' phones: an HTTP
// listener beside the SSH server (forum serve --web :8080) where a
// participant card's code (from the card's QR code, /c/CODE, or typed in)
// opens that card's ballot at its table. The page shows the table's stage
// and the vote its facilitator has open (dots, approval, ranking,
// fist-to-five or support), blind while the round is open, the result
// once it is closed. Every rule is checked by package sessions under the
// card's seat; this package serves plain forms (no cookies, no external
// files), limits connections, request sizes and rates, refuses cross-site
// posts, and logs nothing that links a phone to a ballot.
package web

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"time"

	"golang.org/x/net/netutil"

	"forum/model"
	"forum/sessions"
)

// Config configures a ballot server.
type Config struct {
	// Event is the event whose cards vote.
	Event model.ID
	// MaxConns caps open connections (0: 400).
	MaxConns int
	// AddressRate and AddressBurst cap one address's requests per second
	// (0: 20 and 60): well above a phone, below a script.
	AddressRate  float64
	AddressBurst int
	// Poll is how often an open page checks for the facilitator's changes
	// (0: 4 s).
	Poll time.Duration
	// HTTPS tells the pages they are served over TLS.
	HTTPS bool
}

// Limits of one request.
const (
	maxBody   = 16 << 10
	maxHeader = 8 << 10
)

// Server serves the ballot pages.
type Server struct {
	eng   *sessions.Engine
	cfg   Config
	key   []byte
	seats *seats
	addrs *addresses
	views *views
	srv   *http.Server
}

// New makes a ballot server for an event's cards.
func New(eng *sessions.Engine, cfg Config) *Server {
	if cfg.MaxConns == 0 {
		cfg.MaxConns = 400
	}
	if cfg.AddressRate == 0 {
		cfg.AddressRate, cfg.AddressBurst = 20, 60
	}
	if cfg.Poll == 0 {
		cfg.Poll = 4 * time.Second
	}
	s := &Server{eng: eng, cfg: cfg, key: make([]byte, 32), seats: newSeats(), addrs: newAddresses(cfg.AddressRate, cfg.AddressBurst), views: newViews(eng)}
	_, _ = rand.Read(s.key) // never fails (crypto/rand)
	s.srv = &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      15 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    maxHeader,
		ErrorLog:          log.New(io.Discard, "", 0), // its lines name addresses: not kept
	}
	return s
}

// Handler is the ballot pages' handler, with the security headers and the
// per-address rate limit on every response.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.join)
	mux.HandleFunc("POST /join", s.joinPost)
	mux.HandleFunc("GET /c/{code}", s.page)
	mux.HandleFunc("POST /c/{code}", s.cast)
	mux.HandleFunc("GET /c/{code}/state", s.state)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.render(w, http.StatusNotFound, view{Title: "Not found", Page: "join", Error: "There is no such page: type the code on your card."})
	})
	return s.guard(mux)
}

// guard sets the security headers, caps the request's size and refuses an
// address that sends too much.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cache-Control", "no-store")
		if s.cfg.HTTPS {
			h.Set("Strict-Transport-Security", "max-age=86400")
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		if !s.addrs.allow(remote(r)) {
			h.Set("Retry-After", "5")
			s.render(w, http.StatusTooManyRequests, view{Title: "Too fast", Page: "join", Error: "Too many requests from this phone at once: wait a few seconds, then reload."})
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Serve serves plain HTTP on l until Shutdown, at most MaxConns
// connections at once.
func (s *Server) Serve(l net.Listener) error {
	err := s.srv.Serve(netutil.LimitListener(l, s.cfg.MaxConns))
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// ServeTLS serves HTTPS on l with the organiser's certificate and key.
func (s *Server) ServeTLS(l net.Listener, certFile, keyFile string) error {
	err := s.srv.ServeTLS(netutil.LimitListener(l, s.cfg.MaxConns), certFile, keyFile)
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("serving the ballot page over HTTPS (--web-cert, --web-key): %w", err)
	}
	return nil
}

// Shutdown stops taking requests and lets those in flight finish (a ballot
// is saved or not, never half) until ctx ends.
func (s *Server) Shutdown(ctx context.Context) error {
	s.views.stop()
	return s.srv.Shutdown(ctx)
}

// remote is a request's address without its port; it is used only to
// limit rates and failed codes, held in memory, never logged or stored.
func remote(r *http.Request) string {
	h, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return h
}
