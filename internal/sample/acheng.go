package sample

import (
	"fmt"

	"fundcheck/checker"

	"github.com/shopspring/decimal"
)

// AchengNote is what the Acheng example's 填表说明 must say about its ledger.
const AchengNote = "本示例依据哈尔滨市阿城区2023年衔接资金绩效自评报告录入。报告未附支付台账，支付台账为构造数据：" +
	"各笔支付的累计数与报告一致（截至2023-07-15累计2713.55万元，截至2023-10-15累计4077.81万元，截至2023-12-25累计4709.77万元），" +
	"且没有项目超出预算。"

// Acheng is the Harbin 阿城区 2023 self-evaluation report entered into the
// model as the report states it, duplicates, forced shares and self-scores
// included, with a constructed payment ledger whose cumulative sums equal the
// report's figures at 07-15, 10-15 and the 12-25 cut-off.
func Acheng() *checker.Workbook {
	wb := &checker.Workbook{Source: "阿城区2023.xlsx"}
	wb.Info = checker.Info{
		County:           text("阿城区"),
		City:             text("哈尔滨市"),
		Year:             checker.Value[int]{V: 2023, Set: true},
		PovertyCounty:    flag(false),
		Cutoff:           day("2023-12-25"),
		LastCountyBudget: amt("81.68"), // "与上年相比无变化"
		LastTotal:        amt("5115.68"),
		LastSpent:        amt("5067.58"),
		LastIndustry:     amt("3050.9"),
		OldBalance:       amt("0"),
		CountyPublic:     flag(true),

		DeclaredTotal:         amt("4950.68"),
		DeclaredSpentJul:      amt("2713.55"),
		DeclaredSpentOct:      amt("4077.81"),
		DeclaredSpent:         amt("4709.77"),
		DeclaredRate:          ratio("0.9513"),
		DeclaredBalance:       amt("240.91"),
		DeclaredIndustryShare: ratio("0.6227"),
		DeclaredScore:         ratio("89.34"),
		DeclaredNormalized:    ratio("101.52"),
		DeclaredGrade:         text("优"),
	}
	wb.Info.DeclaredLevelShare[checker.Central] = ratio("0.4846")
	wb.Info.DeclaredLevelShare[checker.Provincial] = ratio("0.4210")
	wb.Info.DeclaredLevelShare[checker.Municipal] = ratio("0.0780")
	wb.Info.DeclaredLevelShare[checker.CountyLevel] = ratio("0.0164")

	for _, n := range achengNotices {
		wb.Notices = append(wb.Notices, checker.Notice{
			Level:    checker.Value[checker.Level]{V: n.level, Set: true},
			Task:     checker.Value[checker.Task]{V: n.task, Set: true},
			DocNo:    text(n.docNo),
			Title:    text(n.title),
			Amount:   amt(n.amount),
			Received: day(n.received),
			Approved: day(n.approved),
		})
	}

	for i, p := range achengProjects {
		pr := checker.Project{
			ID:            text(fmt.Sprintf("AC2023-%02d", i+1)),
			Name:          text(p.name),
			Category:      checker.Value[checker.Category]{V: p.category, Set: true},
			Task:          checker.Value[checker.Task]{V: checker.TaskConsolidate, Set: true},
			Budget:        amt(p.budget),
			InLibrary:     flag(true),
			Target:        flag(true),
			TownNotice:    flag(true),
			VillageNotice: flag(true),
		}
		if p.share != "" {
			pr.Share = ratio(p.share)
		}
		wb.Projects = append(wb.Projects, pr)
	}
	from := 0
	for _, s := range achengSubtotals {
		to := from
		for to < len(achengProjects) && achengProjects[to].category == s.category {
			to++
		}
		st := checker.Subtotal{Table: checker.ProjectTable, Label: text(s.label), Category: s.category,
			From: from, To: to, Amount: amt(s.amount)}
		if s.category == checker.CategoryUnknown {
			st.From, st.To = 0, len(achengProjects)
			st.Share = ratio("1")
		}
		wb.Subtotals = append(wb.Subtotals, st)
		from = to
	}

	wb.Payments = achengLedger(wb.Projects)

	for _, s := range achengScores {
		row := checker.ScoreRow{No: checker.Value[int]{V: s.no, Set: true}, Name: text(s.name), Evidence: text(s.evidence)}
		if s.self != "" {
			row.Self = ratio(s.self)
		}
		wb.Scores = append(wb.Scores, row)
	}
	return wb
}

