package main

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// room is the real forum binary serving a demo event over SSH on
// 127.0.0.1, with passcodes for scribes and facilitators.
type room struct {
	cmd  *exec.Cmd
	addr string
	pass map[string]string
	out  bytes.Buffer
	// profile, when FULLROOM_PROFILE names a folder, is where the server
	// writes CPU profiles (see profiling).
	profile string
}

// profiling starts (on) or ends a CPU profile of the server, when the
// benchmark was asked for profiles: FULLROOM_PROFILE=DIR writes
// DIR/<benchmark>-1 before any seat joined, -2 once table 1's two seats
// have (the event's live model loaded), -3 for the idle seats and -4 for
// the typing, each with the heap in use after it (-N.heap).
func (r *room) profiling(on bool) {
	if r.profile == "" {
		return
	}
	sig := syscall.SIGUSR2
	if on {
		sig = syscall.SIGUSR1
	}
	r.cmd.Process.Signal(sig)
	time.Sleep(200 * time.Millisecond) // the profile is started or written
}

// runBin runs the binary to completion and returns its standard output.
func runBin(tb testing.TB, args ...string) string {
	tb.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "HOME="+tb.TempDir())
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	if err := cmd.Run(); err != nil {
		tb.Fatalf("forum %s: %v\n%s", strings.Join(args, " "), err, e.String())
	}
	return o.String()
}

// openRoom writes the demo with the given arguments to a fresh database and
// starts 'forum serve' on it.
func openRoom(tb testing.TB, demoArgs ...string) *room {
	tb.Helper()
	dir := tb.TempDir()
	db := filepath.Join(dir, "forum.db")
	runBin(tb, append([]string{"--db", db, "demo"}, demoArgs...)...)
	r := &room{pass: map[string]string{}}
	for _, role := range []string{"scribe", "facilitator"} {
		r.pass[role] = strings.TrimSpace(runBin(tb, "--db", db, "passcode", "--role", role))
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	r.addr = l.Addr().String()
	l.Close()
	r.cmd = exec.Command(bin, "--db", db, "serve", "--listen", r.addr)
	r.cmd.Env = append(os.Environ(), "HOME="+dir)
	if g := os.Getenv("FULLROOM_SERVER_GOMAXPROCS"); g != "" {
		r.cmd.Env = append(r.cmd.Env, "GOMAXPROCS="+g)
	}
	if d := os.Getenv("FULLROOM_PROFILE"); d != "" {
		os.MkdirAll(d, 0o755)
		r.profile = filepath.Join(d, strings.NewReplacer("/", "-", "=", "").Replace(tb.Name()))
		r.cmd.Env = append(r.cmd.Env, profileEnv+"="+r.profile)
	}
	r.cmd.Stdout, r.cmd.Stderr = &r.out, &r.out
	if err := r.cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { r.cmd.Process.Kill(); r.cmd.Wait() })
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if c, err := net.Dial("tcp", r.addr); err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			tb.Fatalf("forum serve did not listen: %s", r.out.String())
		}
	}
	return r
}

// cpu is the server process's user + system time so far.
func (r *room) cpu(tb testing.TB) time.Duration {
	user, sys := r.times(tb)
	return user + sys
}

// times are the server process's user and system CPU time so far.
func (r *room) times(tb testing.TB) (user, sys time.Duration) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", r.cmd.Process.Pid))
	if err != nil {
		tb.Fatal(err)
	}
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+2:]))
	ut, _ := strconv.Atoi(f[11])
	st, _ := strconv.Atoi(f[12])
	return time.Duration(ut) * 10 * time.Millisecond, time.Duration(st) * 10 * time.Millisecond // USER_HZ is 100 on Linux
}

// switches is how many times the server's threads have given up or lost
// the CPU so far (voluntary and involuntary context switches, summed over
// the threads alive now).
func (r *room) switches(tb testing.TB) int {
	tasks, err := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/status", r.cmd.Process.Pid))
	if err != nil {
		tb.Fatal(err)
	}
	n := 0
	for _, t := range tasks {
		b, err := os.ReadFile(t)
		if err != nil {
			continue // the thread ended
		}
		for _, l := range strings.Split(string(b), "\n") {
			for _, p := range []string{"voluntary_ctxt_switches:", "nonvoluntary_ctxt_switches:"} {
				if v, ok := strings.CutPrefix(l, p); ok {
					k, _ := strconv.Atoi(strings.TrimSpace(v))
					n += k
				}
			}
		}
	}
	return n
}

// rss is the server process's resident memory, in MB.
func (r *room) rss(tb testing.TB) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", r.cmd.Process.Pid))
	if err != nil {
		tb.Fatal(err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
			return float64(kb) / 1024
		}
	}
	return 0
}

// BenchmarkFullRoom seats K SSH clients with terminals (100×30) on the
// real server, two at table 1 and the rest spread over the other tables;
// table 1's scribe types a note every half second. It reports, from one
// run: Enter → the note on the typing seat's screen and on the same
// table's second seat (p50, p99), the server's CPU per note and per
// second while every seat sits idle, and its resident memory with the
// seats and after they left.
//
//	go test -run '^$' -bench FullRoom -benchtime 1x -timeout 40m .
//
// One configuration: -bench 'FullRoom/^large$/^seats=40$'. With
// FULLROOM_PROFILE=DIR the server writes CPU profiles of the idle seats
// (DIR/<name>-1) and of the typing (DIR/<name>-2) for go tool pprof;
// FULLROOM_NOTES=N types N notes instead of 20 (a profile of 20 notes
// holds too few samples to read).
func BenchmarkFullRoom(b *testing.B) {
	notes := 20
	if n, err := strconv.Atoi(os.Getenv("FULLROOM_NOTES")); err == nil && n > 0 {
		notes = n
	}
	for _, ev := range []struct {
		name   string
		args   []string
		tables int
	}{
		{"demo", nil, 7},
		{"large", []string{"--large"}, 20},
		{"large2x", []string{"--large", "--tables", "40"}, 40},
	} {
		for _, k := range []int{2, 20, 40} {
			b.Run(fmt.Sprintf("%s/seats=%d", ev.name, k), func(b *testing.B) {
				for range b.N {
					fullRoom(b, ev.args, ev.tables, k, notes)
				}
			})
		}
	}
}

