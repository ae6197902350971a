package sessions

import (
	"testing"

	"forum/model"
)

func TestDemoThemesClusterAsWritten(t *testing.T) {
	f := newFixture(t)
	id, err := f.eng.Demo(f.ctx, "o", DemoOptions{})
	if err != nil {
		t.Fatal(err)
	}
	snap, err := f.eng.Snapshot(f.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	// Start from no cross-cutting themes, whatever the demo accepted.
	snap.Links = nil
	all := themesAt(snap)
	if len(all) != 28 {
		t.Fatalf("the demo has %d themes, want 28 (7 tables, 4 each)", len(all))
	}
	clusters := ProposeClusters(snap)
	if len(clusters) != 4 {
		for _, c := range clusters {
			t.Logf("%s: %d themes, %.2f", c.Name, len(c.Themes), c.Score)
		}
		t.Fatalf("%d clusters, want the 4 the demo was written with", len(clusters))
	}
	names := map[string]bool{}
	for _, c := range clusters {
		names[c.Name] = true
		if len(c.Themes) != 7 {
			t.Errorf("%s gathers %d themes, want one from each of the 7 tables", c.Name, len(c.Themes))
		}
		for _, th := range c.Themes {
			if th.Theme.Name != c.Name {
				t.Errorf("the cluster %q holds %s %s's %q", c.Name, th.Area.Code, th.Table.Name, th.Theme.Name)
			}
		}
		if c.Score < ClusterThreshold {
			t.Errorf("%s: average similarity %.2f below the threshold %.2f", c.Name, c.Score, ClusterThreshold)
		}
	}
	for _, n := range []string{"Workforce and relationships", "Shared ways of working", "Records and data sharing", "Estates and money"} {
		if !names[n] {
			t.Errorf("no cluster %q", n)
		}
	}
}

func TestAcceptingAClusterMakesOneCrossCuttingTheme(t *testing.T) {
	f := newFixture(t)
	id, err := f.eng.Demo(f.ctx, "o", DemoOptions{})
	if err != nil {
		t.Fatal(err)
	}
	snap, _ := f.eng.Snapshot(f.ctx, id)
	before := len(CrossCutting(snap))
	var target Cluster
	for _, c := range ProposeClusters(snap) {
		if c.Name == "Estates and money" || target.Name == "" {
			target = c
		}
	}
	if target.Name == "" {
		t.Skip("the demo has every cluster accepted already")
	}
	var ids []model.ID
	for _, th := range target.Themes {
		ids = append(ids, th.Theme.ID)
	}
	if err := f.eng.AcceptCluster(f.ctx, "o", "Estates, buildings and money", ids); err != nil {
		t.Fatal(err)
	}
	snap, _ = f.eng.Snapshot(f.ctx, id)
	cross := CrossCutting(snap)
	if len(cross) != before+1 && !(len(target.Joined) > 0 && len(cross) == before) {
		t.Fatalf("%d cross-cutting themes after accepting one cluster, want %d", len(cross), before+1)
	}
	var got *CrossTheme
	for i := range cross {
		if cross[i].Name == "Estates, buildings and money" {
			got = &cross[i]
		}
	}
	if got == nil || len(got.Themes) != len(ids) {
		t.Fatalf("the accepted cluster is not one cross-cutting theme of its %d themes under its new name: %+v", len(ids), cross)
	}
	for _, c := range ProposeClusters(snap) {
		for _, th := range c.Themes {
			if th.Theme.ID == ids[0] && !c.Joined[ids[0]] {
				t.Error("an accepted theme is proposed again as new")
			}
		}
		if len(c.Themes) == len(ids) && c.Name == "Estates, buildings and money" {
			t.Error("the accepted cluster is proposed again")
		}
	}
	// A cluster with two themes of one table is refused, and nothing changes.
	b, _ := f.eng.Board(f.ctx, id)
	var same []model.ID
	for _, th := range themesAt(snap) {
		if th.Table.ID == b.Groups[0].ID {
			same = append(same, th.Theme.ID)
		}
	}
	if err := f.eng.AcceptCluster(f.ctx, "o", "x", same[:2]); err == nil {
		t.Error("two themes of one table were made a cross-cutting theme")
	}
	after, _ := f.eng.Snapshot(f.ctx, id)
	if len(after.Links) != len(snap.Links) {
		t.Error("a refused cluster changed the links")
	}
}

func TestPairLinksAcceptedBeforeBecomeClustersAndRejectionsHold(t *testing.T) {
	f := newFixture(t)
	id, err := f.eng.Demo(f.ctx, "o", DemoOptions{})
	if err != nil {
		t.Fatal(err)
	}
	snap, _ := f.eng.Snapshot(f.ctx, id)
	open := ProposeClusters(snap)
	if len(open) == 0 {
		t.Fatal("the demo leaves no cluster to accept")
	}
	name := open[0].Name
	records := open[0].Themes
	// Accept two pairs of the open cluster the old way, two by two.
	if err := f.eng.LinkThemes(f.ctx, "o", records[0].Theme.ID, records[1].Theme.ID, model.LinkAccepted, 0.9); err != nil {
		t.Fatal(err)
	}
	if err := f.eng.LinkThemes(f.ctx, "o", records[1].Theme.ID, records[2].Theme.ID, model.LinkAccepted, 0.9); err != nil {
		t.Fatal(err)
	}
	snap, _ = f.eng.Snapshot(f.ctx, id)
	var rec *Cluster
	clusters := ProposeClusters(snap)
	for i := range clusters {
		if clusters[i].Name == name {
			rec = &clusters[i]
		}
	}
	if rec == nil || len(rec.Themes) != 7 || !rec.Joined[records[0].Theme.ID] || rec.Joined[records[6].Theme.ID] {
		t.Fatalf("the two accepted links do not seed one cluster that the other tables join: %+v", rec)
	}
	// Rejecting the cluster keeps what was accepted and stops proposing it.
	var ids []model.ID
	for _, th := range rec.Themes {
		ids = append(ids, th.Theme.ID)
	}
	if err := f.eng.RejectCluster(f.ctx, "o", id, ids); err != nil {
		t.Fatal(err)
	}
	snap, _ = f.eng.Snapshot(f.ctx, id)
	found := false
	for _, c := range CrossCutting(snap) {
		if len(c.Themes) == 3 && c.Name == name {
			found = true
		}
	}
	if !found {
		t.Error("rejecting the cluster undid the links accepted before")
	}
	for _, c := range ProposeClusters(snap) {
		if c.Name == name {
			t.Errorf("a rejected cluster is proposed again with %d themes", len(c.Themes))
		}
	}
}
