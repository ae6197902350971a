// Command firstframe times a terminal program's first frame: it runs the
// command in an 80×24 pseudo-terminal, feeds what the program writes to a
// terminal emulator (which answers the program's queries, as a terminal
// would), and exits as soon as the screen shows the expected text,
// killing the program. Time it from outside (/usr/bin/time, or paired
// runs against the Bubble Tea hello-world in ./hello); docs/benchmarks.md
// gives the commands.
//
// Usage: go run ./docs/firstframe -want TEXT -- COMMAND [ARG ...]
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
)

func main() {
	want := flag.String("want", "", "the text the first frame shows")
	timeout := flag.Duration("timeout", 10*time.Second, "give up after this long")
	flag.Parse()
	if *want == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: firstframe -want TEXT -- COMMAND [ARG ...]")
		os.Exit(2)
	}
	if err := run(*want, *timeout, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "firstframe:", err)
		os.Exit(1)
	}
}

// run starts the command in the terminal and waits for the text.
func run(want string, timeout time.Duration, args []string) error {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 80})
	if err != nil {
		return fmt.Errorf("starting %s: %w", args[0], err)
	}
	defer func() {
		cmd.Process.Kill()
		cmd.Wait()
		tty.Close()
	}()
	term := vt.NewEmulator(80, 24)
	go io.Copy(tty, term) // the terminal's answers to the program's queries
	var mu sync.Mutex
	found := make(chan struct{})
	var once sync.Once
	go func() {
		buf := make([]byte, 32*1024)
		for {
			n, err := tty.Read(buf)
			if n > 0 {
				mu.Lock()
				term.Write(buf[:n])
				shown := strings.Contains(term.String(), want)
				mu.Unlock()
				if shown {
					once.Do(func() { close(found) })
				}
			}
			if err != nil {
				return
			}
		}
	}()
	select {
	case <-found:
		return nil
	case <-time.After(timeout):
		mu.Lock()
		defer mu.Unlock()
		return fmt.Errorf("%q not shown after %s; the screen:\n%s", want, timeout, term.String())
	}
}
