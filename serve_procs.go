package main

import (
	"os"
	"runtime"
)

// serveProcs sets how many processor cores 'forum serve' runs its
// goroutines on, and says how many: one, unless the GOMAXPROCS
// environment variable says otherwise (Go then uses that).
//
// A room's work is many small pieces handed between goroutines (a key
// read from SSH, the update, the frame, the write), and with more than
// one core Go's scheduler wakes idle threads to take each piece: on the
// project's 2-core machine a note typed at a table of the large event
// with 40 seats cost 10.6 ms of server CPU on two cores against 9.0 on
// one (medians of three paired runs of the FullRoom benchmark, 100
// notes each; 133 against 99 thread switches a note), and the note
// reached the other seat as fast. One core's capacity is far beyond a
// room: a note a second from every one of 40 seats would use a third of
// it. Exports and reports run in their own process.
func serveProcs() int {
	if os.Getenv("GOMAXPROCS") == "" {
		runtime.GOMAXPROCS(1)
	}
	return runtime.GOMAXPROCS(0)
}
