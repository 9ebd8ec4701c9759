package checker

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Ledger finding codes (TZ = 台账).
const (
	CodeUnknownProject  = "TZ401"
	CodeOverBudget      = "TZ402"
	CodeNonPositive     = "TZ403"
	CodePaymentDate     = "TZ404"
	CodeRepeatedVoucher = "TZ405"
	CodeDeclaredSpent   = "TZ406"
	CodeDeclaredRate    = "TZ407"
	CodeDeclaredBalance = "TZ408"
	CodeLedgerSubtotal  = "TZ409"
)

var ledgerRules = []Rule{
	{CodeUnknownProject, Error, "支付对应的项目不在项目清单中",
		"支付台账的每一笔支付都应对应项目清单中的一个项目（有项目编号时按编号对应，否则按项目名称）。对应不上说明资金用于项目库之外的项目，或编号、名称写错（指标4）。这笔钱仍计入支出合计。请改正编号或名称，确属清单外项目的，请说明资金用途。"},
	{CodeOverBudget, Error, "项目支付超过预算",
		"一个项目在支付台账中的支付合计不应超过它在项目清单中的预算。超支说明支付记错了项目、预算填少了，或资金超范围使用。请核对。"},
	{CodeNonPositive, Error, "支付金额不是正数",
		"支付金额必须大于0。为0或负数的行（如冲红、退回）不计入任何合计。冲销请直接在原支付行改正金额，或在报告中另行说明。"},
	{CodePaymentDate, Warning, "支付日期不在评价年度内或晚于数据截止日期",
		"本年资金的支付日期应在评价年度内，且不晚于基本信息的数据截止日期。超出范围多半是年份写错；晚于截止日期的支付不计入执行率。请核对。"},
	{CodeRepeatedVoucher, Warning, "凭证号重复",
		"同一个凭证号出现在支付台账的多行，可能是同一笔支付录入了两次，会使支出合计虚增。请核对，重复的删除，不同的支付请写各自的凭证号。"},
	{CodeDeclaredSpent, Error, "申报的累计支出与支付台账不符",
		"基本信息中申报的7月15日、10月15日和截止日期的累计支出，应等于支付台账中截至该日（含当日）的支付之和，按0.01万元比较（指标8、9据台账计分）。日期无法识别的支付和金额不是正数的支付不计入这些合计，信息中会注明。请核对台账是否完整，或改正申报数。"},
	{CodeDeclaredRate, Error, "申报预算执行率与计算值不符",
		"基本信息的“申报预算执行率”应等于截至数据截止日期的支付合计÷本年资金总额，四舍五入到0.01%。请按计算值改正。"},
	{CodeDeclaredBalance, Error, "申报结余与计算值不符",
		"基本信息的“申报结余”应等于本年资金总额减去截至数据截止日期的支付合计。请按计算值改正。"},
	{CodeLedgerSubtotal, Error, "支付台账的合计行与明细不符",
		"支付台账中的合计、小计行应等于它覆盖的支付行之和（不计金额不是正数的行）。请改正。"},
}

// links finds the project a payment is for: by 项目编号 when the payment
// gives one and the project list has numbers at all (otherwise the ledger's
// 编号 column means something else), else by name.
type links struct {
	byID   map[string]int
	byName map[string][]int
	useID  bool
}

func newLinks(ps []Project) links {
	l := links{byID: map[string]int{}, byName: map[string][]int{}}
	for i, p := range ps {
		if id := exactName(p.ID.V); p.ID.Set && id != "" {
			if _, ok := l.byID[id]; !ok {
				l.byID[id] = i
			}
		}
		if n := exactName(p.Name.V); p.Name.Set && n != "" {
			l.byName[n] = append(l.byName[n], i)
		}
	}
	l.useID = len(l.byID) > 0
	return l
}

// find returns the projects a payment may be for: one project, or every
// project of the name it gives; none when it is not in the list.
func (l links) find(pay Payment) []int {
	if id := exactName(pay.ProjectID.V); l.useID && pay.ProjectID.Set && id != "" {
		if i, ok := l.byID[id]; ok {
			return []int{i}
		}
		return nil
	}
	if n := exactName(pay.ProjectName.V); pay.ProjectName.Set && n != "" {
		return l.byName[n]
	}
	return nil
}

