package checker

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"
)

// IndicatorDef is one of the method's 17 indicators as the CLI lists it.
type IndicatorDef struct {
	No   int
	Name string
	Max  decimal.Decimal // negative for the deduction indicators 15–17
	// How says in one line how the checker scores it (default parameters).
	How string
}

var indicatorDefs = []IndicatorDef{
	{1, "县级履行支出责任情况", dec(4), "计算：县本级衔接资金预算比上年增幅≥0得4分，否则每低1个百分点扣0.5分，扣完为止"},
	{2, "到县衔接资金安排使用的合理性、规范性", dec(4), "人工：采用自评打分"},
	{3, "资金落实到项目时间", dec(5), "计算：每个下达文件从收到到落实到项目≤45天得5分，>60天得0分，之间按比例；按金额加权平均"},
	{4, "项目库建设管理情况", dec(8), "人工，并给出参考分8×入库项目比例；项目未入库、台账支付到清单外项目均报错误"},
	{5, "项目绩效管理情况", dec(4), "人工，并给出参考分4×设定绩效目标的项目比例"},
	{6, "信息公开和公告公示制度落实情况", dec(4), "计算：县级公开1分+乡级公示项目比例×1分+村级公示项目比例×2分；缺少的部分按自评人工"},
	{7, "跟踪督促及发现问题整改情况", dec(4), "2分人工+问题整改比例×1分+12317问题处理比例×1分（未填问题数视为没有问题）"},
	{8, "有序推进项目实施等工作情况", dec(10), "计算：07-15和10-15支出进度达到全省平均或序时进度各得5分，否则按与序时进度之比得分"},
	{9, "预算执行率", dec(10), "计算：当年资金执行率85%至100%按比例得0至5分；上年资金95%至100%按比例得0至4分；无两年以上结转结余得1分"},
	{10, "巩固拓展脱贫攻坚成果情况", dec(8), "4分人工+脱贫人口收入或增速达到全县水平得4分，否则按比例（基本信息缺收入数据时全部人工）"},
	{11, "分任务资金使用效益", dec(20), "按各任务资金占比加权：巩固拓展20分人工；以工代赈按劳务报酬达标项目比例×15+公示项目比例×5；少数民族发展、欠发达国有林场人工"},
	{12, "衔接资金用于产业比例", dec(7), "计算：产业类项目资金占比达到当年目标（2023年60%）得5分，每低1个百分点扣1分；不低于上年占比得2分"},
	{13, "统筹整合工作成效", dec(12), "仅脱贫县：整合方案和制度报表各3分人工+整合资金支出比例达到80%得6分，不足按比例；负面清单等问题每起扣0.5至1分（人工）；非脱贫县不适用，基础分按88分折算成百分制"},
	{14, "机制创新", dec(3), "人工加分，最高加3分"},
	{15, "执行中随意调减衔接资金预算", dec(-5), "人工减分：有调减扣5分"},
	{16, "数据作假", dec(-10), "人工减分：查实扣10分（程序不会自行扣减）"},
	{17, "违规违纪", dec(-15), "人工减分：0至15分"},
}

// Indicators lists the 17 indicators of the method in order.
func Indicators() []IndicatorDef {
	out := make([]IndicatorDef, len(indicatorDefs))
	copy(out, indicatorDefs)
	return out
}

// cent is the smallest difference between two scores that counts.
var cent = decimal.New(1, -2)

func maxOf(no int) decimal.Decimal { return indicatorDefs[no-1].Max }

// outcome is an indicator score before rounding, how it was obtained and why.
type outcome struct {
	score  decimal.Decimal
	method Method
	basis  string
}

// indicators scores the 17 indicators and compares each computed score with
// the county's own.
func (r *run) indicators() []IndicatorResult {
	fns := []func() outcome{r.ind1, r.ind2, r.ind3, r.ind4, r.ind5, r.ind6, r.ind7, r.ind8, r.ind9,
		r.ind10, r.ind11, r.ind12, r.ind13, r.ind14, r.ind15, r.ind16, r.ind17}
	out := make([]IndicatorResult, len(fns))
	for i, f := range fns {
		no := i + 1
		o := f()
		res := IndicatorResult{No: no, Name: indicatorDefs[i].Name, Max: maxOf(no),
			Score: round2(o.score), Method: o.method, Basis: o.basis, Self: r.selfValue(no)}
		if o.method == NotApplicable {
			res.Score = zero
		}
		out[i] = res
		r.compare(res)
	}
	return out
}

