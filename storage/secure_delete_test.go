package storage

import (
	"context"
	"testing"
)

// A changed or withdrawn ballot must leave nothing behind in the file's
// free pages: the writer deletes securely (zeroing what it frees).
func TestTheWriterDeletesSecurely(t *testing.T) {
	s, err := Open(context.Background(), t.TempDir()+"/forum.db", Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var on int
	if err := s.w.QueryRowContext(context.Background(), "PRAGMA secure_delete").Scan(&on); err != nil {
		t.Fatal(err)
	}
	if on != 1 {
		t.Fatalf("secure_delete is %d on the writer: a replaced ballot's bytes stay in free pages", on)
	}
}
