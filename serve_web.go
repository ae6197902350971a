package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"time"

	"forum/model"
	"forum/sessions"
	"forum/tui/web"
)

// webOptions are the flags of 'forum serve' for the phones' ballot page.
type webOptions struct {
	listen, cert, key string
}

// startWeb starts the ballot page beside the SSH server when --web is
// given, prints where phones reach it, and returns how to stop it.
func startWeb(eng *sessions.Engine, event model.ID, o webOptions, stdout io.Writer) (stop func(), err error) {
	if o.listen == "" {
		if o.cert != "" || o.key != "" {
			return nil, usagef("--web-cert and --web-key need --web ADDRESS (such as --web :8443)")
		}
		return func() {}, nil
	}
	if (o.cert == "") != (o.key == "") {
		return nil, usagef("HTTPS needs both --web-cert CERT and --web-key KEY")
	}
	l, err := net.Listen("tcp", o.listen)
	if err != nil {
		return nil, fmt.Errorf("cannot listen on %s for the ballot page (try --web :8081): %w", o.listen, err)
	}
	srv := web.New(eng, web.Config{Event: event, HTTPS: o.cert != ""})
	done := make(chan error, 1)
	go func() {
		if o.cert != "" {
			done <- srv.ServeTLS(l, o.cert, o.key)
		} else {
			done <- srv.Serve(l)
		}
	}()
	select { // a certificate that does not load fails at once
	case err := <-done:
		if err != nil {
			return nil, err
		}
	case <-time.After(100 * time.Millisecond):
	}
	fmt.Fprint(stdout, webHelp(l.Addr(), o.cert != ""))
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(ctx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
			fmt.Fprintln(stdout, "the ballot page did not stop cleanly:", err)
		}
	}, nil
}

// webHelp says where phones open the ballot page.
func webHelp(addr net.Addr, https bool) string {
	host, port, _ := net.SplitHostPort(addr.String())
	hosts := joinHosts(host, localInterfaces())
	scheme := "http"
	if https {
		scheme = "https"
	}
	var urls []string
	for _, h := range hosts {
		urls = append(urls, fmt.Sprintf("%s://%s:%s", scheme, h, port))
	}
	if len(urls) == 0 {
		urls = []string{fmt.Sprintf("%s://THIS-LAPTOP:%s", scheme, port)}
	}
	var w strings.Builder
	fmt.Fprintf(&w, "\nPhones vote at %s/ (the QR code on each card: print them with 'forum cards --web %s').\n", urls[0], urls[0])
	if len(urls) > 1 {
		fmt.Fprintf(&w, "On another network: %s.\n", strings.Join(urls[1:], " or "))
	}
	if !https {
		w.WriteString("Plain HTTP: others on this network can read what phones send. Use --web-cert and --web-key for HTTPS.\n")
	}
	return w.String()
}
