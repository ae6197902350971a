package main

import (
	"bufio"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeWebOpensACardsBallot runs the real binary with --web, over
// plain HTTP and over HTTPS with a certificate the organiser made, and
// opens a printed card's ballot at the address serve prints.
func TestServeWebOpensACardsBallot(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the servers")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "forum.db")
	if _, errs, code := forum(t, nil, "--db", db, "demo"); code != 0 {
		t.Fatal(errs)
	}
	cards := filepath.Join(dir, "cards.html")
	if _, errs, code := forum(t, nil, "--db", db, "cards", "-o", cards, "--web", "http://192.168.1.20:8080"); code != 0 {
		t.Fatal(errs)
	}
	page, _ := os.ReadFile(cards)
	m := regexp.MustCompile(`class="code">([A-Z0-9]{4}-[A-Z0-9]{4})<`).FindSubmatch(page)
	if m == nil || !strings.Contains(string(page), "<svg") || !strings.Contains(string(page), "192.168.1.20:8080/c/") {
		t.Fatalf("the cards have no code, QR code or ballot address")
	}
	code := string(m[1])
	certFile, keyFile := selfSigned(t, dir)
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"http", nil},
		{"https", []string{"--web-cert", certFile, "--web-key", keyFile}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"--db", db, "serve", "--listen", "127.0.0.1:0", "--web", "127.0.0.1:0"}, tc.args...)
			cmd := exec.Command(bin, args...)
			cmd.Env = []string{"HOME=" + dir}
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer func() {
				cmd.Process.Signal(syscall.SIGTERM)
				cmd.Wait()
			}()
			lineRe := regexp.MustCompile(`^Phones vote at (\S+)/ `)
			sc := bufio.NewScanner(out)
			var base string
			plainWarning := false
			for sc.Scan() {
				if m := lineRe.FindStringSubmatch(sc.Text()); m != nil {
					base = m[1]
				}
				if strings.HasPrefix(sc.Text(), "Plain HTTP: others on this network can read") {
					plainWarning = true
				}
				if base != "" && (tc.name == "https" || plainWarning) {
					break
				}
			}
			go io.Copy(io.Discard, out)
			if !strings.HasPrefix(base, tc.name+"://127.0.0.1:") {
				t.Fatalf("serve printed %q as the ballot page's address", base)
			}
			c := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
			res, err := c.Get(base + "/c/" + strings.ToLower(code))
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != http.StatusOK || !strings.Contains(string(body), "Table") {
				t.Fatalf("a printed card's page: %d\n%s", res.StatusCode, body)
			}
			if tc.name == "https" && !strings.Contains(res.Header.Get("Strict-Transport-Security"), "max-age") {
				t.Error("the HTTPS page does not ask to stay on HTTPS")
			}
		})
	}
	if _, errs, code := forum(t, nil, "--db", db, "serve", "--listen", "127.0.0.1:0", "--web-cert", certFile); code == 0 || !strings.Contains(errs, "--web") {
		t.Fatalf("--web-cert without --web: %d %s", code, errs)
	}
}

// selfSigned writes a certificate for 127.0.0.1 and its key, as an
// organiser would make with openssl or mkcert.
func selfSigned(t *testing.T, dir string) (string, string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "forum"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kb, _ := x509.MarshalECPrivateKey(key)
	certFile, keyFile := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600)
	return certFile, keyFile
}
