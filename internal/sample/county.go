package sample

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"fundcheck/checker"

	"github.com/shopspring/decimal"
)

// CountyOptions says what synthetic county County makes.
type CountyOptions struct {
	Name     string // default: a made-up name ending in 县
	Year     int    // evaluation year; default 2023
	Projects int    // default 40; at least 5
	Payments int    // ledger rows; default 4 per project, at least 1
	Poverty  bool   // a 脱贫县: indicator 13 applies
}

// County makes a consistent synthetic county from seed: notices of every
// level and task with plausible dates, projects whose budgets add up to the
// funds by task, a ledger that never overspends a project and stays within
// the year, and declared figures (申报… keys, shares, subtotal rows) computed
// from the data. The same seed and options always give the same county, and
// a ledger of a million payments takes a few seconds.
//
// The county's manual scores (indicators 2, 4, 5, 10, 11, 14–17, and 13 for a
// 脱贫县) are filled in; the computed ones hold their maxima until
// WithSelfScores replaces them with what the checker computes.
func County(seed int64, opt CountyOptions) *checker.Workbook {
	if opt.Year == 0 {
		opt.Year = 2023
	}
	if opt.Projects == 0 {
		opt.Projects = 40
	}
	opt.Projects = max(opt.Projects, 5)
	if opt.Payments <= 0 {
		opt.Payments = 4 * opt.Projects
	}
	g := &countyGen{r: rand.New(rand.NewPCG(uint64(seed), 0x66756e64636865)), opt: opt, y: opt.Year}
	if opt.Name == "" {
		opt.Name = twoChars(g.r) + "县"
	}
	g.opt = opt
	g.city = twoChars(g.r)
	g.places = places(g.r, 6+g.r.IntN(5), 6+g.r.IntN(6))

	wb := &checker.Workbook{Source: fmt.Sprintf("%s%d.xlsx", opt.Name, opt.Year)}
	g.notices(wb)
	g.projects(wb)
	g.ledger(wb)
	g.info(wb)
	g.scores(wb)
	return wb
}

type countyGen struct {
	r      *rand.Rand
	opt    CountyOptions
	y      int
	city   string
	places []place

	funds                  int64 // this year's funds, in cents of 万元
	byTask                 map[checker.Task]int64
	byLevel                map[checker.Level]int64
	industry               int64
	paidJul, paidOct, paid int64
	cutoff                 time.Time
}

// cents turns a count of 0.01 万元 into an amount.
func cents(c int64) checker.Amount {
	return checker.Amount{V: decimal.New(c, -2), Set: true}
}

// share is a ratio rounded half-up to 4 decimals (62.27%), the way a county
// writes it.
func share(part, whole int64) checker.Value[decimal.Decimal] {
	return checker.Value[decimal.Decimal]{V: decimal.New(part, 0).Div(decimal.New(whole, 0)).Round(4), Set: true}
}

func (g *countyGen) uniform(lo, hi float64) float64 { return lo + (hi-lo)*g.r.Float64() }

// portion is about frac (give or take 15%) of total, in whole 万元 when whole.
func (g *countyGen) portion(total int64, frac float64, whole bool) int64 {
	c := int64(float64(total) * frac * g.uniform(0.85, 1.15))
	if whole {
		c = max(c/100, 1) * 100
	}
	return max(c, 1)
}

func (g *countyGen) date(year int, month time.Month, day, spread int) time.Time {
	return time.Date(year, month, day, 0, 0, 0, 0, time.UTC).AddDate(0, 0, g.r.IntN(spread+1))
}