// compare raises the self-score ≠ computed warning for a computed indicator.
func (r *run) compare(res IndicatorResult) {
	if res.Method != Computed || !res.Self.Set {
		return
	}
	self := round2(res.Self.V)
	if self.Sub(res.Score).Abs().LessThan(cent) {
		return
	}
	r.add(Finding{Code: CodeSelfDiffers, Severity: Warning, Refs: refs(res.Self.At),
		Message: fmt.Sprintf("指标%d“%s”自评%s分%s，按数据计算%s分（相差%s分）：%s",
			res.No, res.Name, pts(res.Self.V), at(res.Self.At), pts(res.Score), pts(res.Score.Sub(self).Abs()), res.Basis),
		Suggestion: "按计算得分改正自评，或补正数据"})
}

// manual takes the self-score as the indicator score.
func (r *run) manual(no int, note string) outcome {
	prefix := "人工评分"
	if note != "" {
		prefix = note + "，人工评分"
	}
	if s, ok := r.selfScore(no); ok {
		return outcome{s, Manual, prefix + "，采用自评得分" + pts(s) + "分"}
	}
	r.missingSelf(no, "")
	return outcome{zero, Manual, prefix + "，自评打分未填写，按0分计"}
}

// fallback is a computed indicator whose data are missing: the self-score
// stands (the evaluator must check it), or 0 when there is none.
func (r *run) fallback(no int, missing string) outcome {
	if s, ok := r.selfScore(no); ok {
		return outcome{s, Manual, "缺少" + missing + "，无法计算，按自评得分" + pts(s) + "分"}
	}
	r.missingSelf(no, "")
	return outcome{zero, Manual, "缺少" + missing + "，无法计算，也无自评得分，按0分计"}
}

// mixed adds a manual part to a computed one (RULES.md reading 1): the
// manual part is the self-score less the computed part, within
// [0, manualMax] (no lower bound for indicator 13's negative-list cases).
func (r *run) mixed(no int, computed, manualMax decimal.Decimal, basis string, noLower bool) outcome {
	if !manualMax.IsPositive() {
		return outcome{computed, Computed, basis + "，合计" + pts(computed) + "分"}
	}
	s, ok := r.selfScore(no)
	if !ok {
		r.missingSelf(no, "")
		return outcome{computed, Computed, basis + "；人工部分（满分" + pts(manualMax) + "分）无自评得分，按0分计，合计" + pts(computed) + "分"}
	}
	m := decimal.Min(s.Sub(computed), manualMax)
	if !noLower {
		m = decimal.Max(m, zero)
	}
	score := computed.Add(m)
	return outcome{score, Computed, fmt.Sprintf("%s；人工部分按自评%s分推得%s分（满分%s分），合计%s分",
		basis, pts(s), pts(m), pts(manualMax), pts(score))}
}

// reference is a manual indicator shown beside a score computed from the
// data; without a self-score the reference score stands.
func (r *run) reference(no int, ref decimal.Decimal, refOK bool, refBasis, extra string) outcome {
	s, ok := r.selfScore(no)
	switch {
	case ok && refOK:
		return outcome{s, Reference, "人工评分，采用自评得分" + pts(s) + "分；参考：" + refBasis + extra}
	case ok:
		return outcome{s, Manual, "人工评分，采用自评得分" + pts(s) + "分" + extra}
	case refOK:
		return outcome{ref, Reference, "自评打分未填写，按参考得分计：" + refBasis + extra}
	}
	r.missingSelf(no, "")
	return outcome{zero, Manual, "人工评分，自评打分未填写，按0分计" + extra}
}