var achengNotices = []struct {
	level                checker.Level
	task                 checker.Task
	docNo, title, amount string
	received, approved   string
}{
	{checker.Central, checker.TaskMinority, "哈财指（农）〔2023〕8号", "关于下达2023年中央财政衔接推进乡村振兴补助资金（少数民族发展任务）的指标通知", "118", "2022-12-15", "2022-12-30"},
	{checker.Central, checker.TaskConsolidate, "哈财指（农）〔2023〕6号", "关于下达2023年中央财政衔接推进乡村振兴补助资金（巩固拓展脱贫攻坚成果和乡村振兴任务）的指标通知", "1976", "2022-12-15", "2023-02-06"},
	{checker.Provincial, checker.TaskConsolidate, "哈财指（农）〔2023〕33号", "关于下达2023年省级财政衔接推进乡村振兴补助资金（巩固拓展脱贫攻坚成果和乡村振兴任务）的指标通知", "1842", "2023-01-04", "2023-02-06"},
	{checker.Municipal, checker.TaskConsolidate, "哈财指（农）〔2023〕91号", "关于下达2023年市级财政衔接推进乡村振兴补助资金的指标通知", "386", "2023-02-07", "2023-03-29"},
	{checker.Central, checker.TaskConsolidate, "哈财指（农）〔2023〕192号", "关于下达2023年中央财政衔接推进乡村振兴补助资金（巩固拓展脱贫攻坚成果和乡村振兴任务）的指标通知", "305", "2023-06-07", "2023-07-04"},
	{checker.Provincial, checker.TaskConsolidate, "哈财指（农）〔2023〕193号", "关于下达2023年省级财政衔接推进乡村振兴补助资金（巩固拓展脱贫攻坚成果和乡村振兴任务）的指标通知", "242", "2023-06-07", "2023-07-04"},
	{checker.CountyLevel, checker.TaskConsolidate, "", "关于下达2023区级财政衔接补助资金预算的通知", "81.68", "", ""},
}

// achengProjects is the report's project table in its own order; share is
// the category share the report writes on the first row of each block.
var achengProjects = []struct {
	category            checker.Category
	name, budget, share string
}{
	{checker.Industry, "交界街博碾村秸秆打包机采购项目", "406.00", "0.6227"},
	{checker.Industry, "双丰街椴树村水稻加工项目", "650.00", ""},
	{checker.Industry, "小岭街西川村烘干塔续建项目", "110.00", ""},
	{checker.Industry, "料甸街民生村粮食仓储建设项目", "71.00", ""},
	{checker.Industry, "2023年小额信贷贴息项目", "20.00", ""},
	{checker.Industry, "料甸街北红村玉米收储库建设工程", "774.00", ""},
	{checker.Industry, "双丰街胜祥村苦瓜深加工项目", "300.00", ""},
	{checker.Industry, "玉泉街草莓育种基地及温室大棚建设项目", "170.00", ""},
	{checker.Industry, "杨树街永康村谷物深加工建设项目", "118.00", ""},
	{checker.Industry, "松峰山镇欧李采摘园区建设（二期）项目", "45.00", ""},
	{checker.Industry, "舍利街丰收村农业机械采购项目", "170.30", ""},
	{checker.Industry, "料甸街民生村玉米烘干粮储库建设项目", "50.00", ""},
	{checker.Industry, "双丰街胜祥村苦瓜深加工项目", "50.00", ""},
	{checker.Industry, "松峰山镇松峰村三清屯文旅服务中心建设项目", "50.00", ""},
	{checker.Industry, "交界街沙河村黑木耳产业配套设施设备项目", "50.00", ""},
	{checker.Industry, "平山镇绥中村真空包装高温灭菌黏玉米加工厂区扩建项目", "48.40", ""},
	{checker.Infrastructure, "北红村产业项目园区道路硬化工程", "43.80", "0.3653"},
	{checker.Infrastructure, "平山镇治安村自来水建设项目", "35.96", ""},
	{checker.Infrastructure, "平山镇双河村于家围子路边沟建设项目", "31.50", ""},
	{checker.Infrastructure, "双丰街民兴村赵家屯巷路硬化项目", "100.00", ""},
	{checker.Infrastructure, "小岭街道新兴村、石发村供水管线及水源处改造项目", "78.50", ""},
	{checker.Infrastructure, "杨树街共和村镶黄旗屯巷路建设项目", "136.00", ""},
	{checker.Infrastructure, "舍利街丰收村马家至何家通屯路建设", "155.00", ""},
	{checker.Infrastructure, "舍利街丰收村排水沟建设项目", "180.00", ""},
	{checker.Infrastructure, "交界街沿河村巷路硬化建设项目", "84.00", ""},
	{checker.Infrastructure, "杨树街富勤村北兰旗屯巷路建设项目", "47.00", ""},
	{checker.Infrastructure, "阿什河街城建村路边沟项目", "60.00", ""},
	{checker.Infrastructure, "交界街勤俭村苇子沟屯巷路硬化项目", "90.00", ""},
	{checker.Infrastructure, "双丰街椴树村八户屯通屯路硬化项目", "77.12", ""},
	{checker.Infrastructure, "双丰街爱民村后四家子、腰四家子巷路硬化项目", "112.00", ""},
	{checker.Infrastructure, "新利街先锋村陈纸房屯巷路建设", "129.00", ""},
	{checker.Infrastructure, "料甸街宝山村四、五、七、八、十三组巷路建设项目", "145.62", ""},
	{checker.Infrastructure, "舍利街丰收村公益事业机械采购项目", "24.70", ""},
	{checker.Infrastructure, "杨树街道富勤村北兰旗屯巷路建设项目", "150.00", ""},
	{checker.Infrastructure, "松峰山镇松峰村三清屯路边沟建设项目", "128.30", ""},
	{checker.OtherCategory, "2023年秋季雨露计划补助项目", "3.15", "0.0120"},
	{checker.OtherCategory, "2023年春季雨露计划补助项目", "3.15", ""},
	{checker.OtherCategory, "2023年跨省外出务工交通补助及生产奖补项目", "15.00", ""},
	{checker.OtherCategory, "2023年衔接资金项目管理费项目", "38.18", ""},
}

