package checker

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// run is one Check in progress: the workbook, the parameters in force, the
// sums the rules share and the findings so far, in the order they are made.
type run struct {
	wb       *Workbook
	p        Params
	year     int // 0 when 评价年度 is missing
	findings []Finding

	// This year's funds (资金下达), by level and by task.
	total   decimal.Decimal
	byLevel [len(levelNames)]decimal.Decimal
	byTask  [len(taskNames)]decimal.Decimal
	// amountBlank counts notices whose amount is blank or unreadable: the
	// total is then unknown, and nothing is measured against it.
	amountBlank int

	// Project budgets by category.
	catSum    [len(categoryNames)]decimal.Decimal
	catCount  [len(categoryNames)]int
	catBlank  [len(categoryNames)]int // projects whose budget is blank or unreadable
	projTotal decimal.Decimal

	// levelBlank counts notices with an amount but no readable 资金级次:
	// the shares by level are then unknown.
	levelBlank int

	// Ledger: cumulative payments at the two checkpoints and the cut-off.
	paid       [3]decimal.Decimal
	cutoff     time.Time
	cutoffNote string // set when the cut-off date is missing and a default is used
	unknownPay int    // payments to projects not in 项目清单
	// Payments left out of the checkpoint sums because their date could not
	// be read (RULES.md reading 2): how many and how much.
	undated     int
	undatedSum  decimal.Decimal
	nonPositive int // payments left out of every sum (reading 2)

	// Self-scores: the first row of each indicator, and indicator 11's
	// per-task rows.
	self     map[int]ScoreRow
	taskSelf map[Task]ScoreRow
}

func (r *run) add(f Finding) { r.findings = append(r.findings, f) }

// Check scores wb by the provincial method (RULES.md) and finds every
// inconsistency. The reader's problems come first in the findings, then the
// checker's own: parameters, funds, projects, ledger, scores, each in sheet
// order. Check never fails: what it cannot compute, an indicator's basis
// says.
func Check(wb *Workbook) *Report {
	if wb == nil {
		wb = &Workbook{}
	}
	p, overrides, pf := applyParams(wb.Params)
	r := &run{wb: wb, p: p, findings: pf}
	if wb.Info.Year.Set {
		r.year = wb.Info.Year.V
	}
	r.funds()
	r.projects()
	r.ledger()
	r.collectScores()
	inds := r.indicators()

	rep := &Report{
		Source:     wb.Source,
		County:     wb.Info.County.V,
		City:       wb.Info.City.V,
		Year:       r.year,
		Poverty:    wb.Info.PovertyCounty.Set && wb.Info.PovertyCounty.V,
		Indicators: inds,
		Overrides:  overrides,
	}
	r.total100(rep)
	r.declared(rep)

	rep.Findings = make([]Finding, 0, len(wb.Problems)+len(r.findings))
	rep.Findings = append(rep.Findings, wb.Problems...)
	rep.Findings = append(rep.Findings, r.findings...)
	return rep
}

// total100 sums the indicators, normalises to 100 when some do not apply,
// adds the clamped adjustments and grades the result.
func (r *run) total100(rep *Report) {
	base, adj, naMax := zero, zero, zero
	var na []string
	for _, in := range rep.Indicators {
		switch {
		case in.Method == NotApplicable:
			naMax = naMax.Add(in.Max)
			na = append(na, "指标"+itoa(in.No))
		case in.No <= 13:
			base = base.Add(in.Score)
		default:
			adj = adj.Add(in.Score)
		}
	}
	rep.Base = base
	rep.Adjustment = clampAdjust(adj)
	denom := hundred.Sub(naMax)
	rep.Normalized = normalize(base, denom)
	rep.Final = rep.Normalized.Add(rep.Adjustment)
	rep.Grade = r.p.grade(rep.Final)

	clamped := ""
	if !rep.Adjustment.Equal(adj) {
		clamped = fmt.Sprintf("（各项合计%s，按[-30,+3]截取）", signed(adj))
	}
	if len(na) == 0 {
		rep.Normalization = fmt.Sprintf("各指标均适用，基础得分%s，加减分%s%s，最终%s",
			pts(base), signed(rep.Adjustment), clamped, pts(rep.Final))
		return
	}
	why := ""
	if !rep.Poverty {
		why = "（非脱贫县）"
	}
	rep.Normalization = fmt.Sprintf("%s不适用%s，基础得分%s÷%s×100=%s，加减分%s%s，最终%s",
		strings.Join(na, "、"), why, pts(base), denom.String(), pts(rep.Normalized),
		signed(rep.Adjustment), clamped, pts(rep.Final))
}

// normalize scales base to 100 points when the applicable maxima add up to
// denom < 100; multiplying first keeps the quotient exact to the rounding.
func normalize(base, denom decimal.Decimal) decimal.Decimal {
	if denom.Equal(hundred) || !denom.IsPositive() {
		return base
	}
	return round2(base.Mul(hundred).Div(denom))
}

var (
	adjustMin = dec(-30)
	adjustMax = dec(3)
)

func clampAdjust(d decimal.Decimal) decimal.Decimal { return clamp(d, adjustMin, adjustMax) }

// grade is A / B / C / D by the grade bounds.
func (p Params) grade(final decimal.Decimal) string {
	switch {
	case final.GreaterThanOrEqual(p.GradeA):
		return "A"
	case final.GreaterThanOrEqual(p.GradeB):
		return "B"
	case final.GreaterThanOrEqual(p.GradeC):
		return "C"
	}
	return "D"
}