func (r *run) ind1() outcome {
	info := &r.wb.Info
	this, src := r.byLevel[CountyLevel], "资金下达县级合计"
	if info.CountyBudget.Set {
		this, src = info.CountyBudget.V, "基本信息"
	}
	if !info.LastCountyBudget.Set {
		return r.fallback(1, "上年县本级衔接资金预算（万元）")
	}
	last := info.LastCountyBudget.V
	head := fmt.Sprintf("本年县本级衔接资金%s万元（%s），上年%s万元", money(this), src, money(last))
	if !last.IsPositive() {
		return outcome{dec(4), Computed, head + "，上年为0，不存在减少，得4分"}
	}
	pp := this.Sub(last).Mul(hundred).Div(last)
	if !pp.IsNegative() {
		return outcome{dec(4), Computed, fmt.Sprintf("%s，增幅%s%%，得4分", head, round2(pp).StringFixed(2))}
	}
	s := decimal.Max(zero, dec(4).Sub(r.p.Ind1Deduction.Mul(pp.Neg())))
	return outcome{s, Computed, fmt.Sprintf("%s，减少%s个百分点，每点扣%s分，得%s分",
		head, round2(pp.Neg()).StringFixed(2), r.p.Ind1Deduction, pts(s))}
}

func (r *run) ind2() outcome { return r.manual(2, "") }

func (r *run) ind3() outcome {
	weighted, amount := zero, zero
	var parts []string
	for _, n := range r.wb.Notices {
		if !n.Received.Set || !n.Approved.Set || !n.Amount.Set || !n.Amount.V.IsPositive() {
			continue
		}
		days := day(n.Approved.V) - day(n.Received.V)
		if days < 0 {
			continue // ZJ205: not counted
		}
		s := r.noticeScore(days)
		how := "得" + pts(s) + "分"
		if days > int64(r.p.Ind3FullDays) && days <= int64(r.p.Ind3ZeroDays) {
			how = "按比例得" + pts(s) + "分"
		}
		parts = append(parts, fmt.Sprintf("%s资金%s万元：%s收文，%s落实，%d天，%s",
			levelName(n.Level.V), money(n.Amount.V), ymd(n.Received.V), ymd(n.Approved.V), days, how))
		weighted = weighted.Add(s.Mul(n.Amount.V))
		amount = amount.Add(n.Amount.V)
	}
	if !amount.IsPositive() {
		return r.fallback(3, "资金下达的收到文件日期和落实到项目日期")
	}
	s := weighted.Div(amount)
	return outcome{s, Computed, joinSemi(parts) + "；按金额加权平均" + pts(s) + "分"}
}

// share counts the projects for which yes holds; ok is false when no
// project has the column filled (the column is absent).
func (r *run) share(f func(Project) Flag) (yes, n int, ok bool) {
	for _, p := range r.wb.Projects {
		v := f(p)
		ok = ok || v.Set
		if v.Set && v.V {
			yes++
		}
	}
	return yes, len(r.wb.Projects), ok && len(r.wb.Projects) > 0
}

func (r *run) ind4() outcome {
	yes, n, ok := r.share(func(p Project) Flag { return p.InLibrary })
	ref := dec(8).Mul(dec(int64(yes))).Div(dec(int64(max(n, 1))))
	extra := ""
	if r.unknownPay > 0 {
		extra = fmt.Sprintf("；支付台账有%d笔支付对应不到项目清单（资金用于项目库外）", r.unknownPay)
	}
	return r.reference(4, ref, ok, fmt.Sprintf("%d个项目中%d个已入库，参考得分%s分", n, yes, pts(ref)), extra)
}

func (r *run) ind5() outcome {
	yes, n, ok := r.share(func(p Project) Flag { return p.Target })
	ref := dec(4).Mul(dec(int64(yes))).Div(dec(int64(max(n, 1))))
	return r.reference(5, ref, ok, fmt.Sprintf("%d个项目中%d个设定了绩效目标，参考得分%s分", n, yes, pts(ref)), "")
}

