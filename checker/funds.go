package checker

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Fund finding codes (ZJ = 资金).
const (
	CodeFundTotal       = "ZJ201"
	CodeLevelShare      = "ZJ202"
	CodeForcedShare     = "ZJ203"
	CodeNoticeSubtotal  = "ZJ204"
	CodeApprovedEarly   = "ZJ205"
	CodeNoticeDate      = "ZJ206"
	CodeNoticeSlow      = "ZJ207"
	CodeCountyBudgetSum = "ZJ208"
)

var fundRules = []Rule{
	{CodeFundTotal, Error, "申报资金总额与资金下达合计不符",
		"基本信息的“申报资金总额（万元）”应等于资金下达工作表各行金额之和（本年各级衔接资金合计），按0.01万元比较。不一致说明报告的总额或资金下达表有遗漏或错录。资金下达有金额未填或无法识别的行时，本年资金总额不完整，不核对总额和各项占比，依赖总额的指标8、9、11、12按自评计分。请核对每个下达文件的金额，改正总额或补全资金下达表。"},
	{CodeLevelShare, Error, "申报的各级资金占比与计算值不符",
		"基本信息的“申报中央/省级/市级/县级资金占比”应等于该级次资金下达合计÷本年资金总额，四舍五入到0.01%。不一致说明占比算错或金额有误。资金下达表中有资金级次未填或无法识别的行时，各级合计不确定，不核对占比。请按计算值改正。"},
	{CodeForcedShare, Error, "资金占比被凑成100%",
		"各级资金占比分别四舍五入后，合计不一定正好是100%（可能是99.99%或100.01%）。报告为了凑成100.00%改动了其中一项，使这一项不再等于它的实际占比（如阿城区县级资金81.68÷4950.68=1.65%，报告写1.64%）。请每一项都填写各自四舍五入的结果，合计不等于100%是正常的尾差。"},
	{CodeNoticeSubtotal, Error, "资金下达的合计行与明细不符",
		"资金下达工作表中的合计、小计行应等于它所覆盖的明细行之和（小计覆盖上一个合计行之后的各行，合计、总计覆盖全表）。不一致说明明细有遗漏或合计算错。请改正。"},
	{CodeApprovedEarly, Error, "落实到项目日期早于收到文件日期",
		"资金不可能在收到下达文件之前落实到项目。通常是两个日期填反或年份写错。这一行不参与指标3的计算。请核对文件和批复的日期。"},
	{CodeNoticeDate, Warning, "下达文件日期不在合理范围内",
		"本年资金的收到文件日期和落实到项目日期应在评价年度上一年的1月1日至评价年度的12月31日之间（本年资金常在上年年底提前下达）。超出范围多半是年份写错。请核对。"},
	{CodeNoticeSlow, Hint, "资金落实到项目超过满分天数",
		"指标3按每个下达文件从收到文件到落实到项目的天数计分：不超过45天得满分，超过60天得0分，之间按比例（天数可由参数表调整）。这一提示列出超过满分天数的文件，即指标3扣分的依据。"},
	{CodeCountyBudgetSum, Error, "县本级衔接资金预算与资金下达县级合计不符",
		"基本信息的“县本级衔接资金预算（万元）”应等于资金下达工作表中资金级次为县级的各行之和。指标1采用基本信息的数。请核对两处金额。"},
}

// funds sums this year's funds and checks the 资金下达 sheet and the
// declared totals and shares against them.
func (r *run) funds() {
	info := &r.wb.Info
	countyRows := 0
	for _, n := range r.wb.Notices {
		if !n.Amount.Set {
			r.amountBlank++
			continue
		}
		r.total = r.total.Add(n.Amount.V)
		lv := n.Level.V
		if int(lv) >= len(r.byLevel) {
			lv = LevelUnknown
		}
		r.byLevel[lv] = r.byLevel[lv].Add(n.Amount.V)
		if lv == LevelUnknown {
			r.levelBlank++
		}
		if lv == CountyLevel {
			countyRows++
		}
		t := n.Task.V
		if t == TaskUnknown || int(t) >= len(r.byTask) {
			t = TaskConsolidate // blank means 巩固拓展 (TEMPLATE.md)
		}
		r.byTask[t] = r.byTask[t].Add(n.Amount.V)
	}
	for i, n := range r.wb.Notices {
		r.noticeDates(i, n)
	}

	if info.DeclaredTotal.Set && r.amountBlank == 0 && !sameMoney(info.DeclaredTotal.V, r.total) {
		r.add(Finding{Code: CodeFundTotal, Severity: Error, Refs: refs(info.DeclaredTotal.At),
			Message: fmt.Sprintf("基本信息“申报资金总额”%s填写%s万元，资金下达各行合计%s万元",
				at(info.DeclaredTotal.At), money(info.DeclaredTotal.V), money(r.total)),
			Suggestion: "核对资金下达表是否漏填或错填了下达文件，再改正申报资金总额"})
	}
	if info.CountyBudget.Set && countyRows > 0 && !sameMoney(info.CountyBudget.V, r.byLevel[CountyLevel]) {
		r.add(Finding{Code: CodeCountyBudgetSum, Severity: Error, Refs: refs(info.CountyBudget.At),
			Message: fmt.Sprintf("基本信息“县本级衔接资金预算”%s填写%s万元，资金下达中县级各行合计%s万元（指标1采用前者）",
				at(info.CountyBudget.At), money(info.CountyBudget.V), money(r.byLevel[CountyLevel])),
			Suggestion: "核对县级预算文件，改正两处中错的一处"})
	}
	r.levelShares()
	r.checkSubtotals(NoticeTable, sheetNotices, len(r.wb.Notices),
		func(i int) (decimal.Decimal, bool) { n := r.wb.Notices[i]; return n.Amount.V, n.Amount.Set },
		nil, CodeNoticeSubtotal, CodeNoticeSubtotal, CodeNoticeSubtotal)
}

