package storage

import (
	"context"
	"time"
)

// watchLoop polls PRAGMA data_version on its own connection, which changes
// whenever another connection (in this process or another) commits, and
// tells subscribers.
func (s *Store) watchLoop(interval time.Duration) {
	defer close(s.done)
	t := time.NewTicker(interval)
	defer t.Stop()
	last := int64(-1)
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		var v int64
		err := s.watch.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v)
		cancel()
		if err != nil {
			continue
		}
		if last >= 0 && v != last {
			s.notify()
		}
		last = v
	}
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
		s.watch.Close()
		if e := s.r.Close(); e != nil {
			err = e
		}
		if e := s.w.Close(); e != nil {
			err = e
		}
	})
	return err
}
