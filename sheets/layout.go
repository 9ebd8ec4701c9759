package sheets

import (
	"fundcheck/checker"

	"github.com/shopspring/decimal"
)

// The standard workbook's sheet names.
const (
	SheetInfo     = "基本信息"
	SheetNotices  = "资金下达"
	SheetProjects = "项目清单"
	SheetLedger   = "支付台账"
	SheetScores   = "自评打分"
	SheetParams   = "参数"
	SheetGuide    = "填表说明"
)

// RequiredSheets are the sheets without which a workbook is rejected.
var RequiredSheets = []string{SheetInfo, SheetNotices, SheetProjects, SheetLedger, SheetScores}

// Closed sets, as the template's drop-down lists offer them.
var (
	levelChoices    = names(checker.Levels)
	taskChoices     = names(checker.Tasks)
	categoryChoices = names(checker.Categories)
	yesNoChoices    = []string{"是", "否"}
)

func names[T interface{ String() string }](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = x.String()
	}
	return out
}

// column is one column of a table sheet. Headers are matched after removing
// spaces, line breaks and the bracketed unit, so name is the bare header and
// unit what the template writes after it.
type column struct {
	name     string
	unit     string // "万元" for money columns: a header saying （元） is converted
	aliases  []string
	required bool
	choices  []string // closed set, offered as a drop-down in the template
	width    float64
	// kind is how the column's cells are written (number format); zero for
	// text and closed sets.
	kind kind
	// hint tells a clerk what goes in the column (the template's 填表说明).
	hint string
}

// header is the column's text as the template writes it.
func (c column) header() string {
	if c.unit == "" {
		return c.name
	}
	return c.name + "（" + c.unit + "）"
}

// table is one table sheet of the standard workbook.
type table struct {
	sheet   string
	columns []column
}

var (
	infoTable = table{SheetInfo, []column{
		{name: "项目", required: true, width: 36},
		{name: "内容", required: true, width: 30},
	}}
	noticeTable = table{SheetNotices, []column{
		{name: "资金级次", aliases: []string{"级次", "资金来源"}, required: true, choices: levelChoices, width: 10,
			hint: "中央 / 省级 / 市级 / 县级；本县（区）自己安排的资金填县级"},
		{name: "任务类型", aliases: []string{"任务"}, choices: taskChoices, width: 30,
			hint: "从下拉列表选择；空白按“巩固拓展脱贫攻坚成果和乡村振兴”处理"},
		{name: "文号", aliases: []string{"文件文号"}, width: 26, hint: "资金下达文件的文号，如 哈财指（农）〔2023〕6号"},
		{name: "文件名称", width: 40},
		{name: "金额", unit: "万元", aliases: []string{"下达金额", "资金额"}, required: true, width: 14, kind: kindAmount,
			hint: "本文件下达给本县的金额"},
		{name: "收到文件日期", aliases: []string{"下达日期", "收文日期"}, required: true, width: 14, kind: kindDate,
			hint: "本县收到资金下达文件的日期；县级资金可不填"},
		{name: "落实到项目日期", aliases: []string{"批复日期", "项目批复日期"}, required: true, width: 16, kind: kindDate,
			hint: "把这笔资金分配到具体项目（批复项目资金）的日期；县级资金可不填"},
	}}
	projectTable = table{SheetProjects, []column{
		{name: "项目编号", aliases: []string{"编号"}, width: 12, hint: "选填；填写后支付台账按编号对应项目"},
		{name: "项目名称", aliases: []string{"名称"}, required: true, width: 44, hint: "与项目库、批复文件一致的名称"},
		{name: "项目类别", aliases: []string{"类别"}, required: true, choices: categoryChoices, width: 12,
			hint: "产业类 / 基础设施类 / 其他类；同类项目连续排列时，可只在每类第一行填写"},
		{name: "任务类型", aliases: []string{"任务"}, choices: taskChoices, width: 30,
			hint: "项目使用哪项任务的资金；空白按“巩固拓展脱贫攻坚成果和乡村振兴”处理"},
		{name: "实施地点", aliases: []string{"乡镇", "村"}, width: 16, hint: "乡镇（街道）和村"},
		{name: "预算资金", unit: "万元", aliases: []string{"资金规模", "金额"}, required: true, width: 14, kind: kindAmount,
			hint: "本年衔接资金安排给该项目的金额"},
		{name: "资金占比", aliases: []string{"占比"}, width: 10, kind: kindRatio,
			hint: "选填；该类项目资金占本年资金总额的比例，如 62.27%"},
		{name: "是否入库", aliases: []string{"入库"}, choices: yesNoChoices, width: 10, hint: "项目是否已纳入项目库"},
		{name: "绩效目标", choices: yesNoChoices, width: 10, hint: "是否设定了绩效目标"},
		{name: "乡级公示", choices: yesNoChoices, width: 10, hint: "是否在乡镇公告公示"},
		{name: "村级公示", choices: yesNoChoices, width: 10, hint: "是否在村公告公示"},
		{name: "劳务报酬", unit: "万元", width: 14, kind: kindAmount, hint: "以工代赈项目发放的劳务报酬"},
		{name: "劳务报酬公示", choices: yesNoChoices, width: 14, hint: "以工代赈项目的劳务报酬是否公示"},
	}}
	ledgerTable = table{SheetLedger, []column{
		{name: "支付日期", aliases: []string{"日期", "拨付日期"}, required: true, width: 14, kind: kindDate,
			hint: "资金实际支付（拨付）的日期"},
		{name: "项目编号", aliases: []string{"编号"}, width: 12, hint: "与项目清单的项目编号一致"},
		{name: "项目名称", aliases: []string{"名称"}, width: 44, hint: "与项目清单的项目名称一致；未填项目编号时必填"},
		{name: "支付金额", unit: "万元", aliases: []string{"金额", "拨付金额"}, required: true, width: 14, kind: kindAmount,
			hint: "本笔支付的金额，大于0"},
		{name: "凭证号", aliases: []string{"凭证编号"}, width: 16, hint: "支付凭证的编号，每笔不同"},
		{name: "收款单位", width: 30, hint: "选填"},
	}}
	scoreTable = table{SheetScores, []column{
		{name: "序号", required: true, width: 8, kind: kindNumber, hint: "指标序号 1–17，已预先填好"},
		{name: "指标", width: 36, hint: "指标名称，已预先填好"},
		{name: "任务类型", choices: taskChoices, width: 30, hint: "只用于第11项按任务分别打分时；一般留空"},
		{name: "自评得分", required: true, width: 12, kind: kindNumber,
			hint: "本县自评的得分；第15–17项扣分填负数（如 -5），没有扣分填 0"},
		{name: "佐证材料", width: 60, hint: "打分依据的文件或材料名称"},
	}}
	paramTable = table{SheetParams, []column{
		{name: "参数", aliases: []string{"项目", "名称"}, required: true, width: 40, hint: "要改变的计分参数名称"},
		{name: "取值", aliases: []string{"内容", "值"}, required: true, width: 20, hint: "参数的新取值"},
	}}
)