func (g *countyGen) notices(wb *checker.Workbook) {
	// Aim at 50–120 万元 a project, and at least 1 万元 a payment so that a
	// big ledger still has plausible amounts.
	target := max(int64(g.opt.Projects)*int64(50+g.r.IntN(70))*100, int64(g.opt.Payments)*105)
	y := g.y
	type spec struct {
		level    checker.Level
		task     checker.Task
		frac     float64
		received time.Time
	}
	specs := []spec{
		{checker.Central, checker.TaskConsolidate, 0.38, g.date(y-1, 11, 10, 40)},
		{checker.Provincial, checker.TaskConsolidate, 0.33, g.date(y-1, 12, 15, 35)},
		{checker.Municipal, checker.TaskConsolidate, 0.07, g.date(y, 2, 1, 40)},
		{checker.Central, checker.TaskConsolidate, 0.08, g.date(y, 5, 20, 30)},
		{checker.Provincial, checker.TaskConsolidate, 0.06, g.date(y, 6, 1, 34)},
	}
	if g.opt.Projects >= 10 {
		specs = append(specs, spec{checker.Central, checker.TaskWorkRelief, 0.04, g.date(y, 3, 1, 45)})
	}
	if g.opt.Projects >= 15 {
		specs = append(specs, spec{checker.Central, checker.TaskMinority, 0.02, g.date(y-1, 11, 10, 40)})
	}
	// Notices in the order they arrived, numbered in that order.
	for i := 1; i < len(specs); i++ {
		for j := i; j > 0 && specs[j].received.Before(specs[j-1].received); j-- {
			specs[j], specs[j-1] = specs[j-1], specs[j]
		}
	}
	g.byTask = map[checker.Task]int64{}
	g.byLevel = map[checker.Level]int64{}
	docNo := 2 + g.r.IntN(5)
	for _, s := range specs {
		a := g.portion(target, s.frac, true)
		g.byTask[s.task] += a
		g.byLevel[s.level] += a
		docNo += 1 + g.r.IntN(40)
		wb.Notices = append(wb.Notices, checker.Notice{
			Level:    checker.Value[checker.Level]{V: s.level, Set: true},
			Task:     checker.Value[checker.Task]{V: s.task, Set: true},
			DocNo:    text(fmt.Sprintf("%s财指（农）〔%d〕%d号", string([]rune(g.city)[:1]), y, docNo)),
			Title:    text(noticeTitle(y, s.level, s.task)),
			Amount:   cents(a),
			Received: checker.Date{V: s.received, Set: true},
			// Within 45 days: indicator 3 is full.
			Approved: checker.Date{V: s.received.AddDate(0, 0, 10+g.r.IntN(35)), Set: true},
		})
	}
	county := g.portion(target, 0.02, false)
	g.byTask[checker.TaskConsolidate] += county
	g.byLevel[checker.CountyLevel] += county
	wb.Notices = append(wb.Notices, checker.Notice{
		Level:  checker.Value[checker.Level]{V: checker.CountyLevel, Set: true},
		Task:   checker.Value[checker.Task]{V: checker.TaskConsolidate, Set: true},
		Title:  text(fmt.Sprintf("关于下达%d年县级财政衔接推进乡村振兴补助资金预算的通知", y)),
		Amount: cents(county),
	})
	for _, a := range g.byLevel {
		g.funds += a
	}
}

func noticeTitle(y int, l checker.Level, t checker.Task) string {
	level := map[checker.Level]string{checker.Central: "中央", checker.Provincial: "省级", checker.Municipal: "市级"}[l]
	return fmt.Sprintf("关于下达%d年%s财政衔接推进乡村振兴补助资金（%s任务）的指标通知", y, level, t)
}

// group is a run of projects of one task and category sharing a total.
type group struct {
	task     checker.Task
	category checker.Category
	total    int64
	n        int
}