func (r *run) ind6() outcome {
	computed, manualMax := zero, zero
	var parts []string
	any := false
	if cp := r.wb.Info.CountyPublic; cp.Set {
		any = true
		if cp.V {
			computed = one
			parts = append(parts, "县级公开：是，得1分")
		} else {
			parts = append(parts, "县级公开：否，得0分")
		}
	} else {
		manualMax = manualMax.Add(one)
		parts = append(parts, "县级公开未填，1分人工")
	}
	for _, lvl := range []struct {
		name string
		max  decimal.Decimal
		f    func(Project) Flag
	}{{"乡级", one, func(p Project) Flag { return p.TownNotice }}, {"村级", dec(2), func(p Project) Flag { return p.VillageNotice }}} {
		yes, n, ok := r.share(lvl.f)
		if !ok {
			manualMax = manualMax.Add(lvl.max)
			parts = append(parts, lvl.name+"公示未填，"+pts(lvl.max)+"分人工")
			continue
		}
		any = true
		s := lvl.max.Mul(dec(int64(yes))).Div(dec(int64(n)))
		computed = computed.Add(s)
		parts = append(parts, fmt.Sprintf("%s公示%d/%d个项目，得%s分", lvl.name, yes, n, pts(s)))
	}
	if !any {
		return r.manual(6, "县级公开、乡级和村级公示均未填")
	}
	return r.mixed(6, computed, manualMax, joinSemi(parts), false)
}

func (r *run) ind7() outcome {
	info := &r.wb.Info
	part := func(name, done string, found, fixed Value[decimal.Decimal], foundKey, fixedKey string) (decimal.Decimal, string) {
		switch {
		case !found.Set:
			return one, foundKey + "未填，按没有问题计1分"
		case !found.V.IsPositive():
			return one, name + "没有问题，得1分"
		case !fixed.Set:
			return zero, fmt.Sprintf("%s%s个，缺少%s，得0分", name, found.V, fixedKey)
		}
		s := clamp(fixed.V.Div(found.V), zero, one)
		return s, fmt.Sprintf("%s%s个，%s%s个，得%s分", name, found.V, done, fixed.V, pts(s))
	}
	a, ab := part("发现问题", "已整改", info.ProblemsFound, info.ProblemsFixed, "发现问题数", "已整改问题数")
	b, bb := part("12317反馈问题", "已处理", info.HotlineIssues, info.HotlineHandled, "12317反馈问题数", "12317已处理数")
	return r.mixed(7, a.Add(b), dec(2), ab+"；"+bb, false)
}

func (r *run) ind8() outcome {
	if r.year == 0 {
		return r.fallback(8, "评价年度")
	}
	if m := r.totalMissing(); m != "" {
		return r.fallback(8, m)
	}
	avg := []Value[decimal.Decimal]{r.wb.Info.ProvinceAvgJul, r.wb.Info.ProvinceAvgOct}
	total := zero
	var parts []string
	for k, md := range r.p.Checkpoints {
		cp := md.In(r.year)
		prog := r.paid[k].Div(r.total)
		seq := dec(int64(cp.YearDay())).Div(dec(int64(daysIn(r.year))))
		full := prog.GreaterThanOrEqual(seq) || (avg[k].Set && prog.GreaterThanOrEqual(avg[k].V))
		s := dec(5)
		if !full {
			s = dec(5).Mul(r.paid[k]).Mul(dec(int64(daysIn(r.year)))).Div(r.total.Mul(dec(int64(cp.YearDay()))))
		}
		total = total.Add(s)
		avgText := ""
		if avg[k].Set {
			avgText = "，全省平均" + pct(avg[k].V)
		}
		parts = append(parts, fmt.Sprintf("截至%s累计支出%s万元，进度%s，序时进度%s（%d/%d）%s，得%s分",
			md, money(r.paid[k]), pct(prog), pct(seq), cp.YearDay(), daysIn(r.year), avgText, pts(s)))
	}
	return outcome{total, Computed, joinSemi(parts) + "；合计" + pts(total) + "分"}
}

func daysIn(y int) int { return time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC).YearDay() }

