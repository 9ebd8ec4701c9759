package checker

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// TestCheckpointSums: the sums by checkpoint equal a plain sum of the
// payments made by each, whatever the order of the checkpoints and with
// some of them not set.
func TestCheckpointSums(t *testing.T) {
	d := func(m time.Month, day int) time.Time { return time.Date(2023, m, day, 0, 0, 0, 0, time.UTC) }
	for _, cps := range [][3]time.Time{
		{d(6, 30), d(10, 15), d(12, 31)},
		{d(6, 30), d(10, 15), d(9, 30)}, // a cut-off before 10-15
		{d(10, 15), d(6, 30), d(1, 1)},
		{{}, d(10, 15), d(12, 31)},
		{{}, {}, {}},
	} {
		rng := rand.New(rand.NewPCG(7, 11))
		s := newCheckpointSums(cps)
		var want [3]decimal.Decimal
		for range 500 {
			on := d(1, 1).AddDate(0, 0, rng.IntN(400)-20)
			a := decimal.New(rng.Int64N(1_000_000), -2)
			s.add(day(on), a)
			for k, cp := range cps {
				if !cp.IsZero() && !on.After(cp) {
					want[k] = want[k].Add(a)
				}
			}
		}
		got := s.totals()
		for k := range got {
			if !got[k].Equal(want[k]) {
				t.Errorf("checkpoints %v: sum %d is %s, want %s", cps, k, got[k], want[k])
			}
		}
	}
}
