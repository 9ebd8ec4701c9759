package checker

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/shopspring/decimal"
	"golang.org/x/text/unicode/norm"
)

// Sheet names as they appear in messages. The reader's layout (package
// sheets) is the authority on where they are found; these are only words.
const (
	sheetNotices  = "资金下达"
	sheetProjects = "项目清单"
	sheetLedger   = "支付台账"
	sheetScores   = "自评打分"
)

// MonthDay is a day of the evaluation year, such as 07-15.
type MonthDay struct {
	Month time.Month
	Day   int
}

func (m MonthDay) String() string { return fmt.Sprintf("%02d-%02d", int(m.Month), m.Day) }

// In is the date of m in year y.
func (m MonthDay) In(y int) time.Time { return time.Date(y, m.Month, m.Day, 0, 0, 0, 0, time.UTC) }

// Params are every number of the method that another province or year may
// change. DefaultParams gives the Heilongjiang 2021 method; the optional
// 参数 sheet overrides them key by key (ParamKeys lists the keys).
type Params struct {
	Ind1Deduction  decimal.Decimal // points per percentage point of budget decrease
	Ind3FullDays   int             // at most this many days: full marks
	Ind3ZeroDays   int             // more than this many days: 0
	Checkpoints    [2]MonthDay     // indicator 8
	Ind9ThisYear   decimal.Decimal // ratio below which 9a scores 0
	Ind9LastYear   decimal.Decimal // ratio below which 9b scores 0
	LabourShare    decimal.Decimal // indicator 11 以工代赈 labour pay / budget standard
	IndustryTarget map[int]decimal.Decimal
	Ind12Deduction decimal.Decimal // points per percentage point below the target
	Ind13Ratio     decimal.Decimal // spent / integrated for full marks
	GradeA, GradeB decimal.Decimal
	GradeC         decimal.Decimal
}

// DefaultParams are the parameters of 黑财农〔2021〕185号.
func DefaultParams() Params {
	return Params{
		Ind1Deduction: decimal.RequireFromString("0.5"),
		Ind3FullDays:  45,
		Ind3ZeroDays:  60,
		Checkpoints:   [2]MonthDay{{time.July, 15}, {time.October, 15}},
		Ind9ThisYear:  decimal.RequireFromString("0.85"),
		Ind9LastYear:  decimal.RequireFromString("0.95"),
		LabourShare:   decimal.RequireFromString("0.15"),
		IndustryTarget: map[int]decimal.Decimal{
			2021: decimal.RequireFromString("0.50"),
			2022: decimal.RequireFromString("0.55"),
			2023: decimal.RequireFromString("0.60"),
			2024: decimal.RequireFromString("0.65"),
			2025: decimal.RequireFromString("0.70"),
		},
		Ind12Deduction: one,
		Ind13Ratio:     decimal.RequireFromString("0.80"),
		GradeA:         dec(90),
		GradeB:         dec(80),
		GradeC:         dec(60),
	}
}

// Target is the industry share target of indicator 12 for year y: the
// year's own entry, else that of the latest earlier year, else the earliest.
func (p Params) Target(y int) decimal.Decimal {
	best, bestYear := zero, 0
	earliest, earliestYear := zero, 0
	for yr, t := range p.IndustryTarget {
		if yr <= y && (bestYear == 0 || yr > bestYear) {
			best, bestYear = t, yr
		}
		if earliestYear == 0 || yr < earliestYear {
			earliest, earliestYear = t, yr
		}
	}
	if bestYear == 0 {
		return earliest
	}
	return best
}

// ParamKey is one key the 参数 sheet accepts.
type ParamKey struct {
	Key     string
	Default string
	Meaning string
}

type paramKind uint8

const (
	pkNumber   paramKind = iota + 1 // a non-negative number
	pkRatio                         // a percentage: 0.85, 85% or 85
	pkDays                          // a whole number of days
	pkMonthDay                      // 07-15
)

type paramSpec struct {
	key     string
	kind    paramKind
	meaning string
	get     func(*Params) string
	set     func(*Params, decimal.Decimal, MonthDay)
}

