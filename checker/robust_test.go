package checker_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"fundcheck/checker"

	"github.com/shopspring/decimal"
)

// mutation damages a workbook the way a bad file or a careless caller
// might: a field unset, an amount negative or absurd, a value outside its
// enum, a date that is the zero time.
type mutation func(r *rand.Rand, wb *checker.Workbook)

func pick[T any](r *rand.Rand, s []T) (int, bool) {
	if len(s) == 0 {
		return 0, false
	}
	return r.IntN(len(s)), true
}

var weirdAmounts = []string{"0", "-0.01", "-1000000", "1e20", "0.000001", "99999999999999.99", "-1e-30"}

func weird(r *rand.Rand) decimal.Decimal {
	return decimal.RequireFromString(weirdAmounts[r.IntN(len(weirdAmounts))])
}

// farPast is the earliest date the reader gives (it refuses earlier years).
var farPast = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)

var mutations = []mutation{
	func(r *rand.Rand, wb *checker.Workbook) { wb.Notices = nil },
	func(r *rand.Rand, wb *checker.Workbook) { wb.Projects = nil },
	func(r *rand.Rand, wb *checker.Workbook) { wb.Payments = nil },
	func(r *rand.Rand, wb *checker.Workbook) { wb.Scores = nil },
	func(r *rand.Rand, wb *checker.Workbook) { wb.Subtotals = nil },
	func(r *rand.Rand, wb *checker.Workbook) { wb.Info = checker.Info{} },
	func(r *rand.Rand, wb *checker.Workbook) { wb.Info.Year = checker.Value[int]{} },
	func(r *rand.Rand, wb *checker.Workbook) {
		wb.Info.Year.V = []int{0, -1, 1, 1900, 2020, 2024, 9999}[r.IntN(7)]
	},
	func(r *rand.Rand, wb *checker.Workbook) { wb.Info.Cutoff = checker.Date{} },
	func(r *rand.Rand, wb *checker.Workbook) { wb.Info.Cutoff = checker.Date{V: farPast, Set: true} },
	func(r *rand.Rand, wb *checker.Workbook) { wb.Info.PovertyCounty = checker.Flag{V: true, Set: true} },
	func(r *rand.Rand, wb *checker.Workbook) {
		for _, v := range []*checker.Amount{&wb.Info.LastTotal, &wb.Info.LastSpent, &wb.Info.LastIndustry,
			&wb.Info.LastCountyBudget, &wb.Info.CountyBudget, &wb.Info.Integrated, &wb.Info.IntegratedSpent,
			&wb.Info.OldBalance, &wb.Info.IncomeAll, &wb.Info.IncomePoor, &wb.Info.GrowthAll, &wb.Info.GrowthPoor,
			&wb.Info.ProblemsFound, &wb.Info.ProblemsFixed, &wb.Info.HotlineIssues, &wb.Info.HotlineHandled,
			&wb.Info.ProvinceAvgJul, &wb.Info.ProvinceAvgOct} {
			if r.IntN(3) == 0 {
				v.V, v.Set = weird(r), true
			}
		}
	},
	func(r *rand.Rand, wb *checker.Workbook) {
		if i, ok := pick(r, wb.Notices); ok {
			wb.Notices[i].Amount.V = weird(r)
		}
	},
	func(r *rand.Rand, wb *checker.Workbook) {
		for i := range wb.Notices {
			wb.Notices[i].Amount.V = decimal.Zero // no funds at all
		}
	},
	func(r *rand.Rand, wb *checker.Workbook) {
		if i, ok := pick(r, wb.Notices); ok {
			wb.Notices[i].Level.V = checker.Level(r.IntN(256))
			wb.Notices[i].Task.V = checker.Task(r.IntN(256))
		}
	},
	func(r *rand.Rand, wb *checker.Workbook) {
		if i, ok := pick(r, wb.Notices); ok {
			wb.Notices[i].Received = checker.Date{V: farPast, Set: true}
			wb.Notices[i].Approved = checker.Date{V: time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC), Set: true}
		}
	},
	func(r *rand.Rand, wb *checker.Workbook) {
		if i, ok := pick(r, wb.Projects); ok {
			wb.Projects[i].Budget.V = weird(r)
			wb.Projects[i].Labour = checker.Amount{V: weird(r), Set: true}
		}
	},
	func(r *rand.Rand, wb *checker.Workbook) {
		if i, ok := pick(r, wb.Projects); ok {
			wb.Projects[i].Category.V = checker.Category(r.IntN(256))
			wb.Projects[i].Task.V = checker.Task(r.IntN(256))
		}
	},
	func(r *rand.Rand, wb *checker.Workbook) {
		if i, ok := pick(r, wb.Projects); ok {
			wb.Projects[i].Budget.Set = false
			wb.Projects[i].Name = checker.Text{}
			wb.Projects[i].ID = checker.Text{}
		}
	},
	func(r *rand.Rand, wb *checker.Workbook) {
		if i, ok := pick(r, wb.Payments); ok {
			wb.Payments[i].Amount.V = weird(r)
		}
	},
	func(r *rand.Rand, wb *checker.Workbook) {
		if i, ok := pick(r, wb.Payments); ok {
			wb.Payments[i].Date = checker.Date{V: farPast, Set: r.IntN(2) == 0}
			wb.Payments[i].ProjectID, wb.Payments[i].ProjectName = checker.Text{}, checker.Text{}
		}
	},
	func(r *rand.Rand, wb *checker.Workbook) {
		if i, ok := pick(r, wb.Subtotals); ok {
			wb.Subtotals[i].From, wb.Subtotals[i].To = r.IntN(1000)-500, r.IntN(1000)-500
			wb.Subtotals[i].Table = checker.Table(r.IntN(5))
			wb.Subtotals[i].Category = checker.Category(r.IntN(256))
		}
	},
	func(r *rand.Rand, wb *checker.Workbook) {
		if i, ok := pick(r, wb.Scores); ok {
			wb.Scores[i].No.V = r.IntN(40) - 10
			wb.Scores[i].Self = checker.Value[decimal.Decimal]{V: weird(r), Set: true}
			wb.Scores[i].Task = checker.Value[checker.Task]{V: checker.Task(r.IntN(256)), Set: true}
		}
	},
	func(r *rand.Rand, wb *checker.Workbook) {
		keys := checker.ParamKeys()
		k := keys[r.IntN(len(keys))].Key
		raw := []string{"0", "-1", "1e9", "100%", "0.5", "abc", "02-29", "12-31", "01-01"}[r.IntN(9)]
		wb.Params = append(wb.Params, checker.Param{Key: checker.Text{V: k, Set: true}, Raw: checker.Text{V: raw, Set: true}})
	},
}

