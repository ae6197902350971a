package sessions

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/time/rate"

	"forum/model"
)

// Role is what a seat may do.
type Role string

// The roles a seat can have.
const (
	// RoleOrganiser may do everything.
	RoleOrganiser Role = "organiser"
	// RoleFacilitator and RoleScribe run their own table.
	RoleFacilitator Role = "facilitator"
	RoleScribe      Role = "scribe"
	// RoleParticipant casts an anonymous ballot at their own table.
	RoleParticipant Role = "participant"
	// RoleObserver reads everything and changes nothing.
	RoleObserver Role = "observer"
)

// AllRoles lists every role.
var AllRoles = []Role{RoleOrganiser, RoleFacilitator, RoleScribe, RoleParticipant, RoleObserver}

// ParseRole reads a role name.
func ParseRole(s string) (Role, error) {
	for _, r := range AllRoles {
		if strings.EqualFold(s, string(r)) {
			return r, nil
		}
	}
	return "", fmt.Errorf("unknown role %q: one of organiser, facilitator, scribe, participant, observer", s)
}

// AtTable reports whether the role belongs to one table.
func (r Role) AtTable() bool {
	return r == RoleFacilitator || r == RoleScribe || r == RoleParticipant
}

// Seat is someone connected from elsewhere (over SSH): their role, the
// event and, for table roles, the table; a participant also has the voter
// code their ballot is cast under. Its limiter caps how fast it may write.
type Seat struct {
	Role  Role
	Event model.ID
	Table model.ID
	Voter string
	// Number is the table's number ("Table 3": 3) when known, which names
	// the seat in logs so that tables can be told apart.
	Number int
	// Tables, for a table's pack, are all the tables the laptop holds
	// (Table is the first); Pack marks such a seat.
	Tables []model.ID
	Pack   bool
	limit  *rate.Limiter
}

// At reports whether the seat works at a table.
func (s *Seat) At(table model.ID) bool {
	if table == s.Table {
		return true
	}
	for _, t := range s.Tables {
		if t == table {
			return true
		}
	}
	return false
}

// SeatWritesPerSecond and SeatWriteBurst cap one seat's writes: well above
// any typist, well below a script hammering the database.
const (
	SeatWritesPerSecond = 10
	SeatWriteBurst      = 30
)

// NewSeat returns a seat with its own write limiter.
func NewSeat(role Role, event, table model.ID) *Seat {
	return &Seat{Role: role, Event: event, Table: table, limit: rate.NewLimiter(SeatWritesPerSecond, SeatWriteBurst)}
}

// String names the seat for logs and the audit log: "scribe-3" (or
// "scribe@<table id>" when the table's number is not known). It never
// holds the voter code.
func (s *Seat) String() string {
	if s.Table != "" && s.Number > 0 {
		return fmt.Sprintf("%s-%d", s.Role, s.Number)
	}
	if s.Table != "" {
		return string(s.Role) + "@" + s.Table.Short()
	}
	return string(s.Role)
}

type seatKey struct{}

// WithSeat marks every engine call made with the returned context as made
// by the seat, so that the engine allows only what the seat's role allows.
// Calls without a seat are the local user's, who may do everything.
func WithSeat(ctx context.Context, s *Seat) context.Context {
	return context.WithValue(ctx, seatKey{}, s)
}

// SeatOf returns the seat a context was marked with, or nil.
func SeatOf(ctx context.Context) *Seat {
	s, _ := ctx.Value(seatKey{}).(*Seat)
	return s
}

// Named refusals for seats.
var (
	ErrForbidden = errors.New("not allowed for this seat")
	ErrTooFast   = errors.New("too many changes at once from this seat; wait a moment")
)

// need is what an operation needs of a seat.
type need int

const (
	needOrganise need = iota // set-up and event lifecycle
	needWrite                // change one table's notes, stage, roles…
	needVote                 // cast a ballot at one table
	needRead                 // read one table
	needReadAll              // read a whole event
)

// allow checks the context's seat against what an operation needs (table:
// the table it touches), and applies the seat's write limit.
func allow(ctx context.Context, n need, table model.ID) error {
	s := SeatOf(ctx)
	if s == nil {
		return nil
	}
	ok := false
	switch n {
	case needOrganise:
		ok = s.Role == RoleOrganiser
	case needWrite:
		ok = s.Role == RoleOrganiser || ((s.Role == RoleFacilitator || s.Role == RoleScribe) && s.At(table))
	case needVote:
		ok = s.Role == RoleOrganiser || (s.Role.AtTable() && s.At(table))
	case needRead:
		ok = s.Role == RoleOrganiser || s.Role == RoleObserver || s.At(table)
	case needReadAll:
		ok = s.Role == RoleOrganiser || s.Role == RoleObserver || s.Pack
	}
	if !ok {
		return fmt.Errorf("%w: a %s seat cannot do this", ErrForbidden, s.Role)
	}
	if n != needRead && n != needReadAll && s.limit != nil && !s.limit.Allow() {
		return ErrTooFast
	}
	return nil
}
