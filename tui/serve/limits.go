package serve

import (
	"flag"
	"time"
)

// Limits bound what anyone on the network can hold before, and after,
// logging in. The zero value of a field means its default, which lets a
// full room of 40 and more seats join from one address (a room behind one
// router, or tests on 127.0.0.1).
type Limits struct {
	// Handshake is how long a new connection may take to start logging in
	// (key exchange done, first credential offered). Default 10 s.
	Handshake time.Duration
	// Login is how long a connection may take, in all, to log in (a person
	// typing a passcode included). Default 60 s.
	Login time.Duration
	// PendingPerAddress and PendingTotal cap the connections not yet logged
	// in, from one address and from everyone. Defaults 64 and 128.
	PendingPerAddress, PendingTotal int
	// Seats caps the seats logged in at once. Default 200.
	Seats int
	// Refusal is how long every refused login takes to be answered, so that
	// a wrong table and a wrong passcode cannot be told apart by timing.
	// Default 1 s.
	Refusal time.Duration
}

// withDefaults fills the fields left at zero.
func (l Limits) withDefaults() Limits {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	num := func(n *int, v int) {
		if *n <= 0 {
			*n = v
		}
	}
	def(&l.Handshake, 10*time.Second)
	def(&l.Login, 60*time.Second)
	def(&l.Refusal, time.Second)
	num(&l.PendingPerAddress, 64)
	num(&l.PendingTotal, 128)
	num(&l.Seats, 200)
	return l
}

// Flags binds the limits to command-line flags of fs (zero: the default).
func (l *Limits) Flags(fs *flag.FlagSet) {
	fs.DurationVar(&l.Handshake, "handshake-timeout", 10*time.Second, "drop a connection that has not started to log in after this long")
	fs.DurationVar(&l.Login, "login-timeout", 60*time.Second, "drop a connection that has not logged in after this long")
	fs.IntVar(&l.PendingPerAddress, "max-pending-per-addr", 64, "most connections not yet logged in from one address")
	fs.IntVar(&l.PendingTotal, "max-pending", 128, "most connections not yet logged in, in all")
	fs.IntVar(&l.Seats, "max-seats", 200, "most seats logged in at once")
}