var achengSubtotals = []struct {
	category      checker.Category
	label, amount string
}{
	{checker.Industry, "产业类项目合计", "3082.70"},
	{checker.Infrastructure, "基础设施类项目合计", "1808.50"},
	{checker.OtherCategory, "其他类项目合计", "59.48"},
	{checker.CategoryUnknown, "资金总额", "4950.68"},
}

var achengScores = []struct {
	no                   int
	name, self, evidence string
}{
	{1, "县级履行支出责任情况", "4", "关于下达2023区级财政衔接补助资金预算的通知"},
	{2, "到县衔接资金安排使用的合理性、规范性", "4", "《哈尔滨市阿城区财政衔接推进乡村振兴补助资金管理办法》（哈阿财联发〔2021〕5号）"},
	{3, "资金落实到项目时间", "5", "关于下达财政衔接推进乡村振兴补助资金的指标公告"},
	{4, "项目库建设管理情况", "8", "项目基本情况备案表、2023年衔接项目调整表"},
	{5, "项目绩效管理情况", "4", "绩效申报表、绩效目标的批复、绩效监控表、绩效自评表、绩效自评报告"},
	{6, "信息公开和公告公示制度落实情况", "4", "财政衔接推进乡村振兴补助资金公告、项目公告公示"},
	{7, "跟踪督促及发现问题整改情况", "4", "《阿城区扶贫资金监督检查制度》、问题整改的通知"},
	{8, "有序推进项目实施等工作情况", "10", "7月15日预算执行率、10月中旬预算执行率"},
	{9, "预算执行率", "8.34", "2023年衔接资金拨付情况表"},
	{10, "巩固拓展脱贫攻坚成果情况", "8", "防返贫监测系统数据"},
	{11, "分任务资金使用效益", "20", "绩效自评表、项目基本情况备案表、验收单"},
	{12, "衔接资金用于产业比例", "7", "2023年度中省区市衔接资金项目表、2022年财政衔接资金支出明细表"},
	{13, "统筹整合工作成效", "", "阿城区不属于脱贫县，不对本项指标进行评价"},
	{14, "机制创新", "3", "区乡村振兴局创新衔接资金支付方式加快项目建设"},
	{15, "执行中随意调减衔接资金预算", "0", ""},
	{16, "数据作假", "0", ""},
	{17, "违规违纪", "0", ""},
}

// achengPeriods are the report's cumulative spending figures; the ledger
// pays projects in list order, in instalments of at most 200 万元, so that
// each period ends exactly on its figure and no project exceeds its budget.
var achengPeriods = []struct {
	first, last string
	cumulative  string
}{
	{"2023-03-10", "2023-07-15", "2713.55"},
	{"2023-07-20", "2023-10-15", "4077.81"},
	{"2023-10-20", "2023-12-25", "4709.77"},
}

func achengLedger(projects []checker.Project) []checker.Payment {
	instalment := decimal.NewFromInt(200)
	left := make([]decimal.Decimal, len(projects))
	for i, p := range projects {
		left[i] = p.Budget.V
	}
	var out []checker.Payment
	paid := decimal.Zero
	next := 0
	for _, period := range achengPeriods {
		target := decimal.RequireFromString(period.cumulative)
		first, last := day(period.first).V, day(period.last).V
		var amounts []decimal.Decimal
		var which []int
		for paid.LessThan(target) {
			for left[next].IsZero() {
				next++
			}
			a := decimal.Min(left[next], instalment, target.Sub(paid))
			amounts = append(amounts, a)
			which = append(which, next)
			left[next] = left[next].Sub(a)
			paid = paid.Add(a)
		}
		span := int(last.Sub(first).Hours() / 24)
		for k, a := range amounts {
			// Spread the period's payments evenly; the last one falls on the
			// period's last day so the checkpoint figure is met on the day.
			d := first.AddDate(0, 0, span*(k+1)/len(amounts))
			p := projects[which[k]]
			out = append(out, checker.Payment{
				Date:        checker.Date{V: d, Set: true},
				ProjectID:   p.ID,
				ProjectName: p.Name,
				Amount:      checker.Amount{V: a, Set: true},
				Voucher:     text(fmt.Sprintf("阿财支〔2023〕%04d号", len(out)+1)),
				Payee:       text(payee(p.Name.V)),
			})
		}
	}
	return out
}

// payee names the town government the way the report's place names begin.
func payee(project string) string {
	r := []rune(project)
	for i, c := range r {
		if c == '街' || c == '镇' {
			if i+1 < len(r) && r[i+1] == '道' {
				i++
			}
			return string(r[:i+1]) + "财政所"
		}
	}
	return "阿城区乡村振兴局"
}
