package sessions

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"forum/model"
)

// One rule decides every record changed on two laptops. Each record has a
// version vector (which databases changed it, how often): when one side's
// vector covers the other's, that side is newer and wins; when neither
// does, the record was changed apart (a conflict) and the winner is the
// higher version, then the later change time, then the higher hash of its
// content, the same on every laptop and in every order. Every version
// that does not win is kept in the record's history; the winner's vector
// becomes the join of both, so merging the same file again changes nothing.

// tally counts what a merge did, for one table or the set-up.
type tally struct{ Added, Changed, Same int }

// mergeLog is what a merge found, by table ("" for the event's set-up).
type mergeLog struct {
	counts     map[model.ID]*tally
	conflicts  []string
	notCounted []string
	kept       []model.Kept
	revisions  []model.Contribution
	names      map[model.ID]string
	// dirty is set when the merge changed anything.
	dirty bool
}

func (l *mergeLog) count(table model.ID) *tally {
	t := l.counts[table]
	if t == nil {
		t = &tally{}
		l.counts[table] = t
	}
	return t
}

// kind describes one kind of record to the rule.
type kind[T any] struct {
	entity string
	key    func(T) string
	stamp  func(*T) *model.Stamp
	table  func(T) model.ID
	label  func(T) string
	// note: losers are kept as note revisions, not in the record history.
	note bool
}

// body is a record's content without its vector, and its hash.
func body[T any](k kind[T], r T) ([]byte, string) {
	st := k.stamp(&r)
	st.Vector = ""
	b, _ := json.Marshal(r)
	sum := sha256.Sum256(b)
	return b, hex.EncodeToString(sum[:8])
}

// wins reports whether a beats b when they were changed apart.
func wins[T any](k kind[T], a, b T) bool {
	sa, sb := k.stamp(&a), k.stamp(&b)
	if sa.Version != sb.Version {
		return sa.Version > sb.Version
	}
	if !sa.UpdatedAt.Equal(sb.UpdatedAt) {
		return sa.UpdatedAt.After(sb.UpdatedAt)
	}
	_, ha := body(k, a)
	_, hb := body(k, b)
	return ha > hb
}

// mergeKind merges incoming records into local ones by key.
func mergeKind[T any](l *mergeLog, k kind[T], local, incoming []T) []T {
	out := make([]T, 0, len(local)+len(incoming))
	at := map[string]int{}
	for _, r := range local {
		at[k.key(r)] = len(out)
		out = append(out, r)
	}
	keys := map[string]bool{}
	for _, r := range incoming {
		key := k.key(r)
		if keys[key] {
			continue
		}
		keys[key] = true
		i, ok := at[key]
		if !ok {
			at[key] = len(out)
			out = append(out, r)
			l.count(k.table(r)).Added++
			l.dirty = true
			continue
		}
		mine := out[i]
		bm, _ := body(k, mine)
		br, _ := body(k, r)
		vm, vr := k.stamp(&mine).Vector, k.stamp(&r).Vector
		if string(bm) == string(br) {
			if j := vm.Join(vr); j != vm {
				k.stamp(&mine).Vector = j
				out[i] = mine
				l.dirty = true
			}
			l.count(k.table(r)).Same++
			continue
		}
		winner, loser := mine, r
		switch vm.Compare(vr) {
		case model.Before:
			winner, loser = r, mine
		case model.After:
		default:
			if wins(k, r, mine) {
				winner, loser = r, mine
			}
			what := k.label(winner)
			if other := k.label(loser); other != what {
				what += " (kept) and " + other
			}
			l.conflicts = append(l.conflicts, fmt.Sprintf("%s: %s changed on both laptops; kept the version saved at %[4]s (version %[3]d), the other is in its history",
				l.where(k.table(r)), what, k.stamp(&winner).Version, k.stamp(&winner).UpdatedAt.Format("15:04:05")))
		}
		keepFor(l, k, loser)
		k.stamp(&winner).Vector = vm.Join(vr)
		if string(bm) != string(mustBody(k, winner)) || k.stamp(&mine).Vector != k.stamp(&winner).Vector {
			l.count(k.table(r)).Changed++
			l.dirty = true
		} else {
			l.count(k.table(r)).Same++
		}
		out[i] = winner
	}
	return out
}

