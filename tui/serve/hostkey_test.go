package serve

import (
	"os"
	"path/filepath"
	"testing"
)

// TestTheHostKeyFolderKeepsItsPermissions: a first start with the host key
// in a shared folder (mode 1777, like /tmp) leaves the folder as it was,
// and the key is the owner's alone.
func TestTheHostKeyFolderKeepsItsPermissions(t *testing.T) {
	shared := filepath.Join(t.TempDir(), "shared")
	if err := os.Mkdir(shared, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(shared, 0o1777); err != nil {
		t.Fatal(err)
	}
	before, _ := os.Stat(shared)
	key := filepath.Join(shared, "forum_host_ed25519")
	if _, err := New(newRig(t, 1).eng, Config{HostKey: key}); err != nil {
		t.Fatal(err)
	}
	after, _ := os.Stat(shared)
	if before.Mode() != after.Mode() {
		t.Fatalf("the folder's mode went from %v to %v", before.Mode(), after.Mode())
	}
	fi, err := os.Stat(key)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the host key: %v, mode %v (want 0600)", err, fi.Mode().Perm())
	}
	// A second start reads the same key.
	first, _ := os.ReadFile(key)
	if _, err := New(newRig(t, 1).eng, Config{HostKey: key}); err != nil {
		t.Fatal(err)
	}
	if again, _ := os.ReadFile(key); string(again) != string(first) {
		t.Fatal("a second start replaced the host key")
	}
}
