package sessions

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// ErrNotRegular is wrapped by a refusal to write over something that is
// not a regular file: a device, a pipe, a socket or a folder.
var ErrNotRegular = errors.New("not a regular file")

// regularTarget is where a write to path lands: path itself, or the file a
// symbolic link at path points to (the link is kept). It refuses a path
// that is, or links to, anything but a regular file or nothing yet, with a
// sentence saying what to do instead. It also returns the mode to keep.
func regularTarget(path string) (string, os.FileMode, error) {
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		target, err := filepath.EvalSymlinks(path)
		if err != nil {
			return "", 0, fmt.Errorf("%s is a link to %s, which cannot be reached (%w); name a file instead", path, readlink(path), err)
		}
		path = target
	}
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return path, 0o644, nil
	case err != nil:
		return "", 0, fmt.Errorf("cannot write %s: %w", path, err)
	case fi.IsDir():
		return "", 0, fmt.Errorf("%s is a folder: %w; name a file inside it, such as %s", path, ErrNotRegular, filepath.Join(path, "report"+filepath.Ext(path)))
	case !fi.Mode().IsRegular():
		return "", 0, fmt.Errorf("%s is a device, a pipe or a socket: %w, so forum does not write over it; name a file instead", path, ErrNotRegular)
	}
	return path, fi.Mode().Perm(), nil
}

func readlink(path string) string {
	t, err := os.Readlink(path)
	if err != nil {
		return "?"
	}
	return t
}

// WriteFileAtomic writes data to path so that a reader never sees a half
// written file: it writes a temporary file in the same folder, syncs it and
// renames it over path. On any error the old file (if any) is left as it was.
// Only regular files are written: a device, a pipe, a socket or a folder
// at path is refused (ErrNotRegular); through a symbolic link, the file it
// points to is written and the link stays. A file that existed keeps its
// permissions.
func WriteFileAtomic(path string, data []byte) error {
	path, mode, err := regularTarget(path)
	if err != nil {
		return err
	}
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
	if err := f.Chmod(mode); err != nil {
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