// linear is the 9a / 9b step: full at 100%, 0 below the threshold, linear
// between, continuous at both ends.
func linear(rate, threshold, full decimal.Decimal) decimal.Decimal {
	switch {
	case rate.GreaterThanOrEqual(one):
		return full
	case rate.LessThan(threshold):
		return zero
	}
	return full.Mul(rate.Sub(threshold)).Div(one.Sub(threshold))
}

func (r *run) ind9() outcome {
	info := &r.wb.Info
	if m := r.totalMissing(); m != "" {
		return r.fallback(9, m)
	}
	if r.cutoff.IsZero() {
		return r.fallback(9, "数据截止日期和评价年度")
	}
	if !info.LastTotal.Set || !info.LastSpent.Set {
		return r.fallback(9, "上年衔接资金总额和上年衔接资金累计支出（万元）")
	}
	rate := r.paid[2].Div(r.total)
	a := linear(rate, r.p.Ind9ThisYear, dec(5))
	cut := "截至" + ymd(r.cutoff)
	if r.cutoffNote != "" {
		cut = r.cutoffNote + "，截至该日"
	}
	pa := fmt.Sprintf("本年资金%s万元，%s支出%s万元，执行率%s，得%s分", money(r.total), cut, money(r.paid[2]), pct(rate), pts(a))
	var b decimal.Decimal
	var pb string
	if info.LastTotal.V.IsPositive() {
		lr := info.LastSpent.V.Div(info.LastTotal.V)
		b = linear(lr, r.p.Ind9LastYear, dec(4))
		pb = fmt.Sprintf("上年资金%s万元，支出%s万元，执行率%s，得%s分", money(info.LastTotal.V), money(info.LastSpent.V), pct(lr), pts(b))
	} else {
		b = dec(4)
		pb = "上年资金为0，无需执行，得4分"
	}
	c, pc := one, "无两年以上结转结余，得1分"
	if info.OldBalance.Set && info.OldBalance.V.IsPositive() {
		c, pc = zero, "两年以上结转结余"+money(info.OldBalance.V)+"万元，得0分"
	}
	s := a.Add(b).Add(c)
	return outcome{s, Computed, joinSemi([]string{pa, pb, pc}) + "；合计" + pts(s) + "分"}
}

func (r *run) ind10() outcome {
	info := &r.wb.Info
	if !info.IncomePoor.Set || !info.IncomeAll.Set || !info.GrowthPoor.Set || !info.GrowthAll.Set {
		return r.manual(10, "基本信息未填齐脱贫人口和全县农村居民的收入及增速")
	}
	head := fmt.Sprintf("脱贫人口人均可支配收入%s元、增速%s，全县农村居民%s元、增速%s",
		info.IncomePoor.V, pct(info.GrowthPoor.V), info.IncomeAll.V, pct(info.GrowthAll.V))
	var b decimal.Decimal
	var how string
	if info.IncomePoor.V.GreaterThanOrEqual(info.IncomeAll.V) || info.GrowthPoor.V.GreaterThanOrEqual(info.GrowthAll.V) {
		b, how = dec(4), "收入或增速达到全县水平，得4分"
	} else {
		ir, gr := ratio(info.IncomePoor.V, info.IncomeAll.V), zero
		if info.GrowthAll.V.IsPositive() {
			gr = info.GrowthPoor.V.Div(info.GrowthAll.V)
		}
		m := clamp(decimal.Max(ir, gr), zero, one)
		b = dec(4).Mul(m)
		how = fmt.Sprintf("均未达到，按较高比例%s得%s分", pct(m), pts(b))
	}
	return r.mixed(10, b, dec(4), head+"，"+how+"；第三方抽查部分4分人工", false)
}

// task11 is one task's part of indicator 11: its share of this year's funds,
// the part computed from the data and the manual maximum.
type task11 struct {
	task      Task
	share     decimal.Decimal
	computed  decimal.Decimal
	manualMax decimal.Decimal
	basis     string
}

