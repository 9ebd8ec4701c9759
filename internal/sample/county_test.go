package sample

import (
	"reflect"
	"testing"
	"time"

	"fundcheck/checker"

	"github.com/shopspring/decimal"
)

// checkConsistent fails t for everything in wb that a clean county must not
// have: declared figures that do not follow from the data, overspent
// projects, payments outside the year, repeated names or vouchers.
func checkConsistent(t *testing.T, wb *checker.Workbook) {
	t.Helper()
	y := wb.Info.Year.V
	eq := func(what string, got, want decimal.Decimal) {
		t.Helper()
		if !got.Equal(want) {
			t.Errorf("%s = %s, want %s", what, got, want)
		}
	}
	funds := sum(wb.Notices, func(n checker.Notice) (decimal.Decimal, bool) { return n.Amount.V, true })
	eq("申报资金总额", wb.Info.DeclaredTotal.V, funds)
	for _, l := range checker.Levels {
		part := sum(wb.Notices, func(n checker.Notice) (decimal.Decimal, bool) { return n.Amount.V, n.Level.V == l })
		if !part.IsPositive() {
			t.Errorf("no %s funds", l)
		}
		eq("申报"+l.String()+"资金占比", wb.Info.DeclaredLevelShare[l].V, part.Div(funds).Round(4))
	}
	for _, task := range checker.Tasks {
		notices := sum(wb.Notices, func(n checker.Notice) (decimal.Decimal, bool) { return n.Amount.V, n.Task.V == task })
		projects := sum(wb.Projects, func(p checker.Project) (decimal.Decimal, bool) { return p.Budget.V, p.Task.V == task })
		eq(task.String()+" projects", projects, notices)
	}
	industry := sum(wb.Projects, func(p checker.Project) (decimal.Decimal, bool) { return p.Budget.V, p.Category.V == checker.Industry })
	eq("申报产业资金占比", wb.Info.DeclaredIndustryShare.V, industry.Div(funds).Round(4))

	for _, n := range wb.Notices {
		if n.Level.V == checker.CountyLevel {
			continue
		}
		lo, hi := time.Date(y-1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
		r, a := n.Received.V, n.Approved.V
		if r.Before(lo) || a.After(hi) || a.Before(r) || a.Sub(r) > 45*24*time.Hour {
			t.Errorf("notice %s: received %s, approved %s", n.DocNo.V, r.Format(time.DateOnly), a.Format(time.DateOnly))
		}
	}

	for _, s := range wb.Subtotals {
		got := sum(wb.Projects[s.From:s.To], func(p checker.Project) (decimal.Decimal, bool) { return p.Budget.V, true })
		eq(s.Label.V, s.Amount.V, got)
		eq(s.Label.V+" 占比", s.Share.V, got.Div(funds).Round(4))
		for _, p := range wb.Projects[s.From:s.To] {
			if s.Category != checker.CategoryUnknown && p.Category.V != s.Category {
				t.Errorf("%s covers %s of %s", s.Label.V, p.Name.V, p.Category.V)
			}
		}
	}

	names := map[string]bool{}
	budget := map[string]decimal.Decimal{}
	for _, p := range wb.Projects {
		if names[p.Name.V] || !p.Budget.V.IsPositive() {
			t.Errorf("project %s: repeated or budget %s", p.Name.V, p.Budget.V)
		}
		names[p.Name.V] = true
		budget[p.ID.V] = p.Budget.V
		if p.Task.V == checker.TaskWorkRelief && p.Labour.V.LessThan(p.Budget.V.Mul(decimal.RequireFromString("0.15"))) {
			t.Errorf("%s: labour pay %s below 15%% of %s", p.Name.V, p.Labour.V, p.Budget.V)
		}
	}
	paid := map[string]decimal.Decimal{}
	vouchers := map[string]bool{}
	cut := wb.Info.Cutoff.V
	jul, oct := time.Date(y, 7, 15, 0, 0, 0, 0, time.UTC), time.Date(y, 10, 15, 0, 0, 0, 0, time.UTC)
	var byJul, byOct, all decimal.Decimal
	for i, p := range wb.Payments {
		if _, ok := budget[p.ProjectID.V]; !ok || vouchers[p.Voucher.V] || !p.Amount.V.IsPositive() {
			t.Fatalf("payment %d: unknown project, repeated voucher or amount %s", i, p.Amount.V)
		}
		vouchers[p.Voucher.V] = true
		if d := p.Date.V; d.Year() != y || d.After(cut) || (i > 0 && d.Before(wb.Payments[i-1].Date.V)) {
			t.Fatalf("payment %d dated %s (cut-off %s)", i, d.Format(time.DateOnly), cut.Format(time.DateOnly))
		}
		paid[p.ProjectID.V] = paid[p.ProjectID.V].Add(p.Amount.V)
		all = all.Add(p.Amount.V)
		if !p.Date.V.After(jul) {
			byJul = byJul.Add(p.Amount.V)
		}
		if !p.Date.V.After(oct) {
			byOct = byOct.Add(p.Amount.V)
		}
	}
	for id, v := range paid {
		if v.GreaterThan(budget[id]) {
			t.Errorf("project %s paid %s over its budget %s", id, v, budget[id])
		}
	}
	eq("申报7月15日累计支出", wb.Info.DeclaredSpentJul.V, byJul)
	eq("申报10月15日累计支出", wb.Info.DeclaredSpentOct.V, byOct)
	eq("申报累计支出", wb.Info.DeclaredSpent.V, all)
	eq("申报结余", wb.Info.DeclaredBalance.V, funds.Sub(all))
	eq("申报预算执行率", wb.Info.DeclaredRate.V, all.Div(funds).Round(4))
	if len(wb.Scores) != 17 {
		t.Errorf("%d score rows, want 17", len(wb.Scores))
	}
}

func TestCountyConsistent(t *testing.T) {
	for _, c := range []struct {
		name string
		seed int64
		opt  CountyOptions
	}{
		{"default", 1, CountyOptions{}},
		{"poverty", 2, CountyOptions{Name: "示例县", Poverty: true}},
		{"smallest", 3, CountyOptions{Projects: 1, Payments: 1}},
		{"fewer payments than projects", 4, CountyOptions{Projects: 30, Payments: 12}},
		{"many payments", 5, CountyOptions{Projects: 200, Payments: 20000, Year: 2024}},
	} {
		t.Run(c.name, func(t *testing.T) {
			wb := County(c.seed, c.opt)
			checkConsistent(t, wb)
			if want := max(c.opt.Projects, 5); c.opt.Projects != 0 && len(wb.Projects) != want {
				t.Errorf("%d projects, want %d", len(wb.Projects), want)
			}
			if c.opt.Payments != 0 && len(wb.Payments) != c.opt.Payments {
				t.Errorf("%d payments, want %d", len(wb.Payments), c.opt.Payments)
			}
			if c.opt.Poverty != wb.Info.PovertyCounty.V || c.opt.Poverty != wb.Info.Integrated.Set {
				t.Errorf("poverty %v: 是否脱贫县 %v, 整合资金 set %v", c.opt.Poverty, wb.Info.PovertyCounty.V, wb.Info.Integrated.Set)
			}
		})
	}
}

func TestCountyDeterministic(t *testing.T) {
	a, b := County(7, CountyOptions{Projects: 25}), County(7, CountyOptions{Projects: 25})
	if !reflect.DeepEqual(a, b) {
		t.Error("the same seed gave two different counties")
	}
	if c := County(8, CountyOptions{Projects: 25}); reflect.DeepEqual(a.Projects, c.Projects) {
		t.Error("two seeds gave the same projects")
	}
}

func BenchmarkCounty(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		b.Run(decimal.NewFromInt(int64(n)).String(), func(b *testing.B) {
			for b.Loop() {
				County(1, CountyOptions{Projects: 500, Payments: n})
			}
		})
	}
}