// totalMissing says why this year's total funds cannot be measured
// against, or "" when they can.
func (r *run) totalMissing() string {
	switch {
	case r.amountBlank > 0:
		return fmt.Sprintf("完整的本年资金总额（资金下达有%d行金额未填或无法识别）", r.amountBlank)
	case !r.total.IsPositive():
		return "本年资金（资金下达合计为0）"
	}
	return ""
}

// noticeDates checks one notice's dates: order, plausible window, and the
// days indicator 3 counts.
func (r *run) noticeDates(i int, n Notice) {
	what := rowOf(sheetNotices, n.Amount.At, i) + noticeName(n)
	if r.year > 0 {
		lo := time.Date(r.year-1, 1, 1, 0, 0, 0, 0, time.UTC)
		hi := time.Date(r.year, 12, 31, 0, 0, 0, 0, time.UTC)
		for _, d := range []struct {
			v    Date
			name string
		}{{n.Received, "收到文件日期"}, {n.Approved, "落实到项目日期"}} {
			if d.v.Set && (day(d.v.V) < day(lo) || day(d.v.V) > day(hi)) {
				r.add(Finding{Code: CodeNoticeDate, Severity: Warning, Refs: refs(d.v.At),
					Message:    fmt.Sprintf("%s的%s%s为%s，不在%s至%s之间", what, d.name, at(d.v.At), ymd(d.v.V), ymd(lo), ymd(hi)),
					Suggestion: "核对年份是否写错"})
			}
		}
	}
	if !n.Received.Set || !n.Approved.Set {
		return
	}
	days := day(n.Approved.V) - day(n.Received.V)
	if days < 0 {
		r.add(Finding{Code: CodeApprovedEarly, Severity: Error, Refs: refs(n.Approved.At, n.Received.At),
			Message: fmt.Sprintf("%s的落实到项目日期%s%s早于收到文件日期%s%s，这一行不参与指标3的计算",
				what, ymd(n.Approved.V), at(n.Approved.At), ymd(n.Received.V), at(n.Received.At)),
			Suggestion: "核对两个日期是否填反或年份写错"})
		return
	}
	if days > int64(r.p.Ind3FullDays) {
		r.add(Finding{Code: CodeNoticeSlow, Severity: Hint, Refs: refs(n.Approved.At, n.Received.At),
			Message: fmt.Sprintf("%s从%s收到文件到%s落实到项目用了%d天，超过%d天，指标3这一文件得%s分",
				what, ymd(n.Received.V), ymd(n.Approved.V), days, r.p.Ind3FullDays, pts(r.noticeScore(days)))})
	}
}

// noticeName says which notice a row is: "（哈财指（农）〔2023〕6号，中央1976.00万元）".
func noticeName(n Notice) string {
	parts := []string{}
	if n.DocNo.V != "" {
		parts = append(parts, n.DocNo.V)
	}
	if n.Amount.Set {
		parts = append(parts, levelName(n.Level.V)+money(n.Amount.V)+"万元")
	}
	if len(parts) == 0 {
		return ""
	}
	return "（" + strings.Join(parts, "，") + "）"
}

// noticeScore is indicator 3 for one notice: full up to the full-marks days,
// 0 beyond the zero days, linear between.
func (r *run) noticeScore(days int64) decimal.Decimal {
	full, zeroDays := int64(r.p.Ind3FullDays), int64(r.p.Ind3ZeroDays)
	switch {
	case days <= full:
		return dec(5)
	case days > zeroDays:
		return zero
	}
	return dec(5).Mul(dec(zeroDays - days)).Div(dec(zeroDays - full))
}

