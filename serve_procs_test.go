package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeRunsOnOneCoreUnlessToldOtherwise runs the real binary twice,
// without and with GOMAXPROCS, and reads the cores it runs on from the
// first line of its log.
func TestServeRunsOnOneCoreUnlessToldOtherwise(t *testing.T) {
	dir, db := demoServer(t)
	for _, c := range []struct{ env, want string }{{"", "procs=1"}, {"GOMAXPROCS=2", "procs=2"}} {
		logPath := filepath.Join(dir, "serve-"+strings.TrimPrefix(c.env, "GOMAXPROCS=")+".log")
		cmd := exec.Command(bin, "--db", db, "serve", "--listen", "127.0.0.1:0", "--log", logPath)
		cmd.Env = []string{"HOME=" + dir}
		if c.env != "" {
			cmd.Env = append(cmd.Env, c.env)
		}
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		for sc := bufio.NewScanner(out); sc.Scan() && !strings.Contains(sc.Text(), "ssh -p"); {
		}
		var line string
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			b, _ := os.ReadFile(logPath)
			if first, _, ok := strings.Cut(string(b), "\n"); ok {
				line = first
				break
			}
		}
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
		if !strings.Contains(line, "server started") || !strings.Contains(line, c.want) {
			t.Errorf("with %q in the environment the log begins %q, want %s", c.env, line, c.want)
		}
	}
}
