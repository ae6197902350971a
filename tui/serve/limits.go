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

// DefaultLimits are the limits a zero field stands for.
var DefaultLimits = Limits{Handshake: 10 * time.Second, Login: 60 * time.Second,
	PendingPerAddress: 64, PendingTotal: 128, Seats: 200, Refusal: time.Second}

// withDefaults fills the fields left at zero (or below) from DefaultLimits.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	dur := func(v *time.Duration, def time.Duration) {
		if *v <= 0 {
			*v = def
		}
	}
	num := func(v *int, def int) {
		if *v <= 0 {
			*v = def
		}
	}
	dur(&l.Handshake, d.Handshake)
	dur(&l.Login, d.Login)
	dur(&l.Refusal, d.Refusal)
	num(&l.PendingPerAddress, d.PendingPerAddress)
	num(&l.PendingTotal, d.PendingTotal)
	num(&l.Seats, d.Seats)
	return l
}

// Flags binds the limits to command-line flags of fs, with the defaults
// shown in its help.
func (l *Limits) Flags(fs *flag.FlagSet) {
	d := DefaultLimits
	fs.DurationVar(&l.Handshake, "handshake-timeout", d.Handshake, "drop a connection that has not started to log in after this long")
	fs.DurationVar(&l.Login, "login-timeout", d.Login, "drop a connection that has not logged in after this long (typing the passcode included)")
	fs.IntVar(&l.PendingPerAddress, "max-pending-per-addr", d.PendingPerAddress, "most connections not yet logged in from one address")
	fs.IntVar(&l.PendingTotal, "max-pending", d.PendingTotal, "most connections not yet logged in, in all")
	fs.IntVar(&l.Seats, "max-seats", d.Seats, "most seats logged in at once")
}