func mustBody[T any](k kind[T], r T) []byte { b, _ := body(k, r); return b }

// keep puts a losing version in its record's history.
func keepFor[T any](l *mergeLog, k kind[T], r T) {
	st := k.stamp(&r)
	st.Vector = ""
	if k.note {
		if c, ok := any(r).(model.Contribution); ok { // as revisions are read back
			c.GroupID, c.CreatedAt = "", time.Time{}
			l.revisions = append(l.revisions, c)
			return
		}
	}
	if u, ok := any(r).(unit[model.Vote]); ok { // ballots are kept vote by vote
		for _, v := range u.Rows {
			l.keepVote(v)
		}
		return
	}
	b, h := body(k, r)
	l.kept = append(l.kept, model.Kept{Entity: k.entity, RecordID: model.ID(k.key(r)), Version: st.Version, Hash: h, Data: b})
}

func (l *mergeLog) where(table model.ID) string {
	if table == "" {
		return "set-up"
	}
	if n := l.names[table]; n != "" {
		return n
	}
	return "table " + table.Short()
}

// unit is a set of rows that change together (a voter's ballot, a
// table's key messages, a rater's levels), merged as one record.
type unit[T any] struct {
	Key   string
	Table model.ID
	Rows  []T
	model.Stamp
}

// units groups rows by key; a unit's version is its rows'.
func units[T any](rows []T, key func(T) string, table func(T) model.ID, stamp func(*T) *model.Stamp, id func(T) model.ID) []unit[T] {
	by := map[string]*unit[T]{}
	var order []string
	for _, r := range rows {
		k := key(r)
		u := by[k]
		if u == nil {
			u = &unit[T]{Key: k, Table: table(r)}
			by[k] = u
			order = append(order, k)
		}
		u.Rows = append(u.Rows, r)
		st := *stamp(&r)
		if st.Version > u.Version {
			u.Version = st.Version
		}
		u.Vector = u.Vector.Join(st.Vector)
		if st.UpdatedAt.After(u.UpdatedAt) {
			u.UpdatedAt = st.UpdatedAt
		}
	}
	out := make([]unit[T], 0, len(order))
	for _, k := range order {
		u := by[k]
		sort.Slice(u.Rows, func(i, j int) bool { return id(u.Rows[i]) < id(u.Rows[j]) })
		for i := range u.Rows { // the rows' own vectors are the unit's
			stamp(&u.Rows[i]).Vector = ""
		}
		out = append(out, *u)
	}
	return out
}

// rows flattens units back, each row carrying its unit's version.
func rows[T any](us []unit[T], stamp func(*T) *model.Stamp) []T {
	var out []T
	for _, u := range us {
		for _, r := range u.Rows {
			st := stamp(&r)
			st.Version, st.Vector = u.Version, u.Vector
			out = append(out, r)
		}
	}
	return out
}

func unitKind[T any](entity string, label func(unit[T]) string) kind[unit[T]] {
	return kind[unit[T]]{entity: entity, key: func(u unit[T]) string { return u.Key },
		stamp: func(u *unit[T]) *model.Stamp { return &u.Stamp }, table: func(u unit[T]) model.ID { return u.Table }, label: label}
}

func keyOf(parts ...string) string { return strings.Join(parts, "|") }

// keepVote keeps a vote that is not counted in the event's history.
// Its round is left out: rounds closed apart are merged by their number,
// so which round id it had depends on the order of the files.
func (l *mergeLog) keepVote(v model.Vote) {
	v.RoundID = ""
	b, h := body(kind[model.Vote]{stamp: voteStamp}, v)
	l.kept = append(l.kept, model.Kept{Entity: "ballot", RecordID: v.ID, Version: v.Version, Hash: h, Data: b})
}
