package main

import (
	"bufio"
	"net"
	"os/exec"
	"reflect"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestJoinHostsAreAddressesOthersCanReach(t *testing.T) {
	up, down := net.FlagUp|net.FlagBroadcast, net.FlagBroadcast
	ifaces := []iface{
		{"lo", up | net.FlagLoopback, []net.IP{net.ParseIP("127.0.0.1"), net.ParseIP("::1")}},
		{"docker0", up, []net.IP{net.ParseIP("172.17.0.1")}},
		{"br-5f2a9c", up, []net.IP{net.ParseIP("172.18.0.1")}},
		{"veth12ab", up, []net.IP{net.ParseIP("172.17.0.5")}},
		{"virbr0", up, []net.IP{net.ParseIP("192.168.122.1")}},
		{"eth1", down, []net.IP{net.ParseIP("10.9.9.9")}},
		{"wlan0", up, []net.IP{net.ParseIP("fe80::1"), net.ParseIP("169.254.3.3"), net.ParseIP("192.168.1.20")}},
		{"enp3s0", up, []net.IP{net.ParseIP("10.0.0.7")}},
	}
	for _, c := range []struct {
		host string
		want []string
	}{
		{"", []string{"192.168.1.20", "10.0.0.7"}},
		{"::", []string{"192.168.1.20", "10.0.0.7"}},
		{"0.0.0.0", []string{"192.168.1.20", "10.0.0.7"}},
		{"127.0.0.1", []string{"127.0.0.1"}},
		{"10.0.0.7", []string{"10.0.0.7"}},
		{"::1", []string{"::1"}},
	} {
		if got := joinHosts(c.host, ifaces); !reflect.DeepEqual(got, c.want) {
			t.Errorf("bound to %q: %v, want %v", c.host, got, c.want)
		}
	}
	if got := joinHosts("", ifaces[:5]); len(got) != 0 {
		t.Errorf("only loopback and bridges: %v, want none", got)
	}
}

// TestServePrintsAnSSHLineThatReachesIt runs the real binary bound to
// 127.0.0.1 and dials the address its ssh lines name.
func TestServePrintsAnSSHLineThatReachesIt(t *testing.T) {
	dir, db := demoServer(t)
	cmd := exec.Command(bin, "--db", db, "serve", "--listen", "127.0.0.1:0")
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
	lineRe := regexp.MustCompile(`^  ssh -p (\d+) scribe-1@(\S+)$`)
	sc := bufio.NewScanner(out)
	var host, port string
	for sc.Scan() {
		if m := lineRe.FindStringSubmatch(sc.Text()); m != nil {
			port, host = m[1], m[2]
			break
		}
	}
	if host != "127.0.0.1" {
		t.Fatalf("the scribe's line names %q, not the address serve is bound to", host)
	}
	conn, err := net.DialTimeout("tcp", net.JoinHostPort(host, port), 5*time.Second)
	if err != nil {
		t.Fatalf("the printed address does not reach the server: %v", err)
	}
	defer conn.Close()
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	banner, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil || !strings.HasPrefix(banner, "SSH-2.0-") {
		t.Fatalf("no SSH server at %s:%s: %q %v", host, port, banner, err)
	}
}