func (g *countyGen) projects(wb *checker.Workbook) {
	f := g.funds
	g.industry = int64(float64(f) * g.uniform(0.61, 0.68))
	minority, relief := g.byTask[checker.TaskMinority], g.byTask[checker.TaskWorkRelief]
	other := g.portion(f, 0.012, false)
	groups := []group{
		{checker.TaskConsolidate, checker.Industry, g.industry - minority, 0},
		{checker.TaskMinority, checker.Industry, minority, 0},
		{checker.TaskConsolidate, checker.Infrastructure, g.byTask[checker.TaskConsolidate] - (g.industry - minority) - other, 0},
		{checker.TaskWorkRelief, checker.Infrastructure, relief, 0},
		{checker.TaskConsolidate, checker.OtherCategory, other, 0},
	}
	// Projects per group in proportion to money, at least one for each
	// group that has money, few 其他类 ones; the largest group takes the rest.
	left, largest := g.opt.Projects, 0
	for i := range groups {
		if groups[i].total == 0 {
			continue
		}
		groups[i].n = max(1, int(int64(g.opt.Projects)*groups[i].total/f))
		if groups[i].category == checker.OtherCategory {
			groups[i].n = min(groups[i].n, len(others), 3)
		}
		left -= groups[i].n
		if groups[i].total > groups[largest].total {
			largest = i
		}
	}
	groups[largest].n += left
	groups = slices.DeleteFunc(groups, func(gr group) bool { return gr.n == 0 })

	names := &projectNames{seen: map[string]int{}}
	no := 0
	for gi, gr := range groups {
		if gi == 0 || gr.category != groups[gi-1].category {
			g.subtotalStart(wb)
		}
		for i, budget := range g.split(gr.total, gr.n) {
			no++
			p := checker.Project{
				ID:            text(fmt.Sprintf("XM%d-%03d", g.y, no)),
				Category:      checker.Value[checker.Category]{V: gr.category, Set: true},
				Task:          checker.Value[checker.Task]{V: gr.task, Set: true},
				Budget:        cents(budget),
				InLibrary:     flag(true),
				Target:        flag(true),
				TownNotice:    flag(true),
				VillageNotice: flag(true),
			}
			pl := pick(g.r, g.places)
			var name string
			switch {
			case gr.category == checker.OtherCategory:
				name = fmt.Sprintf("%d年%s", g.y, others[i%len(others)])
			case gr.task == checker.TaskConsolidate && gr.category == checker.Industry && i == 0 && gr.n >= 3:
				name = fmt.Sprintf("%d年小额信贷贴息项目", g.y)
			case gr.category == checker.Industry:
				name = pl.town + pl.village + pick(g.r, products) + pick(g.r, industries)
				p.Place = text(pl.town + pl.village)
			case gr.task == checker.TaskWorkRelief:
				name = pl.town + pl.village + "以工代赈" + pick(g.r, works)
				p.Place = text(pl.town + pl.village)
				// At least the 15% labour-pay standard of indicator 11.
				p.Labour = cents(budget * int64(16+g.r.IntN(15)) / 100)
				p.LabourNotice = flag(true)
			default:
				name = pl.town + pl.village + pick(g.r, tunFirst) + "屯" + pick(g.r, works)
				p.Place = text(pl.town + pl.village)
			}
			p.Name = text(names.unique(name))
			wb.Projects = append(wb.Projects, p)
		}
		if gi == len(groups)-1 || gr.category != groups[gi+1].category {
			g.subtotalEnd(wb, gr.category)
		}
	}
	wb.Subtotals = append(wb.Subtotals, checker.Subtotal{
		Table: checker.ProjectTable, Label: text("资金总额"),
		From: 0, To: len(wb.Projects), Amount: cents(f), Share: share(f, f),
	})
}

// subtotalStart and subtotalEnd bracket a category block with its 合计 row.
func (g *countyGen) subtotalStart(wb *checker.Workbook) {
	wb.Subtotals = append(wb.Subtotals, checker.Subtotal{Table: checker.ProjectTable, From: len(wb.Projects)})
}

func (g *countyGen) subtotalEnd(wb *checker.Workbook, c checker.Category) {
	s := &wb.Subtotals[len(wb.Subtotals)-1]
	s.To, s.Category, s.Label = len(wb.Projects), c, text(c.String()+"项目合计")
	var sum int64
	for _, p := range wb.Projects[s.From:s.To] {
		sum += p.Budget.V.Shift(2).IntPart()
	}
	s.Amount, s.Share = cents(sum), share(sum, g.funds)
}

// split cuts total into n positive parts of random sizes; parts of more
// than 10 万元 are whole 万元, except the last.
func (g *countyGen) split(total int64, n int) []int64 {
	unit := int64(1)
	if total/int64(n) >= 1000 {
		unit = 100
	}
	w := make([]float64, n)
	sum := 0.0
	for i := range w {
		w[i] = g.uniform(0.4, 1.6)
		sum += w[i]
	}
	out := make([]int64, n)
	rest := total
	for i := range n - 1 {
		out[i] = max(int64(float64(total)*w[i]/sum)/unit*unit, 1)
		rest -= out[i]
	}
	out[n-1] = rest
	return out
}