func (r *run) tasks11() []task11 {
	var out []task11
	for _, t := range Tasks {
		if !r.byTask[t].IsPositive() {
			continue
		}
		k := task11{task: t, share: r.byTask[t].Div(r.total)}
		switch t {
		case TaskWorkRelief:
			var n, meet, shown int64
			for _, p := range r.wb.Projects {
				if p.Task.V != TaskWorkRelief {
					continue
				}
				n++
				if p.Labour.Set && p.Budget.Set && p.Budget.V.IsPositive() && p.Labour.V.Div(p.Budget.V).GreaterThanOrEqual(r.p.LabourShare) {
					meet++
				}
				if p.LabourNotice.Set && p.LabourNotice.V {
					shown++
				}
			}
			if n == 0 {
				// The funds are there but no project says it is theirs:
				// the task column was left blank, not the labour unpaid.
				k.manualMax = dec(20)
				k.basis = fmt.Sprintf("以工代赈资金占%s，但项目清单中没有任务类型为以工代赈的项目，无法计算，20分人工", pct(k.share))
				break
			}
			k.computed = dec(15).Mul(dec(meet)).Div(dec(n)).Add(dec(5).Mul(dec(shown)).Div(dec(n)))
			k.basis = fmt.Sprintf("以工代赈资金占%s：%d个以工代赈项目中劳务报酬达到预算%s的%d个、公示的%d个，得%s分",
				pct(k.share), n, pct(r.p.LabourShare), meet, shown, pts(k.computed))
		case TaskConsolidate:
			k.manualMax = dec(20)
			k.basis = fmt.Sprintf("%s资金占%s，20分人工", t, pct(k.share))
		default:
			k.manualMax = dec(20)
			k.basis = fmt.Sprintf("%s资金占%s，收入条件5分和项目成效15分人工", t, pct(k.share))
		}
		out = append(out, k)
	}
	return out
}

func (r *run) ind11() outcome {
	if m := r.totalMissing(); m != "" {
		return r.fallback(11, m)
	}
	ts := r.tasks11()
	var parts []string
	computed, manualMax := zero, zero
	hasComputed := false
	for _, k := range ts {
		parts = append(parts, k.basis)
		computed = computed.Add(k.share.Mul(k.computed))
		manualMax = manualMax.Add(k.share.Mul(k.manualMax))
		hasComputed = hasComputed || k.task == TaskWorkRelief && k.manualMax.IsZero()
	}
	if len(r.taskSelf) > 0 {
		return r.ind11PerTask(ts, parts, hasComputed)
	}
	basis := joinSemi(parts)
	if !hasComputed {
		return r.manual(11, basis)
	}
	return r.mixed(11, computed, manualMax, basis+"；按资金占比加权计算部分"+pts(computed)+"分", false)
}

// ind11PerTask scores each task from its own 自评打分 row (reading 4), or
// from the overall row when a task has none, and weights the task scores by
// the tasks' shares of the funds.
func (r *run) ind11PerTask(ts []task11, parts []string, hasComputed bool) outcome {
	total := zero
	overall, hasOverall := r.self[11]
	hasOverall = hasOverall && overall.Self.Set
	for i, k := range ts {
		row, ok := r.taskSelf[k.task]
		from := "自评"
		if (!ok || !row.Self.Set) && hasOverall {
			row, ok, from = overall, true, "按指标11总行自评"
		}
		score := k.computed
		if ok && row.Self.Set {
			s := clamp(row.Self.V, zero, dec(20))
			score = k.computed.Add(clamp(s.Sub(k.computed), zero, k.manualMax))
			parts[i] += "，" + from + pts(s) + "分，该任务得" + pts(score) + "分"
		} else if k.manualMax.IsPositive() {
			r.missingSelf(11, k.task.String())
			parts[i] += "，该任务无自评得分，人工部分按0分计"
		}
		total = total.Add(k.share.Mul(score))
	}
	for _, t := range Tasks {
		if _, ok := r.taskSelf[t]; ok && !r.byTask[t].IsPositive() {
			parts = append(parts, fmt.Sprintf("自评打分中%s一行本年没有该任务资金，不计入", t))
		}
	}
	m := Manual
	if hasComputed {
		m = Computed
	}
	return outcome{total, m, joinSemi(parts) + "；按资金占比加权平均" + pts(total) + "分"}
}

