package storage

import (
	"testing"
	"time"
)

func TestFastTimestampsMatchTimeParse(t *testing.T) {
	for _, tm := range []time.Time{
		time.Date(2018, 1, 25, 9, 30, 0, 0, time.UTC),
		time.Date(2018, 1, 25, 9, 30, 0, 123456789, time.UTC),
		time.Date(2026, 12, 31, 23, 59, 59, 100, time.UTC),
		time.Date(2024, 2, 29, 0, 0, 0, 5_000_000, time.UTC),
	} {
		if got := parseTS(ts(tm)); !got.Equal(tm) || got.Location() != time.UTC {
			t.Errorf("parseTS(ts(%v)) = %v", tm, got)
		}
	}
	for _, s := range []string{"2018-02-31T00:00:00Z", "2018-01-25T09:30:00+01:00", "2018-01-25 09:30:00Z", "garbage", "2018-01-25T09:30:00.Z"} {
		want, _ := time.Parse(time.RFC3339Nano, s)
		if got := parseTS(s); !got.Equal(want) {
			t.Errorf("parseTS(%q) = %v, time.Parse gives %v", s, got, want)
		}
	}
}