// levelShares checks the declared share of each level. When the declared
// shares add up to exactly 100% but the correctly rounded ones do not, and
// exactly one share is off by that rounding difference, the county forced
// the total: that one gets its own code.
//
// A notice without a readable level (the reader's finding) leaves every
// level's sum in doubt, so no share is compared.
func (r *run) levelShares() {
	if r.totalMissing() != "" || r.levelBlank > 0 {
		return
	}
	declared := &r.wb.Info.DeclaredLevelShare
	var wrong []Level
	sumDeclared, sumComputed := zero, zero
	all := true
	for _, lv := range Levels {
		d := declared[lv]
		c := round2(r.byLevel[lv].Mul(hundred).Div(r.total))
		sumComputed = sumComputed.Add(c)
		if !d.Set {
			all = false
			continue
		}
		sumDeclared = sumDeclared.Add(round2(d.V.Mul(hundred)))
		if !samePct(d.V, r.byLevel[lv].Div(r.total)) {
			wrong = append(wrong, lv)
		}
	}
	forced := all && len(wrong) == 1 && sumDeclared.Equal(hundred) && !sumComputed.Equal(hundred)
	for _, lv := range wrong {
		d := declared[lv]
		c := r.byLevel[lv].Div(r.total)
		msg := fmt.Sprintf("基本信息“申报%s资金占比”%s填写%s，按资金下达计算应为%s（%s÷%s）",
			lv, at(d.At), pct(d.V), pct(c), money(r.byLevel[lv]), money(r.total))
		if forced && round2(d.V.Mul(hundred)).Sub(round2(c.Mul(hundred))).Equal(hundred.Sub(sumComputed)) {
			r.add(Finding{Code: CodeForcedShare, Severity: Error, Refs: refs(d.At),
				Message:    msg + fmt.Sprintf("；各级占比正确四舍五入后合计%s%%，这一项被改动以凑成100.00%%", sumComputed.StringFixed(2)),
				Suggestion: "填写" + pct(c) + "，各级占比合计不等于100%是四舍五入的正常尾差"})
			continue
		}
		r.add(Finding{Code: CodeLevelShare, Severity: Error, Refs: refs(d.At), Message: msg,
			Suggestion: "按计算值" + pct(c) + "改正"})
	}
}

// checkSubtotals checks every declared subtotal row of one table against the
// rows it covers, [From, To) as the reader found them (the whole table when
// that is empty); a row naming a category counts only that category's rows.
// amount gives a row's amount; known is false when the cell is blank or
// unreadable, and then the sum is unknown: the reader's finding on that cell
// says what is wrong, and the amount and share are not compared.
func (r *run) checkSubtotals(t Table, sheet string, n int, amount func(int) (a decimal.Decimal, known bool),
	category func(int) Category, amountCode, shareCode, countCode string) {
	for _, st := range r.wb.Subtotals {
		if st.Table != t {
			continue
		}
		from, to := max(0, min(st.From, n)), max(0, min(st.To, n))
		if from >= to {
			from, to = 0, n
		}
		byCategory := category != nil && st.Category != CategoryUnknown
		sum, count, blank := zero, 0, 0
		for i := from; i < to; i++ {
			if byCategory && category(i) != st.Category {
				continue
			}
			count++
			if a, ok := amount(i); ok {
				sum = sum.Add(a)
			} else {
				blank++
			}
		}
		scope := "其覆盖的"
		switch {
		case byCategory:
			scope = categoryName(st.Category)
		case from == 0 && to == n:
			scope = "全表"
		}
		label := "“" + st.Label.V + "”"
		where := rowOf(sheet, st.Amount.At, st.From) + label
		if st.Amount.Set && blank == 0 && !sameMoney(st.Amount.V, sum) {
			r.add(Finding{Code: amountCode, Severity: Error, Refs: refs(st.Amount.At),
				Message:    fmt.Sprintf("%s填写%s万元%s，%s%d行合计%s万元", where, money(st.Amount.V), at(st.Amount.At), scope, count, money(sum)),
				Suggestion: "核对明细行是否有遗漏、重复或错录，再改正合计"})
		}
		if st.Count.Set && st.Count.V != count {
			r.add(Finding{Code: countCode, Severity: Error, Refs: refs(st.Count.At),
				Message:    fmt.Sprintf("%s填写%d个%s，%s实有%d行", where, st.Count.V, at(st.Count.At), scope, count),
				Suggestion: "核对是否漏列或重复列了项目，再改正个数"})
		}
		if st.Share.Set && blank == 0 && r.totalMissing() == "" && !samePct(st.Share.V, sum.Div(r.total)) {
			r.add(Finding{Code: shareCode, Severity: Error, Refs: refs(st.Share.At),
				Message: fmt.Sprintf("%s的占比填写%s%s，按%s万元÷本年资金%s万元应为%s",
					where, pct(st.Share.V), at(st.Share.At), money(sum), money(r.total), pct(sum.Div(r.total))),
				Suggestion: "按计算值" + pct(sum.Div(r.total)) + "改正"})
		}
	}
}
