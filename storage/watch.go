package storage

import (
	"context"
	"time"
)

// watchLoop polls PRAGMA data_version on the writer connection. Its value
// changes only when another connection commits (this process's own commits
// all go through that connection and are told about by Update itself), so a
// change means another process wrote: the hooks and subscribers are told
// once, with All set.
// last is the value read when the store opened, so that a commit made
// before the first poll is not missed.
func (s *Store) watchLoop(interval time.Duration, last int64) {
	defer close(s.done)
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		v, err := s.DataVersion(ctx)
		cancel()
		if err != nil {
			continue
		}
		if last >= 0 && v != last {
			s.committed(Changes{All: true, External: true})
		}
		last = v
	}
}

// DataVersion is SQLite's data_version on the writer connection: it
// changes when another connection (another process) commits, and only
// then. With a count of this process's own commits it says whether what
// was read earlier is still the file's content, without waiting for the
// change watch's next poll.
func (s *Store) DataVersion(ctx context.Context) (int64, error) {
	var v int64
	err := s.w.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v)
	return v, err
}

// notify wakes every subscriber without blocking: a subscriber that has not
// yet taken the last signal simply gets one signal for both.
func (s *Store) notify() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, ch := range s.subs {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}

func (s *Store) subscribe() (<-chan struct{}, func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ch := make(chan struct{}, 1)
	if s.subs == nil { // closed
		close(ch)
		return ch, func() {}
	}
	id := s.nextSub
	s.nextSub++
	s.subs[id] = ch
	return ch, func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		if c, ok := s.subs[id]; ok {
			delete(s.subs, id)
			close(c)
		}
	}
}

func (s *Store) close() error {
	var err error
	s.once.Do(func() {
		close(s.stop)
		<-s.done
		s.mu.Lock()
		for id, ch := range s.subs {
			close(ch)
			delete(s.subs, id)
		}
		s.subs = nil
		s.mu.Unlock()
		s.rs.close()
		s.ws.close()
		if e := s.r.Close(); e != nil {
			err = e
		}
		if e := s.w.Close(); e != nil {
			err = e
		}
	})
	return err
}
