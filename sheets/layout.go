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
		{name: "资金级次", aliases: []string{"级次", "资金来源"}, required: true, choices: levelChoices, width: 10},
		{name: "任务类型", aliases: []string{"任务"}, choices: taskChoices, width: 30},
		{name: "文号", aliases: []string{"文件文号"}, width: 26},
		{name: "文件名称", width: 40},
		{name: "金额", unit: "万元", aliases: []string{"下达金额", "资金额"}, required: true, width: 14},
		{name: "收到文件日期", aliases: []string{"下达日期", "收文日期"}, required: true, width: 14},
		{name: "落实到项目日期", aliases: []string{"批复日期", "项目批复日期"}, required: true, width: 16},
	}}
	projectTable = table{SheetProjects, []column{
		{name: "项目编号", aliases: []string{"编号"}, width: 12},
		{name: "项目名称", aliases: []string{"名称"}, required: true, width: 44},
		{name: "项目类别", aliases: []string{"类别"}, required: true, choices: categoryChoices, width: 12},
		{name: "任务类型", aliases: []string{"任务"}, choices: taskChoices, width: 30},
		{name: "实施地点", aliases: []string{"乡镇", "村"}, width: 16},
		{name: "预算资金", unit: "万元", aliases: []string{"资金规模", "金额"}, required: true, width: 14},
		{name: "资金占比", aliases: []string{"占比"}, width: 10},
		{name: "是否入库", aliases: []string{"入库"}, choices: yesNoChoices, width: 10},
		{name: "绩效目标", choices: yesNoChoices, width: 10},
		{name: "乡级公示", choices: yesNoChoices, width: 10},
		{name: "村级公示", choices: yesNoChoices, width: 10},
		{name: "劳务报酬", unit: "万元", width: 14},
		{name: "劳务报酬公示", choices: yesNoChoices, width: 14},
	}}
	ledgerTable = table{SheetLedger, []column{
		{name: "支付日期", aliases: []string{"日期", "拨付日期"}, required: true, width: 14},
		{name: "项目编号", aliases: []string{"编号"}, width: 12},
		{name: "项目名称", aliases: []string{"名称"}, width: 44},
		{name: "支付金额", unit: "万元", aliases: []string{"金额", "拨付金额"}, required: true, width: 14},
		{name: "凭证号", aliases: []string{"凭证编号"}, width: 16},
		{name: "收款单位", width: 30},
	}}
	scoreTable = table{SheetScores, []column{
		{name: "序号", required: true, width: 8},
		{name: "指标", width: 36},
		{name: "任务类型", choices: taskChoices, width: 30},
		{name: "自评得分", required: true, width: 12},
		{name: "佐证材料", width: 60},
	}}
	paramTable = table{SheetParams, []column{
		{name: "参数", aliases: []string{"项目", "名称"}, required: true, width: 40},
		{name: "取值", aliases: []string{"内容", "值"}, required: true, width: 20},
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