// ledger pays every project part of its budget, in as many instalments as
// the options ask, spread over the year so that progress passes about 55%
// by 07-15 and 85% by 10-15, and ends at the cut-off with 94–100% spent.
func (g *countyGen) ledger(wb *checker.Workbook) {
	f := g.funds
	g.cutoff = time.Date(g.y, 12, 20+g.r.IntN(12), 0, 0, 0, 0, time.UTC)
	spend := int64(float64(f) * g.uniform(0.94, 1.0))
	n := g.opt.Payments

	// Who gets paid how much: every project the same fraction of its budget
	// (the odd cents to the first ones with room); with fewer payments than
	// projects, only a random few are paid at all.
	order := g.r.Perm(len(wb.Projects))
	paid := make([]int64, len(wb.Projects))
	budget := func(i int) int64 { return wb.Projects[i].Budget.V.Shift(2).IntPart() }
	var total int64
	for k, i := range order {
		if k >= n {
			break
		}
		paid[i] = min(budget(i), int64(float64(budget(i))*float64(spend)/float64(f)))
		total += paid[i]
	}
	for _, i := range order[:min(n, len(order))] {
		if total >= spend {
			break
		}
		extra := min(budget(i)-paid[i], spend-total)
		paid[i] += extra
		total += extra
	}

	// How many payments each: in proportion to the money, at least one,
	// never more than its cents.
	count := make([]int, len(paid))
	assigned := 0
	for i, p := range paid {
		if p > 0 {
			count[i] = max(1, int(int64(n)*p/total))
			assigned += count[i]
		}
	}
	for i := 0; assigned != n; i = (i + 1) % len(paid) {
		switch {
		case assigned < n && paid[i] > int64(count[i]):
			count[i]++
			assigned++
		case assigned > n && count[i] > 1:
			count[i]--
			assigned--
		}
	}

	type pay struct {
		project int
		amount  int64
	}
	pays := make([]pay, 0, n)
	for i, p := range paid {
		for _, a := range g.instalments(p, count[i]) {
			pays = append(pays, pay{i, a})
		}
	}
	g.r.Shuffle(len(pays), func(a, b int) { pays[a], pays[b] = pays[b], pays[a] })

	// Dates follow the cumulative sum through the checkpoints, so they
	// rise with the row and each period's share is as planned.
	jul := int64(float64(f) * g.uniform(0.52, 0.62))
	oct := int64(float64(f) * g.uniform(0.80, 0.90))
	checkJul := time.Date(g.y, 7, 15, 0, 0, 0, 0, time.UTC)
	checkOct := time.Date(g.y, 10, 15, 0, 0, 0, 0, time.UTC)
	segments := []struct {
		upTo       int64
		from, till time.Time
	}{
		{jul, time.Date(g.y, 3, 1, 0, 0, 0, 0, time.UTC), checkJul},
		{oct, checkJul.AddDate(0, 0, 1), checkOct},
		{total, checkOct.AddDate(0, 0, 1), g.cutoff},
	}
	payees := make([]string, len(wb.Projects))
	for i, p := range wb.Projects {
		payees[i] = payeeOf(p, g.opt.Name)
	}
	wb.Payments = make([]checker.Payment, len(pays))
	var cum, lo int64
	seg := 0
	for k, p := range pays {
		cum += p.amount
		for seg < len(segments)-1 && cum > segments[seg].upTo {
			lo = segments[seg].upTo
			seg++
		}
		s := segments[seg]
		days := int(s.till.Sub(s.from).Hours() / 24)
		d := s.from.AddDate(0, 0, int(int64(days)*(cum-lo)/max(s.upTo-lo, 1)))
		if !d.After(checkJul) {
			g.paidJul += p.amount
		}
		if !d.After(checkOct) {
			g.paidOct += p.amount
		}
		pr := &wb.Projects[p.project]
		wb.Payments[k] = checker.Payment{
			Date:        checker.Date{V: d, Set: true},
			ProjectID:   pr.ID,
			ProjectName: pr.Name,
			Amount:      cents(p.amount),
			Voucher:     text(fmt.Sprintf("%s财支〔%d〕%06d号", string([]rune(g.opt.Name)[:1]), g.y, k+1)),
			Payee:       text(payees[p.project]),
		}
	}
	g.paid = total
}

// instalments cuts amount into k positive parts of random sizes.
func (g *countyGen) instalments(amount int64, k int) []int64 {
	if k == 0 {
		return nil
	}
	out := make([]int64, k)
	w := make([]float64, k)
	sum := 0.0
	for i := range w {
		w[i] = g.uniform(0.5, 1.5)
		sum += w[i]
	}
	rest := amount - int64(k)
	left := rest
	for i := range k - 1 {
		x := int64(float64(rest) * w[i] / sum)
		out[i] = 1 + x
		left -= x
	}
	out[k-1] = 1 + left
	return out
}

func payeeOf(p checker.Project, county string) string {
	switch {
	case p.Category.V == checker.Industry && p.Place.Set:
		r := []rune(p.Place.V)
		return string(r[len(r)-3:]) + "股份经济合作社"
	case p.Place.Set:
		r := []rune(p.Place.V)
		return string(r[:len(r)-3]) + "人民政府"
	}
	return county + "乡村振兴局"
}

