//go:build !unix

package storage

// freeBytes is not known on this system.
func freeBytes(string) int64 { return -1 }