// ledger links each payment to its project and sums the payments at the
// checkpoints and the cut-off (RULES.md reading 2 says which rows count
// where).
func (r *run) ledger() {
	info := &r.wb.Info
	ps := r.wb.Projects
	l := newLinks(ps)

	var cps [3]time.Time
	if r.year > 0 {
		for i, c := range r.p.Checkpoints {
			cps[i] = c.In(r.year)
		}
		r.cutoff = time.Date(r.year, 12, 31, 0, 0, 0, 0, time.UTC)
		r.cutoffNote = "缺少数据截止日期，按" + ymd(r.cutoff) + "计"
	}
	if info.Cutoff.Set {
		r.cutoff, r.cutoffNote = info.Cutoff.V, ""
	}
	cps[2] = r.cutoff

	// paid is keyed by the first project of a budget group: the project
	// itself, or all projects of one name when a payment names it and the
	// name is listed more than once.
	paid := make(map[int]decimal.Decimal, len(ps))
	group := make(map[int][]int, len(ps))
	vouchers := newRepeats(len(r.wb.Payments))
	unknown := map[string]*unknownGroup{}
	var unknownOrder []string
	sums := newCheckpointSums(cps)

	for i, pay := range r.wb.Payments {
		if v := exactName(pay.Voucher.V); pay.Voucher.Set && v != "" {
			vouchers.add(v, i)
		}
		if !pay.Amount.Set {
			continue
		}
		if !pay.Amount.V.IsPositive() {
			r.add(Finding{Code: CodeNonPositive, Severity: Error, Refs: refs(pay.Amount.At),
				Message:    fmt.Sprintf("%s支付金额%s为%s万元，不是正数，不计入任何合计", rowOf(sheetLedger, pay.Amount.At, i), at(pay.Amount.At), money(pay.Amount.V)),
				Suggestion: "冲销请直接改正原支付行的金额"})
			r.nonPositive++
			continue
		}
		a := pay.Amount.V
		if members := l.find(pay); len(members) > 0 {
			key := members[0]
			paid[key] = paid[key].Add(a)
			if len(members) > len(group[key]) {
				group[key] = members
			}
		} else {
			r.unknownPay++
			k := unknownKey(pay, l.useID)
			g, seen := unknown[k]
			if !seen {
				g = &unknownGroup{}
				unknown[k] = g
				unknownOrder = append(unknownOrder, k)
			}
			g.rows = append(g.rows, i)
			g.sum = g.sum.Add(a)
		}
		if pay.Date.Set {
			r.paymentDate(i, pay)
			sums.add(day(pay.Date.V), a)
		} else {
			r.undated++
			r.undatedSum = r.undatedSum.Add(a)
		}
	}

	r.paid = sums.totals()
	r.unknownProjects(unknownOrder, unknown, l.byName)
	r.overBudget(paid, group)
	r.repeatedVouchers(vouchers)
	r.declaredSpending(cps)
	pays := r.wb.Payments
	r.checkSubtotals(PaymentTable, sheetLedger, len(pays),
		func(i int) (decimal.Decimal, bool) {
			a := pays[i].Amount
			if a.Set && !a.V.IsPositive() {
				return zero, true // left out of every sum (reading 2)
			}
			return a.V, a.Set
		},
		nil, CodeLedgerSubtotal, CodeLedgerSubtotal, CodeLedgerSubtotal)
}

// paymentDate checks that a payment was made in the year evaluated and by
// the cut-off.
func (r *run) paymentDate(i int, pay Payment) {
	var why []string
	if r.year > 0 && pay.Date.V.Year() != r.year {
		why = append(why, fmt.Sprintf("不在评价年度%d年内", r.year))
	}
	if r.wb.Info.Cutoff.Set && day(pay.Date.V) > day(r.cutoff) {
		why = append(why, "晚于数据截止日期"+ymd(r.cutoff)+"，不计入执行率")
	}
	if len(why) > 0 {
		r.add(Finding{Code: CodePaymentDate, Severity: Warning, Refs: refs(pay.Date.At),
			Message:    fmt.Sprintf("%s支付日期%s%s%s", rowOf(sheetLedger, pay.Date.At, i), ymd(pay.Date.V), at(pay.Date.At), strings.Join(why, "，")),
			Suggestion: "核对日期是否写错"})
	}
}

// checkpointSums adds up the payments made by each of the three
// checkpoints (the last one the cut-off). The checkpoints need not be in
// order — a cut-off can fall before 10-15 — so each payment goes once into
// the sum of the checkpoints it counts for, and the totals are made of those
// sums at the end: one addition per payment instead of three.
type checkpointSums struct {
	days [3]int64
	set  [3]bool
	sums [1 << 3]decimal.Decimal // by the set of checkpoints, a bit each
}