// kind is how a 基本信息 value is read.
type kind uint8

const (
	kindText kind = iota + 1
	kindYear
	kindFlag
	kindDate
	kindAmount // 万元; a key whose unit says （元） is converted
	kindRatio  // percentage: 0.6227, "62.27%" or 62.27
	kindNumber // a count, or yuan
)

// infoKey is one key of 基本信息. Exactly one of the field pointers is set,
// matching kind.
type infoKey struct {
	key      string
	kind     kind
	required bool
	text     func(*checker.Info) *checker.Text
	year     func(*checker.Info) *checker.Value[int]
	flag     func(*checker.Info) *checker.Flag
	date     func(*checker.Info) *checker.Date
	number   func(*checker.Info) *checker.Value[decimal.Decimal]
}

func textKey(k string, req bool, f func(*checker.Info) *checker.Text) infoKey {
	return infoKey{key: k, kind: kindText, required: req, text: f}
}
func flagKey(k string, req bool, f func(*checker.Info) *checker.Flag) infoKey {
	return infoKey{key: k, kind: kindFlag, required: req, flag: f}
}
func numKey(k string, kd kind, req bool, f func(*checker.Info) *checker.Value[decimal.Decimal]) infoKey {
	return infoKey{key: k, kind: kd, required: req, number: f}
}