// TestCheckSurvivesDamage applies random mutations to sound counties and
// checks that Check neither panics nor breaks its own invariants: every
// indicator within its range, adjustments within [-30, +3], a grade, and
// every finding registered, placed and worded.
func TestCheckSurvivesDamage(t *testing.T) {
	r := rand.New(rand.NewPCG(2023, 185))
	bases := []func() *checker.Workbook{
		func() *checker.Workbook { return county(10, 20, false) },
		func() *checker.Workbook { return county(10, 20, true) },
		mini,
		func() *checker.Workbook { return &checker.Workbook{} },
	}
	for i := range 1500 {
		wb := bases[i%len(bases)]()
		var applied []int
		for range 1 + r.IntN(5) {
			k := r.IntN(len(mutations))
			applied = append(applied, k)
			mutations[k](r, wb)
		}
		name := fmt.Sprintf("case %d base %d mutations %v", i, i%len(bases), applied)
		rep := func() (rep *checker.Report) {
			defer func() {
				if p := recover(); p != nil {
					t.Fatalf("%s: panic: %v", name, p)
				}
			}()
			return checker.Check(wb)
		}()
		checkInvariants(t, name, rep)
	}
	if rep := checker.Check(nil); rep == nil || len(rep.Indicators) != 17 {
		t.Error("Check(nil) must give a report of 17 indicators")
	}
}

func checkInvariants(t *testing.T, name string, rep *checker.Report) {
	t.Helper()
	for _, in := range rep.Indicators {
		lo, hi := decimal.Zero, in.Max
		if in.Max.IsNegative() {
			lo, hi = in.Max, decimal.Zero
		}
		if in.Score.LessThan(lo) || in.Score.GreaterThan(hi) {
			t.Errorf("%s: indicator %d = %s outside [%s, %s]: %s", name, in.No, in.Score, lo, hi, in.Basis)
		}
		if in.Basis == "" || strings.Contains(in.Basis, "%!") || strings.Contains(in.Basis, "0001-01-01") {
			t.Errorf("%s: indicator %d basis %q", name, in.No, in.Basis)
		}
	}
	if rep.Adjustment.LessThan(decimal.NewFromInt(-30)) || rep.Adjustment.GreaterThan(decimal.NewFromInt(3)) {
		t.Errorf("%s: adjustment %s outside [-30, +3]", name, rep.Adjustment)
	}
	if !strings.Contains("ABCD", rep.Grade) || len(rep.Grade) != 1 {
		t.Errorf("%s: grade %q", name, rep.Grade)
	}
	if !rep.Final.Equal(rep.Normalized.Add(rep.Adjustment)) {
		t.Errorf("%s: final %s ≠ normalised %s + adjustment %s", name, rep.Final, rep.Normalized, rep.Adjustment)
	}
	for _, f := range rep.Findings {
		rule, ok := checker.LookupRule(f.Code)
		if !ok || rule.Severity != f.Severity {
			t.Errorf("%s: finding %s with severity %v is not registered so", name, f.Code, f.Severity)
		}
		if f.Message == "" || strings.Contains(f.Message+f.Suggestion, "%!") || strings.Contains(f.Message, "0001-01-01") {
			t.Errorf("%s: finding %s badly worded: %q", name, f.Code, f.Message)
		}
	}
}