func (g *countyGen) info(wb *checker.Workbook) {
	f := g.funds
	lastTotal := g.portion(f, 1, false)
	in := checker.Info{
		County:        text(g.opt.Name),
		City:          text(g.city + "市"),
		Year:          checker.Value[int]{V: g.y, Set: true},
		PovertyCounty: flag(g.opt.Poverty),
		Cutoff:        checker.Date{V: g.cutoff, Set: true},
		// Not more than this year's: indicator 1 is full.
		LastCountyBudget: cents(g.byLevel[checker.CountyLevel] * int64(90+g.r.IntN(11)) / 100),
		LastTotal:        cents(lastTotal),
		LastSpent:        cents(lastTotal * int64(970+g.r.IntN(31)) / 1000),
		LastIndustry:     cents(lastTotal * int64(55+g.r.IntN(6)) / 100),
		OldBalance:       cents(0),
		ProvinceAvgJul:   ratio(fmt.Sprintf("0.%04d", 4800+g.r.IntN(800))),
		ProvinceAvgOct:   ratio(fmt.Sprintf("0.%04d", 7600+g.r.IntN(800))),
		CountyPublic:     flag(true),
		IncomePoor:       ratio(fmt.Sprint(11000 + g.r.IntN(3000))),
		IncomeAll:        ratio(fmt.Sprint(15000 + g.r.IntN(4000))),
		GrowthPoor:       ratio(fmt.Sprintf("0.%04d", 1000+g.r.IntN(400))),
		GrowthAll:        ratio(fmt.Sprintf("0.%04d", 600+g.r.IntN(300))),

		DeclaredTotal:         cents(f),
		DeclaredSpentJul:      cents(g.paidJul),
		DeclaredSpentOct:      cents(g.paidOct),
		DeclaredSpent:         cents(g.paid),
		DeclaredRate:          share(g.paid, f),
		DeclaredBalance:       cents(f - g.paid),
		DeclaredIndustryShare: share(g.industry, f),
	}
	found := int64(g.r.IntN(6))
	in.ProblemsFound, in.ProblemsFixed = ratio(fmt.Sprint(found)), ratio(fmt.Sprint(found))
	calls := int64(g.r.IntN(4))
	in.HotlineIssues, in.HotlineHandled = ratio(fmt.Sprint(calls)), ratio(fmt.Sprint(calls))
	if g.opt.Poverty {
		integrated := g.portion(f, 1.4, false)
		in.Integrated = cents(integrated)
		in.IntegratedSpent = cents(integrated * int64(82+g.r.IntN(14)) / 100)
	}
	for _, l := range checker.Levels {
		in.DeclaredLevelShare[l] = share(g.byLevel[l], f)
	}
	wb.Info = in
}

// evidence is what a synthetic county cites as 佐证材料, by indicator.
var evidence = [...]string{
	"县级财政衔接资金预算文件", "县级衔接资金管理办法", "资金下达文件及项目资金批复", "项目库入库备案表",
	"绩效目标申报表、绩效监控表、绩效自评表", "资金分配结果及项目公告公示", "问题整改台账、12317问题处理记录",
	"7月15日、10月15日支出进度表", "衔接资金支出明细表", "防返贫监测系统数据", "项目验收单、绩效自评表",
	"衔接资金项目表", "统筹整合资金实施方案及支出明细", "衔接资金使用机制创新材料", "", "", "",
}

// scores gives every indicator its maximum, what a well-run county gives
// itself, and no deductions; a few manual scores vary.
func (g *countyGen) scores(wb *checker.Workbook) {
	for i, ind := range checker.Indicators() {
		row := checker.ScoreRow{
			No:       checker.Value[int]{V: ind.No, Set: true},
			Name:     text(ind.Name),
			Evidence: text(evidence[i]),
			Self:     checker.Value[decimal.Decimal]{V: decimal.Max(ind.Max, decimal.Zero), Set: true},
		}
		switch ind.No {
		case 2:
			row.Self = ratio(pick(g.r, []string{"3.5", "4"}))
		case 13:
			if !g.opt.Poverty {
				row.Self = checker.Value[decimal.Decimal]{}
				row.Evidence = text("本县不属于脱贫县，不对本项指标进行评价")
			}
		case 14:
			row.Self = ratio(pick(g.r, []string{"0", "1", "2", "3"}))
		}
		wb.Scores = append(wb.Scores, row)
	}
}
