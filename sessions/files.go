package sessions

import (
	"fmt"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes data to path so that a reader never sees a half
// written file: it writes a temporary file in the same folder, syncs it and
// renames it over path. On any error the old file (if any) is left as it was.
func WriteFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("cannot write in %s: %w", dir, err)
	}
	tmp := f.Name()
	fail := func(err error) error {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if _, err := f.Write(data); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Chmod(0o644); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// DefaultDBPath is where forum keeps its database when neither --db nor
// FORUM_DB says otherwise: $XDG_DATA_HOME/forum/forum.db, else
// ~/.local/share/forum/forum.db (the platform's config folder on macOS and
// Windows).
func DefaultDBPath() (string, error) {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "forum", "forum.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("cannot find your home folder; pass --db PATH: %w", err)
	}
	if dir, err := os.UserConfigDir(); err == nil && filepath.Dir(dir) != home {
		return filepath.Join(dir, "forum", "forum.db"), nil
	}
	return filepath.Join(home, ".local", "share", "forum", "forum.db"), nil
}