// infoKeys are the 基本信息 keys in the order the template lists them.
var infoKeys = []infoKey{
	textKey("地区名称", true, func(i *checker.Info) *checker.Text { return &i.County }),
	textKey("所属市", false, func(i *checker.Info) *checker.Text { return &i.City }),
	{key: "评价年度", kind: kindYear, required: true, year: func(i *checker.Info) *checker.Value[int] { return &i.Year }},
	flagKey("是否脱贫县", true, func(i *checker.Info) *checker.Flag { return &i.PovertyCounty }),
	{key: "数据截止日期", kind: kindDate, required: true, date: func(i *checker.Info) *checker.Date { return &i.Cutoff }},
	numKey("县本级衔接资金预算（万元）", kindAmount, false, func(i *checker.Info) *checker.Amount { return &i.CountyBudget }),
	numKey("上年县本级衔接资金预算（万元）", kindAmount, true, func(i *checker.Info) *checker.Amount { return &i.LastCountyBudget }),
	numKey("上年衔接资金总额（万元）", kindAmount, true, func(i *checker.Info) *checker.Amount { return &i.LastTotal }),
	numKey("上年衔接资金累计支出（万元）", kindAmount, true, func(i *checker.Info) *checker.Amount { return &i.LastSpent }),
	numKey("上年产业项目资金（万元）", kindAmount, true, func(i *checker.Info) *checker.Amount { return &i.LastIndustry }),
	numKey("两年以上结转结余（万元）", kindAmount, false, func(i *checker.Info) *checker.Amount { return &i.OldBalance }),
	numKey("全省7月中旬平均支出进度", kindRatio, false, func(i *checker.Info) *checker.Value[decimal.Decimal] { return &i.ProvinceAvgJul }),
	numKey("全省10月中旬平均支出进度", kindRatio, false, func(i *checker.Info) *checker.Value[decimal.Decimal] { return &i.ProvinceAvgOct }),
	flagKey("县级公开", false, func(i *checker.Info) *checker.Flag { return &i.CountyPublic }),
	numKey("发现问题数", kindNumber, false, func(i *checker.Info) *checker.Value[decimal.Decimal] { return &i.ProblemsFound }),
	numKey("已整改问题数", kindNumber, false, func(i *checker.Info) *checker.Value[decimal.Decimal] { return &i.ProblemsFixed }),
	numKey("12317反馈问题数", kindNumber, false, func(i *checker.Info) *checker.Value[decimal.Decimal] { return &i.HotlineIssues }),
	numKey("12317已处理数", kindNumber, false, func(i *checker.Info) *checker.Value[decimal.Decimal] { return &i.HotlineHandled }),
	numKey("脱贫人口人均可支配收入（元）", kindNumber, false, func(i *checker.Info) *checker.Value[decimal.Decimal] { return &i.IncomePoor }),
	numKey("全县农村居民人均可支配收入（元）", kindNumber, false, func(i *checker.Info) *checker.Value[decimal.Decimal] { return &i.IncomeAll }),
	numKey("脱贫人口收入增速", kindRatio, false, func(i *checker.Info) *checker.Value[decimal.Decimal] { return &i.GrowthPoor }),
	numKey("全县农村居民收入增速", kindRatio, false, func(i *checker.Info) *checker.Value[decimal.Decimal] { return &i.GrowthAll }),
	numKey("整合资金规模（万元）", kindAmount, false, func(i *checker.Info) *checker.Amount { return &i.Integrated }),
	numKey("整合资金已支出（万元）", kindAmount, false, func(i *checker.Info) *checker.Amount { return &i.IntegratedSpent }),
	numKey("申报资金总额（万元）", kindAmount, false, func(i *checker.Info) *checker.Amount { return &i.DeclaredTotal }),
	numKey("申报7月15日累计支出（万元）", kindAmount, false, func(i *checker.Info) *checker.Amount { return &i.DeclaredSpentJul }),
	numKey("申报10月15日累计支出（万元）", kindAmount, false, func(i *checker.Info) *checker.Amount { return &i.DeclaredSpentOct }),
	numKey("申报累计支出（万元）", kindAmount, false, func(i *checker.Info) *checker.Amount { return &i.DeclaredSpent }),
	numKey("申报预算执行率", kindRatio, false, func(i *checker.Info) *checker.Value[decimal.Decimal] { return &i.DeclaredRate }),
	numKey("申报结余（万元）", kindAmount, false, func(i *checker.Info) *checker.Amount { return &i.DeclaredBalance }),
	numKey("申报产业资金占比", kindRatio, false, func(i *checker.Info) *checker.Value[decimal.Decimal] { return &i.DeclaredIndustryShare }),
	numKey("申报中央资金占比", kindRatio, false, func(i *checker.Info) *checker.Value[decimal.Decimal] { return &i.DeclaredLevelShare[checker.Central] }),
	numKey("申报省级资金占比", kindRatio, false, func(i *checker.Info) *checker.Value[decimal.Decimal] {
		return &i.DeclaredLevelShare[checker.Provincial]
	}),
	numKey("申报市级资金占比", kindRatio, false, func(i *checker.Info) *checker.Value[decimal.Decimal] { return &i.DeclaredLevelShare[checker.Municipal] }),
	numKey("申报县级资金占比", kindRatio, false, func(i *checker.Info) *checker.Value[decimal.Decimal] {
		return &i.DeclaredLevelShare[checker.CountyLevel]
	}),
	numKey("申报总分", kindNumber, false, func(i *checker.Info) *checker.Value[decimal.Decimal] { return &i.DeclaredScore }),
	numKey("申报折算得分", kindNumber, false, func(i *checker.Info) *checker.Value[decimal.Decimal] { return &i.DeclaredNormalized }),
	textKey("申报等级", false, func(i *checker.Info) *checker.Text { return &i.DeclaredGrade }),
}
