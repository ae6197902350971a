package main

import (
	"context"
	"fmt"
	"net"
	"strings"

	"forum/model"
	"forum/sessions"
)

// joinHelp is what the organiser reads out: the ssh line for each role,
// at an address that reaches this server, and which roles still need a
// passcode.
func joinHelp(ctx context.Context, eng *sessions.Engine, b sessions.Board, addr net.Addr) string {
	host, port, _ := net.SplitHostPort(addr.String())
	hosts := joinHosts(host, localInterfaces())
	hostName := "THIS-LAPTOP"
	if len(hosts) > 0 {
		hostName = hosts[0]
	}
	var w strings.Builder
	fmt.Fprintf(&w, "forum is serving «%s» over SSH on port %s.\n\nTables join from any terminal with:\n\n", model.Safe(b.Event.Title, false), port)
	example := 1
	for _, r := range sessions.AllRoles {
		user := string(r)
		if r.AtTable() {
			user = fmt.Sprintf("%s-%d", r, example)
		}
		fmt.Fprintf(&w, "  ssh -p %s %s@%s\n", port, user, hostName)
	}
	fmt.Fprintf(&w, "\n(facilitators, scribes and participants put their table's number after the dash: %d tables.\nFor a screen reader, add +plain to the login: ssh -p %s scribe-1+plain@%s)\n", len(b.Groups), port, hostName)
	switch {
	case len(hosts) == 0:
		w.WriteString("\nThis machine has no network address yet: join the room's network, then use this laptop's address in place of THIS-LAPTOP.\n")
	case len(hosts) > 1:
		fmt.Fprintf(&w, "\nThis laptop is on more than one network; on another, use %s in place of %s.\n", strings.Join(hosts[1:], " or "), hostName)
	}
	var missing []string
	for _, r := range sessions.AllRoles {
		if !eng.HasPasscode(ctx, b.Event.ID, r) {
			missing = append(missing, string(r))
		}
	}
	if len(missing) > 0 {
		fmt.Fprintf(&w, "\nNo passcode yet for: %s. Make one with 'forum passcode --role ROLE' (in another terminal);\nuntil then those roles cannot join.\n", strings.Join(missing, ", "))
	}
	w.WriteString("\nPress Ctrl+C to stop serving.\n")
	return w.String()
}

// iface is a network interface as joinHosts needs it.
type iface struct {
	name  string
	flags net.Flags
	ips   []net.IP
}

// localInterfaces lists this machine's network interfaces and their
// addresses.
func localInterfaces() []iface {
	all, err := net.Interfaces()
	if err != nil {
		return nil
	}
	var out []iface
	for _, in := range all {
		addrs, err := in.Addrs()
		if err != nil {
			continue
		}
		f := iface{name: in.Name, flags: in.Flags}
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok {
				f.ips = append(f.ips, n.IP)
			}
		}
		out = append(out, f)
	}
	return out
}

// containerBridges are the name prefixes of the virtual interfaces
// container and VM tools make: other laptops in the room cannot reach them.
var containerBridges = []string{"docker", "br-", "veth", "virbr", "lxcbr", "lxdbr", "cni", "flannel", "cali", "podman", "vmnet", "vboxnet"}

// joinHosts is where other laptops reach a server bound to host: that
// address itself when the server is bound to one, otherwise the IPv4
// addresses of the interfaces that are up and not loopback, link-local or
// a container bridge.
func joinHosts(host string, ifaces []iface) []string {
	if ip := net.ParseIP(host); ip != nil && !ip.IsUnspecified() {
		return []string{ip.String()}
	}
	if host != "" && net.ParseIP(host) == nil {
		return []string{host} // a name
	}
	var out []string
	for _, in := range ifaces {
		if in.flags&net.FlagUp == 0 || in.flags&net.FlagLoopback != 0 || bridge(in.name) {
			continue
		}
		for _, ip := range in.ips {
			if v4 := ip.To4(); v4 != nil && !v4.IsLoopback() && !v4.IsLinkLocalUnicast() {
				out = append(out, v4.String())
			}
		}
	}
	return out
}

func bridge(name string) bool {
	for _, p := range containerBridges {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}