func newCheckpointSums(cps [3]time.Time) *checkpointSums {
	s := &checkpointSums{}
	for k, cp := range cps {
		s.days[k], s.set[k] = day(cp), !cp.IsZero()
	}
	return s
}

// add adds a payment of amount a made on day d.
func (s *checkpointSums) add(d int64, a decimal.Decimal) {
	set := 0
	for k, cp := range s.days {
		if s.set[k] && d <= cp {
			set |= 1 << k
		}
	}
	if set != 0 {
		s.sums[set] = s.sums[set].Add(a)
	}
}

// totals are the payments made by each checkpoint.
func (s *checkpointSums) totals() [3]decimal.Decimal {
	var t [3]decimal.Decimal
	for set, sum := range s.sums {
		for k := range t {
			if set&(1<<k) != 0 {
				t[k] = t[k].Add(sum)
			}
		}
	}
	return t
}

// overBudget compares each project's (or same-name group's) payments with
// its budget; a group with a budget missing is left to the reader's finding.
func (r *run) overBudget(paid map[int]decimal.Decimal, group map[int][]int) {
	ps := r.wb.Projects
	for i := range ps {
		members, ok := group[i]
		if !ok {
			continue
		}
		budget, known := zero, true
		for _, m := range members {
			budget = budget.Add(ps[m].Budget.V)
			known = known && ps[m].Budget.Set
		}
		if !known || !paid[i].GreaterThan(budget) || sameMoney(paid[i], budget) {
			continue
		}
		p := ps[i]
		what := fmt.Sprintf("%s“%s”", rowOf(sheetProjects, p.Name.At, i), p.Name.V)
		if len(members) > 1 {
			what = fmt.Sprintf("项目“%s”（同名%d行）", p.Name.V, len(members))
		}
		r.add(Finding{Code: CodeOverBudget, Severity: Error, Refs: refs(p.Budget.At),
			Message: fmt.Sprintf("%s预算%s万元%s，支付台账中支付合计%s万元，超支%s万元",
				what, money(budget), at(p.Budget.At), money(paid[i]), money(paid[i].Sub(budget))),
			Suggestion: "核对支付是否记错项目，或预算是否填少"})
	}
}

// repeats finds values that occur more than once in one pass: each value's
// first row, and a list only for the repeated ones, in the order they are
// first repeated.
type repeats struct {
	first map[string]int
	rows  map[string][]int
	order []string
}

func newRepeats(n int) *repeats {
	return &repeats{first: make(map[string]int, n), rows: map[string][]int{}}
}

func (rp *repeats) add(v string, i int) {
	f, ok := rp.first[v]
	if !ok {
		rp.first[v] = i
		return
	}
	if _, ok := rp.rows[v]; !ok {
		rp.order = append(rp.order, v)
		rp.rows[v] = []int{f}
	}
	rp.rows[v] = append(rp.rows[v], i)
}

func (r *run) repeatedVouchers(rp *repeats) {
	for _, v := range rp.order {
		rows := rp.rows[v]
		var rs []Ref
		var where []string
		for _, i := range rows {
			p := r.wb.Payments[i]
			rs = append(rs, p.Voucher.At)
			where = append(where, rowNo(p.Voucher.At, i))
		}
		r.add(Finding{Code: CodeRepeatedVoucher, Severity: Warning, Refs: refs(rs...),
			Message:    fmt.Sprintf("凭证号“%s”出现%d次：%s%s", v, len(rows), sheetLedger, strings.Join(where, "、")),
			Suggestion: "同一笔支付录入两次的，删除重复行"})
	}
}

// unknownGroup is the payments to one project that is not in 项目清单.
type unknownGroup struct {
	rows []int
	sum  decimal.Decimal
}

// unknownKey groups payments to unknown projects by the number or name they
// give ("" when they give neither).
func unknownKey(p Payment, useID bool) string {
	if id := exactName(p.ProjectID.V); useID && id != "" {
		return "编号:" + id
	}
	if n := exactName(p.ProjectName.V); n != "" {
		return "名称:" + n
	}
	return ""
}