func fullRoom(b *testing.B, demoArgs []string, tables, k, notes int) {
	r := openRoom(b, demoArgs...)
	restRSS := r.rss(b)
	r.profiling(true) // the resting heap, before any seat
	r.profiling(false)
	seats := make([]*vtTerm, k)
	defer func() {
		for _, t := range seats {
			if t != nil {
				t.close()
			}
		}
	}()
	// join seats seats[from:to], all at once, and waits for their screens.
	join := func(from, to int) {
		var wg sync.WaitGroup
		var failed sync.Once
		for i := from; i < to; i++ {
			role, table := "scribe", 1
			switch {
			case i == 1:
				role = "facilitator"
			case i > 1:
				table = 2 + (i-2)/2%(tables-1)
				if i%2 == 1 {
					role = "facilitator"
				}
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				t, err := dialTerm(r.addr, fmt.Sprintf("%s-%d", role, table), r.pass[role])
				if err != nil {
					failed.Do(func() { b.Errorf("seat %d: %v", i, err) })
					return
				}
				seats[i] = t
			}()
		}
		wg.Wait()
		if b.Failed() {
			b.FailNow()
		}
		for _, t := range seats[from:to] {
			t.waitFor(b, "TYPING", 60*time.Second)
		}
	}
	// Table 1's two seats first (the event's live model is loaded then),
	// the heap measured, then the others: the heap they add is theirs.
	join(0, min(2, k))
	if k > 2 {
		time.Sleep(time.Second)
		r.profiling(true)
		r.profiling(false)
		join(2, k)
	}
	time.Sleep(2 * time.Second) // the seats' first loads settle
	r.profiling(true)
	idle0 := r.cpu(b)
	time.Sleep(5 * time.Second)
	idle := (r.cpu(b) - idle0) / 5
	r.profiling(false)
	seatRSS := r.rss(b)

	b.ResetTimer()
	scribe, second := seats[0], seats[1]
	var own, other []time.Duration
	r.profiling(true)
	_, sys0 := r.times(b)
	cpu0, sw0 := r.cpu(b), r.switches(b)
	for i := range notes {
		start := time.Now()
		text := fmt.Sprintf("bench note %03d at table one", i)
		scribe.send(text)
		scribe.waitFor(b, "> "+text, 10*time.Second)
		mine, theirs := scribe.expect("✓ "+text), second.expect("✓ "+text)
		enter := time.Now()
		scribe.send("\r")
		for _, w := range []struct {
			c   <-chan time.Time
			out *[]time.Duration
		}{{mine, &own}, {theirs, &other}} {
			select {
			case at := <-w.c:
				*w.out = append(*w.out, at.Sub(enter))
			case <-time.After(20 * time.Second):
				b.Fatalf("note %d never showed; the second seat shows:\n%s", i, second.screen())
			}
		}
		time.Sleep(500*time.Millisecond - time.Since(start))
	}
	time.Sleep(300 * time.Millisecond) // the last note reaches the other seats
	cpu := r.cpu(b) - cpu0
	_, sys := r.times(b)
	sys -= sys0
	sw := r.switches(b) - sw0
	r.profiling(false)
	b.StopTimer()
	for _, t := range seats {
		t.close()
	}
	seats = nil
	time.Sleep(3 * time.Second)
	b.ReportMetric(ms(pct(own, 50)), "own-p50-ms")
	b.ReportMetric(ms(pct(own, 99)), "own-p99-ms")
	b.ReportMetric(ms(pct(other, 50)), "second-p50-ms")
	b.ReportMetric(ms(pct(other, 99)), "second-p99-ms")
	b.ReportMetric(ms(cpu)/float64(notes), "cpu-ms/note")
	b.ReportMetric(ms(sys)/float64(notes), "sys-ms/note")
	b.ReportMetric(float64(sw)/float64(notes), "switches/note")
	b.ReportMetric(ms(idle), "idle-cpu-ms/s")
	b.ReportMetric(restRSS, "rest-rss-MB")
	b.ReportMetric(seatRSS, "rss-MB")
	b.ReportMetric(r.rss(b), "left-rss-MB")
	if rest, ok := r.heap(1); ok {
		b.ReportMetric(rest/1024/1024, "rest-heap-MB")
	}
	if two, ok := r.heap(2); ok && k > 2 {
		if all, ok := r.heap(3); ok {
			b.ReportMetric(two/1024/1024, "two-seats-heap-MB")
			b.ReportMetric((all-two)/float64(k-2)/1024, "heap-KB/seat")
		}
	}
	b.ReportMetric(0, "ns/op")
}

// heap is the server's heap in use after its n-th profile, in bytes.
func (r *room) heap(n int) (float64, bool) {
	if r.profile == "" {
		return 0, false
	}
	raw, err := os.ReadFile(fmt.Sprintf("%s-%d.heap", r.profile, n))
	if err != nil {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(string(raw)), 64)
	return v, err == nil
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// pct is the p-th percentile of ds (nearest rank).
func pct(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := (p*len(s) + 99) / 100
	return s[max(min(i, len(s))-1, 0)]
}
