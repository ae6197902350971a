package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"runtime/pprof"
	"strconv"
	"syscall"
)

// profileEnv names the environment variable that lets 'forum serve' write
// CPU profiles of itself, for the benchmarks (docs/benchmarks.md): with
// FORUM_CPUPROFILE=PATH set, each SIGUSR1 starts a profile into PATH-1,
// PATH-2, … and SIGUSR2 ends it, then writes the heap in use after a
// collection (bytes, one number) to PATH-N.heap and a heap profile to
// PATH-N.heap.pprof. Without the variable nothing listens.
const profileEnv = "FORUM_CPUPROFILE"

// profileOnSignal starts and stops CPU profiles on SIGUSR1 and SIGUSR2
// until ctx ends, when a profile still running is written out.
func profileOnSignal(ctx context.Context, path string, logf func(string, ...any)) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGUSR1, syscall.SIGUSR2)
	go func() {
		defer signal.Stop(sig)
		var f *os.File
		n := 0
		stop := func() {
			if f == nil {
				return
			}
			pprof.StopCPUProfile()
			f.Close()
			f = nil
			runtime.GC()
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			if err := os.WriteFile(fmt.Sprintf("%s-%d.heap", path, n), []byte(strconv.FormatUint(m.HeapInuse, 10)), 0o644); err != nil {
				logf("heap: %v", err)
			}
			if h, err := os.Create(fmt.Sprintf("%s-%d.heap.pprof", path, n)); err == nil {
				_ = pprof.WriteHeapProfile(h)
				h.Close()
			}
		}
		defer stop()
		for {
			select {
			case <-ctx.Done():
				return
			case s := <-sig:
				stop()
				if s != syscall.SIGUSR1 {
					continue
				}
				n++
				var err error
				if f, err = os.Create(fmt.Sprintf("%s-%d", path, n)); err != nil {
					logf("cpu profile: %v", err)
					continue
				}
				if err := pprof.StartCPUProfile(f); err != nil {
					logf("cpu profile: %v", err)
					f.Close()
					f = nil
				}
			}
		}
	}()
}