// industryKeyPrefix + a year (指标12产业比例目标2026) sets that year's target.
const industryKeyPrefix = "指标12产业比例目标"

// industryKey also accepts the ways people write it: 指标12产业资金目标（2023）,
// 指标12产业占比目标2023年.
var industryKey = regexp.MustCompile(`^指标12产业(?:资金)?(?:比例|占比)?目标(\d{4})年?$`)

// paramKeyName is a key without spaces, brackets and punctuation, in NFKC.
func paramKeyName(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKC.String(s) {
		if !unicode.IsSpace(r) && !unicode.IsPunct(r) && !unicode.IsSymbol(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func numSpec(key string, kind paramKind, meaning string, f func(*Params) *decimal.Decimal) paramSpec {
	return paramSpec{key, kind, meaning,
		func(p *Params) string {
			if kind == pkRatio {
				return pct(*f(p))
			}
			return f(p).String()
		},
		func(p *Params, d decimal.Decimal, _ MonthDay) { *f(p) = d }}
}

func daySpec(key, meaning string, f func(*Params) *int) paramSpec {
	return paramSpec{key, pkDays, meaning,
		func(p *Params) string { return strconv.Itoa(*f(p)) },
		func(p *Params, d decimal.Decimal, _ MonthDay) { *f(p) = int(d.IntPart()) }}
}

func checkpointSpec(i int, key, meaning string) paramSpec {
	return paramSpec{key, pkMonthDay, meaning,
		func(p *Params) string { return p.Checkpoints[i].String() },
		func(p *Params, _ decimal.Decimal, m MonthDay) { p.Checkpoints[i] = m }}
}

var paramSpecs = []paramSpec{
	numSpec("指标1每百分点扣分", pkNumber, "县本级衔接资金预算比上年每减少1个百分点扣的分数", func(p *Params) *decimal.Decimal { return &p.Ind1Deduction }),
	daySpec("指标3满分天数", "资金从收到文件到落实到项目不超过该天数得满分", func(p *Params) *int { return &p.Ind3FullDays }),
	daySpec("指标3零分天数", "超过该天数得0分，两者之间按比例得分", func(p *Params) *int { return &p.Ind3ZeroDays }),
	checkpointSpec(0, "指标8第一检查日", "支出进度第一个调度日（月-日）"),
	checkpointSpec(1, "指标8第二检查日", "支出进度第二个调度日（月-日）"),
	numSpec("指标9当年执行率下限", pkRatio, "当年资金执行率低于该比例得0分，到100%之间按比例得分", func(p *Params) *decimal.Decimal { return &p.Ind9ThisYear }),
	numSpec("指标9上年执行率下限", pkRatio, "上年资金执行率低于该比例得0分，到100%之间按比例得分", func(p *Params) *decimal.Decimal { return &p.Ind9LastYear }),
	numSpec("指标11劳务报酬标准", pkRatio, "以工代赈项目劳务报酬占项目预算的最低比例", func(p *Params) *decimal.Decimal { return &p.LabourShare }),
	numSpec("指标12每百分点扣分", pkNumber, "产业比例每低于目标1个百分点扣的分数", func(p *Params) *decimal.Decimal { return &p.Ind12Deduction }),
	numSpec("指标13支出比例满分线", pkRatio, "整合资金已支出占整合资金规模达到该比例得满分", func(p *Params) *decimal.Decimal { return &p.Ind13Ratio }),
	numSpec("A级分数线", pkNumber, "最终得分不低于该分数为A级", func(p *Params) *decimal.Decimal { return &p.GradeA }),
	numSpec("B级分数线", pkNumber, "最终得分不低于该分数为B级", func(p *Params) *decimal.Decimal { return &p.GradeB }),
	numSpec("C级分数线", pkNumber, "最终得分不低于该分数为C级，低于为D级", func(p *Params) *decimal.Decimal { return &p.GradeC }),
}

// ParamKeys lists the keys of the 参数 sheet with their defaults, in the
// order of the indicators; the industry targets come one per year.
func ParamKeys() []ParamKey {
	d := DefaultParams()
	years := make([]int, 0, len(d.IndustryTarget))
	for y := range d.IndustryTarget {
		years = append(years, y)
	}
	sort.Ints(years)
	var out []ParamKey
	for _, s := range paramSpecs {
		if s.key == "指标12每百分点扣分" {
			for _, y := range years {
				out = append(out, ParamKey{industryKeyPrefix + strconv.Itoa(y), pct(d.IndustryTarget[y]),
					strconv.Itoa(y) + "年衔接资金用于产业的目标比例（其他年份可照此格式添加；未列出的年份沿用之前最近一年的目标）"})
			}
		}
		out = append(out, ParamKey{s.key, s.get(&d), s.meaning})
	}
	return out
}

// Parameter finding codes (CS = 参数).
const (
	CodeParamOverride = "CS601"
	CodeParamUnknown  = "CS602"
	CodeParamBadValue = "CS603"
)

var paramRules = []Rule{
	{CodeParamOverride, Hint, "参数表改变了评分参数",
		"工作簿的“参数”工作表改变了一个评分参数，本次评分按改后的值计算。默认值取自黑财农〔2021〕185号。可用的参数：" + paramKeyList() +
			"。如果不是有意修改，请删除参数表中的这一行。"},
	{CodeParamUnknown, Error, "参数表中的参数名无法识别",
		"“参数”工作表的参数名必须是规定的名称之一：" + paramKeyList() + "。无法识别的行被忽略，评分按默认值计算。请改正参数名或删除该行。"},
	{CodeParamBadValue, Error, "参数取值无法识别或不合理",
		"参数取值必须是对应类型的数：天数为整数，比例可写 85% 或 0.85，检查日写作 07-15；满分天数须小于零分天数，等级分数线须 A>B>C。无法使用的取值被忽略，按默认值计算。请改正取值。"},
}

func paramKeyList() string {
	var keys []string
	for _, k := range ParamKeys() {
		keys = append(keys, k.Key+"（默认"+k.Default+"）")
	}
	return strings.Join(keys, "、")
}

// applyParams reads the 参数 rows over the defaults. Every override in effect
// is listed and raised as a hint; what cannot be used is an error and leaves
// the default in place.
func applyParams(rows []Param) (Params, []string, []Finding) {
	p := DefaultParams()
	var overrides []string
	var findings []Finding
	for _, row := range rows {
		key := paramKeyName(row.Key.V)
		if key == "" || strings.HasPrefix(key, "说明") || strings.HasPrefix(key, "备注") {
			continue // a note, not a parameter
		}
		spec, year, ok := lookupParam(key)
		if !ok {
			findings = append(findings, Finding{Code: CodeParamUnknown, Severity: Error, Refs: refs(row.Key.At),
				Message:    fmt.Sprintf("参数表%s的参数名“%s”无法识别，已忽略", at(row.Key.At), row.Key.V),
				Suggestion: "参数名必须是：" + paramKeyList()})
			continue
		}
		old := spec.get(&p)
		d, md, err := parseParam(spec.kind, row)
		if err != "" {
			findings = append(findings, Finding{Code: CodeParamBadValue, Severity: Error, Refs: refs(row.Raw.At, row.Key.At),
				Message:    fmt.Sprintf("参数“%s”的取值“%s”%s无法使用：%s，按原值%s计算", key, row.Raw.V, at(row.Raw.At), err, old),
				Suggestion: "改正取值，或删除这一行"})
			continue
		}
		spec.set(&p, d, md)
		if bad := p.invalid(); bad != "" {
			p = undo(p, spec, year, old)
			findings = append(findings, Finding{Code: CodeParamBadValue, Severity: Error, Refs: refs(row.Raw.At, row.Key.At),
				Message:    fmt.Sprintf("参数“%s”取值“%s”%s不合理：%s，按原值%s计算", key, row.Raw.V, at(row.Raw.At), bad, old),
				Suggestion: "改正取值，或删除这一行"})
			continue
		}
		now := spec.get(&p)
		if now == old {
			continue // the value in force already: nothing overridden
		}
		msg := fmt.Sprintf("参数“%s”由参数表改为%s（默认%s）", key, now, old)
		overrides = append(overrides, msg)
		findings = append(findings, Finding{Code: CodeParamOverride, Severity: Hint, Refs: refs(row.Raw.At, row.Key.At),
			Message: msg + at(row.Raw.At)})
	}
	return p, overrides, findings
}

// lookupParam finds the spec of key; an industry target key also returns its
// year, with a spec that reads and writes that year's target.
func lookupParam(key string) (paramSpec, int, bool) {
	for _, s := range paramSpecs {
		if s.key == key {
			return s, 0, true
		}
	}
	m := industryKey.FindStringSubmatch(key)
	if m == nil {
		return paramSpec{}, 0, false
	}
	y, _ := strconv.Atoi(m[1])
	if y < 2000 || y > 2100 {
		return paramSpec{}, 0, false
	}
	return paramSpec{key: key, kind: pkRatio,
		get: func(p *Params) string { return pct(p.Target(y)) },
		set: func(p *Params, d decimal.Decimal, _ MonthDay) { p.IndustryTarget[y] = d }}, y, true
}

func undo(p Params, spec paramSpec, year int, old string) Params {
	if year > 0 {
		delete(p.IndustryTarget, year)
		return p
	}
	d, md, _ := parseParam(spec.kind, Param{Raw: Text{V: old, Set: true}})
	spec.set(&p, d, md)
	return p
}

// invalid says what is wrong with a combination of parameters.
func (p Params) invalid() string {
	switch {
	case p.Ind3FullDays >= p.Ind3ZeroDays:
		return fmt.Sprintf("指标3满分天数（%d）须小于零分天数（%d）", p.Ind3FullDays, p.Ind3ZeroDays)
	case !p.GradeA.GreaterThan(p.GradeB) || !p.GradeB.GreaterThan(p.GradeC):
		return "等级分数线须 A>B>C"
	case p.Ind9ThisYear.GreaterThanOrEqual(one) || p.Ind9LastYear.GreaterThanOrEqual(one):
		return "执行率下限须低于100%"
	case !p.Ind13Ratio.IsPositive():
		return "满分比例须大于0"
	}
	return ""
}

var monthDay = regexp.MustCompile(`^(?:\d{4}[-/.年])?(\d{1,2})[-/.月](\d{1,2})日?$`)

// parseParam reads a value of the given kind; the error is a reason in
// Chinese, empty when the value is usable.
func parseParam(kind paramKind, row Param) (decimal.Decimal, MonthDay, string) {
	raw := strings.TrimSpace(row.Raw.V)
	if kind == pkMonthDay {
		if m := monthDay.FindStringSubmatch(raw); m != nil {
			mo, _ := strconv.Atoi(m[1])
			d, _ := strconv.Atoi(m[2])
			// 2024 is a leap year, so 02-29 is a day but 02-30 is not.
			if mo >= 1 && mo <= 12 && d >= 1 && time.Date(2024, time.Month(mo), d, 0, 0, 0, 0, time.UTC).Day() == d {
				return zero, MonthDay{time.Month(mo), d}, ""
			}
		}
		if row.Num.Set && row.Num.V.GreaterThan(dec(60)) {
			// An Excel date serial: days since 1899-12-30.
			t := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(row.Num.V.IntPart()))
			return zero, MonthDay{t.Month(), t.Day()}, ""
		}
		return zero, MonthDay{}, "检查日应写作“07-15”"
	}
	d, ok := row.Num.V, row.Num.Set
	if !ok {
		v, err := decimal.NewFromString(strings.TrimSuffix(raw, "%"))
		if err != nil {
			return zero, MonthDay{}, "不是数字"
		}
		d, ok = v, true
		if strings.HasSuffix(raw, "%") {
			d = d.Div(hundred)
		}
	}
	if d.IsNegative() {
		return zero, MonthDay{}, "不能为负数"
	}
	switch kind {
	case pkRatio:
		if d.GreaterThan(one) {
			d = d.Div(hundred)
		}
	case pkDays:
		if !d.Equal(d.Truncate(0)) {
			return zero, MonthDay{}, "天数应为整数"
		}
	}
	return d, MonthDay{}, ""
}