func (r *run) ind12() outcome {
	info := &r.wb.Info
	if r.year == 0 {
		return r.fallback(12, "评价年度（产业比例目标按年度确定）")
	}
	if m := r.totalMissing(); m != "" {
		return r.fallback(12, m)
	}
	if !info.LastTotal.Set || !info.LastIndustry.Set {
		return r.fallback(12, "上年衔接资金总额和上年产业项目资金（万元）")
	}
	if !r.industryKnown() {
		return r.fallback(12, "项目清单中部分项目的预算资金或项目类别（产业类资金合计不完整）")
	}
	industry := r.catSum[Industry]
	share := industry.Div(r.total)
	target := r.p.Target(r.year)
	a := dec(5)
	how := "达到目标，得5分"
	if share.LessThan(target) {
		below := target.Sub(share).Mul(hundred)
		a = decimal.Max(zero, dec(5).Sub(r.p.Ind12Deduction.Mul(below)))
		how = fmt.Sprintf("低于目标%s个百分点，得%s分", round2(below).StringFixed(2), pts(a))
	}
	last := ratio(info.LastIndustry.V, info.LastTotal.V)
	b, bhow := dec(2), "本年不低于上年，得2分"
	if share.LessThan(last) {
		b, bhow = zero, "本年低于上年，得0分"
	}
	s := a.Add(b)
	return outcome{s, Computed, fmt.Sprintf("产业类项目%s万元占本年资金%s万元的%s，%d年目标%s，%s；上年产业占比%s（%s÷%s），%s；合计%s分",
		money(industry), money(r.total), pct(share), r.year, pct(target), how,
		pct(last), money(info.LastIndustry.V), money(info.LastTotal.V), bhow, pts(s))}
}

func (r *run) ind13() outcome {
	info := &r.wb.Info
	if !info.PovertyCounty.Set {
		return outcome{zero, NotApplicable, "缺少是否脱贫县，按非脱贫县处理，本指标不适用"}
	}
	if !info.PovertyCounty.V {
		return outcome{zero, NotApplicable, "非脱贫县，本指标不适用"}
	}
	if !info.Integrated.Set || !info.IntegratedSpent.Set {
		return r.fallback(13, "整合资金规模和整合资金已支出（万元）")
	}
	if !info.Integrated.V.IsPositive() {
		return r.fallback(13, "大于0的整合资金规模（填写为"+money(info.Integrated.V)+"万元，支出比例无从计算）")
	}
	rate := info.IntegratedSpent.V.Div(info.Integrated.V)
	c := dec(6).Mul(decimal.Min(one, rate.Div(r.p.Ind13Ratio)))
	basis := fmt.Sprintf("整合资金%s万元，已支出%s万元，支出比例%s（满分线%s），得%s分；整合方案和管理制度6分人工，负面清单问题另扣",
		money(info.Integrated.V), money(info.IntegratedSpent.V), pct(rate), pct(r.p.Ind13Ratio), pts(c))
	o := r.mixed(13, c, dec(6), basis, true)
	if o.score.IsNegative() {
		o.score = zero
		o.basis += "，扣减后低于0，按0分计"
	}
	return o
}

func (r *run) ind14() outcome { return r.adjust(14, "加分") }
func (r *run) ind15() outcome { return r.adjust(15, "减分") }
func (r *run) ind16() outcome { return r.adjust(16, "减分") }
func (r *run) ind17() outcome { return r.adjust(17, "减分") }

// adjust is one of the adjustments 14–17: the self-score as given (checked
// and clamped when collected); none given means no adjustment.
func (r *run) adjust(no int, kind string) outcome {
	s, ok := r.selfScore(no)
	if !ok {
		return outcome{zero, Manual, "人工" + kind + "，自评打分未填写，按0分计"}
	}
	if s.IsZero() {
		return outcome{zero, Manual, "人工" + kind + "，自评0分"}
	}
	return outcome{s, Manual, "人工" + kind + "，采用自评" + signed(s) + "分"}
}
