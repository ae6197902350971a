package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"time"

	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"
)

// PushOptions say where and as whom a table's laptop pushes.
type PushOptions struct {
	// Addr is HOST:PORT of the organiser's forum serve.
	Addr string
	// User is the seat name ("facilitator-3", "organiser"); Passcode the
	// role's passcode.
	User, Passcode string
	// KnownHosts is the file of servers this laptop trusts: the first push
	// to a server records its key, a later push to a different key is
	// refused.
	KnownHosts string
}

// Push sends an event's JSON export to a forum server, which merges it,
// and returns the server's report.
func Push(ctx context.Context, o PushOptions, data []byte) ([]string, error) {
	cfg := &gossh.ClientConfig{User: o.User, Auth: []gossh.AuthMethod{gossh.Password(o.Passcode)},
		HostKeyCallback: trustOnFirstUse(o.KnownHosts), Timeout: 10 * time.Second}
	d := net.Dialer{Timeout: 10 * time.Second}
	conn, err := d.DialContext(ctx, "tcp", o.Addr)
	if err != nil {
		return nil, fmt.Errorf("cannot reach %s (is forum serve running there, and this laptop on the same network?): %w", o.Addr, err)
	}
	c, chans, reqs, err := gossh.NewClientConn(conn, o.Addr, cfg)
	if err != nil {
		conn.Close()
		if strings.Contains(err.Error(), "unable to authenticate") {
			return nil, fmt.Errorf("%s refused %s: check the seat name and the role's passcode", o.Addr, o.User)
		}
		return nil, fmt.Errorf("connecting to %s: %w", o.Addr, err)
	}
	client := gossh.NewClient(c, chans, reqs)
	defer client.Close()
	sess, err := client.NewSession()
	if err != nil {
		return nil, fmt.Errorf("opening a session on %s: %w", o.Addr, err)
	}
	defer sess.Close()
	var out, errs bytes.Buffer
	sess.Stdin, sess.Stdout, sess.Stderr = bytes.NewReader(data), &out, &errs
	if err := sess.Run(PushCommand); err != nil {
		msg := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(errs.String()+out.String()), "forum: "))
		if msg == "" {
			msg = err.Error()
		}
		return nil, errors.New(msg)
	}
	return strings.Split(strings.TrimRight(out.String(), "\n"), "\n"), nil
}

// trustOnFirstUse records a server's key the first time and refuses a
// different key later.
func trustOnFirstUse(path string) gossh.HostKeyCallback {
	return func(host string, remote net.Addr, key gossh.PublicKey) error {
		if _, err := os.Stat(path); err == nil {
			check, err := knownhosts.New(path)
			if err != nil {
				return fmt.Errorf("reading %s: %w", path, err)
			}
			err = check(host, remote, key)
			var ke *knownhosts.KeyError
			if err == nil || !errors.As(err, &ke) || len(ke.Want) > 0 {
				if err != nil && errors.As(err, &ke) {
					return fmt.Errorf("%s presents another key than the first time (listed in %s): if the organiser's laptop changed, remove its line there", host, path)
				}
				return err
			}
		}
		f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
		if err != nil {
			return fmt.Errorf("recording the server's key in %s: %w", path, err)
		}
		defer f.Close()
		_, err = fmt.Fprintln(f, knownhosts.Line([]string{knownhosts.Normalize(host)}, key))
		return err
	}
}