// A synthetic county with its self-scores filled in is clean: the checker
// finds nothing, and every self-score, the total and the grade agree.
func TestCountyClean(t *testing.T) {
	for _, c := range []struct {
		seed int64
		opt  CountyOptions
	}{
		{1, CountyOptions{}},
		{2, CountyOptions{Poverty: true}},
		{3, CountyOptions{Projects: 5, Payments: 5}},
		{4, CountyOptions{Projects: 120, Payments: 2000, Year: 2025}},
		{2023, CountyOptions{Name: "示例县", Projects: 36, Payments: 150}},
	} {
		wb := WithSelfScores(County(c.seed, c.opt))
		r := checker.Check(wb)
		for _, f := range r.Findings {
			t.Errorf("seed %d: %s %s %v %s", c.seed, f.Code, f.Severity, f.Refs, f.Message)
		}
		for _, ind := range r.Indicators {
			if ind.Method != checker.NotApplicable && (!ind.Self.Set || !ind.Self.V.Equal(ind.Score)) {
				t.Errorf("seed %d: indicator %d self %v, computed %s", c.seed, ind.No, ind.Self, ind.Score)
			}
		}
		if !wb.Info.DeclaredNormalized.V.Equal(r.Final) || wb.Info.DeclaredGrade.V != r.Grade {
			t.Errorf("seed %d: declared %s %s, computed %s %s", c.seed, wb.Info.DeclaredNormalized.V, wb.Info.DeclaredGrade.V, r.Final, r.Grade)
		}
	}
}
