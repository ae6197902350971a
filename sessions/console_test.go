package sessions

import (
	"strings"
	"testing"
	"time"

	"forum/model"
)

func TestTimerPausesExtendsAndIsStored(t *testing.T) {
	f := newFixture(t)
	v := f.london()
	g := v.Group.ID
	f.goTo(g, "vision") // 15 minutes, started now
	f.now = f.now.Add(5 * time.Minute)
	if paused, err := f.eng.PauseTimer(f.ctx, "fac", g); err != nil || !paused {
		t.Fatalf("pause: %v %v", paused, err)
	}
	f.now = f.now.Add(20 * time.Minute) // a long interruption
	v = f.table(g)
	if left := v.Group.Left(v.Stage, f.now); left != 10*time.Minute || v.Group.Clock(v.Stage, f.now) != model.ClockPaused {
		t.Fatalf("while paused: %v left", left)
	}
	if paused, _ := f.eng.PauseTimer(f.ctx, "fac", g); paused {
		t.Fatal("the second press did not resume")
	}
	if extra, err := f.eng.ExtendTimer(f.ctx, "fac", g, 5); err != nil || extra != 5 {
		t.Fatalf("extend: %d %v", extra, err)
	}
	f.now = f.now.Add(time.Minute)
	v = f.table(g) // as a second seat, or a restart, would read it
	if left := v.Group.Left(v.Stage, f.now); left != 14*time.Minute {
		t.Fatalf("after resuming and extending: %v left, want 14m", left)
	}
	if _, err := f.eng.ExtendTimer(f.ctx, "fac", g, MaxExtraMinutes); err == nil {
		t.Error("extended beyond the limit")
	}
	f.goTo(g, "journey")
	if v = f.table(g); v.Group.ExtraMinutes != 0 || !v.Group.PausedAt.IsZero() || v.Group.PausedFor != 0 {
		t.Fatalf("the next stage inherited the clock: %+v", v.Group)
	}
}

func TestLockedStageTakesNoNotes(t *testing.T) {
	f := newFixture(t)
	v := f.london()
	g := v.Group.ID
	f.goTo(g, "journey")
	f.capture(g, "before the lock")
	if err := f.eng.LockStage(f.ctx, "fac", g, "journey", true); err != nil {
		t.Fatal(err)
	}
	if _, err := f.eng.Capture(f.ctx, "s", g, "after the lock", nil, ""); err == nil || !strings.Contains(err.Error(), "locked") {
		t.Fatalf("capture in a locked stage: %v", err)
	}
	if err := f.eng.LockStage(f.ctx, "fac", g, "journey", false); err != nil {
		t.Fatal(err)
	}
	f.capture(g, "after unlocking")
	if n := len(f.table(g).Notes); n != 2 {
		t.Fatalf("%d notes", n)
	}
	if err := f.eng.LockStage(f.ctx, "fac", g, "nonsense", true); err == nil {
		t.Error("locked a stage that does not exist")
	}
}

func TestMaturityRatingsGiveTheProfile(t *testing.T) {
	f := newFixture(t)
	v := f.london()
	g := v.Group.ID
	if err := f.eng.RateMaturity(f.ctx, "fac", g, "R1", []int{1, 2, 3, 4, 1, 2}); err != nil {
		t.Fatal(err)
	}
	if err := f.eng.RateMaturity(f.ctx, "fac", g, "R2", []int{3, 2, 3, 4, 0, 2}); err != nil {
		t.Fatal(err)
	}
	if err := f.eng.RateMaturity(f.ctx, "fac", g, "R3", []int{9}); err == nil {
		t.Error("a level outside the model was accepted")
	}
	if err := f.eng.RateMaturity(f.ctx, "fac", g, "R1", []int{2, 2, 3, 4, 1, 2}); err != nil { // R1 changes their mind
		t.Fatal(err)
	}
	p := f.table(g).Profile
	if len(p) != 6 || p[0].Median != 2.5 || p[0].Raters != 2 || p[4].Raters != 1 || p[0].Split {
		t.Fatalf("profile %+v", p)
	}
}
