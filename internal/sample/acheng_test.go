package sample

import (
	"testing"
	"time"

	"fundcheck/checker"

	"github.com/shopspring/decimal"
)

func sum[T any](xs []T, f func(T) (decimal.Decimal, bool)) decimal.Decimal {
	s := decimal.Zero
	for _, x := range xs {
		if v, ok := f(x); ok {
			s = s.Add(v)
		}
	}
	return s
}

// The Acheng model must hold the report's own figures; the checker's tests
// rely on it reproducing RULES.md's worked example.
func TestAchengMatchesReport(t *testing.T) {
	wb := Acheng()
	if len(wb.Projects) != 39 {
		t.Errorf("projects = %d, want 39", len(wb.Projects))
	}
	eq := func(what string, got decimal.Decimal, want string) {
		t.Helper()
		if !got.Equal(decimal.RequireFromString(want)) {
			t.Errorf("%s = %s, want %s", what, got, want)
		}
	}
	eq("funds", sum(wb.Notices, func(n checker.Notice) (decimal.Decimal, bool) { return n.Amount.V, true }), "4950.68")
	for _, c := range []struct {
		level checker.Level
		want  string
	}{{checker.Central, "2399"}, {checker.Provincial, "2084"}, {checker.Municipal, "386"}, {checker.CountyLevel, "81.68"}} {
		eq(c.level.String(), sum(wb.Notices, func(n checker.Notice) (decimal.Decimal, bool) { return n.Amount.V, n.Level.V == c.level }), c.want)
	}
	for _, c := range []struct {
		cat   checker.Category
		want  string
		count int
	}{{checker.Industry, "3082.70", 16}, {checker.Infrastructure, "1808.50", 19}, {checker.OtherCategory, "59.48", 4}} {
		eq(c.cat.String(), sum(wb.Projects, func(p checker.Project) (decimal.Decimal, bool) { return p.Budget.V, p.Category.V == c.cat }), c.want)
	}
	for _, c := range []struct{ by, want string }{{"2023-07-15", "2713.55"}, {"2023-10-15", "4077.81"}, {"2023-12-25", "4709.77"}} {
		cut, _ := time.Parse("2006-01-02", c.by)
		eq("paid by "+c.by, sum(wb.Payments, func(p checker.Payment) (decimal.Decimal, bool) { return p.Amount.V, !p.Date.V.After(cut) }), c.want)
	}
	for _, p := range wb.Projects {
		paid := sum(wb.Payments, func(q checker.Payment) (decimal.Decimal, bool) { return q.Amount.V, q.ProjectID.V == p.ID.V })
		if paid.GreaterThan(p.Budget.V) {
			t.Errorf("%s: paid %s over budget %s", p.Name.V, paid, p.Budget.V)
		}
	}
	seen := map[string]bool{}
	for _, p := range wb.Payments {
		if !p.Amount.V.IsPositive() || seen[p.Voucher.V] {
			t.Errorf("payment %+v: non-positive or repeated voucher", p)
		}
		seen[p.Voucher.V] = true
	}
}
