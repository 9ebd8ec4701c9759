package checker

import "sort"

// Rule describes one finding code. Codes never change meaning once released;
// a retired code is kept out of use, not reassigned.
type Rule struct {
	Code     string
	Severity Severity
	// Title is one line; Explain says what is checked, why, and how to fix it.
	Title   string
	Explain string
}

// Finding codes for what the reader could not read (GS = 格式). The checker's
// own codes (ZJ 资金, XM 项目, TZ 台账, DF 打分, CS 参数) are defined beside
// the checks that raise them.
const (
	CodeMissingSheet  = "GS101"
	CodeMissingColumn = "GS102"
	CodeMissingKey    = "GS103"
	CodeBadNumber     = "GS104"
	CodeBadDate       = "GS105"
	CodeBadChoice     = "GS106"
	CodeBlankRequired = "GS107"
	CodeYuanConverted = "GS108"
)

var rules = []Rule{
	{CodeMissingSheet, Error, "缺少必需的工作表",
		"工作簿必须包含基本信息、资金下达、项目清单、支付台账、自评打分五个工作表（按名称查找，多余的工作表不影响检查）。缺少任何一个时无法计分，文件被拒绝。请用 fundcheck template 生成标准模板，把数据粘贴到对应工作表。"},
	{CodeMissingColumn, Error, "缺少必需的列",
		"每个表格工作表的表头行必须包含必需的列（按表头文字或别名匹配，顺序不限）。缺少必需列时无法计分，文件被拒绝。请按标准模板补上该列的表头。"},
	{CodeMissingKey, Error, "基本信息缺少必需的项目",
		"基本信息工作表的“项目”列必须列出必需的项目（如 地区名称、评价年度、数据截止日期）。缺少时依赖它的指标无法计算，其余内容照常检查。请在基本信息中补上该项目及其内容。"},
	{CodeBadNumber, Error, "数字无法识别",
		"金额、比例和分数必须是数字，可以是数值、公式，或“406”“4,950.68”“406万元”“62.27%”这样的文字。无法识别的单元格不参与计算。请改为数字。"},
	{CodeBadDate, Error, "日期无法识别",
		"日期可以是 Excel 日期，或“2023-02-07”“2023/2/7”“2023.2.7”“2023年2月7日”“20230207”这样的文字。1900年以前的日期视为写错。无法识别的日期不参与按日期的计算。请改为上述格式之一。"},
	{CodeBadChoice, Error, "取值不在允许范围内",
		"资金级次、任务类型、项目类别和是/否列只能填写规定的取值（见模板中的下拉列表）。不在范围内的值无法归类。请从下拉列表中选择。"},
	{CodeBlankRequired, Error, "必填单元格为空",
		"必填的单元格为空：资金下达的资金级次、金额和收到文件、落实到项目日期（县级行的日期可不填），项目清单的项目名称、项目类别和预算资金，支付台账的支付日期、支付金额和项目名称（已填项目编号时可不填）。空单元格不参与计算；项目预算为空时，依赖它的合计行、占比和产业比例（指标12）不再核对或计算，以免一处空白引出多条问题。请补填。"},
	{CodeYuanConverted, Hint, "以元为单位的列已换算为万元",
		"表头注明单位为（元）的金额列，已按÷10000换算为万元后参与计算。如果单位写错，请改正表头。"},
}

// The checker's own rules are defined beside the checks that raise them and
// joined to the registry here, which is kept in code order.
func init() {
	for _, rs := range [][]Rule{paramRules, scoreRules, ledgerRules, projectRules, fundRules} {
		rules = append(rules, rs...)
	}
	sort.Slice(rules, func(i, j int) bool { return rules[i].Code < rules[j].Code })
}

// Rules lists every finding code in code order.
func Rules() []Rule { return rules }

// LookupRule returns the rule with the given code.
func LookupRule(code string) (Rule, bool) {
	for _, r := range rules {
		if r.Code == code {
			return r, true
		}
	}
	return Rule{}, false
}