// unknownProjects raises one finding per unknown project number or name,
// listing its payments, so that one misspelt name does not bury the rest.
func (r *run) unknownProjects(order []string, groups map[string]*unknownGroup, byName map[string][]int) {
	for _, key := range order {
		g := groups[key]
		first := r.wb.Payments[g.rows[0]]
		var rs []Ref
		var where []string
		for k, i := range g.rows {
			p := r.wb.Payments[i]
			cell := refs(p.ProjectID.At, p.ProjectName.At, p.Amount.At)
			if len(cell) > 0 {
				rs = append(rs, cell[0])
			}
			switch {
			case k < 10:
				where = append(where, rowNo(p.Amount.At, i))
			case k == 10:
				where = append(where, "…")
			}
		}
		paid := fmt.Sprintf("%s%s（%d笔，合计%s万元）", sheetLedger, strings.Join(where, "、"), len(g.rows), money(g.sum))
		f := Finding{Code: CodeUnknownProject, Severity: Error, Refs: rs,
			Suggestion: "改正项目编号或名称；确属清单外项目的，说明资金用途"}
		switch {
		case strings.HasPrefix(key, "编号:"):
			f.Message = fmt.Sprintf("%s的项目编号“%s”不在项目清单中，资金用于项目库外（指标4）", paid, first.ProjectID.V)
			if n := exactName(first.ProjectName.V); n != "" && len(byName[n]) > 0 {
				f.Message += fmt.Sprintf("；项目名称“%s”在清单中，可能是编号写错", first.ProjectName.V)
			}
		case strings.HasPrefix(key, "名称:"):
			f.Message = fmt.Sprintf("%s的项目“%s”不在项目清单中，资金用于项目库外（指标4）", paid, first.ProjectName.V)
		default:
			f.Message = paid + "未填项目编号和项目名称，无法对应项目清单（指标4）"
		}
		r.add(f)
	}
}

// declaredSpending checks the spending figures the county states against the
// ledger sums.
func (r *run) declaredSpending(cps [3]time.Time) {
	info := &r.wb.Info
	if cps[2].IsZero() {
		return
	}
	var left []string
	if r.undated > 0 {
		left = append(left, fmt.Sprintf("%d笔支付合计%s万元日期无法识别", r.undated, money(r.undatedSum)))
	}
	if r.nonPositive > 0 {
		left = append(left, fmt.Sprintf("%d笔金额不是正数", r.nonPositive))
	}
	undated := ""
	if len(left) > 0 {
		undated = "（另有" + strings.Join(left, "、") + "，未计入）"
	}
	keys := []string{"申报7月15日累计支出", "申报10月15日累计支出", "申报累计支出"}
	for k, d := range []Amount{info.DeclaredSpentJul, info.DeclaredSpentOct, info.DeclaredSpent} {
		if !d.Set || cps[k].IsZero() || sameMoney(d.V, r.paid[k]) {
			continue // without 评价年度 the checkpoints are unknown
		}
		r.add(Finding{Code: CodeDeclaredSpent, Severity: Error, Refs: refs(d.At),
			Message: fmt.Sprintf("基本信息“%s”%s填写%s万元，支付台账截至%s合计%s万元%s",
				keys[k], at(d.At), money(d.V), ymd(cps[k]), money(r.paid[k]), undated),
			Suggestion: "核对台账是否完整，或改正申报数"})
	}
	if r.totalMissing() != "" {
		return
	}
	spent := r.paid[2]
	if d := info.DeclaredRate; d.Set && !samePct(d.V, spent.Div(r.total)) {
		r.add(Finding{Code: CodeDeclaredRate, Severity: Error, Refs: refs(d.At),
			Message: fmt.Sprintf("基本信息“申报预算执行率”%s填写%s，截至%s支付%s万元÷本年资金%s万元应为%s%s",
				at(d.At), pct(d.V), ymd(cps[2]), money(spent), money(r.total), pct(spent.Div(r.total)), undated),
			Suggestion: "核对台账是否完整，或按计算值改正"})
	}
	if d := info.DeclaredBalance; d.Set && !sameMoney(d.V, r.total.Sub(spent)) {
		r.add(Finding{Code: CodeDeclaredBalance, Severity: Error, Refs: refs(d.At),
			Message: fmt.Sprintf("基本信息“申报结余”%s填写%s万元，本年资金%s万元减截至%s支付%s万元应为%s万元%s",
				at(d.At), money(d.V), money(r.total), ymd(cps[2]), money(spent), money(r.total.Sub(spent)), undated),
			Suggestion: "核对台账是否完整，或按计算值改正"})
	}
}
