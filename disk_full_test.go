//go:build linux

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestAFullDiskAtOpenSaysSoAndLeavesNothing mounts a 64 KB filesystem,
// nearly fills it, and asks the real binary to make a database there.
func TestAFullDiskAtOpenSaysSoAndLeavesNothing(t *testing.T) {
	mnt := filepath.Join(t.TempDir(), "small")
	os.Mkdir(mnt, 0o755)
	if err := syscall.Mount("tmpfs", mnt, "tmpfs", 0, "size=64k"); err != nil {
		t.Skipf("cannot mount a small filesystem here (needs root in a system that allows it): %v", err)
	}
	t.Cleanup(func() { syscall.Unmount(mnt, 0) })
	for _, fill := range []int{64 << 10, 40 << 10} { // full, then nearly full
		os.WriteFile(filepath.Join(mnt, "fill"), make([]byte, fill), 0o644)
		db := filepath.Join(mnt, "forum.db")
		_, errs, code := forum(t, nil, "--db", db, "demo")
		if code == 0 || !strings.Contains(errs, "is full") || !strings.Contains(errs, "free some space") {
			t.Fatalf("with %d KB used: exit %d, %q", fill>>10, code, errs)
		}
		left, _ := os.ReadDir(mnt)
		if len(left) != 1 {
			var names []string
			for _, e := range left {
				names = append(names, e.Name())
			}
			t.Fatalf("a failed open left files behind: %v", names)
		}
		os.Remove(filepath.Join(mnt, "fill"))
	}
}
